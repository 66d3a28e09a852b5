"""Quality checks of a translation against its English original (make qa).

What a translation QA tool checks and a machine can judge, per page and per data text,
each finding with the file, the line and (for data) the key:

- figures: every number of the English (years, counts, percentages, amounts) is in the
  translation, and no other; numbers are compared as values, read with the language's
  decimal and thousands separators (style.yml), so 2.2 and 2,2 are the same figure;
- links, anchors, headings and markers: the same link targets, `{#anchors}`, headings
  (count and levels: their ids follow the English ones, headings.py) and data markers as
  the English;
- glossary: where the English uses a glossary term, the translation uses that
  language's term or one of its listed alternatives (glossary.yml);
- style (the language's style.yml): the other form of address, quotation marks the
  language does not use, a decimal point or thousands separator of another language,
  a spaced hyphen or a hyphen between years where the language writes a dash, terms to
  avoid;
- English: a run of English words in running text that is not marked `lang="en"`.

How words are matched (glossary, terms): "stemmed" means each word is cut to a stem of
its first letters (all but the last three, at least four), and a word of the text
matches when it starts with that stem; a term of several words matches where its words
follow each other. So *peer-støtte* finds *peer-støtten*, *levede erfaringer* finds
*levet erfaring*, *kogemusnõustaja* finds *kogemusnõustajad*. A compound with the term
at its end (*eakaaslastekogemusnõustaja*) is not found: it is flagged, and a reviewer
decides.

How English is recognised: a word is English when it occurs in the guide's English
texts and is not a word the language itself uses: one it writes outside text marked as
English, in its glossary, or in the style sheet's `shared_words`. A run of two or more
such words in a row is flagged. So *Mental Health Center* in a Danish sentence is
flagged (Danish never writes *health*), *recovery* alone is not (a single loan word, and
the Danish glossary's term).

Everything here is plain functions of texts; tools/translations.py and the build's
translation status page call `check_language()`.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

from pydantic import ValidationError

from .catalog import DATA_FOLDER as DATA
from .catalog import PLURAL_CATEGORIES, STYLE
from .errors import ErrorList, format_path
from .headings import headings
from .markers import find_markers, without_code_spans
from .schema import StyleSheet
from .status import RECORDS, english_pages, front_matter, lookup
from .yamlsource import load_file

KINDS = ("figures", "links", "anchors", "headings", "markers", "glossary", "address", "quotes", "separators",
         "dashes", "terms", "english")


@dataclass(frozen=True, order=True)
class Finding:
    file: str
    line: int
    key: str
    kind: str
    message: str

    def __str__(self) -> str:
        key = f" {self.key}:" if self.key else ""
        return f"{self.file}:{self.line}:{key} [{self.kind}] {self.message}"


# --- words ---------------------------------------------------------------------------------

WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*")


def stem(word: str) -> str:
    word = word.lower()
    return word if len(word) <= 4 else word[: max(4, len(word) - 3)]


def term_stems(term: str) -> tuple[str, ...]:
    """A glossary term as the stems of its words; a part in parentheses is left out
    ("equality (parity)" -> equality)."""
    return tuple(stem(word) for word in WORD.findall(re.sub(r"\([^)]*\)", " ", term)))


def find_term(stems: tuple[str, ...], words: list[str]) -> int | None:
    """Where in `words` (lowercase) the term's words follow each other, or None."""
    if not stems:
        return None
    for start in range(len(words) - len(stems) + 1):
        if all(words[start + offset].startswith(part) for offset, part in enumerate(stems)):
            return start
    return None


def english_term_words(term: str) -> tuple[str, ...]:
    return tuple(WORD.findall(re.sub(r"\([^)]*\)", " ", term)))


def find_english_term(term_words: tuple[str, ...], words: list[str]) -> int | None:
    """Where the English text uses a glossary term as a term: in lowercase (not inside a
    name such as "PEER Support"), singular or plural."""
    if not term_words:
        return None
    for start in range(len(words) - len(term_words) + 1):
        if all(words[start + offset] in (part, part + "s") for offset, part in enumerate(term_words)):
            return start
    return None


# --- what running text is -----------------------------------------------------------------

