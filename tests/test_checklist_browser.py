"""The interactive checklist, in a real browser (Debian's Chromium via Playwright)."""

from __future__ import annotations

import datetime
import json
import re
import time

import pytest
import yaml

from builtsite import build, copy_project
from conftest import DOCS, LANGUAGES, PageProblems
from peerguide.catalog import load_catalog

pytestmark = pytest.mark.browser

KEY = "peerguide:checklist"
TOTAL = 18


def open_checklist(page, server, prefix: str = ""):
    page.goto(server.url(f"{prefix}checklist/"))
    page.wait_for_selector("[data-pg-checklist][data-pg-ready]")


def ticked(page) -> list[str]:
    return page.eval_on_selector_all(
        "input[data-pg-item]", "boxes => boxes.filter(b => b.checked).map(b => b.dataset.pgItem)"
    )


def progress(page) -> str:
    return page.locator("[data-pg-progress]").inner_text()


def stored(page):
    return page.evaluate(f"localStorage.getItem('{KEY}')")


def variant(server, tmp_path_factory, name: str, change, strict: bool = True) -> None:
    """Build a changed copy of the project and serve it at /<name>/ on the same origin."""
    project = copy_project(tmp_path_factory.mktemp(f"{name}-project"))
    change(project)
    site_dir = tmp_path_factory.mktemp(f"{name}-site")
    result = build(project, site_dir, server.url(f"{name}/"), strict=strict)
    assert result.returncode == 0, result.stdout + result.stderr
    server.add(name, site_dir)


@pytest.fixture(scope="session")
def reordered(server, tmp_path_factory):
    """The same site with the checklist items in reverse order and one new item first."""

    def reorder(project):
        path = project / "docs/data/checklist.yml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        items = dict(reversed(list(data["items"].items())))
        new = {"group": "purpose", "text": "A new first item", "help": "Added later.",
               "link": "/checklist.md", "sources": ["rasmussen-2024"]}
        data["items"] = {"a-new-item": new, **items}
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    variant(server, tmp_path_factory, "reordered", reorder)
    return "reordered/"


@pytest.fixture(scope="session")
def instant(server, tmp_path_factory):
    """The same site with Material's instant navigation switched on."""

    def enable(project):
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace("    - navigation.sections\n", "    - navigation.sections\n    - navigation.instant\n"))

    # static-i18n warns that instant navigation breaks its language switcher (why the
    # site keeps it off); the checklist must work with it all the same.
    variant(server, tmp_path_factory, "instant", enable, strict=False)
    return "instant/"


def test_ticks_survive_a_reload(page, server):
    open_checklist(page, server)
    page.check("#check-budget")
    page.check("#check-guidelines")
    page.reload()
    page.wait_for_selector("[data-pg-checklist][data-pg-ready]")
    assert ticked(page) == ["guidelines", "budget"]
    assert progress(page) == f"2 of {TOTAL} ticked"
    page.problems.assert_none()


def test_ticks_made_in_one_language_show_in_every_other(page, server):
    open_checklist(page, server)
    page.check("#check-target-group")
    open_checklist(page, server, "da/")
    page.check("#check-follow-up")
    for lang in LANGUAGES:
        open_checklist(page, server, "" if lang == "en" else f"{lang}/")
        assert ticked(page) == ["target-group", "follow-up"], lang
    page.problems.assert_none()


def test_progress_is_in_the_page_language(page, server):
    open_checklist(page, server, "da/")
    page.check("#check-budget")
    danish = page.locator("[data-pg-checklist]").get_attribute("data-text-progress")
    assert danish != "{done} of {total} ticked"
    assert progress(page) == danish.replace("{done}", "1").replace("{total}", str(TOTAL))


def test_reordering_items_keeps_ticks_on_the_right_items(page, server, reordered):
    open_checklist(page, server)
    first_here = page.locator("input[data-pg-item]").first.get_attribute("data-pg-item")
    page.check("#check-budget")
    page.check("#check-target-group")
    open_checklist(page, server, reordered)
    assert page.locator("input[data-pg-item]").first.get_attribute("data-pg-item") != first_here
    assert sorted(ticked(page)) == ["budget", "target-group"]
    assert not page.is_checked("#check-a-new-item")
    assert progress(page) == f"2 of {TOTAL + 1} ticked"
    page.problems.assert_none()


