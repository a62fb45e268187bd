"""PDF text layers of forms whose money block is aligned by runs of spaces, or by single spaces:
a title line whose last cells are form columns the readers know ("上年执行数  预算数  执行数
执行率", "年初预算数 全年预算数(A) 全年执行数(B) 分值 执行率(B/A) 得分", "2022年预算数"), the
caption column before them wrapped over two lines ("资金" / "情况", "预算" / "执行" / "情况"), and
rows of a label and its cells ("/" or "—" for a cell left empty), the label in the second
column when a caption word stands in the first ("按经济    工资福利支出   10,238,000.00 …").
An OCR's titles (one space apart) may wrap over two lines ("项目 年初 全年 全年 执行率 分值 得分" /
"预算数 预算数 执行数"): each head of the upper line takes the lower line's next word in order,
taken only when exactly one split of caption and titles makes every title a form column.

A row's label may be numbered ("1.人员经费"), open with the cut it belongs to ("按来源:一般公共预算",
dropped) or be spread out one ideograph a token by an OCR's single spaces ("按性质:基 本 支 出",
closed up, taken whole only when it is then a row the readers know), or wrap onto two lines (its
head alone above the row, "对个人和家庭的" / "补助  530.00 …", or its last ideographs alone under
it, "助"), joined only when it is then a row the readers know and was none. A row's cells are put
under the titles one for one when it has as many as there are titles; a row that leaves only the
score columns at the end blank (分值 / 得分, on the total row alone), its last cell a rate under the rate
title, is put under the first titles (its rate, checked below, proves it); a row of two amounts
alone (an economic class's, "工资福利支出  10,238,000.00  10,215,604.12") is its budget and its
spending when the block has one budget title and one spending title; any other
row of cells leaves the whole block as it is (a PDF's spaces do not say which title a cell
stands under, and a block read in part would be read wrong by the passes after this one). The
block ends at the first line that is not such a row (a label alone, a page number, prose; a cut's
caption alone, "按经济分类:", over a row of the block is kept as a line of its own and the block
goes on) and is rebuilt as tab rows only when it is proven: a budget and a spending title, two
rows at least filling both, every balance (结余) its budget less its spending, and every rate
written its row's spending over its budget, or else the rows under the total cutting it whole in
every money column (form_cuts.py; a rate that misses is then the report's own, for the checks).
Otherwise the lines are left as they are.
"""

from __future__ import annotations

import re

from jixiao.importers.pastings.cells import (
    Block,
    Cell,
    piece,
    rebuilt_blocks,
)
from jixiao.importers.pastings.form_cuts import cuts_add_up
from jixiao.importers.pastings.forms import (
    FORM_CELL,
    ROW_LABEL_TITLE,
    Span,
    as_written_rates,
    balances_hold,
    dated_column,
    display_spans,
    form_column_lettered,
    percent_off_its_column,
    rates_checked,
    rates_hold,
    row_name,
    title_year,
)
from jixiao.importers.patterns import CJK

_TOKEN = re.compile(r"\S+")
_YEAR = re.compile(r"^(?:19|20)\d{2}年(?:度)?")
_ADJUSTED = re.compile(r"\((?:调整后|调整数|变动后)\)$")
# a caption word: up to six ideographs, or a block's whole caption ending on 情况 ("年度预算执行情况")
_CAPTION_WORD = re.compile(rf"^[{CJK}]{{1,6}}$|^[{CJK}]{{2,6}}情况$|^\(\d{{1,3}}分\)$")
# a row's number in a list of the rows ("一、基本支出", "1.人员经费", "(2)公用经费")
_LIST_MARK = r"(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.、]|\([一二三四五六七八九十\d]{1,3}\))"
_LABEL = re.compile(rf"^(?:其中[:：]?|{_LIST_MARK})?[{CJK}“”、]{{2,16}}[:：]?$")
# the cut a row's label opens with, merged into its cell ("按来源:一般公共预算", "按性质:基本支出")
_CUT_OPENER = re.compile(
    rf"^按[{CJK}]{{0,6}}(?:性质|分类|类型|来源|用途|类别)(?:分|划分)?:(?=[{CJK}])"
)
# a line naming the cut of the rows under it ("按经济分类:", "按支出性质分", "其中:")
_CUT_CAPTION = re.compile(rf"^(?:其中:?|按[{CJK}]{{1,8}}(?:分类?|性质|来源|用途)?:?)$")
_IDEOGRAPH = re.compile(rf"^[{CJK}]$")
# a row label's head alone on its line, and its tail before the row's cells on the next
_HEAD = re.compile(rf"^(?:其中:?)?[{CJK}()“”、]{{2,16}}$")
_TAIL = re.compile(rf"^[{CJK}()“”]{{1,8}}$")
_MAX_SPREAD = 8  # the ideographs of a label spread out by single spaces ("基 本 支 出")
_MIN_ROWS = 2
_MAX_CAPTION = 3


