"""PDF text layers of ruled forms: a money block whose columns are aligned by runs of spaces and
whose column TITLES wrap over two or three lines ("  年初预   全年预   全年执" / "项目  算数
算数     行数   执行率"), its long row labels wrapping onto the next line with the number cells on
the first line or on the second ("其中:一般公共预算    1,100.00 …" / "财政拨款", or the label's
first part alone above the line with the numbers); a label alone that is a money row's whole
name ("其他资金") is a row left blank. A title may open with its year ("2023年" / "预算安排") and a
budget's may carry the bracket saying it is the adjusted one ("全年预算数" / "（调整后）"); a 结余
column (the budget less the spending) is carried, never read. A row's label may be numbered
("一、基本支出", "1.人员经费": a numbered label alone on its line opens a row, never ends the one
above) or spread out by single spaces ("基 本 支 出", closed up).

The header's pieces are grouped by display column (an ideograph 2 wide; pieces overlapping
each other are one column's title, read top to bottom), and the block is rebuilt as tab rows
only when it is proven: every title after the row labels' is a form column the readers know
(a budget, a spending, a rate or a score; a budget and a spending at least), one title at least
was wrapped, every number of a row stands under one title of its own, left to right, two rows
at least fill a budget and the spending, every rate written is its row's spending over its
budget, every balance its budget less its spending, and the titles name one year at most. A
caption merged over the rows ("资金情况") left of the labels' title stays the first title, blank
on every row. Otherwise the lines are left as they are.
"""

from __future__ import annotations

import re

from jixiao.importers.pastings.cells import (
    Block,
    Cell,
    line_starts,
    piece,
    rebuilt_blocks,
    replace_runs,
)
from jixiao.importers.pastings.forms import (
    ROW_LABEL_TITLE,
    Span,
    balances_hold,
    dated_column,
    display_spans,
    economic_class,
    folded_width,
    form_column_lettered,
    form_number,
    funding_line,
    percent_off_its_column,
    rates_hold,
    row_name,
    title_year,
)
from jixiao.importers.patterns import CJK, NUMBER

_PIECE = re.compile(r"\S+(?: \S+)*")  # cells apart by two spaces or more
# a title's piece: words, the form's letters, or the year a money title opens with ("2023年")
_TITLE_PIECE = re.compile(rf"^(?:(?:19|20)\d{{2}}年度?)?[{CJK}()A-Z/=%]{{0,10}}$")
_VALUE = re.compile(rf"^(?:(?:{NUMBER})%?|[-—/])$")
# a row's number in a list of the rows ("一、基本支出", "1.人员经费", "(2)公用经费")
_LIST_MARK = r"(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.、]|\([一二三四五六七八九十\d]{1,3}\))"
_NUMBERED = re.compile(rf"^{_LIST_MARK}")
_LABEL = re.compile(rf"^{_LIST_MARK}?[{CJK}()“”、:]{{2,24}}$")
# a label spread out by single spaces between its ideographs ("基 本 支 出"): closed up
_SPREAD = re.compile(rf"(?<=[{CJK}]) (?=[{CJK}])")
_LABEL_END = re.compile(rf"^[{CJK})”]{{1,3}}$")  # a wrapped label's last ideographs ("助")
# the row labels' title naming the cut of the rows ("按经济分类", "按支出功能分类:")
_CUT_TITLE = re.compile(rf"^按[{CJK}]{{1,8}}分类?:?$")
# a line that opens a cut of the rows ("按支出性质分:", "按收入性质分", "其中:")
_SECTION = re.compile(rf"^[{CJK}()]{{2,12}}:$|^按[{CJK}]{{1,8}}分$")
_OPENS_ROW = re.compile(r"^(?:其中|按)")
# a money row's whole name: alone on its line it is a row left blank, no wrapped label's end
_ROW_NAME = re.compile(
    r"^(?:年度)?资金总额$|^(?:财政拨款|一般公共预算(?:财政拨款|资金)?|政府性基金(?:预算)?(?:资金)?"
    r"|上年结转(?:结余)?(?:资金)?|其他资金|单位自有资金|基本支出|项目支出|合计|总计)$"
)
_CAPTION = re.compile(rf"^[{CJK}]{{2,6}}情况$")  # "资金情况", "预算执行情况" merged over the rows
_MAYBE_TITLES = re.compile(rf"^[{CJK}()A-Z/=% ]*\S  +\S[{CJK}()A-Z/=% ]*$")  # no digit, a gap
_TITLE_YEARS = re.compile(r"(?:19|20)\d{2}(?=年)")
_MAX_TITLE_LINES = 3
_MIN_ROWS = 2


