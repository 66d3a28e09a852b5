"""MkDocs hook: the offline copy (PEERGUIDE_OFFLINE=true, built by tools/offline.py).

Material's offline plugin switches the site to file:// links; it also adds a script from
a CDN (unpkg's iframe-worker) that only Material's search worker needs. The site's search
is Pagefind, which cannot run from file://, so the script is left out: the offline copy,
like the site, requests nothing from any other host. Search in the offline copy is
MiniSearch over one index script per language, written here (peerguide/offlinesearch.py);
assets/javascripts/search.js loads them only from file:// and only when the reader searches.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from peerguide.formatting import language_tag
from peerguide.offlinesearch import index_script, page_document
from peerguide.site import languages, offline_copy
from peerguide.urls import resolve

INDEX_FOLDER = "assets/offline-search"
MINISEARCH = "node_modules/minisearch/dist/umd/index.js"
_documents: list[dict] = []


@event_priority(-100)  # after the offline plugin has added its script
def on_config(config):
    polyfills = config.extra.get("polyfills") or []
    config.extra["polyfills"] = [url for url in polyfills if resolve(str(url)).relative]
    return config


def on_pre_build(config):
    _documents.clear()  # one language's build


def on_post_page(output, page, config):
    if offline_copy(config):
        document = page_document(output, page.url or "index.html")
        if document:
            _documents.append(document)
    return output


def on_post_build(config):
    if not offline_copy(config):
        return
    root = Path(config.config_file_path).parent
    site = Path(config.site_dir)
    lang = language_tag(languages(config).current)
    target = site / INDEX_FOLDER / f"{lang}.js"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(index_script(lang, list(_documents)), encoding="utf-8")
    library = root / MINISEARCH
    if not library.is_file():
        raise PluginError(f"{MINISEARCH} is missing: run `make offline`, which installs the npm packages")
    shutil.copyfile(library, site / INDEX_FOLDER / "minisearch.js")
