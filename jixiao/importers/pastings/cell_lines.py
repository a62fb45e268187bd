"""A form pasted one cell a line as one stream (a web page's or a Word table copied into a
plain-text box): the rows not always apart by blank lines, an empty cell an empty line or
dropped entirely, a caption merged down written once, the money block and the score table one
after the other ("项目" / "年初预算数" / "全年预算数" / "全年执行数" / "执行率" / "资金总额" /
"860.00" / "912.40" / "887.15" / "97.23%" / "基本支出" / …).

The header gives the row width: a row-label title (项目, 资金类别…) and then, a line each, the
titles of the form's columns the readers know (a budget and a spending at least). Below it each
row is a label line and then its cells, up to the next label line: as many cells as titles
(an empty line an empty cell, the empty cells at the row's end dropped), or, with no empty
line, one number under each budget, spending and rate title (the empty score cells dropped).
A row that fits neither ends the block. The block is proven when two rows at least fit, every
budget and spending cell holds a number, no percent stands off a rate column, every rate
written is its row's spending over its budget and the parts of a funding cut add up to the
whole (a whole row and a cut of it, by funding, by source or by economic class, adding up in
every column); then it becomes tab rows.

An indicator table (an indicator title, value titles, one 分值 and one 得分) is read so too:
a row is as many lines as titles (an empty line an empty cell), or its non-empty lines with
the empty value cells dropped when the two scores close the row; every score within its weight,
and the 总分 row (its empty cells as empty lines or dropped) holds the sum of the scores (and of
the weights). Blocks not proven stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from jixiao.importers.pastings.cells import Cell, line_starts, piece, replace_runs
from jixiao.importers.pastings.forms import (
    COUNT,
    LINE_LABEL,
    LINE_VALUE,
    ROW_LABEL_TITLE,
    as_written_rates,
    economic_class,
    form_column_lettered,
    form_number,
    funding_line,
    pair_role,
    parts_checked,
    percent_off_its_column,
    rates_checked,
    rates_hold,
    rates_hold_but_the_whole,
    split_of_actual_holds,
)
from jixiao.importers.pastings.web_cells import (  # an indicator table's titles, read alike
    _GOT_TITLE,
    _INDICATOR_TITLE,
    _TOTAL,
    _VALUE_TITLE,
    _WEIGHT_TITLE,
)
from jixiao.importers.patterns import CJK, GROUP_TITLE, NUMBER

_AMOUNT = re.compile(rf"^(?:{NUMBER})$")
_SCORE = re.compile(r"^\d{1,3}(?:\.\d{1,2})?$")
_MAX_TITLES = 9
_DASH = re.compile(r"^(?:—|－|-|/|／|——)$")
_UNIT_NOTE = re.compile(r"\((?:万元|元|千元|亿元)\)$")
_MIN_ROWS = 2
# rows whose written rate is their spending over their budget that prove a block's columns alone
# (its parts then may not add up: the report's inconsistency, a finding)
_RATES_PROVING = 3
_MAX_BLANKS = 2  # empty lines in a row between a label and its cells, or between rows

_TOTAL_SCORE = re.compile(r"^(?:总分|总分值|满分)$")
_TABLE_TITLE = re.compile(
    "|".join(p.pattern for p in (_INDICATOR_TITLE, _VALUE_TITLE, _WEIGHT_TITLE, _GOT_TITLE))
)
_INDICATOR = re.compile(rf"^[{CJK}A-Za-z0-9()“”、/%.\-]{{2,40}}$")
_TARGET = re.compile(rf"^[{CJK}≥≤<>=0-9.,%/()A-Za-z\-]{{1,24}}$")

Placed = list[int | None]  # a row's cells as line numbers, None for an empty cell
Found = tuple[int, list[Placed]]  # the line after the block, its rows


def _at(lines: list[str], n: int) -> str:
    return lines[n].strip() if n < len(lines) and "\t" not in lines[n] else "\t"


def _skip_blanks(lines: list[str], n: int) -> int | None:
    """The first non-empty line from *n*, None past `_MAX_BLANKS` empty lines or the end."""
    for step in range(_MAX_BLANKS + 1):
        if n + step < len(lines) and _at(lines, n + step):
            return n + step
    return None


# the form's caption cell over the row labels, its unit in brackets: "年度预算（万元）", "资金情况（元）"
_CAPTION_WITH_UNIT = re.compile(
    r"^(?:年度)?(?:预算|资金)(?:执行)?(?:情况)?\((?:万元|元|千元|亿元)\)$"
)


def _row_label_title(text: str) -> bool:
    """The title over the row labels (项目, 资金类别…), or the form's caption cell with its unit."""
    return bool(ROW_LABEL_TITLE.match(text) or _CAPTION_WITH_UNIT.match(text))