def test_progress_is_announced_and_follows_the_ticks(page, server):
    open_checklist(page, server)
    status = page.locator("[data-pg-progress]")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert progress(page) == f"0 of {TOTAL} ticked"
    page.check("#check-budget")
    assert progress(page) == f"1 of {TOTAL} ticked"
    page.uncheck("#check-budget")
    assert progress(page) == f"0 of {TOTAL} ticked"


@pytest.mark.parametrize("bad_value", ["{not json", '{"version": 7, "ticked": "budget"}', "null", "42"])
def test_unreadable_stored_data_causes_no_error(page, server, bad_value):
    open_checklist(page, server)
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, bad_value])
    page.reload()
    page.wait_for_selector("[data-pg-checklist][data-pg-ready]")
    assert ticked(page) == [] and progress(page) == f"0 of {TOTAL} ticked"
    assert page.evaluate(f"localStorage.getItem('{KEY}:unreadable')") == bad_value
    page.check("#check-budget")
    assert json.loads(stored(page))["ticked"] == ["budget"]
    page.problems.assert_none()


def test_older_format_and_unknown_ids_are_kept(page, server):
    open_checklist(page, server)
    # Before version 1 the value was a bare list; "retired-item" is not on the page.
    page.evaluate("([key]) => localStorage.setItem(key, JSON.stringify(['budget', 'retired-item', 42]))", [KEY])
    page.reload()
    page.wait_for_selector("[data-pg-checklist][data-pg-ready]")
    assert ticked(page) == ["budget"]
    page.check("#check-guidelines")
    saved = json.loads(stored(page))
    assert saved == {"format": "peerguide-checklist", "version": 2, "ticked": ["budget", "guidelines", "retired-item"],
                     "answers": {}, "organisation": ""}
    page.problems.assert_none()


def test_blocked_storage_still_works_for_the_visit(browser, server):
    context = browser.new_context()
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {configurable: true,"
        " get() { throw new DOMException('The operation is insecure.', 'SecurityError'); }});"
    )
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    open_checklist(page, server)
    message = page.locator("[data-pg-message]")
    assert message.inner_text() == page.locator("[data-pg-checklist]").get_attribute("data-text-storage-off")
    assert message.is_visible()
    page.check("#check-budget")
    assert progress(page) == f"1 of {TOTAL} ticked"
    assert errors == []
    context.close()


def test_export_then_import_restores_the_ticks(page, server, tmp_path):
    open_checklist(page, server)
    for item in ("budget", "guidelines", "stigma-in-the-workforce"):
        page.check(f"#check-{item}")
    with page.expect_download() as download:
        page.click("[data-pg-action=export]")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == f"checklist-en-{datetime.date.today().isoformat()}.json"
    data = json.loads(saved.read_text())
    assert data["format"] == "peerguide-checklist" and data["version"] == 2
    assert data["ticked"] == ["budget", "guidelines", "stigma-in-the-workforce"]

    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-pg-action=reset]")
    assert ticked(page) == [] and json.loads(stored(page))["ticked"] == []

    with page.expect_file_chooser() as chooser:
        page.click("[data-pg-action=import]")
    chooser.value.set_files(str(saved))
    page.wait_for_function("document.querySelector('[data-pg-progress]').textContent.startsWith('3 ')")
    assert ticked(page) == ["guidelines", "budget", "stigma-in-the-workforce"]
    assert "3" in page.locator("[data-pg-message]").inner_text()
    page.problems.assert_none()


def test_a_file_that_is_not_a_checklist_changes_nothing(page, server):
    open_checklist(page, server)
    page.check("#check-budget")
    with page.expect_file_chooser() as chooser:
        page.click("[data-pg-action=import]")
    chooser.value.set_files({"name": "notes.json", "mimeType": "application/json", "buffer": b"not a checklist"})
    failed = page.locator("[data-pg-checklist]").get_attribute("data-text-import-failed")
    page.wait_for_function("t => document.querySelector('[data-pg-message]').textContent === t", arg=failed)
    assert ticked(page) == ["budget"]


def test_clearing_asks_first(page, server):
    open_checklist(page, server)
    page.check("#check-budget")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("[data-pg-action=reset]")
    assert ticked(page) == ["budget"]


