"""The formula language: every operator, function and missing-value rule by example, plus
property tests against a reference evaluator written over the test's own expression trees."""

from __future__ import annotations

import contextlib
import itertools
import pickle
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import (
    ROUND_DOWN,
    ROUND_HALF_UP,
    Decimal,
    InvalidOperation,
    localcontext,
)
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.core.formula import (
    DIVISION_BY_ZERO,
    Formula,
    FormulaError,
    Missing,
    Value,
    compile_formula,
)

D = Decimal

DATA: dict[str, Decimal] = {
    "staffing.in_service": D(20),
    "staffing.authorized": D(25),
    "budget.sangong": D("63.46"),
    "budget.total": D("1462.08"),
    "zero": D(0),
    "neg": D("-2.5"),
}
LAST_YEAR: dict[str, Decimal] = {"budget.sangong": D(32)}


def run(
    text: str, data: dict[str, Decimal] | None = None, previous: dict[str, Decimal] | None = None
) -> Value:
    current = DATA if data is None else data
    return compile_formula(text).evaluate(
        current.get, (LAST_YEAR if previous is None else previous).get
    )


def missing_data(name: str) -> Missing:
    return Missing(f"缺少数据 {name} / missing data {name}", name)


def missing_previous(name: str) -> Missing:
    return Missing(f"缺少上年数据 {name} / missing previous-year data {name}", name, previous=True)


def same(actual: Value, expected: Value) -> bool:
    """Equal and of the same kind: True == Decimal(1) in Python, but not here."""
    return type(actual) is type(expected) and actual == expected


# ---------------------------------------------------------------------------------------------
# Examples: every operator and function


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # literals
        ("12", D(12)),
        ("0.5", D("0.5")),
        ("1462.08", D("1462.08")),
        ("80%", D(80)),
        ("12.5%", D("12.5")),
        # names
        ("budget.total", D("1462.08")),
        ("staffing.in_service", D(20)),
        # arithmetic and precedence
        ("1 + 2 * 3", D(7)),
        ("(1 + 2) * 3", D(9)),
        ("10 - 4 - 3", D(3)),
        ("10 - (4 - 3)", D(9)),
        ("100 / 4 / 5", D(5)),
        ("100 / (4 / 5)", D(125)),
        ("1 / 3", D("0.3333333333333333333333333333")),
        ("2 / 3", D("0.6666666666666666666666666667")),  # 28 digits, half up
        ("1000000000000000000000000002.5 * 1", D("1000000000000000000000000003")),  # not half even
        ("-3", D(-3)),
        ("--3", D(3)),
        ("-(2 + 3) * 2", D(-10)),
        ("2 * -3", D(-6)),
        ("1 - -1", D(2)),
        ("neg * 2", D(-5)),
        ("-zero", D(0)),
        ("-1 * zero", D(0)),
        # the domain's formulas
        ("staffing.in_service / staffing.authorized * 100", D(80)),
        ("(budget.sangong - prev(budget.sangong)) / prev(budget.sangong) * 100", D("98.3125")),
        ("staffing.in_service / staffing.authorized * 100 <= 100%", True),
        # comparisons
        ("1 < 2", True),
        ("2 < 2", False),
        ("2 <= 2", True),
        ("3 > 2", True),
        ("2 > 2", False),
        ("2 >= 2", True),
        ("2 == 2.00", True),
        ("2 != 2", False),
        ("2 != 3", True),
        ("(1 < 2) == (2 < 3)", True),
        ("(1 < 2) != (3 < 2)", True),
        ("1 + 1 == 2", True),
        # logic and its precedence: not > and > or
        ("1 < 2 and 2 < 3", True),
        ("1 < 2 and 3 < 2", False),
        ("3 < 2 or 1 < 2", True),
        ("3 < 2 or 4 < 2", False),
        ("not 1 < 2", False),
        ("not not 1 < 2", True),
        ("not 3 < 2 and 1 < 2", True),
        ("1 < 2 or 1 < 2 and 3 < 2", True),  # and binds tighter than or
        ("(1 < 2 or 1 < 2) and 3 < 2", False),
        # functions
        ("min(3, 1, 2)", D(1)),
        ("max(3, 1, 2)", D(3)),
        ("max(-1, -2)", D(-1)),
        ("abs(-2.5)", D("2.5")),
        ("abs(2.5)", D("2.5")),
        ("round(2.5)", D(3)),  # 四舍五入, not banker's rounding
        ("round(3.5)", D(4)),
        ("round(-2.5)", D(-3)),
        ("round(2.4)", D(2)),
        ("round(98.3125, 2)", D("98.31")),
        ("round(0.125, 2)", D("0.13")),
        ("round(1.005, 2)", D("1.01")),
        ("round(12, 2)", D(12)),
        ("round(1462.08, 0)", D(1462)),
        ("clamp(150, 0, 100)", D(100)),
        ("clamp(-5, 0, 100)", D(0)),
        ("clamp(42, 0, 100)", D(42)),
        ("clamp(5, 10, 0)", D(0)),  # lo > hi: min(max(x, lo), hi) = hi
        ("if(1 < 2, 10, 20)", D(10)),
        ("if(2 < 1, 10, 20)", D(20)),
        ("if(1 < 2, 1 < 2, 2 < 1)", True),
        ("prev(budget.sangong)", D(32)),
        ("present(budget.total)", True),
        ("present(nothing)", False),
        ("present(1 < 2)", True),
        ("coalesce(nothing, budget.total)", D("1462.08")),
        ("coalesce(budget.total, 0)", D("1462.08")),
        ("coalesce(nothing, prev(nothing), 7)", D(7)),
        ("coalesce(nothing < 1, 1 < 2)", True),
        # whitespace is free, newlines included (YAML block scalars)
        ("  min( 1 ,2 )  ", D(1)),
        ("budget.total\n  / 2", D("731.04")),
        ("1\u3000+\u00a01", D(2)),
    ],
)
def test_example(text: str, expected: Value) -> None:
    assert same(run(text), expected)


