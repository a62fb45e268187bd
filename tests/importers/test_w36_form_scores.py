"""Scores, rates and years of a 自评表 pasted as text (sets w32–w36, form-only reports): the score
table's total row (its label, the whole's 分值 100 and the score, far right after runs of spaces
or closed up by the PDF's single spaces), the 预算执行率 indicator row of a table laid out with
spaces, a bare 执行率 in the form's 说明 that the form's whole-funds row states and makes from its
amounts, and the form's 预算年度 cell against the title's year. Each with variants written for the
test, including ones that must not be read."""

from __future__ import annotations

import pytest

from jixiao.core.findings import Finding
from jixiao.frameworks import evaluate_with
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

TITLE = "某县城乡建设局2023年度部门整体支出绩效自评表\n"
HEAD = "填报单位：某县城乡建设局      主管部门：某县人民政府      金额单位：万元\n"

SPACED_HEADER = "一级指标    二级指标    三级指标        指标值      实际值      分值    得分\n"
SPACED_ROWS = (
    "产出指标    数量指标    燃气管网巡查次数    ≥24次       26次        40      38\n"
    "            质量指标    工程验收合格率      100%        100%        20      20\n"
    "效益指标    社会效益    群众满意度          ≥90%        93.2%       40      37.5\n"
)
CLOSED_HEADER = "一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分\n"
CLOSED_ROWS = (
    "产出指标 数量指标 燃气管网巡查次数 ≥24次 26次 40 38\n"
    "质量指标 工程验收合格率 100% 100% 20 20\n"
    "效益指标 社会效益指标 群众满意度 ≥90% 93.2% 40 37.5\n"
)


def _read(text: str) -> dict[str, str]:
    return claimed_figures(import_text(text))


def _score(text: str) -> str | None:
    return _read(text).get("score.self")


def _rate(text: str) -> str | None:
    return _read(text).get("rates.execution")


def _findings(text: str) -> list[Finding]:
    result = import_text(text)
    return [f.to_finding() for f in result.findings] + list(evaluate_with(result.dossier).findings)


# --- the score table's total row: its label, 100 and the score -----------------------------

TOTAL_ROWS = [
    # far right after runs of spaces, under the header's 分值 / 得分 or not quite
    (
        SPACED_HEADER
        + SPACED_ROWS
        + "总分                                                    100     95.5\n"
    ),
    (SPACED_HEADER + SPACED_ROWS + "总分                                           100    95.5\n"),
    # a PDF's single spaces, closed up by the normaliser ("总分100 95.5")
    (CLOSED_HEADER + CLOSED_ROWS + "总分 100 95.5\n"),
    # other labels of the total
    (
        SPACED_HEADER
        + SPACED_ROWS
        + "合计                                                    100     95.5\n"
    ),
    (CLOSED_HEADER + CLOSED_ROWS + "综合得分 100 95.5\n"),
    (CLOSED_HEADER + CLOSED_ROWS + "得分合计  100  95.5\n"),
    # the header's titles wrapped and a 偏差原因 column after the score
    (
        "一级      二级      三级指标            年度      实际      分值    得分    偏差原因\n"
        "指标      指标                          指标值    完成值                  分析\n"
        "产出      数量      燃气管网巡查次数    ≥24次     26次      40      38      雨季停检\n"
        "效益      社会      群众满意度          ≥90%      93.2%     60      57.5\n"
        "总分                                                        100     95.5\n"
    ),
    # the label spread apart, in brackets, the numbers with 分, a grade cell after them
    (SPACED_HEADER + SPACED_ROWS + "总    分                                    100     95.5\n"),
    (SPACED_HEADER + SPACED_ROWS + "总\u3000\u3000分\u3000\u3000\u3000\u3000100\u3000\u300095.5\n"),
    (SPACED_HEADER + SPACED_ROWS + "合计（总分）      100     95.5\n"),
    (SPACED_HEADER + SPACED_ROWS + "总计  100分  95.5分\n"),
    (SPACED_HEADER + SPACED_ROWS + "总分      100     95.5     优秀\n"),
    # the row wrapped: its label alone, its numbers on the next line
    (
        SPACED_HEADER
        + SPACED_ROWS
        + "总分\n                                                100     95.5\n"
    ),
    # a page break and the header repeated before the total
    (
        SPACED_HEADER
        + SPACED_ROWS
        + "某县财政局制                                          第1页\n"
        + "某县城乡建设局2023年度部门整体支出绩效自评表（续表）\n"
        + SPACED_HEADER
        + "满意度指标  服务对象    职工满意度          ≥90%        95%         10      9.5\n"
        + "总分                                                    100     95.5\n"
    ),
]


