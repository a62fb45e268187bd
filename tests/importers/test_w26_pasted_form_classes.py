"""Classes of the w26 first run (tests/fixtures/corpus/w26-03, 07, 08: reports that are only a
部门整体支出绩效自评表, pasted as a plain-text export), pinned by variants written for these tests
(not copied from any report): the figures each must give, and nothing else. Each class has
variants that must NOT be read.

Classes: a 自评表 exported as CSV (quoted cells between commas, trailing empty cells, the block
name repeated in the first cell) — its rows read as tab rows; prose with commas and quotes is no
CSV.
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
