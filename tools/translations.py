"""Translator's commands. One small command per task; the rules live in hooks/peerguide.

    make translations [STRICT=1]            status    [--strict] [--lang da ...]
    make translations DIFF=1 [LANG=da] [FILE=<path>] [KEY=<key>]
                                            diff      [--lang da] [FILE] [--key KEY]
    make qa [LANG=da] [STRICT=1]            qa        [--lang da ...] [--strict] [--kind glossary ...]
    make translated FILE=<path> [KEY=<key>] mark FILE [--key KEY]

`status` prints, per language, how many pages and data texts are translated,
missing and outdated, then lists the missing and outdated ones by file (and key).
It exits 0, or with --strict 1 when anything is missing or outdated.

`diff` shows, for every outdated page and data text (or only those of FILE, or KEY),
what changed in the English since the translation was made: the English it was made
from (found in the git history by the fingerprint the translation records) against the
English now, word by word: [-removed-]{+added+}.

`qa` checks every page and data text of a translation against its English original
and the language's style sheet (docs/<lang>/data/style.yml): figures, links, anchors,
markers, glossary terms, form of address, quotation marks, separators, dashes, terms
to avoid, English left unmarked. With --strict it exits 1 when it finds anything.

`mark` records that a translation was checked against the current English: a
page (docs/da/models/index.md), every translated text of a data file
(docs/da/data/models.yml), one text or a group of texts (--key integrated or
--key integrated.summary), or a whole language folder (docs/da/).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from peerguide.catalog import DATA_FILES, DATA_FOLDER, LABELS, STYLE, load_catalog  # noqa: E402
from peerguide.errors import DataErrors, ErrorList  # noqa: E402
from peerguide.progress import english_data, project_status, translation_texts  # noqa: E402
from peerguide.status import RECORDS, LanguageStatus, MarkError, at_or_under, mark_page, marked_records  # noqa: E402
from peerguide.status import read_records, records_text  # noqa: E402
from peerguide import qa, worddiff  # noqa: E402
from peerguide.changes import data_change, page_change  # noqa: E402
from peerguide.history import History  # noqa: E402

DOCS = ROOT / "docs"
STATES = ("translated", "missing", "outdated")


def site_languages() -> tuple[list[str], str, dict[str, str]]:
    """The locales of mkdocs.yml, the default one, and each language's name."""
    with open(ROOT / "mkdocs.yml", encoding="utf-8") as file:
        plugins = yaml_load(file)["plugins"]
    i18n = next(p["i18n"] for p in plugins if isinstance(p, dict) and "i18n" in p)
    languages = i18n["languages"]
    default = next(lang["locale"] for lang in languages if lang.get("default"))
    return [lang["locale"] for lang in languages], default, {lang["locale"]: lang["name"] for lang in languages}


def wanted_languages(asked: list[str] | None, locales: list[str], default: str) -> list[str]:
    """The translations a command is asked about (--lang), by default all; exits on a
    language the site does not have."""
    wanted = asked or [lang for lang in locales if lang != default]
    unknown = sorted(set(wanted) - set(locales) - {default})
    if unknown:
        sys.exit(f"unknown language {', '.join(unknown)}: the site's languages are {', '.join(locales)}")
    return wanted


def load_english(locales: list[str], default: str):
    try:
        return load_catalog(DOCS, locales, default, root=ROOT)
    except DataErrors as exc:
        sys.exit(str(exc))


# --- status --------------------------------------------------------------------------------

def report(statuses: dict[str, LanguageStatus], names: dict[str, str]) -> str:
    lines = ["Translation status (English is the original)", ""]
    head = f"{'language':<22}{'pages':^27}   {'data texts':^27}"
    sub = f"{'':<22}" + "   ".join([f"{'translated':>11}{'missing':>8}{'outdated':>9}"] * 2)
    lines += [head, sub]
    for lang, status in statuses.items():
        cells = []
        for kind in ("page", "data"):
            done = f"{status.count(kind, 'translated')}/{status.total(kind)}"
            cells.append(f"{done:>11}{status.count(kind, 'missing'):>8}{status.count(kind, 'outdated'):>9}")
        lines.append(f"{lang + ' ' + names.get(lang, ''):<22}" + "   ".join(cells))
    for lang, status in statuses.items():
        if status.complete:
            continue
        lines += ["", f"{lang} {names.get(lang, '')}: what is left"]
        for kind, state, title in [
            ("page", "missing", "missing pages (copy the English page and translate it)"),
            ("page", "outdated", "outdated pages (check against the English, then `make translated FILE=...`)"),
            ("page", "orphan", "pages with no English original (remove them, or fix the name)"),
            ("data", "missing", "missing data texts (shown in English until translated)"),
            ("data", "outdated", "outdated data texts (check, then `make translated FILE=... KEY=...`)"),
        ]:
            items = status.of(kind, state)
            if not items:
                continue
            lines.append(f"  {title}: {len(items)}")
            if kind == "page":
                lines += [f"    {item.file}" for item in items]
            else:
                by_file: dict[str, list[str]] = {}
                for item in items:
                    by_file.setdefault(item.file, []).append(item.key)
                for file, keys in by_file.items():
                    lines.append(f"    {file} ({len(keys)}):")
                    lines += [f"      {key}" for key in keys]
    return "\n".join(lines)