@pytest.mark.parametrize("table", TOTAL_ROWS)
def test_a_form_score_tables_total_row_of_100_and_the_score_is_the_self_score(table: str) -> None:
    assert _score(TITLE + HEAD + table) == "95.5"


@pytest.mark.parametrize(
    ("cell", "grade"), [("优秀", "优"), ("良", "良"), ("合格", "合格"), ("较差", "差")]
)
def test_a_grade_cell_closing_the_total_row_is_the_self_grade(cell: str, grade: str) -> None:
    table = SPACED_HEADER + SPACED_ROWS + f"总分      100     95.5     {cell}\n"
    assert _read(TITLE + HEAD + table).get("grade.self") == grade


def test_a_grade_cell_after_a_total_row_not_proven_is_not_read() -> None:
    table = SPACED_HEADER + SPACED_ROWS + "合计      90     85.5     良\n"  # a sub-total's
    assert _read(TITLE + HEAD + table).get("grade.self") is None


SCORE_ALONE = [
    SPACED_HEADER
    + SPACED_ROWS
    + "总分                                                            95.5\n",
    CLOSED_HEADER + CLOSED_ROWS + "总分 95.5\n",
    SPACED_HEADER
    + SPACED_ROWS
    + "合    计                                                        95.5\n",
]


@pytest.mark.parametrize("table", SCORE_ALONE)
def test_a_total_row_with_its_score_alone_is_read_when_the_rows_add_up_to_it(table: str) -> None:
    # 40 + 20 + 40 = 100, 38 + 20 + 37.5 = 95.5
    assert _score(TITLE + HEAD + table) == "95.5"


SCORE_ALONE_NOT_READ = [
    # the rows' scores make another number
    SPACED_HEADER
    + SPACED_ROWS
    + "总分                                                            96.5\n",
    # the rows' weights fall short of 100: a sub-total of some indicators
    SPACED_HEADER
    + SPACED_ROWS.replace("40      37.5", "30      27.5")
    + "合计                                                            85.5\n",
]


@pytest.mark.parametrize("table", SCORE_ALONE_NOT_READ)
def test_a_score_alone_the_rows_do_not_prove_the_whole_is_not_read(table: str) -> None:
    assert _score(TITLE + HEAD + table) is None


TOTALS_NOT_READ = [
    # a sub-total: its 分值 is not the whole's 100
    SPACED_HEADER
    + SPACED_ROWS
    + "合计                                                    90      85.5\n",
    # the 分值 alone: the maximum, no score
    SPACED_HEADER + SPACED_ROWS + "总分                                                    100\n",
    # the score before the 100: which is which is not said
    CLOSED_HEADER + CLOSED_ROWS + "总分 95.5 100\n",
    # no score table above: a money table's 合计 row
    "项目    全年预算数    全年执行数\n基本支出    60.00    58.10\n合计    100    95.5\n",
    # a score table whose header names no indicator (a legend of grades and their scores)
    "等级    分值    得分\n优    90    95\n总分    100    95.5\n",
    # an earlier year's table
    "2022年度绩效自评表\n" + SPACED_HEADER + SPACED_ROWS + "总分        100     95.5\n",
    # a sub-total's label, a bracket naming a part
    SPACED_HEADER + SPACED_ROWS + "小计        100     95.5\n",
    SPACED_HEADER + SPACED_ROWS + "合计（其中产出指标）  100  95.5\n",
    # a label alone whose next line holds more than the two numbers
    SPACED_HEADER + SPACED_ROWS + "总分\n100     95.5    见说明\n",
    # a section heading between the header and the row: another part of the report
    SPACED_HEADER + SPACED_ROWS + "三、评价结论\n总分        100     95.5\n",
]


@pytest.mark.parametrize("table", TOTALS_NOT_READ)
def test_a_total_row_not_proven_the_forms_total_is_not_read(table: str) -> None:
    assert _score(TITLE + HEAD + table) is None


def test_the_total_row_against_a_stated_self_score_is_w003_naming_both() -> None:
    text = (
        TITLE
        + HEAD
        + SPACED_HEADER
        + SPACED_ROWS
        + "总分                                                    100     95.5\n"
        + "说明：本单位自评得分93.5分。\n"
    )
    result = import_text(text)
    assert "score.self" not in result.sources
    (w003,) = [f for f in result.findings if f.id == "import.W003"]
    assert "93.5" in w003.message and "95.5" in w003.message


