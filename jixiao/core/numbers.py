"""How numbers are shown, and how typed numbers are read: one rule for screen, report and export.

Display (四舍五入, half up, only when shown; the stored value keeps every digit):

=========  ===========================  =================  ==========
kind       what                         example            function
=========  ===========================  =================  ==========
score      scores, weights, points      16.67 · 80 · 9.37  format_score  (at most 2 decimals)
money      amounts in 万元               1462.08 · 15.00    format_money  (exactly 2 decimals)
rate       percentages (the number)     98.5 · 80 · 5.21   format_rate   (at most 2 decimals)
count      people, items                42                 format_count  (whole)
=========  ===========================  =================  ==========

Money keeps its two decimals as financial statements do; scores and rates drop trailing zeros as
the published reports write them ("96分", "在职人员控制率为80%"). No thousands separators are printed
(the reports never had them), and a negative zero prints as zero. The web's template filters, the report composition and the renderers all call these.

Input: :func:`parse_number` reads what people type into a form: ``1,382.5``, ``1，382.5``,
``１３８２．５``, ``1 382.50``, ``１,３８２``, with spaces around and a leading ``+`` or ``-``. It
returns the exact Decimal typed, separators removed (``1,382.50`` → ``Decimal("1382.50")``), and
refuses anything else (misplaced separators such as ``1,38,2``, exponents, two decimal points,
words) with a :class:`NumberSyntaxError` that says, in Chinese and English, what was expected.
"""

from __future__ import annotations

import re
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache

from jixiao.core.money import half_up_context, quantum

__all__ = [
    "NumberKind",
    "NumberSyntaxError",
    "format_count",
    "format_decimal",
    "format_in_unit",
    "format_money",
    "format_number_as",
    "format_rate",
    "format_score",
    "parse_number",
]


class NumberKind(StrEnum):
    """The kinds of number the rule knows, each with its decimals and unit."""

    SCORE = "score"
    MONEY = "money"
    RATE = "rate"
    COUNT = "count"


def format_decimal(value: Decimal | int, places: int = 2, *, trim: bool = True) -> str:
    """Round half up to *places*; with *trim*, drop trailing zeros (80.00 → "80").

    Remembered for the values shown most (weights, targets, thresholds recur in every dossier
    of a batch): the text depends only on the number (equal values, equal hashes, equal texts:
    ``Decimal("80.0")`` and ``80`` both print "80"), so a remembered text is the one computed.
    """
    try:
        return _remembered(value, places, trim)
    except TypeError:  # unhashable, or a signalling NaN: the computation says what is wrong
        return _format_decimal(value, places, trim)


def _format_decimal(value: Decimal | int, places: int, trim: bool) -> str:
    value = Decimal(value)
    digits = max(28, value.adjusted() + places + 2)  # exact for amounts beyond 28 digits too
    rounded = value.quantize(quantum(places), context=half_up_context(digits))
    if rounded.is_zero():
        rounded = abs(rounded)  # never print "-0.00"
    text = f"{rounded:f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


_remembered = lru_cache(maxsize=4096)(_format_decimal)


def format_score(value: Decimal | int) -> str:
    """A score, weight or points: at most 2 decimals (100/6 → "16.67", 80.00 → "80")."""
    return format_decimal(value, 2, trim=True)


def format_money(value: Decimal | int) -> str:
    """An amount in 万元, exactly 2 decimals ("1462.08", "15.00"); the caller adds 万元."""
    return format_decimal(value, 2, trim=False)


def format_rate(value: Decimal | int) -> str:
    """A percentage's number, at most 2 decimals ("98.5", "80", "5.21"); the caller adds %."""
    return format_decimal(value, 2, trim=True)


def format_count(value: Decimal | int) -> str:
    """A count of people or items, whole ("42")."""
    return format_decimal(value, 0, trim=False)


_FORMATTERS = {
    NumberKind.SCORE: format_score,
    NumberKind.MONEY: format_money,
    NumberKind.RATE: format_rate,
    NumberKind.COUNT: format_count,
}


def format_number_as(value: Decimal | int, kind: NumberKind | str) -> str:
    """Format *value* by the rule of *kind* (score, money, rate, count)."""
    return _FORMATTERS[NumberKind(kind)](value)


def format_in_unit(value: Decimal | int, unit: str) -> str:
    """A number followed by *unit* in text: 万元 amounts as money ("15.00"), anything else
    (人, %, 分, an indicator's own unit) at most 2 decimals, so a stated count is never rounded."""
    return format_money(value) if unit == "万元" else format_score(value)


# ── input ─────────────────────────────────────────────────────────────────────────────────

EXPECTED_ZH = "请输入数字，如 1382.5 或 1,382.5"
EXPECTED_EN = "enter a number such as 1382.5 or 1,382.5"

_WIDE = str.maketrans(
    "０１２３４５６７８９．，＋－\u2212\ufe63\u3000\u00a0\u2009\u202f",
    "0123456789.,+---    ",
)
_PLAIN = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)", re.ASCII)
_GROUPED = re.compile(r"[+-]?\d{1,3}(?P<sep>[, ])\d{3}(?:(?P=sep)\d{3})*(?:\.\d+)?", re.ASCII)
_SEPARATED = re.compile(r"[+-]?\d[\d, ]*(?:\.\d+)?", re.ASCII)


class NumberSyntaxError(ValueError):
    """A typed number that cannot be read; ``zh`` and ``en`` say what was expected."""

    def __init__(self, text: str, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.text = text
        self.zh = zh
        self.en = en


def parse_number(text: str) -> Decimal:
    """The exact Decimal typed in *text*, accepting thousands separators and full-width digits."""
    normal = text.translate(_WIDE).strip()
    if not normal:
        raise NumberSyntaxError(text, EXPECTED_ZH, EXPECTED_EN)
    if _PLAIN.fullmatch(normal) or _GROUPED.fullmatch(normal):
        return Decimal(normal.replace(",", "").replace(" ", ""))
    if _SEPARATED.fullmatch(normal):
        raise NumberSyntaxError(
            text,
            f"千分位分隔符位置不对：“{text.strip()}”，应每三位一个，如 1,382.5",
            f"misplaced thousands separator in {text.strip()!r}: one every three digits, "
            "as in 1,382.5",
        )
    raise NumberSyntaxError(
        text,
        f"“{text.strip()}”不是数字，{EXPECTED_ZH}",
        f"{text.strip()!r} is not a number: {EXPECTED_EN}",
    )
