"""What each marker shows: the data a template receives, computed in one language.

Every view is a plain function from `LanguageData` (and the marker's
arguments) to a dict for its template in overrides/partials/peerguide/.
Text is passed on as the data holds it (inline Markdown); links are
written from docs/ (`/countries/norway.md`), and the hook resolves, checks
and makes them relative on every page and in every language.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlsplit

from . import formatting, worldmap
from .catalog import LanguageData
from .schema import Country, OrganisationModel, Point, Project, ReferenceKind
from .manifest import Manifest
from .status import LanguageStatus


@dataclass(frozen=True)
class View:
    template: str
    build: Callable[..., dict]
    # The kind of id each argument names: ("models",) for `models:detail integrated`.
    args: tuple[str, ...] = ()
    # Facts about the build beyond the data that the view needs, passed as keywords
    # (see Renderer): ("translations",) for the translation status.
    extras: tuple[str, ...] = ()
    # The scripts its HTML needs, from docs/, in the order they load: only the pages that
    # show the view load them.
    scripts: tuple[str, ...] = ()


VIEWS: dict[str, View] = {}

CHECKLIST_STORE = "assets/javascripts/checklist-store.js"


def view(name: str, template: str, args: tuple[str, ...] = (), extras: tuple[str, ...] = (),
         scripts: tuple[str, ...] = ()):
    def register(build: Callable[..., dict]) -> Callable[..., dict]:
        VIEWS[name] = View(template, build, args, extras, scripts)
        return build

    return register


# --- links -------------------------------------------------------------------------------

def model_link(model_id: str) -> str:
    return f"/models/{model_id}.md"


def country_link(country_id: str) -> str:
    return f"/countries/{country_id}.md"


def reference_link(reference_id: str) -> str:
    return f"/references.md#{reference_id}"


def network_link(anchor: str) -> str:
    """Partners and projects: their rows and headings on the network page carry their ids."""
    return f"/network/index.md#{anchor}"


def citations(data: LanguageData, reference_ids: list[str]) -> list[dict]:
    return [{"label": data.references[ref].cite, "link": reference_link(ref)} for ref in reference_ids]


def _host(url: str) -> str:
    return urlsplit(url).netloc.removeprefix("www.")


# --- organisation models ------------------------------------------------------------------

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
        "sources": citations(data, model.sources),
    }


# --- countries ----------------------------------------------------------------------------

def _partner_summary(data: LanguageData, partner_id: str) -> dict:
    partner = data.partners[partner_id]
    return {
        "id": partner_id,
        "name": partner.name,
        "name_en": partner.name_en,
        "link": network_link(partner_id),
        "website": partner.website,
        "website_label": _host(partner.website),
        "role": data.t(f"role.{partner.role}"),
    }


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
        "partners": [_partner_summary(data, partner) for partner in country.partners],
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


# --- the network: partners and projects ---------------------------------------------------

@view("partners:table", "partners-table.html")
def partners_table(data: LanguageData) -> dict:
    partners = []
    for partner_id, partner in data.partners.items():
        summary = _partner_summary(data, partner_id)
        summary.update(
            {
                "short_name": partner.short_name,
                "also_called": partner.also_called,
                "country": data.countries[partner.country].name,
                "country_link": country_link(partner.country),
                "founded": partner.founded,
                "description": partner.description,
                "citations": citations(data, partner.sources),
            }
        )
        partners.append(summary)
    return {"partners": partners}


def _period(project: Project, lang: str) -> str | None:
    if project.start and project.end:
        return f"{formatting.partial_date(project.start, lang)} – {formatting.partial_date(project.end, lang)}"
    return None


@view("projects:overview", "projects-overview.html")
def projects_overview(data: LanguageData) -> dict:
    projects = []
    for project_id, project in data.projects.items():
        projects.append(
            {
                "id": project_id,
                "title": project.title,
                "official_title": project.official_title,
                "code": project.code,
                "programme": project.programme,
                "period": _period(project, data.lang),
                "budget": formatting.money(project.budget.amount, project.budget.currency, data.lang)
                if project.budget
                else None,
                "coordinator": _partner_summary(data, project.coordinator) if project.coordinator else None,
                "partners": [_partner_summary(data, partner) for partner in project.partners],
                "guests": [_partner_summary(data, partner) for partner in project.guests],
                "summary": project.summary,
                "outputs": project.outputs or [],
                "citations": citations(data, project.sources),
            }
        )
    return {"projects": projects}


@view("projects:timeline", "projects-timeline.html")
def projects_timeline(data: LanguageData) -> dict:
    entries = []
    for project_id, project in data.projects.items():
        def entry(date, title, sources, place=None, text=None, project=project, project_id=project_id):
            return {"date": date, "title": title, "project": project.title, "project_link": network_link(project_id),
                    "place": place, "text": text, "citations": citations(data, sources)}

        for date, label in ((project.start, "timeline.starts"), (project.end, "timeline.ends")):
            if date:
                entries.append(entry(date, data.t(label), project.sources))
        for event in project.events.values():
            entries.append(entry(event.date, event.title, event.sources, event.place, event.text))
    entries.sort(key=lambda entry: formatting.date_sort_key(entry["date"]))
    for entry in entries:
        entry["date_label"] = formatting.partial_date(entry["date"], data.lang)
    return {"entries": entries}


# --- glossary, references, checklist --------------------------------------------------------

@view("glossary:table", "glossary-table.html")
def glossary_table(data: LanguageData) -> dict:
    languages = list(data.terms)  # the site's languages, in the order of mkdocs.yml
    concepts = []
    for concept_id, entry in data.glossary.items():
        terms = []
        for lang in languages:
            own = data.terms[lang].get(concept_id)
            status = own.status if own else "missing"
            terms.append(
                {
                    "lang": lang,
                    "html_lang": formatting.language_tag(lang),
                    "language": data.t(f"language.{lang}"),
                    "term": own.term if own else None,
                    "also": own.also if own else [],
                    "status": status,
                    "status_label": None if status == "confirmed" else data.t(f"term_status.{status}"),
                    "citations": citations(data, own.term_sources) if own else [],
                }
            )
        concepts.append(
            {
                "id": concept_id,
                "term": entry.term,
                "definition": entry.definition,
                "citations": citations(data, entry.sources),
                "terms": terms,
            }
        )
    return {"concepts": concepts}


@view("references:list", "references-list.html")
def references_list(data: LanguageData) -> dict:
    groups = []
    for kind in typing.get_args(ReferenceKind):  # in the order the schema lists them
        items = [
            {
                "id": ref_id,
                "cite": ref.cite,
                "authors": ref.authors,
                "year": ref.year,
                "title": ref.title,
                "container": ref.container,
                "language": ref.language,
                "doi": ref.doi,
                "pmid": ref.pmid,
                "url": ref.url,
                "url_label": _host(ref.url) if ref.url else None,
                "licence": ref.licence,
                "note": ref.note,
            }
            for ref_id, ref in data.references.items()
            if ref.kind == kind
        ]
        if items:
            groups.append({"kind": kind, "heading": data.t(f"reference_kind.{kind}"), "entries": items})
    return {"groups": groups}


@view("checklist:list", "checklist.html", scripts=(CHECKLIST_STORE, "assets/javascripts/checklist.js"))
def checklist(data: LanguageData) -> dict:
    groups = []
    for group_id, group in data.checklist.groups.items():
        items = [
            {"id": item_id, "text": item.text, "help": item.help, "link": item.link,
             "citations": citations(data, item.sources)}
            for item_id, item in data.checklist.items.items()
            if item.group == group_id
        ]
        groups.append({"id": group_id, "title": group.title, "intro": group.intro, "entries": items})
    return {"groups": groups}


# --- translation status ---------------------------------------------------------------------

def _progress(status: LanguageStatus, kind: str) -> dict:
    total = status.total(kind)
    done = status.count(kind, "translated")
    return {
        "done": done,
        "total": total,
        "missing": status.count(kind, "missing"),
        "outdated": status.count(kind, "outdated"),
        "percent": round(100 * done / total) if total else 100,
    }


def _keys_by_file(status: LanguageStatus, state: str) -> list[dict]:
    files: dict[str, list[str]] = {}
    for item in status.of("data", state):
        files.setdefault(item.file, []).append(item.key)
    return [{"file": file, "texts": keys} for file, keys in files.items()]


def _translation_rows(data: LanguageData, translations: dict[str, LanguageStatus]) -> list[dict]:
    return [
        {
            "lang": lang,
            "html_lang": formatting.language_tag(lang),
            "language": data.t(f"language.{lang}"),
            "complete": status.complete,
            "pages": _progress(status, "page"),
            "texts": _progress(status, "data"),
            "missing_pages": [item.file for item in status.of("page", "missing")],
            "outdated_pages": [item.file for item in status.of("page", "outdated")],
            "orphan_pages": [item.file for item in status.of("page", "orphan")],
            "missing_texts": _keys_by_file(status, "missing"),
            "outdated_texts": _keys_by_file(status, "outdated"),
        }
        for lang, status in translations.items()
    ]


@view("translations:status", "translations-status.html", extras=("translations",))
def translations_status(data: LanguageData, translations: dict[str, LanguageStatus]) -> dict:
    return {"languages": _translation_rows(data, translations), "details": True}


@view("translations:summary", "translations-status.html", extras=("translations",))
def translations_summary(data: LanguageData, translations: dict[str, LanguageStatus]) -> dict:
    return {"languages": _translation_rows(data, translations), "details": False}


# --- handouts -------------------------------------------------------------------------------

def handout_file(data: LanguageData, entry: dict) -> dict:
    """A built handout as a page shows it: its link (from the site's root) and facts."""
    return {
        "link": f"/handouts/{entry['file']}",
        "pages": formatting.plural(data.t("handouts.pages"), entry["pages"], data.lang),
        "size": formatting.file_size(entry["bytes"], data.lang),
        "date": entry["date"],
        "date_label": formatting.partial_date(entry["date"], data.lang),
        "english": entry.get("english", False),
    }


@view("handouts:list", "handouts-list.html", extras=("handouts",))
def handouts_list(data: LanguageData, handouts: Manifest) -> dict:
    rows = []
    for handout_id, handout in data.handouts.items():
        entry = handouts.handout(handout_id, data.lang)
        rows.append({"id": handout_id, "title": handout.title, "description": handout.description,
                     "file": handout_file(data, entry) if entry else None})
    offline = handouts.offline
    return {
        "handouts": rows,
        "built": any(row["file"] for row in rows),
        "offline": {
            "link": f"/downloads/{offline['file']}",
            "size": formatting.file_size(offline["bytes"], data.lang),
            "date_label": formatting.partial_date(offline["date"], data.lang),
        } if offline else None,
    }


# --- the model chooser ------------------------------------------------------------------------

def _checklist_entry(data: LanguageData, item_id: str) -> dict:
    return {"id": item_id, "text": data.checklist.items[item_id].text, "link": f"/checklist.md#item-{item_id}"}


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
                    "fit_names": [data.models[model].name for model in answer.fits],
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
                "summary": model.summary,
                "link": model_link(model_id),
                "risks": model.key_risks,
                "put": [_checklist_entry(data, item) for item in chooser.against_risks.get(model_id, [])],
            }
            for model_id, model in data.models.items()
        ],
        "also": [_checklist_entry(data, item) for item in dict.fromkeys(also)],
    }


