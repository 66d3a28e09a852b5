"""Where built things that outlive one build are kept: the PDF handouts and the offline
copy, made by tools/ and copied into every site build (also under `mkdocs serve`)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir(project: Path) -> Path:
    return Path(os.environ.get("PEERGUIDE_CACHE") or project / ".cache")
