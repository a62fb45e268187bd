"""Normalise report text for reading, keeping a map back to every original character.

Published reports come as web pages, PDF text layers and Word files, and carry the scars of
each: full-width digits and punctuation, non-breaking spaces, spaces inside words and numbers
(PDF line breaks), page markers dropped mid-sentence by document-sharing sites, image
placeholders, Word bookmarks. Traditional characters and variant words are folded to the
standard wording by the lexicon (lexicon.yaml). The readers work on the normalised text; every character of it
remembers the offset of the original character it came from, so an extracted value can always
be shown as the exact original text it was read from.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from jixiao.importers.lexicon import lexicon
from jixiao.importers.ocr_labels import misread_labels, o_amounts, zero_for_o
from jixiao.importers.pastings.caption_column import caption_columns
from jixiao.importers.pastings.cell_lines import form_cell_lines, staffing_cell_lines
from jixiao.importers.pastings.columnwise import columnwise_tables
from jixiao.importers.pastings.continued_tables import continued_tables
from jixiao.importers.pastings.embedded_blocks import money_blocks_set_apart
from jixiao.importers.pastings.form_blocks import form_block_rows
from jixiao.importers.pastings.forms import (
    FORM_CELL,
    ROW_LABEL_TITLE,
    form_column,
    form_number,
    percent_off_its_column,
    rates_hold,
)
from jixiao.importers.pastings.grids import ruled_grids
from jixiao.importers.pastings.group_rows import group_rows
from jixiao.importers.pastings.key_value_rows import key_value_rows
from jixiao.importers.pastings.merged_cells import (
    captions_merged_down,
    merged_across,
    merged_cells,
)
from jixiao.importers.pastings.pdf_forms import wrapped_bracket_cells, wrapped_title_forms
from jixiao.importers.pastings.phrased_rows import phrased_rows
from jixiao.importers.pastings.side_by_side import side_by_side_blocks
from jixiao.importers.pastings.sideways import sideways_tables
from jixiao.importers.pastings.spaced_forms import spaced_forms
from jixiao.importers.pastings.spaced_staffing import spaced_staffing
from jixiao.importers.pastings.spanned_headers import spanned_headers
from jixiao.importers.pastings.staffing_headers import staffing_title_rows_merged
from jixiao.importers.pastings.web_cells import web_table_cells
from jixiao.importers.pastings.wrapped_headers import wrapped_headers
from jixiao.importers.pastings.year_tables import latest_year_of_staffing_tables
from jixiao.importers.patterns import CHINESE_DIGITS, CJK, NUMBER, parse_chinese_int, parse_number

# full-width ASCII (！ … ～) → half-width; ideographic and non-breaking spaces → space
_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDTH.update({0x3000: 0x20, 0x00A0: 0x20, 0x2002: 0x20, 0x2003: 0x20, 0x2009: 0x20, 0x202F: 0x20})
_WIDTH.update({0x2212: ord("-"), 0xFE30: ord(":")})

_PUNCT = "、。“”‘’《》【】〔〕!?,.:;()%~\\-—"
_TIGHT = f"{CJK}\\d{re.escape(_PUNCT)}"
_LOOSE = f"{CJK}{re.escape(_PUNCT)}"
# what a space joins to a digit: not a number's end ("总分 100 88.71", "94.7% 15" are cells apart)
_BEFORE_DIGIT = f"{CJK}{re.escape(_PUNCT.replace('.', '').replace(',', '').replace('%', ''))}"
_HEADING_MARK = r"(?:\d{1,2}[.、]|\(\d{1,2}\)|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、|[①-⑳])"

Replacement = str | Callable[[re.Match[str]], str]


@dataclass(frozen=True)
class Normalised:
    """Normalised text plus, for each of its characters, the offset in the original text."""

    text: str
    origin: tuple[int, ...]  # len(text) + 1 entries; the last is the original length

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original [start, end) covering normalised [start, end)."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


def _substitute(
    text: str, origin: list[int], pattern: re.Pattern[str], replacement: Replacement
) -> tuple[str, list[int]]:
    """re.sub that carries the origin map along: kept characters keep their origin."""
    pieces: list[str] = []
    new_origin: list[int] = []
    position = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        pieces.append(text[position:start])
        new_origin.extend(origin[position:start])
        new = replacement(match) if callable(replacement) else match.expand(replacement)
        pieces.append(new)
        if len(new) == end - start:
            new_origin.extend(origin[start:end])
        elif new:  # the first characters map to the match's first, the last to its last
            new_origin.extend([origin[start]] * (len(new) - 1) + [origin[end - 1]])
        position = end
    if not pieces:
        return text, origin
    pieces.append(text[position:])
    new_origin.extend(origin[position:])
    return "".join(pieces), new_origin


def _unbordered_neighbour(text: str, start: int, end: int) -> bool:
    """The line before or after the one at [start, end) is a row of cells apart by " | " that
    opens on its first cell, not on a border, with as many bars as this line: the table has no
    outer border, and this line's bars all stand between cells."""
    before = text.rfind("\n", 0, max(start - 1, 0))
    above = text[before + 1 : max(start - 1, 0)] if start else ""
    after = text.find("\n", end)
    below = text[end + 1 : after if after >= 0 else len(text)] if end < len(text) else ""
    bars = text.count("|", start, end)
    return any(
        " | " in line and not line.lstrip().startswith("|") and line.count("|") == bars
        for line in (above, below)
    )


def _outer_border(match: re.Match[str]) -> str:
    """A row's outer border goes; in a table without one (its other rows open on a cell), a bar
    opening the row closes its first cell, left empty (" | 年初预算 | 全年预算" under "项目 | 预算数")."""
    if match.start() > 0 and match.string[match.start() - 1] != "\n":
        return ""  # the bar closing the row
    line_end = match.string.find("\n", match.start())
    line_end = len(match.string) if line_end < 0 else line_end
    return "\t" if _unbordered_neighbour(match.string, match.start(), line_end) else ""


_COLUMN_LETTERS = re.compile(
    r"(?<=[数额率])[ \t]*\([A-Z](?:[/=+\-*×÷][A-Z]){0,3}\)(?=[ \t]*(?:[\t|:\n]|$))", re.M
)
_PAGE_BREAK_IN_A_SENTENCE = re.compile(
    rf"(?<=[{CJK}\d,、(])[ \t]*\n[ \t]*(?:[-—–·•]{{1,2}} *\d{{1,3}} *[-—–·•]{{1,2}}|第 *\d{{1,3}} *页"
    rf"(?: *[,，/]? *共 *\d{{1,3}} *页)?)[ \t]*\n(?=[ \t]*[{CJK}\d])"
    # a document-sharing site's page number "2、" alone on its line, after a clause's comma
    rf"|(?<=[,，、])[ \t]*\n[ \t]*\d{{1,3}}、[ \t]*\n(?=[ \t]*[{CJK}])"
)
PAGE_CUT_MIN_LINE = 30  # a line cut by a page break is a full line of prose, not a title


def _joined_across_the_page(match: re.Match[str]) -> str:
    """The lines either side of a page marker made one when the line before is long prose (a
    title or heading before a page break keeps its line)."""
    text = match.string
    line_start = text.rfind("\n", 0, match.start()) + 1
    line = text[line_start : match.start()]
    laid_out = line.startswith("    ") or "\t" in line or _SPACED_CELLS.search(line)
    if len(line.strip()) < PAGE_CUT_MIN_LINE or laid_out:  # a title, or a form laid out by hand
        return "\n\n"  # the marker's line left empty, as the pass below leaves it
    return ""


