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

from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.utils import get_relative_url
from peerguide.cache import cache_dir
from peerguide.errors import DataErrors
from peerguide.fallback import theme_labels
from peerguide.htmlcheck import check_remembered
from peerguide.links import anchor_ids, file_links, rewrite_links
from peerguide.locate import line_of
from peerguide.manifest import read_manifest
from peerguide.markers import MarkerError, find_markers, replace_markers
from peerguide.policy import TEMPLATE
from peerguide.render import Islands, Renderer, bytecode_cache
from peerguide.session import (
    data_changes,
    policy_memo,
    qa_findings,
    session,
    template_environment,
)
from peerguide.site import (
    english_original,
    languages,
    offline_copy,
    page_body,
    public_address,
    set_command,
    source_file,
)
from peerguide.views.about import with_licence

log = get_plugin_logger("peerguide")
_renderer: Renderer | None = None
# Rendered HTML blocks per page, from on_page_markdown to on_page_content.
_islands: dict[str, Islands] = {}
# The scripts each page's data blocks need, from on_page_markdown to on_page_context.
_scripts: dict[str, list[str]] = {}
# Data link targets looked up in this build: docs path -> File or None.
_targets: dict = {}
# Data links with an anchor, checked once every page is converted: (page, target, anchor, link).
_pending_anchors: list = []


def on_startup(command, dirty):
    set_command(command)  # `serve`: the translators' preview shows what changed in the English


def on_config(config):
    global _renderer
    langs = languages(config)
    try:
        shared = session(config)
    except DataErrors as exc:
        raise PluginError(str(exc)) from None
    data = shared.catalog[langs.current]
    # The theme inserts these as they are in some places and escapes them in others
    # (`| e`): escaped Markup is right in both, quotes included.
    config.site_name = Markup.escape(data.t("site.name"))
    # The light/dark switch, named in the language (the theme writes the name as it is).
    for option, key in zip(config.theme.get("palette") or [], ("theme.to_dark", "theme.to_light")):
        if isinstance(option, dict) and isinstance(option.get("toggle"), dict):
            option["toggle"]["name"] = Markup.escape(data.t(key))
    licence = licence_setting(config)
    # The footer: the credit, then the licence of the guide's own text with a link to its terms.
    config.copyright = Markup.escape(data.t("site.copyright")) + Markup(" ") + with_licence(data.t("site.licence"), licence)
    manifest = read_manifest(Path(config.config_file_path).parent)
    if offline_copy(config):
        manifest = replace(manifest, offline=None)  # the offline copy does not hold itself
    extras = {"translations": shared.translations, "handouts": manifest,
              "project": Path(config.config_file_path).parent,
              "qa": qa_findings(config), "changes": data_changes(config, shared.translations),
              "public": public_address(config.site_url), "licence": licence}
    _renderer = Renderer(template_environment(config), shared.catalog, extras)
    # Labels the theme's own templates show: the search dialog (partials/peerguide/search.html)
    # and the page-not-found page (404.html); and the title of the link beside each heading.
    config.extra["peerguide"] = {"search": theme_labels(data, "search"), "not_found": theme_labels(data, "not_found"),
                                 # where the site's root is: its address, or for a local build only its path
                                 "site_root": config.site_url if public_address(config.site_url)
                                 else urlsplit(config.site_url or "/").path or "/"}
    if isinstance(config.mdx_configs.get("toc"), dict):
        config.mdx_configs["toc"]["permalink_title"] = str(data.t("headerlink"))
    return config


def licence_setting(config) -> dict:
    """mkdocs.yml's extra.licence: {name, url}, checked once: the footer, the About page and
    the handouts all show it."""
    licence = config.extra.get("licence")
    if not (isinstance(licence, dict) and isinstance(licence.get("name"), str)
            and isinstance(licence.get("url"), str) and licence["url"].startswith("https://")):
        raise PluginError("mkdocs.yml: extra.licence must have a name and an https:// url (the licence of the "
                          "guide's own text)")
    return licence


def on_nav(nav, config, files):
    """Section titles come from the `nav` labels, keyed by the section's folder."""
    data = _renderer.catalog[languages(config).current]
    for section in _sections(nav.items):
        folder = _section_folder(section)
        key = f"nav.{folder}"
        if key not in data.labels:
            raise PluginError(f"navigation section '{section.title}' ({folder}/) has no label '{key}' in labels.yml")
        section.title = Markup.escape(data.labels[key])
    return nav


def on_page_markdown(markdown, page, config, files):
    lang = languages(config).current
    islands = _islands[page.file.src_uri] = Islands()
    _scripts[page.file.src_uri] = islands.scripts
    try:
        markdown = replace_markers(markdown, lambda marker: _renderer.render(marker, lang, islands))
    except MarkerError as exc:
        raise PluginError(exc.located(source_file(page, config), page_body(page)[1])) from None
    body, first = page_body(page)
    problems = _missing_markers(page, config, body, first)
    if problems:
        raise PluginError("\n".join(f"{source_file(page, config)}:{line}: {problem}" for line, problem in problems))
    return markdown


