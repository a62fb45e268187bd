"""Checks: every registered rule fires on a small dossier made to break it, with the whole
finding asserted, and stays silent on a clean dossier; crashes, waivers and the catalogue."""

from __future__ import annotations

import ast
import copy
import inspect
import re
import textwrap
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from jixiao.core.checks import CRASH_ID, RULES, Context, run_checks
from jixiao.core.dossier import Dossier, dossier_from_data
from jixiao.core.figures import FigureBook
from jixiao.core.findings import Finding, Level, Where, apply_waivers, sort_findings
from jixiao.core.framework import Framework, framework_from_data
from jixiao.core.ledgers import AggregateBook, LedgerSet, back_indicators
from jixiao.core.pipeline import evaluate
from jixiao.core.scoring import score
from jixiao.frameworks import evaluate_with, pack_paths

REPO_ROOT = Path(__file__).resolve().parents[2]

# A framework where the clean dossier below is fully scored: execution rate and one output.
TEST_FRAMEWORK: dict[str, Any] = {
    "id": "test",
    "name": "测试框架",
    "indicators": [
        {
            "id": "execution",
            "name": "预算执行率",
            "weight": 20,
            "formula": "rates.execution",
            "unit": "%",
            "method": {"type": "linear", "full_at": 100},
        },
        {
            "id": "output",
            "name": "产出指标",
            "weight": 80,
            "department_indicators": {"level1": ["产出"]},
            "method": {"type": "proportional"},
        },
    ],
}


def _line(phase: str, item: str, amount: str, **extra: str) -> dict[str, str]:
    return {"phase": phase, "item": item, "amount": amount, **extra}


# A department-year that every rule accepts.
CLEAN: dict[str, Any] = {
    "year": 2021,
    "profile": {"name": "测试局", "internal_units": ["办公室", "综合股"]},
    "staffing": {
        "authorized": {"行政编制": 10},
        "in_service": {"行政编制": 9},
        "retired": 3,
        "survivors": 1,
    },
    "assets": {
        "unit": "万元",
        "total_net": "100",
        "total_net_prior": "110",
        "fixed_added": "5",
        "fixed_in_use": "50",
        "fixed_total": "60",
    },
    "money": {
        "unit": "万元",
        "lines": [
            _line("年初预算", "工资福利支出", "60", funding="基本支出"),  # 0
            _line("年初预算", "商品和服务支出", "30", funding="基本支出"),  # 1
            _line("年初预算", "资本性支出", "10", funding="基本支出"),  # 2
            _line("调整预算", "工资福利支出", "60", funding="基本支出"),  # 3
            _line("调整预算", "商品和服务支出", "30", funding="基本支出"),  # 4
            _line("调整预算", "资本性支出", "10", funding="基本支出"),  # 5
            _line("执行", "工资福利支出", "58", funding="基本支出"),  # 6
            _line("执行", "商品和服务支出", "29", funding="基本支出"),  # 7
            _line("执行", "资本性支出", "8", funding="基本支出", label="其他资本性支出"),  # 8
            _line("调整预算", "三公经费-公务接待", "2"),  # 9
            _line("执行", "三公经费-公务接待", "1.5"),  # 10
        ],
    },
    "goals": [{"id": "G1", "text": "完成行政中心设备检修12次，保障设施设备正常运转。"}],
    "indicators": [
        {
            "id": "overhauls",
            "name": "设备检修次数",
            "level1": "产出",
            "level2": "数量",
            "goal": "G1",
            "comparator": "≥",
            "target": 12,
            "actual": 12,
            "unit": "次",
            "evidence": ["检修台账"],
        },
    ],
    "narratives": {
        "overall_goal": ["保障机关运转。"],
        "achievements": ["全年检修设备12次。"],
        "problems": ["一是预算编制不够精细。"],
        "improvements": ["细化预算编制。"],
        "application": ["结果用于下年预算安排并公开。"],
    },
    "stated": [
        {"key": "staffing.actual_total", "value": 13},
        {"key": "staffing.in_service", "value": 9},
        {"key": "staffing.authorized", "value": 10},
        {"key": "rates.in_service_control", "value": 90},
        {"key": "budget.basic", "value": "100"},
        {"key": "executed.total", "value": "95"},
        {"key": "assets.change_pct", "value": "-9.09"},
        {"key": "profile.internal_units", "value": 2},
    ],
    "self_evaluation": {"total": 95, "grade": "优"},
}