_FENCE = re.compile(r"^\s*(```|~~~)")
# Text marked with a language (`{ lang="en" }`, `<span lang="en">`): not this language's own.
_MARKED_BLOCK_END = re.compile(r"""\{:?\s*lang=["']?[a-z-]+["']?\s*\}\s*$""")
_MARKED_INLINE = re.compile(
    r"""<(?P<tag>[a-z]+)\b[^>]*\blang=["']?[a-z-]+["']?[^>]*>.*?</(?P=tag)>"""  # <span lang="en">…</span>
    r"""|(?:\*[^*\n]+\*|_[^_\n]+_|\[[^\]\n]*\]\([^)\n]*\))\{:?\s*lang=["']?[a-z-]+["']?\s*\}""",  # *…*{lang=en}
)
_ADMONITION = re.compile(r"""^\s*(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*\s*(?:"(?P<title>[^"]*)")?\s*$""")
_NOT_PROSE = re.compile(
    r"<!--.*?-->"  # markers and comments
    r"|\]\([^)\s]*(?:\s+\"[^\"]*\")?\)"  # link targets
    r"|\{[^{}\n]*\}"  # attribute lists
    r"|<[^<>\n]*>"  # HTML tags
    r"|https?://\S+"  # addresses
)


@dataclass
class Prose:
    """One piece of running text of a page or data text, with where it is written."""

    line: int
    text: str
    quoted: bool = False  # in a block quotation (`> ...`): a source's own words


def page_prose(markdown: str, first_line: int = 1) -> list[Prose]:
    """The running text of a page, line by line: without code, markup, link targets,
    front matter (but its description and title) and text marked as English."""
    lines = markdown.split("\n")
    english = _english_block_lines(lines)
    found: list[Prose] = []
    fence = None
    block, _ = front_matter(markdown)
    skip_until = block.count("\n") + 2 if markdown.startswith("---") else 0
    for index, line in enumerate(lines):
        number = index + first_line
        if index < skip_until:
            match = re.match(r"(description|title):\s*(.*)", line)
            if match:
                found.append(Prose(number, match.group(2).strip("'\"")))
            continue
        opening = _FENCE.match(line)
        if opening:
            fence = None if fence else opening.group(1)
            continue
        if fence or index in english or line.startswith("    ") and not line.strip().startswith(("-", "*", "1")):
            continue
        text = _MARKED_INLINE.sub(" ", without_code_spans(line))
        # An admonition's title: its text, without the quotes Markdown's syntax needs.
        text = _ADMONITION.sub(lambda match: " " + (match.group("title") or "") + " ", text)
        text = _NOT_PROSE.sub(" ", text)
        quoted = line.lstrip().startswith(">")
        text = re.sub(r"^\s*(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+|#+\s+)?", "", text)
        if text.strip():
            found.append(Prose(number, text, quoted))
    return found


def _english_block_lines(lines: list[str]) -> set[int]:
    """Lines of paragraphs and quotes marked `{ lang="en" }` at their end."""
    english, block = set(), []
    for index, line in enumerate(lines + [""]):
        if line.strip() and line.strip() != ">":
            block.append(index)
            continue
        if block and _MARKED_BLOCK_END.search(lines[block[-1]]):
            english.update(block)
        block = []
    return english


def data_prose(text: str) -> str:
    return _NOT_PROSE.sub(" ", _MARKED_INLINE.sub(" ", without_code_spans(text)))


# --- figures ----------------------------------------------------------------------------

def numbers(text: str, decimal: str, thousands: str) -> list[str]:
    """The figures of a text as values: "27,920" (English) and "27 920" (Swedish) are 27920.
    "4.0" in a text with a decimal comma (a version, as in "CC BY 4.0") is 4, not 4 and 0."""
    found = []
    if decimal != ".":
        foreign = re.compile(r"(?<![\d.,])\d+\.\d{1,2}(?![\d.,])")
        found += [_value(match.group(0), ".", set()) for match in foreign.finditer(text)]
        text = foreign.sub(" ", text)
    separators = {thousands, "\u00a0", "\u202f"} if thousands in (" ", "\u00a0", "\u202f") else {thousands}
    pattern = re.compile(r"\d+(?:[" + re.escape("".join(separators)) + r"]\d{3})*(?:" + re.escape(decimal)
                         + r"\d+)?")
    for match in pattern.finditer(text):
        found.append(_value(match.group(0), decimal, separators))
    return found


