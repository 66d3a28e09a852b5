"""The safety policy's parts, one by one: URLs as WHATWG resolves them, HTML as an HTML5
parser reads it, what docs/ may hold, and the one-pass source checks. The same cases
go through the real build in test_hostile_input.py."""

from __future__ import annotations

import os
import time

import pytest

from peerguide.docsfolder import ReadError, folder_problems, read_bounded
from peerguide.buildcache import Memo
from peerguide.htmlcheck import check, check_remembered
from peerguide.markers import without_code_spans
from peerguide.pagesource import front_matter_problems, limit_problems, nesting
from peerguide.policy import DATA_TEXT, PAGE, TEMPLATE
from peerguide.urls import resolve


@pytest.mark.parametrize("url, host, relative", [
    ("../assets/images/x.png", "", True),
    ("x.png", "", True),
    ("#purpose", "", True),
    ("\\\\tracker.example/p.png", "tracker.example", False),
    ("/\\tracker.example/p.png", "tracker.example", False),
    ("\t/\t/tracker.example/p.png", "tracker.example", False),
    ("\x01//tracker.example/p.png", "tracker.example", False),
    (" //tracker.example/p.png", "tracker.example", False),
    ("https://tracker.example/p.png", "tracker.example", False),
    ("/assets/images/x.png", "", False),  # from the site's root: breaks under a sub-path
    ("../../../../x.png", "", False),  # above the guide's root
])
def test_urls_resolve_as_a_browser_resolves_them(url, host, relative):
    resolved = resolve(url, "da/glossary/")
    assert (resolved.host, resolved.relative) == (host, relative)


@pytest.mark.parametrize("url", ["javascript:x", "JAVASCRIPT:x", "java\nscript:x", "java\tscript:x",
                                 " \x00javascript:x"])
def test_a_script_link_is_a_script_link_however_it_is_written(url):
    assert resolve(url).protocol == "javascript:"


def messages(html: str, policy=PAGE) -> list[str]:
    return [finding.message for finding in check(html, policy, "da/glossary/").findings]


def test_the_checker_reads_rawtext_as_a_browser_does():
    # html.parser sees one <p> with a title; a browser sees the <img> and runs its handler.
    found = messages('<textarea><p title="</textarea><img src=x onerror=alert(1)>"></p></textarea>')
    assert any("<textarea>" in message for message in found)
    assert any("onerror=" in message for message in found)


def test_what_the_checked_html_becomes_is_what_was_checked():
    result = check("<p>a</div></article><em>b", PAGE)
    assert result.html == "<p>a<em>b</em></p>"  # no stray end tag closes the theme's markup


def test_the_guide_s_own_markup_passes():
    assert messages('<div class="grid cards"><ul><li><strong>x</strong></li></ul></div>'
                    '<h2 id="purpose" lang="en">x<a class="headerlink" href="#purpose" title="Link">¶</a></h2>'
                    '<figure class="pg-flow pg-flow--late"><figcaption>x</figcaption><ol><li>a</li></ol></figure>'
                    '<div class="admonition note"><p class="admonition-title">Note</p></div>'
                    '<p><a href="../models/">m</a> <a href="https://nsph.se/">n</a> <a href="mailto:x@y.z">e</a></p>'
                    '<img src="../assets/images/x.png" alt="x">') == []


@pytest.mark.parametrize("html, expected", [
    ('<p style="color:red">x</p>', "the attribute style="),
    ('<p data-md-component="source">x</p>', "the attribute data-md-component="),
    ('<p id="__config">x</p>', "the attribute id="),
    ('<h2 id="__config">x</h2>', "must look like an anchor"),
    ('<div class="md-typeset">x</div>', "the class 'md-typeset'"),
    ("<svg></svg>", "<svg> is not allowed"),
    ("<p><!-- x --></p>", "an HTML comment"),
    ('<a href="vbscript:x">x</a>', "is a vbscript: link"),
])
def test_the_page_policy_refuses(html, expected):
    assert any(expected in message for message in messages(html)), messages(html)


def test_data_text_may_hold_only_inline_markup():
    assert messages('<em>a</em> <a href="/countries/sweden.md#figures">b</a> <a href="https://x.org/">c</a>',
                    DATA_TEXT) == []
    assert messages('<a href="sweden.md">b</a>', DATA_TEXT)
    assert messages("<p>a</p>", DATA_TEXT)


def test_templates_may_not_load_or_run_either():
    assert messages('<input type="checkbox" id="check-x" data-pg-item="x">', TEMPLATE) == []
    assert messages('<svg viewBox="0 0 1 1"><path d="M0 0L1 1" fill="#003d36"/></svg>', TEMPLATE) == []
    assert messages('<svg><image href="https://tracker.example/p.png"/></svg>', TEMPLATE)
    assert messages('<svg><rect fill="url(https://tracker.example/x)"/></svg>', TEMPLATE)
    assert messages('<p onclick="x">a</p>', TEMPLATE)


# --- docs/ --------------------------------------------------------------------------------

@pytest.fixture
def docs(tmp_path):
    docs = tmp_path / "docs"
    for path in ("index.md", "models/index.md", "data/models.yml", "assets/x.css"):
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text("x")
    for path in ("da/index.md", "da/models/index.md", "da/data/models.yml", "da/data/translated.yml"):
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text("x")
    return docs


