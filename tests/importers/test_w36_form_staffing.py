"""Staffing in a 自评表 pasted as text (sets w34–w36): the form's 人员 rows read pair by pair in
any layout: cells apart by runs of spaces or tabs, under a caption ("人员情况", "基本" / "情况"),
among other keys (单位性质, 内设机构, 馆员, 学生…), a bare role word beside a titled count, a split
in brackets after a count (or its bracket wrapped onto the next line), a PDF row whose single
spaces the clean-up closed up, and the quota's kinds as column titles over their counts. Each
class with variants written for the test, including ones that must not be read."""

import pytest

from jixiao.frameworks import evaluate_with
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

TITLE = "某县档案馆2023年度部门整体支出绩效自评表\n"
HEAD = "单位名称：某县档案馆      主管部门：某县文旅局      单位：万元\n"


def _staffing(body: str) -> dict[str, str]:
    figures = claimed_figures(import_text(TITLE + HEAD + body))
    return {k.split(".")[1]: v for k, v in figures.items() if k.startswith("staffing.")}


def _findings(body: str) -> set[str]:
    return {finding.id for finding in import_text(TITLE + HEAD + body).findings}


# --- a form's 人员 row read pair by pair, the role from the key -----------------------------

PAIR_ROWS = [
    # one row with units, a caption before it, 编外 apart (never 在职)
    (
        "人员情况    编制数    40名    实有人数    52人    其中：在职    38人    退休    14人    "
        "编外人员    6人\n",
        {"authorized": "40", "actual_total": "52", "in_service": "38", "retired": "14"},
    ),
    # no units, two spaces apart, a bare 实有 beside the titled quota
    (
        "人员  核定编制  40  实有  52  在职  38  退休  14\n",
        {"authorized": "40", "actual_total": "52", "in_service": "38", "retired": "14"},
    ),
    # tab cells (Word), the caption as the first cell
    (
        "人员编制情况\t核定编制\t40\t实有人数\t52\t其中：在职\t38\t退休\t14\n",
        {"authorized": "40", "actual_total": "52", "in_service": "38", "retired": "14"},
    ),
    # pairs beside other keys (单位性质, 内设机构) on three rows
    (
        "单位性质    行政单位    编制人数    30\n"
        "实有人数    41    其中：在职    29\n"
        "退休人数    12    内设机构    5个\n",
        {"authorized": "30", "actual_total": "41", "in_service": "29", "retired": "12"},
    ),
    # a caption over two rows, the bare words on the row under the titled counts, distractors
    (
        "基本    编制数    30    在校学生    1200    实有人数    41\n"
        "情况    在职    29    退休    12    社区工作者    80\n",
        {"authorized": "30", "actual_total": "41", "in_service": "29", "retired": "12"},
    ),
    # 离休 and 退休 apart, a 馆员 count that is not staff
    (
        "在职人数    25    退休人数    11\n离休人数    1    馆员（省政府聘任，不计入实有人数）    46\n",
        {"in_service": "25", "retired": "11"},
    ),
]


@pytest.mark.parametrize(("body", "expected"), PAIR_ROWS)
def test_a_forms_staffing_pairs_are_read_by_their_keys(body: str, expected: dict[str, str]) -> None:
    found = _staffing(body)
    assert {k: v for k, v in found.items() if k in expected} == expected
    assert not {"authorized", "actual_total", "in_service", "retired"} - expected.keys() & set(
        found
    )


def test_a_distractor_beside_the_pairs_is_not_staff() -> None:
    found = _staffing(
        "离休人数    1    馆员（省政府聘任，不计入实有人数）    46\n在职人数    25    退休人数    11\n"
    )
    assert found.get("retired_cadres") == "1" and "46" not in found.values()


NOT_PAIR_ROWS = [
    "在职    26人    退休    9人\n",  # bare role words, no titled count on the row or above
    "在职教师    26    退休    9    学生    300\n",  # 在职教师, 学生: not head-counts of staff
    "编制数    实有人数    在职    退休\n",  # a header of titles, no counts
    "编制数    30    上年实有人数    41\n",  # last year's
    "人民调解员    312    社区工作者    80    学生    1200\n",  # distractors only
    "编制数    28    30    实有人数    41\n",  # a lost key: the pairs are not proven
]


@pytest.mark.parametrize(
    "body",
    [
        "人员情况    编制数    11    实有人数    25\n            在职    10    退休    14\n",
        "人员情况    编制数    11    实有人数    25\n情况    其中：在职    10人    离休    2人\n",
        "编制数 11 实有人数 25\n其中在职 10 退休 14\n",  # closed up
    ],
)
def test_bare_role_words_under_the_actual_count_are_read_only_when_they_add_up(
    body: str,
) -> None:
    found = _staffing(body)
    assert "in_service" not in found and "retired" not in found
    assert {"authorized", "actual_total"} <= set(found)


