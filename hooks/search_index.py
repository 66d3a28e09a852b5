"""MkDocs hook: index the built site for search with Pagefind, once every language is built.

Pagefind reads each page's `<html lang>` and writes one index per language into
site/pagefind/, with stemming for all six of the site's languages. Only the
content of translated pages is indexed (the `data-pagefind-body` element that
overrides/main.html puts around it): a page shown in English for want of a
translation is not found by a search in that language. The browser loads the
index only when the reader searches (assets/javascripts/search.js).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from peerguide.searchindex import PagefindError, indexer
from peerguide.site import offline_copy


def on_startup(command, dirty):
    # Under `mkdocs serve`, the index is written just after the page is shown (a quarter
    # of a second later on a 2-core machine), so that a saved page reaches the browser sooner.
    indexer.background = command == "serve"


def on_pre_build(config):
    indexer.wait()  # the build is about to empty the site folder that Pagefind writes to


def on_shutdown():
    indexer.wait()


@event_priority(-200)  # after static-i18n has built the other languages
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # one language's build inside static-i18n's loop: index once, at the end
    if offline_copy(config):
        return  # Pagefind cannot run from file://; the search dialog says so there
    try:
        indexer.start(Path(config.site_dir))
    except PagefindError as error:
        raise PluginError(str(error)) from None