def _header(lines: list[str], at: int) -> tuple[list[int], list[str | None]] | None:
    """The title lines of a header at line *at* (a row-label title, then the titles of its
    columns, a group title over them such as 预算执行情况 skipped) and the columns' kinds (a
    budget and a spending among them), else None."""
    if not _row_label_title(_at(lines, at)):
        return None
    titles: list[str] = []
    kinds: list[str | None] = []
    n = at + 1
    group = GROUP_TITLE.match(_at(lines, n))
    if group is not None and group.group(1) is None and not form_column_lettered(_at(lines, n)):
        # (a title that is a column of its own, "年初安排", is no group title)
        n += 1  # a group title over the columns names the block; a unit in it is not skipped
    first = n
    while len(titles) <= _MAX_TITLES and (kind := form_column_lettered(_at(lines, n))):
        titles.append(_at(lines, n))
        kinds.append(kind)
        n += 1
    if len(titles) < 2 or len(titles) > _MAX_TITLES or not {"budget", "spent"} <= set(kinds):
        return None
    if len({unit.group(0) for t in titles if (unit := _UNIT_NOTE.search(t))}) > 1:
        return None  # titles stating two units
    return [at, *range(first, n)], kinds


def _row_cells(lines: list[str], start: int) -> tuple[list[int | None], int]:
    """The lines after a label at *start*: cells (a line number, None for an empty line) up to
    the next line that is no number, the empty lines at the end left off; and the line after."""
    cells: list[int | None] = []
    n = start
    while n < len(lines):
        text = _at(lines, n)
        if text and not LINE_VALUE.match(text):
            break
        cells.append(n if text else None)
        n += 1
    while cells and cells[-1] is None:
        cells.pop()
    return cells, n


def _placed(cells: list[int | None], kinds: list[str | None]) -> Placed | None:
    """*cells* under the titles: one a title (an empty line an empty cell, the row's last empty
    cells dropped), or with no empty line one under each title but the scores."""
    if len(cells) == len(kinds) or (None in cells and len(cells) < len(kinds)):
        return cells + [None] * (len(kinds) - len(cells))
    unscored = [c for c, kind in enumerate(kinds) if kind != "score"]
    amounts = [c for c, kind in enumerate(kinds) if kind in ("budget", "spent")]
    if None in cells:
        return None
    if len(cells) == len(unscored) and len(unscored) < len(kinds):
        columns = unscored
    elif len(cells) == len(amounts) and len(amounts) < len(kinds):
        columns = amounts  # a class row with its rate (and scores) left off: the amounts alone
    else:
        return None
    row: Placed = [None] * len(kinds)
    for column, cell in zip(columns, cells, strict=True):
        row[column] = cell
    return row


def _fits(texts: list[str], kinds: list[str | None]) -> bool:
    """Every budget and spending cell a number, a score a score, a percent only under a rate."""
    for text, kind in zip(texts, kinds, strict=True):
        if kind in ("budget", "spent") and not _AMOUNT.match(text):
            return False
        if kind == "score" and text and not _SCORE.match(text) and not _DASH.match(text):
            return False  # a score, empty or a dash ("—": none for this row)
    return not percent_off_its_column(texts, kinds)


# a line naming the cut the rows below it make ("按经济分类：", "其中按支出性质分：")
_CUT_CAPTION = re.compile(r"^(?:其中)?按[\u4e00-\u9fff]{2,8}?(?:分类|划分|分)(?:看)?:?$")


