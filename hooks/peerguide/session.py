"""What one run of MkDocs computes once and every hook shares.

static-i18n rebuilds the site once per language, and `mkdocs serve` rebuilds it
on every save. The validated data, the translation status and the template
environment are computed once and kept until a file under docs/ changes; the data
and the status also on disk, for the next build (buildcache.py).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import jinja2

from . import qa
from .buildcache import Memo, files_content, key_of, memo, remembered
from .cache import cache_dir
from .catalog import LanguageData, load_catalog
from .changes import data_change
from .history import History
from .progress import project_status
from .render import bytecode_cache, environment
from .site import first_build_of_run, languages, serving
from .status import LanguageStatus


@dataclass(frozen=True)
class Session:
    catalog: dict[str, LanguageData]
    # The translation status of every built language but the default one.
    translations: dict[str, LanguageStatus]


_sessions: dict[tuple, Session] = {}
# The key of the run's session: the folder is looked at once per run, not once per language.
_run_key: list[tuple] = []
_environments: dict[str, jinja2.Environment] = {}


def _signature(docs_dir: Path) -> tuple:
    """(path, time, size) of every page and data file: what the data, the status, the markers
    and the QA check depend on."""
    files = sorted(path for path in docs_dir.rglob("*") if path.suffix in (".md", ".yml"))
    return tuple((str(path), info.st_mtime_ns, info.st_size) for path, info in ((p, p.stat()) for p in files))


@functools.lru_cache(maxsize=1)
def _content_key(docs_dir: str, signature: tuple) -> str:
    """The content of the files in `signature`, hashed once however many results it keys."""
    return key_of(files_content([Path(entry[0]) for entry in signature], Path(docs_dir)))


def session(config) -> Session:
    """The shared state for this configuration; raises DataErrors on bad data.

    Looks at every page and data file to see whether one changed, in the run's first build:
    call it once per build (data_markers.py does, in on_config), and current_session() after
    that."""
    key = _key(config)
    if key not in _sessions:
        _sessions.clear()
        _sessions[key] = _load(Path(config.docs_dir), languages(config),
                               cache_dir(Path(config.config_file_path).parent), _content_key(key[0], key[2]))
    return _sessions[key]


def _key(config) -> tuple:
    """The docs folder, the languages and every page's and data file's size and time, read in
    the run's first build; the languages built after it reuse it."""
    if first_build_of_run(config) or not _run_key:
        langs = languages(config)
        docs_dir = Path(config.docs_dir)
        _run_key[:] = [(str(docs_dir), tuple(langs.all), _signature(docs_dir))]
    return _run_key[0]


def _load(docs_dir: Path, langs, cache: Path, content: str) -> Session:
    def compute() -> Session:
        catalog = load_catalog(docs_dir, langs.all, langs.default)
        translations = project_status(
            docs_dir, langs.configured, langs.default, catalog[langs.default],
            languages=[lang for lang in langs.all if lang != langs.default],
        )
        return Session(catalog, translations)

    # Everything the computation reads: the pages and data files (`content`), where they are
    # (error messages name them), and which languages.
    inputs = [str(docs_dir.resolve()), " ".join(langs.all), langs.default, " ".join(langs.configured)]
    return remembered(cache, "session", [*inputs, content], compute)


_qa: dict[tuple, dict] = {}


def qa_findings(config) -> dict | None:
    """What the quality check (qa.py, `make qa`) finds in each built translation, for the
    status page; None in the translators' preview, where `make qa` lists it (it takes
    seconds, and a save must show in under one). Kept on disk like the data."""
    if serving():
        return None
    langs = languages(config)
    root = Path(config.config_file_path).parent
    key = _key(config)
    if key not in _qa:
        translations = [lang for lang in langs.all if lang != langs.default]

        def compute() -> dict:
            return {lang: qa.check_language(root, lang, langs.configured, langs.default) for lang in translations}

        inputs = [str(root.resolve()), " ".join(langs.all), " ".join(langs.configured), "qa"]
        _qa.clear()
        _qa[key] = remembered(cache_dir(root), "qa", [*inputs, _content_key(key[0], key[2])], compute)
    return _qa[key]


def data_changes(config, translations: dict[str, LanguageStatus]) -> dict | None:
    """In the translators' preview: what changed in the English of each outdated data text
    (changes.py); None otherwise."""
    if not serving():
        return None
    root = Path(config.config_file_path).parent
    history = _history(str(root))
    return {lang: [data_change(root, lang, Path(item.file).stem, item.key, history)
                   for item in status.of("data", "outdated")]
            for lang, status in translations.items()}


@functools.lru_cache(maxsize=2)
def _history(root: str) -> History:
    return History(Path(root))


def page_history(config) -> History:
    return _history(str(Path(config.config_file_path).parent))


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


def policy_memo(config) -> Memo:
    """What passed the safety policy in earlier builds (buildcache.Memo): the pages
    (page_safety.py) and the data blocks (data_markers.py) are judged again only when their
    HTML, their address or the policy's code changed. page_safety.py saves it after a build."""
    return memo(cache_dir(Path(config.config_file_path).parent), "htmlcheck")
