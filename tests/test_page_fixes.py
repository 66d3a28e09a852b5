"""Finishing touches to built pages: hreflang links."""

from peerguide.alternates import absolute_alternates

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
