"""What docs/ may hold, checked before MkDocs reads a single file of it.

MkDocs publishes every file of docs/ as it is and follows symlinks when it collects
them. A translator's folder could then serve `evil.html` or a script from the guide's
own address, and a symlink could publish /etc/passwd or read /dev/zero until the
memory runs out. So:

- no symlink anywhere under docs/, and nothing that is not a plain file or folder (a
  named pipe would block the build);
- a language folder (docs/da/, ...) holds only translations: a page for an English
  page, a data file for an English data file, and the translation records. Hidden
  files (an editor's `.page.md.swp`) are neither published nor read, and are left
  alone;
- no page or data file larger than the limits of peerguide/policy.py.

`read_bounded()` is how the hooks and tools read a translator's file: never through a
symlink, never more than the limit.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .policy import LANGUAGE_EXTRA_DATA, MAX_DATA_BYTES, MAX_PAGE_BYTES

DATA = "data"


def limit_for(path: Path) -> int | None:
    if path.suffix == ".md":
        return MAX_PAGE_BYTES
    if path.suffix in (".yml", ".yaml"):
        return MAX_DATA_BYTES
    return None


def folder_problems(docs: Path, languages: list[str], root: Path | None = None) -> list[str]:
    """'path: problem' for everything under `docs` that may not be there. `languages`
    are the translations' folder names."""
    root = root or docs.parent
    problems: list[str] = []

    def shown(path: Path) -> str:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            return path.as_posix()

    english: set[str] = set()
    folders: set[str] = set()
    for path, entry in _walk(docs, problems, shown, skip=set(languages)):
        rel = path.relative_to(docs).as_posix()
        if entry.is_dir(follow_symlinks=False):
            folders.add(rel)
        else:
            english.add(rel)
            _check_size(path, entry, problems, shown)
    for lang in languages:
        folder = docs / lang
        if not os.path.lexists(folder):
            continue
        for path, entry in _walk(folder, problems, shown):
            rel = path.relative_to(folder).as_posix()
            if entry.is_dir(follow_symlinks=False):
                if rel not in folders:
                    problems.append(f"{shown(path)}/: the English guide has no folder {rel}/; a language folder "
                                    "mirrors the English folders")
                continue
            if not _translates(rel, english):
                problems.append(
                    f"{shown(path)}: not a translation of an English page or data file; a language folder holds "
                    "only Markdown pages that have an English original (docs/<path>.md) and data files that have "
                    "one (docs/data/<name>.yml): move or delete it")
                continue
            _check_size(path, entry, problems, shown)
    return problems


def _translates(rel: str, english: set[str]) -> bool:
    if rel.endswith(".md"):
        return rel in english
    folder, _, name = rel.rpartition("/")
    if folder == DATA and name.endswith(".yml"):
        return rel in english or name in LANGUAGE_EXTRA_DATA
    return False


def _walk(folder: Path, problems: list[str], shown, skip: set[str] = frozenset()):
    """(path, entry) for every file and folder under `folder`, never following a symlink;
    symlinks and special files go to `problems`."""
    pending = [folder]
    if os.path.islink(folder):
        problems.append(f"{shown(folder)}: is a symlink; nothing under docs/ may be one (copy the file instead)")
        return
    while pending:
        current = pending.pop()
        with os.scandir(current) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                path = Path(entry.path)
                if current == folder and entry.name in skip:
                    continue
                if entry.is_symlink():
                    problems.append(f"{shown(path)}: is a symlink; nothing under docs/ may be one (copy the file "
                                    "instead)")
                elif entry.is_dir(follow_symlinks=False):
                    yield path, entry
                    pending.append(path)
                elif not entry.is_file(follow_symlinks=False):
                    problems.append(f"{shown(path)}: is not a plain file (a pipe, socket or device)")
                elif entry.name.startswith("."):
                    continue  # hidden: neither published (MkDocs leaves dotfiles out) nor read
                else:
                    yield path, entry


def _check_size(path: Path, entry: os.DirEntry, problems: list[str], shown) -> None:
    limit = limit_for(path)
    size = entry.stat(follow_symlinks=False).st_size
    if limit is not None and size > limit:
        problems.append(f"{shown(path)}: is {size:,} bytes; a {'page' if path.suffix == '.md' else 'data file'} "
                        f"may be at most {limit:,} bytes")


class ReadError(Exception):
    """A file that cannot be read safely; the message says why, for the file's name."""


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of `path`, which must be a plain file (not a symlink, pipe or device) of
    at most `limit` bytes."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as exc:
        if os.path.islink(path):
            raise ReadError("is a symlink; nothing under docs/ may be one (copy the file instead)") from None
        raise ReadError(f"cannot be read ({exc.strerror})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ReadError("is not a plain file (a pipe, socket or device)")
        if info.st_size > limit:
            raise ReadError(f"is {info.st_size:,} bytes; at most {limit:,} are read")
        with os.fdopen(fd, "rb", closefd=True) as file:
            fd = -1
            data = file.read(limit + 1)
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > limit:
        raise ReadError(f"is more than {limit:,} bytes; at most {limit:,} are read")
    return data
