"""Classes of the w22 first run (tests/fixtures/corpus/w22-04, 05, 07, 08: 部门整体支出绩效评价报告
by finance bureaus and third-party firms), pinned by variants written for these tests (not copied
from any report): the figures each must give, and nothing else. Each class has variants that
must NOT be read.

Classes: a staffing table by kind of quota (行政编制 / 事业编制 / 工勤编制 rows) with a 合计 row —
its 编制数 parts checked against the 合计 (import.W004 when they miss), its 实有人数 合计 the stated
实有, not the staff in service (unless the table counts its retirees in a row of their own);
"离退休人员N人，其中离休M人" outside brackets — 离退休 stays the count, as in brackets; a report
whose title year its money never uses (import.W013) — the body's year is the year evaluated, so
its result (grade, score) is no earlier year's; "支出决算中基本支出…、项目支出…" — the phase written
with the first of a 基本/项目 pair is the pair's (also across a ；), so a 决算 total and its parts
are one side and a table's 支出决算数 column beside them is read.
"""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

BUREAU = "某县农业农村局2023年度部门整体支出绩效评价报告\n委托方：某县财政局\n一、部门基本情况\n"


def staffing(text: str) -> dict[str, str]:
    figures = claimed_figures(import_text(BUREAU + text))
    return {key: value for key, value in figures.items() if key.startswith("staffing.")}


def finding_ids(text: str) -> list[str]:
    return [finding.id for finding in import_text(BUREAU + text).findings]


def finding_messages(text: str, finding_id: str) -> list[str]:
    return [f.message for f in import_text(BUREAU + text).findings if f.id == finding_id]


# ── 1. a staffing table by kind of quota with a 合计 row ────────────────────────────────────

QUOTA_TYPE_TABLES = [
    (
        "表1 编制及人员情况\n类型\t编制数\t实有人数\n行政编制\t12\t11\n事业编制\t8\t7\n合计\t20\t18\n",
        {"staffing.authorized": "20", "staffing.actual_total": "18"},
    ),
    (
        "人员情况表\n┌──────┬────┬────┐\n│编制类别│核定编制│实有人数│\n├──────┼────┼────┤\n"
        "│参公事业编制│9│9│\n│机关工勤编制│2│1│\n│合计│11│10│\n└──────┴────┴────┘\n",
        {"staffing.authorized": "11", "staffing.actual_total": "10"},
    ),
    (
        # retirees in a row of their own under the 合计: the 合计 is of the staff in service
        "类别\t编制数\t实有人数\n行政编制\t12\t11\n事业编制\t8\t7\n合计\t20\t18\n退休人员\t—\t9\n",
        {"staffing.authorized": "20", "staffing.in_service": "18", "staffing.retired": "9"},
    ),
    (
        # rows by kind of people (行政人员…): the 合计's head-count is the staff in service, as before
        "人员类别\t编制数\t实有人数\n行政人员\t18\t17\n事业人员\t26\t24\n合计\t44\t41\n",
        {"staffing.authorized": "44", "staffing.in_service": "41"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), QUOTA_TYPE_TABLES)
def test_a_total_row_under_rows_by_kind_of_quota(text: str, expected: dict[str, str]) -> None:
    assert staffing(text) == expected


def test_the_quota_parts_that_miss_the_total_row_are_reported() -> None:
    text = "编制类别\t编制数\t实有人数\n行政编制\t12\t11\n事业编制\t8\t7\n工勤编制\t2\t2\n合计\t23\t20\n"
    assert staffing(text) == {"staffing.authorized": "23", "staffing.actual_total": "20"}
    (message,) = finding_messages(text, "import.W004")
    assert "合计23人" in message and "合计22" in message
    assert "行政编制12" in message and "工勤编制2" in message


def test_the_quota_parts_of_standard_types_that_add_up_fill_the_breakdown() -> None:
    result = import_text(
        BUREAU + "编制类别\t编制数\t实有人数\n行政编制\t12\t11\n工勤编制\t2\t2\n合计\t14\t13\n"
    )
    authorized = result.dossier.staffing.authorized
    assert {str(k.value if hasattr(k, "value") else k): v for k, v in authorized.items()} == {
        "行政编制": 12,
        "工勤": 2,
    }
    assert "import.W004" not in [f.id for f in result.findings]


@pytest.mark.parametrize(
    "text",
    [
        # the rows' 实有 cells miss the 合计 (a cell lost or a row left out): 实有 not read
        "类别\t编制数\t实有人数\n行政编制\t12\t11\n事业编制\t8\t7\n合计\t20\t19\n",
        # no 合计 row: nothing read, as before
        "类别\t编制数\t实有人数\n行政编制\t12\t11\n事业编制\t8\t7\n",
        # a 编外 row among them: the 合计 is no total of quota kinds
        "类别\t编制数\t实有人数\n行政编制\t12\t11\n编外人员\t—\t7\n合计\t12\t18\n",
    ],
)
def test_a_total_row_not_over_quota_kinds_gives_no_head_count(text: str) -> None:
    read = staffing(text)
    assert "staffing.actual_total" not in read
    assert "staffing.in_service" not in read


# ── 2. 离休 the one part written of a 离退休 count, outside brackets ────────────────────────


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "本局实有人数30人，离退休人员15人，其中离休2人。",
            {"staffing.actual_total": "30", "staffing.retired": "15"},
        ),
        (
            "本局实有人数30人，离退休人员共15人，含离休干部2人；另有编外人员4人。",
            {"staffing.actual_total": "30", "staffing.retired": "15", "staffing.contract": "4"},
        ),
        (
            "本局实有人数30人，离退休职工15名,其中离休人员2名。",
            {"staffing.actual_total": "30", "staffing.retired": "15"},
        ),
    ],
)
def test_retired_cadres_alone_within_a_combined_count(text: str, expected: dict[str, str]) -> None:
    assert staffing(text) == expected
    assert "import.I003" in finding_ids(text)  # 离退休 counted as retired, said so


