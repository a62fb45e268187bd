"""A money block's group rows dropped: "一、按支出性质" / "二、按经济分类" between its rows.

A form may title the cuts of its total on rows of their own, with no figure:

    年度资金总额        3,268.74        3,105.26       95.00%
    一、按支出性质
    基本支出          1,846.20        1,838.57       99.59%
    …
    二、按经济分类
    工资福利支出            —          1,512.36          —

The readers end a block at a row with no figure. Such a row (a cut's name, numbered or not,
nothing else) standing between two rows with figures is dropped; the row under it takes its
place. Tab rows ("\\t按支出性质分：\\t\\t") are dropped the same way.
"""

from __future__ import annotations

import re

from jixiao.importers.pastings.cells import Cell, line_starts, piece, replace_runs

_GROUP_ROW = re.compile(
    r"^[\s\t]*(?:[一二三四五六七八九十]+\s*[、.]|[(][一二三四五六七八九十]+[)])?\s*"
    r"(?:其中[:]?)?按(?:支出)?(?:性质|经济分类|功能分类|资金来源|来源|用途)(?:分类)?分?[:]?[\s\t]*$"
)
_FIGURE = re.compile(r"\d[\d,]*\.\d{2}")


def group_rows(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Group rows between a block's rows dropped (see the module's docstring)."""
    if "按" not in text:
        return text, origin
    lines = text.split("\n")
    starts: list[int] = []
    runs: list[tuple[int, int, list[list[Cell]]]] = []
    for n in range(1, len(lines) - 1):
        if not _GROUP_ROW.match(lines[n]):
            continue
        if not (_FIGURE.search(lines[n - 1]) and _FIGURE.search(lines[n + 1])):
            continue
        if runs and runs[-1][1] > n:
            continue
        starts = starts or line_starts(text)
        below = lines[n + 1]
        cells = below.split("\t")
        row: list[Cell] = []
        at = starts[n + 1]
        for cell in cells:
            row.append(piece(text, origin, at, at + len(cell)))
            at += len(cell) + 1
        runs.append((n, n + 2, [row]))
    return replace_runs(text, origin, runs)
