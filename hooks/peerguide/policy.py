"""What translators and data editors may put into the guide: one allowlist, as data.

Translators are semi-trusted volunteers; readers are health organisations bound by
GDPR. Nothing they write may run script, load anything from another host, drive the
theme's or the guide's scripts, or make the build read a file outside the project.
So everything here says what IS allowed; anything else stops the build with the file
and line. The build (hooks/page_safety.py, hooks/data_markers.py, peerguide/types.py)
and the tests read the same lists. The HTML is judged as a browser parses it
(peerguide/htmlcheck.py, an HTML5 parser) and its URLs as a browser resolves them
(peerguide/urls.py, a WHATWG URL parser).

Three kinds of HTML are judged:

- PAGE: the HTML a page's Markdown becomes, in every language (English pages are held
  to it too). The Markdown the guide uses, and the little raw HTML it needs: grid
  cards, admonitions, the two flow figures, `lang` on a quotation. No `id` but on
  headings and footnotes, no `style`, no `data-*`, no ARIA, no forms, no SVG: those
  are what the theme's and the guide's scripts read.
- DATA_TEXT: one text of a data file, as inline Markdown becomes HTML: emphasis, code,
  links to pages of the guide and to web addresses. Nothing else.
- TEMPLATE: the data blocks the project's own templates render (tables, the checklist,
  the chooser, the map). Wider (ids, `data-pg-*`, form controls, the map's SVG), but
  still an allowlist, so a template that let data through as markup is caught.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping

from pygments.token import STANDARD_TYPES

from .urls import resolve

# --- limits: every input within them builds within seconds ------------------------------

MAX_PAGE_BYTES = 64 * 1024  # the longest page is about 9 KB
MAX_DATA_BYTES = 256 * 1024  # the longest data file is about 25 KB
MAX_LINE = 2000  # characters in one line of a page (a paragraph written on one line fits)
MAX_BRACKETS_PER_PARAGRAPH = 100  # '[' in one paragraph: Markdown's link search is quadratic in them
MAX_NESTING = 8  # quotes and lists inside each other on one line ('> > - 1. ...')
MAX_INDENT = 40  # leading spaces of a line (code in lists nested 8 deep)
MAX_HTML_DEPTH = 40  # elements inside each other in a page's HTML
MAX_YAML_DEPTH = 12  # mappings and lists inside each other in a data file


# --- attribute rules --------------------------------------------------------------------

class Rule:
    """How one attribute's value is judged: `problem()` says why it is not allowed."""

    def problem(self, value: str, page: str) -> str | None:  # pragma: no cover - interface
        raise NotImplementedError


@dataclass(frozen=True)
class Text(Rule):
    """Any text: a browser shows it, never runs it (title, alt)."""

    def problem(self, value, page):
        return None


@dataclass(frozen=True)
class Flag(Rule):
    """A boolean attribute (`open`)."""

    def problem(self, value, page):
        return None if value == "" else "takes no value"


@dataclass(frozen=True)
class Pattern(Rule):
    regex: str
    example: str

    def problem(self, value, page):
        return None if re.fullmatch(self.regex, value) else f"must look like {self.example}"


@dataclass(frozen=True)
class Classes(Rule):
    names: frozenset[str]
    # Classes made by Pygments for highlighted code: "nt", "l-Scalar-Plain", ...
    pygments: bool = False

    def problem(self, value, page):
        unknown = [name for name in value.split() if name not in self.names
                   and not (self.pygments and _PYGMENTS.fullmatch(name))]
        if not unknown:
            return None
        allowed = ", ".join(sorted(self.names)) or "none"
        return f"the class {unknown[0]!r} is not one the guide uses here (allowed: {allowed})"


@dataclass(frozen=True)
class Link(Rule):
    """Where a reader may go: a page of the guide, a web address, an e-mail address."""

    protocols: frozenset[str] = frozenset({"http:", "https:", "mailto:"})

    def problem(self, value, page):
        url = resolve(value, page)
        if not url.valid:
            return "is not a valid address"
        if not url.relative and url.protocol not in self.protocols:
            return (f"is a {url.protocol[:-1]}: link; only links to pages of the guide, web addresses "
                    "(https://...) and e-mail addresses (mailto:) are allowed")
        return None


@dataclass(frozen=True)
class Resource(Rule):
    """What a page makes the browser load: only a file of the guide, linked relatively."""

    def problem(self, value, page):
        url = resolve(value, page)
        if not url.valid:
            return "is not a valid address"
        if url.host:
            return (f"loads from another host ({url.host}); a page may load only the guide's own files, "
                    "linked relatively (../assets/images/x.png)")
        if not url.relative:
            return ("is not a relative address inside the guide: link the guide's own files relatively "
                    "(../assets/images/x.png); an address from the site's root breaks under a sub-path")
        return None


