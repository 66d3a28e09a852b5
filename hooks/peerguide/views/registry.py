"""The views: what each data marker shows, and the template it shows it with.

Every view is a plain function from `LanguageData` (and the marker's arguments) to a
dict for its template in overrides/partials/peerguide/. Text is passed on as the data
holds it (inline Markdown); links are written from docs/ (`/countries/norway.md`), and
the hook resolves, checks and makes them relative on every page and in every language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

@dataclass(frozen=True)
class View:
    template: str
    build: Callable[..., dict]
    # The kind of id each argument names: ("models",) for `models:detail integrated`.
    args: tuple[str, ...] = ()
    # Facts about the build beyond the data that the view needs, passed as keywords
    # (see Renderer): ("translations",) for the translation status.
    extras: tuple[str, ...] = ()
    # The scripts its HTML needs, from docs/, in the order they load: only the pages that
    # show the view load them.
    scripts: tuple[str, ...] = ()


VIEWS: dict[str, View] = {}

CHECKLIST_STORE = "assets/javascripts/checklist-store.js"


def view(name: str, template: str, args: tuple[str, ...] = (), extras: tuple[str, ...] = (),
         scripts: tuple[str, ...] = ()):
    def register(build: Callable[..., dict]) -> Callable[..., dict]:
        VIEWS[name] = View(template, build, args, extras, scripts)
        return build

    return register
