"""Search in the offline copy: one index per language, as a script a page can load from file://.

Pagefind, the online guide's search, fetches its index and cannot run from file://. The
offline copy instead ships, per language, a script that defines the language's pages
(title, address, text) and the stem of every word in them, and MiniSearch (npm
`minisearch`, a small full-text search library that runs in the page) searches them:
results only in the reader's language, as online, and word endings handled the same way,
by the Snowball stemmer of the language (Python `snowballstemmer`) applied to the pages
at build time and, through the word-to-stem table, to what the reader types.
"""

from __future__ import annotations

import json
import re

import snowballstemmer
from selectolax.lexbor import LexborHTMLParser

# Snowball's algorithms by the pages' language tag.
STEMMERS = {"en": "english", "da": "danish", "sv": "swedish", "nb": "norwegian", "no": "norwegian",
            "et": "estonian", "lt": "lithuanian"}
WORD = re.compile(r"[^\W_]+(?:[-’'][^\W_]+)*")
MAX_TEXT = 20000  # characters of one page's text in the index


def page_document(html: str, url: str) -> dict | None:
    """A built page as a search document, or None for a page not in its own language (the
    `data-pagefind-body` element marks the content of translated pages only)."""
    document = LexborHTMLParser(html)
    body = document.css_first("[data-pagefind-body]")
    if body is None:
        return None
    for ignored in body.css("[data-pagefind-ignore], .headerlink, script, style"):
        ignored.decompose()
    heading = body.css_first("h1")
    title = " ".join((heading.text() if heading else "").split()) or url
    text = " ".join(body.text(separator=" ").split())
    return {"id": url, "url": url, "title": title, "text": text[:MAX_TEXT]}


def index_script(lang_tag: str, documents: list[dict]) -> str:
    """The script of one language's index: `window.PeerguideOfflineIndex[lang] = {...}`."""
    stemmer = snowballstemmer.stemmer(STEMMERS.get(lang_tag.split("-")[0], "english"))
    words = sorted({word.lower() for document in documents for field in ("title", "text")
                    for word in WORD.findall(document[field])})
    stems = {word: stem for word, stem in zip(words, stemmer.stemWords(words)) if stem != word}
    data = json.dumps({"documents": documents, "stems": stems}, ensure_ascii=False, separators=(",", ":"))
    # "</" never appears in a script's text: the index stays one script however the pages read.
    data = data.replace("</", "<\\/")
    return (f"window.PeerguideOfflineIndex = window.PeerguideOfflineIndex || {{}};\n"
            f"window.PeerguideOfflineIndex[{json.dumps(lang_tag)}] = {data};\n")
