"""The PDF handouts and the offline copy, as `make build` makes them (see the `cache`
fixture in conftest.py): every handout of every language, read back with pypdf."""

from __future__ import annotations

import json
import re
import zipfile

import pytest
from builtsite import plain
from conftest import DOCS, LANGUAGES
from peerguide.catalog import load_catalog
from peerguide.formatting import language_tag, plural
from peerguide.handouts import built_path
from pypdf import PdfReader

A4 = (595.28, 841.89)


@pytest.fixture(scope="session")
def catalog():
    return load_catalog(DOCS, LANGUAGES, "en")


@pytest.fixture(scope="session")
def manifest(cache):
    return json.loads((cache / "handouts" / "manifest.json").read_text(encoding="utf-8"))


def words(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def pdf(site, lang: str, handout: str) -> PdfReader:
    return PdfReader(site.root / "handouts" / f"{handout}-{lang}.pdf")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_handout_is_a4_numbered_and_in_its_language(site, catalog, manifest, lang):
    data = catalog[lang]
    for handout_id, handout in data.handouts.items():
        reader = pdf(site, lang, handout_id)
        entry = next(e for e in manifest["handouts"] if e["file"] == f"{handout_id}-{lang}.pdf")
        assert len(reader.pages) == entry["pages"] > 1
        for page in reader.pages:
            assert (round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)) == (595.3, 841.9)
        second = words(reader.pages[1].extract_text())
        number = str(data.t("handouts.page_of")).replace("{page}", "2").replace("{pages}", str(len(reader.pages)))
        assert number in second, (handout_id, second[:200])
        title_page = words(reader.pages[0].extract_text())
        assert plain(handout.title) in title_page and str(data.t(f"language.{lang}")) in title_page
        assert reader.metadata.title.startswith(plain(handout.title))
        assert reader.metadata.author == str(data.t("handouts.author"))
        assert reader.trailer["/Root"]["/Lang"] == language_tag(lang)
        text = words(" ".join(page.extract_text() for page in reader.pages))
        if handout_id in ("models", "guide"):
            for model in data.models.values():
                assert plain(model.name) in text, (handout_id, model.name)
        if handout_id in ("checklist", "guide"):
            for item in data.checklist.items.values():
                assert plain(item.text)[:40] in text, (handout_id, item.text)
        if handout_id in ("network", "guide"):
            for country in data.countries.values():
                assert plain(country.name) in text


def test_fonts_are_embedded_in_every_handout(site):
    unembedded = []
    for path in sorted((site.root / "handouts").glob("*.pdf")):
        reader = PdfReader(path)
        for page in reader.pages:
            fonts = page["/Resources"].get("/Font", {})
            for name, font in fonts.items():
                font = font.get_object()
                descendants = font.get("/DescendantFonts")
                descriptor = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
                descriptor = descriptor.get_object() if descriptor else {}
                if not any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")):
                    unembedded.append((path.name, name))
    assert unembedded == []


def test_handouts_are_tagged_with_clickable_contents_and_link_addresses(site):
    reader = pdf(site, "da", "guide")
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root
    internal, external = 0, 0
    for page in reader.pages:
        for annotation in page.get("/Annots", []) or []:
            annotation = annotation.get_object()
            action = annotation.get("/A", {})
            if "/Dest" in annotation or action.get("/S") == "/GoTo":
                internal += 1
            elif action.get("/S") == "/URI":
                external += 1
    assert internal >= 20 and external >= 10  # the contents, the citations; the websites
    text = words(" ".join(page.extract_text() for page in reader.pages))
    assert "(https://www.nsph.se/)" in text or "(https://www.nsph.se/projekt/peersupport)" in text


