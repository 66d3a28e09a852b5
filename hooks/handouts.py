"""MkDocs hook: the PDF handouts and the offline copy in the built site.

tools/handouts.py and tools/offline.py build them into the cache folder (.cache/);
this hook copies the last built ones into every build of the site (so `make serve`
links them without rebuilding them) and puts a link to its handout on each page
that a handout names in `linked_from` (docs/data/handouts.yml).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url
from peerguide.cache import cache_dir
from peerguide.links import file_links
from peerguide.manifest import Manifest, read_manifest
from peerguide.notices import english_page
from peerguide.session import current_session, template_environment
from peerguide.site import languages, offline_copy
from peerguide.views import handout_file

TEMPLATE = "partials/peerguide/handout-link.html"
_state: dict = {"manifest": Manifest()}


def on_config(config):
    _state["manifest"] = read_manifest(Path(config.config_file_path).parent)
    return config


def on_page_content(html, page, config, files):
    lang = languages(config).current
    data = current_session().catalog[lang]
    source = "/" + english_page(page.file.src_uri, lang)
    links = []
    for handout_id, handout in data.handouts.items():
        entry = _state["manifest"].handout(handout_id, lang)
        if source in handout.linked_from and entry:
            template = template_environment(config).get_template(TEMPLATE)
            links.append(template.render(t=data.t, title=handout.title, file=handout_file(data, entry)))
    if not links:
        return html
    # At the end of the page: what a reader meets first under the title is the page itself.
    return html + file_links("\n".join(links), lambda path: get_relative_url(path, page.url))


@event_priority(-200)  # after static-i18n has built every language
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return
    cache = cache_dir(Path(config.config_file_path).parent)
    # The offline copy holds the handouts, but not itself.
    wanted = [("handouts", "*.pdf")] + ([] if offline_copy(config) else [("downloads", "*.zip")])
    for folder, pattern in wanted:
        files = sorted((cache / folder).glob(pattern))
        if files:
            target = Path(config.site_dir) / folder
            target.mkdir(parents=True, exist_ok=True)
            for file in files:
                shutil.copy2(file, target / file.name)
