"""Money tables flattened one cell per line (jixiao/importers/flat_tables.py), as properties:
any table whose 合计 row adds up is read cell for cell; the same table with one cell lost is not
read at all (a wrong figure is worse than a missing one); with one number changed, a table of one
column is not read, and a wider one is read as written, the changed column not adding up (the
readers report that difference, as they do for prose). Two rows' numbers swapped within one column
still add up: that is beyond what the arithmetic can see.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.importers.document import ReportText, blocks_from_text
from jixiao.importers.flat_tables import flattened_cells

ROWS = ["基本支出", "项目支出", "上年结转"]
COLUMNS = ["年初预算", "全年预算", "实际支出"]

amounts = st.decimals(min_value=0, max_value=99999, places=2, allow_nan=False)


@st.composite
def tables(draw: st.DrawFn) -> tuple[list[str], list[str], list[list[Decimal]]]:
    rows = draw(st.lists(st.sampled_from(ROWS), min_size=2, max_size=3, unique=True))
    columns = draw(st.lists(st.sampled_from(COLUMNS), min_size=1, max_size=3, unique=True))
    values = [[draw(amounts) for _ in columns] for _ in rows]
    return rows, columns, values


def flattened(rows: list[str], columns: list[str], values: list[list[Decimal]]) -> list[str]:
    totals = [sum((row[c] for row in values), Decimal(0)) for c in range(len(columns))]
    lines = ["单位：万元", "项目", *columns]
    for label, row in zip([*rows, "合计"], [*values, totals], strict=True):
        lines += [label, *(f"{value:f}" for value in row)]
    return lines


def cells(lines: list[str]) -> list[tuple[str, str, Decimal]]:
    report = ReportText("t.txt", blocks_from_text("\n".join(lines)))
    return [(c.row, c.column, c.value) for c in flattened_cells(report.lines)]


@settings(max_examples=60, deadline=None)
@given(tables())
def test_a_table_whose_total_row_adds_up_is_read_cell_for_cell(
    table: tuple[list[str], list[str], list[list[Decimal]]],
) -> None:
    rows, columns, values = table
    read = cells(flattened(rows, columns, values))
    expected = [
        (label, column, value)
        for label, row in zip(rows, values, strict=True)
        for column, value in zip(columns, row, strict=True)
    ]
    assert read[: len(expected)] == expected
    assert [label for label, _, _ in read[len(expected) :]] == ["合计"] * len(columns)


@settings(max_examples=60, deadline=None)
@given(tables(), st.data())
def test_a_lost_cell_leaves_the_whole_table_unread(
    table: tuple[list[str], list[str], list[list[Decimal]]], data: st.DataObject
) -> None:
    rows, columns, values = table
    lines = flattened(rows, columns, values)
    numbers = [i for i, line in enumerate(lines) if line[:1].isdigit()]
    del lines[data.draw(st.sampled_from(numbers))]
    assert cells(lines) == []


@settings(max_examples=60, deadline=None)
@given(tables(), st.data())
def test_a_changed_number_is_read_as_written_only_where_another_column_proves_the_alignment(
    table: tuple[list[str], list[str], list[list[Decimal]]], data: st.DataObject
) -> None:
    rows, columns, values = table
    lines = flattened(rows, columns, values)
    numbers = [i for i, line in enumerate(lines) if line[:1].isdigit()]
    index = data.draw(st.sampled_from(numbers))
    lines[index] = f"{Decimal(lines[index]) + Decimal('0.01'):f}"  # a misread digit, or a slip
    read = cells(lines)
    if len(columns) == 1:
        assert read == []
    else:
        assert [f"{value:f}" for _, _, value in read] == [
            line for line in lines[2 + len(columns) :] if line[:1].isdigit()
        ]


def test_a_swap_within_one_column_is_beyond_the_arithmetic() -> None:
    lines = flattened(["基本支出", "项目支出"], ["预算数"], [[Decimal(500)], [Decimal(300)]])
    assert cells(lines)  # as written: read
    lines[4], lines[6] = lines[6], lines[4]  # "基本支出 300 / 项目支出 500": still adds up…
    # …so the arithmetic cannot see a swap inside one column: the rows are read as written
    assert cells(lines)[0] == ("基本支出", "预算数", Decimal(300))
