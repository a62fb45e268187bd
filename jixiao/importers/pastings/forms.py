"""What the form readers know of a 自评表's money and staffing blocks, for the passes that rebuild
a pasted form: its column titles (budget, spending, rate, score), the funding lines and staffing
roles its rows name, its cells, and the arithmetic that proves a rebuilt block."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from jixiao.importers.patterns import CJK, NUMBER

# a cell of a form's block: a number, a rate, or "/" / "-" for a cell left empty
FORM_CELL = re.compile(rf"^(?:(?:{NUMBER})\s*%?|[-—/]{{1,2}})$")
EMPTY_CELL = re.compile(r"^(?:[-—/]{1,2}|)$")
_FORM_UNIT = re.compile(r"\((?:%|万元|元|千元|亿元)\)$")
_FORM_BUDGET = re.compile(
    r"^[\u4e00-\u9fff]{0,5}预算(?:数|额|金额|安排|安排数)?$|^年初安排(?:数)?$|^预算调整(?:数|额)$"
    r"|^[\u4e00-\u9fff]{0,4}批复(?:数|额|金额|预算(?:数|额)?)?$"  # 年初批复, 预算批复数
)
_FORM_SPENT = re.compile(
    r"^[\u4e00-\u9fff]{0,4}(?:执行数|执行额|执行金额|支出数|支出额|决算数|实际支出|支出金额)$"
    r"|^(?:实际支出(?:数|额|金额)|支出决算(?:数|额)?|决算支出(?:数|额)?)$"
    r"|^(?:全年|本年|年度|实际)执行$"  # a title without its 数 ("全年预算 | 全年执行")
)
# the form's formula letters after a title ("全年预算数(A)", "执行率(C=B/A)"), in a cell of a row laid
# out with spaces, where normalise.py's pass (a tab or a line's end after them) does not reach
_COLUMN_LETTERS = re.compile(r"(?<=[数额率])\([A-Z](?:[/=+\-*×÷][A-Z]){0,3}\)$")
_FORM_RATE = re.compile(r"^(?:(?:预算)?(?:执行率|完成率)|(?:预算)?资金(?:使用|执行)率)$")
_FORM_SCORE = re.compile(r"^(?:分值|得分|权重|评分|扣分|满分|自评得分|自评分|评价得分)$")


# the title over a money block's row labels
ROW_LABEL_TITLE = re.compile(
    r"^(?:项目|资金项目|支出项目|项目名称|类别|科目|资金来源|资金构成|资金类别|资金类型|资金性质"
    r"|支出类型|支出类别|支出性质|资金情况|经济科目|(?:支出)?经济分类|支出科目|预算科目|内容|指标|名称"
    r"|(?:\d{4}年度?)?(?:年度)?(?:部门)?预算执行情况"
    r"|按(?:收入|支出|资金)?(?:性质|来源|类型|用途|功能)(?:分|划分|分类)?)$"
)


def without_letters(text: str) -> str:
    """A title without the form's formula letters after it ("全年预算数(A)" → "全年预算数")."""
    return _COLUMN_LETTERS.sub("", text)


def form_column(title: str) -> str | None:
    """ "budget", "spent", "rate" or "score" for a form's column title."""
    title = _COLUMN_LETTERS.sub("", _FORM_UNIT.sub("", title))
    if _FORM_RATE.match(title):
        return "rate"
    if _FORM_SCORE.match(title):
        return "score"
    if _FORM_BUDGET.match(title):
        return "budget"
    if _FORM_SPENT.match(title):
        return "spent"
    return None


def form_column_lettered(title: str) -> str | None:
    """`form_column` of a title spaced out by a PDF's layout ("全年预算数 (A)", "执 行 率")."""
    return form_column(title.replace(" ", ""))


# what a PDF form's title may carry around its form column: the year before it ("2023年预算安排"),
# a bracket after a budget saying it is the adjusted one ("全年预算数（调整后）")
_TITLE_YEAR = re.compile(r"^(?:19|20)\d{2}年度?")
_ADJUSTED_NOTE = re.compile(r"\((?:调整后|调整数|变动后)\)$")
# a balance column: the budget less the spending, never read, a check on its row
_BALANCE = re.compile(r"^(?:结余|结余数|结余额|结余资金|预算结余)$")


