"""A table's merged cells written once per grid column (a Word table read cell by cell, a WPS
copy or an export "with merged cells repeated"): a caption merged down a block's rows at the head
of each row, a title merged over several columns and the value under it repeated in each. Each
variant written for the test, with the cases that must stay as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from jixiao.importers.docx import import_docx
from jixiao.importers.pastings.merged_cells import merged_cells
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

TITLE = "某县林业局2023年度部门整体支出绩效自评表\n"
MONEY = (
    "预算执行情况\t项目\t年初预算数\t全年预算数\t全年执行数\t执行率\n"
    "预算执行情况\t合计\t812.40\t866.15\t850.02\t98.14%\n"
)


def _staffing(text: str) -> dict[str, str]:
    figures = claimed_figures(import_text(TITLE + text + MONEY))
    return {
        key.split(".")[1]: value for key, value in figures.items() if key.startswith("staffing.")
    }


FOUR = {"authorized": "33", "actual_total": "40", "in_service": "29", "retired": "11"}

MERGED = [
    # the caption merged down, the last title merged over the table's spare columns
    "人员情况\t编制数\t实有人数\t在职人数\t退休人数\t退休人数\t退休人数\n"
    "人员情况\t33\t40\t29\t11\t11\t11\n",
    # other titles, counts with units, no spare columns: only the caption repeats
    "人员构成\t核定编制\t实有人员\t在职人员\t退休人员\n人员构成\t33人\t40人\t29人\t11人\n",
    # a title merged over two columns in the middle of the row
    "人员情况\t编制人数\t编制人数\t实有人数\t在职人数\t退休人数\n人员情况\t33\t33\t40\t29\t11\n",
]


@pytest.mark.parametrize("text", MERGED)
def test_a_staffing_block_with_merged_cells_repeated_is_read(text: str) -> None:
    assert _staffing(text) == FOUR


def test_a_merged_title_over_different_values_is_not_made_one() -> None:
    # two 退休人数 columns with 11 and 12 under them: no merge, and a role twice is not read
    text = "人员情况\t编制数\t实有人数\t退休人数\t退休人数\n人员情况\t33\t40\t11\t12\n"
    assert "retired" not in _staffing(text)


def _rewritten(text: str) -> str:
    return merged_cells(text, list(range(len(text))))[0]


def test_equal_amounts_under_different_titles_stay_as_written() -> None:
    text = "项目\t年初预算数\t全年预算数\t全年执行数\n合计\t500.00\t500.00\t500.00\n"
    assert _rewritten(text) == text


def test_a_repeated_row_label_is_no_caption() -> None:
    # the first cells differ: a row label, not a caption merged down
    text = "项目\t预算数\t预算数\n基本支出\t100.00\t100.00\n项目支出\t50.00\t50.00\n"
    assert _rewritten(text) == "项目\t预算数\n基本支出\t100.00\n项目支出\t50.00\n"


def test_origins_follow_the_cells_kept() -> None:
    text = "人员情况\t退休人数\t退休人数\n人员情况\t11\t11\n"
    folded, origin = merged_cells(text, list(range(len(text))))
    assert folded == "人员情况\t退休人数\n\t11\n"
    assert len(origin) == len(folded)
    eleven = folded.index("11")
    assert origin[eleven : eleven + 2] == [text.index("11"), text.index("11") + 1]


def test_a_word_form_with_merged_cells_imports_its_staffing(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("某县林业局2023年度部门整体支出绩效自评表")
    table = document.add_table(rows=2, cols=7)
    titles = ["人员情况", "编制数", "实有人数", "在职人数", "退休人数", "", ""]
    counts = ["", "33", "40", "29", "11", "", ""]
    for column, (title, count) in enumerate(zip(titles, counts, strict=True)):
        table.cell(0, column).text, table.cell(1, column).text = title, count
    table.cell(0, 0).merge(table.cell(1, 0))  # the caption merged down
    table.cell(0, 4).merge(table.cell(0, 6))  # 退休人数 merged over the spare columns
    table.cell(1, 4).merge(table.cell(1, 6))
    money = document.add_table(rows=2, cols=5)
    for row, cells in enumerate(
        (
            ["项目", "年初预算数", "全年预算数", "全年执行数", "执行率"],
            ["合计", "812.40", "866.15", "850.02", "98.14%"],
        )
    ):
        for column, value in enumerate(cells):
            money.cell(row, column).text = value
    path = tmp_path / "form.docx"
    document.save(str(path))
    figures = claimed_figures(import_docx(path))
    assert {k.split(".")[1]: v for k, v in figures.items() if k.startswith("staffing.")} == FOUR
