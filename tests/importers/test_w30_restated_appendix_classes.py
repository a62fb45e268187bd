"""Classes of w30-02, w30-03, w30-04, w30-06 and w30-07 (a 自评报告 with its 自评表 appended, most
figures stated twice: in prose, rounded or in another unit, and in the form, exact; sometimes in
contradiction), pinned by variants written for these tests (not copied from any report): the
figures each must give, and what must not be read.

Classes: a form pasted with ONE ideographic space between cells (its block name a caption line
of its own); 在编人数 beside 编制数 in a form's row is the staff in service; a score table's short
总分 row ("总分　100　95.3"); a self-score stated twice in contradiction (the one the form's
score rows add up to is read, else none); the 预算执行率 stated twice (rounded: the precise one;
in contradiction: the one the spending over the budget makes, else none); a flattened form's
执行率 column under staffing cells; a one-row staffing table among the form's other tables; a
drawn form whose staffing rows stand over its money block, the money block its first block.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.core.figures import FigureBook
from jixiao.importers.money import _staffing_pairs_row
from jixiao.importers.normalise import normalise
from jixiao.importers.result import ImportResult
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县市场监督管理局2023年度部门整体支出绩效自评报告\n一、部门概况\n本局内设5个股室。\n"


def imported(text: str) -> ImportResult:
    return import_text(TITLE + text)


def figures(text: str) -> dict[str, str]:
    return claimed_figures(imported(text))


def as_read(result: ImportResult, key: str) -> Decimal | None:
    """The figure's value as the report states it (the first statement read), or None."""
    if key not in result.sources:
        return None
    return FigureBook(result.dossier).figure(key).stated


def conflicts(result: ImportResult) -> list[str]:
    return [f.message for f in result.findings if f.id == "import.W003"]


# ── 1. a form pasted with one ideographic space between cells ─────────────────────────────

SPACED_FORM = (
    "附表：部门整体支出绩效自评表\n"
    "金额单位：元\n"
    "部门名称\u3000某县市场监督管理局\u3000主管部门\u3000某县人民政府\n"
    "人员情况\u3000编制数\u300041\u3000实有人数\u300050\u3000在职人数\u300036\u3000退休人数\u300014\n"
    "资金情况\u3000项目\u3000全年预算数\u3000全年执行数\u3000执行率\u3000分值\u3000得分\n"
    "\u3000\u3000年度资金总额\u30008264000.00\u30007960000.00\u300096.32%\u300010\u30009.6\n"
    "\u3000\u3000基本支出\u30005120000.00\u30005080000.00\u300099.22%\u3000—\u3000—\n"
    "\u3000\u3000项目支出\u30003144000.00\u30002880000.00\u300091.60%\u3000—\u3000—\n"
    "绩效指标\u3000一级指标\u3000二级指标\u3000三级指标\u3000年度指标值\u3000实际完成值\u3000分值\u3000得分\n"
    "\u3000\u3000产出指标\u3000数量指标\u3000抽检批次（批）\u3000≥400\u3000436\u300030\u300030\n"
    "\u3000\u3000效益指标\u3000社会效益指标\u3000投诉按时办结率\u3000≥95%\u300097%\u300030\u300028\n"
    "\u3000\u3000满意度指标\u3000服务对象满意度指标\u3000群众满意度\u3000≥90%\u300093%\u300030\u300029.5\n"
    "总分\u3000100\u300097.1\n"
    "自评等级\u3000优\n"
)


def test_ideographic_space_cells_become_tab_rows() -> None:
    lines = normalise(SPACED_FORM).text.split("\n")
    assert "总分\t100\t97.1" in lines
    assert "自评等级\t优" in lines
    assert "年度资金总额\t8264000.00\t7960000.00\t96.32%\t10\t9.6" in lines


def test_a_block_name_before_its_rows_header_becomes_a_caption_line() -> None:
    lines = normalise(SPACED_FORM).text.split("\n")
    assert "资金情况" in lines
    assert "项目\t全年预算数\t全年执行数\t执行率\t分值\t得分" in lines
    assert "人员情况" in lines and "编制数\t41\t实有人数\t50\t在职人数\t36\t退休人数\t14" in lines
    assert "绩效指标" in lines


