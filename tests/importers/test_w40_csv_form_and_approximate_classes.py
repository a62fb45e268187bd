"""Classes of the w40 first run (tests/fixtures/corpus/w40-04, w40-06), pinned by variants written
for these tests (not copied from any report): the figures each must give, and nothing else.

Classes: a 自评表 saved from a spreadsheet as CSV (text cells bare, quoted only when they hold a
comma, every row padded with empty cells to the sheet's width) — its rows read as tab rows, its
staffing block (a caption cell merged down, left empty under it), money block (a row shorter than
its header by the trailing blanks dropped) and 执行率 written as a fraction (0.9569, read as
95.69% only when it is the row's spending over its budget); prose lines with commas are no such
export.
"""

from __future__ import annotations

import pytest

from jixiao.frameworks import evaluate_with
from jixiao.importers.normalise import normalise, padded_csv_cells
from jixiao.importers.table_rates import fraction_rate
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县统计局2024年度部门整体支出绩效自评表\n"


def figures(text: str, title: str = TITLE) -> dict[str, str]:
    return claimed_figures(import_text(title + text))


def staffing(got: dict[str, str]) -> dict[str, str]:
    return {key: value for key, value in got.items() if key.startswith("staffing.")}


# ── 1. a 自评表 saved as CSV, padded to the sheet's width ─────────────────────────────────────

HEAD = "单位名称：某县统计局,,,,,,金额单位：万元,\n部门名称,某县统计局,,,预算年度,2024,,\n"

PADDED_STAFFING = [
    # a caption merged down, empty under it; 其中： before the parts
    "人员情况,编制数,实有人数,其中：在职,其中：退休,,,\n,38,47,35,12,,,\n",
    # other titles, no caption column
    "编制数,实有人数,在职人数,退休人数,,,,\n38,47,35,12,,,,\n",
    # the caption quoted, spaces around the cells
    '"人员情况", 编制数 , 实有人数 ,在职,退休,,,\n, 38 ,47,35,12,,,\n',
]


@pytest.mark.parametrize("rows", PADDED_STAFFING)
def test_a_padded_csv_forms_staffing_block_is_read(rows: str) -> None:
    assert staffing(figures(HEAD + rows)) == {
        "staffing.authorized": "38",
        "staffing.actual_total": "47",
        "staffing.in_service": "35",
        "staffing.retired": "12",
    }


MONEY_EXPECTED = {
    "budget.initial_total": "500",
    "budget.total": "612.4",
    "executed.total": "598.73",
    "budget.basic": "402.4",
    "executed.basic": "400.1",
    "budget.project": "210",
    "executed.project": "198.63",
}

PADDED_MONEY = [
    # the parts first, then 合计 with 分值 / 得分; rates as fractions
    "年度预算执行情况,支出项目,年初预算数,全年预算数,全年执行数,执行率,分值,得分\n"
    ",基本支出,380,402.4,400.1,0.9943,,\n"
    ",项目支出,120,210,198.63,0.9459,,\n"
    ",合计,500,612.4,598.73,0.9777,10,9.78\n",
    # 合计 first, rates as percentages, no caption column
    "项目,年初预算数,全年预算数,全年执行数,执行率,分值,得分,\n"
    "合计,500,612.4,598.73,97.77%,10,9.78,\n"
    "基本支出,380,402.4,400.1,99.43%,,,\n"
    "项目支出,120,210,198.63,94.59%,,,\n",
    # amounts with thousands separators, quoted as the export must
    "资金情况,项目,年初预算数,全年预算数,全年执行数,执行率,,\n"
    ',"合计","500.00","612.40","598.73",0.9777,,\n'
    ',"基本支出","380.00","402.40","400.10",0.9943,,\n'
    ',"项目支出","120.00","210.00","198.63",0.9459,,\n',
]


