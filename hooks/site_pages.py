"""MkDocs hook: finishing touches to every built page, for a multilingual site.

- One 404 page per language. static-i18n builds every language into the same
  site/ folder, so each build writes site/404.html and the last-built language
  would win. Here the default language keeps site/404.html and every other
  language gets <lang>/404.html, each with its own <html lang>.
- hreflang links in each page's head with absolute URLs, and an x-default.
- "Report a mistake in this page" under every page (peerguide/report.py), and the date
  the page last changed (peerguide/updated.py).
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from peerguide.alternates import absolute_alternates
from peerguide.formatting import partial_date
from peerguide.updated import page_date
from peerguide.report import report_link
from peerguide.session import current_session
from peerguide.site import languages


def on_page_context(context, page, config, nav):
    langs = languages(config)
    data = current_session().catalog[langs.current]
    prefix = "" if langs.current == langs.default else f"{langs.current}/"
    title = str(Markup(page.title or "").striptags()) if page.title else ""
    root = Path(config.config_file_path).parent
    date = page_date(root, Path(page.file.abs_src_path)) if page.file and page.file.abs_src_path else None
    context["pg_updated"] = {"label": data.t("page.updated"), "date": date,
                          "date_label": partial_date(date, langs.current)} if date else None
    context["report"] = {
        "label": data.t("report.link"),
        "url": report_link(config.repo_url, page.url, page.canonical_url, title, str(data.t(f"language.{langs.current}")),
                           prefix, data.t),
    }
    return context


def on_post_page(output, page, config):
    if not page.canonical_url:
        return output
    return absolute_alternates(output, page.canonical_url, languages(config).default)


def on_post_template(output_content, template_name, config):
    if template_name != "404.html":
        return output_content
    langs = languages(config)
    if langs.current == langs.default:
        return output_content
    target = Path(config.site_dir) / langs.current / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output_content, encoding="utf-8")
    # Empty output: MkDocs then leaves the default language's site/404.html in place.
    return ""
