"""Build the whole site once (strict, all languages) and check the HTML it writes."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from builtsite import Site, build, copy_project, plain
from conftest import DOCS, LANGUAGES, ROOT
from peerguide.catalog import load_catalog
from peerguide.formatting import language_tag

DEFAULT = "en"


@pytest.fixture(scope="session")
def catalog():
    return load_catalog(DOCS, LANGUAGES, DEFAULT)


def english_pages() -> list[str]:
    """Output paths of the English pages: 'models/index.html', 'index.html', ..."""
    pages = []
    for md in sorted(DOCS.rglob("*.md")):
        rel = md.relative_to(DOCS)
        if rel.parts[0] in LANGUAGES:
            continue
        stem = rel.with_suffix("")
        pages.append("index.html" if stem.as_posix() == "index" else
                     (stem.parent / "index.html").as_posix() if stem.name == "index" else
                     (stem / "index.html").as_posix())
    return pages


def in_language(url: str, lang: str) -> str:
    return url if lang == DEFAULT else f"{lang}/{url}"


def test_every_page_exists_in_every_language_with_its_lang(site):
    pages = english_pages()
    assert len(pages) >= 22
    for lang in LANGUAGES:
        for url in pages:
            page = site.page(in_language(url, lang))
            assert page.lang == language_tag(lang), page.url


def test_each_language_has_its_own_404(site):
    assert site.page("404.html").lang == "en"
    for lang in LANGUAGES[1:]:
        assert site.page(f"{lang}/404.html").lang == language_tag(lang)


THEME_LANGUAGES = ROOT / "overrides" / "partials" / "languages"
LABEL_KEY = re.compile(r'^\s*"([a-z.]+)":', re.MULTILINE)


@pytest.mark.parametrize("override", sorted(p.name for p in THEME_LANGUAGES.glob("*.html")))
def test_theme_language_overrides_keep_every_key_of_materials_own(override):
    """An override replaces Material's file whole: a key it lacks would show nothing."""
    import material

    theme = Path(material.__file__).parent / "templates" / "partials" / "languages"
    own = (THEME_LANGUAGES / override).read_text()
    if override == "no.html":  # Bokmål under the site's own name: the labels of nb.html
        assert '"partials/languages/nb.html"' in own
        return
    assert set(LABEL_KEY.findall(own)) >= set(LABEL_KEY.findall((theme / override).read_text()))


def test_norwegian_landmarks_are_named_in_norwegian(site):
    html = (site.root / "no" / "index.html").read_text(encoding="utf-8")
    assert 'aria-label="Topptekst"' in html and 'aria-label="Header"' not in html


def test_lithuanian_footer_says_kitas_not_sekantis(site):
    # VLKK lists "sekantis" for "next" as an error (second Lithuanian review).
    text = site.page("lt/peer-support/index.html").text
    assert "Kitas" in text and "Sekantis" not in text


def test_translated_home_pages_are_not_english(site):
    english = site.page("index.html").text
    for lang in LANGUAGES[1:]:
        home = site.page(f"{lang}/index.html")
        assert home.text != english
        assert "Organising peer support" not in home.text, lang


def test_data_files_are_not_published(site):
    assert not list(site.root.rglob("*.yml"))


def test_models_table_shows_the_data(site, catalog):
    for lang in LANGUAGES:
        page = site.page(in_language("models/index.html", lang))
        data = catalog[lang]
        assert data.t("models.caption") in page.text
        for model in data.models.values():
            assert model.name in page.text
            for text in model.key_strengths + model.key_risks + model.examples_dk_2024:
                assert plain(text) in page.text, (lang, text)


def test_model_pages_show_every_opportunity_and_risk(site, catalog):
    for model_id, model in catalog["en"].models.items():
        page = site.page(f"models/{model_id}/index.html")
        for point in {**model.opportunities, **model.risks}.values():
            assert point.title in page.text and plain(point.text) in page.text


