"""The staffing, score and grade misses of the w10 / w11 first runs, each pinned by wording
variants written for these tests (not copied from any report, nor from the corpus files): the
figures each must give, and nothing else (precision first). Each class has variants that must
NOT be read.

Classes: a quota of a kind no standard type names (政法专项编制) is a part, not the total; a typed
quota with a bracket saying whose it is ("事业编制（县救助管理站）6名") is a part too; a total after
its parts said as 以上合计 / 上述…共计; a 离退休 count split into 离休 and 退休 in brackets; a
sentence opened by a subordinate unit (所属… / 下属… / 直属…: import.W015); 实有在职人数 alone on its
line above its number; a bare 得分 beside the self-evaluation's grade; a grade alone on the line
under its title ("自评等级" / "优秀").
"""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

TITLE = "某县民政局2023年度部门整体支出绩效自评报告\n"


def read(text: str) -> dict[str, str]:
    figures = claimed_figures(import_text(TITLE + text))
    return {k: v for k, v in figures.items() if k.startswith(("staffing.", "score.", "grade."))}


def finding_ids(text: str) -> list[str]:
    return [finding.id for finding in import_text(TITLE + text).findings]


# ── 1. a quota of a kind no standard type names is a part ───────────────────────────────────

SPECIAL_QUOTA_TOTALS = [
    ("核定政法专项编制18名、行政编制4名、工勤编制2名，共24名。", "24"),
    ("政法专项编制30名、行政编制6名，合计36名。", "36"),
    ("核定行政编制6名、政法专项编制30名，共计36名；实有在职人员33人。", "36"),
]


@pytest.mark.parametrize(("text", "total"), SPECIAL_QUOTA_TOTALS)
def test_a_special_quota_is_a_part_of_the_total_after_it(text: str, total: str) -> None:
    assert read(text)["staffing.authorized"] == total
    assert "import.I004" in finding_ids(text)  # the parts add up, one names no standard type


def test_a_special_quota_among_parts_with_no_total_is_not_the_quota() -> None:
    text = "核定政法专项编制18名、行政编制4名。实有在职人员21人。"
    assert "staffing.authorized" not in read(text)
    assert "import.W004" in finding_ids(text)


# ── 2. a typed quota with a bracket saying whose it is ─────────────────────────────────────


def test_a_typed_quota_in_a_bracketed_units_name_is_a_part_of_the_total() -> None:
    text = "核定行政编制11名、事业编制（县救助管理站）6名，共17名。"
    assert read(text)["staffing.authorized"] == "17"


@pytest.mark.parametrize(
    "text",
    [
        "行政编制11名，事业编制（县救助管理站）6名。实有在编16人。",
        "核定行政编制9名；事业编制（县婚姻登记服务中心）4名。在职人员12人。",
    ],
)
def test_one_typed_quota_beside_a_bracketed_other_is_not_the_quota(text: str) -> None:
    figures = read(text)
    assert "staffing.authorized" not in figures
    assert figures["staffing.in_service"] in ("16", "12")


# ── 3. a total after its parts said as 以上合计 / 上述…共计 ───────────────────────────────────

ABOVE_TOTALS = [
    ("核定行政编制20名、事业编制5名、工勤编制3名，以上合计28名。", "28", "import.I004"),
    ("核定行政编制20名、工勤编制3名，上述编制共计23名。", "23", None),
    ("核定行政编制20名、工勤编制3名，以上共25名。", "25", "import.W004"),  # does not add up
]


@pytest.mark.parametrize(("text", "total", "finding"), ABOVE_TOTALS)
def test_a_total_said_as_the_sum_of_the_above_is_the_quota(
    text: str, total: str, finding: str | None
) -> None:
    assert read(text)["staffing.authorized"] == total
    if finding:
        assert finding in finding_ids(text)


def test_the_sum_of_the_above_after_counts_that_are_not_parts_is_not_read() -> None:
    figures = read("在职人员20人，退休人员3人，以上合计23人。")
    assert figures == {"staffing.in_service": "20", "staffing.retired": "3"}


# ── 4. 离退休 split into 离休 and 退休 in brackets ────────────────────────────────────────────

RETIREE_SPLITS = [
    "离退休人员30人（其中离休3人、退休27人）。",
    "离退休干部职工30人(其中:离休干部3人、退休人员27人)。",
    "在职人员41人，离退休职工30人（离休人员3人，退休人员27人）。",
]


@pytest.mark.parametrize("text", RETIREE_SPLITS)
def test_a_stated_retirees_count_in_the_split_of_a_combined_count_is_the_retirees(
    text: str,
) -> None:
    figures = read(text)
    assert figures["staffing.retired"] == "27" and figures["staffing.retired_cadres"] == "3"


