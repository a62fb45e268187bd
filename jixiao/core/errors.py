"""Input errors that name the field and what was expected, in Chinese and English.

Bad input is a user's mistake, not a program failure: it is reported as an
:class:`InputError` carrying one :class:`Problem` per bad field, never as a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import ValidationError


@dataclass(frozen=True)
class Problem:
    path: str  # "staffing.in_service.参照公务员管理"
    zh: str
    en: str
    line: int | None = None  # line in the input file, when the reader knows it

    def render(self) -> str:
        place = self.path or "(顶层 top level)"
        at = f"第{self.line}行 line {self.line}: " if self.line else ""
        return f"{at}{place}: {self.zh} / {self.en}"


@dataclass
class InputError(Exception):
    origin: str  # file name or "<api>"
    problems: list[Problem] = field(default_factory=list)

    @classmethod
    def single(
        cls, origin: str, path: str, zh: str, en: str, line: int | None = None
    ) -> InputError:
        return cls(origin, [Problem(path, zh, en, line)])

    def __str__(self) -> str:
        head = f"{self.origin}: 输入有误 / invalid input ({len(self.problems)})"
        return "\n".join([head, *(f"  - {p.render()}" for p in self.problems)])


_MESSAGES: dict[str, tuple[str, str]] = {
    "missing": ("缺少必填项", "field required"),
    "extra_forbidden": ("不认识的字段（拼写错误？）", "unknown field (a typo?)"),
    "int_parsing": ("应为整数", "expected a whole number"),
    "int_type": ("应为整数", "expected a whole number"),
    "int_from_float": ("应为整数", "expected a whole number"),
    "greater_than_equal": ("数值过小，应不小于 {ge}", "too small, expected >= {ge}"),
    "less_than_equal": ("数值过大，应不大于 {le}", "too large, expected <= {le}"),
    "string_type": ("应为文字", "expected text"),
    "string_too_short": ("文字过短", "text too short"),
    "string_pattern_mismatch": ("格式不符（{pattern}）", "does not match the pattern {pattern}"),
    "enum": ("应为以下之一：{expected}", "expected one of: {expected}"),
    "dict_type": ("应为映射（键: 值）", "expected a mapping"),
    "model_type": ("应为映射（键: 值）", "expected a mapping"),
    "tuple_type": ("应为列表", "expected a list"),
    "list_type": ("应为列表", "expected a list"),
    "bool_type": ("应为 true 或 false", "expected true or false"),
    "bool_parsing": ("应为 true 或 false", "expected true or false"),
    "union_tag_invalid": (
        "类型 {tag} 无效，应为以下之一：{expected_tags}",
        "invalid type {tag}, expected one of: {expected_tags}",
    ),
    "union_tag_not_found": (
        "缺少类型字段 {discriminator}",
        "missing the type field {discriminator}",
    ),
    "literal_error": ("应为以下之一：{expected}", "expected one of: {expected}"),
    "too_short": ("至少需要 {min_length} 项", "needs at least {min_length} item(s)"),
    "too_long": ("最多 {max_length} 项", "at most {max_length} item(s)"),
    "decimal_parsing": ("应为数字", "expected a number"),
    "float_parsing": ("应为数字", "expected a number"),
    "date_from_datetime_parsing": ("应为日期（YYYY-MM-DD）", "expected a date (YYYY-MM-DD)"),
}


class _Context(dict[str, str]):
    """Formatting context that leaves an unknown placeholder visible instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _path(loc: tuple[Any, ...]) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part}]")
        elif str(part).startswith("function-"):
            continue
        else:
            parts.append(("." if parts else "") + str(part))
    return "".join(parts)


def _is_echo(item: Any, others: list[Any]) -> bool:
    """A "too short" complaint about a list whose item was refused only repeats that refusal."""
    loc = tuple(item["loc"])
    return item["type"] == "too_short" and any(
        tuple(o["loc"])[: len(loc)] == loc and len(o["loc"]) > len(loc) for o in others
    )


def problems_from_validation_error(error: ValidationError) -> list[Problem]:
    """Translate pydantic's errors into bilingual problems with dotted field paths."""
    problems = []
    items = error.errors(include_url=False)
    for item in items:
        if _is_echo(item, items):
            continue
        kind = item["type"]
        ctx = {k: str(v) for k, v in (item.get("ctx") or {}).items()}
        if kind in _MESSAGES:
            zh, en = (text.format_map(_Context(ctx)) for text in _MESSAGES[kind])
            zh = zh.replace("' or '", "'、'")
        else:
            message = str(item["msg"]).removeprefix("Value error, ")
            zh, en = (message, message) if " / " not in message else message.split(" / ", 1)

        path = _path(tuple(item["loc"]))
        if kind == "value_error" and ": " in zh and not path:
            # model-level validators name the field themselves: "indicators[2].goal: …"
            path, zh = zh.split(": ", 1)
        problems.append(Problem(path, zh, en))
    return problems
