"""Data text as HTML: inline Markdown without raw HTML, as every page shows it.

One converter for the validation (peerguide/datalinks.py judges what it makes with the
DATA_TEXT policy) and for the templates (peerguide/render.py), so the text that was
checked is the text that is shown.

A phrase in another language is marked as the pages mark it, with an attribute list
right after emphasis or code: `*Intentional Peer Support*{ lang="en" }` becomes
`<em lang="en">…</em>`, so screen readers read it in English. No other attribute list
is read in data text (types.py refuses them).
"""

from __future__ import annotations

import functools
import re

import markdown
from markupsafe import escape

_MARKDOWN = markdown.Markdown()

# Text that Markdown would give back as it is (escaped): one line, none of the characters
# that start inline syntax, nothing at the start of the line that starts a block. Most data
# text is like this; converting it anyway was the larger part of the hooks' time.
PLAIN = re.compile(r"(?![#>+=\-]|\d+[.)]|\s)[^\n\r\t*_`\[\]<>&\\!]*(?<!\s)")


# `*phrase*{ lang="en" }` after escaping: the quotes are entities by then.
LANG_LIST = r"""\{:?[ \t]*lang=(?:"|'|&#34;|&#39;|&quot;)?(?P<lang>[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)(?:"|'|&#34;|&#39;|&quot;)?[ \t]*\}"""
_MARKED = re.compile(r"<(?P<tag>em|strong|code)>(?P<text>(?:(?!</?(?P=tag)>).)*)</(?P=tag)>" + LANG_LIST, re.S)


def markdown_html(text: str) -> str:
    """Inline Markdown to HTML; `<` and `&` stay text (the data holds no HTML)."""
    html = _MARKDOWN.reset().convert(str(escape(text)))
    html = _MARKED.sub(lambda m: f'<{m["tag"]} lang="{m["lang"]}">{m["text"]}</{m["tag"]}>', html)
    return html.removeprefix("<p>").removesuffix("</p>")


@functools.lru_cache(maxsize=4096)
def to_html(text: str) -> str:
    return str(escape(text)) if PLAIN.fullmatch(text) else markdown_html(text)
