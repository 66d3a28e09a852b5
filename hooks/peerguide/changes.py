"""What changed in the English since a translation was made from it.

For an outdated page or data text (status.py), the English it was translated from is
found again by its fingerprint (history.py) and compared with the English now, word by
word (worddiff.py). `make translations DIFF=1` prints it; the translator's preview
(`make serve LANG=xx`) shows it in the outdated notice and on the status page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import worddiff
from .history import History, as_text, normalised
from .status import RECORDS, lookup, recorded_page_fingerprint
from .yamlsource import load_source

DATA = "data"


@dataclass(frozen=True)
class Change:
    file: str  # the translation: docs/da/models/index.md, docs/da/data/models.yml
    key: str | None  # a data text's key
    english_file: str  # docs/models/index.md, docs/data/models.yml
    recorded: str | None  # the fingerprint the translation records
    old: str | None  # the English it was translated from, or None when it cannot be found
    new: str  # the English now
    missing_because: str | None = None

    @property
    def blocks(self) -> list[worddiff.Block]:
        return worddiff.blocks(self.old or "", self.new) if self.old is not None else []


def page_change(root: Path, lang: str, page: str, history: History) -> Change:
    """`page`: the English page from docs/ ('models/index.md')."""
    file, english_file = f"docs/{lang}/{page}", f"docs/{page}"
    new = (root / english_file).read_text(encoding="utf-8", errors="replace")
    translated = root / file
    recorded = recorded_page_fingerprint(translated.read_text(encoding="utf-8", errors="replace")) \
        if translated.is_file() else None
    return _change(file, None, english_file, recorded, new, history,
                   lambda: history.page(english_file, recorded) if recorded else None)


def data_change(root: Path, lang: str, name: str, key: str, history: History) -> Change:
    """One data text: `name` the data file's name ('models'), `key` its key ('integrated.summary')."""
    file, english_file = f"docs/{lang}/{DATA}/{name}.yml", f"docs/{DATA}/{name}.yml"
    current = _data_value((root / english_file).read_text(encoding="utf-8", errors="replace"), english_file, key)
    records = root / f"docs/{lang}/{DATA}/{RECORDS}"
    recorded = None
    if records.is_file():
        data = load_source(records.read_text(encoding="utf-8", errors="replace"), str(records), _Ignore()).data
        recorded = (data or {}).get(name, {}).get(key) if isinstance(data, dict) else None
    return _change(file, key, english_file, recorded, as_text(current) if current is not None else "", history,
                   lambda: _text_or_none(history.data(english_file, key, recorded)))


def _text_or_none(value: Any) -> str | None:
    return None if value is None else as_text(value)


def _change(file, key, english_file, recorded, new, history: History, find) -> Change:
    if not recorded:
        return Change(file, key, english_file, None, None, new,
                      "the translation records no English it was made from (it was never marked with make "
                      "translated): compare it with the whole English text")
    old = find()
    if old is None:
        reason = history.reason or (
            f"no version of {english_file} in the git history has the fingerprint {recorded} (the English it was "
            "translated from was never committed, or this clone is shallow): compare with the whole English text")
        return Change(file, key, english_file, recorded, None, new, reason)
    return Change(file, key, english_file, recorded, old, new)


class _Ignore(list):
    def add(self, *args) -> None:  # an ErrorList that keeps nothing: the build reports these files
        pass


def _data_value(text: str, path: str, key: str) -> Any:
    """A data text as validation normalises it (labels' keys are dotted paths too)."""
    return normalised(lookup(load_source(text, path, _Ignore()).data, tuple(key.split("."))))