def _tokens(line: str, at: int) -> list[Span]:
    return display_spans(line, at, _TOKEN)


def _kind(title: str) -> str | None:
    """A title's form column; "prior" for last year's ("上年执行数"), a column not read."""
    title = _ADJUSTED.sub("", _YEAR.sub("", title))
    if title.startswith("上年") and form_column_lettered(title[2:] or "-") is not None:
        return "prior"
    return dated_column(title) if title else None


def _header(text: str, tokens: list[Span]) -> tuple[list[Span], list[Span], list[str]] | None:
    """(caption tokens, title tokens, kinds) when the line's last tokens are form titles."""
    words = [text[s:e] for s, e, _, _ in tokens]
    kinds = [_kind(word) for word in words]
    first = len(words)
    while first > 0 and kinds[first - 1] is not None:
        first -= 1
    titles = kinds[first:]
    if "budget" not in titles or "spent" not in titles or len(titles) < 2:
        return None
    if first > _MAX_CAPTION or not all(_CAPTION_WORD.match(w) for w in words[:first]):
        return None
    if not _one_year(words[first:]):
        return None
    return tokens[:first], tokens[first:], [k for k in titles if k]


def _single_spaced(line: str) -> bool:
    """A line whose words stand apart by one space each (an OCR's), no tab."""
    return "\t" not in line and "  " not in line.strip()


def _one_year(titles: list[str]) -> bool:
    """The titles name one year at most ("2022年预算数" beside "2023年执行数" is a comparison)."""
    return len({title_year(title) for title in titles} - {None}) <= 1


def _wrapped_header(
    text: str, origin: list[int], upper: list[Span], lower: list[Span]
) -> tuple[list[Span], list[Cell], list[str]] | None:
    """(caption tokens, title cells, kinds) of titles wrapped over two lines by an OCR's single
    spaces ("项目 年初 全年 全年 执行率 分值 得分" / "预算数 预算数 执行数"): after the caption words,
    each title of the upper line is whole (a form column) or a head that, joined with the lower
    line's next word in order, is one; the lower line's words are as many as the heads (one
    caption word before them, a caption wrapped too, aside, when no caption word joined with it
    is a title). Taken only when exactly one split of caption and titles does that, a budget and
    a spending among the titles."""
    words = [text[s:e] for s, e, _, _ in upper]
    tails = [text[s:e] for s, e, _, _ in lower]
    if not tails or not all(_CAPTION_WORD.match(tail) for tail in tails) or not _one_year(words):
        return None
    found = []
    for first in range(min(_MAX_CAPTION, len(words) - 1) + 1):
        if not all(_CAPTION_WORD.match(word) for word in words[:first]):
            break
        heads = [n for n in range(first, len(words)) if _kind(words[n]) is None]
        aside = len(tails) - len(heads)
        if aside not in (0, 1) or any(ROW_LABEL_TITLE.match(words[n]) for n in heads):
            continue
        if aside and any(_kind(word + tails[0]) for word in words[:first]):
            continue  # the word set aside is a title's tail ("年初" / "预算数"), not a caption's
        kinds = [
            _kind(words[n] + tails[aside + heads.index(n)]) if n in heads else _kind(words[n])
            for n in range(first, len(words))
        ]
        if None not in kinds and {"budget", "spent"} <= set(kinds):
            found.append((first, heads, aside, kinds))
    if len(found) != 1:
        return None
    first, heads, aside, kinds = found[0]
    titles = []
    for n in range(first, len(words)):
        cell = _title(text, origin, upper[n][0], upper[n][1])
        if n in heads:
            tail = lower[aside + heads.index(n)]
            cell = Cell(
                cell.text + text[tail[0] : tail[1]], cell.origin + tuple(origin[tail[0] : tail[1]])
            )
        titles.append(cell)
    return upper[:first], titles, [kind for kind in kinds if kind]


