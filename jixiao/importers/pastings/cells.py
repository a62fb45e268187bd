"""Cells that remember where each of their characters came from, and the rewrite of a run of
lines into tab rows made of such cells."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate


@dataclass(frozen=True)
class Cell:
    """A cell's text and, for each of its characters, the offset in the original text."""

    text: str
    origin: tuple[int, ...]

    def __post_init__(self) -> None:
        if len(self.text) != len(self.origin):
            raise ValueError(
                f"cell {self.text!r}: {len(self.origin)} origins for {len(self.text)} characters"
            )


@dataclass(frozen=True)
class Lines:
    """Text split into lines, each line's origin beside it (the line breaks keep theirs)."""

    text: str
    origin: list[int]

    def starts(self) -> list[int]:
        """The offset in *text* where each line starts."""
        starts = [0]
        for number, char in enumerate(self.text):
            if char == "\n":
                starts.append(number + 1)
        return starts

    def cell(self, number: int, first: int = 0, last: int | None = None) -> Cell:
        """Line *number*'s characters [first, last) as a cell."""
        start = self.starts()[number]
        line = self.text.split("\n")[number]
        end = len(line) if last is None else last
        return Cell(line[first:end], tuple(self.origin[start + first : start + end]))


def replace_lines(
    text: str, origin: list[int], start: int, end: int, rows: list[list[Cell]]
) -> tuple[str, list[int]]:
    """Lines [start, end) of *text* replaced by *rows*, one line a row, cells joined by tabs.

    A tab or line break put in maps to the character before it (the cell it closes); the line
    break after the run keeps its own origin."""
    lines = Lines(text, origin)
    starts = lines.starts()
    if not 0 <= start < end <= len(starts):
        raise ValueError(f"lines [{start}, {end}) outside 0..{len(starts)}")
    first = starts[start]
    last = starts[end] - 1 if end < len(starts) else len(text)  # the break after the run stays
    pieces: list[str] = []
    new_origin: list[int] = []
    for number, row in enumerate(rows):
        for index, cell in enumerate(row):
            if index or number:
                pieces.append("\n" if index == 0 else "\t")
                new_origin.append(new_origin[-1] if new_origin else origin[first])
            pieces.append(cell.text)
            new_origin.extend(cell.origin)
    return (
        text[:first] + "".join(pieces) + text[last:],
        origin[:first] + new_origin + origin[last:],
    )


def line_starts(text: str) -> list[int]:
    """The offset in *text* where each line starts (computed once, for passes over many lines)."""
    return [0, *accumulate(len(line) + 1 for line in text.split("\n")[:-1])]


def row_cells(text: str, origin: list[int], start: int) -> list[Cell]:
    """The cells of the line at *start* in *text*, as written (spaces kept), each with its origin."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    cells, at = [], start
    for raw in text[start:end].split("\t"):
        cells.append(piece(text, origin, at, at + len(raw)))
        at += len(raw) + 1
    return cells


EMPTY = Cell("", ())


def piece(text: str, origin: list[int], start: int, end: int) -> Cell:
    """The characters [start, end) of *text* as a cell, each with its origin."""
    return Cell(text[start:end], tuple(origin[start:end]))


def replace_runs(
    text: str, origin: list[int], runs: list[tuple[int, int, list[list[Cell]]]]
) -> tuple[str, list[int]]:
    """Several runs of lines replaced at once, as `replace_lines` replaces one: *runs* holds
    (start, end, rows) for lines [start, end), in order and apart; one pass over the text."""
    if not runs:
        return text, origin
    starts = line_starts(text)
    pieces: list[str] = []
    new_origin: list[int] = []
    position = 0
    for start, end, rows in runs:
        if not position <= starts[start] or not start < end <= len(starts):
            raise ValueError(f"run [{start}, {end}) out of order or outside 0..{len(starts)}")
        first = starts[start]
        last = starts[end] - 1 if end < len(starts) else len(text)
        pieces.append(text[position:first])
        new_origin.extend(origin[position:first])
        run_origin: list[int] = []
        for number, row in enumerate(rows):
            for index, cell in enumerate(row):
                if index or number:
                    pieces.append("\n" if index == 0 else "\t")
                    run_origin.append(run_origin[-1] if run_origin else origin[first])
                pieces.append(cell.text)
                run_origin.extend(cell.origin)
        new_origin.extend(run_origin)
        position = last
    pieces.append(text[position:])
    new_origin.extend(origin[position:])
    return "".join(pieces), new_origin


def tab_cells(line: str, start: int) -> list[tuple[str, int, int]]:
    """Each tab cell of *line* (at *start* in the text): its stripped text and its [start, end)."""
    found = []
    position = start
    for raw in line.split("\t"):
        left = len(raw) - len(raw.lstrip())
        text = raw.strip()
        found.append((text, position + left, position + left + len(text)))
        position += len(raw) + 1
    return found


Block = tuple[int, list[list[Cell]]]  # the line after a rebuilt block, and its tab rows


def rebuilt_blocks(
    text: str, origin: list[int], block_at: Callable[[list[str], list[int], int], Block | None]
) -> tuple[str, list[int]]:
    """*text* with every block that *block_at* rebuilds (given the lines, their starts and a line
    number; None where no block starts) replaced by its tab rows, scanning on after each block."""
    lines = text.split("\n")
    starts = line_starts(text)
    runs: list[tuple[int, int, list[list[Cell]]]] = []
    number = 0
    while number < len(lines):
        found = block_at(lines, starts, number)
        if found is not None:
            runs.append((number, found[0], found[1]))
            number = found[0]
            continue
        number += 1
    return replace_runs(text, origin, runs)
