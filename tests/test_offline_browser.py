"""The offline copy from file://, and printing from the browser, in a real browser."""

from __future__ import annotations

import io
import zipfile

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.browser

ZIP = "downloads/organising-peer-support-offline.zip"


@pytest.fixture(scope="module")
def offline_copy(site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("usb-stick")
    with zipfile.ZipFile(site.root / ZIP) as archive:
        archive.extractall(folder)
    return folder / "organising-peer-support"


def test_the_offline_copy_works_from_file(browser, offline_copy):
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    home = (offline_copy / "index.html").as_uri()
    page.goto(home)
    # Styled: the theme's stylesheet and the guide's colours are there.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") == "rgb(0, 86, 77)"
    # A link to another page, and the language switcher.
    with page.expect_navigation():
        page.click(".md-nav--primary a[href='models/index.html']")
    assert page.url.endswith("/models/index.html") and page.locator("h1").first.inner_text().startswith("The three models")
    page.hover(".md-select")
    with page.expect_navigation():
        page.click(".md-select__link[hreflang='da']")
    assert page.url.endswith("/da/models/index.html")
    # The checklist keeps a tick across a reload.
    page.goto((offline_copy / "checklist.html").as_uri())
    page.wait_for_selector("[data-pg-checklist][data-pg-ready]")
    page.check("#check-budget")
    page.reload()
    page.wait_for_selector("[data-pg-checklist][data-pg-ready]")
    assert page.is_checked("#check-budget")
    assert [url for url in requests if not url.startswith("file://")] == []
    context.close()


@pytest.mark.parametrize("lang, query, other_form", [("lt", "pagalba", "pagalbos"), ("da", "modeller", "modellerne")])
def test_search_works_in_the_offline_copy(browser, offline_copy, lang, query, other_form):
    """From file://, in two languages other than English: results only in the page's
    language, and a word's other ending finds the same pages (the Snowball stem)."""
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((offline_copy / lang / "models" / "index.html").as_uri())

    def search(words: str) -> list[str]:
        page.click("[data-pg-search-open]")
        page.fill("[data-pg-search-input]", words)
        page.wait_for_selector(".pg-search__title")
        links = page.eval_on_selector_all(".pg-search__title", "links => links.map(a => a.href)")
        page.click("[data-pg-search-close]")
        return links

    found = search(query)
    assert found and all(f"/organising-peer-support/{lang}/" in url for url in found), found
    assert set(search(other_form)) & set(found)
    with page.expect_navigation():
        page.click("[data-pg-search-open]")
        page.fill("[data-pg-search-input]", query)
        page.wait_for_selector(".pg-search__title")
        page.click(".pg-search__title >> nth=0")
    assert page.url.startswith("file://") and f"/{lang}/" in page.url
    assert [url for url in requests if not url.startswith("file://")] == []
    context.close()


def test_a_page_prints_without_navigation_and_with_link_addresses(page, server):
    page.goto(server.url("countries/sweden/"))
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer']
        .map(s => document.querySelector(s)).filter(Boolean).map(e => getComputedStyle(e).display)""")
    assert set(hidden) == {"none"}
    after = page.evaluate("""() => getComputedStyle(document.querySelector('article a[href^="https://www.nsph.se"]'),
        '::after').content""")
    assert "https://www.nsph.se" in after
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = " ".join(p.extract_text() for p in pdf.pages)
    assert "https://www.nsph.se" in text and "Sweden" in text


def test_tables_print_whole_with_their_headers(page, server):
    page.goto(server.url("models/"))
    page.emulate_media(media="print")
    styles = page.evaluate("""() => { const t = document.querySelector('.pg-compare');
        return [getComputedStyle(t.querySelector('thead')).display,
                getComputedStyle(t.querySelector('tbody tr')).breakInside, getComputedStyle(t).display]; }""")
    assert styles == ["table-header-group", "avoid", "table"]


def test_the_checklist_prints_with_its_ticks(page, server):
    page.goto(server.url("checklist/"))
    page.wait_for_selector("[data-pg-checklist][data-pg-ready]")
    page.check("#check-budget")
    page.emulate_media(media="print")
    assert page.is_checked("#check-budget") and page.is_visible("#check-budget")
    assert not page.is_visible("[data-pg-action=export]")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert "Set a budget" in " ".join(p.extract_text() for p in pdf.pages)