def title_year(title: str) -> str | None:
    """The year a title opens with ("2023年预算安排" → "2023"), else None."""
    match = _TITLE_YEAR.match(title.replace(" ", ""))
    return match.group(0)[:4] if match else None


def dated_column(title: str) -> str | None:
    """`form_column_lettered` of a PDF form's title with its year before it and a bracket saying
    the budget is the adjusted one after it taken off ("2023年预算安排" → "budget", "全年预算数
    (调整后)" → "budget"), "balance" for a 结余 column (budget less spending)."""
    bare = _ADJUSTED_NOTE.sub("", _TITLE_YEAR.sub("", title.replace(" ", "")))
    if _BALANCE.match(bare):
        return "balance"
    return form_column(bare) if bare else None


def percent_off_its_column(cells: list[str], kinds: list[str | None]) -> bool:
    """A rate ("97.09%") in a cell not under a rate title: the cells are not aligned."""
    return any("%" in cell and kind != "rate" for cell, kind in zip(cells, kinds, strict=False))


def form_number(cell: str) -> Decimal | None:
    try:
        return Decimal(cell.rstrip("%").strip().replace(",", ""))
    except InvalidOperation:
        return None


def rates_hold(rows: list[list[str]], headers: list[str], kinds: list[str | None]) -> bool:
    """Every rate written in a row ("99.47%" under 执行率) is the row's spending over its budget
    (全年 / 调整后 when 年初 stands beside it) to the decimals written; with no such pair of
    columns, no row may state a rate."""
    return rates_checked(rows, headers, kinds) is not None


def rates_hold_but_the_whole(
    rows: list[list[str]], headers: list[str], kinds: list[str | None], whole: int
) -> bool:
    """Every rate written holds (see `rates_hold`) but the whole's (row *whole*), and two at
    least do: a total's stated rate its own figures contradict is the report's inconsistency (a
    finding), not a sign that the cells stand under other titles."""
    return (rates_checked(rows[:whole] + rows[whole + 1 :], headers, kinds) or 0) >= 2


def _rate_columns(headers: list[str], kinds: list[str | None]) -> tuple[list[int], list[int]]:
    """The budget columns a rate or a balance is figured on (全年 / 调整后 when 年初 stands beside
    it) and the spending columns."""
    budgets = [c for c, kind in enumerate(kinds) if kind == "budget"]
    later = [c for c in budgets if re.search(r"全年|调整", headers[c])]
    whole_year = [c for c in later if "全年" in headers[c]]
    if len(later) > 1 and len(whole_year) == 1:
        later = whole_year  # "调整预算数" (the step) beside "全年预算数": the year's budget
    year_start = [c for c in budgets if "年初" in headers[c]]
    if not later and len(budgets) == 2 and len(year_start) == 1:
        later = [c for c in budgets if c not in year_start]  # "年初批复" beside "年度预算"
    budget_at = later if len(budgets) > 1 else budgets
    spent_at = [c for c, kind in enumerate(kinds) if kind == "spent"]
    return budget_at, spent_at


def balances_hold(rows: list[list[str]], headers: list[str], kinds: list[str | None]) -> bool:
    """Every balance written in a row (a number under 结余) is the row's budget less its spending
    (the budget a rate is figured on, see `rates_hold`); with no such pair, no row may state one."""
    budget_at, spent_at = _rate_columns(headers, kinds)
    for cells in rows:
        for column, cell in enumerate(cells):
            if kinds[column] != "balance" or not cell[:1].isdigit():
                continue
            if len(budget_at) != 1 or len(spent_at) != 1:
                return False
            balance = form_number(cell)
            budget = form_number(cells[budget_at[0]]) if len(cells) > budget_at[0] else None
            spent = form_number(cells[spent_at[0]]) if len(cells) > spent_at[0] else None
            if balance is None or budget is None or spent is None or budget - spent != balance:
                return False
    return True


def rates_checked(rows: list[list[str]], headers: list[str], kinds: list[str | None]) -> int | None:
    """How many rates written in *rows* were checked (see `rates_hold`), or None when one misses."""
    budget_at, spent_at = _rate_columns(headers, kinds)
    checked = 0
    for cells in rows:
        for column, cell in enumerate(cells):
            if kinds[column] != "rate" or not (
                "%" in cell
                or (column < len(headers) and "%" in headers[column] and form_number(cell))
            ):
                continue  # a rate: "96.15%", or a bare number under "执行率(%)" ("/" is none)
            if (
                len(budget_at) != 1
                or len(spent_at) != 1
                or len(cells) <= max(*budget_at, *spent_at)
            ):
                return None
            rate = form_number(cell)
            budget = form_number(cells[budget_at[0]])
            spent = form_number(cells[spent_at[0]])
            if rate is None or budget is None or spent is None or budget <= 0:
                return None
            exponent = rate.as_tuple().exponent
            places = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
            if (spent * 100 / budget).quantize(places, rounding=ROUND_HALF_UP) != rate:
                return None
            checked += 1
    return checked


