"""What the hooks need to know about the MkDocs configuration: the languages.

Kept apart so that everything else in the package is plain Python with no
knowledge of MkDocs or of the static-i18n plugin.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.utils.meta import get_data

from .docsfolder import ReadError, read_bounded
from .notices import english_page
from .policy import MAX_PAGE_BYTES


@dataclass(frozen=True)
class Languages:
    all: list[str]  # the languages being built
    default: str
    current: str
    configured: list[str]  # every language of the configuration, built or not (`make serve LANG=da`)


def languages(config) -> Languages:
    """The languages static-i18n builds, and the one being built now.

    static-i18n rebuilds the whole site once per language; its `current_language`
    is still unset while the first (default) build runs the hooks' on_config.
    """
    plugin = config.plugins.get("i18n")
    if plugin is None:
        lang = config.theme.get("language") or "en"
        return Languages([lang], lang, lang, [lang])
    built = [lang.locale for lang in plugin.config.languages if lang.build]
    configured = [lang.locale for lang in plugin.config.languages]
    default = plugin.default_language
    return Languages(built, default, plugin.current_language or default, configured)


def first_build_of_run(config) -> bool:
    """Whether this is the first language of the run. static-i18n builds it, then builds
    the others from its own on_post_build with its `building` flag set: the same docs/
    folder, so what checks the whole folder need only run in the first."""
    plugin = config.plugins.get("i18n")
    return plugin is None or not getattr(plugin, "building", False)


def source_file(page, config) -> str:
    """A page's source as a translator names it: docs/da/models/index.md."""
    path = Path(page.file.abs_src_path)
    try:
        return path.relative_to(Path(config.config_file_path).parent).as_posix()
    except ValueError:
        return path.as_posix()


def page_body(page) -> tuple[str, int]:
    """The page's Markdown after its front matter, and the line of the file it starts on:
    the Markdown the hooks see starts there, so line numbers add up."""
    return body_of(page.file.content_string)


def english_original(page, config) -> str | None:
    """The text of the English page a translated page translates; None for an English page,
    the English page shown for want of a translation, or an original that cannot be read
    (the folder check reports a page without one)."""
    langs = languages(config)
    if langs.current == langs.default or getattr(page.file, "locale", langs.current) != langs.current:
        return None
    try:
        path = Path(config.docs_dir) / english_page(page.file.src_uri, langs.current)
        return read_bounded(path, MAX_PAGE_BYTES).decode("utf-8", "replace")
    except (ReadError, OSError):
        return None


def body_of(source: str) -> tuple[str, int]:
    """page_body() of a page's text."""
    markdown, _ = get_data(source)
    return markdown, source[: len(source) - len(markdown)].count("\n") + 1


_command = {"name": "build"}


def set_command(command: str) -> None:
    """Called by a hook's on_startup: `serve` for the translators' preview, or `build`."""
    _command["name"] = command


def serving() -> bool:
    """Whether this is `mkdocs serve` (`make serve LANG=xx`): the translators' preview."""
    return _command["name"] == "serve"


# Names that never reach the public internet (RFC 6761, 6762, 8375; "internal" and "lan" by custom).
_LOCAL_NAMES = ("localhost", ".localhost", ".local", ".internal", ".lan", ".home.arpa", ".test", ".invalid",
                ".example", ".localdomain")


def public_address(site_url: str | None) -> bool:
    """Whether the site is built for an address a reader elsewhere can open: not a loopback,
    private or link-local address, nor a local name. Printed material names the guide's
    address only then; the default `make build` (http://127.0.0.1:8000/) is local."""
    if not site_url:
        return False
    parts = urlsplit(site_url)
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("http", "https") or not host:
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return "." in host and not host.endswith(_LOCAL_NAMES) and host not in _LOCAL_NAMES
    return address.is_global


def offline_copy(config) -> bool:
    """Whether this is the build of the offline copy (Material's offline plugin enabled)."""
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)
