"""Finishing touches to built pages: hreflang links and Material's search dialog."""

from peerguide.alternates import absolute_alternates
from peerguide.theme_fixes import name_search_dialog

HEAD = (
    '<link rel="alternate" href="../../../countries/denmark/" hreflang="en">\n'
    '<link rel="alternate" href="./" hreflang="da">\n'
)


def test_alternates_become_absolute_with_an_x_default():
    out = absolute_alternates(HEAD, "https://example.org/guide/da/countries/denmark/", "en")
    assert out == (
        '<link rel="alternate" href="https://example.org/guide/countries/denmark/" hreflang="en">\n'
        '<link rel="alternate" href="https://example.org/guide/countries/denmark/" hreflang="x-default">\n'
        '<link rel="alternate" href="https://example.org/guide/da/countries/denmark/" hreflang="da">\n'
    )


def test_search_dialog_gets_the_name_of_its_field():
    page = (
        '<div class="md-search" data-md-component="search" role="dialog">'
        '<input type="text" class="md-search__input" name="query" aria-label="Søg" placeholder="Søg">'
    )
    assert name_search_dialog(page).startswith(
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="Søg">'
    )
    assert name_search_dialog("<p>no search here</p>") == "<p>no search here</p>"