def test_percent_literal_is_in_percent_points() -> None:
    assert run("80%") == run("80")
    assert run("0.8") != run("80%")


# ---------------------------------------------------------------------------------------------
# Missing-value rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nothing", missing_data("nothing")),
        ("prev(nothing)", missing_previous("nothing")),
        ("1 / 0", DIVISION_BY_ZERO),
        ("1 / zero", DIVISION_BY_ZERO),
        ("1 / (2 - 2)", DIVISION_BY_ZERO),
        ("0 / 0", DIVISION_BY_ZERO),
        # arithmetic, unary, comparisons and number functions pass the first reason on
        ("nothing + 1", missing_data("nothing")),
        ("1 - nothing", missing_data("nothing")),
        ("nothing * 0", missing_data("nothing")),
        ("0 / nothing", missing_data("nothing")),
        ("-nothing", missing_data("nothing")),
        ("first + second", missing_data("first")),
        ("1 / 0 + nothing", DIVISION_BY_ZERO),
        ("nothing + 1 / 0", missing_data("nothing")),
        ("nothing < 1", missing_data("nothing")),
        ("1 == nothing", missing_data("nothing")),
        ("min(1, nothing)", missing_data("nothing")),
        ("max(other, nothing)", missing_data("other")),
        ("abs(nothing)", missing_data("nothing")),
        ("round(nothing, 2)", missing_data("nothing")),
        ("clamp(1, 0, nothing)", missing_data("nothing")),
        ("not nothing < 1", missing_data("nothing")),
        # and / or do not short-circuit a gap away
        ("2 < 1 and nothing < 1", missing_data("nothing")),
        ("1 < 2 or nothing < 1", missing_data("nothing")),
        ("nothing < 1 or 1 < 2", missing_data("nothing")),
        # if: a missing condition is missing; the unchosen branch does not matter
        ("if(nothing > 0, 1, 2)", missing_data("nothing")),
        ("if(1 < 2, 5, nothing)", D(5)),
        ("if(2 < 1, nothing, 5)", D(5)),
        ("if(2 < 1, 1 / 0, 5)", D(5)),
        ("if(1 < 2, nothing, 5)", missing_data("nothing")),
        ("if(present(nothing), nothing, 0)", D(0)),
        # present and coalesce turn a gap into a value
        ("present(nothing)", False),
        ("present(prev(nothing))", False),
        ("present(1 / 0)", False),
        ("not present(nothing)", True),
        ("coalesce(nothing, 3)", D(3)),
        ("coalesce(1 / 0, 3)", D(3)),
        ("coalesce(first, second)", missing_data("first")),
    ],
)
def test_missing_rule(text: str, expected: Value) -> None:
    assert same(run(text, data={"zero": D(0)}), expected)