# ── small editors for the plain data ──────────────────────────────────────────────────────

Edit = Callable[[dict[str, Any]], None]
_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _walk(data: Any, path: str) -> tuple[Any, str | int]:
    steps: list[str | int] = [int(i) if i else name for name, i in _STEP.findall(path)]
    for step in steps[:-1]:
        data = data[step]
    return data, steps[-1]


def put(path: str, value: Any) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        parent, last = _walk(data, path)
        parent[last] = value

    return edit


def drop(path: str) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        parent, last = _walk(data, path)
        del parent[last]

    return edit


def append(path: str, value: Any) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        parent, last = _walk(data, path)
        parent[last].append(value)

    return edit


def keep_lines(*phases: str) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        data["money"]["lines"] = [
            line for line in data["money"]["lines"] if line["phase"] in phases
        ]

    return edit


def add_lines(*lines: dict[str, str]) -> Edit:
    def edit(data: dict[str, Any]) -> None:
        data["money"]["lines"].extend(copy.deepcopy(list(lines)))

    return edit


def drop_sangong(data: dict[str, Any]) -> None:
    data["money"]["lines"] = [
        line for line in data["money"]["lines"] if not line["item"].startswith("三公经费")
    ]


def edited(*edits: Edit) -> dict[str, Any]:
    data = copy.deepcopy(CLEAN)
    for edit in edits:
        edit(data)
    return data


def context_for(data: dict[str, Any], framework: Framework | None = None) -> Context:
    """The checks' context; a ``_ledgers`` entry (overhaul records) gives the dossier ledgers."""
    data = dict(data)
    overhauls = data.pop("_ledgers", None)
    additions = data.pop("_asset_changes", [])
    dossier = dossier_from_data(data)
    report = None
    if overhauls is not None:
        ledgers = LedgerSet.model_validate({"overhauls": overhauls, "asset_changes": additions})
        dossier, report = back_indicators(dossier, AggregateBook(ledgers, dossier.year))
    framework = framework or framework_from_data(TEST_FRAMEWORK)
    book = FigureBook(dossier)
    return Context(dossier, book, framework, score(dossier, framework, book=book), report)


def overhaul_rows(count: int) -> list[dict[str, Any]]:
    return [
        {"id": f"JX-{n:02d}", "overhaul_date": f"2021-{n:02d}-15", "equipment": "空调"}
        for n in range(1, count + 1)
    ]


BACKED = put("indicators[0].actual_from", "property.overhauls_done")


def findings_of(rule_id: str, data: dict[str, Any]) -> list[tuple[str, Level, str, str]]:
    found = run_checks(context_for(data), only={rule_id})
    return [(f.id, f.level, f.message, f.where.path) for f in found]


# ── the table: each rule, the edit that breaks it, the findings it must give ──────────────

OVERHAULS = "indicators[0]"
INDICATOR_NA = {
    "id": "car",
    "name": "公务用车采购",
    "level1": "产出",
    "target_text": "不涉及",
    "weight": 5,
}
SATISFACTION = {
    "id": "sat",
    "name": "满意度",
    "level1": "满意度",
    "comparator": "≥",
    "target": 90,
    "actual": 95,
    "unit": "%",
    "evidence": ["问卷"],
}

