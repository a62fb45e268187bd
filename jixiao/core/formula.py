"""The safe formula language framework packs use to compute indicators from named data elements.

A formula is text such as ``staffing.in_service / staffing.authorized * 100`` or
``(budget.sangong - prev(budget.sangong)) / prev(budget.sangong) * 100``. It is parsed once by a
lark LALR grammar into a small tree of typed nodes and evaluated by walking that tree; Python's
``eval``/``exec``/``compile`` are never used, and names are only ever looked up through the
caller's :data:`Lookup`, never in Python objects (``a.__class__`` is just a data-element name).

Grammar (loosest binding first)::

    formula    := or_test
    or_test    := and_test ("or" and_test)*
    and_test   := not_test ("and" not_test)*
    not_test   := "not" not_test | comparison
    comparison := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?    # non-associative
    sum        := product (("+" | "-") product)*
    product    := factor (("*" | "/") factor)*
    factor     := "-" factor | atom
    atom       := NUMBER | PERCENT | NAME | NAME "(" [args] ")" | "(" or_test ")"
    NUMBER     := digits, optionally "." digits            12   0.5   1462.08
    PERCENT    := NUMBER "%"                                80%  (= the number 80, see below)
    NAME       := ASCII identifiers joined by dots          staffing.in_service   budget.total
                  (not starting with the words and, or, not)

A percent literal is a number of *percent points*: ``80%`` is 80, not 0.8, because rates in
jixiao are in percent (``staffing.in_service / staffing.authorized * 100 <= 100%``).

Functions: ``min(a, b, ...)``, ``max(a, b, ...)``, ``abs(x)``, ``round(x)``, ``round(x, n)``
(四舍五入, ROUND_HALF_UP, n a whole-number literal 0–10), ``clamp(x, lo, hi)``
(= ``min(max(x, lo), hi)``), ``if(cond, a, b)`` (lazy: only the chosen branch is evaluated),
``prev(name)`` (last year's value of a data element), ``present(x)`` (true when x is not missing),
``coalesce(a, b, ...)`` (the first argument that is not missing).

Types are checked when the formula is compiled, so a compiled formula never meets a type error
while evaluating: arithmetic, ordering comparisons and number functions take numbers; ``and``,
``or``, ``not`` and the condition of ``if`` take true/false values (comparisons, ``present``);
``==``/``!=``, the branches of ``if`` and the arguments of ``coalesce`` take two of a kind.

Missing-value rules (a missing input never raises; it makes the result :class:`Missing`):

- a data element the lookup does not know (returns ``None``) is ``Missing("缺少数据 NAME / …")``;
  ``prev(NAME)`` without a previous-year lookup, or unknown to it, is
  ``Missing("缺少上年数据 NAME / …")``;
- division by zero is ``Missing("除数为零 / division by zero")``;
- arithmetic, comparisons, ``not``, ``and``, ``or`` and every function with a missing argument give
  Missing carrying the reason of the first missing argument, left to right (``and``/``or`` are
  *not* short-circuited: ``false and MISSING`` is Missing, so a gap in the data is never hidden);
- except: ``coalesce`` returns its first non-missing argument (Missing with the first reason only
  when all are missing); ``present(x)`` is true or false, never Missing; ``if`` evaluates only the
  chosen branch, so a missing value in the other branch does not matter (a missing condition
  makes the whole ``if`` Missing).

Arithmetic uses its own decimal context (28 significant digits, ROUND_HALF_UP), so results do not
depend on the caller's global decimal context. A result beyond the decimal exponent range raises
:class:`FormulaError`. Limits, checked when compiling: at most 2,000 characters and 50 levels of
nesting (each parenthesis pair, function call, unary ``-``/``not`` and operator level counts one;
numbers and names do not).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Context, Decimal, DivisionByZero, InvalidOperation, Overflow
from typing import Literal, TypeAlias

from lark import Lark, Token, Tree
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

MAX_LENGTH = 2000
MAX_DEPTH = 50
MAX_ROUND_PLACES = 10

_CONTEXT = Context(
    prec=28,
    rounding=ROUND_HALF_UP,
    Emax=999_999,
    Emin=-999_999,
    traps=[InvalidOperation, DivisionByZero, Overflow],
)


class FormulaError(ValueError):
    """A formula that is not in the language: bad syntax, unknown function, wrong types or arity.

    ``position`` is the 0-based character offset in the formula text where the problem is.
    """

    def __init__(self, zh: str, en: str, position: int) -> None:
        self.zh = zh
        self.en = en
        self.position = position
        super().__init__(str(self))

    def __reduce__(self) -> tuple[type[FormulaError], tuple[str, str, int]]:
        return (FormulaError, (self.zh, self.en, self.position))  # picklable across processes

    def __str__(self) -> str:
        place = self.position + 1
        return f"公式第{place}个字符处：{self.zh} / formula, character {place}: {self.en}"


@dataclass(frozen=True)
class Missing:
    """The value of an expression whose input is missing; ``reason`` says which and why.

    ``name`` is the missing data element (empty for a division by zero), ``previous`` whether it
    is last year's value, so a caller can name it in its own words.
    """

    reason: str
    name: str = ""
    previous: bool = False


Value: TypeAlias = Decimal | bool | Missing
Lookup: TypeAlias = Callable[[str], Decimal | None]
_Kind = Literal["number", "boolean"]

DIVISION_BY_ZERO = Missing("除数为零 / division by zero")


def _missing_current(name: str) -> Missing:
    return Missing(f"缺少数据 {name} / missing data {name}", name)


def _missing_previous(name: str) -> Missing:
    return Missing(f"缺少上年数据 {name} / missing previous-year data {name}", name, previous=True)


# ---------------------------------------------------------------------------------------------
# Grammar

_GRAMMAR = r"""
start: or_test

