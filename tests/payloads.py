"""Hostile and careless input, in one place: a new case is one line.

Each payload changes one file of a copy of the project: it replaces `old` with `new`,
or (without `old`) is appended to the file, or (with `whole=True`) becomes the file.
`error` is part of the message the build must stop with; the message must also name
the file and the line where `at` (default: the payload's first line) is. Without
`error`, the build must succeed and nothing the payload wrote may be live in the
built pages: see test_hostile_input.py.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Payload:
    id: str
    file: str  # from the project's root
    new: str
    old: str | None = None
    whole: bool = False
    error: str | None = None
    at: str | None = None


DA_LABELS = "docs/da/data/labels.yml"
DA_PARTNERS = "docs/da/data/partners.yml"
DA_PAGE = "docs/da/glossary.md"
SITE_NAME = "  name: Organisering af peer-støtte\n"
TOKEN = "pgxss"  # what an inert payload tries to run; it must never reach a script or handler


def page(front: str = "description: Ordliste.\n", heading: str = "# Ordliste") -> str:
    return f"---\n{front}---\n\n{heading}\n\n<!-- glossary:table -->\n"


def partner(description: str) -> str:
    return f"nsph:\n  description: {description}\n"


PAYLOADS = [
    # --- text the theme writes into attributes and titles: built, and inert
    Payload("label-quote-breaks-out", DA_LABELS, f"  name: 'Guide\" onmouseover=\"alert(`{TOKEN}`)'\n", old=SITE_NAME),
    Payload("front-matter-quote", DA_PAGE, page(front=f"description: 'x\" onfocus=\"alert(`{TOKEN}`)\" autofocus=\"'\n"),
            whole=True),
    Payload("heading-with-markup", DA_PAGE, page(heading=f"# &lt;img src=x onerror=alert(`{TOKEN}`)&gt;"), whole=True),
    # --- links and images in data text
    Payload("data-javascript-link", DA_PARTNERS, partner(f"'[Se](javascript:alert(`{TOKEN}`))'"), whole=True,
            error="only pages of the guide", at="  description"),
    Payload("data-javascript-mixed-case", DA_PARTNERS, partner("'[Se](JaVaScRiPt:alert(1))'"), whole=True,
            error="only pages of the guide", at="  description"),
    Payload("data-data-url", DA_PARTNERS, partner("'[Se](data:text/html,x)'"), whole=True,
            error="only pages of the guide", at="  description"),
    Payload("data-vbscript", DA_PARTNERS, partner("'[Se](vbscript:msgbox)'"), whole=True,
            error="only pages of the guide", at="  description"),
    Payload("data-image-other-host", DA_PARTNERS, partner("'![x](https://tracker.example/p.png)'"), whole=True,
            error="images are not allowed in data text", at="  description"),
    Payload("data-relative-link", DA_PARTNERS, partner("'[Se](sweden.md)'"), whole=True,
            error="write links to pages of the guide from docs/", at="  description"),
    Payload("data-link-title", DA_PARTNERS, partner("'[Se](/countries/sweden.md \"Sverige\")'"), whole=True,
            error="link titles are not supported", at="  description"),
    Payload("data-link-to-a-file", DA_PARTNERS, partner("'[Se](/assets/images/favicon.svg)'"), whole=True,
            error="only pages of the guide (.md files)", at="  description"),
    Payload("data-link-to-no-page", DA_PARTNERS, partner("'[Se](/countries/swedn.md)'"), whole=True,
            error="there is no such page (docs/countries/swedn.md)", at="  description"),
    Payload("data-raw-html", DA_PARTNERS, partner("'<img src=x onerror=alert(1)>'"), whole=True,
            error="raw HTML is not allowed", at="  description"),
    # --- pages
    Payload("page-script", DA_PAGE, f"\n<script>alert('{TOKEN}')</script>\n", error="<script> is not allowed in a page"),
    Payload("page-event-handler", DA_PAGE, '\n<p onclick="alert(1)">Klik</p>\n',
            error="the event handler attribute onclick= is not allowed", at='<p onclick'),
    Payload("page-attr-list-handler", DA_PAGE, '\nKlik her\n{ onmouseover="alert(1)" }\n',
            error="the event handler attribute onmouseover= is not allowed", at="{ onmouseover"),
    Payload("page-javascript-link", DA_PAGE, "\n[Klik](javascript:alert(1))\n",
            error="only http, https and mailto links are allowed"),
    Payload("page-image-other-host", DA_PAGE, "\n![x](https://tracker.example/p.png)\n",
            error="a page may load only files of the guide"),
    Payload("page-style", DA_PAGE, "\n<style>body{background:url(https://tracker.example/p.png)}</style>\n",
            error="<style> is not allowed in a page"),
    Payload("page-iframe", DA_PAGE, '\n<iframe src="https://example.org/"></iframe>\n',
            error="<iframe> is not allowed in a page"),
    Payload("front-matter-unknown-key", DA_PAGE, page(front="description: Ordliste.\ntemplate: evil.html\n"),
            whole=True, error="front matter key 'template' is not used by the guide", at="template:"),
    # --- markers a translator copied by hand
    Payload("marker-uppercase", DA_PAGE, "\n<!-- glossary:Table -->\n", error="marker names and ids are lowercase"),
    Payload("marker-text-after", DA_PAGE, "\n<!-- glossary:table --> ordliste\n", error="alone on its line"),
    Payload("marker-wrong-separator", DA_PAGE, "\n<!-- glossary.table -->\n", error="with a colon"),
    Payload("marker-indented", DA_PAGE, "\n- Ordliste:\n\n    <!-- glossary:table -->\n",
            error="not indented", at="    <!-- glossary"),
    Payload("marker-unclosed", DA_PAGE, "\n<!-- glossary:table\n", error="the marker is not closed"),
    Payload("marker-unknown-id", DA_PAGE, "\n<!-- countries:profile norge -->\n", error="unknown countries id 'norge'"),
    # --- data files that must not hang or crash the build
    Payload("yaml-billion-laughs", DA_LABELS,
            'x: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
            "y: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nz: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
            "w: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n", error="YAML anchor &a is not supported"),
    Payload("yaml-recursive-alias", DA_LABELS, "x: &a [*a]\n", error="YAML anchor &a is not supported"),
    Payload("yaml-int-tag", DA_PARTNERS, partner("!!int abc"), whole=True, error="cannot read this value as int",
            at="  description"),
    Payload("yaml-bool-tag", DA_PARTNERS, partner("!!bool maybe"), whole=True, error="cannot read this value as bool",
            at="  description"),
    Payload("yaml-map-tag", DA_PARTNERS, partner("!!map x"), whole=True, error="the YAML tag 'map' does not fit",
            at="  description"),
    Payload("yaml-huge-number", DA_PARTNERS, partner("9" * 5000), whole=True, error="cannot read this value as int",
            at="  description"),
    Payload("yaml-brackets", DA_PARTNERS, partner("'" + "[" * 600 + "'"), whole=True, error="at most 20",
            at="  description"),
    # The worst text within the limits builds, promptly, and stays text.
    Payload("yaml-worst-within-limits", DA_PARTNERS,
            partner("'" + "[a](" * 20 + "*_`" * 300 + "'"), whole=True),
    Payload("yaml-too-long", DA_PARTNERS, partner("Lang tekst. " * 200), whole=True, error="at most 1200",
            at="  description"),
    Payload("yaml-unclosed-quote", DA_PARTNERS, partner('"Netværk af organisationer') + "zelda:\n  description: Z.\n"
            'kogemuskoda:\n  description: "K."\n', whole=True,
            error="the quoted text that starts on this line is not closed", at="  description"),
    Payload("yaml-tab", DA_PARTNERS, "nsph:\n\tdescription: x\n", whole=True, error="a tab character", at="\tdescription"),
    Payload("yaml-not-utf8", DA_PARTNERS, "nsph:\n  description: Netv\udce6rk\n", whole=True, error="not UTF-8 text",
            at="  description"),
    Payload("page-not-utf8", DA_PAGE, "\nOrdlist\udce6\n", error="not UTF-8 text"),
]


# --- files a reader loads into the checklist ("Load from file") -------------------------------
# (id, file content, the data-text-* attribute whose message must show). The ticks already
# there must stay exactly as they were.
CHECKLIST_FILES = [
    ("not-json", b"not a checklist", "import-failed"),
    ("another-program", b'{"format": "todo-list", "version": 1, "ticked": ["budget"]}', "import-failed"),
    ("no-format", b'{"ticked": ["budget"]}', "import-failed"),
    ("newer-version", b'{"format": "peerguide-checklist", "version": 3, "ticked": ["budget"]}', "import-newer"),
    ("odd-version", b'{"format": "peerguide-checklist", "version": "1", "ticked": ["budget"]}', "import-failed"),
    ("numbers", b'{"format": "peerguide-checklist", "version": 1, "ticked": [1, 2, 3]}', "import-invalid"),
    ("nested-lists", b'{"format": "peerguide-checklist", "version": 1, "ticked": [["budget"]]}', "import-invalid"),
    ("markup-ids", b'{"format": "peerguide-checklist", "version": 1, "ticked": ["<img src=x onerror=alert(1)>"]}',
     "import-invalid"),
    ("bare-list-with-junk", b'["budget", {"x": 1}]', "import-invalid"),
    ("too-many-ids", b'{"format": "peerguide-checklist", "version": 1, "ticked": ['
     + b",".join(b'"item-%d"' % i for i in range(1500)) + b"]}", "import-too-large"),
    ("too-large", b'{"format": "peerguide-checklist", "version": 1, "ticked": [], "pad": "'
     + b"x" * (1024 * 1024 + 10) + b'"}', "import-too-large"),
]
CHECKLIST_FILES += [
    ("answers-not-text", b'{"format": "peerguide-checklist", "version": 2, "ticked": [], "answers": {"budget": 12}}',
     "import-invalid"),
    ("answers-bad-id", b'{"format": "peerguide-checklist", "version": 2, "ticked": [], "answers": {"<b>x</b>": "y"}}',
     "import-invalid"),
    ("answers-a-list", b'{"format": "peerguide-checklist", "version": 2, "ticked": [], "answers": ["x"]}',
     "import-invalid"),
    ("answer-too-long", b'{"format": "peerguide-checklist", "version": 2, "ticked": [], "answers": {"budget": "'
     + b"x" * 4001 + b'"}}', "import-too-large"),
    ("organisation-not-text", b'{"format": "peerguide-checklist", "version": 2, "ticked": [], "organisation": 5}',
     "import-invalid"),
]