def _money_block(lines: list[str], at: int) -> Found | None:
    header = _header(lines, at)
    if header is None:
        return None
    title_lines, kinds = header
    titles = [_at(lines, t) for t in title_lines[1:]]
    rows: list[Placed] = [list(title_lines)]
    values: list[list[str]] = []
    labels: list[str | None] = []
    names: list[str] = []
    end = n = title_lines[-1] + 1
    while (label := _skip_blanks(lines, n)) is not None:
        text = _at(lines, label)
        if _CUT_CAPTION.match(text) and values:
            n = label + 1  # "按经济分类：" between the rows: the cut the rows below it make
            continue
        if not LINE_LABEL.match(text) or form_column_lettered(text):
            break
        cells, after = _row_cells(lines, label + 1)
        placed = _placed(cells, kinds)
        if placed is None:
            break
        if (
            "rate" in kinds
            and None not in cells
            and len(cells) < len([k for k in kinds if k != "score"])
            and not economic_class(text)
        ):
            break  # only a class's row leaves its rate off (人员经费, a source: the block ends)
        texts = ["" if c is None else _at(lines, c) for c in placed]
        if not _fits(texts, kinds):
            break
        rows.append([label, *placed])
        values.append(texts)
        labels.append(funding_line(text))
        names.append(text)
        end = max(c for c in [label, *placed] if c is not None) + 1
        n = after
    if len(values) < _MIN_ROWS:
        return None
    money = ("budget", "spent")
    columns = [[row[c] for row in values] for c, kind in enumerate(kinds) if kind in money]
    rates = _as_rates(values, titles)
    checked = rates_checked(rates, titles, kinds) or 0
    # (two rates do when one is the whole's: a table an excerpt cut after its first rows)
    by_rates = checked >= _RATES_PROVING or (checked >= 2 and "whole" in labels)
    if not by_rates and not parts_checked(labels, columns) and not _classes_add_up(names, columns):
        return None  # no whole whose parts add up proves the columns (nor rates enough)
    wholes = [r for r, label in enumerate(labels) if label == "whole"]
    if not rates_hold(rates, titles, kinds) and not (
        len(wholes) == 1 and rates_hold_but_the_whole(rates, titles, kinds, wholes[0])
    ):
        return None
    grouped = title_lines[1] != at + 1  # a group title over the columns: no plain table
    bare_rates = any(
        kind == "rate" and row[c] and "%" not in row[c]
        for row in values
        for c, kind in enumerate(kinds)
    )  # "99.55" under "执行率(%)": flat_tables.py takes it for an amount
    if not grouped and not bare_rates and _flat_table(lines, at, end, kinds):
        return None  # flat_tables.py reads it cell for cell by its 合计 row
    return end, rows


def _flat_table(lines: list[str], at: int, end: int, kinds: list[str | None]) -> bool:
    """A plain flattened table: every cell there, no empty line, no score column, nothing but an
    empty line or the text's end after it (flat_tables.py reads it)."""
    if "score" in kinds or any(not _at(lines, n) for n in range(at, end)):
        return False
    return end >= len(lines) or not _at(lines, end)


def _classes_add_up(names: list[str], columns: list[list[str]]) -> bool:
    """The economic classes' rows (two at least) add up to the whole's row in every column."""
    wholes = [r for r, name in enumerate(names) if funding_line(name) == "whole"]
    classes = [r for r, name in enumerate(names) if economic_class(name) is not None]
    if len(wholes) != 1 or len(classes) < 2:
        return False
    for cells in columns:
        whole = form_number(cells[wholes[0]])
        parts = [form_number(cells[r]) for r in classes]
        if whole is None or None in parts or sum(p for p in parts if p is not None) != whole:
            return False
    return True


def _as_rates(values: list[list[str]], titles: list[str]) -> list[list[str]]:
    """The rows with a bare number under a rate title carrying its unit ("执行率(%)") as a rate,
    so that it is checked too."""
    columns = [
        as_written_rates(title, [row[c] for row in values]) for c, title in enumerate(titles)
    ]
    return [list(row) for row in zip(*columns, strict=True)]


def _score_header(lines: list[str], at: int) -> tuple[int, int, int] | None:
    """(width, 分值 column, 得分 column) of an indicator table's titles from line *at*."""
    if not _INDICATOR_TITLE.match(_at(lines, at)):
        return None
    titles: list[str] = []
    n = at
    while len(titles) <= _MAX_TITLES and _TABLE_TITLE.match(_at(lines, n)):
        titles.append(_at(lines, n))
        n += 1
        if _GOT_TITLE.match(titles[-1]):
            break
    weight = [c for c, title in enumerate(titles) if _WEIGHT_TITLE.match(title)]
    got = [c for c, title in enumerate(titles) if _GOT_TITLE.match(title)]
    if len(weight) != 1 or len(got) != 1 or max(weight[0], got[0]) + 1 != len(titles):
        return None
    if not all(
        c in (weight[0], got[0]) or _INDICATOR_TITLE.match(t) or _VALUE_TITLE.match(t)
        for c, t in enumerate(titles)
    ):
        return None
    return len(titles), weight[0], got[0]


