"""What readers of a good documentation site expect, in Chromium: pages that fit a phone at
200 % zoom, sections that survive a language switch, a dark scheme that keeps contrast,
printouts without local addresses, the licence, the date a page last changed."""

from __future__ import annotations

import io
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

from conftest import LANGUAGES

pytestmark = pytest.mark.browser

LOCAL = re.compile(r"127\.0\.0\.1|localhost")


def in_language(path: str, lang: str) -> str:
    return path if lang == "en" else f"{lang}/{path}"


def pages_of(site) -> list[str]:
    return [url.removesuffix("index.html") for url in site.html_files()
            if url.endswith("index.html") and not url.startswith(("assets/", "pagefind/"))]


def test_no_page_scrolls_sideways_on_a_phone_at_200_percent(browser, server, site):
    """A 390 px wide phone at 200 % zoom shows 195 CSS pixels: no page of any language may
    be wider (long compound words, tables, the chooser's fieldset, the language menu)."""
    context = browser.new_context(viewport={"width": 195, "height": 422}, device_scale_factor=2)
    page = context.new_page()
    wide = []
    for path in pages_of(site):
        page.goto(server.url(path))
        sizes = page.evaluate("() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]")
        if sizes[0] > sizes[1]:
            wide.append((path, sizes))
    context.close()
    assert len(pages_of(site)) >= 150 and wide == []


def test_switching_language_keeps_the_section(page, server):
    page.goto(server.url("choosing/#be-radical"))
    for lang in ("da", "lt", "et"):
        page.hover(".md-select")
        with page.expect_navigation():
            page.click(f".md-select__link[hreflang='{lang if lang != 'no' else 'nb'}']")
        assert page.url.endswith(f"/{lang}/choosing/#be-radical"), page.url
        assert page.locator("#be-radical").count() == 1
        assert page.evaluate("() => document.getElementById('be-radical').getBoundingClientRect().top") < 300
    page.problems.assert_none()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_heading_has_the_english_id(site, lang):
    """The same sections in every language: a shared link to #section works in each."""
    if lang == "en":
        return
    for url in site.html_files():
        if url.startswith(("da/", "lt/", "sv/", "no/", "et/", "assets/", "pagefind/")) or url == "404.html":
            continue
        english = re.findall(r'<h[1-6] id="([^"]+)"', (site.root / url).read_text(encoding="utf-8"))
        translated = re.findall(r'<h[1-6] id="([^"]+)"', (site.root / lang / url).read_text(encoding="utf-8"))
        assert translated == english, (lang, url)


def test_the_language_menu_marks_the_current_language_and_fits_a_phone(browser, server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(server.url("et/models/"))
    page.hover(".md-select")
    current = page.locator(".md-select__link[aria-current='page']")
    assert current.count() == 1 and current.get_attribute("hreflang") == "et"
    box = page.locator(".md-select__link[hreflang='et']").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320  # "Eesti" is not cut
    context.close()


@pytest.mark.parametrize("path", ["", "models/", "checklist/", "choosing/chooser/", "glossary/",
                                  "about/translation-status/", "countries/denmark/"])
@pytest.mark.parametrize("lang", ["en", "da", "lt"])
def test_the_dark_scheme_keeps_contrast(browser, server, path, lang):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(server.url(in_language(path, lang)))
    assert page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == "slate"
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    context.close()
    assert serious == [], [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in serious]


def test_titles_and_landmarks_are_in_the_page_s_language(page, server):
    page.goto(server.url(""))
    assert page.title() == "Organising peer support"  # not "Organising peer support - Organising peer support"
    page.goto(server.url("no/"))
    assert page.locator("nav.md-header__inner").get_attribute("aria-label") == "Topptekst"
    assert page.locator("nav.md-footer__inner").get_attribute("aria-label") == "Bunntekst"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_shows_its_licence_and_when_it_last_changed(site, lang):
    prefix = "" if lang == "en" else f"{lang}/"
    for url in [u for u in site.html_files() if u.startswith(prefix) and u.endswith("index.html")][:30]:
        if lang == "en" and url.split("/")[0] in LANGUAGES:
            continue
        html = (site.root / url).read_text(encoding="utf-8")
        assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>' in html, url
        assert re.search(r'class="pg-updated"[^>]*>[^<]+<time datetime="\d{4}-\d{2}-\d{2}">', html), url


@pytest.mark.parametrize("path", ["checklist/", "da/checklist/", "404.html", "da/404.html", "models/"])
def test_a_printout_shows_no_local_address(page, server, path):
    """The browser's printout of a page of a local build (the test server is 127.0.0.1)."""
    page.goto(server.url(path))
    if "checklist" in path:
        page.wait_for_selector("[data-pg-checklist][data-pg-ready]")
        page.check("#check-budget")
    page.emulate_media(media="print")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    assert not LOCAL.search(text), LOCAL.search(text)
    assert LOCAL.search(server.base_url)  # the test server is local: the case that matters
