"""Fuzzing the ledger reader: any bytes in a ledger file give a LedgerSet whose aggregates all
compute, or an InputError naming the problems, never another exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from fuzzing import examples, within
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.core.errors import InputError
from jixiao.core.ledgers import AggregateBook
from jixiao.io.ledgers import load_ledger_dir

pytestmark = pytest.mark.fuzz

HEADERS = ["编号", "检修日期", "设备", "已完成", "备注", "overhaul_date", "id", "x", ""]
CELLS = st.one_of(
    st.sampled_from(["A1", "2021-03-01", "2021年2月30日", "是", "否", "", "=1+1", "1e400", "NaN"]),
    st.text(max_size=12),
)
rows = st.lists(st.lists(CELLS, min_size=0, max_size=6), max_size=8)
headers = st.lists(st.sampled_from(HEADERS), min_size=0, max_size=6)


def csv_text(header: list[str], body: list[list[str]]) -> str:
    def line(cells: list[str]) -> str:
        return ",".join('"' + c.replace('"', '""') + '"' for c in cells)

    return "\n".join([line(header), *(line(r) for r in body)])


@settings(max_examples=examples(60))
@given(header=headers, body=rows, raw=st.booleans(), junk=st.binary(max_size=64))
def test_a_ledger_file_reads_or_fails_with_input_error(
    header: list[str], body: list[list[str]], raw: bool, junk: bytes
) -> None:
    with tempfile.TemporaryDirectory() as folder, within(10):
        data = junk if raw else csv_text(header, body).encode("utf-8")
        (Path(folder) / "overhauls.csv").write_bytes(data)
        try:
            ledgers = load_ledger_dir(folder)
        except InputError as error:
            assert error.problems and all(p.zh and p.en for p in error.problems)
            return
        for aggregate in AggregateBook(ledgers, 2021).all():
            assert aggregate.count >= 0