def _heads_above(
    text: str, origin: list[int], upper: list[Span], lower: list[Span]
) -> tuple[list[Span], list[Cell], list[str], list[tuple[int, int]]] | None:
    """(caption tokens, title cells, kinds, title columns) of titles wrapped by an OCR's single
    spaces with the heads alone on the upper line ("年初预 全年预 全年执") and the lower line
    holding the labels' title, the whole titles and the tails in order ("项目 算数 算数 行数
    执行率"): each head joined with the lower line's next word that is no title alone. Taken only
    when exactly one split of caption words (upper and lower) and titles does that, every title
    then a form column, a budget and a spending among them."""
    words = [text[s:e] for s, e, _, _ in upper]
    below = [text[s:e] for s, e, _, _ in lower]
    if not _one_year(words):
        return None
    found = []
    for up in range(min(_MAX_CAPTION, len(words) - 1) + 1):
        heads = words[up:]
        if not all(_CAPTION_WORD.match(word) for word in words[:up]):
            break
        if any(_kind(head) or ROW_LABEL_TITLE.match(head) for head in heads) or any(
            _kind(word + tail) for word in words[:up] for tail in below
        ):
            continue  # a title alone above, or a caption word that is a title's head
        for low in range(min(_MAX_CAPTION, len(below) - 1) + 1):
            caption = below[:low]
            if not all(_CAPTION_WORD.match(w) or ROW_LABEL_TITLE.match(w) for w in caption):
                break
            tails = [n for n in range(low, len(below)) if _kind(below[n]) is None]
            if len(tails) != len(heads) or any(
                _kind(head + tail) for head in words for tail in caption
            ):
                continue  # a caption word that is a title's tail ("年初预" / "算数")
            kinds = [
                _kind(heads[tails.index(n)] + below[n]) if n in tails else _kind(below[n])
                for n in range(low, len(below))
            ]
            if None not in kinds and {"budget", "spent"} <= set(kinds):
                found.append((up, low, tails, kinds))
    if len(found) != 1:
        return None
    up, low, tails, kinds = found[0]
    titles = []
    for n in range(low, len(below)):
        cell = _title(text, origin, lower[n][0], lower[n][1])
        if n in tails:
            head = upper[up + tails.index(n)]
            cell = Cell(
                text[head[0] : head[1]] + cell.text,
                tuple(origin[head[0] : head[1]]) + cell.origin,
            )
        titles.append(cell)
    columns = [(first, last) for _, _, first, last in lower[low:]]
    return [*upper[:up], *lower[:low]], titles, [k for k in kinds if k], columns


def _row(text: str, tokens: list[Span]) -> tuple[list[int], list[Span]] | None:
    """(label, cells) of a row: caption words, its label, then its cells only; the label as the
    offsets of its characters in *text* (`_label`)."""
    words = [text[s:e] for s, e, _, _ in tokens]
    cells = len(words)
    while cells > 0 and FORM_CELL.match(words[cells - 1]):
        cells -= 1
    if cells == 0 or cells == len(words):
        return None
    first = _label_start(words, cells - 1)
    if first >= _MAX_CAPTION:
        return None
    if not all(_CAPTION_WORD.match(w) for w in words[:first]):
        return None
    label = _label(text, tokens[first][0], tokens[cells - 1][1])
    if not _LABEL.match("".join(text[n] for n in label)):
        return None
    return label, tokens[cells:]


def _label_start(words: list[str], last: int) -> int:
    """The token a row's label starts at, its last token *last*: that token, or a label spread
    out by single spaces one ideograph a token ("基 本 支 出", "按性质:基 本 支 出", a caption
    word before it or none), taken whole only when, closed up (`_label`), it is a row the readers
    know (row_name)."""
    for first in range(max(0, last - _MAX_SPREAD), last):
        if not all(_IDEOGRAPH.match(word) for word in words[first + 1 : last + 1]):
            continue
        joined = "".join(words[first : last + 1])
        opener = _CUT_OPENER.match(joined)
        if row_name(joined[opener.end() :] if opener else joined):
            return first
    return last


