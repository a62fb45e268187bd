"""Staffing counts in 自评表 forms pasted as text (set w40): layouts the form readers did not take
yet. A caption cell opening a header of titles over a row of counts whose first cell is blank; a
row of pairs with a blank spacer cell between them; a PDF row whose text layer ran the line above
into it (its spaces closed up); a count with a note in brackets before the next cell's count; a
block flattened one cell per line with its titles first and its counts after them, or as label
and count pairs whose bare role words split the 实有 count without 其中. Each class with variants
written for the test, including ones that must not be read."""

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

TITLE = "某县委党校2023年度部门整体支出绩效自评表\n"
MONEY = "项目\t年初预算数\t全年预算数\t全年执行数\t执行率\t分值\t得分\n合计\t612.40\t688.15\t671.02\t97.51%\t10\t9.75\n"


def _staffing(body: str) -> dict[str, str]:
    figures = claimed_figures(import_text(TITLE + body))
    return {k.split(".")[1]: v for k, v in figures.items() if k.startswith("staffing.")}


FOUR = {"authorized": "22", "actual_total": "27", "in_service": "19", "retired": "8"}


# --- a caption cell opening the header, the count row's first cell blank --------------------

CAPTION_HEADERS = [
    # a column of other people beside the roles, the money block right under the counts
    "部门名称\t某县委党校\t\t主管部门\t某县委\n"
    "人员情况\t编制数\t实有人数\t在职人数\t退休人数\t外聘兼职教师\n"
    "\t22\t27\t19\t8\t6\n" + MONEY,
    # other titles and order, counts with units, a dash under the other column
    "人员\t核定编制\t外聘人员\t实有人员\t在职人员\t退休人员\n\t22人\t—\t27人\t19人\t8人\n" + MONEY,
    # 项目 as the caption, the form's name row under the counts
    "项目\t编制人数\t实有人数\t在职人数\t退休人数\n\t22\t27\t19\t8\n单位性质\t事业单位\n" + MONEY,
]


@pytest.mark.parametrize("body", CAPTION_HEADERS)
def test_a_captioned_header_over_a_blank_first_cell_gives_its_counts(body: str) -> None:
    assert _staffing(body) == FOUR


def test_a_captioned_header_over_a_table_by_unit_is_not_one_row() -> None:
    found = _staffing(
        "人员情况\t编制数\t实有人数\t在职人数\t退休人数\n\t22\t27\t19\t8\n\t12\t15\t10\t5\n" + MONEY
    )
    assert not {"authorized", "actual_total", "in_service", "retired"} & set(found)


# --- a row of pairs with a blank spacer cell between them ----------------------------------

SPACER_ROWS = [
    (
        "部门名称\t某中心\t\t单位性质\t公益一类事业单位\n"
        "人员情况\t编制数\t22\t\t实有人数\t27\n"
        "\t其中:在职\t19\t\t退休\t8\n"
        "\t劳务派遣人员\t12\t\t(不计入实有人数)\t\n" + MONEY,
        FOUR,
    ),
    # two blank spacers, trailing blank cells, units
    (
        "人员编制情况\t核定编制\t22名\t\t\t实有人员\t27名\t\n"
        "\t在职人员\t19名\t\t\t退休人员\t8名\t\n" + MONEY,
        FOUR,
    ),
    # the bare role words that miss the 实有 count above are not read
    (
        "人员情况\t编制数\t22\t\t实有人数\t27\n\t其中:在职\t19\t\t退休\t6\n" + MONEY,
        {"authorized": "22", "actual_total": "27"},
    ),
]


@pytest.mark.parametrize(("body", "expected"), SPACER_ROWS)
def test_pairs_apart_by_a_blank_spacer_cell_are_read(body: str, expected: dict[str, str]) -> None:
    found = _staffing(body)
    roles = {"authorized", "actual_total", "in_service", "retired"}
    assert {k: v for k, v in found.items() if k in roles} == expected


def test_a_spacer_cell_does_not_pair_a_key_with_the_next_key() -> None:
    found = _staffing("人员情况\t编制数\t\t实有人数\t27\t\n" + MONEY)
    assert "authorized" not in found


# --- a PDF row run onto the line above, its spaces closed up -------------------------------

FUSED_TAILS = [
    (
        "填报单位(盖章):某县公共资源交易中心 主管部门:某县人民政府办公室 单位:万元"
        "基本单位性质全额拨款公益一类事业单位编制数22实有人数27\n"
        "情况其中:在职19退休8劳务派遣人员16\n",
        FOUR,
    ),
    (
        "主管部门:某县卫健委金额单位:元基本情况核定编制22实有人员27人\n在职人员19人离退休人员8人\n",
        FOUR,
    ),
    (
        "单位名称:某县档案馆单位类型:参公事业单位人员编制数22名实有人数27名\n",
        {"authorized": "22", "actual_total": "27"},
    ),
]


@pytest.mark.parametrize(("body", "expected"), FUSED_TAILS)
def test_pairs_closing_a_fused_line_after_words_are_read(
    body: str, expected: dict[str, str]
) -> None:
    found = _staffing(body + MONEY)
    roles = {"authorized", "actual_total", "in_service", "retired"}
    assert {k: v for k, v in found.items() if k in roles} == expected


