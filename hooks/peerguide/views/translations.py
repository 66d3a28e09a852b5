"""The translation status: progress per language, what is left, what the quality check
finds (qa.py, in the built guide) and, in the translators' preview, what changed in the
English of each outdated data text (changes.py)."""

from __future__ import annotations

from .. import formatting, worddiff
from ..catalog import LanguageData
from ..changes import Change
from ..qa import Finding, counts
from ..status import LanguageStatus
from .registry import view


def _progress(status: LanguageStatus, kind: str) -> dict:
    total = status.total(kind)
    done = status.count(kind, "translated")
    return {
        "done": done,
        "total": total,
        "missing": status.count(kind, "missing"),
        "outdated": status.count(kind, "outdated"),
        "percent": round(100 * done / total) if total else 100,
    }


def _keys_by_file(status: LanguageStatus, state: str) -> list[dict]:
    files: dict[str, list[str]] = {}
    for item in status.of("data", state):
        files.setdefault(item.file, []).append(item.key)
    return [{"file": file, "texts": keys} for file, keys in files.items()]


def _findings(findings: tuple[Finding, ...] | None) -> dict | None:
    if findings is None:
        return None
    return {
        "total": len(findings),
        "counts": counts(findings),
        "items": [{"where": f"{finding.file}:{finding.line}", "key": finding.key, "kind": finding.kind,
                   "message": finding.message} for finding in findings],
    }


def _changes(changes: list[Change] | None) -> list[dict] | None:
    if changes is None:
        return None
    return [change_view(change) for change in changes]


def change_view(change: Change) -> dict:
    """What changed in the English, for a template: the status page and the outdated notice."""
    return {"file": change.file, "key": change.key, "missing_because": change.missing_because,
            "blocks": [{"line": block.line, "html": worddiff.html(worddiff.shortened(block.ops))}
                       for block in change.blocks]}


def _translation_rows(data: LanguageData, translations: dict[str, LanguageStatus],
                      qa: dict | None = None, changes: dict | None = None) -> list[dict]:
    return [
        {
            "lang": lang,
            "html_lang": formatting.language_tag(lang),
            "language": data.t(f"language.{lang}"),
            "complete": status.complete,
            "pages": _progress(status, "page"),
            "texts": _progress(status, "data"),
            "missing_pages": [item.file for item in status.of("page", "missing")],
            "outdated_pages": [item.file for item in status.of("page", "outdated")],
            "orphan_pages": [item.file for item in status.of("page", "orphan")],
            "missing_texts": _keys_by_file(status, "missing"),
            "outdated_texts": _keys_by_file(status, "outdated"),
            "qa": _findings((qa or {}).get(lang)) if qa is not None else None,
            "changes": _changes((changes or {}).get(lang)) if changes is not None else None,
        }
        for lang, status in translations.items()
    ]


@view("translations:status", "translations-status.html", extras=("translations", "qa", "changes"))
def translations_status(data: LanguageData, translations: dict[str, LanguageStatus], qa: dict | None,
                        changes: dict | None) -> dict:
    """`qa`: each language's findings (None in the preview, where `make qa` lists them);
    `changes`: in the preview, each language's outdated data texts with their diffs."""
    return {"languages": _translation_rows(data, translations, qa, changes), "details": True,
            "qa_shown": qa is not None}


@view("translations:summary", "translations-status.html", extras=("translations",))
def translations_summary(data: LanguageData, translations: dict[str, LanguageStatus]) -> dict:
    return {"languages": _translation_rows(data, translations), "details": False}
