"""The seven countries: the comparison table and each country's profile."""

from __future__ import annotations

from .. import formatting
from ..catalog import LanguageData
from ..schema import Country
from .common import citations, country_link, model_link, partner_summary
from .registry import view

def _country_summary(data: LanguageData, country_id: str, country: Country) -> dict:
    return {
        "id": country_id,
        "name": country.name,
        "code": country.code,
        "link": country_link(country_id),
        "summary": country.summary,
        "organisation": country.organisation,
        "training": country.training,
        "status": country.status,
        "partners": [partner_summary(data, partner) for partner in country.partners],
        "models": [
            {"name": data.models[model_id].short_name, "link": model_link(model_id), "guide_reading": use.basis == "guide"}
            for model_id, use in country.models.items()
        ],
    }


def _figure_date(date: str | None, until: str | None, lang: str) -> str | None:
    if not date:
        return None
    return formatting.partial_period(date, until, lang) if until else formatting.partial_date(date, lang)


@view("countries:comparison", "countries-comparison.html")
def countries_comparison(data: LanguageData) -> dict:
    return {"countries": [_country_summary(data, key, country) for key, country in data.countries.items()]}


@view("countries:profile", "countries-profile.html", args=("countries",))
def countries_profile(data: LanguageData, country_id: str) -> dict:
    country = data.countries[country_id]
    milestones = sorted(country.milestones.items(), key=lambda item: formatting.date_sort_key(item[1].date))
    return {
        "country": _country_summary(data, country_id, country),
        "model_uses": [
            {
                "name": data.models[model_id].name,
                "link": model_link(model_id),
                "guide_reading": use.basis == "guide",
                "note": use.note,
                "citations": citations(data, use.sources),
            }
            for model_id, use in country.models.items()
        ],
        "milestones": [
            {
                "id": f"{country_id}-{key}",
                "date": milestone.date,
                "date_label": formatting.partial_date(milestone.date, data.lang),
                "text": milestone.text,
                "citations": citations(data, milestone.sources),
            }
            for key, milestone in milestones
        ],
        "figures": [
            {
                "id": f"{country_id}-{key}",
                "value": (formatting.percent if figure.unit == "percent" else formatting.number)(figure.value, data.lang),
                "label": figure.label,
                "date_label": _figure_date(figure.date, figure.until, data.lang),
                "citations": citations(data, figure.sources),
            }
            for key, figure in country.figures.items()
        ],
        "sources": citations(data, country.sources),
    }
