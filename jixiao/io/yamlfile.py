"""YAML and JSON reading that keeps numbers exact and remembers where each value stood.

Floats are never created: ``1462.08`` in a file becomes ``Decimal("1462.08")``. The reader
also returns a map from dotted field path to line number, so that a validation problem can
say "第12行" as well as "staffing.retired".
"""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from jixiao.core.errors import InputError, Problem
from jixiao.io.files import read_input_bytes

MAX_INPUT_BYTES = 20 * 1024 * 1024
# Bounds on the shape of untrusted input, checked on the parsed node tree before anything is
# built from it: an alias "bomb" of a few hundred bytes expands to billions of values, and a
# 50,000-deep list exhausts Python's stack. A real dossier has a few thousand values, depth < 10.
MAX_VALUES = 200_000
MAX_DEPTH = 64


# libyaml's parser when PyYAML was built with it (about 10× faster), the pure-Python one otherwise
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _DecimalLoader(_SafeLoader):  # type: ignore[valid-type,misc]
    """SafeLoader that reads floats as Decimal (exact money) and keeps dates as text."""


def _construct_decimal(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Decimal:
    text = str(loader.construct_scalar(node)).replace("_", "")
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite():
        raise yaml.constructor.ConstructorError(
            None, None, f"{text} 不是有限数字 / is not a finite number", node.start_mark
        )
    return value


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    """A mapping that refuses a key given twice (YAML would silently keep the last one)."""
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"键 {key!r} 重复 / duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    loader.flatten_mapping(node)
    return dict(loader.construct_pairs(node))


def _construct_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


_DecimalLoader.add_constructor("tag:yaml.org,2002:float", _construct_decimal)
_DecimalLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_text)
_DecimalLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


class _TooLarge(yaml.YAMLError):
    """The document expands beyond the bounds (aliases, nesting)."""

    def __init__(self, zh: str, en: str, node: yaml.Node) -> None:
        super().__init__(f"{zh} / {en}")
        self.problem = f"{zh} / {en}"
        self.problem_mark = node.start_mark


def _check_bounds(root: yaml.Node) -> None:
    """Refuse a node tree whose expanded size or depth exceeds the bounds, counting each alias
    as the whole subtree it repeats (memoised per node, so the check itself stays linear)."""
    sizes: dict[int, int] = {}

    def expanded(node: yaml.Node, depth: int) -> int:
        if depth > MAX_DEPTH:  # also ends a recursive alias, which never finishes its size
            raise _TooLarge(
                f"嵌套超过 {MAX_DEPTH} 层", f"nested deeper than {MAX_DEPTH} levels", node
            )
        if id(node) in sizes:
            return sizes[id(node)]
        children: list[yaml.Node] = []
        if isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            children = list(node.value)
        total = 1
        for child in children:
            total += expanded(child, depth + 1)
            if total > MAX_VALUES:
                raise _TooLarge(
                    f"展开后超过 {MAX_VALUES:,} 个值（别名重复引用过多）",
                    f"expands to more than {MAX_VALUES:,} values (too many aliases)",
                    node,
                )
        sizes[id(node)] = total
        return total

    expanded(root, 0)


def _compose_and_construct(text: str) -> tuple[yaml.Node | None, Any]:
    """Parse once: the node tree (for line numbers) and the data built from it."""
    loader = _DecimalLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        _check_bounds(node)
        try:
            return node, loader.construct_document(node)
        except (ValueError, IndexError, KeyError, TypeError) as error:
            # PyYAML's own constructors fail this way on an explicit tag with an unfit value
            # ("!!int ''", "!!bool maybe", an int of more than 4300 digits)
            raise yaml.constructor.ConstructorError(
                None, None, "值与其标签（!!…）不符 / a value does not fit its tag", node.start_mark
            ) from error
    finally:
        loader.dispose()


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping = dict(pairs)
    if len(mapping) != len(pairs):  # only then look for the key given twice
        keys = [key for key, _ in pairs]
        duplicates = sorted({key for key in keys if keys.count(key) > 1})
        raise json.JSONDecodeError(f"键 {duplicates[0]!r} 重复 / duplicate key", "", 0)
    return mapping


def _line_map(
    node: yaml.Node, path: str = "", lines: dict[str, int] | None = None
) -> dict[str, int]:
    """Each field path's line: where its key stands (a list item: where the item starts)."""
    lines = {} if lines is None else lines
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = str(key_node.value)
            child = f"{path}.{key}" if path else key
            lines[child] = key_node.start_mark.line + 1
            _line_map(value_node, child, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _line_map(item, f"{path}[{index}]", lines)
    return lines


def read_text(path: Path) -> str:
    data = read_input_bytes(path, max_bytes=MAX_INPUT_BYTES)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError.single(
            str(path),
            "",
            f"不是 UTF-8 编码的文本（第{error.start}字节）",
            f"not UTF-8 text (byte {error.start})",
        ) from None


def parse_text(text: str, origin: str, *, json_format: bool = False) -> tuple[Any, dict[str, int]]:
    """Parse YAML (or JSON) text into plain data plus a path → line map."""
    if json_format:
        try:
            data = json.loads(text, parse_float=Decimal, object_pairs_hook=_unique_pairs)
        except RecursionError:
            raise InputError.single(
                origin, "", "JSON 嵌套层数过多", "JSON nested too deeply"
            ) from None
        except json.JSONDecodeError as error:
            raise InputError.single(
                origin,
                "",
                f"JSON 格式错误：{error.msg}",
                f"malformed JSON: {error.msg}",
                error.lineno,
            ) from None
        if text.count("{") + text.count("[") > MAX_DEPTH:  # fewer containers cannot nest deeper
            _check_depth(data, origin)
        return data, {}
    try:
        node, data = _compose_and_construct(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = str(getattr(error, "problem", None) or error)
        zh, _, en = problem.partition(" / ")
        raise InputError.single(
            origin, "", f"YAML 格式错误：{zh}", f"malformed YAML: {en or zh}", line
        ) from None
    return data, (_line_map(node) if node is not None else {})


_CONTAINERS = (dict, list)  # what json.loads (with _unique_pairs) builds, exactly these types


def _check_depth(data: Any, origin: str) -> None:
    """JSON has no aliases, but may nest deeper than the rest of the program expects."""
    level, layer = 0, [data] if type(data) in _CONTAINERS else []
    while layer:
        level += 1
        if level > MAX_DEPTH:
            raise InputError.single(
                origin,
                "",
                f"嵌套超过 {MAX_DEPTH} 层",
                f"nested deeper than {MAX_DEPTH} levels",
            )
        below: list[Any] = []
        for item in layer:  # only containers are ever put in a layer below the top
            children = item.values() if type(item) is dict else item
            below.extend(child for child in children if type(child) in _CONTAINERS)
        layer = below


def read_data(path: Path) -> tuple[Any, dict[str, int]]:
    return parse_text(read_text(path), str(path), json_format=path.suffix.lower() == ".json")


def with_lines(error: InputError, lines: dict[str, int]) -> InputError:
    """Attach line numbers to problems whose field path (or a parent of it) is known."""

    def line_of(path: str) -> int | None:
        while path:
            if path in lines:
                return lines[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return None

    problems: list[Problem] = [
        p if p.line else replace(p, line=line_of(p.path)) for p in error.problems
    ]
    return InputError(error.origin, problems)
