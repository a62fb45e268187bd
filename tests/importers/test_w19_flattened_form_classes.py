"""Classes of the w19 first run (tests/fixtures/corpus/w19-02, w19-06), pinned by variants written
for these tests (not copied from any report): the figures each must give, and nothing else.

Classes: a 部门整体支出绩效自评表's money block pasted one cell per line (年初预算数 / 全年预算数 /
全年执行数 / 分值 / 执行率 / 得分), merged cells as empty lines or "/" cells, its rows made tab rows
(`_flattened_form_rows` in normalise.py); "其中：在职人数" / "37" under "实有人数" / "52" in such a
form's staffing cells; economic classes after "按经济分类" beside a 基本/项目 split (a second cut
of the whole, not parts of 项目支出); a score summed from its 一级指标 in a sentence ("…分值20分、
得分17分，合计87.5分") when the 分值 add up to 100 and the 得分 to the sum.
"""

from __future__ import annotations

import pytest

from jixiao.importers.normalise import normalise
from jixiao.importers.result import ImportResult
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县商务局2023年度部门整体支出绩效自评报告\n"


def imported(text: str) -> ImportResult:
    return import_text(TITLE + text)


def read(text: str) -> dict[str, str]:
    return claimed_figures(imported(text))


# ── 1. a 自评表's money block flattened one cell per line ────────────────────────────────────

HEADER = "资金项目（万元）\n年初预算数\n全年预算数\n全年执行数\n分值\n执行率\n得分\n"
TOTAL_ROW = "年度资金总额\n600.00\n640.00\n620.80\n10\n97.00%\n9.70\n"
SPLIT = {
    "budget.initial_total": "600",
    "budget.total": "640",
    "budget.basic": "410",
    "budget.project": "230",
    "executed.total": "620.8",
    "executed.basic": "408",
    "executed.project": "212.8",
}

FORM_BLOCKS = [
    # merged score cells of the part rows as empty lines
    HEADER + TOTAL_ROW + "其中：基本支出\n400.00\n410.00\n408.00\n\n\n\n"
    "项目支出\n200.00\n230.00\n212.80\n\n\n\n",
    # as "/" cells
    HEADER + TOTAL_ROW + "其中：基本支出\n400.00\n410.00\n408.00\n/\n/\n/\n"
    "项目支出\n200.00\n230.00\n212.80\n/\n/\n/\n",
    # the part rows' empty cells dropped in the paste, a 总分 row under the block
    HEADER + TOTAL_ROW + "其中：基本支出\n400.00\n410.00\n408.00\n"
    "项目支出\n200.00\n230.00\n212.80\n总分\n100\n91.2\n",
    # the unit on its own line above, the row-label title 项目, the rate cell as "97.00 %"
    "单位：万元\n项目\n年初预算数\n全年预算数\n全年执行数\n分值\n执行率\n得分\n"
    "年度资金总额\n600.00\n640.00\n620.80\n10\n97.00 %\n9.70\n"
    "其中：基本支出\n400.00\n410.00\n408.00\n－\n－\n－\n项目支出\n200.00\n230.00\n212.80\n－\n－\n－\n",
    # the part rows' own rates, each its spending over its 全年预算数
    HEADER + TOTAL_ROW + "其中：基本支出\n400.00\n410.00\n408.00\n\n99.51%\n\n"
    "项目支出\n200.00\n230.00\n212.80\n\n92.52%\n\n",
]


@pytest.mark.parametrize("text", FORM_BLOCKS)
def test_a_flattened_form_money_block_is_read_by_its_rows(text: str) -> None:
    figures = read(text)
    assert money_only(figures) == SPLIT
    assert figures["rates.execution"] == "97"


def test_funding_source_rows_of_the_block_are_not_basic_or_project() -> None:
    text = (
        "年度预算资金（万元）\n年初预算数\n全年预算数\n全年执行数\n分值\n执行率\n得分\n"
        + TOTAL_ROW
        + "其中：财政拨款\n600.00\n610.00\n590.80\n/\n/\n/\n"
        "上年结转\n/\n30.00\n30.00\n/\n/\n/\n其他资金\n/\n/\n/\n/\n/\n/\n"
    )
    figures = read(text)
    assert not {"budget.basic", "budget.project", "executed.basic", "executed.project"} & set(
        figures
    )
    assert (figures["budget.total"], figures["executed.total"]) == ("640", "620.8")
    assert figures["rates.execution"] == "97"


