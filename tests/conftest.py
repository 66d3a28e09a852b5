"""Shared fixtures: the project's paths, copies of its data to break on purpose,
and one build of the whole site, served on 127.0.0.1 for the browser tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from builtsite import ROOT, Site, build
from staticserver import StaticServer

DOCS = ROOT / "docs"
LANGUAGES = ["en", "da", "lt", "sv", "no", "et"]


class DataCopy:
    """A copy of docs/ (the data, and the pages that data links must find) in a temporary folder."""

    def __init__(self, root: Path):
        self.root = root
        self.docs = root / "docs"
        shutil.copytree(DOCS, self.docs, ignore=shutil.ignore_patterns("assets"))

    def path(self, relative: str) -> Path:
        return self.docs / relative

    def replace(self, relative: str, old: str, new: str) -> int:
        """Replace the one occurrence of `old`; return the 1-based line where it starts."""
        path = self.path(relative)
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} must occur exactly once in {relative}"
        line = text[: text.index(old)].count("\n") + 1
        path.write_text(text.replace(old, new), encoding="utf-8")
        return line

    def write(self, relative: str, text: str) -> None:
        path = self.path(relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def data_copy(tmp_path) -> DataCopy:
    return DataCopy(tmp_path)


@pytest.fixture(scope="session")
def cache(tmp_path_factory):
    """What `make build` makes before the site: every handout and the offline copy, into a
    cache folder of the test session's own (the project's .cache/ is left alone)."""
    folder = tmp_path_factory.mktemp("cache")
    os.environ["PEERGUIDE_CACHE"] = str(folder)
    for tool in ("handouts.py", "offline.py"):
        result = subprocess.run([sys.executable, str(ROOT / "tools" / tool)], cwd=ROOT, capture_output=True,
                                text=True, timeout=600)
        assert result.returncode == 0, result.stdout + result.stderr
    return folder


@pytest.fixture(scope="session")
def server(tmp_path_factory, cache):
    """The site built once as `make build` builds it (strict, every language, the handouts
    and the offline copy) and served at http://127.0.0.1:<port>/."""
    site_dir = tmp_path_factory.mktemp("site")
    served = StaticServer(site_dir)  # on a free port, which the site's address needs
    result = build(ROOT, site_dir, served.base_url)
    assert result.returncode == 0, result.stdout + result.stderr
    served.start()
    yield served
    served.close()


@pytest.fixture(scope="session")
def site(server) -> Site:
    return Site(server.roots[""])


# --- browser tests -------------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; Playwright never downloads a browser here."""
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: run `make test`, which installs Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class PageProblems:
    """Console errors, uncaught exceptions and failed requests seen by one page."""

    def __init__(self, page):
        self.console: list[str] = []
        self.exceptions: list[str] = []
        self.failed: list[str] = []
        page.on("console", lambda msg: self.console.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda exc: self.exceptions.append(str(exc)))
        page.on("response", lambda resp: self.failed.append(f"{resp.status} {resp.url}") if resp.status >= 400 else None)
        page.on("requestfailed", self._request_failed)

    def _request_failed(self, request):
        # Requests cut short by leaving the page (a reload, a click) are not failures of the site.
        if "ERR_ABORTED" not in (request.failure or ""):
            self.failed.append(f"{request.failure} {request.url}")

    def assert_none(self):
        assert (self.console, self.exceptions, self.failed) == ([], [], [])


@pytest.fixture
def context(browser):
    """A fresh browser profile: empty localStorage, downloads allowed."""
    ctx = browser.new_context(accept_downloads=True, locale="en-GB")
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.problems = PageProblems(page)
    return page
