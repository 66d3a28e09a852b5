"""Judge HTML against a policy (peerguide/policy.py) as a browser parses it.

The HTML is parsed by Lexbor (selectolax), an HTML5 parser that follows the WHATWG
parsing rules browsers follow: rawtext and RCDATA elements (`<textarea>`, `<title>`,
`<noscript>`, ...), comments in all their odd forms, `<![CDATA[` outside SVG, foreign
content, stray end tags, duplicate attributes and entities are read as a browser reads
them. Python's html.parser does not, and a checker that reads a different document
from the browser's checks nothing.

The result also holds the fragment as the parser read it, serialised again: the build
puts THAT into the page, so what was checked is what the browser gets (no stray `</div>`
that closes the theme's markup, no unclosed element).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Callable, Protocol

from selectolax.lexbor import LexborHTMLParser

from .policy import Policy


@dataclass(frozen=True)
class Finding:
    message: str
    needle: str  # a piece of the source to find the line by
    key: tuple = ()  # what was found, without what depends on the rest of the page (for locating it)


@dataclass(frozen=True)
class Checked:
    findings: list[Finding]
    html: str  # the fragment, serialised as parsed

    def __bool__(self) -> bool:
        return not self.findings


def check(html: str, policy: Policy, page: str = "", placeholder: Callable[[str], bool] = lambda comment: False,
          context: str = "div") -> Checked:
    """Every way `html` (a fragment inside a `context` element of page `page`, e.g.
    "da/glossary/") steps outside `policy`. `placeholder(comment)` says which comments
    are the hooks' own."""
    parser = LexborHTMLParser(html, is_fragment=True, fragment_tag=context)
    findings: list[Finding] = []
    too_deep = False
    stack = [(node, 1) for node in _siblings(parser.root)][::-1]
    while stack:
        node, depth = stack.pop()
        if node.is_text_node:
            continue
        if node.is_comment_node:
            comment = node.comment_content or ""
            if not (policy.comments or placeholder(comment)):
                findings.append(Finding(
                    f"an HTML comment (<!--{_short(comment.split('<!--')[0], 30)}-->) is not allowed in {policy.where}: a comment hides "
                    "what follows it; the only comments a page may hold are data markers, each alone on its line",
                    "<!--", ("comment",)))
            continue
        if not node.is_element_node:
            findings.append(Finding(
                f"{_short(node.html or '')!s} is not HTML a browser shows: not allowed in {policy.where}", "<",
                ("node", node.html or "")))
            continue
        tag = node.tag
        if tag not in policy.elements:
            findings.append(Finding(f"<{tag}> is not allowed in {policy.where}{_elements_hint(policy)}", f"<{tag}",
                                    ("element", tag)))
            continue  # what is inside a refused element does not matter
        if depth > policy.max_depth and not too_deep:
            too_deep = True
            findings.append(Finding(f"elements are nested more than {policy.max_depth} deep", f"<{tag}", ("depth",)))
        for name, value in node.attributes.items():
            value = value or ""
            rule = policy.rule(tag, name)
            if rule is None:
                findings.append(Finding(
                    f"the attribute {name}= is not allowed on <{tag}> in {policy.where}"
                    f"{_attributes_hint(policy, tag)}", name, ("attribute", tag, name)))
                continue
            problem = rule.problem(value, page)
            if problem:
                findings.append(Finding(f"<{tag} {name}={_short(value)!r}>: {problem}", value[:40] or name,
                                        ("value", tag, name, value)))
        stack.extend((child, depth + 1) for child in reversed(list(_siblings(node.first_child))))
    return Checked(findings, parser.html or "")


class Memo(Protocol):  # buildcache.Memo
    def get(self, key: str) -> object | None: ...
    def put(self, key: str, value: object) -> None: ...


def check_remembered(memo: Memo | None, html: str, policy: Policy, page: str = "",
                     placeholder: Callable[[str], bool] = lambda comment: False, context: str = "div") -> Checked:
    """check(), with what passed remembered from one build to the next (`memo`): the same
    page or block, for the same policy, page address and context, passes again. Only HTML
    without comments is remembered (whether a comment is the hooks' own changes every
    build), only a pass, and the memo's file is named after this package's code, so a
    change of the policy judges everything afresh."""
    if memo is None or "<!--" in html:
        return check(html, policy, page, placeholder, context)
    key = hashlib.sha256("\0".join((policy.where, context, page, html)).encode()).hexdigest()
    parsed = memo.get(key)
    if isinstance(parsed, str):
        return Checked([], parsed)
    checked = check(html, policy, page, placeholder, context)
    if not checked.findings:
        memo.put(key, checked.html)
    return checked


def _siblings(node):
    while node is not None:
        yield node
        node = node.next


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _elements_hint(policy: Policy) -> str:
    return f" (allowed: {', '.join(sorted(policy.elements))})" if len(policy.elements) < 12 else \
        " (README, \"Security\", lists what is allowed)"


def _attributes_hint(policy: Policy, tag: str) -> str:
    names = sorted({*policy.elements.get(tag, {}), *policy.everywhere})
    return f" (allowed: {', '.join(names)})" if names else " (it takes no attributes here)"