def test_prev_without_previous_year_lookup_is_missing() -> None:
    formula = compile_formula(
        "(budget.sangong - prev(budget.sangong)) / prev(budget.sangong) * 100"
    )
    assert formula.evaluate(DATA.get) == missing_previous("budget.sangong")
    assert formula.evaluate(DATA.get, None) == missing_previous("budget.sangong")
    assert formula.evaluate(DATA.get, {"budget.sangong": D(0)}.get) == DIVISION_BY_ZERO


def test_prev_reads_the_previous_lookup_only() -> None:
    formula = compile_formula("prev(x) + x")
    assert formula.evaluate({"x": D(1)}.get, {"x": D(10)}.get) == D(11)


def test_names_and_previous_names() -> None:
    formula = compile_formula(
        "if(present(budget.sangong), "
        "(budget.sangong - prev(budget.sangong)) / prev(budget.sangong), "
        "coalesce(data.x, prev(data.y)))"
    )
    assert formula.names == frozenset({"budget.sangong", "data.x"})
    assert formula.previous_names == frozenset({"budget.sangong", "data.y"})
    assert formula.text.startswith("if(")


def test_only_the_chosen_branch_is_looked_up() -> None:
    asked: list[str] = []

    def lookup(name: str) -> Decimal | None:
        asked.append(name)
        return D(1)

    compile_formula("if(a > 0, b, c)").evaluate(lookup)
    assert asked == ["a", "b"]


def test_coalesce_stops_at_the_first_present_value() -> None:
    asked: list[str] = []

    def lookup(name: str) -> Decimal | None:
        asked.append(name)
        return None if name == "a" else D(2)

    assert compile_formula("coalesce(a, b, c)").evaluate(lookup) == D(2)
    assert asked == ["a", "b"]


def test_dunder_names_are_only_looked_up() -> None:
    asked: list[str] = []

    def lookup(name: str) -> Decimal | None:
        asked.append(name)
        return D(7)

    assert compile_formula("a.__class__ + __import__ + True + None").evaluate(lookup) == D(28)
    assert asked == ["a.__class__", "__import__", "True", "None"]


def test_lookup_integers_are_accepted_and_other_types_refused() -> None:
    formula = compile_formula("x + 1")
    assert formula.evaluate(lambda name: 2) == D(3)  # type: ignore[arg-type,return-value]
    for bad in (2.5, "2", True, D("NaN"), D("Infinity")):
        with pytest.raises(TypeError, match="expected a finite Decimal"):
            formula.evaluate(lambda name, bad=bad: bad)  # type: ignore[misc]


def test_results_do_not_depend_on_the_global_decimal_context() -> None:
    with localcontext() as context:
        context.prec = 3
        context.rounding = ROUND_DOWN
        context.traps[InvalidOperation] = False
        assert run("2 / 3") == D("0.6666666666666666666666666667")
        assert run("round(2.5)") == D(3)
        assert run("1462.08 + 0.01") == D("1462.09")


def test_negative_zero_is_returned_as_zero() -> None:
    value = run("-1 * zero")
    assert isinstance(value, Decimal)
    assert not value.is_signed()
    assert str(run("-zero")) == "0"


def test_overflow_is_a_formula_error_not_a_crash() -> None:
    huge = {"x": D("9E+999000")}
    with pytest.raises(FormulaError) as caught:
        compile_formula("x * x").evaluate(huge.get)
    assert caught.value.position == 2
    assert "超出" in caught.value.zh


def test_compile_is_cached_by_text() -> None:
    assert compile_formula("1 + budget.total") is compile_formula("1 + budget.total")
    assert isinstance(compile_formula("1"), Formula)


