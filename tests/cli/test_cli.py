"""The CLI contract: exit codes (0 / 1 findings / 2 unreadable), JSON shapes, and the
human output of check, score, figures and frameworks, through typer's CliRunner."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from jixiao.cli.main import app
from jixiao.frameworks import pack_paths

CHINESE = re.compile(r"[\u4e00-\u9fff]")
runner = CliRunner()


def invoke(*args: str) -> Any:
    return runner.invoke(app, [str(a) for a in args])


def json_out(*args: str) -> Any:
    result = invoke(*args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, json.loads(result.stdout)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def seed_with_error(tmp_path: Path, seed_path: Path) -> Path:
    """The seed, with 实有人数 stated as 43 (20 + 20 + 2 = 42): an error-level finding."""
    text = seed_path.read_text(encoding="utf-8")
    wrong = text.replace(
        "{key: staffing.actual_total, value: 42,", "{key: staffing.actual_total, value: 43,"
    )
    assert wrong != text
    return write(tmp_path, "wrong.yaml", wrong)


# ── check ─────────────────────────────────────────────────────────────────────────────────


def test_check_seed_exits_0_and_prints_both_scores_and_framework(seed_path: Path) -> None:
    result = invoke("check", seed_path)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert (
        lines[0]
        == "万载县机关事务管理局 · 2021年度 · 框架 cn-2020-self（自评样式（预算执行率10、产出50、效益30、满意度10））"
    )
    assert lines[1] == "自评得分 self-score: 96分（优）"
    assert (
        lines[2]
        == "计算得分 computed:   证据不足：已评指标得0分，100分的指标无法评分（最高可能100分）"
    )
    assert lines[3] == "台账 ledgers: 18本 1511条记录；8/8项指标完成值由台账计算"
    assert lines[4] == "核查结果 findings: 错误 0 · 警告 19 · 提示 2"
    assert "budget.W001" in result.stdout and "indicators.W002" in result.stdout


def test_check_with_an_error_finding_exits_1(seed_with_error: Path) -> None:
    result = invoke("check", seed_with_error)
    assert result.exit_code == 1, result.output
    assert "staffing.E001" in result.stdout
    assert "实有人数：报告写43人，按明细计算为42人" in result.stdout
    assert "核查结果 findings: 错误 1 · " in result.stdout


def test_check_json_with_an_error_finding_exits_1(seed_with_error: Path) -> None:
    code, data = json_out("check", seed_with_error, "--json")
    assert code == 1
    errors = [f for f in data["findings"] if f["level"] == "error"]
    assert errors == [
        {
            "id": "staffing.E001",
            "level": "error",
            "message": "实有人数：报告写43人，按明细计算为42人",
            "message_en": "actual head-count: stated 43, computed 42",
            "hint": "实有人数 = 在职 + 退休 + 离休 + 遗属；核对各类人数或实有人数",
            "hint_en": "actual = in service + retired + retired cadres + survivors; check the counts",
            "where": "staffing.actual_total",
            "source": {"locator": "一（一）2", "text": "实有人数42人"},
        }
    ]


def test_waived_error_does_not_fail_check(tmp_path: Path, seed_with_error: Path) -> None:
    text = (
        seed_with_error.read_text(encoding="utf-8")
        + "\nwaivers:\n  - {id: staffing.E001, reason: 报告笔误}\n"
    )
    result = invoke("check", write(tmp_path, "waived.yaml", text))
    assert result.exit_code == 0, result.output
    assert "已豁免: 报告笔误" in result.stdout


def test_check_missing_file_exits_2_bilingual_without_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    result = invoke("check", missing)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert (
        result.stderr
        == f"错误 error: {missing}: 输入有误 / invalid input (1)\n  - (顶层 top level): 文件不存在 / file not found\n"
    )
    assert "Traceback" not in result.output


def test_check_malformed_file_exits_2_with_line(tmp_path: Path) -> None:
    path = write(tmp_path, "bad.yaml", "year: 2021\nprofile:\n  name: [测试局\n")
    result = invoke("check", path)
    assert result.exit_code == 2
    assert "第4行 line 4" in result.stderr
    assert "YAML 格式错误" in result.stderr and "malformed YAML" in result.stderr
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)


def test_check_invalid_field_exits_2_naming_field_and_line(tmp_path: Path) -> None:
    path = write(
        tmp_path, "typo.yaml", "year: 2021\nprofile:\n  name: 测试局\nstaffing:\n  retird: 3\n"
    )
    result = invoke("check", path, "--json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert (
        "第5行 line 5: staffing.retird: 不认识的字段（拼写错误？） / unknown field (a typo?)"
        in result.stderr
    )


def test_error_message_shows_the_bad_value_verbatim(tmp_path: Path) -> None:
    text = 'year: 2021\nprofile:\n  name: 测试局\nmoney:\n  unit: 万元\n  lines:\n    - {phase: 执行, item: 工资福利支出, amount: "[red]12"}\n'
    result = invoke("check", write(tmp_path, "markup.yaml", text))
    assert result.exit_code == 2
    assert "'[red]12'" in result.stderr


def test_check_unknown_framework_exits_2_listing_packs(seed_path: Path) -> None:
    result = invoke("check", seed_path, "--framework", "nope")
    assert result.exit_code == 2
    for framework_id in pack_paths():
        assert framework_id in result.stderr
    assert "没有这个评价框架" in result.stderr and "unknown framework" in result.stderr


def test_check_json_schema(seed_path: Path) -> None:
    code, data = json_out("check", seed_path, "--json")
    assert code == 0
    assert set(data) == {"findings", "score"}
    required = {"id", "level", "message", "hint", "where"}
    for finding in data["findings"]:
        assert required <= set(finding), finding
        assert finding["level"] in {"error", "warning", "info"}
        assert all(isinstance(finding[k], str) for k in required)
        assert re.fullmatch(r"[a-z_]+\.[EWIC]\d{3}", finding["id"])
    assert {"total", "grade", "self_total", "self_grade"} <= set(data["score"])
    assert {
        k: data["score"][k]
        for k in ("total", "grade", "self_total", "self_grade", "framework", "status")
    } == {
        "total": "0",
        "grade": None,
        "self_total": "96",
        "self_grade": "优",
        "framework": "cn-2020-self",
        "status": "insufficient_evidence",
    }


def test_check_json_findings_are_sorted_errors_first(seed_with_error: Path) -> None:
    _, data = json_out("check", seed_with_error, "--json")
    ranks = [{"error": 0, "warning": 1, "info": 2}[f["level"]] for f in data["findings"]]
    assert ranks == sorted(ranks)
    assert data["findings"][0]["id"] == "staffing.E001"


def test_check_with_a_user_pack_path(tmp_path: Path, seed_path: Path) -> None:
    pack = write(
        tmp_path,
        "staff-only.yaml",
        "id: staff-only\nname: 只看在职人员控制率\nindicators:\n"
        "  - id: staff\n    name: 在职人员控制率\n    weight: 100\n    formula: rates.in_service_control\n"
        "    comparator: ≤\n    target: 100\n    method: {type: proportional}\n",
    )
    code, data = json_out("check", seed_path, "--framework", pack, "--json")
    assert code == 0
    assert {k: data["score"][k] for k in ("framework", "total", "grade", "status")} == {
        "framework": "staff-only",
        "total": "100",
        "grade": "优",
        "status": "scored",
    }
    result = invoke("check", seed_path, "-F", pack)
    assert "框架 staff-only（只看在职人员控制率）" in result.stdout
    assert "计算得分 computed:   100分（优）" in result.stdout


def test_check_with_an_invalid_user_pack_exits_2_naming_the_line(
    tmp_path: Path, seed_path: Path
) -> None:
    pack = write(
        tmp_path,
        "bad-pack.yaml",
        "id: bad\nname: 坏框架\nindicators:\n  - id: a\n    name: A\n    weight: 100\n    formula: data.a\n",
    )
    result = invoke("check", seed_path, "--framework", pack)
    assert result.exit_code == 2
    assert (
        "第4行 line 4: indicators[0]: a: 末级指标缺少计分方法 method / a leaf needs a scoring method"
        in result.stderr
    )


# ── figures ───────────────────────────────────────────────────────────────────────────────

ISSUE_FIGURES = {
    "staffing.authorized": "25",
    "staffing.actual_total": "42",
    "staffing.in_service": "20",
    "staffing.retired": "20",
    "staffing.survivors": "2",
    "assets.total_net": "1679.37",
    "assets.total_net_prior": "1771.67",
    "assets.change_pct": "-5.21",
    "budget.total": "1462.08",
    "budget.basic": "1462.08",
    "budget.project": None,
    "budget.wages": "480.26",
    "budget.goods_services": "922.03",
    "budget.transfers_households": "29.02",
    "budget.capital": "30.77",
    "executed.total": None,
    "executed.basic": None,
    "executed.project": None,
    "executed.wages": None,
    "executed.goods_services": None,
    "executed.transfers_households": None,
    "executed.capital": None,
    "score.self": "96",
    "grade.self": "优",
}


def test_figures_json_has_every_key_of_the_issue(seed_path: Path) -> None:
    code, data = json_out("figures", seed_path, "--json")
    assert code == 0
    assert {key: data.get(key, "MISSING") for key in ISSUE_FIGURES} == ISSUE_FIGURES
    assert (
        data["rates.in_service_control"],
        data["profile.internal_units"],
        data["assets.fixed_added"],
    ) == ("80", "4", "30.77")
    assert all(v is None or isinstance(v, str) for v in data.values())


def console_width(monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    """Fix the CLI console's width (rich reads COLUMNS only once, when the console is made)."""
    from jixiao.cli import common

    monkeypatch.setattr(common.console, "_width", width)


