"""Shared vocabulary for reading report text: numbers, Chinese numerals, character classes."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

CJK = "\u3400-\u4dbf\u4e00-\u9fff"
CJK_CHAR = f"[{CJK}]"

# 1462.08 · 1,462.08 · 0 — after normalisation (half-width digits, no spaces inside numbers).
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CHINESE_NUMERAL = "[零〇一二两三四五六七八九十百]+"

# a group title over a form header's columns ("预算执行情况" / "资金情况" / "预算资金情况（万元）"):
# it names the block, not a phase ("预算执行情况" over "全年预算数" is a budget, not a spending)
GROUP_TITLE = re.compile(rf"^[{CJK}]{{0,6}}(?:情况|安排|执行)(\((?:亿元|万元|千元|元)\))?$")


def parse_number(text: str) -> Decimal | None:
    """'1,462.08' → Decimal('1462.08'); None when the text is not a number."""
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def parse_chinese_int(text: str) -> int | None:
    """'四' → 4, '十二' → 12, '二十一' → 21, '一百零五' → 105; None when it is not a numeral."""
    if not text or not re.fullmatch(CHINESE_NUMERAL, text):
        return None
    total, current = 0, 0
    for char in text:
        if char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = CHINESE_DIGITS[char]
    return total + current


def parse_count(text: str) -> int | None:
    """A head-count or unit count written in Arabic or Chinese numerals."""
    value = parse_number(text)
    if value is not None:
        return int(value) if value == value.to_integral_value() else None
    return parse_chinese_int(text)


# Comparator words in targets ("不低于95%") → the dossier's comparator symbols.
COMPARATORS = {
    "≥": "≥",
    ">=": "≥",
    "不低于": "≥",
    "不少于": "≥",
    "大于等于": "≥",
    "≤": "≤",
    "<=": "≤",
    "不高于": "≤",
    "不超过": "≤",
    "小于等于": "≤",
    ">": ">",
    "<": "<",
    "=": "=",
}