# ---------------------------------------------------------------------------------------------
# Errors: what is rejected at compile time, where, and how it reads


@pytest.mark.parametrize(
    ("text", "position", "zh_part"),
    [
        ("", 0, "公式为空"),
        ("   ", 0, "公式为空"),
        ("1 +", 3, "不完整"),
        ("(1 + 2", 6, "不完整"),
        ("1 + 2)", 5, "「)」"),
        ("a = 1", 2, "=="),
        ("1 < 2 < 3", 6, "不能连写"),
        ("1 == 1 == 1", 7, "不能连写"),
        ("< 1", 0, "不应出现「<」，"),
        ("（1）", 0, "半角"),
        ("1 × 2", 2, "*"),
        ("在职人数 / 2", 0, "英文字母"),
        ("x.", 1, "「.」"),
        (".5", 0, "「.」"),
        ("a..b", 1, "「.」"),
        ("1e5", 1, "「e5」"),
        ("2a", 1, "「a」"),
        ("x%", 1, "「%」"),
        ("1 % 2", 2, "「%」"),
        ("2 ** 3", 3, "「*」"),
        ("and", 0, "「and」"),
        ("1 < 2 and or 3 < 4", 10, "「or」"),
        ("1 andx 2", 2, "「andx」"),
        ("sum(1, 2)", 0, "未知函数 sum"),
        ("a.b(1)", 0, "未知函数 a.b"),
        ("eval(1)", 0, "未知函数 eval"),
        ("min(1)", 0, "参数个数"),
        ("max()", 0, "参数个数"),
        ("abs(1, 2)", 0, "参数个数"),
        ("round()", 0, "参数个数"),
        ("round(1, 2, 3)", 0, "参数个数"),
        ("clamp(1, 2)", 0, "参数个数"),
        ("if(1 < 2, 3)", 0, "参数个数"),
        ("prev()", 0, "参数个数"),
        ("prev(a, b)", 0, "参数个数"),
        ("present(a, b)", 0, "参数个数"),
        ("coalesce(a)", 0, "参数个数"),
        ("prev(a + b)", 5, "数据项名称"),
        ("prev(1)", 5, "数据项名称"),
        ("prev(prev(a))", 5, "数据项名称"),
        ("round(1, 11)", 9, "0 到 10"),
        ("round(1, 1.5)", 9, "0 到 10"),
        ("round(1, -1)", 9, "0 到 10"),
        ("round(1, a)", 9, "0 到 10"),
        # types are checked when compiling
        ("1 + (1 < 2)", 4, "应为数值"),
        ("-(1 < 2)", 1, "应为数值"),
        ("min(1, 1 < 2)", 7, "应为数值"),
        ("(1 < 2) < 3", 0, "应为数值"),
        ("1 and 1 < 2", 0, "应为真假值"),
        ("1 < 2 or 5", 9, "应为真假值"),
        ("not 1", 4, "应为真假值"),
        ("if(1, 2, 3)", 3, "应为真假值"),
        ("if(1 < 2, 2, 1 < 3)", 13, "两个分支"),
        ("coalesce(1, 1 < 2)", 12, "coalesce"),
        ("1 == (1 < 2)", 5, "两边"),
    ],
)
def test_rejected(text: str, position: int, zh_part: str) -> None:
    with pytest.raises(FormulaError) as caught:
        compile_formula(text)
    error = caught.value
    assert zh_part in error.zh
    assert error.position == position
    assert error.en


def test_chaining_hint_only_after_a_comparison() -> None:
    with pytest.raises(FormulaError) as caught:
        compile_formula("< 1")
    assert "连写" not in caught.value.zh


def test_error_text_is_bilingual_and_names_the_place() -> None:
    with pytest.raises(FormulaError) as caught:
        compile_formula("staffing.in_service / ")
    error = caught.value
    assert isinstance(error, ValueError)
    place = error.position + 1
    assert (
        str(error) == f"公式第{place}个字符处：{error.zh} / formula, character {place}: {error.en}"
    )
    assert error.zh.startswith("公式不完整") and error.en.startswith("the formula ends too early")
    assert pickle.loads(pickle.dumps(error)).position == error.position