def _pieces(line: str, at: int) -> list[Span]:
    return display_spans(line, at, _PIECE)


def _title_line(text: str, line: str, pieces: list[Span]) -> bool:
    return (
        "\t" not in line
        and len(pieces) >= 1
        and all(_TITLE_PIECE.match(text[start:end]) for start, end, _, _ in pieces)
    )


def _columns(text: str, header: list[list[Span]]) -> list[list[Span]] | None:
    """The header's pieces grouped by display column, left to right: pieces whose columns
    overlap are one title (top to bottom); None when two pieces of one line fall together."""
    ordered = sorted((p for line in header for p in line), key=lambda p: p[2])
    groups: list[list[Span]] = []
    right = -1
    for item in ordered:
        if groups and item[2] <= right:
            groups[-1].append(item)
            right = max(right, item[3])
        else:
            groups.append([item])
            right = item[3]
    for group in groups:
        lines = [next(n for n, line in enumerate(header) if p in line) for p in group]
        if len(set(lines)) != len(lines):
            return None
        group.sort(key=lambda p: p[0])  # top to bottom: the text's order
    return groups


def _title(text: str, origin: list[int], group: list[Span]) -> Cell:
    cells = [piece(text, origin, start, end) for start, end, _, _ in group]
    return Cell("".join(c.text for c in cells), tuple(o for c in cells for o in c.origin))


def _row_cells(
    text: str, pieces: list[Span], spans: list[tuple[int, int]], label_end: bool = False
) -> tuple[Span | None, dict[int, Span]] | None:
    """A line's label piece (or None) and its numbers by money column; None when a number stands
    under no title or under two, or the numbers are not left to right. With *label_end*, the
    label may be a wrapped label's last ideographs (one to three)."""
    label: Span | None = None
    numbers = pieces
    if pieces and not _VALUE.match(text[pieces[0][0] : pieces[0][1]]):
        label, numbers = pieces[0], pieces[1:]
        name = _closed_up(text[label[0] : label[1]])
        if not (_LABEL.match(name) or (label_end and _LABEL_END.match(name))):
            return None
        if label[3] >= spans[0][0] + 4:
            return None
    placed: dict[int, Span] = {}
    previous = -1
    for item in numbers:
        if not _VALUE.match(text[item[0] : item[1]]):
            return None
        under = [n for n, (first, last) in enumerate(spans) if item[2] <= last and item[3] >= first]
        if len(under) != 1 or under[0] <= previous:
            return None
        placed[under[0]] = item
        previous = under[0]
    return label, placed


def _title_lines(text: str, lines: list[str], starts: list[int], top: int) -> list[list[Span]]:
    """The pieces of each title line from line *top* on (at most `_MAX_TITLE_LINES`)."""
    header: list[list[Span]] = []
    for number in range(top, min(len(lines), top + _MAX_TITLE_LINES)):
        pieces = _pieces(lines[number], starts[number])
        if not pieces or not _title_line(text, lines[number], pieces):
            break
        header.append(pieces)
    return header


