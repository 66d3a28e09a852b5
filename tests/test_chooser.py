"""The model chooser: its rules on every path through the questions, and the page in a
browser, with and without JavaScript."""

from __future__ import annotations

import re

import pytest

from conftest import DOCS, LANGUAGES
from peerguide.catalog import load_catalog
from peerguide.chooser import every_path, result
from peerguide.views.chooser import list_names

PAGE_LINK = re.compile(r"\]\((/[a-z0-9/-]+\.md(?:#[a-z0-9-]+)?)\)")


@pytest.fixture(scope="module")
def data():
    return load_catalog(DOCS, ["en"], "en")["en"]


def test_every_path_reaches_a_result_the_guide_supports(data):
    chooser, models = data.chooser, list(data.models)
    paths = list(every_path(chooser))
    assert len(paths) == 3 * 2 * 2 * 2 * 2
    for answers in paths:
        outcome = result(chooser, models, answers)
        assert outcome.models, answers
        purpose_fits = chooser.questions[chooser.decides].answers[answers[chooser.decides]].fits
        # The purpose decides: the result never goes against it.
        assert set(outcome.models) <= set(purpose_fits), answers
        # Every reason shown rests on a page of the guide.
        for question, answer in outcome.reasons:
            assert PAGE_LINK.search(chooser.questions[question].answers[answer].reason), (question, answer)
        # Against each model's risks, something to put in place from the checklist.
        for model in outcome.models:
            assert chooser.against_risks[model]
        assert set(outcome.checklist) <= set(data.checklist.items)


def test_the_rules_follow_the_guide(data):
    chooser, models = data.chooser, list(data.models)
    base = {"employment": "paid", "funding": "can-fund", "partners": "experienced", "change": "large"}
    assert result(chooser, models, {**base, "purpose": "personal-recovery"}).models == ("alongside", "independent")
    assert result(chooser, models, {**base, "purpose": "recovery-orientation"}).models == ("integrated",)
    # Volunteers in professional teams are unstudied: the answers conflict, the purpose decides.
    volunteers = result(chooser, models, {**base, "purpose": "recovery-orientation", "employment": "volunteers"})
    assert volunteers.models == ("integrated",) and volunteers.conflict
    # No funding in the own budget adds long-term funding to the checklist items.
    poor = result(chooser, models, {**base, "purpose": "personal-recovery", "funding": "cannot-fund"})
    assert "long-term-funding" in poor.checklist and not poor.conflict


def test_a_list_of_models_writes_the_names_after_the_first_as_inside_a_sentence():
    estonian = load_catalog(DOCS, ["en", "et"], "en")["et"]
    models = [estonian.models[model] for model in ("alongside", "independent")]
    first, second = list_names(models)
    assert first == models[0].name and first[0].isupper()
    # Estonian writes a name inside a sentence in lower case (second review, issue 17).
    assert second == models[1].name_in_text and second[0].islower()
    english = load_catalog(DOCS, ["en"], "en")["en"]
    assert list_names([english.models["alongside"], english.models["independent"]])[1] == english.models["independent"].name


# --- in the browser ------------------------------------------------------------------------------

def answer_all(page, answers: dict[str, str]) -> None:
    for question, answer in answers.items():
        page.check(f"#pg-chooser-{question}-{answer}")
        page.click("[data-pg-next]")


def shown_models(page) -> list[str]:
    return page.eval_on_selector_all("[data-pg-model]:not([hidden])", "boxes => boxes.map(b => b.dataset.pgModel)")


@pytest.mark.browser
def test_every_path_in_the_browser_gives_the_rules_result(page, server, data):
    page.goto(server.url("choosing/chooser/"))
    for answers in every_path(data.chooser):
        answer_all(page, answers)
        expected = result(data.chooser, list(data.models), answers)
        assert shown_models(page) == list(expected.models), answers
        assert page.is_visible("[data-pg-conflict]") == expected.conflict
        reasons = page.eval_on_selector_all("[data-pg-reason]:not([hidden])", "items => items.map(i => i.dataset.pgReason)")
        assert reasons == [f"{q}:{a}" for q, a in expected.reasons]
        page.click("[data-pg-restart]")
    page.problems.assert_none()


@pytest.mark.browser
def test_the_chooser_by_keyboard_and_for_screen_readers(page, server):
    page.goto(server.url("choosing/chooser/"))
    assert page.inner_text("[data-pg-step]") == "Question 1 of 5"
    page.focus("#pg-chooser-purpose-personal-recovery")
    page.keyboard.press("Enter")  # nothing chosen yet
    assert page.inner_text("[data-pg-chooser-message]") == "Choose one of the answers first."
    for _ in range(5):
        page.keyboard.press("Space")  # choose the focused answer
        page.keyboard.press("Enter")  # submit: the next question, its first answer focused
    assert page.evaluate("document.activeElement.matches('[data-pg-result]')")
    assert page.get_attribute("[data-pg-result]", "aria-labelledby") == "pg-chooser-result-title"
    assert shown_models(page) == ["alongside", "independent"]


