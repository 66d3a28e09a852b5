"""The line of a page's source that a problem found in its HTML comes from.

Markdown turns lines into HTML in ways a text search cannot follow (entities, escapes,
attribute lists, tabs inside a URL), so the line is found by converting ever shorter
starts of the page: the first line from which on the converted start shows the
problem is where it is written. It runs only when a page has a problem.
"""

from __future__ import annotations

from typing import Callable


def first_line_showing(lines: list[str], shows: Callable[[str], bool]) -> int | None:
    """The 1-based number of the first line L such that `shows` holds for lines 1..L
    joined, or None when not even the whole text shows it."""
    if not lines or not shows("\n".join(lines)):
        return None
    low, high = 1, len(lines)
    while low < high:
        middle = (low + high) // 2
        if shows("\n".join(lines[:middle])):
            high = middle
        else:
            low = middle + 1
    return low


def line_of(source: str, needle: str, first_line: int = 1) -> int | None:
    """The line of `source` (counted from `first_line`) where `needle` first occurs, any case."""
    index = source.lower().find(needle.lower())
    if index < 0:
        return None
    return source[:index].count("\n") + first_line
