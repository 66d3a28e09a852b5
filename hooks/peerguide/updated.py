"""When each page was last changed: the date of the last commit that changed its source.

One `git log` over docs/ gives every file's date; a page built from a translation shows
the date of the translation's file, an untranslated page that of the English one. Without
git (a downloaded copy) there is no date, and pages show none.
"""

from __future__ import annotations

import functools
import re
import subprocess
from pathlib import Path

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@functools.lru_cache(maxsize=4)
def last_changed(root: str, head: str) -> dict[str, str]:
    """{path from the project's root: YYYY-MM-DD} for every file under docs/ in the history.
    `head` (the current commit) is part of the cache key: a new commit is read afresh."""
    try:
        output = subprocess.run(["git", "-C", root, "log", "--format=%x00%cs", "--name-only", "--", "docs"],
                                capture_output=True, text=True, timeout=60, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, str] = {}
    date = None
    for line in output.splitlines():
        if line.startswith("\0"):
            date = line[1:] if _DATE.fullmatch(line[1:]) else None
        elif line and date:
            dates.setdefault(line, date)  # the log is newest first
    return dates


@functools.lru_cache(maxsize=4)
def head_commit(root: Path) -> str:
    """The current commit, read once per run (a commit made while serving shows at the next start)."""
    try:
        return subprocess.run(["git", "-C", str(root), "rev-parse", "HEAD"], capture_output=True, text=True,
                              timeout=10, check=False).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def page_date(root: Path, source: Path) -> str | None:
    """The date the page's source file last changed, or None."""
    head = head_commit(root)
    if not head:
        return None
    try:
        rel = source.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None
    return last_changed(str(root), head).get(rel)
