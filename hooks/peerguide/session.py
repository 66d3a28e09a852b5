"""What one run of MkDocs computes once and every hook shares.

static-i18n rebuilds the site once per language, and `mkdocs serve` rebuilds it
on every save. The validated data, the translation status and the template
environment are computed once and kept until a file under docs/ changes; the data
and the status also on disk, for the next build (buildcache.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

from .buildcache import files_content, remembered
from .cache import cache_dir
from .catalog import LanguageData, load_catalog
from .progress import project_status
from .render import bytecode_cache, environment
from .site import languages
from .status import LanguageStatus


@dataclass(frozen=True)
class Session:
    catalog: dict[str, LanguageData]
    # The translation status of every built language but the default one.
    translations: dict[str, LanguageStatus]


_sessions: dict[tuple, Session] = {}
_environments: dict[str, jinja2.Environment] = {}


def _signature(docs_dir: Path) -> tuple:
    # Pages and data: what the data, the status and the markers depend on.
    files = [path for path in docs_dir.rglob("*") if path.suffix in (".md", ".yml")]
    return tuple(sorted((str(path), path.stat().st_mtime_ns, path.stat().st_size) for path in files))


def session(config) -> Session:
    """The shared state for this configuration; raises DataErrors on bad data.

    Looks at every page and data file to see whether one changed: call it once per build
    (data_markers.py does, in on_config), and current_session() after that."""
    langs = languages(config)
    docs_dir = Path(config.docs_dir)
    key = (str(docs_dir), tuple(langs.all), _signature(docs_dir))
    if key not in _sessions:
        _sessions.clear()
        _sessions[key] = _load(docs_dir, langs, cache_dir(Path(config.config_file_path).parent))
    return _sessions[key]


def _load(docs_dir: Path, langs, cache: Path) -> Session:
    def compute() -> Session:
        catalog = load_catalog(docs_dir, langs.all, langs.default)
        translations = project_status(
            docs_dir, langs.configured, langs.default, catalog[langs.default],
            languages=[lang for lang in langs.all if lang != langs.default],
        )
        return Session(catalog, translations)

    # Everything the computation reads: the pages and data files, where they are (error
    # messages name them), and which languages.
    files = [path for path in docs_dir.rglob("*") if path.suffix in (".md", ".yml")]
    inputs = [str(docs_dir.resolve()), " ".join(langs.all), langs.default, " ".join(langs.configured)]
    return remembered(cache, "session", [*inputs, *files_content(files, docs_dir)], compute)


def current_session() -> Session:
    """The session of the build that is running: what the last session() call returned."""
    if not _sessions:
        raise RuntimeError("no session yet: data_markers.py opens one in on_config")
    return next(iter(_sessions.values()))


def template_environment(config) -> jinja2.Environment:
    """One environment for all languages and hooks: each template compiles once. The
    project's partials are all in the theme's custom_dir (overrides/); the rest of the
    theme's folders are left out because static-i18n adds one to them per language."""
    key = str(config.theme.custom_dir)
    if key not in _environments:
        cache = cache_dir(Path(config.config_file_path).parent)
        _environments[key] = environment(jinja2.FileSystemLoader(key), bytecode_cache(cache, "peerguide"))
    return _environments[key]
