"""Accessibility fixes to Material's own markup, applied to each built page.

Material's search overlay is a `role="dialog"` without a name (axe rule
aria-dialog-name, serious). It is given the name of its search field, which
Material already translates into the page's language.
"""

from __future__ import annotations

import re

_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_SEARCH_LABEL = re.compile(r'<input type="text" class="md-search__input" name="query" aria-label="([^"]*)"')


def name_search_dialog(page_html: str) -> str:
    label = _SEARCH_LABEL.search(page_html)
    if _SEARCH_DIALOG not in page_html or not label:
        return page_html
    return page_html.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + f' aria-label="{label.group(1)}">', 1)
