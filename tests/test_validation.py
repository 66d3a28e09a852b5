"""Bad data stops the build with the file, the line and the field.

Each test breaks a copy of the real data in one way and checks the message.
"""

from __future__ import annotations

import pytest

from peerguide.catalog import load_catalog
from peerguide.errors import DataErrors

LANGS = ["en", "da"]


def errors_of(data_copy) -> list:
    with pytest.raises(DataErrors) as caught:
        load_catalog(data_copy.docs, LANGS, "en", root=data_copy.root)
    return caught.value.errors


def only_error(data_copy):
    errors = errors_of(data_copy)
    assert len(errors) == 1, [str(e) for e in errors]
    return errors[0]


def test_the_real_data_loads(data_copy):
    catalog = load_catalog(data_copy.docs, LANGS, "en", root=data_copy.root)
    assert set(catalog) == set(LANGS)
    assert list(catalog["en"].models) == ["integrated", "alongside", "independent"]


def test_yaml_syntax_error(data_copy):
    line = data_copy.replace("data/countries.yml", "  code: SE\n", "  code: [SE\n")
    error = only_error(data_copy)
    assert error.file == "docs/data/countries.yml"
    assert line <= error.line <= line + 2
    assert "YAML syntax error" in str(error)


def test_duplicate_key(data_copy):
    line = data_copy.replace("data/partners.yml", "  short_name: NSPH\n", "  short_name: NSPH\n  short_name: X\n")
    error = only_error(data_copy)
    assert str(error).startswith(f"docs/data/partners.yml:{line + 1}: nsph.short_name: duplicate key")


def test_wrong_type(data_copy):
    line = data_copy.replace("data/partners.yml", "  founded: 2007\n", "  founded: two thousand seven\n")
    error = only_error(data_copy)
    assert str(error).startswith(f"docs/data/partners.yml:{line}: hlutverkasetur.founded:")
    assert "integer" in error.message


def test_country_code_read_as_boolean_is_a_type_error(data_copy):
    # Guard against a loader change: YAML 1.1 would read an unquoted NO as false.
    line = data_copy.replace("data/countries.yml", '  code: "NO"\n', "  code: false\n")
    error = only_error(data_copy)
    assert str(error).startswith(f"docs/data/countries.yml:{line}: norway.code:")


def test_missing_required_field(data_copy):
    data_copy.replace("data/partners.yml", "  website: https://zelda.org.lv/\n", "")
    line = data_copy.path("data/partners.yml").read_text().splitlines().index("zelda:") + 1
    error = only_error(data_copy)
    assert str(error) == f"docs/data/partners.yml:{line}: zelda.website: missing required field 'website'"


def test_unknown_key(data_copy):
    line = data_copy.replace("data/partners.yml", "  founded: 2000\n", "  founded: 2000\n  fonded: 2000\n")
    error = only_error(data_copy)
    assert str(error) == f"docs/data/partners.yml:{line + 1}: mental-health-perspectives.fonded: unexpected key 'fonded'"


def test_unknown_partner_in_a_country(data_copy):
    line = data_copy.replace("data/countries.yml", "  partners: [zelda]\n", "  partners: [zelda, kbt]\n")
    error = only_error(data_copy)
    assert str(error).startswith(f"docs/data/countries.yml:{line}: latvia.partners[1]: unknown id 'kbt': not in partners.yml")


def test_unknown_model_in_a_country(data_copy):
    line = data_copy.replace(
        "data/countries.yml", "  models:\n    independent:\n", "  models:\n    independant:\n"
    )
    error = only_error(data_copy)
    assert str(error).startswith(f"docs/data/countries.yml:{line + 1}: iceland.models.independant: unknown id 'independant': not in models.yml")


def test_unknown_reference_in_a_citation(data_copy):
    line = data_copy.replace("data/models.yml", "      refs: [solomon-2004]\n", "      refs: [solomon-2005]\n")
    error = only_error(data_copy)
    assert str(error).startswith(
        f"docs/data/models.yml:{line}: integrated.risks.roles-and-boundaries.refs[0]: unknown id 'solomon-2005': not in references.yml"
    )