def test_figures_table_marks_origins(seed_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    console_width(monkeypatch, 200)
    result = invoke("figures", seed_path)
    assert result.exit_code == 0
    rows = {
        line.split("│")[1].strip(): line
        for line in result.stdout.splitlines()
        if line.count("│") >= 5
    }
    assert "报告所写" in rows["assets.change_pct"]
    assert "推算" in rows["assets.total_net_prior"]
    assert "计算" in rows["staffing.actual_total"]


def test_figures_missing_file_exits_2(tmp_path: Path) -> None:
    result = invoke("figures", tmp_path / "nope.json", "--json")
    assert result.exit_code == 2
    assert "file not found" in result.stderr


# ── score ─────────────────────────────────────────────────────────────────────────────────


def test_score_json(seed_path: Path) -> None:
    code, data = json_out("score", seed_path, "--json")
    assert code == 0
    assert data["score"] == {
        "framework": "cn-2020-self",
        "framework_name": "自评样式（预算执行率10、产出50、效益30、满意度10）",
        "status": "insufficient_evidence",
        "total": "0",
        "grade": None,
        "max_possible": "100",
        "insufficient_weight": "100",
        "self_total": "96",
        "self_grade": "优",
        "rescore_total": None,
        "notes": ["预算执行率未知，未能应用执行率封顶规则"],
    }
    assert [(i["id"], i["weight"], i["status"], i["points"]) for i in data["items"]][:2] == [
        ("execution", "10", "insufficient_evidence", None),
        ("output.equipment_overhauls", "10", "insufficient_evidence", None),
    ]
    assert data["items"][1] == {
        "id": "output.equipment_overhauls",
        "path": ["产出指标", "数量"],
        "name": "设备检修次数",
        "weight": "10",
        "status": "insufficient_evidence",
        "points": None,
        "target": "",
        "actual": "12次",
        "self_score": None,
        "explanation": "没有年度指标值（目标），无法判断完成程度",
    }


def test_score_table_with_hunan_pack(seed_path: Path) -> None:
    result = invoke("score", seed_path, "--framework", "hunan-2019")
    assert result.exit_code == 0
    assert "框架 hunan-2019" in result.stdout
    assert (
        "计算得分 computed:   证据不足：已评指标得5分，95分的指标无法评分（最高可能100分）"
        in result.stdout
    )
    assert "证据不足" in result.stdout


def test_score_does_not_exit_1_on_findings(seed_with_error: Path) -> None:
    assert invoke("score", seed_with_error).exit_code == 0


# ── frameworks ────────────────────────────────────────────────────────────────────────────


def test_frameworks_list_json() -> None:
    code, data = json_out("frameworks", "list", "--json")
    assert code == 0
    assert [p["id"] for p in data] == list(pack_paths())
    cn2020 = next(p for p in data if p["id"] == "cn-2020-self")
    assert cn2020["name"] == "自评样式（预算执行率10、产出50、效益30、满意度10）"
    assert all(set(p) == {"id", "name", "name_en", "source"} for p in data)


def test_frameworks_list_table_shows_every_id() -> None:
    result = invoke("frameworks", "list")
    assert result.exit_code == 0
    for framework_id in pack_paths():
        assert framework_id in result.stdout


def test_frameworks_show_tree() -> None:
    result = invoke("frameworks", "show", "cn-2013-common")
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0]
    assert first == "cn-2013-common 部门整体支出绩效评价共性指标（财预〔2013〕53号）（总分100）"
    for label in (
        "投入 20分",
        "过程 30分",
        "产出 25分",
        "效果 25分",
        "在职人员控制率 4分",
        "绩效目标合理性 4分",
    ):
        assert label in result.stdout