def test_a_combined_count_split_into_both_is_read_by_its_parts() -> None:
    # the split states 退休 itself: each part in its role, as before (must not keep 离退休 15)
    assert staffing("本局实有人数30人，离退休人员15人，其中离休2人、退休13人。") == {
        "staffing.actual_total": "30",
        "staffing.retired": "13",
        "staffing.retired_cadres": "2",
    }


# ── 3. the title's year against the body's: the result of the year evaluated ───────────────


def graded(text: str) -> str | None:
    evaluation = import_text(text).dossier.self_evaluation
    return evaluation.grade if evaluation else None


@pytest.mark.parametrize(
    ("text", "grade"),
    [
        (
            "某县妇女联合会2023年度部门整体支出绩效评价报告\n\n评价对象为县妇联2022年度部门整体支出。"
            "2022年度全年预算安排236.00万元，全年实际支出229.00万元。\n"
            "综上，县妇联2022年度部门整体支出绩效评价得分78.6分，评价等级为“中”。\n",
            "中",
        ),
        (
            "某县文化馆2024年度部门整体支出绩效评价报告\n\n2023年度全年预算300.00万元，全年支出"
            "290.00万元。\n经评价，该馆2023年度整体支出绩效评价等次为良好。\n",
            "良",
        ),
        # an earlier year than the body's money: that year's result, set aside
        (
            "某县文化馆2024年度部门整体支出绩效评价报告\n\n2023年度全年预算300.00万元，全年支出"
            "290.00万元。\n经评价，该馆2022年度整体支出绩效评价等次为良好。\n",
            None,
        ),
        # title and money agree: last year's grade stays last year's
        (
            "某县文化馆2023年度部门整体支出绩效评价报告\n\n2023年度全年预算300.00万元，全年支出"
            "290.00万元。\n经评价，该馆2022年度整体支出绩效评价等次为良好。\n",
            None,
        ),
    ],
)
def test_the_result_of_the_year_the_body_evaluates(text: str, grade: str | None) -> None:
    assert graded(text) == grade


# ── 4. the phase written with the first of a 基本/项目 pair ─────────────────────────────────

TOTALS = "2023年度预算安排数1,200.00万元，支出决算数1,150.00万元。"
SPENT_SPLIT = {
    "budget.total": "1200",
    "budget.initial_total": "1200",
    "executed.total": "1150",
    "executed.basic": "800",
    "executed.project": "350",
}


@pytest.mark.parametrize(
    "split",
    [
        "支出决算中基本支出800.00万元、项目支出350.00万元。",
        "决算中基本支出800.00万元；项目支出350.00万元。",
        "决算支出中基本支出800.00万元，项目支出350.00万元。",
    ],
)
def test_a_pair_opened_by_a_spending_phase_shares_it(split: str) -> None:
    assert money_only(claimed_figures(import_text(BUREAU + TOTALS + split))) == SPENT_SPLIT


def test_a_class_table_beside_the_pair_gives_its_spending_column() -> None:
    text = (
        TOTALS
        + "支出决算中基本支出800.00万元、项目支出350.00万元。按经济分类如下（单位：万元）：\n"
        "科目\t预算安排数\t支出决算数\n工资福利支出\t700.00\t690.00\n商品和服务支出\t300.00\t280.00\n"
        "资本性支出\t200.00\t180.00\n合计\t1,200.00\t1,150.00\n"
    )
    read = money_only(claimed_figures(import_text(BUREAU + text)))
    assert read["executed.total"] == "1150"
    assert (read["executed.wages"], read["executed.goods_services"], read["executed.capital"]) == (
        "690",
        "280",
        "180",
    )


def test_a_budgets_pair_is_not_spending() -> None:
    # a budget's split: the budget's phase, never the spending's
    read = money_only(
        claimed_figures(
            import_text(BUREAU + TOTALS + "预算中基本支出850.00万元、项目支出350.00万元。")
        )
    )
    assert "executed.basic" not in read and "executed.project" not in read
    assert (read["budget.basic"], read["budget.project"], read["executed.total"]) == (
        "850",
        "350",
        "1150",
    )


def test_a_pair_whose_parts_state_their_own_phases_shares_none() -> None:
    # each part with a phase of its own, differing: the 项目支出 stays the budget's
    read = money_only(
        claimed_figures(
            import_text(BUREAU + TOTALS + "基本支出决算800.00万元、项目支出预算400.00万元。")
        )
    )
    assert "executed.project" not in read
    assert read.get("budget.project") == "400"