def test_a_form_with_ideographic_space_cells_is_read() -> None:
    found = figures(SPACED_FORM)
    assert money_only(found) == {
        "budget.total": "826.4",
        "budget.basic": "512",
        "budget.project": "314.4",
        "executed.total": "796",
        "executed.basic": "508",
        "executed.project": "288",
    }
    assert found["staffing.authorized"] == "41"
    assert found["staffing.actual_total"] == "50"
    assert found["score.self"] == "97.1"


@pytest.mark.parametrize(
    "prose",
    [
        "\u3000\u3000本局内设\u3000综合股、\u3000执法股等5个股室，核定编制41名。\n",
        "一、\u3000基本情况\n二、\u3000预算执行情况\n",
        "填报人：张某\u3000\u3000联系电话：1234567\u3000\u3000填报日期：2024年3月1日\n",
        "某县市场监督管理局\u30002024年3月\u3000盖章\n",
    ],
)
def test_prose_headings_and_signature_lines_keep_their_spaces(prose: str) -> None:
    assert "\t" not in normalise(prose).text


def test_one_row_of_single_gaps_alone_is_no_table() -> None:
    # a single such line (no second row, no number cell) stays as it is
    assert (
        "\t"
        not in normalise("部门名称\u3000某县市场监督管理局\u3000主管部门\u3000某县人民政府\n").text
    )


# ── 2. 在编人数 beside 编制数 in a form's row ─────────────────────────────────────────────────


@pytest.mark.parametrize(
    "row",
    [
        "编制数\t33\t实有人数\t38\t在编人数\t32\t退休人数\t14",
        "人员情况\t编制数\t33\t实有人数\t38\t在编人数\t32\t退休人数\t14",
        "核定编制\t33\t在编人员\t32\t实有人数\t38\t退休人员\t14",
    ],
)
def test_on_payroll_count_beside_the_quota_is_in_service(row: str) -> None:
    found = figures(f"附表1\n{row}\n")
    assert found["staffing.authorized"] == "33"
    assert found["staffing.in_service"] == "32"
    assert found["staffing.retired"] == "14"


def test_on_payroll_count_with_no_quota_beside_it_is_not_read() -> None:
    # 在编人数 alone may be the quota: the row does not prove its pairs
    found = figures("附表1\n在编人数\t32\t退休人数\t14\n")
    assert "staffing.in_service" not in found and "staffing.authorized" not in found


# ── 3. a score table's short 总分 row, 4. a self-score stated twice ──────────────────────────

SCORE_TABLE = (
    "附表2\n"
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
    "产出指标\t数量指标\t检查企业户数（户）\t≥300\t320\t40\t40\n"
    "效益指标\t社会效益指标\t案件办结率\t≥95%\t96%\t30\t28.5\n"
    "满意度指标\t服务对象满意度指标\t企业满意度\t≥90%\t92%\t30\t29\n"
    "总分\t100\t97.5\n"
)


def test_a_short_total_row_gives_the_score() -> None:
    assert figures(SCORE_TABLE)["score.self"] == "97.5"


@pytest.mark.parametrize("total", ["总分\t97.5\n", "总分\t90\t97.5\n", "总分\t100\t97.5\t优\n"])
def test_a_short_total_row_that_is_not_weight_then_score_is_not_read(total: str) -> None:
    text = SCORE_TABLE.replace("总分\t100\t97.5\n", total)
    assert "score.self" not in figures(text)


@pytest.mark.parametrize(
    "prose",
    [
        "四、自评结论\n经自评，本局整体支出绩效自评得分95.7分，等级为优。\n",
        "四、自评结果\n部门整体支出绩效评价得分为95.7分，评价等级“优”。\n",
        "四、自评结论\n综合评分95.7分，自评等级为优秀。\n",
    ],
)
def test_the_score_the_form_rows_add_up_to_is_read(prose: str) -> None:
    result = imported(prose + SCORE_TABLE)
    assert claimed_figures(result)["score.self"] == "97.5"
    assert any("95.7" in m and "97.5" in m for m in conflicts(result))


