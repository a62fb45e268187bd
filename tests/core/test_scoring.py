"""Scoring: every method, its boundaries, the three leaf states, anti-inflation rules,
re-scores, and the shipped packs on the seed. Frameworks are built inline from plain data."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest

from jixiao.core.dossier import Dossier, dossier_from_data
from jixiao.core.framework import Framework, framework_from_data
from jixiao.core.grades import grade_for
from jixiao.core.scoring import (
    INSUFFICIENT_TEXT,
    Basis,
    FinalScore,
    ItemScore,
    Rescore,
    ScoreCard,
    Status,
    Subtotal,
    score,
)
from jixiao.frameworks import evaluate_with, load_framework, shipped_frameworks

D = Decimal


def build_dossier(base: dict[str, Any] | None = None, **sections: Any) -> Dossier:
    """A minimal valid dossier (or *base*) with top-level *sections* replaced."""
    data = dict(base) if base is not None else {"year": 2021, "profile": {"name": "测试局"}}
    return dossier_from_data({**data, **sections})


def framework(
    *leaves: dict[str, Any], rules: dict[str, Any] | None = None, **extra: Any
) -> Framework:
    data: dict[str, Any] = {"id": "test", "name": "测试框架", "indicators": list(leaves), **extra}
    if rules is not None:
        data["rules"] = rules
    return framework_from_data(data)


def formula_leaf(
    node_id: str, weight: Any, method: dict[str, Any], formula: str | None = None, **extra: Any
) -> dict[str, Any]:
    return {
        "id": node_id,
        "name": node_id.upper(),
        "weight": weight,
        "formula": formula or f"data.{node_id}",
        "method": method,
        **extra,
    }


def score_one(method: dict[str, Any], value: Any, weight: Any = 10, **leaf_extra: Any) -> ItemScore:
    """Score data.x under *method* in a framework where x carries *weight* and a padding leaf the rest."""
    leaves = [formula_leaf("x", weight, method, **leaf_extra)]
    if D(str(weight)) != 100:
        leaves.append(formula_leaf("pad", 100 - D(str(weight)), {"type": "linear"}))
    card = score(build_dossier(data={"x": str(value), "pad": "100"}), framework(*leaves))
    return card.items[0]


def points(
    method: dict[str, Any], value: Any, weight: Any = 10, **leaf_extra: Any
) -> Decimal | None:
    return score_one(method, value, weight, **leaf_extra).points


# ── proportional ──────────────────────────────────────────────────────────────────────────

PROPORTIONAL = {"type": "proportional"}


@pytest.mark.parametrize(
    ("comparator", "target", "actual", "expected", "explanation"),
    [
        ("≥", "100", "100", "10.00", "达到目标，得满分"),
        ("≥", "100", "120", "10.00", "达到目标，得满分"),
        ("≥", "100", "80", "8.00", "未达目标，10×80/100"),
        ("≥", "95", "90", "9.47", "未达目标，10×90/95"),
        ("≤", "100", "100", "10.00", "达到目标，得满分"),
        ("≤", "100", "125", "8.00", "超过上限，10×100/125"),
        ("=", "100", "100", "10.00", "与目标一致，得满分"),
        ("=", "100", "90", "9.00", "偏离目标，10×90/100"),
        ("=", "100", "110", "9.09", "偏离目标，10×100/110"),
    ],
)
def test_proportional(
    comparator: str, target: str, actual: str, expected: str, explanation: str
) -> None:
    item = score_one(PROPORTIONAL, actual, comparator=comparator, target=target)
    assert (item.status, item.points, item.explanation) == (Status.SCORED, D(expected), explanation)
    assert item.target == f"{comparator}{target}"


def test_proportional_lower_is_better_with_zero_actual_is_full() -> None:
    assert points(PROPORTIONAL, "0", comparator="≤", target="5") == D(10)


# ── linear ────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("rate", "expected"),
    [
        ("76", "7.60"),
        ("100", "10.00"),
        ("120", "10.00"),
        ("0", "0.00"),
        ("-5", "0.00"),
        ("99.99", "10.00"),
    ],
)
def test_linear_execution_rate(rate: str, expected: str) -> None:
    assert points({"type": "linear", "full_at": 100}, rate) == D(expected)


def test_linear_with_other_full_at() -> None:
    assert points({"type": "linear", "full_at": 50}, "25", weight=8) == D("4.00")


# ── step ──────────────────────────────────────────────────────────────────────────────────

STAFF_STEP = {
    "type": "step",
    "threshold": 100,
    "direction": "over",
    "step": 1,
    "deduct_fraction": "0.1",
}
COMPLETION_STEP = {
    "type": "step",
    "threshold": 100,
    "direction": "under",
    "step": 5,
    "deduct_points": 2,
}


@pytest.mark.parametrize(
    ("value", "expected", "explanation"),
    [
        ("95.10", "5.00", "未超过100，得满分"),
        ("100", "5.00", "未超过100，得满分"),
        ("101", "4.50", "超出100共1，扣0.5分"),
        ("100.5", "4.50", "超出100共0.5，扣0.5分"),  # a started point counts whole
        ("103", "3.50", "超出100共3，扣1.5分"),
        ("125", "0.00", "超出100共25，扣5分"),  # not below zero
    ],
)
def test_step_over_with_fraction_of_weight(value: str, expected: str, explanation: str) -> None:
    item = score_one(STAFF_STEP, value, weight=5)
    assert (item.points, item.explanation) == (D(expected), explanation)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("100", "5.00"),
        ("101", "5.00"),
        ("95", "3.00"),
        ("90", "1.00"),
        ("94.99", "1.00"),
        ("80", "0.00"),
    ],
)
def test_step_under_with_points(value: str, expected: str) -> None:
    assert points(COMPLETION_STEP, value, weight=5) == D(expected)


def test_step_exact_count_deducts_proportionally() -> None:
    method = {**COMPLETION_STEP, "count": "exact"}
    assert points(method, "97.5", weight=5) == D("4.00")
    assert points(method, "99.27", weight=5) == D("4.71")


def test_step_whole_count_deducts_only_completed_steps() -> None:
    method = {**COMPLETION_STEP, "count": "whole"}
    assert points(method, "99.27", weight=5) == D("5.00")  # 0.73% short: no whole 5% step
    assert points(method, "94.9", weight=5) == D("3.00")  # one whole step (5.1% short)
    assert points(method, "89.9", weight=5) == D("1.00")


# ── the Hunan worked example, on the shipped hunan-2019 pack ──────────────────────────────


def _hunan_item(dossier: Dossier, item_id: str) -> ItemScore:
    card = evaluate_with(dossier, "hunan-2019").score
    return next(i for i in card.items if i.id == item_id)


def test_hunan_staff_control_136_of_143_is_full_marks(make_dossier) -> None:
    dossier = make_dossier(
        staffing={"authorized": {"行政编制": 143}, "in_service": {"行政编制": 136}}
    )
    item = _hunan_item(dossier, "staff_control")
    assert (item.status, item.points, item.actual, item.weight) == (
        Status.SCORED,
        D("5.00"),
        "95.1%",
        D(5),
    )


def test_hunan_sangong_change_98_31_percent_scores_zero(make_dossier) -> None:
    dossier = make_dossier(
        money={
            "unit": "万元",
            "lines": [{"phase": "年初预算", "item": "三公经费-公务接待", "amount": "63.46"}],
        },
        previous={"budget.sangong": "32"},
    )
    item = _hunan_item(dossier, "sangong_change")
    assert (item.status, item.points, item.actual) == (Status.SCORED, D("0.00"), "98.31%")


def _completion_dossier(carryover_end: str) -> Dossier:
    lines = [
        {"phase": "年初预算", "item": "工资福利支出", "amount": "100"},
        {"phase": "年初预算", "item": "上年结转结余", "amount": "0"},
        {"phase": "年初预算", "item": "本年追加", "amount": "0"},
        {"phase": "执行", "item": "工资福利支出", "amount": "99.27"},
        {"phase": "执行", "item": "年末结转结余", "amount": carryover_end},
    ]
    return build_dossier(money={"unit": "万元", "lines": lines})


def test_hunan_completion_rate_is_computed_from_the_formula() -> None:
    item = _hunan_item(_completion_dossier("0.73"), "completion")
    assert (item.status, item.value) == (Status.SCORED, D("99.27"))
    assert _hunan_item(_completion_dossier("0"), "completion").points == D("5.00")
    assert _hunan_item(_completion_dossier("10"), "completion").points == D("1.00")  # 90% → −4


def test_hunan_completion_99_27_percent_is_full_marks_as_in_the_worked_example() -> None:
    assert _hunan_item(_completion_dossier("0.73"), "completion").points == D("5.00")


# ── bands ─────────────────────────────────────────────────────────────────────────────────

ADJUSTMENT_BANDS = {
    "type": "bands",
    "bands": [
        {"le": 0, "fraction": 1},
        {"gt": 0, "le": 10, "fraction": "0.8"},
        {"gt": 10, "le": 20, "fraction": "0.6"},
        {"gt": 20, "le": 30, "fraction": "0.4"},
        {"gt": 30, "fraction": 0},
    ],
}
KEY_SPENDING_BANDS = {
    "type": "bands",
    "bands": [
        {"ge": 90, "points": 5},
        {"ge": 80, "lt": 90, "points": 4},
        {"ge": 70, "lt": 80, "points": 3},
        {"ge": 60, "lt": 70, "points": 2},
        {"lt": 60, "points": 0},
    ],
}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("-3", "5.00"),
        ("0", "5.00"),
        ("0.01", "4.00"),
        ("10", "4.00"),
        ("10.01", "3.00"),
        ("20", "3.00"),
        ("30", "2.00"),
        ("30.01", "0.00"),
    ],
)
def test_bands_by_fraction_with_boundaries(value: str, expected: str) -> None:
    assert points(ADJUSTMENT_BANDS, value, weight=5) == D(expected)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("100", "5.00"),
        ("90", "5.00"),
        ("89.99", "4.00"),
        ("80", "4.00"),
        ("79.99", "3.00"),
        ("60", "2.00"),
        ("59.99", "0.00"),
    ],
)
def test_bands_by_points_with_boundaries(value: str, expected: str) -> None:
    assert points(KEY_SPENDING_BANDS, value, weight=5) == D(expected)


def test_bands_points_never_exceed_the_weight() -> None:
    method = {"type": "bands", "bands": [{"ge": 0, "points": 8}]}
    assert points(method, "1", weight=5) == D("5.00")


def test_value_outside_every_band_scores_zero_and_says_so() -> None:
    method = {"type": "bands", "bands": [{"ge": 90, "points": 5}, {"lt": 60, "points": 0}]}
    item = score_one(method, "70", weight=5)
    assert (item.status, item.points, item.explanation) == (
        Status.SCORED,
        D("0.00"),
        "70不在任何计分区间，得0分",
    )


# ── qualitative and check points (assessment leaves) ──────────────────────────────────────


def assessed_card(
    method: dict[str, Any], assessment: dict[str, Any] | None, weight: int = 10
) -> ScoreCard:
    leaves = [
        {"id": "q", "name": "定性", "weight": weight, "assessment": True, "method": method},
        formula_leaf("pad", 100 - weight, {"type": "linear"}),
    ]
    assessments = {"q": assessment} if assessment is not None else {}
    return score(build_dossier(data={"pad": "100"}, assessments=assessments), framework(*leaves))


QUALITATIVE = {"type": "qualitative"}


@pytest.mark.parametrize(
    ("assessment", "expected", "explanation"),
    [
        ({"level": "达成", "fraction": "0.9"}, "9.00", "达成，按90%计分"),
        ({"level": "达成", "fraction": "1"}, "10.00", "达成，按100%计分"),
        ({"level": "达成"}, "8.00", "达成，未给出区间内比例，按下限80%计分"),
        ({"level": "部分达成", "fraction": "0.7"}, "7.00", "部分达成，按70%计分"),
        (
            {"level": "部分达成", "fraction": "0.95"},
            "6.00",
            "部分达成，未给出区间内比例，按下限60%计分",
        ),
        ({"level": "未达成", "fraction": "0.3"}, "3.00", "未达成，按30%计分"),
        ({"level": "未达成"}, "0.00", "未达成，未给出区间内比例，按下限0%计分"),
    ],
)
def test_qualitative_bands_and_fraction(
    assessment: dict[str, Any], expected: str, explanation: str
) -> None:
    item = assessed_card(QUALITATIVE, assessment).items[0]
    assert (item.status, item.points, item.explanation) == (Status.SCORED, D(expected), explanation)


def test_qualitative_unknown_level_is_insufficient_not_zero() -> None:
    item = assessed_card(QUALITATIVE, {"level": "很好"}).items[0]
    assert (item.status, item.points) == (Status.INSUFFICIENT, None)
    assert item.explanation == "定性评价等级缺失或无效（应为达成、部分达成、未达成）"


def test_missing_assessment_is_insufficient() -> None:
    item = assessed_card(QUALITATIVE, None).items[0]
    assert (item.status, item.points, item.explanation) == (
        Status.INSUFFICIENT,
        None,
        "没有定性评价或检查点记录（assessments）",
    )


CHECKPOINTS = {"type": "checkpoints", "points": ["制度健全", "合法合规", "有效执行"]}


@pytest.mark.parametrize(
    ("marks", "expected", "explanation"),
    [
        ([True, True, True], "3.00", "满足3/3个检查点"),
        ([True, False, True], "2.00", "满足2/3个检查点"),
        ([False, False, False], "0.00", "满足0/3个检查点"),
    ],
)
def test_checkpoints(marks: list[bool], expected: str, explanation: str) -> None:
    item = assessed_card(CHECKPOINTS, {"checkpoints": marks}, weight=3).items[0]
    assert (item.status, item.points, item.explanation) == (Status.SCORED, D(expected), explanation)


def test_checkpoints_share_rounds_half_up() -> None:
    item = assessed_card(CHECKPOINTS, {"checkpoints": [True, False, False]}, weight=2).items[0]
    assert item.points == D("0.67")


def test_checkpoints_wrong_count_is_insufficient() -> None:
    item = assessed_card(CHECKPOINTS, {"checkpoints": [True, True]}, weight=3).items[0]
    assert (item.status, item.points, item.explanation) == (
        Status.INSUFFICIENT,
        None,
        "检查点应有3项，实有2项",
    )


# ── insufficient evidence is a state, not a zero ──────────────────────────────────────────


def three_leaves() -> Framework:
    linear = {"type": "linear"}
    return framework(
        formula_leaf("a", 50, linear), formula_leaf("b", 25, linear), formula_leaf("c", 25, linear)
    )


@pytest.mark.parametrize(
    ("formula", "explanation"),
    [
        ("rates.execution", "无法计算，缺少数据：预算执行率"),
        ("prev(rates.execution)", "无法计算，缺少上年数据：预算执行率"),
        ("budget.total / 0", "无法计算，缺少数据：预算总额"),
        ("data.x / (data.y - data.y)", "无法计算，除数为零"),
    ],
)
def test_a_missing_figure_is_named_in_words_not_by_its_key(formula: str, explanation: str) -> None:
    dossier = build_dossier(data={"x": "1", "y": "2"})
    card = score(dossier, framework(formula_leaf("a", 100, {"type": "linear"}, formula)))
    assert card.items[0].explanation == explanation


def test_insufficient_evidence_withholds_the_grade() -> None:
    card = score(build_dossier(data={"a": "100", "b": "40"}), three_leaves())
    assert [(i.id, i.status, i.points) for i in card.items] == [
        ("a", Status.SCORED, D("50.00")),
        ("b", Status.SCORED, D("10.00")),
        ("c", Status.INSUFFICIENT, None),
    ]
    assert card.items[2].explanation == "无法计算，缺少数据：其他数据 · c"
    assert card.items[2].explanation_en == "cannot compute: missing data: Other data · c"
    assert (card.total, card.grade, card.complete, card.status) == (
        D("60.00"),
        None,
        False,
        Status.INSUFFICIENT,
    )
    assert (card.insufficient_weight, card.assessed_weight, card.max_possible) == (
        D("25.00"),
        D(75),
        D("85.00"),
    )
    assert card.summary() == "证据不足：已评指标得60分，25分的指标无法评分（最高可能85分）"


def test_complete_card_has_a_grade() -> None:
    card = score(build_dossier(data={"a": "100", "b": "100", "c": "80"}), three_leaves())
    assert (card.total, card.grade, card.complete, card.status, card.max_possible) == (
        D("95.00"),
        "优",
        True,
        Status.SCORED,
        D("95.00"),
    )
    assert card.summary() == "95分（优）"


def test_department_leaf_without_indicators_is_insufficient() -> None:
    fw = framework(
        {
            "id": "out",
            "name": "产出",
            "weight": 100,
            "department_indicators": {"level1": ["产出"]},
            "method": PROPORTIONAL,
        }
    )
    card = score(build_dossier(), fw)
    assert [(i.id, i.status, i.explanation) for i in card.items] == [
        ("out", Status.INSUFFICIENT, "部门未设置“产出”类指标")
    ]
    assert card.grade is None


# ── not applicable: dropped and rescaled ──────────────────────────────────────────────────


def test_not_applicable_is_dropped_and_the_rest_rescaled() -> None:
    dossier = build_dossier(
        data={"b": "100", "c": "80"}, assessments={"a": {"level": "不适用", "note": "本年无此业务"}}
    )
    card = score(dossier, three_leaves())
    assert [(i.id, i.status, i.points, i.explanation) for i in card.items] == [
        ("a", Status.NOT_APPLICABLE, None, "不适用：本年无此业务"),
        ("b", Status.SCORED, D("25.00"), "25×100/100"),
        ("c", Status.SCORED, D("20.00"), "25×80/100"),
    ]
    assert (card.total, card.grade, card.dropped_weight) == (D("90.00"), "优", D(50))
    assert card.notes == ("不适用指标50分已剔除，其余按100分折算",)


def test_rescaling_can_be_switched_off() -> None:
    fw = framework(
        *three_leaves().model_dump(mode="json")["indicators"],
        rules={"rescale_not_applicable": False},
    )
    dossier = build_dossier(data={"b": "100", "c": "80"}, assessments={"a": {"level": "不适用"}})
    card = score(dossier, fw)
    assert (card.total, card.notes) == (D("45.00"), ())


def test_max_possible_accounts_for_rescaling() -> None:
    dossier = build_dossier(data={"b": "100"}, assessments={"a": {"level": "不适用"}})
    card = score(dossier, three_leaves())
    assert (card.total, card.max_possible) == (D("50.00"), D("100.00"))


# ── 不涉及 content carries no points ──────────────────────────────────────────────────────


def department_framework(rules: dict[str, Any] | None = None) -> Framework:
    leaf = {
        "id": "out",
        "name": "产出",
        "weight": 100,
        "department_indicators": {"level1": ["产出"]},
        "method": PROPORTIONAL,
    }
    return framework(leaf, rules=rules)


def indicator(**fields: Any) -> dict[str, Any]:
    return {"id": "i1", "name": "设备检修次数", "level1": "产出", "unit": "次", **fields}


def test_not_applicable_content_scores_zero_not_insufficient() -> None:
    dossier = build_dossier(indicators=[indicator(target_text="不涉及", weight=5, self_score=5)])
    card = score(dossier, department_framework())
    (item,) = card.items
    assert (item.id, item.status, item.points, item.explanation) == (
        "out.i1",
        Status.SCORED,
        D("0.00"),
        "指标内容为“不涉及/无”，不得计分",
    )
    assert (card.total, card.grade) == (D("0.00"), "差")


def test_department_indicator_item_fields() -> None:
    dossier = build_dossier(
        indicators=[indicator(level2="数量", target=12, actual=10, self_score=8)]
    )
    (item,) = score(dossier, department_framework()).items
    assert item == ItemScore(
        id="out.i1",
        path=("产出", "数量"),
        name="设备检修次数",
        weight=D(100),
        status=Status.SCORED,
        points=D("83.33"),
        explanation="未达目标，100×10/12",
        explanation_en="target missed: 100×10/12",
        target="≥12次",
        actual="10次",
        value=D(10),
        indicator_id="i1",
        self_score=D(8),
    )


def test_department_points_split_by_own_weights_else_equally() -> None:
    two = [
        indicator(id="a", target=1, actual=1, weight=3),
        indicator(id="b", target=1, actual=1, weight=1),
    ]
    assert [
        i.weight for i in score(build_dossier(indicators=two), department_framework()).items
    ] == [D(75), D(25)]
    unweighted = [
        indicator(id="a", target=1, actual=1),
        indicator(id="b", target=1, actual=1, weight=1),
    ]
    assert [
        i.weight for i in score(build_dossier(indicators=unweighted), department_framework()).items
    ] == [D(50), D(50)]


def test_qualitative_department_indicator_uses_its_assessment() -> None:
    dossier = build_dossier(
        indicators=[indicator(comparator="定性", target_text="按时开展")],
        assessments={"i1": {"level": "部分达成", "fraction": "0.75"}},
    )
    (item,) = score(dossier, department_framework()).items
    assert (item.status, item.points, item.explanation) == (
        Status.SCORED,
        D("75.00"),
        "部分达成，按75%计分",
    )


def test_department_indicator_without_target_is_insufficient() -> None:
    (item,) = score(build_dossier(indicators=[indicator(actual=12)]), department_framework()).items
    assert (item.status, item.points, item.explanation) == (
        Status.INSUFFICIENT,
        None,
        "没有年度指标值（目标），无法判断完成程度",
    )


# ── anti-inflation: overshoot and execution cap ───────────────────────────────────────────

OVERSHOOT = {"overshoot": {"threshold": 30, "penalty_points": 2}}


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"target": 10, "actual": 13}, "98.00"),  # +30% exactly: deduct 2
        ({"target": 10, "actual": "12.99"}, "100.00"),  # +29.9%: no deduction
        ({"target": 10, "actual": 7, "comparator": "≤"}, "98.00"),  # 30% under a ceiling
        ({"target": 10, "actual": 5}, "50.00"),  # a miss is not an overshoot
    ],
)
def test_overshoot_of_30_percent_deducts_two_points(fields: dict[str, Any], expected: str) -> None:
    (item,) = score(
        build_dossier(indicators=[indicator(**fields)]), department_framework(OVERSHOOT)
    ).items
    assert item.points == D(expected)


def test_overshoot_note_is_recorded_as_an_adjustment() -> None:
    (item,) = score(
        build_dossier(indicators=[indicator(target=10, actual=13)]), department_framework(OVERSHOOT)
    ).items
    note = "实际值偏离目标30%（≥30%），目标设定偏低，扣2分"
    assert item.adjustments == (note,)
    assert item.explanation == f"达到目标，得满分；{note}"


def test_overshoot_with_no_penalty_points_zeroes_the_indicator() -> None:
    rules = {"overshoot": {"threshold": 30, "penalty_points": None}}
    (item,) = score(
        build_dossier(indicators=[indicator(target=10, actual=20)]), department_framework(rules)
    ).items
    assert item.points == D("0.00")


def test_without_overshoot_rule_no_deduction() -> None:
    (item,) = score(
        build_dossier(indicators=[indicator(target=10, actual=20)]), department_framework()
    ).items
    assert (item.points, item.adjustments) == (D("100.00"), ())


CAPS = {
    "execution_cap": [
        {"below": 50, "cap": 59},
        {"below": 60, "cap": 69},
        {"below": 70, "cap": 79},
        {"below": 80, "cap": 89},
    ]
}


def executed_dossier(executed: str | None) -> Dossier:
    lines = [{"phase": "调整预算", "item": "工资福利支出", "amount": "100"}]
    if executed is not None:
        lines.append({"phase": "执行", "item": "工资福利支出", "amount": executed})
    return build_dossier(
        money={"unit": "万元", "lines": lines}, indicators=[indicator(target=10, actual=10)]
    )


@pytest.mark.parametrize(
    ("executed", "total", "grade", "notes"),
    [
        ("65", "79.00", "中", ("预算执行率65%低于70%，总分封顶79分",)),
        ("79.99", "89.00", "良", ("预算执行率79.99%低于80%，总分封顶89分",)),
        ("80", "100.00", "优", ()),
        ("49", "59.00", "差", ("预算执行率49%低于50%，总分封顶59分",)),
        ("55", "69.00", "中", ("预算执行率55%低于60%，总分封顶69分",)),
        (None, "100.00", "优", ("预算执行率未知，未能应用执行率封顶规则",)),
    ],
)
def test_total_is_capped_by_execution_rate(
    executed: str | None, total: str, grade: str, notes: tuple[str, ...]
) -> None:
    card = score(executed_dossier(executed), department_framework(CAPS))
    assert (card.total, card.grade, card.notes) == (D(total), grade, notes)


def test_cap_does_not_raise_a_low_total() -> None:
    lines = [
        {"phase": "调整预算", "item": "工资福利支出", "amount": "100"},
        {"phase": "执行", "item": "工资福利支出", "amount": "65"},
    ]
    dossier = build_dossier(
        money={"unit": "万元", "lines": lines}, indicators=[indicator(target=10, actual=5)]
    )
    card = score(dossier, department_framework(CAPS))
    assert (card.total, card.notes) == (D("50.00"), ())


# ── self-score and re-score kept beside the computed score ────────────────────────────────


def test_rescores_are_kept_beside_the_computed_points() -> None:
    dossier = build_dossier(
        data={"a": "100", "b": "100", "c": "100"}, self_evaluation={"total": 98, "grade": "优"}
    )
    card = score(dossier, three_leaves(), rescores={"b": Rescore(D("20"), "佐证不足")})
    assert [(i.id, i.points, i.rescore) for i in card.items] == [
        ("a", D("50.00"), None),
        ("b", D("25.00"), Rescore(D("20"), "佐证不足")),
        ("c", D("25.00"), None),
    ]
    assert (card.total, card.grade) == (D("100.00"), "优")
    assert (card.rescore_total, card.rescore_grade) == (D("95.00"), "优")
    assert (card.self_total, card.self_grade) == (D(98), "优")


def test_without_rescores_there_is_no_rescore_total() -> None:
    card = score(build_dossier(data={"a": "100", "b": "100", "c": "100"}), three_leaves())
    assert (card.rescore_total, card.rescore_grade, card.self_total, card.self_grade) == (
        None,
        None,
        None,
        None,
    )


def test_rescore_total_uses_the_same_rescaling_as_the_computed_total() -> None:
    dossier = build_dossier(data={"b": "100", "c": "100"}, assessments={"a": {"level": "不适用"}})
    card = score(dossier, three_leaves(), rescores={"b": Rescore(D("20"))})
    assert (card.total, card.rescore_total, card.rescore_grade) == (D("100.00"), D("90.00"), "优")


# ── the final score: re-score where present, else computed; 证据不足 when not computable ──


def test_final_score_is_the_computed_score_without_rescores() -> None:
    card = score(build_dossier(data={"a": "100", "b": "40", "c": "100"}), three_leaves())
    assert card.final == FinalScore(D("85.00"), "良", Basis.COMPUTED)
    assert (card.final.text, card.final.basis.label) == ("85", "计算得分")


def test_final_score_is_the_rescore_where_an_item_is_rescored() -> None:
    dossier = build_dossier(data={"a": "100", "b": "100", "c": "100"})
    card = score(dossier, three_leaves(), rescores={"b": Rescore(D("5"), "佐证不足")})
    # b's 25 computed points are replaced by the re-score's 5; a and c keep theirs
    assert card.final == FinalScore(D("80.00"), "良", Basis.RESCORE)
    assert card.final.basis.label == "财政复核"


def test_final_score_is_not_computable_while_evidence_is_missing() -> None:
    card = score(build_dossier(data={"a": "100", "b": "40"}), three_leaves())
    assert card.final == FinalScore(None, None, Basis.INSUFFICIENT)
    assert card.final.text == INSUFFICIENT_TEXT == "—（证据不足）"


def test_a_partial_rescore_keeps_the_missing_evidence_missing() -> None:
    dossier = build_dossier(data={"a": "100", "b": "40"})
    card = score(dossier, three_leaves(), rescores={"a": Rescore(D("40"))})
    assert card.rescore_total == D("50.00")
    assert card.final == FinalScore(None, None, Basis.INSUFFICIENT)


def test_a_rescore_of_the_item_without_evidence_completes_the_final_score() -> None:
    dossier = build_dossier(data={"a": "100", "b": "40"})
    card = score(dossier, three_leaves(), rescores={"c": Rescore(D("20"), "现场核实")})
    assert card.grade is None  # the computed score still lacks evidence
    assert card.final == FinalScore(D("80.00"), "良", Basis.RESCORE)


def test_rescores_for_unknown_items_are_no_rescore() -> None:
    card = score(
        build_dossier(data={"a": "100", "b": "100", "c": "100"}),
        three_leaves(),
        rescores={"gone": Rescore(D("1"))},
    )
    assert card.rescore_total is None
    assert card.final.basis is Basis.COMPUTED


def test_subtotals_per_level_one() -> None:
    fw = framework(
        {
            "id": "input",
            "name": "投入",
            "weight": 40,
            "children": [
                formula_leaf("a", 20, {"type": "linear"}),
                formula_leaf("b", 20, {"type": "linear"}),
            ],
        },
        {
            "id": "output",
            "name": "产出",
            "weight": 60,
            "children": [formula_leaf("c", 60, {"type": "linear"})],
        },
    )
    card = score(build_dossier(data={"a": "50", "c": "100"}), fw)
    assert card.subtotals == (
        Subtotal("投入", D(40), D("10.00"), D(20)),
        Subtotal("产出", D(60), D("60.00"), D(0)),
    )
    assert [i.path for i in card.items] == [("投入",), ("投入",), ("产出",)]


# ── grades ────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("total", "grade"),
    [
        ("100", "优"),
        ("90", "优"),
        ("89.99", "良"),
        ("80", "良"),
        ("79.99", "中"),
        ("60", "中"),
        ("59.99", "差"),
        ("0", "差"),
    ],
)
def test_default_grade_bands(total: str, grade: str) -> None:
    assert grade_for(D(total)) == grade


def test_pack_grade_bands_are_used() -> None:
    fw = framework(
        formula_leaf("a", 100, {"type": "linear"}),
        grades=[{"grade": "A", "min": 85}, {"grade": "B", "min": 0}],
    )
    assert score(build_dossier(data={"a": "86"}), fw).grade == "A"
    assert score(build_dossier(data={"a": "84"}), fw).grade == "B"


# ── the shipped packs on the seed ─────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("framework_id", "total", "insufficient", "scored_items"),
    [
        ("cn-2020-self", "0.00", "100.00", []),
        ("cn-2013-common", "4.00", "96.00", [("staff_control", D("4.00"))]),
        ("hunan-2019", "5.00", "95.00", [("staff_control", D("5.00"))]),
    ],
)
def test_shipped_packs_score_the_seed(
    seed_dossier: Dossier, framework_id: str, total: str, insufficient: str, scored_items
) -> None:
    card = evaluate_with(seed_dossier, framework_id).score
    assert card.framework_id == framework_id
    assert (card.total, card.grade, card.status) == (D(total), None, Status.INSUFFICIENT)
    assert (card.insufficient_weight, card.dropped_weight, card.max_possible) == (
        D(insufficient),
        D(0),
        D("100"),
    )
    assert (card.self_total, card.self_grade) == (D(96), "优")
    assert [(i.id, i.points) for i in card.items if i.status is Status.SCORED] == scored_items


def test_seed_default_pack_lists_every_department_indicator(seed_dossier: Dossier) -> None:
    card = evaluate_with(seed_dossier).score
    assert card.framework_id == "cn-2020-self"
    assert [(i.id, i.weight) for i in card.items] == [
        ("execution", D(10)),
        ("output.equipment_overhauls", D(10)),
        ("output.greening_survival", D(10)),
        ("output.energy_week", D(10)),
        ("output.meetings_served", D(10)),
        ("output.meeting_errors", D(10)),
        ("benefit.facilities_intact", D(15)),
        ("benefit.energy_participation", D(15)),
        ("satisfaction.public_satisfaction", D(10)),
    ]
    assert sum((i.weight for i in card.items), D(0)) == D(100)


@pytest.mark.parametrize("framework_id", ["cn-2013-common", "cn-2020-self", "hunan-2019"])
def test_shipped_pack_weights_add_up_to_100(framework_id: str) -> None:
    pack = load_framework(framework_id)
    assert pack.total == D(100)
    assert sum((node.weight for _, node in pack.leaves()), D(0)) == D(100)


def test_seed_scores_fully_once_targets_and_execution_are_given(seed_dossier: Dossier) -> None:
    """With targets met and 100% execution the default pack gives full marks (no overshoot)."""
    data = seed_dossier.model_dump(mode="json", exclude_defaults=True)
    for item in data["indicators"]:
        if item.get("comparator") == "定性":
            data.setdefault("assessments", {})[item["id"]] = {"level": "达成", "fraction": "1"}
        else:
            item["target"] = item["actual"]
    data["money"]["lines"].append({"phase": "执行", "item": "工资福利支出", "amount": "1462.08"})
    card = evaluate_with(build_dossier(data)).score
    assert (card.total, card.grade, card.status) == (D("100.00"), "优", Status.SCORED)


WAGES = {"phase": "年初预算", "item": "工资福利支出", "amount": "100"}


@pytest.mark.parametrize(
    ("extra_lines", "data", "item_id", "status", "expected"),
    [
        (
            [
                {"phase": "执行", "item": "年末结转结余", "amount": "0"},
                {"phase": "年初预算", "item": "上年结转结余", "amount": "10"},
            ],
            {},
            "balance",
            Status.SCORED,
            "3.00",
        ),
        (
            [
                {"phase": "执行", "item": "年末结转结余", "amount": "5"},
                {"phase": "年初预算", "item": "上年结转结余", "amount": "10"},
            ],
            {},
            "balance",
            Status.SCORED,
            "2.00",
        ),
        (
            [
                {"phase": "执行", "item": "年末结转结余", "amount": "15"},
                {"phase": "年初预算", "item": "上年结转结余", "amount": "10"},
            ],
            {},
            "balance",
            Status.SCORED,
            "0.00",
        ),
        (
            [{"phase": "执行", "item": "年末结转结余", "amount": "5"}],
            {},
            "balance",
            Status.INSUFFICIENT,
            None,
        ),
        ([], {"late_funds": "2"}, "payment_progress", Status.SCORED, "2.00"),
        (
            [{"phase": "年初预算", "item": "本年追加", "amount": "15"}],
            {},
            "adjustment",
            Status.SCORED,
            "3.00",
        ),
        (
            [
                {"phase": "年初预算", "item": "重点项目支出", "amount": "85"},
                {
                    "phase": "年初预算",
                    "item": "商品和服务支出",
                    "funding": "项目支出",
                    "amount": "100",
                },
            ],
            {},
            "key_spending",
            Status.SCORED,
            "4.00",
        ),
    ],
)
def test_hunan_pack_rules(
    extra_lines, data, item_id: str, status: Status, expected: str | None
) -> None:
    dossier = build_dossier(money={"unit": "万元", "lines": [WAGES, *extra_lines]}, data=data)
    item = _hunan_item(dossier, item_id)
    assert (item.status, item.points) == (status, None if expected is None else D(expected))


@pytest.mark.parametrize("framework", shipped_frameworks(), ids=lambda f: f.id)
def test_every_item_explains_its_score_in_english_too(
    framework: Framework, seed_dossier: Dossier
) -> None:
    """The English explanation exists for every item and, on the seed, holds no Chinese."""
    card = score(seed_dossier, framework)
    for item in card.items:
        assert item.explanation_en, item.id
        assert not re.search(r"[\u4e00-\u9fff]", item.explanation_en), item.explanation_en
