"""Build the site for the tests, serve it on 127.0.0.1, and read what it wrote."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable, Iterator

ROOT = Path(__file__).resolve().parent.parent


TRANSLATIONS = ["da", "lt", "sv", "no", "et"]


def build(
    project: Path, site_dir: Path, site_url: str = "http://127.0.0.1:8000/", strict: bool = True,
    only: str | None = None,
) -> subprocess.CompletedProcess:
    """Build `project` into `site_dir`; with `only`, English and that one language
    (as `make serve LANG=...` does), which is faster."""
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    if only:
        env.update({f"PEERGUIDE_BUILD_{lang.upper()}": "false" for lang in TRANSLATIONS if lang != only})
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict" if strict else "--no-strict", "--clean",
         "-f", str(project / "mkdocs.yml"),
         "-d", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


def translations_tool(project: Path, *args: str) -> subprocess.CompletedProcess:
    """tools/translations.py of `project` (make translations / make translated)."""
    return subprocess.run(
        [sys.executable, str(project / "tools" / "translations.py"), *args],
        cwd=project, capture_output=True, text=True, timeout=120,
    )


def copy_project(target: Path) -> Path:
    for name in ("docs", "overrides", "hooks", "tools"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    if (ROOT / "node_modules").is_dir():  # the map's data (installed by make)
        (target / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return target


_BLOCKS = {"address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt", "figcaption",
           "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "label", "li",
           "main", "nav", "ol", "p", "section", "summary", "table", "td", "th", "tr", "ul"}


class _Collector(HTMLParser):
    ASSET_ATTRS = {("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"),
                   ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data")}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.assets: list[str] = []
        self.alternates: list[tuple[str, str]] = []
        self.text_parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCKS:
            self.text_parts.append(" ")
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href") is not None:
            self.links.append(attrs["href"])
        if tag == "link" and attrs.get("href"):
            rel = attrs.get("rel", "")
            if rel == "alternate" and attrs.get("hreflang"):
                self.alternates.append((attrs["hreflang"], attrs["href"]))
            elif rel not in ("canonical", "alternate", "prev", "next"):
                self.assets.append(attrs["href"])
        for name in ("src", "data"):
            if (tag, name) in self.ASSET_ATTRS and attrs.get(name):
                self.assets.append(attrs[name])
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in _BLOCKS:
            self.text_parts.append(" ")
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text_parts.append(data)


@dataclass
class HtmlPage:
    path: Path
    url: str  # path from the site root, e.g. "da/models/index.html"
    _parsed: _Collector = field(init=False, repr=False)

    def __post_init__(self):
        self._parsed = _Collector()
        self._parsed.feed(self.path.read_text(encoding="utf-8"))

    lang = property(lambda self: self._parsed.lang)
    ids = property(lambda self: self._parsed.ids)
    links = property(lambda self: self._parsed.links)
    assets = property(lambda self: self._parsed.assets)
    alternates = property(lambda self: self._parsed.alternates)

    @cached_property
    def text(self) -> str:
        return " ".join("".join(self._parsed.text_parts).split())


class Site:
    def __init__(self, root: Path):
        self.root = root
        self._pages: dict[str, HtmlPage] = {}

    def page(self, url: str) -> HtmlPage:
        if url not in self._pages:
            self._pages[url] = HtmlPage(self.root / url, url)
        return self._pages[url]

    def html_files(self) -> list[str]:
        return sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*.html"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(condition: Callable[[], object], seconds: float = 60, step: float = 0.1) -> bool:
    """True as soon as `condition()` is, False if it never is within `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


@contextlib.contextmanager
def mkdocs_serve(project: Path, log: Path, only: str = "da") -> Iterator[tuple[subprocess.Popen, Callable]]:
    """`mkdocs serve` of English and `only` in `project`, as `make serve LANG=da` runs it,
    its output in `log`. Yields the server's process and get(path): the text the server
    sends for a path of the site, or None while it sends nothing."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1",
           **{f"PEERGUIDE_BUILD_{lang.upper()}": "false" for lang in TRANSLATIONS if lang != only}}

    def get(path: str) -> str | None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return None

    with log.open("w") as output:
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                  cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT)
        try:
            yield server, get
        finally:
            server.terminate()
            server.wait(timeout=30)


def plain(markdown: str) -> str:
    """Inline Markdown of a data text as it reads on the page: links, emphasis markers and a
    phrase's language mark (`*recovery colleges*{ lang="en" }`) removed."""
    text = re.sub(r"""\{:?[ \t]*lang=["']?[A-Za-z-]+["']?[ \t]*\}""", "", markdown)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"(\*\*|\*|_)(\S.*?)\1", r"\2", text)