def _label(text: str, start: int, end: int) -> list[int]:
    """The offsets in *text* of a row label's characters from *start* to *end*: the spaces
    between its ideographs dropped, a cut's caption merged before it ("按来源:") dropped too, a
    colon after it too."""
    kept = [n for n in range(start, end) if text[n] != " "]
    opener = _CUT_OPENER.match("".join(text[n] for n in kept))
    if opener:
        kept = kept[opener.end() :]
    while kept and text[kept[-1]] in ":：":
        kept.pop()
    return kept


def _placed(
    cells: list[Span], kinds: list[str], written: list[str], columns: list[tuple[int, int]]
) -> list[Span | None] | None:
    """The cells under the titles: one for one, a row of two amounts alone (an economic class's)
    as its budget and its spending when the block has one of each, or each cell under the one
    title its display columns overlap (`_under_titles`; its rate must then prove it, see
    `_rate_proves`)."""
    if len(cells) == len(kinds):
        return list(cells)
    if _scores_left_blank(kinds, written):
        return [*cells, *[None] * (len(kinds) - len(cells))]
    if (
        len(cells) == 2
        and kinds.count("budget") == 1
        and kinds.count("spent") == 1
        and all(cell[:1].isdigit() and "%" not in cell for cell in written)
    ):
        placed: list[Span | None] = [None] * len(kinds)
        placed[kinds.index("budget")], placed[kinds.index("spent")] = cells
        return placed
    return _under_titles(cells, columns) or _by_their_kind(cells, kinds, written)


def _under_titles(cells: list[Span], columns: list[tuple[int, int]]) -> list[Span | None] | None:
    """A row that leaves cells blank (分值 between the spending and the rate, on the total row
    only), its cells each standing under one title of its own: its display columns overlap that
    title's and no other's, left to right (a PDF's text layer keeps the columns' places). None
    when a cell stands under no title or under two."""
    placed: list[Span | None] = [None] * len(columns)
    last = -1
    for cell in cells:
        under = [n for n, (first, end) in enumerate(columns) if cell[2] <= end and cell[3] >= first]
        if len(under) != 1 or under[0] <= last:
            return None
        last = under[0]
        placed[last] = cell
    return placed


def _by_their_kind(
    cells: list[Span], kinds: list[str], written: list[str]
) -> list[Span | None] | None:
    """A row of an OCR's single spaces, its blank cells gone (分值 blank between the spending and
    the rate): its amounts under the money titles in order, as many as they are, its last cell
    under the block's one rate title (its rate must then prove it, see `_rate_proves`)."""
    money = [n for n, kind in enumerate(kinds) if kind in ("budget", "spent")]
    rates = [n for n, kind in enumerate(kinds) if kind == "rate"]
    if len(rates) != 1 or len(cells) != len(money) + 1 or rates[0] < max(money):
        return None
    if not all(cell[:1].isdigit() and "%" not in cell for cell in written[:-1]):
        return None
    placed: list[Span | None] = [None] * len(kinds)
    for n, cell in zip(money, cells, strict=False):
        placed[n] = cell
    placed[rates[0]] = cells[-1]
    return placed


def _scores_after(placed: list[Span | None], cells: list[Span], kinds: list[str]) -> bool:
    """The cells stand under the first titles, in order, and only score columns (分值 / 得分, on
    the total row alone) are left blank after them, the block stating no rate (a rate written
    proves its row instead, see `_rate_proves`)."""
    filled = len(cells)
    return (
        "rate" not in kinds
        and placed[:filled] == cells
        and all(kind == "score" for kind in kinds[filled:])
    )


def _rate_proves(written: list[str], titles: list[Cell], kinds: list[str]) -> bool:
    """The row's rate, under the rate title ("93.52%", or "93.52" under "执行率(%)"), is its
    spending over its budget: the cells stand where they were placed."""
    names = [title.text for title in titles]
    as_rates = [
        as_written_rates(name, [cell])[0] if kind == "rate" else cell
        for name, kind, cell in zip(names, kinds, written, strict=True)
    ]
    return bool(rates_checked([as_rates], names, list(kinds)))


def _scores_left_blank(kinds: list[str], written: list[str]) -> bool:
    """A row that leaves its last columns blank, all of them score columns (分值 / 得分 on the
    total row only), its last cell a rate under the rate title: its cells stand under the first
    titles (the rate, checked against its row's budget and spending, proves it)."""
    filled = len(written)
    return (
        0 < filled < len(kinds)
        and all(kind == "score" for kind in kinds[filled:])
        and kinds[filled - 1] == "rate"
        and written[-1].endswith("%")
        and {"budget", "spent"} <= set(kinds[:filled])
    )


