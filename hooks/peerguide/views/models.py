"""The three organisation models: the comparison table and each model's page."""

from __future__ import annotations

from ..catalog import LanguageData
from ..schema import OrganisationModel, Point
from .common import citations, model_link
from .registry import view

def _model_summary(data: LanguageData, model_id: str, model: OrganisationModel) -> dict:
    return {
        "id": model_id,
        "name": model.name,
        "short_name": model.short_name,
        "danish_term": model.danish_term,
        "link": model_link(model_id),
        "summary": model.summary,
        "employment": [data.t(f"employment.{value}") for value in model.employment],
        "anchoring": data.t(f"anchoring.{model.anchoring}"),
        "best_serves": data.t(f"purpose.{model.best_serves}"),
        "best_serves_reading": model.best_serves_basis == "guide",
        "purpose_note": model.purpose_note,
        "examples": model.examples_dk_2024,
        "key_strengths": model.key_strengths,
        "key_risks": model.key_risks,
    }


def _points(data: LanguageData, model_id: str, kind: str, points: dict[str, Point]) -> list[dict]:
    return [
        {
            "id": f"{model_id}-{kind}-{point_id}",
            "title": point.title,
            "text": point.text,
            "details": point.details or [],
            "citations": citations(data, point.refs),
        }
        for point_id, point in points.items()
    ]


@view("models:comparison", "models-comparison.html")
def models_comparison(data: LanguageData) -> dict:
    return {"models": [_model_summary(data, key, model) for key, model in data.models.items()]}


@view("models:detail", "models-detail.html", args=("models",))
def models_detail(data: LanguageData, model_id: str) -> dict:
    model = data.models[model_id]
    return {
        "model": _model_summary(data, model_id, model),
        "opportunities": _points(data, model_id, "opportunity", model.opportunities),
        "risks": _points(data, model_id, "risk", model.risks),
        "conclusion": model.conclusion,
        "conclusion_reading": model.conclusion_basis == "guide",
        "sources": citations(data, model.sources),
    }
