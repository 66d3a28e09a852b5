"""Rendering markers with the real templates, in English and in Danish."""

from __future__ import annotations

import jinja2
import pytest

from conftest import DOCS, LANGUAGES, ROOT
from peerguide.catalog import load_catalog
from peerguide.links import anchor_ids, rewrite_links
from peerguide.manifest import Manifest
from peerguide.markers import Marker, MarkerError
from peerguide.progress import project_status
from peerguide.render import _NONCE, Islands, Renderer, environment, inline_markdown, is_placeholder
from peerguide.views import VIEWS


@pytest.fixture
def renderer(data_copy):
    catalog = load_catalog(data_copy.docs, ["en", "da"], "en", root=data_copy.root)
    translations = project_status(DOCS, LANGUAGES, "en", catalog["en"], languages=["da"])
    extras = {"translations": translations, "handouts": Manifest(), "project": ROOT, "qa": None, "changes": None,
              "public": False, "licence": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}}
    return Renderer(environment(jinja2.FileSystemLoader(ROOT / "overrides")), catalog, extras)


def render(renderer, name, *args, lang="en") -> tuple[str, Islands]:
    islands = Islands()
    return renderer.render(Marker(name, tuple(args), 1), lang, islands), islands


def rendered_html(renderer, name, *args, lang="en") -> str:
    """The marker's output as it reaches the page: Markdown with the blocks put back."""
    markdown, islands = render(renderer, name, *args, lang=lang)
    return islands.restore(markdown)


def test_every_view_renders_in_every_loaded_language(renderer):
    for name, view in VIEWS.items():
        args = [next(iter(getattr(renderer.catalog["en"], kind))) for kind in view.args]
        for lang in ("en", "da"):
            markdown, islands = render(renderer, name, *args, lang=lang)
            assert islands.blocks, name
            assert all(f"<!-- peerguide-island {_NONCE}:{i} -->" in markdown for i in range(len(islands.blocks)))


def test_models_comparison_holds_what_the_yaml_says(renderer):
    html = rendered_html(renderer, "models:comparison")
    data = renderer.catalog["en"]
    for model_id, model in data.models.items():
        assert f'<a href="/models/{model_id}.md">{model.name}</a>' in html
        for text in model.key_strengths + model.key_risks + model.examples_dk_2024:
            assert f"<li>{text}</li>" in html
    # A header for each model, and the first column's ("Criterion"): no cell without a header.
    assert html.count('role="columnheader"') == len(data.models) + 1
    assert 'scope="col" class="pg-compare__corner"><span class="pg-visually-hidden">Criterion</span></th>' in html


def test_model_detail_headings_are_markdown_for_the_table_of_contents(renderer):
    markdown, _ = render(renderer, "models:detail", "integrated")
    model = renderer.catalog["en"].models["integrated"]
    assert "## Opportunities {: #integrated-opportunities }" in markdown
    for point_id, point in model.risks.items():
        assert f"### {point.title} {{: #integrated-risk-{point_id} }}" in markdown
    html = rendered_html(renderer, "models:detail", "integrated")
    assert '<a href="/references.md#solomon-2004">Solomon, 2004</a>' in html


def test_country_profile_sorts_milestones_and_formats_figures(renderer):
    html = rendered_html(renderer, "countries:profile", "denmark")
    dates = [html.index(f'datetime="{date}"') for date in ("2015", "2017", "2018", "2024")]
    assert dates == sorted(dates)
    assert "40%" in html and "240" in html
    assert "40\xa0%" in rendered_html(renderer, "countries:profile", "denmark", lang="da")


def test_inline_markdown_never_makes_a_live_link_or_image_even_unvalidated():
    assert inline_markdown("[a](javascript:alert(1))") == '<a href="">a</a>'
    assert inline_markdown("[a](JAVASCRIPT:alert(1))") == '<a href="">a</a>'
    assert inline_markdown("![x](https://tracker.example/p.png)") == ""
    assert inline_markdown("[a](https://nsph.se/) [b](/x.md)") == '<a href="https://nsph.se/">a</a> <a href="/x.md">b</a>'


def test_inline_markdown_is_rendered_and_html_is_escaped():
    assert inline_markdown("*Žvelk giliau* & [a](/b.md)") == '<em>Žvelk giliau</em> &amp; <a href="/b.md">a</a>'
    assert inline_markdown("a <script>x</script>") == "a &lt;script&gt;x&lt;/script&gt;"


def test_text_is_escaped_not_injected(renderer):
    # Validation refuses tags; escaping in the templates is the second line of defence.
    data = renderer.catalog["en"]
    model = data.models["integrated"]
    renderer.catalog["en"] = type(data)(**{**data.__dict__, "models": {
        **data.models, "integrated": model.model_copy(update={"short_name": 'Team "A" & <B>'})
    }})
    html = rendered_html(renderer, "models:comparison")
    assert 'data-label="Team &#34;A&#34; &amp; &lt;B&gt;"' in html
    assert "<B>" not in html


def test_labels_render_in_the_page_language(renderer):
    assert renderer.catalog["da"].t("models.caption") in rendered_html(renderer, "models:comparison", lang="da")


def test_links_are_resolved_per_page_and_ids_collected():
    block = '<p id="x"><a href="/models/integrated.md#integrated-risks">a</a> <a href="https://e.org/a.md">b</a></p>'
    seen = []

    def resolve(path, anchor):
        seen.append((path, anchor))
        return "../integrated/#" + anchor

    assert rewrite_links(block, resolve) == (
        '<p id="x"><a href="../integrated/#integrated-risks">a</a> <a href="https://e.org/a.md">b</a></p>'
    )
    assert seen == [("/models/integrated.md", "integrated-risks")]
    assert anchor_ids(block) == {"x"}


