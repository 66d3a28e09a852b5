"""What data text may become: judged on its HTML with the DATA_TEXT policy.

Data text is inline Markdown, so a translator can write `[text](target)`. The target
must be a page of the guide written from docs/ (`/countries/sweden.md`, optionally
with `#anchor`: the build resolves it in every language and checks it) or a web
address (http or https). Anything else is refused when the data is read: other
schemes however they are spelt (javascript:, data:, entities, tabs), relative or asset
paths (which break under a sub-path), link titles, images (which would make every page
load something from another host) and any other element.
"""

from __future__ import annotations

from .htmlcheck import check
from .inline import PLAIN, to_html
from .policy import DATA_TEXT


def problems(text: str) -> list[str]:
    """Why the HTML a data text becomes is not allowed (empty when it is)."""
    if PLAIN.fullmatch(text):
        return []  # plain text: nothing but escaped text comes out
    found = []
    for finding in check(to_html(text), DATA_TEXT).findings:
        if finding.message.startswith("<img"):
            found.append("images are not allowed in data text: a page must not load anything from another host")
        elif finding.message.startswith("the attribute title= is not allowed on <a>") or "link titles" in finding.message:
            found.append("link titles are not supported; leave out the quoted title")
        else:
            found.append(finding.message)
    return list(dict.fromkeys(found))
