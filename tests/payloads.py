"""Hostile and careless input, in one place: a new case is one line.

Each payload changes one file of a copy of the project: it replaces `old` with `new`,
or (without `old`) is appended to the file, or (with `whole=True`) becomes the file;
`symlink=True` makes the file a symlink to `new`, `fifo=True` a named pipe.
`error` is part of the message the build must stop with; the message must also name
the file and the line where `at` (default: the payload's first line) is, or only the
file's path (`path_only=True`: files, folders and symlinks). Without `error`, the build
must succeed, within seconds of a clean build, and nothing the payload wrote may be live
in the built pages, as the policy's own HTML5 parser reads them: see test_hostile_input.py.

The classes (issue 15): markup a browser parses differently from a naive parser, URLs a
browser resolves to another host or a script, SVG and MathML, attributes that drive the
theme's or the guide's scripts, files in a language folder, the PDF printer's fetches,
unbounded work, errors that were tracebacks, and pages that were silently wrong.
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
    symlink: bool = False
    fifo: bool = False
    path_only: bool = False


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
            error="the attribute onclick= is not allowed on <p>", at='<p onclick'),
    Payload("page-attr-list-handler", DA_PAGE, '\nKlik her\n{ onmouseover="alert(1)" }\n',
            error="the attribute onmouseover= is not allowed on <p>", at="{ onmouseover"),
    Payload("page-javascript-link", DA_PAGE, "\n[Klik](javascript:alert(1))\n",
            error="is a javascript: link"),
    Payload("page-image-other-host", DA_PAGE, "\n![x](https://tracker.example/p.png)\n",
            error="loads from another host (tracker.example)"),
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


# --- issue 15: the policy is an allowlist, judged on the HTML as a browser parses it ----------
# Markup that Python's html.parser reads differently from a browser: rawtext and RCDATA
# elements, odd comments, CDATA, processing instructions.
def page_html(id_: str, html: str, error: str, at: str | None = None) -> Payload:
    """An HTML payload at the end of a Danish page (first line: `at` or the payload's first)."""
    return Payload(id_, DA_PAGE, f"\n{html}\n", error=error, at=at)


RAWTEXT_ESCAPES = [
    ("textarea", '<div>\n<textarea><p title="</textarea><img src=x onerror=alert(1)>"></p></textarea>\n</div>',
     "<textarea> is not allowed in a page", "<textarea>"),
    ("title", '<title><p title="</title><img src=x onerror=alert(1)>"></title>', "<title> is not allowed"),
    ("xmp", '<xmp><p title="</xmp><img src=x onerror=alert(1)>"></xmp>', "<xmp> is not allowed"),
    ("noembed", '<noembed><p title="</noembed><img src=x onerror=alert(1)>"></noembed>', "<noembed> is not allowed"),
    ("noframes", '<noframes><p title="</noframes><img src=x onerror=alert(1)>"></noframes>',
     "<noframes> is not allowed"),
    ("noscript", '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
     "<noscript> is not allowed"),
    ("iframe-rawtext", '<iframe><p title="</iframe><img src=x onerror=alert(1)>"></iframe>',
     "<iframe> is not allowed"),
    ("style-in-svg", '<svg><style><img src=x onerror=alert(1)></style></svg>', "<svg> is not allowed"),
    ("plaintext", "<plaintext><img src=x onerror=alert(1)>", "<plaintext> is not allowed"),
    ("select-mxss", '<select><option><img src=x onerror=alert(1)></option></select>', "<select> is not allowed"),
]
COMMENT_ESCAPES = [
    ("comment-short", "<!--><img src=x onerror=alert(1)>-->", "an HTML comment"),
    ("comment-dash", "<!---><img src=x onerror=alert(1)>-->", "an HTML comment"),
    ("comment-bang", "<!-- x --!><img src=x onerror=alert(1)>", "an HTML comment"),
    ("cdata", "<![CDATA[ ]]><img src=x onerror=alert(1)> ]]>", "an HTML comment"),
    ("processing-instruction", '<?xml x="?><img src=x onerror=alert(1)>"?>', "an HTML comment"),
    ("comment-in-attribute", '<p title="<!--">x</p><img src=x onerror=alert(1)>-->', "onerror= is not allowed"),
]
# URLs as a browser resolves them (WHATWG): backslashes, control characters, tabs, entities.
URL_TRICKS = [
    ("backslashes", '<img src="\\\\tracker.example/p.png" alt="x">', "loads from another host (tracker.example)"),
    ("slash-backslash", '<img src="/\\tracker.example/p.png" alt="x">', "loads from another host (tracker.example)"),
    ("tab-in-slashes", '<img src="/&#9;/tracker.example/p.png" alt="x">', "loads from another host (tracker.example)"),
    ("control-before", '<img src="&#1;//tracker.example/p.png" alt="x">', "loads from another host (tracker.example)"),
    ("entity-slashes", '<img src="&sol;&sol;tracker.example/p.png" alt="x">',
     "loads from another host (tracker.example)"),
    ("scheme-relative", '<img src="//tracker.example/p.png" alt="x">', "loads from another host (tracker.example)"),
    ("from-the-root", '<img src="/assets/images/favicon.svg" alt="x">', "is not a relative address"),
    ("entity-javascript", '<a href="jav&#x61;script:alert(1)">x</a>', "is a javascript: link"),
    ("newline-javascript", '<a href="java&#10;script:alert(1)">x</a>', "is a javascript: link"),
    ("tab-javascript-markdown", "[x](java&Tab;script:alert(1))", "is a javascript: link"),
    ("data-link", '<a href="data:text/html,x">x</a>', "is a data: link"),
    ("markdown-image-backslashes", "![x](\\\\\\\\tracker.example/p.png)", "loads from another host (tracker.example)"),
    ("markdown-autolink-javascript", "<javascript:alert(1)>", "<javascript:alert(1)> is not allowed"),
    ("srcset", '<img src="x.png" srcset="https://tracker.example/p.png 2x" alt="x">',
     "the attribute srcset= is not allowed"),
    ("ping", '<a href="https://example.org" ping="https://tracker.example/">x</a>', "the attribute ping= is not allowed"),
    ("video-poster", '<video poster="https://tracker.example/p.png"></video>', "<video> is not allowed"),
    ("link-element", '<link rel="stylesheet" href="https://tracker.example/x.css">', "<link> is not allowed"),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=https://tracker.example/">', "<meta> is not allowed"),
    ("base-href", '<base href="https://tracker.example/">', "<base> is not allowed"),
    ("style-url", '<p style="background:url(https://tracker.example/p.png)">x</p>', "the attribute style= is not allowed"),
]
# SVG and MathML: other namespaces, other rules.
FOREIGN = [
    ("svg-image", '<svg><image href="https://tracker.example/p.png"/></svg>', "<svg> is not allowed"),
    ("svg-animate", '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text y="20">x</text></a></svg>',
     "<svg> is not allowed"),
    ("svg-set", '<svg><a><set attributeName="href" to="javascript:alert(1)"/><text y="20">x</text></a></svg>',
     "<svg> is not allowed"),
    ("svg-fill-url", '<svg><rect fill="url(https://tracker.example/p.svg#x)"/></svg>', "<svg> is not allowed"),
    ("math-mxss", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "<math> is not allowed"),
]
# Attributes and ids the theme's or the guide's scripts read.
THEME_DRIVERS = [
    ("fake-config", '<div id="__config">{"base": "https://tracker.example"}</div>', "the attribute id= is not allowed"),
    ("md-component", '<a href="https://github.com/x/y" data-md-component="source">x</a>',
     "the attribute data-md-component= is not allowed"),
    ("md-component-attr-list", "[x](https://github.com/x/y){ data-md-component=source }",
     "the attribute data-md-component= is not allowed"),
    ("guide-data-attribute", '<div data-pg-checklist>x</div>', "the attribute data-pg-checklist= is not allowed"),
    ("heading-id-of-a-global", "## Klik {#PeerguideWhenStore}", "must look like an anchor"),
    ("heading-id-of-the-theme", "## Klik {#__search}", "must look like an anchor"),
    ("theme-class", '<div class="md-header">x</div>', "the class 'md-header' is not one the guide uses here"),
    ("name-clobbering", '<img name="PeerguideWhenStore" src="x.png" alt="x">', "the attribute name= is not allowed"),
    ("form-control", '<input type="checkbox" data-pg-item="budget">', "<input> is not allowed"),
    ("aria-hidden", '<p aria-hidden="true">x</p>', "the attribute aria-hidden= is not allowed"),
    ("target-blank", '<a href="https://example.org" target="_blank">x</a>', "the attribute target= is not allowed"),
    ("attachment", '<a rel="attachment" href="http://internal.example/secret">x</a>', "the attribute rel= is not allowed"),
    ("deep-nesting", "<div>" * 60 + "x" + "</div>" * 60, "elements are nested more than 40 deep"),
]

PAYLOADS += [page_html(f"rawtext-{id_}", *rest) for id_, *rest in RAWTEXT_ESCAPES]
PAYLOADS += [page_html(id_, html, error) for id_, html, error in COMMENT_ESCAPES]
PAYLOADS += [page_html(f"url-{id_}", html, error) for id_, html, error in URL_TRICKS]
PAYLOADS += [page_html(id_, html, error) for id_, html, error in FOREIGN]
PAYLOADS += [page_html(f"theme-{id_}", html, error) for id_, html, error in THEME_DRIVERS]

DA_NORWAY = "docs/da/countries/norway.md"
COUNTRIES = "docs/data/countries.yml"
PROJECTS = "docs/data/projects.yml"
PAYLOADS += [
    # An anchor that is the id of a checkbox the checklist's script and labels find by it.
    Payload("anchor-of-a-checkbox", "docs/da/checklist.md", "\n## Budget {#check-budget}\n",
            error="the anchor #check-budget is also the id of an element", at="## Budget"),
    # Data text that would become attributes in a heading: refused where it is written.
    Payload("data-attribute-list-in-heading", "docs/da/data/glossary.yml", "  term: 'peer-støtte {: onclick=alert(1) }'\n",
            old="  term: peer-støtte\n", error="attribute lists ({: ... }) are not allowed in data text",
            at="  term: 'peer-støtte {:"),
    Payload("data-entity-javascript", DA_PARTNERS, partner("'[Se](jav&#x61;script:alert(1))'"), whole=True,
            error="write links to pages of the guide from docs/", at="  description"),
    Payload("data-backslash-host", DA_PARTNERS, partner("'[Se](\\\\\\\\tracker.example/x)'"), whole=True,
            error="only pages of the guide", at="  description"),
    # --- a language folder holds translations only; nothing under docs/ is a symlink
    Payload("file-html", "docs/da/evil.html", "<script>alert(1)</script>\n", whole=True,
            error="not a translation of an English page or data file", path_only=True),
    Payload("file-svg", "docs/da/assets/evil.svg", "<svg onload=alert(1)></svg>\n", whole=True,
            error="not a translation of an English page or data file", path_only=True),
    Payload("folder-without-english", "docs/da/extra/page.md", "# Ekstra\n", whole=True,
            error="the English guide has no folder extra/", path_only=True),
    Payload("file-js", "docs/da/worker.js", "postMessage(1)\n", whole=True,
            error="not a translation of an English page or data file", path_only=True),
    Payload("file-page-without-english", "docs/da/extra.md", "# Ekstra\n", whole=True,
            error="not a translation of an English page or data file", path_only=True),
    Payload("file-data-without-english", "docs/da/data/extra.yml", "x: y\n", whole=True,
            error="not a translation of an English page or data file", path_only=True),
    Payload("symlink-passwd", "docs/da/passwd.md", "/etc/passwd", symlink=True, error="is a symlink", path_only=True),
    Payload("symlink-folder", "docs/da/etc", "/etc", symlink=True, error="is a symlink", path_only=True),
    Payload("symlink-data-file", "docs/da/data/partners.yml", "/etc/os-release", symlink=True, error="is a symlink",
            path_only=True),
    Payload("symlink-dev-zero", "docs/da/data/labels.yml", "/dev/zero", symlink=True, error="is a symlink",
            path_only=True),
    Payload("symlink-in-english", "docs/assets/images/x.png", "/etc/hostname", symlink=True, error="is a symlink",
            path_only=True),
    Payload("fifo-page", "docs/da/checklist.md", "", fifo=True, error="is not a plain file", path_only=True),
    Payload("page-too-large", DA_PAGE, "x" * (64 * 1024 + 1), whole=True, error="may be at most 65,536 bytes",
            path_only=True),
    # --- bounded work: refused beyond the limits, prompt within them
    Payload("work-backticks", DA_PAGE, "\n" + "`" * 1800 + "\n"),
    Payload("work-brackets-line", DA_PAGE, "\n" + "[" * 20000 + "\n", error="the line is 20000 characters long"),
    Payload("work-brackets-paragraph", DA_PAGE, "\n" + ("[" * 80 + "\n") * 3, error="more than 100 '['"),
    Payload("work-brackets-within-limits", DA_PAGE, ("\n" + "[" * 100 + "\n") * 100),
    Payload("work-every-special-within-limits", DA_PAGE,
            "".join(f"\n{char * 1999}\n" for char in "`*_<&!#{}:|-\\~^=+.\"'/()]")),
    Payload("work-nested-quotes", DA_PAGE, "\n" + "> " * 900 + "x\n", error="quotes or lists inside each other"),
    Payload("work-nested-lists", DA_PAGE, "\n" + "- " * 900 + "x\n", error="quotes or lists inside each other"),
    Payload("work-indent", DA_PAGE, "\n" + " " * 1500 + "- x\n", error="the line is indented by 1500 spaces"),
    Payload("yaml-nested-deep", DA_LABELS, "x: " + "[" * 300 + "]" * 300 + "\n", error="nested more than 12 deep",
            at="x: ["),
    Payload("yaml-too-large", DA_LABELS, "# " + "x" * (256 * 1024) + "\n", error="may be at most 262,144 bytes",
            path_only=True),
    # --- errors that were tracebacks
    Payload("date-not-in-calendar", PROJECTS, "  end: 2023-02-31\n", old="  end: 2024-04-30\n",
            error="2023-02-31 is not a date in the calendar", at="  end: 2023-02-31"),
    Payload("map-label-infinite", COUNTRIES, 'label: [1.0e999, 61.2]', old="label: [8.6, 61.2]",
            error="Input should be a finite number"),
    Payload("map-label-off-the-globe", COUNTRIES, 'label: [8.6, 610.2]', old="label: [8.6, 61.2]",
            error="must be within"),
    Payload("figure-infinite", COUNTRIES, "      value: 1.0e999\n", old="      value: 2.2\n",
            error="Input should be a finite number", at="      value: 1.0e999"),
    Payload("placeholder-by-hand", DA_PAGE, "\n<!-- peerguide-island 0 -->\n", error="an HTML comment"),
    # --- pages that were silently wrong
    Payload("stray-comment-before-marker", DA_PAGE, "<!--\n<!-- glossary:table -->\n", old="<!-- glossary:table -->\n",
            error="an HTML comment", at="<!--\n"),
    Payload("marker-deleted", DA_NORWAY, "\n", old="<!-- countries:profile norway -->\n",
            error="the marker <!-- countries:profile norway --> of the English page is missing", at="# Norge"),
    Payload("marker-added", DA_PAGE, "\n<!-- models:comparison -->\n",
            error="the English page has no marker <!-- models:comparison -->"),
    Payload("front-matter-broken", DA_PAGE, page(front="description: [Ordliste.\n"), whole=True,
            error="the front matter is not valid YAML", at="description"),
    Payload("front-matter-unclosed", DA_PAGE, "---\ndescription: Ordliste.\n\n# Ordliste\n", whole=True,
            error="its front matter is not closed", at="---"),
    Payload("translated-from-invalid", DA_PAGE, "translated_from: nonsense\n", old="translated_from: 06524a4f3f18\n",
            error="translated_from must be the 12-hex-digit fingerprint", at="translated_from"),
    Payload("project-ends-before-it-starts", PROJECTS, "  end: 2022-04-30\n", old="  end: 2024-04-30\n",
            error="the period ends (2022-04-30) before it starts (2023-05)", at="network-2023:"),
    Payload("figure-period-reversed", COUNTRIES, "      date: 2015-12\n      until: 2014\n", old="      date: 2015-12\n",
            error="the period ends (2014) before it starts (2015-12)", at="    funding:"),
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
