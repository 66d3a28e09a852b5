"""URLs judged as a browser reads them, not as they are written.

A browser parses an attribute's URL by the WHATWG URL standard: it drops leading
and trailing spaces and control characters and every tab and newline, reads a
backslash as a slash, and resolves what is left against the page's address. So
`\\\\tracker.example/p.png`, `\\t//tracker.example/p.png` and `java\\nscript:` are a
request to another host and a script link, whatever they look like. Here every
URL goes through Ada (ada-url), the WHATWG parser Node.js uses, and is judged on
what it resolves to.

Relative URLs are resolved twice, against two made-up sites that differ in host and
in the folder the guide lives in: a URL that ends up on the same host both times
names another host; one that ends up at the same path both times ignores the page's
folder (`/x.png`, or `../` past the guide's root) and would break under a sub-path.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ada_url import URL

# Two sites the guide could be published at: only a relative URL lands differently on each.
_SITES = ("https://guide-a.invalid/one/", "https://guide-b.invalid/two/three/")


@dataclass(frozen=True)
class Resolved:
    protocol: str  # "https:", "javascript:", ... ("" when the URL cannot be parsed)
    host: str  # the other host, when it names one
    relative: bool  # lands inside the guide, relative to the page: no scheme, host or root path

    @property
    def valid(self) -> bool:
        return bool(self.protocol)


_OWN_HOSTS = frozenset(URL(site).host for site in _SITES)


@functools.lru_cache(maxsize=8192)
def resolve(url: str, page: str = "") -> Resolved:
    """How a browser on the page `page` (its path in the site, like "da/glossary/") reads `url`."""
    try:
        first, second = (URL(url, site + page) for site in _SITES)
    except ValueError:
        return Resolved("", "", False)
    relative = first.host != second.host and first.pathname != second.pathname
    other_host = "" if first.host in _OWN_HOSTS else first.host
    return Resolved(first.protocol, other_host, relative)


def protocol(url: str) -> str:
    """The scheme a browser reads in an absolute `url`, with its colon ("javascript:"),
    or "" for a relative or unparseable one."""
    resolved = resolve(url)
    return "" if resolved.relative or not resolved.valid else resolved.protocol