def _block(
    text: str, origin: list[int], lines: list[str], starts: list[int], number: int
) -> tuple[int, list[list[Cell]]] | None:
    """(the line after the block, its tab rows) for a block whose title line is *number*, or
    None when the block is not proven."""
    tokens = _tokens(lines[number], starts[number])
    found = _header(text, tokens)
    if found is not None:
        caption, spans, kinds = found
        titles = [_title(text, origin, s, e) for s, e, _, _ in spans]
        columns = [(first, last) for _, _, first, last in spans]
        at = number + 1
    elif (
        number + 1 < len(lines)
        and _single_spaced(lines[number])
        and _single_spaced(lines[number + 1])
    ):
        # titles wrapped by an OCR's single spaces (a PDF's runs of spaces: pdf_forms.py's, by
        # display column)
        lower = _tokens(lines[number + 1], starts[number + 1])
        wrapped = _wrapped_header(text, origin, tokens, lower)
        if wrapped is not None:
            caption, titles, kinds = wrapped
            columns = [(first, last) for _, _, first, last in tokens[len(caption) :]]
        elif (below := _heads_above(text, origin, tokens, lower)) is not None:
            caption, titles, kinds, columns = below
        else:
            return None
        at = number + 2
    else:
        return None
    caption_text = "".join(text[s:e] for s, e, _, _ in caption)
    caption_cells = [piece(text, origin, s, e) for s, e, _, _ in caption]
    # the caption's second line alone ("情况") right under it
    while at < len(lines) and caption and re.fullmatch(rf"\s*[{CJK}]{{1,4}}\s*", lines[at]):
        line_tokens = _tokens(lines[at], starts[at])
        caption_text += text[line_tokens[0][0] : line_tokens[0][1]]
        caption_cells.append(piece(text, origin, line_tokens[0][0], line_tokens[0][1]))
        at += 1
    rows: list[list[Cell]] = []
    values: list[list[str]] = []
    # the columns' sums may prove a block whose rate misses only when nothing else was placed by
    # the rates: titles on one line, every row's cells one for one (or a class's two amounts)
    placed_as_written = found is not None
    while at < len(lines) and "\t" not in lines[at]:
        line_tokens = _tokens(lines[at], starts[at])
        row = _row(text, line_tokens)
        if row is None and (row := _wrapped_row(text, lines, starts, at)) is not None:
            at += 1  # the label's head alone, the row on the next line
        elif (
            row is None
            and rows
            and len(rows[-1]) > 1
            and (tail := _label_tail(text, origin, line_tokens))
        ):
            joined = Cell(rows[-1][0].text + tail.text, rows[-1][0].origin + tail.origin)
            if not row_name(rows[-1][0].text) and row_name(joined.text):
                # the label's last ideographs alone under its row ("对个人和家庭的补" / "助")
                rows[-1][0] = joined
                at += 1
                continue
        if row is None:
            if _ends_on_cells(text, line_tokens):
                return None  # a row of cells its label spread out ("合    计"): not proven
            if rows and _cut_caption_over_a_row(text, lines, starts, at):
                # "按经济分类:" alone between rows: the block goes on under it, the line as it is
                first, last = line_tokens[0][0], line_tokens[-1][1]
                rows.append([piece(text, origin, first, last)])
                at += 1
                continue
            break
        label, cells = row
        placed = _placed(cells, kinds, [text[c[0] : c[1]] for c in cells], columns)
        if placed is None:
            return None  # a row whose cells cannot be placed: the block is not proven
        written = [text[p[0] : p[1]] if p else "" for p in placed]
        as_written = len(cells) in (len(kinds), 2) or _scores_after(placed, cells, kinds)
        placed_as_written = placed_as_written and as_written
        if not as_written and not _rate_proves(written, titles, kinds):
            return None  # cells placed by their columns, no rate of the row's own to prove it
        rows.append(
            [
                Cell("".join(text[n] for n in label), tuple(origin[n] for n in label)),
                *(piece(text, origin, p[0], p[1]) if p else Cell("", ()) for p in placed),
            ]
        )
        values.append(written)
        at += 1
    budget, spent = kinds.index("budget"), kinds.index("spent")
    filled = [v for v in values if v[budget][:1].isdigit() and v[spent][:1].isdigit()]
    if len(filled) < _MIN_ROWS:
        return None
    if any(percent_off_its_column(v, list(kinds)) for v in values):
        return None
    names = [title.text for title in titles]
    if not balances_hold(values, names, list(kinds)):
        return None
    if not rates_hold(values, names, list(kinds)) and not (
        placed_as_written and cuts_add_up(values, list(kinds))
    ):
        return None
    if ROW_LABEL_TITLE.match(caption_text):
        label_title = [Cell(caption_text, tuple(o for c in caption_cells for o in c.origin))]
    elif caption and ROW_LABEL_TITLE.match(text[caption[-1][0] : caption[-1][1]]):
        label_title = [piece(text, origin, caption[-1][0], caption[-1][1])]
    else:
        label_title = [Cell("", ())]
    header = [*label_title, *titles]
    return at, [header, *rows]