def _value(written: str, decimal: str, separators: set[str]) -> str:
    for mark in separators:
        written = written.replace(mark, "")
    written = written.replace(decimal, ".")
    return written.rstrip("0").rstrip(".") if "." in written else written.lstrip("0") or "0"


# --- the style sheet ------------------------------------------------------------------------

QUOTE_MARKS = set('"“”„«»‹›‟')


def style_problems(prose: str, style: StyleSheet, quoted: bool = False) -> list[tuple[str, str, str]]:
    """(kind, what, message) for everything in `prose` against the style sheet. In a block
    quotation (`quoted`) terms to avoid may stand as the source wrote them."""
    found = []
    written = WORD.findall(prose)
    # "du" is avoided however it is written; "De" (a formal form written with a capital) only so.
    avoid_any = {word for word in style.address.avoid if word.islower()}
    avoid_exact = {word for word in style.address.avoid if not word.islower()}
    chosen = "/".join(style.address.words)
    for word in [w.lower() for w in written if w.lower() in avoid_any] + [w for w in written if w in avoid_exact]:
        found.append(("address", word, f"“{word}” is the other form of address: this translation writes "
                                       f"{chosen} ({style.address.form}, {style.address.number})"))
    allowed = set(style.quotes.primary) | set(style.quotes.secondary)
    for mark in dict.fromkeys(char for char in prose if char in QUOTE_MARKS and char not in allowed):
        quotes = f"{style.quotes.primary[0]}…{style.quotes.primary[1]}"
        found.append(("quotes", mark, f"the quotation mark {mark} is not this language's: write {quotes}"))
    wrong_decimal = "." if style.decimal == "," else ","
    # (A version after a name in capitals, as in "CC BY-NC-SA 3.0", keeps its point.)
    for match in re.finditer(rf"(?<![\d.,])(?<![A-Z] )(?<![A-Z]-)\d+{re.escape(wrong_decimal)}\d{{1,2}}(?![\d])", prose):
        found.append(("separators", match.group(0), f"{match.group(0)}: the decimal separator here is "
                                                     f"“{style.decimal}”"))
    if style.thousands != ",":
        for match in re.finditer(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])", prose):
            found.append(("separators", match.group(0), f"{match.group(0)}: a comma does not separate thousands "
                                                         "in this language"))
    for match in re.finditer(r"\b(1[89]\d\d|20\d\d)-(1[89]\d\d|20\d\d)\b", prose):
        found.append(("dashes", match.group(0), f"{match.group(0)}: a period of years takes an en dash (–), "
                                                 "not a hyphen"))
    if re.search(r"\S - \S", prose):
        found.append(("dashes", " - ", "a hyphen between spaces: write an en dash (–)"))
    # A term to avoid may stand in a quotation, word for word as its source wrote it.
    outside_quotes = "" if quoted else _quoted(style).sub(" ", prose)
    words = [word.lower() for word in WORD.findall(outside_quotes)]
    for rule in style.terms:
        stems = term_stems(rule.avoid)
        if find_term(stems, words) is not None:
            found.append(("terms", rule.avoid, f"“{rule.avoid}”: the style sheet says to write “{rule.use}”"
                                               + (f" ({rule.note})" if rule.note else "")))
    return found


def _quoted(style: StyleSheet) -> re.Pattern:
    """Text between the language's quotation marks (» … «, „ … “), for quotations."""
    opening, closing = style.quotes.primary
    return re.compile(re.escape(opening) + "[^" + re.escape(closing) + "]*" + re.escape(closing))


# --- English left in running text ------------------------------------------------------------

@dataclass(frozen=True)
class EnglishWords:
    """English words a language does not use itself: `words` the English texts write in
    lowercase (English words), `names` they write only capitalised (parts of names), and
    `commands` the English shows as code (`make qa`): a translation may name them in plain
    text, where data text has no code."""

    words: frozenset[str]
    names: frozenset[str]
    commands: tuple[str, ...] = ()


