"""The English text a translation was made from, found again by its fingerprint.

A translation records the fingerprint of the English it was made from (a page's
`translated_from`, a data text's entry in translated.yml; see status.py), not the text.
The text is in the git history of the English file: every earlier version is read
(`git log` for the commits, one `git cat-file --batch` for their contents) and
fingerprinted the same way, until one matches. Without git, or when the history has no
version with that fingerprint (a shallow clone, an edit never committed), the answer is
None and `History.reason` says why, in words a translator can act on.
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from .errors import ErrorList
from .status import fingerprint, lookup
from .yamlsource import load_source


class History:
    def __init__(self, root: Path):
        self.root = Path(root)
        self.reason: str | None = None
        if shutil.which("git") is None:
            self.reason = "git is not installed, so the earlier English texts cannot be looked up"
        elif self._git("rev-parse", "--is-inside-work-tree").strip() != "true":
            self.reason = ("this copy of the guide is not a git repository (a download?), so the earlier English "
                           "texts cannot be looked up: work in a clone of the repository")

    def _git(self, *args: str, data: bytes | None = None) -> str:
        try:
            result = subprocess.run(["git", "-C", str(self.root), *args], input=data, capture_output=True,
                                    timeout=60, check=False)
        except (OSError, subprocess.SubprocessError):
            return ""
        return result.stdout.decode("utf-8", "replace") if result.returncode == 0 else ""

    @functools.lru_cache(maxsize=256)
    def versions(self, path: str) -> tuple[str, ...]:
        """The texts of `path` (from the project's root) in every commit that changed it,
        newest first, after the text in the working tree."""
        if self.reason:
            return ()
        current = self.root / path
        texts = [current.read_text(encoding="utf-8", errors="replace")] if current.is_file() else []
        commits = self._git("log", "--format=%H", "--", path).split()
        if not commits:
            return tuple(texts)
        request = "".join(f"{commit}:{path}\n" for commit in commits).encode()
        try:
            output = subprocess.run(["git", "-C", str(self.root), "cat-file", "--batch"], input=request,
                                    capture_output=True, timeout=60, check=False).stdout
        except (OSError, subprocess.SubprocessError):
            return tuple(texts)
        position = 0
        while position < len(output):
            header_end = output.index(b"\n", position)
            header = output[position:header_end].split()
            position = header_end + 1
            if len(header) < 3 or header[1] != b"blob":
                continue  # "<name> missing": the file did not exist under this name then
            size = int(header[2])
            texts.append(output[position:position + size].decode("utf-8", "replace"))
            position += size + 1
        return tuple(dict.fromkeys(texts))

    def page(self, path: str, wanted: str) -> str | None:
        """The version of English page `path` ('docs/models/index.md') whose fingerprint is `wanted`."""
        return next((text for text in self.versions(path) if fingerprint(text) == wanted), None)

    def data(self, path: str, key: str, wanted: str) -> Any | None:
        """The English data text at `key` of data file `path` ('docs/data/models.yml') whose
        fingerprint is `wanted`: a text, or a list of texts."""
        for text in self.versions(path):
            value = _value(text, path, key)
            if value is not None and fingerprint(value) == wanted:
                return value
        return None


@functools.lru_cache(maxsize=1024)
def _parsed(text: str, path: str) -> Any:
    source = load_source(text, path, ErrorList())
    return source.data


def _value(text: str, path: str, key: str) -> Any | None:
    """A data text as validation would have normalised it (whitespace runs as one space)."""
    value = lookup(_parsed(text, path), tuple(key.split(".")))
    return normalised(value)


def normalised(value: Any) -> Any | None:
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return [" ".join(item.split()) for item in value]
    if isinstance(value, dict) and all(isinstance(item, str) for item in value.values()):
        return {name: " ".join(item.split()) for name, item in value.items()}  # a plural label
    return None


def as_text(value: Any) -> str:
    """A data text (a text, a list of texts, plural forms) as one text to compare."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "\n\n".join(value)
    if isinstance(value, dict):
        return "\n\n".join(f"{name}: {text}" for name, text in value.items())
    return json.dumps(value, ensure_ascii=False)
