"""CSV cells that a spreadsheet would run as a formula are escaped (OWASP CSV injection rule)."""

from __future__ import annotations

import csv
import io

import pytest

from jixiao.io import csvfile


@pytest.mark.parametrize(
    "text", ["=1+1", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("x")']
)
def test_formula_text_gets_a_leading_quote(text):
    assert csvfile.safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["普通文字", "a=b", "-12.5", "+3", "", 7, None, "'=already"])
def test_other_cells_are_left_as_they_are(value):
    assert csvfile.safe_cell(value) == value


def test_the_writer_escapes_every_cell_of_every_row():
    buffer = io.StringIO()
    writer = csvfile.writer(buffer)
    writer.writerow(["=1", "ok"])
    writer.writerows([["@x", -3], ["-1", "+a"]])
    rows = list(csv.reader(io.StringIO(buffer.getvalue())))
    assert rows == [["'=1", "ok"], ["'@x", "-3"], ["-1", "'+a"]]
