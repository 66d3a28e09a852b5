"""The model chooser: the form, and its reasoning as tables."""

from __future__ import annotations

from ..catalog import LanguageData
from .common import model_link
from .registry import CHECKLIST_STORE, view

# The checklist item the chooser's result is written under ("Choose the model").
MODEL_ITEM = "organisation-model"

def _checklist_entry(data: LanguageData, item_id: str) -> dict:
    return {"id": item_id, "text": data.checklist.items[item_id].text, "link": f"/checklist.md#item-{item_id}"}


def list_names(models: list) -> list[str]:
    """Model names as a list writes them: the first as a name, the rest as inside a sentence."""
    return [model.name if index == 0 else model.name_in_text or model.name for index, model in enumerate(models)]


def _chooser_questions(data: LanguageData) -> list[dict]:
    return [
        {
            "id": question_id,
            "question": question.question,
            "help": question.help,
            "answers": [
                {
                    "id": answer_id,
                    "text": answer.text,
                    "reason": answer.reason,
                    "fits": answer.fits,
                    "fit_names": list_names([data.models[model] for model in answer.fits]),
                    "checklist": answer.checklist,
                }
                for answer_id, answer in question.answers.items()
            ],
        }
        for question_id, question in data.chooser.questions.items()
    ]


@view("chooser:form", "chooser-form.html", scripts=(CHECKLIST_STORE, "assets/javascripts/chooser.js"))
def chooser_form(data: LanguageData) -> dict:
    chooser = data.chooser
    also = [item for question in chooser.questions.values() for answer in question.answers.values()
            for item in answer.checklist]
    return {
        "intro": chooser.intro,
        "decides": chooser.decides,
        "conflict": chooser.conflict,
        "questions": _chooser_questions(data),
        "models": [
            {
                "id": model_id,
                "name": model.name,
                "name_in_text": model.name_in_text or model.name,
                "summary": model.summary,
                "link": model_link(model_id),
                "risks": model.key_risks,
                "put": [_checklist_entry(data, item) for item in chooser.against_risks.get(model_id, [])],
            }
            for model_id, model in data.models.items()
        ],
        "also": [_checklist_entry(data, item) for item in dict.fromkeys(also)],
        "model_item": MODEL_ITEM,
    }


@view("chooser:table", "chooser-table.html")
def chooser_table(data: LanguageData) -> dict:
    return {"questions": _chooser_questions(data), "decides": data.chooser.decides, "conflict": data.chooser.conflict}