def test_length_limit() -> None:
    longest = "+".join(["1"] * 1000)  # 1999 characters
    assert run(longest) == D(1000)
    assert run(longest + " ") == D(1000)  # exactly 2000
    with pytest.raises(FormulaError, match="过长"):
        compile_formula(longest + "  ")


def test_long_flat_sums_are_not_nesting() -> None:
    text = " + ".join(["budget.total"] * 120)  # 120 levels if chains nested
    assert run(text) == D("1462.08") * 120


@pytest.mark.parametrize(
    ("opening", "leaf", "closing"),
    [
        ("(", "1", ")"),
        ("-", "1", ""),
        ("abs(", "1", ")"),
        ("min(1, ", "1", ")"),
        ("present(", "1", ")"),
        ("not ", "present(a)", ""),  # the leaf is itself one level: a function call
    ],
)
def test_nesting_limit(opening: str, leaf: str, closing: str) -> None:
    own = 0 if leaf == "1" else 1
    allowed = 50 - own
    compile_formula(opening * allowed + leaf + closing * allowed)
    with pytest.raises(FormulaError, match="嵌套过深"):
        compile_formula(opening * (allowed + 1) + leaf + closing * (allowed + 1))


def test_worst_case_inputs_compile_fast() -> None:
    cases = ["(" * 1000 + "1" + ")" * 999, "-" * 1999 + "1", "(" * 2000, "1+" * 999 + "1"]
    for text in cases:
        started = time.perf_counter()
        with contextlib.suppress(FormulaError):
            compile_formula(text)
        assert time.perf_counter() - started < 1.0, text[:20]


# ---------------------------------------------------------------------------------------------
# Property (a): generated expression trees agree with a reference evaluator


@dataclass(frozen=True)
class Node:
    """The test's own expression tree; ``parens`` and ``spaced`` only change the rendering."""

    kind: str  # num, pct, var, prev, neg, bin, cmp, logic, not, call, if, present, coalesce
    args: tuple[Node, ...] = ()
    op: str = ""
    value: Decimal = field(default_factory=Decimal)
    places: int | None = None
    parens: bool = False
    spaced: bool = True


NAMES = ["a", "b.c", "staffing.in_service", "x_1.y2"]
# (binding strength of the node, minimum strength of its left and right operands)
STRENGTH = {
    "or": (1, 1, 2),
    "and": (2, 2, 3),
    "+": (5, 5, 6),
    "-": (5, 5, 6),
    "*": (6, 6, 7),
    "/": (6, 6, 7),
}


def render(node: Node) -> tuple[str, int]:
    text, strength = _render(node)
    return (f"({text})", 8) if node.parens else (text, strength)


def operand(node: Node, at_least: int) -> str:
    text, strength = render(node)
    return text if strength >= at_least else f"({text})"


def _render(node: Node) -> tuple[str, int]:
    sp = " " if node.spaced else ""
    if node.kind == "num":
        return f"{node.value:f}", 8
    if node.kind == "pct":
        return f"{node.value:f}%", 8
    if node.kind == "var":
        return node.op, 8
    if node.kind == "prev":
        return f"prev({node.op})", 8
    if node.kind == "neg":
        return "-" + operand(node.args[0], 7), 7
    if node.kind == "not":
        return "not " + operand(node.args[0], 3), 3
    if node.kind in ("bin", "logic"):
        strength, left, right = STRENGTH[node.op]
        sep = sp if node.kind == "bin" else " "
        return (
            f"{operand(node.args[0], left)}{sep}{node.op}{sep}{operand(node.args[1], right)}",
            strength,
        )
    if node.kind == "cmp":
        return f"{operand(node.args[0], 5)}{sp}{node.op}{sp}{operand(node.args[1], 5)}", 4
    arguments = [render(a)[0] for a in node.args]
    if node.places is not None:
        arguments.append(str(node.places))
    name = node.op if node.kind == "call" else node.kind
    return f"{name}({f',{sp}'.join(arguments)})", 8


