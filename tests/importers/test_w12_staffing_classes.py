"""The staffing and score misses of the w12 first run, each pinned by wording variants written
for these tests (not copied from any report, nor from the corpus files): the figures each must
give, and nothing else (precision first). Each class has variants that must NOT be read.

Classes: 在编在岗 / 在岗在编 (folded by the lexicon to 在编在职 / 在职在编) as the staff in service,
and as the within-quota part of a stated 在职 count after 其中; a part named by its kind alone
("其中行政17人、事业25人"); a staffing table of one row with no row-label column (编制数 / 实有人数
/ 在职人数 / 退休人数 over their counts); a key：value line of a summary table with no unit
("编制数：41"); the score written 自评分 N分; a key：value score line with no 分
("综合评分：90.5").
"""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

TITLE = "某县水利局2023年度部门整体支出绩效自评报告\n"


def read(text: str) -> dict[str, str]:
    figures = claimed_figures(import_text(TITLE + text))
    return {k: v for k, v in figures.items() if k.startswith(("staffing.", "score.", "grade."))}


def finding_ids(text: str) -> list[str]:
    return [finding.id for finding in import_text(TITLE + text).findings]


# ── 1. 在编在岗: the staff in service ──────────────────────────────────────────────────────

IN_POST = [
    ("核定编制20名，年末在编在岗18人，退休人员6人。", "18"),
    ("全局在编在岗人员33人。", "33"),
    ("单位实有在编在岗人数15人。", "15"),
    ("年末在岗在编人员27人，编外人员4人。", "27"),
    ("批复编制40名（行政编制10名、事业编制30名），现有在编在岗职工37人。", "37"),
]


@pytest.mark.parametrize(("text", "count"), IN_POST)
def test_staff_on_a_post_within_the_quota_are_the_staff_in_service(text: str, count: str) -> None:
    assert read(text)["staffing.in_service"] == count


IN_POST_NOT_READ = [
    "在编在岗人员中党员12人。",  # a sub-population
    "上年在编在岗人员30人。",  # last year's
    "新增在编在岗人员3人。",  # a change, not a head-count
]


@pytest.mark.parametrize("text", IN_POST_NOT_READ)
def test_a_subgroup_or_last_years_staff_on_a_post_is_not_read(text: str) -> None:
    assert "staffing.in_service" not in read(text)


def test_staff_on_a_post_after_qita_are_a_part_of_the_stated_in_service_count() -> None:
    text = "年末在职职工210人，其中在编在岗160人、编外合同制人员50人；退休人员40人。"
    figures = read(text)
    assert figures["staffing.in_service"] == "210"
    assert "import.W003" not in finding_ids(text)  # 160 is a part, not a second statement


# ── 2. a part named by its kind alone ─────────────────────────────────────────────────────


def test_parts_named_by_kind_alone_add_up_to_the_head_count() -> None:
    text = "在编在岗42人，其中行政17人、事业25人；退休人员9人。"
    assert read(text)["staffing.in_service"] == "42"
    ids = finding_ids(text)
    assert "import.I004" in ids and "import.W004" not in ids  # 事业 names no standard type


def test_parts_named_by_kind_alone_that_do_not_add_up_are_reported() -> None:
    text = "在职人员30人，其中行政12人、事业单位人员17人。"
    assert read(text)["staffing.in_service"] == "30"
    assert "import.W004" in finding_ids(text)


def test_a_kind_followed_by_other_words_is_no_part() -> None:
    # 事业单位改革涉及人员 is no kind of staff: no part, so nothing to add up
    text = "在职人员30人，其中事业单位改革涉及人员17人。"
    assert read(text)["staffing.in_service"] == "30"
    assert "import.W004" not in finding_ids(text)


# ── 3. a staffing table of one row, no row-label column ─────────────────────────────────

