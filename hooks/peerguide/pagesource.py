"""A page's Markdown source, before it is converted: limits that keep the build fast,
and front matter that is really read.

Markdown's parser takes time that grows with the square of some runs (`[` in one
paragraph) and recurses into quotes and lists nested on one line; within these limits
(peerguide/policy.py) no page takes more than a fraction of a second. Every check here
is a single pass over the text: no regex that can backtrack.
"""

from __future__ import annotations

import re

import yaml

from .policy import MAX_BRACKETS_PER_PARAGRAPH, MAX_INDENT, MAX_LINE, MAX_NESTING

FRONT_MATTER_KEYS = ("description", "title", "translated_from")
_TRANSLATED_FROM = re.compile(r"^translated_from:[ \t]*([\"']?)[0-9a-f]{12}\1[ \t]*$", re.M)
# How MkDocs finds front matter (mkdocs.utils.meta.YAML_RE).
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)


def limit_problems(markdown: str, first_line: int = 1) -> list[tuple[int, str]]:
    """(line, problem) for every line and paragraph beyond the limits."""
    found = []
    paragraph_start, brackets = first_line, 0
    for number, line in enumerate(markdown.split("\n"), start=first_line):
        if len(line) > MAX_LINE:
            found.append((number, f"the line is {len(line)} characters long; at most {MAX_LINE} fit: "
                                  "break it (an empty line starts a new paragraph, a line break does not)"))
            continue
        indent = len(line) - len(line.lstrip(" \t"))
        if indent > MAX_INDENT:
            found.append((number, f"the line is indented by {indent} spaces; at most {MAX_INDENT}"))
        depth = nesting(line)
        if depth > MAX_NESTING:
            found.append((number, f"{depth} quotes or lists inside each other on one line; at most {MAX_NESTING}"))
        if not line.strip():
            paragraph_start, brackets = number + 1, 0
            continue
        brackets += line.count("[")
        if brackets > MAX_BRACKETS_PER_PARAGRAPH:
            found.append((paragraph_start, f"the paragraph has more than {MAX_BRACKETS_PER_PARAGRAPH} '[' "
                                           "(links); split it with an empty line"))
            brackets = -len(markdown)  # once per paragraph
    return found


def nesting(line: str) -> int:
    """How many quote marks (`>`) and list markers (`-`, `+`, `*`, `1.`) open the line."""
    depth, position, end = 0, 0, len(line)
    while True:
        while position < end and line[position] in " \t":
            position += 1
        if position < end and line[position] == ">":
            depth, position = depth + 1, position + 1
            continue
        digits = position
        while digits < end and digits - position < 9 and line[digits].isdigit():
            digits += 1
        marker = digits if digits > position else position
        if marker < end and ((digits > position and line[marker] in ".)") or (digits == position and line[marker] in "-+*")) \
                and (marker + 1 == end or line[marker + 1] in " \t"):
            depth, position = depth + 1, marker + 1
            continue
        return depth


def front_matter_problems(source: str, meta: dict) -> list[tuple[int, str]]:
    """(line, problem) for front matter MkDocs could not read (it would show the block as
    the page's text) and for front matter the guide does not use or cannot show."""
    if not source.startswith("---"):
        return []
    match = _FRONT_MATTER.match(source)
    if not match:
        return [(1, "the page starts with --- but its front matter is not closed: end it with a line of ---")]
    if meta:
        data = meta  # MkDocs read it
    else:
        try:
            data = yaml.safe_load(match.group(1))
        except yaml.YAMLError as exc:
            # An unclosed [ or { is noticed at the end: name the line where it opens.
            mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
            line = mark.line + 2 if mark else 1
            problem = " ".join(filter(None, [getattr(exc, "context", None), getattr(exc, "problem", None)]))
            return [(line, f"the front matter is not valid YAML ({problem or exc}): the page would show it as text")]
    if not isinstance(data, dict):
        return [(2, "the front matter must be lines of `key: value`")]
    block = match.group(1)
    found = []
    for key, value in data.items():
        line = _line_of_key(block, str(key))
        if key not in FRONT_MATTER_KEYS:
            found.append((line, f"front matter key {key!r} is not used by the guide (known: {', '.join(FRONT_MATTER_KEYS)})"))
        elif key == "translated_from":
            # Read as written: YAML would read a fingerprint of digits only as a number.
            if not _TRANSLATED_FROM.search(block):
                found.append((line, f"translated_from must be the 12-hex-digit fingerprint that `make translated` "
                                    f"writes (found {value!r}); run make translated instead of editing it"))
        elif not isinstance(value, str):
            found.append((line, f"front matter {key!r} must be text"))
        elif "<" in value and re.search(r"<\s*[A-Za-z!/?]", value):
            found.append((line, f"front matter {key!r} must be plain text, without HTML"))
    return found


def _line_of_key(block: str, key: str) -> int:
    for number, line in enumerate(block.split("\n"), start=2):
        if line.startswith(f"{key}:") or line.startswith(f"'{key}':") or line.startswith(f'"{key}":'):
            return number
    return 2