def test_a_score_with_the_money_blocks_execution_score_adds_up() -> None:
    # the indicator rows weigh 90, the 预算执行率 scored on the money block's row the other 10
    money = (
        "金额单位：万元\n"
        "项目\t全年预算数\t全年执行数\t执行率\t分值\t得分\n"
        "年度资金总额\t500.00\t480.00\t96.00%\t10\t9.6\n"
    )
    table = SCORE_TABLE.replace("\t40\t40\n", "\t30\t30\n").replace(
        "总分\t100\t97.5", "总分\t100\t97.1"
    )
    result = imported("经自评，本局整体支出绩效自评得分91.7分。\n" + money + table)
    assert claimed_figures(result)["score.self"] == "97.1"


def test_scores_that_no_rows_confirm_are_not_read() -> None:
    text = "经自评，本局整体支出绩效自评得分95.7分。\n" + SCORE_TABLE.replace(
        "总分\t100\t97.5", "总分\t100\t96.5"
    )
    result = imported(text)
    assert "score.self" not in claimed_figures(result)
    assert any("95.7" in m and "96.5" in m for m in conflicts(result))


# ── 5. the 预算执行率 stated twice ─────────────────────────────────────────────────────────

FLAT_FORM = (
    "附表1\n部门整体支出绩效自评表\n单位：万元\n"
    "人员情况\n编制数\n41\n实有人数\n50\n"
    "资金情况\n项目\n年初预算数\n全年预算数\n全年执行数\n执行率\n"
    "合计\n780.00\n826.40\n796.00\n96.32%\n"
    "基本支出\n500.00\n512.00\n508.00\n99.22%\n"
    "项目支出\n280.00\n314.40\n288.00\n91.60%\n"
)
PROSE_TOTALS = (
    "二、部门整体支出情况\n全年预算数826.40万元，全年支出796.00万元，预算执行率{rate}。\n"
)


@pytest.mark.parametrize("rate", ["96.3%", "96%"])
def test_a_rounded_rate_yields_to_the_forms_precise_one(rate: str) -> None:
    result = imported(PROSE_TOTALS.format(rate=rate) + FLAT_FORM)
    assert as_read(result, "rates.execution") == Decimal("96.32")
    assert conflicts(result) == []


@pytest.mark.parametrize(
    "line",
    ["预算执行率：96.32%", "预算执行率:96.32%", "全年预算执行率：96.32%"],
)
def test_a_rounded_rate_yields_to_a_form_line(line: str) -> None:
    text = PROSE_TOTALS.format(rate="96.3%") + f"附表\n金额单位：万元\n{line}\n"
    assert as_read(imported(text), "rates.execution") == Decimal("96.32")


@pytest.mark.parametrize("rate", ["98.3%", "93.62%", "69.32%"])
def test_of_two_contradicting_rates_the_one_the_totals_make_is_read(rate: str) -> None:
    result = imported(PROSE_TOTALS.format(rate=rate) + FLAT_FORM)
    assert as_read(result, "rates.execution") == Decimal("96.32")
    assert any(rate.rstrip("%") in m and "96.32" in m for m in conflicts(result))


def test_contradicting_rates_the_totals_confirm_neither_of_are_not_read() -> None:
    # the form's 合计 rate 97.32% and the prose's 98.3% against 796.00 / 826.40 = 96.32%
    form = FLAT_FORM.replace("96.32%", "97.32%")
    prose = "二、部门整体支出情况\n全年预算数826.40万元，预算执行率98.3%。\n"
    result = imported(prose + form)
    assert "rates.execution" not in result.sources
    assert any("98.3%" in m and "97.32%" in m for m in conflicts(result))


def test_a_rate_in_a_sentence_about_another_fund_is_no_restatement() -> None:
    text = (
        PROSE_TOTALS.format(rate="96.32%")
        + "“三公”经费预算10.00万元，实际支出8.20万元，执行率82.00%。\n"
    )
    result = imported(text)
    assert as_read(result, "rates.execution") == Decimal("96.32")
    assert conflicts(result) == []


# ── 6. a one-row staffing table among the form's other tables ──────────────────────────────

PIPE_FORM = (
    "附件：自评表（单位：万元）\n\n"
    "| 项目 | 全年预算数 | 执行数 | 执行率 |\n| --- | --- | --- | --- |\n"
    "| 年度资金总额 | 826.40 | 796.00 | 96.32% |\n"
    "| 基本支出 | 512.00 | 508.00 | 99.22% |\n"
    "| 项目支出 | 314.40 | 288.00 | 91.60% |\n\n"
    "| 编制数 | 实有人数 | 在职人数 | 退休人数 |\n| --- | --- | --- | --- |\n"
    "| 41 | 50 | 36 | 14 |\n\n"
    "| 一级指标 | 分值 | 得分 |\n| --- | --- | --- |\n| 产出 | 50 | 48 |\n| 合计 | 100 | 95 |\n"
)


