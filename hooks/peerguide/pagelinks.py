"""Links from the data to pages of the guide, and where each is written.

A data text may link to a page (`[text](/countries/sweden.md#figures)`), and a
checklist item names one (`link: /choosing/index.md#purpose`). When the data is
read, each linked page must exist, or the build stops with the data file, line and
field. Anchors can only be checked once the pages are built; the hook then names
the same data file, line and field beside the page the link appears on.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterator

from .errors import ErrorList, format_path
from .yamlsource import Source

PAGE_LINK = re.compile(r"^/(?:[a-z0-9-]+/)*[a-z0-9-]+\.md(?:#[a-z0-9-]+)?$")
PAGE_LINK_IN_TEXT = re.compile(r"\]\((/(?:[a-z0-9-]+/)*[a-z0-9-]+\.md(?:#[a-z0-9-]+)?)\)")


def _strings(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, path + (index,))
    elif isinstance(data, str):
        yield path, data


def collect(sources: list[Source], docs_dir: Path, errors: ErrorList) -> dict[str, list[str]]:
    """{link: where it is written}; a link to a page that does not exist is an error."""
    found: dict[str, list[str]] = {}
    for source in sources:
        for path, text in _strings(source.data):
            links = [text] if PAGE_LINK.match(text) else PAGE_LINK_IN_TEXT.findall(text)
            for link in links:
                where = f"{source.file}:{source.line_of(path)}: {format_path(path)}"
                page = link.split("#")[0].lstrip("/")
                if not (docs_dir / page).is_file():
                    errors.add(source.file, source.line_of(path), path,
                               f"link to {link!r}: there is no such page (docs/{page})")
                found.setdefault(link, []).append(where)
    return found
