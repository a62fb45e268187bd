"""A PDF form's staffing as a line of head-count titles over a line of counts, aligned by runs of
spaces ("人员情况    编制数    实有人数    在职人数    退休人数    离休人数" over
"              96         142           91           48            3") → tab rows, as a Word or
Excel form gives them ("人员情况\\t编制数\\t…" over "\\t96\\t142\\t…"), for the staffing readers.

Rebuilt only when it is proven: the title line is a caption of one to six ideographs (or none)
and three head-count titles or more, apart by two spaces or more; the line under it holds as
many whole numbers and nothing else, each standing under its own title (their display columns
overlap), left to right. The caption may wrap ("人员" on the title line, "情况" before the counts)
or stand whole before the counts or on a line of its own between the two lines (a PDF centres a
merged cell's text): a caption's piece is taken only left of the first title, and only when
the caption then names staffing (人员 / 情况 / 编制: "局机关" before the counts is a row's label).
An OCR's lines, words one space apart ("人员 编制数 实有人数 在职人数 退休人数" over "情况 61 77 62
15"), are taken the same way, the counts as many as the titles (their places say nothing). Otherwise the
lines are left as they are.
"""

from __future__ import annotations

import re

from jixiao.importers.pastings.cells import Cell, line_starts, piece, replace_runs
from jixiao.importers.pastings.forms import Span, display_spans
from jixiao.importers.patterns import CJK

_PIECE = re.compile(r"\S+(?: \S+)*")  # cells apart by two spaces or more
_WORD = re.compile(r"\S+")  # an OCR's cells, one space apart
_CAPTION = re.compile(rf"^[{CJK}]{{1,6}}$")
_COUNT_TITLE = re.compile(
    r"^(?:核定)?编制(?:人)?数$|^编制$|^(?:实有|在职|在编|退休|离休|离退休|编外|遗属)(?:人员)?(?:人)?数$"
    r"|^(?:实有|在职|在编|退休|离休|离退休|编外|遗属)人员$"
    # a part of the column before it ("其中：在职编外聘用"): a column of its own, never first
    rf"|^其中[:：][{CJK}]{{2,8}}$"
)
_COUNT = re.compile(r"^\d{1,5}$")
# a staffing caption whose pieces stand on the lines under its first ("人员" / "情况")
_STAFF_CAPTION = re.compile(r"人员|情况|编制")
_MIN_TITLES = 3


def _titles(text: str, pieces: list[Span]) -> tuple[list[Span], list[Span]] | None:
    """(caption pieces, title pieces) of a line of head-count titles."""
    words = [text[s:e] for s, e, _, _ in pieces]
    first = 1 if words and not _COUNT_TITLE.match(words[0]) and _CAPTION.match(words[0]) else 0
    titles = pieces[first:]
    if len(titles) < _MIN_TITLES or not all(_COUNT_TITLE.match(w) for w in words[first:]):
        return None
    if words[first].startswith("其中"):
        return None  # a part before any column it could be a part of
    return pieces[:first], titles


def _under(titles: list[Span], counts: list[Span]) -> bool:
    """Each count under its own title, in order (their display columns overlap)."""
    return len(counts) == len(titles) and all(
        count[2] <= title[3] and count[3] >= title[2]
        for title, count in zip(titles, counts, strict=True)
    )


def _caption_piece(text: str, span: Span, titles: list[Span]) -> bool:
    """A caption's piece ("情况", "人员情况") left of the first title."""
    return bool(_CAPTION.match(text[span[0] : span[1]])) and span[3] < titles[0][2]


def _joined(cells: list[Cell]) -> list[Cell]:
    """A caption's pieces as one cell ("人员" + "情况"), none when it has none."""
    if not cells:
        return []
    return [Cell("".join(c.text for c in cells), tuple(o for c in cells for o in c.origin))]


def spaced_staffing(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Head-count titles over their counts, aligned by spaces → tab rows."""
    if " " not in text or "数" not in text:
        return text, origin
    lines = text.split("\n")
    starts = line_starts(text)
    runs: list[tuple[int, int, list[list[Cell]]]] = []
    for number in range(len(lines) - 1):
        line = lines[number]
        if "\t" in line or " " not in line.strip() or line.count("数") + line.count("人员") < 2:
            continue
        # an OCR's words one space apart: the counts' places say nothing, their number does
        single = "  " not in lines[number].strip()
        pattern = _WORD if single else _PIECE
        found = _titles(text, display_spans(lines[number], starts[number], pattern))
        if found is None:
            continue
        caption, titles = found
        cells = [piece(text, origin, s, e) for s, e, _, _ in caption]
        at = number + 1
        alone = display_spans(lines[at], starts[at], pattern)
        if len(alone) == 1 and at + 1 < len(lines) and _caption_piece(text, alone[0], titles):
            # the caption alone on a line of its own between the titles and the counts
            cells.append(piece(text, origin, alone[0][0], alone[0][1]))
            at += 1
        counts = display_spans(lines[at], starts[at], pattern)
        if counts and _caption_piece(text, counts[0], titles):
            # the caption's second line ("情况"), or the caption whole, before the counts
            cells.append(piece(text, origin, counts[0][0], counts[0][1]))
            counts = counts[1:]
        if not all(_COUNT.match(text[s:e]) for s, e, _, _ in counts):
            continue
        if len(counts) != len(titles) or not (single or _under(titles, counts)):
            continue
        caption_cells = _joined(cells)
        if len(cells) > len(caption) and not _STAFF_CAPTION.search(caption_cells[0].text):
            continue  # a row's label before the counts ("局机关  32  30"), no caption's piece
        header = [*caption_cells, *(piece(text, origin, s, e) for s, e, _, _ in titles)]
        values = [
            *[Cell("", ())] * len(caption_cells),
            *(piece(text, origin, s, e) for s, e, _, _ in counts),
        ]
        runs.append((number, at + 1, [header, values]))
    return replace_runs(text, origin, runs)
