"""MkDocs hook: render the YAML data of docs/data/ into the pages.

Loads and validates every data file once per change (a bad file stops the
build with file, line and field), then replaces each data marker such as
`<!-- models:comparison -->` with its template, in the language being built.
The rendered HTML blocks skip the Markdown conversion and are put back in
on_page_content, where their links are resolved and checked with MkDocs' own
file lookup and validation settings. The logic lives in the `peerguide`
package next to this file.
"""

from __future__ import annotations

import html
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data
from peerguide.errors import DataErrors
from peerguide.fallback import theme_labels
from peerguide.links import anchor_ids, rewrite_links
from peerguide.markers import MarkerError, replace_markers
from peerguide.render import Islands, Renderer
from peerguide.session import session, template_environment
from peerguide.site import languages

log = get_plugin_logger("peerguide")
_renderer: Renderer | None = None
# Rendered HTML blocks per page, from on_page_markdown to on_page_content.
_islands: dict[str, Islands] = {}
# Data link targets looked up in this build: docs path -> File or None.
_targets: dict = {}


def on_config(config):
    global _renderer
    langs = languages(config)
    try:
        shared = session(config)
    except DataErrors as exc:
        raise PluginError(str(exc)) from None
    data = shared.catalog[langs.current]
    # The theme inserts these as they are: escape the plain text of the labels.
    config.site_name = html.escape(data.t("site.name"), quote=False)
    config.copyright = html.escape(data.t("site.copyright"), quote=False)
    _renderer = Renderer(template_environment(config), shared.catalog, {"translations": shared.translations})
    # Labels the theme's own templates show (the search dialog in partials/peerguide/search.html).
    config.extra["peerguide"] = {"search": theme_labels(data, "search")}
    return config


def on_nav(nav, config, files):
    """Section titles come from the `nav` labels, keyed by the section's folder."""
    data = _renderer.catalog[languages(config).current]
    for section in _sections(nav.items):
        folder = _section_folder(section)
        key = f"nav.{folder}"
        if key not in data.labels:
            raise PluginError(f"navigation section '{section.title}' ({folder}/) has no label '{key}' in labels.yml")
        section.title = data.labels[key]
    return nav


def on_page_markdown(markdown, page, config, files):
    lang = languages(config).current
    islands = _islands[page.file.src_uri] = Islands()
    try:
        return replace_markers(markdown, lambda marker: _renderer.render(marker, lang, islands))
    except MarkerError as exc:
        raise PluginError(exc.located(_display_path(page, config), _first_line(page))) from None


def on_page_content(html, page, config, files):
    islands = _islands.pop(page.file.src_uri, None)
    if not islands or not islands.blocks:
        return html
    resolve = _resolver(page, files, config)
    try:
        html = islands.restore(html, lambda block: rewrite_links(block, resolve))
    except ValueError as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from None
    for block in islands.blocks:
        page.present_anchor_ids.update(anchor_ids(block))
    return html


def on_files(files, config):
    _targets.clear()  # each build (one per language) has its own files


def _resolver(page, files, config):
    """Resolve a data link like MkDocs resolves a hand-written one, and check it the same way."""

    def resolve(path: str, anchor: str | None) -> str | None:
        original = path + (f"#{anchor}" if anchor else "")
        # The same few pages are linked again and again: look each up once per build.
        if path not in _targets:
            _targets[path] = files.get_file_from_path(path.lstrip("/"))
        target = _targets[path]
        if target is None:
            log.log(
                config.validation.links.not_found,
                f"Doc file '{page.file.src_uri}' contains a data link '{original}', "
                "but the target is not found among documentation files.",
            )
            return None
        if anchor:
            # MkDocs checks these anchors after the build, with its own log level.
            page.links_to_anchors.setdefault(target, {}).setdefault(anchor, original)
        url = "" if target is page.file else get_relative_url(target.url, page.url)
        return url + (f"#{anchor}" if anchor else "")

    return resolve


def _display_path(page, config) -> str:
    """The page's source file as a translator would name it: docs/da/models/index.md."""
    path = Path(page.file.abs_src_path)
    try:
        return path.relative_to(Path(config.config_file_path).parent).as_posix()
    except ValueError:
        return path.as_posix()


def _first_line(page) -> int:
    """The line of the source file on which the Markdown after the front matter starts."""
    source = page.file.content_string
    markdown, _ = get_data(source)
    return source[: len(source) - len(markdown)].count("\n") + 1


def _sections(items):
    for item in items:
        if item.is_section:
            yield item
            yield from _sections(item.children)


def _section_folder(section) -> str:
    for child in section.children:
        if child.is_page:
            uri = getattr(child.file, "norm_src_uri", child.file.src_uri)
            return Path(uri).parent.as_posix()
    raise PluginError(f"navigation section '{section.title}' has no page")
