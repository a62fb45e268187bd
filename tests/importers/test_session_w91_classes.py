"""Classes read since w91, each with wording variants written for these tests (none copied from
a corpus report)."""

from __future__ import annotations

import pytest

from jixiao.frameworks import evaluate_with
from jixiao.importers.pastings.embedded_blocks import money_blocks_set_apart
from jixiao.importers.pastings.staffing_headers import staffing_title_rows_merged
from jixiao.importers.pastings.year_tables import latest_year_of_staffing_tables
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only, stated_rate

PROSE_HEAD = "青峪县林业局2022年度部门整体支出绩效自评报告\n一、部门整体支出情况\n"


def _laid_out(*cells: tuple[int, str]) -> str:
    """A PDF text line: each cell at its display column (an ideograph two wide)."""
    line = ""
    for column, cell in cells:
        width = sum(2 if ord(c) > 0x2E80 else 1 for c in line)
        line += " " * max(column - width, 1) + cell
    return line + "\n"


def _pdf_money_block(
    first: tuple[str, str], second: tuple[str, str], spent: tuple[str, str]
) -> str:
    titles = [(26, first[0]), (40, second[0]), (55, spent[0]), (69, "完成")]
    return (
        _laid_out((52, "单位：万元"))
        + _laid_out(*titles)
        + _laid_out((4, "项目"), (26, first[1]), (40, second[1]), (55, spent[1]), (69, "率"))
        + _laid_out(
            (4, "合计"), (23, "1,240.50"), (37, "1,388.20"), (52, "1,352.64"), (68, "97.44%")
        )
        + _laid_out((4, "基本支出"), (25, "906.30"), (39, "931.70"), (54, "929.05"), (68, "99.72%"))
        + _laid_out((4, "项目支出"), (25, "334.20"), (39, "456.50"), (54, "423.59"), (68, "92.79%"))
        + _laid_out((4, "工资福利支出"), (39, "702.40"), (54, "701.88"), (68, "99.93%"))
        + _laid_out((4, "商品和服务支"))
        + _laid_out((4, "出"), (39, "229.30"), (54, "227.17"), (68, "99.07%"))
        + _laid_out((4, "对个人和家庭的"))
        + _laid_out((4, "补助"), (40, "56.50"), (55, "55.90"), (68, "98.94%"))
        + _laid_out((4, "资本性支出"), (39, "400.00"), (54, "367.69"), (68, "91.92%"))
    )


@pytest.mark.parametrize(
    ("first", "second", "spent"),
    [
        (("年初", "批复"), ("年度", "预算"), ("执行", "金额")),
        (("年初批", "复数"), ("全年预", "算数"), ("执行", "数")),
        (("批复", "预算"), ("调整", "预算"), ("支出", "金额")),
    ],
)
def test_a_pdf_block_whose_year_start_budget_is_its_approval(
    first: tuple[str, str], second: tuple[str, str], spent: tuple[str, str]
) -> None:
    result = import_text(PROSE_HEAD + _pdf_money_block(first, second, spent))
    money = money_only(claimed_figures(result))
    assert money["budget.total"] == "1388.2"
    assert money["executed.total"] == "1352.64"
    assert money["executed.project"] == "423.59"
    assert money["budget.goods_services"] == "229.3"
    assert money["executed.capital"] == "367.69"
    assert stated_rate(result) == "97.44"


WEB_HEAD = "首页 > 政务公开 > 绩效信息\n松岭县卫生健康局2023年度部门整体支出绩效自评报告\n二、预算执行情况\n"


@pytest.mark.parametrize(
    "caption",
    [
        "表1  2023年度预算执行情况（万元）",
        "表一 部门整体支出情况(万元)",
        "2023年度收支执行表（万元）：",
    ],
)
def test_a_web_table_without_outer_bars_whose_second_title_row_opens_empty(caption: str) -> None:
    table = (
        f"{caption}\n"
        "项目 | 预算数 | | 执行数 | 执行率\n"
        " | 年初预算 | 全年预算 | |\n"
        "合计 | 3,120.00 | 3,486.75 | 3,402.18 | 97.57%\n"
        "基本支出 | 2,010.40 | 2,046.30 | 2,040.11 | 99.70%\n"
        "项目支出 | 1,109.60 | 1,440.45 | 1,362.07 | 94.56%\n"
    )
    result = import_text(WEB_HEAD + table)
    money = money_only(claimed_figures(result))
    assert money["budget.total"] == "3486.75"
    assert money["budget.project"] == "1440.45"
    assert money["executed.total"] == "3402.18"
    assert "budget.initial" not in money or money["budget.initial"] == "3120"


def test_a_markdown_row_under_a_header_without_outer_bars_keeps_its_cells() -> None:
    table = (
        "单位：万元\n"
        "项目 | 全年预算数 | 全年执行数\n"
        "|---|---|---|\n"
        "| 合计 | 1,250.00 | 1,198.40 |\n"
        "| 基本支出 | 800.00 | 796.10 |\n"
        "| 项目支出 | 450.00 | 402.30 |\n"
    )
    money = money_only(claimed_figures(import_text(WEB_HEAD + table)))
    assert money["budget.total"] == "1250"
    assert money["executed.project"] == "402.3"


