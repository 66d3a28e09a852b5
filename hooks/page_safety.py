"""MkDocs hook: nothing a page or its front matter contains may run script, call
another host or break out of the theme's markup.

Translators edit pages, so pages are checked like the data: an error names the
file and line and stops the build. The rules are in peerguide/pagecheck.py. Text
the theme inserts without escaping (front matter, page titles) is escaped here.
Listed first among the hooks: it sees the page's own HTML, before the data
blocks (the project's templates) are put in.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from peerguide.errors import ErrorList
from peerguide.pagecheck import check_html, front_matter_problems, line_of
from peerguide.site import page_body, source_file
from peerguide.yamlsource import read_text


@event_priority(100)  # before MkDocs and static-i18n read the pages
def on_files(files, config):
    """A page saved in another encoding than UTF-8 is named with the line of its first bad byte."""
    errors = ErrorList()
    root = Path(config.config_file_path).parent
    for file in files.documentation_pages():
        path = Path(file.abs_src_path)
        try:
            display = path.relative_to(root).as_posix()
        except ValueError:
            display = path.as_posix()
        read_text(path, display, errors)
    if errors:
        raise PluginError("\n".join(str(error) for error in errors))
    return files


def on_page_markdown(markdown, page, config, files):
    problems = front_matter_problems(page.meta)
    if problems:
        source = page.file.content_string
        raise PluginError("\n".join(
            f"{source_file(page, config)}:{line_of(source, key + ':') or 1}: {message}" for key, message in problems
        ))
    # The theme writes these into attributes and titles as they are.
    for key in ("description", "title"):
        if key in page.meta:
            page.meta[key] = Markup.escape(page.meta[key])
    return markdown


def on_page_content(html, page, config, files):
    problems = check_html(html)
    if problems:
        body, first_line = page_body(page)
        file = source_file(page, config)
        lines = []
        for problem in problems:
            line = line_of(body, problem.needle, first_line)
            lines.append(f"{file}:{line}: {problem.message}" if line else f"{file}: {problem.message}")
        raise PluginError("Not allowed in a page:\n" + "\n".join(f"  {line}" for line in dict.fromkeys(lines)))
    # The theme writes the title (from the first heading) into menus and the header as it
    # is: "# A &lt;b&gt;" must stay text there too.
    if page.title and "title" not in page.meta:
        page.meta["title"] = Markup.escape(page.title)
    return html
