"""The translation status of the whole project: every language's pages and data texts.

Used by the build (notices, the status page) and by tools/translations.py
(`make translations`, `make translated`). The rules are in status.py; this
module only gathers the files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .catalog import DATA_FILES, DATA_FOLDER, LABELS, LanguageData, flatten_labels
from .errors import ErrorList
from .status import RECORDS, EnglishData, LanguageStatus, data_states, english_pages, fingerprint
from .status import page_states, read_records
from .yamlsource import load_file


def english_data(english: LanguageData) -> EnglishData:
    models = {name: (file.model, getattr(english, name)) for name, file in DATA_FILES.items()}
    return EnglishData.from_models(models, english.labels)


def english_page_fingerprints(docs_dir: Path, locales: list[str], default: str) -> dict[str, str]:
    """{page path from docs/: fingerprint of the English page} for every English page."""
    others = [lang for lang in locales if lang != default]
    return {
        page: fingerprint((docs_dir / page).read_bytes().decode("utf-8", "replace"))
        for page in english_pages(docs_dir, others)
    }


def translation_texts(folder: Path, root: Path, errors: ErrorList) -> dict[str, Any]:
    """A language's data files as read (labels flattened), for telling what is translated."""
    texts: dict[str, Any] = {}
    for name in [*DATA_FILES, LABELS]:
        path = folder / f"{name}.yml"
        if not path.is_file():
            continue
        source = load_file(path, _display(path, root), errors)
        texts[name] = flatten_labels(source.data, source, errors) if name == LABELS and source.data else source.data
    return texts


def project_status(
    docs_dir: Path, locales: list[str], default: str, english: LanguageData,
    languages: list[str] | None = None, root: Path | None = None,
) -> dict[str, LanguageStatus]:
    """The status of `languages` (default: every locale but the default one).

    `locales` are all the site's language folders, built or not: none of them holds
    English pages.
    """
    root = root or docs_dir.parent
    pages = english_page_fingerprints(docs_dir, locales, default)
    data = english_data(english)
    errors = ErrorList()  # the catalog has reported these files' errors already
    result = {}
    for lang in languages or [lang for lang in locales if lang != default]:
        folder = docs_dir / lang / DATA_FOLDER
        records = read_records(folder / RECORDS, _display(folder / RECORDS, root), {*DATA_FILES, LABELS}, errors)
        status = LanguageStatus(lang)
        status.items += page_states(docs_dir, lang, list(pages), pages, root)
        status.items += data_states(folder, data, translation_texts(folder, root, errors), records, root)
        result[lang] = status
    return result


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()
