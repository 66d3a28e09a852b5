"""Render a marker with its Jinja template, in one language.

The output goes back into the Markdown source. Templates are HTML whose text
cells carry `markdown="span"`, so Python-Markdown (md_in_html) renders the
inline Markdown of the data and MkDocs checks and rewrites its links like any
hand-written link. Jinja autoescaping turns any stray `<` or `&` in the data
into text, never into markup.
"""

from __future__ import annotations

import jinja2

from .catalog import LanguageData
from .formatting import language_tag
from .markers import Marker, MarkerError
from .views import VIEWS

TEMPLATE_FOLDER = "partials/peerguide"


def environment(loader: jinja2.BaseLoader) -> jinja2.Environment:
    return jinja2.Environment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def tidy(html: str) -> str:
    # md_in_html reads an indented line as a code block and a blank line as
    # the end of a block: emit every line flush left and none empty.
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())


class Renderer:
    def __init__(self, env: jinja2.Environment, catalog: dict[str, LanguageData]):
        self.env = env
        self.catalog = catalog

    def render(self, marker: Marker, lang: str) -> str:
        view = VIEWS.get(marker.name)
        if view is None:
            raise MarkerError(marker, f"unknown marker; known markers: {', '.join(sorted(VIEWS))}")
        if len(marker.args) != len(view.args):
            expected = " ".join(f"<{kind} id>" for kind in view.args) or "no arguments"
            raise MarkerError(marker, f"expects {expected}, got {' '.join(marker.args) or 'none'}")
        data = self.catalog[lang]
        for kind, arg in zip(view.args, marker.args):
            known = getattr(data, kind)
            if arg not in known:
                raise MarkerError(marker, f"unknown {kind} id {arg!r} (known: {', '.join(known)})")
        template = self.env.get_template(f"{TEMPLATE_FOLDER}/{view.template}")
        try:
            context = view.build(data, *marker.args)
            html = template.render(context, t=data.t, lang=lang, html_lang=language_tag(lang))
        except KeyError as exc:  # a label the English labels.yml lacks
            raise MarkerError(marker, exc.args[0]) from None
        return tidy(html)