@pytest.mark.browser
def test_the_result_goes_into_the_checklist(page, server):
    page.goto(server.url("da/choosing/chooser/"))
    answer_all(page, {"purpose": "recovery-orientation", "employment": "paid", "funding": "can-fund",
                      "partners": "experienced", "change": "large"})
    page.click("[data-pg-write]")
    page.goto(server.url("checklist/"))
    page.wait_for_selector("[data-pg-checklist][data-pg-ready]")
    assert page.is_checked("#check-organisation-model")
    assert page.input_value("#answer-organisation-model").startswith("Integreret i teams")


@pytest.mark.browser
def test_without_javascript_the_reasoning_is_a_table(browser, server, data):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url("choosing/chooser/"))
    assert not page.is_visible("[data-pg-chooser-form]") and page.is_visible("[data-pg-nojs]")
    tables = page.inner_text("article")
    for question in data.chooser.questions.values():
        assert question.question in tables
        for answer in question.answers.values():
            assert re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", answer.reason).split(" (")[0][:60] in " ".join(tables.split())
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_on_the_chooser_result(page, server, lang):
    from axe_playwright_python.sync_playwright import Axe

    page.goto(server.url(("" if lang == "en" else f"{lang}/") + "choosing/chooser/"))
    answer_all(page, {"purpose": "personal-recovery", "employment": "volunteers", "funding": "cannot-fund",
                      "partners": "inexperienced", "change": "small"})
    violations = [v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in ("serious", "critical")]
    assert violations == []


ANSWERS = {"purpose": "recovery-orientation", "employment": "volunteers", "funding": "can-fund",
           "partners": "experienced", "change": "large"}


@pytest.mark.browser
def test_the_answers_survive_back_reload_and_a_copied_link(browser, server, data):
    context = browser.new_context()
    page = context.new_page()
    page.goto(server.url("choosing/chooser/"))
    answer_all(page, ANSWERS)
    expected = list(result(data.chooser, list(data.models), ANSWERS).models)
    assert shown_models(page) == expected
    link = page.url
    assert "step=result" in link and "purpose=recovery-orientation" in link
    page.go_back()  # the last question again, answered
    assert page.is_hidden("[data-pg-result]") and page.is_checked("#pg-chooser-change-large")
    page.go_back()
    assert page.is_checked("#pg-chooser-partners-experienced") and page.is_visible("[data-pg-question='partners']")
    page.go_forward()
    page.go_forward()
    assert page.is_visible("[data-pg-result]") and shown_models(page) == expected
    page.reload()
    assert page.is_visible("[data-pg-result]") and shown_models(page) == expected
    # A colleague opens the copied link in another browser: the same result.
    other = browser.new_context().new_page()
    other.goto(link)
    assert other.is_visible("[data-pg-result]") and shown_models(other) == expected
    # Back on the page later, without the link: the browser kept the answers.
    page.goto(server.url("choosing/chooser/"))
    assert page.is_visible("[data-pg-result]") and shown_models(page) == expected
    context.close()


@pytest.mark.browser
def test_the_result_lists_the_answers_and_only_the_reasons_about_its_models(page, server, data):
    page.goto(server.url("choosing/chooser/"))
    answer_all(page, ANSWERS)
    given = page.eval_on_selector_all("[data-pg-given-answer]:not([hidden])", "items => items.map(i => i.textContent.trim())")
    assert given == [re.sub(r"[*_]", "", data.chooser.questions[q].answers[a].text) for q, a in ANSWERS.items()]
    outcome = result(data.chooser, list(data.models), ANSWERS)
    assert outcome.conflict  # volunteers fit no model the purpose leaves: a reason about other models
    shown = page.eval_on_selector_all("[data-pg-reason]:not([hidden])", "items => items.map(i => i.dataset.pgReason)")
    assert shown == [f"{q}:{a}" for q, a in outcome.reasons]
    for question, answer in ANSWERS.items():
        fits = data.chooser.questions[question].answers[answer].fits
        if fits and not set(fits) & set(outcome.models):
            assert f"{question}:{answer}" not in shown


@pytest.mark.browser
def test_writing_to_the_checklist_keeps_the_reader_s_own_text(page, server):
    page.goto(server.url("checklist/"))
    page.wait_for_selector("[data-pg-checklist][data-pg-ready]")
    page.fill("#answer-organisation-model", "Our board wants a pilot first.")
    page.wait_for_timeout(800)  # saved a moment after typing
    page.goto(server.url("choosing/chooser/"))
    answer_all(page, ANSWERS)
    page.click("[data-pg-write]")
    page.click("[data-pg-write]")  # twice: the same result is not added twice
    with page.expect_navigation():
        page.click("[data-pg-open-checklist]")
    assert page.url.endswith("/checklist/#item-organisation-model")
    page.wait_for_selector("[data-pg-checklist][data-pg-ready]")
    answer = page.input_value("#answer-organisation-model")
    assert answer.startswith("Our board wants a pilot first.\n\n") and answer.count("model chooser") == 1
    box = page.locator("#item-organisation-model").bounding_box()
    assert 0 <= box["y"] < 400  # the written item is in view


@pytest.mark.browser
def test_the_back_button_is_hidden_on_the_first_question_and_the_result_is_below_the_header(page, server):
    page.goto(server.url("choosing/chooser/"))
    assert page.is_hidden("[data-pg-back]")
    answer_all(page, ANSWERS)
    header = page.locator(".md-header").bounding_box()
    title = page.locator("#pg-chooser-result-title").bounding_box()
    assert title["y"] >= header["y"] + header["height"] - 1