@dataclass(frozen=True)
class DataLink(Rule):
    """A link in data text, as written: a page of the guide from docs/ (the build resolves
    and checks it in every language) or a web address."""

    def problem(self, value, page):
        if PAGE_LINK.fullmatch(value):
            return None
        url = resolve(value)
        if '"' in value or " " in value:
            return "link titles are not supported; leave out the quoted title"
        if url.valid and not url.relative and url.protocol in ("http:", "https:") and url.host \
                and WEB_LINK.match(value):
            return None
        if url.valid and url.protocol in ("http:", "https:") and not url.host and value.startswith("/"):
            return "only pages of the guide (.md files) can be linked from data text"
        if url.valid and url.relative:
            return ("write links to pages of the guide from docs/, like /countries/sweden.md, or give a full "
                           "https:// address")
        return ("only pages of the guide (/countries/sweden.md) and web addresses (https://...) can be "
                "linked from data text")


PAGE_LINK = re.compile(r"/(?:[a-z0-9-]+/)*[a-z0-9-]+\.md(?:#[a-z0-9-]+)?")
WEB_LINK = re.compile(r"https?://[^\s/?#\\]+\.[^\s/?#\\]+", re.IGNORECASE)
_PYGMENTS = re.compile(
    "(?:" + "|".join(sorted(filter(None, STANDARD_TYPES.values()), key=len, reverse=True)) + r")(?:-[A-Za-z]+)*"
)

