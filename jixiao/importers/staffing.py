"""Read head-counts: 编制 (authorized), 在职 (in service, by type), 实有, 退休, 离休, 遗属, 编外.

Reports mix these up, so the reader is strict about wording (see docs/importing.md):

- a count is read only when the words right before it name what it counts; "编制人员19人" (staff
  holding a post) is not the quota "编制数", "现有人员" may include retirees and contract staff;
- counts inside brackets after a sub-unit ("局本级187人（在职在编139人…）") describe that sub-unit,
  not the department, and are left out;
- a total with parts by type ("在职人数20人，参照公务员管理的事业人员8人，全额补助事业人员12人")
  gives the parts as raw facts and the total as a statement; parts that do not add up to their
  total are not imported;
- totals without a type breakdown are kept as statements (no type is invented).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import pairwise
from typing import Any

from jixiao.core.dossier import StaffType
from jixiao.importers.document import Line, ReportText
from jixiao.importers.facts import Fact, Findings
from jixiao.importers.normalise import display_width
from jixiao.importers.patterns import CJK
from jixiao.importers.table_rates import money_beside_staffing
from jixiao.importers.unit_items import unit_item_lines

# "1,142人": a count of a thousand or more may keep its thousands separator (`_count_value`)
_COUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d{1,6})(人|名|个)(?![民次])")


def _count_value(match: re.Match[str]) -> int:
    """The count of a `_COUNT` match, its thousands separators dropped."""
    return int(match.group(1).replace(",", ""))


_DELIMITERS = ",;。:、()\n"
_VERBS = re.compile(r"(?:为|是|共计|共有|共|达到|达|计|约|合计|总计|总数为|:)+$")
_MAX_LABEL = 24

# words that make a count a sub-population or an activity, not a head-count of the department
_SUBGROUP = re.compile(
    r"党员|女性|女职工|男性|少数民族|本科|硕士|博士|大专|研究生|学历|岁|以上|以下|职称|培训|人次|考核|优秀|"
    r"参加|参与|受益|服务|接待|群众|对象|学生|患者|志愿|新增|新录|录用|招聘|调入|调出|减少|增加|死亡|去世|"
    r"空编|超编|缺编|满编|空缺"
)
_LAST_YEAR = re.compile(r"上年|去年|上一年|同期")
_SECONDED = re.compile(r"借用|借调|聘用|派遣|援助|挂职|外聘|返聘|政府雇员|公益性岗位|协管")
_PEOPLE = r"(?:人数|人员|职工|干部职工|老干部|干部|工作人员|在编人员|编内人员|实有|人)?"
# "在职职工总数214人": the head-count in service as one sum (总数 / 合计 / 总计 after the people)
_IN_ALL = r"(?:总数|总人数|合计|总计)?"
# words naming a kind of staff or of quota; 政法专项编制 (a 司法局's, 公安局's quota) is a kind of
# quota no standard staff type names: a part of the total, never the total itself
_CATEGORY = re.compile(
    r"行政|公务员|参照公务员|参公|事业|工勤|全额|差额|自收自支|政法专项|专项编制"
)
# a part named by its kind alone ("其中行政17人、事业25人"): 事业 names no standard type (全额 /
# 差额 unsaid), but it is a part of the head-count before it all the same
_BARE_CATEGORY = re.compile(rf"^(?:{_CATEGORY.pattern})(?:单位)?(?:人员|人数|编制|干部|职工)?$")
_TYPES: tuple[tuple[str, StaffType], ...] = (
    (r"参照公务员|参公|参照管理", StaffType.CIVIL_SERVANT_MANAGED),
    (r"行政|公务员", StaffType.ADMINISTRATIVE),
    (r"全额", StaffType.FULLY_FUNDED),
    (r"差额", StaffType.PARTLY_FUNDED),
    (r"自收自支", StaffType.SELF_FUNDED),
    (r"工勤", StaffType.WORKER),
)

ROLE_AUTHORIZED = "staffing.authorized"
ROLE_IN_SERVICE = "staffing.in_service"
ROLE_ACTUAL = "staffing.actual_total"
ROLE_RETIRED = "staffing.retired"
ROLE_RETIRED_CADRES = "staffing.retired_cadres"
ROLE_SURVIVORS = "staffing.survivors"
ROLE_CONTRACT = "staffing.contract"
_RAW_COUNTS = {
    ROLE_RETIRED: "retired",
    ROLE_RETIRED_CADRES: "retired_cadres",
    ROLE_SURVIVORS: "survivors",
    ROLE_CONTRACT: "contract",
}


@dataclass
class _Count:
    role: str | None
    type: StaffType | None
    value: int
    start: int
    end: int
    label: str
    unit: str = "人"
    part: bool = False  # one type of a split ("行政编制6人"), not a total
    parts: list[_Count] = field(default_factory=list)
    listed: bool = False  # a part only by its place in a 其中 list, no type word in its label
    subunit: bool = False  # stated in a sentence about a unit under the department: not read


@dataclass
class StaffingReading:
    data: dict[str, Any] = field(default_factory=dict)  # Staffing fields
    stated: list[Fact] = field(default_factory=list)
    sources: dict[str, tuple[int, int]] = field(default_factory=dict)  # figure key/field → span


_SHARE = re.compile(r"(?:占)?[\d.,]+\s*%$")


def label_start(
    text: str, position: int, delimiters: str = _DELIMITERS, limit: int = _MAX_LABEL
) -> int:
    """Where the words naming the number at *position* begin: back to the previous delimiter.

    A bracket right before the number belongs to the label ("遗属及离休干部配偶（无生活来源）6人",
    "因公出国（境）费0万元"), so it is stepped over whole.
    """
    start = position
    while start > 0 and position - start < limit:
        char = text[start - 1]
        if char == ")":
            opening = text.rfind("(", max(0, start - 30), start - 1)
            if opening < 0 or _SHARE.match(text, opening + 1, start - 1):
                break  # no bracket of the label's: "…万元（54.35%）和项目支出…", the last amount's share
            start = opening
            continue
        if char in delimiters:
            break
        start -= 1
    return start


_LEADING = re.compile(
    r"^(?:\(?[一二三四五六七八九十\d]{1,3}[)、.]|[①-⑳])?(?:其中|另有|另|和|及|以及)?"
)


# a count closing the words before the number ("行政编制28名实有人数63人", the cells of a PDF form
# whose gaps collapsed), maybe with a note in brackets after it ("核定编制28名（参照公务员法管理）
# | 实有33名"): the label is the words after it, not the words of the count before
_PREVIOUS_COUNT = re.compile(r"\d(?:人|名)(?:\([^()\d]{1,30}\))?(?=[^\d)]*$)")


def _after_previous_count(label: str, start: int) -> tuple[int, str]:
    """The part of *label* after the last count inside it (the label of the next cell)."""
    match = _PREVIOUS_COUNT.search(label)
    if match is None or not re.search(f"[{CJK}]", label[match.end() :]):
        return start, label
    rest = label[match.end() :]
    words = rest.lstrip()
    return start + len(label) - len(words), words


def _label_before(text: str, position: int) -> tuple[str, int]:
    """The label of the number at *position* (leading 其中/和 and trailing 为/达 removed), and
    where the label starts in *text*."""
    start = label_start(text, position)
    if start == position and start > 0 and text[start - 1] == ":":
        start = label_start(text, start - 1)  # "编制人数：14人": the label stands before the colon
        position -= 1
    start = max(start, text.rfind("\t", 0, position) + 1)  # a label stays inside its table cell
    label = text[start:position]
    start, label = _after_previous_count(label, start)
    lead = _LEADING.match(label)
    if lead:
        start += lead.end()
        label = label[lead.end() :]
    return _VERBS.sub("", label), start


def _staff_type(label: str) -> StaffType | None:
    for pattern, staff_type in _TYPES:
        if re.search(pattern, label):
            return staff_type
    return None


# people within the quota, counted beside those outside it (编制外) and retirees: the staff in
# service on a post; inside a stated 在职 count they are its part, not a second total
# ("在职职工596人，其中在编在岗352人、编外合同制人员244人": 在编在岗, folded to 在编在职, too)
_WITHIN_QUOTA = re.compile(
    r"(?:^|其中|年末|实有)(?:编制内|编内|在编在职|在职在编)(?:人员|人数|职工|在职人员)?$"
    # "编制内实有61人", "编内现有人员", "在编实有人数": the people holding a post, word order reversed
    r"|(?:^|其中|年末)(?:编制内|编内|在编)(?:实有|现有)(?:人员|人数|职工)?$"
)

# a count of post holders dated to the year's end is a head-count there, not the quota; 编制人员
# stays unread (it may be the quota), and so does 在编人员 with no date
_YEAR_END_ON_PAYROLL = re.compile(
    r"(?:^|[^上去前])(?:年末|年底|年终|期末)在编(?:人员|人数|职工|干部)?$"
)


# the people on the payroll under a caption of the people there now ("实有人员情况 在编干部职工29人
# 编外聘用11人 退休17人", "实有人数：在编职工40人"): the staff in service, not the whole head-count
_PRESENT_ON_PAYROLL = re.compile(
    r"(?:实有|现有)(?:人员|人数)?(?:情况)?\s*:?\s*(?:其中)?\s*在编(?:干部职工|职工|人员|干部|工作人员|教职工)$"
)


def classify(label: str, unit: str) -> str | None:
    """The role a count plays, from the words right before it (None: not a staffing count)."""
    bare = re.sub(r"\([^()]*\)$", "", label)
    if (
        bare != label
        and re.search(r"编制$", bare)
        and _CATEGORY.search(bare)
        and not _SUBGROUP.search(bare)
        and not _LAST_YEAR.search(bare)
    ):
        return (
            ROLE_AUTHORIZED  # "事业编制（县退役军人服务中心）6名": a typed quota, whoever's it is
        )
    if _SUBGROUP.search(label):
        return None  # "在职人员中党员15人", "退休人员参加培训30人": a sub-population or an activity
    if _LAST_YEAR.search(label):
        return None  # "上年在职人员27人": last year's count, not this year's
    if re.search(r"编外|编制外|临聘|临时聘用", label):
        return ROLE_CONTRACT if unit != "个" else None
    if re.search(r"遗属", label):
        return ROLE_SURVIVORS
    if re.search(rf"离退休{_PEOPLE}$", bare):
        return ROLE_RETIRED
    if re.search(rf"离休{_PEOPLE}$", bare):
        return ROLE_RETIRED_CADRES
    if re.search(rf"退休{_PEOPLE}$", bare):
        return ROLE_RETIRED
    if re.search(r"(?:编制|编制数|编制人数|编制总数|编制数量|[^在]编)$", label) or re.search(
        r"(?:核定|总)编制|编制(?:人数|数)", label
    ):
        return ROLE_AUTHORIZED
    if unit == "个":
        return None
    if re.search(rf"在职(?:在编|编内|实有|工作|干部)?{_PEOPLE}{_IN_ALL}$", label) or re.search(
        r"(?:实有|现有|在岗|在册)(?:在编|编内)(?:人员|人数|职工|教职工|干部|工作人员)?$|在编在职(?:人员|人数|职工|教职工|干部|干部职工|工作人员|医务人员)?$",
        label,
    ):
        return ROLE_IN_SERVICE  # "实有在编人员12名": people on the payroll now, not the quota
    if _WITHIN_QUOTA.search(label):
        return ROLE_IN_SERVICE  # "其中编制内人员118人，编制外人员21人": staff holding a post
    if _PRESENT_ON_PAYROLL.search(label):
        return ROLE_IN_SERVICE  # "实有人员情况：在编干部职工29人": the present count's payroll part
    if _YEAR_END_ON_PAYROLL.search(label):
        return ROLE_IN_SERVICE  # "年末在编人员47人": the people on the payroll at the year's end
    if re.search(r"(?:编制|在编)人员$", label):
        return "trap.post_holders"
    if re.search(
        r"实有(?:人数|人员)?(?:合计|总计)?$|[年末未]实有|现有(?:人员|人数)|总人数|共有人员|(?<!在编)干部职工"
        # "现有职工58人，其中在编在岗31人、聘用人员24人": the head-count by another noun
        r"|(?<![在编内外])(?:实有|现有)(?:职工|员工|工作人员|教职工|教职员工)$",
        label,
    ):
        return ROLE_ACTUAL
    return None


# a staffing table's columns: the quota, or the people there now (the row says which people)
_QUOTA_COLUMN = re.compile(r"^(?:核定)?编制(?:数|人数|总数)?(?:\((?:人|名|个)\))?$")
_PRESENT_COLUMN = re.compile(r"^(?:实有|现有|在岗|实际)(?:数|人数|人员)?(?:\((?:人|名)\))?$")
_TOTAL_ROW = re.compile(r"^(?:合计|总计|小计|总数)$")
_TABLE_COUNT = re.compile(r"^\s*(\d{1,6})\s*(?:人|名)?\s*$")


def _table_counts(report: ReportText) -> tuple[list[_Count], set[int]]:
    """Counts in a staffing table (tab-separated cells: Word rows, Markdown tables): a column
    titled 编制数 or 实有数 / 实有人数, a row titled by the people it counts ("在职人员" / "退休
    人员"). The row names the role and the column says quota or head-count: 在职人员 × 编制数 is
    the authorized quota, 在职人员 × 实有数 the staff in service, 退休人员 × 实有数 the retirees;
    a 合计 row is read only for the quota (its head-count may or may not include retirees),
    unless every row above it is a row of staff in service by type (行政人员, 事业人员…): then its
    head-count is the staff in service.
    Columns such as 差额 / 缺编 are not read. Returns the counts and the indexes of the lines
    read (the prose reader leaves them alone). The same table flattened one cell per line (see
    `_flattened_tables`) is read the same way."""
    counts: list[_Count] = []
    used: set[int] = set()
    lines = report.lines
    index = 0
    while index < len(lines):
        if "\t" not in lines[index].text:
            index += 1
            continue
        end = index
        while end < len(lines) and "\t" in lines[end].text:
            end += 1
        beside = money_beside_staffing(lines[index:end])
        if beside is not None and (found := _key_value_rows(beside[3])):
            # a form's staffing block drawn beside its money block: its keys and values alone
            counts.extend(found)
            used |= {line.index for line in beside[3]}
        header = [cell.strip() for cell in lines[index].text.split("\t")]
        if end - index == 2:
            found = _one_row_table(lines[index], lines[index + 1])
            if found:
                counts.extend(found)
                used |= {index, index + 1}
                index = end
                continue
        one_row_first = False
        for at in range(index, end - 1):
            # a 自评表's tables pasted one under another (money, then "编制数 | 实有人数 | 在职
            # 人数 | 退休人数" over one row of counts, then scores): the one-row staffing table
            # inside the run
            found = _role_header_and_counts(lines[at : min(end, at + 3)])
            if found and not used & {at, at + 1}:
                counts.extend(found)
                used |= {at, at + 1}
                one_row_first = one_row_first or at == index
        if one_row_first:
            index += 2  # the rest of the run is a table of its own
            continue
        columns = _column_kinds(header[1:])
        if any(_TABLE_COUNT.match(title) for title in header[1:]):
            # "人员情况 | 编制数 | 11 | 实有人数 | 25": a row of pairs, no header of column titles
            columns = {}
        if columns:
            rows = [(row, _tab_cells(row)) for row in lines[index + 1 : end]]
            found, read = _table_rows(rows, columns)
            counts.extend(found)
            used |= read
        else:
            found, read = _headers_inside(lines[index + 1 : end], used)
            counts.extend(found)
            used |= read
        found = _total_row_by_role_columns(lines[index], lines[index + 1 : end], columns)
        if found:
            counts.extend(found)
            used.add(lines[end - 1].index)
        elif not columns:
            run = lines[index:end]
            found = _key_value_rows(run)
            if not found:
                # the pairs' table with another table right under it (a blank line between in
                # the file, none in the lines): its rows as wide as its first
                run = _as_wide_as_the_first(run)
                found = _key_value_rows(run) if len(run) >= 2 else []
            if found:
                counts.extend(found)
                used |= {line.index for line in run}
        index = end
    above: tuple[Line, list[_Count]] | None = None  # the row right above and its counts
    read_by_line: dict[int, list[_Count]] = {}  # the counts of each row read below
    pair_column = _pair_column_rows(lines)
    for line in lines:
        read_above = read_by_line.get(line.index - 1, []) if line.index - 1 in used else None
        if (
            line.index not in used
            and line.index + 1 < len(lines)
            and line.index + 1 not in used
            and (found := _quota_titles_over_counts(line, lines[line.index + 1]))
        ):
            counts.extend(found)
            used |= {line.index, line.index + 1}
            read_by_line[line.index + 1] = found
            above = None
            continue
        if "\t" in line.text and line.index not in used:
            found = _fused_cell_counts(line) or _role_pairs_row(line)
            if not found and above is not None:
                found = _role_split_row(line, line.text.split("\t"), above[1], above[0]) or []
            if not found and above is not None and line.text.startswith("\t"):
                # "人员情况 | 编制数 | 11 | 实有人数 | 25" / " | 在职 | 10 | 退休 | 15": the caption's
                # merged cell left empty on the row under it, which continues that row
                cont = replace(line, text=line.text[1:], start=line.start + 1)
                found = _role_split_row(cont, cont.text.split("\t"), above[1], above[0], True) or []
            in_column = line.index in pair_column
            found = _fuller(found, _form_row_pairs(line, read_above, lone_ok=in_column))
            if found:
                counts.extend(found)
                used.add(line.index)
                read_by_line[line.index] = found
            above = (line, found)
        else:
            above = None
            if line.index not in used and _SPACED_GAP.search(line.text.strip()):
                # "编制数          22          实有人数      30": a form's row laid out with spaces
                below = lines[line.index + 1] if line.index + 1 < len(lines) else None
                found = _fuller(
                    _role_pairs_row(_spaced_as_cells(line)),
                    _form_row_pairs(line, read_above, below),
                )
                if found:
                    counts.extend(found)
                    used.add(line.index)
                    read_by_line[line.index] = found
                    if _wrapped_keys(line, below) is not None:
                        used.add(line.index + 1)  # the keys' rests
            elif line.index not in used and (found := _fused_row_pairs(line, read_above)):
                # "人员核定编制32其中:行政编制20事业编制12": a PDF form's row, its spaces closed up
                counts.extend(found)
                used.add(line.index)
                read_by_line[line.index] = found
    for line in lines:
        # a row of one staffing pair beside other keys ("单位性质 | 公益二类 | 编制数 | 42"), read
        # once the row above or below is read as staffing: the form's block proves its pairs
        if line.index in used or not ({line.index - 1, line.index + 1} & used):
            continue
        above_counts = read_by_line.get(line.index - 1, []) if line.index - 1 in used else None
        below = lines[line.index + 1] if line.index + 1 < len(lines) else None
        if "\t" in line.text or _SPACED_GAP.search(line.text.strip()):
            found = _form_row_pairs(line, above_counts, below, lone_ok=True)
        else:
            found = _fused_row_pairs(line, above_counts, lone_ok=True)
        if found:
            counts.extend(found)
            used.add(line.index)
            read_by_line[line.index] = found
            if "\t" not in line.text and _wrapped_keys(line, below) is not None:
                used.add(line.index + 1)  # the keys' rests
    for found, read in _titles_then_counts(lines):
        if not read & used:
            counts.extend(found)
            used |= read
    for found, read in _kinds_as_columns(lines, used):
        counts.extend(found)
        used |= read
    for columns, titles, rows in _flattened_tables(lines):
        found, read = _table_rows(rows, columns) if columns else ([], set())
        by_unit = [(row, row.text.strip(), cells) for row, cells in rows]
        total = _unit_rows_total(titles, by_unit, columns)
        if total:
            found = found + total
            read = read | {rows[-1][0].index}
        if found:
            counts.extend(found)
            used |= read | {line.index for _, cells in rows for line, _ in cells}
    return counts, used


_DASH_CELL = re.compile(r"^\s*[—–\-－/]{0,2}\s*$")
_TOTAL_COLUMN = re.compile(r"^(?:合计|小计|总计|合计人数)$")


def _kinds_as_columns(lines: list[Line], used: set[int]) -> Iterator[tuple[list[_Count], set[int]]]:
    """A staffing table with the kinds of posts as columns and the counts as rows ("人员情况 |
    行政 | 参公 | 事业 | 工勤 | 合计" over "编制数 | 22 | 8 | 10 | 2 | 42", "实有人数 | …",
    "退休人数 | …"; tab cells, or cells apart by runs of spaces, the caption cell maybe left out):
    each row's 合计 cell is the department's count of that row's role. Read when the columns
    are two kinds or more (行政, 事业, 管理岗位, 专业技术岗位…: words naming no count) and a 合计
    last, and every row's kinds add up to its 合计; the kinds' own cells are its parts by type,
    not read."""
    for index, line in enumerate(lines):
        if line.index in used or re.search(r"\d", line.text):
            continue
        titles = _spaced_or_tab_cells(line.text)
        below = _spaced_or_tab_cells(lines[index + 1].text) if index + 1 < len(lines) else []
        if titles and len(below) == len(titles):
            titles = titles[1:]  # the caption cell over the row labels ("人员情况")
        kinds = titles[:-1]
        if len(kinds) < 2 or not titles or not _TOTAL_COLUMN.match(titles[-1]):
            continue
        if not all(_KIND_COLUMN.match(kind) and not _role_of_title(kind) for kind in kinds):
            continue
        found: list[_Count] = []
        read: set[int] = set()
        for row in lines[index + 1 : index + 10]:
            cells = _spaced_or_tab_cells(row.text)
            label = _SPLIT_LEAD.sub("", cells[0]) if cells else ""
            values = [_TABLE_COUNT.match(cell) for cell in cells[1:]]
            if len(values) != len(titles) or values[-1] is None:
                break
            parts = [int(value.group(1)) for value in values[:-1] if value]
            whole = int(values[-1].group(1))
            if len(parts) == len(kinds) and sum(parts) != whole:
                break
            read.add(row.index)
            role = _role_of_title(label) or _in_service_title(label)
            if role is not None and role != ROLE_CONTRACT:
                at = row.text.rfind(values[-1].group(1))
                found.append(
                    _Count(
                        role,
                        None,
                        whole,
                        row.start,
                        row.start + at + len(values[-1].group(1)),
                        label,
                    )
                )
        if found:
            yield found, read | {line.index}


def _in_service_title(label: str) -> str | None:
    """A row's title naming its role in words `_role_of_title` does not know: the staff in
    service ("在职实有人数", "实有在编在岗人数", "实有在编"), or a bare 退休 / 离休 over its counts."""
    if re.fullmatch(
        r"(?:实有)?(?:在职|在编|在编在岗|在岗在编|在编在职|在职在编)(?:实有)?(?:人数|人员)?", label
    ) and label not in ("在编", "在编人数", "在编人员"):
        return ROLE_IN_SERVICE
    return {"退休": ROLE_RETIRED, "离休": ROLE_RETIRED_CADRES}.get(label)


# a kind of post over a staffing table's column: words naming no count ("行政", "专业技术岗位")
_KIND_COLUMN = re.compile(rf"^[{CJK}]{{2,8}}(?:\([{CJK}]{{2,4}}\))?$")
_SPACED_APART = re.compile(r"\t| {2,}")


def _spaced_or_tab_cells(text: str) -> list[str]:
    """A row's cells: apart by tabs, or else by runs of two spaces or more."""
    cells = [
        cell.strip() for cell in (text.split("\t") if "\t" in text else _SPACED_APART.split(text))
    ]
    while cells and not cells[-1]:
        cells.pop()
    return cells


_ONE_PAIR = re.compile(r"^([^\t]{0,20})\t *([^\t\d ]{1,20}) *\t *\d{1,6}(?:人|名)? *\t*$")


# a kind of quota under the quota's row ("编制数\t34" / "\t行政编制\t14" / "\t事业编制\t20")
_TYPED_QUOTA = re.compile(rf"^[{CJK}]{{2,6}}编制(?:数)?$")


def _pair_column_rows(lines: list[Line]) -> set[int]:
    """The rows of a staffing block written one pair a row under its caption ("人员\t编制人数\t12"
    / "\t实有人数\t17" / "\t在职人数\t11"): the caption's row, then rows whose caption cell is
    left empty, each a head-count title and a count, no role twice; two rows at least."""
    column: set[int] = set()
    run: list[int] = []
    roles: set[str] = set()
    for line in [*lines, None]:
        match = _ONE_PAIR.match(line.text) if line is not None else None
        role = _role_of_title(match.group(2)) if match else None
        caption = match.group(1).strip() if match else ""
        opens = role is not None and bool(caption) and _a_caption(caption)
        typed_quota = match is not None and bool(_TYPED_QUOTA.match(match.group(2)))
        continues = (
            not caption
            and bool(run)
            and (
                (role is not None and role not in roles)
                or (typed_quota and ROLE_AUTHORIZED in roles)
            )
        )
        if continues and line is not None:
            run.append(line.index)
            roles.add(role or "")
            continue
        if len(run) >= 2:
            column.update(run)
        run, roles = ([line.index], {role or ""}) if opens and line is not None else ([], set())
    return column


def _titles_then_counts(lines: list[Line]) -> Iterator[tuple[list[_Count], set[int]]]:
    """A one-row staffing block flattened one cell per line, its titles first and its counts after
    them ("人员情况" / "编制数" / "实有人数" / "退休人数" / "22" / "20" / "11"): k title lines each
    naming a head-count role (`_role_of_title`, no role twice) over k bare count lines, title by
    count in order: the cells of a form's row flattened row by row, or of a key column and a
    count column flattened column by column, keep their order. Read only when k is two or more,
    the run of counts ends with the k-th (no number on the line after), and the line right above
    the titles is the block's caption ("人员情况", "人员"): another title there, or one whose count
    was lost, would shift every count."""
    index = 0
    while index < len(lines):
        if not _BARE_COUNT.match(lines[index].text):
            index += 1
            continue
        end = index
        while end < len(lines) and _BARE_COUNT.match(lines[end].text):
            end += 1
        found = _counts_under_titles(lines, index, end)
        if found:
            yield found, set(range(index - len(found), end))
        index = end


def _counts_under_titles(lines: list[Line], first: int, end: int) -> list[_Count]:
    """`_titles_then_counts` on the counts lines[first:end] and the titles right above them."""
    k = end - first
    if k < 2 or first < k + 1 or (end < len(lines) and _BARE_NUMBER.match(lines[end].text)):
        return []
    titles = lines[first - k : first]
    roles = [_role_of_title(line.text.strip()) for line in titles]
    if None in roles or len(set(roles)) != k:
        return []
    before = lines[first - k - 1].text.strip()
    if not (_STAFF_CAPTION.match(before) or _SECTION_CAPTION.match(before)):
        return []  # no caption: a header of another table, or titles whose counts are lost
    found = []
    for title, line, role in zip(titles, lines[first:end], roles, strict=True):
        match = _BARE_COUNT.match(line.text)
        assert match is not None and role is not None
        at = line.start + match.start(1)
        found.append(
            _Count(
                role, None, int(match.group(1)), at, line.start + match.end(1), title.text.strip()
            )
        )
    return found


# the roles a 合计 row's column may give when the rows above it are the department's units
_SUMMED_ROLES = (ROLE_IN_SERVICE, ROLE_ACTUAL, ROLE_RETIRED, ROLE_RETIRED_CADRES)


def _total_row_by_role_columns(
    header: Line, rows: list[Line], columns: dict[int, str]
) -> list[_Count]:
    """A staffing table by unit ("单位 | 编制数 | 在职人数 | 退休人数", a row per unit: 局机关,
    执法支队…, then 合计): a column titled by a head-count role and no more (在职人数, 退休人数,
    离退休人数, 实有人数: `_ROLE_LABEL`) gives its 合计 cell that role, the whole department's
    count. Read only when the 合计 row is the last of two or more rows above it that name no role
    themselves (units or kinds, not 在职人员 / 退休人员), every row has the header's cells, every
    cell of the column is a count or a dash, and the rows above add up to the 合计 cell (so the
    total is theirs, and no cell was lost or shifted). The 编制数 column is `_table_rows`' (a 合计
    row's quota is read there)."""
    titles = [cell.strip() for cell in header.text.split("\t")]
    if any(len(row.text.split("\t")) != len(titles) for row in rows):
        return []
    by_cells = [(row, row.text.split("\t")[0].strip(), _tab_cells(row)) for row in rows]
    return _unit_rows_total(titles[1:], by_cells, columns)


_BARE_ROLE_TITLES = ("在职", "退休", "离休")


def _unit_rows_total(
    titles: list[str],
    rows: list[tuple[Line, str, list[tuple[Line, str]]]],
    columns: dict[int, str],
) -> list[_Count]:
    """`_total_row_by_role_columns` on a table's value-column *titles* and its rows (row line,
    row label, value cells at their places): tab rows or a table flattened one cell per line."""
    if len(rows) < 3 or not _TOTAL_ROW.match(rows[-1][1]):
        return []
    if any(len(cells) != len(titles) for _, _, cells in rows):
        return []
    for _, label, _ in rows[:-1]:
        role = classify(label, "人")
        if _TOTAL_ROW.match(label) or (role is not None and not _CATEGORY.search(label)):
            return []  # a second total, or a row of people by role: not a table by unit
    found: list[_Count] = []
    total_row = rows[-1][0]
    for column, title in enumerate(titles, start=1):
        # a bare role over a column ("在职", "退休"): its head-count
        role = _role_of_title(f"{title}人数" if title in _BARE_ROLE_TITLES else title)
        by_type = any(_CATEGORY.search(label) for _, label, _ in rows[:-1])
        if (column in columns and (role != ROLE_ACTUAL or by_type)) or role not in _SUMMED_ROLES:
            continue  # (an 实有人数 column of a table by unit is a present column too: read here)
        column_cells = [cells[column - 1][1] for _, _, cells in rows]
        if not all(_TABLE_COUNT.match(c) or _DASH_CELL.match(c) for c in column_cells):
            continue
        total = _TABLE_COUNT.match(column_cells[-1])
        if total is None:
            continue
        above = sum(int(m.group(1)) for c in column_cells[:-1] if (m := _TABLE_COUNT.match(c)))
        if above != int(total.group(1)):
            continue
        place = rows[-1][2][column - 1][0]
        found.append(
            _Count(
                str(role),
                None,
                int(total.group(1)),
                total_row.start,
                place.start + total.end(1),
                _UNIT_BRACKET.sub("", title),
            )
        )
    return found


_LAST_YEAR_CELL = re.compile(r"上年|去年|上一年|同期")
# the value column's title of a two-column key/value table: a head-count and nothing more
_COUNT_TITLE = re.compile(
    r"^(?:人数|数量|数值|数|人员数|合计人数|人数/个数|人数\(个数\))(?:\((?:人|名)\))?$"
)
_REMARKS_TITLE = re.compile(r"^\s*(?:备注|说明|备注说明)\s*$")


# a count with its breakdown in brackets after it: "60（行政编制42，事业编制18）"
_COUNT_WITH_PARTS = re.compile(r"^\s*(\d{1,6})\s*(?:人|名)?\s*\(([^()]{2,40})\)\s*$")


def _count_cell(cell: str) -> re.Match[str] | None:
    """A value cell's count: a bare count ("60", "60人"), or one with its breakdown in brackets
    whose parts add up to it ("60（行政编制42，事业编制18）"; parts that do not add up, or a
    bracket with no count in it, and the cell is no count)."""
    match = _TABLE_COUNT.match(cell)
    if match:
        return match
    match = _COUNT_WITH_PARTS.match(cell)
    if match is None:
        return None
    parts = [int(n) for n in re.findall(r"\d+", match.group(2))]
    if len(parts) < 2 or sum(parts) != int(match.group(1)):
        return None
    return match


def _as_wide_as_the_first(rows: list[Line]) -> list[Line]:
    """The rows from the first up to the first of another number of cells."""
    width = rows[0].text.count("\t")
    end = next((n for n, row in enumerate(rows) if row.text.count("\t") != width), len(rows))
    return rows[:end]


def _key_value_rows(rows: list[Line]) -> list[_Count]:
    """A staffing table of key/value pairs, one pair or more per row ("编制人数 | 64", "其中：在职
    人数 | 59"; a 基本情况表's "编制人数 | 28人 | 实有人数 | 41人"): each key that names a
    head-count role and no more (`_ROLE_LABEL`, "其中：" before it dropped) gives the count in the
    cell after it. Read only when every row has the same even number of cells, every key cell is
    a label (not a number), no value cell is a role title (a header over columns of counts,
    "类别 | 在职人数", is not a pair) and no cell speaks of last year; a table of two columns
    with a header only when its value column is titled by a bare count (人数 / 数量…: not
    "类别 | 差额", whose cells are not head-counts). With four cells or more a row, every row's
    keys being labels proves the pairs (a header over columns has counts under its titles)."""
    cells = [row.text.split("\t") for row in rows]
    remarks = len(cells[0])
    if _REMARKS_TITLE.match(cells[0][-1]) and all(len(row) <= remarks for row in cells):
        # "项目 | 人数 | 备注": the remarks are no pair (an empty one may be cut off its row)
        cells = [(row + [""] * (remarks - len(row)))[:-1] for row in cells]
    width = len(cells[0])
    if width % 2 or any(len(row) != width for row in cells):
        return []
    if width == 2 and not (
        _TABLE_COUNT.match(cells[0][1]) or _COUNT_TITLE.match(cells[0][1].strip())
    ):
        return []  # "类别 | 差额": a header over a column of something else
    for row in cells:
        if any(_LAST_YEAR_CELL.search(cell) for cell in row):
            return []
        for key, value in zip(row[::2], row[1::2], strict=True):
            if not re.match(f"[{CJK}]", key.strip()) or _role_of_title(value.strip()):
                return []
    found: list[_Count] = []
    keys = [re.sub(r"^其中:?", "", key.strip()) for row in cells for key in row[::2]]
    for index, (line, row) in enumerate(zip(rows, cells, strict=True)):
        if index and (split := _role_split_row(line, row, found, rows[index - 1])) is not None:
            found.extend(split)
            continue
        position = line.start
        for n, cell in enumerate(row):
            if n % 2:
                key = re.sub(r"^其中:?", "", row[n - 1].strip())
                match = _count_cell(cell)
                role = _role_in_form(key, keys)
                if match and role is not None:
                    key_at = position - len(row[n - 1]) - 1
                    found.append(
                        _Count(
                            role,
                            None,
                            int(match.group(1)),
                            key_at,
                            position + match.end(1),
                            _UNIT_BRACKET.sub("", key),
                        )
                    )
            position += len(cell) + 1
    if width == 2:
        found.extend(_role_split_below(rows, cells, found))
    return found


def _role_split_below(
    rows: list[Line], cells: list[list[str]], found: list[_Count]
) -> list[_Count]:
    """A key/value staffing table of one pair a row whose 实有 row is split by role on the rows
    under it ("实有人数 | 17" / "其中：在职 | 11" / "退休 | 6"): the keys bare role words (在职 /
    退休 / 离休 / 离退休), the first opening on 其中 and no other. Each part takes its role only when
    no role comes twice, two parts or more, every value is a count and they add up to the 实有
    count; the split ends at the first row that is no such part ("编外聘用 | 3")."""
    actual = [count for count in found if count.role == ROLE_ACTUAL]
    if len(actual) != 1:
        return []
    at = next((n for n, line in enumerate(rows) if line.start <= actual[0].start < line.end), None)
    if at is None:
        return []
    parts: list[tuple[Line, list[str], str]] = []
    for line, row in zip(rows[at + 1 :], cells[at + 1 :], strict=True):
        key = _BARE_ROLE_KEY.match(row[0])
        if key is None or bool(key.group(1)) != (not parts) or not _TABLE_COUNT.match(row[1]):
            break
        parts.append((line, row, _SPLIT_ROLES[key.group(2)]))
    roles = [role for _, _, role in parts]
    if len(parts) < 2 or len(set(roles)) != len(roles):
        return []
    values = [int(_TABLE_COUNT.match(row[1]).group(1)) for _, row, _ in parts]  # type: ignore[union-attr]
    if sum(values) != actual[0].value:
        return []
    return [
        _Count(
            role,
            None,
            value,
            line.start,
            line.start + len(row[0]) + 1 + _TABLE_COUNT.match(row[1]).end(1),  # type: ignore[union-attr]
            re.sub(r"^\s*其中:?\s*", "", row[0]).strip(),
        )
        for (line, row, role), value in zip(parts, values, strict=True)
    ]


# a row of a key/value staffing table splitting the 实有 count above it by role, the keys bare role
# words: "其中：在职 | 16人 | 退休 | 5人"
_BARE_ROLE_KEY = re.compile(r"^\s*(其中:?)?\s*(在职|离退休|退休|离休)\s*$")
_SPLIT_ROLES = {
    "在职": ROLE_IN_SERVICE,
    "离退休": ROLE_RETIRED,
    "退休": ROLE_RETIRED,
    "离休": ROLE_RETIRED_CADRES,
}


def _role_split_row(
    line: Line, row: list[str], found: list[_Count], above: Line, merged: bool = False
) -> list[_Count] | None:
    """ "实有人数 | 21人" above "其中：在职 | 16人 | 退休 | 5人": a row of a key/value table whose
    keys are bare role words (在职 / 退休 / 离休), the first opening on 其中, splits the 实有 count
    read from the row right above it. Each part takes its role only when no role comes twice, two
    parts or more, every value is a count and they add up to the 实有 count ([] when they miss:
    the row is not read). None when the row is no such split (keys by type, "其中：行政 | 10人",
    or no 实有 count above it: read as any other row). A 离退休 part is the 退休 count stated
    with 离休 (`_settle_retired`); a row of 退休 and 离休 alone ("其中：退休 | 30 | 离休 | 2") under a
    row holding a 离退休 count splits that count instead, on the same conditions. Blank cells before
    the keys (merged cells left empty: "\t\t\t其中：退休\t30\t离休\t2") are passed over. *merged*:
    the row's first cell, a caption's merged cell, was empty (" | 在职 | 10 | 退休 | 15" under
    "人员情况 | … | 实有人数 | 25"): the row continues the one above, which stands for 其中."""
    blank = next((n for n, cell in enumerate(row) if cell.strip()), 0)
    if blank and (len(row) - blank) % 2 == 0:
        at = sum(len(cell) + 1 for cell in row[:blank])
        shifted = replace(line, text=line.text[at:], start=line.start + at)
        return _role_split_row(shifted, row[blank:], found, above, merged)
    keys = [_BARE_ROLE_KEY.match(key) for key in row[::2]]
    if not all(keys) or any(key.group(1) for key in keys[1:]):
        return None
    if not (keys[0].group(1) or merged):
        return None
    in_above = [
        count for count in found if above.start <= count.start < above.start + len(above.text)
    ]
    actual = [count for count in in_above if count.role == ROLE_ACTUAL]
    if {key.group(2) for key in keys} <= {"退休", "离休"}:
        combined = [c for c in in_above if c.role == ROLE_RETIRED and "离退休" in c.label]
        actual = combined or actual
    if len(actual) != 1:
        return None
    values = [_TABLE_COUNT.match(value) for value in row[1::2]]
    roles = [_SPLIT_ROLES[key.group(2)] for key in keys]
    if len(row) < 4 or len(set(roles)) != len(roles) or not all(values):
        return []
    if sum(int(value.group(1)) for value in values if value) != actual[0].value:
        return []
    parts: list[_Count] = []
    position = line.start
    for n, cell in enumerate(row):
        if n % 2:
            match = values[n // 2]
            assert match is not None
            key_at = position - len(row[n - 1]) - 1
            label = re.sub(r"^\s*其中:?\s*", "", row[n - 1]).strip()
            parts.append(
                _Count(
                    roles[n // 2], None, int(match.group(1)), key_at, position + match.end(1), label
                )
            )
        position += len(cell) + 1
    return parts


_SPACED_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")
_COUNT_END = re.compile(r"[\d人名]")  # a count's last character, before its bracketed note


def _spaced_as_cells(line: Line) -> Line:
    """A line whose cells stand apart by runs of two spaces or more, each run's first space made a
    tab (the others stay, leading the next cell), so that every character keeps its place. A
    count's bracketed note stays in the count's cell, the gaps before and inside it no cell break
    ("编制数      50   （行政28  事业22）   实有人数   73")."""
    text = line.text.strip()
    start = line.start + line.text.index(text[0]) if text else line.start

    pieces, at, depth = [], 0, 0
    for match in _SPACED_GAP.finditer(text):
        before = text[at : match.start()]
        depth = max(0, depth + before.count("(") - before.count(")"))
        note = text.startswith("(", match.end()) and _COUNT_END.match(text[match.start() - 1])
        gap = match.group(0) if depth or note else "\t" + match.group(0)[1:]
        pieces.extend((before, gap))
        at = match.end()
    pieces.append(text[at:])
    return replace(line, text="".join(pieces), start=start)


# a form's section caption in the first cell of each of its rows ("人员情况", "人员编制情况"): no
# role and no type of people of its own
_SECTION_CAPTION = re.compile(
    rf"^(?:人员|编制|人员编制|单位人员|机构人员)[{CJK}]{{0,2}}(?:情况|信息|构成)$"
)


def _role_pairs_row(row: Line, pairs: int = 2) -> list[_Count]:
    """One row of key/value pairs in a form whose rows differ in width ("编制人数 | 28 | 在职人数 |
    26 | 退休人数 | 11" above "内设机构 | 6个 | 下属单位 | …"): read as `_key_value_rows` reads a
    row, only when it has two pairs or more, every key names a head-count role and no more
    (`_ROLE_LABEL`, "其中：" dropped) and every value is a count: the row proves its own pairs.
    A line laid out with runs of spaces instead of tabs is read the same way (`_spaced_as_cells`).
    A row opened by the form's section caption, written out on every row of a merged cell ("人员
    情况 | 编制数 | 9", `_SECTION_CAPTION`), needs one such pair only: the caption says what the
    row is. Blank cells before the pairs (merged cells left empty: "\t人员编制数\t52\t实有人数\t87")
    are passed over, the pairs read on the same conditions."""
    bare = _bare_role_pairs(row)
    if bare:
        return bare
    cells = row.text.split("\t")
    blank = next((n for n, cell in enumerate(cells) if cell.strip()), 0)
    if blank and (len(cells) - blank) % 2 == 0:
        # "\t人员编制数\t52\t实有人数\t87", "\t\t\t其中：退休\t30\t离休\t2": a form's merged
        # cells left empty before the pairs (the caption, a label over two rows)
        at = sum(len(cell) + 1 for cell in cells[:blank])
        return _role_pairs_row(replace(row, text=row.text[at:], start=row.start + at), pairs)
    if len(cells) % 2 and _HEAD_COUNT_CAPTION.match(cells[0].strip()):
        # "实有人员 | 在职人员 | 17 | 退休人员 | 6": the caption kept by the form's rewriting
        at = len(cells[0]) + 1
        return _role_pairs_row(replace(row, text=row.text[at:], start=row.start + at), pairs)
    if len(cells) % 2 and _SECTION_CAPTION.match(cells[0].strip()):
        # "人员情况 | 编制数 | 9": a form's merged section caption written out on its row
        at = len(cells[0]) + 1
        return _role_pairs_row(replace(row, text=row.text[at:], start=row.start + at), pairs=1)
    if len(cells) < 2 * pairs or len(cells) % 2:
        return []
    keys = [re.sub(r"^其中:?", "", key.strip()) for key in cells[::2]]
    if any(_role_in_form(key, keys) is None for key in keys) or not all(
        _count_cell(value) for value in cells[1::2]
    ):
        return []
    return _key_value_rows([row])


# ── a form's staffing row read pair by pair, whatever else the row holds ─────────────────────
# A 自评表's 人员 row pasted from PDF, Word or a web page: key and count cells in turn, among
# pairs of other keys (单位性质, 内设机构, 公益性岗位, 馆员, 人民调解员…), maybe under a caption
# ("人员情况", "基本" / "情况" over two rows). The role comes from the key alone: a title that
# names a head-count (`_role_of_title`), or a bare role word (在职 / 退休 / 离休 / 离退休 /
# 在职在编) where the row or the row above states the quota or the 实有 count by its title.
_FORM_CAPTION = re.compile(
    r"^(?:人员|情况|基本|信息|基本情况|基本信息|人员情况|人员信息|单位情况|单位基本情况)$"
)
_FORM_BARE_ROLE = {
    "实有": ROLE_ACTUAL,
    "在职": ROLE_IN_SERVICE,
    "在职在编": ROLE_IN_SERVICE,
    "在编在职": ROLE_IN_SERVICE,
    "在编在岗": ROLE_IN_SERVICE,
    "在岗在编": ROLE_IN_SERVICE,
    "退休": ROLE_RETIRED,
    "离退休": ROLE_RETIRED,
    "离休": ROLE_RETIRED_CADRES,
}
# a contract-staff key of a form ("编外聘用", "编外人员", "临聘人员"): read as 编外, never as 在职
_FORM_CONTRACT_KEY = re.compile(rf"^(?:编外|编制外|临聘|临时聘用)[{CJK}]{{0,4}}$")
# a count cell: "28", "28名", "1,058", "1,058（在职846，退休212）", "18名（含政法专项编制12名）"
_FORM_VALUE = re.compile(r"^\s*(\d{1,3}(?:,\d{3})+|\d{1,6})\s*(人|名|个)?\s*(?:\(([^()]*)\))?\s*$")
_FORM_KEY = re.compile(rf"^[{CJK}][{CJK}:]{{0,12}}(?:\([{CJK},、]{{1,16}}\))?$")


def _a_caption(cell: str) -> bool:
    """A form's caption cell before a row's pairs ("人员情况", "基本", "人员编制情况")."""
    return bool(_FORM_CAPTION.match(cell) or _SECTION_CAPTION.match(cell))


def _form_role(key: str, keys: list[str], bare_ok: bool) -> str | None:
    role = _role_in_form(key, keys)
    if role is not None:
        return role
    if _FORM_CONTRACT_KEY.match(key) and not _SUBGROUP.search(key):
        return ROLE_CONTRACT
    return _FORM_BARE_ROLE.get(key) if bare_ok else None


def _form_pairs(
    pairs: list[tuple[str, str, int, int]],
    above: list[_Count] | None,
    wrapped: bool = False,
    lone_ok: bool = False,
) -> list[_Count]:
    """Pairs (key, value, key's start, value's start) of one form row → counts by the key's role.
    Read only when every key is a label (no number in it), some key names a role by its title (or
    the row above was read: *above*, its counts), and every role's value is a count; a role whose
    value is a dash is passed over, one whose value is words (a header of titles) leaves the row
    unread. Two bare role words or more under the row stating the 实有 count split it: they are
    read only when the row's parts by role add up to it ("实有人数 | 25" over "在职 | 10 | 退休 |
    14" is not proven; beside the 实有 on its own row they are read as `_bare_role_pairs` reads
    them, a miss then checked against it)."""
    keys = [re.sub(r"^其中:?", "", key.strip()) for key, _, _, _ in pairs]
    if not all(_FORM_KEY.match(key) for key in keys):
        return []
    if any(_LAST_YEAR_CELL.search(key + value) for key, value, _, _ in pairs):
        return []
    titled = any(_wrapped_role(key, keys, wrapped) is not None for key in keys)
    if not titled and above is None:
        return []
    found: list[_Count] = []
    keyed: list[_Count] = []  # the counts of the row's own keys (not a bracket's parts)
    other = False  # a key that is no role
    counted = False  # a count under such a key (another kind of people, or not people)
    for key, (written, value, key_at, value_at) in zip(keys, pairs, strict=True):
        key_at += len(written.strip()) - len(key)  # "其中：在职": the span from the role word
        role = _wrapped_role(key, keys, wrapped) or _form_role(key, keys, bare_ok=True)
        if role is None and _CATEGORY.search(key) and re.search(r"编制$", key):
            continue  # "其中：行政编制 | 20": a part of the quota by kind, not read here
        if role is None and classify(key, "人") is not None:
            return []  # "现有人员情况在编职工": a head-count this reading does not place
        if role is None:
            other = True  # 单位性质, 内设机构, 公益性岗位, 借调, 馆员…: another kind of key
            counted = counted or bool(_FORM_VALUE.match(value))
            continue
        match = _FORM_VALUE.match(value)
        if match is None:
            if _DASH_CELL.match(value):
                continue
            return []
        if match.group(2) == "个" and role != ROLE_AUTHORIZED:
            continue  # "在职 | 3个": not a head-count
        count = int(match.group(1).replace(",", ""))
        numbers = [int(n) for n in re.findall(r"\d+", match.group(3) or "")]
        if len(numbers) >= 2 and sum(numbers) != count:
            continue  # "60（行政编制40，事业编制18）": which is right is not proven
        found.append(
            _Count(
                role,
                None,
                count,
                key_at,
                value_at + match.end(2 if match.group(2) else 1),
                key,
                match.group(2) or "人",
            )
        )
        keyed.append(found[-1])
        if match.group(3) and role in (ROLE_ACTUAL, ROLE_RETIRED):
            # "1,058（在职846，退休212）", "离退休 9（离休1，退休8）": the count's split by role
            found.extend(_bracket_roles(match.group(3), count, value_at + match.start(3)))
    roles = [count.role for count in found if count.label not in _FORM_BARE_ROLE]
    if len(set(roles)) != len(roles):
        return []  # a role twice by its title: two columns (上年 / 本年), not one row of pairs
    if other and len(keyed) < 2 and not lone_ok:
        return []  # "编制人数 | 30 | 内设机构 | 5" alone: proven only beside a staffing row
    bare = [count for count in keyed if count.label in _FORM_BARE_ROLE and count.role in _PARTS]
    if not bare:
        return found
    whole = _whole_split(bare, found, above or [])
    on_row = whole is not None and whole in found
    if (len(bare) >= 2 and whole is not None and not on_row) or counted:
        parts = [count for count in keyed if count.role in _PARTS and count is not whole]
        if whole is None or sum(count.value for count in parts) != whole.value:
            found = [count for count in found if count not in bare]
    return found


def _whole_split(bare: list[_Count], found: list[_Count], above: list[_Count]) -> _Count | None:
    """The count bare role words split: a 离退休 count above split into 退休 / 离休, else the 实有
    count on the row, else the one on the row above."""
    if all(count.role in (ROLE_RETIRED, ROLE_RETIRED_CADRES) for count in bare):
        combined = [c for c in above if c.role == ROLE_RETIRED and "离退休" in c.label]
        if combined:
            return combined[0]
    return next((c for c in found + above if c.role == ROLE_ACTUAL), None)


_PARTS = (ROLE_IN_SERVICE, ROLE_RETIRED, ROLE_RETIRED_CADRES, ROLE_SURVIVORS)


def _wrapped_role(key: str, keys: list[str], wrapped: bool) -> str | None:
    """A key's role by its title; a key wrapped over two rows ("核定教职工" / "编制数", "在编在职"
    / "教职工") by the words of the whole key, no sub-population and no 编外 in it."""
    role = _role_in_form(key, keys)
    if role is not None or not wrapped or not _BARE_LABEL.match(key):
        return role
    role = classify(key, "人")
    if role is None or role.startswith("trap") or role == ROLE_CONTRACT:
        return None
    return None if _CATEGORY.search(key) or _SECONDED.search(key) else role


# the rest of a form's keys wrapped onto the row under them: words alone, as many as the keys
_KEY_REST = re.compile(rf"^[{CJK}]{{1,6}}$")


def _wrapped_keys(row: Line, below: Line | None) -> list[str] | None:
    """The rests of *row*'s keys when the line *below* holds only them, each starting in its key's
    display column (a PDF cell's title over two lines: "核定教职工  186  在编在职  172" over
    "编制数              教职工"), else None."""
    if below is None or "\t" in below.text or not below.text.strip():
        return None
    rests = [(m.group(0), m.start()) for m in re.finditer(r"\S+", below.text)]
    if not all(_KEY_REST.match(rest) for rest, _ in rests):
        return None
    cells = _SPACED_GAP.split(row.text.strip())
    if len(cells) % 2 or len(rests) != len(cells) // 2:
        return None
    starts = []
    at = row.text.index(cells[0])
    for cell in cells:
        at = row.text.index(cell, at)
        starts.append(display_width(row.text[:at]))
        at += len(cell)
    columns = [display_width(below.text[:at]) for _, at in rests]
    if columns != starts[::2]:
        return None
    return [rest for rest, _ in rests]


def _cell_pairs(cells: list[str], at: int) -> list[tuple[str, str, int, int]] | None:
    """A row's cells (the first starting at *at*) as (key, value, key's start, value's start)
    pairs; a blank cell where a key would stand is a spacer column between pairs ("编制数 | 45 |
    | 实有人数 | 58") or a trailing empty cell, passed over. None when a key has no cell after it."""
    pairs = []
    n = 0
    while n < len(cells):
        key = cells[n]
        if not key.strip():
            at += len(key) + 1
            n += 1
            continue
        if n + 1 == len(cells):
            return None
        value = cells[n + 1]
        lead = len(key) - len(key.lstrip())
        pairs.append((key.strip(), value, at + lead, at + len(key) + 1))
        at += len(key) + len(value) + 2
        n += 2
    return pairs


def _titled_pair(pairs: list[tuple[str, str, int, int]]) -> bool:
    """One pair whose key names a head-count role by its title and whose value is a count."""
    if len(pairs) != 1:
        return False
    key = re.sub(r"^其中:?", "", pairs[0][0].strip())
    return _role_in_form(key, [key]) is not None and bool(_TABLE_COUNT.match(pairs[0][1]))


def _form_row_pairs(
    row: Line, above: list[_Count] | None, below: Line | None = None, lone_ok: bool = False
) -> list[_Count]:
    """A form's tab row (or a row laid out with runs of spaces, made tab cells) read pair by pair
    (`_form_pairs`), the caption cells before the pairs and blank cells passed over; with *below*,
    the raw line under a spaced row, keys wrapped onto it are read whole (`_wrapped_keys`)."""
    rests = None
    if "\t" not in row.text:
        rests = _wrapped_keys(row, below)
        row = _spaced_as_cells(row)
    cells = row.text.split("\t")
    at = row.start
    while cells and (not cells[0].strip() or _a_caption(cells[0].strip())):
        at += len(cells[0]) + 1
        cells = cells[1:]
    pairs = _cell_pairs(cells, at)
    if pairs is None or (len(pairs) < 2 and not (lone_ok and _titled_pair(pairs))):
        # one pair alone does not prove it is no title over a column ("类别 | 差额"); beside a
        # row read as staffing (lone_ok), one titled by its role ("编制数 | 15") is the block's
        return []
    if rests is not None and len(rests) == len(pairs):
        pairs = [(key + rest, *place) for (key, *place), rest in zip(pairs, rests, strict=True)]
    return _form_pairs(pairs, above, wrapped=rests is not None, lone_ok=lone_ok)


def _fuller(strict: list[_Count], pairs: list[_Count]) -> list[_Count]:
    """The row's counts read pair by pair (`_form_row_pairs`) when they hold every count the
    stricter reading found and more (a split in brackets, a bare role word), else those."""
    if {(c.role, c.value) for c in strict} < {(c.role, c.value) for c in pairs}:
        return pairs
    return strict or pairs


# a form's quota by kind of post as column titles, their counts on the row under them ("人员 |
# 核定编制 | 行政编制 | 事业编制 | 工勤编制 | 合计" over "情况 | 14 | 5 | 1 | 20"): the 合计 is the quota
_QUOTA_GROUP = re.compile(r"^(?:核定编制|核定编制数|编制数|编制情况|编制)$")
_QUOTA_TOTAL_TITLE = re.compile(r"^(?:合计|小计|总计|编制合计|编制总数|合计编制)$")


def _cells_after_caption(row: Line) -> list[str]:
    cells = (row if "\t" in row.text else _spaced_as_cells(row)).text.split("\t")
    while cells and (not cells[0].strip() or _FORM_CAPTION.match(cells[0].strip())):
        cells = cells[1:]
    return [cell.strip() for cell in cells]


def _quota_titles_over_counts(header: Line, row: Line) -> list[_Count]:
    """The quota's 合计 under a header of kinds of quota (`_QUOTA_TYPE_ROW`, two or more) closed
    by a total title, maybe after a group caption (核定编制); the row under it one count a title,
    the kinds adding up to the total. Nothing else is read from the two rows (a kind such as
    事业编制 names no standard type)."""
    titles = _cells_after_caption(header)
    if titles and _QUOTA_GROUP.match(titles[0]):
        titles = titles[1:]
    if len(titles) < 3 or not _QUOTA_TOTAL_TITLE.match(titles[-1]):
        return []
    if not all(_QUOTA_TYPE_ROW.match(title) for title in titles[:-1]):
        return []
    cells = _cells_after_caption(row)
    if len(cells) != len(titles) or not all(_TABLE_COUNT.match(cell) for cell in cells):
        return []
    values = [int(cell.rstrip("人名").strip()) for cell in cells]
    if sum(values[:-1]) != values[-1]:
        return []
    total = row.text.rstrip()
    at = row.start + len(total) - len(total.split()[-1])
    match = _TABLE_COUNT.match(total.split()[-1])
    assert match is not None
    return [_Count(ROLE_AUTHORIZED, None, values[-1], at, at + match.end(1), "核定编制合计")]


# a form's row whose single spaces a PDF's text layer lost (the clean-up closes them up): keys and
# counts run together ("人员核定编制32其中:行政编制20事业编制12", "编制人数51(行政48、工勤3)在编在职
# 人数49退休人员21离休人员1"), a bracket after a count its note
_FUSED_PAIR = re.compile(
    rf"([{CJK}][{CJK}:]*(?:\([{CJK}:,、]*\))?[{CJK}:]*?)"
    r"(\d{1,3}(?:,\d{3})+|\d{1,6})(人|名)?(\([^()]*\))?"
)
_FUSED_CAPTION = re.compile(r"^(?:人员情况|基本情况|基本信息|人员信息|人员|情况|基本|信息)(?=.{2})")


def _fused_row_pairs(row: Line, above: list[_Count] | None, lone_ok: bool = False) -> list[_Count]:
    """A form's row of keys and counts run together (`_FUSED_PAIR`), the whole line nothing but
    such pairs, two or more, a caption before the first key dropped; read as `_form_pairs`. Else
    the pairs closing the line after words alone (`_fused_tail_pairs`)."""
    text = row.text.strip()
    if not text:
        return []
    lead = row.text.index(text[0])
    pairs = _fused_pairs(text, row.start + lead)
    if pairs is not None and len(pairs) >= 2:
        found = _form_pairs(pairs, above, lone_ok=lone_ok)
        if found:
            return found
    return _fused_tail_pairs(text, row.start + lead)


def _fused_pairs(text: str, start: int) -> list[tuple[str, str, int, int]] | None:
    """*text* (at *start*) as `_FUSED_PAIR`s (key, value, key's start, value's start), a caption
    before the first key dropped; None when the text is not such pairs alone."""
    pairs = []
    at = 0
    while at < len(text):
        match = _FUSED_PAIR.match(text, at)
        if match is None:
            return None
        key = match.group(1)
        skip = 0
        if not pairs and (caption := _FUSED_CAPTION.match(key)):
            skip = caption.end()
        value_at = start + match.start(2)
        pairs.append((key[skip:], text[match.start(2) : match.end()], start + at + skip, value_at))
        at = match.end()
    return pairs


# where a head-count title may begin inside a fused line ("…事业单位编制数42实有人数51")
_TITLE_START = re.compile(r"核定|编制|实有|在职|在编|退休|离休|离退休")


def _fused_tail_pairs(text: str, start: int) -> list[_Count]:
    """The pairs closing a fused line after words alone, no number among them: a PDF form's row
    whose text layer ran the line above into it ("填报单位:…单位:万元基本单位性质全额拨款事业单位
    编制数42实有人数51"). Read only when the tail is two pairs or more and every key is a title
    naming a head-count role (`_role_of_title`, 其中 dropped): no bare role word, no other key,
    no word of last year right before it."""
    if len(text) > 200 or not re.search(r"\d", text):
        return []
    for title in _TITLE_START.finditer(text):
        at = title.start()
        if (
            not at
            or re.search(r"\d", text[:at])
            or _LAST_YEAR_CELL.search(text[max(0, at - 4) : at])
        ):
            continue
        pairs = _fused_pairs(text[at:], start + at)
        if pairs is None or len(pairs) < 2:
            continue
        keys = [re.sub(r"^其中:?", "", key) for key, _, _, _ in pairs]
        if all(_role_of_title(key) for key in keys):
            return _form_pairs(pairs, None)
    return []


# a form's cell holding its key and its count together ("编制人数32", "实有人数：35"), maybe with
# the count's split by role in brackets after it ("实有人数35（在职30、退休5）")
_FUSED_CELL = re.compile(
    rf"^\s*([{CJK}][{CJK}()]{{1,15}}?)\s*:?\s*(\d{{1,6}})\s*(?:人|名)?\s*(?:\(([^()]*)\))?\s*$"
)
_BRACKET_PART = re.compile(rf"^([{CJK}]{{2,6}}?)\s*:?\s*(\d{{1,6}})\s*(?:人|名)?$")


def _fused_cell_counts(row: Line) -> list[_Count]:
    """A form's row whose value cells each hold a key and its count ("人员情况 | 编制人数32 |
    实有人数35（在职30、退休5）"): each cell whose key names a head-count role and no more
    (`_ROLE_LABEL`) gives that count. A split in brackets after it is read only when every part
    names a role by itself (在职 / 退休 / 离休, with or without 人员 / 人数) and the parts add up to
    the count; parts by type (行政20、事业12) or a split that misses are not read. Read only when
    every value cell of the row is such a key and count (or empty), the first cell is the row's
    label (no number in it), and no cell speaks of last year."""
    cells = row.text.split("\t")
    if len(cells) < 2 or any(_LAST_YEAR_CELL.search(cell) for cell in cells):
        return []
    if re.search(r"\d", cells[0]):
        return []  # "编制人数：24人\t实有人数：31人": no row label, a line of prose's key/value pairs
    found: list[_Count] = []
    position = row.start + len(cells[0]) + 1
    for cell in cells[1:]:
        at = position
        position += len(cell) + 1
        if not cell.strip():
            continue
        match = _FUSED_CELL.match(cell)
        role = _role_of_title(match.group(1)) if match else None
        if match is None or role is None:
            return []
        value = int(match.group(2))
        found.append(
            _Count(role, None, value, at + match.start(1), at + match.end(2), match.group(1))
        )
        if match.group(3) is not None:
            found.extend(_bracket_roles(match.group(3), value, at + match.start(3)))
    return found


def _bracket_roles(text: str, total: int, start: int) -> list[_Count]:
    """The parts of "在职30、退休5" by role, when each names one and they add up to *total*."""
    parts: list[_Count] = []
    offset = 0
    for piece in re.split(r"([、,;])", text):
        if piece and piece not in "、,;":
            match = _BRACKET_PART.match(piece.strip())
            label = match.group(1) if match else ""
            role = _role_of_title(label) or _role_of_title(f"{label}人数") if match else None
            if match is None or role is None:
                return []
            lead = len(piece) - len(piece.lstrip())
            parts.append(
                _Count(
                    role,
                    None,
                    int(match.group(2)),
                    start + offset + lead,
                    start + offset + lead + match.end(2),
                    label,
                )
            )
        offset += len(piece)
    if len(parts) < 2 or sum(part.value for part in parts) != total:
        return []
    if len({part.role for part in parts}) != len(parts):
        return []
    return parts


# a one-row staffing table's caption over its row label, and that label: the counts of the staff
_STAFF_CAPTION = re.compile(
    r"^(?:人员(?:情况|构成|类别)?|人数情况|项目|类别"
    # "人员编制及实有人数", "编制及人员情况": a caption naming the quota and the head-count
    r"|人员编制(?:[及和与](?:实有人数|实有人员|人员))?(?:情况)?|编制[及和与](?:实有|人员)(?:人数|情况)?)"
    r"(?:\((?:人|名)\))?$"  # "人员情况（人）": the unit of its counts in brackets
)
_COUNT_ROW_LABEL = re.compile(r"^(?:人数|人员数|数量|人数\((?:人|名)\)|人员数\((?:人|名)\))$")
_SPLIT_LEAD = re.compile(r"^其中:\s*")  # "其中：在职": a part's column title under its whole


# a count cell of a one-row staffing table: a hospital's or a bureau's thousands grouped ("1,148")
_ONE_ROW_COUNT = re.compile(r"^\s*(\d{1,3}(?:,\d{3})+|\d{1,6})\s*(?:人|名)?\s*$")


def _one_row_table(header: Line, row: Line) -> list[_Count]:
    """A staffing table of one row and no row-label column: a header of titles ("编制数" /
    "实有人数" / "在职人数" / "退休人数" / "劳务派遣人员") over one row of counts, cell for cell.
    Each title that names a head-count role and no more (`_ROLE_LABEL`) gives its column's count
    that role; other columns (劳务派遣, 差额, 备注…) are not read. Read only when every title is a
    bare label, every cell a count or a dash, the two rows have the same number of cells, and at
    least two titles name a role (a lost or added cell would shift every count). A caption over
    a row label that names the row as counts ("人员情况" over "人数") is passed over, and "其中："
    before a part's title is not part of its name."""
    titles = [_SPLIT_LEAD.sub("", cell.strip()) for cell in header.text.split("\t")]
    cells = row.text.split("\t")
    if len(titles) != len(cells) or len(titles) < 2:
        return []
    position = row.start
    if _STAFF_CAPTION.match(titles[0]) and _COUNT_ROW_LABEL.match(cells[0].strip()):
        # "人员情况 | 编制数 | 实有人数 | …" over "人数 | 68 | 97 | …": the caption over the row's
        # label, which names the row as the counts and nothing else, then the counts
        position += len(cells[0]) + 1
        titles, cells = titles[1:], cells[1:]
    elif not titles[0] and not cells[0].strip():
        position += len(cells[0]) + 1  # the caption column left blank on both rows
        titles, cells = titles[1:], cells[1:]
    if not all(_BARE_LABEL.match(title) or _QUOTA_NOTE.match(title) for title in titles):
        return []
    if not all(_ONE_ROW_COUNT.match(cell) or _DASH_CELL.match(cell) for cell in cells):
        return []
    found: list[_Count] = []
    for title, cell in zip(titles, cells, strict=True):
        match = _ONE_ROW_COUNT.match(cell)
        role = _role_of_title(title)
        if role is None and _ON_PAYROLL_KEY.match(title):
            role = _role_in_form(title, titles)  # "在编人员" beside "编制数": the post holders
        if role is None and any(count.role == ROLE_ACTUAL for count in found):
            # "实有人数 | 其中：在职 | 离休 | 退休": a bare role word after the head-count's
            # column is a part of it
            role = _KEYED_PART_ROLES.get(_UNIT_BRACKET.sub("", title))
        if match and role is not None:
            end = position + match.end(1)
            count = int(match.group(1).replace(",", ""))
            found.append(_Count(role, None, count, position + match.start(1), end, title))
        position += len(cell) + 1
    roles = [count.role for count in found]
    if len({title for title in titles if _role_of_cell(title)}) < 2 or len(set(roles)) != len(
        roles
    ):
        return []
    return found


def _role_header_and_counts(rows: list[Line]) -> list[_Count]:
    """A form's staffing block as a header row and a count row among the form's other rows
    ("编制数 | 实有人数 | 在职人员 | 退休人员" over "12 | 17 | 11 | 6", the money block below): read
    as `_one_row_table` reads it when every title is a role label (no other column) and the row
    after the counts is not another row of counts as wide (a table by unit, not one row). Under a
    caption as the header's first cell ("人员情况 | 编制数 | 实有人数 | … | 外聘教师") over a row
    whose first cell is blank (the caption's merged cell) other titles may stand beside the roles:
    `_one_row_table` reads the role columns alone."""
    if len(rows) < 2:
        return []
    titles = [cell.strip() for cell in rows[0].text.split("\t")]
    first_cell = rows[1].text.split("\t")[0].strip()
    # the caption's merged cell over the counts: named as counts ("人数") or left empty
    captioned = _STAFF_CAPTION.match(titles[0]) and (
        _COUNT_ROW_LABEL.match(first_cell) or not first_cell
    )
    if not captioned and not all(
        _role_of_cell(_SPLIT_LEAD.sub("", title)) or _QUOTA_NOTE.match(title) for title in titles
    ):
        return []
    if len(rows) > 2:
        after = rows[2].text.split("\t")
        if len(after) == len(titles) and all(
            _TABLE_COUNT.match(cell) or (n == 0 and not cell.strip())
            for n, cell in enumerate(after)
        ):
            return []
    return _one_row_table(rows[0], rows[1])


# a table cell naming a bare role with the count's unit in brackets ("在职（人）", "退休（名）"):
# beside its count in a row of pairs the bracket says it is a head-count (a key：value line so
# written is read only as a split of the 实有 line above it: `_keyed_split_of_actual`)
_BARE_ROLE_CELL = re.compile(r"^(在职|退休|离休|离退休)\((?:人|名)\)$")


# a pair's key that is a role word alone, the caption before the pairs saying they are head-counts
# ("实有人员 | 在职 | 17 | 退休 | 6 | 遗属 | 1"; 遗属 with 人员 / 人数 too, which no title names)
_BARE_ROLE_WORD = re.compile(r"^(?:在职|退休|离休|遗属(?:人员|人数)?)$")
_HEAD_COUNT_CAPTION = re.compile(r"^(?:实有|现有)(?:人员|人数)(?:情况)?$")


def _bare_role_key(key: str) -> str | None:
    """The role of a key cell that is a bare role word (`_BARE_ROLE_WORD`), else None."""
    if not _BARE_ROLE_WORD.match(key):
        return None
    return ROLE_SURVIVORS if key.startswith("遗属") else _role_of_title(key + "人数")


def _bare_role_pairs(row: Line) -> list[_Count]:
    """A row of pairs whose keys are bare role words, read only where the row says they are
    head-counts: opened by a 实有 caption ("实有人员 | 在职 | 17 | 退休 | 6 | 遗属 | 1") or beside
    the 实有 count's own pair ("编制人数 | 46 | 实有人数 | 58 | 在职 | 44 | 离休 | 1"). Every key
    must name a role (a bare word or a title `_role_of_cell` knows), every value be a count."""
    cells = row.text.split("\t")
    skip = 1 if len(cells) % 2 and _HEAD_COUNT_CAPTION.match(cells[0].strip()) else 0
    pairs = cells[skip:]
    if len(pairs) < 4 or len(pairs) % 2:
        return []
    keys = [re.sub(r"^其中:?", "", key.strip()) for key in pairs[::2]]
    roles = [_role_of_cell(key) or _bare_role_key(key) for key in keys]
    if None in roles or not any(_bare_role_key(key) for key in keys):
        return []
    if not skip and ROLE_ACTUAL not in roles:
        return []
    found: list[_Count] = []
    position = row.start + sum(len(cell) + 1 for cell in cells[:skip])
    for key, value, role in zip(pairs[::2], pairs[1::2], roles, strict=True):
        match = _count_cell(value)
        if match is None or role is None:
            return []
        at = position + len(key) + 1
        found.append(_Count(role, None, int(match.group(1)), position, at + match.end(1), key))
        position = at + len(value) + 1
    return found


def _role_of_cell(key: str) -> str | None:
    """The role of a pair's key cell: a title `_role_of_title` knows, or a bare role word with its
    unit in brackets (`_BARE_ROLE_CELL`)."""
    bare = _BARE_ROLE_CELL.match(key)
    return _role_of_title(bare.group(1) + "人数") if bare else _role_of_title(key)


# a quota's title with its unit in 个 or its split by kind of post in brackets ("编制数（个）",
# "编制数（行政30、事业26）", "核定编制（行政编制12名、事业编制8名）"): the quota, the bracket a note
_QUOTA_NOTE = re.compile(
    rf"^((?:核定)?(?:编制数|人员编制数|编制人数|核定编制))"
    rf"\((?:个|名|人|(?:其中[:]?)?(?:[{CJK}]{{1,6}}\d{{1,5}}[个名人]?[、,;])+[{CJK}]{{1,6}}\d{{1,5}}[个名人]?)\)$"
)


def _role_of_title(title: str) -> str | None:
    """The role of a label that names a head-count and no more ("编制数", "在职人数（人）")."""
    quota = _QUOTA_NOTE.match(title)
    if quota:
        title = quota.group(1)
    if not _ROLE_LABEL.match(title):
        return None
    role = classify(_UNIT_BRACKET.sub("", title), "人")
    return None if role is None or role.startswith("trap") else role


# "在编人数" alone may be the quota or the people holding it; in a form that gives the quota in a
# key of its own (编制数 beside it), it is the people on the payroll (the 在职 count)
_ON_PAYROLL_KEY = re.compile(r"^(?:其中:?)?(?:实有)?在编(?:人数|人员)(?:\(人\)|\(名\))?$")


def _role_in_form(key: str, keys: list[str]) -> str | None:
    """The role of a form's key among the *keys* of its rows: `_role_of_title`, and 在编人数 as
    the in-service count when another key states the quota (`_ON_PAYROLL_KEY`)."""
    role = _role_of_cell(key)
    if (
        role is None
        and _ON_PAYROLL_KEY.match(key)
        and any(_role_of_title(other) == ROLE_AUTHORIZED for other in keys if other != key)
    ):
        return ROLE_IN_SERVICE
    return role


def _column_kinds(titles: list[str]) -> dict[int, str]:
    """Column number (from 1, after the row-label column) → "quota" or "present"."""
    return {
        n: ("quota" if _QUOTA_COLUMN.match(title) else "present")
        for n, title in enumerate(titles, start=1)
        if _QUOTA_COLUMN.match(title) or _PRESENT_COLUMN.match(title)
    }


def _tab_cells(row: Line) -> list[tuple[Line, str]]:
    """The value cells of a tab row, each as a Line at its place in the text."""
    cells = row.text.split("\t")
    found = []
    position = len(cells[0]) + 1
    for cell in cells[1:]:
        found.append((Line(row.index, cell, row.start + position), cell))
        position += len(cell) + 1
    return found


def _table_rows(
    rows: list[tuple[Line, list[tuple[Line, str]]]], columns: dict[int, str]
) -> tuple[list[_Count], set[int]]:
    counts: list[_Count] = []
    used: set[int] = set()
    typed_rows = 0  # rows above by staff type only (行政人员, 事业人员…), none of retirees
    quota_rows: list[tuple[Line, str, list[tuple[Line, str]]]] | None = []  # 行政编制…
    labels = [row.text.split("\t")[0].strip() for row, _ in rows]
    payroll = "quota" in columns.values()  # 在编人员 beside a 编制数 column: the staff on it
    since_total: list[tuple[str | None, list[tuple[Line, str]]]] = []
    for number, (row, cells) in enumerate(rows):
        label = labels[number]
        role = ROLE_IN_SERVICE if payroll and _ON_PAYROLL_KEY.match(label) else None
        found = _row_counts(row, label, cells, columns, in_service_total=typed_rows >= 2, role=role)
        if _TOTAL_ROW.match(label) and not found_present(found):
            found += _total_of_staff_and_contract(row, cells, since_total, columns)
        since_total = (
            []
            if _TOTAL_ROW.match(label)
            else [*since_total, (role or classify(label, "人"), cells)]
        )
        if _TOTAL_ROW.match(label):
            # a 退休人员 row of its own under the 合计: the 合计 is of the staff in service
            retirees_apart = any(
                classify(later, "人") in (ROLE_RETIRED, ROLE_RETIRED_CADRES)
                for later in labels[number + 1 :]
            )
            present_role = ROLE_IN_SERVICE if retirees_apart else ROLE_ACTUAL
            found = _total_over_quota_types(
                row, cells, found, quota_rows or [], columns, present_role
            )
            typed_rows, quota_rows = 0, []
        elif _is_in_service_type_row(label):
            typed_rows += 1
            quota_rows = None
        elif _QUOTA_TYPE_ROW.match(label):
            typed_rows = -len(rows) - 1
            if quota_rows is not None:
                quota_rows.append((row, label, cells))
        else:
            typed_rows = -len(rows) - 1  # another kind of row: the total is not in service
            quota_rows = None
        if found and any("离退休" in count.label for count in found):
            found += _retirees_in_remark(cells)
        if found:
            counts.extend(found)
            used.add(row.index)
    return counts, used


# a 离退休 row's remark splitting it: "其中退休144人、离休2人"
_REMARK_SPLIT = re.compile(r"(?P<kind>(?<!离)退休|离休)(?:人员)?(?P<count>\d{1,6})(?:人|名)")


def _retirees_in_remark(cells: list[tuple[Line, str]]) -> list[_Count]:
    """The 退休 and 离休 counts a 离退休 row's remark cell gives (the row's lines are the table
    reader's, so the prose reader does not see them)."""
    found = []
    for place, cell in cells:
        for match in _REMARK_SPLIT.finditer(cell):
            role = ROLE_RETIRED if match.group("kind") == "退休" else ROLE_RETIRED_CADRES
            start, end = place.start + match.start(), place.start + match.end("count")
            found.append(
                _Count(role, None, int(match.group("count")), start, end, match.group("kind"))
            )
    return found


def _headers_inside(run: list[Line], used: set[int]) -> tuple[list[_Count], set[int]]:
    """A staffing table's header inside a form drawn as one table ("一、人员构成 | 类别 | 编制数 |
    实有人数 | 备注" between the form's head rows and its money block): the rows under it read as
    a table of their own, while each is titled by the people it counts or is a 合计 (the
    header's caption cell, merged down, left blank on them)."""
    for at, row in enumerate(run[:-1]):
        cells = [cell.strip() for cell in row.text.split("\t")]
        columns = _column_kinds(cells[1:])
        if row.index in used or re.search(r"\d", row.text) or len(set(columns.values())) != 2:
            continue
        rows = []
        for below in run[at + 1 :]:
            label = below.text.split("\t")[0].strip()
            if not (
                _TOTAL_ROW.match(label) or _ON_PAYROLL_KEY.match(label) or classify(label, "人")
            ):
                break
            rows.append((below, _tab_cells(below)))
        if len(rows) >= 2:
            return _table_rows(rows, columns)
    return [], set()


# a staffing table's row by kind of quota: "行政编制", "参公事业编制", "机关工勤编制", "政法专项编制"
_QUOTA_TYPE_ROW = re.compile(rf"^[{CJK}]{{0,4}}(?:{_CATEGORY.pattern})[{CJK}]{{0,4}}编制$")


def _total_over_quota_types(
    row: Line,
    cells: list[tuple[Line, str]],
    found: list[_Count],
    quota_rows: list[tuple[Line, str, list[tuple[Line, str]]]],
    columns: dict[int, str],
    present_role: str = ROLE_ACTUAL,
) -> list[_Count]:
    """A 合计 row under two or more rows by kind of quota ("行政编制 | 28 | 26", "事业编制 | 15 |
    14", "工勤编制 | 3 | 3", then "合计 | 47 | 43"): its 编制数 cell is the quota, the rows' cells
    its parts by type (the arithmetic checked: `import.W004` when they miss), and its 实有人数
    cell the stated 实有 (*present_role*: no 在职 word is written), or the staff in service when
    the table counts its retirees in a row of their own under the 合计; read only when the
    rows' cells add up to it."""
    if len(quota_rows) < 2:
        return found
    parts: dict[str, list[tuple[Line, str, re.Match[str] | None]]] = {"quota": [], "present": []}
    for _type_row, label, type_cells in quota_rows:
        for column, (place, cell) in enumerate(type_cells, start=1):
            kind = columns.get(column)
            if kind is not None:
                parts[kind].append((place, label, _TABLE_COUNT.match(cell)))
    result = []
    for count in found:
        if count.role == ROLE_AUTHORIZED:
            quota = parts["quota"]
            if len(quota) == len(quota_rows) and all(m for _, _, m in quota):
                count.parts = [
                    _Count(
                        ROLE_AUTHORIZED,
                        _staff_type(part_label),
                        int(m.group(1)),
                        place.start,
                        place.start + m.end(1),
                        part_label,
                        part=True,
                    )
                    for place, part_label, m in quota
                    if m
                ]
            result.append(count)
    present = parts["present"]
    if len(present) == len(quota_rows) and all(m for _, _, m in present):
        above = sum(int(m.group(1)) for _, _, m in present if m)
        for column, (place, cell) in enumerate(cells, start=1):
            match = _TABLE_COUNT.match(cell)
            if columns.get(column) == "present" and match and int(match.group(1)) == above:
                label = row.text.split("\t")[0].strip()
                end = place.start + match.end(1)
                result.append(_Count(present_role, None, above, row.start, end, label))
    return result


# a cell of a flattened staffing table: a count, or a dash for a cell with nothing in it
_FLAT_CELL = re.compile(r"^\s*(?:\d{1,6}\s*(?:人|名)?|[—–\-－/]{1,2})\s*$")
_FLAT_TITLE = re.compile(rf"^[{CJK}()]{{2,12}}$")
# a row label of a flattened table by unit may say how many units it sums: "直属事业单位（6个）"
_FLAT_UNIT_ROW = re.compile(rf"^[{CJK}]{{2,12}}\(\d{{1,3}}(?:个|家|所)\)$")


def _flat_title(line: Line) -> bool:
    text = line.text.strip()
    return bool(_FLAT_TITLE.match(text) or _FLAT_UNIT_ROW.match(text))


def _flattened_tables(
    lines: list[Line],
) -> list[tuple[dict[int, str], list[str], list[tuple[Line, list[tuple[Line, str]]]]]]:
    """A staffing table whose header was flattened one cell per line ("类别" / "编制数" / "实有
    人数"), then each row's label and its cells on their own lines ("在职人员" / "30" / "28",
    "退休人员" / "—" / "12"). Which number is in which column shows only by counting, so the
    table is read only when every column title is a quota or head-count title (编制数 / 实有数,
    or a role title a table by unit sums in its 合计 row: 在职人数 / 退休人数…; no 差额 / 备注
    column whose cells could be taken for them) and every row has exactly one cell per column
    (a dash for an empty one); a cell lost or added leaves the whole table unread. Returns each
    table's column kinds, value-column titles and rows."""
    tables = []
    index = 0
    while index < len(lines):
        titles: list[Line] = []
        while index < len(lines) and _flat_title(lines[index]):
            titles.append(lines[index])
            index += 1
        width = 0
        while index + width < len(lines) and _FLAT_CELL.match(lines[index + width].text):
            width += 1
        if not titles or width == 0:
            index += 1 if not titles and width == 0 else width
            continue
        header = [line.text.strip() for line in titles[-width - 1 : -1]]
        columns = _column_kinds(header)
        summed = [n for n, t in enumerate(header, 1) if _role_of_title(t) in _SUMMED_ROLES]
        if len(titles) < width + 2 or len(set(columns) | set(summed)) != width:
            index += width
            continue
        rows = [(titles[-1], [(line, line.text) for line in lines[index : index + width]])]
        index += width
        while index < len(lines) and _flat_title(lines[index]):
            cells = lines[index + 1 : index + 1 + width]
            if len(cells) < width or not all(_FLAT_CELL.match(c.text) for c in cells):
                break
            rows.append((lines[index], [(line, line.text) for line in cells]))
            index += 1 + width
        if index < len(lines) and _FLAT_CELL.match(lines[index].text):
            continue  # a row with more cells than columns: a cell added or lost
        if len(rows) >= 2:
            tables.append((columns, header, rows))
    return tables


def _is_in_service_type_row(label: str) -> bool:
    """ "行政人员", "事业人员", "工勤人员": a row of staff in service by type (not 退休, 编外…)."""
    return (
        bool(_CATEGORY.search(label))
        and not re.search(r"退休|离休|遗属|编外|临聘|聘用|借调|其他", label)
        and bool(re.search(r"(?:人员|人数|职工|干部)$", label))
    )


def found_present(found: list[_Count]) -> bool:
    """A head-count (not the quota) among a row's counts."""
    return any(count.role != ROLE_AUTHORIZED for count in found)


def _total_of_staff_and_contract(
    row: Line,
    cells: list[tuple[Line, str]],
    above: list[tuple[str | None, list[tuple[Line, str]]]],
    columns: dict[int, str],
) -> list[_Count]:
    """A 合计 row under the staff in service and the staff off the quota ("在编人员 | 412 | 381",
    "编外聘用人员 | — | 342", "合计 | 412 | 723"): its head-count is the 实有 of the whole, read
    when the rows above are exactly such rows, one of each at least, and their head-counts add
    up to it."""
    roles = [role for role, _ in above]
    if ROLE_IN_SERVICE not in roles or ROLE_CONTRACT not in roles:
        return []
    if not set(roles) <= {ROLE_IN_SERVICE, ROLE_CONTRACT}:
        return []
    for column, (place, cell) in enumerate(cells, start=1):
        match = _TABLE_COUNT.match(cell)
        if columns.get(column) != "present" or match is None:
            continue
        parts = [
            _TABLE_COUNT.match(part[column - 1][1]) for _, part in above if column <= len(part)
        ]
        if len(parts) != len(above) or None in parts:
            return []
        if sum(int(part.group(1)) for part in parts if part) != int(match.group(1)):
            return []
        label = row.text.split("\t")[0].strip()
        end = place.start + match.end(1)
        return [_Count(ROLE_ACTUAL, None, int(match.group(1)), row.start, end, label)]
    return []


def _row_counts(
    row: Line,
    label: str,
    cells: list[tuple[Line, str]],
    columns: dict[int, str],
    *,
    in_service_total: bool = False,
    role: str | None = None,
) -> list[_Count]:
    """*in_service_total*: every row above this table's 合计 counts staff in service by type, so
    the 合计 row's head-count is the staff in service. *role*: the row's role when the table
    tells it (else the label's)."""
    total = bool(_TOTAL_ROW.match(label))
    role = None if total else (role or classify(label, "人"))
    if not total and (role is None or role.startswith("trap") or _CATEGORY.search(label)):
        return []  # a row by type (行政编制…) or of something else
    found = []
    for column, (place, cell) in enumerate(cells, start=1):
        match = _TABLE_COUNT.match(cell)
        kind = columns.get(column)
        cell_role = None
        if kind == "quota" and (total or role in (ROLE_IN_SERVICE, ROLE_ACTUAL)):
            cell_role = ROLE_AUTHORIZED
        elif kind == "present" and not total and role != ROLE_AUTHORIZED:
            cell_role = role
        elif kind == "present" and total and in_service_total:
            cell_role = ROLE_IN_SERVICE
        if match and cell_role is not None:
            end = place.start + match.end(1)
            found.append(_Count(cell_role, None, int(match.group(1)), row.start, end, label))
    return found


def _counts(report: ReportText, findings: Findings) -> list[list[_Count]]:
    """Every staffing count, grouped per line, with typed parts attached to their totals."""
    table_counts, table_lines = _table_counts(report)
    per_line: list[list[_Count]] = [[count] for count in table_counts]
    keyed_parts: set[int] = set()
    units = unit_item_lines(report.lines)  # "1.局机关：编制17名，在职16人…": a unit's own counts
    for line in report.lines:
        if line.index in table_lines or line.index in units:
            continue
        text = line.text
        if line.index in keyed_parts:
            continue
        keyed = _key_value_count(line)
        if keyed is not None:
            per_line.append([keyed])
            split = _keyed_split_of_actual(report.lines, line.index)
            per_line.extend([count] for count in split)
            keyed_parts.update(range(line.index + 1, line.index + 1 + len(split)))
            continue
        label_line = _label_on_line_before(report.lines, line.index)
        if label_line is not None:
            count = _count_under_label(label_line, line)
            if count is not None:
                per_line.append([count])
                split = _flattened_split_of_actual(report.lines, line.index, count)
                per_line.extend([part] for part in split)
                keyed_parts.update(range(line.index + 1, line.index + 1 + 2 * len(split)))
            continue
        if not re.search(r"编|在职|退休|离休|实有|现有|遗属|人员|人数", text):
            continue
        counts: list[_Count] = []
        head: _Count | None = None
        brackets = _innermost_open_brackets(text)
        role_splits = _split_of_actual(text, line.start)  # read after the line's counts
        quota_splits = _quota_split_misses(text, line.start, findings)
        for match in _COUNT.finditer(text):
            label, label_at = _label_before(text, match.start())
            if not label or _ABOVE.fullmatch(label):
                total = _total_after_parts(text, match, counts, line.start)
                if total is not None:  # "行政编制32名、事业编制20名，共52名"
                    counts = [c for c in counts if c not in total.parts] + [total]
                    head = total
                    continue
                actual = _actual_after_roles(text, match, counts, line.start)
                if actual is not None:  # "在职21人，退休8人，合计29人"
                    counts.append(actual)
                    continue
                if not label:
                    continue
            if not re.search(f"[{CJK}]", label):
                continue
            unit = match.group(2)
            role = classify(label, unit)
            if role is None and _split_by_role_after(text, label, match):
                role = ROLE_ACTUAL  # "在册人员95名，其中在职68名，退休27名": the roles' head-count
            if role in (None, "trap.post_holders") and _holders_after_quota(
                text, label, label_at, counts, line.start
            ):
                role = ROLE_IN_SERVICE  # "核定事业编制112名，在编教职工108人": the post holders
            if role != ROLE_CONTRACT and _SECONDED.search(label):
                continue  # "借用借调公务员6人", "劳务派遣18人": neither a type of staff nor a role
            staff_type = _staff_type(label)
            value = _count_value(match)
            start, end = line.start + label_at, line.start + match.end()
            if _in_subunit_sentence(text, match.start()):
                if role is not None and not role.startswith("trap"):
                    findings.add(
                        "import.W015",
                        "warning",
                        f"“{label}{value}{unit}”所在的句子讲的是所属（下属）单位或非本部门人员，"
                        "未作为本部门人数导入 / a count in a sentence about a subordinate unit or "
                        "people not the department's was not imported",
                        "如需要，请在人员信息中手工填写本部门合计 / fill in the department total by hand",
                        (start, end),
                    )
                    subunit = _Count(role, staff_type, value, start, end, label, unit)
                    per_line.append([replace(subunit, subunit=True)])
                continue
            count = _Count(role, staff_type, value, start, end, label, unit)
            bracket = brackets[match.start()]
            if (
                bracket is None
                and role == ROLE_RETIRED_CADRES
                and _cadres_alone_within_combined(text, label_at, match.end())
            ):
                continue  # "离退休人员22人，其中离休1人": 离退休 stays the count (as in brackets)
            if (
                bracket is not None
                and role == ROLE_RETIRED
                and "离退休" not in label
                and re.search(r"离退休(?:人员|职工|干部)?(?:共)?\d[\d,]*人$", text[:bracket])
            ):
                counts.append(count)  # "离退休人员1,126人（退休1,119人、离休7人）": the 退休 alone
                continue
            if bracket is not None and _retirees_within(text, bracket, role, label):
                counts.append(count)  # "实有人数21人（含退休人员3人）": the department's retirees
                continue
            if bracket in quota_splits:
                continue  # "在职职工52,318人（编制内30,876人，编制外21,422人）": the count's parts
            if bracket is not None:
                owner = _count_before(text, bracket)
                if head is not None and owner == head.value and role in (None, head.role):
                    if (
                        staff_type is not None
                        or _CATEGORY.search(label)
                        or (head.role == ROLE_AUTHORIZED and re.search(r"[^总]编制$", label))
                        or (
                            role is None
                            and unit != "个"
                            and _in_breakdown_of(text, head, start, line.start)
                        )
                    ):
                        # every typed part in the brackets, also one no standard type names
                        # ("事业编制15名", "政法专项编制8名"): the arithmetic is checked on all
                        count.type = staff_type
                        count.listed = role is None and staff_type is None
                        head.parts.append(count)
                    continue
                owner_role = _owner_role(text, bracket)
                if (
                    owner is not None
                    and owner_role is None
                    and role is not None
                    and not role.startswith("trap")
                    and not any(split.start == start for split in role_splits)
                ):
                    findings.add(
                        "import.W006",
                        "warning",
                        f"“{label}{value}{unit}”在括号内，属于某个下属单位的分项，未作为本部门人数导入 / "
                        "a count inside a sub-unit breakdown was not imported",
                        "如需要，请在人员信息中手工填写本部门合计 / fill in the department total by hand",
                        (start, end),
                    )
                continue
            if (
                role in (None, "trap.post_holders", ROLE_IN_SERVICE)
                and _ON_PAYROLL_PART.search(label)
                and _part_of_actual(text, head, line.start + match.start(), line.start)
                and not any(c.role == ROLE_IN_SERVICE for c in counts)
            ):
                # "实有教职工47人，其中在编17人，合同制（聘用）教师22人": the head-count's part on
                # the payroll is the staff in service, when the list makes the head-count (a
                # list that does not leaves 在编 a quota kind only: reported, not read)
                if _list_makes_head(text, head, line.start, findings):
                    count.role, count.type = ROLE_IN_SERVICE, None
                    counts.append(count)
                    continue
                if role == ROLE_IN_SERVICE:
                    continue  # "实有人数94名，其中编制内人员66名，编制外人员25名": short, unread
            if role == "trap.post_holders":
                findings.add(
                    "import.I001",
                    "info",
                    f"“{label}{value}{unit}”是占用编制的在职人数，不是编制数，未作为编制数导入 / "
                    "a head-count of staff holding posts, not the authorized quota",
                    span=(start, end),
                )
                continue
            category = bool(_CATEGORY.search(label)) and not _is_total_label(label)
            if role in (ROLE_AUTHORIZED, ROLE_IN_SERVICE) and category:
                count.type, count.part = staff_type, True  # a type we cannot name stays None
                if head is not None and head.role == role:
                    head.parts.append(count)
                else:
                    counts.append(count)
                continue
            if (
                role is None
                and (staff_type is not None or _BARE_CATEGORY.match(label))
                and head is not None
                and head.role in (ROLE_AUTHORIZED, ROLE_IN_SERVICE)
                and unit != "个"
            ):
                head.parts.append(count)
                continue
            if (
                role is None
                and unit != "个"
                and _in_breakdown_of(text, head, match.start() + line.start, line.start)
            ):
                # "在编29人，其中专任教师22人、教辅人员4人": a part no standard type names, kept
                # only so that the arithmetic is checked (and reported) on every part
                count.listed = True
                head.parts.append(count)
                continue
            if role is None:
                continue
            if unit == "个" and role != ROLE_AUTHORIZED:
                continue
            if (
                role == ROLE_IN_SERVICE
                and _WITHIN_QUOTA.search(label)
                and any(
                    c.role == ROLE_IN_SERVICE
                    and not re.search(r"[。;]", text[c.end - line.start : match.start()])
                    for c in counts
                )
            ):
                continue  # "在职人员130人，其中编制内人员118人": a part of the stated count
            count.type = None
            counts.append(count)
            if role in (ROLE_AUTHORIZED, ROLE_IN_SERVICE, ROLE_ACTUAL):
                head = count
            if role == ROLE_ACTUAL:
                whole = _all_in_service(text, match.end(), count, line.start)
                if whole is not None:
                    counts.append(whole)
        for split in role_splits:
            if not any(c.role == split.role and c.start == split.start for c in counts):
                counts.append(split)
        per_line.append(counts)
    return per_line


# "实有9人，均为在职" / "实有人员12人（全部为在职人员）": every one of them is in service
_ALL_IN_SERVICE = re.compile(
    r"\s*[,(]?\s*(?:且|并且)?(?:均为|均是|全部为|全部是|全为|都是|都为)在职(?:人员|职工|干部|在编人员)?(?=[,;。)]|$)"
)


def _all_in_service(text: str, after: int, actual: _Count, offset: int) -> _Count | None:
    """The 实有 count as the staff in service too, when the words right after it say that all of
    them are in service ("实有9人，均为在职；另有退休人员4人"): not "均为在编" (a quota's word) nor
    "均为事业编制", nor 在职 with anything after it ("均为在职在编人员，…" is read, "均为在职的
    行政人员" is not)."""
    match = _ALL_IN_SERVICE.match(text, after)
    if match is None:
        return None
    return _Count(
        ROLE_IN_SERVICE, None, actual.value, actual.start, offset + match.end(), "实有（均为在职）"
    )


# "实有28人（在职17人、退休11人）", "实有人员28名(其中在职17,退休11)": the department's own
# head-count split by role in the brackets right after it
_ACTUAL_BEFORE_BRACKET = re.compile(r"(\d{1,3}(?:,\d{3})+|\d{1,6})[人名]$")
_ROLE_PAIR = re.compile(
    r"(在编在职|在职在编|在职|离退休|退休|离休|遗属)(?:人员|人数|职工|干部)?(?:为)?(\d{1,3}(?:,\d{3})+|\d{1,6})([人名])?"
)
_PAIR_SEPARATOR = re.compile(r"^[,、;和及]?$")


def _whole(count: str) -> int:
    """ "2,167" → 2167."""
    return int(count.replace(",", ""))


def _split_of_actual(text: str, line_start: int) -> list[_Count]:
    """The role parts in brackets right after an 实有 count, units written or not ("实有28人（在职
    17 退休11）"), read only when every cell of the bracket is such a part, no role twice, two parts
    or more, and they add up to the 实有 count (without a unit nothing else ties them to it)."""
    counts: list[_Count] = []
    for bracket in re.finditer(r"\(((?:其中|含|包括)?)([^()]{2,40})\)", text):
        before = _ACTUAL_BEFORE_BRACKET.search(text, 0, bracket.start())
        if before is None or before.end() != bracket.start():
            continue
        label, _ = _label_before(text, before.start())
        if classify(label, before.group(0)[-1]) != ROLE_ACTUAL or _in_subunit_sentence(
            text, before.start()
        ):
            continue
        inside, offset = bracket.group(2), bracket.start(2)
        pairs = list(_ROLE_PAIR.finditer(inside))
        gaps = [inside[: pairs[0].start()]] if pairs else []
        gaps += [inside[a.end() : b.start()] for a, b in pairwise(pairs)]
        gaps += [inside[pairs[-1].end() :]] if pairs else []
        roles = [pair.group(1) for pair in pairs]
        if (
            len(pairs) < 2
            or len(set(roles)) != len(roles)
            or gaps[0]
            or gaps[-1]
            or not all(_PAIR_SEPARATOR.match(gap) for gap in gaps[1:-1])
            or sum(_whole(pair.group(2)) for pair in pairs) != _whole(before.group(1))
        ):
            continue
        for pair in pairs:
            role = classify(pair.group(1) + "人员", "人")
            start, end = line_start + offset + pair.start(), line_start + offset + pair.end()
            counts.append(
                _Count(
                    role,
                    None,
                    _whole(pair.group(2)),
                    start,
                    end,
                    pair.group(1),
                    pair.group(3) or "人",
                )
            )
    return counts


# the parts of a head-count by whether they hold a quota: 编制内 / 编内 / 在编 and 编制外 / 编外 /
# 非编 / 合同制 / 聘用 / 劳务派遣 (人员 / 职工…); a split of the count, not of a sub-unit
_IN_QUOTA_PART = r"编制内|编内|在编"
_OUT_QUOTA_PART = r"(?:编制外|编外|非编)(?:聘用|合同制)?|合同制|聘用|劳务派遣"


# the part of an 实有 / 现有 head-count on the payroll, right after its 其中
_ON_PAYROLL_PART = re.compile(
    r"^(?:其中:?)?(?:在编|编制内|编内)(?:人员|人数|职工|教职工|干部|干部职工|工作人员)?$"
)


def _part_of_actual(text: str, head: _Count | None, at: int, offset: int) -> bool:
    """Whether the count at *at* opens the 其中 list right after an 实有 / 现有 head-count, in the
    same clause ("实有教职工47人，其中在编17人，…"; not after a 。 or ；)."""
    if head is None or head.role != ROLE_ACTUAL:
        return False
    between = text[head.end - offset : at - offset]
    return between.lstrip("，,（(").startswith("其中") and not re.search(r"[。；;、]", between)


# one item of a 其中 list: its words and its count ("在编17人", "编外聘用人员25人")
_LIST_ITEM = re.compile(
    rf"^(?:其中:?)?([{CJK}]{{1,16}})(\d{{1,3}}(?:,\d{{3}})+|\d{{1,6}})(?:人|名)$"
)
# the words of an item by terms of employment or retirement: in quota, out of it, retired
_TERMS_ITEM = re.compile(rf"^(?:{_IN_QUOTA_PART}|{_OUT_QUOTA_PART}|离退休|退休|离休)")
_LIST_SPAN = 160  # how far a 其中 list is looked at after its head-count (characters)


def _list_items(text: str, head: _Count, offset: int) -> list[tuple[str, int]] | None:
    """The items of the 其中 list right after *head* up to the clause's end (。 or ；), counts in
    brackets inside it left out ("保育员8人（其中公益性岗位3人）"); None when an item is not a
    count with its words."""
    after = text[head.end - offset : head.end - offset + _LIST_SPAN]
    clause = re.split(r"[。；;]", after, maxsplit=1)[0]
    clause = re.sub(r"[(（][^()（）]*[)）]", "", clause).lstrip("，,")
    items = [item.strip() for item in re.split(r"(?<!\d)[,，]|[,，](?!\d{3})|[、]", clause)]
    matches = [_LIST_ITEM.match(item) for item in items if item]
    if not matches or not all(matches):
        return None
    return [(m.group(1), int(m.group(2).replace(",", ""))) for m in matches if m]


def _list_makes_head(text: str, head: _Count, offset: int, findings: Findings) -> bool:
    """Whether the 其中 list after an 实有 head-count adds up to it ("实有教职工47人，其中在编17人，
    合同制教师22人，保育员8人"): only then is its 在编 part the staff in service. A list by terms
    of employment alone that does not ("实有人员96人，其中在编人员68人、编外聘用人员25人") is
    reported (import.W004) and its 在编 part stays a quota kind, not read."""
    items = _list_items(text, head, offset)
    if items is None:
        return False
    total = sum(value for _, value in items)
    if total == head.value:
        return True
    if len(items) >= 2 and all(_TERMS_ITEM.match(words) for words, _ in items):
        listed = "＋".join(f"{words}{value}" for words, value in items)
        findings.add(
            "import.W004",
            "warning",
            f"{head.label}{head.value}人的其中分项（{listed}＝{total}人）与总数不符，在编人数未作为"
            "在职人数导入 / the parts of the head-count do not add up to it; the head-count is "
            "kept as stated and its 在编 part is not read as the staff in service",
            "请核对原文各分项 / check the parts in the report",
            (head.start, head.end),
        )
    return False


def _in_breakdown_of(text: str, head: _Count | None, at: int, offset: int) -> bool:
    """Whether the count at *at* stands in the 其中 list of *head* (a quota or in-service total)
    in the same clause, or in the brackets right after it: "现有在编教职工29人，其中专任教师22人、
    教辅人员4人、工勤人员2人", "在职人员214人（民警209人、工勤人员5人）"."""
    if head is None or head.role not in (ROLE_AUTHORIZED, ROLE_IN_SERVICE) or head.unit == "个":
        return False
    between = text[head.end - offset : at - offset]
    clause = re.split(r"[。；;]", text[head.end - offset :], maxsplit=1)[0]
    bracketed = between.startswith(("(", "（")) and not re.search(r"[)）]", between)
    return (
        (between.lstrip("，,（(").startswith("其中") or bracketed)
        and not re.search(r"[。；;]", between)
        and not _PROFILE.search(between)
        and not _TERMS_SPLIT.search(clause)
    )


# a 其中 list that profiles the staff (sex, party, degree, title, age) rather than splitting them
_PROFILE = re.compile(
    r"女|男|党员|民族|学历|学位|本科|硕士|博士|大专|职称|高级|中级|初级|岁|以上|以下"
)
# a 其中 list by terms of employment (在编 / 编外 / 聘用), read by the role readers, not as types
_TERMS_SPLIT = re.compile(r"编|聘|合同|派遣|代理|借调|见习|公益性|临时")


# what a total after its parts may say it sums: "以上合计62名", "上述编制共计28名"
_ABOVE = re.compile(r"(?:以上|上述|上列|前述)(?:各类|各项|[两二三四五]类|[两二三四五]项)?(?:编制)?")
_TOTAL_AFTER = re.compile(
    r"[,、;]?(?:(?:以上|上述|上列|前述)(?:各类|各项|[两二三四五]类|[两二三四五]项)?(?:编制)?)?"
    r"(?:共计|共|合计|总计)(?:为|是|:)?$"
)


def _total_after_parts(
    text: str, match: re.Match[str], counts: list[_Count], offset: int
) -> _Count | None:
    """ "核定行政编制32名、事业编制20名，共52名": a total written after its parts, with nothing
    but 共 / 合计 between the last part and it. Its role is the parts' (the quota, or the staff
    in service), the parts are its parts; two or more parts of one role, no total among them."""
    verb = _TOTAL_AFTER.search(text, 0, match.start())
    parts: list[_Count] = []
    # a count's split in brackets ("离退休人员14人（离休0人，退休14人）") is no part of the total
    outside = [c for c in counts if not _in_brackets(text, c.start - offset)]
    for count in reversed(outside):
        if not count.part or (parts and count.role != parts[0].role):
            break
        parts.insert(0, count)
    if verb is None or len(parts) < 2 or match.group(2) == "个":
        return None
    between = text[parts[-1].end - offset : verb.start()]
    if _REMARK.sub("", between).strip():
        return None  # a remark on the last part may stand between ("事业编制9名（中心），合计23名")
    label = text[verb.start() : match.start()].lstrip(",、;")
    return _Count(
        parts[0].role,
        None,
        _count_value(match),
        parts[0].start,
        offset + match.end(),
        label,
        match.group(2),
        parts=parts,
    )


_REMARK = re.compile(r"\([^()]{1,30}\)")
# a head-count of people under a name no role has ("在册人员", "干部职工"), then its split into
# the staff in service and the retired, right after it
_PEOPLE_NOUN = re.compile(r"(?:人员|人数|职工|干部)$")
_ROLES_SPLIT = re.compile(
    r"[,;]?(?:其中|含|包括)[:]?(?:在职|在岗)(?:在编)?(?:人员|职工|干部)?(\d{1,6})[人名]"
    r"(?:\([^()]{1,20}\))?[,、;和及]"  # "在职343人（含局机关30人）和退休178人"
    r"(?:离)?退休(?:人员|职工|干部)?(\d{1,6})[人名](?!\d)"
)


def _split_by_role_after(text: str, label: str, match: re.Match[str]) -> bool:
    """ "在册人员95名，其中在职68名，退休27名": a count of people under a name no role has, right
    after it 其中 the staff in service and the retired, who add up to it: the 实有 head-count.
    Never a quota's (编制) nor a post's count."""
    if not _PEOPLE_NOUN.search(label) or re.search(r"编|岗位|职数", label):
        return False
    split = _ROLES_SPLIT.match(text, match.end())
    if split is None:
        return False
    return int(split.group(1)) + int(split.group(2)) == _count_value(match)


_ROLES_OF_THE_ACTUAL = (ROLE_IN_SERVICE, ROLE_RETIRED, ROLE_RETIRED_CADRES)
_SPLIT_IN_BRACKETS = re.compile(r"^\s*\([^()]*\)")


def _in_brackets(text: str, at: int) -> bool:
    """Offset *at* stands inside a bracket opened before it in its sentence."""
    sentence = text[max(text.rfind(mark, 0, at) for mark in "。;\n") + 1 : at]
    return sentence.count("(") > sentence.count(")")


def _actual_after_roles(
    text: str, match: re.Match[str], counts: list[_Count], offset: int
) -> _Count | None:
    """ "年末在职21人，退休8人，合计29人": a total written right after the counts of the staff in
    service and the retired, that they add up to, is the 实有 head-count (the parts keep their
    own roles)."""
    verb = _TOTAL_AFTER.search(text, 0, match.start())
    parts: list[_Count] = []
    # a count's split in brackets ("离退休人员14人（离休0人，退休14人）") is no part of the total
    outside = [c for c in counts if not _in_brackets(text, c.start - offset)]
    for count in reversed(outside):
        if count.role not in _ROLES_OF_THE_ACTUAL or any(p.role == count.role for p in parts):
            break
        parts.insert(0, count)
    present = _present_staff_before(counts, parts)
    if present is not None:
        parts.insert(0, present)
    if verb is None or len(parts) < 2 or match.group(2) == "个":
        return None
    if ROLE_IN_SERVICE not in [part.role for part in parts] and present is None:
        return None
    gap = _SPLIT_IN_BRACKETS.sub("", text[parts[-1].end - offset : verb.start()])
    if gap.strip() or _ABOVE.search(verb.group(0)):
        return None  # "以上合计23人" after roles: a sum of what was listed, not a head-count
    value = _count_value(match)
    if sum(part.value for part in parts) != value:
        return None
    if present is not None:
        present.role = ROLE_IN_SERVICE  # "现有干部职工11名，离退休人员4名，合计15人"
    label = text[verb.start() : match.start()].lstrip(",、;")
    return _Count(ROLE_ACTUAL, None, value, offset + verb.start(), offset + match.end(), label)


# the people at work now, named as a head-count ("现有干部职工11名"), before the retired and a total
_PRESENT_STAFF = re.compile(r"现有(?:干部职工|职工|干部|人员|工作人员)$")


def _present_staff_before(counts: list[_Count], parts: list[_Count]) -> _Count | None:
    """The 现有 count right before retirees alone ("现有干部职工11名，离退休人员4名，合计15人"): with
    the total after them it is the staff in service, not the head-count (`_actual_after_roles`)."""
    if [part.role for part in parts] not in ([ROLE_RETIRED], [ROLE_RETIRED, ROLE_RETIRED_CADRES]):
        return None
    before = counts[: len(counts) - len(parts)]
    if before and before[-1].role == ROLE_ACTUAL and _PRESENT_STAFF.search(before[-1].label):
        return before[-1]
    return None


_BARE_COUNT = re.compile(r"^\s*(\d{1,6})\s*(人|名)?\s*$")
_BARE_NUMBER = re.compile(r"^\s*[\d.,%]+\s*$")
# a label that names a head-count role and nothing else: a bare number under it is that count
_ROLE_LABEL = re.compile(
    r"^(?:年末|年底|单位|本单位|部门)?(?:核定)?(?:编制数|人员编制数|编制人数|编制总数|核定编制|实有(?:人数|人员)(?:合计|总计)?|"
    r"(?:实有|现有|实际)?(?:在编|在职)?在职(?:人数|人员|职工)|(?:实有)?在编人数|(?:在编在职|在职在编|在岗在编)(?:人数|人员)?|退休人数|"
    r"退休人员|退休职工|离休人数|离休人员|离退休人数|离退休人员)(?:\(人\)|\(名\))?$"
)
_BARE_LABEL = re.compile(rf"^[{CJK}][{CJK}()]{{1,15}}$")
_UNIT_BRACKET = re.compile(r"\((?:人|名)\)$")
# a key：value line of a summary table, the count with no unit ("  编制数：41", "在职人数(人): 38")
_KEY_VALUE = re.compile(rf"\s*([{CJK}][{CJK}():]{{1,15}})\s*:\s*(\d{{1,6}})\s*")


# a part of a key：value 实有 line on the lines after it, the role word bare with its unit in
# brackets: "其中：在职（人）：38" / "　　　退休（人）：14"
_KEYED_PART = re.compile(r"\s*(其中:?)?\s*(在职|退休|离休)\((?:人|名)\)\s*:\s*(\d{1,6})\s*")
_KEYED_PART_ROLES = {"在职": ROLE_IN_SERVICE, "退休": ROLE_RETIRED, "离休": ROLE_RETIRED_CADRES}


def _keyed_split_of_actual(lines: list[Line], index: int) -> list[_Count]:
    """ "实有人数（人）：52" / "其中：在职（人）：38" / "退休（人）：14": a form's 实有 line (a key：value
    count, the line *index*) split by role on the lines after it, the first opening on 其中, each
    a bare role word (在职 / 退休 / 离休) with its unit in brackets. Read only when no role comes
    twice, two parts or more, and they add up to the 实有 count (a split by type, or one that
    misses, is not read)."""
    actual = _key_value_count(lines[index])
    if actual is None or actual.role != ROLE_ACTUAL:
        return []
    parts: list[_Count] = []
    for line in lines[index + 1 :]:
        match = _KEYED_PART.fullmatch(line.text)
        if match is None or bool(match.group(1)) != (not parts):
            break
        parts.append(
            _Count(
                _KEYED_PART_ROLES[match.group(2)],
                None,
                int(match.group(3)),
                line.start + match.start(2),
                line.start + match.end(3),
                match.group(2),
            )
        )
    roles = [part.role for part in parts]
    if len(parts) < 2 or len(set(roles)) != len(roles):
        return []
    if sum(part.value for part in parts) != actual.value:
        return []
    return parts


# "其中：在职" / "13" / "退休" / "7" under "实有人数" / "20": a bare role word, one a cell
_FLAT_PART = re.compile(r"\s*(其中:?)?\s*(在职|退休|离休)(?:人数|人员)?\s*")


def _flattened_split_of_actual(lines: list[Line], index: int, actual: _Count) -> list[_Count]:
    """ "实有人数" / "20" / "其中：在职" / "13" / "退休" / "7": a form flattened one cell per line
    whose 实有 count (on the line *index*) is split by role in the label and count pairs right
    after it, the first label maybe opening on 其中 ("在职" / "36" / "离休" / "1" / "退休" / "19"
    without it: the sum proves the split), each a bare role word (在职 / 退休 / 离休, maybe with
    人数 / 人员) over a count. Read only when no role comes twice, two parts or more, and they add
    up to the 实有 count (a split by type, or one that misses, is not read: then "其中：在职人数"
    alone is read as `_part_of_actual_above` says)."""
    if actual.role != ROLE_ACTUAL:
        return []
    parts: list[_Count] = []
    at = index + 1
    while at + 1 < len(lines):
        label = _FLAT_PART.fullmatch(lines[at].text)
        count = _BARE_COUNT.match(lines[at + 1].text)
        if label is None or count is None or (label.group(1) and parts):
            break
        parts.append(
            _Count(
                _KEYED_PART_ROLES[label.group(2)],
                None,
                int(count.group(1)),
                lines[at].start + label.start(2),
                lines[at + 1].start + count.end(1),
                _PART_OF_ACTUAL.sub("", lines[at].text.strip()).strip(),
            )
        )
        at += 2
    roles = [part.role for part in parts]
    if len(parts) < 2 or len(set(roles)) != len(roles):
        return []
    if sum(part.value for part in parts) != actual.value:
        return []
    return parts


def _key_value_count(line: Line) -> _Count | None:
    """ "编制数：41" alone on its line: the key names a head-count role and no more (`_ROLE_LABEL`),
    the value is a whole number and nothing else (no 人 after it: the prose reader reads those;
    no decimals, %, 万元: a money or rate line of the same table)."""
    match = _KEY_VALUE.fullmatch(line.text)
    if match is None:
        return None
    key = match.group(1)
    part = re.match(r"其中:?", key)  # "其中在职人数：23" under "实有人数：39": the part's own key
    if part:
        key = key[part.end() :]
    role = _role_of_title(key)
    if role is None or (part and role not in _PARTS):
        return None
    return _Count(
        role,
        None,
        int(match.group(2)),
        line.start + match.start(1) + (part.end() if part else 0),
        line.start + match.end(2),
        _UNIT_BRACKET.sub("", key),
    )


def _label_on_line_before(lines: list[Line], index: int) -> Line | None:
    """A table flattened one cell per line gives "编制人数" / "18人": the count alone on its
    line, its label alone on the line before. Read only when the lines alternate label, count:
    the line before the label is not another bare label, and the line after the count is not
    another bare count (a header row flattened before its values would pair them wrongly)."""
    count = _BARE_COUNT.match(lines[index].text) if index else None
    if count is None:
        return None
    label_line = lines[index - 1]
    label = label_line.text.strip()
    if _PART_OF_ACTUAL.match(label):
        if not _part_of_actual_above(lines, index):
            return None
        label = _PART_OF_ACTUAL.sub("", label)
    if not _BARE_LABEL.match(label):
        return None
    if count.group(2) is None and not _ROLE_LABEL.match(label):
        return None  # "12" alone: a count only under a label that names a head-count and no more
    if index >= 2 and _is_role_label(lines[index - 2].text.strip()):
        return None  # "编制数" / "实有人数" / "12" / "11": a header flattened before its values
    if index + 1 < len(lines) and (
        _BARE_COUNT.match(lines[index + 1].text) or _BARE_NUMBER.match(lines[index + 1].text)
    ):
        return None
    return label_line


# "其中：在职人数" / "37" under "实有人数" / "52": a role within the 实有 count, a form's cell
_PART_OF_ACTUAL = re.compile(r"^其中:?")


def _part_of_actual_above(lines: list[Line], index: int) -> bool:
    """The count on *lines[index]* under a label "其中：…" is read only when that label, once 其中
    is dropped, names 在职 / 退休 / 离休 and no more (`_ROLE_LABEL`), and the label and count pair
    right above it is the 实有 count ("实有人数" / "52"): then it is a part of the department's
    head-count by role. Under any other count (a 编制 quota, a 在职 total whose 其中 is the
    within-quota part) it is not read."""
    label = _PART_OF_ACTUAL.sub("", lines[index - 1].text.strip())
    if not _ROLE_LABEL.match(label) or index < 3:
        return False
    if classify(label, "人") not in (ROLE_IN_SERVICE, ROLE_RETIRED, ROLE_RETIRED_CADRES):
        return False
    above = _BARE_COUNT.match(lines[index - 2].text)
    above_label = lines[index - 3].text.strip()
    return (
        above is not None
        and _ROLE_LABEL.match(above_label) is not None
        and classify(above_label, above.group(2) or "人") == ROLE_ACTUAL
    )


def _is_role_label(text: str) -> bool:
    """A line that is only a label naming a head-count role (a title line such as "人员情况" is
    not one)."""
    if not _BARE_LABEL.match(text):
        return False
    role = classify(_VERBS.sub("", text), "人")
    return role is not None and not role.startswith("trap")


def _count_under_label(label_line: Line, line: Line) -> _Count | None:
    """The count on *line* with the label on the line before, when that label names a role."""
    match = _BARE_COUNT.match(line.text)
    label = _VERBS.sub("", _PART_OF_ACTUAL.sub("", label_line.text.strip()))
    if match is None:
        return None
    unit = match.group(2) or "人"
    role = classify(label, unit)
    if role is None or role.startswith("trap") or _CATEGORY.search(label):
        return None
    start = label_line.start + label_line.text.index(label[0])
    end = line.start + match.end(2 if match.group(2) else 1)
    return _Count(role, None, int(match.group(1)), start, end, label, unit)


# a sentence opened by a subordinate unit ("所属县康复中心核定事业编制8名，实有7人"): its counts
# are that unit's, up to a word naming the whole department (全局, 本部门, 合计…)
_SUBUNIT_OPENING = re.compile(
    rf"^(?:其中|另外|此外|另)?[,:]?(?:所属|下属|直属|局属|委属|二级单位)[{CJK}()]{{0,24}}?"
    r"(?:中心|站|所|院|队|馆|学校|中学|小学|幼儿园|医院|事业单位|单位|分局|社|会)"
)
_WHOLE_DEPARTMENT = re.compile(r"全局|全委|全部门|本部门|部门整体|全系统|全单位|合计|总计|共计")


def _in_subunit_sentence(text: str, position: int) -> bool:
    """Whether the count at *position* is in a sentence whose subject is a subordinate unit, or
    one saying its people are not the department's ("另有原社有企业改制退休人员1,280人，…，不属于
    本部门人员")."""
    opening = max(text.rfind(mark, 0, position) for mark in "。;!?") + 1
    closing = min(
        (at for mark in "。;!?" if (at := text.find(mark, position)) >= 0), default=len(text)
    )
    if _NOT_OURS.search(text[opening:closing]):
        return True
    if not _SUBUNIT_OPENING.match(text[opening:position]):
        return False
    return not _WHOLE_DEPARTMENT.search(text[opening:position])


# a sentence saying the people it counts are not the department's
_NOT_OURS = re.compile(
    r"不属于本(?:部门|单位|局|系统)|不是本(?:部门|单位)|不计入本(?:部门|单位)(?:人员|人数)"
)


def _retirees_within(text: str, bracket: int, role: str | None, label: str) -> bool:
    """ "实有人数21人（含退休人员3人）": retirees counted within the department's own head-count;
    "离退休人员58人（其中离休2人、退休56人）": the department's 离退休 split into 离休 and 退休
    (read each in its role; the combined count is then only their check)."""
    if role in (ROLE_RETIRED, ROLE_RETIRED_CADRES) and "离退休" not in label:
        owner = _owner(text, bracket)
        closing = text.find(")", bracket)
        inside = text[bracket + 1 : closing if closing >= 0 else len(text)]
        # only a split that states 退休 itself: with 离休 alone in it ("离退休人员53人（其中离休2
        # 人）") 退休 would be a difference the report never writes, and 离退休 stays the count
        states_retirees = re.search(rf"(?<!离)退休{_PEOPLE}[为:]?\d{{1,6}}[人名]", inside)
        if (
            owner is not None
            and owner[1] == ROLE_RETIRED
            and "离退休" in owner[0]
            and states_retirees
        ):
            return True
    if role != ROLE_RETIRED or not re.match(r"(?:含|包含|包括|其中)", text[bracket + 1 :]):
        return False
    return _owner_role(text, bracket) in (ROLE_ACTUAL,) and "离退休" not in label


# a 离退休 count right before a 其中 / 含 clause: "离退休人员22人，其中离休1人"
_COMBINED_BEFORE = re.compile(
    rf"离退休{_PEOPLE}(?:共计|共有|共|合计|为)?\d{{1,6}}[人名],?(?:其中|含|包括|包含)[:,]?$"
)


def _cadres_alone_within_combined(text: str, label_at: int, end: int) -> bool:
    """ "离退休人员22人，其中离休1人。": 离休 as the one part written of the 离退休 count before it,
    outside brackets. 退休 would be a difference the report never writes, so (as with the split
    in brackets) the 离休 part is not read and 离退休 stays the count; a split that states 退休
    too ("…，其中离休2人、退休89人") is read as before."""
    opening = re.match(r"(?:其中|含|包括|包含)?", text[label_at:])
    if not _COMBINED_BEFORE.search(text, 0, label_at + (opening.end() if opening else 0)):
        return False
    clause_end = min((i for i in (text.find(m, end) for m in "。;\n") if i >= 0), default=len(text))
    return not re.search(rf"(?<!离)退休{_PEOPLE}[为:]?\d{{1,6}}[人名]", text[end:clause_end])


def _is_part_label(label: str) -> bool:
    return not _is_total_label(label)


def _is_total_label(label: str) -> bool:
    return bool(re.search(r"总|人数$|编制数$|合计|在职人员编制|在职人员$|在职人数", label))


def _innermost_open_brackets(text: str) -> list[int | None]:
    """For every position, where the innermost bracket still open there began (one pass)."""
    result: list[int | None] = []
    stack: list[int] = []
    for index, char in enumerate(text):
        result.append(stack[-1] if stack else None)
        if char == "(":
            stack.append(index)
        elif char == ")" and stack:
            stack.pop()
    result.append(stack[-1] if stack else None)
    return result


def _owner_role(text: str, bracket: int) -> str | None:
    """The role of the count a bracket follows ("退休人员20人（其中离休2人）" → retired): a
    breakdown of a known count, not of a sub-unit."""
    owner = _owner(text, bracket)
    return owner[1] if owner else None


def _owner(text: str, bracket: int) -> tuple[str, str | None] | None:
    """The label and role of the count a bracket follows."""
    match = re.search(r"(\d{1,6})([人名个])$", text[max(0, bracket - 8) : bracket])
    if match is None:
        return None
    position = bracket - len(match.group(0))
    label, _ = _label_before(text, position)
    return label, classify(label, match.group(2))


def _count_before(text: str, bracket: int) -> int | None:
    match = re.search(
        r"(\d{1,3}(?:,\d{3})+|\d{1,6})[人名个]$", text[max(0, bracket - 10) : bracket]
    )
    return int(match.group(1).replace(",", "")) if match else None


_QUOTA_SPLIT_ITEM = re.compile(
    rf"^(?:其中[:]?)?(?:({_IN_QUOTA_PART})|({_OUT_QUOTA_PART}))(?:人员|职工|员工|教职工|干部)?"
    r"(\d{1,3}(?:,\d{3})+|\d{1,6})(?:人|名)$"
)


def _quota_split(text: str, bracket: int) -> list[tuple[str, int]] | None:
    """The items of a bracket that splits the count before it by quota, in and out
    ("在职职工52,318人（编制内30,876人，编制外21,422人）"): two items or more, each a quota word
    and a count, one in quota and one out at least, nothing else in the bracket."""
    close = text.find(")", bracket)
    if close < 0:
        return None
    inside = text[bracket + 1 : close]
    items = [item for item in re.split(r"(?<!\d)[,，]|[,，](?!\d{3})|[、;；]", inside) if item]
    matches = [_QUOTA_SPLIT_ITEM.match(item.strip()) for item in items]
    if len(items) < 2 or not all(matches):
        return None
    if not any(m.group(1) for m in matches if m) or not any(m.group(2) for m in matches if m):
        return None
    return [(m.group(1) or m.group(2), int(m.group(3).replace(",", ""))) for m in matches if m]


def _quota_split_misses(text: str, line_start: int, findings: Findings) -> set[int]:
    """Brackets that split a head-count of the staff (在职 / 实有) by quota: where the parts do
    not add up to the count, the report contradicts itself (import.W004, at the count and its
    bracket; the count is kept as stated). Returns the brackets' offsets in *text* (their counts
    are the head-count's parts, not a sub-unit's)."""
    found: set[int] = set()
    for opening in re.finditer(r"\(", text):
        owner = _count_before(text, opening.start())
        if owner is None:
            continue
        parts = _quota_split(text, opening.start())
        if parts is None:
            continue
        number = re.search(r"(\d{1,3}(?:,\d{3})+|\d{1,6})[人名]$", text[: opening.start()])
        if number is None:
            continue
        label, label_at = _label_before(text, number.start())
        if classify(label, "人") not in (ROLE_IN_SERVICE, ROLE_ACTUAL):
            continue
        found.add(opening.start())
        total = sum(value for _, value in parts)
        if total == owner:
            continue
        close = text.find(")", opening.start())
        listed = "＋".join(f"{word}{value}" for word, value in parts)
        findings.add(
            "import.W004",
            "warning",
            f"{label}{owner}人的编制内外分项（{listed}＝{total}人）与总数不符，按总数导入 / "
            "the parts in and out of the quota do not add up to the stated head-count; the "
            "count is kept as stated",
            "请核对原文各分项 / check the parts in the report",
            (line_start + label_at, line_start + close + 1),
        )
    return found


def read_staffing(report: ReportText, findings: Findings) -> StaffingReading:
    reading = StaffingReading()
    by_role: dict[str, list[_Count]] = {}
    typed: dict[str, list[_Count]] = {}
    subunits: dict[str, list[_Count]] = {}
    for counts in _counts(report, findings):
        for count in counts:
            if count.subunit:
                subunits.setdefault(str(count.role), []).append(count)
            elif count.part and count.role in (ROLE_AUTHORIZED, ROLE_IN_SERVICE):
                typed.setdefault(count.role, []).append(count)
            else:
                by_role.setdefault(str(count.role), []).append(count)

    _units_beside_their_whole(by_role, subunits, report.text, findings)
    institution = _is_a_public_institution(report.text)
    for role in (ROLE_AUTHORIZED, ROLE_IN_SERVICE):
        _read_typed_role(
            role, by_role.get(role, []), typed.get(role, []), reading, findings, institution
        )
    for count in by_role.get(ROLE_ACTUAL, []):
        if "年未实有" in count.label:
            findings.add(
                "import.I009",
                "info",
                f"“{count.label}”按“年末实有”读取（原文疑为错字） / read as 年末实有 (a typo for 末)",
                "请核对原文 / check the report",
                (count.start, count.end),
            )
        reading.stated.append(
            Fact(ROLE_ACTUAL, Decimal(count.value), count.start, count.end, count.label)
        )
        reading.sources.setdefault(ROLE_ACTUAL, (count.start, count.end))
        if "现有" in count.label:
            findings.add(
                "import.I002",
                "info",
                f"“{count.label}{count.value}人”按实有人数导入；“现有人员”常包含退休、编外人员 / "
                "read as the actual head-count; such counts often include retirees and contract staff",
                span=(count.start, count.end),
            )
    _check_conflicts(ROLE_ACTUAL, by_role.get(ROLE_ACTUAL, []), findings)
    _settle_retired(by_role, findings)
    for role, field_name in _RAW_COUNTS.items():
        counts = by_role.get(role, [])
        if not counts:
            continue
        first = counts[0]
        reading.data[field_name] = first.value
        reading.sources[role] = (first.start, first.end)
        reading.sources[f"staffing.{field_name}"] = (first.start, first.end)
        if role == ROLE_RETIRED and "离退休" in first.label and ROLE_RETIRED_CADRES not in by_role:
            findings.add(
                "import.I003",
                "info",
                f"“{first.label}{first.value}人”是离休与退休合计，已计入退休人数 / "
                "retired cadres and retirees stated together, counted as retired",
                span=(first.start, first.end),
            )
        for later in counts[1:]:
            reading.stated.append(
                Fact(role, Decimal(later.value), later.start, later.end, later.label)
            )
        _check_conflicts(role, counts, findings)
    return reading


# the subject of a count's sentence: the head office or the units under it (a part of the
# department), or the department as a whole ("部门合计", "全局（含直属单位）")
# a date opening the sentence before its subject: "截至2022年12月31日，局系统…"
_AS_OF = r"(?:(?:截至|截止|至)?(?:19|20)\d{2}年(?:\d{1,2}月(?:\d{1,2}日)?|末|底)?,)?"
_PART_SUBJECT = re.compile(
    rf"^\s*(?:[一二三四五六七八九十\d]{{1,2}}[、.])?{_AS_OF}(?:其中|另)?[,:]?(?:[{CJK}]{{2,6}}[,:])?"
    rf"(?:局机关|局本级|机关本级|本级|机关"
    rf"|[{CJK}]{{0,6}}?(?:直属|所属|下属|二级)(?:事业|预算)?单位)(?![和及与、]|以及)"
)
_WHOLE_SUBJECT = re.compile(
    rf"^\s*{_AS_OF}(?:[{CJK}]{{2,6}}[,:])?(?:部门合计|全局|全委|全部门|部门整体|全系统|合计|总计"
    # "市民政局系统编制总数63名": the bureau's system, the head office and its units together
    rf"|[{CJK}]{{0,10}}?(?:局|委|厅)系统)"
)


def _units_beside_their_whole(
    by_role: dict[str, list[_Count]],
    subunits: dict[str, list[_Count]],
    text: str,
    findings: Findings,
) -> None:
    """ "局机关核定行政编制72名，实有在编70人；直属单位…；全局（含直属单位）核定编制727名，实有在编
    人员698人": the head office's and the units' counts are parts of the department's, which the
    sentence of the whole states; with the whole stated for a role, its parts are set aside (and
    import.W004 says so when they do not add up to it). *subunits*: the counts of sentences about
    a unit under the department, set aside already, parts of the whole all the same."""
    subjects = {id(c): _sentence_subject(text, c.end) for cs in by_role.values() for c in cs}
    if not any(_WHOLE_SUBJECT.match(subject) for subject in subjects.values()):
        return
    for role, counts in by_role.items():
        wholes = [c for c in counts if _WHOLE_SUBJECT.match(subjects[id(c)])]
        parts = [
            c
            for c in counts
            if _PART_SUBJECT.match(subjects[id(c)])
            # "县教育体育局机关内设…6个股室，局机关核定行政编制18名、实有16人": the clause's subject
            or _PART_SUBJECT.match(_clause_subject(text, c.end))
        ]
        if not parts:
            continue
        by_role[role] = [c for c in counts if c not in parts]
        if not wholes:
            continue  # the head office's 实有 beside the whole's 在编 only: set aside all the same
        parts += [
            unit
            for unit in subunits.get(role, [])
            if _PART_SUBJECT.match(_sentence_subject(text, unit.end))
        ]
        total = sum(part.value for part in parts)
        if len(parts) >= 2 and total != wholes[0].value:
            listed = "＋".join(f"{part.value}人" for part in parts)
            findings.add(
                "import.W004",
                "warning",
                f"机关与所属单位人数之和{total}人（{listed}）与部门合计{wholes[0].value}人不符，"
                "按部门合计导入 / the head office's and the units' counts do not add up to the "
                "department's total; the total is read",
                span=(min(part.start for part in parts), wholes[0].end),
            )


def _clause_subject(text: str, at: int) -> str:
    """The words from the start of the clause (after a comma) holding *at* up to it."""
    start = max(text.rfind(mark, 0, at) for mark in "。;；\n,") + 1
    return text[start:at]


def _sentence_subject(text: str, at: int) -> str:
    """The words from the start of the sentence, clause list or line holding *at* up to it."""
    start = max(text.rfind(mark, 0, at) for mark in "。;；\n") + 1
    return text[start:at]


def _settle_retired(by_role: dict[str, list[_Count]], findings: Findings) -> None:
    """离退休 is 离休 + 退休. With 退休 stated on its own, the combined count is only a check;
    with 离休 stated, 退休 = 离退休 − 离休."""
    retired = by_role.get(ROLE_RETIRED, [])
    combined = [c for c in retired if "离退休" in c.label]
    alone = [c for c in retired if "离退休" not in c.label]
    cadres = by_role.get(ROLE_RETIRED_CADRES, [])
    if not combined:
        return
    if alone:
        by_role[ROLE_RETIRED] = alone
        expected = alone[0].value + (cadres[0].value if cadres else 0)
        if combined[0].value != expected:
            findings.add(
                "import.W003",
                "warning",
                f"{combined[0].label}{combined[0].value}人与离休、退休人数之和{expected}人不符 / "
                "retired cadres plus retirees differ from the combined count",
                span=(combined[0].start, combined[0].end),
            )
        return
    if cadres:
        first = combined[0]
        by_role[ROLE_RETIRED] = [
            _Count(
                ROLE_RETIRED,
                None,
                first.value - cadres[0].value,
                first.start,
                first.end,
                first.label,
            )
        ]
        findings.add(
            "import.I003",
            "info",
            f"退休人数按“{first.label}{first.value}人”减去离休{cadres[0].value}人计为"
            f"{first.value - cadres[0].value}人 / retirees = combined count minus retired cadres",
            span=(first.start, cadres[0].end),
        )


def _read_typed_role(
    role: str,
    heads: list[_Count],
    loose: list[_Count],
    reading: StaffingReading,
    findings: Findings,
    institution: bool = False,
) -> None:
    field_name = role.split(".")[1]
    for head in heads:
        reading.stated.append(Fact(role, Decimal(head.value), head.start, head.end, head.label))
    _check_conflicts(role, heads, findings)
    if heads:
        reading.sources[role] = (heads[0].start, heads[0].end)
        head = _head_with_parts(heads)
        parts = head.parts
        if len(parts) == 1 and parts[0].listed:
            parts = []  # "在职人员30人，其中事业单位改革涉及人员17人": a group, not a split
        if parts:
            total = sum(p.value for p in parts)
            types = [p.type for p in parts]
            if total == head.value and len(set(types)) == len(types) and None not in types:
                reading.data[field_name] = {p.type.value: p.value for p in parts if p.type}
                for part in parts:
                    reading.sources[
                        f"staffing.{field_name}.{part.type.value if part.type else ''}"
                    ] = (part.start, part.end)
            elif total == head.value:
                unnamed = "、".join(f"{p.label}{p.value}" for p in parts if p.type is None)
                findings.add(
                    "import.I004",
                    "info",
                    f"{head.label}{head.value}{head.unit}的分类合计相符，但“{unnamed}”不能对应到标准类型"
                    "（行政、参照公务员管理、全额/差额补助事业、自收自支事业、工勤），仅总数作为报告所述数导入 / "
                    "the parts add up, but a part names no standard staff type; the total is kept "
                    "as a stated figure",
                    "请在人员信息中按类型填写 / fill in the breakdown by type",
                    _head_and_parts_span(head, parts),
                )
            else:
                listed = "、".join(f"{p.label}{p.value}" for p in parts)
                findings.add(
                    "import.W004",
                    "warning",
                    f"{head.label}{head.value}{head.unit}的分类（{listed}）合计{total}，与总数不符，分类未导入 / "
                    "the parts by type do not add up to the stated total; parts not imported",
                    "请核对原文并在人员信息中按类型填写 / check the report and fill in the types",
                    _head_and_parts_span(head, parts),
                )
        else:
            findings.add(
                "import.I004",
                "info",
                f"{head.label}{head.value}{head.unit}没有按类型分列，仅作为报告所述数导入 / "
                "total stated without a breakdown by type; kept as a stated figure",
                "请在人员信息中按类型填写 / fill in the breakdown by type",
                (head.start, head.end),
            )
        return
    if _sole_quota(role, loose) or (institution and _institution_quota(role, loose)):
        # "核定事业编制95名" as the only quota statement: the quota itself, kept as stated (the
        # type names no standard one, 全额/差额 unsaid, so no breakdown is filled in)
        _read_typed_role(role, [replace(loose[0], part=False)], [], reading, findings)
        return
    if loose:
        types = [c.type for c in loose]
        if None in types:
            listed = "、".join(f"{c.label}{c.value}{c.unit}" for c in loose)
            findings.add(
                "import.W004",
                "warning",
                f"分类型人数（{listed}）中有无法对应到标准类型的项，未导入 / a count by type could not be "
                "matched to a standard staff type; the breakdown was not imported",
                "请在人员信息中按类型填写 / fill in the breakdown by type",
                (loose[0].start, loose[-1].end),
            )
        elif len(set(types)) == len(types):
            reading.data[field_name] = {c.type.value: c.value for c in loose if c.type}
            reading.sources[role] = (
                (loose[0].start, loose[-1].end)
                if _same_line(loose)
                else (loose[0].start, loose[0].end)
            )
            for count in loose:
                reading.sources[
                    f"staffing.{field_name}.{count.type.value if count.type else ''}"
                ] = (count.start, count.end)
        else:
            findings.add(
                "import.W003",
                "warning",
                "同一类型的人数在报告中出现多次且不一致，未导入 / the same count by type is stated "
                "more than once with different values; not imported",
                span=(loose[0].start, loose[0].end),
            )


def _head_with_parts(heads: list[_Count]) -> _Count:
    """The first stated total, or the first restatement of the same number that lists its parts
    (a form's bare 编制人数 16 read first, the prose's 核定编制16名，其中… later): the parts are
    checked against the total wherever the report states them. One part alone ("在编32人（其中
    工勤2人）") is a note, not a split."""
    first = heads[0]
    if first.parts:
        return first
    return next((h for h in heads[1:] if len(h.parts) > 1 and h.value == first.value), first)


def _head_and_parts_span(head: _Count, parts: list[_Count]) -> tuple[int, int]:
    """From the total to its last part; a table's 合计 row stands after its parts: from the first
    part to the 合计."""
    if head.start >= parts[-1].end:
        return parts[0].start, head.end
    return head.start, parts[-1].end


# a bare 在编 count: the quota's word as much as a head-count's ("在编教职工57人" alone is not read)
_BARE_ON_PAYROLL = re.compile(r"在编(?:人员|人数|职工|教职工|干部|干部职工|工作人员)?")


def _holders_after_quota(
    text: str, label: str, label_at: int, counts: list[_Count], line_start: int
) -> bool:
    """A bare 在编 count right after the stated quota, one comma between ("学校核定事业编制112名，
    在编教职工108人", "核定编制40名，在编人员38人"): the quota said, 在编 counts the people holding
    its posts, the staff in service. Not after another count, nor in the next sentence."""
    if not _BARE_ON_PAYROLL.fullmatch(label) or not counts:
        return False
    previous = counts[-1]
    if previous.role != ROLE_AUTHORIZED or previous.end - line_start > label_at:
        return False
    return re.fullmatch(r"\s*[,，]\s*", text[previous.end - line_start : label_at]) is not None


def _sole_quota(role: str, loose: list[_Count]) -> bool:
    """One typed quota with no standard type ("核定事业编制95名") and no other count by type: the
    report's only quota statement, so the department's quota."""
    return (
        role == ROLE_AUTHORIZED
        and len(loose) == 1
        and loose[0].type is None
        and "核定" in loose[0].label
        and not loose[0].parts
    )


# the department says it is a 事业单位 ("县档案馆为县委办公室管理的公益一类事业单位")
_PUBLIC_INSTITUTION = re.compile(r"(?:为|是|系)[^。;,\n]{0,20}(?<![下所直局]属)事业单位(?![的中])")


def _is_a_public_institution(text: str) -> bool:
    """Whether the report says the department itself is a 事业单位 (not a sentence about a
    subordinate unit: "所属县康复中心为公益一类事业单位")."""
    return any(
        not _in_subunit_sentence(text, match.start())
        for match in _PUBLIC_INSTITUTION.finditer(text[:3000])
    )


def _institution_quota(role: str, loose: list[_Count]) -> bool:
    """ "人员：事业编制12名，现有在编在岗11人" in the report of a body that says it is a 事业单位: its
    事业编制, the only count by type, is its whole quota (核定 unsaid)."""
    return (
        role == ROLE_AUTHORIZED
        and len(loose) == 1
        and loose[0].type is None
        and re.fullmatch(r"(?:核定|现有|有)?事业编制", loose[0].label) is not None
        and not loose[0].parts
    )


def _same_line(counts: list[_Count]) -> bool:
    return counts[-1].start - counts[0].start < 200


def _check_conflicts(role: str, counts: list[_Count], findings: Findings) -> None:
    values = {c.value for c in counts}
    if len(values) > 1:
        listed = "、".join(f"{c.label}{c.value}" for c in counts)
        findings.add(
            "import.W003",
            "warning",
            f"同一人数在报告中多处表述不一致：{listed} / the same figure ({role}) is stated "
            "differently in different places",
            "核对哪一处正确 / check which statement is right",
            (counts[0].start, counts[0].end),
        )
