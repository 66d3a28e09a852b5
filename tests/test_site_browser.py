"""The language switcher, and clean page loads, in a real browser."""

from __future__ import annotations

import time

import pytest

from builtsite import Site
from conftest import LANGUAGES

pytestmark = pytest.mark.browser

SAMPLE_PAGES = ["", "models/integrated/", "countries/denmark/", "checklist/", "glossary/"]


def in_language(path: str, lang: str) -> str:
    return path if lang == "en" else f"{lang}/{path}"


def switch_language(page, lang: str) -> None:
    page.hover(".md-select")  # the selector opens on hover or focus
    with page.expect_navigation():
        page.click(f".md-select__link[hreflang='{lang}']")


@pytest.mark.parametrize("path", SAMPLE_PAGES)
def test_switcher_leads_to_the_same_page_in_each_language(page, server, path):
    for source in LANGUAGES:
        page.goto(server.url(in_language(path, source)))
        targets = page.eval_on_selector_all(".md-select__link", "links => links.map(l => [l.hreflang, l.href])")
        assert dict(targets) == {lang: server.url(in_language(path, lang)) for lang in LANGUAGES}, source
        # And a real click, to the next language round the list.
        target = LANGUAGES[(LANGUAGES.index(source) + 1) % len(LANGUAGES)]
        switch_language(page, target)
        assert page.url == server.url(in_language(path, target)), (source, target)
    page.problems.assert_none()


def test_switcher_after_in_site_navigation(page, server):
    page.goto(server.url("da/"))
    with page.expect_navigation():
        page.click(".md-nav--primary a[href$='countries/']")
    with page.expect_navigation():
        page.click("article a[href$='sweden/']")
    assert page.url == server.url("da/countries/sweden/")
    switch_language(page, "et")
    assert page.url == server.url("et/countries/sweden/")
    page.problems.assert_none()


def test_the_switcher_names_each_language_in_that_language(page, server):
    page.goto(server.url("countries/"))
    names = page.eval_on_selector_all(".md-select__link", "links => links.map(l => l.textContent.trim())")
    assert names == ["English", "Dansk", "Lietuvių", "Svenska", "Norsk (bokmål)", "Eesti"]


def test_head_has_hreflang_alternates_that_resolve(page, server, site: Site):
    page.goto(server.url("da/models/alongside/"))
    alternates = page.eval_on_selector_all(
        "link[rel=alternate][hreflang]", "links => links.map(l => [l.hreflang, l.href])"
    )
    expected = {lang: server.url(in_language("models/alongside/", lang)) for lang in LANGUAGES}
    assert dict(alternates) == {**expected, "x-default": expected["en"]}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_main_pages_load_without_errors_or_missing_files(page, server, site: Site, lang):
    """Every page in the navigation: no console error, no uncaught exception, no 4xx/5xx."""
    errors_before = len(server.errors)  # other tests' variants may have logged their own
    start = server.url(in_language("", lang))
    page.goto(start)
    urls = page.eval_on_selector_all(".md-nav--primary a.md-nav__link[href]", "links => links.map(l => l.href)")
    urls = list(dict.fromkeys(url.split("#")[0] for url in urls))
    assert len(urls) >= 20
    for url in urls:
        page.goto(url)  # Material's own requests (search, sitemaps) start before "load"
    page.wait_for_load_state("networkidle")
    page.problems.assert_none()
    assert server.errors[errors_before:] == []


# Every layout shift the page makes. The test gives no input, so all of them count (Chromium
# flags some as following input when none was given, so that flag is not trusted).
RECORD_SHIFTS = """
window.pgShifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    window.pgShifts.push(entry.value);
  }
}).observe({type: "layout-shift", buffered: true});
"""

KEPT_CHECKLIST = ('localStorage.setItem("peerguide:checklist", JSON.stringify({format: "peerguide-checklist", '
                  'version: 2, ticked: ["purpose"], answers: {purpose: "Recovery first"}, organisation: "Our team"}));')


@pytest.mark.parametrize("path", ["checklist/", "da/checklist/", "choosing/", "lt/choosing/chooser/", "network/"])
def test_nothing_moves_when_the_scripts_start(browser, server, path):
    """The checklist's tools and the chooser's form are in place from the first paint, on
    a phone, also with a checklist kept from an earlier visit (issue 11: CLS 0)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    context.add_init_script(KEPT_CHECKLIST + RECORD_SHIFTS)
    page = context.new_page()

    def slow_script(route):  # as on a slow connection: the page is drawn before its scripts run
        time.sleep(0.3)
        route.continue_()

    page.route("**/*.js", slow_script)
    page.goto(server.url(path))
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.pgShifts") == []
    context.close()