@pytest.mark.parametrize("rows", PADDED_MONEY)
def test_a_padded_csv_forms_money_block_is_read(rows: str) -> None:
    assert money_only(figures(HEAD + rows)) == MONEY_EXPECTED


def test_a_padded_csv_forms_fraction_rate_is_read_as_a_percentage() -> None:
    assert figures(HEAD + PADDED_MONEY[0]).get("rates.execution") == "97.77"


def test_a_fraction_that_is_not_the_rows_spending_over_budget_is_not_a_rate() -> None:
    rows = PADDED_MONEY[0].replace("0.9777", "0.9512")
    assert "rates.execution" not in figures(HEAD + rows)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("0.9569", "95.69"),
        ("1.0000", "100.00"),
        (" 0.875 ", "87.5"),
        ("0.9", None),
        ("95.69", None),
    ],
)
def test_fraction_rate_cells(cell: str, expected: str | None) -> None:
    got = fraction_rate(cell)
    assert (None if got is None else str(got)) == expected


def test_a_padded_csv_forms_staffing_that_does_not_add_up_is_surfaced() -> None:
    result = import_text(TITLE + HEAD + "人员情况,编制数,实有人数,在职,退休,,,\n,38,47,35,10,,,\n")
    assert staffing(claimed_figures(result))["staffing.actual_total"] == "47"
    checked = [f.to_finding() for f in result.findings] + list(
        evaluate_with(result.dossier).findings
    )
    assert any("47" in str(f) and "35" in str(f) for f in checked), checked


def test_a_padded_csv_forms_score_and_grade_are_read() -> None:
    rows = (
        "绩效指标,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分\n"
        ",产出指标,数量指标,统计调查任务完成数,≥12项,12项,40,40\n"
        ",效益指标,社会效益指标,数据质量抽查合格率,≥95%,96.1%,40,38.5\n"
        ",满意度指标,服务对象满意度指标,用户满意度,≥90%,92%,20,20\n"
        "合计,,,,,,100,98.5\n"
        "评价等级,优,,,,,,\n"
    )
    got = figures(HEAD + rows)
    assert (got.get("score.self"), got.get("grade.self")) == ("98.5", "优")


def test_padded_csv_cells_keep_quoted_commas_and_escaped_quotes() -> None:
    line = ',"完成12,836批次,合格率98.7%","称""双随机""抽查",,'
    cells = padded_csv_cells(line)
    assert cells is not None
    assert [cell for cell, _ in cells] == [
        "",
        "完成12,836批次,合格率98.7%",
        '称""双随机""抽查',
        "",
        "",
    ]
    text = (
        HEAD
        + '年度目标完成情况,"完成12,836批次,合格率98.7%",,,,,,\n'
        + '备注,"称""双随机""抽查",,,,,,\n'
    )
    lines = normalise(text).text.split("\n")
    assert "年度目标完成情况\t完成12,836批次,合格率98.7%" in lines
    assert '备注\t称"双随机"抽查' in lines


PADDED_NOT_ROWS = [
    # prose with (folded) commas, lines of different widths
    "全年预算数612.40万元,实际支出598.73万元,执行率97.77%。\n主要用于统计调查,普查,数据处理。\n"
    "下一步,我局将加强预算管理。\n",
    # prose lines of one width but never an empty cell
    "一是加强统计,二是规范数据,三是提升质量,四是优化服务。\n"
    "一是完善制度,二是强化考核,三是严格执行,四是跟踪问效。\n"
    "一是压减开支,二是盘活存量,三是提高效率,四是公开信息。\n",
    # a quote inside a bare cell
    '说明,"三公"经费4.36万元,,,,\n说明,较上年下降,,,,\n说明,主要是压减,,,,\n',
]


@pytest.mark.parametrize("text", PADDED_NOT_ROWS)
def test_prose_with_commas_is_not_a_padded_csv_export(text: str) -> None:
    assert "\t" not in normalise(text).text


# ── 2. approximate figures; a prose report restating its attached form's figures rounded ─────