@pytest.mark.parametrize("body", NOT_PAIR_ROWS)
def test_rows_that_do_not_prove_their_pairs_are_not_read(body: str) -> None:
    assert _staffing(body) == {}


# --- a count's split in brackets, a bracket wrapped onto the next row ------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "人员情况    编制数    30    实有人数    43（在职31，退休12）\n",
            {"authorized": "30", "actual_total": "43", "in_service": "31", "retired": "12"},
        ),
        (
            "信息    核定编制    520    实有人数    1,058（在职846，退休212）\n",
            {"authorized": "520", "actual_total": "1058", "in_service": "846", "retired": "212"},
        ),
        # 离退休 with its own split: 退休 is the part, 离休 apart
        (
            "编制人数    24    离退休人员    7（离休2，退休5）\n",
            {"authorized": "24", "retired": "5"},
        ),
        # a bracket wrapped onto the next row, in its cell's column after the caption's half
        (
            "基本    编制数    28（行政编制22，    实有人数    38\n情况              事业编制6）\n",
            {"authorized": "28", "actual_total": "38"},
        ),
        # a 在职 count's split by quota is a note: the count is in service, 编外 stays in it
        (
            "实有人数    61    其中：在职    48（编内39，编外9）\n",
            {"actual_total": "61", "in_service": "48"},
        ),
    ],
)
def test_a_counts_bracket_splits_it_by_role_or_is_a_note(
    body: str, expected: dict[str, str]
) -> None:
    found = _staffing(body)
    assert {k: v for k, v in found.items() if k in expected} == expected
    assert {"authorized", "actual_total", "in_service", "retired"} & set(found) == set(expected)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("人员情况    编制数    30    实有人数    43（在职30，退休12）\n", {"authorized": "30"}),
        ("编制数    30（行政20，事业12）    在职人数    29\n", {"in_service": "29"}),
    ],
)
def test_a_count_whose_bracket_does_not_add_up_is_not_read(
    body: str, expected: dict[str, str]
) -> None:
    assert _staffing(body) == expected


def test_the_stated_actual_count_against_its_parts_is_surfaced() -> None:
    body = (
        "基本    编制数    28    实有人数    38\n"
        "情况    在职人数    25    退休人数    11\n"
        "离休人数    1    馆员    46\n"
    )
    checked = evaluate_with(import_text(TITLE + HEAD + body).dossier).findings
    assert "staffing.E001" in {finding.id for finding in checked}


# --- a PDF's form row whose single spaces were closed up -----------------------------------

FUSED_ROWS = [
    (
        "人员 核定编制 32 其中：行政编制 20 事业编制 12\n"
        "情况 实有人数 45 其中：在职 30 退休 15 公益性岗位 8（不计入实有人数）\n",
        {"authorized": "32", "actual_total": "45", "in_service": "30", "retired": "15"},
    ),
    (
        "编制人数 51（行政48、工勤3） 在编在职人数 49 退休人员 21 离休人员 1\n",
        {"authorized": "51", "in_service": "49", "retired": "21"},
    ),
    (
        "人员情况 编制数 18名 实有人数 23人 其中在职 16人 退休 7人\n",
        {"authorized": "18", "actual_total": "23", "in_service": "16", "retired": "7"},
    ),
]


@pytest.mark.parametrize(("body", "expected"), FUSED_ROWS)
def test_a_form_row_run_together_is_read_pair_by_pair(body: str, expected: dict[str, str]) -> None:
    found = _staffing(body)
    assert {k: v for k, v in found.items() if k in expected} == expected


@pytest.mark.parametrize(
    "body",
    [
        "在职 30 退休 15 公益性岗位 8\n",  # no titled count: the bare words prove nothing
        "上年编制人数 51 在职人数 49\n",  # last year's
        "在职人员控制率 100% 编制数 12\n",  # a rate breaks the row of pairs
    ],
)
def test_a_run_together_row_without_proof_is_not_read(body: str) -> None:
    assert _staffing(body) == {}


def test_the_caption_before_quota_parts_gives_no_warning() -> None:
    body = "人员情况 核定编制 行政编制28名 事业编制22名 实有人数 63 人\n其中在职 49 人 退休 14 人\n"
    assert _staffing(body) == {"actual_total": "63", "in_service": "49", "retired": "14"}
    assert "import.W004" not in _findings(body)


# --- the quota's kinds as column titles, their counts on the row under them ------------------


