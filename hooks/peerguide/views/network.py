"""The network: its organisations, and the Nordplus projects with their timeline."""

from __future__ import annotations

from .. import formatting
from ..catalog import LanguageData
from ..schema import Project
from .common import citations, country_link, network_link, partner_summary
from .registry import view

@view("partners:table", "partners-table.html")
def partners_table(data: LanguageData) -> dict:
    partners = []
    for partner_id, partner in data.partners.items():
        summary = partner_summary(data, partner_id)
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
                "coordinator": partner_summary(data, project.coordinator) if project.coordinator else None,
                "partners": [partner_summary(data, partner) for partner in project.partners],
                "guests": [partner_summary(data, partner) for partner in project.guests],
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
