"""Dates and numbers written the way each language writes them (via Babel's CLDR data)."""

from __future__ import annotations

import datetime

from babel import Locale
from babel.dates import format_date, format_interval, format_skeleton
from babel.numbers import format_decimal, format_percent

# Site language codes mapped to the CLDR locale whose conventions the site follows.
_LOCALES = {"en": "en_GB", "no": "nb"}
_YEAR_FIRST_MONTH_PERIODS = {"lt"}


def language_tag(lang: str) -> str:
    """The value for an HTML lang attribute: the site's "no" folder is Norwegian Bokmål."""
    return "nb" if lang == "no" else lang


def locale_of(lang: str) -> Locale:
    return Locale.parse(_LOCALES.get(lang, lang))


def partial_date(value: str, lang: str) -> str:
    """'2014' -> '2014'; '2023-05' -> 'May 2023'; '2024-04-30' -> '30 April 2024' (in `lang`)."""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 1:
        return year(value, lang)
    locale = locale_of(lang)
    if len(parts) == 2:
        return format_skeleton("yMMMM", datetime.date(parts[0], parts[1], 1), locale=locale)
    return format_date(datetime.date(*parts), format="long", locale=locale)


# A year on its own: Lithuanian writes "2015 m." (metai), which CLDR's year format leaves out.
_YEAR_SUFFIX = {"lt": " m."}


def year(value: str, lang: str) -> str:
    return value + _YEAR_SUFFIX.get(lang, "")


def partial_period(start: str, end: str, lang: str) -> str:
    """Two partial dates of the same precision as one period: 'April–December 2023'."""
    first, last = ([int(part) for part in value.split("-")] for value in (start, end))
    if len(first) == 1 and len(last) == 1:
        return year(f"{start}–{end}", lang)
    if len(first) != len(last):
        return f"{partial_date(start, lang)}–{partial_date(end, lang)}"
    skeleton = "yMMMM" if len(first) == 2 else "yMMMMd"
    months = len(first) == 2 and first[0] == last[0]
    first += [1] * (3 - len(first))
    last += [1] * (3 - len(last))
    start, end, locale = datetime.date(*first), datetime.date(*last), locale_of(lang)
    if months and lang in _YEAR_FIRST_MONTH_PERIODS:
        # Lithuanian writes a period of months of one year with the months in the genitive and
        # "mėn." after them: "2023 m. balandžio–gruodžio mėn." (CLDR gives "2023 balandis–gruodis").
        months_of = f"{format_date(start, 'MMMM', locale=locale)}–{format_date(end, 'MMMM', locale=locale)}"
        return f"{year(str(start.year), lang)} {months_of} mėn."
    return format_interval(start, end, skeleton, locale=locale)


def date_sort_key(value: str) -> tuple[int, int, int]:
    """Partial dates sort before full dates of the same month or year."""
    parts = [int(part) for part in value.split("-")]
    return tuple(parts + [0] * (3 - len(parts)))


def number(value: int | float, lang: str) -> str:
    return format_decimal(value, locale=locale_of(lang))


def percent(value: int | float, lang: str) -> str:
    return format_percent(value / 100, locale=locale_of(lang))


def money(amount: int, currency: str, lang: str) -> str:
    # "27,920 EUR": the code after the number reads the same in every language.
    return f"{format_decimal(amount, locale=locale_of(lang))} {currency}"


def plural(forms: dict[str, str], count: int, lang: str) -> str:
    """The form of a plural label for `count` (CLDR rules), with {count} filled in."""
    category = locale_of(lang).plural_form(count)
    return (forms.get(category) or forms["other"]).replace("{count}", number(count, lang))


def file_size(size: int, lang: str) -> str:
    """'1.2 MB', '310 KB', in the language's number format."""
    if size >= 1_000_000:
        return f"{format_decimal(round(size / 1_000_000, 1), locale=locale_of(lang))} MB"
    return f"{format_decimal(max(1, round(size / 1000)), locale=locale_of(lang))} KB"
