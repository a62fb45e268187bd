"""Classes of the w24 first run (tests/fixtures/corpus/w24-01 … w24-03: provincial 部门整体支出绩效
自评表 variants with little or no prose), pinned by variants written for these tests (not copied
from any report): the figures each must give, and nothing else.

Classes: a form pasted as tab rows with each merged cell written out on every row (a money block
under "项目\t项目\t年初预算数…" whose rows all open on the same caption, "资金情况\t总额\t…";
`_repeated_caption_rows` in table_rates.py); its staffing rows "人员情况\t编制数\t9" (one role
pair after a section caption, `_SECTION_CAPTION` in staffing.py); a 预算执行率 in a sentence about
an earlier year ("2022年度实际支出…，预算执行率95.12%") is that year's, not read (上年结转 names no
earlier year).
"""

from __future__ import annotations

import pytest

from jixiao.importers.document import ReportText
from jixiao.importers.result import ImportResult
from jixiao.importers.text import blocks_from_text, import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县文化馆2023年度部门整体支出绩效自评表\n单位：万元\n"


def imported(text: str) -> ImportResult:
    return import_text(TITLE + text)


def read(text: str) -> dict[str, str]:
    return claimed_figures(imported(text))


# ── 1. a money block whose merged caption is repeated on every row ───────────────────────────

REPEATED = (
    "{h0}\t项目\t{initial}\t{full}\t{spent}\t预算执行率\t权重\t得分\n"
    "{c}\t总额\t300.00\t350.00\t336.00\t96.00%\t10\t9.60\n"
    "{c}\t财政拨款\t290.00\t330.00\t316.00\t95.76%\t/\t/\n"
    "{c}\t其他资金\t10.00\t20.00\t20.00\t100.00%\t/\t/\n"
    "{c}\t基本支出\t200.00\t210.00\t208.00\t99.05%\t/\t/\n"
    "{c}\t项目支出\t100.00\t140.00\t128.00\t91.43%\t/\t/\n"
    "人员情况\t编制数\t12\n"
)
WHOLE = {
    "budget.total": "350",
    "budget.basic": "210",
    "budget.project": "140",
    "executed.total": "336",
    "executed.basic": "208",
    "executed.project": "128",
}


@pytest.mark.parametrize(
    ("h0", "c", "initial", "full", "spent"),
    [
        ("项目", "资金情况", "年初预算数", "调整后预算数", "实际支出数"),
        ("项目", "年度资金", "年初预算数", "全年预算数", "全年执行数"),
        ("资金情况", "资金情况", "年初预算数", "全年预算数", "执行数"),
        ("项目", "预算执行情况", "年初预算", "调整后预算", "实际支出"),
    ],
)
def test_a_money_block_with_its_caption_repeated_on_every_row_is_read(
    h0: str, c: str, initial: str, full: str, spent: str
) -> None:
    figures = read(REPEATED.format(h0=h0, c=c, initial=initial, full=full, spent=spent))
    money = money_only(figures)
    for key, value in WHOLE.items():
        assert money[key] == value
    assert figures["rates.execution"] == "96"
    # the funding-source rows are no 基本 / 项目 and no second total
    assert "330" not in money.values() and "316" not in money.values()


def test_a_caption_that_is_not_the_header_s_merged_title_is_no_caption_column() -> None:
    # the first column is a column of its own ("单位" over the bodies' names), not a caption
    text = (
        "单位\t项目\t全年预算数\t全年执行数\t执行率\n"
        "本级\t工作经费\t50.00\t48.00\t96.00%\n"
        "本级\t专项经费\t30.00\t29.00\t96.67%\n"
    )
    assert money_only(read(text)) == {}


def test_rows_whose_caption_changes_end_the_block() -> None:
    text = REPEATED.format(
        h0="项目", c="资金情况", initial="年初预算数", full="调整后预算数", spent="实际支出数"
    ).replace("资金情况\t项目支出", "其他情况\t项目支出")
    money = money_only(read(text))
    assert money.get("budget.project") != "140"


# ── 2. a staffing row opened by the form's section caption ───────────────────────────────────