def test_print_shows_the_date_and_the_help_texts(context, server):
    context.add_init_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    page = context.new_page()
    open_checklist(page, server)
    page.check("#check-budget")
    page.click("[data-pg-action=print]")
    assert page.evaluate("window.__printed") == 1
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    date = page.locator("[data-pg-date]").inner_text()
    today = datetime.date.today()
    assert str(today.year) in date and today.strftime("%B") in date
    assert page.locator(".pg-checklist__help[open]").count() == TOTAL
    page.emulate_media(media="print")
    assert page.locator("[data-pg-date]").is_visible()
    assert not page.locator("[data-pg-action=print]").is_visible()
    assert page.is_checked("#check-budget")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator(".pg-checklist__help[open]").count() == 0


def test_without_javascript_the_items_are_there_to_tick(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url("checklist/"))
    boxes = page.locator("input[type=checkbox][data-pg-item]")
    assert boxes.count() == TOTAL
    for index in range(TOTAL):
        box = boxes.nth(index)
        label = page.locator(f"label[for='{box.get_attribute('id')}']")
        assert label.inner_text().strip()
    assert not page.locator("[data-pg-checklist]").is_visible()
    page.check("#check-budget")
    assert page.is_checked("#check-budget")
    context.close()


def test_works_with_instant_navigation_without_duplicate_listeners(context, server, instant):
    context.add_init_script(
        "if (!window.__wrapped) { window.__wrapped = true; window.__saves = 0;"
        " const setItem = Storage.prototype.setItem;"
        f" Storage.prototype.setItem = function (k, v) {{ if (k === '{KEY}') window.__saves++;"
        " return setItem.call(this, k, v); }; }"
    )
    page = context.new_page()
    page.goto(server.url(instant))
    page.wait_for_load_state("networkidle")  # Material's instant navigation needs its sitemap first
    page.evaluate("([key]) => localStorage.setItem(key, JSON.stringify({version: 1, ticked: ['budget']}))", [KEY])
    saves = page.evaluate("window.__saves")
    for round_trip in range(3):
        # In-site navigation: Material swaps the content without loading a new page.
        page.click("a[href$='checklist/']:visible >> nth=0")
        page.wait_for_selector("[data-pg-checklist][data-pg-ready]")
        assert page.evaluate("window.__saves") == saves, "a page view must not write"
        assert "budget" in ticked(page)
        page.check("#check-guidelines") if round_trip % 2 == 0 else page.uncheck("#check-guidelines")
        saves += 1
        assert page.evaluate("window.__saves") == saves, "one tick, one save: no duplicate listeners"
        page.click("a[href$='glossary/']:visible >> nth=0")
        page.wait_for_url("**/glossary/")
        page.wait_for_selector("[data-pg-checklist]", state="detached")
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1  # never reloaded


@pytest.mark.parametrize("link, root", [("checklist/", "[data-pg-checklist]"), ("choosing/chooser/", "[data-pg-chooser]")])
def test_instant_navigation_works_when_the_store_script_arrives_last(context, server, instant, link, root):
    """Material inserts a new page's scripts all at once and each runs when it arrives:
    the checklist and the chooser must wait for checklist-store.js if it comes last."""
    page = context.new_page()
    page.problems = PageProblems(page)
    page.goto(server.url(instant))
    page.wait_for_load_state("networkidle")
    page.evaluate("([key]) => localStorage.setItem(key, JSON.stringify({version: 1, ticked: ['budget']}))", [KEY])

    def late(route):
        time.sleep(0.5)
        route.continue_()

    page.route("**/checklist-store.js", late)
    page.click(f"a[href$='{link}']:visible >> nth=0")
    page.wait_for_selector(f"{root}[data-pg-ready]", timeout=5000)
    if root == "[data-pg-checklist]":
        assert "budget" in ticked(page)
    else:
        assert page.locator("[data-pg-chooser] fieldset:not([hidden])").count() == 1
    assert page.problems.exceptions == []  # (instant navigation's sitemap 404s are known: README)


# --- loading a file: all or nothing, and said in the reader's language -------------------------

from payloads import CHECKLIST_FILES  # noqa: E402


def load_file(page, content: bytes, name: str = "checklist.json") -> None:
    with page.expect_file_chooser() as chooser:
        page.click("[data-pg-action=import]")
    chooser.value.set_files({"name": name, "mimeType": "application/json", "buffer": content})


def message_is(page, attribute: str) -> None:
    expected = page.locator("[data-pg-checklist]").get_attribute(f"data-text-{attribute}")
    page.wait_for_function("t => document.querySelector('[data-pg-message]').textContent === t", arg=expected)


