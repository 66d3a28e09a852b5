"""Results of slow, pure computations, kept on disk from one build to the next.

Every `mkdocs build`, and every start of `mkdocs serve`, is a new process, and the
validated data, the translation status and the map's shapes took half a second of
each, the same every time until a file changes. They are kept in the cache folder
(.cache/build/, see cache.py) under a key that hashes all their inputs and the code of
this package: a change to either computes them afresh. Only results are kept; a
computation that fails (bad data) is never remembered, so its errors are reported
every time.

The files are Python pickles, written and read only by this project on this machine,
like the rest of .cache/ and .venv/.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Callable, Iterable, TypeVar

T = TypeVar("T")

FOLDER = "build"


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of this package's code: a result computed by other code is not reused."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def key_of(parts: Iterable[bytes | str]) -> str:
    digest = hashlib.sha256(code_version().encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)  # lengths: no two inputs read alike
    return digest.hexdigest()[:32]


def remembered(cache: Path, name: str, parts: Iterable[bytes | str], compute: Callable[[], T]) -> T:
    """compute(), or what it returned last time for the same inputs (`parts`)."""
    folder = cache / FOLDER
    path = folder / f"{name}-{key_of(parts)}.pickle"
    try:
        return pickle.loads(path.read_bytes())
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - a damaged or outdated file: compute afresh
        path.unlink(missing_ok=True)
    value = compute()
    _keep(folder, name, path, value)
    return value


def _keep(folder: Path, name: str, path: Path, value: object) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob(f"{name}-*.pickle"):
            old.unlink(missing_ok=True)  # one result per computation is enough
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
    except OSError:
        return  # a read-only or full disk: the build goes on without the cache
    try:
        with os.fdopen(handle, "wb") as file:
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)  # whole or not at all, also with two builds at once
    except (OSError, pickle.PicklingError):
        Path(temporary).unlink(missing_ok=True)


def files_content(paths: Iterable[Path], root: Path) -> Iterable[bytes]:
    """Each file's path (from root) and content, in a stable order: a key's parts."""
    for path in sorted(paths):
        yield path.relative_to(root).as_posix().encode("utf-8")
        yield path.read_bytes()


class Memo:
    """Results of one pure computation for many inputs (a digest each), kept from one build to
    the next: read once per process, written after a build that added entries. The file is
    started afresh when it holds more than MAX_ENTRIES (old pages and blocks pile up)."""

    MAX_ENTRIES = 20_000  # the site asks for about 1,000 per build

    def __init__(self, cache: Path, name: str):
        self.name = name
        self.folder = cache / FOLDER
        self.path = self.folder / f"{name}-{key_of([])}.pickle"
        try:
            self.entries: dict[str, object] = pickle.loads(self.path.read_bytes())
        except FileNotFoundError:
            self.entries = {}
        except Exception:  # noqa: BLE001 - a damaged or outdated file: start empty
            self.entries = {}
        self.added: dict[str, object] = {}

    def get(self, key: str) -> object | None:
        return self.entries.get(key)

    def put(self, key: str, value: object) -> None:
        self.entries[key] = value
        self.added[key] = value

    def save(self) -> None:
        if not self.added:
            return
        if len(self.entries) > self.MAX_ENTRIES:
            self.entries = dict(self.added)
        _keep(self.folder, self.name, self.path, self.entries)
        self.added = {}


_memos: dict[tuple[Path, str], Memo] = {}


def memo(cache: Path, name: str) -> Memo:
    """The process's one Memo of that name (each language's build adds to the same)."""
    if (cache, name) not in _memos:
        _memos[(cache, name)] = Memo(cache, name)
    return _memos[(cache, name)]

