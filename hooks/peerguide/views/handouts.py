"""The PDF handouts and the offline copy, as the Handouts page lists them."""

from __future__ import annotations

from .. import formatting
from ..catalog import LanguageData
from ..manifest import Manifest
from .registry import view

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