_PASSES: list[tuple[re.Pattern[str], Replacement]] = [
    (re.compile(r"\r"), ""),
    (re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"), ""),
    # image placeholders from HTML-to-text conversion, Word bookmarks
    (re.compile(r"!\[[^\]\n]{0,200}\]\([^)\n]{0,500}\)"), ""),
    (re.compile(r"\[bookmark:[^\]\n]{0,100}\]"), ""),
    # a page marker on a line of its own inside a sentence a page break cut ("…其中在职人员79人，退"
    # / "- 2 -" / "休人员39人"): the marker goes and the sentence is one line again
    (_PAGE_BREAK_IN_A_SENTENCE, _joined_across_the_page),
    # a label joined to its figure by a dash ("年初预算——3,215.60万元", "在职人员——79人", "执行率——
    # 96.35%"): the label and the figure, as prose writes them
    # (a double dash only, never across a tab: "结转\t—\t60.00" is a blank cell)
    (re.compile(rf"(?<=[{CJK})])[ 　]*(?:——|--|-{{3,}})[ 　]*(?=[+\-]?\d)"), ""),
    # a key：value line opening on 其中 with no colon after it ("其中基本支出：1122.30"): the
    # colon a form's 其中 row has ("其中：基本支出：…")
    (re.compile(rf"^([ \t　]*其中)(?=[{CJK}][^\n:：]{{1,16}}[:：]\s*[\d１-９０])", re.M), r"\1:"),
    # bullets: a second item on a line after a gap starts a line of its own ("★综合评分：89.7  ★评价
    # 等级：良"); a bullet opening a line goes
    (re.compile(r"[ \t　]{2,}[★■●▲◆◇□☆](?=[^\s\d])"), "\n"),
    (re.compile(r"^([ \t　]*)[★■●▲◆◇□☆]\s*", re.M), r"\1"),
    # a tree's branch marks before a line's label ("├ 基本支出", "└ 项目支出")
    (re.compile(r"^([ \t　]*)[├└┣┗]─*\s*", re.M), r"\1"),
    # page markers: "- 3 -", "— 3 —", "第 3 页 共 12 页"
    (re.compile(r"(?:(?<=\s)|^)[-—–·•]{1,2} *\d{1,3} *[-—–·•]{1,2}(?=\s|$)", re.M), ""),
    (re.compile(r"第 *\d{1,3} *页(?: *[,，/]? *共 *\d{1,3} *页)?"), ""),
    # a system print's field and value a line each ("金额单位" / "元"): one unit line
    (re.compile(r"^(\s*(?:金额)?单位)\n(?=\s*(?:亿元|万元|千元|元)\s*$)", re.M), r"\1:"),
    # a system print's field naming its column and its row in brackets, its value on the next
    # line ("调整后预算数（基本支出）" / "9612400.00"): the row's key：value line
    (
        re.compile(
            r"^(\s*)((?:年初|调整后|全年|实际)?(?:预算数|执行数|支出数|预算执行率|执行率))"
            r"\((合计|总计|基本支出|项目支出)\)\n(?=\s*[\d.,]+%?\s*$)",
            re.M,
        ),
        lambda m: (
            f"{m.group(1)}{'' if m.group(3) in ('合计', '总计') else m.group(3)}{m.group(2)}:"
        ),
    ),
    # a form's unit line without 单位 ("金额：万元" alone on its line) is its "金额单位：万元"
    (re.compile(r"^(\s*\(?金额)(?=:\s*(?:亿元|万元|千元|元)\)?\s*$)", re.M), r"\1单位"),
    # tables drawn with box characters (┌─┬─┐ / │ a │ b │, and +---+ rules): the rules go, line
    # and all (a header and the rows under a rule stay one block), the vertical borders become
    # Markdown's |, read as cells below
    (
        re.compile(
            r"^[ \t]*[─━═┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬╒╕╘╛╞╡╤╧╪+\-—]*[─━═┼┬┴╬+][─━═┌┐└┘├┤┬┴┼╔╗╚╝╠╣╦╩╬╒╕╘╛╞╡╤╧╪+\-— \t]*(?:\n|$)",
            re.M,
        ),
        "",
    ),
    (re.compile(r"[│┃║]"), "|"),
    # Markdown tables: the |---| rule goes, cell borders become tabs like Word table cells
    # (the rule's line goes whole: the header and the rows under it stay one block)
    (
        re.compile(
            r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*(?::?-{3,}:?)?[ \t]*(?:\n|$)", re.M
        ),
        "",
    ),
    (re.compile(r"^[ \t]*\|[ \t]*(?=.*\|[ \t]*$)|[ \t]*\|[ \t]*$", re.M), _outer_border),
    (re.compile(r"[ \t]*\|[ \t]*"), "\t"),
    # a form's column letters after a title: "全年预算数（A）", "全年执行数（B）", "预算执行率（B/A）",
    # "执行率(C=B/A)": the letters name the column in the form's formula, not part of its title
    (_COLUMN_LETTERS, ""),
]
# after the table passes above (and before indentation goes): tables aligned with spaces
_LATE_PASSES: list[tuple[re.Pattern[str], Replacement]] = [
    # indentation and trailing blanks (tabs between table cells stay)
    (re.compile(r"^[ \t]+(?=[^\t\n]*$)|^ +|[ \t]+$", re.M), ""),
    # a heading marker alone on its line belongs to the next line ("2.\n人员编制")
    (re.compile(rf"^({_HEADING_MARK})\n+(?=\S)", re.M), r"\1"),
    # spaces inside CJK text and between numbers and units (PDF line breaks, justification)
    # (a single blank; wider gaps separate fields on web pages and stay)
    # (two numbers stay apart: "总分 100 88.71" is two cells, never 10088.71)
    (re.compile(rf"(?<=[{_TIGHT}]) (?=[{_LOOSE}])|(?<=[{_BEFORE_DIGIT}]) (?=\d)"), ""),
]
# an amount's unit wrapped onto the next line of prose ("对个人和家庭的补助936.96" / "万元（…）
# ，资本性支出…"): the line ends in the number, the next opens with its unit (joined after the
# wrapped lines are, whose margin it would otherwise hide)
_UNIT_ON_THE_NEXT_LINE = re.compile(r"(?<=\d\.\d\d)\n(?=(?:亿元|万元|千元|元)[,;。(])")
# …and a count cut from its unit ("退休34" / "人。"), once the wrapped lines are joined
_COUNT_UNIT_ON_THE_NEXT_LINE = re.compile(
    rf"(?:(?<=[{CJK}]\d)|(?<=[{CJK}]\d\d)|(?<=[{CJK}]\d\d\d)|(?<=[{CJK}]\d\d\d\d))\n"
    r"(?=[人名个][,;。)])"
)

# A form exported as CSV ("部门名称","某局","主管部门","某市人民政府",,,): every line a row of
# cells between commas, text cells in double quotes ("" a quote inside), empty cells trailing.
# Such rows become tab rows (as a Word table's), so the table readers read them; a block name
# repeated in the first cell of consecutive rows ("资金情况","资金总额",… / "资金情况","基本支出",…)
# becomes a line of its own above the block (the rows' caption). A line is a CSV row only when it
# is wholly cells, its first cell quoted and every unquoted cell a plain number (no thousands
# separator), a percentage or empty, and two such lines at least follow each other; a run with an
# unquoted number has one width on every row (an export's fixed columns): prose with commas (no
# quotes, or quotes inside a sentence: "三公"经费,较上年…) stays prose.
_CSV_CELL = re.compile(r'"((?:[^"\n]|"")*)"|(\d+(?:\.\d+)?%?|)(?=,|$)')
_CSV_MIN_ROWS = 2


def _csv_cells(line: str) -> list[tuple[str, int]] | None:
    """The cells of a CSV row with the offset of each one's first character, or None."""
    if not line.startswith('"'):
        return None
    cells: list[tuple[str, int]] = []
    position = 0
    while True:
        cell = _CSV_CELL.match(line, position)
        if cell is None:
            return None
        if cell.group(1) is not None:
            cells.append((cell.group(1), cell.start(1)))
        else:
            cells.append((cell.group(2), cell.start(2)))
        position = cell.end()
        if position == len(line):
            break
        if line[position] != ",":
            return None
        position += 1
        if position == len(line):
            cells.append(("", position))
            break
    return cells if len(cells) >= 2 else None


# An export padded to the sheet's width (Excel's "Save as CSV": text cells bare unless they hold a
# comma or a quote, every row as many cells as the widest, empty cells as bare commas:
# "人员情况,编制数,实有人数,其中：在职,,," / ",145,186,132,,,"): a run of such lines, each of one
# width (four cells at least), most of them with an empty cell and one at least ending in one (the
# padding), is read as CSV rows too. Prose never pads a sentence with empty cells, and its
# commas do not fall alike line after line.
_PADDED_CELL = re.compile(r'"((?:[^"\n]|"")*)"(?=,|$)|([^",\n]*)(?=,|$)')
_PADDED_MIN_ROWS = 3
_PADDED_MIN_WIDTH = 4


def padded_csv_cells(line: str) -> list[tuple[str, int]] | None:
    """The cells of a line of a padded CSV export (bare or quoted cells), with each one's offset,
    or None when the line is no such row (a quote inside a bare cell, fewer than four cells)."""
    cells: list[tuple[str, int]] = []
    position = 0
    while True:
        cell = _PADDED_CELL.match(line, position)
        if cell is None:
            return None
        quoted = cell.group(1) is not None
        cells.append((cell.group(1), cell.start(1)) if quoted else (cell.group(2), cell.start(2)))
        position = cell.end()
        if position == len(line):
            break
        position += 1  # the comma
        if position == len(line):
            cells.append(("", position))
            break
    return cells if len(cells) >= _PADDED_MIN_WIDTH else None


def _padded_run(parsed: list[list[tuple[str, int]] | None], run: list[int]) -> bool:
    """The lines of *run* are rows of a padded export: enough of them, of one width, most with an
    empty cell, one at least ending in one; or rows of one width that are all cells (see
    _cells_only)."""
    rows = [parsed[number] or [] for number in run]
    if len({len(cells) for cells in rows}) != 1:
        return False
    if _cells_only(rows):
        return True
    if len(rows) < _PADDED_MIN_ROWS:
        return False
    with_empty = [cells for cells in rows if any(not cell.strip() for cell, _ in cells)]
    return 2 * len(with_empty) > len(rows) and any(not cells[-1][0].strip() for cells in rows)


# An export whose rows fill every column (no padding, "编制数,实有人数,在职人数,退休人数" over
# "26,54,31,23"): two rows or more of one width, every cell short and no sentence (no 。；, at most
# 30 characters, no tab, bar or run of spaces: those are cells of other pastings), no cell a
# thousands separator's tail after words ("预算数1,250.00万元" is one amount, not two cells), and
# one row at least with two numbers (plain, or quoted with thousands separators).
_SENTENCE = re.compile(r"[。；;]")
_PLAIN_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?%?$")
_THOUSANDS_TAIL = re.compile(r"^\d{3}(?:\.\d+)?(?!\d)")
_THOUSANDS_HEAD = re.compile(r"[^\d.,-]\d{1,3}$")  # "预算数1" of "预算数1,250.00万元"
_OTHER_CELLS = re.compile(r"[\t|]| {2}")  # a tab, a bar or a run of spaces: cells of another kind


def _cells_only(rows: list[list[tuple[str, int]]]) -> bool:
    """Rows of one width that read as a sheet's cells, not as prose with commas."""
    if len(rows) < _CSV_MIN_ROWS:
        return False
    for cells in rows:
        texts = [cell for cell, _ in cells]
        if any(
            len(text) > 30 or _SENTENCE.search(text) or _OTHER_CELLS.search(text) for text in texts
        ):
            return False
        if any(
            _THOUSANDS_TAIL.match(text) and _THOUSANDS_HEAD.search(texts[index - 1])
            for index, text in enumerate(texts)
            if index
        ):
            return False
    return any(sum(1 for cell, _ in cells if _sheet_number(cell)) >= 2 for cells in rows)


# a quoted amount with thousands separators ("4,200,000.00"): a bare cell holds no comma, so such
# a cell was quoted whole, as a sheet exports a formatted number
_QUOTED_THOUSANDS = re.compile(r"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


def _sheet_number(cell: str) -> bool:
    """A sheet's number cell: a plain number, or an amount quoted with its separators."""
    return bool(_PLAIN_NUMBER.match(cell) or _QUOTED_THOUSANDS.match(cell))


def _padded_csv_lines(lines: list[str]) -> dict[int, list[tuple[str, int]]]:
    """The lines (by number) that are rows of a padded CSV export, with their cells."""
    parsed = [padded_csv_cells(line) for line in lines]
    found: dict[int, list[tuple[str, int]]] = {}
    run: list[int] = []
    for number, cells in enumerate([*parsed, None]):
        if cells is not None and (not run or len(cells) == len(parsed[run[-1]] or [])):
            run.append(number)
            continue
        if _padded_run(parsed, run):
            found.update({r: parsed[r] or [] for r in run})
        run = [number] if cells is not None else []
    return found


def _csv_row(
    cells: list[tuple[str, int]], line_origin: list[int], separator: int | None
) -> tuple[str, list[int]]:
    """Cells → a tab row (trailing empty cells dropped; "" → "); the tabs map to the commas."""
    while cells and not cells[-1][0].strip():
        cells = cells[:-1]
    pieces: list[str] = []
    new_origin: list[int] = []
    for index, (cell, at) in enumerate(cells):
        if index:
            pieces.append("\t")
            new_origin.append(line_origin[max(at - 1, 0)] if separator is None else separator)
        separator = None
        offset = 0
        while offset < len(cell):
            pieces.append(cell[offset])
            new_origin.append(line_origin[at + offset])
            offset += 2 if cell.startswith('""', offset) else 1
    return "".join(pieces), new_origin


def _rewrite_lines(
    text: str, origin: list[int], rewrite: Callable[[int, str, list[int]], tuple[str, list[int]]]
) -> tuple[str, list[int]]:
    """Each line (its number, text and origin) → its new text and origin, *rewrite* deciding; the
    line breaks between them keep theirs."""
    pieces: list[str] = []
    new_origin: list[int] = []
    position = 0
    lines = text.split("\n")
    for number, line in enumerate(lines):
        line_text, line_map = rewrite(number, line, origin[position : position + len(line)])
        pieces.append(line_text)
        new_origin.extend(line_map)
        position += len(line)
        if number < len(lines) - 1:
            new_origin.append(origin[position])
            position += 1
    return "\n".join(pieces), new_origin


# A form pasted as text with ONE ideographic space between cells ("总分　100　95.3", "人员情况　编制数
# 　33　实有人数　38", "　　年度资金总额　15623800.00　15310700.00　98.00%"; a merged cell left as
# indentation): width folding would make each a single space, which the late passes close up
# ("总分10095.3"). Such rows become tab rows (as a Word table's). A row has two gaps or more, each
# one ideographic space (wider gaps align a table: _space_aligned_tables reads those), and no
# sentence punctuation; a run of two rows at least, one of them with a number cell, makes the
# block; a line with one such gap right above or below the block ("自评等级　优") is its row too.
# Prose, headings ("一、　基本情况") and a signature line stay as they are.
_IDEOGRAPHIC_GAP = re.compile(r"(?<=[^\s\u3000])\u3000(?=[^\s\u3000])")
_IDEOGRAPHIC_WIDE = re.compile(r"(?<=\S)\u3000{2,}(?=\S)")
_IDEOGRAPHIC_NUMBER = re.compile(rf"^[≥≤<>]?(?:{NUMBER})%?$")


# a form's block name in its first cell, merged down the rows of its block ("人员情况", "资金情况",
# "绩效指标"): the rows under it start with their own label
_BLOCK_NAME = re.compile(
    r"^(?:人员|资金|经费|预算|预算执行|资金使用|基本|编制)(?:情况|信息)$|^(?:年度)?绩效指标$"
)


def _block_name_first(line: str, following: str) -> bool:
    """The row's first cell names its block and the cells after it are a row of their own: as
    many as the next row has, or label / number pairs ("人员情况　编制数　33　实有人数　38")."""
    cells = line.strip("\u3000 \t").split("\u3000")
    if len(cells) < 3 or not _BLOCK_NAME.match(cells[0]) or line[:1] in "\u3000 \t":
        return False
    rest = cells[1:]
    pairs = len(rest) % 2 == 0 and all(
        bool(_IDEOGRAPHIC_NUMBER.match(cell)) == (n % 2 == 1) for n, cell in enumerate(rest)
    )
    return pairs or len(following.strip("\u3000 \t").split("\u3000")) == len(rest)


def _ideographic_gaps(line: str) -> int:
    """How many one-ideographic-space gaps the line's cells have (0 for prose or aligned text)."""
    body = line.lstrip("\u3000 \t")
    if re.search(r"[。，；！？,;]\D|[。，；！？]$", body) or _IDEOGRAPHIC_WIDE.search(body):
        return 0
    return len(_IDEOGRAPHIC_GAP.findall(body))


def _ideographic_cells(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Rows of cells apart by one ideographic space → tab rows (before width folding)."""
    if "\u3000" not in text:
        return text, origin
    lines = text.split("\n")
    gaps = [_ideographic_gaps(line) for line in lines]
    rows: set[int] = set()
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and gaps[end] >= 2:
            end += 1
        block = range(index, end)
        if len(block) >= 2 and any(
            _IDEOGRAPHIC_NUMBER.match(cell)
            for number in block
            for cell in lines[number].strip("\u3000 \t").split("\u3000")
        ):
            rows.update(block)
            for beside in (index - 1, end):
                if 0 <= beside < len(lines) and gaps[beside] == 1:
                    rows.add(beside)
        index = max(end, index + 1)
    # a line of a form's money label / amount pairs on its own ("全年预算数　826.43　全年执行数　796.12")
    rows.update(
        number
        for number, line in enumerate(lines)
        if gaps[number] >= 3 and _pair_cells(line.strip("\u3000 \t").replace("\u3000", "\t"))
    )
    if not rows:
        return text, origin

    def rewrite(number: int, line: str, line_origin: list[int]) -> tuple[str, list[int]]:
        if number not in rows:
            return line, line_origin
        following = lines[number + 1] if number + 1 < len(lines) else ""
        first = _IDEOGRAPHIC_GAP.search(line)
        if first is not None and _block_name_first(line, following):
            # "资金情况　项目　全年预算数…" over rows one cell shorter: the block's name (a merged
            # cell) becomes the caption line above the rows' header, as a CSV export's does
            head = line[: first.start()] + "\n"
            head_origin = line_origin[: first.end()]
            tail, tail_origin = _substitute(
                line[first.end() :], line_origin[first.end() :], _IDEOGRAPHIC_GAP, "\t"
            )
            return head + tail, head_origin + tail_origin
        return _substitute(line, line_origin, _IDEOGRAPHIC_GAP, "\t")

    return _rewrite_lines(text, origin, rewrite)


# A form's money cells as label / amount pairs on one line ("全年预算数\t826.43\t全年执行数\t796.12\t
# 预算执行率\t96.33%", "全年预算数：826.43    全年执行数：796.12", "基本支出预算数  512.04    基本支出
# 执行数  508.07"): each pair becomes a key：value line of its own, as a form's key：value lines are
# read (the unit from the form's unit line). Only when every label is a money or rate label (预算 /
# 执行 / 支出 / 决算 / 资金 / 合计…, never a head-count), every value a bare amount or a percentage,
# two pairs or more, and no line of titles above (a header: then the row is a table's).
_PAIR_LABEL = re.compile(rf"^(?:其中:?)?[{CJK}()“”]{{2,20}}$")
_PAIR_MONEY = re.compile(r"预算|执行|支出|决算|资金|拨款|合计|总额|总计")
_PAIR_NOT_MONEY = re.compile(r"人数|人员|编制|在职|退休|分值|得分|权重|指标")
_PAIR_VALUE = re.compile(rf"^(?:{NUMBER})%?$")
_PAIR_GAP = re.compile(r"\t| {2,}")
_PAIR_KEYED = re.compile(rf"^((?:其中:?)?[{CJK}()“”]{{2,20}}):\s*((?:{NUMBER})%?)$")


def _pair_cells(line: str) -> list[tuple[str, str]] | None:
    """The label / value pairs of a line of a form's money cells, or None."""
    body = line.strip()
    if not body or re.search(r"[。;,]\D|[。;]$", body):
        return None
    cells = [cell.strip() for cell in _PAIR_GAP.split(body) if cell.strip()]
    pairs: list[tuple[str, str]] = []
    keyed = [match for cell in cells if (match := _PAIR_KEYED.match(cell))]
    if len(keyed) == len(cells):
        pairs = [(match.group(1), match.group(2)) for match in keyed]
    elif len(cells) % 2 == 0:
        pairs = list(zip(cells[::2], cells[1::2], strict=True))
        if not all(_PAIR_LABEL.match(k) and _PAIR_VALUE.match(v) for k, v in pairs):
            return None
    if len(pairs) < 2 or not all(
        _PAIR_MONEY.search(k) and not _PAIR_NOT_MONEY.search(k) for k, _ in pairs
    ):
        return None
    return pairs


def _titles_line(line: str) -> bool:
    cells = [cell for cell in _PAIR_GAP.split(line.strip()) if cell.strip()]
    return len(cells) >= 3 and not any(re.search(r"\d", cell) for cell in cells)


def _money_pairs_to_lines(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Lines of a form's money label / value pairs → one key：value line a pair."""
    lines = text.split("\n")

    def in_a_table(number: int) -> bool:
        """A tab row among tab rows that are no pair lines (a table's, a 决算总表's halves)."""
        if "\t" not in lines[number]:
            return False
        first = last = number
        while first > 0 and "\t" in lines[first - 1]:
            first -= 1
        while last + 1 < len(lines) and "\t" in lines[last + 1]:
            last += 1
        return any(_pair_cells(lines[n]) is None for n in range(first, last + 1))

    def rewrite(number: int, line: str, line_origin: list[int]) -> tuple[str, list[int]]:
        if (
            _pair_cells(line) is None
            or (number and _titles_line(lines[number - 1]))
            or in_a_table(number)
        ):
            return line, line_origin
        # a gap between a label and its value → ":", a gap between two pairs → a line break
        pieces = [m for m in re.finditer(r"[^\t ]+(?: (?! )[^\t ]+)*", line)]
        out, out_origin = "", []
        for n, piece in enumerate(pieces):
            if n:
                keyed = ":" in pieces[n - 1].group(0)
                separator = "\n" if keyed or n % 2 == 0 else ":"
                out += separator
                out_origin.append(line_origin[pieces[n - 1].end()])
            out += piece.group(0)
            out_origin.extend(line_origin[piece.start() : piece.end()])
        return out, out_origin

    return _rewrite_lines(text, origin, rewrite)


# A form's money key / value cells flattened one cell per line ("全年预算数" / "826.43" / "其中：基本
# 支出" / "512.04" / … / "预算执行率" / "96.33%"): two such pairs or more in a row, each a money or
# rate label line then one bare amount or percentage line, the line after each value a label (or
# the run's end), and no number right before the run (inside a flattened table, a row's label is
# followed by several numbers): each pair becomes one key：value line.
_FLAT_PAIR_LABEL = re.compile(rf"^(?:其中:?)?[{CJK}()“”]{{2,20}}:?$")


def _flat_pair_at(lines: list[str], at: int) -> bool:
    label, value = lines[at].strip(), lines[at + 1].strip() if at + 1 < len(lines) else ""
    return bool(
        _FLAT_PAIR_LABEL.match(label)
        and _PAIR_MONEY.search(label)
        and not _PAIR_NOT_MONEY.search(label)
        and _PAIR_VALUE.match(value)
    )


def _flattened_money_pairs(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Money key / value cells one a line → one key：value line a pair."""
    lines = text.split("\n")
    joined: set[int] = set()  # the label lines whose line break becomes a colon
    index = 0
    while index < len(lines) - 1:
        at = index
        run: list[int] = []
        while at < len(lines) - 1 and _flat_pair_at(lines, at):
            after = lines[at + 2].strip() if at + 2 < len(lines) else ""
            if after and _PAIR_VALUE.match(after):
                run = []  # a label over several numbers: a flattened table's row
                break
            run.append(at)
            at += 2
        before = lines[index - 1].strip() if index else ""
        if (
            len(run) >= 2
            and not _PAIR_VALUE.match(before)
            # a column title right before ("全年预算" / "基本支出" / "12.00" / …: a one-column table
            # flattened), or a 合计 row inside: a flattened table, its rows the table reader's
            and not (_FLAT_PAIR_LABEL.match(before) and _PAIR_MONEY.search(before))
            and not re.match(r"^(?:项目|科目|类别)(?:名称)?$", before)
            and not any(re.match(r"^(?:合计|总计|小计)$", lines[n].strip()) for n in run)
        ):
            joined.update(run)
            index = at
        else:
            index += 1
    if not joined:
        return text, origin
    pieces: list[str] = []
    new_origin: list[int] = []
    position = 0
    for number, line in enumerate(lines):
        pieces.append(line.rstrip(":") if number in joined else line)
        kept = len(pieces[-1])
        new_origin.extend(origin[position : position + kept])
        position += len(line)
        if number < len(lines) - 1:
            pieces.append(":" if number in joined else "\n")
            new_origin.append(origin[position])
            position += 1
    return "".join(pieces), new_origin


def _titled_first_column(
    parsed: list[list[tuple[str, int]] | None], rows: set[int], number: int, block: str
) -> bool:
    """The rows above *number* that repeat its first cell *block* stand under a header row (words
    only, its first cell not repeated from the row above it) whose first cell is another title ("一级指标" over "产出指标" rows): the cell is that
    column's value repeated down, not a caption."""
    above = number - 1
    while above in rows and (cells := parsed[above]) is not None and cells[0][0].strip() == block:
        above -= 1
    header = parsed[above] if above in rows else None
    if header is None or header[0][0].strip() in ("", block):
        return False
    before = parsed[above - 1] if above - 1 in rows else None
    return not any(_PLAIN_NUMBER.match(cell.strip()) for cell, _ in header) and (
        before is None or before[0][0].strip() != header[0][0].strip()
    )


def _block_holds_numbers(
    parsed: list[list[tuple[str, int]] | None], rows: set[int], number: int, block: str
) -> bool:
    """The run of rows repeating the first cell *block* around *number* holds a number: a block's
    name over its rows. Header rows alone repeating their first cell ("项目,分值,预算执行情况" over
    "项目,分值,全年预算数") are a header on two rows, its merged cell written out twice."""
    run = [number]
    for step in (-1, 1):
        other = number + step
        while (
            other in rows and (cells := parsed[other]) is not None and cells[0][0].strip() == block
        ):
            run.append(other)
            other += step
    return any(_sheet_number(cell.strip()) for row in run for cell, _ in (parsed[row] or [])[1:])


# a spreadsheet cell holding line breaks, copied as tab text: Excel quotes it ("编制人数68人
# ↵（行政编制21人…）"), its lines then no rows of their own
_QUOTED_CELL = re.compile(
    r'(?m)(?:^|(?<=\t))"([^"\t\n]*\n[^"\t]*)"(?=\t|$)'
)  # linear: one way to split


def _quoted_cells(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """A quoted tab cell's line breaks and its quotes → spaces (one for one: origins kept)."""
    if '\t"' not in text and not text.startswith('"'):
        return text, origin
    return _substitute(
        text, origin, _QUOTED_CELL, lambda m: " " + m.group(1).replace("\n", " ") + " "
    )


# a web system's table cell with the yuan sign before its amount ("\t¥3,380,000.00\t"): the sign
# goes (the table's unit is for its caption to state; a sign alone says 元 only of its cell)
_YUAN_SIGN_CELL = re.compile(rf"(?:^|(?<=\t))[¥￥]\s?(?={NUMBER}(?:\t|$))", re.M)
# a web form's required-field mark before its label ("* 编制数（人）：31")
_REQUIRED_MARK = re.compile(r"^\*\s+(?=[\u4e00-\u9fff])", re.M)


def _web_form_marks(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """A required-field mark before a label and a yuan sign before a table cell's amount
    dropped."""
    text, origin = _substitute(text, origin, _REQUIRED_MARK, "")
    return _substitute(text, origin, _YUAN_SIGN_CELL, "")


def _csv_rows(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Rows of a CSV export → tab rows, a block name repeated in their first cell → a caption line."""
    lines = text.split("\n")
    parsed = [_csv_cells(line) for line in lines]
    padded = _padded_csv_lines(lines)
    parsed = [padded.get(number, cells) for number, cells in enumerate(parsed)]
    rows: set[int] = set(padded)
    run: list[int] = []
    for number, cells in enumerate([*parsed, None]):
        if cells is not None:
            run.append(number)
            continue
        bare = any(c[0] and lines[r][c[1] - 1 : c[1]] != '"' for r in run for c in parsed[r] or [])
        if len(run) >= _CSV_MIN_ROWS and (
            not bare or len({len(parsed[r] or []) for r in run}) == 1
        ):  # unquoted numbers: only in rows of one width (an export's fixed columns)
            rows.update(run)
        run = []
    if not rows:
        return text, origin

    def rewrite(number: int, line: str, line_origin: list[int]) -> tuple[str, list[int]]:
        cells = parsed[number]
        if number not in rows or cells is None:
            return line, line_origin
        block = cells[0][0].strip()
        repeated = [
            other
            for other in (number - 1, number + 1)
            if other in rows
            and (other_cells := parsed[other]) is not None
            and other_cells[0][0].strip() == block
            and len([c for c in other_cells if c[0].strip()]) >= 2
        ]
        caption, caption_map = "", []
        if (
            block
            and repeated
            and len([c for c in cells if c[0].strip()]) >= 2
            and not _titled_first_column(parsed, rows, number, block)
            and _block_holds_numbers(parsed, rows, number, block)
        ):
            if number - 1 not in repeated:  # the block's first row: its name as a caption
                start = cells[0][1] + cells[0][0].index(block)
                caption = block + "\n"
                caption_map = line_origin[start : start + len(block)]
                caption_map.append(caption_map[-1])
            cells = cells[1:]
        line_text, line_map = _csv_row(cells, line_origin, None)
        return caption + line_text, caption_map + line_map

    return _rewrite_lines(text, origin, rewrite)


# A form exported by a budget system one line per row, each line opening with its block's tag
# and its cells written key：value between ｜ bars ("【资金情况】总额｜年初预算数：3,156.20｜调整后预算数：
# 4,082.67｜实际支出数：3,951.08｜执行率：96.78%"): a run of such rows of one block, each a row label
# then the same keys (or the first of them) with a number, a percentage or a dash each, becomes a
# tab table: the tag and the keys as its header row, then each row's label and values (as a Word
# table's). Another tagged line of key：value cells ("【自评结果】总分：100｜自评得分：97.68｜自评等级：优",
# a label cell first or not) becomes the tag as a heading and a key：value line per cell, as a form's
# key：value lines are read, and so does a tagged line without bars ("【资金情况】金额单位：万元",
# "【情况说明】本年…"): the tag a heading, the rest a line under it — both only in an export (three
# tagged lines at least). A line with one bar, or cells that are not key：value pairs (an
# indicator row: 产出指标｜数量指标｜…), stays.
# (a row label may open on 其中：, "【资金情况】其中：财政拨款｜年初预算数：…", a part of the row above)
_TAG_ROW = re.compile(r"^【([^】\n]{2,12})】((?:其中:\s*)?[^\t\n:]{2,30})((?:\t[^\t\n]+){2,})$")
_TAG_CELL = re.compile(rf"^([^\t\n:]{{2,20}}):\s*((?:{NUMBER})%?|[-—/]{{1,2}})$")


# a line opening with a block's tag; an export has a few of them at least
_TAG_LINE = re.compile(r"^【([^】\n]{2,12})】(?=\S)")
_TAG_MIN_LINES = 3
# a tagged line of key：value cells (a label cell first or not), two bars at least
_TAG_PAIRS = re.compile(
    r"^【([^】\n]{2,12})】(?:[^\t\n:]{2,30}\t)?[^\t\n:]{2,30}:[^\t\n]+(?:\t[^\t\n:]{2,30}:[^\t\n]+)+$"
)


def _tag_row(line: str) -> tuple[str, str, list[tuple[str, int, str, int]]] | None:
    """A tagged row: its tag, its label and its (key, key's offset, value, value's offset) cells."""
    row = _TAG_ROW.match(line)
    if row is None:
        return None
    cells: list[tuple[str, int, str, int]] = []
    at = row.start(3)
    for cell in row.group(3).split("\t")[1:]:
        at += 1
        pair = _TAG_CELL.match(cell.strip())
        if pair is None:
            return None
        lead = len(cell) - len(cell.lstrip())
        cells.append((pair.group(1).strip(), at + lead, pair.group(2), at + lead + pair.start(2)))
        at += len(cell)
    return row.group(1), row.group(2).strip(), cells


def _tagged_rows(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Tagged key：value rows of one block → a header row of their keys and rows of their values."""
    lines = text.split("\n")
    rows = [_tag_row(line) for line in lines]
    header_at: dict[int, int] = {}  # a row → the row whose keys head its table
    for number, row in enumerate(rows):
        if row is None:
            continue
        previous = rows[number - 1] if number else None
        head = header_at.get(number - 1)
        if previous is not None and head is not None:
            head_row = rows[head]
            assert head_row is not None
            keys = [cell[0] for cell in row[2]]
            head_keys = [cell[0] for cell in head_row[2]]
            if previous[0] == row[0] and keys == head_keys[: len(keys)]:
                header_at[number] = head
                continue
        header_at[number] = number
    tables = Counter(header_at.values())
    kept = {number for number, head in header_at.items() if tables[head] >= 2}
    export = sum(1 for line in lines if _TAG_LINE.match(line)) >= _TAG_MIN_LINES
    if not kept and not export:
        return text, origin

    def rewrite(number: int, line: str, line_origin: list[int]) -> tuple[str, list[int]]:
        row = rows[number]
        if number in kept and row is not None:
            tag, label, cells = row
            line_text, line_map = "", []
            if header_at[number] == number:  # the table's first row: its header above it
                line_text = tag
                line_map = line_origin[1 : 1 + len(tag)]
                for key, key_at, _, _ in cells:
                    line_text += "\t" + key
                    line_map += [line_origin[key_at - 1], *line_origin[key_at : key_at + len(key)]]
                line_text += "\n"
                line_map.append(line_map[-1])
            label_at = line.index(label, len(tag) + 2)
            line_text += label
            line_map += line_origin[label_at : label_at + len(label)]
            for _, key_at, value, value_at in cells:
                line_text += "\t" + value
                line_map += [
                    line_origin[key_at - 1],
                    *line_origin[value_at : value_at + len(value)],
                ]
        elif export and (pairs := _TAG_PAIRS.match(line)):
            # "【自评结果】总分：100｜自评得分：97.68｜自评等级：优": the tag as a heading, a pair per line
            tag = pairs.group(1)
            line_text = tag + "\n" + line[pairs.end(1) + 1 :].replace("\t", "\n")
            line_map = line_origin[1 : 1 + len(tag)] + line_origin[1 + len(tag) :]
        elif export and (tagged := _TAG_LINE.match(line)) and "\t" not in line:
            # "【资金情况】金额单位：万元", "【情况说明】本年…": the tag as a heading, the rest under it
            tag = tagged.group(1)
            line_text = tag + "\n" + line[tagged.end() :]
            line_map = line_origin[1 : 1 + len(tag)] + line_origin[1 + len(tag) :]
        else:
            line_text, line_map = line, line_origin
        return line_text, line_map

    return _rewrite_lines(text, origin, rewrite)


# Tables aligned with runs of spaces (no tabs, no borders): a header row of titles, then rows of
# a label and as many numbers as the header has titles, cells apart by two spaces or more. The
# columns are proven by the count: every row under the header has exactly its number of cells.
# Such rows become tab rows (as a Word table's); prose with a double space stays prose.
_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")
_SPACED_NUMBER = re.compile(rf"^(?:{NUMBER})%?$|^[-—/]$")
_SPACED_SECTION = re.compile(rf"^[{CJK}]{{2,12}}:?$")
_SPACED_MIN_COLUMNS = 3  # a label and two columns at least
_SPACED_MIN_ROWS = 2


def _spaced_cells(line: str) -> list[str]:
    return _GAP.split(line.strip()) if "\t" not in line else []


def _spaced_row(cells: list[str], columns: int) -> bool:
    """A row of a space-aligned table: a label, then numbers (or dashes) in every column."""
    return (
        len(cells) == columns
        and not _SPACED_NUMBER.match(cells[0])
        and all(_SPACED_NUMBER.match(cell) for cell in cells[1:])
        and any(cell[0].isdigit() for cell in cells[1:])
    )


# the header's first title spread out one ideograph at a time ("项　　目", "科  目", "项 目 名 称"
# aligned with full-width spaces): its gaps are inside the title, not between columns
_SPREAD_TITLE = re.compile(rf"^( *)([{CJK}](?: {{2,}}[{CJK}]){{1,3}})(?= {{2,}}[^\s\d])")


def _spread_title(line: str) -> str:
    """The header line with its spread-out first title closed up ("项  目    本年预算数…" →
    "项目    本年预算数…", an indent before it kept); other lines unchanged."""
    match = _SPREAD_TITLE.match(line)
    if match is None:
        return line
    return match.group(1) + match.group(2).replace(" ", "") + line[match.end() :]


# a row's label spread out the same way ("合    计      1,642.85      1,619.69      98.59%", "小  计"):
# the gaps are inside the label, the row's numbers follow
_SPREAD_LABEL = re.compile(rf"^(\s*)([{CJK}](?: {{2,}}[{CJK}]){{1,3}})(?= {{2,}}[\d\-—])")


def _spread_label(line: str) -> str:
    """The row with its spread-out label closed up ("合    计    1,642.85…" → "合计    1,642.85…")."""
    match = _SPREAD_LABEL.match(line)
    if match is None:
        return line
    return match.group(1) + match.group(2).replace(" ", "") + line[match.end() :]


def _spaced_table(lines: list[str], header: int) -> list[int]:
    """The lines of the space-aligned table whose header is *lines[header]*: [] when the header
    is not one (a number in it, too few titles) or fewer than two rows follow it. A short label
    alone on its line between rows ("其中:") keeps the table going; it stays a plain line.
    A header whose first title is spread out ("项  目") counts that title once."""
    found = _spaced_table_under(lines, header, lines[header])
    if not found and _spread_title(lines[header]) != lines[header]:
        found = _spaced_table_under(lines, header, _spread_title(lines[header]))
    return found


_LABEL_COLUMN_INDENT = 12  # spaces before a header's first title that leave room for the labels


def _table_under_unlabelled_titles(lines: list[str], header: int) -> list[int]:
    """A header of column titles alone, indented past the rows' label column ("          预算批复数
    实际支出数   执行率" over "合    计   1,286.54   1,203.77   93.57%"): read as if a title stood
    over the labels (the rows must fit it as any other header's)."""
    line = lines[header]
    indent = len(line) - len(line.lstrip(" "))
    titles = _spaced_cells(line)
    if indent < _LABEL_COLUMN_INDENT or not 2 <= len(titles) <= 8:
        return []
    if any(_SPACED_NUMBER.match(title) or not re.search(f"[{CJK}]", title) for title in titles):
        return []
    return _spaced_table_under(lines, header, "项目" + line[4:], spread_first=True)


def _spaced_table_under(
    lines: list[str], header: int, header_line: str, *, spread_first: bool = False
) -> list[int]:
    titles = _spaced_cells(header_line)
    columns = len(titles)
    if columns < _SPACED_MIN_COLUMNS or any(_SPACED_NUMBER.match(title) for title in titles):
        return []
    rows: list[int] = []
    short: list[int] = []
    index = header + 1
    while index < len(lines):
        cells = _spaced_cells(lines[index])
        if _spaced_row(cells, columns) or (
            (rows or spread_first)
            and _spaced_row(_spaced_cells(_spread_label(lines[index])), columns)
        ):
            rows.append(index)
        elif rows and _short_spaced_row(header_line, lines[index], columns):
            short.append(index)
        elif not (
            rows
            and index + 1 < len(lines)
            and _SPACED_SECTION.match(lines[index].strip())
            and (
                _spaced_row(_spaced_cells(lines[index + 1]), columns)
                or _short_spaced_row(header_line, lines[index + 1], columns)
            )
        ):
            break
        index += 1
    if len(rows) >= _SPACED_MIN_ROWS or _score_columns_left_blank(titles, rows, short, lines):
        return sorted([header, *rows, *short])
    return []


# the columns a 自评表's part rows leave blank: the 预算执行率 indicator's score, on its total row
_SCORE_TITLE = re.compile(r"^(?:分值|得分|权重|评分|扣分|满分|自评得分|自评分)$")


def _score_columns_left_blank(
    titles: list[str], rows: list[int], short: list[int], lines: list[str]
) -> bool:
    """A 自评表's money block laid out with spaces ("项目  预算数  执行数  执行率  分值  得分" over
    "资金总额  1,286.40  1,231.75  95.75%  10  9.58", then "基本支出  468.30  466.12  99.53%"): one
    full row (the total, with its score) and two short rows or more, each leaving blank only
    score columns (分值 / 得分 / 权重) at the end, its numbers under their titles
    (`_short_spaced_row`), prove the columns as two full rows do."""
    if len(rows) != 1 or len(short) < _SPACED_MIN_ROWS:
        return False
    return all(
        all(_SCORE_TITLE.match(title) for title in titles[len(_spaced_cells(lines[n])) :])
        for n in short
    )


def _cell_spans(line: str) -> list[tuple[int, int]]:
    """(first, last) display column of each cell of a space-aligned line (an ideograph 2 wide)."""
    spans: list[tuple[int, int]] = []
    for match in re.finditer(r"\S+(?: \S+)*", line):
        start = _width(line[: match.start()])
        spans.append((start, start + _width(match.group(0)) - 1))
    return spans


def _short_spaced_row(header: str, line: str, columns: int) -> bool:
    """A row that leaves its last columns blank ("  基本支出      276.30      291.45" under
    "项目      2023年      2024年      增减率"): a label and numbers in the first columns, each number
    standing under its own column's title (their display columns overlap; an ideograph is 2
    wide), so that a blank column in the middle, which would shift the numbers, is never taken
    for a blank one at the end."""
    cells = _spaced_cells(line)
    if not 3 <= len(cells) + 1 <= columns or _SPACED_NUMBER.match(cells[0]):
        return False
    if not all(_SPACED_NUMBER.match(cell) for cell in cells[1:]):
        return False
    titles, spans = _cell_spans(header), _cell_spans(line)
    if len(titles) != columns or len(spans) != len(cells):
        return False
    for n in range(1, len(cells)):
        (first, last), (title_first, title_last) = spans[n], titles[n]
        if last < title_first or first > title_last:
            return False
        if n + 1 < columns and last >= titles[n + 1][0]:
            return False
    return True


# a form's block whose first column is a merged caption ("资金情况      项目      年初预算数    全年预算数
# …" over indented rows "              年度资金总额      468.20      512.74 …"): the caption alone on
# the header row, each row's label under the second title, its numbers each under a title of its
# own, a blank cell left as blank space (a 上年结转 with no 年初预算数)
_SECTION_MIN_TITLES = 4  # the caption, the row labels' title and two columns at least


def _section_column_cells(header: list[tuple[int, int]], line: str) -> list[int] | None:
    """The column of each cell of *line* under a header of display spans *header* (the caption
    first): the label in column 1 (after the caption's end, before the first value title), each
    number or dash under its own title (display columns overlapping, never reaching the next
    title), left to right; None when the line is not such a row."""
    cells, spans = _spaced_cells(line), _cell_spans(line)
    if len(cells) < 2 or len(cells) != len(spans) or _SPACED_NUMBER.match(cells[0]):
        return None
    if re.search(r"\d", cells[0]) or not re.search(rf"[{CJK}]", cells[0]):
        return None
    if not (header[0][1] < spans[0][0] and spans[0][1] < header[2][0]):
        return None
    columns = [1]
    for cell, (first, last) in zip(cells[1:], spans[1:], strict=True):
        if not _SPACED_NUMBER.match(cell):
            return None
        under = [
            n
            for n in range(2, len(header))
            if first <= header[n][1]
            and last >= header[n][0]
            and (n + 1 == len(header) or last < header[n + 1][0])
        ] or _title_just_after(header, first, last)
        if len(under) != 1 or under[0] <= columns[-1]:
            return None
        columns.append(under[0])
    return columns


_NEAR_TITLE = 2  # display columns between a cell and the title it stands just before


def _title_just_after(header: list[tuple[int, int]], first: int, last: int) -> list[int]:
    """The value title a cell under no title ends right before ("10" ending a column or two short
    of "分值" in a form typed by hand), when no other title is nearer than three times that gap."""
    gaps = sorted(
        (min(abs(title_first - last), abs(first - title_last)), n)
        for n, (title_first, title_last) in enumerate(header)
        if n >= 2
    )
    if not gaps or gaps[0][0] > _NEAR_TITLE:
        return []
    if len(gaps) > 1 and gaps[1][0] <= 3 * gaps[0][0]:
        return []
    return [gaps[0][1]]


def _section_column_table(lines: list[str], header: int) -> dict[int, list[int]]:
    """The lines of a space-aligned block with a merged caption column under *lines[header]*,
    each with the column of every cell ({} when there is none): two rows or more with a figure,
    rows of dashes alone between them kept."""
    titles = _spaced_cells(lines[header])
    spans = _cell_spans(lines[header])
    if (
        len(titles) < _SECTION_MIN_TITLES
        or len(titles) != len(spans)
        or spans[0][0] != 0
        or any(re.search(r"\d", title) for title in titles)
    ):
        return {}
    found: dict[int, list[int]] = {header: list(range(len(titles)))}
    figures = 0
    index = header + 1
    while index < len(lines):
        columns = _section_column_cells(spans, lines[index])
        if columns is None:
            break
        found[index] = columns
        figures += any(c[0].isdigit() for c in _spaced_cells(lines[index])[1:])
        index += 1
    while len(found) > 1 and not any(c[0].isdigit() for c in _spaced_cells(lines[max(found)])[1:]):
        del found[max(found)]  # a trailing row of dashes alone is no row of the block
    return found if figures >= _SPACED_MIN_ROWS else {}


def _placed_row(line: str, origin: list[int], columns: list[int]) -> tuple[str, list[int]]:
    """A space-aligned row as a tab row with each cell in its column: the indentation is the
    blank caption cell, a gap over blank columns is as many tabs (each maps to the gap's first
    space)."""
    pieces: list[str] = []
    new_origin: list[int] = []
    matches = list(re.finditer(r"\S+(?: \S+)*", line))
    previous_end, previous_column = 0, 0 if columns[0] else -1
    for match, column in zip(matches, columns, strict=True):
        tabs = column - previous_column
        if tabs:
            pieces.append("\t" * tabs)
            new_origin.extend([origin[previous_end]] * tabs)
        pieces.append(match.group(0))
        new_origin.extend(origin[match.start() : match.end()])
        previous_end, previous_column = match.end(), column
    return "".join(pieces), new_origin


# a small table typed with one space between its cells ("科目 全年执行数 占比" over "工资福利支出
# 3,905.47 32.66%"): titles only on its header, a label then figures only on each row
_SINGLE_TITLE = re.compile(rf"^[{CJK}()]{{2,12}}$")
_SINGLE_LABEL = re.compile(rf"^[{CJK}()“”:]{{2,24}}$")
_SINGLE_FIGURE = re.compile(rf"^(?:{NUMBER})%?$|^[-—/]$")
_SINGLE_MIN_ROWS = 2


def _single_spaced_tables(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Tables typed with single spaces between cells → tab rows: a header of two to eight titles
    (no figure, no punctuation) over two rows or more, each a label and as many figures as the
    header has titles after its first. Anything else (prose with a space in it, a row whose
    cells do not match the header's count) is left as it is."""
    lines = text.split("\n")
    table: set[int] = set()
    headless: set[int] = set()  # the first rows of tables an excerpt cut above their header
    index = 0
    while index < len(lines):
        titles = lines[index].split(" ")
        if not 2 <= len(titles) <= 8 or not all(_SINGLE_TITLE.match(t) for t in titles):
            run, proven = _rows_proven_by_their_rates(lines, index)
            if proven:
                headless.add(index)
                table.update(range(index, index + run))
            index += max(run, 1)  # rows that did not prove a table are no header either
            continue
        rows = index + 1
        while rows < len(lines) and _single_row(lines[rows], len(titles)):
            rows += 1
        figures_only = rows == index + 2 and all(
            _SINGLE_FIGURE.match(cell) for cell in lines[index + 1].split(" ")
        )
        if rows - index - 1 >= _SINGLE_MIN_ROWS or figures_only:
            table.update(range(index, rows))
            index = rows
        else:
            index += 1
    if not table:
        return text, origin

    def rewrite(number: int, line: str, line_origin: list[int]) -> tuple[str, list[int]]:
        if number not in table:
            return line, line_origin
        row, row_origin = _substitute(line, line_origin, _SINGLE_GAP, "\t")
        if number in headless:  # the titles its rates prove, each mapped to the row's start
            return _HEADLESS_TITLES + row, [row_origin[0]] * len(_HEADLESS_TITLES) + row_origin
        return row, row_origin

    return _rewrite_lines(text, origin, rewrite)


_SINGLE_GAP = re.compile(r"(?<=\S) (?=\S)")
_HEADLESS_TITLES = "项目\t预算数\t执行数\t执行率\n"
_RATE_CELL = re.compile(r"^(\d+(?:\.\d+)?)%$")


def _rows_proven_by_their_rates(lines: list[str], start: int) -> tuple[int, bool]:
    """The rows from *start* of a table whose header an excerpt cut off ("基本支出 802.26 794.18
    98.99%" / … / "合计 …"): each a label, two amounts and a percent, one space apart, the
    percent the second amount over the first to the places written; two rows or more and their
    合计 adding them up. Returns how many such rows follow *start* and whether they prove it."""
    rows: list[tuple[str, Decimal, Decimal]] = []
    for line in lines[start:]:
        cells = line.split(" ")
        if len(cells) != 4 or not _SINGLE_LABEL.match(cells[0]):
            break
        budget, spent = parse_number(cells[1]), parse_number(cells[2])
        rate = _RATE_CELL.match(cells[3])
        if budget is None or spent is None or budget <= 0 or rate is None:
            break
        written = Decimal(rate.group(1))
        places = Decimal(1).scaleb(min(written.as_tuple().exponent, 0))  # type: ignore[arg-type]
        if (spent * 100 / budget).quantize(places, rounding=ROUND_HALF_UP) != written:
            break
        rows.append((cells[0], budget, spent))
    # …and closed by its 合计 row, the rows above it adding up to it in both columns
    if len(rows) < _SINGLE_MIN_ROWS + 1 or rows[-1][0] not in ("合计", "总计", "小计"):
        return len(rows), False
    parts = rows[:-1]
    if sum(r[1] for r in parts) != rows[-1][1] or sum(r[2] for r in parts) != rows[-1][2]:
        return len(rows), False
    return len(rows), True


def _single_row(line: str, columns: int) -> bool:
    """A label then figures, or (a header of titles over one row of counts: "编制数 实有人数 在职
    退休" over "62 86 55 31") figures only, as many cells as the header has."""
    cells = line.split(" ")  # one space apart: runs of spaces are `_space_aligned_tables`
    if len(cells) != columns:
        return False
    if all(_SINGLE_FIGURE.match(cell) for cell in cells):
        return True
    return bool(_SINGLE_LABEL.match(cells[0])) and all(
        _SINGLE_FIGURE.match(cell) for cell in cells[1:]
    )


# a table of keys and values, two pairs or more a row ("年初预算:49,870.00万元\t全年预算:58,326.47
# 万元" / "全年执行:56,917.08万元\t执行率:97.58%"): each pair a key：value line of its own
_KEY_VALUE_CELL = re.compile(rf"^[{CJK}()]{{2,14}}:\s*\S[^\t:]{{0,40}}$")
_KEY_VALUE_PAIRS = re.compile(r"^[^\n\t]+(?:\t[^\n\t]+)+$", re.M)


# an amount written with the yuan sign ("¥3,380,000.00"), as a budgeting system's pages show them
_YEN = re.compile(r"[¥￥]\s*(?=\d)")
_YEN_AMOUNT = re.compile(rf"[¥￥]\s*(?:{NUMBER})")
_UNIT_STATED = re.compile(r"单位|\((?:亿元|万元|千元|元)\)")


# a template's blank filled in: the value in brackets or between underscores right before its
# unit ("编制数（ 45 ）人", "年初预算数（ 1,286.40 ）万元", "实有人数____52____人", "执行率（ 96.37 ）%")
_FILLED_BLANK = re.compile(
    rf"(?:\([ \t　]*({NUMBER})[ \t　]*\)|_+[ \t　]*({NUMBER})[ \t　]*_+)"
    r"(?=[ \t　]*(?:亿元|万元|千元|元|人|名|个|辆|%|分|万亩|亩|批次|人次|份|件|户|次|万吨|公里|平方米))"
)
# …and a grade filled in after its title: "自评等级（ 优 ）", "评价等次为____良好____"
_FILLED_GRADE = re.compile(
    r"(?<=[级次果])(?:为)?(?:\([ \t　]*(优秀|优|良好|良|中等|中|合格|及格|较差|差)[ \t　]*\)"
    r"|_{2,}[ \t　]*(优秀|优|良好|良|中等|中|合格|及格|较差|差)[ \t　]*_{2,})"
)


def _filled_blanks(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """A template's filled-in blanks (`_FILLED_BLANK`) become the bare value before its unit, as
    prose writes it; each digit keeps its origin."""
    if "(" not in text and "_" not in text:
        return text, origin
    text, origin = _kept_groups(text, origin, _FILLED_GRADE)
    return _kept_groups(text, origin, _FILLED_BLANK)


def _kept_groups(text: str, origin: list[int], pattern: re.Pattern[str]) -> tuple[str, list[int]]:
    """*text* with each match of *pattern* replaced by its one group that matched."""
    return _matches_rebuilt(
        text, origin, pattern, lambda m: [m.span(next(g for g in (1, 2) if m.group(g) is not None))]
    )


def _matches_rebuilt(
    text: str,
    origin: list[int],
    pattern: re.Pattern[str],
    spans: Callable[[re.Match[str]], list[tuple[int, int]]],
) -> tuple[str, list[int]]:
    """*text* with each match of *pattern* rebuilt from the *spans* of it (in their order), every
    character keeping its origin."""
    pieces: list[str] = []
    new_origin: list[int] = []
    position = 0
    for match in pattern.finditer(text):
        pieces.append(text[position : match.start()])
        new_origin.extend(origin[position : match.start()])
        for start, end in spans(match):
            pieces.append(text[start:end])
            new_origin.extend(origin[start:end])
        position = match.end()
    if not pieces:
        return text, origin
    pieces.append(text[position:])
    new_origin.extend(origin[position:])
    return "".join(pieces), new_origin


def _yen_amounts(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Amounts written with ¥ are in 元: in prose the 元 is put after the number ("¥12,800,000.00"
    → "12,800,000.00元"); a table whose rows hold them gets the unit line "单位:元" above its
    header row (the header has no ¥ and states no unit). The ¥ goes. A table with no header
    row to put the unit above keeps its ¥ (its amounts are left unread, never read as 万元)."""
    if "¥" not in text and "￥" not in text:
        return text, origin
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    inserts: dict[int, str] = {}
    kept: set[int] = set()
    number = 0
    while number < len(lines):
        line = lines[number]
        if "\t" not in line or not _YEN.search(line):
            for match in _YEN_AMOUNT.finditer(line):
                inserts[starts[number] + match.end()] = "元"
            number += 1
            continue
        header = number - 1
        end = number
        while end < len(lines) and "\t" in lines[end]:
            end += 1
        if header >= 0 and "\t" in lines[header] and not _YEN.search(lines[header]):
            if not _UNIT_STATED.search(lines[header]):
                inserts[starts[header]] = "单位:元\n"
        else:
            kept.update(range(number, end))
        number = end
    text, origin = _inserted(text, origin, inserts)
    if kept:
        return text, origin  # (rare) a ¥ table with no header: all ¥ left as written
    return _substitute(text, origin, _YEN, "")


def _key_value_pairs_a_line(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Rows whose every cell is a key：value pair, two or more, become one pair a line (each
    tab a line break, so every character keeps its origin). A row with a cell that is no pair
    (a title, a bare value) is a table's and stays a row."""
    if "\t" not in text:
        return text, origin

    def split(match: re.Match[str]) -> str:
        cells = match.group(0).split("\t")
        if all(_KEY_VALUE_CELL.match(cell.strip()) for cell in cells):
            return match.group(0).replace("\t", "\n")
        return match.group(0)

    return _substitute(text, origin, _KEY_VALUE_PAIRS, split)


# a table pasted one cell a line with a 序号 column first ("序号" / "经济分类" / "可支配预算" / … /
# "1" / "工资福利支出" / "5,948.10" / …): the 序号 title and each row's number go, the rest is the
# one-cell-a-line form the readers know
_ROW_NUMBER_TITLE = re.compile(r"^\s*(?:序号|编号|行次)\s*$")
_ROW_NUMBER = re.compile(r"^\s*\d{1,2}\s*$")
_CELL_LINE_BLOCK_END = 40  # a line this long is prose: the pasted table has ended


def _row_numbers_dropped(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """The 序号 title line over a row-label title line, and every lone row number (1, 2…) right
    before a row's label line below it, dropped, up to the first line of prose."""
    if "序号" not in text and "编号" not in text and "行次" not in text:
        return text, origin
    lines = text.split("\n")
    dropped: set[int] = set()
    for n, line in enumerate(lines[:-1]):
        if not _ROW_NUMBER_TITLE.match(line) or not ROW_LABEL_TITLE.match(lines[n + 1].strip()):
            continue
        dropped.add(n)
        for k in range(n + 2, len(lines) - 1):
            if len(lines[k]) > _CELL_LINE_BLOCK_END or "\t" in lines[k]:
                break
            if _ROW_NUMBER_TITLE.match(lines[k]):
                break  # the next table's 序号: its own block (each line looked at once)
            label = lines[k + 1].strip()
            if _ROW_NUMBER.match(lines[k]) and re.match(rf"[{CJK}]", label):
                dropped.add(k)
    if not dropped:
        return text, origin
    kept_text: list[str] = []
    kept_origin: list[int] = []
    position = 0
    for n, line in enumerate(lines):
        end = position + len(line) + 1
        if n not in dropped:
            kept_text.append(text[position : min(end, len(text))])
            kept_origin.extend(origin[position : min(end, len(text))])
        position = end
    return "".join(kept_text), kept_origin


def _space_aligned_tables(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Rows of tables aligned with spaces → tab-separated rows, each character keeping its origin
    (a gap of spaces becomes one tab that maps to the gap's first space)."""
    lines = text.split("\n")
    table_lines: set[int] = set()
    spread_headers: set[int] = set()
    placed: dict[int, list[int]] = {}
    index = 0
    unlabelled: set[int] = set()  # headers with no title over the rows' labels
    while index < len(lines):
        found = _spaced_table(lines, index)
        if not found:
            found = _table_under_unlabelled_titles(lines, index)
            if found:
                unlabelled.add(index)
        if not found:
            section = _section_column_table(lines, index)
            placed.update(section)
            found = sorted(section)
        table_lines.update(found)
        if found and index not in placed and not _spaced_table_under(lines, index, lines[index]):
            spread_headers.add(index)
        index = found[-1] + 1 if found else index + 1
    if not table_lines:
        return text, origin

    def rewrite(number: int, line: str, line_origin: list[int]) -> tuple[str, list[int]]:
        if placed.get(number, [0])[0]:
            return _placed_row(line, line_origin, placed[number])
        if number not in table_lines:
            return line, line_origin
        if number in spread_headers:
            line, line_origin = _substitute(
                line, line_origin, _SPREAD_TITLE, lambda m: m.group(1) + m.group(2).replace(" ", "")
            )
        elif _SPREAD_LABEL.match(line):
            # a row taken in for its spread-out label closed up ("合    计" → "合计")
            line, line_origin = _substitute(
                line, line_origin, _SPREAD_LABEL, lambda m: m.group(0).replace(" ", "")
            )
        row, row_origin = _substitute(line, line_origin, _GAP, "\t")
        if number in unlabelled:  # an empty cell over the rows' labels
            stripped = row.lstrip(" ")
            skipped = len(row) - len(stripped)
            return "\t" + stripped, [row_origin[skipped], *row_origin[skipped:]]
        return row, row_origin

    return _rewrite_lines(text, origin, rewrite)


# A 自评表's money block pasted as text one cell per line ("项目" / "年初预算数" / "全年预算数" /
# "全年执行数" / "分值" / "执行率" / "得分" / "年度资金总额" / "2,206.80" / …), merged cells coming out
# as empty lines or "/" cells: its rows become tab rows (as a Word table's), so the table readers
# read it. The columns are proven by the count: the header's column titles are each a money, rate
# or score column (one budget, one spending and one of the form's score columns 分值 / 得分 at
# least: a plain execution table of budget / spending / 执行率 stays with flat_tables.py), and the
# first row under them has a number in every one of them.
_FORM_LINE = re.compile(rf"^[{CJK}()“”、%]{{2,20}}$")
_FORM_LABEL = re.compile(rf"^(?:其中:?)?[{CJK}()“”、]{{2,16}}$")


def _form_block(stripped: list[str], label: int) -> list[tuple[int, int]]:
    """The rows (first line, last line) of the flattened form block whose first row's label is
    *lines[label]*, or [] when the lines before it are not such a block's header or the block is
    not proven. A row is its label and one line per column (a number, a rate, "/" or "-", an
    empty line for a merged cell); a row that ends early (its last cells left out) is one when
    it fills the money columns before the first rate or score column. A row with fewer cells (a
    总分 row under the block), a sentence or anything else ends the block; a rate under another
    column, a row with more cells than columns, or a rate its row's figures do not give, and
    none of it is a table (a cell lost or added: flat_tables.py's readers decide). *stripped*:
    the text's lines, each stripped (once for the whole text: this runs at every label)."""
    lines = stripped
    columns = 0
    while label + 1 + columns < len(lines) and FORM_CELL.match(stripped[label + 1 + columns]):
        columns += 1
    if columns < 3 or label < columns + 1:
        return []
    header = stripped[label - columns - 1 : label]
    kinds = [form_column(title) for title in header[1:]]
    if (
        None in kinds
        or not {"budget", "spent", "score"} <= set(kinds)
        or not all(_FORM_LINE.match(title) for title in header)
        or form_column(header[0]) is not None
    ):
        return []
    if label - columns - 2 >= 0 and form_column(stripped[label - columns - 2]) is not None:
        return []  # a column title left above the header: a title lost, the columns shifted
    money = min(kinds.index(kind) for kind in ("rate", "score") if kind in kinds)
    rows: list[tuple[int, int]] = []
    cells_of_rows: list[list[str]] = []
    index = label
    while index < len(lines) and _FORM_LABEL.match(stripped[index]):
        cells = 0
        while (
            cells < columns
            and index + 1 + cells < len(lines)
            and (not stripped[index + 1 + cells] or FORM_CELL.match(stripped[index + 1 + cells]))
        ):
            cells += 1
        filled = cells
        while filled and not stripped[index + filled]:
            filled -= 1  # trailing empty lines of a row that ends early: blank cells or spacing
        row = stripped[index + 1 : index + 1 + filled]
        if cells < columns and (filled < money or not all(row)):
            break
        if percent_off_its_column(row, kinds):
            return []
        after = index + 1 + cells
        if cells == columns and after < len(lines) and FORM_CELL.match(stripped[after]):
            return []  # more cells than columns
        rows.append((index, index + (cells if cells == columns else filled)))
        cells_of_rows.append(row)
        index = after
    if not rows or not (
        rates_hold(cells_of_rows, header[1:], kinds) or _parts_add_up(cells_of_rows, kinds)
    ):
        return []
    return rows


def _parts_add_up(rows: list[list[str]], kinds: list[str | None]) -> bool:
    """The rows under the first (two or more: 基本支出 / 项目支出) add up to it in every budget and
    spending column, each of them filling those columns: the sums prove that no cell was lost or
    moved, so a rate that its row's figures do not give is the report's own (a typo, read as
    stated and reported by the checks), not a sign of cells out of place."""
    money = [column for column, kind in enumerate(kinds) if kind in ("budget", "spent")]
    if len(rows) < 3 or any(len(cells) <= max(money) for cells in rows):
        return False
    for column in money:
        values = [form_number(cells[column]) for cells in rows]
        if any(value is None for value in values):
            return False
        total, *parts = values
        if total is None or total <= 0 or sum(parts, Decimal(0)) != total:
            return False
    return True


def _flattened_form_rows(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """A 自评表's money block flattened one cell per line → tab rows: the line breaks inside the
    header and each row become tabs, character for character (origins unchanged)."""
    lines = text.split("\n")
    stripped = [line.strip() for line in lines]
    joined: set[int] = set()  # lines whose line break becomes a tab
    index = 0
    while index < len(lines):
        rows = _form_block(stripped, index) if _FORM_LABEL.match(stripped[index]) else []
        if not rows:
            index += 1
            continue
        first, _ = rows[0]
        width = rows[0][1] - first
        joined.update(range(first - width - 1, first - 1))  # the header
        for start, end in rows:
            joined.update(range(start, end))
        index = rows[-1][1] + 1
    if not joined:
        return text, origin
    characters = list(text)
    position = 0
    for number, line in enumerate(lines[:-1]):
        position += len(line)
        if number in joined:
            characters[position] = "\t"
        position += 1
    return "".join(characters), origin


# a list number dropped into the middle of a sentence ("实有人数1、42人"): not after 第, not
# the start of a real list (no "2、" shortly after), between two ideographs or ideograph and digit
_STRAY_MARKER = re.compile(rf"(?<=[{CJK}])(?<!第)\d{{1,3}}、(?=[{CJK}\d])")


# an item of a list of counts by role: a short label opened by a bracket or a separator, its
# number, 、, the next short label and its number ("（在职30、退休5）", "，行政20、事业12")
_COUNT_ITEM_BEFORE = re.compile(rf"[(（,，、;；]\s*[{CJK}]{{1,8}}$")
_COUNT_ITEM_AFTER = re.compile(rf"[{CJK}]{{1,8}}\d")


def _drop_stray_markers(text: str, origin: list[int]) -> tuple[str, list[int]]:
    def replace(match: re.Match[str]) -> str:
        following = text[match.end() : match.end() + 80]
        number = int(match.group(0)[:-1])
        if re.search(rf"(?<!\d){number + 1}、", following) or number == 0:
            return match.group(0)
        if _COUNT_ITEM_BEFORE.search(text, 0, match.start()) and _COUNT_ITEM_AFTER.match(following):
            return match.group(0)  # "（在职30、退休5）": counts listed by role, not a list number
        return ""

    return _substitute(text, origin, _STRAY_MARKER, replace)


_LINE_BREAK = re.compile(rf"(?<=[{CJK},、])\n(?=[{CJK}])")  # a clause comma ends no line
_NUMBERED_START = re.compile(rf"^{_HEADING_MARK}", re.M)
SOFT_BREAK_MIN_LINE = 40


# a row of a form laid out with spaces: two cells apart by a run of three spaces or more
# ("编制数          22", "项目                    预算数        执行数…"); no wrapped prose line
_SPACED_CELLS = re.compile(r"\S {3,}\S")


def _join_soft_breaks(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """A long line broken between two ideographs ("始终坚持以政治建设为统\n领") continues on the
    next line: hard-wrapped text and PDF extraction. Short lines (titles) are left alone."""

    def replace(match: re.Match[str]) -> str:
        line_start = text.rfind("\n", 0, match.start()) + 1
        if match.start() - line_start < SOFT_BREAK_MIN_LINE:
            return "\n"
        line_end = text.find("\n", match.end())
        if "\t" in text[line_start : line_end if line_end >= 0 else len(text)]:
            return "\n"  # table rows stay rows
        if _SPACED_CELLS.search(text, line_start, match.start()) or _SPACED_CELLS.search(
            text, match.end(), line_end if line_end >= 0 else len(text)
        ):
            return "\n"  # so do rows whose cells stand apart by runs of spaces
        if _NUMBERED_START.match(text, match.end()):
            return "\n"
        if _KEY_VALUE_START.match(text, match.end()):
            return "\n"  # "…资本性支出：96.76万元" / "预算执行率：97.73%": a form's next field
        if _SCORE_TABLE_HEADER.search(text, line_start, match.start()) and not re.search(
            r"\d", text[line_start : match.start()]
        ):
            return (
                "\n"  # "一级指标 二级指标 … 分值 得分 偏差原因…": a table's header, its rows below
            )
        return ""

    return _substitute(text, origin, _LINE_BREAK, replace)


# a score table's header line, its titles closed up ("绩效指标一级指标二级指标三级指标…分值得分偏差原因")
_SCORE_TABLE_HEADER = re.compile(r"一级指标.{0,40}(?:分值|权重).{0,4}得分")


# a line that opens on a form's field, a short label and a colon before a number: "预算执行率：97.73%"
_KEY_VALUE_START = re.compile(rf"[{CJK}]{{2,12}}(?:\([^()\n]{{1,8}}\))?:[ \t]*\d")


# Text hard-wrapped at a fixed width (PDF text layers pasted as text, the 公文 layout at 28–39
# characters a line): most body lines reach the same right margin and none goes past it. A line
# that reaches the margin continues on the next one, whatever the characters at the break
# ("事业编" / "制28名", "其中基本支出" / "1,021.58万元", "93.5" / "分").
_WRAP_MIN_WIDTH = 40  # display width (an ideograph is 2, an ASCII character 1)
_WRAP_SLACK = 8  # a full line ends within 4 ideographs of the margin (numbers do not break)
_WRAP_MIN_LINES = 3
_SENTENCE_END = "。!?！？"
_WRAPPED_HEADING = re.compile(rf"{_HEADING_MARK}(?!\d)|第[一二三四五六七八九十]{{1,3}}部分")


def _width(line: str) -> int:
    """Display width: ideographs 2, digits and letters 1, punctuation 2 unless inside a number
    ("1,021.58"; full-width punctuation has been folded to ASCII by now)."""
    width = 0
    for index, char in enumerate(line):
        if ord(char) >= 0x2E80:
            width += 2
        elif char.isalnum() or char == " ":
            width += 1
        else:
            inside = 0 < index < len(line) - 1 and line[index - 1].isdigit()
            width += 1 if inside and line[index + 1].isdigit() else 2
    return width


display_width = _width  # for the readers that place cells laid out with spaces


def _characters(line: str) -> int:
    """Width as a character count, doubled to the scale of `_width` (text wrapped by a tool at
    a fixed number of characters, digits counting as much as ideographs)."""
    return 2 * len(line)


def wrap_margin(lines: list[str], measure: Callable[[str], int] = _width) -> int | None:
    """The right margin of hard-wrapped text: the width most body lines reach and none exceeds
    (a few over it are titles or table rows). None for text with a line per paragraph. Rows of
    cells (a run of three spaces between two cells) are no full lines: their width is their
    columns' (they still count as lines over the margin or short of it)."""
    widths = [measure(line) for line in lines if "\t" not in line]
    body = sorted(width for width in widths if width >= _WRAP_MIN_WIDTH)
    if len(body) < _WRAP_MIN_LINES:
        return None
    # distinct widths are few: long texts stay linear
    histogram = Counter(
        width
        for line in lines
        if "\t" not in line
        and (width := measure(line)) >= _WRAP_MIN_WIDTH
        and not _SPACED_CELLS.search(line.strip())
    )
    best, best_count = None, 0
    for margin in histogram:
        count = sum(n for width, n in histogram.items() if margin - _WRAP_SLACK <= width <= margin)
        if count > best_count or (count == best_count and best is not None and margin > best):
            best, best_count = margin, count
    if best is None or best_count < _WRAP_MIN_LINES:
        return None
    over = sum(1 for width in body if width > best)
    below = sum(1 for width in widths if best // 2 <= width < best - _WRAP_SLACK)
    # full lines are most of the body; paragraph ends (shorter) and lines past it are few
    if over * 10 > len(body) or best_count < 2 * max(over, 1) or best_count < below:
        return None
    return best


def _join_lines(
    text: str, origin: list[int], runs_on: Callable[[str, str], bool]
) -> tuple[str, list[int]]:
    """Drop the line break after each line that `runs_on(line, next_line)` says continues (lines
    holding a tab, a table row's cells, never do), keeping each character's origin."""
    lines = text.split("\n")
    breaks: list[int] = []
    position = 0
    for number, line in enumerate(lines[:-1]):
        position += len(line)
        following = lines[number + 1]
        if (
            line
            and following
            and "\t" not in line + following
            and not _SPACED_CELLS.search(line.strip())
            and not _SPACED_CELLS.search(following.strip())
            and runs_on(line, following)
        ):
            breaks.append(position)
        position += 1
    if not breaks:
        return text, origin
    drop = set(breaks)
    kept = [i for i in range(len(text)) if i not in drop]
    return "".join(text[i] for i in kept), [origin[i] for i in kept]


def _join_wrapped_lines(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Join each line of hard-wrapped text that reaches the margin to the next line."""
    lines = text.split("\n")
    # wrapped by display width (a PDF's text layer) or at a fixed count of characters (digits as
    # wide as ideographs): the measure by which more lines end exactly at the margin, display
    # width on a tie
    fits: list[tuple[int, int, Callable[[str], int]]] = []
    for rank, candidate in enumerate((_width, _characters)):
        found = wrap_margin(lines, candidate)
        if found is not None:
            full = sum(1 for line in lines if candidate(line) == found)
            fits.append((full, -rank, candidate))
    if not fits:
        return text, origin
    measure = max(fits, key=lambda fit: fit[:2])[2]
    margin = wrap_margin(lines, measure)
    assert margin is not None

    def reaches_margin(line: str, following: str) -> bool:
        return (
            measure(line) >= margin - _WRAP_SLACK
            and line[-1] not in _SENTENCE_END
            and not _WRAPPED_HEADING.match(following)
        )

    return _join_lines(text, origin, reaches_margin)


# Ragged (not justified) wrapped text has no common margin, but a sentence still runs on when a
# line inside it ends on a label and the next line starts with that label's figure ("…其中基本支出"
# / "1,020.18万，项目支出…"): the line holds a clause already (a comma in it) and does not end one.
_FIGURE_START = re.compile(r"\d[\d,]*(?:\.\d+)?(?:亿元|万元|千元|元|万|%|人|名|个|分)")
_CLAUSE_END = "。!?;:,、！？；：，"
# a comma between clauses, not one grouping a number's digits ("2,397.52" alone on its line is a
# table's cell, not a sentence in progress)
_CLAUSE_COMMA = re.compile(r"(?<!\d),|,(?!\d{3}(?!\d))|，")


def _join_figure_continuations(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Join a line of a sentence in progress to the next when that one starts with a figure."""

    def runs_on_to_figure(line: str, following: str) -> bool:
        return (
            _CLAUSE_COMMA.search(line) is not None
            and line[-1] not in _CLAUSE_END
            and _FIGURE_START.match(following) is not None
        ) or _label_runs_on(line, following)

    return _join_lines(text, origin, runs_on_to_figure)


# the rest of a money label and its figure starting a line ("支出总额13,150.00万元", "支出1,782.22")
_LABEL_TAIL_START = re.compile(
    r"(?:支出|预算|收入|经费|执行|决算)[\u4e00-\u9fff]{0,4}(?:为|是|达)?[:：]?\d"
    r"|得分(?:为|是)?[:：]?\d"  # "…绩效综合自评" / "得分86.5分"
)
# a line ending on a figure and its unit is complete ("资本性支出：338万元")
_ENDS_ON_A_FIGURE = re.compile(r"\d\s*(?:亿元|万元|千元|元|万|人|名|个|%|分)$")
# a title or heading ends so ("…绩效自评报告", "…支出情况"), a label does not
_TITLE_END = re.compile(r"(?:报告|报告书|表|情况|说明|概况|结论|结果|目录)$")
_HEADING_START = re.compile(rf"^\s*(?:{_HEADING_MARK}|第[一二三四五六七八九十]{{1,3}}[部章节])")


def _label_runs_on(line: str, following: str) -> bool:
    """ "医院2021年全年预算" / "支出总额13,150.00万元。全年实际" / "支出12,986.72万元，其中基本" /
    "支出11,204.50万元": a prose line (a figure or a comma in it, not a heading) ending mid-word,
    whose next line starts with the rest of a money label and its figure."""
    return (
        line[-1] not in _CLAUSE_END
        and "\u4e00" <= line[-1] <= "\u9fff"
        and bool(re.search(r"\d|,|，", line))
        and _HEADING_START.match(line) is None
        and _TITLE_END.search(line) is None
        and _ENDS_ON_A_FIGURE.search(line) is None
        and _LABEL_TAIL_START.match(following) is not None
    )


# a percentage in Chinese numerals ("百分之九十五点一三") is the same figure as "95.13%"
_CHINESE_PERCENT = re.compile(
    r"百分之([零〇一二两三四五六七八九十百]{1,6})(?:点([零〇一二三四五六七八九]{1,4}))?"
)


def _percent_in_digits(match: re.Match[str]) -> str:
    whole = parse_chinese_int(match.group(1))
    if whole is None or whole > 100:
        return match.group(0)
    decimals = "".join(str(CHINESE_DIGITS[c]) for c in match.group(2) or "")
    return f"{whole}.{decimals}%" if decimals else f"{whole}%"


# a head-count in Chinese numerals after a staffing word ("行政编制二十一名", "实有在编人员五十一名",
# "退休人员二十七名"): the numeral right before 名 / 人 (not 人次, 人口), the staffing word at most
# eight characters before it
_CHINESE_COUNT = re.compile(
    r"(编制|实有|在编|在职|退休|离休)([^\d,;。、()\n]{0,8}?)"
    r"([一二两三四五六七八九十][零〇一二两三四五六七八九十百]{0,5})(?=[名人](?![次口民均]))"
)


def _count_in_digits(match: re.Match[str]) -> str:
    count = parse_chinese_int(match.group(3))
    if count is None:
        return match.group(0)
    return match.group(1) + match.group(2) + str(count)


def _chinese_counts(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """ "行政编制二十一名" → "行政编制21名": a staffing count in Chinese numerals, in digits."""
    return _substitute(text, origin, _CHINESE_COUNT, _count_in_digits)


# a staffing key：value whose unit is in brackets on the key, the value going on with a breakdown
# ("编制数（名）：63，其中行政编制28名…"): the unit put after the value, where the count readers
# look for it (a key：value line of its own is read as it stands)
_UNIT_ON_THE_KEY = re.compile(
    rf"(?P<key>[{CJK}]{{2,16}})\((?P<unit>人|名)\)(?P<colon>:\s*)"
    r"(?P<number>\d{1,6})(?=[,;。])"
)


def _unit_after_the_value(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """ "编制数(名):63," → "编制数:63名,", each character keeping its origin."""
    return _matches_rebuilt(
        text,
        origin,
        _UNIT_ON_THE_KEY,
        lambda m: [m.span(group) for group in ("key", "colon", "number", "unit")],
    )


def _chinese_percentages(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """ "百分之九十五点一三" → "95.13%" (a source quotes the whole numeral)."""
    return _substitute(text, origin, _CHINESE_PERCENT, _percent_in_digits)


# a year in Chinese numerals, digit by digit ("二〇二三年度", "二零二四年三月"): 19xx or 20xx only
_CHINESE_YEAR = re.compile(r"(?:一九|二[〇零])[〇零一二三四五六七八九]{2}(?=年)")


def _chinese_years(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """ "二〇二三年度" → "2023年度", a digit for each numeral (each keeps its origin)."""
    return _substitute(
        text,
        origin,
        _CHINESE_YEAR,
        lambda match: "".join(str(CHINESE_DIGITS[c]) for c in match.group(0)),
    )


# an amount with spaces as thousands separators ("6 485 320.00元", widened by justification to
# "6  485  320.00元"): groups of exactly three digits after the first, a money unit right after;
# a single space alone is also removed by the CJK pass below, two are not (they separate fields)
_SPACED_THOUSANDS = re.compile(
    r"(?<![\d.,])(?<!\d )(?<!\d  )\d{1,3}(?: {1,2}\d{3})+(?:\.\d+)?(?= ?(?:亿元|万元|千元|元|万(?![\d]))(?![\d]))"
)


# …and a table cell's amount so written, no unit after it ("| 合计 | 1 212.60 | 1 604.28 |", an
# OCR's or a PDF's "年度资金总额 986.30 1 286.45 1 241.08 96.47%"): one space between the groups,
# two decimals, the cell standing alone (a whole number before it, "10 1 286.45", is a cell
# apart; an amount before it, "986.30 1 286.45", is not)
_SPACED_THOUSANDS_CELL = re.compile(
    r"(?:(?<=\d\.\d\d )|(?<![\d.,%])(?<!\d ))\d{1,3}(?: \d{3})+\.\d{2}(?![\d.%])(?=\s|\||$)",
    re.MULTILINE,
)


def _spaced_thousands(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """ "6  485  320.00元" → "6485320.00元" (each digit keeps its origin); a PDF's space inside
    one group of a number with separators ("2,46 8.21万元", "20,8 36元") closed up."""
    text, origin = _substitute(
        text, origin, _SPACED_THOUSANDS, lambda match: match.group(0).replace(" ", "")
    )
    return _substitute(
        text, origin, _SPACE_INSIDE_A_GROUP, lambda match: match.group(1) + match.group(2)
    )


# "2,46 8.21万元": a space inside the three digits after a thousands separator, the number then
# going on to its decimals or its unit (never two numbers: "1,200 300" has no unit after it)
_SPACE_INSIDE_A_GROUP = re.compile(
    r"(?<=\d,)(\d(?=\d? \d)\d?) (\d{1,2})(?<=(?:\d{2} \d|\d \d{2}))"
    r"(?=(?:,\d{3})*(?:\.\d+)?\s*(?:亿元|万元|千元|元))"
)


def _spaced_thousands_cells(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """ "| 1 212.60 |" → "| 1212.60 |", before the readers of tables split cells at spaces."""
    return _substitute(
        text, origin, _SPACED_THOUSANDS_CELL, lambda match: match.group(0).replace(" ", "")
    )


# a list of amounts with the unit written once, after the last ("基本支出586.3215、项目支出
# 402.1860万元"; "工资福利支出452.1180、商品和服务支出441.6053、…、资本性支出37.2365万元")
_BARE_LIST_ITEM = re.compile(rf"(?<=[{CJK}]{{2}})(?<![第年月日共约近超])({NUMBER})(?=[、,])")
_NEXT_LIST_ITEM = re.compile(rf"[、,](?:和|及)?[{CJK}“”]{{2,24}}?({NUMBER})(亿元|千元|万元|元)?")
_LIST_UNIT_MAX_ITEMS = 12


def _inserted(text: str, origin: list[int], inserts: dict[int, str]) -> tuple[str, list[int]]:
    """*text* with each insert's words put in at its offset; the words added map to the character
    before them (a unit added after a number quotes the number as written)."""
    if not inserts:
        return text, origin
    pieces: list[str] = []
    new_origin: list[int] = []
    position = 0
    for at in sorted(inserts):
        pieces.append(text[position:at])
        new_origin.extend(origin[position:at])
        pieces.append(inserts[at])
        new_origin.extend([origin[at - 1]] * len(inserts[at]))
        position = at
    pieces.append(text[position:])
    new_origin.extend(origin[position:])
    return "".join(pieces), new_origin


def _unit_once_at_list_end(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """ "基本支出586.3215、项目支出402.1860万元" → "基本支出586.3215万元、项目支出402.1860万元": each
    bare amount of a list whose items are a label (ideographs) and a number, joined by 、 or ，,
    takes the money unit written after the list's last number. Only when every item up to that
    one is such a label and bare number (a 人 / 个 / % after one, a number with no label, or no
    money unit at the end, and nothing is added). The unit added maps to its number's last digit,
    so the source quotes the item as written."""
    inserts: dict[int, str] = {}
    for match in _BARE_LIST_ITEM.finditer(text):
        if match.end() in inserts:
            continue
        bare = [match.end()]
        position = match.end()
        unit = None
        while len(bare) <= _LIST_UNIT_MAX_ITEMS:
            item = _NEXT_LIST_ITEM.match(text, position)
            if item is None:
                break
            if item.group(2):
                unit = item.group(2)
                break
            if item.end() >= len(text) or text[item.end()] not in "、,":
                break
            bare.append(item.end())
            position = item.end()
        if unit is not None:
            inserts.update(dict.fromkeys(bare, unit))
    return _inserted(text, origin, inserts)


# a paragraph whose amounts after money labels are bare once the first carried its unit ("全年实际
# 支出143.27万元，其中基本支出117.96、项目支出25.31"; "年初预算356.8万元，…，追加后为412.35，全年支出
# 405.6。预算按经济分类：工资福利支出142.3，…"): quick typing that wrote the unit once
_MONEY_LABEL_END = (
    r"(?:支出|经费|补助|预算|预算数|执行|执行数|决算|决算数|拨款|资金|收入|合计|总额|支付|结余|结转|"
    r"追加后|调整后)(?:为|:)?\s*"
)
_UNIT_AFTER_MONEY_LABEL = re.compile(
    rf"(?<![每均])(?<!标准){_MONEY_LABEL_END}({NUMBER})\s*(亿元|万元|元)(?![/每])"
)
_BARE_AFTER_MONEY_LABEL = re.compile(
    rf"{_MONEY_LABEL_END}(\d[\d,]*\.\d+)"
    r"(?![\d.%]|\s*(?:亿|万|千|元|人|名|个|户|次|项|件|分|%|倍)|\s*\n\s*\d)"
)


_NEXT_LINE_REACH = 64  # text after a line the bare-amount lookahead may need (a page marker too)
_LEADING_BLANKS = re.compile(r"\s*")


def _unit_carried_in_the_paragraph(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Each bare amount with decimals right after a money label ("基本支出117.96") takes the
    unit of the nearest amount before it in its paragraph written after a money label with one
    ("全年实际支出143.27万元"; never a unit price: "每人每月100元", "户均0.35万元"). Counts, rates
    and scores (人, 个, %, 分 after them) are never bare amounts; whole numbers are left alone
    (a count or a year)."""
    inserts: dict[int, str] = {}
    for paragraph in re.finditer(r"[^\n]+", text):
        line = paragraph.group(0)
        units = [(m.end(), m.group(2)) for m in _UNIT_AFTER_MONEY_LABEL.finditer(line)]
        if not units:
            continue
        # (searched a few characters past the line: a number or its unit the line break cut off,
        # "3,126.48" / "万元" or "1,816.6" / "0万元", is no bare amount)
        following = _LEADING_BLANKS.match(text, paragraph.end()).end()  # the next line's start
        reach = min(len(text), following + _NEXT_LINE_REACH)
        for bare in _BARE_AFTER_MONEY_LABEL.finditer(text, paragraph.start() + units[0][0], reach):
            if bare.start() >= paragraph.end():
                break
            at = bare.start(1) - paragraph.start()
            unit = [unit for end, unit in units if end <= at][-1]
            inserts[bare.end(1)] = unit
    return _inserted(text, origin, inserts)


# a form's unit stated once on a line of its own ("金额单位：万元", "单位：万元", "（单位：元）") and
# its key：value lines whose amounts are bare ("2023年调整后预算数：2,316.85", "其中：基本支出：
# 1,306.20"), or a line of classes each with a bare amount ("执行数按经济分类：工资福利支出1,120.36；
# 商品和服务支出305.82；…")
_FORM_UNIT_LINE = re.compile(r"^\(?(?:金额)?单位:\s*(亿元|万元|千元|元)\)?$", re.M)
_OTHER_UNIT_LINE = re.compile(r"单位:\s*(亿元|万元|千元|元)")
# a bare amount after a label closing on a money noun (never 分值 / 得分 / 率 / 人数…), a colon or
# not between, a clause's end right after it
_BARE_FORM_AMOUNT = re.compile(
    r"(?:预算数|预算额|预算|执行数|执行额|决算数|决算|支出数|支出额|支出|补助|资金总额|总额|金额|"
    # a qualifier in brackets after the noun ("全年预算数（调整后）：2,384.76") keeps its place
    rf"合计|总计|拨款)(?:\((?:调整后|调整数|年初|全年|追加后|变更后)\))?()\s*:?\s*({NUMBER})"
    r"(?![\d.]|,\d)(?=\s*(?:[;,。]|$))",
    re.M,
)
_BARE_FORM_LABEL = re.compile(rf"(?:^|[;,。:])\s*[{CJK}\d]*$")


def _form_unit_on_bare_amounts(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """ "金额单位：万元" … "2023年调整后预算数：2,316.85" → "2023年调整后预算数（万元）：2,316.85": a form
    that states its money unit once, on a line of its own, writes its amounts bare after it; each
    bare amount after a label closing on a money noun (预算数 / 执行数 / 支出 / 补助 / 合计…, a colon
    or not), at a clause's end, takes that unit in brackets after its label, as a form's label
    carrying its unit is read. Not in table rows (tabs: the tables' readers take the unit as
    their caption), not after 分值 / 得分 / 率 / 人数 or any other noun, not a number with
    anything after it but a clause's end, and not at all when the text states another unit
    anywhere ("单位：元" beside "单位：万元": which holds where is not proven)."""
    declared = _FORM_UNIT_LINE.search(text)
    if declared is None:
        return text, origin
    unit = declared.group(1)
    if any(other.group(1) != unit for other in _OTHER_UNIT_LINE.finditer(text)):
        return text, origin
    inserts: list[int] = []
    position = declared.end()
    for line in text[declared.end() :].split("\n"):
        if "\t" not in line:
            for match in _BARE_FORM_AMOUNT.finditer(line):
                if _BARE_FORM_LABEL.search(line, 0, match.start()):
                    inserts.append(position + match.end(1))  # the unit in brackets after the label
        position += len(line) + 1
    return _inserted(text, origin, dict.fromkeys(inserts, f"({unit})"))


# a heading or caption stating the unit of the lines under it: "（三）预算收支情况（单位：元）",
# "金额单位：万元"
_UNIT_HEADING = re.compile(r"单位\s*:\s*(亿元|万元|千元|元)\s*\)?\s*$")
# a key: value line of money under it: "调整后预算数:414,683,580.00", "其中:基本支出:86,214,507.38"
_KEYED_BARE_AMOUNT = re.compile(
    rf"^[ \t]*(?:其中\s*:\s*)?[{CJK}()“”\"、]{{2,20}}\s*:\s*({NUMBER})[ \t]*$"
)
# a key: value line passed over in such a block: a rate, "预算执行率:96.10%"
_KEYED_RATE = re.compile(rf"^[ \t]*[{CJK}()]{{2,20}}\s*:\s*(?:{NUMBER})\s*%[ \t]*$")
# a key that carries its unit already ("全年预算数(万元):", see _form_unit_on_bare_amounts)
_UNIT_IN_KEY = re.compile(r"\((?:亿元|万元|千元|元)\)")
# keys whose value is no amount (a count, a rate, an area…): the block ends before them
_NOT_AMOUNT_KEY = re.compile(
    r"人数|人员|人$|编制|在职|退休|率|比例|比重|个数|户数|次数|面积|里程|分值|得分"
)


def _unit_under_heading(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """ "（三）预算收支情况（单位：元）" / "预算批复数：427,163,580.00" / "调整后预算数：414,683,580.00":
    key: value lines right under a line that closes on the unit, each value a bare number, take
    that unit (as if written after the number). Only the run of such lines straight after the
    unit line (a rate line, "预算执行率：96.10%", is passed over); a line of prose, a number with
    its own unit or a key naming a count or a rate ends it, and a bare number anywhere else stays
    bare. The unit added maps to the number's last digit, so the source quotes the line."""
    if len({m.group(1) for m in _OTHER_UNIT_LINE.finditer(text)}) > 1:
        return text, origin  # "单位：万元" and "单位：元" both: which holds where is not proven
    inserts: dict[int, str] = {}
    lines = text.split("\n")
    position = 0
    unit: str | None = None
    for line in lines:
        heading = _UNIT_HEADING.search(line)
        keyed = _KEYED_BARE_AMOUNT.match(line)
        if heading:
            unit = heading.group(1)
        elif (
            unit is not None
            and keyed
            and not _NOT_AMOUNT_KEY.search(line[: keyed.start(1)])
            and not _UNIT_IN_KEY.search(line[: keyed.start(1)])
        ):
            inserts[position + keyed.end(1)] = unit
        elif unit is None or not _KEYED_RATE.match(line):
            unit = None
        position += len(line) + 1
    return _inserted(text, origin, inserts)


# the parts of a spending or a budget named after their amount: "其中598.36万元为基本支出、
# 11,646.73万元为项目支出", "（312.50万元用于人员经费）"
_PART_AFTER_AMOUNT = re.compile(
    rf"(?<=[其中,、:;(])((?:{NUMBER})(?:万元|亿元|千元|元))(?:为|是|系|属于|用于)"
    r"(基本支出|项目支出|人员经费|公用经费|工资福利支出|商品和服务支出|对个人和家庭的补助|资本性支出)"
    r"(?=[、,。;)]|$)",
    re.M,
)


def _parts_named_after_amounts(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """ "其中598.36万元为基本支出、11,646.73万元为项目支出" → "其中基本支出598.36万元、项目支出
    11,646.73万元": a part whose label follows its amount (joined by 为 / 是 / 用于) reads as the
    label before it. Only a composition label (基本 / 项目, 人员 / 公用经费, an economic class) with
    nothing after it but the list's punctuation; the source of either quotes the whole phrase."""

    def swap(match: re.Match[str]) -> str:
        return match.group(2) + match.group(1)

    return _substitute(text, origin, _PART_AFTER_AMOUNT, swap)


def _apply_lexicon(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Traditional characters and variant words → the standard wording (lexicon.yaml)."""
    words = lexicon()
    text = text.translate(words.characters)  # one for one: the origin map is unchanged
    if words.pattern is None:
        return text, origin
    return _substitute(text, origin, words.pattern, lambda match: words.words[match.group(0)])


_MARKDOWN_BOLD = re.compile(r"(\*\*|__)(?=[^*_\n])[^\n]{1,200}?(?<=[^*_\s])\1")


_DIGIT_BESIDE_O = re.compile(r"\dO|O\d")


def _ocr_misreads(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """An OCR's misread glyphs inside a known label → the label ("预箅执行率" → 预算执行率), a
    letter O among an amount's digits → 0 ("4,2O6.00"); nothing else (ocr_labels.py)."""
    spans = misread_labels(text)
    if spans:
        pieces: list[str] = []
        new_origin: list[int] = []
        position = 0
        for start, end, label in spans:
            pieces.append(text[position:start])
            new_origin.extend(origin[position:start])
            pieces.append(label)
            kept = origin[start:end]
            new_origin.extend(
                [*kept[: len(label) - 1], kept[-1]] if len(label) < len(kept) else kept
            )
            position = end
        pieces.append(text[position:])
        new_origin.extend(origin[position:])
        text, origin = "".join(pieces), new_origin
    if _DIGIT_BESIDE_O.search(text):
        for amounts in o_amounts():
            text, origin = _substitute(text, origin, amounts, zero_for_o)
    return text, origin


def _markdown_bold(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """Markdown's bold markers in pairs on one line go ("**金额单位：** 万元" → "金额单位：
    万元", "| **总分** | … | **97.01** |" → "总分 | … | 97.01"): the keys and cells then read as
    plain ones. A marker without its pair on the line stays."""
    drop: set[int] = set()
    for match in _MARKDOWN_BOLD.finditer(text):
        drop.update((match.start(), match.start() + 1, match.end() - 2, match.end() - 1))
    if not drop:
        return text, origin
    kept = [n for n in range(len(text)) if n not in drop]
    return "".join(text[n] for n in kept), [origin[n] for n in kept]


# a table cell's short label spread by a justified layout ("合    计", "项    目"): its ideographs
# apart by spaces and nothing else, the cell between tabs
_SPREAD_CELL = re.compile(r"(?:(?<=\t)|^)[\u4e00-\u9fff](?: +[\u4e00-\u9fff]){1,5}(?=\t|$)", re.M)


def _spread_cells_closed(text: str, origin: list[int]) -> tuple[str, list[int]]:
    """A tab cell's label spread out by spaces closed up ("合    计" → "合计"), each kept character
    with its origin."""
    if "\t" not in text:
        return text, origin
    drop: set[int] = set()
    for match in _SPREAD_CELL.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        if "\t" not in text[start : end if end >= 0 else len(text)]:
            continue  # a line of a table laid out with spaces: its gaps are its columns
        drop.update(n for n in range(match.start(), match.end()) if text[n] == " ")
    if not drop:
        return text, origin
    kept = [n for n in range(len(text)) if n not in drop]
    return "".join(text[n] for n in kept), [origin[n] for n in kept]


def normalise(text: str) -> Normalised:
    """Fold widths, remove artefacts and PDF spaces; keep the origin of every character."""
    folded, origin = _ideographic_cells(text, list(range(len(text))))
    folded = folded.translate(_WIDTH)
    folded, origin = _ocr_misreads(folded, origin)
    folded, origin = _filled_blanks(folded, origin)  # before "__…__" is taken for bold
    folded, origin = _markdown_bold(folded, origin)
    folded, origin = ruled_grids(folded, origin)
    for pattern, replacement in _PASSES:
        folded, origin = _substitute(folded, origin, pattern, replacement)
    folded, origin = _yen_amounts(folded, origin)
    folded, origin = _quoted_cells(folded, origin)
    folded, origin = _web_form_marks(folded, origin)
    folded, origin = _csv_rows(folded, origin)
    folded, origin = _tagged_rows(folded, origin)
    folded, origin = _spaced_thousands_cells(folded, origin)
    folded, origin = group_rows(folded, origin)
    folded, origin = wrapped_title_forms(folded, origin)
    folded, origin = spaced_staffing(folded, origin)
    folded, origin = wrapped_bracket_cells(folded, origin)
    folded, origin = spaced_forms(folded, origin)
    folded, origin = _substitute(folded, origin, _COLUMN_LETTERS, "")  # in the CSV rows too
    folded, origin = _key_value_pairs_a_line(folded, origin)
    folded, origin = _row_numbers_dropped(folded, origin)
    folded, origin = _single_spaced_tables(folded, origin)
    folded, origin = _space_aligned_tables(folded, origin)
    folded, origin = staffing_cell_lines(folded, origin)
    folded, origin = _spread_cells_closed(folded, origin)
    folded, origin = phrased_rows(folded, origin)
    folded, origin = spanned_headers(folded, origin)
    folded, origin = sideways_tables(folded, origin)
    folded, origin = columnwise_tables(folded, origin)
    folded, origin = form_cell_lines(folded, origin)
    folded, origin = web_table_cells(folded, origin)
    folded, origin = side_by_side_blocks(folded, origin)
    folded, origin = key_value_rows(folded, origin)
    folded, origin = wrapped_headers(folded, origin)
    folded, origin = merged_across(folded, origin)
    folded, origin = caption_columns(folded, origin)
    folded, origin = continued_tables(folded, origin)
    folded, origin = merged_cells(folded, origin)
    folded, origin = captions_merged_down(folded, origin)
    folded, origin = money_blocks_set_apart(folded, origin)
    folded, origin = latest_year_of_staffing_tables(folded, origin)
    folded, origin = staffing_title_rows_merged(folded, origin)
    folded, origin = _money_pairs_to_lines(folded, origin)
    folded, origin = _flattened_money_pairs(folded, origin)
    folded, origin = form_block_rows(folded, origin, text)
    folded, origin = _flattened_form_rows(folded, origin)
    folded, origin = _spaced_thousands(folded, origin)
    folded, origin = _unit_once_at_list_end(folded, origin)
    folded, origin = _unit_carried_in_the_paragraph(folded, origin)
    for pattern, replacement in _LATE_PASSES:
        folded, origin = _substitute(folded, origin, pattern, replacement)
    folded, origin = _drop_stray_markers(folded, origin)
    folded, origin = _chinese_percentages(folded, origin)
    folded, origin = _chinese_counts(folded, origin)
    folded, origin = _unit_after_the_value(folded, origin)
    folded, origin = _chinese_years(folded, origin)
    folded, origin = _join_wrapped_lines(folded, origin)
    folded, origin = _join_soft_breaks(folded, origin)
    folded, origin = _join_figure_continuations(folded, origin)
    folded, origin = _substitute(folded, origin, _UNIT_ON_THE_NEXT_LINE, "")
    folded, origin = _substitute(folded, origin, _COUNT_UNIT_ON_THE_NEXT_LINE, "")
    folded, origin = _apply_lexicon(folded, origin)
    folded, origin = _form_unit_on_bare_amounts(folded, origin)
    folded, origin = _unit_under_heading(folded, origin)  # what the pass above left bare
    folded, origin = _parts_named_after_amounts(folded, origin)
    origin.append(len(text))
    return Normalised(folded, tuple(origin))