TRIGGERS: list[tuple[str, list[Edit], list[tuple[str, str]]]] = [
    ("assets.W001", [drop("assets")], [("未填报年末资产总额（账面净值）", "assets.total_net")]),
    (
        "assets.W002",
        [put("assets.fixed_added", "20")],
        [("当年配置固定资产20万元，超过资本性支出8万元", "assets.fixed_added")],
    ),
    (
        "assets.E002",
        [put("assets.fixed_in_use", "70")],
        [("在用固定资产70万元大于固定资产总额60万元", "assets.fixed_in_use")],
    ),
    (
        "assets.E001",
        [put("stated[6].value", "-5.21")],
        [("资产总额较上年变动率：报告写-5.21%，按明细计算为-9.09%", "assets.change_pct")],
    ),
    (
        "indicators.E001",
        [append("indicators", INDICATOR_NA)],
        [("指标“公务用车采购”内容为“不涉及/无”，却有5分", "indicators[1]")],
    ),
    (
        "indicators.E002",
        [put("indicators[0].weight", 10), put("indicators[0].self_score", 12)],
        [("指标“设备检修次数”自评12分，超过分值10分", "indicators[0].self_score")],
    ),
    (
        "indicators.W001",
        [drop("indicators[0].target"), put("indicators[0].target_text", "进一步提高检修质量")],
        [
            (
                "指标“设备检修次数”的指标值“进一步提高检修质量”没有可衡量的数值",
                "indicators[0].target_text",
            )
        ],
    ),
    (
        "indicators.W002",
        [drop("indicators[0].target")],
        [
            (
                "指标“设备检修次数”没有年度指标值，只有实际值12次，无法判断是否完成",
                "indicators[0].target",
            )
        ],
    ),
    (
        "indicators.W003",
        [put("indicators[0].actual", 10)],
        [
            (
                "指标“设备检修次数”完成值偏离目标16.67%，未说明原因",
                "indicators[0].deviation_explanation",
            )
        ],
    ),
    (
        "indicators.W004",
        [put("indicators[0].actual", 16)],
        [("指标“设备检修次数”完成值超出目标33.33%，目标可能设定过低", "indicators[0].target")],
    ),
    (
        "indicators.W005",
        [drop("indicators[0].unit")],
        [("指标“设备检修次数”没有计量单位", "indicators[0].unit")],
    ),
    (
        "indicators.W006",
        [put("indicators[0].comparator", "定性"), drop("indicators[0].target")],
        [("定性指标“设备检修次数”没有评价等级（达成/部分达成/未达成）", OVERHAULS)],
    ),
    (
        "indicators.I001",
        [put("indicators[0].evidence", [])],
        [("指标“设备检修次数”没有佐证材料", "indicators[0].evidence")],
    ),
    (
        "goals.W001",
        [drop("indicators[0].goal")],
        [("绩效目标1没有带指标值和单位的可衡量指标", "goals[0]")],
    ),
    (
        "goals.W002",
        [put("goals[0].text", "进一步提高后勤服务保障水平")],
        [("绩效目标1使用“提高”等词却没有数字，无法衡量", "goals[0].text")],
    ),
    (
        "goals.W003",
        [put("goals", []), drop("indicators[0].goal")],
        [("没有填报年度绩效目标", "goals")],
    ),
    (
        "budget.E001",
        [put("stated[4].value", "100.5")],
        [("基本支出预算：报告写100.5万元，按明细计算为100万元", "budget.basic")],
    ),
    (
        "budget.E002",
        [put("money.lines[6].amount", "158")],
        [("支出195万元超过可用预算100万元（预算执行率195%）", "money.lines")],
    ),
    (
        "budget.E003",
        [put("money.lines[8].amount", "-8")],
        [("其他资本性支出金额为负数（-8）", "money.lines[8].amount")],
    ),
    (
        "budget.W001",
        [keep_lines("年初预算", "调整预算"), drop("stated[5]")],
        [
            (
                "报告没有支出执行数（执行/决算），预算执行率无法计算，执行率相关指标无法评分",
                "money.lines",
            )
        ],
    ),
    ("budget.W002", [keep_lines("执行")], [("没有填报预算数", "money.lines")]),
    (
        "budget.W003",
        [put("money.lines[6].amount", "580000")],
        [("第7笔金额580000万元是其他金额的19333倍，可能把元当作万元", "money.lines[6].amount")],
    ),
    (
        "budget.W004",
        [put("money.lines[10].amount", "3")],
        [("“三公经费”支出3万元超过预算2万元", "money.lines")],
    ),
    (
        "budget.W005",
        [put("money.lines[6].amount", "40")],
        [("预算执行率77%低于90%，报告未说明原因", "narratives.budget_notes")],
    ),
    (
        "budget.W006",
        [add_lines(_line("执行", "本年收入", "100"), _line("执行", "年末结转结余", "2"))],
        [
            (
                "（未计上年结转）收入100万元，减支出95万元，应结余5万元，报告写年末结转结余2万元",
                "executed.carryover_end",
            )
        ],
    ),
    (
        "budget.W007",
        [add_lines(_line("执行", "本年收入", "90"))],
        [("支出95万元超过收入90万元，差额5万元", "money.lines")],
    ),
    (
        "budget.W008",
        [
            add_lines(
                _line("执行", "专项经费", "10"),
                _line("执行", "未分类支出", "20", funding="项目支出"),
            )
        ],
        [("专项经费支出10万元，项目支出20万元，两者未作说明", "executed.special_funds")],
    ),
    (
        "budget.I001",
        [drop_sangong],
        [
            (
                "报告没有“三公经费”预算或支出数，“三公经费”变动率和控制率无法计算；如确实为零请填 0",
                "money.lines",
            )
        ],
    ),
    (
        "budget.I002",
        [keep_lines("年初预算", "执行")],
        [
            (
                "只填报了年初预算，预算执行率将以年初预算为分母；如有调整请填报调整后预算",
                "money.lines",
            )
        ],
    ),
    (
        "executed.E001",
        [put("stated[5].value", "96")],
        [("执行数总额：报告写96万元，按明细计算为95万元", "executed.total")],
    ),
    (
        "narrative.W001",
        [put("narratives.problems", []), put("narratives.application", ["  "])],
        [
            ("“绩效自评结果拟应用和公开情况”没有内容", "narratives.application"),
            ("“主要问题及原因分析”没有内容", "narratives.problems"),
        ],
    ),
    (
        "narrative.W002",
        [put("narratives.problems", ["一是……", "二是……"])],
        [("列出2个问题，只有1条改进措施", "narratives.improvements")],
    ),
    (
        "score.E001",
        [put("self_evaluation.grade", "良")],
        [("自评95分应为“优”，报告写“良”", "self_evaluation.grade")],
    ),
    (
        "score.W001",
        [put("indicators[0].actual", 6), put("indicators[0].deviation_explanation", "设备更新")],
        [("自评95分，高于计算得分59分", "self_evaluation.total")],
    ),
    (
        "score.W002",
        [drop("indicators[0].target")],
        [("自评95分无法核实：按“测试框架”，80分的指标缺少数据或目标", "self_evaluation.total")],
    ),
    (
        "score.I001",
        [put("self_evaluation", {})],
        [("报告没有写明绩效自评得分", "self_evaluation.total")],
    ),
    (
        "framework.W001",
        [keep_lines("年初预算", "调整预算"), drop("stated[5]")],
        [
            (
                "预算执行率（20分）：无法计算，缺少数据：预算执行率",
                "score.execution",
            )
        ],
    ),
    (
        "framework.I001",
        [append("indicators", SATISFACTION)],
        [("指标“满意度”（满意度）不在“测试框架”的计分范围内", "indicators[1]")],
    ),
    (
        "staffing.W001",
        [put("staffing.in_service", {"行政编制": 11}), put("stated", [])],
        [("在职11人超过编制10人（超编1人）", "staffing.in_service")],
    ),
    (
        "staffing.W002",
        [put("staffing.authorized", {}), put("staffing.in_service", {}), drop("stated[2]")],
        [
            ("未填报编制人数", "staffing.authorized"),
            ("在职人数只有总数（9人），未按类型填报，相关人数无法核对", "staffing.in_service"),
        ],
    ),
    (
        "staffing.W003",
        [drop("staffing.retired")],
        [("未填报退休人数，实有人数无法核对", "staffing.retired")],
    ),
    (
        "staffing.E001",
        [put("stated[0].value", 14)],
        [("实有人数：报告写14人，按明细计算为13人", "staffing.actual_total")],
    ),
    (
        "staffing.E002",
        [put("stated[1].value", 8)],
        [("在职人数：报告写8人，按明细计算为9人", "staffing.in_service")],
    ),
    (
        "staffing.E003",
        [put("stated[2].value", 12)],
        [("编制人数：报告写12人，按明细计算为10人", "staffing.authorized")],
    ),
    (
        "rates.E001",
        [put("stated[3].value", 85)],
        [
            (
                "在职人员控制率：报告写85%，按明细计算为90%（在职人数9人 ÷ 编制人数10人）",
                "rates.in_service_control",
            )
        ],
    ),
    (
        "profile.W001",
        [put("stated[7].value", 4)],
        [("内设机构数：报告写4个，按明细计算为2个", "profile.internal_units")],
    ),
    (
        "stated.E001",
        [append("stated", {"key": "staffing.actual_total", "value": 15})],
        [("实有人数前后不一致：一处写13，另一处写15", "staffing.actual_total")],
    ),
    (
        "stated.W001",
        [append("stated", {"key": "budget.project", "value": 5})],
        [("项目支出预算5万元无法用原始数据核实", "budget.project")],
    ),
    (
        "ledgers.E001",
        [BACKED, put("_ledgers", overhaul_rows(11))],
        [
            (
                "指标“设备检修次数”填报完成值“12次”，台账计算为11次（从11条记录计算），"
                "二者不符且未说明理由；已按台账计算值评价",
                "indicators[0].actual",
            )
        ],
    ),
    (
        "ledgers.W001",
        [BACKED, put("_ledgers", [])],
        [
            (
                "指标“设备检修次数”的完成值取自台账“设备检修次数”，但台账中没有2021年的相关记录，"
                "填报的“12次”未经核实",
                "indicators[0].actual_from",
            )
        ],
    ),
    (
        "ledgers.I001",
        [
            BACKED,
            put("indicators[0].override_reason", "一次检修由厂家保修完成，未入台账"),
            put("_ledgers", overhaul_rows(11)),
        ],
        [
            (
                "指标“设备检修次数”填报完成值“12次”，台账计算为11次（从11条记录计算）；"
                "改写理由：一次检修由厂家保修完成，未入台账",
                "indicators[0].override_reason",
            )
        ],
    ),
    (
        "ledgers.I002",
        [put("_ledgers", overhaul_rows(12))],
        [("指标“设备检修次数”的完成值为手工填写，没有关联台账汇总项", "indicators[0].actual_from")],
    ),
    (
        "ledgers.W002",
        [
            BACKED,
            put("_ledgers", overhaul_rows(12)),
            put(
                "_asset_changes",
                [
                    {
                        "id": "B1",
                        "changed_on": "2021-06-18",
                        "asset": "Z1",
                        "kind": "新增",
                        "amount": "198000",
                        "unit": "元",
                    },
                ],
            ),
        ],
        [
            (
                "当年配置固定资产（账面原值）：报告为5.00万元，台账“当年新增固定资产”为19.80万元（从1条记录计算）",
                "assets.fixed_added",
            )
        ],
    ),
    (
        "stated.W002",
        [append("stated", {"key": "foo.bar", "value": 1})],
        [("无法识别的数字键 foo.bar", "stated.foo.bar")],
    ),
]
TRIGGER_IDS = [rule_id for rule_id, _, _ in TRIGGERS]


