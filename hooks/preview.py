"""MkDocs hook: the translators' preview (`make serve`) notices a saved file at once.

MkDocs 1.6 looks for changed files by polling every half second, which is half of the
one second a save may take to reach the browser. This hook moves its watches to
watchdog's native observer (inotify on Linux; watchdog is MkDocs' own dependency), which
reports a save within milliseconds. MkDocs 1.x is pinned and frozen: the attributes used
here are those of its livereload server, checked by tests/test_preview.py.
"""

from __future__ import annotations

import watchdog.observers
from watchdog.events import FileClosedEvent, FileCreatedEvent, FileDeletedEvent, FileModifiedEvent, FileMovedEvent

# Only changes: inotify also reports files being opened and read, which every build does
# (polling never saw those), and MkDocs rebuilds on any event it is given.
CHANGES = [FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent, FileClosedEvent]


class ChangeObserver(watchdog.observers.Observer):
    def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
        return super().schedule(event_handler, path, recursive=recursive, event_filter=event_filter or CHANGES,
                                follow_symlink=follow_symlink)


def on_serve(server, config, builder):
    polling, watched = server.observer, dict(server._watched_paths)
    for path in list(server._watch_refs):
        polling.unschedule(server._watch_refs.pop(path))
    server._watched_paths.clear()
    server.observer = ChangeObserver()
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)
    return server