@pytest.mark.parametrize(
    "body",
    [
        # a number before the pairs: another column's count, not words alone
        "上年编制数20实有人数25本年编制数22实有人数27\n",
        # one pair only
        "单位性质全额拨款事业单位编制数22\n",
        # a key that names no role by its title
        "单位性质全额拨款事业单位编制数22馆员27\n",
    ],
)
def test_a_fused_tail_that_proves_nothing_is_not_read(body: str) -> None:
    found = _staffing(body + MONEY)
    assert "27" not in {found.get("actual_total"), found.get("in_service")}
    assert found.get("authorized") != "22" or "上年" in body


# --- a count with a note in brackets, the next cell's count after it -----------------------

NOTED_COUNTS = [
    "预算单位\t某县科协\t单位:万元\n人员\t核定编制22名(参照公务员法管理事业编制)\t实有27名\n",
    "人员情况\t编制数22人(含工勤编制)\t实有人数27人\n",
    "人员\t核定编制22名(全额拨款事业编制)\t实有27名\t其中:在职19名,退休8名\n",
]


@pytest.mark.parametrize("body", NOTED_COUNTS)
def test_a_count_after_a_noted_count_has_its_own_label(body: str) -> None:
    found = _staffing(body + MONEY)
    assert found["authorized"] == "22" and found["actual_total"] == "27"


def test_a_count_inside_the_note_is_not_the_next_label() -> None:
    found = _staffing("人员\t核定编制22名(其中行政编制20名)\t在编人员18名\n" + MONEY)
    assert found.get("actual_total") is None


# --- flattened one cell per line: titles first, then the counts -----------------------------

TITLES_THEN_COUNTS = [
    (
        "部门(单位)名称\n某县水库管理所\n主管部门\n某县水利局\n人员情况\n"
        "编制数\n实有人数\n退休人数\n22\n27\n8\n年度预算资金(万元)\n年初预算数\n",
        {"authorized": "22", "actual_total": "27", "retired": "8"},
    ),
    (
        "人员\n核定编制\n实有人员\n在职人员\n退休人员\n22人\n27人\n19人\n8人\n资金情况\n",
        FOUR,
    ),
    (
        "单位性质\n行政单位\n人员编制情况\n编制人数\n实有人数\n22\n27\n项目\n",
        {"authorized": "22", "actual_total": "27"},
    ),
]


@pytest.mark.parametrize(("body", "expected"), TITLES_THEN_COUNTS)
def test_titles_then_counts_flattened_are_read_in_order(
    body: str, expected: dict[str, str]
) -> None:
    found = _staffing(body)
    roles = {"authorized", "actual_total", "in_service", "retired"}
    assert {k: v for k, v in found.items() if k in roles} == expected


@pytest.mark.parametrize(
    "body",
    [
        # a count lost: four titles over three counts
        "人员情况\n编制数\n实有人数\n在职人数\n退休人数\n22\n27\n8\n项目\n",
        # the counts run on (a second row of a table by unit)
        "人员情况\n编制数\n实有人数\n22\n27\n15\n项目\n",
        # a title that names no role among them
        "人员情况\n编制数\n外聘人员\n实有人数\n22\n6\n27\n项目\n",
        # no caption right above the titles: a header of whatever table, maybe cut
        "金额单位:万元\n编制数\n实有人数\n22\n27\n项目\n",
    ],
)
def test_titles_then_counts_that_may_be_shifted_are_not_read(body: str) -> None:
    found = _staffing(body)
    assert not {"authorized", "actual_total", "in_service", "retired"} & set(found)


# --- flattened label / count pairs: bare role words split the 实有 count --------------------

BARE_SPLITS = [
    (
        "编制数\n22\n实有人数\n27\n在职\n19\n退休\n8\n项目\n",
        FOUR,
    ),
    (
        "核定编制\n22\n实有人员\n28\n在职人员\n19\n离休人员\n1\n退休人员\n8\n项目\n",
        {"authorized": "22", "actual_total": "28", "in_service": "19", "retired": "8"},
    ),
    # a split that misses its 实有 count is not read
    (
        "编制数\n22\n实有人数\n27\n在职\n19\n退休\n6\n项目\n",
        {"authorized": "22", "actual_total": "27"},
    ),
]


@pytest.mark.parametrize(("body", "expected"), BARE_SPLITS)
def test_bare_role_words_under_the_present_count_split_it(
    body: str, expected: dict[str, str]
) -> None:
    found = _staffing(body)
    roles = {"authorized", "actual_total", "in_service", "retired"}
    assert {k: v for k, v in found.items() if k in roles} == expected


# --- the execution rate of a money block's total row, the spending column 全年执行 (no 数) -------


def _rate_source(text: str) -> str | None:
    source = import_text(TITLE + text).sources.get("rates.execution")
    return None if source is None else source.text


