"""Heading ids that are the same in every language.

A heading's id is its anchor (`page/#purpose`): Markdown makes it from the heading's text,
so a translated heading got another id and a shared link or a language switch lost the
section. A translated page's headings take the ids of the English page's headings, one for
one, where both have the same headings (count and levels); a heading with an explicit
`{#anchor}` keeps it. Where the headings differ, the page keeps its own ids and the
quality check (qa.py) says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown.extensions.toc import slugify, unique

_ATX = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t]*(?P<attrs>\{[^{}]*\})?[ \t]*#*[ \t]*$")
_FENCE = re.compile(r"^[ \t]{0,3}(```|~~~)")
_EXPLICIT_ID = re.compile(r"#([A-Za-z0-9_:.-]+)")


@dataclass(frozen=True)
class Heading:
    line: int  # index in the page's lines
    level: int
    text: str
    explicit: str | None  # the id of an attribute list {#id}


def headings(markdown: str) -> list[Heading]:
    """The page's own ATX headings (not those in code, not those the data markers add)."""
    found, fence = [], None
    for index, line in enumerate(markdown.split("\n")):
        opening = _FENCE.match(line)
        if opening:
            fence = None if fence and opening.group(1) == fence else (fence or opening.group(1))
            continue
        if fence:
            continue
        match = _ATX.match(line)
        if match:
            attrs = match.group("attrs") or ""
            explicit = _EXPLICIT_ID.search(attrs)
            found.append(Heading(index, len(match.group("hashes")), match.group("text"),
                                 explicit.group(1) if explicit else None))
    return found


def ids(found: list[Heading]) -> list[str]:
    """The id each heading gets, as Markdown's toc makes them (slug, or the explicit id)."""
    used: set[str] = {heading.explicit for heading in found if heading.explicit}
    result = []
    for heading in found:
        if heading.explicit:
            result.append(heading.explicit)
            continue
        text = re.sub(r"[*_`]|\[([^\]]*)\]\([^)]*\)", r"\1", heading.text)
        result.append(unique(slugify(text, "-"), used))
    return result


def aligned(english: str, translated: str) -> bool:
    return [h.level for h in headings(english)] == [h.level for h in headings(translated)]


def with_english_ids(english: str, translated: str) -> str:
    """The translated page with each heading that has no explicit id given the English
    heading's id; unchanged when the two pages' headings differ."""
    english_headings, own = headings(english), headings(translated)
    if [h.level for h in english_headings] != [h.level for h in own]:
        return translated
    lines = translated.split("\n")
    for heading, wanted in zip(own, ids(english_headings)):
        if heading.explicit:
            continue
        line = lines[heading.line].rstrip()
        match = _ATX.match(line)
        if match and match.group("attrs"):  # `{ lang="en" }`: the id goes into the same list
            start = match.start("attrs")
            lines[heading.line] = f"{line[:start]}{{#{wanted} {line[start + 1:].lstrip(':').lstrip()}"
        else:
            lines[heading.line] = f"{line} {{#{wanted}}}"
    return "\n".join(lines)