?or_test: and_test (_OR and_test)*
?and_test: not_test (_AND not_test)*
?not_test: _NOT not_test -> negation
         | comparison
?comparison: sum (COMPARE sum)?
?sum: product ((PLUS | MINUS) product)*
?product: factor ((STAR | SLASH) factor)*
?factor: MINUS factor -> negative
       | atom
?atom: NUMBER -> number
     | PERCENT -> percent
     | NAME -> name
     | NAME "(" [args] ")" -> call
     | "(" or_test ")" -> group
args: or_test ("," or_test)*

_OR: /or(?![A-Za-z0-9_])/
_AND: /and(?![A-Za-z0-9_])/
_NOT: /not(?![A-Za-z0-9_])/
COMPARE: /<=|>=|==|!=|<|>/
PLUS: "+"
MINUS: "-"
STAR: "*"
SLASH: "/"
PERCENT.2: /[0-9]+(\.[0-9]+)?%/
NUMBER: /[0-9]+(\.[0-9]+)?/
NAME: /(?!(and|or|not)(?![A-Za-z0-9_]))[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/

%ignore /[ \t\r\n\u00a0\u3000]+/
"""

_PARSER = Lark(_GRAMMAR, parser="lalr", propagate_positions=True)

_TOKEN_NAMES: dict[str, tuple[str, str]] = {
    "NUMBER": ("数字", "a number"),
    "PERCENT": ("百分数", "a percentage"),
    "NAME": ("数据项名称", "a data-element name"),
    "LPAR": ("「(」", "'('"),
    "RPAR": ("「)」", "')'"),
    "COMMA": ("「,」", "','"),
    "PLUS": ("「+」", "'+'"),
    "MINUS": ("「-」", "'-'"),
    "STAR": ("「*」", "'*'"),
    "SLASH": ("「/」", "'/'"),
    "COMPARE": ("比较符号", "a comparison"),
    "_AND": ("「and」", "'and'"),
    "_OR": ("「or」", "'or'"),
    "_NOT": ("「not」", "'not'"),
    "$END": ("公式结尾", "the end of the formula"),
}

_CHARACTER_HINTS: dict[str, tuple[str, str]] = {
    "=": ("比较相等请用 ==", "use == to compare"),
    "（": ("请用半角括号 (", "use the ASCII '('"),
    "）": ("请用半角括号 )", "use the ASCII ')'"),
    "，": ("请用半角逗号 ,", "use the ASCII ','"),
    "×": ("乘号请用 *", "use * to multiply"),
    "÷": ("除号请用 /", "use / to divide"),
    "％": ("请用半角百分号 %", "use the ASCII '%'"),
    "＋": ("请用半角 +", "use the ASCII '+'"),
    "－": ("请用半角 -", "use the ASCII '-'"),
    "＜": ("请用半角 <", "use the ASCII '<'"),
    "＞": ("请用半角 >", "use the ASCII '>'"),
    "≤": ("小于等于请用 <=", "use <="),
    "≥": ("大于等于请用 >=", "use >="),
    "≠": ("不等于请用 !=", "use !="),
    "%": ("百分号只能紧跟在数字后面，如 80%", "'%' only follows a number, as in 80%"),
    ".": (
        "小数写作 0.5；名称中的点不能在开头、结尾或连用",
        "write decimals as 0.5; a name's dots join words",
    ),
}


_COMPARISON = re.compile(r"<|>|==|!=")


def _describe_expected(expected: Iterator[str] | set[str]) -> tuple[str, str]:
    names = [_TOKEN_NAMES.get(name, (name, name)) for name in sorted(expected)]
    return "、".join(zh for zh, _ in names), ", ".join(en for _, en in names)


def _syntax_error(text: str, error: UnexpectedInput) -> FormulaError:
    if isinstance(error, UnexpectedCharacters):
        position = error.pos_in_stream or 0
        char = text[position]
        zh, en = f"无法识别的字符「{char}」", f"unexpected character {char!r}"
        if char in _CHARACTER_HINTS:
            hint_zh, hint_en = _CHARACTER_HINTS[char]
            zh, en = f"{zh}（{hint_zh}）", f"{en} ({hint_en})"
        elif not char.isascii():
            zh += "（名称只能用英文字母、数字、下划线和点）"
            en += " (names use ASCII letters, digits, underscores and dots)"
        return FormulaError(zh, en, position)
    if isinstance(error, UnexpectedToken):
        token = error.token
        expected_zh, expected_en = _describe_expected(set(error.expected))
        if token.type == "$END":
            return FormulaError(
                f"公式不完整，此处应为：{expected_zh}",
                f"the formula ends too early; expected {expected_en}",
                len(text.rstrip()),
            )
        position = token.start_pos if token.start_pos is not None else 0
        zh, en = f"此处不应出现「{token}」", f"unexpected {str(token)!r}"
        if token.type == "COMPARE" and _COMPARISON.search(text, 0, position):
            zh += "（比较不能连写，请用 and 连接：a < b and b < c）"
            en += " (comparisons do not chain; write a < b and b < c)"
        return FormulaError(f"{zh}，应为：{expected_zh}", f"{en}; expected {expected_en}", position)
    return FormulaError("公式无法解析", "the formula cannot be parsed", 0)


def _parse(text: str) -> Tree[Token]:
    if len(text) > MAX_LENGTH:
        raise FormulaError(
            f"公式过长（{len(text)} 个字符，最多 {MAX_LENGTH} 个）",
            f"formula too long ({len(text)} characters, at most {MAX_LENGTH})",
            MAX_LENGTH,
        )
    if not text.strip():
        raise FormulaError("公式为空", "the formula is empty", 0)
    try:
        tree = _PARSER.parse(text)
    except UnexpectedInput as error:
        raise _syntax_error(text, error) from None
    _check_depth(tree)
    return tree


_NOT_NESTING = frozenset({"start", "args", "number", "percent", "name"})  # wrappers and leaves


def _check_depth(tree: Tree[Token]) -> None:
    """Reject deep nesting before the recursive tree walks below ever see it."""
    stack: list[tuple[Tree[Token], int]] = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if node.data not in _NOT_NESTING:
            depth += 1
        if depth > MAX_DEPTH:
            raise FormulaError(
                f"公式嵌套过深（超过 {MAX_DEPTH} 层）",
                f"formula nested too deeply (more than {MAX_DEPTH} levels)",
                node.meta.start_pos,
            )
        stack.extend((child, depth) for child in node.children if isinstance(child, Tree))


# ---------------------------------------------------------------------------------------------
# Nodes


class _Evaluation:
    """One evaluation: the lookups and a fresh copy of the formula's decimal context."""

    def __init__(self, current: Lookup, previous: Lookup | None) -> None:
        self.current = current
        self.previous = previous
        self.context = _CONTEXT.copy()


def _checked(name: str, value: object) -> Decimal | None:
    if value is None or (isinstance(value, Decimal) and value.is_finite()):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    raise TypeError(f"lookup({name!r}) returned {value!r}; expected a finite Decimal or None")


def _number(value: Value) -> Decimal:
    if isinstance(value, Decimal):
        return value
    raise AssertionError(f"type checker let {value!r} through where a number was expected")


def _boolean(value: Value) -> bool:
    if isinstance(value, bool):
        return value
    raise AssertionError(f"type checker let {value!r} through where true/false was expected")


def _out_of_range(position: int) -> FormulaError:
    return FormulaError("计算结果超出数值范围", "result out of the decimal range", position)


@dataclass(frozen=True)
class _Node:
    position: int

    def evaluate(self, run: _Evaluation) -> Value:
        raise NotImplementedError


@dataclass(frozen=True)
class _Literal(_Node):
    value: Decimal

    def evaluate(self, run: _Evaluation) -> Value:
        return self.value


@dataclass(frozen=True)
class _Name(_Node):
    name: str

    def evaluate(self, run: _Evaluation) -> Value:
        value = _checked(self.name, run.current(self.name))
        return _missing_current(self.name) if value is None else value


@dataclass(frozen=True)
class _Previous(_Node):
    name: str

    def evaluate(self, run: _Evaluation) -> Value:
        if run.previous is None:
            return _missing_previous(self.name)
        value = _checked(self.name, run.previous(self.name))
        return _missing_previous(self.name) if value is None else value


@dataclass(frozen=True)
class _Negative(_Node):
    operand: _Node

    def evaluate(self, run: _Evaluation) -> Value:
        value = self.operand.evaluate(run)
        return value if isinstance(value, Missing) else run.context.minus(_number(value))


@dataclass(frozen=True)
class _Not(_Node):
    operand: _Node

    def evaluate(self, run: _Evaluation) -> Value:
        value = self.operand.evaluate(run)
        return value if isinstance(value, Missing) else not _boolean(value)


_ARITHMETIC: dict[str, Callable[[Context, Decimal, Decimal], Decimal]] = {
    "+": Context.add,
    "-": Context.subtract,
    "*": Context.multiply,
    "/": Context.divide,
}


@dataclass(frozen=True)
class _Arithmetic(_Node):
    """A left-associative chain of one precedence level, ``a + b - c``, kept flat so that long
    sums are walked by a loop rather than by recursion."""

    first: _Node
    rest: tuple[tuple[str, int, _Node], ...]  # (operator, its position, operand)

    def evaluate(self, run: _Evaluation) -> Value:
        total = self.first.evaluate(run)
        if isinstance(total, Missing):
            return total
        result = _number(total)
        for symbol, position, node in self.rest:
            operand = node.evaluate(run)
            if isinstance(operand, Missing):
                return operand
            number = _number(operand)
            if symbol == "/" and number.is_zero():
                return DIVISION_BY_ZERO
            try:
                result = _ARITHMETIC[symbol](run.context, result, number)
            except Overflow:
                raise _out_of_range(position) from None
        return result


def _compare(symbol: str, left: Value, right: Value) -> bool:
    if symbol == "==":
        return left == right
    if symbol == "!=":
        return left != right
    a, b = _number(left), _number(right)
    if symbol == "<":
        return a < b
    if symbol == "<=":
        return a <= b
    if symbol == ">":
        return a > b
    if symbol == ">=":
        return a >= b
    raise AssertionError(f"no comparison {symbol}")


@dataclass(frozen=True)
class _Comparison(_Node):
    left: _Node
    symbol: str
    right: _Node

    def evaluate(self, run: _Evaluation) -> Value:
        left = self.left.evaluate(run)
        if isinstance(left, Missing):
            return left
        right = self.right.evaluate(run)
        if isinstance(right, Missing):
            return right
        return _compare(self.symbol, left, right)


@dataclass(frozen=True)
class _Logic(_Node):
    """``a and b and c`` / ``a or b``: every operand is evaluated, so a missing one is never
    hidden behind a short circuit."""

    symbol: Literal["and", "or"]
    operands: tuple[_Node, ...]

    def evaluate(self, run: _Evaluation) -> Value:
        values: list[bool] = []
        for node in self.operands:
            value = node.evaluate(run)
            if isinstance(value, Missing):
                return value
            values.append(_boolean(value))
        return all(values) if self.symbol == "and" else any(values)


def _evaluate_all(nodes: tuple[_Node, ...], run: _Evaluation) -> list[Decimal] | Missing:
    numbers: list[Decimal] = []
    for node in nodes:
        value = node.evaluate(run)
        if isinstance(value, Missing):
            return value
        numbers.append(_number(value))
    return numbers


def _round(value: Decimal, places: int, context: Context) -> Decimal:
    if value.as_tuple().exponent >= -places:  # type: ignore[operator]  # finite: exponent is int
        return value  # already no finer than asked: nothing to round (and no digits to add)
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=context)