def test_parts_that_miss_the_blocks_total_are_reported_at_both_places() -> None:
    text = (
        HEADER + "年度资金总额\n600.00\n650.00\n620.80\n10\n95.51%\n9.55\n"
        "其中：基本支出\n400.00\n410.00\n408.00\n\n\n\n项目支出\n200.00\n230.00\n212.80\n\n\n\n"
    )
    result = imported(text)
    assert {"budget.basic", "budget.project", "budget.total"} <= set(result.sources)
    w005 = [f for f in result.findings if f.id == "import.W005"]
    assert len(w005) == 1
    assert "650.00" in w005[0].message and "640.00" in w005[0].message
    assert "410.00" in w005[0].message and "230.00" in w005[0].message


NOT_FORM_BLOCKS = [
    # a part row's rate its figures do not give (408 / 410 is 99.51%) and parts that miss the
    # total (410 + 220 = 630, not 640): a cell may be misplaced (with parts that add up in every
    # money column the rate is read as stated: test_w31_classes.py)
    HEADER + TOTAL_ROW + "其中：基本支出\n400.00\n410.00\n408.00\n\n98.00%\n\n"
    "项目支出\n200.00\n220.00\n212.80\n\n\n\n",
    # the total row's rate its figures do not give, and parts that miss it (418 + 212.80)
    HEADER + "年度资金总额\n600.00\n640.00\n620.80\n10\n96.00%\n9.60\n"
    "其中：基本支出\n400.00\n410.00\n418.00\n项目支出\n200.00\n230.00\n212.80\n",
    # a cell lost in the total row: the rate stands under 全年执行数
    HEADER + "年度资金总额\n600.00\n640.00\n97.00%\n10\n9.70\n"
    "其中：基本支出\n400.00\n410.00\n408.00\n项目支出\n200.00\n230.00\n212.80\n",
    # a cell too many in the total row
    HEADER + "年度资金总额\n600.00\n640.00\n620.80\n10\n97.00%\n9.70\n1\n"
    "其中：基本支出\n400.00\n410.00\n408.00\n项目支出\n200.00\n230.00\n212.80\n",
]


@pytest.mark.parametrize("text", NOT_FORM_BLOCKS)
def test_a_flattened_form_block_with_a_cell_out_of_place_is_not_read(text: str) -> None:
    figures = read(text)
    assert money_only(figures) == {}
    assert "rates.execution" not in figures


def test_a_part_row_that_lost_a_money_cell_ends_the_block_after_the_total_row() -> None:
    # "其中：基本支出" / 410.00 / 408.00: which of the three money columns lost its cell is
    # unknown, so the row (and the rows after it) stay unread; the total row is whole
    text = HEADER + TOTAL_ROW + "其中：基本支出\n410.00\n408.00\n项目支出\n200.00\n230.00\n212.80\n"
    figures = money_only(read(text))
    assert not {"budget.basic", "budget.project", "executed.basic", "executed.project"} & set(
        figures
    )
    assert figures["budget.total"] == "640"


def test_a_flattened_table_without_the_forms_score_columns_stays_one_cell_per_line() -> None:
    # budget / spending / 执行率 only: flat_tables.py reads it by its arithmetic
    text = (
        "单位：万元\n项目\n年初预算数\n全年预算数\n全年执行数\n执行率\n"
        "基本支出\n400.00\n410.00\n408.00\n99.51%\n合计\n600.00\n640.00\n620.80\n97.00%\n"
    )
    assert "\t" not in normalise(text).text


def test_a_sentence_list_of_numbers_is_no_form_row() -> None:
    text = "资金项目\n年初预算数\n全年预算数\n全年执行数\n备注\n说明\n年度资金总额\n1\n2\n3\n4\n5\n"
    assert "\t" not in normalise(text).text


# ── 2. "其中：在职人数" under "实有人数" in a form's staffing cells ──────────────────────────────

STAFF = "部门基本情况\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "编制人数\n39\n实有人数\n52\n其中：在职人数\n37\n退休人数\n15\n",
            {"authorized": "39", "actual_total": "52", "in_service": "37", "retired": "15"},
        ),
        (
            "核定编制\n20\n实有人员\n25\n其中:退休人员\n6\n在职人员\n19\n",
            {"authorized": "20", "actual_total": "25", "in_service": "19", "retired": "6"},
        ),
        ("实有人数\n30\n其中：在职人数\n24人\n", {"actual_total": "30", "in_service": "24"}),
    ],
)
def test_a_role_after_qizhong_under_the_actual_count_is_read(text, expected) -> None:
    figures = read(STAFF + text)
    staffing = {k.split(".", 1)[1]: v for k, v in figures.items() if k.startswith("staffing.")}
    assert staffing == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # under the quota, not the head-count
        ("编制人数\n39\n其中：在职人数\n37\n", {"authorized": "39"}),
        # under a 在职 total: the within-quota part, not the staff in service
        ("在职人数\n40\n其中：在编在职人数\n30\n", {"in_service": "40"}),
        # a part by type under 实有: no role
        ("实有人数\n52\n其中：行政编制\n12\n", {"actual_total": "52"}),
    ],
)
def test_a_qizhong_label_under_another_count_is_not_read(text, expected) -> None:
    figures = read(STAFF + text)
    staffing = {k.split(".", 1)[1]: v for k, v in figures.items() if k.startswith("staffing.")}
    assert staffing == expected


