"""Goal and indicator rules: measurable targets, 不涉及 with points, deviations, evidence."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.core.checks import Context, Note, rule
from jixiao.core.dossier import Comparator, Indicator
from jixiao.core.figures import format_number

VAGUE_WORDS = ("提高", "改善", "进一步", "加强", "提升", "力争", "大力", "逐步", "有所", "明显")
HAS_NUMBER = re.compile(r"[0-9０-９]|[一二三四五六七八九十百千万]+(次|个|人|项|场|件|家|户|%)")
DEVIATION_THRESHOLD = Decimal(10)  # % below target that needs an explanation
OVERSHOOT_THRESHOLD = Decimal(30)  # % above target: target set too low


def _is_vague(text: str) -> bool:
    return any(word in text for word in VAGUE_WORDS) and not HAS_NUMBER.search(text)


def _deviation(indicator: Indicator) -> Decimal | None:
    """Signed % by which the actual misses (−) or beats (+) its target, in the good direction."""
    target, actual = indicator.effective_target, indicator.actual
    if (
        target is None
        or actual is None
        or target == 0
        or indicator.comparator is Comparator.QUALITATIVE
    ):
        return None
    raw = (actual - target) * 100 / target
    return -raw if indicator.comparator in (Comparator.LE, Comparator.LT) else raw


@rule(
    "indicators.E001",
    "内容为“不涉及/无”的指标仍有分值",
    "An indicator marked not applicable carries points",
)
def not_applicable_with_points(context: Context) -> Iterator[Note]:
    for n, indicator in enumerate(context.dossier.indicators):
        points = [p for p in (indicator.weight, indicator.self_score) if p]
        if indicator.content_not_applicable and points:
            yield Note(
                f"指标“{indicator.name}”内容为“不涉及/无”，却有{format_number(max(points))}分",
                f"indicator {indicator.name} is not applicable but carries points",
                "删除该指标，或改为有实际内容的指标；不涉及的指标不得计分",
                f"indicators[{n}]",
                indicator.source,
                hint_en="Delete the indicator or give it real content; a not-applicable indicator earns no points",
            )


@rule("indicators.E002", "指标自评得分超过分值", "An indicator's self-score exceeds its weight")
def self_score_over_weight(context: Context) -> Iterator[Note]:
    for n, indicator in enumerate(context.dossier.indicators):
        if (
            indicator.self_score is not None
            and indicator.weight is not None
            and indicator.self_score > indicator.weight
        ):
            yield Note(
                f"指标“{indicator.name}”自评{format_number(indicator.self_score)}分，超过分值{format_number(indicator.weight)}分",
                "self-score above the indicator's weight",
                "自评得分不能超过分值",
                f"indicators[{n}].self_score",
                indicator.source,
                hint_en="A self-score cannot exceed the weight",
            )


@rule(
    "indicators.W001",
    "指标值表述模糊（提高、改善、进一步……没有数字）",
    "A vague target without a number",
)
def vague_target(context: Context) -> Iterator[Note]:
    for n, indicator in enumerate(context.dossier.indicators):
        text = indicator.target_text or ""
        if indicator.effective_target is None and text and _is_vague(text):
            yield Note(
                f"指标“{indicator.name}”的指标值“{text}”没有可衡量的数值",
                f"target of {indicator.name} is vague",
                "写明比较符、数值和单位，例如“≥95%”“≤3天”",
                f"indicators[{n}].target_text",
                indicator.source,
                hint_en="State a comparator, a number and a unit, e.g. “≥95%” or “≤3 days”",
            )


@rule("indicators.W002", "定量指标没有年度指标值（目标）", "A quantitative indicator has no target")
def missing_target(context: Context) -> Iterator[Note]:
    for n, indicator in enumerate(context.dossier.indicators):
        if (
            indicator.comparator is not Comparator.QUALITATIVE
            and indicator.effective_target is None
        ):
            got = ""
            if indicator.actual is not None:
                got = f"，只有实际值{indicator.actual_text or format_number(indicator.actual) + (indicator.unit or '')}"
            yield Note(
                f"指标“{indicator.name}”没有年度指标值{got}，无法判断是否完成",
                f"indicator {indicator.name} has no target",
                "从年初绩效目标表补填指标值（比较符、数值、单位）",
                f"indicators[{n}].target",
                indicator.source,
                hint_en="Fill in the target from the initial goal table (comparator, number, unit)",
            )


@rule(
    "indicators.W003",
    "完成值偏离目标超过10%却没有说明原因",
    "A deviation beyond 10% is not explained",
)
def unexplained_deviation(context: Context) -> Iterator[Note]:
    for n, indicator in enumerate(context.dossier.indicators):
        deviation = _deviation(indicator)
        if (
            deviation is not None
            and deviation <= -DEVIATION_THRESHOLD
            and not indicator.deviation_explanation
        ):
            yield Note(
                f"指标“{indicator.name}”完成值偏离目标{format_number(-deviation)}%，未说明原因",
                f"{indicator.name} misses its target by {format_number(-deviation)}% with no explanation",
                "在“偏差原因分析及改进措施”中说明原因",
                f"indicators[{n}].deviation_explanation",
                indicator.source,
                hint_en="Explain it under “Reasons for deviation and remedies”",
            )


@rule(
    "indicators.W004",
    "完成值超出目标30%以上：目标设定偏低",
    "A target beaten by 30% or more was set too low",
)
def pressure_free(context: Context) -> Iterator[Note]:
    for n, indicator in enumerate(context.dossier.indicators):
        deviation = _deviation(indicator)
        if deviation is not None and deviation >= OVERSHOOT_THRESHOLD:
            yield Note(
                f"指标“{indicator.name}”完成值超出目标{format_number(deviation)}%，目标可能设定过低",
                f"{indicator.name} beats its target by {format_number(deviation)}%",
                "下一年度按实际能力设定有挑战性的目标；如系特殊原因请说明",
                f"indicators[{n}].target",
                indicator.source,
                hint_en="Set a challenging target next year; explain if there was a special reason",
            )


@rule("indicators.W005", "定量指标没有计量单位", "A quantitative indicator has no unit")
def missing_unit(context: Context) -> Iterator[Note]:
    for n, indicator in enumerate(context.dossier.indicators):
        if (
            indicator.comparator is not Comparator.QUALITATIVE
            and indicator.actual is not None
            and not indicator.unit
        ):
            yield Note(
                f"指标“{indicator.name}”没有计量单位",
                f"{indicator.name} has no unit",
                "填写单位，如 %、次、个",
                f"indicators[{n}].unit",
                hint_en="Enter a unit, such as %, times or items",
            )


@rule("indicators.W006", "定性指标缺少评价等级", "A qualitative indicator has no assessment")
def qualitative_unassessed(context: Context) -> Iterator[Note]:
    for n, indicator in enumerate(context.dossier.indicators):
        if (
            indicator.comparator is Comparator.QUALITATIVE
            and indicator.id not in context.dossier.assessments
        ):
            yield Note(
                f"定性指标“{indicator.name}”没有评价等级（达成/部分达成/未达成）",
                f"qualitative indicator {indicator.name} is not assessed",
                "在 assessments 中给出等级和依据",
                f"indicators[{n}]",
                hint_en="Give a level and its basis in assessments",
            )


def _from_ledger(context: Context, indicator: Indicator) -> bool:
    """True when the indicator's actual was computed from ledger records: they are its evidence."""
    backing = context.ledgers.backing(indicator.id) if context.ledgers is not None else None
    return backing is not None and backing.status.uses_ledger