TEXT, FLAG = Text(), Flag()
NUMBER = Pattern(r"[0-9]{1,6}", "a number")
LANG = Pattern(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*", 'a language tag such as "en" or "nb-NO"')
# A heading's anchor: what Markdown's toc makes of a heading (`_1` for one without letters),
# or `{#purpose}`. Lowercase, so it can never be the theme's ids (`__config`, `__search`) or
# a script's global (`PeerguideWhenStore`).
HEADING_ID = Pattern(r"[a-z0-9]+(?:[-_][a-z0-9]+)*|_[0-9]+", "an anchor such as purpose or the-three-models")
FOOTNOTE_ID = Pattern(r"fn(?:ref[0-9]*)?:[a-z0-9-]+", "an id the footnotes make (fn:1)")
ADMONITIONS = frozenset({"note", "abstract", "info", "tip", "success", "question", "warning", "failure", "danger",
                         "bug", "example", "quote"})


# --- the policies -------------------------------------------------------------------------

@dataclass(frozen=True)
class Policy:
    where: str  # "a page": for messages
    # element -> {attribute: rule}; every element may also have the `everywhere` attributes
    elements: Mapping[str, Mapping[str, Rule]]
    everywhere: Mapping[str, Rule] = field(default_factory=dict)
    # Attributes allowed by prefix (`data-pg-` in templates), with the rule for their value.
    prefixed: Mapping[str, Rule] = field(default_factory=dict)
    # Comments: none, but the hooks' own placeholders (see render.Islands)
    comments: bool = False
    max_depth: int = MAX_HTML_DEPTH

    def rule(self, element: str, attribute: str) -> Rule | None:
        rules = self.elements.get(element, {})
        if attribute in rules:
            return rules[attribute]
        if attribute in self.everywhere:
            return self.everywhere[attribute]
        for prefix, rule in self.prefixed.items():
            if attribute.startswith(prefix):
                return rule
        return None


_HEADING = {"id": HEADING_ID}
_PLAIN: dict[str, Rule] = {}

PAGE = Policy(
    where="a page",
    elements={
        **{f"h{level}": _HEADING for level in range(1, 7)},
        "p": {"class": Classes(frozenset({"admonition-title", "pg-flow__peer"}))},
        "a": {"href": Link(), "title": TEXT,
              # md-button: the theme's button look (CSS only), for the chooser's link on the home page
              "class": Classes(frozenset({"headerlink", "footnote-ref", "footnote-backref", "md-button",
                                          "md-button--primary"}))},
        "img": {"src": Resource(), "alt": TEXT, "title": TEXT, "width": NUMBER, "height": NUMBER},
        "div": {"class": Classes(frozenset({"grid", "cards", "admonition", "highlight", "footnote"} | ADMONITIONS))},
        "details": {"class": Classes(ADMONITIONS), "open": FLAG},
        "figure": {"class": Classes(frozenset({"pg-flow", "pg-flow--late", "pg-flow--together"}))},
        "span": {"class": Classes(frozenset(), pygments=True)},
        "ol": {"start": NUMBER},
        "sup": {"id": FOOTNOTE_ID},
        "li": {"id": FOOTNOTE_ID},
        "abbr": {"title": TEXT},
        **{name: _PLAIN for name in (
            "em", "strong", "code", "pre", "br", "hr", "sub", "small", "q", "cite", "kbd", "mark", "del", "ins",
            "ul", "dl", "dt", "dd", "blockquote", "figcaption", "summary",
            "table", "thead", "tbody", "tfoot", "tr", "th", "td",
        )},
    },
    everywhere={"lang": LANG},
)

DATA_TEXT = Policy(
    where="data text",
    elements={"a": {"href": DataLink()}, **{name: _PLAIN for name in ("em", "strong", "code")}},
    everywhere={"lang": LANG},  # *Intentional Peer Support*{ lang="en" } (inline.py)
)

_ARIA = Pattern(r"[^<>]*", "text")
_ID = Pattern(r"[a-z0-9]+(?:[-_:][a-z0-9]+)*", "an id such as item-budget")
_SVG_NUMBERS = Pattern(r"[0-9eE.,\s+-]*", "numbers")
_SVG_PATH = Pattern(r"[MmLlHhVvCcSsQqTtAaZz0-9eE.,\s+-]*", "SVG path data")
_COLOUR = Pattern(r"#[0-9a-fA-F]{3,8}|none|currentColor", "a colour such as #003d36")
_SVG_PAINT = {"fill": _COLOUR, "stroke": _COLOUR, "stroke-width": _SVG_NUMBERS}


@dataclass(frozen=True)
class GuideClasses(Rule):
    """The templates' own classes (`pg-...`) and the theme's button style."""

    def problem(self, value, page):
        unknown = [name for name in value.split() if not (name.startswith("pg-") or name.startswith("md-button"))]
        return f"the class {unknown[0]!r} is not one of the guide's (pg-...)" if unknown else None


TEMPLATE = Policy(
    where="a data block",
    elements={
        **{f"h{level}": {} for level in range(1, 7)},
        **{name: {} for name in (
            "p", "div", "span", "em", "strong", "code", "br", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead",
            "tbody", "tr", "caption", "figure", "figcaption", "details", "summary", "fieldset", "legend", "section",
            "time", "abbr", "small", "progress", "meter", "cite", "del", "ins",
        )},
        "a": {"href": Link(), "hreflang": LANG, "download": TEXT, "title": TEXT,
              "rel": Pattern(r"license", "license (the guide's licence)"),
              "type": Pattern(r"[a-z]+/[a-z0-9.+-]+", "a media type such as application/pdf")},
        "th": {"scope": Pattern(r"col|row|colgroup|rowgroup", "col or row"), "colspan": NUMBER, "rowspan": NUMBER},
        "td": {"colspan": NUMBER, "rowspan": NUMBER},
        "time": {"datetime": Pattern(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?", "a date")},
        "progress": {"value": NUMBER, "max": NUMBER},
        "meter": {"value": NUMBER, "max": NUMBER, "min": NUMBER},
        "label": {"for": _ID},
        "input": {"type": Pattern(r"checkbox|radio|text|file|search", "a form control's type"), "name": _ID,
                  "value": _ID, "checked": FLAG, "maxlength": NUMBER, "autocomplete": Pattern(r"[a-z -]+", "a token"),
                  "accept": Pattern(r"[a-z0-9./,+-]+", "file types"), "required": FLAG},
        "textarea": {"rows": NUMBER, "maxlength": NUMBER},
        "button": {"type": Pattern(r"button|submit|reset", "button")},
        "form": {"novalidate": FLAG},
        # The map (network-map.html): drawn shapes and text, links to the country pages.
        "svg": {"viewbox": _SVG_NUMBERS, "viewBox": _SVG_NUMBERS, "focusable": Pattern("false", "false"),
                "xmlns": Pattern(re.escape("http://www.w3.org/2000/svg"), "the SVG namespace")},
        "title": {}, "desc": {},
        "g": {**_SVG_PAINT, "text-anchor": Pattern("start|middle|end", "middle"), "font-size": NUMBER,
              "font-weight": NUMBER},
        "rect": {**_SVG_PAINT, "width": _SVG_NUMBERS, "height": _SVG_NUMBERS, "x": _SVG_NUMBERS, "y": _SVG_NUMBERS},
        "path": {**_SVG_PAINT, "d": _SVG_PATH},
        "text": {**_SVG_PAINT, "x": _SVG_NUMBERS, "y": _SVG_NUMBERS, "stroke-linejoin": Pattern("round", "round")},
    },
    everywhere={
        "lang": LANG, "id": _ID, "class": GuideClasses(), "hidden": FLAG, "role": Pattern(r"[a-z ]+", "a role"),
        "tabindex": Pattern(r"-1|0", "-1 or 0"),
        # What the stacked tables' CSS and the chooser's script read.
        **{name: TEXT for name in ("data-label", "data-fits", "data-checklist", "data-name", "data-name-in-text", "data-decides")},
    },
    prefixed={"data-pg-": TEXT, "data-text-": TEXT, "data-pagefind-": Pattern(r"[a-z]*", "all"), "aria-": _ARIA},
)

# Which elements the templates may not use, whatever their attributes: listed so that the
# TEMPLATE policy's `elements` can never grow to hold them by accident.
NEVER = frozenset({
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "link", "meta", "base",
    "noscript", "template", "portal", "math", "foreignobject", "animate", "set", "animatemotion",
    "animatetransform", "image", "use", "feimage", "xmp", "plaintext", "noembed", "noframes", "slot",
})
assert not NEVER & set(TEMPLATE.elements) and not NEVER & set(PAGE.elements)


# --- what a language folder may hold -------------------------------------------------------

# Besides a page for each English page and a data file for each English data file:
# the translation records (make translated writes them) and the language's style sheet.
LANGUAGE_EXTRA_DATA = frozenset({"translated.yml", "style.yml"})
