"""Reading YAML: line numbers, duplicate keys, and YAML 1.1's surprising scalars."""

from peerguide.errors import ErrorList
from peerguide.yamlsource import load_source


def load(text: str):
    errors = ErrorList()
    return load_source(text, "test.yml", errors), errors


def test_records_the_line_of_every_key_and_list_item():
    source, errors = load("a:\n  b: 1\n  c:\n    - x\n    - y\n")
    assert not errors
    assert source.lines[("a",)] == 1
    assert source.lines[("a", "b")] == 2
    assert source.lines[("a", "c", 1)] == 5


def test_no_yes_on_and_country_codes_stay_text():
    source, errors = load('code: NO\nlang: no\nanswer: yes\nswitch: on\n"no": x\n')
    assert not errors
    assert source.data == {"code": "NO", "lang": "no", "answer": "yes", "switch": "on", "no": "x"}


def test_only_true_and_false_are_booleans():
    source, _ = load("a: true\nb: False\n")
    assert source.data == {"a": True, "b": False}


def test_dates_stay_text_and_numbers_are_numbers():
    source, _ = load("day: 2024-04-30\nmonth: 2023-05\nyear: 2014\nshare: 2.5\nzip: 0800\n")
    assert source.data == {"day": "2024-04-30", "month": "2023-05", "year": 2014, "share": 2.5, "zip": "0800"}


def test_duplicate_key_is_an_error_on_its_own_line():
    _, errors = load("a: 1\nb: 2\na: 3\n")
    assert [(e.line, e.path) for e in errors] == [(3, ("a",))]
    assert "duplicate key 'a' (first defined on line 1)" in str(errors[0])


def test_syntax_error_names_the_line():
    _, errors = load("a:\n  b: [1, 2\n  c: 3\n")
    assert len(errors) == 1
    assert errors[0].line in (2, 3)
    assert "YAML syntax error" in errors[0].message


def test_number_keys_must_be_quoted():
    _, errors = load("2016: x\n")
    assert errors[0].line == 1 and "must be text" in errors[0].message


def test_merge_keys_and_custom_tags_are_refused():
    _, errors = load("base: {x: 1}\nother:\n  <<: {x: 1}\n")
    assert any("merge keys" in e.message and e.line == 3 for e in errors)
    _, errors = load("a: !python/object x\n")
    assert any("unsupported YAML tag" in e.message for e in errors)


def test_an_unclosed_quote_is_reported_where_it_opens():
    # The quote opened on line 2 runs on to the next quote mark, six lines later.
    text = 'a:\n  b: "Peer support\n  c: x\n  d: y\n  e: z\n  f: w\n  g: v\n  h: "closed"\n  i: u\n'
    _, errors = load(text)
    assert len(errors) == 1
    assert errors[0].line == 2
    assert "the quoted text that starts on this line is not closed" in errors[0].message


def test_an_unclosed_quote_at_the_end_of_the_file():
    _, errors = load("a:\n  b: x\n  c: 'open\n  d: y\n")
    assert errors[0].line == 3 and "not closed" in errors[0].message


def test_a_multi_line_quoted_value_is_fine():
    source, errors = load('a: "one\n  two"\nb: x\n')
    assert not errors and source.data == {"a": "one two", "b": "x"}


def test_a_tab_in_the_indentation_is_named():
    _, errors = load("a:\n\tb: x\n")
    assert errors[0].line == 2 and "tab character" in errors[0].message