ONE_ROW_TABLES = [
    (
        "表1 人员情况\n编制数\t实有人数\t在职人数\t退休人数\t劳务派遣人员\n30\t37\t28\t9\t12\n",
        {
            "staffing.authorized": "30",
            "staffing.actual_total": "37",
            "staffing.in_service": "28",
            "staffing.retired": "9",
        },
    ),
    (
        "核定编制\t在职人员\t离退休人员\n15\t14\t—\n",
        {"staffing.authorized": "15", "staffing.in_service": "14"},
    ),
    (
        "编制人数（人）\t在职人数（人）\t退休人数（人）\n22\t21\t8\n",
        {"staffing.authorized": "22", "staffing.in_service": "21", "staffing.retired": "8"},
    ),
    (
        "编制数\t差额\t实有在职人数\n45人\t3人\t42人\n",
        {"staffing.authorized": "45", "staffing.in_service": "42"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), ONE_ROW_TABLES)
def test_a_one_row_staffing_table_reads_each_column_by_its_title(
    text: str, expected: dict[str, str]
) -> None:
    assert read(text) == expected


ONE_ROW_NOT_READ = [
    "编制数\t在职人数\t退休人数\n26\t24\n",  # a cell lost: the counts would shift
    "编制数\t在职人数\n26\t24\t7\n",  # a cell added
    "编制数\t在职人数\n26\t24\n30\t28\n",  # two rows: which is the department's?
    "上年编制数\t上年在职人数\n26\t24\n",  # last year's
    "劳务派遣人员\t编外人员\n18\t3\n",  # no head-count role
    "编制数\t备注\n26\t另有借调2人\n",  # a cell that is not a count
    "编制数\t在职人数\n26.5\t24%\n",  # not counts
]


@pytest.mark.parametrize("text", ONE_ROW_NOT_READ)
def test_a_one_row_table_that_does_not_line_up_is_not_read(text: str) -> None:
    assert read(text) == {}


# ── 4. a key：value line with no unit ────────────────────────────────────────────────────


def test_key_value_lines_of_a_summary_table_give_the_counts() -> None:
    text = (
        "附表 部门整体支出绩效评价基础数据表\n"
        "人员情况\n"
        "  编制人数：52\n"
        "  实际在职人数: 49\n"
        "  人员控制率：94.23%\n"
        "  退休人员：17\n"
        "经费情况（万元）\n"
        "  年初预算数：1,200.00\n"
    )
    assert read(text) == {
        "staffing.authorized": "52",
        "staffing.in_service": "49",
        "staffing.retired": "17",
    }


def test_key_value_lines_with_the_unit_in_brackets() -> None:
    text = "基本情况表\n编制总数（人）：60\n在职在岗人员（人）：57\n离退休人员（人）：21\n"
    assert read(text) == {
        "staffing.authorized": "60",
        "staffing.in_service": "57",
        "staffing.retired": "21",
    }


KEY_VALUE_NOT_READ = [
    "编制数：41.5\n",  # not a whole count
    "编制数：92%\n",  # a rate
    "  预算编制数：1062\n",  # money, not the quota
    "上年在职人数：36\n",  # last year's
    "编制数：41（含工勤3名）\n",  # more after the value
    "在职人员情况：3\n",  # a title, not a head-count label
    "编外人员管理：2\n",
]


@pytest.mark.parametrize("text", KEY_VALUE_NOT_READ)
def test_a_key_value_line_that_is_not_a_bare_head_count_is_not_read(text: str) -> None:
    assert read(text) == {}


# ── 5. 自评分 N分 ──────────────────────────────────────────────────────────────────────────

SELF_SCORE = [
    ("按照评价指标体系逐项评分，自评分：93分（等级：优）。", "93", "优"),
    ("本部门自评分为88.5分，等级为良。", "88.5", "良"),
    ("经评价，整体自评分91分。", "91", None),
]


@pytest.mark.parametrize(("text", "score", "grade"), SELF_SCORE)
def test_zipingfen_is_the_self_score(text: str, score: str, grade: str | None) -> None:
    figures = read(text)
    assert figures["score.self"] == score
    assert figures.get("grade.self") == grade


SELF_SCORE_NOT_READ = [
    "该指标自评分8分。",  # one indicator's
    "各项自评分8分。",
    "预算执行率指标分值10分，自评分10分。",  # its clause names an indicator
    "自评分值10分。",  # a weight
]


@pytest.mark.parametrize("text", SELF_SCORE_NOT_READ)
def test_an_indicators_zipingfen_is_not_the_self_score(text: str) -> None:
    assert "score.self" not in read(text)


# ── 6. a key：value score line with no 分 ───────────────────────────────────────────────

SCORE_LINES = [
    ("综合评分：90.5\n评价等级：优\n", "90.5"),
    ("自评得分: 91.5\n", "91.5"),
    ("  自评总分：88\n", "88"),
    ("自评得分（分）：86.2\n", "86.2"),
]


@pytest.mark.parametrize(("text", "score"), SCORE_LINES)
def test_a_score_line_with_no_fen_is_the_self_score(text: str, score: str) -> None:
    assert read(text)["score.self"] == score


SCORE_LINES_NOT_READ = [
    "综合评分：90.5%\n",  # a rate
    "项目自评得分：85\n",  # a project's
    "绩效指标得分：8\n",  # an indicator's
    "满分：100\n",
    "综合评分：90.5（满分100）\n",  # more after the value
    "综合评分：120\n",  # not a score out of 100
]


@pytest.mark.parametrize("text", SCORE_LINES_NOT_READ)
def test_a_score_line_that_is_not_the_self_score_is_not_read(text: str) -> None:
    assert "score.self" not in read(text)