Env = tuple[dict[str, Decimal | None], dict[str, Decimal | None] | None]


def reference(node: Node, env: Env) -> Value:
    """Evaluate the test's tree directly, with Python's Decimal in a 28-digit half-up context."""
    with localcontext() as context:
        context.prec = 28
        context.rounding = ROUND_HALF_UP
        value: Value = _reference(node, env)
        return value


def _reference(node: Node, env: Env) -> Any:
    current, previous = env
    value: Any
    values: list[Any] = []
    kind, args = node.kind, node.args
    if kind in ("num", "pct"):
        return node.value
    if kind == "var":
        value = current.get(node.op)
        return missing_data(node.op) if value is None else value
    if kind == "prev":
        value = None if previous is None else previous.get(node.op)
        return missing_previous(node.op) if value is None else value
    if kind == "if":
        condition = _reference(args[0], env)
        if isinstance(condition, Missing):
            return condition
        return _reference(args[1] if condition else args[2], env)
    if kind == "present":
        return not isinstance(_reference(args[0], env), Missing)
    if kind == "coalesce":
        for arg in args:
            value = _reference(arg, env)
            if not isinstance(value, Missing):
                return value
            values.append(value)
        return values[0]
    for arg in args:  # strict, left to right: the first missing argument decides
        value = _reference(arg, env)
        if isinstance(value, Missing):
            return value
        values.append(value)
    if kind == "neg":
        return -values[0]
    if kind == "not":
        return not values[0]
    if kind == "logic":
        return (values[0] and values[1]) if node.op == "and" else (values[0] or values[1])
    if kind == "cmp":
        left, right = values
        return {
            "<": left < right,
            "<=": left <= right,
            ">": left > right,
            ">=": left >= right,
            "==": left == right,
            "!=": left != right,
        }[node.op]
    if kind == "bin":
        left, right = values
        if node.op == "/":
            return DIVISION_BY_ZERO if right == 0 else left / right
        return {"+": left + right, "-": left - right, "*": left * right}[node.op]
    assert kind == "call"
    if node.op == "min":
        return min(values)
    if node.op == "max":
        return max(values)
    if node.op == "abs":
        return abs(values[0])
    if node.op == "clamp":
        return min(max(values[0], values[1]), values[2])
    assert node.op == "round"
    with localcontext() as wide:
        wide.prec = 80
        return values[0].quantize(D(1).scaleb(-(node.places or 0)), rounding=ROUND_HALF_UP)


decimals = st.one_of(
    st.just(D(0)),
    st.builds(
        lambda digits, places: D(digits).scaleb(-places), st.integers(0, 10**7), st.integers(0, 4)
    ),
)
looks = st.builds(
    lambda parens, spaced: {"parens": parens, "spaced": spaced}, st.booleans(), st.booleans()
)


def numbers(depth: int) -> st.SearchStrategy[Node]:
    leaves = st.one_of(
        st.builds(lambda v, look: Node("num", value=v, **look), decimals, looks),
        st.builds(lambda v, look: Node("pct", value=v, **look), decimals, looks),
        st.builds(lambda n, look: Node("var", op=n, **look), st.sampled_from(NAMES), looks),
        st.builds(lambda n, look: Node("prev", op=n, **look), st.sampled_from(NAMES), looks),
    )
    if depth == 0:
        return leaves
    sub, cond = numbers(depth - 1), booleans(depth - 1)
    return st.one_of(
        leaves,
        st.builds(lambda x, look: Node("neg", (x,), **look), sub, looks),
        st.builds(
            lambda op, a, b, look: Node("bin", (a, b), op=op, **look),
            st.sampled_from(["+", "-", "*", "/"]),
            sub,
            sub,
            looks,
        ),
        st.builds(
            lambda op, xs, look: Node("call", tuple(xs), op=op, **look),
            st.sampled_from(["min", "max"]),
            st.lists(sub, min_size=2, max_size=4),
            looks,
        ),
        st.builds(lambda x, look: Node("call", (x,), op="abs", **look), sub, looks),
        st.builds(
            lambda x, places, look: Node("call", (x,), op="round", places=places, **look),
            sub,
            st.one_of(st.none(), st.integers(0, 10)),
            looks,
        ),
        st.builds(
            lambda x, lo, hi, look: Node("call", (x, lo, hi), op="clamp", **look),
            sub,
            sub,
            sub,
            looks,
        ),
        st.builds(lambda c, a, b, look: Node("if", (c, a, b), **look), cond, sub, sub, looks),
        st.builds(
            lambda xs, look: Node("coalesce", tuple(xs), **look),
            st.lists(sub, min_size=2, max_size=3),
            looks,
        ),
    )


