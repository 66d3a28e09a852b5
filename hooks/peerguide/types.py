"""Field types shared by the data schemas.

`Text` marks text that is written per language; everything else is a
language-neutral fact that lives once, in the English file. Text is plain text
or inline Markdown: raw HTML is refused here, and the templates escape it
again, so nothing from the data reaches a page as markup.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic import ValidationInfo

from . import datalinks


class Translatable:
    """Marker in a field's annotation: this text is written per language."""

    def __repr__(self) -> str:  # keeps pydantic's schema reprs readable
        return "Translatable()"


_RAW_HTML = re.compile(r"<\s*[A-Za-z!?/]")
# `{: #id .class key=value }`: the page's Markdown would read it as attributes in a heading.
# The one attribute list data text may hold: a phrase's language, right after *emphasis*.
_LANG_MARK = re.compile(r"""(?<=[*_`])\{:?[ \t]*lang=["']?[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*["']?[ \t]*\}""")
_ATTRIBUTE_LIST = re.compile(r"\{(?::[^{}]*|[ \t]*(?:[#.][A-Za-z_-]|[A-Za-z_][\w-]*[ \t]*=)[^{}]*)\}")
_BLOCK_MARKDOWN = re.compile(r"^\s*(?:#{1,6}\s|>\s|```|~~~|[-*+]\s|\d+\.\s)")


# The longest text of each kind. Pages and phones need nothing longer, and the limits
# keep Markdown's inline parser, which slows down quadratically on nested brackets,
# within milliseconds for any text that passes.
MAX_TEXT = 1200  # a paragraph: summaries, help texts, definitions, labels
MAX_ITEM = 400  # one item of a list of texts
MAX_NAME = 300  # a name or a title
MAX_BRACKETS = 20


def _inline_text(limit: int):
    def check(value: str) -> str:
        value = " ".join(value.split())
        if not value:
            raise ValueError("must not be empty")
        if len(value) > limit:
            raise ValueError(f"is {len(value)} characters long; at most {limit} fit here")
        if _RAW_HTML.search(value):
            raise ValueError("raw HTML is not allowed in data: write plain text or inline Markdown")
        if _ATTRIBUTE_LIST.search(_LANG_MARK.sub("", value)):
            raise ValueError("attribute lists ({: ... }) are not allowed in data text, but for the language of a "
                             "phrase right after it: *Intentional Peer Support*{ lang=\"en\" }")
        if _BLOCK_MARKDOWN.match(value):
            raise ValueError("only inline Markdown is allowed here (no headings, quotes, lists or code blocks)")
        if value.count("[") > MAX_BRACKETS:
            raise ValueError(f"has {value.count('[')} '[': at most {MAX_BRACKETS} (links) fit in one text")
        found = datalinks.problems(value)
        if found:
            raise ValueError("; ".join(found))
        return value

    return check


# Where the ids of each kind are defined, for error messages.
_ID_HOMES = {"checklist-groups": "the groups of checklist.yml", "checklist-items": "the items of checklist.yml"}


def _check_ref(kind: str):
    def check(value: str, info: ValidationInfo) -> str:
        known = (info.context or {}).get(kind)
        if known is not None and value not in known:
            listed = ", ".join(sorted(known)) or "none"
            home = _ID_HOMES.get(kind, f"{kind}.yml")
            raise ValueError(f"unknown id {value!r}: not in {home} (known: {listed})")
        return value

    return check


def _year_to_text(value: Any) -> Any:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _calendar_date(value: str) -> str:
    """2023-02-31 looks like a date but is none."""
    if len(value) == 10:
        try:
            datetime.date.fromisoformat(value)
        except ValueError:
            raise ValueError(f"{value} is not a date in the calendar") from None
    return value



Inline = Annotated[str, AfterValidator(_inline_text(MAX_NAME))]
Text = Annotated[str, Translatable(), AfterValidator(_inline_text(MAX_TEXT))]
TextList = Annotated[list[Annotated[str, AfterValidator(_inline_text(MAX_ITEM))]], Translatable(), Field(min_length=1)]
Name = Inline

Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
Url = Annotated[str, StringConstraints(pattern=r"^https?://[^\s<>\"'`]+$")]
Doi = Annotated[str, StringConstraints(pattern=r"^10\.\d{4,9}/\S+$")]
Pmid = Annotated[str, StringConstraints(pattern=r"^\d+$")]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")]
Year = Annotated[int, Field(ge=1900, le=2100)]
# 2014, "2023-05" or "2024-04-30"
PartialDate = Annotated[
    str,
    BeforeValidator(_year_to_text),
    StringConstraints(pattern=r"^(?:19|20)\d\d(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$"),
    AfterValidator(_calendar_date),
]
# A number shown on a page: never infinite or "not a number" (YAML reads 1.0e999 as infinity).
Finite = Annotated[float, Field(allow_inf_nan=False)]
# A page of the guide, from docs/, as Markdown links in the data are written.
PageLink = Annotated[str, StringConstraints(pattern=r"^/(?:[a-z0-9-]+/)*[a-z0-9-]+\.md(?:#[a-z0-9-]+)?$")]


def Ref(kind: str):
    """An id that must exist in another data file, e.g. Ref("partners")."""
    return Annotated[Id, AfterValidator(_check_ref(kind))]


class Record(BaseModel):
    """A block of data: unknown keys and loosely typed values are errors."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