def test_countries_table_and_profiles_show_the_data(site, catalog):
    data = catalog["en"]
    overview = site.page("countries/index.html")
    for country_id, country in data.countries.items():
        assert country.name in overview.text and plain(country.organisation) in overview.text
        profile = site.page(f"countries/{country_id}/index.html")
        for partner in country.partners:
            assert data.partners[partner].name in profile.text
        for milestone in country.milestones.values():
            assert plain(milestone.text) in profile.text
    denmark = site.page("countries/denmark/index.html").text
    assert "40% of peer workers in the national trial" in denmark
    assert "240 paid peer workers in Denmark" in denmark


def test_network_page_shows_partners_projects_and_timeline(site, catalog):
    data = catalog["en"]
    page = site.page("network/index.html")
    for partner_id, partner in data.partners.items():
        assert partner.name in page.text and partner_id in page.ids
    for project_id, project in data.projects.items():
        assert project.title in page.text and project_id in page.ids
    assert "27,920 EUR" in page.text and "NPAD-2023/10021" in page.text
    assert "19 May 2026" in page.text and "30 April 2024" in page.text
    danish = site.page("da/network/index.html").text
    assert "27.920 EUR" in danish and "30. april 2024" in danish


def test_glossary_shows_each_languages_term_and_marks_unconfirmed_ones(site, catalog):
    page = site.page("glossary/index.html")
    for lang, terms in catalog["en"].terms.items():
        for entry in terms.values():
            if entry.term:
                assert entry.term in page.text, (lang, entry.term)
    unconfirmed = next(entry.term for entry in catalog["en"].terms["lt"].values() if entry.status == "unconfirmed")
    assert f"{unconfirmed} unconfirmed" in page.text


def test_references_list_every_reference_with_its_doi(site, catalog):
    page = site.page("references/index.html")
    for ref_id, ref in catalog["en"].references.items():
        assert ref_id in page.ids
        if ref.doi:
            assert ref.doi in page.text


def test_checklist_lists_every_item(site, catalog):
    page = site.page("checklist/index.html")
    for item_id, item in catalog["en"].checklist.items.items():
        assert f"item-{item_id}" in page.ids and plain(item.text) in page.text


def test_site_name_and_copyright_come_from_the_labels(site, catalog):
    for lang in LANGUAGES:
        text = site.page(in_language("index.html", lang)).text
        assert catalog[lang].t("site.name") in text
        assert catalog[lang].t("site.copyright") in text


def test_no_asset_comes_from_another_host(site, server):
    site_host = urlsplit(server.base_url).netloc
    foreign = []
    for url in site.html_files():
        for asset in site.page(url).assets:
            host = urlsplit(asset).netloc
            if host and host != site_host:
                foreign.append((url, asset))
    for css in site.root.rglob("*.css"):
        for match in re.finditer(r"url\(\s*['\"]?(https?:)?//([^/'\")]+)", css.read_text(encoding="utf-8")):
            if match.group(2) != site_host:
                foreign.append((css.name, match.group(0)))
    assert foreign == []


def test_no_page_holds_live_markup_as_a_browser_parses_it(site):
    """Every page of every language, parsed whole by the policy's HTML5 parser: no handler,
    no script link, nothing loaded from another host, no id twice, no theme component in
    the content (the judge of test_hostile_input.py, on the real site)."""
    from test_hostile_input import live_markup_in

    assert live_markup_in(site.root) == []


def test_header_rows_hold_only_header_cells(site):
    """Every cell of a table has a header (Lighthouse's and axe's td-has-header): a table's
    header row has no td, such as the models table's corner cell once was (issue 11)."""
    found = []
    for url in site.html_files():
        html = (site.root / url).read_text(encoding="utf-8")
        for head in re.findall(r"<thead\b.*?</thead>", html, flags=re.S):
            if re.search(r"<td\b", head):
                found.append(url)
    assert found == []


