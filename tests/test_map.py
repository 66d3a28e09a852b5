"""The map of the network: inline SVG from Natural Earth, small, accessible, linked to
every country page in every language."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from conftest import DOCS, LANGUAGES, ROOT
from peerguide.catalog import load_catalog
from peerguide.worldmap import region_map


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(DOCS, LANGUAGES, "en")


class Svg(HTMLParser):
    """The map's SVG: its links, their names, title and description."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.inside, self.links, self.title, self.desc, self.loads, self._field = False, [], "", "", [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "svg" and "pg-map__svg" in (attrs.get("class") or ""):
            self.inside = True
            self.labelledby = attrs.get("aria-labelledby")
        if not self.inside:
            return
        if tag == "a":
            self.links.append((attrs.get("href"), attrs.get("aria-label")))
        if tag in ("title", "desc"):
            self._field = tag
        for name in ("href", "xlink:href", "src"):
            if tag != "a" and attrs.get(name):
                self.loads.append(attrs[name])

    def handle_endtag(self, tag):
        if tag == "svg":
            self.inside = False
        self._field = None

    def handle_data(self, data):
        if self._field == "title":
            self.title += data
        elif self._field == "desc":
            self.desc += data


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_map_links_every_country_page_named_in_the_language(site, catalog, lang):
    data = catalog[lang]
    prefix = "" if lang == "en" else f"{lang}/"
    html = (site.root / prefix / "network/index.html").read_text(encoding="utf-8")
    svg = Svg()
    svg.feed(html)
    assert svg.labelledby == "pg-map-title pg-map-desc"
    assert svg.title.strip() == str(data.t("map.title")) and svg.desc.strip()
    assert [href for href, _ in svg.links] == [f"../countries/{country}/" for country in data.countries]
    for (href, name), (country_id, country) in zip(svg.links, data.countries.items()):
        assert name.startswith(str(country.name)), name
        for partner in country.partners:
            assert data.partners[partner].name in name
    assert svg.loads == []  # nothing loaded: no image, no font, no tile


def test_the_map_is_small(site):
    html = (site.root / "network/index.html").read_text(encoding="utf-8")
    svg = re.search(r'<svg class="pg-map__svg".*?</svg>', html, re.S).group(0)
    assert len(svg.encode("utf-8")) < 50_000


def test_the_shapes_come_from_the_npm_package_and_fit_the_region():
    shapes = region_map(ROOT, ("578", "752", "352", "208", "440", "233", "428"), (None,) * 7)
    assert shapes.width == 480.0 and 250 < shapes.height < 400
    for shape in shapes.countries.values():
        xs = [float(v) for v in re.findall(r"[ML]([\d.]+) ", shape.path)]
        assert xs and min(xs) >= -3 and max(xs) <= shapes.width + 3
    assert (ROOT / "node_modules/world-atlas/countries-50m.json").is_file()


@pytest.mark.browser
def test_each_country_on_the_map_is_a_link_reached_by_keyboard(page, server):
    page.goto(server.url("network/"))
    reached = []
    page.focus(".pg-map__svg")  # not focusable itself: focus starts before the links
    for _ in range(60):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement.closest('.pg-map__svg') ? document.activeElement.getAttribute('href') : null")
        if href:
            reached.append(href)
        if len(reached) == 7:
            break
    assert len(reached) == 7 and all(href.startswith("../countries/") for href in reached)
    page.keyboard.press("Enter")
    page.wait_for_url("**/countries/**")