def _indicator_row(lines: list[str], start: int, shape: tuple[int, int, int]) -> Placed | None:
    """The indicator row from line *start*: as many lines as titles, or its non-empty lines
    (the empty value cells dropped) when its two scores close it."""
    width, weight, got = shape
    taken = [n if n < len(lines) and _at(lines, n) else None for n in range(start, start + width)]
    candidates = [taken]
    plain = []
    n = start
    while len(plain) < width and n < len(lines) and (text := _at(lines, n)) != "\t":
        if text:
            plain.append(n)
        elif plain and not _at(lines, n - 1):
            break
        n += 1
    if {weight, got} == {width - 1, width - 2}:
        for size in (width - 1, width - 2):
            if len(plain) >= size >= 3:
                row: Placed = [
                    *plain[: size - 2],
                    *([None] * (width - size)),
                    *plain[size - 2 : size],
                ]
                candidates.append(row)
    for row in candidates:
        if _indicator_fits(lines, row, weight, got):
            return row
    return None


def _indicator_fits(lines: list[str], row: Placed, weight: int, got: int) -> bool:
    texts = ["" if n is None else _at(lines, n) for n in row]
    if "\t" in texts or not _INDICATOR.match(texts[0]) or _TOTAL.match(texts[0]):
        return False
    if not (_SCORE.match(texts[weight]) and _SCORE.match(texts[got])):
        return False
    if (form_number(texts[got]) or 0) > (form_number(texts[weight]) or 0):
        return False
    return all(
        not text or _TARGET.match(text)
        for c, text in enumerate(texts[1:], start=1)
        if c not in (weight, got)
    )


def _score_total(lines: list[str], start: int, width: int) -> tuple[list[int], int]:
    """The numbers of a 总分 row from line *start* (its empty cells empty lines or dropped)."""
    numbers: list[int] = []
    n = start
    while n < len(lines) and n - start < width and len(numbers) < 2:
        text = _at(lines, n)
        if text and not _SCORE.match(text):
            break
        if text:
            numbers.append(n)
        n += 1
    return numbers, n


def _score_block(lines: list[str], at: int) -> Found | None:
    shape = _score_header(lines, at)
    if shape is None:
        return None
    width, weight, got = shape
    rows: list[Placed] = [list(range(at, at + width))]
    n = at + width
    while (start := _skip_blanks(lines, n)) is not None and not _TOTAL.match(_at(lines, start)):
        row = _indicator_row(lines, start, shape)
        if row is None:
            return None
        rows.append(row)
        n = max(c for c in row if c is not None) + 1
    if start is None or len(rows) < 4:
        return None
    numbers, _after = _score_total(lines, start + 1, width)
    scores = [form_number(_at(lines, row[got])) for row in rows[1:] if row[got] is not None]
    weights = [form_number(_at(lines, row[weight])) for row in rows[1:] if row[weight] is not None]
    if not numbers or form_number(_at(lines, numbers[-1])) != sum(s or 0 for s in scores):
        return None
    weighed = sum(w or 0 for w in weights)
    if len(numbers) == 2 and form_number(_at(lines, numbers[0])) != weighed:
        return None
    if len(numbers) == 1 and weighed != 100:
        return None  # the rows weigh less than the form: another block's score is in the total
    total: Placed = [start] + [None] * (width - 1)
    total[got] = numbers[-1]
    if len(numbers) == 2:
        total[weight] = numbers[0]
    rows.append(total)
    return numbers[-1] + 1, rows


