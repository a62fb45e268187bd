"""Self-scores above what the evidence supports: the total, the grade, and single indicators.

API::

    inflation_flags(dossier, card, *, options=InflationOptions()) -> list[InflationFlag]

*card* is the dossier's :class:`~jixiao.core.scoring.ScoreCard` (``pipeline.evaluate(...).score``).
Kinds:

- ``self_score_above_computed``: the stated total is ≥ 10 points above the computed score, or
  above the most the missing evidence could still bring (the test of ``score.W001``, shared);
- ``grade_above_computed``: the stated (or implied) grade ranks above the computed grade;
- ``full_marks_without_actual``: an indicator given full marks by the department while the
  score card has no actual, target or assessment to score it on;
- ``full_marks_without_evidence``: full marks on an indicator with an actual but no evidence
  named (台账, 统计表, 问卷…);
- ``item_above_computed``: an indicator's self-score exceeds its computed points by at least
  ``item_share`` of its weight.

Each :class:`InflationFlag` names the indicator (or none, for the total), its evidence (the
figures compared) and a message in Chinese and English.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from jixiao.core.checks.score import self_score_inflation
from jixiao.core.dossier import Dossier
from jixiao.core.figures import format_number
from jixiao.core.grades import DEFAULT_BANDS
from jixiao.core.scoring import ItemScore, ScoreCard, Status


@dataclass(frozen=True)
class InflationOptions:
    item_share: Decimal = Decimal("0.3")  # self-score above computed points by this share of weight
    grade_order: tuple[str, ...] = tuple(b.grade for b in DEFAULT_BANDS)  # best first


@dataclass(frozen=True)
class InflationFlag:
    kind: str
    indicator_id: str | None
    indicator_name: str | None
    evidence: str
    message: str
    message_en: str
    finding_id: str | None = None
    gap: Decimal | None = None  # points claimed above what the evidence supports

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "indicator_id": self.indicator_id,
            "indicator": self.indicator_name,
            "evidence": self.evidence,
            "message": self.message,
            "message_en": self.message_en,
            "finding_id": self.finding_id,
            "gap": None if self.gap is None else format_number(self.gap),
        }


def inflation_flags(
    dossier: Dossier, card: ScoreCard, *, options: InflationOptions | None = None
) -> list[InflationFlag]:
    """Where the department's self-score claims more than *card* (its evidence) supports."""
    options = options or InflationOptions()
    flags = _total(dossier, card) + _grade(dossier, card, options)
    for item in card.items:
        flags.extend(_item(dossier, item, options))
    return flags


def _total(dossier: Dossier, card: ScoreCard) -> list[InflationFlag]:
    found = self_score_inflation(card, dossier.self_evaluation.total)
    if found is None:
        return []
    stated, ceiling = format_number(found.self_total), format_number(found.ceiling)
    what, what_en = (
        ("计算得分", "the computed score")
        if found.complete
        else ("证据所能支持的最高分", "the most the evidence could support")
    )
    return [
        InflationFlag(
            "self_score_above_computed",
            None,
            None,
            f"自评{stated}分，{what}{ceiling}分",
            f"自评{stated}分，高于{what}{ceiling}分",
            f"self-score {stated} is above {what_en} ({ceiling})",
            "score.W001",
            found.self_total - found.ceiling,
        )
    ]


def _grade(dossier: Dossier, card: ScoreCard, options: InflationOptions) -> list[InflationFlag]:
    stated = dossier.self_evaluation.grade or card.self_grade
    computed = card.grade
    order = options.grade_order
    if not stated or not computed or stated not in order or computed not in order:
        return []
    if order.index(stated) >= order.index(computed):
        return []
    return [
        InflationFlag(
            "grade_above_computed",
            None,
            None,
            f"自评等级“{stated}”，计算等级“{computed}”（{format_number(card.total)}分）",
            f"自评等级“{stated}”高于按证据计算的等级“{computed}”",
            f"the stated grade {stated} is above the computed grade {computed}",
        )
    ]


def _item(dossier: Dossier, item: ItemScore, options: InflationOptions) -> list[InflationFlag]:
    claimed = item.self_score
    if claimed is None or item.weight <= 0:
        return []
    name = item.name
    full = claimed >= item.weight
    if full and item.status is Status.INSUFFICIENT:
        return [
            InflationFlag(
                "full_marks_without_actual",
                item.indicator_id or item.id,
                name,
                f"自评{format_number(claimed)}/{format_number(item.weight)}分；{item.explanation}",
                f"“{name}”自评满分{format_number(claimed)}分，却没有可据以评分的完成值或评价",
                f"{name} is self-scored full marks ({format_number(claimed)}) with nothing to"
                " score it on",
                gap=claimed,
            )
        ]
    indicator = dossier.indicator(item.indicator_id) if item.indicator_id else None
    if full and indicator is not None and indicator.actual is not None and not indicator.evidence:
        return [
            InflationFlag(
                "full_marks_without_evidence",
                indicator.id,
                name,
                f"自评{format_number(claimed)}/{format_number(item.weight)}分；实际"
                f"{indicator.actual_text or format_number(indicator.actual)}，未注明佐证材料",
                f"“{name}”自评满分，却没有注明佐证材料",
                f"{name} is self-scored full marks with no evidence named",
                "indicators.I001",
            )
        ]
    if item.points is not None and claimed - item.points >= options.item_share * item.weight:
        return [
            InflationFlag(
                "item_above_computed",
                item.indicator_id or item.id,
                name,
                f"自评{format_number(claimed)}分，计算{format_number(item.points)}分"
                f"（分值{format_number(item.weight)}）：{item.explanation}",
                f"“{name}”自评{format_number(claimed)}分，按完成情况只得{format_number(item.points)}分",
                f"{name} is self-scored {format_number(claimed)}, its evidence gives"
                f" {format_number(item.points)}",
                gap=claimed - item.points,
            )
        ]
    return []