def english_runs(prose: str, english: EnglishWords) -> list[str]:
    """Runs of two or more English words in a row, at least one of them an English word
    (not only parts of names: "Klavs Serup Rasmussen" is no English left untranslated)."""
    for command in english.commands:
        prose = prose.replace(command, " ")
    runs, current = [], []

    def close() -> None:
        if len(current) >= 2 and any(word.lower() in english.words for word in current):
            runs.append(" ".join(current))
        current.clear()

    for match in re.finditer(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*|\S", prose):
        word = match.group(0)
        lowered = word.lower()
        if len(word) > 1 and word.isascii() and (lowered in english.words or (
                lowered in english.names and word[0].isupper())):
            current.append(word)
        else:
            close()
    close()
    return runs


# --- links, anchors, markers -------------------------------------------------------------------

_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)|\bhref=[\"']([^\"']+)[\"']|^\s*\[[^\]]+\]:\s*(\S+)",
                   re.M)
_ANCHOR = re.compile(r"\{[^{}\n]*?#([A-Za-z0-9_-]+)[^{}\n]*\}")


def links(text: str) -> list[str]:
    return [next(group for group in match.groups() if group) for match in _LINK.finditer(text)]


def anchors(text: str) -> list[str]:
    return _ANCHOR.findall(text)


def _differences(english: list[str], translated: list[str]) -> tuple[list[str], list[str]]:
    """(in the English but not the translation, in the translation but not the English)."""
    a, b = Counter(english), Counter(translated)
    return list((a - b).elements()), list((b - a).elements())


# --- one language ----------------------------------------------------------------------------

@dataclass
class Glossary:
    """Each concept's English term and this language's term with its alternatives."""

    english: dict[str, str]
    terms: dict[str, list[str]]

    def concepts_in(self, english_words: list[str]) -> list[str]:
        """The concepts whose English term the English text uses (`english_words` as
        written, not lowercased); a longer term counts
        where it overlaps a shorter one ("peer support worker", not "peer support")."""
        spans = []
        for concept, term in self.english.items():
            term_words = english_term_words(term)
            start = find_english_term(term_words, english_words)
            if start is not None and concept in self.terms:
                spans.append((start, start + len(term_words), concept))
        kept = [span for span in spans if not any(o[0] <= span[0] and span[1] <= o[1] and o != span
                                                   and o[1] - o[0] > span[1] - span[0] for o in spans)]
        return [concept for _, _, concept in kept]


@dataclass
class Language:
    lang: str
    root: Path
    docs: Path
    style: StyleSheet | None
    glossary: Glossary
    english: EnglishWords = field(default_factory=lambda: EnglishWords(frozenset(), frozenset()))
    findings: list[Finding] = field(default_factory=list)

    def add(self, file: str, line: int, key: str, kind: str, message: str) -> None:
        self.findings.append(Finding(file, line, key, kind, message))


def check_language(root: Path, lang: str, languages: list[str], default: str = "en") -> list[Finding]:
    """Every finding for one translation, sorted by file and line."""
    return list(_check_language(Path(root), lang, tuple(languages), default))


