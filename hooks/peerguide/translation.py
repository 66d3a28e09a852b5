"""Translation files: their schema, derived from the English one, and the overlay.

A translation file mirrors its English file key for key but holds only the
`Text` fields. Anything else in it (a year, a URL, a misspelt key) is an
error, so translators cannot change facts by accident. Where a string is
missing, the English one stays: pages fall back string by string.
"""

from __future__ import annotations

import functools
import types
import typing
from typing import Annotated, Any, Optional, Union

from pydantic import BaseModel, ConfigDict, RootModel, create_model

from .errors import ErrorList, Path
from .types import Translatable
from .yamlsource import Source


class TranslationRecord(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def is_translatable(annotation: Any, metadata: list | tuple = ()) -> bool:
    if any(isinstance(item, Translatable) for item in metadata):
        return True
    if typing.get_origin(annotation) is Annotated:
        return any(isinstance(item, Translatable) for item in typing.get_args(annotation)[1:])
    return False


def _derive(annotation: Any) -> Any | None:
    """The translation counterpart of a type, or None if it holds no text."""
    origin = typing.get_origin(annotation)
    if is_translatable(annotation):
        return annotation
    if origin in (Union, types.UnionType):
        options = [_derive(arg) for arg in typing.get_args(annotation) if arg is not type(None)]
        options = [option for option in options if option is not None]
        return options[0] if len(options) == 1 else None
    if origin is dict:
        value = _derive(typing.get_args(annotation)[1])
        # Keys are ids; unknown ones are reported by the overlay, against the English data.
        return dict[str, value] if value is not None else None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return translation_model(annotation)
    return None


@functools.cache
def translation_model(model: type[BaseModel]) -> type[BaseModel] | None:
    """The schema of a translation file (or block) for an English schema."""
    if issubclass(model, RootModel):
        root = _derive(model.model_fields["root"].annotation)
        return RootModel[root] if root is not None else None
    fields = {}
    for name, info in model.model_fields.items():
        if is_translatable(info.annotation, info.metadata):
            derived = Annotated[(info.annotation, *info.metadata)]
        else:
            derived = _derive(info.annotation)
        if derived is not None:
            fields[name] = (Optional[derived], None)
    if not fields:
        return None
    return create_model(f"{model.__name__}Translation", __base__=TranslationRecord, **fields)


def overlay(english: Any, translation: BaseModel, source: Source, errors: ErrorList) -> Any:
    """English values (as plain data) with the translated strings put in their place."""
    return _overlay(english, translation, (), source, errors)


def _overlay(base: Any, value: Any, path: Path, source: Source, errors: ErrorList) -> Any:
    if isinstance(value, RootModel):
        return _overlay(base, value.root, path, source, errors)
    if isinstance(value, BaseModel):
        merged = dict(base)
        for name in value.model_fields_set:
            item = getattr(value, name)
            # Fields the English schema lacks are per-language metadata (a term's status).
            if item is not None and name in base:
                merged[name] = _overlay(base[name], item, path + (name,), source, errors)
        return merged
    if isinstance(value, dict):
        merged = dict(base)
        for key, item in value.items():
            if key not in base:
                known = ", ".join(base) or "none"
                errors.add(
                    source.file, source.line_of(path + (key,)), path + (key,),
                    f"unknown id {key!r}: the English file has no such entry (known: {known})",
                )
                continue
            merged[key] = _overlay(base[key], item, path + (key,), source, errors)
        return merged
    if isinstance(value, list) and isinstance(base, list) and len(value) != len(base):
        errors.add(
            source.file, source.line_of(path), path,
            f"has {len(value)} items but the English text has {len(base)}: translate item for item",
        )
        return base
    return value
