"""The About page: the licence of the guide's own text, from its one setting."""

from __future__ import annotations

from markupsafe import Markup

from ..catalog import LanguageData
from .registry import view


def licence_link(licence: dict) -> Markup:
    return Markup('<a href="{}" rel="license">{}</a>').format(licence["url"], licence["name"])


def with_licence(text: str, licence: dict) -> Markup:
    """A label with `{licence}` in it, the licence's name made a link to its terms."""
    return Markup.escape(str(text)).replace("{licence}", licence_link(licence))


@view("licence:terms", "licence-terms.html", extras=("licence",))
def licence_terms(data: LanguageData, licence: dict) -> dict:
    """`licence`: mkdocs.yml's extra.licence, {name, url}."""
    return {"own": with_licence(data.t("licence.own"), licence), "article": data.t("licence.article")}