REPORT = "某县中医院2023年度部门整体支出绩效自评报告\n二、预算执行情况\n"

APPROXIMATE_SENTENCES = [
    "全年预算3,840.00万元，全年支出3,690.00万元，执行率96%左右。\n",
    "全年预算3,840.00万元，全年支出3,690.00万元，预算执行率约为96%。\n",
    "全年预算3,840.00万元，全年支出3,690.00万元，执行率近96%。\n",
    "全年预算3,840.00万元，全年支出3,690.00万元，执行率达到96% 以上。\n",
]


@pytest.mark.parametrize("sentence", APPROXIMATE_SENTENCES)
def test_an_approximate_execution_rate_is_not_read_as_exact(sentence: str) -> None:
    got = figures(sentence, REPORT)
    assert "rates.execution" not in got
    assert money_only(got) == {"budget.total": "3840", "executed.total": "3690"}


def test_an_exact_execution_rate_is_still_read() -> None:
    got = figures("全年预算3,840.00万元，全年支出3,690.00万元，执行率96.09%。\n", REPORT)
    assert got.get("rates.execution") == "96.09"


APPROXIMATE_AMOUNTS = [
    "全年预算超3,800万元，全年支出3,690.00万元。\n",
    "全年预算约为3,840万元，全年支出3,690.00万元。\n",
    "全年预算3,800万元有余，全年支出3,690.00万元。\n",
    "全年预算大概3,840万元，全年支出3,690.00万元。\n",
]


@pytest.mark.parametrize("sentence", APPROXIMATE_AMOUNTS)
def test_an_approximate_amount_is_not_read_as_exact(sentence: str) -> None:
    assert money_only(figures(sentence, REPORT)) == {"executed.total": "3690"}


FORM = (
    "附表：\n部门整体支出绩效自评表\n"
    "部门名称\t某县中医院\t\t主管部门\t某县卫生健康局\n"
    "人员情况\t编制数\t实有人数\t在职人数\t退休人数\n"
    "\t410\t1,032\t905\t127\n"
    "年度预算执行情况（万元）\t\t年初预算数\t全年预算数\t全年执行数\t执行率\t分值\t得分\n"
    "\t合计\t21,500.00\t24,615.80\t23,380.46\t94.98%\t10\t9.5\n"
    "\t基本支出\t19,800.00\t20,110.35\t19,960.12\t99.25%\n"
    "\t项目支出\t1,700.00\t4,505.45\t3,420.34\t75.92%\n"
    "绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t实际完成值\t分值\t得分\n"
    "\t产出指标\t数量指标\t门诊人次\t≥30万人次\t31.2万人次\t10\t10\n"
    "总分\t\t\t\t\t\t100\t88.4\n"
)

FORM_FIGURES = {
    "budget.initial_total": "21500",
    "budget.total": "24615.8",
    "executed.total": "23380.46",
    "budget.basic": "20110.35",
    "executed.basic": "19960.12",
    "budget.project": "4505.45",
    "executed.project": "3420.34",
}

ROUNDED_PROSE = [
    "全年预算2.46亿元，全年支出2.34亿元，执行率95%左右，基本支出和项目支出见附表。\n",
    "全年预算约2.5亿元，支出近2.3亿元，执行率约95%。\n",
    "全年预算超2.4亿元，全年支出2.3亿余元，预算执行率达95%以上。\n",
]


@pytest.mark.parametrize("sentence", ROUNDED_PROSE)
def test_the_attached_forms_exact_figures_win_over_the_prose_rounded(sentence: str) -> None:
    got = figures(sentence + FORM, REPORT)
    assert money_only(got) == FORM_FIGURES
    assert got.get("rates.execution") == "94.98"


def test_the_attached_forms_staffing_with_grouped_thousands_is_read() -> None:
    assert staffing(figures(FORM, REPORT)) == {
        "staffing.authorized": "410",
        "staffing.actual_total": "1032",
        "staffing.in_service": "905",
        "staffing.retired": "127",
    }


