"""Where "Report a mistake in this page" leads.

Where the guide is published with a repository (`repo_url` in mkdocs.yml), the link opens
a new issue there, its title and text already holding the page and its language, in the
reader's language. Otherwise it leads to the contact paragraph of the About page in the
reader's language, which says whom to write to.
"""

from __future__ import annotations

from urllib.parse import urlencode

from mkdocs.utils import get_relative_url

ABOUT = "about/"
CONTACT = "contact"


def report_link(repo_url: str | None, page_url: str, canonical_url: str | None, title: str, language: str,
                lang_prefix: str, labels) -> str:
    """`labels(key)` gives this language's label; `lang_prefix` is '' or 'da/'."""
    if repo_url:
        query = urlencode({
            "title": str(labels("report.issue_title")).format(page=title, language=language),
            "body": str(labels("report.issue_body")).format(url=canonical_url or page_url, language=language),
        })
        return f"{repo_url.rstrip('/')}/issues/new?{query}"
    return f"{get_relative_url(lang_prefix + ABOUT, page_url)}#{CONTACT}"