def _wrapped_row(
    text: str, lines: list[str], starts: list[int], at: int
) -> tuple[list[int], list[Span]] | None:
    """A row whose label wrapped before its cells ("对个人和家庭的" / "补助 88.00 86.45", "其中:上年
    结转" / "资金 40.00 …"): the label's head alone on line *at*, its tail and the cells on the
    next line; (label, cells) as `_row` gives them, only when the label joined is a row the
    readers know (row_name) and its tail alone is none."""
    if at + 1 >= len(lines) or "\t" in lines[at + 1]:
        return None
    head = _tokens(lines[at], starts[at])
    if len(head) != 1 or not _HEAD.match(text[head[0][0] : head[0][1]]):
        return None
    tokens = _tokens(lines[at + 1], starts[at + 1])
    words = [text[s:e] for s, e, _, _ in tokens]
    if len(words) < 2 or not _TAIL.match(words[0]) or row_name(words[0]):
        return None
    if not all(FORM_CELL.match(word) for word in words[1:]):
        return None
    label = [*range(head[0][0], head[0][1]), *range(tokens[0][0], tokens[0][1])]
    if not row_name("".join(text[n] for n in label)):
        return None
    return label, tokens[1:]


def _label_tail(text: str, origin: list[int], tokens: list[Span]) -> Cell | None:
    """A line of one to three ideographs alone: the end of the row label above, maybe."""
    if len(tokens) != 1 or not _TAIL.match(text[tokens[0][0] : tokens[0][1]]):
        return None
    start, end = tokens[0][0], tokens[0][1]
    return piece(text, origin, start, end) if end - start <= 3 else None


def _cut_caption_over_a_row(text: str, lines: list[str], starts: list[int], at: int) -> bool:
    """Line *at* names the cut of the rows under it alone ("按经济分类:", "其中:"), a row of the
    block right under it."""
    if not _CUT_CAPTION.match(lines[at].strip()) or at + 1 >= len(lines):
        return False
    return (
        "\t" not in lines[at + 1] and _row(text, _tokens(lines[at + 1], starts[at + 1])) is not None
    )


def _ends_on_cells(text: str, tokens: list[Span]) -> bool:
    """A line ending on form cells, two numbers among them ("… 2600000.00 2590000.00 99.62% / /"):
    a row of the block, whatever its label."""
    numbers = 0
    for start, end, _, _ in reversed(tokens):
        cell = text[start:end]
        if not FORM_CELL.match(cell):
            break
        numbers += cell[:1].isdigit()
    return numbers >= 2


def _title(text: str, origin: list[int], start: int, end: int) -> Cell:
    """A title cell without the year before it ("2022年预算数" → "预算数")."""
    year = _YEAR.match(text[start:end])
    return piece(text, origin, start + (year.end() if year else 0), end)


def spaced_forms(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Money blocks of a PDF form aligned by spaces, under one line of form titles (or two, wrapped
    by an OCR's single spaces) → tab rows."""
    if "预" not in text:
        return text, origin

    def block_at(lines: list[str], starts: list[int], number: int) -> Block | None:
        # "预算" in the titles, or cut by their wrap ("全年预" / "算数")
        if "\t" in lines[number] or "预" not in "".join(lines[number : number + 2]):
            return None
        return _block(text, origin, lines, starts, number)

    return rebuilt_blocks(text, origin, block_at)