CAPTIONED_BLOCKS = [
    # 元 in the caption, no indicator block below
    FORM.replace("（万元）", "（元）").split("绩效指标")[0] + "总分\t\t\t100\t88.4\n",
    # another caption word, the label column's title written
    FORM.replace("年度预算执行情况（万元）\t\t", "资金情况（万元）\t项目\t"),
]


@pytest.mark.parametrize("text", CAPTIONED_BLOCKS)
def test_a_money_block_under_a_caption_stating_its_unit_is_read(text: str) -> None:
    got = money_only(figures(text, REPORT))
    if "（元）" in text:
        assert got["executed.total"] == "2.338046"
    else:
        assert got == FORM_FIGURES


# ── 3. a note quoting an earlier year's figure ───────────────────────────────────────────────

FORM_TITLE = "某县统计局2025年度部门整体支出绩效自评表\n年度总体目标\t完成统计调查任务\n"

EARLIER_YEAR_NOTES = [
    "备注：2024年度全年执行数9,318.04万元；罚没收入不属于部门支出。\n",
    "注：2023年全年支出8,912.50万元。\n",
    "说明：上年对比口径，2024年度实际支出9,318.04万元。\n",
]


@pytest.mark.parametrize("note", EARLIER_YEAR_NOTES)
def test_an_earlier_years_figure_in_a_note_is_not_this_years(note: str) -> None:
    assert money_only(figures(note, FORM_TITLE)) == {}


def test_the_years_own_figure_in_a_note_is_read() -> None:
    got = figures("注：2025年度全年执行数9,760.67万元。\n", FORM_TITLE)
    assert money_only(got) == {"executed.total": "9760.67"}


def test_a_note_dated_as_the_whole_body_is_dated_stays_read() -> None:
    # the body written for 2024 under a title saying 2025: the title's typo, not a comparison
    text = "2024年全年预算9,500.00万元，全年支出9,318.04万元。\n备注：2024年度全年执行数9,318.04万元。\n"
    got = figures(text, "某县统计局2025年度部门整体支出绩效自评报告\n")
    assert got.get("executed.total") == "9318.04"


# the captioned block closed by a row of words (the goals' rows) is read as far as its rows go;
# closed by a money row of another shape (a label cell first, not blank) it is left to the
# readers of whole runs, and never read wrong
CAPTION_THEN = (
    "某县司法局2022年度部门整体支出绩效自评表\n"
    "年度预算执行情况（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
    "\t年度资金总额\t820.00\t905.50\t880.10\t10\t97.19%\t9.72\n"
    "\t其中：当年财政拨款\t800.00\t885.50\t860.10\t—\t97.13%\t—\n"
)


@pytest.mark.parametrize(
    "rest",
    [
        "年度总体目标\t预期目标\t实际完成情况\t—\t—\t—\t—\t—\n\t完成年度工作任务\t已完成\t—\t—\t—\t—\t—\n",
        "年度绩效目标\t实际完成情况\t\t\t\t\t\t\n\t按期办结法律援助案件\t\t\t\t\t\t\n",
    ],
)
def test_a_captioned_block_closed_by_the_goals_rows_is_read(rest: str) -> None:
    got = money_only(claimed_figures(import_text(CAPTION_THEN + rest)))
    assert {k: got.get(k) for k in ("budget.total", "executed.total")} == {
        "budget.total": "905.5",
        "executed.total": "880.1",
    }


def test_a_captioned_block_closed_by_a_money_row_of_another_shape_is_not_read_wrong() -> None:
    rest = "\t按支出性质分：\t基本支出\t505.50\t500.10\t—\t98.93%\t—\n"
    got = money_only(claimed_figures(import_text(CAPTION_THEN + rest)))
    assert got.get("budget.basic") in (None, "505.5") and got.get("budget.total") in (None, "905.5")
