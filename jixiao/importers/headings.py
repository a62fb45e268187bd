"""Recognise section headings in report text, whatever numbering scheme the report uses.

Schemes seen in published reports: 一、 （一） 1、 1. （1） ① and decimal 1.1 / 1.1.1. The level
is the scheme's rank in the official order (一、 → 1, （一） → 2, 1、/1. → 3, （1） → 4, ① → 5);
decimal numbering maps its depth onto the same levels (1 → 1, 1.1 → 2, 1.1.1 → 3) when a report
uses it for its top level. A numbered line is a heading when its text is short and is not a
sentence; a short heading followed by its body on the same line ("（一）部门整体支出概况。2024年…")
is split into the heading and the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN = "一二三四五六七八九十"
_SCHEMES: tuple[tuple[str, int, re.Pattern[str]], ...] = (
    ("一、", 1, re.compile(rf"^([{_CN}]{{1,3}})[、.]\s*")),
    ("第一部分", 1, re.compile(rf"^第([{_CN}]{{1,3}})(?:部分|章)\s*")),
    ("（一）", 2, re.compile(rf"^\(([{_CN}]{{1,3}})\)\s*")),
    ("1.1", 2, re.compile(r"^(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)(?![\d%])\s*")),
    ("1、", 3, re.compile(r"^(\d{1,2})、\s*")),
    ("1.", 3, re.compile(r"^(\d{1,2})\.(?![\d%])\s*")),
    ("（1）", 4, re.compile(r"^\((\d{1,2})\)\s*")),
    ("①", 5, re.compile(r"^([①-⑳])\s*")),
)

MAX_HEADING_CHARS = 32
_TITLE_THEN_BODY = re.compile(rf"^([^。:;!?]{{1,{MAX_HEADING_CHARS}}}?)[。:](.*)$")


@dataclass(frozen=True)
class Heading:
    level: int
    scheme: str
    number: str  # "一", "3", "1.2", "①"
    title: str  # the heading text without its number, e.g. "部门概况"
    rest: str  # body text that followed the heading on the same line ("" if none)
    marker_length: int  # characters of the line taken by the number


def numbered(line: str) -> tuple[str, int, str, int] | None:
    """(scheme, level, number, marker length) when the line starts with a numbering marker."""
    for scheme, level, pattern in _SCHEMES:
        match = pattern.match(line)
        if match:
            number = match.group(1)
            if scheme == "1.1":
                level = min(number.count(".") + 1, 3)
            return scheme, level, number, match.end()
    return None


def parse_heading(line: str) -> Heading | None:
    """The heading this line is, or None when it is body text or a long list item."""
    found = numbered(line)
    if found is None:
        return None
    scheme, level, number, length = found
    text = line[length:].strip()
    if not text:
        return None
    title, rest = _split_title(text)
    if title is None or (rest and level >= 3) or (level >= 4 and text.endswith("。")):
        return None  # "（3）负责全县公共机构节能管理。根据……" is a list item, not a heading
    return Heading(level, scheme, number, title, rest, length)


def _split_title(text: str) -> tuple[str | None, str]:
    """A short title, maybe ended by 。/：, and what follows it; None when it is a sentence."""
    match = _TITLE_THEN_BODY.match(text)
    if match and match.group(2).strip():
        return match.group(1), match.group(2).strip()
    bare = text.rstrip("。:")
    if len(bare) <= MAX_HEADING_CHARS and not re.search(r"[,;。]", bare):
        return bare, ""
    return None, ""


def top_level_scheme(lines: list[str]) -> str | None:
    """The scheme the report uses for its top-level headings (一、 or decimal 1 / 1.1)."""
    for line in lines:
        heading = parse_heading(line)
        if heading and heading.scheme in ("一、", "第一部分"):
            return heading.scheme
    return None