def status_command(args) -> int:
    locales, default, names = site_languages()
    catalog = load_english(locales, default)
    wanted = wanted_languages(args.lang, locales, default)
    statuses = project_status(DOCS, locales, default, catalog[default], languages=wanted, root=ROOT)
    print(report(statuses, names))
    incomplete = [lang for lang, status in statuses.items() if not status.complete]
    if args.strict and incomplete:
        print(f"\nSTRICT: not complete: {', '.join(incomplete)}", file=sys.stderr)
        return 1
    return 0


# --- diff ----------------------------------------------------------------------------------

def diff_command(args) -> int:
    locales, default, names = site_languages()
    catalog = load_english(locales, default)
    wanted = wanted_languages(args.lang, locales, default)
    only = None
    if args.file:
        path = Path(args.file)
        only = (path if path.is_absolute() else Path.cwd() / path).resolve().relative_to(ROOT).as_posix()
        lang = only.split("/")[1] if only.startswith("docs/") and only.count("/") > 1 else None
        if lang not in locales or lang == default:
            sys.exit(f"{args.file}: not a translation (docs/<lang>/...)")
        wanted = [lang]
    statuses = project_status(DOCS, locales, default, catalog[default], languages=wanted, root=ROOT)
    history = History(ROOT)
    colour = sys.stdout.isatty()
    shown = 0
    for lang, status in statuses.items():
        for item in status.of("page", "outdated") + status.of("data", "outdated"):
            if only and item.file != only or args.key and not at_or_under(item.key or "", args.key):
                continue
            if item.kind == "page":
                change = page_change(ROOT, lang, item.page, history)
            else:
                change = data_change(ROOT, lang, Path(item.file).stem, item.key, history)
            print(render_change(change, colour))
            shown += 1
    if not shown:
        print("Nothing outdated" + (f" in {args.file}" if args.file else "") + (f" for {args.key}" if args.key else "")
              + ": every translation was made from the current English.")
    return 0


def render_change(change, colour: bool = False) -> str:
    title = f"{change.file}" + (f" {change.key}" if change.key else "")
    lines = [title, f"  English: {change.english_file}" + (f", translated from {change.recorded}" if change.recorded
                                                           else "")]
    if change.old is None:
        lines.append(f"  The English it was translated from cannot be shown: {change.missing_because}.")
        return "\n".join(lines) + "\n"
    blocks = change.blocks
    if not blocks:
        lines.append("  Only spacing or line breaks changed: nothing to translate again (run make translated).")
    for block in blocks:
        where = f"line {block.line}" if change.key is None and block.line else ("removed" if not block.line else "")
        text = worddiff.terminal(worddiff.shortened(block.ops), colour)
        lines.append(f"  {where + ': ' if where else ''}{text}")
    return "\n".join(lines) + "\n"


# --- qa ----------------------------------------------------------------------------------

def qa_command(args) -> int:
    locales, default, names = site_languages()
    wanted = wanted_languages(args.lang, locales, default)
    totals = {}
    for lang in wanted:
        findings = [finding for finding in qa.check_language(ROOT, lang, locales, default)
                    if not args.kind or finding.kind in args.kind]
        totals[lang] = findings
        for finding in findings:
            print(finding)
    print()
    print(f"{'language':<22}{'findings':>9}  by kind")
    for lang, findings in totals.items():
        kinds = ", ".join(f"{kind} {count}" for kind, count in qa.counts(findings).items()) or "none"
        print(f"{lang + ' ' + names.get(lang, ''):<22}{len(findings):>9}  {kinds}")
    if args.strict and any(totals.values()):
        print(f"\nSTRICT: findings in {', '.join(lang for lang, found in totals.items() if found)}", file=sys.stderr)
        return 1
    return 0