@pytest.mark.parametrize("caption", ["人员情况", "人员编制情况", "编制情况"])
def test_a_role_pair_after_a_section_caption_is_read(caption: str) -> None:
    text = (
        f"{caption}\t编制数\t12\n"
        f"{caption}\t实有人数\t15\n"
        f"{caption}\t其中：在职人数\t11\n"
        f"{caption}\t退休人数\t4\n"
    )
    figures = read(text)
    assert figures["staffing.authorized"] == "12"
    assert figures["staffing.in_service"] == "11"
    assert figures["staffing.retired"] == "4"


@pytest.mark.parametrize("first", ["行政人员", "所属中心", "上年人员情况"])
def test_a_role_pair_after_a_type_or_another_body_is_not_read(first: str) -> None:
    figures = read(f"{first}\t编制数\t12\n{first}\t实有人数\t15\n")
    assert "staffing.authorized" not in figures


# ── 3. a rate in a sentence about an earlier year ─────────────────────────────────────────────


@pytest.mark.parametrize(
    "sentence",
    [
        "说明：2022年度实际支出191.27万元，预算执行率95.12%。\n",
        "上年实际支出191.27万元，预算执行率95.12%。\n",
        "去年全年预算执行率95.12%。\n",
    ],
)
def test_an_earlier_year_s_rate_is_not_read(sentence: str) -> None:
    assert "rates.execution" not in read(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "2023年全年预算数200.00万元（含上年结转），实际支出190.00万元，预算执行率95.00%。\n",
        "全年预算200.00万元（含上年结余10.00万元），实际支出190.00万元，预算执行率95.00%。\n",
        "与2022年相比，2023年预算执行率95.00%。\n",
    ],
)
def test_this_year_s_rate_is_read(sentence: str) -> None:
    assert read(sentence)["rates.execution"] == "95"


# ── 4. a flattened form's 实有 count split by bare role words ─────────────────────────────────


@pytest.mark.parametrize(
    ("first", "second"),
    [("其中：在职", "退休"), ("其中在职人数", "退休人数"), ("其中：退休", "在职")],
)
def test_a_flattened_split_of_the_actual_count_by_bare_role_words_is_read(
    first: str, second: str
) -> None:
    counts = {"在职": "16", "退休": "6"}
    one = counts["在职" if "在职" in first else "退休"]
    two = counts["在职" if "在职" in second else "退休"]
    figures = read(f"编制数\n18\n实有人数\n22\n{first}\n{one}\n{second}\n{two}\n内设机构\n3个\n")
    assert figures["staffing.actual_total"] == "22"
    assert figures["staffing.in_service"] == "16"
    assert figures["staffing.retired"] == "6"


@pytest.mark.parametrize(
    "text",
    [
        # the parts miss the 实有 count
        "实有人数\n22\n其中：在职\n15\n退休\n6\n",
        # under the quota, not the 实有 count
        "编制数\n22\n其中：在职\n16\n退休\n6\n",
        # (a split without 其中 that adds up is read since w40: test_w40_form_staffing_and_rates)
        # a role twice
        "实有人数\n22\n在职\n16\n在职\n6\n",
    ],
)
def test_a_split_that_misses_or_stands_under_no_actual_count_is_not_read(text: str) -> None:
    figures = read(text)
    assert "staffing.in_service" not in figures
    assert "staffing.retired" not in figures


# ── 5. a flattened form's money block under a caption, below the form's unit line ─────────────

FLAT_FORM = (
    "部门（单位）名称\n某县文化馆\n"
    "{caption}\n项目\n{budget}\n{spent}\n执行率\n"
    "年度资金总额\n500.00\n480.00\n96.00%\n"
    "{cut1}\n一般公共预算\n470.00\n450.00\n95.74%\n单位自有资金\n30.00\n30.00\n100.00%\n"
    "{cut2}\n基本支出\n320.00\n318.00\n99.38%\n项目支出\n180.00\n162.00\n90.00%\n"
    "年度主要任务\n任务名称\n预算金额\n图书采购\n40.00\n"
)


