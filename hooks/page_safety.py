"""MkDocs hook: what docs/ may hold, and what a page may contain, per the one policy
(peerguide/policy.py).

- before MkDocs collects the files: no symlink or special file under docs/, a
  language folder holds only translations, no file beyond the size limits
  (peerguide/docsfolder.py);
- each page's source: front matter that is read, lines and paragraphs within the
  limits, markers that are valid (peerguide/pagesource.py, peerguide/markers.py);
- each page's HTML, as a browser parses it: only what the PAGE policy allows
  (peerguide/htmlcheck.py). The page then holds the HTML as parsed, so what was
  checked is what the browser gets.

Every problem names the file and line and stops the build. Listed first among the
hooks: it sees the page's own HTML, before the data blocks (the project's templates,
checked by hooks/data_markers.py) are put in. Text the theme inserts without escaping
(front matter, page titles) is escaped here.
"""

from __future__ import annotations

from pathlib import Path

import markdown as markdown_lib
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from peerguide.docsfolder import folder_problems
from peerguide.errors import ErrorList
from peerguide.htmlcheck import check, check_remembered
from peerguide.locate import first_line_showing, line_of
from peerguide.markers import comment_lines, malformed_markers
from peerguide.pagesource import front_matter_problems, limit_problems
from peerguide.policy import MAX_PAGE_BYTES, PAGE
from peerguide.render import is_placeholder
from peerguide.session import policy_memo
from peerguide.site import first_build_of_run, languages, page_body, source_file
from peerguide.views import MARKER_FAMILIES
from peerguide.yamlsource import read_text

# Problems found in more than this many places are listed without bisecting for each line.
_LOCATE_AT_MOST = 12


@event_priority(100)
def on_config(config):
    """Before MkDocs walks docs/ (it follows symlinks): nothing there it may not read.
    Once per run: the other languages are built from the same folder."""
    if not first_build_of_run(config):
        return config
    langs = languages(config)
    docs = Path(config.docs_dir)
    translations = [lang for lang in langs.configured if lang != langs.default]
    problems = folder_problems(docs, translations, Path(config.config_file_path).parent)
    if problems:
        raise PluginError("Not allowed in docs/:\n" + "\n".join(f"  {problem}" for problem in problems))
    return config


@event_priority(100)  # before MkDocs and static-i18n read the pages
def on_files(files, config):
    """A page saved in another encoding than UTF-8 is named with the line of its first bad byte.
    Once per run, as on_config."""
    if not first_build_of_run(config):
        return files
    errors = ErrorList()
    root = Path(config.config_file_path).parent
    for file in files.documentation_pages():
        path = Path(file.abs_src_path)
        try:
            display = path.relative_to(root).as_posix()
        except ValueError:
            display = path.as_posix()
        read_text(path, display, errors, MAX_PAGE_BYTES)
    if errors:
        raise PluginError("\n".join(str(error) for error in errors))
    return files


def on_page_markdown(markdown, page, config, files):
    file = source_file(page, config)
    source = page.file.content_string
    problems = front_matter_problems(source, page.meta)
    body, first = page_body(page)
    if not problems:
        problems = limit_problems(body, first)
    if not problems:
        problems = [(line + first - 1, problem) for line, problem in malformed_markers(body, MARKER_FAMILIES)]
    if problems:
        raise PluginError("\n".join(f"{file}:{line}: {problem}" for line, problem in sorted(problems)))
    # The theme writes these into attributes and titles as they are.
    for key in ("description", "title"):
        if key in page.meta:
            page.meta[key] = Markup.escape(page.meta[key])
    return markdown


def on_page_content(html, page, config, files):
    checked = check_remembered(policy_memo(config), html, PAGE, page.url, placeholder=is_placeholder, context="article")
    if checked.findings:
        raise PluginError(f"Not allowed in a page ({PAGE.where}, README \"Security\"):\n"
                          + "\n".join(f"  {line}" for line in _located(checked.findings, page, config)))
    # The theme writes the title (from the first heading) into menus and the header as it
    # is: "# A &lt;b&gt;" must stay text there too.
    if page.title and "title" not in page.meta:
        page.meta["title"] = Markup.escape(page.title)
    return checked.html


def on_post_build(config):
    policy_memo(config).save()


def _located(findings, page, config) -> list[str]:
    """'docs/da/x.md:12: <img src=...>: loads from another host ...' for each finding."""
    file = source_file(page, config)
    body, first = page_body(page)
    lines = body.split("\n")
    convert = _converter(config)
    stray_comments = comment_lines(body)
    out = []
    for index, finding in enumerate(dict.fromkeys(findings)):
        line = None
        if finding.key[:1] == ("comment",):
            line = stray_comments[0] + first - 1 if stray_comments else None
        elif index < _LOCATE_AT_MOST:
            def shows(text: str, key=finding.key) -> bool:
                found = check(convert(text), PAGE, page.url, placeholder=is_placeholder, context="article")
                return any(other.key == key for other in found.findings)

            number = first_line_showing(lines, shows)
            line = number + first - 1 if number else None
        line = line or line_of(body, finding.needle, first)
        out.append(f"{file}:{line}: {finding.message}" if line else f"{file}: {finding.message}")
    return list(dict.fromkeys(out))


def _converter(config):
    """Markdown as the site converts it (its extensions), for parts of a page."""
    engine = markdown_lib.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    return lambda text: engine.reset().convert(text)
