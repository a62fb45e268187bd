"""Classes of the w26 first run (tests/fixtures/corpus/w26-03, 07, 08: reports that are only a
部门整体支出绩效自评表, pasted as a plain-text export), pinned by variants written for these tests
(not copied from any report): the figures each must give, and nothing else. Each class has
variants that must NOT be read.

Classes: a 自评表 exported as CSV (quoted cells between commas, trailing empty cells, the block
name repeated in the first cell) — its rows read as tab rows; prose with commas and quotes is no
CSV; a system export whose lines open with a 【block】 tag and hold ｜-separated key：value cells —
its rows of one block read as a table, its other lines as key：value lines; an asset figure in a
sentence about an enterprise or a body kept outside the accounts (独立核算, 未纳入本表) — not the
department's.
"""

from __future__ import annotations

import pytest

from jixiao.importers.normalise import normalise
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县自然资源局2023年度部门整体支出绩效自评表\n"


def figures(text: str, title: str = TITLE) -> dict[str, str]:
    return claimed_figures(import_text(title + text))


# ── 1. a 自评表 exported as CSV ────────────────────────────────────────────────────────────────

CSV_FORMS = [
    (
        # every cell quoted, the block name repeated, trailing empty cells
        '"金额单位：万元",,,,\n'
        '"资金情况","项目","年初预算数","全年执行数","执行率"\n'
        '"资金情况","资金总额","1,520.00","1,488.40","97.92%"\n'
        '"资金情况","其中：基本支出","820.00","816.10","99.52%"\n'
        '"资金情况","项目支出","700.00","672.30","96.04%"\n',
        {
            "budget.total": "1520",
            "executed.total": "1488.4",
            "budget.basic": "820",
            "executed.basic": "816.1",
            "budget.project": "700",
            "executed.project": "672.3",
        },
    ),
    (
        # only the text cells quoted, numbers bare, no block column
        '"单位：万元",,\n'
        '"项目","预算数","执行数"\n'
        '"资金总额",960.5,941.2\n'
        '"基本支出",610.5,608.0\n'
        '"项目支出",350,333.2\n',  # unquoted: the comma parts cells
        {
            "budget.total": "960.5",
            "executed.total": "941.2",
            "budget.basic": "610.5",
            "executed.basic": "608",
            "budget.project": "350",
            "executed.project": "333.2",
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), CSV_FORMS)
def test_a_form_exported_as_csv_is_read_as_its_table(text: str, expected: dict[str, str]) -> None:
    assert money_only(figures(text)) == expected


def test_csv_staffing_pairs_are_read_across_the_row() -> None:
    text = (
        '"人员情况","编制数","30","实有人数","41",\n"人员情况","在职人数","29","退休人数","12",\n'
    )
    got = {k: v for k, v in figures(text).items() if k.startswith("staffing.")}
    assert got == {
        "staffing.authorized": "30",
        "staffing.actual_total": "41",
        "staffing.in_service": "29",
        "staffing.retired": "12",
    }


def test_csv_rows_keep_the_origin_of_every_cell() -> None:
    text = '"资金情况","资金总额","1,520.00"\n"资金情况","基本支出","820.00"\n'
    norm = normalise(text)
    assert norm.text.strip() == "资金情况\n资金总额\t1,520.00\n基本支出\t820.00"
    at = norm.text.index("1,520.00")
    start, end = norm.original_span(at, at + len("1,520.00"))
    assert text[start:end] == "1,520.00"
    at = norm.text.index("资金情况")
    start, end = norm.original_span(at, at + 4)
    assert text[start:end] == "资金情况"


CSV_NOT_ROWS = [
    # prose with commas: no quoted cells
    "全年预算数1,520.00万元,实际支出1,488.40万元,执行率97.92%。\n全年支出主要用于土地整治,矿山修复。\n",
    # quotes inside a sentence: a quoted word, then prose
    '"三公"经费支出4.36万元,较上年下降12.8%。\n"放管服"改革持续推进,办件2,316件。\n',
    # a single quoted line among prose is no export
    '"资金总额","1,520.00"\n全年支出1,488.40万元,主要用于项目建设。\n',
]


CSV_NOT_ROWS.append(
    # unquoted numbers in rows of different widths: "1,520.00" bare is not proven two cells
    '"项目","预算数","执行数"\n"资金总额",1,520.00,1,488.40\n"基本支出",820,816.1\n'
)


@pytest.mark.parametrize("text", CSV_NOT_ROWS)
def test_prose_with_commas_is_not_csv(text: str) -> None:
    assert "\t" not in normalise(text).text


# ── 2. a system export: 【block】 tags, ｜ between key：value cells ─────────────────────────────

TAGGED = (
    "【基本信息】部门名称：某县自然资源局｜主管部门：某县人民政府\n"
    "【人员情况】编制数：26名｜实有人数：31人｜在职人数：24人｜退休人数：7人\n"
    "【资金情况】金额单位：万元\n"
)

TAGGED_FORMS = [
    (
        TAGGED
        + "【资金情况】资金总额｜年初预算数：1,200.00｜全年预算数：1,350.40｜全年执行数：1,301.25｜执行率：96.36%\n"
        "【资金情况】基本支出｜年初预算数：800.00｜全年预算数：815.40｜全年执行数：812.05｜执行率：99.59%\n"
        "【资金情况】项目支出｜年初预算数：400.00｜全年预算数：535.00｜全年执行数：489.20｜执行率：91.44%\n",
        {
            "budget.initial_total": "1200",
            "budget.total": "1350.4",
            "executed.total": "1301.25",
            "budget.basic": "815.4",
            "executed.basic": "812.05",
            "budget.project": "535",
            "executed.project": "489.2",
        },
    ),
    (
        # ASCII bars, keys with 数 only on some, the last row with fewer cells
        TAGGED + "【资金情况】合计|预算数：980.6|执行数：955.1|执行率：97.40%|分值：10|得分：9.74\n"
        "【资金情况】基本支出|预算数：610.6|执行数：609.8|执行率：99.87%\n"
        "【资金情况】项目支出|预算数：370.0|执行数：345.3\n",
        {
            "budget.total": "980.6",
            "executed.total": "955.1",
            "budget.basic": "610.6",
            "executed.basic": "609.8",
            "budget.project": "370",
            "executed.project": "345.3",
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), TAGGED_FORMS)
def test_tagged_key_value_rows_are_read_as_a_table(text: str, expected: dict[str, str]) -> None:
    assert money_only(figures(text)) == expected


def test_tagged_pairs_lines_read_as_key_value_lines() -> None:
    text = (
        TAGGED
        + "【资金情况】支出按经济分类｜工资福利支出：520.10｜商品和服务支出：180.40｜资本性支出：60.00\n"
        "【自评结果】总分：100｜自评得分：91.35｜自评等级：优\n"
    )
    got = figures(text)
    assert got["staffing.authorized"] == "26"
    assert got["staffing.retired"] == "7"
    assert got["executed.wages"] == "520.1"
    assert got["executed.capital"] == "60"
    assert got["score.self"] == "91.35"
    assert got["grade.self"] == "优"


def test_tagged_rows_keep_the_origin_of_every_value() -> None:
    text = "【资金情况】总额｜预算数：900.00｜执行数：880.50\n【资金情况】基本支出｜预算数：500.00｜执行数：499.00\n"
    norm = normalise(text)
    # (the caption over the row labels may stand as the form's row-label title, 项目)
    assert norm.text.split("\n")[:2] in (
        ["资金情况\t预算数\t执行数", "总额\t900.00\t880.50"],
        ["项目\t预算数\t执行数", "总额\t900.00\t880.50"],
    )
    at = norm.text.index("880.50")
    start, end = norm.original_span(at, at + 6)
    assert text[start:end] == "880.50"


TAGGED_NOT_ROWS = [
    # a line with one bar is no row (and one tagged row is no table)
    "【资金情况】资金总额｜预算数：900.00\n【资金情况】基本支出｜预算数：500.00\n",
    # prose after tags: no cells
    "【情况说明】全年预算数900.00万元，执行数880.50万元。\n【偏差分析】项目支出进度偏慢。\n",
    # an indicator row: its cells are not key：value pairs with figures
    "【绩效指标】产出指标｜数量指标｜完成宗地整治数量｜指标值：≥20宗｜实际值：21宗\n"
    "【绩效指标】产出指标｜质量指标｜验收合格率｜指标值：100%｜实际值：100%\n",
]


@pytest.mark.parametrize("text", TAGGED_NOT_ROWS)
def test_tagged_lines_that_are_no_rows_stay(text: str) -> None:
    norm = normalise(text).text
    assert not norm.startswith(("资金情况\t", "绩效指标\t")) and "\n资金情况\t" not in norm
    assert "预算数\t" not in norm and "指标值\t" not in norm


def test_a_tagged_row_with_one_bar_is_not_read_as_a_table() -> None:
    text = "【资金情况】资金总额｜预算数：900.00\n【资金情况】基本支出｜预算数：500.00\n"
    assert not money_only(figures(text))


# ── 3. an asset figure of a body outside the department's accounts ───────────────────────────

OTHER_BODY_ASSETS = [
    "注：社属企业某县农资有限公司2023年销售收入1.26亿元，资产总额4,860.25万元，独立核算，未纳入本表。\n",
    "所属某某建设投资集团年末资产总额12.5亿元，较上年增长3.2%。\n",
    "局属培训中心资产总额312.40万元，实行独立核算。\n",
    "下属公司当年资产总计1,020.00万元。\n",
    "国有企业资产总额86,500.00万元不在本部门决算范围。\n",
]


@pytest.mark.parametrize("text", OTHER_BODY_ASSETS)
def test_assets_of_another_body_are_not_the_departments(text: str) -> None:
    got = figures("一、部门基本情况\n某县自然资源局内设5个股室。\n" + text)
    assert not [key for key in got if key.startswith("assets.")]


OWN_ASSETS = [
    ("年末资产总额1,268.45万元，较上年增长4.6%。\n", "1268.45"),
    ("截至2023年12月31日，本部门资产总额865.20万元，其中固定资产412.30万元。\n", "865.2"),
    ("部门负责监管社属企业经营。年末资产总额532.10万元。\n", "532.1"),
]


@pytest.mark.parametrize(("text", "value"), OWN_ASSETS)
def test_the_departments_own_assets_are_still_read(text: str, value: str) -> None:
    got = figures("一、部门基本情况\n某县自然资源局内设5个股室。\n" + text)
    assert got.get("assets.total_net") == value


# ── 4. the self-score as a key cell and a value cell in a row of pairs ───────────────────────

SCORE_PAIRS = [
    ("总分\t100\t自评得分\t88.76\n自评等级\t良\n", "88.76"),
    ("| 满分 | 100 | 综合得分 | 91.5 |\n", "91.5"),
    ("自评得分\t93\t自评等级\t优\n", "93"),
]


@pytest.mark.parametrize(("text", "value"), SCORE_PAIRS)
def test_a_self_score_in_a_row_of_pairs_is_read(text: str, value: str) -> None:
    assert figures(text).get("score.self") == value


SCORE_NOT_PAIRS = [
    # a label then columns of numbers (分值, 得分 of the table above): not pairs
    "总分\t100\t84.49\n",
    # 总分 / 分值 alone name the full marks, not the score
    "总分\t100\t分值\t100\n",
    # an indicator's score in a row of pairs
    "指标得分\t8\t权重\t10\n",
]


@pytest.mark.parametrize("text", SCORE_NOT_PAIRS)
def test_no_self_score_from_rows_that_are_not_its_pair(text: str) -> None:
    assert "score.self" not in figures(text)


# ── 5. a role split on the row under 实有人数, its caption's merged cell left empty ──────────

STAFF_FORM = "某县供销社2023年度部门整体支出绩效自评表\n"


def staff(text: str) -> dict[str, str]:
    return {k: v for k, v in figures(text, STAFF_FORM).items() if k.startswith("staffing.")}


@pytest.mark.parametrize(
    "text",
    [
        "人员情况\t编制数\t11\t实有人数\t25\n\t在职\t10\t退休\t15\n",
        "| 人员情况 | 核定编制 | 14 | 实有人员 | 25 |\n|  | 退休 | 15 | 在职 | 10 |\n",
    ],
)
def test_a_role_split_under_the_actual_count_in_a_merged_caption_row(text: str) -> None:
    got = staff(text)
    assert got["staffing.in_service"] == "10"
    assert got["staffing.retired"] == "15"
    assert got["staffing.actual_total"] == "25"


@pytest.mark.parametrize(
    "text",
    [
        # parts that miss the 实有 count above
        "人员情况\t编制数\t11\t实有人数\t25\n\t在职\t10\t退休\t14\n",
        # parts by type, not by role
        "人员情况\t编制数\t11\t实有人数\t25\n\t行政\t10\t事业\t15\n",
    ],
)
def test_no_role_split_when_it_is_not_proven(text: str) -> None:
    got = staff(text)
    assert "staffing.in_service" not in got and "staffing.retired" not in got
