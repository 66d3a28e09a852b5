"""Read a YAML data file into plain Python values and remember each value's line.

PyYAML alone loses line numbers, silently keeps the last of two duplicate keys
and follows YAML 1.1, where `no`, `on` and `2024-04-30` become a boolean and a
date. Here only `true`/`false` are booleans and dates stay text, so a country
code `NO` or a language key `no` is read as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .docsfolder import ReadError, read_bounded
from .errors import ErrorList, Path as KeyPath
from .policy import MAX_DATA_BYTES, MAX_YAML_DEPTH

_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MERGE = "tag:yaml.org,2002:merge"
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:null",
    _BOOL,
    _INT,
    _FLOAT,
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}


# libyaml's parser when PyYAML has it (several times faster); the rules below apply to both.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    """SafeLoader with YAML 1.2 core-schema booleans and numbers, and no timestamps."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in {_BOOL, _INT, _FLOAT, _TIMESTAMP}]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_Loader.add_implicit_resolver(_INT, re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
_Loader.add_implicit_resolver(
    _FLOAT, re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"), list("-+0123456789.")
)


@dataclass
class Source:
    """A data file's values, and the line where each key or list item starts."""

    file: str
    data: object
    lines: dict[KeyPath, int] = field(default_factory=dict)

    def known_prefix(self, path: KeyPath) -> KeyPath:
        """The longest start of `path` that names something in the file."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return path

    def line_of(self, path: KeyPath) -> int | None:
        """The line of the deepest part of `path` that exists in the file."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())


def read_text(path, file: str, errors: ErrorList, limit: int = MAX_DATA_BYTES) -> str | None:
    """A file's text, or None with an error: a symlink, something that is not a plain file
    or larger than `limit` is not read at all; a byte that is not UTF-8 (an editor saving
    in another encoding) is named with its line."""
    try:
        data = read_bounded(Path(path), limit)
    except ReadError as exc:
        errors.add(file, None, (), str(exc))
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        errors.add(file, line, (), f"not UTF-8 text ({exc.reason} at byte {exc.start}): save the file as UTF-8")
        return None


def load_file(path, file: str, errors: ErrorList) -> Source:
    text = read_text(path, file, errors)
    return Source(file, None) if text is None else load_source(text, file, errors)


def load_source(text: str, file: str, errors: ErrorList) -> Source:
    """Parse `text`; problems go to `errors` and the returned data is then unreliable."""
    source = Source(file, None)
    if not _events_allowed(text, file, errors):
        return source
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        line, message = syntax_error(text, exc)
        errors.add(file, line, (), message)
        return source
    finally:
        loader.dispose()
    if node is None:
        return source
    source.data = _build(node, (), loader, source, errors)
    return source


def _events_allowed(text: str, file: str, errors: ErrorList) -> bool:
    """Refuse anchors (&name) and aliases (*name): the data needs neither, and aliases
    expanded in full let a few hundred bytes fill the memory ("billion laughs"). Refuse
    mappings and lists nested deeper than the data ever is: building them recurses.
    Events come one by one, flat, so this pass itself never recurses."""
    loader = _Loader(text)
    clean = True
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            line = event.start_mark.line + 1
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    errors.add(file, line, (), f"lists and mappings are nested more than {MAX_YAML_DEPTH} deep here; "
                                               "the guide's data is never nested that deep")
                    return False
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            if isinstance(event, yaml.AliasEvent):
                errors.add(file, line, (), f"YAML alias *{event.anchor} is not supported: write the value out")
                clean = False
            elif getattr(event, "anchor", None):
                errors.add(file, line, (), f"YAML anchor &{event.anchor} is not supported: write the value out")
                clean = False
    except yaml.YAMLError:
        return clean  # a syntax error: load_source reports it, with its own line
    finally:
        loader.dispose()
    return clean


