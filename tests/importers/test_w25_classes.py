"""Classes of the w25 first run (tests/fixtures/corpus/w25-02, 03, 05, 06: 省级 and large 市级
departments with subordinate units), pinned by variants written for these tests (not copied from
any report): the figures each must give, and nothing else. Each class has variants that must NOT
be read.

Classes: a staffing table by unit flattened one cell per line (单位 / 编制数 / 在职人数 / 退休人数,
a row per unit, 合计) — its 合计 row read by column when the unit rows add up to it; a head-count
split in brackets by quota (编制内 / 编制外) whose parts miss it (import.W004, the count kept); a
money table captioned with another year than the title's whose figure is the one the prose states
for the title's year (import.W018); key：value lines of bare amounts under a line closing on the
unit ("（三）预算收支情况（单位：元）"), 其中：基本支出：… among them; a title naming its scope
（本级） — the department's name without it, 委本级 the department itself — and, in a report of
the head office and its units together (…由厅机关本级和22家所属单位汇总组成), a sentence about
the head office alone (厅机关本级全年预算…) that is not the department's; a figure restated in
亿元 rounded to two places (233.28亿元 for 2,332,793.07万元) is no contradiction.
"""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

BUREAU = (
    "某市水务局2024年度部门整体支出绩效自评报告\n一、部门基本情况\n"
    "某市水务局负责全市水资源统一管理、城乡供排水、防汛抗旱和水利工程建设等工作，内设六个科室。\n"
)


def staffing(text: str, title: str = BUREAU) -> dict[str, str]:
    figures = claimed_figures(import_text(title + text))
    return {key: value for key, value in figures.items() if key.startswith("staffing.")}


def findings(text: str, finding_id: str, title: str = BUREAU) -> list[str]:
    return [f.message for f in import_text(title + text).findings if f.id == finding_id]


# ── 1. a staffing table by unit, flattened one cell per line ─────────────────────────────────

