"""The schema of every data file under docs/data/ (English and language-neutral facts).

Each top-level mapping is keyed by stable ids. A translation file in
docs/<lang>/data/ has the same file name and keys but only the `Text` fields;
its schema is derived from these classes (see translation.py).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import ConfigDict, Field, RootModel, StringConstraints, field_validator, model_validator

from .types import (
    CountryCode, Doi, Finite, Id, Inline, LanguageCode, Name, PageLink, PartialDate, Pmid, Record, Ref, Text, TextList,
    Url, Year,
)
from .formatting import date_sort_key

Employment = Literal["paid", "volunteer"]
Anchoring = Literal["own-organisation", "own-organisation-typically", "partner-organisation"]
Purpose = Literal["personal-recovery", "organisational-recovery-orientation"]
Role = Literal["coordinator", "partner", "guest"]
ReferenceKind = Literal["research", "cited", "network", "web", "further"]
TermStatus = Literal["confirmed", "unconfirmed", "no-native-term"]
# Who says it: a source ("source"), or the guide reading its sources ("guide"); the pages
# mark "guide" with the words of the label reading.badge ("the guide's reading").
Basis = Literal["source", "guide"]

ReferenceRef = Ref("references")
Sources = list[ReferenceRef]


def _unique(values: list) -> list:
    duplicates = sorted({value for value in values if values.count(value) > 1})
    if duplicates:
        raise ValueError(f"listed more than once: {', '.join(map(str, duplicates))}")
    return values


# --- models.yml: the three ways of organising peer support -----------------------------

class Point(Record):
    """One opportunity or risk of a model (table 3 of the Danish article)."""

    title: Text
    text: Text
    details: TextList | None = None
    refs: Sources = []


class OrganisationModel(Record):
    name: Text
    # The name inside a sentence or after the first item of a list, for languages that write
    # it in lower case there (Estonian, Lithuanian); the name itself where not given.
    name_in_text: Text | None = None
    short_name: Text
    danish_term: Name
    summary: Text
    employment: list[Employment] = Field(min_length=1)
    anchoring: Anchoring
    best_serves: Purpose
    best_serves_basis: Basis
    purpose_note: Text
    # Named in the article; translated because some are descriptions ("Recovery colleges").
    examples_dk_2024: TextList
    key_strengths: TextList
    key_risks: TextList
    opportunities: dict[Id, Point] = Field(min_length=1)
    risks: dict[Id, Point] = Field(min_length=1)
    conclusion: Text
    conclusion_basis: Basis
    sources: Sources = Field(min_length=1)

    _unique_employment = field_validator("employment")(_unique)


class ModelsFile(RootModel[dict[Id, OrganisationModel]]):
    pass


# --- countries.yml ------------------------------------------------------------------------

class ModelUse(Record):
    """Which model a country uses. `basis` says who assigns the model: a source that
    names it ("source"), or the guide reading a source's description ("guide"),
    which the pages then say."""

    basis: Basis
    note: Text
    sources: Sources = Field(min_length=1)


class Milestone(Record):
    date: PartialDate
    text: Text
    sources: Sources = Field(min_length=1)


def _in_order(start: str | None, end: str | None, names: str) -> None:
    if start and end and date_sort_key(end) < date_sort_key(start):
        raise ValueError(f"{names}: the period ends ({end}) before it starts ({start})")


class Figure(Record):
    value: int | Finite
    unit: Literal["count", "percent"]
    label: Text
    date: PartialDate | None = None
    # The end of the period the figure covers, when `date` is its start.
    until: PartialDate | None = None
    sources: Sources = Field(min_length=1)

    @model_validator(mode="after")
    def _until_needs_date(self) -> "Figure":
        if self.until and not self.date:
            raise ValueError("`until` needs a `date` for the start of the period")
        _in_order(self.date, self.until, "date and until")
        return self


class CountryMap(Record):
    iso_numeric: Annotated[str, StringConstraints(pattern=r"^\d{3}$")]
    label: list[Finite] = Field(min_length=2, max_length=2)  # longitude, latitude

    @field_validator("label")
    @classmethod
    def _on_the_globe(cls, label: list[float]) -> list[float]:
        if not (-180 <= label[0] <= 180 and -90 <= label[1] <= 90):
            raise ValueError(f"[longitude, latitude] must be within [-180..180, -90..90] (got {label})")
        return label


class Country(Record):
    name: Text
    code: CountryCode
    map: CountryMap
    partners: list[Ref("partners")] = []
    summary: Text
    organisation: Text
    training: Text
    status: Text
    models: dict[Ref("models"), ModelUse] = {}
    milestones: dict[Id, Milestone] = {}
    figures: dict[Id, Figure] = {}
    sources: Sources = Field(min_length=1)

    _unique_partners = field_validator("partners")(_unique)


class CountriesFile(RootModel[dict[Id, Country]]):
    pass


# --- partners.yml: the organisations of the Nordplus network --------------------------------

class Partner(Record):
    name: Name
    name_en: Name
    short_name: Name | None = None
    also_called: list[Name] = []
    country: Ref("countries")
    website: Url
    role: Role
    founded: Year | None = None
    description: Text
    sources: Sources = Field(min_length=1)


class PartnersFile(RootModel[dict[Id, Partner]]):
    pass


# --- projects.yml: Nordplus projects and their events ---------------------------------------

class Budget(Record):
    amount: int = Field(gt=0)
    currency: Literal["EUR", "SEK", "NOK", "DKK"]


class Event(Record):
    date: PartialDate
    place: Text | None = None  # place names are written in each language (Pernu in Lithuanian)
    title: Text
    text: Text | None = None
    sources: Sources = Field(min_length=1)


class Project(Record):
    title: Text
    official_title: Name | None = None
    code: Name | None = None
    # Left out when no source names the programme.
    programme: Name | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    budget: Budget | None = None
    coordinator: Ref("partners") | None = None
    partners: list[Ref("partners")] = []
    guests: list[Ref("partners")] = []
    summary: Text
    outputs: TextList | None = None
    events: dict[Id, Event] = {}
    sources: Sources = Field(min_length=1)

    _unique_partners = field_validator("partners", "guests")(_unique)

    @model_validator(mode="after")
    def _period_in_order(self) -> "Project":
        _in_order(self.start, self.end, "start and end")
        return self


class ProjectsFile(RootModel[dict[Id, Project]]):
    pass


# --- checklist.yml: what an organisation decides and prepares -------------------------------

class ChecklistGroup(Record):
    title: Text
    intro: Text | None = None


class ChecklistItem(Record):
    group: Ref("checklist-groups")
    text: Text
    help: Text
    link: PageLink
    sources: Sources = Field(min_length=1)


class ChecklistFile(Record):
    groups: dict[Id, ChecklistGroup] = Field(min_length=1)
    items: dict[Id, ChecklistItem] = Field(min_length=1)

    @model_validator(mode="after")
    def _every_group_has_items(self) -> "ChecklistFile":
        empty = [group for group in self.groups if all(item.group != group for item in self.items.values())]
        if empty:
            raise ValueError(f"groups without items: {', '.join(empty)}")
        return self


# --- glossary.yml ---------------------------------------------------------------------------

class GlossaryEntry(Record):
    term: Text
    definition: Text
    # "guide": the definition is the guide's own reading of its sources.
    basis: Basis
    sources: Sources = []


class GlossaryFile(RootModel[dict[Id, GlossaryEntry]]):
    pass


class GlossaryTranslationEntry(Record):
    """A language's own term for a concept, and how sure we are of it."""

    term: Text | None = None
    also: list[Inline] = []
    definition: Text | None = None
    status: TermStatus
    term_sources: Sources = []

    @model_validator(mode="after")
    def _status_matches_term(self) -> "GlossaryTranslationEntry":
        if self.status != "no-native-term" and not self.term:
            raise ValueError(f"a term is needed when status is {self.status!r}")
        if self.status == "confirmed" and not self.term_sources:
            raise ValueError("a confirmed term needs term_sources naming where it is used")
        return self