def _missing_markers(page, config, body: str, first: int) -> list[tuple[int, str]]:
    """A translated page shows every table and list of its English page: a marker left out
    would silently leave the reader without it."""
    english_body = english_original(page, config)
    if english_body is None:
        return []  # English, or the English page shown for want of a translation
    wanted = [(marker.name, marker.args) for marker in find_markers(english_body)]
    # Reported on the page's first line of text, where a reader of the message looks first.
    heading_line = first + next((n for n, line in enumerate(body.split("\n")) if line.strip()), 0)
    present = [(marker.name, marker.args) for marker in find_markers(body)]
    problems = []
    for name, args in wanted:
        if (name, args) in present:
            present.remove((name, args))
        else:
            written = " ".join((name, *args))
            problems.append((heading_line, f"the marker <!-- {written} --> of the English page is missing: keep every "
                                    "marker of the English page, each on a line of its own, or its table is lost"))
    for name, args in present:
        marker = next(m for m in find_markers(body) if (m.name, m.args) == (name, args))
        problems.append((marker.line + first - 1, f"the English page has no marker <!-- {' '.join((name, *args))} -->: "
                                                  "a translation shows the same tables and lists as the English page"))
    return problems


def on_page_content(html, page, config, files):
    islands = _islands.pop(page.file.src_uri, None)
    if not islands or not islands.blocks:
        return html
    memo = policy_memo(config)
    problems = [problem for block in islands.blocks for problem in template_problems(block, page.url, memo)]
    if problems:
        raise PluginError(f"{source_file(page, config)}: a data block holds what the TEMPLATE policy does not allow "
                          "(a template or the data it shows is at fault):\n"
                          + "\n".join(f"  {problem}" for problem in dict.fromkeys(problems)))
    taken = _ids_taken_twice(html, islands.blocks)
    if taken:
        body, first = page_body(page)
        raise PluginError("\n".join(
            f"{source_file(page, config)}:{line_of(body, '#' + anchor, first) or first}: the anchor #{anchor} is also "
            "the id of an element of a table or form the build puts into this page: choose another anchor"
            for anchor in taken))
    resolve = _resolver(page, files, config)

    def links(block: str) -> str:
        block = rewrite_links(block, resolve)
        return file_links(block, lambda path: get_relative_url(path, page.url))

    try:
        html = islands.restore(html, links)
    except ValueError as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from None
    for block in islands.blocks:
        page.present_anchor_ids.update(anchor_ids(block))
    return html


def _ids_taken_twice(html: str, blocks: list[str]) -> list[str]:
    """Ids a page's own headings share with its data blocks: a script or a label would find
    the wrong element."""
    own = anchor_ids(html)
    return sorted(own & {anchor for block in blocks for anchor in anchor_ids(block)})


def template_problems(block: str, page_url: str, memo=None) -> tuple[str, ...]:
    """What a rendered data block holds beyond the TEMPLATE policy (peerguide/policy.py).
    The same blocks come back on every build: with `memo` (session.policy_memo), a block
    that passed is not judged again."""
    return tuple(finding.message for finding in check_remembered(memo, block, TEMPLATE, page_url).findings)


def on_page_context(context, page, config, nav):
    """overrides/main.html loads these scripts: a page without a checklist or a chooser
    loads neither's script."""
    context["page_scripts"] = _scripts.pop(page.file.src_uri, [])
    return context


def on_files(files, config):
    _targets.clear()  # each build (one per language) has its own files
    _pending_anchors.clear()


def _resolver(page, files, config):
    """Resolve a data link like MkDocs resolves a hand-written one, and check it the same way."""
    sources = _renderer.catalog[languages(config).current].link_sources

    def resolve(path: str, anchor: str | None) -> str | None:
        original = path + (f"#{anchor}" if anchor else "")
        # The same few pages are linked again and again: look each up once per build.
        if path not in _targets:
            _targets[path] = files.get_file_from_path(path.lstrip("/"))
        target = _targets[path]
        if target is None:
            log.log(
                config.validation.links.not_found,
                f"Doc file '{page.file.src_uri}' contains a data link '{original}'{_written_in(sources, original)}, "
                "but the target is not found among documentation files.",
            )
            return None
        if anchor:
            # Checked in on_env, once every page knows its anchors: with the data file's line.
            _pending_anchors.append((page.file.src_uri, target, anchor, original))
        url = "" if target is page.file else get_relative_url(target.url, page.url)
        return url + (f"#{anchor}" if anchor else "")

    return resolve


def on_env(env, config, files):
    """Check the anchors of data links, naming the data file, line and field of each."""
    env.bytecode_cache = bytecode_cache(cache_dir(Path(config.config_file_path).parent), "theme")
    sources = _renderer.catalog[languages(config).current].link_sources
    for page_uri, target, anchor, original in _pending_anchors:
        if target.page is not None and anchor not in target.page.present_anchor_ids:
            log.log(
                config.validation.links.anchors,
                f"Doc file '{page_uri}' contains a data link '{original}'{_written_in(sources, original)}, "
                f"but the doc '{target.src_uri}' does not contain an anchor '#{anchor}'.",
            )
    _pending_anchors.clear()
    return env


def _written_in(sources: dict[str, list[str]], link: str) -> str:
    where = sources.get(link)
    return f" (written in {'; '.join(where)})" if where else ""


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