@pytest.mark.parametrize(
    "caption", ["表2  2023年度支出经济分类情况（万元）", "部门支出按经济分类（万元）"]
)
def test_a_table_title_with_its_unit_in_brackets_gives_the_tables_unit(caption: str) -> None:
    table = (
        f"{caption}\n"
        "经济分类科目\t全年预算数\t执行数\n"
        "工资福利支出\t1,612.30\t1,609.85\n"
        "商品和服务支出\t402.00\t398.46\n"
        "对个人和家庭的补助\t32.00\t31.80\n"
    )
    money = money_only(claimed_figures(import_text(WEB_HEAD + table)))
    assert money["budget.wages"] == "1612.3"
    assert money["executed.goods_services"] == "398.46"


def test_a_sentence_ending_on_a_bracketed_unit_is_no_tables_title() -> None:
    table = (
        "全年支出较上年增加，主要用于设备购置等（万元）\n"
        "经济分类科目\t全年预算数\t执行数\n"
        "工资福利支出\t1,612.30\t1,609.85\n"
        "商品和服务支出\t402.00\t398.46\n"
    )
    money = money_only(claimed_figures(import_text(WEB_HEAD + table)))
    assert "budget.wages" not in money


# ── a form or a table dated another year than the title, the report's figures read from it ──

REPORT_2023 = (
    "泸溪县档案馆2023年度部门整体支出绩效自评报告\n"
    "一、基本情况\n本馆2023年度工作任务全面完成。\n"
    "二、自评结论\n经自评，2023年度部门整体支出绩效自评得分91分。\n\n附件\n"
)
FORM_ROWS = (
    "部门（单位）名称\t泸溪县档案馆\n"
    "年度预算执行情况（万元）\t年初预算数\t全年预算数\t全年执行数\t执行率\n"
    "年度资金总额\t286.40\t312.75\t301.18\t96.30%\n"
    "其中：基本支出\t240.00\t248.15\t247.60\t99.78%\n"
    "项目支出\t46.40\t64.60\t53.58\t82.94%\n"
)


def _year_findings(text: str) -> list[str]:
    result = import_text(text)
    return [
        f.message for f in result.findings if f.id in ("import.W013", "import.W018", "import.W019")
    ]


@pytest.mark.parametrize(
    "head",
    [
        "部门整体支出绩效自评表\n（2022年度）\n",
        "部门整体支出绩效自评表（2022年度）\n",
        "附件：部门整体支出绩效评价表\n(2022年度)\n",
        "2022年度部门整体支出绩效自评主要数据一览表\n",
    ],
)
def test_a_form_dated_another_year_whose_figures_were_read(head: str) -> None:
    found = _year_findings(REPORT_2023 + head + FORM_ROWS)
    assert len(found) == 1
    assert "2023" in found[0] and "2022" in found[0]


def test_a_form_dated_the_titles_year_is_no_contradiction() -> None:
    assert _year_findings(REPORT_2023 + "部门整体支出绩效自评表\n（2023年度）\n" + FORM_ROWS) == []


def test_a_form_of_another_year_the_figures_were_not_read_from_is_no_contradiction() -> None:
    scores_only = "一级指标\t二级指标\t分值\t得分\n决策\t目标设定\t10\t9\n过程\t资金管理\t20\t18\n"
    assert (
        _year_findings(REPORT_2023 + "部门整体支出绩效自评表\n（2022年度）\n" + scores_only) == []
    )


@pytest.mark.parametrize(
    "caption",
    [
        "表1 泸溪县档案馆2022年度部门预算收支情况表（单位：万元）",
        "2022年度部门预算执行情况表（万元）",
    ],
)
def test_a_money_table_captioned_another_year_whose_figures_were_read(caption: str) -> None:
    table = (
        "三、预算执行\n2023年度本馆预算收支情况见表1，全年执行率96.30%。\n"
        f"{caption}\n"
        "项目\t年初预算数\t全年预算数\t执行数\t执行率\n"
        "合计\t286.40\t312.75\t301.18\t96.30%\n"
        "基本支出\t240.00\t248.15\t247.60\t99.78%\n"
        "项目支出\t46.40\t64.60\t53.58\t82.94%\n"
    )
    found = _year_findings(REPORT_2023.split("\n\n附件")[0] + "\n" + table)
    assert len(found) == 1
    assert "2022" in found[0]


# ── a whole rate after the spending's split, its amounts written with thousands separators ──

RATE_HEAD = "安平市市场监督管理局2022年度部门整体支出绩效自评报告\n二、部门预算及执行情况\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "全年实际支出11,728.04万元，其中基本支出6,145.92万元、项目支出5,582.12万元，整体执行率96.35%。",
        "全年支出11,728.04万元，其中：基本支出6,145.92万元，项目支出5,582.12万元，执行率96.35%（上年95.80%）。",
        "全年实际支出11,728.04万元，预算执行率96.35%。",
    ],
)
def test_a_misstated_whole_rate_after_the_spending_and_its_split(sentence: str) -> None:
    text = (
        RATE_HEAD
        + "全年预算数为12,486.53万元，其中基本支出预算6,210.48万元、项目支出预算6,276.05万元。\n"
        + sentence
        + "\n"
    )
    result = import_text(text)
    assert stated_rate(result) == "96.35"


def test_a_rate_after_a_projects_split_is_not_the_departments() -> None:
    text = (
        RATE_HEAD
        + "全年预算数为12,486.53万元。全年实际支出11,728.04万元。\n"
        + "项目支出5,582.12万元，其中设备购置1,200.00万元、抽检经费862.40万元，执行率89.10%。\n"
    )
    assert stated_rate(import_text(text)) != "89.10"


# ── staffing: the in-service part in brackets written 在编在岗 ──


