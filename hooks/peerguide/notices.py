"""Which translation notice a page gets, and English page titles marked as English.

A page of language X is one of:
- a fallback: X has no translation, so static-i18n builds the English page under
  X's address. It gets the "untranslated" notice, its content is marked
  `lang="en"`, and so is its title wherever the theme shows it (menu, footer);
- outdated: its English original changed after it was translated ("outdated");
- up to date: no notice.
"""

from __future__ import annotations

import html as html_lib
import re
from typing import Literal

Notice = Literal["untranslated", "outdated"]


def notice_for(fallback: bool, state: str | None) -> Notice | None:
    if fallback:
        return "untranslated"
    return "outdated" if state == "outdated" else None


def english_page(src_uri: str, lang: str) -> str:
    """'da/models/index.md' -> 'models/index.md': the English page a page translates."""
    return src_uri.removeprefix(f"{lang}/")


def with_notice(content: str, notice: str, fallback: bool) -> str:
    """The notice first; a fallback page's English content marked as English."""
    return notice + (f'<div lang="en">{content}</div>' if fallback else content)


_TITLE = re.compile(r'(<(?:span|div) class="md-ellipsis")>(.*?)(</(?:span|div)>)', re.S)


def mark_english_titles(page_html: str, titles: set[str]) -> str:
    """Mark the theme's title elements (menu, header, footer) that show one of `titles`
    (the English titles of the fallback pages) as English."""
    if not titles:
        return page_html
    escaped = {html_lib.escape(title, quote=False) for title in titles} | titles

    def mark(match: re.Match) -> str:
        if match.group(2).strip() in escaped:
            return f'{match.group(1)} lang="en">{match.group(2)}{match.group(3)}'
        return match.group(0)

    return _TITLE.sub(mark, page_html)


_HEADING = re.compile(r"<h[1-6]\b([^>]*)>")
_ID = re.compile(r'\sid="([^"]+)"')


def english_heading_ids(page_html: str, all_english: bool) -> set[str]:
    """The ids of the page's headings that are English: all of them on a fallback page,
    else those marked `lang="en"` (data headings shown for want of a translation)."""
    ids = set()
    for match in _HEADING.finditer(page_html):
        found = _ID.search(match.group(1))
        if found and (all_english or 'lang="en"' in match.group(1)):
            ids.add(found.group(1))
    return ids


def mark_english_toc(page_html: str, ids: set[str]) -> str:
    """Mark the table-of-contents entries of English headings as English."""
    for heading_id in ids:
        pattern = re.compile(rf'(<a href="#{re.escape(heading_id)}" class="md-nav__link">\s*<span class="md-ellipsis")>')
        page_html = pattern.sub(r'\1 lang="en">', page_html)
    return page_html
