"""Nothing a data file or a translated page contains may run script, call another
host, hang the build or crash it without a message naming the file and line.

The payloads are in payloads.py; each is fed through a real build of a copy of the
project (English and Danish, as `make serve LANG=da` builds them).
"""

from __future__ import annotations

import time
from html.parser import HTMLParser

import pytest

from builtsite import build, copy_project
from payloads import PAYLOADS, TOKEN, Payload

RESOURCE = {"src", "srcset", "poster", "data", "background", "action"}


def apply(project, payload: Payload) -> int:
    """Write the payload; return the line of `at` (or of the payload's first line)."""
    path = project / payload.file
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if payload.whole:
        text, start = payload.new, 0
    elif payload.old is not None:
        assert text.count(payload.old) == 1, f"{payload.old!r} must occur once in {payload.file}"
        start = text.index(payload.old)
        text = text.replace(payload.old, payload.new)
    else:
        start = len(text)
        text += payload.new
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8", "surrogateescape"))
    at = payload.at or payload.new.lstrip("\n").split("\n")[0]
    return text[: text.index(at, start)].count("\n") + 1


class LiveMarkup(HTMLParser):
    """Anything in a page that would run or load: handlers, scripts with the token,
    script-like links, resources from other hosts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            if name in ("href", "src") and value.startswith(("javascript:", "data:", "vbscript:")):
                self.found.append(f"<{tag} {name}={value[:40]}>")
            if name in RESOURCE and value.startswith(("http:", "https:", "//")):
                self.found.append(f"<{tag} {name}={value[:40]}> (another host)")
        if tag == "img" and dict(attrs).get("src", "").startswith("x"):
            self.found.append("<img src=x> from a payload")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and TOKEN in data:
            self.found.append("a script holding the payload")


def live_markup(site) -> list[str]:
    found = []
    for path in site.rglob("*.html"):
        parser = LiveMarkup()
        parser.feed(path.read_text(encoding="utf-8"))
        found += [f"{path.relative_to(site)}: {item}" for item in parser.found]
    return found


@pytest.mark.parametrize("payload", PAYLOADS, ids=[payload.id for payload in PAYLOADS])
def test_payload(tmp_path, payload):
    project = copy_project(tmp_path / "project")
    line = apply(project, payload)
    start = time.monotonic()
    result = build(project, tmp_path / "site", only="da")
    elapsed = time.monotonic() - start
    output = result.stdout + result.stderr
    assert elapsed < 60, f"the build took {elapsed:.0f} s"
    assert "Traceback" not in output, output[-3000:]
    if payload.error:
        assert result.returncode != 0, "the build must stop"
        assert payload.error in output, output[-3000:]
        assert f"{payload.file}:{line}" in output, output[-3000:]
    else:
        assert result.returncode == 0, output[-3000:]
        assert live_markup(tmp_path / "site") == []


def test_label_with_a_quote_and_an_ampersand_shows_as_written(tmp_path):
    project = copy_project(tmp_path / "project")
    labels = project / "docs/da/data/labels.yml"
    labels.write_text(labels.read_text(encoding="utf-8").replace(
        "  name: Organisering af peer-støtte\n", "  name: 'Peer & \"partner\" > guide'\n"), encoding="utf-8")
    assert build(project, tmp_path / "site", only="da").returncode == 0
    html = (tmp_path / "site/da/index.html").read_text(encoding="utf-8")

    class Logo(HTMLParser):
        title = None

        def handle_starttag(self, tag, attrs):
            attrs = dict(attrs)
            if "md-logo" in (attrs.get("class") or ""):
                Logo.title = (attrs.get("title"), attrs.get("aria-label"))

    Logo().feed(html)
    assert Logo.title == ('Peer & "partner" > guide', 'Peer & "partner" > guide')  # not &amp;amp;, not cut off


def test_serve_reports_a_bad_save_keeps_serving_and_recovers(tmp_path):
    """`make serve`: a bad save prints the error with file and line; the server keeps
    running (MkDocs holds requests while the site has errors) and the next good save
    shows."""
    from builtsite import mkdocs_serve, wait_for

    project = copy_project(tmp_path / "project")
    log = tmp_path / "serve.log"
    labels = project / "docs/da/data/labels.yml"
    good = labels.read_text(encoding="utf-8")
    with mkdocs_serve(project, log) as (server, get):
        assert wait_for(lambda: get("da/") is not None), "mkdocs serve did not start"
        labels.write_text(good + "nav:\n  modeller: x\n", encoding="utf-8")  # a duplicate key
        assert wait_for(lambda: "duplicate key 'nav'" in log.read_text())
        assert "docs/da/data/labels.yml:" in log.read_text()
        assert server.poll() is None, "the server must keep running"
        time.sleep(1)
        labels.write_text(good.replace("  name: Organisering af peer-støtte\n", "  name: Rettet navn\n"), encoding="utf-8")
        assert wait_for(lambda: "Rettet navn" in (get("da/") or "")), "the next good save must show"