def _block(
    text: str, origin: list[int], lines: list[str], starts: list[int], top: int
) -> tuple[int, list[list[Cell]]] | None:
    header = _title_lines(text, lines, starts, top)
    number = top + len(header)
    if len(header) < 2 or max(len(p) for p in header) < 2:
        return None
    groups = _columns(text, header)
    if groups is None or len(groups) < 3:
        return None
    titles = [_title(text, origin, group) for group in groups]
    caption: list[Cell] = []  # a caption merged over the rows ("资金情况"), left of the labels
    if len(titles) > 3 and _CAPTION.match(titles[0].text) and ROW_LABEL_TITLE.match(titles[1].text):
        label_from = max(p[3] for p in groups[0])  # the caption's last display column
        caption, titles, groups = [titles[0]], titles[1:], groups[1:]
    else:
        label_from = -1
    if ROW_LABEL_TITLE.match(titles[0].text) or _CUT_TITLE.match(titles[0].text):
        label_title, money = titles[0], titles[1:]
        spans = [(min(p[2] for p in g), max(p[3] for p in g)) for g in groups[1:]]
        wrapped = any(len(g) > 1 for g in groups[1:])
    else:
        label_title, money = Cell("", ()), titles
        spans = [(min(p[2] for p in g), max(p[3] for p in g)) for g in groups]
        wrapped = any(len(g) > 1 for g in groups)
    label_column = min(p[2] for p in groups[0])  # where the labels' title starts
    kinds = [dated_column(title.text) for title in money]
    if not wrapped or None in kinds or not {"budget", "spent"} <= set(kinds):
        return None
    if len({title_year(title.text) for title in money} - {None}) > 1:
        return None  # columns of two years ("2022年 / 预算数", "2023年 / 预算数"): a comparison
    # the rows: (label pieces, numbers by column) in order; sections as a label alone
    rows: list[tuple[list[Span], dict[int, Span]]] = []
    pending: list[Span] = []  # a label's first part above its numbers
    full = 0
    widest = 0
    end = number
    while number < len(lines):
        line = lines[number]
        if "\t" in line or not line.strip():
            break
        pieces = _pieces(line, starts[number])
        if label_title.text and label_from < 0:
            pieces = _without_row_caption(text, pieces, label_column)
        found = _row_cells(text, pieces, spans, bool(pending))
        if found is None:
            break
        label, placed = found
        if label is not None and label[2] <= label_from:
            break  # a label in the caption's column
        label_text = "" if label is None else _closed_up(text[label[0] : label[1]])
        if placed:
            if label is None and not pending:
                break
            if not {"budget", "spent"} <= {kinds[n] for n in placed}:
                break
            rows.append(([*pending, *([label] if label else [])], placed))
            pending = []
            full += 1
            if label is not None:
                widest = max(widest, folded_width(label_text))
        elif pending or label is None:
            break
        elif _SECTION.match(label_text):
            rows.append(([label], {}))
        elif (
            _OPENS_ROW.match(label_text)
            or _NUMBERED.match(label_text)  # a numbered row's label opens a row, never ends one
            or _numbers_alone(text, lines, starts, number + 1, spans)
        ):
            pending = [label]
        elif (tail := _label_end_next(text, lines, starts, number + 1, spans)) and (
            _fills(text, label, widest) or _ROW_NAME.match(label_text + tail)
        ):
            # a label filling its column ("对个人和家庭的补" / "助   88.00") or a row's name
            # ("上年结转结余" / "资金   50.00"): its last ideographs beside the numbers
            pending = [label]
        elif _ROW_NAME.match(label_text):
            rows.append(([label], {}))  # a row whose cells are all blank ("其他资金")
        elif rows and rows[-1][1] and rows[-1][0] and _fills(text, rows[-1][0][-1], widest):
            rows[-1][0].append(label)  # the label's end, wrapped under it
        else:
            pending = [label]
        number += 1
        if not pending:
            end = number
    if full < _MIN_ROWS:
        return None
    values = [
        [text[p[0] : p[1]] if (p := placed.get(n)) else "" for n in range(len(money))]
        for _, placed in rows
        if placed
    ]
    if any(percent_off_its_column(cells, kinds) for cells in values):
        return None
    if not rates_hold(values, [t.text for t in money], kinds):
        return None
    if not balances_hold(values, [t.text for t in money], kinds):
        return None
    blank = [Cell("", ())] * len(caption)  # the caption's cell, merged: blank on every row
    out: list[list[Cell]] = [[*caption, label_title, *money]]
    for labels, placed in rows:
        joined = [_label_cell(text, origin, start, stop) for start, stop, _, _ in labels]
        cells = [
            *blank,
            Cell("".join(c.text for c in joined), tuple(o for c in joined for o in c.origin)),
        ]
        for n in range(len(money)):
            item = placed.get(n)
            cells.append(Cell("", ()) if item is None else piece(text, origin, item[0], item[1]))
        while len(cells) > 1 + len(blank) and not cells[-1].text:
            cells.pop()
        out.append(cells)
    while rows and not rows[-1][1]:
        rows.pop()
        out.pop()
        end -= 1
    return end, out


_ROW_CAPTION = re.compile(rf"^[{CJK}]{{1,6}}$")


def _without_row_caption(text: str, pieces: list[Span], label_column: int) -> list[Span]:
    """A row's pieces without the caption merged over the rows left of the labels' column and
    wrapped down its rows ("年度资金" / "情况" beside "年度资金总额" / "财政拨款"): a piece of one to
    six ideographs that ends before the labels' title starts, another piece after it."""
    first = pieces[0] if len(pieces) > 1 else None
    if first and first[3] < label_column and _ROW_CAPTION.match(text[first[0] : first[1]]):
        return pieces[1:]
    return pieces