def _money_block(title: str, total: str, rate: str) -> str:
    return (
        f"项目\t年初预算\t全年预算\t{title}\t执行率\n"
        "一、基本支出\t1,846.23\t1,873.56\t1,860.42\t99.30%\n"
        "二、项目支出\t485.00\t612.00\t548.63\t89.65%\n"
        f"{total}\t2,331.23\t2,485.56\t2,409.05\t{rate}\n"
        "\t分值\t10\t得分\t9.69\n"
    )


@pytest.mark.parametrize(
    ("title", "total"), [("全年执行", "合计"), ("本年执行", "总计"), ("年度执行", "支出合计")]
)
def test_a_total_rows_rate_over_a_spending_column_without_数_is_read(
    title: str, total: str
) -> None:
    source = _rate_source(_money_block(title, total, "96.92%"))
    assert source is not None and "96.92%" in source


@pytest.mark.parametrize(
    ("title", "rate"),
    [
        ("全年执行", "97.32%"),  # not the row's spending over its budget
        ("全年执行进度", "96.92%"),  # a column of progress, not of spending
    ],
)
def test_a_total_rows_rate_not_proven_is_not_read(title: str, rate: str) -> None:
    assert _rate_source(_money_block(title, "合计", rate)) is None


# --- the whole-funds row's label with a piece of the block's caption run into it ------------

CAPTION_PIECES = [
    "预算 项目 年初预算数 全年预算数 全年执行数 执行率 分值 得分\n"
    "执行年度资金总额1,386.20 1,542.86 1497.31 97.05% 10 9.70\n"
    "情况其中:基本支出896.20 912.46 906.88 99.39%\n",
    "预算执行 项目 全年预算数 全年执行数 执行率\n"
    "情况资金总额  1,542.86  1,497.31  97.05%  10  9.70\n",
    "预算执行情况年度资金总额1,542.86 1,497.31 97.05%\n",
]


@pytest.mark.parametrize("text", CAPTION_PIECES)
def test_a_caption_piece_before_the_whole_funds_label_keeps_its_rate(text: str) -> None:
    source = _rate_source(text)
    assert source is not None and "97.05%" in source


def test_a_caption_piece_before_a_row_whose_amounts_miss_the_rate_is_not_read() -> None:
    assert _rate_source("执行年度资金总额1,386.20 1,542.86 1497.31 96.05% 10 9.70\n") is None


# --- a flattened score table's 总分 line with its score alone (the 分值 cell dropped) ------------


def _score(text: str) -> str | None:
    return claimed_figures(import_text(TITLE + text)).get("score.self")


FLAT_MONEY = (
    "项目\t全年预算数\t全年执行数\t执行率\t分值\t得分\n"
    "年度资金总额\t3,215.64\t3,102.87\t96.49%\t10\t9.65\n"
    "基本支出\t1,468.90\t1,460.27\t99.41%\n"
)
FLAT_INDICATORS = (
    "三级指标\n指标值\n实际完成值\n分值\n得分\n"
    "应急救护培训人数\n≥12万人\n13.6万人\n25\n25\n"
    "血样采集入库份数\n≥6000份\n5,412份\n20\n17\n"
    "志愿登记人数增长率\n≥15%\n18.3%\n20\n20\n"
    "受助群众满意度\n≥90%\n94.6%\n25\n24\n"
)

FLAT_SCORE_ALONE = [
    # the money block's 10 / 9.65 with the indicators' 90 / 86
    (FLAT_MONEY + FLAT_INDICATORS + "总分\n95.65\n自评等级\n优\n", "95.65"),
    # the indicators alone weigh 100, the total labelled 得分合计, units of 分 left out
    (
        "三级指标\n指标值\n实际完成值\n分值\n得分\n"
        "培训人数\n≥12万人\n13.6万人\n40\n38.5\n"
        "满意度\n≥90%\n94.6%\n60\n57\n得分合计\n95.5\n说明:无\n",
        "95.5",
    ),
    # 自评总分, the indicators' rows with a 一级指标 cell of words between them
    (
        FLAT_MONEY + "一级指标\n三级指标\n指标值\n完成值\n分值\n得分\n"
        "产出指标\n应急救护培训人数\n≥12万人\n13.6万人\n45\n41\n"
        "满意度指标\n受助群众满意度\n≥90%\n94.6%\n45\n45\n自评总分\n95.65\n",
        "95.65",
    ),
]


@pytest.mark.parametrize(("text", "expected"), FLAT_SCORE_ALONE)
def test_a_flattened_total_with_its_score_alone_is_read_when_the_rows_add_up(
    text: str, expected: str
) -> None:
    assert _score(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the rows' scores miss the total
        FLAT_MONEY + FLAT_INDICATORS + "总分\n96.65\n自评等级\n优\n",
        # the weights do not make 100 (the money block's row not scored)
        FLAT_MONEY.replace("\t10\t9.65", "") + FLAT_INDICATORS + "总分\n86\n自评等级\n优\n",
        # a 合计 line: a money table may close on it
        FLAT_MONEY + FLAT_INDICATORS + "合计\n95.65\n",
    ],
)
def test_a_flattened_total_with_its_score_alone_not_proven_is_not_read(text: str) -> None:
    assert _score(text) is None
