"""Fuzzing the Excel importer with mutated copies of the exported template and seed workbook.

Each example opens a workbook jixiao itself wrote (the empty template, or the seed dossier
exported) and applies a few edits a person or a hostile file could make: any value in any cell
(formulas, huge and non-finite numbers, dates, long text), rows deleted or inserted, sheets
renamed, removed or added. The property: a usable draft, or InputError naming a place.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from fuzzing import assert_usable, examples, within
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from jixiao.core.errors import InputError
from jixiao.importers.xlsx import export_workbook, import_xlsx, write_template
from jixiao.io.dossiers import load_dossier

from .conftest import SEED_DOSSIER

pytestmark = pytest.mark.fuzz

CELLS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**18), 10**18),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=date(1900, 1, 1)),
    st.datetimes(min_value=datetime(1900, 1, 1)),
    st.times(),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40),
    st.sampled_from(
        [
            "=1/0",
            "=A1",
            "=SUM(B1:B9)",
            "480.26万元",
            "１２３",
            "1,234.5",
            "1e400",
            "NaN",
            "-0",
            "是;否;是",
            "是；也许",
            "年初预算",
            "执行",
            "基本支出",
            "参照公务员管理",
            "≥",
            "G1",
            "优",
            " ",
            "x" * 5000,
        ]
    ),
)


@pytest.fixture(scope="module")
def originals(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("originals")
    write_template(folder / "template.xlsx")
    export_workbook(load_dossier(SEED_DOSSIER), folder / "seed.xlsx")
    return {name: (folder / f"{name}.xlsx").read_bytes() for name in ("template", "seed")}


def _mutate(workbook: Any, data: st.DataObject) -> None:
    for _ in range(data.draw(st.integers(1, 8), label="edits")):
        names = workbook.sheetnames
        sheet = workbook[data.draw(st.sampled_from(names), label="sheet")]
        edit = data.draw(
            st.sampled_from(["cell", "cell", "cell", "delete_rows", "insert_rows", "rename"])
            | st.sampled_from(["remove_sheet", "add_sheet", "delete_cols"])
        )
        if edit == "cell":
            row, column = data.draw(st.integers(1, 40)), data.draw(st.integers(1, 10))
            sheet.cell(row=row, column=column, value=data.draw(CELLS, label="value"))
        elif edit == "delete_rows":
            sheet.delete_rows(data.draw(st.integers(1, 30)), data.draw(st.integers(1, 5)))
        elif edit == "insert_rows":
            sheet.insert_rows(data.draw(st.integers(1, 30)), data.draw(st.integers(1, 3)))
        elif edit == "delete_cols":
            sheet.delete_cols(data.draw(st.integers(1, 8)))
        elif edit == "rename":
            title = data.draw(st.sampled_from([*names, "Sheet", "概况 "]), label="title")
            if title not in names:
                sheet.title = title
        elif edit == "remove_sheet" and len(names) > 1:
            workbook.remove(sheet)
        elif edit == "add_sheet":
            workbook.create_sheet(data.draw(st.sampled_from(["额外", "Sheet9"])))


@settings(
    max_examples=examples(25),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.sampled_from(["template", "seed"]), st.data())
def test_mutated_workbooks_import_or_refuse(
    tmp_path: Path, originals: dict[str, bytes], name: str, data: st.DataObject
) -> None:
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(originals[name])
    workbook = load_workbook(path)
    _mutate(workbook, data)
    workbook.save(path)
    with within(30):
        try:
            result = import_xlsx(path)
        except InputError as error:
            assert error.problems and str(error)
            return
        assert_usable(result.dossier)
