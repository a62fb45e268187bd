"""`jixiao ledgers summary`, and check / figures with a dossier's ledgers (ledgers/ beside the
dossier, or --ledgers DIR): exit codes, JSON shapes and the claims checked against records."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from jixiao.cli.main import app

runner = CliRunner()
SEED_LEDGERS = Path(__file__).resolve().parents[2] / "examples" / "wanzai-2021" / "ledgers"


def invoke(*args: object) -> Any:
    return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})


def test_summary_prints_each_aggregate_with_value_unit_and_records() -> None:
    result = invoke("ledgers", "summary", SEED_LEDGERS, "--year", "2021")
    assert result.exit_code == 0, result.output
    rows = {line.split("│")[1].strip(): line for line in result.stdout.splitlines() if "│" in line}
    overhauls = [cell.strip() for cell in rows["property.overhauls_done"].split("│")[1:-1]]
    assert overhauls == [
        "property.overhauls_done",
        "设备检修次数",
        "12",
        "次",
        "12",
        "JX-2021-01、JX-2021-02、JX-2021-03 等12条",
    ]
    assert "2021年8月23日-29日" in rows["campaigns.energy_week"]
    assert "无记录 no records: security.drills" in result.stdout


def test_summary_json_lists_every_aggregate_with_all_its_record_ids() -> None:
    result = invoke("ledgers", "summary", SEED_LEDGERS, "--year", "2021", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    by_key = {a["key"]: a for a in data["aggregates"]}
    overhauls = by_key["property.overhauls_done"]
    assert (overhauls["value"], overhauls["unit"], overhauls["count"]) == ("12", "次", 12)
    assert overhauls["record_ids"] == [f"JX-2021-{n:02d}" for n in range(1, 13)]
    satisfaction = by_key["satisfaction.rate"]
    assert (satisfaction["value"], satisfaction["count"]) == ("93.2", 250)
    assert satisfaction["detail"] == "满意及非常满意233份/有效问卷250份"
    assert by_key["campaigns.energy_week"]["start"] == "2021-08-23"
    assert by_key["greening.survival_rate"]["value"] == "96"
    assert by_key["meetings.served"]["value"] == "463" and by_key["meetings.errors"]["value"] == "0"
    assert by_key["property.facilities_intact_share"]["value"] == "94"
    assert by_key["security.drills"] == {**by_key["security.drills"], "value": None, "count": 0}
    assert data["ledgers"]["meetings"] == 463
    power = [e for e in data["energy"] if e["energy_type"] == "电力"]
    assert [(e["year"], e["unit"], e["records"]) for e in power] == [
        (2020, "千瓦时", 24),
        (2021, "千瓦时", 24),
    ]
    assert power[1]["tce"] == "273.07"  # 2221852 kWh × 0.1229 kgce/kWh


def test_summary_of_another_year_has_only_that_years_records() -> None:
    result = invoke("ledgers", "summary", SEED_LEDGERS, "--year", "2020", "--json")
    by_key = {a["key"]: a for a in json.loads(result.stdout)["aggregates"]}
    assert by_key["property.overhauls_done"]["record_ids"] == ["JX-2020-12"]
    assert by_key["meetings.served"]["value"] is None


def test_summary_of_a_bad_folder_exits_2_naming_file_row_and_column(tmp_path: Path) -> None:
    (tmp_path / "overhauls.csv").write_text("编号,检修日期,设备\nA1,2021-02-30,空调\n", "utf-8")
    result = invoke("ledgers", "summary", tmp_path, "--year", "2021")
    assert result.exit_code == 2
    assert "第2行 line 2: overhauls.csv 列“检修日期”: 应为日期" in result.stderr


@pytest.fixture
def seed_copy(tmp_path: Path, seed_path: Path) -> Path:
    """The seed and its ledgers copied, to be edited."""
    shutil.copy(seed_path, tmp_path / "dossier.yaml")
    shutil.copytree(SEED_LEDGERS, tmp_path / "ledgers")
    return tmp_path / "dossier.yaml"


def ledger_findings(result: Any) -> list[tuple[str, str]]:
    data = json.loads(result.stdout)
    return [(f["id"], f["where"]) for f in data["findings"] if f["id"].startswith("ledgers.")]


def test_check_uses_the_ledgers_beside_the_seed_and_every_claim_holds(seed_path: Path) -> None:
    result = invoke("check", seed_path, "--json")
    assert result.exit_code == 0, result.output
    assert ledger_findings(result) == []


def test_a_claim_the_ledger_does_not_support_fails_the_check(seed_copy: Path) -> None:
    text = seed_copy.read_text("utf-8").replace("actual: 12, actual_text: 十二次", "actual: 13")
    seed_copy.write_text(text, "utf-8")
    result = invoke("check", seed_copy, "--json")
    assert result.exit_code == 1
    assert ledger_findings(result) == [("ledgers.E001", "indicators[0].actual")]


def test_an_override_with_its_reason_passes_and_is_recorded(seed_copy: Path) -> None:
    text = seed_copy.read_text("utf-8").replace(
        "actual: 12, actual_text: 十二次",
        "actual: 13, override_reason: 一次大修由厂家保修完成，未入台账",
    )
    seed_copy.write_text(text, "utf-8")
    result = invoke("check", seed_copy, "--json")
    assert result.exit_code == 0
    assert ledger_findings(result) == [("ledgers.I001", "indicators[0].override_reason")]


def test_ledgers_option_points_elsewhere_and_a_bad_folder_exits_2(
    seed_path: Path, tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = invoke("check", seed_path, "--json", "--ledgers", empty)
    assert result.exit_code == 0
    assert len(ledger_findings(result)) == 8  # no records: every claim stands unverified
    (empty / "meetings.csv").write_text("编号,日期,名称\nH1,2021-01-04\n", "utf-8")
    result = invoke("check", seed_path, "--ledgers", empty)
    assert result.exit_code == 2 and "meetings.csv" in result.stderr


def test_figures_add_the_ledger_aggregates(seed_path: Path) -> None:
    result = invoke("figures", seed_path, "--json")
    data = json.loads(result.stdout)
    assert data["staffing.actual_total"] == "42"
    assert data["property.overhauls_done"] == "12" and data["greening.survival_rate"] == "96"
    table = invoke("figures", seed_path).stdout
    assert "property.overhauls_done" in table and "台账 12条记录" in table


def test_template_writes_an_empty_ledger_per_kind_and_never_overwrites(tmp_path: Path) -> None:
    result = invoke("ledgers", "template", tmp_path / "new")
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in (tmp_path / "new").iterdir())
    assert len(files) == 18 and "overhauls.csv" in files
    assert invoke("ledgers", "summary", tmp_path / "new", "--year", "2021").exit_code == 0
    again = invoke("ledgers", "template", tmp_path / "new")
    assert again.exit_code == 2 and "不覆盖" in again.stderr