@dataclass(frozen=True)
class _Call(_Node):
    function: str
    arguments: tuple[_Node, ...]
    places: int = 0  # round(x, n)

    def evaluate(self, run: _Evaluation) -> Value:
        if self.function == "if":
            condition = self.arguments[0].evaluate(run)
            if isinstance(condition, Missing):
                return condition
            return self.arguments[1 if _boolean(condition) else 2].evaluate(run)
        if self.function == "present":
            return not isinstance(self.arguments[0].evaluate(run), Missing)
        if self.function == "coalesce":
            return self._coalesce(run)
        numbers = _evaluate_all(self.arguments, run)
        if isinstance(numbers, Missing):
            return numbers
        return self._number_function(numbers, run.context)

    def _coalesce(self, run: _Evaluation) -> Value:
        first_missing: Missing | None = None
        for node in self.arguments:
            value = node.evaluate(run)
            if not isinstance(value, Missing):
                return value
            first_missing = first_missing or value
        assert first_missing is not None  # coalesce has at least two arguments
        return first_missing

    def _number_function(self, numbers: list[Decimal], context: Context) -> Decimal:
        if self.function == "min":
            return min(numbers)
        if self.function == "max":
            return max(numbers)
        if self.function == "abs":
            return context.abs(numbers[0])
        if self.function == "round":
            return _round(numbers[0], self.places, context)
        if self.function == "clamp":
            value, low, high = numbers
            return min(max(value, low), high)
        raise AssertionError(f"no implementation for {self.function}")


