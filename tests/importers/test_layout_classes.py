"""Issue 9's layout and spelling classes, each pinned by variants written for these tests (not
copied from any report): counts and amounts whose label stands on the line before (tables
flattened one cell per line), money tables flattened one cell per line, retirees counted within
the actual head-count, traditional characters, spaces inside words, OCR's 2 for ≥ in score
tables. Each gives the figures listed and nothing else; the layouts that cannot be read with
certainty give nothing.
"""

from __future__ import annotations

import pytest

from jixiao.importers.result import ImportResult
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

TITLE = "某市图书馆2023年度部门整体支出绩效评价报告\n"


def figures_read(text: str) -> dict[str, str]:
    return claimed_figures(import_text(TITLE + text))


def ids(result: ImportResult) -> list[str]:
    return [f.id for f in result.findings]


# ── a count whose label stands on the line before ───────────────────────────────────────────

COUNTS_UNDER_LABELS: list[tuple[str, dict[str, str]]] = [
    (
        "人员情况如下：\n编制人数\n18人\n实有人数\n16人\n退休人员\n5人\n",
        {
            "staffing.authorized": "18",
            "staffing.actual_total": "16",
            "staffing.retired": "5",
        },
    ),
    (
        "(一)机构人员\n在职职工\n26人\n离退休人员\n14人\n",
        {"staffing.in_service": "26", "staffing.retired": "14"},
    ),
    ("二、人员\n核定编制\n40名\n", {"staffing.authorized": "40"}),
    # a header row flattened before its values: which count is whose cannot be told
    ("编制人数\n实有人数\n退休人员\n18人\n16人\n5人\n", {}),
    # a label that names no role
    ("党员人数\n12人\n", {}),
]


@pytest.mark.parametrize(("text", "expected"), COUNTS_UNDER_LABELS)
def test_counts_with_their_label_on_the_line_before(text: str, expected: dict[str, str]) -> None:
    found = figures_read(text)
    assert {k: v for k, v in found.items() if k.startswith("staffing.")} == expected


# ── retirees within the actual head-count ───────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "实有人数21人（含退休人员3人）。",
            {"staffing.actual_total": "21", "staffing.retired": "3"},
        ),
        (
            "年末实有人员40人(其中退休人员9人)。",
            {"staffing.actual_total": "40", "staffing.retired": "9"},
        ),
        # a sub-unit's retirees in brackets are not the department's
        ("局本级人员30人（含退休人员3人）。", {}),
    ],
)
def test_retirees_counted_within_the_actual_head_count(text: str, expected: dict[str, str]) -> None:
    found = figures_read(text)
    assert {k: v for k, v in found.items() if k.startswith("staffing.")} == expected


# ── a money table flattened one cell per line ───────────────────────────────────────────────

FLAT_TABLE = (
    "单位：万元\n项目\n年初预算\n全年预算\n实际支出\n"
    "基本支出\n320.50\n335.20\n335.20\n"
    "项目支出\n150.00\n186.40\n170.85\n"
    "合计\n470.50\n521.60\n506.05\n"
)


def test_a_money_table_flattened_one_cell_per_line_is_read() -> None:
    assert figures_read(FLAT_TABLE) == {
        "budget.total": "521.6",
        "budget.basic": "335.2",
        "budget.project": "186.4",
        "budget.initial_total": "470.5",
        "executed.total": "506.05",
        "executed.basic": "335.2",
        "executed.project": "170.85",
    }


def test_a_flattened_table_with_the_total_row_first_and_two_columns() -> None:
    text = "单位：万元\n项目\n预算数\n决算数\n合计\n800.00\n760.00\n基本支出\n500.00\n480.00\n项目支出\n300.00\n280.00\n"
    found = figures_read(text)
    assert found["budget.total"] == "800" and found["executed.total"] == "760"
    assert found["executed.basic"] == "480" and found["budget.project"] == "300"


