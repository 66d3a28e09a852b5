"""Links and anchors in rendered data blocks.

The templates write every link to a page of the guide from docs/, as
`/models/integrated.md#integrated-risks`. `rewrite_links()` hands each one to a
resolver (the hook's, which uses MkDocs' own file lookup and checks) and
writes the relative URL it returns. Links to the files the build adds to the
site (`/handouts/models-da.pdf`, `/downloads/...`) are written from the site's
root and made relative to the page (`file_links()`). `anchor_ids()` lists the
ids a block defines, so that links to them from other pages can be checked.
"""

from __future__ import annotations

import html
import re
from typing import Callable

_DOC_LINK = re.compile(r'href="(/[^"#]*\.md)(?:#([^"]*))?"')
_ID = re.compile(r'\sid="([^"]+)"')

# (docs path, anchor or None) -> URL relative to the page, or None to leave the link as it is.
Resolver = Callable[[str, "str | None"], "str | None"]


def rewrite_links(block: str, resolve: Resolver) -> str:
    def replace(match: re.Match) -> str:
        path, anchor = html.unescape(match.group(1)), match.group(2)
        url = resolve(path, html.unescape(anchor) if anchor else None)
        return match.group(0) if url is None else f'href="{html.escape(url)}"'

    return _DOC_LINK.sub(replace, block)


# Files the build puts into the site (not pages of docs/): the handouts and the offline copy.
_FILE_LINK = re.compile(r'href="/((?:handouts|downloads)/[^"#]+)"')


def file_links(block: str, relative: Callable[[str], str]) -> str:
    """`/handouts/x.pdf` -> the path from the page to site/handouts/x.pdf."""
    return _FILE_LINK.sub(lambda match: f'href="{html.escape(relative(html.unescape(match.group(1))))}"', block)


def anchor_ids(block: str) -> set[str]:
    return {html.unescape(value) for value in _ID.findall(block)}
