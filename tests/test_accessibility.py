"""Accessibility in a real browser: axe-core on every page in every language, and the
checklist by keyboard alone."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from builtsite import Site
from conftest import LANGUAGES

pytestmark = pytest.mark.browser

BLOCKING = {"serious", "critical"}


def pages_of(site: Site, lang: str) -> list[str]:
    others = tuple(f"{other}/" for other in LANGUAGES if other != "en")
    urls = [url for url in site.html_files() if (url.startswith(f"{lang}/") if lang != "en" else not url.startswith(others))]
    return [url.removesuffix("index.html") for url in urls]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_finds_no_serious_or_critical_issue(page, server, site, lang):
    axe = Axe()
    urls = pages_of(site, lang)
    assert len(urls) >= 23  # every page and the 404 page
    problems = []
    for url in urls:
        page.goto(server.url(url))
        result = axe.run(page)
        for violation in result.response["violations"]:
            if violation["impact"] in BLOCKING:
                targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
                problems.append(f"{url}: {violation['id']} ({violation['impact']}): {targets}")
    assert problems == []


def focus_ring(page) -> dict:
    return page.evaluate(
        """() => { const el = document.activeElement; const style = getComputedStyle(el);
        return {tag: el.tagName.toLowerCase(), id: el.id, action: el.dataset.pgAction || null,
                item: el.dataset.pgItem || null, summary: el.tagName === 'SUMMARY',
                outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2}; }"""
    )


def test_every_checklist_control_is_reachable_by_keyboard_with_a_visible_focus(page, server):
    page.goto(server.url("checklist/"))
    page.wait_for_selector("[data-pg-checklist][data-pg-ready]")
    actions, items, summaries, invisible = set(), set(), 0, []
    for _ in range(250):
        page.keyboard.press("Tab")
        focused = focus_ring(page)
        if focused["action"] or focused["item"] or focused["summary"]:
            if not focused["outline"]:
                invisible.append(focused)
            actions.add(focused["action"]) if focused["action"] else None
            items.add(focused["item"]) if focused["item"] else None
            summaries += focused["summary"]
        if focused["tag"] == "a" and "footer" in page.evaluate("document.activeElement.closest('footer') ? 'footer' : ''"):
            break
    assert actions == {"print", "export", "import", "reset"}
    assert len(items) == 18 and summaries == 18
    assert invisible == []


def test_checklist_controls_work_by_keyboard(page, server):
    page.goto(server.url("checklist/"))
    page.wait_for_selector("[data-pg-checklist][data-pg-ready]")
    page.focus("#check-budget")
    page.keyboard.press("Space")
    assert page.is_checked("#check-budget")
    assert page.locator("[data-pg-progress]").inner_text().startswith("1 ")
    summary = page.locator("#item-budget summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert page.locator("#item-budget details").get_attribute("open") is not None
    page.once("dialog", lambda dialog: dialog.accept())
    page.focus("[data-pg-action=reset]")
    page.keyboard.press("Enter")
    assert not page.is_checked("#check-budget")


@pytest.mark.parametrize("url", ["models/", "countries/", "network/", "checklist/", "da/models/", "lt/countries/"])
def test_axe_on_a_phone_where_tables_become_cards(browser, server, url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(server.url(url))
    violations = [v for v in Axe().run(page).response["violations"] if v["impact"] in BLOCKING]
    context.close()
    assert [v["id"] for v in violations] == []