def test_a_lost_block_is_an_error():
    islands = Islands()
    first = islands.add("<p>a</p>")
    islands.add("<p>b</p>")
    with pytest.raises(ValueError, match=r"lost .*\[1\]"):
        islands.restore(first)


def test_a_placeholder_a_page_writes_is_no_placeholder():
    """Only this run's placeholders hold its secret: a page's own comment is never one."""
    written = Islands().add("<p>a</p>").strip()
    assert is_placeholder(written.removeprefix("<!--").removesuffix("-->"))
    assert not is_placeholder(" peerguide-island 0 ")
    assert not is_placeholder(f" peerguide-island {'0' * 16}:0 ")


@pytest.mark.parametrize(
    "marker, message",
    [
        (Marker("models:comparisn", (), 7), "line 7: marker 'models:comparisn': unknown marker"),
        (Marker("models:detail", (), 3), "expects <models id>, got none"),
        (Marker("countries:profile", ("danmark",), 4), "unknown countries id 'danmark'"),
        (Marker("models:comparison", ("extra",), 5), "expects no arguments, got extra"),
    ],
)
def test_bad_markers_are_errors_with_their_line(renderer, marker, message):
    with pytest.raises(MarkerError, match=message.replace("(", r"\(").replace(")", r"\)")):
        renderer.render(marker, "en", Islands())


# --- English shown on another language's page --------------------------------------------

def _attribute_values(html: str) -> list[str]:
    from html.parser import HTMLParser

    values: list[str] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):
            values.extend(value for _, value in attrs if value)

    Collect().feed(html)
    return values


def test_untranslated_data_text_is_marked_english(data_copy):
    # Danish translates one model's name only: everything else it shows is English.
    data_copy.write("da/data/models.yml", "integrated:\n  name: Integreret i teams\n")
    catalog = load_catalog(data_copy.docs, ["en", "da"], "en", root=data_copy.root)
    renderer = Renderer(environment(jinja2.FileSystemLoader(ROOT / "overrides")), catalog)
    html = rendered_html(renderer, "models:comparison", lang="da")
    assert '<a href="/models/integrated.md">Integreret i teams</a>' in html  # translated: no mark
    assert '<a href="/models/alongside.md"><span lang="en">Internal alongside (outgoing)</span></a>' in html
    assert '<li><span lang="en">Cultural influence on the organisation</span></li>' in html
    # Attributes hold the plain text: never markup.
    assert not [value for value in _attribute_values(html) if "<" in value or "lang=" in value]
    markdown, _ = render(renderer, "models:detail", "alongside", lang="da")
    assert '### A clearer focus on recovery {: #alongside-opportunity-recovery-focus lang="en" }' in markdown
    english, _ = render(renderer, "models:detail", "alongside", lang="en")
    assert "lang=" not in english and "{: #alongside-opportunity-recovery-focus }" in english


def test_untranslated_labels_are_marked_english(data_copy):
    data_copy.write("da/data/labels.yml", "models:\n  caption: Tre modeller\n")
    catalog = load_catalog(data_copy.docs, ["en", "da"], "en", root=data_copy.root)
    renderer = Renderer(environment(jinja2.FileSystemLoader(ROOT / "overrides")), catalog)
    html = rendered_html(renderer, "models:comparison", lang="da")
    assert ">Tre modeller</p>" in html
    assert '<th role="rowheader" scope="row"><span lang="en">Serves best</span></th>' in html
    assert not [value for value in _attribute_values(html) if "<" in value]


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


# Shapes the shortcut must leave to Markdown, next to plain ones it may take.
EDGE_TEXTS = [
    "", "Peer support", "- a list", "+ item", "1. first", "12) x", "# heading", "> quote", "=== x",
    "--- rule", " leading space", "trailing space ", "two\nlines", "a *b*", "a _b_", "`code`",
    "[link](https://example.org)", "<https://example.org>", "x & y", "&amp;", "a\\*b", "![img](x.png)",
    'He said "hi"', "it's", "2024 was a year", "Region Sjælland: 3 models", "a  b", "tab\there",
    "\u00a0nbsp start", "ends with nbsp\u00a0", "mdash — and – dash", "100 %", "ø æ å ą č ė į š ų ū ž õ ä ö ü",
]


def test_the_plain_text_shortcut_gives_what_markdown_gives():
    """to_html skips Markdown for plain text: for every data text of every language,
    and for the edge cases above, it must return exactly what Markdown returns."""
    import yaml

    from peerguide.inline import PLAIN as _PLAIN, markdown_html as _markdown_html, to_html as _inline_html

    texts = set(EDGE_TEXTS)
    for path in DOCS.rglob("data/*.yml"):
        texts.update(_strings(yaml.safe_load(path.read_text(encoding="utf-8"))))
    shortcut = [text for text in texts if _PLAIN.fullmatch(text)]
    assert len(shortcut) > 500, "the shortcut should serve most of the data's text"
    for text in sorted(texts):
        assert _inline_html(text) == _markdown_html(text), repr(text)


def test_the_status_page_lists_each_quality_finding_with_file_line_and_key(renderer):
    from peerguide.qa import Finding

    finding = Finding("docs/da/models/index.md", 12, "", "quotes", 'straight quotes "..." where Danish uses »...«')
    renderer.extras["qa"] = {"da": (finding,)}
    html = rendered_html(renderer, "translations:status")
    assert "<code>docs/da/models/index.md:12</code>" in html and "<code>quotes</code> 1" in html
    assert "where Danish uses »...«" in html
    renderer.extras["qa"] = {"da": ()}
    assert renderer.catalog["en"].t("translations.qa_none") in rendered_html(renderer, "translations:status")

