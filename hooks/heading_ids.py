"""MkDocs hook: a translated page's headings take the English page's heading ids, so that a
shared link to a section, or a switch of language, keeps the section (peerguide/headings.py).
"""

from __future__ import annotations

from pathlib import Path

from peerguide.docsfolder import ReadError, read_bounded
from peerguide.headings import with_english_ids
from peerguide.notices import english_page
from peerguide.policy import MAX_PAGE_BYTES
from peerguide.site import languages


def on_page_markdown(markdown, page, config, files):
    langs = languages(config)
    if langs.current == langs.default or getattr(page.file, "locale", langs.current) != langs.current:
        return markdown  # English, or the English page shown for want of a translation
    english = Path(config.docs_dir) / english_page(page.file.src_uri, langs.current)
    try:
        text = read_bounded(english, MAX_PAGE_BYTES).decode("utf-8", "replace")
    except (ReadError, OSError):
        return markdown
    english_body, _ = page_body_of(text)
    return with_english_ids(english_body, markdown)


def page_body_of(text: str) -> tuple[str, int]:
    """The Markdown after the front matter, as page_body() gives it for a page."""
    from mkdocs.utils.meta import get_data

    body, _ = get_data(text)
    return body, text[: len(text) - len(body)].count("\n") + 1