def test_clean_dossier_has_no_findings_at_all() -> None:
    context = context_for(CLEAN)
    assert (context.card.total, context.card.grade) == (Decimal("99.00"), "优")
    assert run_checks(context) == []


def test_every_registered_rule_has_a_trigger_in_the_table() -> None:
    assert sorted(TRIGGER_IDS) == sorted(RULES), "add a row to TRIGGERS for each new rule"
    assert len(TRIGGER_IDS) == len(set(TRIGGER_IDS))


@pytest.mark.parametrize(("rule_id", "edits", "expected"), TRIGGERS, ids=TRIGGER_IDS)
def test_rule_fires_with_the_whole_finding(
    rule_id: str, edits: list[Edit], expected: list[tuple[str, str]]
) -> None:
    level = RULES[rule_id].level
    assert findings_of(rule_id, edited(*edits)) == [
        (rule_id, level, message, path) for message, path in expected
    ]


@pytest.mark.parametrize("rule_id", TRIGGER_IDS)
def test_rule_is_silent_on_the_clean_dossier(rule_id: str) -> None:
    assert findings_of(rule_id, CLEAN) == []


@pytest.mark.parametrize("rule_id", TRIGGER_IDS)
def test_every_finding_has_a_hint_and_english_text(rule_id: str) -> None:
    rows = {r[0]: r for r in TRIGGERS}
    found = run_checks(context_for(edited(*rows[rule_id][1])), only={rule_id})
    assert found
    assert all(f.hint and f.message_en and f.message_en != f.message for f in found)


