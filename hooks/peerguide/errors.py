"""Errors in the data files, reported with file, line and field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

# A position inside a YAML document: mapping keys and list indices.
Path = tuple[str | int, ...]


def format_path(path: Path) -> str:
    """('denmark', 'partners', 1) -> 'denmark.partners[1]'."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


@dataclass(frozen=True)
class DataError:
    file: str
    line: int | None
    path: Path
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = format_path(self.path)
        return f"{where}: {field}: {self.message}" if field else f"{where}: {self.message}"


class DataErrors(Exception):
    """One or more problems in the data files; the build must stop."""

    def __init__(self, errors: Iterable[DataError]):
        self.errors = sorted(set(errors), key=lambda e: (e.file, e.line or 0, format_path(e.path)))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        head = f"{count} problem{'s' if count != 1 else ''} in the site's data files:"
        return "\n".join([head, *(f"  {error}" for error in self.errors)])


class ErrorList(list):
    """Collects errors so that one run reports every problem, not only the first."""

    def add(self, file: str, line: int | None, path: Path, message: str) -> None:
        self.append(DataError(file, line, tuple(path), message))

    def raise_if_any(self) -> None:
        if self:
            raise DataErrors(self)
