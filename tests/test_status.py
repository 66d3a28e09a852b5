"""Translation status rules: fingerprints, what counts as a text, records, marking."""

from __future__ import annotations

import pytest

from conftest import DOCS, LANGUAGES
from peerguide import schema
from peerguide.catalog import DATA_FILES, load_catalog, plural_forms
from peerguide.errors import DataErrors, ErrorList
from peerguide.progress import english_data, project_status
from peerguide.status import (
    EnglishData, MarkError, fingerprint, front_matter, marked_records, read_records, records_text,
    recorded_page_fingerprint, text_units, unit_key, with_page_fingerprint,
)


def test_fingerprint_ignores_rewrapping_but_not_words():
    assert fingerprint("one two\n  three") == fingerprint("one two three")
    assert fingerprint("one two three") != fingerprint("one two four")
    assert len(fingerprint("x")) == 12
    assert fingerprint(["a", "b"]) != fingerprint(["b", "a"])  # lists keep their order
    assert fingerprint({"one": "a", "other": "b"}) == fingerprint({"other": "b", "one": "a"})


def test_page_fingerprint_is_written_into_the_front_matter():
    page = "---\ndescription: Om modellerne\n---\n\n# Modeller\n"
    marked = with_page_fingerprint(page, "0123456789ab")
    assert marked == "---\ndescription: Om modellerne\ntranslated_from: 0123456789ab\n---\n\n# Modeller\n"
    assert recorded_page_fingerprint(marked) == "0123456789ab"
    # Marking again replaces the value; nothing else changes.
    again = with_page_fingerprint(marked, "ba9876543210")
    assert again.count("translated_from") == 1 and recorded_page_fingerprint(again) == "ba9876543210"
    assert again.endswith("\n# Modeller\n")


def test_a_page_without_front_matter_gets_one():
    marked = with_page_fingerprint("# Modeller\n", "0123456789ab")
    assert front_matter(marked) == ("translated_from: 0123456789ab\n", 3)
    assert marked.endswith("# Modeller\n")


def test_text_units_are_the_translatable_texts_only():
    catalog = load_catalog(DOCS, ["en"], "en")
    models = dict(text_units(schema.ModelsFile, catalog["en"].models))
    assert models[("integrated", "name")] == "Integrated in teams"
    # A list of texts is one unit; facts (employment, sources) are not texts.
    assert isinstance(models[("integrated", "key_strengths")], list)
    assert ("integrated", "employment") not in models and ("integrated", "sources") not in models
    assert ("integrated", "opportunities", "cultural-influence", "title") in models
    partners = {unit_key(path) for path, _ in text_units(schema.PartnersFile, catalog["en"].partners)}
    assert partners == {f"{partner}.description" for partner in catalog["en"].partners}


def test_records_are_read_back_as_written(tmp_path):
    records = {"models": {"integrated.name": "0123456789ab"}, "labels": {"site.name": "ba9876543210"}}
    text = records_text(records)
    errors = ErrorList()
    file = tmp_path / "translated.yml"
    file.write_text(text, encoding="utf-8")
    assert read_records(file, "translated.yml", {"models", "labels"}, errors) == records
    assert not errors


def test_a_broken_record_is_an_error_with_its_line(tmp_path):
    file = tmp_path / "translated.yml"
    file.write_text('models:\n  "integrated.name": "hand-edited"\nmodles:\n  x: "0123456789ab"\n', encoding="utf-8")
    errors = ErrorList()
    read_records(file, "docs/da/data/translated.yml", {"models"}, errors)
    messages = sorted(str(error) for error in errors)
    assert messages[0].startswith("docs/da/data/translated.yml:2: models.integrated.name: not a fingerprint")
    assert messages[1].startswith("docs/da/data/translated.yml:3: modles: unknown data file 'modles'")


def test_marking_data_records_the_current_english_and_drops_missing_texts():
    english = EnglishData({"models": {"integrated.name": "aaaaaaaaaaaa", "integrated.summary": "bbbbbbbbbbbb"}})
    translation = {"integrated": {"name": "Integreret i teams"}}
    old = {"models": {"integrated.summary": "cccccccccccc"}}
    records, marked = marked_records(old, "models", english, translation)
    assert marked == ["integrated.name"]
    assert records == {"models": {"integrated.name": "aaaaaaaaaaaa"}}
    with pytest.raises(MarkError, match="no text with the key 'integrated.nmae'"):
        marked_records(old, "models", english, translation, key="integrated.nmae")


def test_marking_one_key_leaves_the_others_as_they_were():
    english = EnglishData({"models": {"integrated.name": "aaaaaaaaaaaa", "integrated.summary": "bbbbbbbbbbbb"}})
    translation = {"integrated": {"name": "Integreret", "summary": "Peers ansættes ..."}}
    old = {"models": {"integrated.summary": "cccccccccccc"}}
    records, _ = marked_records(old, "models", english, translation, key="integrated.name")
    assert records["models"] == {"integrated.name": "aaaaaaaaaaaa", "integrated.summary": "cccccccccccc"}


def test_every_language_has_a_status_for_every_english_page_and_text():
    catalog = load_catalog(DOCS, LANGUAGES, "en")
    statuses = project_status(DOCS, LANGUAGES, "en", catalog["en"])
    english = english_data(catalog["en"])
    texts = sum(len(units) for units in english.units.values())
    assert set(statuses) == set(LANGUAGES) - {"en"}
    for status in statuses.values():
        assert status.total("page") >= 24
        assert status.total("data") == texts
    assert set(english.units) == {*DATA_FILES, "labels"}


def test_plural_labels_need_every_form_of_their_language(data_copy):
    assert plural_forms("lt") == ["one", "few", "many", "other"]
    assert plural_forms("da") == ["one", "other"]
    data_copy.write("lt/data/labels.yml", 'search:\n  results:\n    one: "{count} puslapis"\n    other: "{count} puslapių"\n')
    with pytest.raises(DataErrors) as caught:
        load_catalog(data_copy.docs, ["en", "lt"], "en", root=data_copy.root)
    message = str(caught.value)
    assert "docs/lt/data/labels.yml:2: search.results: plural label needs the forms one, few, many, other" in message
    assert "missing: few, many" in message
