"""Translation status: which pages and data texts of each language are translated,
missing, or out of date against the current English.

Every translation records the English text it was made from, as a fingerprint
(a short hash), so the status needs no git history:

- a page, in its front matter: `translated_from: 3f2a9c1b2d4e`;
- a data text, in docs/<lang>/data/translated.yml, keyed by file and key:

      models:
        "integrated.summary": "9b1e04c2aa71"

Translators never write these by hand: `make translated` (tools/translations.py)
calls `mark_page()` and `mark_data()`. A translation whose fingerprint is missing
or differs from the current English one is *outdated*.
"""

from __future__ import annotations

import hashlib
import json
import re
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Literal

from pydantic import BaseModel, RootModel

from .errors import ErrorList, format_path
from .translation import is_translatable
from .yamlsource import load_file

RECORDS = "translated.yml"
FINGERPRINT = re.compile(r"^[0-9a-f]{12}$")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)
TRANSLATED_FROM = re.compile(r"^translated_from:.*\n?", re.M)

State = Literal["translated", "missing", "outdated", "orphan"]


def fingerprint(value: Any) -> str:
    """A short hash of an English text. Whitespace runs count as one space, so
    re-wrapping a paragraph does not make its translations outdated."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]


# --- pages ---------------------------------------------------------------------------------

def front_matter(text: str) -> tuple[str, int]:
    """The front matter block of a page (without its --- lines) and how many lines it spans."""
    match = FRONT_MATTER.match(text)
    if not match:
        return "", 0
    return match.group(1) or "", match.group(0).count("\n")


def recorded_page_fingerprint(text: str) -> str | None:
    block, _ = front_matter(text)
    match = re.search(r"^translated_from:[ \t]*[\"']?([0-9a-f]{12})[\"']?[ \t]*$", block, re.M)
    return match.group(1) if match else None


def with_page_fingerprint(text: str, value: str) -> str:
    """`text` with `translated_from: <value>` in its front matter (added if there is none)."""
    line = f"translated_from: {value}\n"
    match = FRONT_MATTER.match(text)
    if not match:
        return f"---\n{line}---\n\n{text}"
    block = TRANSLATED_FROM.sub("", match.group(1) or "")
    return f"---\n{block}{line}---\n{text[match.end():]}"


def english_pages(docs_dir: Path, translations: list[str]) -> list[str]:
    """Every English page as a path from docs/: 'index.md', 'models/integrated.md', ..."""
    skip = set(translations)
    pages = []
    for path in docs_dir.rglob("*.md"):
        rel = path.relative_to(docs_dir)
        if rel.parts[0] not in skip:
            pages.append(rel.as_posix())
    return sorted(pages, key=_page_order)


def _page_order(page: str) -> tuple:
    parts = page.split("/")
    # index.md first in its folder, folders after files, then by name.
    return tuple((part != "index.md", i < len(parts) - 1, part) for i, part in enumerate(parts))


# --- data texts ----------------------------------------------------------------------------

def text_units(annotation: Any, value: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Every translatable text in `value` (validated English data) with its path.

    A list of texts (TextList) is one unit: it is translated item for item.
    """
    if value is None:
        return
    if is_translatable(annotation):
        yield path, value
        return
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        yield from text_units(typing.get_args(annotation)[0], value, path)
    elif origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(annotation) if arg is not type(None)]
        if any(is_translatable(arg) for arg in options):
            yield path, value
        elif len(options) == 1:
            yield from text_units(options[0], value, path)
    elif origin is dict:
        item_type = typing.get_args(annotation)[1]
        for key, item in _items(value):
            yield from text_units(item_type, item, path + (key,))
    elif isinstance(annotation, type) and issubclass(annotation, RootModel):
        yield from text_units(annotation.model_fields["root"].annotation, _root(value), path)
    elif isinstance(annotation, type) and issubclass(annotation, BaseModel):
        for name, info in annotation.model_fields.items():
            item = _field(value, name)
            if is_translatable(info.annotation, info.metadata):
                if item is not None:
                    yield path + (name,), item
            else:
                yield from text_units(info.annotation, item, path + (name,))


