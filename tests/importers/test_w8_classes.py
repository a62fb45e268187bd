"""The wording classes the w8 corpus reports (tests/fixtures/corpus/w8-*) missed on their first
run, each pinned by variants written for these tests (not copied from any report, nor from the
corpus files): the figures each must give, and nothing else (precision first). Each class has at
least one variant that must NOT be read.

Classes: 万 alone as the unit of money; approximate amounts (约 / 近 / 超过 / 左右) that are not
exact figures; a ragged (not justified) wrapped sentence whose figure starts the next line; a
unit naming itself by its kind (中心 / 馆 / 学校) before its amounts; two years' amounts in one
sentence, the year opening each clause; 教职工 for staff; a table header of two rows (merged
cells flattened); a percentage in Chinese numerals; a bare 执行率 in the spending's clause.
"""

from __future__ import annotations

import pytest

from jixiao.importers.normalise import normalise
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县水务局2023年度部门整体支出绩效自评报告\n"


def figures_read(text: str, title: str = TITLE) -> dict[str, str]:
    return claimed_figures(import_text(title + text))


def money_read(text: str, title: str = TITLE) -> dict[str, str]:
    return money_only(figures_read(text, title))


# ── 1. 万 alone is 万元 when punctuation or the line's end follows ───────────────────────────

WAN_ALONE = [
    (
        "全年预算数1,250.00万，全年支出1,180.50万。",
        {"budget.total": "1250", "executed.total": "1180.5"},
    ),
    ("全年支出合计３２０．５万。", {"executed.total": "320.5"}),
    ("全年预算数\n860万", {"budget.total": "860"}),
]
NOT_WAN_ALONE = [
    # 万 before a noun or a count word is a count, not money
    ("全县约有12万农户，全年培训3万人次。", {}),
    ("全年预算数共覆盖8万亩耕地。", {}),
]


@pytest.mark.parametrize(("text", "expected"), WAN_ALONE + NOT_WAN_ALONE)
def test_wan_alone(text: str, expected: dict[str, str]) -> None:
    assert money_read(text) == expected


# ── 2. approximate amounts are not exact figures ────────────────────────────────────────────

APPROXIMATE = [
    "全年支出约860万元。",
    "全年实际支出近860万元。",
    "全年支出超过860万元。",
    "全年支出860万元左右。",
    "全年预算数大约1,200万元。",
]


@pytest.mark.parametrize("text", APPROXIMATE)
def test_approximate_amounts_are_not_read(text: str) -> None:
    result = import_text(TITLE + text)
    assert money_read(text) == {}
    assert any("约数" in f.message for f in result.findings)  # and the clerk is told


def test_an_exact_amount_beside_an_approximate_one_is_read() -> None:
    text = "全年支出860.40万元，另有约200万元由县财政直接支付。"
    assert money_read(text) == {"executed.total": "860.4"}


# ── 3. a ragged wrapped sentence: the figure starting the next line is its label's ──────────

RAGGED = [
    (
        "全年支出２，２８７．４６万元，其中基本支出\n１，０２０．１８万元，项目支出\n1,267.28万元。",
        {"executed.total": "2287.46", "executed.basic": "1020.18", "executed.project": "1267.28"},
    ),
    ("本局内设股室9个，核定编制数\n46名，实有在职人员43人。", {"staffing.authorized": "46"}),
]
NOT_RAGGED = [
    # a label alone on its line (a form, a table flattened one cell per line) is no sentence:
    # the line is not joined (the cell reader handles it)
    "项目名称\n12人",
]


@pytest.mark.parametrize(("text", "expected"), RAGGED)
def test_ragged_wrap(text: str, expected: dict[str, str]) -> None:
    figures = figures_read(text)
    assert {k: figures.get(k) for k in expected} == expected


@pytest.mark.parametrize("text", NOT_RAGGED)
def test_ragged_wrap_leaves_lines_without_a_clause(text: str) -> None:
    assert "\n" in normalise(text).text


