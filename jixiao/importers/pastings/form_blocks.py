"""A form's tab rows made plain before the readers see them (a 部门整体支出绩效自评表 pasted from a
Word or WPS table, merged cells left empty or written once).

One step, three kinds of row, each proven before it is rewritten:

- a money block's rows under a header whose label column is not the first: the header names
  a row-label title (项目, 资金类别, 经济科目, a dated "2022年度预算执行情况"…) at some column and
  two form columns after it (a budget or a spending among them); the cells left of the title
  are a caption column (the block's caption "资金情况" written on its first row, the rest empty,
  or "年度部门整体支出预算执行情况" on the first body row only). Below the header, a row whose
  cells left of the label column are all words or empty (never a number) and whose label cell
  is a label with a number after it loses those cells, so its label is its first cell; the
  header itself loses them too and its label title becomes 项目. A header whose budget and
  spending titles stand on a second row under a group title ("项目\t预算执行情况\t\t\t\t分值" /
  "\t\t年初预算\t全年预算\t全年执行\t执行率") is one header row of the lower titles. A row of
  another kind (a number left of the label column, no number at all) ends the block;
- a staffing row of key/value pairs opened by a caption ("人员编制\t行政编制\t15\t事业编制\t3",
  "实有人员\t在职\t17\t退休\t6", "\t在职人数\t1032(编制内498,编外534)\t退休人数\t154"): the
  first cell words or empty, then pairs of a label and a count (a whole number, its unit or a
  bracketed split after it), one pair at least naming a staffing role (pastings.forms.pair_role)
  or a quota type (行政编制…); the caption is dropped and a count's bracket too (the split
  in it stays unread: a bracket is no pair of its own);
- the economic classes of one column written sideways ("执行数按经济分类\t工资福利支出\t商品和
  服务支出…" over "\t6,128.44\t1,806.37…"): the caption names a form column, the cells after it
  are labels, the row under it has its first cell empty and one number under each label; the
  two rows become a block "项目\t执行数" with a row per class.

Rows that are none of these stay as they are.
"""

from __future__ import annotations

import re

from jixiao.importers.pastings.cells import Cell, line_starts, piece, replace_runs, tab_cells
from jixiao.importers.pastings.forms import (
    FORM_CELL,
    LABEL,
    ROW_LABEL_TITLE,
    form_column,
    pair_role,
    row_name,
)
from jixiao.importers.patterns import CJK, NUMBER

_LABEL_TITLE = ROW_LABEL_TITLE  # the title over a block's row labels (one lexicon: forms.py)
_NUMBER_CELL = re.compile(rf"^(?:{NUMBER})\s*%?$")
# a caption cell: words, or nothing; a block caption may carry its weight ("预算执行情况(10分)")
_WORDS = re.compile(
    rf"^(?:[{CJK}()“”:、\s]"
    r"|\((?:(?:权重|分值):?\d{1,3}(?:\.\d{1,2})?分?|\d{1,3}(?:\.\d{1,2})?分)\))*$"
)
_COUNT = re.compile(r"^(?P<count>\d{1,3}(?:,\d{3})+|\d{1,6})\s*(?:人|名)?(?P<bracket>\([^()]*\))?$")
_ROW_LABEL = re.compile(rf"^[{CJK}()“”:、]{{2,24}}$")
# a split's caption before a row's label ("按支出性质:基本支出", "按经济分类:工资福利支出")
_SPLIT_CAPTION = re.compile(
    rf"^按[{CJK}]{{1,6}}(?:性质|分类|类型|来源|用途|类别):\s*(?=[{CJK}]{{2}})"
)
# a row naming the cut of the rows under it, its cells empty ("按支出性质分", "按经济分类:")
_CUT_CAPTION = re.compile(
    rf"^(?:其中:?)?\(?(?:[{CJK}]{{0,4}}按)?[{CJK}]{{1,6}}(?:性质|分类|类型|来源|用途|类别|科目)"
    r"(?:分|划分|分类)?:?\)?$"
)
_QUOTA_TYPE = re.compile(r"^(?:行政|事业|参公|工勤|机关)编制(?:数)?$")
_PAIR_KEY = re.compile(rf"^(?:其中[:]?)?[{CJK}]{{2,8}}(?:\((?:人|名)\))?$")


