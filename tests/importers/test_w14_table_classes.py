"""Classes of the w14 first run (tests/fixtures/corpus/w14-03, w14-04, w14-07), each pinned by
variants written for these tests (not copied from any report, nor from the corpus files): the
figures each must give, and nothing else (precision first). Each class has variants that must NOT
be read.

Classes: a 自评表 drawn as one table whose money block has its own header row (年初预算数 /
全年预算数 / 全年执行数 / 分值 / 执行率 / 得分); the score table's header below the form's other
rows; a form row's cells holding key and count ("编制人数32", "实有人数35（在职30、退休5）");
counts listed by role that looked like a stray list number; space-aligned rows that leave their
last columns blank; 基本/项目 rows under a total row take its phase; "资产总额…，增长2.8%"; a
预算执行率 row in a table of year columns; a score table whose rows miss their 合计
(import.W016); "实有9人，均为在职".
"""

from __future__ import annotations

import pytest

from jixiao.importers.normalise import normalise
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县农业农村局2023年度部门整体支出绩效自评报告\n"


def imported(text: str, title: str = TITLE):
    return import_text(title + text)


def read(text: str, title: str = TITLE) -> dict[str, str]:
    return claimed_figures(imported(text, title))


def finding_ids(text: str, title: str = TITLE) -> list[str]:
    return [finding.id for finding in imported(text, title).findings]


# ── 1. a form drawn as one table: the money block under its own header row ─────────────────

FORM_HEAD = (
    "填报单位：某县农业农村局\t\t单位：万元\n部门名称\t某县农业农村局\t主管部门\t某县人民政府\n"
)
FORMS = [
    FORM_HEAD + "年度预算执行情况\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
    "年度资金总额\t600.00\t650.00\t637.00\t10\t98.00%\t9.8\n"
    "其中：基本支出\t400.00\t400.00\t398.00\t—\t—\t—\n"
    "项目支出\t200.00\t250.00\t239.00\t—\t—\t—\n",
    # other titles, the score columns before the rate
    FORM_HEAD + "资金情况\t年初预算\t全年预算数\t执行数\t分值\t得分\t执行率\n"
    "年度资金总额\t600.00\t650.00\t637.00\t10\t9.8\t98.00%\n"
    "其中：基本支出\t400.00\t400.00\t398.00\t\t\t\n"
    "其中：项目支出\t200.00\t250.00\t239.00\t\t\t\n",
]


@pytest.mark.parametrize("text", FORMS)
def test_a_forms_money_block_is_read_under_its_own_header(text: str) -> None:
    got = money_only(read(text))
    assert got["budget.total"] == "650"  # 全年预算数, not 年初预算数 600
    assert got["budget.basic"] == "400"
    assert got["budget.project"] == "250"
    assert got["executed.total"] == "637"
    assert got["executed.basic"] == "398"
    assert got["executed.project"] == "239"
    assert read(text)["rates.execution"] == "98"
    assert "9.8" not in got.values() and "10" not in got.values()  # 分值 / 得分 are not money


def test_a_block_whose_header_is_the_forms_first_row_shape_is_not_split() -> None:
    # the header row has as many cells as the form's first row: no block, nothing re-read
    text = (
        "填报单位\t某县农业农村局\t单位：万元\n"
        "年度预算\t年初预算数\t全年预算数\n"
        "年度资金总额\t600.00\t650.00\n"
    )
    assert money_only(read(text)).get("budget.total") != "600"


# ── 2. the score table's header below the form's other rows ────────────────────────────────

SCORE_FORM = (
    "部门名称\t某县农业农村局\t主管部门\t某县人民政府\n"
    "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
    "\t产出指标\t数量指标\t培训农民人数\t≥500\t520\t50\t50\n"
    "\t满意度指标\t服务对象满意度\t农户满意度\t≥90%\t95%\t50\t45\n"
    "总分\t\t\t\t\t\t100\t95\n"
)


def test_the_total_row_of_a_score_table_below_the_form_rows_is_the_self_score() -> None:
    assert read(SCORE_FORM)["score.self"] == "95"


def test_a_total_row_over_100_is_not_a_self_score() -> None:
    assert "score.self" not in read(SCORE_FORM.replace("\t100\t95\n", "\t200\t190\n"))


# ── 3. a form row's cells holding key and count ─────────────────────────────────────────────

FUSED = [
    ("人员情况\t编制人数32\t实有人数35（在职30、退休5）\n", (32, 35, 30, 5)),
    ("人员情况\t核定编制：20\t实有人数：24（在职人员19、退休人员5）\n", (20, 24, 19, 5)),
    ("人员编制\t编制数 12人\t实有人数 14人(在职12、退休2)\n", (12, 14, 12, 2)),
]


@pytest.mark.parametrize(("text", "counts"), FUSED)
def test_a_form_rows_cells_give_key_and_count(text: str, counts: tuple[int, ...]) -> None:
    got = read(text)
    authorized, actual, in_service, retired = counts
    assert got["staffing.authorized"] == str(authorized)
    assert got["staffing.actual_total"] == str(actual)
    assert got["staffing.in_service"] == str(in_service)
    assert got["staffing.retired"] == str(retired)


@pytest.mark.parametrize(
    "text",
    [
        "人员情况\t编制人数32\t实有人数35（行政20、事业15）\n",  # parts by type, not by role
        "人员情况\t编制人数32\t实有人数35（在职29、退休5）\n",  # parts that miss the count
    ],
)
def test_a_bracket_that_is_not_a_split_by_role_is_not_read(text: str) -> None:
    got = read(text)
    assert got["staffing.actual_total"] == "35"
    assert "staffing.in_service" not in got and "staffing.retired" not in got