@pytest.mark.parametrize(
    "sentence",
    [
        "年末实有68人（在编在岗41人，离退休人员27人）。",
        "年末实有68人（在职在编41人、退休27人）。",
        "年末实有人员68名（在编在岗人员41名，离退休27名）。",
    ],
)
def test_an_actual_count_split_in_brackets_with_its_on_payroll_part(sentence: str) -> None:
    text = (
        "澄江市文史研究中心2023年度部门整体支出绩效自评报告\n3.人员情况。核定事业编制45名。"
        + sentence
    )
    figures = claimed_figures(import_text(text))
    assert figures["staffing.actual_total"] == "68"
    assert figures["staffing.in_service"] == "41"
    assert figures["staffing.retired"] == "27"


# ── the dimensions' scores against the total ──

SCORE_HEAD = "澄江市文史研究中心2023年度部门整体支出绩效自评报告\n四、自评结论\n"


def _dimension_findings(text: str) -> list[str]:
    return [f.message for f in import_text(SCORE_HEAD + text).findings if f.id == "import.W020"]


@pytest.mark.parametrize(
    "paragraph",
    [
        "决策类指标得分17分（满分20分），过程类指标得分18.5分（满分20分），产出类指标得分36分（满分40分），"
        "效益类指标得分18分（满分20分）。综合评分为90.5分，自评等级为“优”。",
        "决策（20分）得17分；过程（20分）得18.5分；产出（40分）得36分；效益（20分）得18分，总得分90.5分。",
        "投入指标得分17分，过程指标得分18.5分，产出指标得分36分，效益指标得分18分，自评得分90.5分。",
    ],
)
def test_dimension_scores_that_miss_the_stated_total(paragraph: str) -> None:
    found = _dimension_findings(paragraph)
    assert len(found) == 1
    assert "89.5" in found[0] and "90.5" in found[0]


@pytest.mark.parametrize(
    "paragraph",
    [
        "决策类指标得分17分，过程类指标得分18.5分，产出类指标得分36分，效益类指标得分19分，综合评分为90.5分。",
        # a list that leaves a dimension out says nothing of the total
        "过程指标得分22.05分，产出指标得分30.6分，效益指标得分20.9分，总得分87.35分。",
    ],
)
def test_dimension_scores_that_make_the_total_or_leave_one_out_are_no_finding(
    paragraph: str,
) -> None:
    assert _dimension_findings(paragraph) == []


# ── a memo item whose name took the budget word: its spending right after it is its own ──


@pytest.mark.parametrize(
    "sentence",
    [
        "政府采购预算3,260.00万元，实际执行3,118.74万元，政府采购执行率95.67%。",
        "政府采购预算3,260.00万元，实际支出3,118.74万元。",
    ],
)
def test_the_spending_after_a_procurement_budget_is_the_procurements(sentence: str) -> None:
    text = (
        "陇中水土保持试验中心2020年度部门整体支出绩效自评报告\n二、预算执行\n"
        "全年预算16,284.00万元，全年实际支出1.5127亿元。\n"
        "预算执行率为92.89%，基本支出、项目支出执行率分别为99.33%和90.71%。" + sentence + "\n"
    )
    result = import_text(text)
    stated = [s["value"] for s in result.dossier_data["stated"] if s["key"] == "executed.total"]
    assert "3118.74" not in stated
    assert not [f for f in result.findings if f.id == "import.W003"]


# ── a whole-year list closed by a semicolon; units' clauses; 支出执行率 ──

ACADEMY_HEAD = "北岭省农业科学院2020年度部门整体支出绩效自评报告\n二、预算执行情况\n"


def test_a_semicolon_closes_the_split_before_the_whole_spending() -> None:
    text = (
        ACADEMY_HEAD
        + "全院2020年度总预算2.8647亿元，基本支出安排1.1236亿元，项目支出安排1.7411亿元；"
        + "当年实际执行2.7105亿元，支出执行率为94.62%。2019年全院支出为2.5873亿元。\n"
    )
    result = import_text(text)
    money = money_only(claimed_figures(result))
    assert money["executed.total"] == "27105"
    assert "executed.project" not in money
    assert stated_rate(result) == "94.62"


@pytest.mark.parametrize("opener", ["从各单位看：", "分单位看，", ""])
def test_the_rates_of_the_units_clause_by_clause_are_not_the_departments(opener: str) -> None:
    text = (
        ACADEMY_HEAD
        + "全年预算28,647.00万元，全年支出27,105.00万元。\n"
        + f"{opener}作物资源研究所预算3,412.86万元，支出3,250.19万元，执行率95.23%；"
        + "玉米研究所预算6,920.35万元，支出6,587.44万元，执行率95.19%。\n"
    )
    assert stated_rate(import_text(text)) is None


def test_the_departments_own_name_opening_the_clause_keeps_its_rate() -> None:
    text = ACADEMY_HEAD + "北岭省农业科学院预算28,647.00万元，支出27,105.00万元，执行率94.62%。\n"
    assert stated_rate(import_text(text)) == "94.62"


# ── a total's numbered items a line each; the quarters' amounts ──

HEALTH_HEAD = "南屏县卫生健康局2023年度部门整体支出绩效自评报告\n二、部门整体支出情况\n"