def test_the_checklist_and_chooser_scripts_load_only_where_they_are_used(site):
    """A phone reading any other page does not download them (issue 11)."""
    scripts = ("checklist-store.js", "checklist.js", "chooser.js")
    loaded: dict[str, set[str]] = {}
    for url in site.html_files():
        page = site.page(url)
        for asset in page.assets:
            name = asset.rsplit("/", 1)[-1]
            if name in scripts:
                assert (site.root / posixpath.dirname(url) / asset).resolve().is_file(), (url, asset)
                loaded.setdefault(name, set()).add(url)
    prefixes = [""] + [f"{lang}/" for lang in LANGUAGES if lang != "en"]
    checklist = {p + "checklist/index.html" for p in prefixes}
    chooser = {p + page for p in prefixes for page in ("choosing/index.html", "choosing/chooser/index.html")}
    assert loaded == {"checklist-store.js": checklist | chooser, "checklist.js": checklist, "chooser.js": chooser}


def _target(site: Site, page_url: str, href: str) -> tuple[str, str]:
    parts = urlsplit(href)
    path = unquote(parts.path)
    if not path:
        return page_url, parts.fragment
    # Absolute paths start at the site root (SITE_URL has the path "/").
    base = "" if path.startswith("/") else posixpath.dirname(page_url)
    target = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
    if path.endswith("/") or (site.root / target).is_dir():
        target = posixpath.join(target, "index.html")
    return target, parts.fragment


def test_every_internal_link_and_anchor_resolves(site):
    broken = []
    for url in site.html_files():
        for href in site.page(url).links:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
                continue
            target, fragment = _target(site, url, href)
            if not (site.root / target).is_file():
                broken.append((url, href))
            elif fragment and target.endswith(".html") and fragment not in site.page(target).ids:
                broken.append((url, href))
    assert broken == []


def test_no_personal_contact_details_are_published(site):
    email = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
    phone = re.compile(r"\b0\d{1,2}[- ]\d{2,3}[ ]?\d{2}[ ]?\d{2}\b")
    for url in site.html_files():
        page = site.page(url)
        assert not [link for link in page.links if link.startswith("mailto:")], url
        assert not email.search(page.text), url
        assert not phone.search(page.text), url


def test_broken_data_stops_the_build_with_file_line_and_field(tmp_path):
    project = copy_project(tmp_path / "project")
    countries = project / "docs/data/countries.yml"
    text = countries.read_text(encoding="utf-8")
    countries.write_text(text.replace("  partners: [zelda]\n", "  partners: [zelda, kbt]\n"), encoding="utf-8")
    line = text[: text.index("  partners: [zelda]\n")].count("\n") + 1
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"docs/data/countries.yml:{line}: latvia.partners[1]: unknown id 'kbt'" in result.stdout + result.stderr


def test_unknown_marker_stops_the_build_with_page_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs/glossary.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- glossary:tabel -->\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    line = page.read_text(encoding="utf-8").splitlines().index("<!-- glossary:tabel -->") + 1
    assert f"docs/glossary.md:{line}: marker 'glossary:tabel': unknown marker" in output


def test_links_from_the_data_are_checked_with_their_file_line_and_field(tmp_path):
    project = copy_project(tmp_path / "project")
    checklist = project / "docs/data/checklist.yml"
    text = checklist.read_text(encoding="utf-8")
    missing_line = text[: text.index("    link: /models/independent.md\n")].count("\n") + 1
    anchor_line = text[: text.index("    link: /countries/sweden.md\n")].count("\n") + 1
    text = text.replace("    link: /models/independent.md\n", "    link: /models/dependent.md\n")
    checklist.write_text(text, encoding="utf-8")
    result = build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    # A page that does not exist: found when the data is read.
    assert (f"docs/data/checklist.yml:{missing_line}: items.agreements.link: link to '/models/dependent.md': "
            "there is no such page (docs/models/dependent.md)") in output
    # An anchor that does not exist: found once the pages are built, named with the data's line.
    checklist.write_text(text.replace("    link: /models/dependent.md\n", "    link: /models/independent.md\n").replace(
        "    link: /countries/sweden.md\n", "    link: /countries/sweden.md#no-such-anchor\n"), encoding="utf-8")
    result = build(project, tmp_path / "site", only="da")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "the doc 'countries/sweden.md' does not contain an anchor '#no-such-anchor'" in output
    assert f"(written in docs/data/checklist.yml:{anchor_line}: items.training-and-supervision.link)" in output


