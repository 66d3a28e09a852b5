"""PDF handouts: one A4 document per handout and language, made of the built pages.

A handout holds the content of some of the guide's pages exactly as the site shows
them (the same Markdown, the same data templates), so there is no second copy of any
text. This module turns built pages into one print document:

- each page becomes a section whose ids are prefixed with the page's slug, so that
  links between pages of the handout become links inside the PDF;
- links to pages outside the handout name the page and section in words ("see “Choosing a
  model › Purpose” in the guide"), and link to the online guide only when the site is built
  for a public address (site.public_address): a local build never prints 127.0.0.1;
- the references a handout cites are gathered into its own "Sources" section;
- what only works on screen (heading permalinks, the checklist's buttons) is dropped.

The wrapper (title page, contents, running header, page numbers) is the template
partials/peerguide/handout.html; the print styles are assets/stylesheets/handout.css.
Rendering with WeasyPrint is tools/handouts.py's job.
"""

from __future__ import annotations

import copy
import html as html_lib
import posixpath
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import tinyhtml5

from .site import public_address
from .urls import resolve
from .schema import Handout

REFERENCES = "references.md"


@dataclass(frozen=True)
class Plan:
    """One handout in one language."""

    id: str
    lang: str
    pages: tuple[str, ...]  # from docs/, without the leading slash: 'models/index.md'

    @property
    def file(self) -> str:
        return f"{self.id}-{self.lang}.pdf"


def handout_pages(handout: Handout, nav_pages: list[str]) -> tuple[str, ...]:
    """The handout's pages from docs/, in order ('all': the navigation's order)."""
    if handout.pages == "all":
        left_out = {page.lstrip("/") for page in handout.except_}
        return tuple(page for page in nav_pages if page not in left_out)
    return tuple(page.lstrip("/") for page in handout.pages)


def built_path(page: str) -> str:
    """'models/index.md' -> 'models/index.html'; 'checklist.md' -> 'checklist/index.html'."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return f"{stem}.html"
    return f"{stem}/index.html"


def page_dir(page: str, lang: str, default: str) -> str:
    """The page's folder in the site: 'da/models/' for models/index.md in Danish."""
    folder = posixpath.dirname(built_path(page))
    prefix = "" if lang == default else f"{lang}/"
    return f"{prefix}{folder}/" if folder else prefix


def slug(page: str) -> str:
    return "p-" + page.removesuffix(".md").replace("/", "-")


@dataclass
class Section:
    slug: str
    title: str
    html: str


@dataclass
class Assembled:
    sections: list[Section]
    sources: str  # the cited references, as HTML ('' when the handout holds the references page)
    english: bool  # some of its pages have no translation yet
    cited: list[str] = field(default_factory=list)


# --- reading built pages --------------------------------------------------------------------

_SVG = "{http://www.w3.org/2000/svg}"
_XMLNS = "{http://www.w3.org/2000/xmlns/}"


def _parse(html: str) -> ET.Element:
    root = tinyhtml5.parse(html, namespace_html_elements=False)
    # The parser puts inline SVG (the network map) in the SVG namespace, which ElementTree
    # would write as <ns0:svg>: plain names, as in the page, and WeasyPrint draws it.
    for element in root.iter():
        if element.tag.startswith(_SVG):
            element.tag = element.tag.removeprefix(_SVG)
            for name in [name for name in element.attrib if name.startswith(_XMLNS)]:
                del element.attrib[name]  # xmlns="…": an HTML parser knows <svg> without it
    return root


def _classes(element: ET.Element) -> set[str]:
    return set((element.get("class") or "").split())


_ARTICLE = '<article class="md-content__inner md-typeset">'


def article(page_html: str) -> ET.Element:
    """The page's content: Material's <article class="md-content__inner">. Only the
    article is parsed (the whole page is three times as long: menus, head, scripts)."""
    start, end = page_html.find(_ARTICLE), page_html.rfind("</article>")
    if 0 <= start < end:
        page_html = page_html[start: end + len("</article>")]
    for element in _parse(page_html).iter("article"):
        if "md-content__inner" in _classes(element):
            return element
    raise ValueError("no <article class='md-content__inner'> in the page")


