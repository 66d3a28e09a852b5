"""What a browser does with hostile input: Chromium, not a parser of our own, is the judge.

1. A sample of the script and request payloads that the build now refuses really runs or
   loads when a browser gets it (so the build refusing it matters), and the policy check
   (the same function the build calls, on the same Markdown) refuses each. (Others in the
   table are refused as well but are not live after Markdown: a comment or CDATA that
   Markdown leaves in its paragraph, the MathML form current Chromium no longer runs.)
2. The payloads that build (inert text) are built into a copy of the project; every
   Danish page of it, opened in Chromium, shows no dialog and asks no other host for
   anything.
"""

from __future__ import annotations

import markdown
import pytest
import yaml

from builtsite import ROOT, build, copy_project
from payloads import PAYLOADS
from peerguide.htmlcheck import check
from peerguide.policy import PAGE
from staticserver import StaticServer
from test_hostile_input import apply

pytestmark = pytest.mark.browser

# (payload id, what the reader does after the page loads: None, or a selector to click)
SAMPLE = [
    ("rawtext-textarea", None), ("rawtext-noscript", None), ("rawtext-title", None), ("rawtext-noembed", None),
    ("comment-short", None), ("comment-dash", None),
    ("url-backslashes", None), ("url-tab-in-slashes", None), ("url-control-before", None),
    ("url-entity-slashes", None), ("url-markdown-image-backslashes", None), ("url-style-url", None),
    ("svg-image", None), ("svg-fill-url", None), ("svg-animate", "svg a"), ("svg-set", "svg a"),
    ("url-entity-javascript", "a"), ("url-newline-javascript", "a"), ("url-tab-javascript-markdown", "a"),
]
BY_ID = {payload.id: payload for payload in PAYLOADS}


def _markdown_engine():
    """Markdown with the site's extensions (mkdocs.yml's markdown_extensions block)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    extensions = yaml.safe_load(text[text.index("markdown_extensions:"):text.index("\nnav:")])["markdown_extensions"]
    names = [next(iter(item)) if isinstance(item, dict) else item for item in extensions]
    configs = {next(iter(item)): item[next(iter(item))] for item in extensions if isinstance(item, dict)}
    return markdown.Markdown(extensions=names, extension_configs=configs)


class Watch:
    """Dialogs a page opens and requests it makes to any host but the test server."""

    def __init__(self, page, own: str):
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        page.route("**/*", self._route(own))

    def _route(self, own: str):
        def handle(route):
            url = route.request.url
            if url.startswith(own) or url.startswith(("data:", "about:")):
                route.continue_()
            else:
                self.requests.append(url)
                route.abort()
        return handle

    @property
    def anything(self) -> list[str]:
        return self.dialogs + self.requests


@pytest.mark.parametrize("payload_id, click", SAMPLE, ids=[case[0] for case in SAMPLE])
def test_a_refused_payload_would_run_in_a_browser(context, payload_id, click):
    payload = BY_ID[payload_id]
    html = _markdown_engine().convert(payload.new)
    # The build refuses it: the page check finds it in the HTML Markdown makes of it.
    assert check(html, PAGE, "da/glossary/").findings, html
    # And it is no false alarm: Chromium, given that HTML in a page, runs it or loads from another host.
    page = context.new_page()
    watch = Watch(page, "http://guide.test/")
    page.route("http://guide.test/**", lambda route: route.fulfill(
        body=f"<!doctype html><html lang=da><body><article>{html}</article></body></html>", content_type="text/html"))
    page.goto("http://guide.test/da/glossary/")
    page.wait_for_timeout(300)
    if click and not watch.anything:
        page.click(click, timeout=2000)
        page.wait_for_timeout(300)
    assert watch.anything, f"{payload_id}: Chromium did nothing with {html!r}"
    page.close()


INERT = ["label-quote-breaks-out", "heading-with-markup", "yaml-worst-within-limits", "work-backticks"]


def test_the_payloads_that_build_do_nothing_in_a_browser(tmp_path, context):
    """Inert payloads, all in one copy: no dialog and no request to another host on any
    Danish page, opened in Chromium."""
    project = copy_project(tmp_path / "project")
    for payload_id in INERT:
        apply(project, BY_ID[payload_id])
    served = StaticServer(tmp_path / "site")
    result = build(project, tmp_path / "site", served.base_url, only="da")
    assert result.returncode == 0, result.stdout + result.stderr
    served.start()
    try:
        page = context.new_page()
        watch = Watch(page, served.base_url)
        pages = sorted(path.relative_to(tmp_path / "site").parent.as_posix()
                       for path in (tmp_path / "site" / "da").rglob("index.html"))
        assert len(pages) > 20
        for path in pages:
            page.goto(served.url(path + "/"))
            page.wait_for_load_state("load")
            page.hover(".md-header__title")  # the site name, with the label payload in its title
        page.wait_for_timeout(300)
        assert watch.anything == []
    finally:
        served.close()