def _header(cells: list[str], lower: list[str] | None) -> tuple[int, list[int]] | None:
    """(the label column, the columns whose titles the lower row gives) for a block's header."""
    first = next((n for n, cell in enumerate(cells) if form_column(cell)), len(cells))
    # the label title nearest the first column title ("部门预算执行情况\t项目\t年初预算数…": 项目),
    # not a group title merged over the columns after it ("项目\t预算执行情况\t\t\t")
    column = next(
        (
            n
            for n in range(first - 1, -1, -1)
            if _LABEL_TITLE.match(cells[n].replace(" ", "")) and n + 1 < len(cells) and cells[n + 1]
        ),
        None,
    )
    if column is None:
        return None
    if any(not _WORDS.match(cell) for cell in cells[:column]):
        return None
    titles = cells[column + 1 :]
    kinds = [form_column(title) for title in titles]
    from_lower: list[int] = []
    if lower is not None and len(lower) > column + 1 and not any(lower[: column + 1]):
        lower_kinds = [_lower_kind(title) for title in lower[column + 1 :]]
        if (
            all(
                kind is not None
                for title, kind in zip(lower[column + 1 :], lower_kinds, strict=True)
                if title
            )
            and {"budget", "spent"} <= set(lower_kinds)
            and _one_group_title(cells, lower, column)
        ):
            from_lower = [column + 1 + n for n, title in enumerate(lower[column + 1 :]) if title]
            kinds = [
                lower_kinds[n] if n < len(lower_kinds) and lower[column + 1 + n] else kind
                for n, kind in enumerate(kinds + [None] * max(0, len(lower_kinds) - len(kinds)))
            ]
    if not {"budget", "spent"} <= set(kinds):
        return None
    if any(_NUMBER_CELL.match(title) for title in titles):
        return None
    return column, from_lower


def _captions_merged(
    lines: list[str], starts: list[int], n: int, column: int, from_lower: list[int]
) -> bool:
    """The cells left of the label column, down the block under the header on line *n*, are
    a merged caption: the same words on every row (a merged cell written out), or words on the
    first rows only and empty below (a merged cell written once, maybe wrapped), never a column
    of its own (each row its own words: "单位" over "本级" / "本级")."""
    if column == 0:
        return True
    rows = [[span[0] for span in tab_cells(lines[n], starts[n])]]
    at = n + 1
    if from_lower:
        rows.append([span[0] for span in tab_cells(lines[at], starts[at])])
        at += 1
    while at < len(lines) and "\t" in lines[at]:
        cells = [span[0] for span in tab_cells(lines[at], starts[at])]
        if not _body_row(cells, column):
            break
        rows.append(cells)
        at += 1
    for left in range(column):
        texts = [row[left] if left < len(row) else "" for row in rows]
        written = [text for text in texts if text]
        if len(set(written)) <= 1 and len(written) == len(texts):
            continue  # written out on every row
        at = [i for i, text in enumerate(texts) if text]
        if (
            at
            and (
                at != list(range(at[0], at[-1] + 1))  # one run of rows
                or at[0] > 1 + len(from_lower[:1])  # from the header or the first row under it
                or at[-1] == len(texts) - 1  # the last row left empty
            )
        ):
            return False
    return True


def _one_group_title(cells: list[str], lower: list[str], column: int) -> bool:
    """Over the lower titles, one group title (预算执行情况) and empty cells: a merged upper cell,
    not titles wrapped onto two rows ("年初" / "预算数", table_header's case)."""
    over = [cells[c] if c < len(cells) else "" for c in range(column + 1, len(lower)) if lower[c]]
    return (
        bool(over)
        and bool(over[0])
        and not any(over[1:])
        and form_column(over[0]) is None
        and not re.search(r"\d", over[0])  # "2023年度" over the titles: table_header's, kept
    )