# --- mark ----------------------------------------------------------------------------------

def mark_command(args) -> int:
    locales, default, _ = site_languages()
    path = Path(args.file)
    path = (path if path.is_absolute() else Path.cwd() / path).resolve()
    try:
        rel = path.relative_to(DOCS)
    except ValueError:
        sys.exit(f"{args.file}: not inside docs/")
    lang = rel.parts[0] if rel.parts else None
    if lang not in locales or lang == default:
        others = ", ".join(f"docs/{code}/" for code in locales if code != default)
        sys.exit(f"{args.file}: not a translation: translations are in {others}")
    if not path.exists():
        sys.exit(f"{args.file}: no such file")
    catalog = load_english(locales, default)
    english = english_data(catalog[default])
    folder = DOCS / lang
    try:
        if path.is_dir():
            if args.key:
                sys.exit("KEY goes with a data file, not with a folder")
            for page in sorted(path.rglob("*.md")):
                mark_one_page(page, folder)
            data_folder = folder / DATA_FOLDER
            for data_file in sorted(data_folder.glob("*.yml")) if data_folder.is_dir() else []:
                if data_file.name not in (RECORDS, STYLE):  # records and style sheet: no English original
                    mark_data_file(data_file, folder, english, None)
        elif path.suffix == ".md":
            if args.key:
                sys.exit("KEY goes with a data file, not with a page")
            mark_one_page(path, folder)
        elif path.parent == folder / DATA_FOLDER and path.name == STYLE:
            sys.exit(f"{args.file}: the language's style sheet has no English original: nothing to mark")
        elif path.parent == folder / DATA_FOLDER and path.suffix == ".yml" and path.name != RECORDS:
            mark_data_file(path, folder, english, args.key)
        else:
            sys.exit(f"{args.file}: not a page or a data file of {lang}")
    except MarkError as exc:
        sys.exit(str(exc))
    return 0


def mark_one_page(path: Path, folder: Path) -> None:
    english = DOCS / path.relative_to(folder)
    value = mark_page(path, english)
    print(f"{path.relative_to(ROOT)}: translated from the current English ({value})")


def mark_data_file(path: Path, folder: Path, english, key: str | None) -> None:
    name = path.stem
    if name not in [*DATA_FILES, LABELS]:
        raise MarkError(f"{path.relative_to(ROOT)}: not one of the data files")
    errors = ErrorList()
    data_folder = folder / DATA_FOLDER
    texts = translation_texts(data_folder, ROOT, errors)
    records_path = data_folder / RECORDS
    records = read_records(records_path, str(records_path.relative_to(ROOT)), {*DATA_FILES, LABELS}, errors)
    if errors:
        raise MarkError("\n".join(str(error) for error in errors))
    records, marked = marked_records(records, name, english, texts.get(name), key)
    records_path.write_text(records_text(records), encoding="utf-8")
    what = f"key {key}" if key else "every translated text"
    print(f"{path.relative_to(ROOT)}: {what}: {len(marked)} text(s) marked as translated from the current English")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    status = commands.add_parser("status", help="what is translated, missing and outdated")
    status.add_argument("--strict", action="store_true", help="exit 1 when anything is missing or outdated")
    status.add_argument("--lang", action="append", help="only this language (repeatable)")
    mark = commands.add_parser("mark", help="mark a translation as made from the current English")
    mark.add_argument("file", help="a page, a data file or a language folder under docs/<lang>/")
    mark.add_argument("--key", help="only this data text, or the texts under it")
    diff = commands.add_parser("diff", help="what changed in the English since a translation was made")
    diff.add_argument("file", nargs="?", help="only this page or data file of a translation")
    diff.add_argument("--lang", action="append", help="only this language (repeatable)")
    diff.add_argument("--key", help="only this data text, or the texts under it")
    check = commands.add_parser("qa", help="quality checks of the translations")
    check.add_argument("--lang", action="append", help="only this language (repeatable)")
    check.add_argument("--strict", action="store_true", help="exit 1 when anything is found")
    check.add_argument("--kind", action="append", choices=[*qa.KINDS, "style"], help="only findings of this kind")
    args = parser.parse_args(argv)
    return {"status": status_command, "mark": mark_command, "diff": diff_command, "qa": qa_command}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
