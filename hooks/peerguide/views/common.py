"""Links and citations every section's views write."""

from __future__ import annotations

from urllib.parse import urlsplit

from ..catalog import LanguageData

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


def host(url: str) -> str:
    return urlsplit(url).netloc.removeprefix("www.")


def partner_summary(data: LanguageData, partner_id: str) -> dict:
    partner = data.partners[partner_id]
    return {
        "id": partner_id,
        "name": partner.name,
        "name_en": partner.name_en,
        "link": network_link(partner_id),
        "website": partner.website,
        "website_label": host(partner.website),
        "role": data.t(f"role.{partner.role}"),
    }
