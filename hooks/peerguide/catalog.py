"""Load every data file for every language into validated, merged models.

    docs/data/<name>.yml         English text and the language-neutral facts
    docs/<lang>/data/<name>.yml  that language's text, same keys (optional)

`load_catalog()` returns one `LanguageData` per language, with translated text
where there is some and English elsewhere, or raises `DataErrors` listing
every problem with its file, line and field.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from pydantic import BaseModel, TypeAdapter, ValidationError

from . import pagelinks, schema
from .errors import ErrorList, format_path
from .fallback import english_text, mark_untranslated
from .formatting import locale_of
from .translation import overlay, translation_model
from .types import Text
from .status import RECORDS, read_records
from .yamlsource import Source, load_file

DATA_FOLDER = "data"


@dataclass(frozen=True)
class DataFile:
    name: str
    model: type[BaseModel]
    # Ids this file defines for cross-references, as {kind: ids}.
    ids: Callable[[Any], dict[str, set[str]]]
    translation: type[BaseModel] | None = None

    @property
    def translation_schema(self) -> type[BaseModel] | None:
        return self.translation or translation_model(self.model)


def _keys(kind: str) -> Callable[[Any], dict[str, set[str]]]:
    return lambda data: {kind: set(data) if isinstance(data, dict) else set()}


def _checklist_ids(data: Any) -> dict[str, set[str]]:
    groups = data.get("groups") if isinstance(data, dict) else None
    items = data.get("items") if isinstance(data, dict) else None
    return {
        "checklist-groups": set(groups) if isinstance(groups, dict) else set(),
        "checklist-items": set(items) if isinstance(items, dict) else set(),
    }


DATA_FILES: dict[str, DataFile] = {
    file.name: file
    for file in [
        DataFile("models", schema.ModelsFile, _keys("models")),
        DataFile("countries", schema.CountriesFile, _keys("countries")),
        DataFile("partners", schema.PartnersFile, _keys("partners")),
        DataFile("projects", schema.ProjectsFile, _keys("projects")),
        DataFile("checklist", schema.ChecklistFile, _checklist_ids),
        DataFile("glossary", schema.GlossaryFile, _keys("glossary"), schema.GlossaryTranslationFile),
        DataFile("references", schema.ReferencesFile, _keys("references")),
        DataFile("handouts", schema.HandoutsFile, _keys("handouts")),
        DataFile("chooser", schema.ChooserFile, lambda data: {}),
    ]
}
LABELS = "labels"
STYLE = "style.yml"  # how a translation writes: form of address, quotation marks (make qa)


@dataclass(frozen=True)
class LanguageData:
    """Everything the templates may show, in one language."""

    lang: str
    models: dict[str, schema.OrganisationModel]
    countries: dict[str, schema.Country]
    partners: dict[str, schema.Partner]
    projects: dict[str, schema.Project]
    checklist: schema.ChecklistFile
    glossary: dict[str, schema.GlossaryEntry]
    references: dict[str, schema.Reference]
    handouts: dict[str, schema.Handout]
    chooser: schema.ChooserFile
    labels: dict[str, str]
    # Each language's own glossary terms (English included), for the table that compares them.
    terms: dict[str, dict[str, schema.GlossaryTranslationEntry]]
    # Links from the data to pages, with where each is written ('docs/data/x.yml:12: a.b').
    link_sources: dict[str, list[str]] = field(default_factory=dict)

    def t(self, key: str) -> str:
        """A label in this language (falling back to English when it was loaded)."""
        try:
            return self.labels[key]
        except KeyError:
            raise KeyError(f"label {key!r} is not defined in docs/{DATA_FOLDER}/{LABELS}.yml") from None


def _unwrap(value: Any) -> Any:
    return value.root if hasattr(value, "root") and isinstance(value, BaseModel) else value


def _read(path: Path, display: str, errors: ErrorList) -> Source:
    return load_file(path, display, errors)


def _validate(
    model: type[BaseModel], source: Source, errors: ErrorList, context: dict, translation: bool = False
) -> BaseModel | None:
    try:
        return model.model_validate(source.data, context=context)
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(part for part in error["loc"] if part != "[key]")
            # Keep the part of the location that is in the file (drops union member names).
            path = loc if error["type"] in ("missing", "extra_forbidden") else source.known_prefix(loc)
            errors.add(source.file, source.line_of(path), path, _message(error, translation))
        return None


def _message(error: dict, translation: bool) -> str:
    kind = error["type"]
    field = error["loc"][-1] if error["loc"] else ""
    if kind == "missing":
        return f"missing required field {field!r}"
    if kind == "extra_forbidden":
        if translation:
            return (
                f"unexpected key {field!r}: a translation file holds only text; "
                "facts such as years, links and ids live in the English file"
            )
        return f"unexpected key {field!r}"
    message = error["msg"].removeprefix("Value error, ")
    if kind.endswith("_type") or kind.startswith("literal") or kind.startswith("string_pattern"):
        message += f" (got {error.get('input')!r})"
    return message


_TEXT = TypeAdapter(Text)


PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


def plural_forms(lang: str) -> list[str]:
    """The CLDR plural categories a language's plural labels need: ['one', 'other'] in
    English, ['one', 'few', 'many', 'other'] in Lithuanian."""
    tags = locale_of(lang).plural_form.tags | {"other"}
    return [category for category in PLURAL_CATEGORIES if category in tags]


def _is_plural(value: Any) -> bool:
    return isinstance(value, dict) and "other" in value and set(value) <= set(PLURAL_CATEGORIES)


def flatten_labels(
    data: Any, source: Source, errors: ErrorList, prefix: tuple = (), lang: str | None = None
) -> dict[str, Any]:
    """Labels as {'models.caption': text}. A label whose keys are CLDR plural categories
    (`one`, `few`, `many`, `other`, ...) is one plural label: {'one': ..., 'other': ...};
    with `lang`, it must have every form that language needs."""
    flat: dict[str, Any] = {}
    if not isinstance(data, dict):
        errors.add(source.file, source.line_of(prefix), prefix, "expected a mapping of labels")
        return flat
    for key, value in data.items():
        path = prefix + (key,)
        if _is_plural(value):
            forms = {}
            for category, text in value.items():
                forms[category] = _label_text(text, source, errors, path + (category,))
            missing = [category for category in plural_forms(lang) if category not in value] if lang else []
            if missing:
                errors.add(source.file, source.line_of(path), path,
                           f"plural label needs the forms {', '.join(plural_forms(lang))} in this language "
                           f"(CLDR plural rules); missing: {', '.join(missing)}")
            flat[format_path(path)] = forms
        elif isinstance(value, dict):
            flat.update(flatten_labels(value, source, errors, path, lang))
        else:
            flat[format_path(path)] = _label_text(value, source, errors, path)
    return flat


def _label_text(value: Any, source: Source, errors: ErrorList, path: tuple) -> str | None:
    try:
        return _TEXT.validate_python(value, strict=True)
    except ValidationError as exc:
        errors.add(source.file, source.line_of(path), path, _message(exc.errors()[0], False))
        return None


def languages_with_data(docs_dir: Path, languages: list[str], default: str) -> dict[str, Path]:
    return {lang: docs_dir / (DATA_FOLDER if lang == default else f"{lang}/{DATA_FOLDER}") for lang in languages}


def load_catalog(docs_dir: Path, languages: list[str], default: str = "en", root: Path | None = None) -> dict[str, LanguageData]:
    """Load, validate and merge all data files; raise DataErrors on any problem."""
    root = root or docs_dir.parent
    folders = languages_with_data(docs_dir, languages, default)
    errors = ErrorList()

    def display(path: Path) -> str:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            return path.as_posix()

    # English first: its ids are what every reference is checked against.
    english_sources: dict[str, Source] = {}
    for name in [*DATA_FILES, LABELS]:
        path = folders[default] / f"{name}.yml"
        if not path.is_file():
            errors.add(display(path), None, (), "required data file is missing")
            continue
        english_sources[name] = _read(path, display(path), errors)
    errors.raise_if_any()

    context: dict[str, set[str]] = {}
    for name, file in DATA_FILES.items():
        context.update(file.ids(english_sources[name].data))

    english: dict[str, Any] = {}
    for name, file in DATA_FILES.items():
        english[name] = _validate(file.model, english_sources[name], errors, context)
    english_labels = flatten_labels(english_sources[LABELS].data, english_sources[LABELS], errors, lang=default)
    english_links = pagelinks.collect(list(english_sources.values()), docs_dir, errors)
    errors.raise_if_any()

    catalog: dict[str, LanguageData] = {}
    terms: dict[str, dict[str, schema.GlossaryTranslationEntry]] = {
        default: {
            # The English working terms need no source of their own: built, not validated.
            concept: schema.GlossaryTranslationEntry.model_construct(
                term=entry.term, also=[], definition=None, status="confirmed", term_sources=[]
            )
            for concept, entry in english["glossary"].root.items()
        }
    }
    merged_by_lang: dict[str, tuple[dict[str, Any], dict[str, str], dict[str, list[str]]]] = {}
    for lang in languages:
        if lang == default:
            merged = {name: _unwrap(value) for name, value in english.items()}
            merged_by_lang[lang] = (merged, english_labels, english_links)
        else:
            merged, labels, terms[lang], sources = _load_translation(
                lang, folders[lang], english, english_labels, context, errors, display
            )
            links = pagelinks.collect(sources, docs_dir, errors)
            for link, where in english_links.items():
                links.setdefault(link, []).extend(where)
            merged_by_lang[lang] = (merged, labels, links)
    errors.raise_if_any()

    for lang, (merged, labels, links) in merged_by_lang.items():
        catalog[lang] = LanguageData(lang=lang, terms=terms, labels=labels, link_sources=links, **merged)
    return catalog


def _load_translation(lang, folder, english, english_labels, context, errors: ErrorList, display):
    """One language's data: English with that language's strings laid over it, and
    every English string left in it marked as English (fallback.EnglishText)."""
    raw: dict[str, Any] = {}
    sources: list[Source] = []
    merged: dict[str, Any] = {}
    labels = {key: english_text(value) for key, value in english_labels.items()}
    terms: dict[str, schema.GlossaryTranslationEntry] = {}
    known = {f"{name}.yml" for name in [*DATA_FILES, LABELS]}
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if path.name == RECORDS:
            read_records(path, display(path), {*DATA_FILES, LABELS}, errors)  # checked, used by the status
            continue
        if path.name == STYLE:
            _validate(schema.StyleSheet, _read(path, display(path), errors), errors, context)  # read by make qa
            continue
        if path.name not in known:
            errors.add(
                display(path), None, (),
                f"unexpected file: translation data files are {', '.join(sorted(known | {RECORDS, STYLE}))}",
            )
            continue
        name = path.stem
        source = _read(path, display(path), errors)
        if source.data is None:
            continue  # an empty translation file translates nothing
        sources.append(source)
        if name == LABELS:
            translated = flatten_labels(source.data, source, errors, lang=lang)
            for key in translated.keys() - english_labels.keys():
                path_parts = tuple(key.split("."))
                errors.add(source.file, source.line_of(path_parts), path_parts, f"unknown label {key!r}")
            for key in translated.keys() & english_labels.keys():
                if isinstance(translated[key], dict) != isinstance(english_labels[key], dict):
                    path_parts = tuple(key.split("."))
                    kind = "plural forms (one, other, ...)" if isinstance(english_labels[key], dict) else "one text"
                    errors.add(source.file, source.line_of(path_parts), path_parts,
                               f"the English label is {kind}: write the same kind of label")
            labels.update({k: v for k, v in translated.items() if k in english_labels})
            continue
        file = DATA_FILES[name]
        translation = _validate(file.translation_schema, source, errors, context, translation=True)
        if translation is None:
            continue
        raw[name] = source.data
        data = overlay(english[name].model_dump(), translation, source, errors)
        validated = _validate(file.model, Source(source.file, data, source.lines), errors, context)
        if validated is not None:
            merged[name] = _unwrap(validated)
        if name == "glossary":
            terms = dict(translation.root)
    for name, file in DATA_FILES.items():
        # A copy per language: its English strings are about to be marked as such.
        value = merged.get(name) or _unwrap(copy.deepcopy(english[name]))
        mark_untranslated(file.model, value, raw.get(name))
        merged[name] = value
    return merged, labels, terms, sources