def _lower_kind(title: str) -> str | None:
    """A lower title's column kind; "全年执行" under a group title 预算执行情况 is 全年执行数."""
    return form_column(title) or (form_column(f"{title}数") if title.endswith("执行") else None)


def _body_row(cells: list[str], column: int, units: bool = False) -> bool:
    """A row of the block: words or nothing left of the label column, a label in it, and after
    it numbers, rates, dashes or empty cells only (with *units*, amounts with their money unit,
    "912.40万元", too)."""
    return (
        len(cells) > column + 1
        and all(_WORDS.match(cell) for cell in cells[:column])
        and bool(_ROW_LABEL.match(cells[column].replace(" ", "")))
        and all(
            not cell or FORM_CELL.match(cell) or (units and _UNIT_CELL.match(cell))
            for cell in cells[column + 1 :]
        )
    )


_UNIT_CELL = re.compile(rf"^(?:{NUMBER})\s*(亿元|万元|千元|元)$")


def _cell_unit(lines: list[str], starts: list[int], n: int, column: int) -> str | None:
    """The money unit every amount cell of the block from line *n* on carries ("912.40万元",
    one unit, no bare amount beside them; rates and dashes aside); None otherwise."""
    units: set[str | None] = set()
    while n < len(lines) and "\t" in lines[n]:
        cells = [span[0] for span in tab_cells(lines[n], starts[n])]
        if _caption_row(cells, column):
            n += 1
            continue
        if not _body_row(cells, column, units=True):
            break
        for text in cells[column + 1 :]:
            match = _UNIT_CELL.match(text)
            if match:
                units.add(match.group(1))
            elif text and "%" not in text and not re.fullmatch(r"[-—/]{1,2}", text):
                units.add(None)
        n += 1
    return next(iter(units)) if len(units) == 1 and None not in units else None


_CAPTION_UNIT = re.compile(
    r"\((?:金额)?(?:单位:?)?(亿元|万元|千元|元)\)|(?:金额)?单位:?\s*(亿元|万元|千元|元)$"
)


def _caption_unit(
    lines: list[str], starts: list[int], n: int, column: int
) -> tuple[str, int, int] | None:
    """The money unit written in the caption cells left of a block's label column, on its header
    row or the row under it ("资金情况(万元)", "预算执行情况(单位:元)"): (unit, its span)."""
    found: set[str] = set()
    first: tuple[str, int, int] | None = None
    for at in (n, n + 1):
        if at >= len(lines) or column == 0:
            continue
        for text, start, _end in tab_cells(lines[at], starts[at])[:column]:
            for match in _CAPTION_UNIT.finditer(text):
                group = 1 if match.group(1) else 2
                found.add(match.group(group))
                if first is None:
                    first = (
                        match.group(group),
                        start + match.start(group),
                        start + match.end(group),
                    )
    return first if len(found) == 1 else None


def _wrapped_label(cells: list[str], above: str, column: int) -> str | None:
    """The end of a row label wrapped onto a line of its own under the row ("助" under "对个人和家庭
    的补 | 121.40 | …"): one short cell of ideographs alone on the line (in any column: a paste may
    shift it), the row above a row of the block whose label joined with it is a row title the
    readers know (row_name) and alone is none; None otherwise."""
    written = [cell for cell in cells if cell]
    if len(written) != 1 or not re.fullmatch(rf"[{CJK}()]{{1,4}}", written[0]):
        return None
    upper = [span[0] for span in tab_cells(above, 0)]
    if not _body_row(upper, column) or not any(upper[column + 1 :]):
        return None
    label = upper[column].replace(" ", "")
    if row_name(label) or not row_name(label + written[0]):
        return None
    return written[0]


