"""The translator's workbench: what changed in the English (diff), the quality check (qa)
and the style sheet, in the terminal and in the preview; the "report a mistake" link."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from builtsite import ROOT, copy_project, mkdocs_serve, translations_tool, wait_for
from peerguide import worddiff
from peerguide.qa import check_language, numbers, page_prose
from peerguide.report import report_link

LANGUAGES = ["en", "da", "lt", "sv", "no", "et"]
GIT = ["git", "-c", "user.email=test@example.org", "-c", "user.name=test"]


# --- the word diff ----------------------------------------------------------------------------

def test_the_word_diff_shows_the_changed_words_and_the_line():
    old = "# Title\n\nThere is no simple recipe\nfor weighing the risks.\n\nUnchanged.\n"
    new = "# Title\n\nThere is no single recipe\nfor weighing the risks.\n\nUnchanged.\n\nA new paragraph.\n"
    blocks = worddiff.blocks(old, new)
    assert [block.line for block in blocks] == [3, 8]
    assert worddiff.terminal(blocks[0].ops) == "There is no [-simple-]{+single+} recipe for weighing the risks."
    assert worddiff.terminal(blocks[1].ops) == "{+A new paragraph.+}"
    assert str(worddiff.html(blocks[0].ops)).count("<del>simple</del>") == 1


def test_rewrapping_a_paragraph_is_no_change():
    assert worddiff.blocks("a b\nc d\n", "a b c\nd\n") == []


# --- the diff, from the git history ----------------------------------------------------------------

def git_project(target: Path) -> Path:
    project = copy_project(target)
    subprocess.run(["git", "init", "-q"], cwd=project, check=True)
    subprocess.run([*GIT, "add", "-A"], cwd=project, check=True)
    subprocess.run([*GIT, "commit", "-qm", "start"], cwd=project, check=True)
    return project


def change(project: Path, path: str, old: str, new: str, commit: bool = True) -> int:
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    file.write_text(text.replace(old, new), encoding="utf-8")
    if commit:
        subprocess.run([*GIT, "commit", "-qam", "English changed"], cwd=project, check=True)
    return text[: text.index(old)].count("\n") + 1


SENTENCE = ("There is no simple recipe for weighing the opportunities and risks.",
            "There is no single recipe for weighing opportunities against risks.")


@pytest.fixture(scope="module")
def changed_project(tmp_path_factory):
    """A git copy of the project where one English sentence and one data text changed."""
    project = git_project(tmp_path_factory.mktemp("diff") / "project")
    text = (project / "docs/choosing/index.md").read_text(encoding="utf-8")
    old = " ".join(text.split()).split("There is no simple recipe")[1].split(".")[0]
    assert old == " for weighing the opportunities and risks"
    # The sentence is wrapped in the file: change its first words only.
    line = change(project, "docs/choosing/index.md", "is no simple recipe", "is no single recipe", commit=False)
    change(project, "docs/data/models.yml", "Peers are employed", "Peer support workers are employed")
    return project, line


def test_make_translations_diff_shows_what_changed_since_the_translation(changed_project):
    project, line = changed_project
    result = translations_tool(project, "diff", "--lang", "da")
    assert result.returncode == 0, result.stderr
    assert "docs/da/choosing/index.md" in result.stdout
    assert f"line {line - 1}:" in result.stdout or f"line {line}:" in result.stdout
    assert "[-simple-]{+single+}" in result.stdout
    assert "docs/da/data/models.yml integrated." in result.stdout
    assert "[-Peers-]{+Peer support workers+}" in result.stdout


def test_the_diff_of_one_file_or_one_key(changed_project):
    project, _ = changed_project
    one_file = translations_tool(project, "diff", "docs/da/choosing/index.md")
    assert "[-simple-]" in one_file.stdout and "models.yml" not in one_file.stdout
    key = next(line.split()[1] for line in translations_tool(project, "diff", "--lang", "da").stdout.splitlines()
               if line.startswith("docs/da/data/models.yml"))
    one_key = translations_tool(project, "diff", "docs/da/data/models.yml", "--key", key)
    assert "{+Peer support workers+}" in one_key.stdout and "choosing" not in one_key.stdout


def test_without_git_the_diff_says_why_it_cannot_be_shown(changed_project, tmp_path):
    project, _ = changed_project
    copy = tmp_path / "download"
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns(".git", "node_modules"))
    result = translations_tool(copy, "diff", "docs/da/choosing/index.md")
    assert "cannot be shown" in result.stdout and "not a git repository" in result.stdout
    assert "[-simple-]" not in result.stdout


def test_the_preview_shows_what_changed_in_the_outdated_notice(changed_project, tmp_path):
    """make serve LANG=da: the outdated page's notice and the status page show the words."""
    project, _ = changed_project
    with mkdocs_serve(project, tmp_path / "serve.log") as (server, get):
        assert wait_for(lambda: get("da/choosing/") is not None, seconds=120), (tmp_path / "serve.log").read_text()
        page = get("da/choosing/")
        assert 'data-pg-notice="outdated"' in page
        assert "<del>simple</del>" in page and "<ins>single</ins>" in page
        status = get("da/about/translation-status/")
        assert "<del>Peers</del>" in status and "<ins>Peer support workers</ins>" in status
        # The quality check is not run under serve (it takes seconds): the page says where it is.
        assert "make qa" in status