def test_level_follows_the_letter_in_the_id() -> None:
    letters = {"E": Level.ERROR, "W": Level.WARNING, "I": Level.INFO}
    assert {rule_id: RULES[rule_id].level for rule_id in RULES} == {
        rule_id: letters[rule_id.split(".")[1][0]] for rule_id in RULES
    }


def test_rule_ids_are_well_formed() -> None:
    assert all(re.fullmatch(r"[a-z_]+\.[EWI]\d{3}", rule_id) for rule_id in RULES)


def test_stated_figures_carry_their_source_into_the_finding() -> None:
    source = {"file": "report.docx", "locator": "第3段", "text": "实有人数14人"}
    data = edited(put("stated[0]", {"key": "staffing.actual_total", "value": 14, "source": source}))
    (finding,) = run_checks(context_for(data), only={"staffing.E001"})
    assert finding.where.path == "staffing.actual_total"
    assert finding.where.source is not None and finding.where.source.text == "实有人数14人"
    assert finding.where.describe() == "staffing.actual_total report.docx 第3段 “实有人数14人”"
    assert finding.as_dict()["source"] == source


@pytest.mark.parametrize("grade", ["A", "合格"])
def test_a_grade_of_another_scale_is_not_held_to_the_framework_s_bands(grade: str) -> None:
    # "评价等级：A": the framework's bands are 优 / 良 / 中 / 差; no band says what A is
    assert findings_of("score.E001", edited(put("self_evaluation.grade", grade))) == []


