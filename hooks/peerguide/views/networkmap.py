"""The map of the network, drawn at build time."""

from __future__ import annotations

from .. import worldmap
from ..catalog import LanguageData
from .common import country_link, partner_summary
from .registry import view

ROLE_ORDER = ("coordinator", "partner", "guest")


@view("network:map", "network-map.html", extras=("project",))
def network_map(data: LanguageData, project) -> dict:
    ids = tuple(country.map.iso_numeric for country in data.countries.values())
    labels = tuple(tuple(country.map.label) for country in data.countries.values())
    shapes = worldmap.region_map(project, ids, labels)
    countries, roles = [], []
    for country_id, country in data.countries.items():
        partners = [partner_summary(data, partner_id) for partner_id in country.partners]
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
