"""MkDocs hook: the offline copy (PEERGUIDE_OFFLINE=true, built by tools/offline.py).

Material's offline plugin switches the site to file:// links; it also adds a
script from a CDN (unpkg's iframe-worker) that only Material's search worker needs.
The site's search is Pagefind, which cannot run from file:// at all (the dialog says
so), so the script is left out: the offline copy, like the site, requests nothing
from any other host.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority
from peerguide.urls import resolve


@event_priority(-100)  # after the offline plugin has added its script
def on_config(config):
    polyfills = config.extra.get("polyfills") or []
    config.extra["polyfills"] = [url for url in polyfills if resolve(str(url)).relative]
    return config
