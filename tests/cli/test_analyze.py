"""`jixiao analyze`: a folder of reports and dossiers with a planted copied paragraph, a planted
pressure-free target and a planted inflated self-score; each is found, with its files and
evidence, and the clean files are not flagged. An unreadable file is reported, the rest done."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from jixiao.cli.main import app

runner = CliRunner()

FRAMEWORK = """\
id: t
name: 测试框架
indicators:
  - id: outputs
    name: 产出
    weight: 100
    department_indicators: {level1: [产出]}
    method: {type: proportional}
"""

# report texts written for this test
SHARED = "针对基层站所人员流动频繁、业务衔接不畅的问题，{name}建立了岗位交接清单和季度业务轮训制度，全年组织轮训{n}期，新进人员上岗前全部完成跟班学习。"
WATER_REPORT = f"""某某县水务局2023年度部门整体支出绩效自评报告
一、部门概况
某某县水务局负责全县水利工程建设管理、防汛抗旱和农村供水保障，内设办公室、工程股等股室。
二、绩效目标完成情况
全年完成小型水库除险加固8座，新建农村集中供水工程5处，受益群众2.1万人，汛期未发生人员伤亡。
{SHARED.format(name="某某县水务局", n=6)}
"""
FARM_REPORT = f"""某某县农业农村局2023年度部门整体支出绩效自评报告
一、部门概况
某某县农业农村局负责种植业、畜牧业和农村改革工作，指导各乡镇农业综合服务中心开展技术推广。
二、绩效目标完成情况
全年推广水稻新品种3.2万亩，完成高标准农田建设1.5万亩，培训高素质农民420人次，粮食产量保持稳定。
{SHARED.format(name="某某县农业农村局", n=4)}
"""
CLINIC_REPORT = """某某县疾控中心2023年度部门整体支出绩效自评报告
一、部门概况
某某县疾控中心承担传染病监测、免疫规划和慢性病管理，对辖区接种门诊实行季度督导。
二、绩效目标完成情况
全年完成适龄儿童免疫规划疫苗接种4.3万剂次，慢性病随访管理覆盖全部行政村，未发生聚集性疫情。
"""


def dossier(name: str, year: int, indicators: list[dict[str, Any]], total: int) -> dict[str, Any]:
    return {
        "year": year,
        "profile": {"name": name},
        "indicators": indicators,
        "self_evaluation": {"total": total},
    }


def training(target: int, actual: int, **extra: Any) -> dict[str, Any]:
    return {
        "id": "training",
        "name": "培训场次",
        "level1": "产出",
        "level2": "数量",
        "unit": "场",
        "target": target,
        "actual": actual,
        "evidence": ["台账"],
        **extra,
    }


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "t.yaml").write_text(FRAMEWORK, encoding="utf-8")
    reports = tmp_path / "files" / "reports"
    reports.mkdir(parents=True)
    (reports / "water.txt").write_text(WATER_REPORT, encoding="utf-8")
    (reports / "farm.txt").write_text(FARM_REPORT, encoding="utf-8")
    (reports / "clinic.txt").write_text(CLINIC_REPORT, encoding="utf-8")
    dossiers = tmp_path / "files" / "dossiers"
    dossiers.mkdir()
    files = {
        # last year 30 were held; this year's target asks only 24 (pressure-free)
        "parks-2022.json": dossier("某某县园林局", 2022, [training(28, 30)], 100),
        "parks-2023.json": dossier("某某县园林局", 2023, [training(24, 25)], 100),
        # half the target done, 98 claimed (inflated)
        "roads-2023.json": dossier("某某县公路局", 2023, [training(40, 20)], 98),
        # honest and demanding
        "parks-clean-2023.json": dossier("某某县林业局", 2023, [training(32, 33)], 100),
    }
    for name, data in files.items():
        (dossiers / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def analyze(folder: Path, *extra: str) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(
        app, ["analyze", str(folder / "files"), "-F", str(folder / "t.yaml"), "--json", *extra]
    )
    return result.exit_code, json.loads(result.stdout)


def test_the_planted_copy_soft_target_and_inflated_self_score_are_found(folder: Path) -> None:
    code, data = analyze(folder, "--workers", "2")
    assert code == 0
    names = {Path(f["file"]).name: f for f in data["files"]}
    assert len(names) == 7
    flags = [(f["kind"], sorted(Path(p).name for p in f["files"])) for f in data["flags"]]

    copies = [f for f in data["flags"] if f["kind"] == "paragraph_reused"]
    assert len(copies) == 1
    evidence = copies[0]["evidence"]
    assert sorted(Path(p).name for p in copies[0]["files"]) == ["farm.txt", "water.txt"]
    assert "轮训4期" in (evidence["text_a"] + evidence["text_b"])
    assert "轮训6期" in (evidence["text_a"] + evidence["text_b"])
    assert evidence["where_a"].startswith("第") and evidence["similarity"] >= 0.6

    assert ("below_previous", ["parks-2022.json", "parks-2023.json"]) in flags
    soft = next(f for f in data["flags"] if f["kind"] == "below_previous")
    assert soft["evidence"]["evidence"] == "目标≥24场，上年实际30场"

    assert ("self_score_above_computed", ["roads-2023.json"]) in flags
    inflated = next(f for f in data["flags"] if f["kind"] == "self_score_above_computed")
    assert inflated["evidence"]["evidence"] == "自评98分，计算得分50分"
    assert names["roads-2023.json"]["self_score"] == "98"
    assert names["roads-2023.json"]["computed_score"] == "50"

    flagged = {name for _, files in flags for name in files}
    assert "clinic.txt" not in flagged and "parks-clean-2023.json" not in flagged
    assert names["clinic.txt"]["reuse"]["score"] == 0
    assert names["water.txt"]["department"] == "某某县水务局"
    assert names["water.txt"]["figures"] >= 0 and "findings" in names["water.txt"]


def test_an_unreadable_file_is_reported_and_the_others_finish(folder: Path) -> None:
    (folder / "files" / "broken.json").write_text("{not json", encoding="utf-8")
    code, data = analyze(folder, "--workers", "1")
    assert code == 2
    broken = [f for f in data["files"] if "error" in f]
    assert [Path(f["file"]).name for f in broken] == ["broken.json"]
    assert len(data["files"]) == 8 and any(f["kind"] == "paragraph_reused" for f in data["flags"])


def test_the_tables_name_the_flags_in_chinese(folder: Path) -> None:
    result = runner.invoke(
        app, ["analyze", str(folder / "files"), "-F", str(folder / "t.yaml"), "--limit", "0"]
    )
    assert result.exit_code == 0
    for title in ("逐份概况", "段落重复", "目标压力不足", "自评高于证据"):
        assert title in result.stdout


def test_nothing_to_analyse_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["analyze", str(tmp_path)])
    assert result.exit_code == 2


def test_a_whole_report_copied_is_flagged_once_with_the_copy_first(folder: Path) -> None:
    copy = CLINIC_REPORT.replace("某某县疾控中心", "某某县卫生监督所").replace("4.3", "3.9")
    copy = copy.replace("2023年度", "2024年度")  # a later year: the copy of the 2023 report
    (folder / "files" / "reports" / "inspection.txt").write_text(copy, encoding="utf-8")
    code, data = analyze(folder)
    assert code == 0
    whole = [f for f in data["flags"] if f["kind"] == "report_reused"]
    assert [[Path(p).name for p in f["files"]] for f in whole] == [["inspection.txt", "clinic.txt"]]
    assert whole[0]["evidence"]["top_source_share"] == 1