@pytest.mark.parametrize(
    ("opener", "marks"),
    [
        ("2.预算支出。全年预算总额中：", ("（1）", "（2）")),
        ("调整后预算中：", ("①", "②")),
        ("全年预算数中：", ("1.", "2.")),
    ],
)
def test_numbered_items_under_a_budget_total_are_its_split(
    opener: str, marks: tuple[str, str]
) -> None:
    text = (
        HEALTH_HEAD
        + "年初预算1.9850亿元，年度执行中追加资金4,313.00万元，全年预算总额2.4163亿元。\n"
        + f"{opener}\n"
        + f"{marks[0]}基本支出8,236.51万元，用于保障人员工资福利和机构日常运转；\n"
        + f"{marks[1]}项目支出15,926.49万元，主要包括基本公共卫生服务补助等项目。\n"
        + "全年决算支出2.2816亿元，支出进度94.43%。\n"
    )
    money = money_only(claimed_figures(import_text(text)))
    assert money["budget.basic"] == "8236.51"
    assert money["budget.project"] == "15926.49"
    assert "executed.basic" not in money


@pytest.mark.parametrize(
    "line",
    [
        "（1）一季度：支出3,846.12万元，支出进度15.92%；",
        "上半年：累计支出9,310.57万元。",
        "1-6月：支出9,310.57万元。",
    ],
)
def test_a_quarters_spending_is_not_the_years(line: str) -> None:
    text = (
        HEALTH_HEAD
        + "2023年全年决算支出2.2816亿元，支出进度94.43%。其中基本支出8,201.77万元，项目支出14,614.23万元。\n"
        + "2.分季度执行。\n"
        + line
        + "\n"
    )
    result = import_text(text)
    money = money_only(claimed_figures(result))
    assert money["executed.total"] == "22816"
    assert money["executed.project"] == "14614.23"
    checked = evaluate_with(result.dossier).findings
    assert not [f for f in checked if f.id.startswith("executed.E")]


# ── the adjusted budget said as 预算总规模 / 预算批复及追加合计 ──


@pytest.mark.parametrize(
    "sentence",
    [
        "年初预算21,340.00万元，年中上级追加资金5,578.44万元，预算总规模26,918.44万元。",
        "年初预算21,340.00万元，追加5,578.44万元，本年预算批复及追加合计26,918.44万元。",
        "年初预算21,340.00万元，追加5,578.44万元，年初预算及追加合计26,918.44万元。",
    ],
)
def test_the_years_budget_said_as_its_whole_scale(sentence: str) -> None:
    text = "临江县交通运输局2024年度部门整体支出绩效自评报告\n二、预算执行\n" + sentence + "\n"
    money = money_only(claimed_figures(import_text(text)))
    assert money["budget.total"] == "26918.44"


# ── a form one cell a line whose caption cell over the row labels carries the unit ──


@pytest.mark.parametrize("caption", ["年度预算（万元）", "资金情况（万元）", "预算执行情况(万元)"])
def test_a_form_one_cell_a_line_under_a_caption_with_its_unit(caption: str) -> None:
    cells = [
        "部门（单位）名称", "梧溪市卫生健康委员会", caption,
        "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分",
        "年度资金总额", "19,650.00", "23,816.09", "21,372.58", "10", "89.74%", "8.97",
        "其中：基本支出", "3,050.00", "3,104.72", "3,089.50", "—", "99.51%", "—",
        "项目支出", "16,600.00", "20,711.37", "18,283.08", "—", "88.28%", "—",
    ]  # fmt: skip
    text = "梧溪市卫生健康委员会2021年度部门整体支出绩效自评表\n" + "\n".join(cells) + "\n"
    result = import_text(text)
    money = money_only(claimed_figures(result))
    assert money["budget.total"] == "23816.09"
    assert money["executed.project"] == "18283.08"
    assert stated_rate(result) == "89.74"


# ── a money block pasted inside the indicator table ──

STREET_HEAD = "东岚市泉声街道办事处2021年度部门整体支出绩效自评报告\n三、部门整体支出绩效自评表\n"
INDICATOR_TOP = (
    "\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
    "绩效指标\t产出指标\t数量指标\t老旧小区改造面积\t≥12万平方米\t12.8万平方米\t40\t38\n"
)
INDICATOR_BOTTOM = (
    "\t效益指标\t社会效益指标\t辖区刑事案件发案率下降幅度\t≥5%\t6.2%\t40\t38.85\n"
    "综合得分\t\t\t\t\t\t100\t96.85\n"
)


@pytest.mark.parametrize(
    ("caption", "spent"), [("资金情况（万元）", "全年支出"), ("预算执行情况（万元）", "全年执行数")]
)
def test_a_money_block_inside_the_indicator_table(caption: str, spent: str) -> None:
    money_rows = (
        f"\t{caption}\t\t年初安排\t全年预算\t{spent}\t分值\t执行率\t得分\n"
        "\t\t全年资金合计\t2,860.00\t3,418.27\t3,366.05\t10\t98.47%\t9.85\n"
        "\t\t基本支出\t1,240.00\t1,276.44\t1,270.93\t\t99.57%\n"
        "\t\t项目支出\t1,620.00\t2,141.83\t2,095.12\t\t97.82%\n"
    )
    result = import_text(STREET_HEAD + INDICATOR_TOP + money_rows + INDICATOR_BOTTOM)
    money = money_only(claimed_figures(result))
    assert money["budget.total"] == "3418.27"
    assert money["executed.project"] == "2095.12"
    assert stated_rate(result) == "98.47"
    assert claimed_figures(result)["score.self"] == "96.85"
    assert result.sources["budget.total"].text == "全年资金合计\t2,860.00\t3,418.27"


