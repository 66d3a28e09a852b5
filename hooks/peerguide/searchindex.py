"""The search index: Pagefind over the built site, one index per language.

`index()` runs Pagefind and waits. Under `mkdocs serve`, `Indexer.start()` runs it in
a thread instead, so that the page a translator saved is shown without waiting for the
index; the next build waits for it (`Indexer.wait()`) before the site folder is emptied.
This module keeps the indexer because MkDocs reloads the hook files on every rebuild.
"""

from __future__ import annotations

import logging
import subprocess
import threading
from pathlib import Path

import pagefind_bin  # the binary itself: `python -m pagefind` would start a Python first

OUTPUT = "pagefind"
# Not content: heading permalinks, and the file lists of the translation status page.
EXCLUDE = ".headerlink, .pg-status-list"
# Pagefind's ready-made interfaces; the guide has its own dialog (search.js).
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
          "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")

log = logging.getLogger("mkdocs.hooks.search_index")


class PagefindError(RuntimeError):
    """Pagefind failed; the message holds its output."""


def index(site: Path) -> None:
    """Write the search index of every language of the built site into site/pagefind/."""
    result = subprocess.run(
        [str(pagefind_bin.get_executable()), "--site", str(site), "--output-subdir", OUTPUT,
         "--exclude-selectors", EXCLUDE, "--silent"],
        capture_output=True, text=True, timeout=120,
    )
    if result.returncode != 0:
        raise PagefindError(f"Pagefind could not index the site:\n{result.stdout}{result.stderr}")
    for name in UNUSED:
        (site / OUTPUT / name).unlink(missing_ok=True)


class Indexer:
    """Indexes in the background while serving; at most one run at a time."""

    def __init__(self) -> None:
        self.background = False  # True under `mkdocs serve`
        self._thread: threading.Thread | None = None

    def start(self, site: Path) -> None:
        if not self.background:
            index(site)
            return
        self.wait()
        self._thread = threading.Thread(target=self._run, args=(site,), daemon=True)
        self._thread.start()

    def wait(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    @staticmethod
    def _run(site: Path) -> None:
        try:
            index(site)
        except (PagefindError, OSError, subprocess.TimeoutExpired) as error:
            log.error(str(error))  # the preview goes on; its search is out of date


indexer = Indexer()