@pytest.mark.parametrize(
    ("caption", "budget", "spent", "cut1", "cut2"),
    [
        (
            "年度部门整体支出预算执行情况",
            "年度预算数",
            "执行数",
            "按收入性质分：",
            "按支出性质分：",
        ),
        ("预算执行情况", "全年预算数", "全年执行数", "按资金来源分：", "按支出类型分："),
        ("资金使用情况", "预算数", "实际支出数", "按收入来源：", "按支出性质："),
    ],
)
def test_a_flattened_form_block_with_two_cuts_under_the_unit_line_is_read(
    caption: str, budget: str, spent: str, cut1: str, cut2: str
) -> None:
    text = FLAT_FORM.format(caption=caption, budget=budget, spent=spent, cut1=cut1, cut2=cut2)
    figures = read(text)
    assert money_only(figures) == {
        "budget.total": "500",
        "budget.basic": "320",
        "budget.project": "180",
        "executed.total": "480",
        "executed.basic": "318",
        "executed.project": "162",
    } | {k: v for k, v in money_only(figures).items() if k == "budget.initial_total"}
    assert figures["rates.execution"] == "96"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("99.38%", "98.38%"),  # a part row's rate its figures miss
        ("162.00\n90.00%", "160.00\n88.89%"),  # a cut that misses the total
        ("项目\n", "项目\n资金性质\n"),  # a title left over between the label title and columns
        ("470.00\n450.00\n95.74%", "480.00\n460.00\n95.83%"),  # the cut by source misses
    ],
)
def test_a_flattened_form_block_its_arithmetic_does_not_prove_is_not_read(
    old: str, new: str
) -> None:
    text = FLAT_FORM.format(
        caption="预算执行情况",
        budget="年度预算数",
        spent="执行数",
        cut1="按收入性质分：",
        cut2="按支出性质分：",
    ).replace(old, new, 1)
    figures = read(text)
    assert "executed.basic" not in figures and "rates.execution" not in figures


# ── 6. a form laid out with runs of spaces: rows stay rows, the block, the form's unit line ───

COLUMNS = (0, 24, 40, 56, 68, 76)


def spaced(*cells: str, indent: int = 0) -> str:
    """A row laid out with spaces, each cell starting at its display column (an ideograph 2)."""
    line = " " * indent
    for cell, column in zip(cells, COLUMNS, strict=False):
        width = sum(2 if ord(c) >= 0x2E80 else 1 for c in line)
        line += " " * max(column - width, 2 if line.strip() else 0) + cell
    return line + "\n"


def spaced_form(unit: str, budget: str, spent: str, s1: str, s2: str, between: str = "") -> str:
    return (
        "填报单位：某县文化馆（盖章）                    主管部门：某县文旅局\n"
        f"{unit}\n一、基本情况\n"
        "单位性质        公益一类事业单位          内设机构      3个\n"
        f"二、预算执行情况\n{between}"
        + spaced("项目", budget, spent, "执行率", s1, s2)
        + spaced("资金总额", "500.00", "480.00", "96.00%", "10", "9.60")
        + spaced("其中：财政拨款", "470.00", "450.00", "95.74%", indent=2)
        + spaced("上年结转", "30.00", "30.00", "100.00%", indent=8)
        + spaced("基本支出", "320.00", "318.00", "99.38%", indent=2)
        + spaced("项目支出", "180.00", "162.00", "90.00%", indent=2)
        + "三、年度目标完成情况\n"
    )


@pytest.mark.parametrize(
    ("unit", "budget", "spent", "s1", "s2"),
    [
        ("单位：万元", "预算数", "执行数", "分值", "得分"),
        ("金额单位：万元", "全年预算数", "全年执行数", "权重", "得分"),
        ("（单位：万元）", "调整后预算数", "实际支出数", "分值", "评分"),
    ],
)
def test_a_spaced_form_block_with_short_part_rows_under_the_form_s_unit_is_read(
    unit: str, budget: str, spent: str, s1: str, s2: str
) -> None:
    figures = read(spaced_form(unit, budget, spent, s1, s2))
    money = money_only(figures)
    assert money["budget.total"] == "500" and money["executed.total"] == "480"
    assert money["budget.basic"] == "320" and money["executed.project"] == "162"
    assert figures["rates.execution"] == "96"
    assert "470" not in money.values()  # a funding-source row is no total and no 基本/项目