class GlossaryTranslationFile(RootModel[dict[str, GlossaryTranslationEntry]]):
    pass


# --- references.yml -------------------------------------------------------------------------

class Reference(Record):
    kind: ReferenceKind
    cite: Name
    authors: Name | None = None
    year: Year | None = None
    title: Name | None = None
    container: Name | None = None
    # The language of the title and container, as written (pages mark them with it).
    language: LanguageCode = "en"
    doi: Doi | None = None
    pmid: Pmid | None = None
    url: Url | None = None
    licence: Name | None = None
    note: Text | None = None


class ReferencesFile(RootModel[dict[Id, Reference]]):
    pass


# --- handouts.yml: the PDF handouts ---------------------------------------------------------

PagePath = Annotated[str, StringConstraints(pattern=r"^/(?:[a-z0-9-]+/)*[a-z0-9-]+\.md$")]


class Handout(Record):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=True)

    title: Text
    description: Text
    pages: Literal["all"] | list[PagePath]
    # With `pages: all`: the pages left out.
    except_: list[PagePath] = Field(default=[], alias="except")
    linked_from: list[PagePath] = []

    _unique_pages = field_validator("linked_from", "except_")(_unique)


class HandoutsFile(RootModel[dict[Id, Handout]]):
    pass


# --- chooser.yml: "Which model fits us?" ------------------------------------------------------

