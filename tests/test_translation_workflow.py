"""The translator's workflow end to end, in a copy of the project: `make translations`,
`make translated`, the notices on the built pages, and the one-language preview."""

from __future__ import annotations

import os
import re
import subprocess

import yaml

from builtsite import ROOT, TRANSLATIONS, HtmlPage, build, copy_project, translations_tool


def section(report: str, lang: str, title: str) -> list[str]:
    """The entries listed under `title` (e.g. 'outdated pages') for `lang` in the status report."""
    match = re.search(rf"\n{lang} [^\n]*: what is left\n(.*?)(?=\n\S|\Z)", report, re.S)
    if not match:
        return []
    lines = match.group(1).splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip().startswith(title)), None)
    if start is None:
        return []
    entries = []
    for line in lines[start + 1:]:
        if not line.startswith("    "):
            break
        entries.append(line.strip())
    return entries


def set_text(path, keys: list[str], value: str) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    data = data or {}
    node = data
    for key in keys[:-1]:
        node = node.setdefault(key, {})
    node[keys[-1]] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def has_text(path, keys: list[str]) -> bool:
    if not path.exists():
        return False
    node = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for key in keys:
        if not isinstance(node, dict) or key not in node:
            return False
        node = node[key]
    return True


def test_changed_english_is_reported_outdated_then_marked_translated(tmp_path):
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    # A Swedish translation of one page and one data text, and every language's current
    # translations recorded as made from the current English.
    # (The English page with a Swedish title: it keeps the anchors other pages link to.)
    english_page = (docs / "peer-support.md").read_text(encoding="utf-8")
    (docs / "sv/peer-support.md").write_text(english_page.replace("# What peer support is", "# Vad peer support är"))
    set_text(docs / "sv/data/models.yml", ["integrated", "summary"], "Peer supportrar anställs i ett team.")
    for lang in TRANSLATIONS:
        assert translations_tool(project, "mark", f"docs/{lang}/").returncode == 0
    report = translations_tool(project, "status").stdout
    assert "docs/sv/peer-support.md" not in report
    assert "integrated.summary" not in section(report, "sv", "outdated data texts")

    # The English page and the English text change.
    page = docs / "peer-support.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA new English paragraph.\n", encoding="utf-8")
    models = docs / "data/models.yml"
    models.write_text(models.read_text(encoding="utf-8").replace(
        "    Peers are employed as members of a professional team and managed in the organisation's own\n",
        "    Peers are employed as full members of a professional team and managed in the organisation's own\n",
    ), encoding="utf-8")

    result = translations_tool(project, "status", "--strict")
    assert result.returncode == 1
    translated_page = [lang for lang in TRANSLATIONS if (docs / lang / "peer-support.md").exists()]
    translated_text = [lang for lang in TRANSLATIONS if has_text(docs / lang / "data/models.yml", ["integrated", "summary"])]
    assert "sv" in translated_page and "sv" in translated_text
    for lang in translated_page:
        assert f"docs/{lang}/peer-support.md" in section(result.stdout, lang, "outdated pages"), lang
    for lang in translated_text:
        assert "integrated.summary" in section(result.stdout, lang, "outdated data texts"), lang

    # The reader of the outdated Swedish page is told, and led to the English page.
    site = tmp_path / "site"
    assert build(project, site, only="sv").returncode == 0
    swedish = (site / "sv/peer-support/index.html").read_text(encoding="utf-8")
    notice = re.search(r'<div class="admonition info pg-notice".*?</div>', swedish, re.S).group(0)
    assert 'href="../../peer-support/" hreflang="en"' in notice
    assert "data-pagefind-ignore" in notice

    # `make translated` clears the outdated state, page and text.
    assert translations_tool(project, "mark", "docs/sv/peer-support.md").returncode == 0
    assert translations_tool(project, "mark", "docs/sv/data/models.yml", "--key", "integrated.summary").returncode == 0
    report = translations_tool(project, "status", "--lang", "sv").stdout
    assert "docs/sv/peer-support.md" not in section(report, "sv", "outdated pages")
    assert "integrated.summary" not in section(report, "sv", "outdated data texts")


def test_a_deleted_translation_is_missing_and_its_page_says_so_in_english(tmp_path):
    project = copy_project(tmp_path / "project")
    docs = project / "docs"
    english_page = (docs / "checklist.md").read_text(encoding="utf-8")
    (docs / "sv/checklist.md").write_text(english_page.replace("# Decisions checklist", "# Checklista"))
    assert translations_tool(project, "mark", "docs/sv/checklist.md").returncode == 0
    (docs / "sv/checklist.md").unlink()
    report = translations_tool(project, "status", "--lang", "sv").stdout
    assert "docs/sv/checklist.md" in section(report, "sv", "missing pages")

    site = tmp_path / "site"
    result = build(project, site, only="sv")
    assert result.returncode == 0, result.stderr
    html = (site / "sv/checklist/index.html").read_text(encoding="utf-8")
    notice, _, rest = html.partition('<div lang="en">')
    assert 'class="admonition info pg-notice"' in notice
    assert 'href="../about/translating/"' in notice  # the Swedish (or fallback) translators' guide
    assert "<h1" in rest.split("</article>")[0]  # the English content, title included, is marked English
    assert HtmlPage(site / "sv/checklist/index.html", "sv/checklist/index.html").lang == "sv"
    # The page's title in the menu is English too, and marked so.
    assert re.search(r'<span class="md-ellipsis" lang="en">\s*Decisions checklist\s*</span>', html)


def test_the_status_page_shows_every_language_with_progress_bars(tmp_path):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    assert build(project, site, only="da").returncode == 0
    page = (site / "about/translation-status/index.html").read_text(encoding="utf-8")
    assert page.count("<progress") == 2 * 1  # English and Danish built: one row, pages and texts
    assert 'aria-labelledby="tr-da tr-page"' in page and 'aria-labelledby="tr-da tr-data"' in page


def test_preview_builds_english_and_one_language(tmp_path):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    assert build(project, site, only="et").returncode == 0
    assert (site / "et/models/index.html").exists() and (site / "models/index.html").exists()
    assert not (site / "da").exists() and not (site / "lt").exists()


def test_make_serve_lang_selects_the_language_only_from_the_command_line():
    def dry_run(*args, lang_env=None):
        env = {**os.environ}
        if lang_env:
            env["LANG"] = lang_env
        return subprocess.run(["make", "-n", "serve", *args], cwd=ROOT, env=env, capture_output=True, text=True)

    preview = dry_run("LANG=da").stdout
    assert "PEERGUIDE_BUILD_LT=false" in preview and "PEERGUIDE_BUILD_DA" not in preview
    assert "PEERGUIDE_BUILD" not in dry_run(lang_env="C.UTF-8").stdout  # the shell's locale is not a choice
    wrong = dry_run("LANG=fr")
    assert wrong.returncode != 0 and "LANG=fr is not one of the site's translations" in wrong.stderr


def test_make_translated_refuses_what_is_not_a_translation(tmp_path):
    project = copy_project(tmp_path / "project")
    english = translations_tool(project, "mark", "docs/models/index.md")
    assert english.returncode != 0 and "not a translation" in english.stderr
    unknown = translations_tool(project, "mark", "docs/da/data/labels.yml", "--key", "site.nmae")
    assert unknown.returncode != 0 and "no text with the key 'site.nmae'" in unknown.stderr
