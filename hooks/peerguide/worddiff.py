"""What changed between two versions of an English text, word by word.

A translator whose page or data text is outdated needs the changed words, not the
whole text again: `blocks()` pairs the paragraphs of the old and new text and gives,
for each changed paragraph, its line in the new text and a word-level diff. The same
operations are written for a terminal (`[-old-]{+new+}`, as `git diff --word-diff`
writes them, coloured when the output is a terminal) and as HTML (`<del>`, `<ins>`).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from markupsafe import Markup, escape

Op = tuple[str, str]  # ("=", text) kept, ("-", text) removed, ("+", text) added

_TOKENS = re.compile(r"\s+|[^\s]+")


def words(old: str, new: str) -> list[Op]:
    """The word-level difference from `old` to `new`; whitespace runs are tokens too."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    ops: list[Op] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            ops.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            ops.append(("+", "".join(b[j1:j2])))
    return ops


@dataclass(frozen=True)
class Block:
    line: int  # the line of the new text where the first change is (1-based); 0: it was removed
    ops: list[Op]


def blocks(old: str, new: str) -> list[Block]:
    """The changed paragraphs (text between empty lines), each with its word diff."""
    old_paragraphs, new_paragraphs = _paragraphs(old), _paragraphs(new)
    matcher = difflib.SequenceMatcher(None, [" ".join(lines) for _, lines in old_paragraphs],
                                      [" ".join(lines) for _, lines in new_paragraphs], autojunk=False)
    found = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        before = "\n\n".join(" ".join(lines) for _, lines in old_paragraphs[i1:i2])
        after = "\n\n".join(" ".join(lines) for _, lines in new_paragraphs[j1:j2])
        ops = words(before, after)
        line = _line_of_first_change(ops, new_paragraphs[j1]) if j2 > j1 else 0
        found.append(Block(line, ops))
    return found


def _paragraphs(text: str) -> list[tuple[int, list[str]]]:
    """(first line, lines) of each paragraph; whitespace inside one does not count as a change."""
    found: list[tuple[int, list[str]]] = []
    lines: list[str] = []
    start = 1
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not lines:
                start = number
            lines.append(line.strip())
        elif lines:
            found.append((start, lines))
            lines = []
    if lines:
        found.append((start, lines))
    return found


def _line_of_first_change(ops: list[Op], paragraph: tuple[int, list[str]]) -> int:
    """The line of the paragraph (in the new text) where its first changed word is."""
    start, lines = paragraph
    unchanged = ""
    for op, text in ops:
        if op != "=":
            break
        unchanged += text
    words_before = len(unchanged.split()) if unchanged.endswith((" ", "\n")) or not unchanged else \
        len(unchanged.split()) - 1
    for offset, line in enumerate(lines):
        words_before -= len(line.split())
        if words_before < 0:
            return start + offset
    return start + len(lines) - 1


def terminal(ops: list[Op], colour: bool = False) -> str:
    red, green, reset = ("\033[31m", "\033[32m", "\033[0m") if colour else ("", "", "")
    out = []
    for op, text in ops:
        if op == "=":
            out.append(text)
        elif op == "-":
            out.append(f"{red}[-{text}-]{reset}")
        else:
            out.append(f"{green}{{+{text}+}}{reset}")
    return "".join(out)


def html(ops: list[Op]) -> Markup:
    out = []
    for op, text in ops:
        if op == "=":
            out.append(escape(text))
        elif op == "-":
            out.append(Markup("<del>{}</del>").format(text))
        else:
            out.append(Markup("<ins>{}</ins>").format(text))
    return Markup("").join(out)


def shortened(ops: list[Op], context: int = 12) -> list[Op]:
    """Long unchanged stretches cut down to `context` words on each side of a change."""
    out: list[Op] = []
    for index, (op, text) in enumerate(ops):
        if op != "=":
            out.append((op, text))
            continue
        tokens = _TOKENS.findall(text)
        keep_start = index > 0
        keep_end = index < len(ops) - 1
        limit = 2 * context * (keep_start + keep_end)
        if len(tokens) <= max(limit, 2 * context):
            out.append((op, text))
            continue
        head = "".join(tokens[: 2 * context]) if keep_start else ""
        tail = "".join(tokens[-2 * context:]) if keep_end else ""
        head, tail = head.rstrip() + (" " if head else ""), (" " if tail else "") + tail.lstrip()
        out.append(("=", f"{head}…{tail}"))
    return out
