"""What one run of MkDocs computes once and every hook shares.

static-i18n rebuilds the site once per language, and `mkdocs serve` rebuilds it
on every save. The validated data, the translation status and the template
environment are computed once and kept until a file under docs/ changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

from .catalog import LanguageData, load_catalog
from .progress import project_status
from .render import environment
from .site import languages
from .status import LanguageStatus


@dataclass(frozen=True)
class Session:
    catalog: dict[str, LanguageData]
    # The translation status of every built language but the default one.
    translations: dict[str, LanguageStatus]


_sessions: dict[tuple, Session] = {}
_environments: dict[tuple, jinja2.Environment] = {}


def _signature(docs_dir: Path) -> tuple:
    # Pages and data: what the data, the status and the markers depend on.
    files = [path for path in docs_dir.rglob("*") if path.suffix in (".md", ".yml")]
    return tuple(sorted((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in files))


def session(config) -> Session:
    """The shared state for this configuration; raises DataErrors on bad data."""
    langs = languages(config)
    docs_dir = Path(config.docs_dir)
    key = (str(docs_dir), tuple(langs.all), _signature(docs_dir))
    if key not in _sessions:
        _sessions.clear()
        catalog = load_catalog(docs_dir, langs.all, langs.default)
        translations = project_status(
            docs_dir, langs.configured, langs.default, catalog[langs.default],
            languages=[lang for lang in langs.all if lang != langs.default],
        )
        _sessions[key] = Session(catalog, translations)
    return _sessions[key]


def template_environment(config) -> jinja2.Environment:
    """One environment for all languages and hooks: each template compiles once."""
    key = tuple(config.theme.dirs)
    if key not in _environments:
        _environments[key] = environment(jinja2.FileSystemLoader(config.theme.dirs))
    return _environments[key]