# ---------------------------------------------------------------------------------------------
# From the parse tree to typed nodes


@dataclass(frozen=True)
class _Signature:
    min_args: int
    max_args: int | None  # None: any number
    usage: str


_FUNCTIONS: dict[str, _Signature] = {
    "min": _Signature(2, None, "min(a, b, ...)"),
    "max": _Signature(2, None, "max(a, b, ...)"),
    "abs": _Signature(1, 1, "abs(x)"),
    "round": _Signature(1, 2, "round(x) / round(x, n)"),
    "clamp": _Signature(3, 3, "clamp(x, lo, hi)"),
    "if": _Signature(3, 3, "if(cond, a, b)"),
    "prev": _Signature(1, 1, "prev(name)"),
    "present": _Signature(1, 1, "present(x)"),
    "coalesce": _Signature(2, None, "coalesce(a, b, ...)"),
}

_KIND_WORDS: dict[_Kind, tuple[str, str]] = {
    "number": ("数值", "a number"),
    "boolean": (
        "真假值（比较、and/or/not、present）",
        "a true/false value (comparison, and/or/not, present)",
    ),
}


def _start(item: Tree[Token] | Token) -> int:
    if isinstance(item, Token):
        return item.start_pos or 0
    return item.meta.start_pos


@dataclass
class _Builder:
    """Turns lark's parse tree into typed nodes, checking types and arity on the way."""

    names: set[str] = field(default_factory=set)
    previous_names: set[str] = field(default_factory=set)

    def build(self, item: Tree[Token] | Token) -> tuple[_Node, _Kind]:
        assert isinstance(item, Tree), item
        method: Callable[[Tree[Token]], tuple[_Node, _Kind]] = getattr(self, f"_{item.data}")
        return method(item)

    def expect(self, item: Tree[Token] | Token, kind: _Kind) -> _Node:
        node, actual = self.build(item)
        if actual != kind:
            want_zh, want_en = _KIND_WORDS[kind]
            got_zh, got_en = _KIND_WORDS[actual]
            raise FormulaError(
                f"此处应为{want_zh}，而不是{got_zh}",
                f"expected {want_en} here, not {got_en}",
                _start(item),
            )
        return node

    def same_kind(
        self, items: list[Tree[Token] | Token], what_zh: str, what_en: str
    ) -> tuple[list[_Node], _Kind]:
        first, kind = self.build(items[0])
        nodes = [first]
        for item in items[1:]:
            node, other = self.build(item)
            if other != kind:
                raise FormulaError(
                    f"{what_zh}应同为数值或同为真假值",
                    f"{what_en} must be all numbers or all true/false values",
                    _start(item),
                )
            nodes.append(node)
        return nodes, kind

    def _start(self, tree: Tree[Token]) -> tuple[_Node, _Kind]:
        return self.build(tree.children[0])

    def _group(self, tree: Tree[Token]) -> tuple[_Node, _Kind]:
        return self.build(tree.children[0])

    def _number(self, tree: Tree[Token]) -> tuple[_Node, _Kind]:
        token = tree.children[0]
        assert isinstance(token, Token)
        return _Literal(_start(tree), Decimal(str(token))), "number"

    def _percent(self, tree: Tree[Token]) -> tuple[_Node, _Kind]:
        token = tree.children[0]
        assert isinstance(token, Token)
        return _Literal(_start(tree), Decimal(str(token)[:-1])), "number"

    def _name(self, tree: Tree[Token]) -> tuple[_Node, _Kind]:
        name = str(tree.children[0])
        self.names.add(name)
        return _Name(_start(tree), name), "number"

    def _negative(self, tree: Tree[Token]) -> tuple[_Node, _Kind]:
        return _Negative(_start(tree), self.expect(tree.children[1], "number")), "number"

    def _negation(self, tree: Tree[Token]) -> tuple[_Node, _Kind]:
        return _Not(_start(tree), self.expect(tree.children[0], "boolean")), "boolean"

    def _or_test(self, tree: Tree[Token]) -> tuple[_Node, _Kind]:
        return self._logic("or", tree)

    def _and_test(self, tree: Tree[Token]) -> tuple[_Node, _Kind]:
        return self._logic("and", tree)

    def _logic(self, symbol: Literal["and", "or"], tree: Tree[Token]) -> tuple[_Node, _Kind]:
        operands = tuple(self.expect(child, "boolean") for child in tree.children)
        return _Logic(_start(tree), symbol, operands), "boolean"

    def _comparison(self, tree: Tree[Token]) -> tuple[_Node, _Kind]:
        left, symbol, right = tree.children
        symbol_text = str(symbol)
        if symbol_text in ("==", "!="):
            (left_node, right_node), _ = self.same_kind(
                [left, right], "== 与 != 两边", "both sides of == and !="
            )
        else:
            left_node, right_node = self.expect(left, "number"), self.expect(right, "number")
        return _Comparison(_start(tree), left_node, symbol_text, right_node), "boolean"

    def _sum(self, tree: Tree[Token]) -> tuple[_Node, _Kind]:
        return self._chain(tree)

    def _product(self, tree: Tree[Token]) -> tuple[_Node, _Kind]:
        return self._chain(tree)

    def _chain(self, tree: Tree[Token]) -> tuple[_Node, _Kind]:
        first, *pairs = tree.children
        rest: list[tuple[str, int, _Node]] = []
        for index in range(0, len(pairs), 2):
            symbol, operand = pairs[index], pairs[index + 1]
            rest.append((str(symbol), _start(symbol), self.expect(operand, "number")))
        return _Arithmetic(_start(tree), self.expect(first, "number"), tuple(rest)), "number"

    def _call(self, tree: Tree[Token]) -> tuple[_Node, _Kind]:
        name_token, args = tree.children
        name = str(name_token)
        position = _start(tree)
        items: list[Tree[Token] | Token] = [] if args is None else list(args.children)  # type: ignore[union-attr]
        signature = _FUNCTIONS.get(name)
        if signature is None:
            known = ", ".join(_FUNCTIONS)
            raise FormulaError(
                f"未知函数 {name}（可用：{known}）",
                f"unknown function {name} (known: {known})",
                position,
            )
        _check_arity(name, signature, len(items), position)
        if name == "prev":
            return self._prev(items[0]), "number"
        if name == "if":
            condition = self.expect(items[0], "boolean")
            (then, otherwise), kind = self.same_kind(
                items[1:], "if 的两个分支", "the two branches of if"
            )
            return _Call(position, name, (condition, then, otherwise)), kind
        if name == "present":
            return _Call(position, name, (self.build(items[0])[0],)), "boolean"
        if name == "coalesce":
            nodes, kind = self.same_kind(items, "coalesce 的参数", "the arguments of coalesce")
            return _Call(position, name, tuple(nodes)), kind
        if name == "round" and len(items) == 2:
            places = _round_places(items[1])
            return _Call(position, name, (self.expect(items[0], "number"),), places), "number"
        return _Call(position, name, tuple(self.expect(item, "number") for item in items)), "number"

    def _prev(self, item: Tree[Token] | Token) -> _Node:
        if not (isinstance(item, Tree) and item.data == "name"):
            raise FormulaError(
                "prev(...) 的参数应为一个数据项名称，如 prev(budget.sangong)",
                "prev(...) takes one data-element name, as in prev(budget.sangong)",
                _start(item),
            )
        name = str(item.children[0])
        self.previous_names.add(name)
        return _Previous(_start(item), name)