def _items(value: Any):
    return value.items() if isinstance(value, dict) else []


def _root(value: Any) -> Any:
    return value.root if isinstance(value, RootModel) else value


def _field(value: Any, name: str) -> Any:
    return value.get(name) if isinstance(value, dict) else getattr(value, name, None)


def unit_key(path: tuple) -> str:
    """('integrated', 'summary') -> 'integrated.summary' (ids never contain dots)."""
    return format_path(path)


def lookup(data: Any, path: tuple) -> Any:
    for part in path:
        if isinstance(data, dict):
            data = data.get(part)
        else:
            return None
    return data


# --- the records file ----------------------------------------------------------------------

def read_records(path: Path, display: str, known_files: set[str], errors: ErrorList) -> dict[str, dict[str, str]]:
    """docs/<lang>/data/translated.yml as {file: {key: fingerprint}}; problems go to `errors`."""
    if not path.is_file():
        return {}
    source = load_file(path, display, errors)
    if source.data is None:
        return {}
    if not isinstance(source.data, dict):
        errors.add(display, source.line_of(()), (), "expected a mapping of data file names")
        return {}
    records: dict[str, dict[str, str]] = {}
    for name, entries in source.data.items():
        if name not in known_files:
            errors.add(display, source.line_of((name,)), (name,),
                       f"unknown data file {name!r} (known: {', '.join(sorted(known_files))})")
            continue
        if not isinstance(entries, dict):
            errors.add(display, source.line_of((name,)), (name,), "expected a mapping of keys to fingerprints")
            continue
        for key, value in entries.items():
            if not isinstance(value, str) or not FINGERPRINT.match(value):
                errors.add(display, source.line_of((name, key)), (name, key),
                           "not a fingerprint written by `make translated`: run it again for this file")
        records[name] = {k: v for k, v in entries.items() if isinstance(v, str)}
    return records


def records_text(records: dict[str, dict[str, str]]) -> str:
    lines = [
        "# Written by `make translated`: the English text each translated data text was made",
        "# from, as a fingerprint. Do not edit by hand; see about/translating.md.",
    ]
    for name, entries in records.items():
        if not entries:
            continue
        lines.append(f"{name}:")
        lines.extend(f'  "{key}": "{value}"' for key, value in entries.items())
    return "\n".join(lines) + "\n"


# --- the status of one language ------------------------------------------------------------

@dataclass(frozen=True)
class Item:
    kind: Literal["page", "data"]
    file: str  # the translation's path from the project root, e.g. docs/da/data/models.yml
    key: str | None  # the data text's key; None for a page
    state: State
    page: str | None = None  # a page's path from docs/ in English: 'models/index.md'


@dataclass
class LanguageStatus:
    lang: str
    items: list[Item] = field(default_factory=list)

    def of(self, kind: str, state: State | None = None) -> list[Item]:
        return [i for i in self.items if i.kind == kind and (state is None or i.state == state)]

    def page_state(self, page: str) -> State | None:
        """The state of the translation of English page `page` ('models/index.md')."""
        return next((item.state for item in self.items if item.kind == "page" and item.page == page), None)

    def count(self, kind: str, state: State) -> int:
        return len(self.of(kind, state))

    def total(self, kind: str) -> int:
        return len([i for i in self.items if i.kind == kind and i.state != "orphan"])

    @property
    def complete(self) -> bool:
        return all(item.state == "translated" for item in self.items)


@dataclass(frozen=True)
class EnglishData:
    """The English data texts: {file name: {key: fingerprint}}, in the files' order."""

    units: dict[str, dict[str, str]]

    @classmethod
    def from_models(cls, models: dict[str, tuple[type[BaseModel], Any]], labels: dict[str, str]) -> "EnglishData":
        units = {
            name: {unit_key(path): fingerprint(value) for path, value in text_units(model, value)}
            for name, (model, value) in models.items()
        }
        units["labels"] = {key: fingerprint(value) for key, value in labels.items()}
        return cls(units)


