"""Template filters that show numbers by the one rule of :mod:`jixiao.core.numbers`.

``{% load jixiao_numbers %}`` then ``{{ item.weight|score }}`` (16.67, 80), ``{{ amount|money }}``
(1462.08), ``{{ rate|rate }}`` (98.5), ``{{ n|count }}`` (42). Each takes a Decimal, an int, or the
text of a number (as stored in a dossier); no value gives "" so that ``|default:"—"`` still works,
and a zero shows as 0 (a Decimal zero is falsy, so ``{{ x|default:"—" }}`` alone would hide it).
Text that is not a number is shown unchanged. The report renderers use the same functions, so the
page and the Word/PDF print the same string for the same number.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django import template

from jixiao.core.numbers import (
    NumberSyntaxError,
    format_count,
    format_money,
    format_rate,
    format_score,
    parse_number,
)

register = template.Library()


def _as_decimal(value: Any) -> Decimal | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, Decimal | int):
        return Decimal(value)
    if isinstance(value, float):  # an aggregate some databases return as float
        return Decimal(repr(value))
    try:
        return parse_number(str(value))
    except NumberSyntaxError:
        return None


def _shown(value: Any, rule: Callable[[Decimal], str]) -> Any:
    number = _as_decimal(value)
    if number is None:
        return "" if value is None else value
    return rule(number) if number.is_finite() else value


@register.filter
def score(value: Any) -> Any:
    """A score, weight or points: at most 2 decimals."""
    return _shown(value, format_score)


@register.filter
def money(value: Any) -> Any:
    """An amount in 万元: exactly 2 decimals (the unit is the template's to write)."""
    return _shown(value, format_money)


@register.filter
def rate(value: Any) -> Any:
    """A percentage's number: at most 2 decimals (the % is the template's to write)."""
    return _shown(value, format_rate)


@register.filter
def count(value: Any) -> Any:
    """A count of people or items: whole."""
    return _shown(value, format_count)