def test_stated_total_stands_in_for_missing_executed_lines() -> None:
    """With no executed lines the stated 执行数 stands in: no budget.W001, but stated.W001 says so."""
    data = edited(keep_lines("年初预算", "调整预算"))
    assert findings_of("budget.W001", data) == []
    assert findings_of("stated.W001", data) == [
        ("stated.W001", Level.WARNING, "执行数总额95万元无法用原始数据核实", "executed.total")
    ]


def test_stated_value_is_compared_at_the_precision_it_was_written_with() -> None:
    # computed −9.0909…: "-9.09", "-9.1" and "-9" are all correct roundings of it
    for stated in ("-9.09", "-9.1", "-9"):
        assert findings_of("assets.E001", edited(put("stated[6].value", stated))) == [], stated
    for stated in ("-9.094", "-9.2", "-9.08", "-10"):
        found = [f[0] for f in findings_of("assets.E001", edited(put("stated[6].value", stated)))]
        assert found == ["assets.E001"], stated


def test_rate_stated_to_a_whole_percent_is_not_an_error() -> None:
    data = edited(
        put("staffing.authorized", {"行政编制": 24}),
        put("staffing.in_service", {"行政编制": 20}),
        put("stated", [{"key": "rates.in_service_control", "value": 83}]),
    )
    assert findings_of("rates.E001", data) == []


def test_spending_within_budget_plus_supplement_is_not_overspending() -> None:
    data = edited(
        keep_lines("年初预算", "执行"),
        append("money.lines", _line("年初预算", "本年追加", "20")),
        put("money.lines[3].amount", "78"),  # executed 78 + 29 + 8 = 115
        drop("stated[5]"),
    )
    assert findings_of("budget.E002", data) == []


