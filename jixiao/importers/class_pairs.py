"""A form's row of economic classes laid out with spaces, each class beside its amount, the row
wrapped under its caption column, the phase in brackets on the caption's second line:

    经济分类          工资福利支出 3,902.18   商品和服务支出 612.45   对个人和家庭的补助
    （决算）          540.08   资本性支出 151.00

The caption may be 支出构成 / 支出结构 and the cells apart by tabs ("支出构成（实际执行数） | 工资福利
支出 | 856.40 | 商品和服务支出 | 231.58 | …", a Word table's row).

The words after the caption, on its line and the next, are read as pairs: a class name, then its
amount (a name may end one line and its amount open the next). Every word must fall into such a
pair, two pairs at least, or nothing is read; the unit is the form's ("金额：万元" / "单位：万元"
a few lines above). money.py classifies each pair with the caption's phase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from jixiao.importers.document import Line
from jixiao.importers.patterns import CJK, NUMBER, parse_number

_CAPTION = re.compile(
    r"^\s*(?:(?:支出)?(?:按|分)?(?:支出)?经济分类|支出构成|支出结构)"
    r"(?:\(([\u4e00-\u9fff]{1,6})\))?(?=\s{2,}\S|\t\S)"
)
_CAPTION_PHASE = re.compile(r"^\s*\(([\u4e00-\u9fff]{1,6})\)(?=\s*$|\s{2,}\S)")
_WORD = re.compile(r"\S+")
_PIECES = re.compile(rf"([{CJK}]{{2,12}})?({NUMBER})?")
_NAME = re.compile(rf"^[{CJK}]{{2,12}}$")
_AMOUNT = re.compile(rf"^(?:{NUMBER})$")
_UNIT = re.compile(r"(?:单位|金额)\s*:\s*(亿元|万元|千元|元)\s*$")
_UNIT_REACH = 12  # lines above the row where the form's unit may stand


@dataclass(frozen=True)
class ClassPair:
    """A class name and its amount, with the caption's phase words and the form's unit."""

    label: str  # phase words + the class name ("决算工资福利支出")
    value: Decimal
    unit: str
    start: int  # where the class name starts
    end: int  # where the amount ends


def class_pairs(lines: list[Line]) -> list[list[ClassPair]]:
    """Every wrapped row of class / amount pairs under a caption naming the economic cut."""
    found: list[list[ClassPair]] = []
    for index, line in enumerate(lines):
        caption = _CAPTION.match(line.text)
        if caption is None:
            continue
        unit = _form_unit(lines, index)
        if unit is None:
            continue
        words = [
            (m.group(0), line.start + m.start()) for m in _WORD.finditer(line.text, caption.end())
        ]
        phase = caption.group(1) or ""
        if index + 1 < len(lines) and (second := _CAPTION_PHASE.match(lines[index + 1].text)):
            phase = second.group(1)
            below = lines[index + 1]
            words += [
                (m.group(0), below.start + m.start())
                for m in _WORD.finditer(below.text, second.end())
            ]
        row = _pairs(words, phase, unit)
        if row:
            found.append(row)
    return found


def _pairs(words: list[tuple[str, int]], phase: str, unit: str) -> list[ClassPair]:
    """The words as name / amount pairs ("工资福利支出3,902.18" one word or two), or []."""
    pieces: list[tuple[str, int]] = []
    for word, at in words:
        split = _PIECES.fullmatch(word)
        if split is None or not word:
            return []
        pieces += [(split.group(n), at + split.start(n)) for n in (1, 2) if split.group(n)]
    if len(pieces) < 4 or len(pieces) % 2:
        return []
    pairs: list[ClassPair] = []
    for (name, start), (amount, at) in zip(pieces[::2], pieces[1::2], strict=True):
        value = parse_number(amount) if _AMOUNT.match(amount) else None
        if not _NAME.match(name) or value is None:
            return []
        pairs.append(ClassPair(f"{phase}{name}", value, unit, start, at + len(amount)))
    return pairs


def _form_unit(lines: list[Line], index: int) -> str | None:
    """The unit stated on the nearest line above that states one, within reach."""
    for line in reversed(lines[max(0, index - _UNIT_REACH) : index]):
        if match := _UNIT.search(line.text.strip()):
            return match.group(1)
    return None
