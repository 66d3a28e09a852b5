"""MkDocs hook: index the built site for search with Pagefind, once every language is built.

Pagefind reads each page's `<html lang>` and writes one index per language into
site/pagefind/, with stemming for all six of the site's languages. Only the
content of translated pages is indexed (the `data-pagefind-body` element that
overrides/main.html puts around it): a page shown in English for want of a
translation is not found by a search in that language. The browser loads the
index only when the reader searches (assets/javascripts/search.js).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from peerguide.site import offline_copy

OUTPUT = "pagefind"
# Not content: heading permalinks, and the file lists of the translation status page.
EXCLUDE = ".headerlink, .pg-status-list"
# Pagefind's ready-made interfaces; the guide has its own dialog (search.js).
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
          "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")


@event_priority(-200)  # after static-i18n has built the other languages
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # one language's build inside static-i18n's loop: index once, at the end
    if offline_copy(config):
        return  # Pagefind cannot run from file://; the search dialog says so there
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", config.site_dir, "--output-subdir", OUTPUT,
         "--exclude-selectors", EXCLUDE, "--silent"],
        capture_output=True, text=True, timeout=120,
    )
    if result.returncode != 0:
        raise PluginError(f"Pagefind could not index the site:\n{result.stdout}{result.stderr}")
    for name in UNUSED:
        (Path(config.site_dir) / OUTPUT / name).unlink(missing_ok=True)
