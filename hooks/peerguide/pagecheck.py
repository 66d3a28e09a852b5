"""What a page of the guide may contain, checked on the HTML its Markdown becomes.

Translators edit pages, and Markdown passes raw HTML through. Pages need a little
of it (the grid cards, figures, `{ lang="en" }` on a quotation), but nothing that
runs or loads: no script, style, frames, embedded objects or forms, no event
handler attributes (`on...=`), no `style` attribute, no link with a scheme other
than http, https or mailto, and nothing loaded from another host. Each problem
comes with a piece of text to find it by in the page's source, for its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from .datalinks import scheme_of

FORBIDDEN_ELEMENTS = frozenset({
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "link", "meta",
    "base", "form", "noscript", "template", "portal", "math",
})
FORBIDDEN_ATTRIBUTES = frozenset({"style", "srcdoc", "formaction"})
LINK_ATTRIBUTES = frozenset({"href", "xlink:href"})  # where the reader may go
RESOURCE_ATTRIBUTES = frozenset({"src", "srcset", "poster", "data", "background", "action", "ping", "lowsrc"})
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
FRONT_MATTER_KEYS = ("description", "title", "translated_from")


@dataclass(frozen=True)
class Problem:
    message: str
    needle: str  # text to look for in the Markdown source, for the line


class _Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[Problem] = []

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN_ELEMENTS:
            self.problems.append(Problem(f"<{tag}> is not allowed in a page", f"<{tag}"))
        for name, value in attrs:
            self._attribute(tag, name, value or "")

    handle_startendtag = handle_starttag

    def _attribute(self, tag: str, name: str, value: str) -> None:
        if name.startswith("on"):
            self.problems.append(Problem(f"the event handler attribute {name}= is not allowed in a page", name))
        elif name in FORBIDDEN_ATTRIBUTES:
            self.problems.append(Problem(f"the attribute {name}= is not allowed in a page", name))
        elif name in LINK_ATTRIBUTES:
            scheme = scheme_of(value)
            if scheme is not None and scheme not in LINK_SCHEMES:
                self.problems.append(Problem(
                    f"a link to {value[:60]!r}: only http, https and mailto links are allowed", value[:40]))
        elif name in RESOURCE_ATTRIBUTES:
            for url in _urls(name, value):
                if scheme_of(url) is not None or url.lstrip().startswith("/"):
                    self.problems.append(Problem(
                        f"<{tag} {name}={url[:60]!r}>: a page may load only files of the guide, linked "
                        "relatively (../assets/images/x.png): nothing from another host, no address from "
                        "the site's root, which breaks under a sub-path", url[:40]))


def _urls(name: str, value: str) -> list[str]:
    if name == "srcset":
        return [part.strip().split(" ")[0] for part in value.split(",") if part.strip()]
    return [value]


def check_html(html: str) -> list[Problem]:
    checker = _Checker()
    checker.feed(html)
    checker.close()
    return checker.problems


def line_of(source: str, needle: str, first_line: int = 1) -> int | None:
    """The line of `source` (counted from `first_line`) where `needle` first occurs, any case."""
    index = source.lower().find(needle.lower())
    if index < 0:
        return None
    return source[:index].count("\n") + first_line


def front_matter_problems(meta: dict) -> list[tuple[str, str]]:
    """(key, message) for front matter the guide does not use or cannot show."""
    found = []
    for key, value in meta.items():
        if key not in FRONT_MATTER_KEYS:
            found.append((key, f"front matter key {key!r} is not used by the guide "
                               f"(known: {', '.join(FRONT_MATTER_KEYS)})"))
        elif not isinstance(value, str):
            found.append((key, f"front matter {key!r} must be text"))
        elif key != "translated_from" and re.search(r"<\s*[A-Za-z!/?]", value):
            found.append((key, f"front matter {key!r} must be plain text, without HTML"))
    return found
