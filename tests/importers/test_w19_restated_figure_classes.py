"""Classes of w19-03, w19-04 and w19-08 (a figure stated twice: rounded in prose, exact in the
自评表; or in contradiction), pinned by variants written for these tests (not copied from any
report): the figures each must give, and nothing else.

Classes: a 自评表's money block with a merged caption column ("资金情况" over blank first cells),
laid out with runs of spaces or with tabs, its 基本/项目 rows beside the funding-source rows read
under their columns; one figure stated rounded and exactly (the precise one read, no W003); two
statements in contradiction (W003 kept; the one the report's arithmetic confirms read, else none);
a bare phase after another body's or project's amount is that subject's; a numbered item's long
name before its colon.
"""

from __future__ import annotations

import pytest

from jixiao.importers.normalise import normalise
from jixiao.importers.result import ImportResult
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

OFFICE = "某县档案馆2023年度部门整体支出绩效自评报告\n一、部门整体支出情况\n"


def imported(text: str) -> ImportResult:
    return import_text(OFFICE + text)


def read(text: str) -> dict[str, str]:
    return money_only(claimed_figures(imported(text)))


def figures(text: str) -> dict[str, str]:
    return claimed_figures(imported(text))


def conflicts(text: str) -> list[str]:
    return [f.message for f in imported(text).findings if f.id == "import.W003"]


# ── 1. a 自评表's block with a merged caption column ───────────────────────────────────────

SPACED_BLOCK = (
    "自评表\n金额单位：万元\n"
    "资金情况      项目              年初预算数    全年预算数    全年执行数    分值    执行率    得分\n"
    "              年度资金总额        300.00        320.47        310.13       10     96.77%    9.68\n"
    "              其中：财政拨款      300.00        310.47        300.13       -       -         -\n"
    "                    上年结转                    10.00         10.00       -       -         -\n"
    "              基本支出            200.00        205.17        204.90       -       -         -\n"
    "              项目支出            100.00        115.30        105.23       -       -         -\n"
)
BLOCK_FIGURES = {
    "budget.total": "320.47",
    "budget.basic": "205.17",
    "budget.project": "115.3",
    "executed.total": "310.13",
    "executed.basic": "204.9",
    "executed.project": "105.23",
}


def _subset(found: dict[str, str], expected: dict[str, str]) -> bool:
    return all(found.get(key) == value for key, value in expected.items())


def test_a_space_aligned_block_with_a_caption_column_is_read_under_its_columns() -> None:
    found = read(SPACED_BLOCK)
    assert _subset(found, BLOCK_FIGURES), found


def test_other_captions_and_row_title_read_alike() -> None:
    text = SPACED_BLOCK.replace("资金情况      项目      ", "预算执行    资金来源    ")
    assert _subset(read(text), BLOCK_FIGURES)


def test_a_blank_middle_cell_keeps_its_column() -> None:
    # 上年结转 has no 年初预算数: its 10.00 stays under 全年预算数, not 年初预算数
    lines = normalise(SPACED_BLOCK).text.split("\n")
    carry = next(line for line in lines if "上年结转" in line)
    assert carry.split("\t")[:3] == ["上年结转", "", "10.00"]  # the caption column dropped


def test_numbers_that_stand_under_no_title_are_no_row() -> None:
    shifted = SPACED_BLOCK.replace(
        "              基本支出            200.00        205.17        204.90",
        "              基本支出  200.00  205.17  204.90",
    )
    lines = normalise(shifted).text.split("\n")
    assert not any("\t" in line for line in lines if "200.00" in line)


TAB_BLOCK = (
    "自评表\n金额单位：元\n"
    "部门名称\t某县档案馆\n"
    "年度资金情况\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
    "\t年度资金总额\t3,000,000.00\t3,204,700.00\t3,101,300.00\t10\t96.76%\t9.68\n"
    "\t其中：财政拨款\t3,000,000.00\t3,104,700.00\t3,001,300.00\t—\t—\t—\n"
    "\t上年结转\t\t100,000.00\t100,000.00\t—\t—\t—\n"
    "\t基本支出\t2,000,000.00\t2,051,700.00\t2,049,000.00\t—\t—\t—\n"
    "\t项目支出\t1,000,000.00\t1,153,000.00\t1,052,300.00\t—\t—\t—\n"
)


def test_a_tab_block_with_a_caption_column_is_read_under_its_columns() -> None:
    assert _subset(read(TAB_BLOCK), BLOCK_FIGURES)


def test_a_caption_column_is_dropped_only_when_every_row_leaves_it_blank() -> None:
    # one row with a label of its own in the caption's column: which column is whose is not
    # proven, and the rows with a blank first cell are not read
    text = TAB_BLOCK.replace("\t上年结转\t\t", "上年结转\t\t\t")
    found = read(text)
    assert "budget.basic" not in found and "executed.project" not in found


# ── 2. one figure stated rounded and exactly ──────────────────────────────────────────────

ROUNDED = [
    "全年预算数320.5万元，全年执行数310.1万元，执行率96.8%。\n",
    "2023年全年预算320.5万元、全年实际支出310.1万元，预算执行率96.8%。\n",
    "本年度全年预算数为320.5万元，全年执行数为310.1万元，执行率为96.8%。\n",
]


@pytest.mark.parametrize("prose", ROUNDED)
def test_the_precise_statement_is_read_without_a_contradiction(prose: str) -> None:
    text = prose + SPACED_BLOCK
    found = figures(text)
    assert found["budget.total"] == "320.47"
    assert found["executed.total"] == "310.13"
    assert found["rates.execution"] == "96.77"
    assert conflicts(text) == []


