"""English text on another language's page, marked as English.

Where a language has no translation of a data text or label, its pages show the
English one. Screen readers must then switch to an English voice, so such text
is an `EnglishText`: a str that renders as `<span lang="en">...</span>` wherever
a template prints it as HTML (`{{ text }}`, the `md` filter, `join`). In an
attribute, a template writes `{{ text | plain }}` instead, and a heading gets
`lang="en"` through the `lang_attr` filter (see render.py).
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape
from pydantic import BaseModel

from .status import lookup, text_units


class EnglishText(str):
    """Text shown in English for want of a translation."""

    __slots__ = ()

    def __html__(self) -> str:
        return f'<span lang="en">{escape(str(self))}</span>'


class EnglishForms(dict):
    """A plural label's forms, in English for want of a translation."""


def english_text(value: Any) -> Any:
    if isinstance(value, str):
        return EnglishText(value)
    if isinstance(value, list):
        return [english_text(item) for item in value]
    if isinstance(value, dict):
        return EnglishForms(value)
    return value


def is_english(value: Any) -> bool:
    """Whether a text or label is English shown for want of a translation."""
    return isinstance(value, (EnglishText, EnglishForms))


def lang_wrapped(text: Any, html: str) -> Markup:
    """`html` (rendered from `text`) in a `lang="en"` span when `text` is English fallback."""
    return Markup(f'<span lang="en">{html}</span>' if isinstance(text, EnglishText) else html)


def mark_untranslated(model: type[BaseModel], value: Any, translation: Any) -> None:
    """Turn every text of `value` (one language's validated copy of data file `name`)
    that `translation` (the raw translation file, or None) lacks into EnglishText."""
    for path, text in list(text_units(model, value)):
        # Strictly the text itself: a glossary concept with no term of its own still
        # shows the English term, which is English text.
        if lookup(translation, path) is None:
            _replace(value, path, english_text(text))


def _replace(container: Any, path: tuple, new: Any) -> None:
    for part in path[:-1]:
        container = container[part] if isinstance(container, dict) else getattr(container, part)
    last = path[-1]
    if isinstance(container, dict):
        container[last] = new
    else:
        # Validated models are frozen; this copy belongs to one language only.
        container.__dict__[last] = new


def theme_labels(data, group: str) -> dict:
    """A group of labels for a theme template ({'close': 'Luk', ...}), with `english`:
    the names of those shown in English for want of a translation."""
    prefix = f"{group}."
    labels = {key[len(prefix):]: value for key, value in data.labels.items() if key.startswith(prefix)}
    result = {name: dict(value) if isinstance(value, dict) else str(value) for name, value in labels.items()}
    result["english"] = sorted(name for name, value in labels.items() if is_english(value))
    return result
