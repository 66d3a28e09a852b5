"""Data markers in Markdown: a line such as `<!-- models:comparison -->` or
`<!-- countries:profile norway -->` that the build replaces with rendered data.

A marker is an HTML comment on a line of its own, so a page built without the
hooks still reads well (the marker is simply not shown). Lines inside fenced
code blocks are left alone, so documentation can show a marker.
"""

from __future__ import annotations

import bisect
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


def without_code_spans(line: str) -> str:
    """`line` with its inline code spans (`...`, ``...``) removed, in one pass: a code span
    runs from a run of backticks to the next run of the same length. (A regex with a
    backreference took minutes on a line of backticks.)"""
    runs = [(match.start(), match.end()) for match in _BACKTICKS.finditer(line)]
    out, position, index = [], 0, 0
    by_length: dict[int, list[int]] = {}
    for number, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(number)
    while index < len(runs):
        start, end = runs[index]
        closers = by_length[end - start]
        # the next run of the same length after this one, found by bisection
        later = bisect.bisect_right(closers, index)
        if later == len(closers):
            index += 1
            continue
        closer = closers[later]
        out.append(line[position:start])
        position = runs[closer][1]
        index = closer + 1
    out.append(line[position:])
    return "".join(out)


_BACKTICKS = re.compile(r"`+")
# Something a translator meant as a marker: a comment that starts with a marker family.
_LOOKS_LIKE = re.compile(r"<!--[ \t]*(?P<family>[A-Za-z]+)[ \t]*(?P<sep>[:.\-_/ ]?)", re.IGNORECASE)


def malformed_markers(markdown: str, families: set[str]) -> list[tuple[int, str]]:
    """(line, what is wrong) for every line that looks like a marker but is not a valid
    one. An invalid marker would otherwise vanish as a comment, or swallow the rest of
    the page when it is not closed, and its table would be missing without a word."""
    found = []
    for marker, number, line, in_code in _scan_lines(markdown):
        if marker is not None or in_code:
            continue
        line = without_code_spans(line)  # a marker shown as `code` is an example, not a marker
        match = _LOOKS_LIKE.search(line)
        if not match or match.group("family").lower() not in families:
            continue
        comment = line[match.start():]
        if "-->" not in comment:
            problem = "the marker is not closed: end it with --> on the same line"
        elif line[: match.start()].strip() or comment[comment.index("-->") + 3:].strip():
            problem = "a marker must be alone on its line, with nothing before or after it"
        elif line[: match.start()]:
            problem = "a marker must start at the beginning of the line: not indented, not inside a list or quote"
        elif match.group("sep") != ":":
            problem = "write the marker as <!-- family:view --> with a colon, e.g. <!-- models:comparison -->"
        elif comment != comment.lower():
            problem = "marker names and ids are lowercase, e.g. <!-- countries:profile norway -->"
        else:
            problem = "not a valid marker: write <!-- family:view --> or <!-- family:view id --> with lowercase ids"
        found.append((number, f"{problem} (found {line.strip()[:80]!r})"))
    return found


def comment_lines(markdown: str) -> list[int]:
    """The lines where a comment that is not a marker starts (outside code): where a
    comment found in a page's HTML was written."""
    return [number for marker, number, line, in_code in _scan_lines(markdown)
            if marker is None and not in_code and "<!--" in without_code_spans(line)]


def find_markers(markdown: str) -> list[Marker]:
    return [marker for marker, _ in _scan(markdown) if marker is not None]


def replace_markers(markdown: str, render: Callable[[Marker], str]) -> str:
    """`markdown` with each marker line replaced by `render(marker)` as a block of its own."""
    out = []
    for marker, line in _scan(markdown):
        out.append(line if marker is None else f"\n{render(marker).strip()}\n")
    return "\n".join(out)


def _scan(markdown: str):
    for marker, _, line, _ in _scan_lines(markdown):
        yield marker, line


def _scan_lines(markdown: str):
    """(marker or None, line number, line, in fenced code) for each line. Lines in fenced
    code are never markers, nor checked: documentation may show broken ones."""
    fence = None
    for number, line in enumerate(markdown.split("\n"), start=1):
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group("fence")
        elif fence is not None and opening and opening.group("fence").startswith(fence):
            fence = None
        elif fence is None and (match := MARKER.match(line)):
            yield Marker(match.group("name"), tuple(match.group("args").split()), number), number, line, False
            continue
        yield None, number, line, fence is not None or bool(opening)