def test_a_sentence_that_ended_is_not_joined() -> None:
    assert normalise("全年预算数1000万元，执行良好。\n12人参加培训").text.count("\n") == 1


# ── 4. a unit naming itself by its kind before its amounts ──────────────────────────────────

CENTRE_TITLE = "某市疾病预防控制中心2023年度部门整体支出绩效自评报告\n"
OWN_KIND = [
    ("2023年度中心全年预算总额为3,406.50万元。", CENTRE_TITLE, {"budget.total": "3406.5"}),
    ("本中心全年实际支出3,215.37万元。", CENTRE_TITLE, {"executed.total": "3215.37"}),
    (
        "本馆全年预算数1,086.6万元。",
        "某市档案馆2023年度部门整体支出绩效自评报告\n",
        {"budget.total": "1086.6"},
    ),
]
NOT_OWN_KIND = [
    # another body's centre: its name stays before the amount
    ("县融媒体中心全年预算总额为300.00万元。", CENTRE_TITLE, {}),
    # a 局 does not call itself 中心
    ("中心全年预算总额为300.00万元。", TITLE, {}),
]


@pytest.mark.parametrize(("text", "title", "expected"), OWN_KIND + NOT_OWN_KIND)
def test_a_unit_naming_itself_by_its_kind(text: str, title: str, expected: dict) -> None:
    assert money_read(text, title) == expected


# ── 5. two years in one sentence: the year opening each clause ─────────────────────────────