# The funding lines a form's money block has as rows: the whole, its split by source of funds and
# by funding, the 三公 item ("其中：" before a part, a caption word before the whole, the unit after)
_OPENER = r"(?:其中[:：]?|附[:：]?)?"
_FUNDING_LINE = re.compile(
    rf"^{_OPENER}(?:"
    r"(?P<whole>(?:年度|全年|本年|部门)?(?:预算)?(?:资金总额|资金合计|总金额|总额|合计|总计))"
    r"|(?P<financial>(?:当年|本年)?财政(?:拨款|资金|拨款资金|性资金))"
    r"|(?P<carried>上年结转(?:资金)?)"
    r"|(?P<other>其他资金)"
    r"|(?P<basic>基本支出)"
    r"|(?P<project>项目支出)"
    r"|(?P<items>[“\"]?三公[”\"]?经费(?:支出)?)"
    r")(?:\((?:万元|元|千元|亿元)\))?$"
)
_SPACES = re.compile(r"\s")
# the economic classes a form's money block has as rows
_ECONOMIC_CLASS = re.compile(
    rf"^{_OPENER}(?:(?P<wages>工资福利支出)|(?P<goods_services>商品和服务支出)"
    r"|(?P<households>对个人和家庭的?补助(?:支出)?)|(?P<capital>资本性支出)"
    r"|(?P<enterprises>对企业补助(?:支出)?)|(?P<interest>债务利息(?:及费用)?支出))$"
)


def economic_class(title: str) -> str | None:
    """ "wages", "goods_services", "households", "capital", "enterprises" or "interest" for an
    economic class's title, else None."""
    match = _ECONOMIC_CLASS.match(_SPACES.sub("", title))
    return match.lastgroup if match else None


def row_name(title: str) -> bool:
    """A money block's row title the readers know: a funding line or an economic class."""
    return funding_line(title) is not None or economic_class(title) is not None


def funding_line(title: str) -> str | None:
    """ "whole", "financial", "carried", "other", "basic", "project" or "items" for a funding
    line's title (spaces left by the paste ignored), else None."""
    if " " in title or "\t" in title:
        title = _SPACES.sub("", title)
    match = _FUNDING_LINE.match(title)
    return match.lastgroup if match else None


def parts_checked(lines: list[str | None], columns: list[list[str]]) -> int | None:
    """How many sums were checked in a money block whose rows are funding *lines* and whose
    money *columns* hold each row's cell: in each column, the parts of the whole by source
    (财政拨款 + 其他资金, + 上年结转 where the block has it) and by funding (基本支出 + 项目支出), where the whole and all of a cut's
    parts are there as numbers, add up to the whole; None when one misses."""
    if "whole" not in lines:
        return 0
    whole_at = lines.index("whole")
    checked = 0
    sources = ("financial", "other", "carried") if "carried" in lines else ("financial", "other")
    for cut in (sources, ("basic", "project")):
        if not all(lines.count(part) == 1 for part in cut):
            continue
        for cells in columns:
            whole = form_number(cells[whole_at])
            parts = [form_number(cells[lines.index(part)]) for part in cut]
            if whole is None or None in parts:
                continue
            if sum(part for part in parts if part is not None) != whole:
                return None
            checked += 1
    return checked


# A staffing table's rows by people (在职人员 / 退休人员…) and its columns by quota or head-count
ROLE_ROW = re.compile(
    r"^(?:其中[:：]?)?(?:在职|在编|退休|离休|离退休|编外|合计|小计|总计)(?:人员|职工|人数)?$"
)
COUNT_COLUMN = re.compile(r"^(?:核定)?(?:编制|实有|现有|年末实有)(?:数|人数|人员|编制数)?$")
LABEL = re.compile(rf"^(?:其中[:：]?|附[:：]?)?[{CJK}()“”\"、]{{2,16}}$")