def _check_language(root: Path, lang: str, languages: tuple[str, ...], default: str) -> tuple[Finding, ...]:
    docs = root / "docs"
    language = Language(lang, root, docs, None, Glossary({}, {}))
    style_path = docs / lang / DATA / STYLE
    if style_path.is_file():
        source = load_file(style_path, _shown(style_path, root), ErrorList())
        try:
            language.style = StyleSheet.model_validate(source.data or {})
        except ValidationError as exc:
            language.add(_shown(style_path, root), 1, "", "style", f"the style sheet is not valid: {exc.errors()[0]['msg']}")
    else:
        language.add(_shown(style_path, root), 1, "", "style",
                     "no style sheet: the form of address, quotation marks and separators are not checked")
    language.glossary = _glossary(docs, lang, root)
    pages = english_pages(docs, [code for code in languages if code != default])
    english_texts = [(docs / page).read_text(encoding="utf-8", errors="replace") for page in pages]
    data_units = list(_data_units(docs, lang, root))
    language.english = _english_words(language, english_texts, [english for _, _, _, english, _ in data_units],
                                      pages, data_units, [code for code in languages if code != default])
    for page, english in zip(pages, english_texts):
        path = docs / lang / page
        if path.is_file():
            _check_page(language, english, path.read_text(encoding="utf-8", errors="replace"), _shown(path, root))
    for file, line, key, english, translated in data_units:
        _check_text(language, file, line, key, english, translated)
    return tuple(sorted(set(language.findings)))


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _glossary(docs: Path, lang: str, root: Path) -> Glossary:
    english = load_file(docs / DATA / "glossary.yml", "glossary.yml", ErrorList()).data or {}
    own_path = docs / lang / DATA / "glossary.yml"
    own = load_file(own_path, _shown(own_path, root), ErrorList()).data if own_path.is_file() else {}
    terms = {}
    for concept, entry in (own or {}).items():
        if isinstance(entry, dict) and entry.get("term"):
            terms[concept] = [entry["term"], *[alt for alt in entry.get("also") or [] if isinstance(alt, str)]]
    return Glossary({concept: entry["term"] for concept, entry in english.items()
                     if isinstance(entry, dict) and isinstance(entry.get("term"), str)}, terms)


def _data_units(docs: Path, lang: str, root: Path) -> Iterator[tuple[str, int, str, Any, Any]]:
    """(file, line, key, English text, translated text) for every translated data text."""
    folder = docs / lang / DATA
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        if path.name in (STYLE, RECORDS) or not (docs / DATA / path.name).is_file():
            continue
        translated = load_file(path, _shown(path, root), ErrorList())
        english = load_file(docs / DATA / path.name, path.name, ErrorList())
        for key_path, value in _texts(translated.data):
            if key_path[-1:] in (("status",), ("term_sources",), ("also",)):
                continue
            original = lookup(english.data, key_path)
            if isinstance(original, (str, list, dict)) and _is_text(original):
                yield (translated.file, translated.line_of(key_path) or 1, format_path(key_path), original, value)


