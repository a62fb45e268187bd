"""The report model: a neutral document tree that every renderer translates.

Composition (``compose.py``) decides *what* the report says; renderers (Markdown, HTML, DOCX,
PDF) decide only *how it looks*. Nothing here knows about a file format.

Numbering labels follow the official Chinese scheme and are computed here, once, so that
every format numbers the same way: level 1 ``一、``, level 2 ``（一）``, level 3 ``1.``,
level 4 ``（1）``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Literal

CHINESE_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (enough for section numbering)."""
    if not 0 < n < 100:
        raise ValueError(f"section number out of range: {n}")
    tens, ones = divmod(n, 10)
    if tens == 0:
        return CHINESE_DIGITS[ones]
    head = "" if tens == 1 else CHINESE_DIGITS[tens]
    return head + "十" + (CHINESE_DIGITS[ones] if ones else "")


def section_label(level: int, n: int) -> str:
    """The label of the *n*-th section at *level* (1-based)."""
    if level == 1:
        return f"{chinese_number(n)}、"
    if level == 2:
        return f"（{chinese_number(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


class Align(StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: Literal["body", "note", "item"] = "body"  # item: a numbered item inside a section


@dataclass(frozen=True)
class Column:
    header: str
    width: int = 1  # relative width
    align: Align = Align.LEFT


@dataclass(frozen=True)
class Cell:
    text: str
    colspan: int = 1
    rowspan: int = 1
    bold: bool = False
    # where the figure's evidence is (the web's list of the ledger records behind it); the
    # formats that can follow a link (HTML, Markdown) make the text one, the others ignore it
    link: str | None = None


@dataclass(frozen=True)
class Table:
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    note: str | None = None
    key: str = ""  # a stable name for renderers and tests: "score", "targets", "findings", ...


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[Decimal | None, ...]


@dataclass(frozen=True)
class Chart:
    """A chart as data; renderers draw it (SVG for PDF/HTML, PNG for Word)."""

    title: str
    kind: Literal["bar", "pie", "grouped_bar"]
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str = ""
    key: str = ""


Block = Paragraph | Table | Chart


@dataclass(frozen=True)
class Section:
    title: str
    level: int
    label: str = ""  # "一、", "（一）", "1.", "（1）" — see section_label
    blocks: tuple[Block, ...] = ()
    children: tuple[Section, ...] = ()
    key: str = ""  # stable name: "profile", "profile.basics", ...

    @property
    def heading(self) -> str:
        return f"{self.label}{self.title}"

    def walk(self) -> list[Section]:
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return found


@dataclass(frozen=True)
class Cover:
    department: str
    year: int
    method: str
    date: str | None = None
    notice: str | None = None


@dataclass(frozen=True)
class Document:
    title: str  # "万载县机关事务管理局部门评价报告"
    subtitle: str  # "（2021年度）"
    cover: Cover
    sections: tuple[Section, ...]
    attachments: tuple[Section, ...] = ()  # 附件: 自评表, 目标表, findings
    meta: dict[str, str] = field(default_factory=dict)

    def walk(self) -> list[Section]:
        found: list[Section] = []
        for section in (*self.sections, *self.attachments):
            found.extend(section.walk())
        return found

    def tables(self) -> list[Table]:
        return [b for s in self.walk() for b in s.blocks if isinstance(b, Table)]

    def charts(self) -> list[Chart]:
        return [b for s in self.walk() for b in s.blocks if isinstance(b, Chart)]