@pytest.mark.parametrize(
    "form",
    [
        PIPE_FORM,
        # the staffing table first, the money table right under it
        "附件：自评表（单位：万元）\n编制数\t实有人数\t在职人数\t退休人数\n41\t50\t36\t14\n"
        "项目\t全年预算数\t执行数\t执行率\n年度资金总额\t826.40\t796.00\t96.32%\n",
    ],
)
def test_a_one_row_staffing_table_among_other_tables_is_read(form: str) -> None:
    found = figures(form)
    assert found["staffing.authorized"] == "41"
    assert found["staffing.actual_total"] == "50"
    assert found["staffing.in_service"] == "36"
    assert found["staffing.retired"] == "14"


def test_a_header_over_two_rows_of_counts_is_no_one_row_table() -> None:
    # which row is whose is not said: neither is read
    form = (
        "附件：自评表\n项目\t全年预算数\t执行数\t执行率\n年度资金总额\t826.40\t796.00\t96.32%\n"
        "编制数\t实有人数\t在职人数\t退休人数\n41\t50\t36\t14\n40\t48\t35\t13\n"
    )
    found = figures(form)
    assert not any(key.startswith("staffing.") for key in found)


# ── 7. a drawn form: staffing rows over the money block ───────────────────────────────────

BOX_FORM = (
    "附表1\n"
    "┌────────┬────────┬────────┬────────┐\n"
    "│某县市场监督管理局2023年度部门整体支出绩效自评表（单位：万元）│\n"
    "├────────┼────────┼────────┼────────┤\n"
    "│编制数  │41      │实有人数│50      │\n"
    "│在职    │36      │退休    │14      │\n"
    "├────────┼────────┼────────┼────────┤\n"
    "│资金类别│全年预算│执行数  │执行率  │\n"
    "│合计    │826.40  │796.00  │96.32%  │\n"
    "│基本支出│512.00  │508.00  │99.22%  │\n"
    "│项目支出│314.40  │288.00  │91.60%  │\n"
    "├────────┼────────┼────────┼────────┤\n"
    "│一级指标│权重    │得分    │        │\n"
    "│产出    │50      │48      │        │\n"
    "│总分    │100     │95      │        │\n"
    "└────────┴────────┴────────┴────────┘\n"
)


def test_the_money_block_under_staffing_rows_is_read() -> None:
    assert money_only(figures(BOX_FORM)) == {
        "budget.total": "826.4",
        "budget.basic": "512",
        "budget.project": "314.4",
        "executed.total": "796",
        "executed.basic": "508",
        "executed.project": "288",
    }


def test_a_total_row_its_parts_miss_is_reported_and_kept() -> None:
    form = BOX_FORM.replace("│合计    │826.40  │796.00  │", "│合计    │826.40  │805.00  │")
    result = imported(form)
    assert claimed_figures(result).get("executed.basic") == "508"
    assert any(
        f.id == "import.W005" and "805" in f.message and "796" in f.message for f in result.findings
    )


@pytest.mark.parametrize(
    ("row", "staffing"),
    [
        ("编制数\t64\t实有人数\t91", True),
        ("在职\t58\t退休\t33", True),
        ("核定编制(人)\t64\t在编人数\t60", True),
        ("基本支出\t986\t项目支出\t2426", False),  # money labels: a money row
        ("编制数\t64\t实有人数\t91.5", False),  # not a count
        ("资金类别\t全年预算\t执行数\t执行率", False),  # the money block's header
        ("编制数\t64\t实有人数", False),  # no pairs
    ],
)
def test_only_rows_of_staffing_pairs_are_cut_off_the_money_block(row: str, staffing: bool) -> None:
    assert _staffing_pairs_row(row) is staffing


# ── 8. a flattened form's money block under its staffing cells ─────────────────────────────


def test_a_flattened_money_block_under_staffing_cells_is_read() -> None:
    assert money_only(figures(FLAT_FORM)) == {
        "budget.initial_total": "780",
        "budget.total": "826.4",
        "budget.basic": "512",
        "budget.project": "314.4",
        "executed.total": "796",
        "executed.basic": "508",
        "executed.project": "288",
    }