@pytest.mark.parametrize(
    "text",
    [
        FLAT_TABLE.replace("335.20\n335.20\n", "335.20\n"),  # a cell lost in flattening
        FLAT_TABLE.replace("合计\n470.50\n521.60\n506.05\n", ""),  # no 合计 row proves the columns
        # the 合计 row adds up in no column
        FLAT_TABLE.replace("470.50\n521.60\n506.05", "470.60\n521.70\n506.50"),
        FLAT_TABLE.replace("单位：万元\n", ""),  # no unit stated
    ],
)
def test_a_flattened_table_the_arithmetic_does_not_prove_is_not_read(text: str) -> None:
    assert figures_read(text) == {}


def test_a_flattened_table_whose_total_row_adds_up_in_two_columns_of_three_is_read_as_written() -> (
    None
):
    # the columns adding up prove the alignment; the third is the report's own difference
    result = import_text(TITLE + FLAT_TABLE.replace("506.05", "506.50"))
    assert result.sources["executed.total"].text.endswith("506.50")
    assert claimed_figures(result)["executed.basic"] == "335.2"
    w005 = [f for f in result.findings if f.id == "import.W005"]
    assert len(w005) == 1 and "506.05" in w005[0].message


# ── traditional characters and spaces inside words ─────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "本局年初預算1,180.00萬元，調整後預算1,302.60萬元。",
            {"budget.total": "1302.6", "budget.initial_total": "1180"},
        ),
        (
            "本局核定編製35名，實有在編人員31名。",
            {"staffing.authorized": "35", "staffing.in_service": "31"},
        ),
        (
            "全镇核定编制 28 名，实 有 在 编 人 员 23 名。",
            {"staffing.authorized": "28", "staffing.in_service": "23"},
        ),
        (
            "2023 年 度 一 般 公 共 预 算 财 政 拨 款 基 本 支 出 236.40 万 元。",
            {"executed.basic": "236.4"},
        ),
    ],
)
def test_traditional_characters_and_spaces_inside_words(
    text: str, expected: dict[str, str]
) -> None:
    assert figures_read(text) == expected


# ── OCR's 2 for ≥ in a score table ──────────────────────────────────────────────────────────

SCORE_HEADER = "一级指标\n二级指标\n三级指标\n分值\n年度指标值\n实际完成值\n得分\n"


def _score_table(rows: str, total: str) -> ImportResult:
    return import_text(TITLE + SCORE_HEADER + rows + total)


@pytest.mark.parametrize(
    ("target", "actual", "score", "read", "ocr"),
    [
        ("290%", "94%", "50", "90", True),  # a rate target above 200%: ≥90%
        ("2100%", "100%", "50", "100", True),
        ("212场", "15场", "50", "12", True),  # full marks for 15: only ≥12 agrees
        ("212场", "15场", "40", "212", False),  # not full marks: the arithmetic does not decide
        ("≥90%", "94%", "50", "90", False),  # written right
        ("25场", "30场", "50", "25", False),  # a real 25
    ],
)
def test_ocr_two_for_greater_equal_in_a_flattened_score_table(
    target: str, actual: str, score: str, read: str, ocr: bool
) -> None:
    rows = (
        f"产出指标\n数量指标\n举办讲座\n50\n{target}\n{actual}\n{score}\n"
        "满意度指标\n服务对象满意度\n读者满意度\n50\n≥90%\n95%\n50\n"
    )
    total = f"合计\n100\n{50 + int(score)}\n"
    result = _score_table(rows, total)
    first = result.dossier.indicators[0]
    assert str(first.target) == read
    assert ("import.W008" in ids(result)) is ocr


# ── a bare 执行率 under the budget ───────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2.2 预算执行\n全年预算调整后为3,600.00万元，执行率97.17%。", "97.17"),
        ("二、预算执行情况\n总体执行率96.5%。", "96.5"),
        ("二、预算执行情况\n项目资金执行率95%。", None),  # a fund's rate, not the budget's
        ("二、项目情况\n河道清淤项目完成投资500万元，执行率80%。", None),
        ("二、项目情况\n全年预算安排河道项目300万元。项目执行率80%。", None),
    ],
)
def test_a_bare_execution_rate_is_the_budgets_only_under_the_budget(
    text: str, expected: str | None
) -> None:
    assert figures_read(text).get("rates.execution") == expected