TWO_YEARS = [
    (
        "2022年全年预算数为1,120.40万元，全年支出1,050.22万元；2023年全年预算数为1,268.90万元，"
        "全年支出1,236.04万元。",
        {"budget.total": "1268.9", "executed.total": "1236.04"},
    ),
    (
        "2023年全年支出1,236.04万元。2022年全年支出1,050.22万元。",
        {"executed.total": "1236.04"},
    ),
]
ONE_YEAR = [
    # a year alone decides nothing
    (
        "2023年全年预算数为1,268.90万元，全年支出1,236.04万元。",
        {"budget.total": "1268.9", "executed.total": "1236.04"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), TWO_YEARS + ONE_YEAR)
def test_two_years_in_one_sentence(text: str, expected: dict[str, str]) -> None:
    assert money_read(text) == expected


# ── 6. 教职工 (a school's staff) ──────────────────────────────────────────────────────────────

SCHOOL_TITLE = "某县第一中学2023年度部门整体支出绩效自评报告\n"
STAFF = [
    (
        "学校核定编制168名，在职教职工185人，其中编制内161人、编制外24人；退休教职工73人。",
        {
            "staffing.authorized": "168",
            "staffing.in_service": "185",
            "staffing.retired": "73",
            "staffing.contract": "24",  # 编制外 (staff outside the quota), as before
        },
    ),
]
NOT_STAFF = [
    ("学校现有在校学生2,360人，教学班48个。", {}),
]


@pytest.mark.parametrize(("text", "expected"), STAFF + NOT_STAFF)
def test_teaching_staff(text: str, expected: dict[str, str]) -> None:
    figures = figures_read(text, SCHOOL_TITLE)
    assert {k: v for k, v in figures.items() if k.startswith("staffing.")} == expected


# ── 7. a table header of two rows (merged cells flattened) ─────────────────────────────────

TWO_ROW_HEADER = (
    "表1 预算执行表\n单位：万元\n"
    "项目\t2023年度\n"
    "\t全年预算数\t实际支出数\n"
    "基本支出\t300.00\t290.00\n"
    "项目支出\t200.00\t180.00\n"
    "合计\t500.00\t470.00\n"
)
TWO_YEARS_HEADER = (
    "单位：万元\n"
    "项目\t2022年度\t\t2023年度\t\n"
    "\t预算数\t支出数\t预算数\t支出数\n"
    "基本支出\t280.00\t275.00\t300.00\t290.00\n"
    "项目支出\t150.00\t140.00\t200.00\t180.00\n"
    "合计\t430.00\t415.00\t500.00\t470.00\n"
)
THIS_YEAR = {
    "budget.total": "500",
    "budget.basic": "300",
    "budget.project": "200",
    "executed.total": "470",
    "executed.basic": "290",
    "executed.project": "180",
}


@pytest.mark.parametrize("text", [TWO_ROW_HEADER, TWO_YEARS_HEADER])
def test_a_two_row_table_header(text: str) -> None:
    assert money_read(text) == THIS_YEAR


def test_a_second_row_with_numbers_is_no_header() -> None:
    # the first data row has an empty label: not a header row, and not read as one
    text = "单位：万元\n项目\t预算数\t支出数\n\t300.00\t290.00\n合计\t500.00\t470.00\n"
    read = money_read(text)
    assert read.get("budget.total") == "500" and "budget.basic" not in read


# ── 8. a percentage in Chinese numerals ─────────────────────────────────────────────────────

CHINESE_PERCENT = [
    ("全年预算执行率为百分之九十五点一三。", {"rates.execution": "95.13"}),
    ("预算执行率达到百分之九十七。", {"rates.execution": "97"}),
]
NOT_A_RATE = [
    # a change in percentage points, and a share that names no rate
    ("本年预算执行率比上年提高2.3个百分点。", {}),
    ("百分之九十的项目按期完工。", {}),
]


@pytest.mark.parametrize(("text", "expected"), CHINESE_PERCENT + NOT_A_RATE)
def test_chinese_percentages(text: str, expected: dict[str, str]) -> None:
    figures = figures_read(text)
    assert {k: v for k, v in figures.items() if k.startswith("rates.execution")} == expected


def test_a_chinese_percentage_keeps_its_source() -> None:
    result = import_text(TITLE + "全年预算执行率为百分之九十五点一三。")
    source = result.sources["rates.execution"]
    assert source.text is not None and "九十五点一三" in source.text  # quotes the original


# ── 9. a bare 执行率 in the spending's clause of a sentence that named the budget ───────────

BARE_RATE = [
    (
        "全年预算数共计1,086.6万元；支出合计1,052.3万元，执行率96.84%。",
        {"rates.execution": "96.84"},
    ),
]
NOT_BUDGET_RATE = [
    # no budget named in the sentence, nor a heading about it
    ("全年支出合计1,052.3万元；项目支出执行率96.84%。", {}),
    ("全年完成项目12个；执行率96.84%。", {}),
]


@pytest.mark.parametrize(("text", "expected"), BARE_RATE + NOT_BUDGET_RATE)
def test_bare_rate_in_the_spending_clause(text: str, expected: dict[str, str]) -> None:
    figures = figures_read(text)
    assert {k: v for k, v in figures.items() if k == "rates.execution"} == expected


# ── 10. a table whose columns are years only ────────────────────────────────────────────────

YEAR_COLUMNS = (
    "单位：万元\n"
    "项目\t2022年\t2023年\t增减\n"
    "基本支出\t402.15\t436.80\t34.65\n"
    "项目支出\t648.07\t799.24\t151.17\n"
    "合计\t1,050.22\t1,236.04\t185.82\n"
)


def test_year_columns_give_the_later_years_spending() -> None:
    # the 合计 row names no class with 支出: not claimed as read (the prose states the total)
    assert money_read(YEAR_COLUMNS) == {
        "executed.basic": "436.8",
        "executed.project": "799.24",
    }


def test_year_columns_under_a_budget_heading_are_not_spending() -> None:
    assert money_read("一、部门预算安排情况\n" + YEAR_COLUMNS) == {}


def test_a_change_column_is_not_a_year() -> None:
    text = "单位：万元\n项目\t增减\n基本支出\t34.65\n项目支出\t151.17\n"
    assert money_read(text) == {}