def _check_arity(name: str, signature: _Signature, count: int, position: int) -> None:
    too_few = count < signature.min_args
    too_many = signature.max_args is not None and count > signature.max_args
    if too_few or too_many:
        raise FormulaError(
            f"函数 {name} 的参数个数不对（{count} 个），用法：{signature.usage}",
            f"wrong number of arguments for {name} ({count}); usage: {signature.usage}",
            position,
        )


def _round_places(item: Tree[Token] | Token) -> int:
    text = str(item.children[0]) if isinstance(item, Tree) and item.data == "number" else ""
    if not text.isdigit() or int(text) > MAX_ROUND_PLACES:
        raise FormulaError(
            f"round(x, n) 的小数位数 n 应为 0 到 {MAX_ROUND_PLACES} 的整数",
            f"the places n of round(x, n) must be a whole number from 0 to {MAX_ROUND_PLACES}",
            _start(item),
        )
    return int(text)


# ---------------------------------------------------------------------------------------------
# The public face


@dataclass(frozen=True)
class Formula:
    """A compiled formula: what it reads, and how to evaluate it against a year's data."""

    text: str
    names: frozenset[str]  # data elements read for the current year
    previous_names: frozenset[str]  # data elements read through prev(...)
    _root: _Node = field(repr=False, compare=False)

    def evaluate(self, current: Lookup, previous: Lookup | None = None) -> Value:
        """The formula's value with *current* (this year's data) and *previous* (last year's).

        Lookups return a Decimal, or None when the data element is missing.
        """
        value = self._root.evaluate(_Evaluation(current, previous))
        if isinstance(value, Decimal) and value.is_zero() and value.is_signed():
            return value.copy_abs()  # -0 (from -1 * 0) prints as "-0"; it is plain zero
        return value


@functools.lru_cache(maxsize=4096)
def compile_formula(text: str) -> Formula:
    """Parse and type-check *text* once; raise :class:`FormulaError` when it is not a formula."""
    builder = _Builder()
    root, _ = builder.build(_parse(text))
    return Formula(text, frozenset(builder.names), frozenset(builder.previous_names), root)