def test_frameworks_show_json_round_trips(tmp_path: Path) -> None:
    code, data = json_out("frameworks", "show", "hunan-2019", "--json")
    assert code == 0
    assert (data["id"], data["total"], [n["weight"] for n in data["indicators"]]) == (
        "hunan-2019",
        "100",
        ["15", "40", "25", "20"],
    )
    from jixiao.core.framework import framework_from_data
    from jixiao.frameworks import load_framework

    assert framework_from_data(data) == load_framework("hunan-2019")


def test_frameworks_show_unknown_exits_2() -> None:
    result = invoke("frameworks", "show", "nope")
    assert result.exit_code == 2
    assert "unknown framework" in result.stderr


def test_frameworks_show_user_pack_path(tmp_path: Path) -> None:
    pack = write(
        tmp_path,
        "mine.yaml",
        "id: mine\nname: 我的\nindicators:\n  - {id: a, name: 甲, weight: 100, formula: data.a, method: {type: linear}}\n",
    )
    result = invoke("frameworks", "show", pack)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "mine 我的（总分100）"


def test_figures_table_shows_full_keys_at_80_columns(
    seed_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    console_width(monkeypatch, 80)
    result = invoke("figures", seed_path)
    for key in ("profile.internal_units", "assets.total_net_prior", "rates.in_service_control"):
        assert key in result.stdout


def test_check_on_a_directory_exits_2(tmp_path: Path) -> None:
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    result = invoke("check", folder)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_findings_prints_the_catalogue_of_every_id() -> None:
    from jixiao.core.checks import RULES

    result = runner.invoke(app, ["findings"])
    assert result.exit_code == 0
    listed = set(re.findall(r"^\| `([a-z_]+\.[ECWI]\d{3})` \|", result.output, re.MULTILINE))
    assert set(RULES) | {"core.C001", "input.E000", "import.W001", "import.I006"} <= listed
    assert result.output == (
        Path(__file__).resolve().parents[2] / "docs" / "findings.md"
    ).read_text(encoding="utf-8")