# Only useful on screen: heading permalinks, the checklist's buttons and answer fields (the
# handout has ruled lines instead), the model chooser (its reasoning is in the tables of its
# page), the links to handouts.
SCREEN_ONLY = {"headerlink", "pg-checklist-tools", "pg-handout-link", "pg-checklist__answer", "pg-chooser"}


def _drop_screen_only(root: ET.Element) -> None:
    for parent in list(root.iter()):
        for child in list(parent):
            if _classes(child) & SCREEN_ONLY or child.tag in ("script", "noscript"):
                parent.remove(child)
            elif child.tag == "input" and child.get("type") == "checkbox":
                # An empty box to tick with a pen (drawn by handout.css).
                tail = child.tail
                child.clear()
                child.tag = "span"
                child.set("class", "pg-box")
                child.set("aria-hidden", "true")
                child.tail = tail


def _is_fallback(root: ET.Element) -> bool:
    return any(element.get("data-pg-notice") == "untranslated" for element in root.iter())


def _text(element: ET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


# --- links ----------------------------------------------------------------------------------

@dataclass
class _Links:
    site_url: str
    lang: str
    default: str
    # site path of a page's folder ('da/models/') -> the page's slug, for the pages inside
    inside: dict[str, str]
    references_dir: str
    holds_references: bool
    site_dir: Path | None = None
    public: bool = False  # the site's address may be printed (site.public_address)
    cited: list[str] = field(default_factory=list)
    _places: dict = field(default_factory=dict)

    def place(self, target: str, fragment: str) -> str:
        """A page of the built site and one of its sections, in words: 'Choosing a model › Purpose'."""
        if target not in self._places:
            path = (self.site_dir / target / "index.html") if self.site_dir else None
            html = path.read_text(encoding="utf-8") if path and path.is_file() else ""
            self._places[target] = {match["id"]: " ".join(re.sub(r"<[^>]+>", "", match["text"]).split())
                                    for match in _HEADING.finditer(html)}
        headings = self._places[target]
        title = next(iter(headings.values()), target)
        section = headings.get(fragment) if fragment else None
        return html_lib.unescape(f"{title} › {section}" if section and section != title else title)

    def outside(self, target: str, fragment: str) -> tuple[str | None, str]:
        """A page outside the handout: its address (only for a public site) and its place in words."""
        address = urljoin(self.site_url, target) + (f"#{fragment}" if fragment else "") if self.public else None
        return address, self.place(target, fragment)

    def rewrite(self, href: str, own_dir: str, own_slug: str) -> str | tuple[str | None, str]:
        """The link's new address; for a page outside the handout (address or None, place in words)."""
        if href.startswith("#"):
            return f"#{own_slug}--{href[1:]}" if len(href) > 1 else f"#{own_slug}"
        if not resolve(href).relative:
            return href  # another website, or mail: kept as it is, and printed after the link
        parts = urlsplit(href)
        target = posixpath.normpath(posixpath.join(own_dir, parts.path))
        target = "" if target == "." else target.rstrip("/") + "/"
        if target.endswith("index.html/"):
            target = target.removesuffix("index.html/")
        if target == self.references_dir and not self.holds_references and parts.fragment:
            if parts.fragment not in self.cited:
                self.cited.append(parts.fragment)
            return f"#sources--{parts.fragment}"
        if target in self.inside:
            slug_ = self.inside[target]
            return f"#{slug_}--{parts.fragment}" if parts.fragment else f"#{slug_}"
        # A page, file or anchor outside the handout: named in words, and its address if public.
        return self.outside(target, parts.fragment)


_HEADING = re.compile(r'<h[1-3] id="(?P<id>[^"]+)"[^>]*>(?P<text>.*?)(?:<a class="headerlink"|</h[1-3]>)', re.S)


def _rewrite(root: ET.Element, links: _Links, own_dir: str, own_slug: str, site_dir: Path,
             in_guide: str = "{place}") -> None:
    parents = {child: parent for parent in root.iter() for child in parent}
    for element in list(root.iter()):
        if element.get("id"):
            element.set("id", f"{own_slug}--{element.get('id')}")
        for name in ("aria-labelledby", "aria-describedby", "for"):
            if element.get(name):
                element.set(name, " ".join(f"{own_slug}--{value}" for value in element.get(name).split()))
        if element.tag == "a" and element.get("href") is not None:
            rewritten = links.rewrite(element.get("href"), own_dir, own_slug)
            if isinstance(rewritten, str):
                element.set("href", rewritten)
                continue
            address, place = rewritten
            if address:
                element.set("href", address)
            else:  # no address to print or follow: the words say where it is
                element.tag = "span"
                del element.attrib["href"]
            note = ET.Element("span", {"class": "pg-guide-place"})
            note.text = " (" + in_guide.format(place=place) + ")"
            note.tail, element.tail = element.tail, None
            parent = parents.get(element)
            if parent is not None:
                parent.insert(list(parent).index(element) + 1, note)
        if element.tag == "img" and element.get("src") and resolve(element.get("src")).relative:
            # The images of the guide, read from the built site.
            element.set("src", (site_dir / own_dir / element.get("src")).resolve().as_uri())


def _html(element: ET.Element) -> str:
    """The element's content (not the element itself) as HTML."""
    parts = [_escape(element.text or "")]
    parts += [ET.tostring(child, encoding="unicode", method="html") for child in element]
    return "".join(parts)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- one handout ----------------------------------------------------------------------------

def assemble(plan: Plan, site_dir: Path, site_url: str, default: str, in_guide: str = "{place}") -> Assembled:
    """The sections of a handout in its language, read from the built site. `in_guide` says
    where a page outside the handout is ("see “{place}” in the guide"), in the language."""
    dirs = {page: page_dir(page, plan.lang, default) for page in plan.pages}
    links = _Links(
        site_url=site_url, lang=plan.lang, default=default,
        inside={folder: slug(page) for page, folder in dirs.items()},
        references_dir=page_dir(REFERENCES, plan.lang, default),
        holds_references=REFERENCES in plan.pages,
        site_dir=site_dir, public=public_address(site_url),
    )
    sections, english = [], False
    for page in plan.pages:
        content = article((site_dir / dirs[page] / posixpath.basename(built_path(page))).read_text(encoding="utf-8"))
        english = english or _is_fallback(content)
        _drop_screen_only(content)
        heading = next(content.iter("h1"), None)
        title = _text(heading) if heading is not None else page
        _rewrite(content, links, dirs[page], slug(page), site_dir, in_guide)
        sections.append(Section(slug(page), title, _html(content)))
    sources = "" if links.holds_references else _sources(site_dir, site_url if links.public else None, plan, default,
                                                            links.cited)
    return Assembled(sections, sources, english, links.cited)


def _sources(site_dir: Path, site_url: str | None, plan: Plan, default: str, cited: list[str]) -> str:
    """The references the handout cites, as the references page lists them (its groups).
    Their links to pages of the guide keep an address only for a public site (`site_url`)."""
    if not cited:
        return ""
    folder = page_dir(REFERENCES, plan.lang, default)
    content = article((site_dir / folder / "index.html").read_text(encoding="utf-8"))
    out = []
    for item in content.iter("li"):
        if item.get("id") in cited:
            entry = copy.deepcopy(item)
            entry.set("id", f"sources--{item.get('id')}")
            for link in entry.iter("a"):
                href = link.get("href") or ""
                if resolve(href).relative:
                    if site_url:
                        link.set("href", urljoin(urljoin(site_url, folder), href))
                    else:
                        link.tag = "span"
                        del link.attrib["href"]
            out.append(ET.tostring(entry, encoding="unicode", method="html"))
    return '<ul class="pg-reflist">' + "".join(out) + "</ul>"