_PERCENT_TITLE = re.compile(r"\(%\)$")
_BARE_NUMBER = re.compile(rf"^(?:{NUMBER})$")


def as_written_rates(title: str, values: list[str]) -> list[str]:
    """A rate column's cells as rates: under a title carrying its unit ("执行率（%）") a bare
    number is a rate ("97.24" → "97.24%"), so the rate check sees it."""
    if form_column(title) != "rate" or not _PERCENT_TITLE.search(title):
        return values
    return [f"{value}%" if _BARE_NUMBER.match(value) else value for value in values]


# a line that may hold a funding line's or a staffing role's title (a quick look before the
# passes split it into cells)
NAMES_A_LINE = re.compile(
    r"资金|总额|总计|合计|财政|结转|基本支出|项目支出|三公|在职|在编|退休|离休|编外"
)


# A key of a staffing block's key/value pairs ("编制数", "其中：在职", "退休人数（人）") and the role
# it names; a count is a whole number, its unit written or not
PAIR_KEY = re.compile(
    r"^(?:其中[:：]?)?(?:人员)?(?:核定)?"
    r"(?P<role>编制数|编制人数|核定编制|实有人数|实有人员|在职|在编|离退休|退休|离休"
    r"|编外(?:聘用|聘请|用工)?|临聘)"
    r"(?:人数|人员|职工)?(?:\((?:人|名)\))?$"
)
COUNT = re.compile(r"^\d{1,6}(?:人|名)?$")
# a cell of a form pasted one cell a line: a number, a rate or a dash; a row's label
LINE_VALUE = re.compile(rf"^(?:(?:{NUMBER})%?|[-—/])$")
LINE_LABEL = re.compile(rf"^[{CJK}()“”、:]{{2,24}}$")


def pair_role(key: str) -> str | None:
    """ "quota", "actual", "in_service", "outside" (编外), "retired", "cadres" or "retired_all"
    for a key."""
    match = PAIR_KEY.match(key)
    if match is None:
        return None
    role = match.group("role")
    if role.startswith(("编外", "临聘")):
        return "outside"
    if "编制" in role:
        return "quota"
    if role.startswith("实有"):
        return "actual"
    return {"在职": "in_service", "在编": "in_service", "退休": "retired", "离休": "cadres"}.get(
        role, "retired_all"
    )


def split_of_actual_holds(counts: dict[str, int]) -> bool:
    """实有 = 在职 + 退休 (+ 离休), or 在职 + 离退休, where 实有, 在职 and the retired are all there;
    with 编外 beside them, 实有 may count them too (在编 + 编外, + the retired or not)."""
    if "actual" not in counts or "in_service" not in counts:
        return True
    retired = counts.get("retired_all", counts.get("retired", 0) + counts.get("cadres", 0))
    retired_there = bool({"retired_all", "retired"} & set(counts))
    outside = counts.get("outside")
    sums = {counts["in_service"] + retired} if retired_there else set()
    if outside is not None:
        sums |= {counts["in_service"] + outside, counts["in_service"] + outside + retired}
    return not sums or counts["actual"] in sums


def folded_width(text: str) -> int:
    """Display width of text whose full-width punctuation was folded to ASCII: ideographs 2,
    digits, letters and spaces 1, punctuation 2 (it was full-width) unless inside a number
    ("1,021.58") or a percent sign after one ("96.15%")."""
    width = 0
    for index, char in enumerate(text):
        if ord(char) >= 0x2E80:
            width += 2
        elif char.isalnum() or char == " ":
            width += 1
        else:
            after_digit = index > 0 and text[index - 1].isdigit()
            inside = after_digit and index < len(text) - 1 and text[index + 1].isdigit()
            width += 1 if inside or (after_digit and char == "%") else 2
    return width


Span = tuple[int, int, int, int]  # text start, text end, first display column, last


def display_spans(line: str, at: int, piece: re.Pattern[str]) -> list[Span]:
    """Each *piece* of *line* (its text starting at offset *at*) with its first and last display
    column (`folded_width`: an ideograph 2 wide)."""
    found: list[Span] = []
    width = position = 0
    for match in piece.finditer(line):
        width += folded_width(line[position : match.start()])
        first = width
        width += folded_width(match.group(0))
        position = match.end()
        found.append((at + match.start(), at + match.end(), first, width - 1))
    return found