def test_a_second_title_row_under_a_group_title_is_left_in_its_table() -> None:
    text = (
        "项目\t预算执行情况\t\t\t\t分值\t得分\n"
        "\t年初预算\t全年预算\t全年执行\t执行率\n"
        "资金总额\t642.00\t684.50\t662.14\t96.73%\t10\t9.67\n"
        "其中：财政拨款\t548.00\t612.00\t603.45\t98.60%\n"
    )
    folded, origin = money_blocks_set_apart(text, list(range(len(text))))
    assert folded == text and len(origin) == len(text)


def test_a_money_block_inside_a_wps_table_with_its_captions_written_in_every_row() -> None:
    rows = (
        "金额单位：万元\n"
        "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        "绩效指标\t产出指标\t数量指标\t新建高标准农田面积\t2.2万亩\t2.2万亩\t40\t40\n"
        "绩效指标\t预算执行\t预算执行\t年初预算数\t全年预算数\t全年执行数\t分值\t得分\t执行率\t\n"
        "绩效指标\t预算执行\t年度资金总额\t2,146.80\t3,327.45\t3,104.96\t10\t9.33\t93.31%\t\n"
        "绩效指标\t预算执行\t其中：基本支出\t1,006.30\t1,038.72\t1,036.18\t\t\t99.76%\t\n"
        "绩效指标\t预算执行\t项目支出\t1,140.50\t2,288.73\t2,068.78\t\t\t90.39%\t\n"
        "绩效指标\t效益指标\t社会效益指标\t区域性重大动物疫情发生次数\t0次\t0次\t50\t48.5\n"
        "总分\t\t\t\t\t\t100\t97.83\n"
    )
    result = import_text("漳源县农业农村局2022年度部门整体支出绩效自评表\n" + rows)
    money = money_only(claimed_figures(result))
    assert money["budget.total"] == "3327.45"
    assert money["executed.basic"] == "1036.18"
    assert stated_rate(result) == "93.31"


def test_a_money_block_closing_the_indicator_table_with_bracketed_budget_titles() -> None:
    rows = (
        "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        "\t满意度指标\t服务对象满意度指标\t企业和群众满意度\t≥90%\t91.6%\t90\t86.99\n"
        "年度部门整体支出预算（万元）\t资金来源\t预算数（年初）\t预算数（调整后）\t决算数\t分值\t执行率\t得分\n"
        "\t合计\t9,654.30\t10,378.77\t9,861.40\t10\t95.02%\t9.50\n"
        "\t其中：基本支出\t6,310.20\t6,482.15\t6,455.03\t\t99.58%\n"
        "\t项目支出\t3,344.10\t3,896.62\t3,406.37\t\t87.42%\n"
        "总分\t\t\t\t\t\t100\t96.49\n"
    )
    result = import_text("澄浦市市场监督管理局2023年度部门整体支出绩效自评表\n" + rows)
    money = money_only(claimed_figures(result))
    assert money["budget.total"] == "10378.77"
    assert money["budget.basic"] == "6482.15"
    assert money["executed.total"] == "9861.4"
    assert claimed_figures(result)["score.self"] == "96.49"


# ── a share in brackets after a part; an adjusted budget's split in brackets ──

FINAL_HEAD = "澄江市司法局2022年度部门决算\n2.3 支出决算情况\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "2022年度本年支出决算数5,236.91万元，包括基本支出2,846.05万元（54.35%）和项目支出2,390.86万元（45.65%）。",
        "本年支出5,236.91万元，其中基本支出2,846.05万元(占54.35%)，项目支出2,390.86万元(占45.65%)。",
    ],
)
def test_a_share_in_brackets_after_a_part_is_not_the_next_parts_label(sentence: str) -> None:
    money = money_only(claimed_figures(import_text(FINAL_HEAD + sentence + "\n")))
    assert money["executed.basic"] == "2846.05"
    assert money["executed.project"] == "2390.86"


@pytest.mark.parametrize(
    "sentence",
    [
        "年初预算4,980.00万元（基本支出2,760.00万元、项目支出2,220.00万元），"
        "年中调整后预算5,472.60万元（基本支出2,912.30万元、项目支出2,560.30万元）。",
        "年初预算4,980.00万元，调整后预算5,472.60万元（基本支出2,912.30万元，项目支出2,560.30万元）。",
    ],
)
def test_the_adjusted_budgets_split_in_brackets_beside_the_initial_budget(sentence: str) -> None:
    text = "澄江市司法局2022年度部门整体支出绩效自评报告\n二、预算执行\n" + sentence + "\n"
    money = money_only(claimed_figures(import_text(text)))
    assert money["budget.total"] == "5472.6"
    assert money["budget.basic"] == "2912.3"
    assert money["budget.project"] == "2560.3"


# ── 可用预算合计 and 支出完成率; a total after the retired's split in brackets ──


def test_the_years_available_budget_and_the_spendings_completion_rate() -> None:
    text = (
        "阿拉善右旗卫生健康委员会2023年度部门整体支出绩效自评报告\n二、部门整体支出情况\n"
        "年初下达部门预算1,862.3万元，年度中追加2,417.6万元，调减95.4万元。预算变更后，本年度可用预算合计"
        "4,184.5万元，其中基本支出1,126.8万元，项目支出3,057.7万元。\n"
        "全年共支出4,102.7万元，支出完成率达98.05%，其中基本支出1,120.5万元，项目支出2,982.2万元。\n"
    )
    result = import_text(text)
    money = money_only(claimed_figures(result))
    assert money["budget.total"] == "4184.5"
    assert money["budget.project"] == "3057.7"
    assert stated_rate(result) == "98.05"