def test_a_handout_cites_its_sources(site, catalog):
    text = words(" ".join(page.extract_text() for page in pdf(site, "sv", "models").pages))
    assert str(catalog["sv"].t("handouts.sources")) in text
    assert "10.1186/1472-6963-13-188" in text  # Gillard et al. 2013, cited on the models pages
    assert catalog["sv"].t("site.copyright")[:40] in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_handout_is_linked_from_the_site(site, catalog, lang):
    prefix = "" if lang == "en" else f"{lang}/"
    listing = site.page(f"{prefix}handouts/index.html")
    files = {link.rsplit("/", 1)[-1] for link in listing.links if link.endswith(".pdf")}
    assert files == {f"{handout}-{lang}.pdf" for handout in catalog[lang].handouts}
    assert plural(catalog[lang].t("handouts.pages"), 2, lang).split(" ")[-1] in listing.text
    for handout_id, handout in catalog["en"].handouts.items():
        for page in handout.linked_from:
            html = site.page(prefix + built_path(page.lstrip("/")))
            assert any(link.endswith(f"handouts/{handout_id}-{lang}.pdf") for link in html.links), (page, lang)


def test_the_offline_copy_is_linked_with_its_size(site):
    listing = site.page("da/handouts/index.html")
    zips = [link for link in listing.links if link.endswith("-offline.zip")]
    assert zips == ["../../downloads/organising-peer-support-offline.zip"]
    assert re.search(r"ZIP, \d+(,\d)? MB", listing.text)
    with zipfile.ZipFile(site.root / "downloads" / "organising-peer-support-offline.zip") as archive:
        names = set(archive.namelist())
    assert "organising-peer-support/index.html" in names and "organising-peer-support/da/checklist.html" in names
    assert "organising-peer-support/handouts/checklist-lt.pdf" in names
    assert not [name for name in names if name.endswith(".zip") or "/pagefind/" in name]


def test_the_network_map_is_drawn_in_its_handout(site, catalog):
    """WeasyPrint draws inline SVG only when it reaches it as <svg>: were the map written as
    HTML it does not know, its hidden title and description would be printed as text."""
    for lang in ("en", "lt"):
        text = words(" ".join(page.extract_text() for page in pdf(site, lang, "network").pages))
        assert plain(str(catalog[lang].t("map.description")))[:50] not in text
        assert plain(str(catalog[lang].t("map.legend"))) in text


def test_inline_svg_keeps_its_plain_element_names():
    from peerguide.handouts import _html, article

    page = ('<article class="md-content__inner md-typeset"><svg viewBox="0 0 1 1" '
            'xmlns="http://www.w3.org/2000/svg"><title>t</title><a href="#x"><path d="M0 0"/></a></svg></article>')
    html = _html(article(page))
    assert html.startswith('<svg viewBox="0 0 1 1">') and "ns0" not in html and "<path " in html


LOCAL_ADDRESSES = ("127.0.0.1", "localhost", "://10.", "://192.168.")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_handout_prints_a_local_address_and_each_names_its_licence_and_edition(site, catalog, lang):
    """`make build` with the default SITE_URL (http://127.0.0.1:8000/): no handout shows that
    address, links to pages outside a handout name the page in words instead, the title
    page names the licence of the guide's own text and an edition date, not a git hash."""
    data = catalog[lang]
    for handout_id in data.handouts:
        reader = pdf(site, lang, handout_id)
        text = words(" ".join(page.extract_text() for page in reader.pages))
        assert not [address for address in LOCAL_ADDRESSES if address in text], handout_id
        for page in reader.pages:
            for annotation in page.get("/Annots", []) or []:
                uri = annotation.get_object().get("/A", {}).get("/URI", "")
                assert not any(address in uri for address in LOCAL_ADDRESSES), (handout_id, uri)
        title_page = words(reader.pages[0].extract_text())
        assert "CC BY 4.0" in title_page, handout_id
        assert str(data.t("handouts.version")) in title_page and not re.search(r"\b[0-9a-f]{7,}\b", title_page)
    models = words(" ".join(page.extract_text() for page in pdf(site, lang, "models").pages))
    place = str(data.t("handouts.in_guide")).split("{place}")[0].strip()
    assert place in models, place  # "see “Choosing a model › Purpose” in the guide"
