"""Nothing a data file or a translated page contains may run script, call another
host, hang the build or crash it without a message naming the file and line.

The payloads are in payloads.py; each is fed through a real build of a copy of the
project (English and Danish, as `make serve LANG=da` builds them). What a built page
holds is judged as a browser parses it: by Lexbor, the HTML5 parser of the policy
(peerguide/htmlcheck.py), with URLs resolved as WHATWG says (peerguide/urls.py).
"""

from __future__ import annotations

import os
import time
from html.parser import HTMLParser

import pytest
from selectolax.lexbor import LexborHTMLParser

from builtsite import build, copy_project
from payloads import PAYLOADS, TOKEN, Payload
from peerguide.urls import resolve

# Attributes whose URL the browser loads, and those it follows.
RESOURCE = {"src", "srcset", "poster", "data", "background", "action", "formaction", "xlink:href", "ping"}
LINKS = {"href"}
NEVER_LIVE = {"iframe", "object", "embed", "base", "frame", "image", "use", "animate", "set", "feimage", "portal"}


def apply(project, payload: Payload) -> int | None:
    """Write the payload; return the line of `at` (or of the payload's first line)."""
    path = project / payload.file
    if payload.symlink or payload.fifo:
        if path.exists():
            path.unlink()
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(payload.new, path) if payload.symlink else os.mkfifo(path)
        return None
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
    if payload.path_only:
        return None
    at = payload.at or payload.new.lstrip("\n").split("\n")[0]
    found = text.find(at, start)
    return text[: found if found >= 0 else text.index(at)].count("\n") + 1


def live_markup(html: str) -> list[str]:
    """What in a built page would run, load from another host, or take over the theme's
    scripts, as a browser parses the page."""
    found = []
    document = LexborHTMLParser(html)
    for node in document.root.traverse():
        tag = node.tag
        if tag in NEVER_LIVE:
            found.append(f"<{tag}>")
        if tag == "script" and TOKEN in (node.text() or ""):
            found.append("a script holding the payload")
        if tag == "meta" and (node.attributes.get("http-equiv") or "").lower() == "refresh":
            found.append("<meta http-equiv=refresh>")
        for name, value in node.attributes.items():
            value = value or ""
            if name.startswith("on"):
                found.append(f"<{tag} {name}=...>")
            if name in RESOURCE | LINKS:
                for url in value.split(",") if name == "srcset" else [value]:
                    url = url.strip().split(" ")[0] if name == "srcset" else url
                    where = resolve(url)
                    if where.protocol in ("javascript:", "data:", "vbscript:") and not where.relative:
                        found.append(f"<{tag} {name}={url[:40]!r}> (script link)")
                    if name in RESOURCE and where.host:
                        found.append(f"<{tag} {name}={url[:40]!r}> (another host)")
            if tag == "link" and name == "href" and resolve(value).host and \
                    (node.attributes.get("rel") or "") not in ("canonical", "alternate"):
                found.append(f"<link href={value[:40]!r}> (another host)")
        if tag == "img" and (node.attributes.get("src") or "").startswith("x"):
            found.append("<img src=x> from a payload")
    ids = [node.attributes.get("id") for node in document.css("[id]")]
    found += [f"the id {id_!r} twice" for id_ in set(ids) if ids.count(id_) > 1]
    article = document.css_first("article")
    if article is not None and article.css_first("[data-md-component]") is not None:
        found.append("data-md-component inside the page's content")
    return found


def live_markup_in(site) -> list[str]:
    found = []
    for path in site.rglob("*.html"):
        found += [f"{path.relative_to(site)}: {item}" for item in live_markup(path.read_text(encoding="utf-8"))]
    return found


@pytest.fixture(scope="module")
def clean_build_seconds(tmp_path_factory) -> float:
    """How long the unchanged project takes to build (English and Danish)."""
    folder = tmp_path_factory.mktemp("clean")
    project = copy_project(folder / "project")
    build(project, folder / "warm", only="da")  # the caches, as every payload's build has them
    start = time.monotonic()
    assert build(project, folder / "site", only="da").returncode == 0
    return time.monotonic() - start


@pytest.mark.parametrize("payload", PAYLOADS, ids=[payload.id for payload in PAYLOADS])
def test_payload(tmp_path, payload, clean_build_seconds):
    project = copy_project(tmp_path / "project")
    line = apply(project, payload)
    start = time.monotonic()
    result = build(project, tmp_path / "site", only="da")
    elapsed = time.monotonic() - start
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output[-3000:]
    if payload.error:
        assert elapsed < 60, f"the build took {elapsed:.0f} s"
        assert result.returncode != 0, "the build must stop"
        assert payload.error in output, output[-3000:]
        where = f"{payload.file}:" if line is None else f"{payload.file}:{line}:"
        assert where in output, output[-3000:]
    else:
        assert result.returncode == 0, output[-3000:]
        # Within the limits every input builds within seconds of the clean build.
        assert elapsed < clean_build_seconds + 5, f"{elapsed:.1f} s against {clean_build_seconds:.1f} s clean"
        assert live_markup_in(tmp_path / "site") == []


def test_the_judge_sees_what_a_browser_runs():
    """live_markup() must find what the payloads try, or its 'nothing live' means nothing."""
    assert live_markup('<div><textarea><p title="</textarea><img src=x onerror=alert(1)>"></p></textarea></div>')
    assert live_markup('<img src="\\\\tracker.example/p.png">')
    assert live_markup('<svg><image href="https://tracker.example/p.png"/></svg>')
    assert live_markup('<a href="jav&#x61;script:alert(1)">x</a>')
    assert live_markup('<div id="__config"></div><div id="__config"></div>')
    assert live_markup('<article><a data-md-component="source" href="https://x.example/"></a></article>')
    assert live_markup(f"<script>alert('{TOKEN}')</script>")
    assert not live_markup('<p title="&lt;img src=x onerror=alert(1)&gt;">x</p><a href="../x/">y</a>')


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
