"""Money: a Decimal amount with an explicit unit.

Mixing 元 and 万元 is the classic error in these reports, so an amount never travels
without its unit, arithmetic converts explicitly, and floats are refused outright.
Rounding (四舍五入, half up) happens only when an amount is displayed.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal, InvalidOperation
from enum import StrEnum
from functools import cache
from typing import Any


class Unit(StrEnum):
    """The units money is stated in."""

    YUAN = "元"
    WAN = "万元"

    @property
    def in_yuan(self) -> Decimal:
        return Decimal(1) if self is Unit.YUAN else Decimal(10000)

    @classmethod
    def parse(cls, text: str) -> Unit:
        aliases = {"元": cls.YUAN, "yuan": cls.YUAN, "万元": cls.WAN, "万": cls.WAN, "wan": cls.WAN}
        try:
            return aliases[text.strip()]
        except KeyError:
            raise ValueError(
                f"未知的金额单位 {text!r}，应为 元 或 万元 / unknown unit, expected 元 or 万元"
            ) from None


def to_decimal(value: Any) -> Decimal:
    """Convert a str or int (never a float) to Decimal, with a bilingual error."""
    if type(value) is Decimal and value.is_finite():  # the common cases, first
        return value
    if type(value) is str and "," not in value and "，" not in value:
        try:  # what the general branch below does, without its copies of the text
            result = Decimal(value.strip())
        except InvalidOperation:
            pass  # the general branch gives the error
        else:
            if result.is_finite():
                return result
    if isinstance(value, bool):
        raise ValueError("应为数字，得到布尔值 / expected a number, got a boolean")
    if isinstance(value, float):
        raise ValueError(
            "金额不接受浮点数，请用字符串或 Decimal / floats are refused for money: use str or Decimal"
        )
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int | str):
        text = str(value).strip().replace(",", "").replace("，", "")
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise ValueError(
                f"应为数字，得到 {value!r} / expected a number, got {value!r}"
            ) from None
    else:
        raise ValueError(f"应为数字，得到 {type(value).__name__} / expected a number")
    if not result.is_finite():
        raise ValueError(f"应为有限数字，得到 {value!r} / expected a finite number")
    return result


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    """四舍五入 to *places* decimals, for display; exact however many digits *value* has (the
    default context's 28 digits would make quantize fail on a 40-digit amount)."""
    digits = max(28, value.adjusted() + places + 2)
    return value.quantize(quantum(places), context=half_up_context(digits))


@cache
def quantum(places: int) -> Decimal:
    """``Decimal("0.01")`` for 2 places: what ``quantize`` rounds to."""
    return Decimal(1).scaleb(-places)


@cache
def half_up_context(digits: int) -> Context:
    """A context rounding half up with *digits* of precision (made once per precision)."""
    return Context(prec=digits, rounding=ROUND_HALF_UP)


class Money:
    """An immutable amount of money in a unit. Compare and add only after conversion."""

    __slots__ = ("amount", "unit")

    amount: Decimal
    unit: Unit

    def __init__(self, amount: Any, unit: Unit | str = Unit.WAN) -> None:
        object.__setattr__(self, "amount", to_decimal(amount))
        object.__setattr__(self, "unit", unit if isinstance(unit, Unit) else Unit.parse(unit))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Money is immutable")

    def to(self, unit: Unit) -> Money:
        if unit is self.unit:
            return self
        return Money(self.amount * self.unit.in_yuan / unit.in_yuan, unit)

    @property
    def wan(self) -> Decimal:
        """The amount in 万元 (the unit reports and figures use)."""
        return self.to(Unit.WAN).amount

    def __add__(self, other: Money) -> Money:
        return Money(self.amount + other.to(self.unit).amount, self.unit)

    def __sub__(self, other: Money) -> Money:
        return Money(self.amount - other.to(self.unit).amount, self.unit)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self.to(Unit.YUAN).amount == other.to(Unit.YUAN).amount

    def __hash__(self) -> int:
        return hash(self.to(Unit.YUAN).amount)

    def __lt__(self, other: Money) -> bool:
        return self.to(Unit.YUAN).amount < other.to(Unit.YUAN).amount

    def __le__(self, other: Money) -> bool:
        return self == other or self < other

    def display(self, places: int = 2) -> str:
        """'1462.08万元' — rounded half up for display only."""
        return f"{round_half_up(self.amount, places)}{self.unit.value}"

    def __repr__(self) -> str:
        return f"Money({str(self.amount)!r}, {self.unit.value!r})"

    def __str__(self) -> str:
        return self.display()