def _sub_header(cells: list[str], column: int, titles: list[str]) -> list[int] | None:
    """Where each title of a second header row inside a block stands among the block's titles
    (its label cell empty, a cut's caption "按经济分类" or a label title; each title after it one
    of the block's, in the block's order, a spending title among them, two or more); None when
    the row is no such header."""
    if len(cells) <= column + 2 or any(cells[:column]):
        return None
    label = cells[column].replace(" ", "")
    if label and not (_CUT_CAPTION.match(label) or _LABEL_TITLE.match(label)):
        return None
    names = [cell.replace(" ", "") for cell in cells[column + 1 :]]
    while names and not names[-1]:
        names.pop()
    if len(names) < 2 or "spent" not in {form_column(name) for name in names}:
        return None
    at: list[int] = []
    for name in names:
        if name not in titles or (at and titles.index(name) <= at[-1]):
            return None
        at.append(titles.index(name))
    return at


def _corner_header(cells: list[str], lower: list[str] | None) -> bool:
    """A block's header whose label title is a cell left empty ("\t年初预算数\t调整预算数\t执行数
    \t执行率"): every other title a form column, a budget and a spending among them, and a row of
    the block under it."""
    kinds = [form_column(cell.replace(" ", "")) for cell in cells[1:]]
    return (
        len(cells) >= 3
        and not cells[0]
        and all(kinds)
        and {"budget", "spent"} <= set(kinds)
        and lower is not None
        and _body_row(lower, 0)
    )


_BORDER = re.compile(r"[│┃║|]")


def _lined_up(
    original: str | None,
    origin: list[int],
    starts: list[int],
    n: int,
    column: int,
    lines: list[str],
) -> bool:
    """Line *n* (a wrapped label's end) and the row above line up as written: in a drawn table
    their borders stand at the same display columns (a border shifted or a cell fewer and they
    are two rows); pasted with tabs, the piece stands in the label's cell."""
    if original is None:
        return True
    written = []
    for at in (n - 1, n):
        begin = origin[starts[at]] if starts[at] < len(origin) else len(original)
        first = original.rfind("\n", 0, begin) + 1
        last = original.find("\n", begin)
        written.append(original[first : last if last >= 0 else len(original)].rstrip())
    if not _BORDER.search(written[1]):
        cells = lines[n].split("\t")
        return column < len(cells) and bool(cells[column].strip())
    borders = [[_width(line[: m.start()]) for m in _BORDER.finditer(line)] for line in written]
    return borders[0] == borders[1]


def _width(text: str) -> int:
    """Display width as written (an ideograph or a full-width sign 2, anything else 1)."""
    return sum(2 if ord(char) >= 0x2E80 else 1 for char in text)


def _caption_row(cells: list[str], column: int) -> bool:
    """A money block's row naming the cut of the rows under it ("按支出性质分", "其中:按经济分类",
    "按资金来源") with its other cells empty."""
    return (
        len(cells) > column
        and all(_WORDS.match(cell) for cell in cells[:column])
        and bool(_CUT_CAPTION.match(cells[column].replace(" ", "")))
        and not any(cells[column + 1 :])
    )


def _pair_row(cells: list[str]) -> list[tuple[int, int]] | None:
    """The (key, count) cell indices of a staffing row of pairs opened by a caption."""
    while cells and not cells[-1]:
        cells = cells[:-1]
    if len(cells) < 5 or len(cells) % 2 == 0 or not _WORDS.match(cells[0]):
        return None
    pairs = [(n, n + 1) for n in range(1, len(cells), 2)]
    if not all(_PAIR_KEY.match(cells[k]) and _COUNT.match(cells[v]) for k, v in pairs):
        return None
    if not any(pair_role(cells[k]) or _QUOTA_TYPE.match(cells[k]) for k, _ in pairs):
        return None
    return pairs