def test_a_row_with_a_cell_that_is_not_a_count_is_not_read() -> None:
    got = read("人员情况\t编制人数32\t党员人数20\n")
    assert "staffing.authorized" not in got
    got = read("上年人员情况\t编制人数32\t实有人数35\n")
    assert "staffing.authorized" not in got


def test_counts_listed_by_role_are_not_stray_list_numbers() -> None:
    assert normalise("实有人数35（在职30、退休5）").text == "实有人数35(在职30、退休5)"
    assert normalise("编制数20名，其中行政12、事业8").text == "编制数20名,其中行政12、事业8"
    assert normalise("实有人数1、42人").text == "实有人数42人"  # still a stray list number


# ── 4. space-aligned rows leaving their last columns blank; parts under a total row ────────

TWO_YEARS = (
    "二、预算收支情况\n单位：万元\n"
    "项目                 2022年      2023年      增减率\n"
    "全年预算数           500.00      520.00      4.0%\n"
    "  基本支出           300.00      310.00\n"
    "  项目支出           200.00      210.00\n"
    "支出决算数           480.00      509.60      6.2%\n"
    "  基本支出           298.00      305.60\n"
    "  项目支出           182.00      204.00\n"
    "预算执行率           96.0%       98.0%\n"
)


def test_rows_leaving_the_rate_column_blank_are_rows_and_take_the_total_rows_phase() -> None:
    got = read(TWO_YEARS)
    assert money_only(got) == {
        "budget.total": "520",
        "budget.basic": "310",
        "budget.project": "210",
        "executed.total": "509.6",
        "executed.basic": "305.6",
        "executed.project": "204",
    }
    assert got["rates.execution"] == "98"  # the 2023 column's, not 2022's 96


def test_a_short_row_whose_numbers_do_not_stand_under_the_first_columns_is_not_a_row() -> None:
    text = (
        "项目                 2022年      2023年      增减率\n"
        "全年预算数           500.00      520.00      4.0%\n"
        "支出决算数           480.00      509.60      6.2%\n"
        "新增项目                         20.00\n"  # 2022 blank: the number is under 2023年
    )
    assert "新增项目\t" not in normalise(text).text


def test_a_rate_row_for_another_year_only_is_not_this_years_rate() -> None:
    text = TWO_YEARS.replace("2023年", "2021年")
    assert "rates.execution" not in read(text)


# ── 5. the asset total's change with the verb alone ─────────────────────────────────────────


@pytest.mark.parametrize(
    ("sentence", "change"),
    [
        ("年末资产总额1,026.34万元（上年998.71万元），增长2.8%。", "2.8"),
        ("2023年末资产总额860.00万元，下降1.5%。", "-1.5"),
    ],
)
def test_the_asset_totals_change_with_the_verb_alone(sentence: str, change: str) -> None:
    assert read(f"三、资产情况\n{sentence}\n")["assets.change_pct"] == change


@pytest.mark.parametrize(
    "sentence",
    [
        "年末资产总额860.00万元，收入增长2.8%。",
        "年末净资产860.00万元，增长2.8%。",
    ],
)
def test_another_figures_change_is_not_the_asset_totals(sentence: str) -> None:
    assert "assets.change_pct" not in read(f"三、资产情况\n{sentence}\n")


# ── 6. a score table's rows that miss their 合计 ─────────────────────────────────────────────

SCORES = (
    "四、自评得分\n"
    "一级指标      分值    自评得分\n"
    "决策          20      18.5\n"
    "过程          20      18.0\n"
    "产出          40      36.5\n"
    "效益          20      18.0\n"
    "合计          100     {total}\n"
)


def test_score_rows_that_miss_their_total_are_reported_and_the_total_kept() -> None:
    result = imported(SCORES.format(total="92.0"))
    finding = next(f for f in result.findings if f.id == "import.W016")
    assert "92.0" in finding.message and "91.0" in finding.message
    assert claimed_figures(result)["score.self"] == "92"


def test_score_rows_that_add_up_are_not_reported() -> None:
    assert "import.W016" not in finding_ids(SCORES.format(total="91.0"))


def test_rows_that_are_not_the_whole_table_are_not_checked() -> None:
    # subtotals beside their rows: the weights do not add up to the 合计's, nothing is proven
    text = SCORES.format(total="92.0").replace("效益          20      18.0\n", "")
    assert "import.W016" not in finding_ids(text)


# ── 7. 实有N人，均为在职 ───────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "sentence",
    [
        "编制9人，实有9人，均为在职；另有退休人员4人。",
        "核定编制10名，实有人员9人，全部为在职人员。",
        "编制10人，实有9人（均为在职）。",
    ],
)
def test_all_of_the_actual_head_count_in_service(sentence: str) -> None:
    assert read(f"一、基本情况\n{sentence}\n")["staffing.in_service"] == "9"


@pytest.mark.parametrize(
    "sentence",
    [
        "编制9人，实有9人，均为在编；另有退休人员4人。",
        "编制9人，实有9人，均为事业编制。",
        "编制9人，实有9人，均为在职的行政人员。",
    ],
)
def test_other_words_after_the_actual_count_are_not_in_service(sentence: str) -> None:
    assert "staffing.in_service" not in read(f"一、基本情况\n{sentence}\n")