@rule("indicators.I001", "指标没有佐证材料", "An indicator has no evidence")
def missing_evidence(context: Context) -> Iterator[Note]:
    for n, indicator in enumerate(context.dossier.indicators):
        if (
            indicator.actual is not None
            and not indicator.evidence
            and not _from_ledger(context, indicator)
        ):
            yield Note(
                f"指标“{indicator.name}”没有佐证材料",
                f"{indicator.name} has no evidence",
                "注明数据来源（台账、统计表、问卷等）",
                f"indicators[{n}].evidence",
                hint_en="Name the source of the data (ledger, statistics, survey…)",
            )


@rule("goals.W001", "绩效目标没有可衡量的指标", "A goal has no measurable indicator")
def goal_unmeasured(context: Context) -> Iterator[Note]:
    measurable = {
        i.goal
        for i in context.dossier.indicators
        if i.goal and i.effective_target is not None and i.unit
    }
    for n, goal in enumerate(context.dossier.goals):
        if goal.id not in measurable:
            yield Note(
                f"绩效目标{n + 1}没有带指标值和单位的可衡量指标",
                f"goal {n + 1} has no measurable indicator",
                "为该目标设置至少一个“比较符+数值+单位”的指标",
                f"goals[{n}]",
                hint_en="Give the goal at least one indicator with comparator, number and unit",
            )


@rule("goals.W002", "绩效目标表述模糊", "A goal is stated vaguely")
def goal_vague(context: Context) -> Iterator[Note]:
    for n, goal in enumerate(context.dossier.goals):
        if _is_vague(goal.text):
            word = next(w for w in VAGUE_WORDS if w in goal.text)
            yield Note(
                f"绩效目标{n + 1}使用“{word}”等词却没有数字，无法衡量",
                f"goal {n + 1} uses vague wording without a number",
                "把目标细化为可衡量的数量、质量、时效指标",
                f"goals[{n}].text",
                hint_en="Break the goal down into measurable quantity, quality and timeliness indicators",
            )


@rule("goals.W003", "没有填报绩效目标", "No performance goals")
def no_goals(context: Context) -> Iterator[Note]:
    if not context.dossier.goals:
        yield Note(
            "没有填报年度绩效目标",
            "no goals",
            "按绩效目标表填报年度总体目标和分项目标",
            "goals",
            hint_en="Enter the year's overall goal and its sub-goals from the goal table",
        )
