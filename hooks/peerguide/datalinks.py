"""What a link in data text may point to.

Data text is inline Markdown, so a translator can write `[text](target)`. The
target must be a page of the guide written from docs/ (`/countries/sweden.md`,
optionally with `#anchor`: the build resolves it in every language and checks
it) or a web address (http or https). Anything else is refused when the data is
read: other schemes (javascript:, data:, vbscript:, in any spelling), relative
or asset paths (which break under a sub-path), link titles, and images (which
would make every page load something from another host).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
from markupsafe import escape

PAGE_LINK = re.compile(r"^/(?:[a-z0-9-]+/)*[a-z0-9-]+\.md(?:#[a-z0-9-]+)?$")
WEB_LINK = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+", re.IGNORECASE)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
_MARKDOWN = markdown.Markdown()


def scheme_of(url: str) -> str | None:
    """A URL's scheme as a browser reads it: ASCII whitespace and control characters
    ignored ("java\\tscript:"), any case."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", url).lower()
    match = _SCHEME.match(cleaned)
    return match.group(1) if match else None


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[dict] = []
        self.images = 0

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images += 1
        elif tag == "a":
            self.links.append(dict(attrs))


def problems(text: str) -> list[str]:
    """Why the links of a data text are not allowed (empty when they all are)."""
    if "[" not in text:
        return []  # no Markdown link or image without brackets; raw HTML is refused elsewhere
    parser = _Links()
    parser.feed(_MARKDOWN.reset().convert(str(escape(text))))
    found = []
    if parser.images:
        found.append("images are not allowed in data text: a page must not load anything from another host")
    for link in parser.links:
        href = link.get("href") or ""
        if link.get("title") or '"' in href or " " in href:
            found.append(f"link to {href!r}: link titles are not supported; leave out the quoted title")
        elif PAGE_LINK.match(href) or WEB_LINK.match(href):
            continue
        elif scheme_of(href) not in (None, "http", "https"):
            found.append(f"link to {href!r}: only pages of the guide (/countries/sweden.md) and web "
                         "addresses (https://...) can be linked")
        elif href.startswith("/") and not href.startswith("//") and not href.split("#")[0].endswith(".md"):
            found.append(f"link to {href!r}: only pages of the guide (.md files) can be linked from data text")
        else:
            found.append(f"link to {href!r}: write links to pages of the guide from docs/, "
                         "like /countries/sweden.md, or give a full https:// address")
    return found