def test_the_quota_total_under_kinds_of_quota_is_read_and_the_row_under_it() -> None:
    body = (
        "人员      核定编制      行政编制    事业编制    合计\n"
        "情况                    14          6           20\n"
        "在职在编      19          离退休      9（离休1，退休8）\n"
    )
    found = _staffing(body)
    assert found == {"authorized": "20", "in_service": "19", "retired": "8", "retired_cadres": "1"}


@pytest.mark.parametrize(
    "body",
    [
        # the kinds do not add up to the 合计
        "人员      核定编制      行政编制    事业编制    合计\n情况                    14          6           21\n",
        # no 合计 title: no total is stated
        "编制      行政编制    事业编制    工勤编制\n          14          6           1\n",
        # a cell lost: the counts do not stand under their titles
        "核定编制      行政编制    事业编制    合计\n              14          20\n",
    ],
)
def test_kinds_of_quota_without_a_proven_total_are_not_read(body: str) -> None:
    assert "authorized" not in _staffing(body)


# --- a form's keys wrapped onto the row under them (a PDF cell's title over two lines) -------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "核定教职工  186                               在编在职    172\n"
            "编制数                                        教职工\n"
            "临聘教师    23                                退休人员    64（另有遗属3人）\n",
            {"authorized": "186", "in_service": "172", "retired": "64", "contract": "23"},
        ),
        (
            "核定人员  40      实有在职  38\n编制数            人数\n",
            {"authorized": "40", "in_service": "38"},
        ),
        ("临聘  12      在职  38\n教师          人数\n", {"in_service": "38", "contract": "12"}),
    ],
)
def test_keys_wrapped_onto_the_next_row_are_read_whole(body: str, expected: dict[str, str]) -> None:
    assert _staffing(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        # the rests do not stand in their keys' columns
        "核定人员  40      实有在职  38\n编制数              人数\n",
        "核定人员  40      实有在职  38\n编制数      人数\n",
        # more rests than keys: not the keys' rests
        "核定教职工  186    在编在职    172\n编制数             教职工      人员\n",
    ],
)
def test_rows_under_keys_that_are_not_their_rests_are_not_joined(body: str) -> None:
    assert _staffing(body) == {}


def test_a_wrapped_key_naming_a_sub_population_is_not_read() -> None:
    assert "in_service" not in _staffing("在职  38      退休  12\n党员          人数\n")


# --- a row of pairs is no header of column titles ------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "人员情况\t编制数\t11\t实有人数\t25\n在职\t10\t退休\t15\n",
            {"authorized": "11", "actual_total": "25", "in_service": "10", "retired": "15"},
        ),
        # the roles under it missing the 实有: the quota is not taken from them either
        (
            "人员情况\t编制数\t11\t实有人数\t25\n在职\t10\t退休\t14\n",
            {"authorized": "11", "actual_total": "25"},
        ),
    ],
)
def test_a_row_of_pairs_over_role_rows_gives_no_columns(
    body: str, expected: dict[str, str]
) -> None:
    assert _staffing(body) == expected


# --- what proves a row of pairs: a second staffing pair, or a staffing row beside it ----------


@pytest.mark.parametrize(
    "body",
    [
        "单位性质    行政单位    编制人数    30\n",  # one staffing pair beside another key, alone
        "退休人数    13    内设机构    7个\n",
        # a key naming a head-count this reading does not place: the row is left to the others
        "编制人数    30    现有在编职工    28    退休人数    6\n",
    ],
)
def test_a_row_that_does_not_prove_its_pairs_is_not_read(body: str) -> None:
    assert _staffing(body) == {}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the split of 离退休 on the row under it: read when it adds up, not when it misses
        (
            "编制数    30    在职人数    29    离退休人数    12\n            退休    11    离休    1\n",
            {"authorized": "30", "in_service": "29", "retired": "11", "retired_cadres": "1"},
        ),
        (
            "编制数    30    在职人数    29    离退休人数    12\n            退休    10    离休    1\n",
            {"authorized": "30", "in_service": "29", "retired": "12"},
        ),
        # a bare 在职 beside another kind of people: read only when the split adds up to 实有
        (
            "编制数  30  实有人数  41  在职  29  劳务派遣  3\n",
            {"authorized": "30", "actual_total": "41"},
        ),
        (
            "编制数  30  实有人数  41  在职  29  退休  12  劳务派遣  3\n",
            {"authorized": "30", "actual_total": "41", "in_service": "29", "retired": "12"},
        ),
    ],
)
def test_bare_role_words_beside_other_people_are_read_only_when_they_add_up(
    body: str, expected: dict[str, str]
) -> None:
    assert _staffing(body) == expected