def test_every_page_has_absolute_hreflang_alternates_and_an_x_default(site, server):
    for url in site.html_files():
        if url.endswith("404.html"):
            continue
        alternates = dict(site.page(url).alternates)
        assert set(alternates) == {*LANGUAGES, "x-default"}, url
        assert all(href.startswith(server.base_url) for href in alternates.values()), url
        assert alternates["x-default"] == alternates["en"]


def test_sitemap_lists_every_page_with_its_alternates(site, server):
    sitemap = (site.root / "sitemap.xml").read_text(encoding="utf-8")
    pages = [url for url in site.html_files() if not url.endswith("404.html")]
    assert sitemap.count("<loc>") == len(pages)
    assert sitemap.count('<xhtml:link rel="alternate"') == len(pages) * len(LANGUAGES)
    assert f"<loc>{server.base_url}da/checklist/</loc>" in sitemap


def test_no_attribute_holds_markup(site):
    """Text in attributes is plain: a `<` or a language span there means a template
    printed marked-up text where only `| plain` text belongs."""
    from html.parser import HTMLParser

    bad = []

    class Attributes(HTMLParser):
        def handle_starttag(self, tag, attrs):
            for name, value in attrs:
                if value and ("<" in value or 'lang="' in value):
                    bad.append((tag, name, value[:80]))

    for url in site.html_files():
        Attributes().feed((site.root / url).read_text(encoding="utf-8"))
    assert bad == []


def test_search_indexes_each_language_apart_and_only_translated_pages(site):
    import json

    entry = json.loads((site.root / "pagefind/pagefind-entry.json").read_text(encoding="utf-8"))
    languages = entry["languages"]
    assert set(languages) == {language_tag(lang) for lang in LANGUAGES}
    assert languages["en"]["page_count"] == len(english_pages())
    for lang in LANGUAGES[1:]:
        translated = len(list((DOCS / lang).rglob("*.md")))
        assert languages[language_tag(lang)]["page_count"] == translated, lang
    # Pagefind's ready-made interfaces are not shipped: the guide has its own dialog.
    assert not (site.root / "pagefind/pagefind-ui.js").exists()


def _translated_norway(project, change) -> tuple:
    english = (project / "docs/countries/norway.md").read_text(encoding="utf-8")
    page = project / "docs/da/countries/norway.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(change(english.replace("# Norway", "# Norge")), encoding="utf-8")
    return page


def test_a_broken_marker_in_a_translated_page_stops_the_build_with_file_and_line(tmp_path):
    project = copy_project(tmp_path / "project")
    page = _translated_norway(project, lambda text: text.replace(
        "<!-- countries:profile norway -->", "<!-- countries:profile norge -->"))
    line = page.read_text(encoding="utf-8").splitlines().index("<!-- countries:profile norge -->") + 1
    result = build(project, tmp_path / "site", only="da")
    assert result.returncode != 0
    expected = f"docs/da/countries/norway.md:{line}: marker 'countries:profile': unknown countries id 'norge'"
    assert expected in result.stdout + result.stderr


def test_a_broken_link_in_a_translated_page_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    _translated_norway(project, lambda text: text + "\nSe [referencerne](../references.md#gillard-2031).\n")
    result = build(project, tmp_path / "site", only="da")
    assert result.returncode != 0
    assert "'da/countries/norway.md'" in result.stdout + result.stderr or "da/countries/norway.md" in result.stdout + result.stderr
    assert "'#gillard-2031'" in result.stdout + result.stderr


# --- every language complete -------------------------------------------------------------

