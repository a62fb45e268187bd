"""Classes of the w15 first run (tests/fixtures/corpus/w15-02, w15-03, w15-04), each pinned by
variants written for these tests (not copied from any report, nor from the corpus files): the
figures each must give, and nothing else (precision first). Each class has variants that must NOT
be read.

Classes: a year in Chinese numerals (二〇二三年度) before a money label; a bare 得分 column of a
one-row result table beside its 等级 column; a form's money block whose header titles are wrapped
onto a second row, with a short label row ("按支出类型：") between its rows, and a 上年结转 row
under a spending column; a form row of staffing key/value pairs among rows of other widths.
"""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

BUREAU = "某县林业局2023年度部门整体支出绩效自评报告\n一、基本情况\n"


def read(text: str, title: str = BUREAU) -> dict[str, str]:
    return claimed_figures(import_text(title + text))


def staffing(figures: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in figures.items() if k.startswith("staffing.")}


# ── 1. a year in Chinese numerals ───────────────────────────────────────────────────────────

CHINESE_YEARS = [
    (
        "二〇二三年度全年预算数5,120千元，其中：基本支出3,100千元，项目支出2,020千元。",
        {"budget.total": "512", "budget.basic": "310", "budget.project": "202"},
    ),
    ("二零二三年支出决算4,860千元。", {"executed.total": "486"}),
    ("二〇二三年全年实际支出486.00万元。", {"executed.total": "486"}),
]


@pytest.mark.parametrize(("text", "expected"), CHINESE_YEARS)
def test_a_year_in_chinese_numerals_is_a_year(text: str, expected: dict[str, str]) -> None:
    assert money_only(read(text)) == expected


def test_last_year_in_chinese_numerals_is_set_aside() -> None:
    text = "二〇二二年度全年实际支出4,860千元；二〇二三年度全年实际支出5,010千元。"
    assert money_only(read(text)) == {"executed.total": "501"}


def test_numerals_no_year_starts_with_are_not_a_year() -> None:
    assert money_only(read("三五二三年全年预算数5,120千元。")) == {}


# ── 2. a bare 得分 beside a 等级 in a one-row result table ─────────────────────────────────────

RESULT_TABLES = [
    ("评价结论\t得分\t等级\n预算执行较好，目标基本完成\t91.5\t优\n", "91.5", "优"),
    ("结论\t总分\t评价等级\n绩效目标全面实现\t88\t良\n", "88", "良"),
    (
        "| 评价结论 | 得分（分） | 等次 |\n| --- | --- | --- |\n| 总体较好 | 86.3 | 良 |\n",
        "86.3",
        "良",
    ),
]


@pytest.mark.parametrize(("table", "score", "grade"), RESULT_TABLES)
def test_a_bare_score_beside_a_grade_is_the_self_score(table: str, score: str, grade: str) -> None:
    figures = read("六、自评结论\n" + table)
    assert figures.get("score.self") == score
    assert figures.get("grade.self") == grade


@pytest.mark.parametrize(
    "table",
    [
        # one project's score and grade
        "项目名称\t得分\t等级\n林区道路维护项目\t91.5\t优\n",
        # no grade beside it
        "评价结论\t得分\t备注\n预算执行较好\t91.5\t无\n",
        # several rows: a score per indicator
        "评价结论\t得分\t等级\n投入\t18\t优\n产出\t36\t良\n",
    ],
)
def test_a_bare_score_without_its_grade_is_not_read(table: str) -> None:
    assert "score.self" not in read("六、自评结论\n" + table)


# ── 3. a form's money block with its titles wrapped onto a second row ───────────────────────

FORM = (
    "填报单位：某县林业局\t主管部门：某县人民政府\t金额单位：万元\n"
    "部门基本信息\n"
    "内设机构\t5个\t下属单位\t县林场\n"
    "年度预算资金情况\n"
    "资金项目\t年初\t全年\t全年\t分值\t执行率\t得分\n"
    "\t预算数\t预算数\t执行数\n"
    "年度资金总额\t900.00\t960.00\t912.00\t10\t95.00%\t9.5\n"
    "其中：本年财政拨款\t900.00\t940.00\t892.00\t—\t—\t—\n"
    "上年结转资金\t—\t20.00\t20.00\t—\t—\t—\n"
    "按支出类型：\n"
    "基本支出\t600.00\t610.00\t605.00\t—\t—\t—\n"
    "项目支出\t300.00\t350.00\t307.00\t—\t—\t—\n"
)


def test_a_wrapped_header_over_a_form_block_titles_its_columns() -> None:
    assert money_only(read(FORM)) == {
        "budget.initial_total": "900",
        "budget.total": "960",
        "budget.basic": "610",
        "budget.project": "350",
        "budget.carryover_prior": "20",
        "executed.total": "912",
        "executed.basic": "605",
        "executed.project": "307",
    }


