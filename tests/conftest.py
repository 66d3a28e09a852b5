"""Shared fixtures: paths of the project, and copies of its data to break on purpose."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
LANGUAGES = ["en", "da", "lt", "sv", "no", "et"]


class DataCopy:
    """A copy of docs/data (English) and docs/da/data (Danish) in a temporary folder."""

    def __init__(self, root: Path):
        self.root = root
        self.docs = root / "docs"
        shutil.copytree(DOCS / "data", self.docs / "data")
        shutil.copytree(DOCS / "da" / "data", self.docs / "da" / "data")

    def path(self, relative: str) -> Path:
        return self.docs / relative

    def replace(self, relative: str, old: str, new: str) -> int:
        """Replace the one occurrence of `old`; return the 1-based line where it starts."""
        path = self.path(relative)
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} must occur exactly once in {relative}"
        line = text[: text.index(old)].count("\n") + 1
        path.write_text(text.replace(old, new), encoding="utf-8")
        return line

    def write(self, relative: str, text: str) -> None:
        path = self.path(relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def data_copy(tmp_path) -> DataCopy:
    return DataCopy(tmp_path)