@view("chooser:table", "chooser-table.html")
def chooser_table(data: LanguageData) -> dict:
    return {"questions": _chooser_questions(data), "decides": data.chooser.decides, "conflict": data.chooser.conflict}


# --- the map of the network -------------------------------------------------------------------

ROLE_ORDER = ("coordinator", "partner", "guest")


@view("network:map", "network-map.html", extras=("project",))
def network_map(data: LanguageData, project) -> dict:
    ids = tuple(country.map.iso_numeric for country in data.countries.values())
    labels = tuple(tuple(country.map.label) for country in data.countries.values())
    shapes = worldmap.region_map(project, ids, labels)
    countries, roles = [], []
    for country_id, country in data.countries.items():
        partners = [_partner_summary(data, partner_id) for partner_id in country.partners]
        role = min((data.partners[p].role for p in country.partners), key=ROLE_ORDER.index, default="partner")
        roles.append(role)
        shape = shapes.countries[country.map.iso_numeric]
        countries.append({
            "id": country_id, "name": country.name, "link": country_link(country_id), "role": role,
            "path": shape.path, "x": shape.label[0], "y": shape.label[1], "partners": partners,
        })
    return {
        "width": shapes.width, "height": shapes.height, "context": [shape.path for shape in shapes.context],
        "countries": countries,
        "roles": [{"id": role, "label": data.t(f"role.{role}")} for role in ROLE_ORDER if role in roles],
    }


# The first part of every marker name ("models" in models:comparison): a comment that
# starts with one of these is meant as a marker and must be a valid one.
MARKER_FAMILIES = frozenset(name.split(":")[0] for name in VIEWS)