def test_value_outside_its_choices(data_copy):
    line = data_copy.replace("data/partners.yml", "  role: guest\n", "  role: visitor\n")
    error = only_error(data_copy)
    assert str(error).startswith(f"docs/data/partners.yml:{line}: peer-partnerskabet.role:")
    assert "'visitor'" in error.message


def test_raw_html_in_text_is_refused(data_copy):
    line = data_copy.replace(
        "data/glossary.yml", "  term: stigma\n", '  term: <a href="https://example.org">stigma</a>\n'
    )
    error = only_error(data_copy)
    assert str(error).startswith(f"docs/data/glossary.yml:{line}: stigma.term: raw HTML is not allowed")


def test_block_markdown_in_text_is_refused(data_copy):
    line = data_copy.replace("data/glossary.yml", "  term: stigma\n", "  term: '# stigma'\n")
    error = only_error(data_copy)
    assert str(error).startswith(f"docs/data/glossary.yml:{line}: stigma.term: only inline Markdown")


def test_missing_english_file(data_copy):
    data_copy.path("data/projects.yml").unlink()
    error = only_error(data_copy)
    assert str(error) == "docs/data/projects.yml: required data file is missing"


def test_every_problem_is_reported_at_once(data_copy):
    data_copy.replace("data/partners.yml", "  role: guest\n", "  role: visitor\n")
    data_copy.replace("data/countries.yml", "  partners: [zelda]\n", "  partners: [kbt]\n")
    assert len(errors_of(data_copy)) == 2


# --- translation files ----------------------------------------------------------------

def test_fact_in_a_translation_file_is_an_unexpected_key(data_copy):
    data_copy.write("da/data/partners.yml", "zelda:\n  description: Dansk tekst.\n  founded: 1999\n")
    error = only_error(data_copy)
    assert str(error).startswith("docs/da/data/partners.yml:3: zelda.founded: unexpected key 'founded'")
    assert "only text" in error.message


def test_unknown_id_in_a_translation_file(data_copy):
    data_copy.write("da/data/countries.yml", "danmark:\n  name: Danmark\n")
    error = only_error(data_copy)
    assert str(error).startswith("docs/da/data/countries.yml:1: danmark: unknown id 'danmark'")


def test_wrong_type_in_a_translation_file(data_copy):
    data_copy.write("da/data/countries.yml", "denmark:\n  name: [Danmark]\n")
    error = only_error(data_copy)
    assert str(error).startswith("docs/da/data/countries.yml:2: denmark.name:")


def test_translated_list_must_keep_its_length(data_copy):
    data_copy.write("da/data/models.yml", "integrated:\n  key_risks:\n    - Uklare roller\n")
    error = only_error(data_copy)
    assert str(error).startswith("docs/da/data/models.yml:2: integrated.key_risks: has 1 items but the English text has 2")


def test_unknown_label_in_a_translation_file(data_copy):
    data_copy.write("da/data/labels.yml", "common:\n  or: eller\n  og: og\n")
    error = only_error(data_copy)
    assert str(error) == "docs/da/data/labels.yml:3: common.og: unknown label 'common.og'"


def test_unexpected_file_in_a_translation_folder(data_copy):
    data_copy.write("da/data/modeller.yml", "integrated:\n  name: Integreret\n")
    error = only_error(data_copy)
    assert error.file == "docs/da/data/modeller.yml" and "unexpected file" in error.message


def test_glossary_term_needs_a_source_when_confirmed(data_copy):
    data_copy.write("da/data/glossary.yml", "stigma:\n  term: stigma\n  status: confirmed\n")
    error = only_error(data_copy)
    assert str(error).startswith("docs/da/data/glossary.yml:1: stigma: a confirmed term needs term_sources")


def test_unclosed_quote_in_a_translation_points_at_its_line(data_copy):
    data_copy.write(
        "da/data/partners.yml",
        'nsph:\n  description: "Netværk af medlemsorganisationer\nzelda:\n  description: Retshjælp.\n'
        'kogemuskoda:\n  description: "Register."\n',
    )
    error = only_error(data_copy)
    assert error.file == "docs/da/data/partners.yml" and error.line == 2
    assert "not closed" in error.message