def booleans(depth: int) -> st.SearchStrategy[Node]:
    sub = numbers(max(depth - 1, 0))
    comparisons = st.builds(
        lambda op, a, b, look: Node("cmp", (a, b), op=op, **look),
        st.sampled_from(["<", "<=", ">", ">=", "==", "!="]),
        sub,
        sub,
        looks,
    )
    present = st.builds(lambda x, look: Node("present", (x,), **look), sub, looks)
    if depth == 0:
        return st.one_of(comparisons, present)
    cond = booleans(depth - 1)
    return st.one_of(
        comparisons,
        present,
        st.builds(lambda x, look: Node("not", (x,), **look), cond, looks),
        st.builds(
            lambda op, a, b, look: Node("logic", (a, b), op=op, **look),
            st.sampled_from(["and", "or"]),
            cond,
            cond,
            looks,
        ),
        st.builds(
            lambda op, a, b, look: Node("cmp", (a, b), op=op, **look),
            st.sampled_from(["==", "!="]),
            cond,
            cond,
            looks,
        ),
        st.builds(lambda c, a, b, look: Node("if", (c, a, b), **look), cond, cond, cond, looks),
        st.builds(
            lambda xs, look: Node("coalesce", tuple(xs), **look),
            st.lists(cond, min_size=2, max_size=3),
            looks,
        ),
    )


values = st.one_of(st.none(), decimals, decimals.map(lambda d: -d))
environments = st.tuples(
    st.fixed_dictionaries({name: values for name in NAMES}),
    st.one_of(st.none(), st.fixed_dictionaries({name: values for name in NAMES})),
)


def lookups(
    env: Env,
) -> tuple[Callable[[str], Decimal | None], Callable[[str], Decimal | None] | None]:
    current, previous = env
    return current.get, (None if previous is None else previous.get)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=st.one_of(numbers(3), booleans(3)), env=environments)
def test_agrees_with_reference_evaluator(tree: Node, env: Env) -> None:
    text, _ = render(tree)
    formula = compile_formula(text)
    expected = reference(tree, env)
    actual = formula.evaluate(*lookups(env))
    assert same(actual, expected), (text, actual, expected)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tree=numbers(3))
def test_names_are_those_in_the_tree(tree: Node) -> None:
    def collect(node: Node, kind: str) -> set[str]:
        own = {node.op} if node.kind == kind else set()
        return own.union(*(collect(child, kind) for child in node.args))

    formula = compile_formula(render(tree)[0])
    assert formula.names == collect(tree, "var")
    assert formula.previous_names == collect(tree, "prev")


# ---------------------------------------------------------------------------------------------
# Property (b): any text compiles or raises FormulaError, quickly

TOKENS = [
    "1",
    "0",
    "2.5",
    "80%",
    "a",
    "b.c",
    "x_1",
    "prev",
    "min",
    "max",
    "abs",
    "round",
    "if",
    "present",
    "coalesce",
    "clamp",
    "sum",
    "(",
    ")",
    ",",
    "+",
    "-",
    "*",
    "/",
    "<",
    "<=",
    ">",
    ">=",
    "==",
    "!=",
    "=",
    "and",
    "or",
    "not",
    " ",
    ".",
    "%",
    "（",
    "_",
    "e",
    "'",
    "\n",
]


def compile_or_formula_error(text: str) -> None:
    started = time.perf_counter()
    try:
        formula = compile_formula(text)
    except FormulaError as error:
        assert 0 <= error.position <= len(text)
        assert error.zh and error.en
    else:
        result = formula.evaluate(lambda name: D(1), lambda name: None)
        assert isinstance(result, Decimal | bool | Missing)
    assert time.perf_counter() - started < 2.0


