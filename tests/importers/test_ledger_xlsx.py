"""Ledger workbooks: the first sheet of ``<ledger>.xlsx`` read as its CSV would be, with dates,
numbers and booleans as Excel stores them, and errors naming the sheet's row."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from jixiao.core.errors import InputError
from jixiao.frameworks.ledgers import load_conversion_factors
from jixiao.importers.ledgers import ledgers_for, load_ledgers


def workbook(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def test_a_ledger_workbook_beside_csv_files(tmp_path: Path) -> None:
    workbook(
        tmp_path / "greening_surveys.xlsx",
        [
            ["# 示例数据"],
            ["编号", "调查日期", "区域", "种植数", "成活数"],
            ["G1", datetime(2021, 10, 26), "东广场", 300, 288.0],
        ],
    )
    (tmp_path / "overhauls.csv").write_text("编号,检修日期,设备\nA1,2021-03-01,空调\n", "utf-8")
    ledgers = load_ledgers(tmp_path)
    (survey,) = ledgers.greening_surveys
    assert (survey.surveyed_on.isoformat(), survey.planted, survey.surviving) == (
        "2021-10-26",
        300,
        288,
    )
    assert len(ledgers.overhauls) == 1


def test_a_bad_cell_in_a_workbook_names_its_row(tmp_path: Path) -> None:
    workbook(
        tmp_path / "facility_inspections.xlsx",
        [
            ["编号", "巡查日期", "设施", "完好"],
            ["F1", datetime(2021, 5, 5), "路灯", True],
            ["F2", "五月", "座椅", False],
        ],
    )
    with pytest.raises(InputError) as raised:
        load_ledgers(tmp_path)
    (problem,) = raised.value.problems
    assert problem.render().startswith(
        "第3行 line 3: facility_inspections.xlsx 列“巡查日期”: 应为日期"
    )


def test_the_same_ledger_twice_is_refused(tmp_path: Path) -> None:
    workbook(tmp_path / "overhauls.xlsx", [["编号", "检修日期", "设备"]])
    (tmp_path / "overhauls.csv").write_text("编号,检修日期,设备\n", "utf-8")
    with pytest.raises(InputError, match="同一台账"):
        load_ledgers(tmp_path)


def test_a_dossier_finds_its_ledgers_folder(tmp_path: Path) -> None:
    dossier = tmp_path / "dossier.yaml"
    assert ledgers_for(dossier) is None
    (tmp_path / "ledgers").mkdir()
    (tmp_path / "ledgers" / "overhauls.csv").write_text(
        "编号,检修日期,设备\nA,2021-01-01,x\n", "utf-8"
    )
    found = ledgers_for(dossier)
    assert found is not None and len(found.overhauls) == 1


def test_the_shipped_conversion_factors_and_a_bad_factors_file(tmp_path: Path) -> None:
    factors = load_conversion_factors()
    assert str(factors.factors["电力"].kgce_per_unit) == "0.1229"  # type: ignore[index]
    own = tmp_path / "own.yaml"
    own.write_text(
        "source: 等价值\nfactors:\n  电力: {unit: 千瓦时, kgce_per_unit: 0.3}\n", "utf-8"
    )
    assert str(load_conversion_factors(own).factors["电力"].kgce_per_unit) == "0.3"  # type: ignore[index]
    bad = tmp_path / "factors.yaml"
    bad.write_text("source: x\nfactors:\n  电力: {unit: 度, kgce_per_unit: '0.1229'}\n", "utf-8")
    with pytest.raises(InputError) as raised:
        load_conversion_factors(bad)
    assert raised.value.problems[0].path == "factors.电力.unit"