def _staffing_block(lines: list[str], at: int) -> Found | None:
    """A staffing header one title a line (each a staffing role, none twice, two at least) and,
    after it (an empty line between or not), as many whole counts and no more: proven when
    实有 = 在职 + 退休 where the three are there."""
    if at and pair_role(_at(lines, at - 1)) is not None:
        return None  # not the header's first title
    roles: list[str] = []
    n = at
    while len(roles) <= _MAX_TITLES and (role := pair_role(_at(lines, n))) is not None:
        roles.append(role)
        n += 1
    if not 2 <= len(roles) <= _MAX_TITLES or len(set(roles)) != len(roles):
        return None
    first = _skip_blanks(lines, n)
    if first is None or first - n > 1:
        return None
    counts = list(range(first, first + len(roles)))
    if not all(COUNT.match(_at(lines, c)) for c in counts):
        return None
    after = _skip_blanks(lines, counts[-1] + 1)
    if after is not None and (
        COUNT.match(_at(lines, after)) or LINE_VALUE.match(_at(lines, after))
    ):
        return None  # more numbers: not one row of counts
    whole = {role: int(_at(lines, c).rstrip("人名")) for role, c in zip(roles, counts, strict=True)}
    if not {"actual", "in_service", "retired"} <= set(whole) or not split_of_actual_holds(whole):
        return None  # the split of the head-count proves the counts are under their titles
    return counts[-1] + 1, [list(range(at, n)), counts]


def _total_score_row(lines: list[str], at: int) -> Found | None:
    """A form's one-row score total one cell a line: "总分" / its weight 100 / "自评得分" / the
    score, no more than 100."""
    texts = [_at(lines, n) for n in range(at, at + 4)]
    if not (_TOTAL_SCORE.match(texts[0]) and _GOT_TITLE.match(texts[2])):
        return None
    if texts[1] != "100" or not _SCORE.match(texts[3]) or form_number(texts[3]) > 100:
        return None
    if LINE_VALUE.match(_at(lines, at + 4)):
        return None  # more numbers: not this row
    return at + 4, [list(range(at, at + 4))]


def _cell(text: str, origin: list[int], starts: list[int], lines: list[str], n: int | None) -> Cell:
    if n is None:
        return Cell("", ())
    line = lines[n]
    left = len(line) - len(line.lstrip())
    return piece(text, origin, starts[n] + left, starts[n] + len(line.rstrip()))


def staffing_cell_lines(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """A staffing header and its counts pasted one cell a line → tab rows, when proven (before
    the passes that pair each title with a count)."""
    return _rebuilt(text, origin, (_staffing_block,))


def form_cell_lines(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """A money block or an indicator table pasted one cell a line → tab rows, when proven."""
    return _rebuilt(text, origin, (_money_block, _score_block, _total_score_row))


def _rebuilt(
    text: str, origin: list[int], readers: tuple[Callable[[list[str], int], Found | None], ...]
) -> tuple[str, list[int]]:
    if "\n" not in text:
        return text, origin
    lines = text.split("\n")
    found = _blocks(lines, readers)
    if not found and _a_cell_a_paragraph(lines):
        # a web page copied with an empty line after every cell: read the cells alone
        kept = [n for n, line in enumerate(lines) if line.strip()]
        found = [
            (
                kept[n],
                kept[end - 1] + 1,
                [[None if c is None else kept[c] for c in row] for row in rows],
            )
            for n, end, rows in _blocks([lines[n] for n in kept], readers)
        ]
    starts = line_starts(text) if found else []
    runs = [
        (n, end, [[_cell(text, origin, starts, lines, c) for c in row] for row in rows])
        for n, end, rows in found
    ]
    return replace_runs(text, origin, runs)


def _blocks(
    lines: list[str], readers: tuple[Callable[[list[str], int], Found | None], ...]
) -> list[tuple[int, int, list[Placed]]]:
    """(first line, the line after, rows) of every block a reader proves, in order."""
    blocks: list[tuple[int, int, list[Placed]]] = []
    n = 0
    while n < len(lines):
        found = next((f for read in readers if (f := read(lines, n)) is not None), None)
        if found is None:
            n += 1
            continue
        end, rows = found
        blocks.append((n, end, rows))
        n = end
    return blocks


_PARAGRAPH_CELLS = 20  # cells a line, an empty line after each, for a text pasted so


def _a_cell_a_paragraph(lines: list[str]) -> bool:
    """Most non-empty lines stand alone between empty lines (a cell, an empty line, a cell…)."""
    filled = [n for n, line in enumerate(lines) if line.strip()]
    alone = sum(
        1
        for n in filled
        if n + 2 < len(lines) and not lines[n + 1].strip() and lines[n + 2].strip()
    )
    return len(filled) >= _PARAGRAPH_CELLS and alone >= 0.7 * len(filled)