@pytest.mark.parametrize("closing", ["合计44人", "共计44人", "总计44人"])
def test_a_total_after_the_retireds_split_in_brackets_is_the_head_count(closing: str) -> None:
    text = (
        "阿拉善右旗卫生健康委员会2023年度部门整体支出绩效自评报告\n一、基本情况\n"
        f"核定编制32名，现有在职职工30人，离退休人员14人（离休0人，退休14人），{closing}。\n"
    )
    figures = claimed_figures(import_text(text))
    assert figures["staffing.actual_total"] == "44"
    assert figures["staffing.in_service"] == "30"


# ── 预算指标 and 支出率; a named project's or fund's spending; a 决算 table under "金额" ──

ROADS_HEAD = "清平县交通运输局2021年度部门整体支出绩效自评报告\n二、部门整体支出情况\n"


def test_the_years_budget_allocation_and_its_spending_rate() -> None:
    text = (
        ROADS_HEAD
        + "经调整，我局2021年全年预算指标为7,396.47万元，其中基本支出906.35万元，项目支出6,490.12万元。\n"
        + "3.预算执行。2021年我局全年支出总额6,981.20万元，支出率94.39%。\n"
    )
    result = import_text(text)
    assert money_only(claimed_figures(result))["budget.total"] == "7396.47"
    assert stated_rate(result) == "94.39"


@pytest.mark.parametrize(
    "sentence",
    [
        "食品安全抽检项目：全年完成抽检3,860批次，项目支出443.90万元。",
        "知识产权奖补资金兑付企业186家，支出805.00万元。",
        "（2）农村公路养护工程：完成养护里程326公里，实际支出612.40万元。",
    ],
)
def test_a_named_projects_or_funds_spending_is_not_the_departments(sentence: str) -> None:
    text = (
        ROADS_HEAD
        + "全年预算数13,582.64万元，决算数13,107.54万元，预算执行率为96.50%。\n"
        + sentence
        + "\n"
    )
    result = import_text(text)
    money = money_only(claimed_figures(result))
    assert money["executed.total"] == "13107.54"
    assert "executed.project" not in money
    assert not [f for f in result.findings if f.id == "import.W003"]


def test_a_final_accounts_table_whose_only_column_is_titled_amount() -> None:
    text = (
        ROADS_HEAD
        + "表1　2021年度收入支出决算汇总表（单位：元）\n"
        + "项目\t金额\n本年收入合计\t128,406,522.18\n本年支出合计\t131,075,394.62\n"
        + "　基本支出\t86,412,038.17\n　项目支出\t44,663,356.45\n年末结转和结余\t7,173,233.89\n"
    )
    money = money_only(claimed_figures(import_text(text)))
    assert money["executed.total"] == "13107.539462"
    assert money["executed.basic"] == "8641.203817"


# ── an indicator table's money rows: the target the budget, the result the spending ──

INDICATOR_HEAD = (
    "岷川县农业农村局2022年度部门整体支出绩效自评报告\n二、绩效目标完成情况\n"
    "2022年年初部门预算2,410.00万元，全年调整后预算数为2,865.30万元。\n"
    "一级指标\t二级指标\t三级指标\t年度目标值\t实际完成值\t分值\t得分\n"
)


@pytest.mark.parametrize("part", ["其中：基本支出", "基本支出"])
def test_an_indicator_tables_money_rows_by_their_columns(part: str) -> None:
    rows = (
        "预算执行\t资金投入\t年度预算资金总额\t2,865.30万元\t2,865.30万元\t—\t—\n"
        "\t\t实际支出\t≤2,865.30万元\t2,765.73万元\t—\t—\n"
        f"\t\t{part}\t1,046.82万元\t1,031.40万元\t—\t—\n"
        "\t\t项目支出\t1,818.48万元\t1,734.33万元\t—\t—\n"
        "\t执行进度\t预算执行率\t≥95%\t96.52%\t10\t9.65\n"
        "效益指标\t社会效益\t耕地地力保护补贴兑付资金\t1,284.60万元\t1,284.60万元\t8\t8\n"
    )
    money = money_only(claimed_figures(import_text(INDICATOR_HEAD + rows)))
    assert money["executed.total"] == "2765.73"
    assert money["budget.total"] == "2865.3"
    assert money["budget.basic"] == "1046.82"
    assert money["executed.basic"] == "1031.4"
    assert money["budget.project"] == "1818.48"
    assert money["executed.project"] == "1734.33"


# ── 变动后预算; the budget's spending side "同为"; a split opened by 分性质看 ──

TOWN_HEAD = "青溪县石门镇人民政府2019年度部门整体支出绩效自评报告\n二、预算执行情况\n"


def test_the_budget_after_its_changes_said_as_changed() -> None:
    text = (
        TOWN_HEAD
        + "县财政核定我镇年初预算1,126.80万元；年中追加191.65万元，变动后预算总额为1,318.45万元。"
        + "按支出性质，基本支出842.17万元，项目支出476.28万元。\n"
        + "全年支出合计1,287.60万元，执行率97.66%。\n"
    )
    money = money_only(claimed_figures(import_text(text)))
    assert money["budget.total"] == "1318.45"
    assert money["budget.basic"] == "842.17"


def test_a_budgets_split_after_分性质看_is_not_the_spending() -> None:
    text = (
        TOWN_HEAD
        + "年初预算9,980.00万元，全年预算收入合计1.0864亿元。全年预算支出同为1.0864亿元，分性质看，"
        + "基本支出3,285.47万元、项目支出7,578.53万元。\n"
        + "全年实际支出10,391.26万元，其中基本支出3,270.18万元，项目支出7,121.08万元，执行率95.65%。\n"
    )
    result = import_text(text)
    money = money_only(claimed_figures(result))
    assert money["budget.total"] == "10864"
    assert money["executed.basic"] == "3270.18"
    assert not [f for f in result.findings if f.id == "import.W003"]


