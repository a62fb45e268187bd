"""Score rules: grade against score, inflated or unverifiable self-scores, framework coverage."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from jixiao.core.checks import Context, Note, rule
from jixiao.core.figures import format_number
from jixiao.core.grades import grade_for
from jixiao.core.numbers import format_score
from jixiao.core.scoring import ScoreCard, Status

INFLATION_GAP = Decimal(10)


@rule("score.E001", "自评等级与自评得分不符", "The stated grade does not match the stated score")
def grade_mismatch(context: Context) -> Iterator[Note]:
    evaluation = context.dossier.self_evaluation
    if evaluation.total is None or not evaluation.grade:
        return
    bands = context.framework.grade_bands()
    if evaluation.grade not in {band.grade for band in bands}:
        return  # a grade of another scale (A / B, 合格): no band of this framework to hold it to
    expected = grade_for(evaluation.total, bands)
    if evaluation.grade != expected:
        yield Note(
            f"自评{format_number(evaluation.total)}分应为“{expected}”，报告写“{evaluation.grade}”",
            f"score {format_number(evaluation.total)} is grade {expected}, stated {evaluation.grade}",
            "等级：优≥90，良80–90，中60–80，差<60",
            "self_evaluation.grade",
            evaluation.source,
            hint_en="Grades: excellent ≥ 90, good 80–90, fair 60–80, poor < 60",
        )


@dataclass(frozen=True)
class Inflation:
    """A self-score above the computed score (or, while evidence is missing, above the most
    the missing evidence could still bring)."""

    self_total: Decimal
    ceiling: Decimal
    complete: bool  # the ceiling is the computed score, not the most still possible


def self_score_inflation(card: ScoreCard, self_total: Decimal | None) -> Inflation | None:
    """score.W001's test: ≥ INFLATION_GAP above the computed score, or above the ceiling."""
    if self_total is None:
        return None
    ceiling = card.total if card.complete else card.max_possible
    if (
        self_total - ceiling >= (INFLATION_GAP if card.complete else Decimal(0))
        and self_total > ceiling
    ):
        return Inflation(self_total, ceiling, card.complete)
    return None


@rule("score.W001", "自评得分明显高于计算得分", "The self-score is well above the computed score")
def inflated(context: Context) -> Iterator[Note]:
    found = self_score_inflation(context.card, context.dossier.self_evaluation.total)
    if found is not None:
        what = "计算得分" if found.complete else "证据所能支持的最高分"
        yield Note(
            f"自评{format_number(found.self_total)}分，高于{what}{format_number(found.ceiling)}分",
            f"self-score {format_number(found.self_total)} exceeds the computed ceiling {format_number(found.ceiling)}",
            "逐项核对自评表得分与完成情况，按实际完成值计分",
            "self_evaluation.total",
            context.dossier.self_evaluation.source,
            hint_en="Check each self-score against what was achieved and score by the actual values",
        )


@rule(
    "score.W002",
    "自评得分无法核实：部分指标证据不足",
    "The self-score cannot be verified: evidence is missing",
)
def unverifiable(context: Context) -> Iterator[Note]:
    card, self_total = context.card, context.dossier.self_evaluation.total
    if self_total is not None and not card.complete:
        yield Note(
            f"自评{format_number(self_total)}分无法核实：按“{card.framework_name}”，"
            f"{format_number(card.insufficient_weight)}分的指标缺少数据或目标",
            f"self-score {format_number(self_total)} cannot be verified: "
            f"{format_number(card.insufficient_weight)} points lack evidence",
            "补充下列“框架指标缺少数据”提示中的数据后重新计算",
            "self_evaluation.total",
            context.dossier.self_evaluation.source,
            hint_en="Supply the data named in the “framework indicator lacks data” findings, then recompute",
        )


@rule("score.I001", "报告没有自评得分", "No self-score stated")
def no_self_score(context: Context) -> Iterator[Note]:
    if context.dossier.self_evaluation.total is None:
        yield Note(
            "报告没有写明绩效自评得分",
            "no self-score",
            "填写自评表总分",
            "self_evaluation.total",
            hint_en="Enter the self-evaluation total",
        )


@rule("framework.W001", "评价框架的指标缺少数据，无法评分", "A framework indicator lacks data")
def insufficient_items(context: Context) -> Iterator[Note]:
    for item in context.card.items:
        # a department indicator's own gaps are reported by the indicators.* rules
        if item.status is Status.INSUFFICIENT and item.indicator_id is None:
            place = "/".join(dict.fromkeys(p for p in (*item.path, item.name) if p))
            yield Note(
                f"{place}（{format_score(item.weight)}分）：{item.explanation}",
                f"{item.name_en or item.name} ({format_number(item.weight)} points): "
                f"{item.explanation_en or 'evidence missing'}",
                "补充该指标所需的数据或评价记录",
                f"score.{item.id}",
                hint_en="Supply the data or assessment this indicator needs",
            )


@rule(
    "framework.I001",
    "部门个性指标未纳入所选评价框架",
    "Department indicators unused by the framework",
)
def uncovered(context: Context) -> Iterator[Note]:
    used = {item.indicator_id for item in context.card.items if item.indicator_id}
    for n, indicator in enumerate(context.dossier.indicators):
        if indicator.id not in used:
            yield Note(
                f"指标“{indicator.name}”（{indicator.level1.value}）不在“{context.card.framework_name}”的计分范围内",
                f"indicator {indicator.name} is not scored by {context.card.framework_id}",
                "选择包含部门个性指标的评价框架，或调整指标的一级分类",
                f"indicators[{n}]",
                hint_en="Pick a framework that scores department indicators, or change the indicator's level-1 class",
            )