def test_a_carryover_row_under_a_spending_column_is_not_the_carryover() -> None:
    figures = money_only(read(FORM))
    assert figures["budget.carryover_prior"] == "20"  # not 20 + 20


@pytest.mark.parametrize(
    "second",
    [
        # a number in the second row: a row of figures, not titles
        "\t预算数\t960.00\t执行数\n",
        # its first cell not empty: a row of its own
        "合计\t预算数\t预算数\t执行数\n",
    ],
)
def test_a_second_row_that_is_not_wrapped_titles_leaves_the_block_unread(second: str) -> None:
    text = FORM.replace("\t预算数\t预算数\t执行数\n", second)
    figures = money_only(read(text))
    assert "budget.total" not in figures and "executed.total" not in figures


def test_a_sentence_between_rows_ends_the_block() -> None:
    text = FORM.replace("按支出类型：\n", "以下为按支出类型划分的情况，供参考。\n")
    figures = money_only(read(text))
    assert "budget.basic" not in figures and "executed.basic" not in figures


# ── 4. a form row of staffing key/value pairs ─────────────────────────────────────────────────

STAFF_ROWS = [
    (
        "编制人数\t30\t在职人数\t27\t退休人数\t9\n内设机构\t5个\t下属单位\t县林场\n",
        {"staffing.authorized": "30", "staffing.in_service": "27", "staffing.retired": "9"},
    ),
    (
        "核定编制\t30人\t退休人员\t9人\n单位地址\t某县城关镇\n",
        {"staffing.authorized": "30", "staffing.retired": "9"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), STAFF_ROWS)
def test_a_row_of_role_pairs_among_other_rows_is_read(text: str, expected: dict[str, str]) -> None:
    assert staffing(read(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # one key names no role: the row does not prove its pairs
        "编制人数\t30\t内设机构\t5\n单位地址\t某县城关镇\n",
        # last year's
        "上年编制人数\t30\t上年在职人数\t27\n单位地址\t某县城关镇\n",
        # a value that is not a count
        "编制人数\t30\t在职人数\t约27\n单位地址\t某县城关镇\n",
    ],
)
def test_a_row_of_pairs_that_does_not_prove_itself_is_not_read(text: str) -> None:
    assert staffing(read(text)) == {}


# ── 5. a 自评表's 总分 under indicators scored 90, the budget's execution scored in the money block ─

SCORED_FORM = (
    "金额单位：万元\n"
    "资金项目\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
    "年度资金总额\t900.00\t960.00\t912.00\t10\t95.00%\t9.5\n"
    "年度绩效指标\n"
    "一级\t二级\t三级\t年度\t实际\t分值\t得分\n"
    "指标\t指标\t指标\t指标值\t完成值\n"
    "产出指标\t数量指标\t造林面积\t≥500亩\t520亩\t40\t40\n"
    "效益指标\t生态效益指标\t苗木成活率\t≥90%\t88%\t30\t27\n"
    "满意度指标\t服务对象满意度指标\t林农满意度\t≥90%\t93%\t20\t20\n"
    "总分\t\t\t\t100\t{total}\n"
)


def findings_of(text: str) -> list[str]:
    return [finding.id for finding in import_text(BUREAU + text).findings]


def test_the_total_of_a_form_scored_in_two_tables_is_the_self_score() -> None:
    text = SCORED_FORM.format(total="96.5")
    assert read(text).get("score.self") == "96.5"
    assert "import.W016" not in findings_of(text)


def test_a_form_total_its_parts_miss_is_kept_and_reported() -> None:
    text = SCORED_FORM.format(total="95.5")  # 9.5 + 40 + 27 + 20 = 96.5
    assert read(text).get("score.self") == "95.5"
    result = import_text(BUREAU + text)
    (finding,) = [f for f in result.findings if f.id == "import.W016"]
    assert "95.5" in finding.message and "96.5" in finding.message


@pytest.mark.parametrize(
    "change",
    [
        # the indicators' 分值 and the money block's do not make 100: not this form's total
        ("\t40\t40\n", "\t35\t35\n"),
        # no 年度资金总额 row scored above
        ("\t10\t95.00%\t9.5\n", "\t—\t95.00%\t—\n"),
        # a third number in the 总分 row: which one is the score is not proven
        ("总分\t\t\t\t100\t", "总分\t\t\t90\t100\t"),
    ],
)
def test_a_form_total_that_is_not_proven_is_not_read(change: tuple[str, str]) -> None:
    text = SCORED_FORM.format(total="96.5").replace(*change)
    assert "score.self" not in read(text)