@settings(max_examples=500, deadline=None)
@given(text=st.text(max_size=300))
def test_arbitrary_text_compiles_or_raises_formula_error(text: str) -> None:
    compile_or_formula_error(text)


@settings(max_examples=1000, deadline=None)
@given(tokens=st.lists(st.sampled_from(TOKENS), max_size=60))
def test_token_soup_compiles_or_raises_formula_error(tokens: list[str]) -> None:
    compile_or_formula_error("".join(tokens))


@settings(max_examples=50, deadline=None)
@given(text=st.text(alphabet="()-+ 1a", min_size=1900, max_size=2100))
def test_long_text_compiles_or_raises_formula_error(text: str) -> None:
    compile_or_formula_error(text)


# ---------------------------------------------------------------------------------------------
# Property (c): Python is not in the language

PYTHON = [
    "__import__('os')",
    '__import__("os").system("ls")',
    "().__class__",
    "().__class__.__bases__[0].__subclasses__()",
    "a.__class__()",
    "a.b()",
    "lambda: 1",
    "lambda x: x",
    "(lambda: 1)()",
    'f"{a}"',
    "f'{1+1}'",
    "'text'",
    "a; b",
    "a = 1",
    "a := 1",
    "a += 1",
    "x.y = 2",
    "import os",
    "del a",
    "[1, 2]",
    "{1: 2}",
    "{1}",
    "a[0]",
    "1 if a else 2",
    "2 ** 10",
    "a @ b",
    "a // b",
    "a % b",
    "~a",
    "a & b",
    "a | b",
    "a ^ b",
    "a << 1",
    "a is b",
    "a in b",
    "a is not b",
    "0x10",
    "1e5",
    "1_000",
    "1j",
    "yield a",
    "await a",
    "**a",
    "# comment",
    "a \\\n + b",
    "eval('1')",
    "exec('1')",
    "compile('1', '', 'eval')",
    "getattr(a, 'b')",
    "open('/etc/passwd')",
    "print(1)",
    "sum([1])",
    "len(a)",
    "abs.__call__(1)",
    "`a`",
    "a ? b : c",
    "a && b",
    "a || b",
    "!a",
]


@pytest.mark.parametrize("snippet", PYTHON)
def test_python_snippet_rejected(snippet: str) -> None:
    with pytest.raises(FormulaError):
        compile_formula(snippet)


SHAPES = [
    "{f} + {s}",
    "{s} * {f}",
    "min({f}, {s})",
    "({s})",
    "{f} {s}",
    "if({s}, {f}, {f})",
    "-{s}",
]


def test_python_inside_formulas_rejected_exhaustively() -> None:
    formulas = ["1", "a", "budget.total * 2", "prev(a)", "min(a, 1)", "1 < 2"]
    accepted = []
    for snippet, formula, shape in itertools.product(PYTHON, formulas, SHAPES):
        text = shape.format(f=formula, s=snippet)
        try:
            compile_formula(text)
        except FormulaError:
            continue
        accepted.append(text)
    assert accepted == []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    snippet=st.sampled_from(PYTHON),
    tree=st.one_of(numbers(2), booleans(1)),
    shape=st.sampled_from(SHAPES),
)
def test_python_inside_generated_formulas_rejected(snippet: str, tree: Node, shape: str) -> None:
    with pytest.raises(FormulaError):
        compile_formula(shape.format(f=render(tree)[0], s=snippet))


# ---------------------------------------------------------------------------------------------
# The documentation's examples stay true

DOCS = Path(__file__).resolve().parents[2] / "docs" / "formulas.md"


def test_domain_examples_in_the_docs_compile() -> None:
    section = DOCS.read_text(encoding="utf-8").split("## 领域示例")[1].split("\n## ")[0]
    formulas = re.findall(r"\| `([^`]+)` ", section)
    assert len(formulas) >= 8
    for text in formulas:
        compile_formula(text)
    assert "在职人员控制率 | `staffing.in_service / staffing.authorized * 100`" in section