class ChooserAnswer(Record):
    text: Text
    reason: Text
    # The models this answer fits; none: it leaves every model.
    fits: list[Ref("models")] = []
    # Checklist items this answer adds to the result.
    checklist: list[Ref("checklist-items")] = []

    _unique_lists = field_validator("fits", "checklist")(_unique)


class ChooserQuestion(Record):
    question: Text
    help: Text | None = None
    answers: dict[Id, ChooserAnswer] = Field(min_length=2)


class ChooserFile(Record):
    intro: Text
    decides: Id
    conflict: Text
    questions: dict[Id, ChooserQuestion] = Field(min_length=1)
    against_risks: dict[Ref("models"), list[Ref("checklist-items")]]

    @model_validator(mode="after")
    def _decides_is_a_question(self) -> "ChooserFile":
        if self.decides not in self.questions:
            raise ValueError(f"decides: {self.decides!r} is not one of the questions ({', '.join(self.questions)})")
        if any(not answer.fits for answer in self.questions[self.decides].answers.values()):
            raise ValueError(f"every answer of the deciding question {self.decides!r} must name the models it fits")
        return self


# --- style.yml: how one translation writes (docs/<lang>/data/style.yml) ----------------------------

class AddressStyle(Record):
    """How the guide speaks to its reader: one form everywhere (pages, labels, data, PDFs)."""

    form: Literal["formal", "informal"]
    number: Literal["singular", "plural"]
    words: list[Inline] = Field(min_length=1)  # the chosen form: "I", "jer", "jeres"
    avoid: list[Inline] = Field(min_length=1)  # words that give the other form away: "du", "din"
    note: Text | None = None


class QuoteStyle(Record):
    primary: list[Annotated[str, StringConstraints(min_length=1, max_length=1)]] = Field(min_length=2, max_length=2)
    secondary: list[Annotated[str, StringConstraints(min_length=1, max_length=1)]] = Field(
        default=[], max_length=2)


class TermRule(Record):
    avoid: Inline
    use: Inline
    note: Text | None = None


class StyleSheet(Record):
    address: AddressStyle
    quotes: QuoteStyle
    decimal: Literal[",", "."]
    thousands: Literal[" ", ".", ",", "\u00a0", "\u202f"]
    terms: list[TermRule] = []
    # Words this language shares with English (loans, names kept as they are): never taken
    # for English left untranslated.
    shared_words: list[Inline] = []
    note: Text | None = None
