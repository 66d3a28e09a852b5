"""Search in a real browser: one language's pages only, each once, and nothing loaded
before the reader opens the search."""

from __future__ import annotations

import re

import pytest

from conftest import LANGUAGES

pytestmark = pytest.mark.browser


def in_language(path: str, lang: str) -> str:
    return path if lang == "en" else f"{lang}/{path}"


def search(page, query: str) -> list[str]:
    """Open the dialog, type `query`, return the result links (paths from the site root)."""
    if not page.is_visible("[data-pg-search]"):
        page.click("[data-pg-search-open]")
    page.fill("[data-pg-search-input]", query)
    # Until the search has answered (results, none or failed), the status shows the hint.
    page.wait_for_function(
        """q => {
            const state = document.querySelector('[data-pg-search-status]').dataset.pgState;
            if (document.querySelector('[data-pg-search-input]').value !== q) return false;
            return state === 'none' || state === 'failed' ||
                (state === 'results' && document.querySelector('[data-pg-search-results] li'));
        }""",
        arg=query,
    )
    return page.eval_on_selector_all(".pg-search__title", "links => links.map(a => a.getAttribute('href'))")


def test_no_search_files_load_until_the_reader_opens_search(page, server):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    for path in ("", "models/", "da/checklist/", "lt/countries/lithuania/"):
        page.goto(server.url(path))
        page.wait_for_load_state("networkidle")
    assert [url for url in requests if "/pagefind/" in url or "search_index" in url] == []
    page.click("[data-pg-search-open]")
    page.wait_for_load_state("networkidle")
    loaded = [url for url in requests if "/pagefind/" in url]
    assert any(url.endswith("/pagefind/pagefind.js") for url in loaded)
    # Only this page's language (Lithuanian) is fetched, not the other indexes.
    assert not [url for url in loaded if re.search(r"\b(en|da|sv|nb|et)_[0-9a-f]+\.pf_", url)]
    page.problems.assert_none()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_returns_only_this_languages_pages_each_once(page, server, lang):
    page.goto(server.url(in_language("", lang)))
    results = search(page, "peer")
    assert results, lang
    assert len(results) == len(set(results)), results
    others = [other for other in LANGUAGES if other != "en"]
    if lang == "en":
        assert all(not url.lstrip("/").startswith(tuple(f"{other}/" for other in others)) for url in results), results
    else:
        assert all(url.startswith(f"/{lang}/") for url in results), results
    page.problems.assert_none()


def test_english_search_finds_many_pages(page, server):
    page.goto(server.url(""))
    assert len(search(page, "recovery")) >= 8


def test_lithuanian_search_finds_inflected_forms(page, server):
    """A search for 'pagalba' (nominative) also finds 'pagalbos' (genitive): stemming."""
    page.goto(server.url("lt/"))
    search(page, "pagalba")
    marked = {text.lower() for text in page.eval_on_selector_all(".pg-search__excerpt mark", "m => m.map(x => x.textContent)")}
    assert marked, "no results"
    assert any(word.startswith("pagalb") and word.strip(".,;:") != "pagalba" for word in marked), marked


def test_search_opens_with_slash_and_closes_with_escape_back_to_its_button(page, server):
    page.goto(server.url("da/"))
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('[data-pg-search-input]')")
    page.keyboard.press("Escape")
    assert not page.is_visible("[data-pg-search]")
    assert page.evaluate("document.activeElement.matches('[data-pg-search-open]')")


def test_excerpts_never_become_markup(page, server):
    page.goto(server.url(""))
    search(page, "script")
    tags = page.eval_on_selector_all(
        ".pg-search__excerpt *", "els => [...new Set(els.map(e => e.tagName.toLowerCase()))]"
    )
    assert set(tags) <= {"mark"}
