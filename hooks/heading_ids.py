"""MkDocs hook: a translated page's headings take the English page's heading ids, so that a
shared link to a section, or a switch of language, keeps the section (peerguide/headings.py).
"""

from __future__ import annotations

from peerguide.headings import with_english_ids
from peerguide.site import body_of, english_original


def on_page_markdown(markdown, page, config, files):
    english = english_original(page, config)
    if english is None:
        return markdown  # English, or the English page shown for want of a translation
    english_body, _ = body_of(english)
    return with_english_ids(english_body, markdown)