def page_states(docs_dir: Path, lang: str, pages: list[str], english_fingerprints: dict[str, str],
                root: Path) -> list[Item]:
    folder = docs_dir / lang
    items = []
    for page in pages:
        path = folder / page
        display = _display(path, root)
        if not path.is_file():
            items.append(Item("page", display, None, "missing", page))
            continue
        # Undecodable bytes cannot hide a fingerprint; MkDocs reports the file itself.
        recorded = recorded_page_fingerprint(path.read_bytes().decode("utf-8", "replace"))
        state = "translated" if recorded == english_fingerprints[page] else "outdated"
        items.append(Item("page", display, None, state, page))
    if folder.is_dir():
        known = set(pages)
        for path in sorted(folder.rglob("*.md")):
            rel = path.relative_to(folder).as_posix()
            if rel not in known:
                items.append(Item("page", _display(path, root), None, "orphan", rel))
    return items


def data_states(lang_data: Path, english: EnglishData, translations: dict[str, Any],
                records: dict[str, dict[str, str]], root: Path) -> list[Item]:
    """`translations`: each translation file's raw data ({name: data}, labels flattened)."""
    items = []
    for name, units in english.units.items():
        display = _display(lang_data / f"{name}.yml", root)
        data = translations.get(name)
        recorded = records.get(name, {})
        for key, current in units.items():
            if not has_translation(name, data, key):
                state = "missing"
            elif recorded.get(key) == current:
                state = "translated"
            else:
                state = "outdated"
            items.append(Item("data", display, key, state))
    return items


def has_translation(name: str, data: Any, key: str) -> bool:
    if data is None:
        return False
    if name == "labels":
        return key in data
    path = tuple(key.split("."))
    if name == "glossary" and path[-1] == "term":
        # A language may have no term of its own for a concept; saying so translates it.
        entry = lookup(data, path[:-1])
        return isinstance(entry, dict) and (entry.get("term") is not None or entry.get("status") == "no-native-term")
    return lookup(data, path) is not None


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


# --- marking translations as made from the current English -------------------------------

class MarkError(Exception):
    """A translation that cannot be marked: not in a language folder, no English original."""


def mark_page(path: Path, english_path: Path) -> str:
    if not english_path.is_file():
        raise MarkError(f"{path}: there is no English page {english_path} to translate from")
    value = fingerprint(english_path.read_text(encoding="utf-8"))
    path.write_text(with_page_fingerprint(path.read_text(encoding="utf-8"), value), encoding="utf-8")
    return value


def at_or_under(key: str, group: str) -> bool:
    """Whether data text `key` is `group` or one of the texts under it ('integrated' holds
    'integrated.summary')."""
    return key == group or key.startswith(group + ".")


def marked_records(records: dict[str, dict[str, str]], name: str, english: EnglishData, data: Any,
                   key: str | None = None) -> tuple[dict[str, dict[str, str]], list[str]]:
    """The records with the texts of file `name` (or those at or under `key`) marked as
    translated from the current English. Texts the translation lacks lose their record."""
    units = english.units.get(name)
    if units is None:
        raise MarkError(f"{name}.yml is not a data file with translatable text")
    selected = [k for k in units if key is None or at_or_under(k, key)]
    if key is not None and not selected:
        raise MarkError(f"{name}.yml has no text with the key {key!r}")
    entries = dict(records.get(name, {}))
    marked = []
    for unit in selected:
        if has_translation(name, data, unit):
            entries[unit] = units[unit]
            marked.append(unit)
        else:
            entries.pop(unit, None)
    # Keep the English order, and drop records of texts that no longer exist.
    ordered = {unit: entries[unit] for unit in units if unit in entries}
    result = dict(records)
    result[name] = ordered
    return {file: result[file] for file in english.units if file in result}, marked