# ── a staffing table comparing years, cut to its latest year ──

YEARS_HEAD = (
    "清河区民政局2021年度部门整体支出绩效自评报告\n一、部门基本情况\n局机关人员情况如下：\n"
)


@pytest.mark.parametrize(
    "table",
    [
        "时点\t编制数\t实有人数\t在职\t退休\n2020年末\t24\t36\t22\t14\n2021年末\t24\t37\t22\t15\n",
        "人员情况\t2019年末\t2020年末\t2021年末\n编制数\t24\t24\t24\n在职人数\t21\t22\t22\n"
        "退休人数\t13\t14\t15\n实有人数合计\t34\t36\t37\n",
    ],
)
def test_a_staffing_table_comparing_years_gives_the_latest_years_counts(table: str) -> None:
    figures = claimed_figures(import_text(YEARS_HEAD + table))
    assert figures["staffing.authorized"] == "24"
    assert figures["staffing.actual_total"] == "37"
    assert figures["staffing.in_service"] == "22"
    assert figures["staffing.retired"] == "15"


def test_a_table_of_years_that_is_no_staffing_table_is_left_whole() -> None:
    text = "项目\t2022年\t2023年\n全年预算\t812.40\t906.30\n全年支出\t790.16\t884.57\n"
    folded, origin = latest_year_of_staffing_tables(text, list(range(len(text))))
    assert folded == text and len(origin) == len(text)


# ── 预算总额调增至; classes under 全年预算中; 支出决算 over the budget ──


def test_the_budget_raised_to_and_its_classes_under_the_years_budget() -> None:
    text = (
        "临川市退役军人事务局2021年度部门整体支出绩效自评报告\n二、部门整体支出情况\n"
        "二〇二一年部门收入预算年初数为3,108.00万元。年中追加资金，预算总额调增至3,562.40万元。\n"
        "（二）按经济分类划分：全年预算中，工资福利支出612.35万元，商品和服务支出498.76万元，"
        "对个人和家庭的补助2,106.40万元，资本性支出344.89万元。\n"
    )
    money = money_only(claimed_figures(import_text(text)))
    assert money["budget.total"] == "3562.4"
    assert money["budget.wages"] == "612.35"
    assert money["budget.capital"] == "344.89"


def test_the_final_spending_as_a_share_of_the_years_budget() -> None:
    text = (
        "临川市康复辅具中心2024年度部门整体支出绩效自评报告\n二、预算\n全年预算合计1,438.72万元。\n"
        "全年支出决算1,402.05万元，占全年预算的97.45%。\n"
    )
    assert stated_rate(import_text(text)) == "97.45"


# ── a staffing table by kind of quota, its 合计 row under bare role titles or a group title ──

QUOTA_TABLE_HEAD = (
    "清河县水利局2024年度部门整体支出绩效自评报告\n一、基本情况\n人员编制与实有人数统计表\n"
)
QUOTA_ROWS = (
    "行政编制\t12\t17\t11\t6\t1\n事业编制\t58\t84\t55\t29\t3\n工勤编制\t3\t6\t2\t4\t1\n"
    "合计\t73\t107\t68\t39\t5\n"
)


@pytest.mark.parametrize(
    "titles",
    [
        "编制类型\t编制数\t实有人数\t在职\t退休\t空编\n",
        "编制类型\t编制数\t实有人数\t\t\t空编\n\t\t小计\t在职\t退休\n",
        "类别\t编制数\t实有人员\t\t\t缺编\n\t\t合计\t在职\t退休\n",
    ],
)
def test_a_quota_table_totals_roles_under_bare_or_grouped_titles(titles: str) -> None:
    figures = claimed_figures(import_text(QUOTA_TABLE_HEAD + titles + QUOTA_ROWS))
    assert figures["staffing.authorized"] == "73"
    assert figures["staffing.actual_total"] == "107"
    assert figures["staffing.in_service"] == "68"
    assert figures["staffing.retired"] == "39"


def test_a_group_of_vehicles_over_its_quota_and_count_is_left_as_it_is() -> None:
    text = "人员情况\t批复编制\t实有人数\t\t车辆\t\n\t\t在职\t已退休\t编制数\t实有数\n\t45\t41\t23\t4\t4\n"
    folded, origin = staffing_title_rows_merged(text, list(range(len(text))))
    assert folded == text and len(origin) == len(text)


# ── a template's blanks filled in: values in brackets or between underscores ──

TEMPLATE_HEAD = "岷川县农业农村局2021年度部门整体支出绩效自评报告\n"