@pytest.fixture(scope="session")
def statuses(catalog):
    from peerguide.progress import project_status

    return project_status(DOCS, LANGUAGES, DEFAULT, catalog[DEFAULT])


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_every_page_and_text_is_translated_and_up_to_date(statuses, lang):
    status = statuses[lang]
    left = [(item.file, item.key, item.state) for item in status.items if item.state != "translated"]
    assert left == []
    assert status.total("page") == len(english_pages())


def _table(html_page_path, table_id: str) -> str:
    html = html_page_path.read_text(encoding="utf-8")
    start = html.index(f'id="{table_id}-caption"')
    return html[start: html.index("</table>", start)]


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_tables_and_checklist_are_in_the_pages_language(site, catalog, lang):
    data = catalog[lang]
    models = _table(site.root / lang / "models/index.html", "models-comparison")
    countries = _table(site.root / lang / "countries/index.html", "countries-comparison")
    checklist = (site.root / lang / "checklist/index.html").read_text(encoding="utf-8")
    for model_id, model in data.models.items():
        assert model.name in models and model.name != catalog["en"].models[model_id].name
    for country in data.countries.values():
        assert country.name in countries
    for item in data.checklist.items.values():
        assert plain(item.text).split("[")[0][:30] in re.sub(r"<[^>]+>", "", checklist)
    # Nothing in them is English shown for want of a translation (fallback.EnglishText's span;
    # a name the translator marks as English is `<em lang="en">`).
    for html in (models, countries, checklist.split('class="pg-checklist__items"', 1)[1]):
        assert '<span lang="en">' not in html


@pytest.mark.parametrize("lang", LANGUAGES[1:])
def test_no_translation_notice_appears(site, lang):
    noticed = [url for url in site.html_files() if url.startswith(f"{lang}/")
               and "pg-notice" in (site.root / url).read_text(encoding="utf-8")]
    assert noticed == []


def test_no_unmarked_english_on_translated_pages(site):
    """Sentences that read as English on another language's page must carry lang="en"."""
    from html.parser import HTMLParser

    english_words = {"the", "and", "which", "that", "with", "this", "of", "to", "for", "is", "are", "in", "on"}
    void = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
    skipped = {"script", "style", "code", "pre", "title"}

    class Language(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.stack: list[tuple[str, str | None]] = []
            self.found: list[str] = []

        def handle_starttag(self, tag, attrs):
            if tag not in void:
                inherited = self.stack[-1][1] if self.stack else None
                self.stack.append((tag, dict(attrs).get("lang", inherited)))

        def handle_endtag(self, tag):
            while self.stack and self.stack.pop()[0] != tag:
                pass

        def handle_data(self, data):
            if not self.stack or any(tag in skipped for tag, _ in self.stack):
                return
            lang = self.stack[-1][1] or ""
            words = re.findall(r"[A-Za-z]+", data.lower())
            if not lang.startswith("en") and len(words) >= 5 and len({w for w in words if w in english_words}) >= 3:
                self.found.append(data.strip()[:100])

    found = []
    for lang in LANGUAGES[1:]:
        for url in site.html_files():
            if url.startswith(f"{lang}/"):
                parser = Language()
                parser.feed((site.root / url).read_text(encoding="utf-8"))
                found += [f"{url}: {text}" for text in parser.found]
    assert found == []


def test_whole_folder_checks_run_once_per_run_in_its_first_language():
    # static-i18n builds the other languages from its on_post_build, its `building` flag set:
    # the checks of docs/ (symlinks, stray files, encodings) and the data's signature run
    # only in the build before those.
    from types import SimpleNamespace

    from peerguide.site import first_build_of_run

    def config(plugins):
        return SimpleNamespace(plugins=plugins)

    assert first_build_of_run(config({}))
    assert first_build_of_run(config({"i18n": SimpleNamespace(building=False)}))
    assert not first_build_of_run(config({"i18n": SimpleNamespace(building=True)}))