def test_a_flattened_block_whose_total_row_misses_in_one_column_is_read_and_reported() -> None:
    form = FLAT_FORM.replace("合计\n780.00\n826.40\n796.00", "合计\n780.00\n836.40\n796.00")
    result = imported(form)
    assert claimed_figures(result)["budget.basic"] == "512"
    assert any(f.id == "import.W005" and "836.40" in f.message for f in result.findings)


def test_a_flattened_block_whose_total_row_misses_everywhere_is_not_read() -> None:
    # 合计 the sum of its rows in no column: the columns are not proven, the cells are not read
    form = FLAT_FORM.replace("合计\n780.00\n826.40\n796.00", "合计\n790.00\n836.40\n806.00")
    assert "budget.basic" not in figures(form)


# ── 9. a 自评表's indicator block is no money table ─────────────────────────────────────────


def test_an_indicator_blocks_numbers_are_not_amounts() -> None:
    result = imported(SPACED_FORM)
    unread = " ".join(f.message for f in result.findings if f.id == "import.I008")
    assert "436" not in unread and "97.1元" not in unread


def test_a_money_block_with_a_target_word_in_a_label_is_still_money() -> None:
    # only a header titling an indicator name, a target and an actual marks an indicator block
    form = (
        "附表\n金额单位：万元\n部门名称\t某县市场监督管理局\n"
        "项目\t目标值说明\t全年预算数\t全年执行数\n"
        "年度资金总额\t—\t826.40\t796.00\n基本支出\t—\t512.00\t508.00\n项目支出\t—\t314.40\t288.00\n"
    )
    assert money_only(figures(form)).get("executed.total") == "796"


# ── 10. the same amounts in prose and in the appended form, in another unit or rounded ─────

APPENDED = {
    "pipes": (
        "附件：自评表（单位：万元）\n\n| 项目 | 全年预算数 | 执行数 | 执行率 |\n| --- | --- | --- | --- |\n"
        "| 年度资金总额 | 826.40 | 796.00 | 96.32% |\n| 基本支出 | 512.00 | 508.00 | 99.22% |\n"
        "| 项目支出 | 314.40 | 288.00 | 91.60% |\n"
    ),
    "key：value lines": (
        "附表\n金额单位：万元\n全年预算数：826.40\n其中基本支出：512.00\n其中项目支出：314.40\n"
        "全年执行数：796.00\n其中基本支出：508.00\n其中项目支出：288.00\n预算执行率：96.32%\n"
    ),
    "ideographic spaces": (
        "附表\n金额单位：万元\n项目\u3000全年预算数\u3000执行数\u3000执行率\n"
        "年度资金总额\u3000826.40\u3000796.00\u300096.32%\n基本支出\u3000512.00\u3000508.00\u300099.22%\n"
        "项目支出\u3000314.40\u3000288.00\u300091.60%\n"
    ),
}
FORM_FIGURES = {
    "budget.total": "826.4",
    "budget.basic": "512",
    "budget.project": "314.4",
    "executed.total": "796",
    "executed.basic": "508",
    "executed.project": "288",
}


@pytest.mark.parametrize("form", APPENDED.values(), ids=APPENDED.keys())
@pytest.mark.parametrize(
    "prose",
    [
        "全年预算数826.4万元，其中基本支出512.0万元、项目支出314.4万元；全年支出796.0万元，执行率96.3%。\n",
        "全年预算0.08亿元，全年实际支出0.08亿元。\n",
        "全年预算数826万元，全年支出796万元，预算执行率96%。\n",
    ],
)
def test_prose_rounded_or_in_yi_yuan_yields_to_the_forms_exact_amounts(
    form: str, prose: str
) -> None:
    result = imported("二、部门整体支出情况\n" + prose + form)
    assert money_only(claimed_figures(result)) == FORM_FIGURES
    assert as_read(result, "rates.execution") == Decimal("96.32")
    assert conflicts(result) == []


