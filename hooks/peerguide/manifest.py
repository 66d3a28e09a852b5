"""The list of built handouts and of the offline copy (.cache/handouts/manifest.json),
as the pages show it: which files exist, their size, pages and date."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .cache import cache_dir


@dataclass(frozen=True)
class Manifest:
    handouts: dict[tuple[str, str], dict] = field(default_factory=dict)  # (handout id, lang) -> entry
    offline: dict | None = None

    def handout(self, handout_id: str, lang: str) -> dict | None:
        return self.handouts.get((handout_id, lang))


def read_manifest(project: Path) -> Manifest:
    """What tools/handouts.py and tools/offline.py built last; empty when nothing is built."""
    path = cache_dir(project) / "handouts" / "manifest.json"
    if not path.is_file():
        return Manifest()
    data = json.loads(path.read_text(encoding="utf-8"))
    folder = path.parent
    handouts = {
        (entry["handout"], entry["lang"]): entry
        for entry in data.get("handouts", [])
        if (folder / entry["file"]).is_file()
    }
    offline = data.get("offline")
    if offline and not (cache_dir(project) / "downloads" / offline["file"]).is_file():
        offline = None
    return Manifest(handouts, offline)