def _closed_up(label: str) -> str:
    """A label without the single spaces a PDF left between its ideographs ("基 本 支 出")."""
    return _SPREAD.sub("", label) if " " in label else label


def _label_cell(text: str, origin: list[int], start: int, end: int) -> Cell:
    """A row label's cell, closed up (`_closed_up`), each character keeping its origin."""
    kept = [n for n in range(start, end) if not (text[n] == " " and _SPREAD.match(text, n))]
    return Cell("".join(text[n] for n in kept), tuple(origin[n] for n in kept))


def _numbers_alone(
    text: str, lines: list[str], starts: list[int], number: int, spans: list[tuple[int, int]]
) -> bool:
    """Line *number* holds numbers under the titles and no label: the label is the line above."""
    if number >= len(lines) or "\t" in lines[number]:
        return False
    found = _row_cells(text, _pieces(lines[number], starts[number]), spans)
    return found is not None and found[0] is None and bool(found[1])


def _label_end_next(
    text: str, lines: list[str], starts: list[int], number: int, spans: list[tuple[int, int]]
) -> str:
    """Line *number* is a wrapped label's last ideographs (one to three, no word of its own)
    beside numbers under the titles ("助        88.00     86.45" under "对个人和家庭的补")."""
    if number >= len(lines) or "\t" in lines[number]:
        return ""
    pieces = _pieces(lines[number], starts[number])
    if not pieces or not _LABEL_END.match(text[pieces[0][0] : pieces[0][1]]):
        return ""
    found = _row_cells(text, pieces, spans, True)
    if found is None or found[0] is None or not found[1]:
        return ""
    return text[pieces[0][0] : pieces[0][1]]


def _fills(text: str, label: Span, widest: int) -> bool:
    """A row label as wide as the widest of the block (within an ideograph): it filled its
    column, so a label alone on the next line is its end."""
    return folded_width(text[label[0] : label[1]]) >= widest - 2


_CORNER = re.compile(rf"^[{CJK}]{{2,8}}$")  # a turned block's caption over its phase titles


def _turned_block(
    text: str, origin: list[int], lines: list[str], starts: list[int], top: int
) -> tuple[int, list[list[Cell]]] | None:
    """A money block turned sideways under titles wrapped over two or three lines: the funding
    lines and economic classes as columns ("合计  基本  项目  工资福利  商品和 …" / "支出  支出
    支出  服务支出 …"), the phases as rows ("年初预算数  1,286.00  836.00 …", "预算执行率  98.06%
    …"), a caption over the rows' titles or none ("本年支出"). Rebuilt the usual way round when
    every column title is a row the readers know (a whole, 合计 / 资金总额, and two parts at
    least, none twice), one at least wrapped, every row a budget, spending or rate title with a
    cell under each column, a budget and a spending row, and the parts adding up to the whole in
    every budget and spending row (基本 + 项目, and the economic classes when all four stand
    there): the sums are the proof; a rate is carried as written (one that misses is the report's
    own contradiction, for the checks to show)."""
    header = _title_lines(text, lines, starts, top)
    number = top + len(header)
    if len(header) < 2:
        return None
    groups = _columns(text, header)
    if groups is None or len(groups) < 3:
        return None
    titles = [_title(text, origin, group) for group in groups]
    corner: Cell | None = None
    if not row_name(titles[0].text):
        if not _CORNER.match(titles[0].text) or form_column_lettered(titles[0].text) is not None:
            return None
        corner, titles, groups = titles[0], titles[1:], groups[1:]
    names = [funding_line(title.text) or economic_class(title.text) for title in titles]
    if (
        len(titles) < 3
        or None in names
        or len(set(names)) != len(names)
        or "whole" not in names
        or not any(len(group) > 1 for group in groups)
    ):
        return None
    spans = [(min(p[2] for p in g), max(p[3] for p in g)) for g in groups]
    phases: list[Cell] = []
    kinds: list[str] = []
    values: list[list[Cell]] = []
    while number < len(lines) and "\t" not in lines[number]:
        pieces = _pieces(lines[number], starts[number])
        found = _row_cells(text, pieces, spans)
        if found is None or found[0] is None or len(found[1]) != len(titles):
            break
        label, placed = found
        kind = form_column_lettered(text[label[0] : label[1]])
        if kind not in ("budget", "spent", "rate"):
            break
        phases.append(piece(text, origin, label[0], label[1]))
        kinds.append(kind)
        values.append([piece(text, origin, placed[n][0], placed[n][1]) for n in range(len(titles))])
        number += 1
    if not {"budget", "spent"} <= set(kinds):
        return None
    checks = 0
    for kind, row in zip(kinds, values, strict=True):
        if kind == "rate":
            if not all(re.fullmatch(rf"(?:{NUMBER})%", cell.text) for cell in row):
                return None
            continue
        if any("%" in cell.text for cell in row):
            return None
        amounts = dict(zip(names, (form_number(cell.text) for cell in row), strict=True))
        whole = amounts["whole"]
        for cut in (("basic", "project"), _ECONOMIC_CLASSES):
            parts = [amounts[part] for part in cut if part in amounts]
            if len(parts) != len(cut) or whole is None or None in parts:
                continue
            if sum(part for part in parts if part is not None) != whole:
                return None
            checks += 1
    if checks < 2:
        return None
    first = corner or titles[0]
    out: list[list[Cell]] = [[Cell("项目", (first.origin[0], first.origin[0])), *phases]]
    for n, title in enumerate(titles):
        out.append([title, *(row[n] for row in values)])
    return number, out


