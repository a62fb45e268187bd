"""Arithmetic reconciliation: of the readings a clause admits, the one whose parts add up.

A report's sentence can often be read more than one way: "调整预算76.50万元" is the adjusted
budget or the adjustment; the parts after "其中" belong to the amount right before them or to
the total before that ("决算支出1075.44万元，比上年减少52.30万元，其中：基本支出…"); a total
written "元" may be a slip for "万元". The readers list the candidate readings, each as a
stated total and the stated parts that reading says make it up, and ``choose`` keeps the one
under which the parts add up to the total the report states.

Nothing here changes a figure: a reading only says which stated number is the total of which
stated numbers. When no reading adds up, or several do, the arithmetic does not decide and the
reader keeps its default reading; the difference is then reported as a finding that names both
places (``describe_difference``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Reading(Generic[T]):
    """One way of reading a clause: *total* is made up of *parts* (all as the report states
    them, in one unit); *meaning* is what the reader does if this reading is chosen."""

    name: str
    total: Decimal
    parts: tuple[Decimal, ...]
    meaning: T

    @property
    def sum(self) -> Decimal:
        return sum(self.parts, Decimal(0))

    @property
    def difference(self) -> Decimal:
        """Sum of the parts less the total (0 when they add up)."""
        return self.sum - self.total

    @property
    def adds_up(self) -> bool:
        return bool(self.parts) and self.difference == 0


def choose(readings: Sequence[Reading[T]]) -> Reading[T] | None:
    """The one reading whose parts add up to its total; None when none or more than one does
    (then the arithmetic cannot tell the readings apart)."""
    consistent = [reading for reading in readings if reading.adds_up]
    if len(consistent) != 1:
        return None
    return consistent[0]


def amount_text(value: Decimal) -> str:
    """ "936.09": a sum as the report would write it (no exponent, no trailing zeros)."""
    text = f"{value.normalize():f}"
    return text


def describe_difference(total: str, parts: Sequence[str], difference: Decimal) -> str:
    """ "支出合计936.18万元 ≠ 基本支出702.45万元＋项目支出233.64万元（差0.09万元）": a total and its
    parts as the report writes them, and by how much they differ."""
    return f"{total} ≠ {'＋'.join(parts)}（差{amount_text(abs(difference))}万元）"