# --- the self-score as a key / value cell pair on a line apart by spaces ----------------------

SCORE_PAIRS = [
    "自评得分      92.5\n",
    "自评得分    92.5    自评等级    优\n",
    "评价得分  92.5  评价等级  优秀\n",
    "总分  100  自评得分  92.5\n",
    "综合评分        92.5分        评价结论        优\n",
]


@pytest.mark.parametrize("line", SCORE_PAIRS)
def test_a_self_score_key_and_value_cells_apart_by_spaces_give_the_score(line: str) -> None:
    assert _score(TITLE + HEAD + line) == "92.5"


SCORE_PAIRS_NOT_READ = [
    "总分    92.5\n",  # 总分 alone: a total's label, its 分值 or its score
    "自评得分    100    92.5\n",  # a label then columns of numbers: which is which is not said
    "预算执行得分    9.5\n",  # one indicator's score
    "指标自评得分    8\n",
    "2022年度自评得分    88.5\n",  # an earlier year's
    "上年自评得分    88.5    上年等级    良\n",
]


@pytest.mark.parametrize("line", SCORE_PAIRS_NOT_READ)
def test_a_pair_that_is_not_the_self_score_is_not_read(line: str) -> None:
    assert _score(TITLE + HEAD + line) is None


# --- the 预算执行率 indicator row of a table laid out with spaces ----------------------------

RATE_HEADER = "一级指标    二级指标    三级指标                    指标值    实际值    分值    得分    偏差原因\n"
RATE_ROWS = [
    "预算执行    预算执行率    预算执行率（实际支出/调整预算）    ≥95%    97.65%    10    10\n",
    "预算执行    预算执行    部门预算执行率    100%    97.65%    10    9.77\n",
    "过程指标    资金管理    预算执行率（%）    ≥95%    97.65%    10    10\n",
    "预算执行    预算执行率    部门整体预算执行率    100%    97.65%    10    9.5    年末部分项目未支付\n",
    "            预算执行率    ≥95%    97.65%    10    10\n",
]


@pytest.mark.parametrize("row", RATE_ROWS)
def test_a_spaced_indicator_tables_budget_execution_row_gives_the_rate(row: str) -> None:
    assert _rate(TITLE + HEAD + RATE_HEADER + row) == "97.65"


CLOSED_RATE_ROWS = [
    "过程指标 预算执行 预算执行率 ≥95% 97.65% 10 9.8\n",
    "过程指标 资金管理 预算执行率 100% 97.65% 10 9.8\n",
    "预算执行 部门预算执行率 100% 97.65% 10 9.8 年末部分资金未支付\n",
    "预算执行率(%) ≥95 % 97.65% 10 9.8\n".replace("≥95 %", "≥95%"),
]


@pytest.mark.parametrize("row", CLOSED_RATE_ROWS)
def test_an_indicator_row_closed_up_by_single_spaces_gives_the_actual_not_the_target(
    row: str,
) -> None:
    assert _rate(TITLE + HEAD + CLOSED_HEADER + row) == "97.65"


CLOSED_RATE_ROWS_NOT_READ = [
    "过程指标 资金管理 项目预算执行率 100% 97.65% 10 9.8\n",
    "过程指标 专项资金 预算执行率 100% 97.65% 10 9.8\n",
    "过程指标 资金管理 预算执行率 100% 97.65% 10 12\n",  # a score above its 分值
]


@pytest.mark.parametrize("row", CLOSED_RATE_ROWS_NOT_READ)
def test_a_closed_up_row_not_the_departments_rate_gives_neither_cell(row: str) -> None:
    # neither the actual nor the target (100%) is read
    assert _rate(TITLE + HEAD + CLOSED_HEADER + row) is None


def test_a_rate_row_under_a_header_wrapped_over_two_lines_gives_the_rate() -> None:
    table = (
        "一级      二级        三级指标              年度        实际        分值    得分\n"
        "指标      指标                              指标值      完成值\n"
        "预算      预算执行    部门预算执行率        100%        98.06%      10      9.81\n"
    )
    assert _rate(TITLE + HEAD + table) == "98.06"


