"""hreflang links in a page's head: absolute URLs and an x-default.

Material writes `<link rel="alternate" href="../da/page/" hreflang="da">` with
a relative href; search engines require absolute URLs there, and an x-default
for readers whose language the site does not have.
"""

from __future__ import annotations

import html as html_lib
import re
from urllib.parse import urljoin

_ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')


def absolute_alternates(page_html: str, page_url: str, default_lang: str) -> str:
    """`page_html` with absolute hreflang links and an x-default pointing to `default_lang`."""

    def absolute(match: re.Match) -> str:
        href = urljoin(page_url, html_lib.unescape(match.group(1)))
        tag = f'<link rel="alternate" href="{html_lib.escape(href)}" hreflang="{match.group(2)}">'
        if match.group(2) == default_lang:
            tag += f'\n<link rel="alternate" href="{html_lib.escape(href)}" hreflang="x-default">'
        return tag

    return _ALTERNATE.sub(absolute, page_html)
