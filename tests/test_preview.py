"""The translators' preview (`make serve`): file events instead of polling, and the
search index written just after the page (hooks/preview.py, peerguide/searchindex.py)."""

from __future__ import annotations

import threading
import time

import watchdog.observers.polling
from mkdocs.livereload import LiveReloadServer

import preview
from builtsite import copy_project, free_port, mkdocs_serve, wait_for
from peerguide import searchindex


def test_the_preview_listens_for_file_events_instead_of_polling(tmp_path):
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=free_port(), root=str(tmp_path))
    watched = tmp_path / "docs"
    watched.mkdir()
    server.watch(str(watched))
    server.watch(str(watched))  # a second watch of the same path, as plugins may add
    assert isinstance(server.observer, watchdog.observers.polling.PollingObserver)  # MkDocs' default

    server = preview.on_serve(server, config=None, builder=None)
    assert not isinstance(server.observer, watchdog.observers.polling.PollingObserver)
    assert server._watched_paths == {str(watched): 2}
    server.observer.start()
    try:
        page = watched / "index.md"
        page.write_text("saved", encoding="utf-8")
        assert wait_for(lambda: server._want_rebuild), "a save must ask for a rebuild"
        server._want_rebuild = False
        time.sleep(0.3)
        page.read_text(encoding="utf-8")  # every build reads every file: that is no change
        time.sleep(0.5)
        assert not server._want_rebuild, "reading a file must not ask for a rebuild"
    finally:
        server.observer.stop()
        server.observer.join()
        server.server_close()


def test_while_serving_the_index_is_written_after_the_page_and_waited_for(monkeypatch, tmp_path):
    started, release = threading.Event(), threading.Event()
    indexed = []

    def slow_index(site):
        started.set()
        release.wait(10)
        indexed.append(site)

    monkeypatch.setattr(searchindex, "index", slow_index)
    indexer = searchindex.Indexer()
    indexer.background = True
    indexer.start(tmp_path)  # returns while Pagefind still runs
    assert started.wait(5) and indexed == []
    release.set()
    indexer.wait()  # the next build waits for it before emptying the site folder
    assert indexed == [tmp_path]


def test_a_failed_index_while_serving_is_logged_not_raised(monkeypatch, tmp_path, caplog):
    def failing(site):
        raise searchindex.PagefindError("Pagefind could not index the site: broken")

    monkeypatch.setattr(searchindex, "index", failing)
    indexer = searchindex.Indexer()
    indexer.background = True
    indexer.start(tmp_path)
    indexer.wait()
    assert "Pagefind could not index the site: broken" in caplog.text


def test_serve_shows_a_save_and_then_indexes_it_for_search(tmp_path):
    project = copy_project(tmp_path / "project")
    log = tmp_path / "serve.log"
    page = project / "docs/da/index.md"
    with mkdocs_serve(project, log) as (server, get):
        assert wait_for(lambda: get("da/") is not None), "mkdocs serve did not start"
        page.write_text(page.read_text(encoding="utf-8") + "\nOrdetderkunfindesher\n", encoding="utf-8")
        assert wait_for(lambda: "Ordetderkunfindesher" in (get("da/") or "")), "the save must show"
        # The index, emptied by the rebuild, is written again in the background.
        assert wait_for(lambda: get("pagefind/pagefind-entry.json") is not None)
        assert server.poll() is None
    assert "ERROR" not in log.read_text()
