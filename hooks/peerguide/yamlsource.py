"""Read a YAML data file into plain Python values and remember each value's line.

PyYAML alone loses line numbers, silently keeps the last of two duplicate keys
and follows YAML 1.1, where `no`, `on` and `2024-04-30` become a boolean and a
date. Here only `true`/`false` are booleans and dates stay text, so a country
code `NO` or a language key `no` is read as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from .errors import ErrorList, Path

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
    lines: dict[Path, int] = field(default_factory=dict)

    def known_prefix(self, path: Path) -> Path:
        """The longest start of `path` that names something in the file."""
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return path

    def line_of(self, path: Path) -> int | None:
        """The line of the deepest part of `path` that exists in the file."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())


def load_source(text: str, file: str, errors: ErrorList) -> Source:
    """Parse `text`; problems go to `errors` and the returned data is then unreliable."""
    source = Source(file, None)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(filter(None, [exc.context, exc.problem]))
        errors.add(file, mark.line + 1 if mark else None, (), f"YAML syntax error: {problem}")
        return source
    finally:
        loader.dispose()
    if node is None:
        return source
    source.data = _build(node, (), loader, source, errors)
    return source


def _build(node, path: Path, loader: _Loader, source: Source, errors: ErrorList):
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
    return loader.construct_object(node, deep=True)
