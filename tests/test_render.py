"""Rendering markers with the real templates, in English and in Danish."""

from __future__ import annotations

import jinja2
import pytest

from conftest import ROOT
from peerguide.catalog import load_catalog
from peerguide.markers import Marker, MarkerError
from peerguide.render import Renderer, environment, tidy
from peerguide.views import VIEWS


@pytest.fixture
def renderer(data_copy):
    catalog = load_catalog(data_copy.docs, ["en", "da"], "en", root=data_copy.root)
    return Renderer(environment(jinja2.FileSystemLoader(ROOT / "overrides")), catalog)


def render(renderer, name, *args, lang="en"):
    return renderer.render(Marker(name, tuple(args), 1), lang)


def test_every_view_renders_in_every_loaded_language(renderer):
    for name, view in VIEWS.items():
        args = [next(iter(getattr(renderer.catalog["en"], kind))) for kind in view.args]
        for lang in ("en", "da"):
            html = render(renderer, name, *args, lang=lang)
            assert html.strip(), name


def test_models_comparison_holds_what_the_yaml_says(renderer):
    html = render(renderer, "models:comparison")
    data = renderer.catalog["en"]
    for model_id, model in data.models.items():
        assert f"[{model.name}](/models/{model_id}.md)" in html
        for text in model.key_strengths + model.key_risks + model.examples_dk_2024:
            assert text in html
    assert html.count('role="columnheader"') == 3


def test_model_detail_has_every_point_with_its_citations(renderer):
    html = render(renderer, "models:detail", "integrated")
    model = renderer.catalog["en"].models["integrated"]
    for point_id, point in {**model.opportunities, **model.risks}.items():
        assert point.title in html
    assert "[Solomon, 2004](/references.md#solomon-2004)" in html
    assert 'id="integrated-opportunities"' in html and 'id="integrated-risks"' in html


def test_country_profile_sorts_milestones_and_formats_figures(renderer):
    html = render(renderer, "countries:profile", "denmark")
    dates = [html.index(f'datetime="{date}"') for date in ("2015", "2017", "2018", "2024")]
    assert dates == sorted(dates)
    assert "40%" in html and "240" in html
    danish = render(renderer, "countries:profile", "denmark", lang="da")
    assert "40\xa0%" in danish


def test_text_is_escaped_not_injected(renderer, data_copy):
    # Validation refuses tags; escaping is the second line of defence for & and quotes.
    data = renderer.catalog["en"]
    model = data.models["integrated"]
    renderer.catalog["en"] = type(data)(**{**data.__dict__, "models": {
        **data.models, "integrated": model.model_copy(update={"short_name": 'Team "A" & <B>'})
    }})
    html = render(renderer, "models:comparison")
    assert 'data-label="Team &#34;A&#34; &amp; &lt;B&gt;"' in html
    assert "<B>" not in html


def test_output_lines_are_flush_left_for_md_in_html(renderer):
    html = render(renderer, "countries:comparison")
    assert all(line == line.lstrip() and line for line in html.splitlines())
    assert tidy("  <p>\n\n    x\n</p>") == "<p>\nx\n</p>"


def test_labels_render_in_the_page_language(renderer, data_copy):
    danish = render(renderer, "models:comparison", lang="da")
    assert renderer.catalog["da"].t("models.caption") in danish


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
        renderer.render(marker, "en")