_KEY_LINE = re.compile(r"^[ \t]*(?:-[ \t]+)?[A-Za-z0-9_\"'-]+:(?:[ \t]|$)")


def syntax_error(text: str, exc: yaml.MarkedYAMLError) -> tuple[int | None, str]:
    """The line to report for a YAML syntax error, and the message.

    The parser gives up where it notices the problem, which for an unclosed quote
    is wherever the next quote mark happens to be, often many lines later. Point
    at the line where the unclosed quoted value starts instead.
    """
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    problem = " ".join(filter(None, [exc.context, exc.problem]))
    if mark and _character_at(text, mark) == "\t":
        return line, "YAML syntax error: a tab character is used for indentation; indent with spaces only"
    start = _unclosed_quote(text, exc)
    if start is not None and (line is None or start <= line):
        return start, (
            "YAML syntax error: the quoted text that starts on this line is not closed where it should "
            f"be (a quote mark is missing, or one too many); the parser only noticed on line {line}: {problem}"
        )
    return line, f"YAML syntax error: {problem}"


def _character_at(text: str, mark) -> str:
    lines = text.split("\n")
    if mark.line < len(lines) and mark.column < len(lines[mark.line]):
        return lines[mark.line][mark.column]
    return ""


def _unclosed_quote(text: str, exc: yaml.MarkedYAMLError) -> int | None:
    """The line of a quoted value that runs on over what look like further keys."""
    if exc.context == "while scanning a quoted scalar" and exc.context_mark:
        return exc.context_mark.line + 1
    lines = text.split("\n")
    found = None
    scanner = yaml.SafeLoader(text)  # the pure-Python scanner: tokens with their positions
    try:
        while scanner.check_token():
            token = scanner.get_token()
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'"):
                first, last = token.start_mark.line, token.end_mark.line
                if any(_KEY_LINE.match(lines[number]) for number in range(first + 1, last + 1)):
                    found = first + 1
    except yaml.YAMLError:
        pass
    finally:
        scanner.dispose()
    return found


def _build(node, path: KeyPath, loader: _Loader, source: Source, errors: ErrorList):
    line = node.start_mark.line + 1
    source.lines.setdefault(path, line)
    if node.tag not in _STANDARD_TAGS:
        errors.add(source.file, line, path, f"unsupported YAML tag {node.tag!r}")
        return None
    if isinstance(node, MappingNode):
        result: dict = {}
        first_line: dict = {}
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            if key_node.tag == _MERGE:
                errors.add(source.file, key_line, path, "merge keys (<<) are not supported: write the values out")
                continue
            key = _build(key_node, path, loader, source, errors) if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str):
                errors.add(
                    source.file, key_line, path, f"key {key_node.value!r} must be text: put it in quotes"
                )
                continue
            if key in result:
                errors.add(
                    source.file, key_line, path + (key,),
                    f"duplicate key {key!r} (first defined on line {first_line[key]})",
                )
                continue
            first_line[key] = key_line
            source.lines[path + (key,)] = key_line
            result[key] = _build(value_node, path + (key,), loader, source, errors)
        return result
    if isinstance(node, SequenceNode):
        return [_build(item, path + (index,), loader, source, errors) for index, item in enumerate(node.value)]
    if not isinstance(node, ScalarNode) or node.tag in ("tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"):
        errors.add(source.file, line, path, f"the YAML tag {node.tag.rsplit(':', 1)[-1]!r} does not fit this value")
        return None
    try:
        return loader.construct_object(node, deep=True)
    except Exception as exc:  # noqa: BLE001 - PyYAML's constructors raise KeyError, ValueError, ...
        # "!!int abc", "!!bool maybe", a number of thousands of digits
        reason = getattr(exc, "problem", None) or str(exc).split("\n")[0] or type(exc).__name__
        tag = node.tag.rsplit(":", 1)[-1]
        errors.add(source.file, line, path, f"cannot read this value as {tag} ({reason[:100]})")
        return None