# ── 3. economic classes after "按经济分类" beside a 基本/项目 split ─────────────────────────────

SPENT = "二、支出情况\n全年支出1,127.44万元，其中基本支出508.27万元、项目支出619.17万元"
CLASSES = {
    "executed.total": "1127.44",
    "executed.basic": "508.27",
    "executed.project": "619.17",
    "executed.wages": "398.16",
    "executed.goods_services": "562.8",
    "executed.transfers_households": "24.3",
    "executed.capital": "142.18",
}


@pytest.mark.parametrize(
    "text",
    [
        SPENT + "；按经济分类，工资福利支出398.16万元，商品和服务支出562.80万元，"
        "对个人和家庭的补助24.30万元，资本性支出142.18万元。",
        SPENT + "，从经济分类看，工资福利支出398.16万元、商品和服务支出562.80万元、"
        "对个人和家庭的补助24.30万元、资本性支出142.18万元。",
        SPENT + "；按支出经济分类：工资福利支出398.16万元，商品和服务支出562.80万元，"
        "对个人和家庭的补助24.30万元，资本性支出142.18万元。",
    ],
)
def test_economic_classes_after_an_economic_cut_marker_are_the_wholes(text: str) -> None:
    assert money_only(read(text)) == CLASSES


def test_economic_classes_that_miss_the_total_are_reported() -> None:
    result = imported(
        SPENT + "；按经济分类，工资福利支出398.16万元，商品和服务支出562.80万元，"
        "对个人和家庭的补助24.30万元，资本性支出152.18万元。"
    )
    messages = [f.message for f in result.findings if f.id == "import.W005"]
    assert len(messages) == 1 and "1137.44" in messages[0] and "1127.44" in messages[0]


def test_classes_right_after_project_spending_stay_its_parts() -> None:
    # no 按经济分类: what 项目支出 was spent on, not the department's classes
    text = SPENT + "，主要包括商品和服务支出500.00万元、资本性支出119.17万元。"
    assert money_only(read(text)) == {
        "executed.total": "1127.44",
        "executed.basic": "508.27",
        "executed.project": "619.17",
    }


# ── 4. a score summed from its indicators in a sentence ──────────────────────────────────────

RESULT = "四、自评结果\n"


@pytest.mark.parametrize(
    ("text", "score"),
    [
        (
            "自评表中，预算执行率分值10分、得分9.52分，产出指标分值40分、得分35.6分，效益指标分值30分、"
            "得分25.38分，满意度指标分值20分、得分17分，合计87.5分，评价等级为良好。",
            "87.5",
        ),
        (
            "决策指标分值20分，得分18分；过程指标分值20分，得分17.5分；产出指标分值40分，得分36分；"
            "效益指标分值20分，得分18.2分，总计89.7分。",
            "89.7",
        ),
        (
            "决策指标分值20分、得分18分，过程指标分值20分、得分17.5分，产出指标分值40分、得分36分，"
            "效益指标分值20分、得分18.2分，共计得分89.7分。",
            "89.7",
        ),
    ],
)
def test_a_sum_of_the_indicator_scores_is_the_self_score(text: str, score: str) -> None:
    assert read(RESULT + text).get("score.self") == score


@pytest.mark.parametrize(
    "text",
    [
        # one indicator's sub-scores: the 分值 add up to 40, not 100
        "产出指标中，数量指标分值20分、得分18分，质量指标分值20分、得分17.5分，合计35.5分。",
        # no 分值 listed: nothing proves the list is the whole form
        "预算执行率得分9.52分，产出指标得分35.6分，效益指标得分25.38分，满意度指标得分17分，合计87.5分。",
        # the 得分 do not add up to the sum written
        "预算执行率分值10分、得分9.52分，产出指标分值40分、得分35.6分，效益指标分值30分、得分25.38分，"
        "满意度指标分值20分、得分17分，合计88.5分。",
        # last year's
        "2022年度预算执行率分值10分、得分9.52分，产出指标分值40分、得分35.6分，效益指标分值30分、"
        "得分25.38分，满意度指标分值20分、得分17分，合计87.5分。",
    ],
)
def test_a_sum_not_proven_the_whole_forms_is_not_the_self_score(text: str) -> None:
    assert "score.self" not in read(RESULT + text)