RATE_ROWS_NOT_READ = [
    # a project's, a fund's or a part's rate
    RATE_HEADER + "预算执行    预算执行率    项目预算执行率    ≥95%    97.65%    10    10\n",
    RATE_HEADER + "预算执行    专项资金预算执行率    ≥95%    97.65%    10    10\n",
    RATE_HEADER + "预算执行    基本支出预算执行率    ≥95%    97.65%    10    10\n",
    # a score above its 分值: the cells are not the row's
    RATE_HEADER + "预算执行    预算执行率    ≥95%    97.65%    10    12\n",
    # no target and actual column in the header
    "指标名称    分值    得分\n预算执行率    ≥95%    97.65%    10    10\n",
    # two such rows: whose is not said
    RATE_HEADER
    + "预算执行    预算执行率    ≥95%    97.65%    10    10\n"
    + "预算执行    预算执行率    ≥95%    96.10%    10    10\n",
]


@pytest.mark.parametrize("table", RATE_ROWS_NOT_READ)
def test_an_indicator_row_not_the_departments_budget_execution_is_not_read(table: str) -> None:
    assert _rate(TITLE + HEAD + table) is None


# --- the 预算执行率 as a key cell and its value cell apart by a gap --------------------------

RATE_PAIRS = [
    "预算执行率    97.65%\n",
    "预算执行率\t97.65%\n",
    "部门预算执行率      97.65%      结转结余率    2.1%\n",
    "资金执行情况    预算执行率  97.65%  分值  10\n",
]


@pytest.mark.parametrize("line", RATE_PAIRS)
def test_a_rate_key_cell_and_its_value_cell_give_the_rate(line: str) -> None:
    assert _rate(TITLE + HEAD + line) == "97.65"


RATE_PAIRS_NOT_READ = [
    "预算执行率    95%    97.65%\n",  # a target, then the actual: an indicator row's cells
    "预算执行率\t≥95%\t97.65%\t10\t9.8\n",
    "项目支出    预算执行率    97.65%\n",  # a project's rate
    "项目预算执行率    97.65%\n",
]


@pytest.mark.parametrize("line", RATE_PAIRS_NOT_READ)
def test_a_rate_pair_that_is_not_the_departments_is_not_read(line: str) -> None:
    assert _rate(TITLE + HEAD + line) is None


# --- a bare 执行率 in the 说明 that the form's whole-funds row states and makes ---------------

WHOLE_ROWS = [
    "项目 全年预算数 全年执行数 执行率 分值 得分\n资金总额 9286540.00 8975318.62 96.65% 10 9.67\n",
    "项目    预算数    执行数    结余    执行率\n"
    "合计    652.80    638.46    14.34    97.80%\n".replace("97.80", "96.65").replace(
        "638.46", "630.93"
    ),
    "项目          全年预算数    全年执行数    执行率\n年度资金总额    928.65    897.53    96.65%\n",
]
BARE_RATES = [
    "说明：2.全年执行率百分之九十六点六五，项目支出结余主要为质保金。\n",
    "说明：执行率96.65%，结余为质保金。\n",
    "说明：（1）整体执行率96.65%。\n",
]


@pytest.mark.parametrize("whole", WHOLE_ROWS)
@pytest.mark.parametrize("note", BARE_RATES)
def test_a_bare_rate_the_forms_whole_funds_row_states_and_makes_is_the_execution_rate(
    whole: str, note: str
) -> None:
    result = import_text(TITLE + HEAD + whole + note)
    assert claimed_figures(result)["rates.execution"] == "96.65"
    assert "执行率" in result.sources["rates.execution"].text  # the 说明's, read first


BARE_RATES_NOT_READ = [
    # the whole-funds row's amounts do not make the rate it states
    "项目 全年预算数 全年执行数 执行率\n资金总额 9286540.00 8875318.62 96.65%\n"
    "说明：全年执行率96.65%。\n",
    # another rate than the whole row's
    "项目 全年预算数 全年执行数 执行率\n资金总额 9286540.00 8975318.62 96.65%\n"
    "说明：全年执行率92.29%。\n",
    # a project's rate, though it equals the whole's
    "项目 全年预算数 全年执行数 执行率\n资金总额 9286540.00 8975318.62 96.65%\n"
    "说明：项目执行率96.65%。\n",
]


@pytest.mark.parametrize("text", BARE_RATES_NOT_READ)
def test_a_bare_rate_the_whole_funds_row_does_not_prove_is_not_read(text: str) -> None:
    found = import_text(TITLE + HEAD + text)
    source = found.sources.get("rates.execution")
    # not the 说明's rate (the money readers may read the whole row's own cell)
    assert source is None or "执行率" not in source.text