@pytest.mark.parametrize(
    ("text", "retired"),
    [
        ("离退休人员30人（其中离休3人）。", "30"),  # 退休 unstated: never a difference
        ("退休人员20人（其中离休2人）。", "20"),  # not a 离退休 count: 离休 not read from it
        ("离退休人员30人（其中党员12人）。", "30"),
    ],
)
def test_a_split_that_does_not_state_the_retirees_is_not_read(text: str, retired: str) -> None:
    figures = read(text)
    assert figures["staffing.retired"] == retired
    assert "staffing.retired_cadres" not in figures


# ── 5. a sentence opened by a subordinate unit ─────────────────────────────────────────────

SUBUNIT_SENTENCES = [
    "局机关核定行政编制12名，实有在编人员11人。所属县救助管理站核定事业编制8名，实有7人。",
    "局机关核定行政编制12名，实有在编人员11人。下属县福利院编制8名，实有人员7人，退休2人。",
    "局机关核定行政编制12名，实有在编人员11人；直属县殡仪馆在职人员7人。",
]


@pytest.mark.parametrize("text", SUBUNIT_SENTENCES)
def test_counts_in_a_sentence_about_a_subordinate_unit_are_not_the_departments(
    text: str,
) -> None:
    figures = read(text)
    assert figures["staffing.authorized"] == "12" and figures["staffing.in_service"] == "11"
    assert "staffing.actual_total" not in figures and "staffing.retired" not in figures
    assert "import.W015" in finding_ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "局机关及所属单位核定编制30名，实有在职人员28人。",  # the whole, sub-units included
        "下属事业单位2个，全局核定编制30名，实有在职人员28人。",  # 全局: the department's
    ],
)
def test_counts_of_the_whole_department_are_read(text: str) -> None:
    figures = read(text)
    assert figures["staffing.authorized"] == "30" and figures["staffing.in_service"] == "28"
    assert "import.W015" not in finding_ids(text)


# ── 6. 实有在职人数 alone on its line above its number ─────────────────────────────────────────


@pytest.mark.parametrize("label", ["实有在职人数", "现有在职人员", "实有在职职工", "实有在编人数"])
def test_an_in_service_label_with_its_number_on_the_next_line(label: str) -> None:
    text = f"编制数\n45\n{label}\n43\n年度预算资金情况（万元）"
    assert read(text) == {"staffing.authorized": "45", "staffing.in_service": "43"}


def test_a_header_flattened_before_its_values_is_not_read() -> None:
    assert read("编制数\n实有在职人数\n45\n43\n年度预算资金情况（万元）") == {}


# ── 7. a bare 得分 beside the self-evaluation's grade ───────────────────────────────────────

SCORES_BESIDE_GRADES = [
    ("对照评价指标体系逐项打分，本局自评结果为良好，得分85分。", "85", "良"),
    ("经自评，得分85分，评价等级为良好。", "85", "良"),
    ("经评价，等次为“良”，得分83.5分。", "83.5", "良"),
    ("部门整体支出绩效评价等级为优秀，总得分为93分。", "93", "优"),
]


@pytest.mark.parametrize(("text", "score", "grade"), SCORES_BESIDE_GRADES)
def test_a_bare_score_beside_the_grade_is_the_self_score(text: str, score: str, grade: str) -> None:
    assert read(text) == {"score.self": score, "grade.self": grade}


@pytest.mark.parametrize(
    "text",
    [
        "该指标等级为优，得分10分。",  # one indicator's score
        "项目得分8分，评价等级为良好。",  # a project's score before the grade
        "自评等级为优秀，得分率92%。",  # a rate, not a score
        "自评结果为良好，其中预算执行得分18分。",  # one part's score
    ],
)
def test_a_score_of_one_item_beside_a_grade_is_not_the_self_score(text: str) -> None:
    assert "score.self" not in read(text)


# ── 8. a grade alone on the line under its title ──────────────────────────────────────────


@pytest.mark.parametrize(
    ("lines", "grade"),
    [
        ("总分\n100\n92.6\n自评等级\n优秀\n填表人：张三", "优"),
        ("评价等级\n良\n", "良"),
        ("绩效评级\n良好\n备注", "良"),
    ],
)
def test_a_grade_under_its_title_line_is_the_grade(lines: str, grade: str) -> None:
    assert read(lines).get("grade.self") == grade


@pytest.mark.parametrize(
    "lines",
    [
        "评价等级\n优\n90分以上\n良\n80-89分",  # a legend of grades and score ranges
        "评价等级\n优\n良\n中",  # a column of grades
        "等级\n优\n",  # no word saying whose grade
    ],
)
def test_a_legend_or_a_column_of_grades_is_not_the_grade(lines: str) -> None:
    assert "grade.self" not in read(lines)
