"""Dates and numbers in each language."""

from peerguide import formatting


def test_partial_dates():
    assert formatting.partial_date("2014", "da") == "2014"
    assert formatting.partial_date("2023-05", "en") == "May 2023"
    assert formatting.partial_date("2023-05", "da") == "maj 2023"
    assert formatting.partial_date("2024-04-30", "en") == "30 April 2024"
    assert formatting.partial_date("2024-04-30", "no") == "30. april 2024"


def test_sorting_puts_years_before_their_months():
    dates = ["2024-04-30", "2024", "2023-11", "2024-04"]
    assert sorted(dates, key=formatting.date_sort_key) == ["2023-11", "2024", "2024-04", "2024-04-30"]


def test_numbers_follow_each_language():
    assert formatting.number(27920, "en") == "27,920"
    assert formatting.number(27920, "da") == "27.920"
    assert formatting.percent(40, "en") == "40%"
    assert formatting.percent(40, "da").replace("\xa0", " ") == "40 %"
    assert formatting.money(27920, "EUR", "en") == "27,920 EUR"


def test_norwegian_is_bokmal_in_html():
    assert formatting.language_tag("no") == "nb"
    assert formatting.language_tag("da") == "da"


def test_periods_of_months_read_as_each_language_writes_them():
    assert formatting.partial_period("2023-04", "2023-12", "en") == "April\u2009–\u2009December 2023"  # CLDR
    # Lithuanian: the months in the genitive, "mėn." after them (not CLDR's nominative).
    assert formatting.partial_period("2023-04", "2023-12", "lt") == "2023 m. balandžio–gruodžio mėn."
    assert formatting.partial_period("2015", "2018", "lt") == "2015–2018 m."