def _sideways(cells: list[str], below: list[str]) -> str | None:
    """The column title a sideways block of economic classes names, or None."""
    caption = cells[0]
    match = re.search(r"(?:执行数|支出数|决算数|预算数)", caption)
    if match is None or "分类" not in caption or len(cells) < 3:
        return None
    labels = cells[1:]
    while below and not below[-1]:
        below = below[:-1]
    if below[:1] != [""] or len(below) != len(cells):
        return None
    if not all(LABEL.match(label) for label in labels):
        return None
    if not all(_NUMBER_CELL.match(value) and "%" not in value for value in below[1:]):
        return None
    title = match.group(0)
    return title if form_column(title) in ("budget", "spent") else None


_PART_OPENER = re.compile(r"^(?:其中:?|)$")


def _labels_over_two_columns(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """A block whose row labels take two columns, the label title merged over both ("项目\t\t
    全年预算数\t全年执行数"): a whole's label in the first cell, the second left empty
    ("年度资金总额\t\t912.40\t887.15"), a part's in the second under 其中, a cut's caption or
    nothing in the first ("其中\t财政拨款\t800.00…", "\t其他资金\t…", "按支出性质\t基本支出\t…").
    Each row keeps one label cell; a row with labels in both cells (a part named beside its
    parent: "基本支出\t人员经费\t…"), or any other row, ends the block."""
    lines = text.split("\n")
    starts = line_starts(text)
    runs: list[tuple[int, int, list[list[Cell]]]] = []
    n = 0
    while n < len(lines):
        cells = tab_cells(lines[n], starts[n])
        texts = [c[0] for c in cells]
        kinds = [form_column(t.replace(" ", "")) for t in texts[2:]]
        if not (
            len(texts) >= 4
            and _LABEL_TITLE.match(texts[0].replace(" ", ""))
            and not texts[1]
            and all(kinds)
            and {"budget", "spent"} <= set(kinds)
        ):
            n += 1
            continue
        head = (
            piece(text, origin, cells[0][1], cells[0][2])  # a dated title stays as written
            if re.search(r"\d", texts[0])
            else Cell("项目", (origin[cells[0][1]],) * 2)
        )
        rows: list[list[Cell]] = [[head, *(piece(text, origin, c[1], c[2]) for c in cells[2:])]]
        below = n + 1
        while below < len(lines) and "\t" in lines[below]:
            row = tab_cells(lines[below], starts[below])
            words = [c[0] for c in row]
            if len(words) < 3 or not all(not w or FORM_CELL.match(w) for w in words[2:]):
                break
            first, second = words[0].replace(" ", ""), words[1].replace(" ", "")
            if first and not second and _ROW_LABEL.match(first):
                label = row[0]
            elif (
                second
                and _ROW_LABEL.match(second)
                and (_PART_OPENER.match(first) or _CUT_CAPTION.match(first))
            ):
                label = row[1]
            else:
                break
            rows.append(
                [piece(text, origin, label[1], label[2])]
                + [piece(text, origin, c[1], c[2]) for c in row[2:]]
            )
            below += 1
        if len(rows) >= 3 and any(
            words[1]
            for words in (
                [c[0] for c in tab_cells(lines[k], starts[k])] for k in range(n + 1, below)
            )
        ):
            runs.append((n, below, rows))
        n = max(below, n + 1)
    return replace_runs(text, origin, runs)


def form_block_rows(
    text: str, origin: list[int], original: str | None = None
) -> tuple[str, list[int]]:
    """A form's tab rows made plain (see the module's docstring); *original* is the text as
    written (the borders of a drawn table, to see that a wrapped label's lines line up)."""
    if "\t" not in text:
        return text, origin
    text, origin = _labels_over_two_columns(text, origin)
    lines = text.split("\n")
    starts = line_starts(text)
    runs: list[tuple[int, int, list[list[Cell]]]] = []

    def cell(span: tuple[str, int, int]) -> Cell:
        return piece(text, origin, span[1], span[2])

    def titled(span: tuple[str, int, int]) -> Cell:
        # the label title as the readers know it, its origin the title's first character; a
        # dated title ("2022年度预算执行情况") stays as written: its year is the readers' to weigh
        if re.search(r"\d", span[0]):
            return cell(span)
        return Cell("项目", tuple(origin[span[1] : span[1] + 1]) * 2)

    n = 0
    column: int | None = None
    titles: list[str] = []  # the block's column titles, right of its label column
    layout: list[int] | None = None  # a sub-block's columns among the block's (see _sub_header)
    pending: int | None = None  # the sub-block's header line, dropped with the row under it
    bare = False  # the block's amounts carry their unit, made bare under the title's
    while n < len(lines):
        if "\t" not in lines[n]:
            column = None
            n += 1
            continue
        spans = tab_cells(lines[n], starts[n])
        texts = [span[0] for span in spans]
        lower = None
        if n + 1 < len(lines) and "\t" in lines[n + 1]:
            lower = [span[0] for span in tab_cells(lines[n + 1], starts[n + 1])]
        if column is not None and titles and lower is not None:
            sub = _sub_header(texts, column, titles)
            if sub is not None and _body_row(lower, column) and len(lower) <= column + 1 + len(sub):
                # a second header inside the block naming some of its columns ("按经济分类 |
                # 调整预算数 | 执行数" under "项目 | 年初预算数 | 调整预算数 | 执行数 | 执行率"):
                # it goes, and its rows take their cells' places under the block's titles
                layout, pending = sub, n
                n += 1
                continue
        header = _header(texts, lower)
        if header is not None and not _captions_merged(lines, starts, n, *header):
            header = None  # a column of its own left of the labels ("单位" over "本级"…)
        if header is None and _corner_header(texts, lower):
            # a block whose label title is a cell left empty: read as written, its titles kept
            column, titles, layout, bare = 0, [t.replace(" ", "") for t in texts[1:]], None, False
            n += 1
            continue
        if header is not None:
            column, from_lower = header
            layout = None
            row = [titled(spans[column])]
            unit = _caption_unit(lines, starts, n, column)
            in_cells = _cell_unit(lines, starts, n + 1 + len(from_lower[:1]), column)
            if in_cells is not None and not re.search(r"元", row[0].text):
                if unit is not None and unit[0] != in_cells:
                    in_cells = None  # the caption and the cells disagree: left as written
                elif unit is None:
                    # every amount with its unit ("912.40万元"): the title states it, the cells
                    # are bare amounts below
                    at = row[0].origin[0]
                    row[0] = Cell(
                        f"{row[0].text}({in_cells})", (*row[0].origin, *[at] * (len(in_cells) + 2))
                    )
            if unit is not None and not re.search(r"元", row[0].text):
                # the unit the dropped caption cell carried ("资金情况(万元)"): the title's now
                row[0] = Cell(
                    f"{row[0].text}({unit[0]})",
                    (
                        *row[0].origin,
                        origin[unit[1]],
                        *origin[unit[1] : unit[2]],
                        origin[unit[2] - 1],
                    ),
                )
            if from_lower:
                below = tab_cells(lines[n + 1], starts[n + 1])
                width = max(len(spans), len(below))
                for c in range(column + 1, width):
                    if c in from_lower:
                        title = cell(below[c])
                        if form_column(title.text) is None:  # "全年执行" → "全年执行数"
                            title = Cell(f"{title.text}数", (*title.origin, title.origin[-1]))
                        row.append(title)
                    elif c < len(spans):
                        row.append(cell(spans[c]))
                while len(row) > 1 and not row[-1].text:
                    row.pop()
                runs.append((n, n + 2, [row]))
                n += 2
            else:
                row.extend(cell(span) for span in spans[column + 1 :])
                if [c.text for c in row] != texts:  # not already plain
                    runs.append((n, n + 1, [row]))
                n += 1
            titles = [c.text.replace(" ", "") for c in row[1:]]
            bare = in_cells is not None
            continue
        if (
            column is not None
            and n > 0
            and (wrapped := _wrapped_label(texts, lines[n - 1], column))
            and _lined_up(original, origin, starts, n, column, lines)
        ):
            # the end of the row above's label, wrapped onto a line of its own ("对个人和家庭的补"
            # / "助"): the row above takes it
            above = tab_cells(lines[n - 1], starts[n - 1])
            row = [cell(span) for span in above[column:]]
            if runs and runs[-1][1] == n:
                start, _, rows = runs.pop()
                row = rows[-1]
            else:
                start = n - 1
            tail = next(span for span in spans if span[0])
            row[0] = Cell(row[0].text + wrapped, (*row[0].origin, *origin[tail[1] : tail[2]]))
            runs.append((start, n + 1, [row]))
            n += 1
            continue
        if column is not None and (
            _body_row(texts, column, units=bare) or _caption_row(texts, column)
        ):
            first, pending = (n if pending is None else pending), None
            if _caption_row(texts, column):
                # a cut's caption row ("按支出性质分", "按经济分类", its cells empty) goes: the
                # row under it, when one of the block, is read as any other row
                below = (
                    [span[0] for span in tab_cells(lines[n + 1], starts[n + 1])]
                    if n + 1 < len(lines)
                    else []
                )
                if not _body_row(below, column) or _caption_row(below, column):
                    column = None
                    n += 1
                    continue
                n += 1
                spans = tab_cells(lines[n], starts[n])
            row = [cell(span) for span in spans[column:]]
            if bare:  # "912.40万元" → "912.40": the title states the unit
                row = [row[0]] + [
                    Cell(
                        c.text[: m.start(1)].rstrip(),
                        c.origin[: len(c.text[: m.start(1)].rstrip())],
                    )
                    if (m := _UNIT_CELL.match(c.text))
                    else c
                    for c in row[1:]
                ]
            split = _SPLIT_CAPTION.match(row[0].text)
            if split:  # "按支出性质:基本支出" → "基本支出"
                row[0] = Cell(row[0].text[split.end() :], row[0].origin[split.end() :])
            if layout is not None:
                placed = [row[0]] + [Cell("", ()) for _ in titles]
                for at, value in zip(layout, row[1:], strict=False):
                    placed[1 + at] = value
                while len(placed) > 1 and not placed[-1].text:
                    placed.pop()
                row = placed
            if column > 0 or split or first < n or layout is not None or bare:
                runs.append((first, n + 1, [row]))
            n += 1
            continue
        column, titles, layout, bare = None, [], None, False
        if lower is not None and (title := _sideways(texts, lower)):
            below = tab_cells(lines[n + 1], starts[n + 1])
            first = spans[0]
            at = first[1] + first[0].index(title)
            head = [titled(first), Cell(title, tuple(origin[at : at + len(title)]))]
            rows = [head] + [[cell(spans[c]), cell(below[c])] for c in range(1, len(spans))]
            runs.append((n, n + 2, rows))
            n += 2
            continue
        pairs = _pair_row(texts)
        if pairs is not None:
            # the caption's cell left empty (the staffing reader passes over merged cells left
            # empty), each count as a bare whole number ("1,186人" → "1186", "1032(编制内498…)"
            # → "1032")
            # a caption naming the people there now (实有人员) stays: it makes bare role words
            # (在职 / 退休 / 遗属) head-counts for the staffing reader
            head_count = re.fullmatch(r"(?:实有|现有)(?:人员|人数)(?:情况)?", texts[0].strip())
            row = [cell(spans[0]) if head_count else Cell("", ())]
            for k, v in pairs:
                count = _COUNT.match(texts[v])
                assert count is not None
                at = spans[v][1]
                digits = [i for i in range(at, at + count.end("count")) if text[i] != ","]
                row.append(cell(spans[k]))
                row.append(Cell("".join(text[i] for i in digits), tuple(origin[i] for i in digits)))
            if [c.text for c in row] != texts[: len(row)] or len(texts) != len(row):
                runs.append((n, n + 1, [row]))
        n += 1
    return replace_runs(text, origin, runs)