def test_short_rows_that_leave_a_money_column_blank_do_not_prove_a_spaced_block() -> None:
    # the blank columns at the end are no score columns: a cell may be lost anywhere
    text = spaced_form("单位：万元", "预算数", "执行数", "上年数", "增减数")
    assert "executed.basic" not in read(text)


def test_a_unit_line_above_prose_does_not_reach_a_later_table() -> None:
    sentence = "全年工作有序推进，各项资金按进度拨付。\n"
    text = spaced_form("单位：万元", "预算数", "执行数", "分值", "得分", between=sentence)
    assert "executed.basic" not in money_only(read(text))


def test_a_unit_line_over_one_table_does_not_reach_the_next_table() -> None:
    text = (
        "表1 预算执行情况\n单位：万元\n"
        "项目\t全年预算数\t全年支出数\t执行率\n"
        "基本支出\t400.00\t396.00\t99.00%\n项目支出\t100.00\t90.00\t90.00%\n"
        "合计\t500.00\t486.00\t97.20%\n"
        "表2 绩效评价得分表\n"
        "一级指标\t分值\t扣分\t得分\n投入\t20\t1\t19\n产出\t80\t3\t77\n合计\t100\t4\t96\n"
    )
    result = imported(text)
    assert not any("扣分" in finding.message for finding in result.findings)


def test_a_spaced_row_is_not_joined_to_the_next_line_as_wrapped_prose() -> None:
    text = spaced("项目", "预算数", "执行数", "执行率", "分值", "得分") + "资金总额说明文字很长\n"
    lines = [line.text for line in ReportText("<t>", blocks_from_text(TITLE + text)).lines]
    assert lines[-1] == "资金总额说明文字很长"


# ── 7. staffing key/value pairs laid out with spaces ──────────────────────────────────────────


@pytest.mark.parametrize(
    "rows",
    [
        "编制数          18                        实有人数      22\n"
        "在职人数        16                        退休人数      6\n",
        "核定编制    18    实有人员    22\n在职人员    16    退休人员    6\n",
        "编制人数  18  实有人数  22  在职人数  16  退休人数  6\n",
    ],
)
def test_role_pairs_laid_out_with_spaces_are_read(rows: str) -> None:
    figures = read(rows)
    assert figures["staffing.authorized"] == "18"
    assert figures["staffing.actual_total"] == "22"
    assert figures["staffing.in_service"] == "16"
    assert figures["staffing.retired"] == "6"


@pytest.mark.parametrize(
    "rows",
    [
        # one key is no role (a count of offices beside the quota)
        "编制数          18                        内设机构      5\n",
        # last year's
        "上年编制数      18                        上年实有人数  22\n",
        # a single pair is no row of pairs
        "编外聘用人员    14\n",
    ],
)
def test_spaced_pairs_with_a_key_that_is_no_role_are_not_read(rows: str) -> None:
    figures = read(rows)
    assert "staffing.authorized" not in figures
    assert "staffing.actual_total" not in figures


# ── 8. a funding-source row under a table's total row, with no 其中 ───────────────────────────


@pytest.mark.parametrize("source", ["财政拨款", "一般公共预算", "其他资金", "单位自有资金"])
def test_a_source_row_under_the_total_row_is_a_part_and_not_read(source: str) -> None:
    text = (
        "项目\t全年预算数\t全年执行数\t执行率\n"
        "合计\t500.00\t480.00\t96.00%\n"
        f"{source}\t470.00\t450.00\t95.74%\n"
        "基本支出\t320.00\t318.00\t99.38%\n"
        "项目支出\t180.00\t162.00\t90.00%\n"
    )
    result = imported(text)
    money = money_only(claimed_figures(result))
    assert money["budget.total"] == "500" and money["executed.total"] == "480"
    assert not any(f.id == "import.W003" for f in result.findings)


def test_a_source_row_above_any_total_row_is_still_read_as_before() -> None:
    # no total row above it: "财政拨款" there is the department's whole money, as before
    text = "项目\t全年预算数\t全年执行数\n财政拨款\t470.00\t450.00\n"
    assert money_only(read(text)).get("executed.total") == "450"
