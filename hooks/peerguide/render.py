"""Render a marker with its Jinja template, in one language.

A template writes Markdown for headings (so they reach the page's table of
contents) and wraps everything else in `{% call island() %}...{% endcall %}`:
finished HTML that is kept out of the Markdown conversion and put back into
the page afterwards (see `Islands`). Markdown would only re-parse that HTML,
and it is most of the output, so this keeps the build fast.

Text from the data goes through the `md` filter (inline Markdown to HTML);
everything else is escaped by Jinja. Links are written from docs/
(`/countries/norway.md`); the hook resolves and checks them per page.
"""

from __future__ import annotations

import html
import re
import secrets
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import urls
from .catalog import LanguageData
from .inline import to_html
from .policy import PAGE_LINK
from .fallback import EnglishText, lang_wrapped
from .formatting import language_tag
from .markers import Marker, MarkerError
from . import worldmap
from .views import VIEWS

TEMPLATE_FOLDER = "partials/peerguide"
# A placeholder holds this run's secret, so a comment a page writes can never pass for one.
_NONCE = secrets.token_hex(8)
_PLACEHOLDER = re.compile(rf"<!-- peerguide-island {_NONCE}:(\d+) -->")
_PLACEHOLDER_CONTENT = re.compile(rf"\s*peerguide-island {_NONCE}:\d+\s*")


def is_placeholder(comment: str) -> bool:
    """Whether an HTML comment's content is one of this run's island placeholders."""
    return _PLACEHOLDER_CONTENT.fullmatch(comment) is not None


def bytecode_cache(cache: Path, kind: str) -> jinja2.BytecodeCache:
    """Compiled templates, kept on disk from one build to the next. MkDocs makes a new
    theme environment for each build, so static-i18n's six builds and every rebuild of
    `mkdocs serve` compiled every theme template again: a third of the build's time.
    Jinja checks each template's source against the checksum it was compiled from. Each
    `kind` of environment has its own folder: the compiled code depends on its options."""
    folder = cache / "jinja" / kind
    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))


def environment(loader: jinja2.BaseLoader, bytecode: jinja2.BytecodeCache | None = None) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=loader,
        bytecode_cache=bytecode,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = inline_markdown
    env.filters["plain"] = plain
    env.filters["lang_attr"] = lang_attr
    env.filters["heading"] = heading
    return env


# Validation refuses these already (the DATA_TEXT policy); should one slip through, it is inert.
_IMAGE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_HREF = re.compile(r'href="([^"]*)"')


def _safe_href(match: re.Match) -> str:
    href = html.unescape(match.group(1))
    return match.group(0) if PAGE_LINK.fullmatch(href) or urls.protocol(href) in ("http:", "https:") else 'href=""'


def _inline_html(text: str) -> str:
    return _HREF.sub(_safe_href, _IMAGE.sub("", to_html(text)))


def inline_markdown(text: str) -> Markup:
    """Inline Markdown from the data as HTML; `<` and `&` in it stay text. English
    fallback text on another language's page comes out in a `lang="en"` span."""
    return lang_wrapped(text, _inline_html(str(text)))


def plain(text: str) -> str:
    """The text without its language marking, for an attribute value."""
    return str(text)


# What the page's Markdown would read in a heading beyond the data's own inline Markdown:
# an attribute list (`{: onclick=... }`) above all. Escaped, data text is shown as it is;
# only a phrase's language (`*x*{ lang="en" }`, validated in types.py) is left to mark it.
_HEADING_SYNTAX = re.compile(r"([\\{}])")
_LANG_MARK = re.compile(r"""(?<=[*_`])\{:?[ \t]*lang=["']?[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*["']?[ \t]*\}""")


def heading(text: str) -> str:
    """Data text for a Markdown heading (`## {{ title | heading }} {: #id }`): the text as
    written, never an attribute list or other syntax of the page's Markdown extensions."""
    text, out, position = str(text), [], 0
    for match in _LANG_MARK.finditer(text):
        out.append(_HEADING_SYNTAX.sub(r"\\\1", text[position:match.start()]) + match.group(0))
        position = match.end()
    out.append(_HEADING_SYNTAX.sub(r"\\\1", text[position:]))
    return "".join(out)


def lang_attr(text: str) -> str:
    """` lang="en"` for a Markdown heading's attribute list when `text` is English fallback."""
    return Markup(' lang="en"' if isinstance(text, EnglishText) else "")


class Islands:
    """HTML blocks of one page that skip the Markdown conversion.

    `add()` stores a block and returns a placeholder (an HTML comment, which
    Markdown passes through untouched); `restore()` puts the blocks back.
    """

    def __init__(self) -> None:
        self.blocks: list[str] = []
        # The scripts the blocks need (docs/ paths), each once, in the order they load.
        self.scripts: list[str] = []

    def add(self, html: str) -> str:
        self.blocks.append(html)
        return f"\n\n<!-- peerguide-island {_NONCE}:{len(self.blocks) - 1} -->\n\n"

    def restore(self, html: str, transform=lambda block: block) -> str:
        found: set[int] = set()

        def put_back(match: re.Match) -> str:
            index = int(match.group(1))
            found.add(index)
            return transform(self.blocks[index])

        html = _PLACEHOLDER.sub(put_back, html)
        missing = set(range(len(self.blocks))) - found
        if missing:
            raise ValueError(f"rendered data blocks lost in the Markdown conversion: {sorted(missing)}")
        return html


class Renderer:
    def __init__(self, env: jinja2.Environment, catalog: dict[str, LanguageData], extras: dict | None = None):
        self.env = env
        self.catalog = catalog
        # Facts about the build that some views need (e.g. "translations": the status).
        self.extras = extras or {}

    def render(self, marker: Marker, lang: str, islands: Islands) -> str:
        """The Markdown that replaces `marker`; its HTML blocks go into `islands`."""
        view = VIEWS.get(marker.name)
        if view is None:
            raise MarkerError(marker, f"unknown marker; known markers: {', '.join(sorted(VIEWS))}")
        if len(marker.args) != len(view.args):
            expected = " ".join(f"<{kind} id>" for kind in view.args) or "no arguments"
            raise MarkerError(marker, f"expects {expected}, got {' '.join(marker.args) or 'none'}")
        data = self.catalog[lang]
        for kind, arg in zip(view.args, marker.args):
            known = getattr(data, kind)
            if arg not in known:
                raise MarkerError(marker, f"unknown {kind} id {arg!r} (known: {', '.join(known)})")

        def island(caller) -> Markup:
            return Markup(islands.add(caller().strip()))

        islands.scripts += [script for script in view.scripts if script not in islands.scripts]
        template = self.env.get_template(f"{TEMPLATE_FOLDER}/{view.template}")
        try:
            context = view.build(data, *marker.args, **{name: self.extras[name] for name in view.extras})
            text = template.render(context, t=data.t, lang=lang, html_lang=language_tag(lang), island=island)
        except KeyError as exc:  # a label the English labels.yml lacks
            raise MarkerError(marker, exc.args[0]) from None
        except worldmap.MapDataMissing as exc:
            raise MarkerError(marker, str(exc)) from None
        return text.strip()
