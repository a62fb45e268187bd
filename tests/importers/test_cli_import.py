"""`jixiao import`, `jixiao template xlsx`, `jixiao export`: output shapes and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from jixiao.cli.main import app
from jixiao.core.figures import FigureBook
from jixiao.io.dossiers import load_dossier

from .conftest import SEED_DOSSIER, SEED_REPORT

runner = CliRunner()


def test_import_json_shape() -> None:
    result = runner.invoke(app, ["import", str(SEED_REPORT), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"dossier", "figures", "findings", "sources", "missing"}
    assert data["missing"] == []
    assert data["figures"] == FigureBook(load_dossier(SEED_DOSSIER)).flat()
    assert data["sources"]["staffing.actual_total"] == {
        "text": "实有人数42人",
        "where": "original-report.txt 第19段 字符25-32",
    }


def test_import_writes_a_dossier_that_checks(tmp_path: Path) -> None:
    output = tmp_path / "draft.yaml"
    result = runner.invoke(app, ["import", str(SEED_REPORT), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert "万载县机关事务管理局" in result.stdout
    assert load_dossier(output).profile.name == "万载县机关事务管理局"
    checked = runner.invoke(app, ["check", str(output), "--json"])
    assert checked.exit_code in (0, 1), checked.output
    assert "findings" in json.loads(checked.stdout)


def test_import_then_check_finds_a_total_stated_differently(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(
        "某县某某局2021年度部门整体支出绩效自评报告\n一、概况\n实有人数42人。\n二、绩效\n本单位实有人数40人。\n",
        encoding="utf-8",
    )
    output = tmp_path / "r.yaml"
    assert runner.invoke(app, ["import", str(report), "-o", str(output)]).exit_code == 0
    checked = runner.invoke(app, ["check", str(output), "--json"])
    findings = json.loads(checked.stdout)["findings"]
    conflict = [f for f in findings if f["id"] == "stated.E001"]
    assert conflict and conflict[0]["source"]["text"] == "本单位实有人数40人"


def test_unreadable_input_exits_2_with_a_message(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["import", str(tmp_path / "none.txt")])
    assert missing.exit_code == 2
    assert "不存在" in missing.output
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(bytes(range(256)) * 10)
    result = runner.invoke(app, ["import", str(garbage)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_template_import_and_export_round_trip(tmp_path: Path) -> None:
    template = tmp_path / "t.xlsx"
    assert runner.invoke(app, ["template", "xlsx", "-o", str(template)]).exit_code == 0
    empty = runner.invoke(app, ["import", str(template)])
    assert empty.exit_code == 2 and "基本信息!B2" in empty.output
    exported = tmp_path / "seed.xlsx"
    result = runner.invoke(app, ["export", str(SEED_DOSSIER), "-f", "xlsx", "-o", str(exported)])
    assert result.exit_code == 0, result.output
    back = tmp_path / "back.yaml"
    assert runner.invoke(app, ["import", str(exported), "-o", str(back)]).exit_code == 0
    assert load_dossier(back) == load_dossier(SEED_DOSSIER)
    assert runner.invoke(app, ["export", str(SEED_DOSSIER), "-f", "ods"]).exit_code == 2


def test_brackets_in_text_and_file_names_are_printed_literally(tmp_path: Path) -> None:
    report = tmp_path / "报告[2021].txt"
    report.write_text(
        "某县[城管]局2021年度部门整体支出绩效自评报告\n编制人员19人。\n实有人数[注]5人。\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["import", str(report)])
    assert result.exit_code == 0, result.output
    assert "某县[城管]局" in result.stdout and "报告[2021].txt" in result.stdout


def test_a_report_without_year_or_department_imports_as_a_draft(tmp_path: Path) -> None:
    report = tmp_path / "无题.txt"
    report.write_text("一、基本情况\n本单位在职人员8人。\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(report)])
    assert result.exit_code == 0, result.output
    assert "草稿 draft" in result.stdout and "--year" in result.stdout
    assert "import.W011" in result.stdout and "import.W001" in result.stdout


def test_year_and_department_options_supply_and_override(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(
        "平乡县档案馆2022年度部门整体支出绩效自评报告\n在职人员8人。\n", encoding="utf-8"
    )
    output = tmp_path / "d.yaml"
    arguments = ["import", str(report), "--year", "2023", "--department", "平乡县档案局"]
    result = runner.invoke(app, [*arguments, "-o", str(output), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["missing"] == [] and "import.W012" in {f["id"] for f in data["findings"]}
    dossier = load_dossier(output)
    assert (dossier.year, dossier.profile.name) == (2023, "平乡县档案局")


def test_year_option_on_a_workbook_is_refused(tmp_path: Path) -> None:
    workbook = tmp_path / "t.xlsx"
    assert runner.invoke(app, ["template", "xlsx", "-o", str(workbook)]).exit_code == 0
    result = runner.invoke(app, ["import", str(workbook), "--year", "2023"])
    assert result.exit_code == 2 and "--year" in result.output
