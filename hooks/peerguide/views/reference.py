"""The glossary, the references and the decisions checklist."""

from __future__ import annotations

import typing

from .. import formatting
from ..catalog import LanguageData
from ..schema import ReferenceKind
from .common import citations, host
from .registry import CHECKLIST_STORE, view

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
                "guide_reading": entry.basis == "guide",
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
                "url_label": host(ref.url) if ref.url else None,
                "licence": ref.licence,
                "note": ref.note,
            }
            for ref_id, ref in data.references.items()
            if ref.kind == kind
        ]
        if items:
            groups.append({"kind": kind, "heading": data.t(f"reference_kind.{kind}"), "entries": items})
    return {"groups": groups}


@view("checklist:list", "checklist.html", scripts=(CHECKLIST_STORE, "assets/javascripts/checklist.js"),
      extras=("public",))
def checklist(data: LanguageData, public: bool) -> dict:
    """`public`: the site has an address a reader can open, which the printout names."""
    groups = []
    for group_id, group in data.checklist.groups.items():
        items = [
            {"id": item_id, "text": item.text, "help": item.help, "link": item.link,
             "citations": citations(data, item.sources)}
            for item_id, item in data.checklist.items.items()
            if item.group == group_id
        ]
        groups.append({"id": group_id, "title": group.title, "intro": group.intro, "entries": items})
    return {"groups": groups, "print_address": public}
