"""A report as the readers see it: normalised lines with their sections, and a way back.

A file importer (.txt, .docx, .pdf) turns its input into :class:`Block` s (a paragraph or a page
with a locator such as "第12段" or "第3页"). :class:`ReportText` joins them, normalises the text
and splits it into lines; each line knows the heading path it sits under. ``source(start, end)``
turns a span of normalised text back into a :class:`~jixiao.core.dossier.Source` naming the
block, the character span inside it and the exact original text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from jixiao.core.dossier import Source
from jixiao.importers.headings import Heading, numbered, parse_heading
from jixiao.importers.normalise import Normalised, normalise


@dataclass(frozen=True)
class Block:
    """A paragraph or a page of the original file."""

    text: str
    locator: str | None  # "第12段", "第3页"; None for blank lines
    level: int | None = None  # a heading level the file itself declares (Word heading styles)


@dataclass
class Line:
    """One normalised line (paragraph) of the report."""

    index: int
    text: str
    start: int  # offset in the normalised text
    heading: Heading | None = None
    path: tuple[str, ...] = ()  # titles of the headings above this line, outermost first

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class ReportText:
    file: str
    blocks: list[Block]
    original: str = ""
    norm: Normalised = field(init=False)
    lines: list[Line] = field(default_factory=list)
    _block_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        starts, position = [], 0
        for block in self.blocks:
            starts.append(position)
            position += len(block.text) + 1
        self._block_starts = starts
        self.original = "\n".join(block.text for block in self.blocks)
        self.norm = normalise(self.original)
        self.lines = _split_lines(self.norm.text)
        _assign_sections(self.lines, self._styled_levels())

    def _styled_levels(self) -> dict[int, int]:
        """Line index → heading level, for lines that are whole styled headings in the file."""
        levels: dict[int, int] = {}
        for line in self.lines:
            a, _ = self.norm.original_span(line.start, line.start + 1)
            index = max(bisect.bisect_right(self._block_starts, a) - 1, 0)
            if self.blocks and self.blocks[index].level:
                levels[line.index] = self.blocks[index].level or 0
        return levels

    @property
    def text(self) -> str:
        return self.norm.text

    def original_text(self, start: int, end: int) -> str:
        a, b = self.norm.original_span(start, end)
        return self.original[a:b]

    def source(self, start: int, end: int) -> Source:
        """Where normalised [start, end) came from: block locator, span in it, exact text."""
        a, b = self.norm.original_span(start, end)
        index = max(bisect.bisect_right(self._block_starts, a) - 1, 0)
        block_start = self._block_starts[index] if self._block_starts else 0
        locator = self.blocks[index].locator if self.blocks else None
        return Source(
            file=self.file,
            locator=locator,
            start=a - block_start,
            end=b - block_start,
            text=self.original[a:b],
        )

    def locator(self, start: int) -> str | None:
        """The locator ("第12段", "第3页") of the block normalised offset *start* lies in: what
        ``source(...).locator`` gives, without building the Source."""
        a, _ = self.norm.original_span(start, start + 1)
        index = max(bisect.bisect_right(self._block_starts, a) - 1, 0)
        return self.blocks[index].locator if self.blocks else None

    def where(self, start: int, end: int) -> str:
        return self.source(start, end).describe()


def _split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    position = 0
    for raw in text.split("\n"):
        if raw.strip():
            lines.append(Line(len(lines), raw, position))
        position += len(raw) + 1
    return lines


def _assign_sections(lines: list[Line], styled: dict[int, int] | None = None) -> None:
    """Give every line its heading (if it is one) and the path of headings above it. *styled*
    names lines the file marks as headings (automatic numbering leaves no 一、 in the text)."""
    styled = styled or {}
    has_chinese_top = any(
        (h := parse_heading(line.text)) and h.level == 1 and h.scheme != "1.1" for line in lines
    )
    headings = _list_items_are_not_headings(lines, [parse_heading(line.text) for line in lines])
    stack: list[tuple[int, str]] = []
    for line, heading in zip(lines, headings, strict=True):
        if heading is None and line.index in styled and len(line.text) <= 40:
            heading = Heading(styled[line.index], "style", "", line.text.rstrip("。:"), "", 0)
        if heading and not has_chinese_top and heading.scheme == "1.":
            # decimal outlines (1. / 1.1 / 1.1.1): a bare "1." is the top level
            heading = Heading(
                1,
                heading.scheme,
                heading.number,
                heading.title,
                heading.rest,
                heading.marker_length,
            )
        line.heading = heading
        if heading:
            while stack and stack[-1][0] >= heading.level:
                stack.pop()
            stack.append((heading.level, heading.title))
        line.path = tuple(title for _, title in stack)


def _list_items_are_not_headings(
    lines: list[Line], headings: list[Heading | None]
) -> list[Heading | None]:
    """Adjacent numbered lines (1、… 2、… 3、…) form a list: if any of them is a sentence, none of
    them is a heading ("5、完成上级安排的会议服务保障工作。" among longer goals)."""
    result = list(headings)
    index = 0
    while index < len(lines):
        first = numbered(lines[index].text)
        end = index + 1
        if first is not None and first[0] not in ("一、", "（一）", "第一部分"):
            scheme = first[0]
            while end < len(lines):
                following = numbered(lines[end].text)
                if following is None or following[0] != scheme:
                    break
                end += 1
            if end - index >= 2 and any(headings[i] is None for i in range(index, end)):
                for i in range(index, end):
                    result[i] = None
        index = end
    return result


def blocks_from_text(text: str) -> list[Block]:
    """Plain text: one block per line, numbered as paragraphs (blank lines are not counted)."""
    blocks, number = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            number += 1
            blocks.append(Block(raw, f"第{number}段"))
        else:
            blocks.append(Block(raw, None))
    return blocks
