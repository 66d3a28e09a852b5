"""MkDocs hook: render the YAML data of docs/data/ into the pages.

Loads and validates every data file once per change (a bad file stops the
build with file, line and field), then replaces each data marker such as
`<!-- models:comparison -->` with its template, in the language being built.
The logic lives in the `peerguide` package next to this file.
"""

from __future__ import annotations

import html
from pathlib import Path

from mkdocs.exceptions import PluginError
from peerguide.catalog import DATA_FOLDER, load_catalog
from peerguide.errors import DataErrors
from peerguide.markers import MarkerError, replace_markers
from peerguide.render import Renderer, environment
from peerguide.site import languages

_cache: dict = {"key": None, "catalog": None}
_renderer: Renderer | None = None


def _data_signature(docs_dir: Path, langs: list[str]) -> tuple:
    files = sorted(docs_dir.glob(f"**/{DATA_FOLDER}/*"))
    return (str(docs_dir), tuple(langs), tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files))


def _catalog(docs_dir: Path, langs: list[str], default: str):
    # static-i18n runs on_config once per language: load the data once per change.
    key = _data_signature(docs_dir, langs)
    if _cache["key"] != key:
        _cache["catalog"] = load_catalog(docs_dir, langs, default)
        _cache["key"] = key
    return _cache["catalog"]


def on_config(config):
    global _renderer
    langs = languages(config)
    try:
        catalog = _catalog(Path(config.docs_dir), langs.all, langs.default)
    except DataErrors as exc:
        raise PluginError(str(exc)) from None
    data = catalog[langs.current]
    # The theme inserts these as they are: escape the plain text of the labels.
    config.site_name = html.escape(data.t("site.name"), quote=False)
    config.copyright = html.escape(data.t("site.copyright"), quote=False)
    _renderer = Renderer(environment(config.theme.get_env().loader), catalog)
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
    try:
        return replace_markers(markdown, lambda marker: _renderer.render(marker, lang))
    except MarkerError as exc:
        raise PluginError(f"{config.docs_dir}/{page.file.src_uri}: {exc}") from None


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