def test_a_language_folder_of_translations_passes(docs):
    (docs / "da" / ".index.md.swp").write_text("an editor's")  # hidden: neither published nor read
    assert folder_problems(docs, ["da"]) == []


@pytest.mark.parametrize("make, path", [
    (lambda d: (d / "da/evil.html").write_text("<script>"), "docs/da/evil.html"),
    (lambda d: (d / "da/extra").mkdir(), "docs/da/extra/"),
    (lambda d: (d / "da/data/x.yml").write_text("x: y"), "docs/da/data/x.yml"),
    (lambda d: os.symlink("/etc/passwd", d / "da/p.md"), "docs/da/p.md"),
    (lambda d: os.symlink("/etc", d / "models/etc"), "docs/models/etc"),
    (lambda d: os.mkfifo(d / "da/models/fifo.md"), "docs/da/models/fifo.md"),
    (lambda d: (d / "da/index.md").write_text("x" * 70000), "docs/da/index.md"),
])
def test_anything_else_under_docs_is_named(docs, make, path):
    make(docs)
    problems = folder_problems(docs, ["da"])
    assert len(problems) == 1 and problems[0].startswith(path + ":"), problems


def test_a_file_is_read_only_if_plain_and_small(tmp_path):
    (tmp_path / "ok.yml").write_text("x: y")
    assert read_bounded(tmp_path / "ok.yml", 10) == b"x: y"
    os.symlink("/dev/zero", tmp_path / "zero.yml")
    os.mkfifo(tmp_path / "pipe.yml")
    (tmp_path / "big.yml").write_text("x" * 11)
    for name, reason in (("zero.yml", "symlink"), ("pipe.yml", "not a plain file"), ("big.yml", "at most 10")):
        start = time.monotonic()
        with pytest.raises(ReadError, match=reason):
            read_bounded(tmp_path / name, 10)
        assert time.monotonic() - start < 1


# --- page sources ----------------------------------------------------------------------------

def test_code_spans_are_found_in_one_pass():
    assert without_code_spans("a `<!-- x -->` b ``c`d`` e") == "a  b  e"
    start = time.monotonic()
    without_code_spans("`" * 1800)
    without_code_spans("` " * 50000)
    assert time.monotonic() - start < 0.5  # a backtracking regex took 73 s on the first


@pytest.mark.parametrize("line, depth", [
    ("text", 0), ("> quote", 1), ("> > - 1. x", 4), ("- - -", 3), ("-x", 0), ("1.5 m", 0), ("> " * 20, 20),
])
def test_nesting_counts_what_opens_a_line(line, depth):
    assert nesting(line) == depth


def test_limits_name_the_line():
    text = "ok\n" + "x" * 2001 + "\n\n" + ("[" * 60 + "\n") * 2 + "\n" + "> " * 9 + "x"
    assert [line for line, _ in limit_problems(text)] == [2, 4, 7]


@pytest.mark.parametrize("source, line, expected", [
    ("---\ndescription: [x\n---\n# x\n", 2, "not valid YAML"),
    ("---\ndescription: x\n\n# x\n", 1, "not closed"),
    ("---\ndescription: x\ntranslated_from: nonsense\n---\n", 3, "translated_from must be"),
    ("---\ntemplate: x.html\n---\n", 2, "front matter key 'template'"),
    ("---\ntitle: <b>x</b>\n---\n", 2, "without HTML"),
])
def test_front_matter_that_is_not_read_is_named(source, line, expected):
    problems = front_matter_problems(source, {})
    assert problems and problems[0][0] == line and expected in problems[0][1], problems


def test_a_fingerprint_of_digits_only_is_a_fingerprint():
    assert front_matter_problems("---\ntranslated_from: 012345678901\n---\n", {"translated_from": 12345678901}) == []


def test_only_a_pass_is_remembered_across_builds_and_only_for_the_same_input(tmp_path):
    clean, hostile = "<p>Peer <em>support</em>", '<p><img src="x" onerror="alert(1)"></p>'
    memo = Memo(tmp_path, "htmlcheck")
    assert check_remembered(memo, clean, PAGE, "da/x/").html == check(clean, PAGE, "da/x/").html
    assert not check_remembered(memo, hostile, PAGE, "da/x/")
    memo.save()
    # The next build (a new process) reads what passed; the hostile page is judged again.
    later = Memo(tmp_path, "htmlcheck")
    assert len(later.entries) == 1
    assert check_remembered(later, clean, PAGE, "da/x/").html == "<p>Peer <em>support</em></p>"
    assert not check_remembered(later, hostile, PAGE, "da/x/")
    # The pass is for that policy and page: data text may not hold what a page may.
    assert not check_remembered(later, '<p><img src="x.png" alt=""></p>', DATA_TEXT, "da/x/")
    # Comments are never remembered: whether one is the hooks' placeholder changes every build.
    commented = "<p>a</p><!-- x -->"
    check_remembered(later, commented, PAGE, "da/x/", placeholder=lambda comment: True)
    assert not check_remembered(later, commented, PAGE, "da/x/")
    # A file grown past its limit starts afresh with what the last build added.
    later.MAX_ENTRIES = 0
    check_remembered(later, "<p>b</p>", PAGE, "da/x/")
    later.save()
    assert len(Memo(tmp_path, "htmlcheck").entries) == 1