@pytest.mark.parametrize("name, content, attribute", CHECKLIST_FILES, ids=[case[0] for case in CHECKLIST_FILES])
def test_a_file_that_cannot_be_loaded_changes_nothing_and_says_why(page, server, name, content, attribute):
    open_checklist(page, server)
    page.check("#check-budget")
    page.check("#check-guidelines")
    before = stored(page)
    load_file(page, content)
    message_is(page, attribute)
    assert ticked(page) == ["guidelines", "budget"] and stored(page) == before
    page.problems.assert_none()


def test_a_file_without_ticks_asks_before_clearing(page, server):
    open_checklist(page, server)
    page.check("#check-budget")
    empty = b'{"format": "peerguide-checklist", "version": 1, "ticked": []}'
    page.once("dialog", lambda dialog: dialog.dismiss())
    load_file(page, empty)
    message_is(page, "import-cancelled")
    assert ticked(page) == ["budget"]
    page.once("dialog", lambda dialog: dialog.accept())
    load_file(page, empty)
    page.wait_for_function("document.querySelector('[data-pg-progress]').textContent.startsWith('0 ')")
    assert ticked(page) == [] and json.loads(stored(page))["ticked"] == []


@pytest.mark.parametrize("content", [
    b'{"format": "peerguide-checklist", "version": 1, "ticked": ["no-such-item", "another-unknown"]}',
    b'{"format": "peerguide-checklist", "version": 2, "ticked": ["no-such-item"], "answers": {"gone": "x"}}',
], ids=["unknown-ticks", "unknown-answers"])
def test_a_file_of_only_unknown_items_asks_before_clearing(page, server, content):
    """Ids of items this checklist does not have would clear everything here, answers and
    the organisation's name too: the same question as for an empty file."""
    open_checklist(page, server)
    page.check("#check-budget")
    page.fill("#answer-budget", "Our budget")
    page.fill("#pg-organisation", "Our organisation")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    load_file(page, content)
    message_is(page, "import-cancelled")
    assert asked and ticked(page) == ["budget"]
    assert page.input_value("#answer-budget") == "Our budget"
    assert page.input_value("#pg-organisation") == "Our organisation"


def test_a_file_the_browser_cannot_store_keeps_the_previous_ticks(page, server):
    open_checklist(page, server)
    page.check("#check-budget")
    before = stored(page)
    # The storage is full from now on.
    page.evaluate("() => { Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); }; }")
    load_file(page, b'{"format": "peerguide-checklist", "version": 1, "ticked": ["guidelines", "agreements"]}')
    message_is(page, "import-not-stored")
    assert ticked(page) == ["budget"] and stored(page) == before


@pytest.mark.parametrize("lang, count, category", [
    ("en", 1, "one"), ("en", 2, "other"),
    # Lithuanian has three forms in use: 1 (one), 2-9 (few), 10-20 (other).
    ("lt", 1, "one"), ("lt", 2, "few"), ("lt", 12, "other"),
])
def test_loaded_ticks_are_counted_with_the_languages_plural_forms(page, server, lang, count, category):
    forms = load_catalog(DOCS, ["en", lang], "en")[lang].labels["checklist.imported"]
    expected = forms[category].replace("{count}", str(count))
    open_checklist(page, server, "" if lang == "en" else f"{lang}/")
    ids = page.eval_on_selector_all("input[data-pg-item]", "boxes => boxes.map(b => b.dataset.pgItem)")[:count]
    load_file(page, json.dumps({"format": "peerguide-checklist", "version": 1, "ticked": ids}).encode())
    page.wait_for_function("t => document.querySelector('[data-pg-message]').textContent === t", arg=expected)


# --- answers: kept with the ticks, in every language, in files and in print ---------------------

ANSWER = "Adults referred by the district team;\nself-referral from 2027.\n<b>not bold</b> & <script>x</script>"


def answer(page, item: str) -> str:
    return page.input_value(f"#answer-{item}")


def type_answer(page, item: str, text: str) -> None:
    page.fill(f"#answer-{item}", text)
    page.wait_for_function("([key, item]) => (JSON.parse(localStorage.getItem(key) || '{}').answers || {})[item]",
                           arg=[KEY, item])


def test_answers_survive_a_reload_and_a_change_of_language(page, server):
    open_checklist(page, server)
    type_answer(page, "target-group", ANSWER)
    page.fill("#pg-organisation", "Region Example")
    page.wait_for_function("([key]) => JSON.parse(localStorage.getItem(key)).organisation === 'Region Example'", arg=[KEY])
    page.reload()
    page.wait_for_selector("[data-pg-checklist][data-pg-ready]")
    assert answer(page, "target-group") == ANSWER and page.input_value("#pg-organisation") == "Region Example"
    open_checklist(page, server, "da/")
    assert answer(page, "target-group") == ANSWER
    page.problems.assert_none()