def test_spending_beyond_budget_plus_carryover_is_overspending() -> None:
    data = edited(
        append("money.lines", _line("调整预算", "上年结转结余", "10")),
        put("money.lines[6].amount", "68"),
    )
    assert findings_of("budget.E002", data) == []  # 105 ≤ 100 + 10
    data = edited(
        append("money.lines", _line("调整预算", "上年结转结余", "10")),
        put("money.lines[6].amount", "74"),
    )
    assert findings_of("budget.E002", data) == [
        (
            "budget.E002",
            Level.ERROR,
            "支出111万元超过可用预算110万元（预算执行率111%）",
            "money.lines",
        )
    ]


# ── a crashing rule becomes core.C001; the others still run ───────────────────────────────


def test_crashing_rule_becomes_a_finding_and_the_others_still_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def boom(context: Context) -> Any:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setitem(RULES, "staffing.W003", replace(RULES["staffing.W003"], function=boom))
    data = edited(drop("staffing.retired"), put("stated[0].value", 14))
    found = run_checks(context_for(data))
    assert [(f.id, f.level, f.message, f.where.path) for f in found] == [
        (
            CRASH_ID,
            Level.ERROR,
            "检查规则 staffing.W003 运行出错：ZeroDivisionError: division by zero",
            "",
        ),
        (
            "staffing.E001",
            Level.ERROR,
            "实有人数：报告写14人，按明细计算为10人",
            "staffing.actual_total",
        ),
    ]
    assert found[0].message_en == "check staffing.W003 crashed: ZeroDivisionError: division by zero"
    assert found[0].blocking


def test_crash_inside_a_generator_after_some_notes(monkeypatch: pytest.MonkeyPatch) -> None:
    def half(context: Context) -> Any:
        from jixiao.core.checks import Note

        yield Note("第一条", "first", "", "x")
        raise KeyError("missing")

    monkeypatch.setitem(RULES, "goals.W003", replace(RULES["goals.W003"], function=half))
    found = run_checks(context_for(CLEAN), only={"goals.W003"})
    assert [(f.id, f.message) for f in found] == [
        (CRASH_ID, "检查规则 goals.W003 运行出错：KeyError: 'missing'")
    ]


# ── waivers ───────────────────────────────────────────────────────────────────────────────


def test_waiver_by_id_marks_the_finding_and_stops_it_blocking() -> None:
    data = edited(
        put("stated[0].value", 14),
        put("waivers", [{"id": "staffing.E001", "reason": "报告笔误，已更正"}]),
    )
    result = evaluate(dossier_from_data(data), framework_from_data(TEST_FRAMEWORK))
    assert [(f.id, f.waived, f.blocking) for f in result.findings] == [
        ("staffing.E001", "报告笔误，已更正", False)
    ]
    assert result.blocking == []
    assert result.count(Level.ERROR) == 0
    assert result.findings[0].as_dict()["waived"] == "报告笔误，已更正"


def test_unwaived_error_blocks() -> None:
    result = evaluate(
        dossier_from_data(edited(put("stated[0].value", 14))), framework_from_data(TEST_FRAMEWORK)
    )
    assert [f.id for f in result.blocking] == ["staffing.E001"]
    assert result.count(Level.ERROR) == 1


def test_waiver_by_where_applies_only_to_that_path() -> None:
    data = edited(
        put("narratives.problems", []),
        put("narratives.application", []),
        put(
            "waivers",
            [{"id": "narrative.W001", "reason": "本年无问题", "where": "narratives.problems"}],
        ),
    )
    found = run_checks(context_for(data), only={"narrative.W001"})
    assert [(f.where.path, f.waived) for f in found] == [
        ("narratives.application", None),
        ("narratives.problems", "本年无问题"),
    ]


def test_waiver_for_another_id_does_nothing() -> None:
    data = edited(
        put("stated[0].value", 14), put("waivers", [{"id": "staffing.E002", "reason": "无关"}])
    )
    (finding,) = run_checks(context_for(data), only={"staffing.E001"})
    assert (finding.waived, finding.blocking) == (None, True)


