"""MkDocs hook: tell readers of a translated language about the page's translation.

A page without a translation (static-i18n shows the English page) gets a notice
in the reader's language linking to the translators' guide, and its English
content and title are marked `lang="en"`. A translation made from an older
English page gets a notice linking to the English page; in the translators' preview
(`make serve LANG=xx`) the notice also shows what changed in the English since. The rules are in
peerguide/notices.py; the status comes from peerguide/status.py.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils import get_relative_url
from peerguide.notices import (
    english_heading_ids, english_page, mark_english_titles, mark_english_toc, notice_for, with_notice,
)
from peerguide.changes import page_change
from peerguide.session import current_session, page_history, template_environment
from peerguide.site import languages, serving
from peerguide.views.translations import change_view

TEMPLATE = "partials/peerguide/notice.html"
TRANSLATORS_GUIDE = "about/translating.md"

# The English titles of the fallback pages of the language being built.
_fallback_titles: set[str] = set()


def on_nav(nav, config, files):
    _fallback_titles.clear()  # a new language's build starts
    return nav


def on_page_content(html, page, config, files):
    langs = languages(config)
    if langs.current == langs.default:
        return html
    fallback = _is_fallback(page, langs.current)
    if fallback and page.title:
        # Every page is converted before any is written out: the menu of every page knows it.
        _fallback_titles.add(page.title)
    source = english_page(page.file.src_uri, langs.current)
    state = current_session().translations[langs.current].page_state(source)
    kind = notice_for(fallback, state)
    if kind is None:
        return html
    if kind == "untranslated":
        guide = files.get_file_from_path(TRANSLATORS_GUIDE)
        link = get_relative_url(guide.url, page.url)
    else:
        link = get_relative_url(page.url.removeprefix(f"{langs.current}/"), page.url)
    data = current_session().catalog[langs.current]
    changes = None
    if kind == "outdated" and serving():
        # The translators' preview: what changed in the English since the translation.
        change = page_change(Path(config.config_file_path).parent, langs.current, source, page_history(config))
        changes = change_view(change)
    notice = template_environment(config).get_template(TEMPLATE).render(kind=kind, link=link, t=data.t,
                                                                        changes=changes)
    return with_notice(html, notice, fallback)


def on_post_page(output, page, config):
    langs = languages(config)
    if langs.current == langs.default:
        return output
    output = mark_english_titles(output, _fallback_titles)
    return mark_english_toc(output, english_heading_ids(output, _is_fallback(page, langs.current)))


def _is_fallback(page, lang: str) -> bool:
    return getattr(page.file, "locale", lang) != lang