FLAT_BY_UNIT = [
    (
        "表1 人员情况\n单位\n编制数\n在职人数\n退休人数\n机关\n30\n28\n12\n"
        "下属事业单位(4个)\n90\n84\n40\n合计\n120\n112\n52\n",
        {"staffing.authorized": "120", "staffing.in_service": "112", "staffing.retired": "52"},
    ),
    (
        "单位名称\n核定编制\n在职人员\n离退休人员\n局本部\n22人\n21人\n9人\n"
        "执法大队\n40人\n38人\n—\n监测站\n12人\n11人\n6人\n合计\n74人\n70人\n15人\n",
        {"staffing.authorized": "74", "staffing.in_service": "70", "staffing.retired": "15"},
    ),
    (
        # no quota column: the head-count columns alone
        "单位\n在职人数\n退休人数\n局机关\n41\n17\n所属中心\n19\n5\n合计\n60\n22\n",
        {"staffing.in_service": "60", "staffing.retired": "22"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), FLAT_BY_UNIT)
def test_a_flattened_staffing_table_by_unit_gives_its_total_row_by_column(
    text: str, expected: dict[str, str]
) -> None:
    assert staffing(text) == expected


FLAT_BY_UNIT_NOT_READ = [
    # the units do not add up to the 合计 (a cell lost or mistyped): the head-counts stay unread
    "单位\n在职人数\n退休人数\n局机关\n41\n17\n所属中心\n19\n5\n合计\n61\n22\n",
    # a column of something else (差额) between them: which number is which cannot be told
    "单位\n在职人数\n差额\n局机关\n41\n2\n所属中心\n19\n1\n合计\n60\n3\n",
    # a row with a cell too many
    "单位\n在职人数\n退休人数\n局机关\n41\n17\n3\n所属中心\n19\n5\n合计\n60\n22\n",
]


@pytest.mark.parametrize("text", FLAT_BY_UNIT_NOT_READ)
def test_a_flattened_table_by_unit_that_does_not_prove_itself_is_not_read(text: str) -> None:
    # (each column proves itself: a 退休 column whose units add up is read on its own)
    assert "staffing.in_service" not in staffing(text)


# ── 2. a head-count split by quota in brackets ───────────────────────────────────────────────

QUOTA_SPLIT_MISSES = [
    ("年末在职职工1,318人（编制内876人，编制外422人）。", "1318", "1298"),
    ("在职人员86人(在编60人、编外聘用人员24人)，退休人员30人。", "86", "84"),
    ("实有在职人数52人（编内40人；合同制12人；劳务派遣2人）。", "52", "54"),
]


@pytest.mark.parametrize(("text", "total", "summed"), QUOTA_SPLIT_MISSES)
def test_a_quota_split_that_misses_its_count_is_reported_and_the_count_kept(
    text: str, total: str, summed: str
) -> None:
    messages = findings(text, "import.W004")
    assert len(messages) == 1
    assert total in messages[0] and summed in messages[0]
    assert staffing(text)["staffing.in_service"] == total
    assert findings(text, "import.W006") == []  # the parts are the count's, no sub-unit's


QUOTA_SPLIT_NOT_REPORTED = [
    # the parts add up: nothing to report
    "年末在职职工1,298人（编制内876人，编制外422人）。",
    # a split by sub-unit, not by quota: not this class
    "在职人员86人（局机关60人，中心26人）。",
    # a quota word and something else in the bracket: not a split by quota
    "在职人员86人（编制内60人，其中党员30人）。",
]


@pytest.mark.parametrize("text", QUOTA_SPLIT_NOT_REPORTED)
def test_other_brackets_after_a_count_are_not_a_quota_split_that_misses(text: str) -> None:
    assert not any("编制内外" in m for m in findings(text, "import.W004"))


# ── 3. a money table captioned with another year ─────────────────────────────────────────────

CAPTIONED_TABLE = (
    "二、预算执行情况\n全年预算数5,200.00万元，全年支出4,860.50万元，预算执行率93.47%。\n"
    "{caption}\n单位：万元\n科目\t决算数\n农林水支出\t4,100.20\n城乡社区支出\t{second}\n"
    "合计\t{total}\n三、其他\n年末资产总额8,000.00万元。\n"
)


@pytest.mark.parametrize(
    "caption",
    [
        "表2  2023年度部门支出决算表（按功能分类）",
        "附表1 2023年支出决算表",
        "2023年度部门决算支出情况表",
    ],
)
def test_a_caption_year_contradicting_the_title_is_reported_when_its_total_is_this_years(
    caption: str,
) -> None:
    text = CAPTIONED_TABLE.format(caption=caption, second="760.30", total="4,860.50")
    messages = findings(text, "import.W018")
    assert len(messages) == 1
    assert "2023" in messages[0] and "4,860.50" in messages[0]


@pytest.mark.parametrize(
    ("caption", "second", "total"),
    [
        # last year's table beside this year's prose: its figures are its own
        ("表2  2023年度部门支出决算表（按功能分类）", "640.30", "4,740.50"),
        # the caption's year is the title's
        ("表2  2024年度部门支出决算表（按功能分类）", "760.30", "4,860.50"),
    ],
)
def test_a_caption_year_is_not_reported_otherwise(caption: str, second: str, total: str) -> None:
    text = CAPTIONED_TABLE.format(caption=caption, second=second, total=total)
    assert findings(text, "import.W018") == []


# ── 4. key：value lines of bare amounts under a line closing on the unit ───────────────────

UNIT_HEADING = [
    (
        "（三）预算收支情况（单位：元）\n预算批复数：12,000,000.00\n调整后预算数：11,500,000.00\n"
        "支出数：11,000,000.00\n其中：基本支出：4,000,000.00\n　　　项目支出：7,000,000.00\n"
        "预算执行率：95.65%\n",
        {
            "budget.initial_total": "1200",
            "budget.total": "1150",
            "executed.total": "1100",
            "executed.basic": "400",
            "executed.project": "700",
        },
    ),
    (
        "部门收支情况 金额单位:万元\n全年预算数: 860.40\n实际支出数: 812.25\n",
        {"budget.total": "860.4", "executed.total": "812.25"},
    ),
    (
        "单位：元\n全年预算：3,000,000\n全年支出：2,850,000\n",
        {"budget.total": "300", "executed.total": "285"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), UNIT_HEADING)
def test_bare_amounts_under_a_unit_line_take_its_unit(text: str, expected: dict[str, str]) -> None:
    assert money_only(claimed_figures(import_text(BUREAU + text))) == expected


UNIT_HEADING_NOT_READ = [
    # no unit stated above: a bare number is no amount
    "（三）预算收支情况\n调整后预算数：11,500,000.00\n支出数：11,000,000.00\n",
    # a sentence between the unit line and the key：value lines ends the block
    "（三）预算收支情况（单位：元）\n本年度预算执行总体平稳，各项支出均按进度拨付到位，未发生超预算支出情况。\n"
    "支出数：11,000,000.00\n",
    # a key naming a count: the block ends before it, the lines after it stay bare
    "（三）基本数据（单位：元）\n在职人数：52\n支出数：11,000,000.00\n",
]


@pytest.mark.parametrize("text", UNIT_HEADING_NOT_READ)
def test_bare_numbers_without_a_unit_line_right_above_are_not_amounts(text: str) -> None:
    assert money_only(claimed_figures(import_text(BUREAU + text))) == {}


# ── 5. 本级: the report's scope, or the head office within the whole ────────────────────────


def test_a_title_naming_its_scope_本级_gives_the_name_without_it_and_本级_is_the_department() -> (
    None
):
    result = import_text(
        "某市交通运输委员会（本级）2023年度部门整体支出绩效自评报告\n一、基本情况\n"
        "截至2023年12月31日，委本级资产总额52,000,000.00元。\n"
    )
    assert result.dossier.profile.name == "某市交通运输委员会"
    assert claimed_figures(result)["assets.total_net"] == "5200"


@pytest.mark.parametrize(
    "title",
    [
        "某市交通运输局本级2023年度部门整体支出绩效自评报告",
        "某市交通运输局（机关本级）2023年度部门整体支出绩效自评报告",
    ],
)
def test_other_ways_of_writing_the_scope_in_the_title(title: str) -> None:
    assert import_text(title + "\n一、基本情况\n").dossier.profile.name == "某市交通运输局"


CONSOLIDATED = (
    "某省交通运输厅2023年度部门整体支出绩效自评报告\n一、部门概况\n"
    "本部门决算由厅机关本级和省公路中心、省港航中心等12家所属单位汇总组成。\n"
    "二、预算执行\n全年预算数86,000.00万元，全年支出82,500.00万元，预算执行率95.93%。\n"
)


@pytest.mark.parametrize(
    "sentence",
    [
        "厅机关本级全年预算3,200.40万元，支出3,010.20万元，执行率94.06%。",
        "厅本级支出3,010.20万元。",
        "厅机关全年预算3,200.40万元。",
    ],
)
def test_the_head_office_alone_in_a_consolidated_report_is_not_the_department(
    sentence: str,
) -> None:
    money = money_only(claimed_figures(import_text(CONSOLIDATED + sentence + "\n")))
    assert money == {"budget.total": "86000", "executed.total": "82500"}


def test_the_head_office_sentence_stays_the_departments_when_nothing_says_the_whole_is_more() -> (
    None
):
    text = CONSOLIDATED.replace(
        "本部门决算由厅机关本级和省公路中心、省港航中心等12家所属单位汇总组成。\n", ""
    ).replace("全年预算数86,000.00万元，全年支出82,500.00万元，预算执行率95.93%。\n", "")
    money = money_only(
        claimed_figures(import_text(text + "厅机关本级全年预算3,200.40万元，支出3,010.20万元。\n"))
    )
    assert money == {"budget.total": "3200.4", "executed.total": "3010.2"}


# ── 6. a figure restated in 亿元, rounded ────────────────────────────────────────────────────


def test_a_figure_restated_in_亿元_rounded_is_no_contradiction() -> None:
    result = import_text(
        CONSOLIDATED.replace("82,500.00万元", "2,332,793.07万元")
        + "六、结论\n经自评，我厅全年支出233.28亿元。\n"
    )
    assert not [f for f in result.findings if f.id == "import.W003"]
    assert claimed_figures(result)["executed.total"] == "2332793.07"


def test_a_figure_restated_in_亿元_beyond_its_rounding_is_a_contradiction() -> None:
    result = import_text(
        CONSOLIDATED.replace("82,500.00万元", "2,332,793.07万元")
        + "六、结论\n经自评，我厅全年支出233.38亿元。\n"
    )
    assert [f for f in result.findings if f.id == "import.W003"]