@pytest.mark.parametrize("form", APPENDED.values(), ids=APPENDED.keys())
def test_prose_in_yuan_exact_is_read_over_the_forms_rounded_wan(form: str) -> None:
    prose = (
        "全年预算数8,264,012.50元，其中基本支出5,120,012.50元、项目支出3,144,000.00元；"
        "全年支出7,960,000.00元。\n"
    )
    result = imported("二、部门整体支出情况\n" + prose + form)
    found = money_only(claimed_figures(result))
    assert found["budget.total"] == "826.40125"
    assert found["budget.basic"] == "512.00125"
    assert conflicts(result) == []


def test_prose_that_is_no_rounding_of_the_form_is_a_contradiction() -> None:
    result = imported(
        "二、部门整体支出情况\n全年预算数826.50万元，全年支出796.00万元。\n" + APPENDED["pipes"]
    )
    assert money_only(claimed_figures(result))["budget.total"] == "826.4"  # its parts add up
    assert any("826.50" in m and "826.40" in m for m in conflicts(result))


# ── 11. a score summary by 一级指标 ────────────────────────────────────────────────────────

LEVEL_ONE = (
    "附表\n| 一级指标 | 分值 | 得分 |\n| --- | --- | --- |\n| 决策 | 15 | 14 |\n| 过程 | 25 | 23 |\n"
    "| 产出 | 35 | 29 |\n| 效益 | 25 | 22 |\n| 合计 | 100 | 88 |\n"
)


@pytest.mark.parametrize(
    "table",
    [
        LEVEL_ONE,
        LEVEL_ONE.replace("| 分值 |", "| 权重 |").replace("合计", "总分"),
        "附表\n一级指标\t权重\t得分\n决策\t20\t18\n过程\t20\t17\n产出\t30\t27\n效益\t30\t26\n总分\t100\t88\n",
    ],
)
def test_a_level_one_summary_gives_the_score(table: str) -> None:
    assert figures(table)["score.self"] == "88"


def test_a_level_one_summary_settles_a_contradicting_prose_score() -> None:
    result = imported(
        "四、自评结论\n经自评，本会整体支出绩效自评得分86分，等级为良。\n" + LEVEL_ONE
    )
    assert claimed_figures(result)["score.self"] == "88"
    assert any("86" in m and "88" in m for m in conflicts(result))


def test_a_prose_score_and_a_summary_total_its_rows_confirm_neither_of_are_not_read() -> None:
    # 合计 90, prose 86, the rows add up to 88: no statement is confirmed
    table = LEVEL_ONE.replace("| 合计 | 100 | 88 |", "| 合计 | 100 | 90 |")
    result = imported("四、自评结论\n经自评，本会整体支出绩效自评得分86分，等级为良。\n" + table)
    assert "score.self" not in claimed_figures(result)
    assert any("86" in m and "90" in m for m in conflicts(result))


# ── 12. a total stated twice as statements, each beside parts that add up to it ────────────

ROUNDED_PROSE = (
    "二、部门整体支出情况\n全年预算数826.4万元，其中基本支出512.0万元、项目支出314.4万元；"
    "全年支出796.1万元，其中基本支出508.1万元、项目支出288.1万元。\n"
)
EXACT_FORM = (
    "附表\n金额单位：万元\n全年预算数：826.43\n其中基本支出：512.04\n其中项目支出：314.39\n"
    "全年执行数：796.12\n其中基本支出：508.07\n其中项目支出：288.05\n"
)
EXACT = {
    "budget.total": "826.43",
    "budget.basic": "512.04",
    "budget.project": "314.39",
    "executed.total": "796.12",
    "executed.basic": "508.07",
    "executed.project": "288.05",
}


@pytest.mark.parametrize(
    "form",
    [
        EXACT_FORM,
        EXACT_FORM.replace("\n其中基本支出", "；其中基本支出").replace(
            "\n其中项目支出", "；其中项目支出"
        ),
        EXACT_FORM.replace("：", ":"),
    ],
)
def test_the_forms_exact_total_is_read_over_the_proses_rounded_one(form: str) -> None:
    result = imported(ROUNDED_PROSE + form)
    assert {key: str(as_read(result, key)) for key in EXACT} == EXACT
    assert conflicts(result) == []


def test_a_total_beyond_the_rounding_is_not_put_first() -> None:
    # 826.53 is no rounding of 826.4: not the same figure written finer; it is not made the
    # figure read, and the differing part is reported
    form = EXACT_FORM.replace("826.43", "826.53").replace("512.04", "512.14")
    result = imported(ROUNDED_PROSE + form)
    assert as_read(result, "budget.total") != Decimal("826.53")
    assert any("512.14" in m for m in conflicts(result))