# --- the whole-funds row's own rate, its amounts making it -----------------------------------

WHOLE_ROW_RATES = [
    "项目 全年预算数 全年执行数 执行率 分值 得分\n资金总额 9286540.00 8975318.62 96.65% 10 9.67\n",
    "                  全年预算数      全年执行数      执行率    分值    得分\n"
    "资金情况          （调整后）\n"
    "支出合计          1,068.42        1,032.76        96.66%    10      9.67\n".replace(
        "1,032.76", "1,032.65"
    ).replace("96.66", "96.65"),
    "项目    上年执行数    本年预算数    本年执行数    执行率\n"
    "年度资金总额    880.10    928.65    897.53    96.65%\n",
]


@pytest.mark.parametrize("table", WHOLE_ROW_RATES)
def test_a_whole_funds_rows_rate_its_amounts_make_is_the_execution_rate(table: str) -> None:
    assert _rate(TITLE + HEAD + table) == "96.65"


WHOLE_ROW_RATES_NOT_READ = [
    # a bare 合计: any table's (a project list's) total
    "项目名称    预算数    执行数    执行率\n合计    928.65    897.53    96.65%\n",
    # the amounts do not make the rate
    "项目 全年预算数 全年执行数 执行率\n资金总额 9286540.00 8875318.62 96.65%\n",
    # two whole-funds rows: whose is not said
    "资金总额 928.65 897.53 96.65%\n支出合计 900.00 873.00 97.00%\n",
]


@pytest.mark.parametrize("table", WHOLE_ROW_RATES_NOT_READ)
def test_a_whole_funds_row_not_proven_gives_no_rate(table: str) -> None:
    assert _rate(TITLE + HEAD + table) is None


# --- the form's 预算年度 cell against the title's year (import.W013) --------------------------

YEAR_CELLS = [
    "部门名称  某县城乡建设局                    预算年度  2022年度\n",
    "部门名称\t某县城乡建设局\t所属年度\t2022\n",
    "评价年度    2022年        主管部门    某县人民政府\n",
    # a PDF's single spaces closed up with the head line's other cells
    "部门名称 某县城乡建设局 预算年度 2022年度\n",
    "预算年度 2022 年度 金额单位：元\n",
]


@pytest.mark.parametrize("head", YEAR_CELLS)
def test_a_form_year_cell_contradicting_the_title_is_w013_at_the_cell(head: str) -> None:
    result = import_text(TITLE + head)
    (w013,) = [f for f in result.findings if f.id == "import.W013"]
    assert "2023" in w013.message and "2022" in w013.message
    assert w013.source is not None and "2022" in w013.source.text


YEAR_CELLS_NOT_READ = [
    "部门名称  某县城乡建设局                    预算年度  2023年度\n",  # the title's year
    "填报单位  某县城乡建设局                    填报日期  2022年12月30日\n",  # a date
    "部门名称  某县城乡建设局      年度  2022\n",  # a bare 年度: what for, not said
    "预算年度 2022年3月批复\n",  # no cell of its own
    "本局预算年度2022年度部门预算收入\n",  # prose going on after the year
]


@pytest.mark.parametrize("head", YEAR_CELLS_NOT_READ)
def test_a_year_cell_that_is_no_contradiction_gives_no_w013(head: str) -> None:
    result = import_text(TITLE + head)
    assert not [f for f in result.findings if f.id == "import.W013"]


# --- the indicator row's rate against the form's money (rates.E001) --------------------------


def test_the_indicator_rows_rate_its_money_contradicts_is_surfaced() -> None:
    # w36-03's class: the form states 98.06%, its own money makes 1,356.84 / 1,412.50 = 96.06%
    text = (
        TITLE
        + HEAD
        + "项目\t年初预算数\t调整后预算数\t实际支出数\n"
        + "年度资金总额\t1,286.00\t1,412.50\t1,356.84\n"
        + "基本支出\t836.00\t848.50\t845.32\n"
        + "项目支出\t450.00\t564.00\t511.52\n"
        + RATE_HEADER
        + "预算执行    预算执行    部门预算执行率    100%    98.06%    10    9.81\n"
    )
    assert "98.06%" in import_text(text).sources["rates.execution"].text
    (contradiction,) = [f for f in _findings(text) if f.id == "rates.E001"]
    assert "98.06" in contradiction.message and "96.06" in contradiction.message
    assert contradiction.where.source is not None
    assert "部门预算执行率" in contradiction.where.source.text