_ECONOMIC_CLASSES = ("wages", "goods_services", "households", "capital")


def wrapped_title_forms(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Money blocks of a PDF form whose column titles wrap over two or three lines → tab rows."""
    if "  " not in text:
        return text, origin

    def block_at(lines: list[str], starts: list[int], number: int) -> Block | None:
        if not _MAYBE_TITLES.match(_TITLE_YEARS.sub("", lines[number].strip())):
            return None
        return _block(text, origin, lines, starts, number) or _turned_block(
            text, origin, lines, starts, number
        )

    return rebuilt_blocks(text, origin, block_at)


_GAP = re.compile(r" {2,}")
_BRACKET_TAIL = re.compile(rf"^[{CJK}\d,、;]{{1,20}}\)$")
# the second half of a caption merged over two rows before the tail ("基本  编制数  28（行政编制22，"
# over "情况          事业编制6）")
_CAPTION_BEFORE_TAIL = re.compile(rf"^[{CJK}]{{1,4}} {{2,}}(?=\S)")


def wrapped_bracket_cells(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """A form's cell whose bracket opened on one line closes on the next, the rest of the line
    blank ("人员编制数      60（行政编制42，事业      实有人数      73" / "                编制18）"):
    the tail goes into its cell. Joined only when the cell (apart from its neighbours by two
    spaces or more) holds the only unclosed bracket of the line, the next line is that tail alone
    (ideographs, digits and separators up to the ")") and it starts at the cell's display column
    (two columns either way); otherwise the lines stay as they are."""
    lines = text.split("\n")
    starts = line_starts(text)
    runs: list[tuple[int, int, list[list[Cell]]]] = []
    for number in range(len(lines) - 1):
        line, following = lines[number], lines[number + 1]
        tail = following.strip()
        caption = _CAPTION_BEFORE_TAIL.match(tail)
        if caption and re.match(rf"[{CJK}]{{1,4}} {{2,}}", line):
            tail = tail[caption.end() :]  # the caption's second half is dropped with the tail
        else:
            caption = None
        if not _BRACKET_TAIL.match(tail) or "(" in tail or "\t" in line:
            continue
        if line.count("(") != line.count(")") + 1:
            continue
        cells = [(m.start(), m.end()) for m in re.finditer(r"\S+(?: \S+)*", line)]
        open_cells = [(a, b) for a, b in cells if line[a:b].count("(") > line[a:b].count(")")]
        if len(open_cells) != 1 or not re.search(r"\d", line[open_cells[0][0] : open_cells[0][1]]):
            continue
        begin, end = open_cells[0]
        indent = len(following) - len(following.lstrip()) + (caption.end() if caption else 0)
        if abs(folded_width(following[:indent]) - folded_width(line[:begin])) > 2:
            continue
        at = starts[number]
        joined = [
            piece(text, origin, at, at + end),
            piece(
                text, origin, starts[number + 1] + indent, starts[number + 1] + indent + len(tail)
            ),
            piece(text, origin, at + end, at + len(line)),
        ]
        row = Cell("".join(c.text for c in joined), tuple(o for c in joined for o in c.origin))
        runs.append((number, number + 2, [[row]]))
    kept: list[tuple[int, int, list[list[Cell]]]] = []
    for run in runs:
        if not kept or kept[-1][1] <= run[0]:
            kept.append(run)
    return replace_runs(text, origin, kept)