def test_whole_ten_thousands_round_the_table_too() -> None:
    text = "全年预算数320万元，全年执行数310万元。\n" + SPACED_BLOCK
    assert figures(text)["budget.total"] == "320.47"
    assert conflicts(text) == []


def test_a_figure_beyond_the_rounding_is_a_contradiction() -> None:
    # 320.4 is not 320.47 rounded: two figures, reported
    text = "全年预算数320.4万元，全年执行数310.1万元。\n" + SPACED_BLOCK
    assert any("320.4" in message for message in conflicts(text))


def test_a_rate_beyond_the_rounding_is_a_contradiction_the_totals_settle() -> None:
    # 96.77 does not round to 96.9: two statements in contradiction (import.W003); the table's
    # 96.77 is the spending over the budget (310.13 / 320.47), so it is read, the prose's kept
    # after it for the checks (w30: the statement the report's arithmetic confirms is read)
    text = "全年预算数320.5万元，全年执行数310.1万元，预算执行率96.9%。\n" + SPACED_BLOCK
    rates = [s.value for s in imported(text).dossier.stated if s.key == "rates.execution"]
    assert [str(rate) for rate in rates] == ["96.77", "96.9"]
    assert any("96.9%" in message and "96.77%" in message for message in conflicts(text))


# ── 3. two statements in contradiction ───────────────────────────────────────────────────

TABLE_PARTS = (
    "\n基本支出、项目支出情况表（单位：万元）\n"
    "项目\t全年预算数\t全年执行数\n"
    "年度资金总额\t548.27\t513.86\n"
    "基本支出\t386.27\t384.13\n"
    "项目支出\t162.00\t129.73\n"
)


def test_the_statement_its_parts_add_up_to_is_read() -> None:
    text = "全年预算548.27万元，全年实际支出531.86万元。" + TABLE_PARTS
    assert read(text)["executed.total"] == "513.86"
    assert any("531.86" in message for message in conflicts(text))


def test_the_statement_the_stated_rate_confirms_is_read() -> None:
    text = (
        "2023年全年预算548.27万元，预算执行率93.72%。\n"
        "全年实际支出531.86万元。\n"
        "附表（单位：万元）\n项目\t全年预算数\t全年执行数\n年度资金总额\t548.27\t513.86\n"
        "合计说明\t—\t—\n"
    )
    found = read(text)
    assert found.get("executed.total") == "513.86", found


def test_neither_confirmed_neither_is_read() -> None:
    text = (
        "全年预算548.27万元，全年实际支出531.86万元。\n"
        "附表（单位：万元）\n项目\t全年预算数\t全年执行数\n年度资金总额\t548.27\t513.86\n"
        "合计说明\t—\t—\n"
    )
    assert "executed.total" not in read(text)
    assert conflicts(text)


# ── 4. a bare phase after another subject's amount ─────────────────────────────────────────

OTHER_SUBJECT = [
    "县档案技术服务中心2023年全年预算63.50万元、支出61.28万元，不在本报告范围内。",
    "2.档案数字化工程：全年预算96.00万元，实际支出90.20万元。",
    "3、档案修复专项资金：安排45.00万元，支出44.10万元。",
]


@pytest.mark.parametrize("line", OTHER_SUBJECT)
def test_a_bare_phase_after_another_subjects_amount_is_that_subjects(line: str) -> None:
    found = read("全年预算数960.00万元，全年实际支出931.50万元。\n" + line)
    assert found == {"budget.total": "960", "executed.total": "931.5"}


def test_the_departments_own_bare_phase_is_still_read() -> None:
    assert read("2023年全年预算960.00万元，实际支出931.50万元。") == {
        "budget.total": "960",
        "executed.total": "931.5",
    }


# ── 5. a numbered item's long name before its colon ───────────────────────────────────────


def test_a_long_numbered_project_name_before_its_colon_names_the_project() -> None:
    line = "1.城乡居民档案信息化建设项目（二期工程部分）：预算142.00万元，执行138.65万元。"
    found = read("全年预算数960.00万元，全年实际支出931.50万元。\n（三）重点项目\n" + line)
    assert found == {"budget.total": "960", "executed.total": "931.5"}


def test_a_form_field_before_a_colon_is_still_no_label() -> None:
    found = read(
        "全年预算数960.00万元，全年实际支出931.50万元。\n项目名称：道路维修，预算：50万元。"
    )
    assert found == {"budget.total": "960", "executed.total": "931.5"}


# ── the checks: a statement rounded from the other is the same figure ─────────────────────


def _stated_conflicts(text: str) -> list[str]:
    from jixiao.frameworks import evaluate_with

    findings = evaluate_with(imported(text).dossier).findings
    return [f.message for f in findings if f.id == "stated.E001"]


def test_the_checks_take_a_rounded_restatement_for_the_same_figure() -> None:
    # the precise statement is stated first; the rounded one after it agrees (320.5 / 320.47)
    assert _stated_conflicts("全年预算数320.5万元，全年执行数310.1万元。\n" + SPACED_BLOCK) == []


def test_the_checks_still_report_a_statement_beyond_the_rounding() -> None:
    text = "全年预算548.27万元，全年实际支出531.86万元。" + TABLE_PARTS
    assert any("531.86" in message for message in _stated_conflicts(text))