# ── 13. a form's money cells as label / amount pairs on one line ─────────────────────────────

PAIRS_PROSE = "二、部门整体支出情况\n全年预算数826.4万元，全年支出796.1万元，预算执行率96.3%。\n"


@pytest.mark.parametrize(
    "line",
    [
        "全年预算数\t826.43\t全年执行数\t796.12\t预算执行率\t96.33%",
        "全年预算数：826.43    全年执行数：796.12    预算执行率：96.33%",
        "全年预算数  826.43    全年执行数  796.12    预算执行率  96.33%",
        "全年预算数\u3000826.43\u3000全年执行数\u3000796.12\u3000预算执行率\u300096.33%",
    ],
)
def test_money_pairs_on_one_line_are_read_as_the_forms_key_value_lines(line: str) -> None:
    result = imported(PAIRS_PROSE + "附表\n金额单位：万元\n" + line + "\n")
    assert as_read(result, "budget.total") == Decimal("826.43")
    assert as_read(result, "executed.total") == Decimal("796.12")
    assert as_read(result, "rates.execution") == Decimal("96.33")


@pytest.mark.parametrize(
    "line",
    [
        "编制数\t64\t实有人数\t91",  # head-counts: the staffing readers' row
        "决策\t20\t过程\t18",  # scores
        "全年预算数826.43万元，全年执行数796.12万元",  # a sentence
    ],
)
def test_other_pairs_stay_as_they_are(line: str) -> None:
    text = normalise(line).text
    assert "\n" not in text and ":" not in text


def test_a_tables_row_under_its_titles_is_no_pair_line() -> None:
    text = "项目\t全年预算数\t本年预算数\t执行数\n基本支出\t512.04\t项目支出\t314.39\n"
    assert "基本支出\t512.04\t项目支出\t314.39" in normalise(text).text


def test_a_two_halves_table_row_among_its_rows_is_no_pair_line() -> None:
    # a 收入支出决算总表 drawn as two halves: its rows stay the table's
    text = (
        "项目\t决算数\t项目\t决算数\n"
        "一般公共预算财政拨款收入\t1,200.00\t基本支出\t800.00\n"
        "本年收入合计\t1,200.00\t本年支出合计\t1,150.00\n"
        "年末结转和结余\t50.00\t\t\n"
    )
    assert "本年收入合计\t1,200.00\t本年支出合计\t1,150.00" in normalise(text).text


# ── 14. a form's money key / value cells flattened one cell per line ───────────────────────

FLAT_PAIRS = (
    "附表\n单位：万元\n全年预算数\n826.43\n其中：基本支出\n512.04\n项目支出\n314.39\n"
    "全年执行数\n796.12\n其中：基本支出\n508.07\n项目支出\n288.05\n预算执行率\n96.33%\n"
)


@pytest.mark.parametrize(
    "form",
    [
        FLAT_PAIRS,
        FLAT_PAIRS.replace("全年预算数\n", "全年预算数：\n").replace(
            "全年执行数\n", "全年执行数：\n"
        ),
    ],
)
def test_flattened_money_pairs_are_read_as_key_value_lines(form: str) -> None:
    result = imported(ROUNDED_PROSE + form)
    assert {key: str(as_read(result, key)) for key in EXACT} == EXACT
    assert as_read(result, "rates.execution") == Decimal("96.33")


@pytest.mark.parametrize(
    "cells",
    [
        "编制数\n41\n实有人数\n50\n",  # head-counts: the staffing readers' cells
        "决策\n20\n过程\n18\n",  # scores
        "基本支出\n512.04\n508.07\n项目支出\n314.39\n288.05\n",  # a flattened table's rows
        "全年预算数\n826.43\n",  # one pair alone
        "项目\n全年预算\n基本支出\n12.00\n项目支出\n34.00\n合计\n46.00\n",  # a one-column table
        "全年预算\n基本支出\n12.00\n项目支出\n34.00\n",  # under its column title
    ],
)
def test_other_cells_one_a_line_stay_as_they_are(cells: str) -> None:
    assert ":" not in normalise("单位：万元\n" + cells).text.split("\n", 1)[1]