def _texts(data: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    if isinstance(data, dict):
        if data and set(data) <= set(PLURAL_CATEGORIES) and all(
                isinstance(value, str) for value in data.values()):
            yield path, data  # a plural label
            return
        for key, value in data.items():
            yield from _texts(value, path + (key,))
    elif isinstance(data, list) and all(isinstance(item, str) for item in data):
        yield path, data
    elif isinstance(data, str):
        yield path, data


def _is_text(value: Any) -> bool:
    if isinstance(value, str):
        return True
    if isinstance(value, list):
        return all(isinstance(item, str) for item in value)
    return isinstance(value, dict) and all(isinstance(item, str) for item in value.values())


def _joined(value: Any) -> str:
    if isinstance(value, list):
        return "\n".join(value)
    if isinstance(value, dict):
        return "\n".join(value.values())
    return str(value)


def _english_words(language: Language, english_pages_text: list[str], english_data: list[Any], pages: list[str],
                   data_units: list, translations: list[str]) -> EnglishWords:
    """English words this language does not use itself (see the module's docstring)."""
    lower: set[str] = set()
    capitalised: set[str] = set()
    texts = [item.text for text in english_pages_text for item in page_prose(text)]
    texts += [data_prose(_joined(value)) for value in english_data]
    for text in texts:
        for word in WORD.findall(text):
            if not word.isascii():
                continue
            (lower if word.islower() else capitalised).add(word.lower())
    own = _own_words(language.docs, language.lang, tuple(pages))
    shared = {word.lower() for word in (language.style.shared_words if language.style else [])}
    # Names in other languages that the English quotes (a Latvian organisation, a Danish title)
    # and the words every other translation writes as its own are no English either.
    shared |= _names_in_other_languages(language.docs)
    for code in translations:
        if code != language.lang:
            shared |= {word for word, count in _own_words(language.docs, code, tuple(pages)).items() if count >= 4}
    # Every language's glossary terms: "savitarpio pagalba" quoted in a Danish text is no English.
    for code in translations:
        for terms in _glossary(language.docs, code, language.root).terms.values():
            shared.update(word.lower() for term in terms for word in WORD.findall(term))
    # A word the language writes often is its own (a loan, a name it keeps): English words
    # left in the text are rare, and come in runs, which is what is flagged.
    native = {word for word, count in own.items() if count >= 4}
    commands = set()
    for text in english_pages_text:
        for span in re.findall(r"`([^`\n]+)`", text):
            words = span.split()
            if len(words) >= 2 and all(word.isascii() for word in words[:2]):
                commands.add(" ".join(words[:2]))
    return EnglishWords(frozenset(lower - native - shared), frozenset(capitalised - lower - native - shared),
                        tuple(sorted(commands, key=len, reverse=True)))


def _own_words(docs: Path, lang: str, pages: tuple[str, ...]) -> Counter:
    """How often each word occurs in a language's own running text (pages and data)."""
    own: Counter = Counter()
    for page in pages:
        path = docs / lang / page
        if path.is_file():
            for prose in page_prose(path.read_text(encoding="utf-8", errors="replace")):
                own.update(word.lower() for word in WORD.findall(prose.text))
    folder = docs / lang / DATA
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        if path.name in (STYLE, RECORDS):
            continue
        for _, value in _texts(load_file(path, path.name, ErrorList()).data):
            own.update(word.lower() for word in WORD.findall(data_prose(_joined(value))))
    return own


def _names_in_other_languages(docs: Path) -> set[str]:
    """Words of the partners' own names and of titles the references give in another language."""
    words: set[str] = set()
    partners = load_file(docs / DATA / "partners.yml", "partners.yml", ErrorList()).data or {}
    for partner in partners.values() if isinstance(partners, dict) else []:
        for name in [partner.get("name"), partner.get("short_name"), *(partner.get("also_called") or [])]:
            if isinstance(name, str) and name != partner.get("name_en"):
                words.update(word.lower() for word in WORD.findall(name))
    references = load_file(docs / DATA / "references.yml", "references.yml", ErrorList()).data or {}
    for reference in references.values() if isinstance(references, dict) else []:
        if isinstance(reference, dict) and reference.get("language", "en") != "en":
            for field_name in ("title", "container"):
                if isinstance(reference.get(field_name), str):
                    words.update(word.lower() for word in WORD.findall(reference[field_name]))
    return words


def _check_page(language: Language, english: str, translated: str, file: str) -> None:
    style = language.style
    decimal, thousands = (style.decimal, style.thousands) if style else (",", " ")
    english_prose, prose = page_prose(english), page_prose(translated)
    first = next((item.line for item in prose), 1)

    def line_of(needle: str) -> int:
        for number, line in enumerate(translated.split("\n"), start=1):
            if needle and needle in line:
                return number
        return first

    # figures
    missing, extra = _differences(
        [n for item in english_prose for n in numbers(item.text, ".", ",")],
        [n for item in prose for n in numbers(item.text, decimal, thousands)])
    for value in missing:
        where = next((item.line for item in english_prose if value in numbers(item.text, ".", ",")), 0)
        language.add(file, first, "", "figures", f"the English has the figure {value} (line {where}); "
                                                 "the translation does not")
    for value in extra:
        line = next((item.line for item in prose if value in numbers(item.text, decimal, thousands)), first)
        language.add(file, line, "", "figures", f"the figure {value} is not in the English")
    # links, anchors, markers
    for kind, extract in (("links", links), ("anchors", anchors)):
        missing, extra = _differences(extract(english), extract(translated))
        for item in missing:
            language.add(file, first, "", kind, f"the English has {'a link to' if kind == 'links' else 'the anchor #'}"
                                                f"{item}; the translation does not")
        for item in extra:
            language.add(file, line_of(item), "", kind, f"{'a link to ' if kind == 'links' else 'the anchor #'}{item} "
                                                        "is not in the English")
    english_levels = [heading.level for heading in headings(english)]
    levels = [heading.level for heading in headings(translated)]
    if english_levels != levels:
        language.add(file, first, "", "headings",
                     f"the translation has {len(levels)} headings (levels {''.join(map(str, levels))}) where the "
                     f"English has {len(english_levels)} ({''.join(map(str, english_levels))}): give it the same "
                     "headings, so that its sections keep the English anchors")
    missing, extra = _differences([f"{m.name} {' '.join(m.args)}".strip() for m in find_markers(english)],
                                  [f"{m.name} {' '.join(m.args)}".strip() for m in find_markers(translated)])
    for item in missing:
        language.add(file, first, "", "markers", f"the English has the marker <!-- {item} -->; the translation does not")
    for item in extra:
        language.add(file, line_of(item), "", "markers", f"the marker <!-- {item} --> is not in the English")
    # glossary, paragraph by paragraph where the two have the same paragraphs
    _check_glossary(language, file, _paragraphs(english_prose), _paragraphs(prose), first)
    # style and English, line by line
    for item in prose:
        _check_prose(language, file, item.line, "", item.text, item.quoted)


def _paragraphs(prose: list[Prose]) -> list[tuple[int, str]]:
    """(first line, text) of each run of consecutive lines."""
    found: list[tuple[int, str]] = []
    last = None
    for item in prose:
        if last is not None and item.line == last + 1:
            found[-1] = (found[-1][0], found[-1][1] + " " + item.text)
        else:
            found.append((item.line, item.text))
        last = item.line
    return found


def _check_glossary(language: Language, file: str, english: list[tuple[int, str]], translated: list[tuple[int, str]],
                    first: int, key: str = "") -> None:
    pairs = list(zip(english, translated)) if len(english) == len(translated) else \
        [((english[0][0] if english else 0, " ".join(text for _, text in english)),
          (first, " ".join(text for _, text in translated)))]
    for (english_line, english_text), (line, text) in pairs:
        english_words = WORD.findall(english_text)
        words = [word.lower() for word in WORD.findall(text)]
        for concept in language.glossary.concepts_in(english_words):
            terms = language.glossary.terms[concept]
            if any(find_term(term_stems(term), words) is not None for term in terms):
                continue
            english_term = language.glossary.english[concept]
            listed = " or ".join(f"“{term}”" for term in terms)
            where = f" (English line {english_line})" if english_line and not key else ""
            language.add(file, line, key, "glossary", f"the English uses “{english_term}”{where}; the glossary's "
                                                      f"term {listed} is not here")


def _check_prose(language: Language, file: str, line: int, key: str, text: str, quoted: bool = False) -> None:
    if language.style:
        for kind, _, message in style_problems(text, language.style, quoted):
            language.add(file, line, key, kind, message)
    for run in english_runs(text, language.english):
        language.add(file, line, key, "english", f"“{run}” reads as English: mark it {{ lang=\"en\" }} "
                                                  "or translate it")


def _check_text(language: Language, file: str, line: int, key: str, english: Any, translated: Any) -> None:
    style = language.style
    decimal, thousands = (style.decimal, style.thousands) if style else (",", " ")
    english_text, text = data_prose(_joined(english)), data_prose(_joined(translated))
    missing, extra = _differences(numbers(english_text, ".", ","), numbers(text, decimal, thousands))
    for value in missing:
        language.add(file, line, key, "figures", f"the English has the figure {value}; the translation does not")
    for value in extra:
        language.add(file, line, key, "figures", f"the figure {value} is not in the English")
    missing, extra = _differences(links(_joined(english)), links(_joined(translated)))
    for item in missing:
        language.add(file, line, key, "links", f"the English has a link to {item}; the translation does not")
    for item in extra:
        language.add(file, line, key, "links", f"a link to {item} is not in the English")
    _check_glossary(language, file, [(0, english_text)], [(line, text)], line, key)
    _check_prose(language, file, line, key, text)


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    """Findings per kind, in the order of KINDS."""
    counted = Counter(finding.kind for finding in findings)
    return {kind: counted[kind] for kind in (*KINDS, "style") if counted[kind]}


@functools.lru_cache(maxsize=8)
def cached(root: str, lang: str, languages: tuple[str, ...], default: str, key: str) -> tuple[Finding, ...]:
    """check_language() once per content (`key`: a hash of the inputs) in this process."""
    return _check_language(Path(root), lang, languages, default)