# --- the quality check --------------------------------------------------------------------------

@pytest.fixture
def planted(tmp_path):
    """A copy of docs/ with one mistake of each kind in Danish, and the line of each."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("assets"))
    lines = {}

    def plant(kind, path, old, new):
        file = project / path
        text = file.read_text(encoding="utf-8")
        assert text.count(old) == 1, (kind, old)
        file.write_text(text.replace(old, new), encoding="utf-8")
        # the line of the first line that differs
        changed = next(i for i, (a, b) in enumerate(zip(text.split("\n"), text.replace(old, new).split("\n")))
                       if a != b)
        lines[kind] = (path, changed + 1)

    plant("figures", "docs/da/countries/sweden.md", "marts 2016", "marts 2017")
    plant("markers", "docs/da/countries/norway.md", "<!-- countries:profile norway -->\n", "\n")
    plant("glossary", "docs/da/peer-support.md", "# Hvad er peer-støtte?", "# Hvad er kammeratstøtte?")
    plant("address", "docs/da/handouts.md", "# Uddelingsark og offlinekopi\n", "# Uddelingsark og offlinekopi\n\nDu kan printe dem.\n")
    plant("english", "docs/da/glossary.md", "# Ordliste\n", "# Ordliste\n\nThis list is written for the network.\n")
    plant("quotes", "docs/da/glossary.md", "Ordene for peer-støtte", 'Ordene for "peer-støtte"')
    return project, lines


def test_each_planted_mistake_is_flagged_at_its_file_and_line(planted):
    project, lines = planted
    findings = check_language(project, "da", LANGUAGES)
    for kind, (path, line) in lines.items():
        found = [finding for finding in findings if finding.kind == kind and finding.file == path]
        assert found, (kind, path, [str(f) for f in findings if f.file == path])
        if kind != "markers":  # a missing marker is named on the page's first line of text
            assert line in [finding.line for finding in found], (kind, line, [str(f) for f in found])


def test_a_planted_mistake_in_data_text_names_the_key(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("assets"))
    labels = project / "docs/da/data/labels.yml"
    text = labels.read_text(encoding="utf-8")
    planted = re.sub(r'(\nreport:\n  link: )"[^"\n]*"', r'\1"Meld en fejl på din side"', text)
    assert planted != text
    labels.write_text(planted, encoding="utf-8")
    found = [f for f in check_language(project, "da", LANGUAGES) if f.kind == "address" and f.key == "report.link"]
    assert found and found[0].file == "docs/da/data/labels.yml"


def test_figures_are_compared_as_values_in_each_language_s_notation():
    assert numbers("27,920 EUR and 2.2 million in 2015–2018, 80 %", ".", ",") == ["27920", "2.2", "2015", "2018", "80"]
    assert numbers("27 920 EUR og 2,2 mio. i 2015–2018, 80 %", ",", " ") == ["27920", "2.2", "2015", "2018", "80"]
    assert numbers("27.920 euro og 2,2 mio.", ",", ".") == ["27920", "2.2"]
    assert numbers("CC BY-NC-SA 3.0 IGO", ",", ".") == ["3"]


def test_running_text_leaves_out_code_links_and_english_quotations():
    prose = page_prose('---\ndescription: Om siden.\n---\n\n# Titel\n\nTekst [link](../x.md#y) og `kode`.\n\n'
                       '> An English quotation.\n> { lang="en" }\n\n*Intentional Peer Support*{lang=en} hjælper.\n')
    text = " ".join(item.text for item in prose)
    assert "Om siden." in text and "Tekst" in text and "hjælper" in text
    assert "../x.md" not in text and "kode" not in text and "quotation" not in text and "Intentional" not in text


def test_make_qa_strict_fails_on_findings_and_counts_them(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs/da/handouts.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nDu kan printe dem.\n", encoding="utf-8")
    result = translations_tool(project, "qa", "--lang", "da", "--strict")
    assert result.returncode == 1 and "[address]" in result.stdout
    assert "da Dansk" in result.stdout and "findings" in result.stdout
    quiet = translations_tool(project, "qa", "--lang", "da", "--kind", "markers")
    assert quiet.returncode == 0


def test_the_checks_take_seconds():
    import time

    start = time.monotonic()
    for lang in LANGUAGES[1:]:
        check_language(ROOT, lang, LANGUAGES)
    assert time.monotonic() - start < 30  # seconds, not minutes (make bench has no target for it)


def test_a_style_sheet_with_a_mistake_stops_the_build(tmp_path):
    from builtsite import build

    project = copy_project(tmp_path / "project")
    style = project / "docs/da/data/style.yml"
    style.write_text(style.read_text(encoding="utf-8").replace('decimal: ","', 'decimal: ";"'), encoding="utf-8")
    result = build(project, tmp_path / "site", only="da")
    assert result.returncode != 0
    assert "docs/da/data/style.yml:" in result.stdout + result.stderr and "decimal" in result.stdout + result.stderr


# --- report a mistake ------------------------------------------------------------------------------

def test_report_a_mistake_opens_an_issue_or_the_about_page():
    labels = {"report.issue_title": "Fejl på siden »{page}« ({language})",
              "report.issue_body": "Side: {url} – Sprog: {language}"}.__getitem__
    issue = report_link("https://github.com/org/guide/", "da/models/", "https://x.org/da/models/", "Modeller",
                        "Dansk", "da/", labels)
    query = parse_qs(urlsplit(issue).query)
    assert issue.startswith("https://github.com/org/guide/issues/new?")
    assert query == {"title": ["Fejl på siden »Modeller« (Dansk)"], "body": ["Side: https://x.org/da/models/ – Sprog: Dansk"]}
    assert report_link(None, "da/models/", None, "Modeller", "Dansk", "da/", labels) == "../about/#contact"
    assert report_link(None, "", None, "Home", "English", "", labels) == "about/#contact"


def test_every_page_has_the_report_link_in_its_language(site):
    from conftest import LANGUAGES as ALL

    for url in site.html_files():
        if url.endswith("404.html"):
            continue
        html = (site.root / url).read_text(encoding="utf-8")
        assert 'class="pg-report"' in html, url
        assert "#contact" in html.split('class="pg-report"')[1][:200], url
    from peerguide.catalog import load_catalog

    label = str(load_catalog(ROOT / "docs", ALL, "en")["da"].t("report.link"))
    assert label in (site.root / "da/models/index.html").read_text(encoding="utf-8")


def test_the_published_status_page_gives_the_quality_check_per_language(site):
    from peerguide.catalog import load_catalog

    english = load_catalog(ROOT / "docs", ["en"], "en")["en"]
    found, nothing = english.t("translations.qa"), english.t("translations.qa_none")
    html = (site.root / "about/translation-status/index.html").read_text(encoding="utf-8")
    for lang in ("da", "lt", "sv", "no", "et"):
        section = html.split(f'id="status-{lang}"')[1].split('id="status-')[0]
        # Either what it finds or that it finds nothing: never silent (the preview says why not).
        assert (found in section) != (nothing in section), lang


def test_the_translators_guide_explains_the_tools_in_every_language():
    for lang in LANGUAGES:
        path = ROOT / "docs" / ("" if lang == "en" else lang) / "about/translating.md"
        text = path.read_text(encoding="utf-8")
        for anchor in ("{#what-changed}", "{#qa}", "{#style}", "{#reports}"):
            assert anchor in text, (lang, anchor)
        assert "make qa" in text and "DIFF=1" in text and "style.yml" in text, lang
    assert os.path.exists(ROOT / "docs/da/data/style.yml")