def test_apply_waivers_and_sorting_directly() -> None:
    from jixiao.core.dossier import Waiver

    findings = [
        Finding("b.I001", Level.INFO, "i"),
        Finding("a.W001", Level.WARNING, "w", where=Where("p2")),
        Finding("a.W001", Level.WARNING, "w", where=Where("p1")),
        Finding("z.E001", Level.ERROR, "e"),
    ]
    ordered = sort_findings(findings)
    assert [(f.id, f.where.path) for f in ordered] == [
        ("z.E001", ""),
        ("a.W001", "p1"),
        ("a.W001", "p2"),
        ("b.I001", ""),
    ]
    waived = apply_waivers(ordered, (Waiver(id="a.W001", reason="已知", where="p2"),))
    assert [f.waived for f in waived] == [None, None, "已知", None]


def test_finding_as_dict_shape() -> None:
    finding = Finding(
        "budget.W001",
        Level.WARNING,
        "消息",
        "提示",
        Where("money.lines"),
        "message",
        hint_en="hint",
    )
    assert finding.as_dict() == {
        "id": "budget.W001",
        "level": "warning",
        "message": "消息",
        "message_en": "message",
        "hint": "提示",
        "hint_en": "hint",
        "where": "money.lines",
    }


def _note_calls(function: Callable[..., object]) -> list[ast.Call]:
    """The Note(...) calls in *function*'s module helpers and body (a helper yields for several)."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(inspect.getmodule(function))))
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Note"
    ]


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_hint_of_a_registered_rule_has_an_english_version(rule_id: str) -> None:
    """A note given a hint (third argument or hint=) is also given hint_en (last positional or hint_en=)."""
    for call in _note_calls(RULES[rule_id].function):
        keywords = {k.arg for k in call.keywords}
        has_hint = len(call.args) >= 3 or "hint" in keywords
        has_hint_en = len(call.args) >= 6 or "hint_en" in keywords
        assert not has_hint or has_hint_en, (
            f"{rule_id}: line {call.lineno} has a hint but no hint_en"
        )


def test_english_hints_are_english(seed_dossier: Dossier) -> None:
    findings = evaluate_with(seed_dossier).findings
    hinted = [f for f in findings if f.hint]
    assert hinted and all(
        f.hint_en and not re.search(r"[\u4e00-\u9fff]", f.hint_en) for f in hinted
    )


# ── the pipeline on the seed, and every shipped pack ──────────────────────────────────────


def test_seed_findings_report_the_known_gaps(seed_dossier: Dossier) -> None:
    result = evaluate_with(seed_dossier)
    ids = {f.id for f in result.findings}
    # no executed amount, no targets, no 三公经费, stated change unverifiable — reported, not hidden
    assert {
        "budget.W001",
        "indicators.W002",
        "budget.I001",
        "stated.W001",
        "score.W002",
        "framework.W001",
    } <= ids
    assert result.blocking == []
    assert not any(f.level is Level.ERROR for f in result.findings)


@pytest.mark.parametrize("framework_id", list(pack_paths()))
def test_every_shipped_pack_evaluates_the_seed_without_crashing(
    seed_dossier: Dossier, framework_id: str
) -> None:
    result = evaluate_with(seed_dossier, framework_id)
    assert CRASH_ID not in {f.id for f in result.findings}
    assert result.score.framework_id == framework_id
    assert sum((i.weight for i in result.score.items), Decimal(0)) == result.framework.total


# ── the catalogue ─────────────────────────────────────────────────────────────────────────


def test_docs_findings_lists_every_rule_id() -> None:
    text = (REPO_ROOT / "docs" / "findings.md").read_text(encoding="utf-8")
    missing = [rule_id for rule_id in sorted(RULES) if f"`{rule_id}`" not in text]
    assert missing == [], (
        "regenerate docs/findings.md: python -m jixiao.core.checks.catalogue > docs/findings.md"
    )
    assert f"`{CRASH_ID}`" in text


def test_docs_findings_is_up_to_date_with_the_registry() -> None:
    from jixiao.cli.catalogue import full_catalogue

    text = (REPO_ROOT / "docs" / "findings.md").read_text(encoding="utf-8")
    assert text == full_catalogue(), "regenerate docs/findings.md: python -m jixiao.cli.catalogue"
