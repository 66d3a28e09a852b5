"""Translation files: derived schema, and string-by-string fallback to English."""

from __future__ import annotations

from peerguide import schema
from peerguide.catalog import load_catalog
from peerguide.translation import translation_model


def test_translation_schema_keeps_only_text_fields():
    partner = translation_model(schema.Partner)
    assert set(partner.model_fields) == {"description"}
    country = translation_model(schema.Country)
    assert set(country.model_fields) == {
        "name", "summary", "organisation", "training", "status", "models", "milestones", "figures",
    }
    assert translation_model(schema.Budget) is None


def test_nested_blocks_keep_their_text_fields():
    point = translation_model(schema.Point)
    assert set(point.model_fields) == {"title", "text", "details"}
    checklist = translation_model(schema.ChecklistFile)
    assert set(checklist.model_fields) == {"groups", "items"}


def test_missing_strings_fall_back_to_english_one_by_one(data_copy):
    data_copy.write(
        "da/data/countries.yml",
        "denmark:\n  name: Danmark\n  milestones:\n    models-article:\n      text: Artiklen udkommer.\n",
    )
    catalog = load_catalog(data_copy.docs, ["en", "da"], "en", root=data_copy.root)
    danish, english = catalog["da"].countries["denmark"], catalog["en"].countries["denmark"]
    assert danish.name == "Danmark"
    assert danish.summary == english.summary  # not translated: English
    assert danish.milestones["models-article"].text == "Artiklen udkommer."
    assert danish.milestones["national-trial-start"].text == english.milestones["national-trial-start"].text
    # Facts are shared, never translated.
    assert danish.code == "DK" and danish.milestones["models-article"].date == "2024"
    assert english.name == "Denmark"


def test_translated_lists_replace_the_whole_list(data_copy):
    data_copy.write("da/data/models.yml", "integrated:\n  key_risks: [Uklare roller, Svært at fastholde]\n")
    catalog = load_catalog(data_copy.docs, ["en", "da"], "en", root=data_copy.root)
    assert catalog["da"].models["integrated"].key_risks == ["Uklare roller", "Svært at fastholde"]


def test_labels_fall_back_to_english(data_copy):
    data_copy.write("da/data/labels.yml", "common:\n  or: eller\n")
    catalog = load_catalog(data_copy.docs, ["en", "da"], "en", root=data_copy.root)
    assert catalog["da"].t("common.or") == "eller"
    assert catalog["da"].t("common.sources") == catalog["en"].t("common.sources")


def test_each_language_keeps_its_own_glossary_terms(data_copy):
    catalog = load_catalog(data_copy.docs, ["en", "da"], "en", root=data_copy.root)
    terms = catalog["en"].terms
    assert terms["en"]["peer-support"].term == "peer support"
    assert terms["da"]["peer-support"].term == "peer-støtte"
    assert terms["da"]["peer-support"].term_sources == ["rasmussen-2024"]