def test_answers_travel_in_the_saved_file_and_version_1_files_still_load(page, server, tmp_path):
    open_checklist(page, server)
    page.check("#check-budget")
    type_answer(page, "budget", "EUR 40,000 a year from 2027")
    with page.expect_download() as download:
        page.click("[data-pg-action=export]")
    saved = tmp_path / "saved.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text())
    assert data["version"] == 2 and data["answers"] == {"budget": "EUR 40,000 a year from 2027"}
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-pg-action=reset]")
    assert answer(page, "budget") == "" and ticked(page) == []
    load_file(page, saved.read_bytes())
    page.wait_for_function("document.querySelector('#answer-budget').value !== ''")
    assert answer(page, "budget") == "EUR 40,000 a year from 2027" and ticked(page) == ["budget"]
    # A version 1 file holds ticks only: the answers already here stay.
    load_file(page, b'{"format": "peerguide-checklist", "version": 1, "ticked": ["guidelines"]}')
    page.wait_for_function("document.querySelector('#check-guidelines').checked")
    assert ticked(page) == ["guidelines"] and answer(page, "budget") == "EUR 40,000 a year from 2027"
    page.problems.assert_none()


def test_clearing_clears_the_answers_after_asking(page, server):
    open_checklist(page, server)
    type_answer(page, "budget", "Something")
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.click("[data-pg-action=reset]")
    assert answer(page, "budget") == "Something"
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-pg-action=reset]")
    assert answer(page, "budget") == "" and json.loads(stored(page))["answers"] == {}


def test_the_printed_checklist_holds_organisation_date_ticks_and_answers(page, server):
    from pypdf import PdfReader
    import io

    open_checklist(page, server)
    page.check("#check-target-group")
    type_answer(page, "target-group", ANSWER)
    page.fill("#pg-organisation", "Region Example")
    page.wait_for_function("([key]) => JSON.parse(localStorage.getItem(key)).organisation === 'Region Example'", arg=[KEY])
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages)
    flat = " ".join(text.split())
    assert "Organisation: Region Example" in flat and "Printed on" in flat
    # The test site is built for 127.0.0.1: a local address is not printed (see test_reader_browser.py).
    assert "From the guide at" not in flat and "127.0.0.1" not in flat
    assert "Adults referred by the district team;" in flat and "<b>not bold</b> & <script>x</script>" in flat
    # The answer is text: no element was made from it.
    assert page.eval_on_selector("[data-pg-print-answer=target-group]", "e => e.children.length") == 0


def test_a_full_storage_while_typing_loses_nothing_and_says_so(page, server):
    open_checklist(page, server)
    page.evaluate("() => { Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); }; }")
    page.fill("#answer-budget", "A long answer " * 50)
    message_is(page, "not-saved")
    assert answer(page, "budget").startswith("A long answer")


def test_a_saved_file_is_named_after_the_organisation_language_and_day(page, server):
    open_checklist(page, server, "sv/")
    page.fill("#pg-organisation", "Nationell Samverkan för Psykisk Hälsa")
    with page.expect_download() as download:
        page.click("[data-pg-action=export]")
    name = download.value.suggested_filename
    assert re.fullmatch(r"nationell-samverkan-for-psykisk-halsa-checklista-sv-\d{4}-\d{2}-\d{2}\.json", name), name


def test_an_answer_field_grows_with_its_answer(page, server):
    open_checklist(page, server)
    field = page.locator("#answer-budget")
    before = field.bounding_box()["height"]
    field.fill("\n".join(f"Line {number} of our answer" for number in range(8)))
    assert field.bounding_box()["height"] > before * 2


def test_the_printout_has_lines_for_answers_written_by_hand(page, server):
    open_checklist(page, server)
    page.fill("#answer-budget", "Our budget")
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    empty = page.evaluate("""() => { const box = document.querySelector('[data-pg-print-answer="guidelines"]');
        return [getComputedStyle(box).display, getComputedStyle(box, '::before').borderBottomStyle,
                getComputedStyle(box, '::after').borderBottomStyle]; }""")
    assert empty == ["block", "solid", "solid"]
    assert page.inner_text('[data-pg-print-answer="budget"]') == "Our budget"
