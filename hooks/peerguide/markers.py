"""Data markers in Markdown: a line such as `<!-- models:comparison -->` or
`<!-- countries:profile norway -->` that the build replaces with rendered data.

A marker is an HTML comment on a line of its own, so a page built without the
hooks still reads well (the marker is simply not shown). Lines inside fenced
code blocks are left alone, so documentation can show a marker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

MARKER = re.compile(r"^ {0,3}<!--[ \t]*(?P<name>[a-z]+:[a-z][a-z-]*)(?P<args>(?:[ \t]+[a-z0-9-]+)*)[ \t]*-->[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})")


@dataclass(frozen=True)
class Marker:
    name: str
    args: tuple[str, ...]
    line: int


class MarkerError(Exception):
    """A marker that cannot be rendered: unknown name, wrong arguments, unknown id."""

    def __init__(self, marker: Marker, message: str):
        self.marker = marker
        self.message = message
        super().__init__(f"line {marker.line}: marker '{marker.name}': {message}")

    def located(self, file: str, first_line: int = 1) -> str:
        """'docs/da/x.md:22: marker ...', with the line counted in the whole file: the
        Markdown the hooks see starts after the front matter, on line `first_line`."""
        return f"{file}:{self.marker.line + first_line - 1}: marker '{self.marker.name}': {self.message}"


def find_markers(markdown: str) -> list[Marker]:
    return [marker for marker, _ in _scan(markdown) if marker is not None]


def replace_markers(markdown: str, render: Callable[[Marker], str]) -> str:
    """`markdown` with each marker line replaced by `render(marker)` as a block of its own."""
    out = []
    for marker, line in _scan(markdown):
        out.append(line if marker is None else f"\n{render(marker).strip()}\n")
    return "\n".join(out)


def _scan(markdown: str):
    fence = None
    for number, line in enumerate(markdown.split("\n"), start=1):
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group("fence")
        elif fence is not None and opening and opening.group("fence").startswith(fence):
            fence = None
        elif fence is None and (match := MARKER.match(line)):
            yield Marker(match.group("name"), tuple(match.group("args").split()), number), line
            continue
        yield None, line