@pytest.mark.parametrize(
    ("staffing", "money", "result"),
    [
        (
            "本部门编制数（ 45 ）人，实有人数（ 52 ）人，其中：在职人员（ 38 ）人，退休人员（ 14 ）人。",
            "全年预算数（ 1,412.75 ）万元。全年实际支出（ 1,361.48 ）万元；预算执行率（ 96.37 ）%。",
            "自评得分（ 91.5 ）分，自评等级（ 优 ）。",
        ),
        (
            "编制数____45____人，实有人数____52____人，其中在职人员____38____人，退休人员____14____人。",
            "全年预算数_____1,412.75_____万元。全年实际支出_____1,361.48_____万元，执行率____96.37____%。",
            "自评得分____91.5____分，自评等级为____优____。",
        ),
    ],
)
def test_a_templates_filled_blanks(staffing: str, money: str, result: str) -> None:
    text = (
        TEMPLATE_HEAD
        + "一、部门概况\n"
        + staffing
        + "\n二、预算执行情况\n"
        + money
        + "\n三、自评结论\n"
        + result
        + "\n"
    )
    imported = import_text(text)
    figures = claimed_figures(imported)
    assert figures["staffing.actual_total"] == "52"
    assert figures["staffing.retired"] == "14"
    assert figures["budget.total"] == "1412.75"
    assert figures["executed.total"] == "1361.48"
    assert stated_rate(imported) == "96.37"
    assert figures["score.self"] == "91.5"


def test_a_budget_items_classes_on_the_next_line_are_not_taken_for_spending() -> None:
    text = (
        TEMPLATE_HEAD
        + "二、预算情况\n1.预算安排：本年度预算数3,106.82万元，其中：基本支出1,247.35万元，项目支出1,859.47万元。\n"
        + "按经济分类：工资福利支出986.20万元；商品和服务支出1,384.27万元；对个人和家庭的补助15.45万元；"
        + "资本性支出720.90万元。\n"
        + "2.预算执行：本年度实际支出2,957.60万元。\n"
    )
    money = money_only(claimed_figures(import_text(text)))
    assert "executed.wages" not in money


# ── pairs (and triples with the rate) in a declared order ──

PAIRS_HEAD = "临江市市场监督管理局2023年度部门整体支出绩效自评报告\n二、预算执行情况\n"


def test_triples_of_budget_spending_and_rate_in_a_declared_order() -> None:
    text = (
        PAIRS_HEAD
        + "以下各项按“预算数/执行数/执行率”依次列示，金额单位为万元：\n"
        + "部门支出合计：8,736.42/8,402.17/96.17%\n"
        + "基本支出：5,120.66/5,098.31/99.56%\n项目支出：3,615.76/3,303.86/91.37%\n"
        + "2022年度我局执行数为8,011.25万元，2023年较上年增长4.88%。\n"
    )
    money = money_only(claimed_figures(import_text(text)))
    assert money["budget.total"] == "8736.42"
    assert money["executed.total"] == "8402.17"
    assert money["executed.project"] == "3303.86"


def test_pairs_in_yuan_declared_as_listed_in_turn() -> None:
    text = (
        PAIRS_HEAD
        + "（一）收支预算执行总体情况（每项依次为预算数、决算数，单位：元）\n"
        + "部门支出总计58,634,217.45/55,102,486.13，其中：基本支出21,406,338.20/21,287,903.66，"
        + "项目支出37,227,879.25/33,814,582.47。\n"
    )
    money = money_only(claimed_figures(import_text(text)))
    assert money["budget.total"] == "5863.421745"
    assert money["executed.total"] == "5510.248613"
    assert money["executed.basic"] == "2128.790366"


@pytest.mark.parametrize(
    "declaration",
    [
        "全年预算及执行情况如下（每项金额后括号内为全年执行数，单位：万元）：",
        "以下金额单位为万元，括号内为实际支出数。",
    ],
)
def test_an_amount_and_its_spending_in_brackets_as_declared(declaration: str) -> None:
    text = (
        PAIRS_HEAD
        + "年初预算1,980.00万元，年度中追加资金166.73万元。\n"
        + declaration
        + "\n部门预算总额2,146.73（2,087.19），预算执行率97.23%；\n"
        + "基本支出1,312.40（1,305.66），项目支出834.33（781.53）；\n"
        + "（二）与上年对比（括号内为2022年决算数）。2023年决算支出2,087.19万元（1,954.62万元）。\n"
    )
    money = money_only(claimed_figures(import_text(text)))
    assert money["budget.total"] == "2146.73"
    assert money["executed.total"] == "2087.19"
    assert money["executed.project"] == "781.53"
    assert money["budget.basic"] == "1312.4"


def test_pairs_declared_first_and_second_with_the_spending_first() -> None:
    text = (
        "清溪县石门镇人民政府2024年度部门整体支出绩效自评报告\n二、部门整体支出情况\n"
        "注：以下“X/Y”格式中，前一数为实际支出数，后一数为调整后预算数，单位万元。\n"
        "2.支出总体情况。全年镇本级支出4,102.37/4,388.90，执行率93.47%，比2023年（3,876.12万元）增长5.84%。\n"
    )
    result = import_text(text)
    money = money_only(claimed_figures(result))
    assert money["executed.total"] == "4102.37"
    assert money["budget.total"] == "4388.9"
    assert stated_rate(result) == "93.47"


@pytest.mark.parametrize(
    ("sentence", "key", "value"),
    [
        ("本中心2023年度部门整体支出绩效自评分( 94.20 )分，等级( 优秀 )。", "score.self", "94.2"),
        ("经自评，自评分为88.5分。", "score.self", "88.5"),
        ("全年预算数815.40万元，全年支出798.05万元，预算支出执行率_97.87_%。", "rate", "97.87"),
    ],
)
def test_a_score_said_as_自评分_and_a_rate_said_as_预算支出执行率(
    sentence: str, key: str, value: str
) -> None:
    result = import_text(
        "青溪县档案馆2023年度部门整体支出绩效自评报告\n五、自评结论\n" + sentence + "\n"
    )
    got = stated_rate(result) if key == "rate" else claimed_figures(result).get(key)
    assert got == value
