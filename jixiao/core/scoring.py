"""Scoring: points per indicator, subtotals, total and grade, each with its explanation.

``score(dossier, framework)`` walks the framework's leaves and gives every indicator one of
three states:

- *scored*: points, with a one-line explanation of how they were reached;
- *insufficient evidence*: a value, target or assessment is missing. This is not a zero: the
  total is then partial, the grade is withheld and the card says how many points could not
  be assessed;
- *not applicable*: declared 不适用 with a reason; dropped, and the rest rescaled to the total.

Anti-inflation rules from the pack run on top: a target beaten by ≥ 30 % was set too low
(deduction), and the total is capped by the budget execution rate. The department's own
self-score and a finance re-score are kept beside the computed score, never mixed into it.

The *final* score of a card (:attr:`ScoreCard.final`) is defined here, once: the finance
re-score where any item is re-scored (re-scored items replace their computed points, the others
keep theirs), else the computed score; "证据不足" (no total, no grade) while an item without
a re-score still lacks evidence. Every page, list, API field and report shows this one value.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from enum import StrEnum

from jixiao.core.dossier import Assessment, Comparator, Dossier, Indicator
from jixiao.core.figures import FIGURES_BY_KEY, FigureBook, format_number
from jixiao.core.formula import Missing, compile_formula
from jixiao.core.framework import (
    Bands,
    Checkpoints,
    Framework,
    Linear,
    Method,
    Node,
    Proportional,
    Qualitative,
    Step,
)
from jixiao.core.grades import grade_for
from jixiao.core.ledgers.aggregates import AggregateBook
from jixiao.core.locations import figure_label
from jixiao.core.money import round_half_up

ZERO = Decimal(0)
ONE = Decimal(1)
NOT_APPLICABLE_LEVEL = "不适用"


class Status(StrEnum):
    SCORED = "scored"
    INSUFFICIENT = "insufficient_evidence"
    NOT_APPLICABLE = "not_applicable"

    @property
    def label(self) -> str:
        return {
            "scored": "已评分",
            "insufficient_evidence": "证据不足",
            "not_applicable": "不适用",
        }[self.value]


@dataclass(frozen=True)
class Rescore:
    """A finance bureau's re-score of one indicator, with its reason."""

    points: Decimal
    comment: str = ""


class Basis(StrEnum):
    """What a final score rests on."""

    RESCORE = "rescore"
    COMPUTED = "computed"
    INSUFFICIENT = "insufficient"

    @property
    def label(self) -> str:
        return {"rescore": "财政复核", "computed": "计算得分", "insufficient": "证据不足"}[
            self.value
        ]


INSUFFICIENT_TEXT = "—（证据不足）"  # the final score, wherever it cannot be computed


@dataclass(frozen=True)
class FinalScore:
    """The score a submission is judged by: see :attr:`ScoreCard.final`."""

    total: Decimal | None
    grade: str | None
    basis: Basis

    @property
    def text(self) -> str:
        """ "87.5" or "—（证据不足）": the same words in every report, page and list."""
        if self.total is None:
            return INSUFFICIENT_TEXT
        return format_number(self.total)


@dataclass(frozen=True)
class ItemScore:
    id: str  # framework leaf id, or "<leaf>.<indicator id>" for a department's own indicator
    path: tuple[str, ...]  # 一级, 二级, (三级) names
    name: str
    weight: Decimal
    status: Status
    points: Decimal | None
    explanation: str
    target: str = ""  # as displayed: "≥ 95%"
    actual: str = ""
    value: Decimal | None = None  # the computed or stated actual, numerically
    indicator_id: str | None = None  # the department indicator, when this item is one
    self_score: Decimal | None = None
    rescore: Rescore | None = None
    adjustments: tuple[str, ...] = ()  # anti-inflation deductions applied
    explanation_en: str = ""  # for an English page (reports stay Chinese)
    name_en: str = ""  # a framework leaf's English name, when its pack gives one

    @property
    def level1(self) -> str:
        return self.path[0]


@dataclass(frozen=True)
class Subtotal:
    name: str
    weight: Decimal
    points: Decimal
    insufficient_weight: Decimal


@dataclass(frozen=True)
class ScoreCard:
    framework_id: str
    framework_name: str
    items: tuple[ItemScore, ...]
    subtotals: tuple[Subtotal, ...]
    total: Decimal  # points on the assessed indicators, after rescaling and caps
    grade: str | None  # withheld while evidence is insufficient
    assessed_weight: Decimal
    insufficient_weight: Decimal
    dropped_weight: Decimal
    notes: tuple[str, ...] = ()
    notes_en: tuple[str, ...] = ()  # the notes in English, one for one
    self_total: Decimal | None = None
    self_grade: str | None = None
    rescore_total: Decimal | None = None
    rescore_grade: str | None = None
    full_marks: Decimal = Decimal(100)
    max_possible: Decimal = Decimal(100)  # the highest total the missing evidence could still bring

    @property
    def complete(self) -> bool:
        return self.insufficient_weight == 0

    @property
    def status(self) -> Status:
        return Status.SCORED if self.complete else Status.INSUFFICIENT

    @property
    def rescored(self) -> bool:
        return any(i.rescore is not None for i in self.items)

    @property
    def final(self) -> FinalScore:
        """The finance re-score where any item is re-scored, else the computed score.

        Not computable (证据不足) while an item lacks evidence and has no re-score.
        """
        if self.rescored:
            if self.rescore_total is None or self.rescore_grade is None:
                return FinalScore(None, None, Basis.INSUFFICIENT)
            return FinalScore(self.rescore_total, self.rescore_grade, Basis.RESCORE)
        if not self.complete or self.grade is None:
            return FinalScore(None, None, Basis.INSUFFICIENT)
        return FinalScore(self.total, self.grade, Basis.COMPUTED)

    def summary(self) -> str:
        if self.complete:
            return f"{format_number(self.total)}分（{self.grade}）"
        return (
            f"证据不足：已评指标得{format_number(self.total)}分，"
            f"{format_number(self.insufficient_weight)}分的指标无法评分（最高可能{format_number(self.max_possible)}分）"
        )


# ── evaluation of one value under a method ────────────────────────────────────────────────


@dataclass(frozen=True)
class Outcome:
    status: Status
    points: Decimal | None
    explanation: str
    adjustments: tuple[str, ...] = field(default_factory=tuple)
    explanation_en: str = ""


def _missing_in_words(missing: Missing, lang: str = "zh") -> str:
    """缺少数据：预算执行率 — the figure by its name, never by its key."""
    if not missing.name:
        zh, _, en = missing.reason.partition(" / ")
        return (en or zh) if lang == "en" else zh
    if lang == "en":
        year = "last year's " if missing.previous else ""
        return f"missing {year}data: {figure_label(missing.name, 'en')}"
    year = "上年" if missing.previous else ""
    return f"缺少{year}数据：{figure_label(missing.name)}"


def insufficient(reason: str, reason_en: str) -> Outcome:
    return Outcome(Status.INSUFFICIENT, None, reason, explanation_en=reason_en)


def scored(points: Decimal, explanation: str, explanation_en: str) -> Outcome:
    return Outcome(Status.SCORED, points, explanation, explanation_en=explanation_en)


QUALITATIVE_LEVELS_EN = {
    "达成": "achieved",
    "部分达成": "partly achieved",
    "未达成": "not achieved",
    "不适用": "not applicable",
}


def _level_en(level: str) -> str:
    return QUALITATIVE_LEVELS_EN.get(level, level)


def _n(value: Decimal) -> str:
    return format_number(value)


def proportional(
    weight: Decimal, comparator: Comparator, target: Decimal, actual: Decimal
) -> Outcome:
    if comparator in (Comparator.GE, Comparator.GT):
        met = actual >= target if comparator is Comparator.GE else actual > target
        share = ONE if met or target == 0 else max(ZERO, actual / target)
        how = "达到目标，得满分" if met else f"未达目标，{_n(weight)}×{_n(actual)}/{_n(target)}"
        how_en = (
            "target met: full points"
            if met
            else f"target missed: {_n(weight)}×{_n(actual)}/{_n(target)}"
        )
    elif comparator in (Comparator.LE, Comparator.LT):
        met = actual <= target if comparator is Comparator.LE else actual < target
        share = ONE if met else (target / actual if actual > 0 else ZERO)
        how = "达到目标，得满分" if met else f"超过上限，{_n(weight)}×{_n(target)}/{_n(actual)}"
        how_en = (
            "target met: full points"
            if met
            else f"above the ceiling: {_n(weight)}×{_n(target)}/{_n(actual)}"
        )
    else:
        met = actual == target
        share = (
            ONE
            if met
            else (min(actual, target) / max(actual, target) if max(actual, target) > 0 else ZERO)
        )
        how = (
            "与目标一致，得满分"
            if met
            else f"偏离目标，{_n(weight)}×{_n(min(actual, target))}/{_n(max(actual, target))}"
        )
        how_en = (
            "equal to the target: full points"
            if met
            else f"off target: {_n(weight)}×{_n(min(actual, target))}/{_n(max(actual, target))}"
        )
    return scored(weight * min(share, ONE), how, how_en)


def linear(weight: Decimal, method: Linear, value: Decimal) -> Outcome:
    share = min(max(value / method.full_at, ZERO), ONE)
    how = f"{_n(weight)}×{_n(value)}/{_n(method.full_at)}"
    return scored(weight * share, how, how)


def step(weight: Decimal, method: Step, value: Decimal) -> Outcome:
    beyond = value - method.threshold if method.direction == "over" else method.threshold - value
    if beyond <= 0:
        side = "未超过" if method.direction == "over" else "不低于"
        side_en = "not above" if method.direction == "over" else "not below"
        return scored(
            weight,
            f"{side}{_n(method.threshold)}，得满分",
            f"{side_en} {_n(method.threshold)}: full points",
        )
    steps = beyond / method.step
    if method.count == "started":
        steps = Decimal(math.ceil(steps))
    elif method.count == "whole":
        steps = Decimal(math.floor(steps))
    per_step = (
        method.deduct_points
        if method.deduct_points is not None
        else weight * (method.deduct_fraction or ZERO)
    )
    deduction = steps * per_step
    side = "超出" if method.direction == "over" else "低于"
    side_en = "above" if method.direction == "over" else "below"
    return scored(
        max(ZERO, weight - deduction),
        f"{side}{_n(method.threshold)}共{_n(beyond)}，扣{_n(min(deduction, weight))}分",
        f"{_n(beyond)} {side_en} {_n(method.threshold)}: "
        f"{_n(min(deduction, weight))} points deducted",
    )


def bands(weight: Decimal, method: Bands, value: Decimal) -> Outcome:
    for band in method.bands:
        if band.contains(value):
            points = band.points if band.points is not None else weight * (band.fraction or ZERO)
            return scored(
                min(points, weight),
                f"{_n(value)}落在区间{band.describe()}",
                f"{_n(value)} lies in the band {band.describe_en()}",
            )
    return scored(
        ZERO, f"{_n(value)}不在任何计分区间，得0分", f"{_n(value)} lies in no band: 0 points"
    )


def qualitative(weight: Decimal, method: Qualitative, assessment: Assessment) -> Outcome:
    level = assessment.level
    if level is None or level not in method.levels:
        known = "、".join(method.levels)
        known_en = ", ".join(_level_en(name) for name in method.levels)
        return insufficient(
            f"定性评价等级缺失或无效（应为{known}）",
            f"qualitative level missing or invalid (expected {known_en})",
        )
    low, high = method.levels[level]
    if assessment.fraction is not None and low <= assessment.fraction <= high:
        share, how = assessment.fraction, f"{level}，按{_n(assessment.fraction * 100)}%计分"
        how_en = f"{_level_en(level)}: scored at {_n(assessment.fraction * 100)}%"
    else:
        share, how = low, f"{level}，未给出区间内比例，按下限{_n(low * 100)}%计分"
        how_en = (
            f"{_level_en(level)}, no share within the band: scored at its floor {_n(low * 100)}%"
        )
    return scored(weight * share, how, how_en)


def checkpoints(weight: Decimal, method: Checkpoints, assessment: Assessment) -> Outcome:
    if len(assessment.checkpoints) != len(method.points):
        return insufficient(
            f"检查点应有{len(method.points)}项，实有{len(assessment.checkpoints)}项",
            f"{len(method.points)} check points expected, {len(assessment.checkpoints)} given",
        )
    met = sum(1 for ok in assessment.checkpoints if ok)
    return scored(
        weight * met / len(method.points),
        f"满足{met}/{len(method.points)}个检查点",
        f"{met} of {len(method.points)} check points met",
    )


def apply_method(
    weight: Decimal,
    method: Method,
    value: Decimal,
    *,
    comparator: Comparator,
    target: Decimal | None,
) -> Outcome:
    if isinstance(method, Proportional):
        if target is None:
            return insufficient(
                "没有目标值，无法按完成比例计分", "no target: cannot score by share achieved"
            )
        return proportional(weight, comparator, target, value)
    if isinstance(method, Linear):
        return linear(weight, method, value)
    if isinstance(method, Step):
        return step(weight, method, value)
    if isinstance(method, Bands):
        return bands(weight, method, value)
    return insufficient(
        "该计分方法需要定性评价（assessment）", "this method needs a qualitative assessment"
    )


# ── the three kinds of leaves ─────────────────────────────────────────────────────────────


class _Scorer:
    def __init__(
        self,
        dossier: Dossier,
        framework: Framework,
        book: FigureBook,
        aggregates: AggregateBook | None = None,
    ) -> None:
        self.dossier, self.framework, self.book = dossier, framework, book
        self.aggregates = aggregates

    def lookup(self, name: str) -> Decimal | None:
        if name.startswith("data."):
            return self.dossier.data.get(name.removeprefix("data."))
        if name in FIGURES_BY_KEY:
            return self.book.value(name)
        if self.aggregates is not None:  # a ledger aggregate key (only those pass validation)
            return self.aggregates.value(name)
        return None

    def previous(self, name: str) -> Decimal | None:
        return self.dossier.previous.get(name)

    def leaf(self, path: tuple[str, ...], node: Node) -> list[ItemScore]:
        if node.department_indicators is not None:
            return self.department_leaf(path, node)
        assessment = self.dossier.assessments.get(node.id)
        if assessment is not None and assessment.level == NOT_APPLICABLE_LEVEL:
            return [
                self._item(
                    path,
                    node,
                    Outcome(
                        Status.NOT_APPLICABLE,
                        None,
                        f"不适用：{assessment.note or '未说明理由'}",
                        explanation_en="not applicable"
                        + (": see the reason given" if assessment.note else ", no reason given"),
                    ),
                )
            ]
        if node.assessment:
            outcome = self.assessed(node, assessment)
            return [
                self._item(
                    path, node, outcome, self_score=assessment.self_score if assessment else None
                )
            ]
        return [self.formula_leaf(path, node, assessment)]

    def formula_leaf(
        self, path: tuple[str, ...], node: Node, assessment: Assessment | None
    ) -> ItemScore:
        assert node.formula is not None and node.method is not None
        result = compile_formula(node.formula).evaluate(self.lookup, self.previous)
        target_text = _target_text(node.comparator, node.target, None, node.unit)
        if isinstance(result, Missing):
            outcome = insufficient(
                f"无法计算，{_missing_in_words(result)}",
                f"cannot compute: {_missing_in_words(result, 'en')}",
            )
            return self._item(path, node, outcome, target=target_text)
        if isinstance(result, bool):
            result = ONE if result else ZERO
        outcome = apply_method(
            node.weight,
            node.method,
            result,
            comparator=node.comparator or Comparator.GE,
            target=node.target,
        )
        return self._item(
            path,
            node,
            outcome,
            target=target_text,
            actual=_value_text(result, node.unit),
            value=result,
            self_score=assessment.self_score if assessment else None,
        )

    def assessed(self, node: Node, assessment: Assessment | None) -> Outcome:
        if assessment is None:
            return insufficient(
                "没有定性评价或检查点记录（assessments）",
                "no qualitative assessment or check points recorded",
            )
        if isinstance(node.method, Qualitative):
            return qualitative(node.weight, node.method, assessment)
        if isinstance(node.method, Checkpoints):
            return checkpoints(node.weight, node.method, assessment)
        return insufficient(
            "计分方法与定性评价不匹配", "the method does not match the qualitative assessment"
        )

    def department_leaf(self, path: tuple[str, ...], node: Node) -> list[ItemScore]:
        assert node.department_indicators is not None
        matched = [
            i
            for i in self.dossier.indicators
            if node.department_indicators.matches(i.level1, i.level2)
        ]
        if not matched:
            outcome = insufficient(
                f"部门未设置“{node.name}”类指标",
                f"the department set no “{node.name_en or node.name}” indicator",
            )
            return [self._item(path, node, outcome)]
        weights = _shares(node.weight, matched)
        return [
            self.department_indicator(path, node, indicator, weight)
            for indicator, weight in zip(matched, weights, strict=True)
        ]

    def department_indicator(
        self, path: tuple[str, ...], node: Node, indicator: Indicator, weight: Decimal
    ) -> ItemScore:
        outcome = self._indicator_outcome(node, indicator, weight)
        target = _target_text(
            indicator.comparator, indicator.effective_target, indicator.target_text, indicator.unit
        )
        actual = indicator.actual_text or _value_text(indicator.actual, indicator.unit)
        return ItemScore(
            id=f"{node.id}.{indicator.id}",
            path=(*path, indicator.level2 or "") if indicator.level2 else path,
            name=indicator.name,
            weight=weight,
            status=outcome.status,
            points=None if outcome.points is None else round_half_up(outcome.points),
            explanation=outcome.explanation,
            explanation_en=outcome.explanation_en,
            target=target,
            actual=actual,
            value=indicator.actual,
            indicator_id=indicator.id,
            self_score=indicator.self_score,
            adjustments=outcome.adjustments,
        )

    def _indicator_outcome(self, node: Node, indicator: Indicator, weight: Decimal) -> Outcome:
        if indicator.content_not_applicable:
            return scored(
                ZERO,
                "指标内容为“不涉及/无”，不得计分",
                "the indicator is marked not applicable: no points",
            )
        if indicator.comparator is Comparator.QUALITATIVE:
            assessment = self.dossier.assessments.get(indicator.id)
            method = (
                node.method
                if isinstance(node.method, Qualitative)
                else Qualitative(type="qualitative")
            )
            if assessment is None:
                return insufficient(
                    "定性指标缺少评价等级（达成/部分达成/未达成）",
                    "qualitative indicator not assessed (achieved / partly / not achieved)",
                )
            return qualitative(weight, method, assessment)
        target = indicator.effective_target
        if target is None:
            return insufficient(
                "没有年度指标值（目标），无法判断完成程度",
                "no target for the year: achievement cannot be judged",
            )
        if indicator.actual is None:
            return insufficient("没有实际完成值", "no actual value")
        assert node.method is not None
        outcome = apply_method(
            weight, node.method, indicator.actual, comparator=indicator.comparator, target=target
        )
        return self._overshoot(outcome, indicator, target)

    def _overshoot(self, outcome: Outcome, indicator: Indicator, target: Decimal) -> Outcome:
        rule = self.framework.rules.overshoot
        if rule is None or outcome.points is None or target == 0 or indicator.actual is None:
            return outcome
        if indicator.comparator.higher_is_better:
            deviation = (indicator.actual - target) * 100 / target
        elif indicator.comparator in (Comparator.LE, Comparator.LT):
            deviation = (target - indicator.actual) * 100 / target
        else:
            return outcome
        if deviation < rule.threshold:
            return outcome
        beyond = f"actual beats the target by {_n(deviation)}% (≥ {_n(rule.threshold)}%): target set too low"
        if rule.penalty_points is None:
            points, note = (
                ZERO,
                f"实际值偏离目标{_n(deviation)}%（≥{_n(rule.threshold)}%），目标设定偏低，不得分",
            )
            note_en = f"{beyond}, no points"
        else:
            points = max(ZERO, outcome.points - rule.penalty_points)
            note = f"实际值偏离目标{_n(deviation)}%（≥{_n(rule.threshold)}%），目标设定偏低，扣{_n(rule.penalty_points)}分"
            note_en = f"{beyond}, {_n(rule.penalty_points)} points deducted"
        return Outcome(
            outcome.status,
            points,
            f"{outcome.explanation}；{note}",
            (*outcome.adjustments, note),
            f"{outcome.explanation_en}; {note_en}",
        )

    def _item(
        self,
        path: tuple[str, ...],
        node: Node,
        outcome: Outcome,
        *,
        target: str = "",
        actual: str = "",
        value: Decimal | None = None,
        self_score: Decimal | None = None,
    ) -> ItemScore:
        return ItemScore(
            id=node.id,
            path=path[:-1] if len(path) > 1 else path,
            name=node.name,
            name_en=node.name_en or "",
            weight=node.weight,
            status=outcome.status,
            points=None if outcome.points is None else round_half_up(outcome.points),
            explanation=outcome.explanation,
            explanation_en=outcome.explanation_en,
            target=target,
            actual=actual,
            value=value,
            self_score=self_score,
            adjustments=outcome.adjustments,
        )


def _shares(total: Decimal, indicators: list[Indicator]) -> list[Decimal]:
    """Split a leaf's points: by the department's own weights when all are given, else equally."""
    given = [i.weight for i in indicators]
    if all(w is not None and w > 0 for w in given):
        weights = [w for w in given if w is not None]
        whole = sum(weights, ZERO)
        return [total * w / whole for w in weights]
    return [total / len(indicators)] * len(indicators)


def _value_text(value: Decimal | None, unit: str | None) -> str:
    return "" if value is None else f"{_n(value)}{unit or ''}"


def _target_text(
    comparator: Comparator | None, target: Decimal | None, text: str | None, unit: str | None
) -> str:
    if text:
        return text
    if target is None:
        return ""
    sign = "" if comparator in (None, Comparator.QUALITATIVE) else comparator.value
    return f"{sign}{_n(target)}{unit or ''}"


# ── the card ──────────────────────────────────────────────────────────────────────────────


def score(
    dossier: Dossier,
    framework: Framework,
    *,
    book: FigureBook | None = None,
    rescores: Mapping[str, Rescore] | None = None,
    aggregates: AggregateBook | None = None,
) -> ScoreCard:
    """Score *dossier* against *framework*; *rescores* are a finance bureau's, by item id.

    With *aggregates* (the year's ledger aggregates), a pack's formula can read them by key.
    """
    book = book or FigureBook(dossier)
    scorer = _Scorer(dossier, framework, book, aggregates)
    items: list[ItemScore] = []
    for path, node in framework.leaves():
        items.extend(scorer.leaf(path, node))
    if rescores:
        items = [_with_rescore(item, rescores.get(item.id)) for item in items]

    dropped = sum((i.weight for i in items if i.status is Status.NOT_APPLICABLE), ZERO)
    insufficient_weight = sum((i.weight for i in items if i.status is Status.INSUFFICIENT), ZERO)
    raw = sum((i.points for i in items if i.points is not None), ZERO)
    adjustment = _adjustment(framework, dropped, book)
    total = adjustment.apply(raw)
    notes, notes_en = list(adjustment.notes), list(adjustment.notes_en)
    if adjustment.cap is not None and raw * adjustment.factor > adjustment.cap:
        notes.append(f"{adjustment.cap_reason}，总分封顶{_n(adjustment.cap)}分")
        notes_en.append(f"{adjustment.cap_reason_en}: the total is capped at {_n(adjustment.cap)}")
    complete = insufficient_weight == 0
    bands = framework.grade_bands()
    rescored = any(i.rescore is not None for i in items)
    rescore_total = round_half_up(adjustment.apply(_rescore_raw(items))) if rescored else None
    # a re-score of an item without evidence fills the gap: the re-score is then complete
    rescore_complete = all(
        i.status is not Status.INSUFFICIENT or i.rescore is not None for i in items
    )
    return ScoreCard(
        framework_id=framework.id,
        framework_name=framework.name,
        items=tuple(items),
        subtotals=_subtotals(framework, items),
        total=round_half_up(total),
        grade=grade_for(total, bands) if complete else None,
        assessed_weight=framework.total - insufficient_weight - dropped,
        insufficient_weight=round_half_up(insufficient_weight),
        dropped_weight=dropped,
        notes=tuple(notes),
        notes_en=tuple(notes_en),
        self_total=dossier.self_evaluation.total,
        self_grade=book.self_grade(),
        rescore_total=rescore_total,
        rescore_grade=None
        if rescore_total is None or not rescore_complete
        else grade_for(rescore_total, bands),
        full_marks=framework.total,
        max_possible=round_half_up(
            min(framework.total, adjustment.apply(raw + insufficient_weight))
        ),
    )


def _with_rescore(item: ItemScore, rescore: Rescore | None) -> ItemScore:
    return item if rescore is None else replace(item, rescore=rescore)


def _rescore_raw(items: list[ItemScore]) -> Decimal:
    """The raw sum with each re-scored item's re-score in place of its computed points."""
    return sum((i.rescore.points if i.rescore else (i.points or ZERO) for i in items), ZERO)


@dataclass(frozen=True)
class Adjustment:
    """What turns a raw sum of points into a total: 不适用 rescaling, then the execution cap."""

    factor: Decimal = ONE
    cap: Decimal | None = None
    cap_reason: str = ""
    notes: tuple[str, ...] = ()
    cap_reason_en: str = ""
    notes_en: tuple[str, ...] = ()

    def apply(self, raw: Decimal) -> Decimal:
        total = raw * self.factor
        return total if self.cap is None else min(total, self.cap)


def _adjustment(framework: Framework, dropped: Decimal, book: FigureBook) -> Adjustment:
    factor, notes, notes_en = ONE, [], []
    if dropped and framework.rules.rescale_not_applicable:
        remaining = framework.total - dropped
        factor = framework.total / remaining if remaining > 0 else ZERO
        if remaining > 0:
            notes.append(f"不适用指标{_n(dropped)}分已剔除，其余按{_n(framework.total)}分折算")
            notes_en.append(
                f"{_n(dropped)} points of not-applicable indicators dropped; "
                f"the rest scaled to {_n(framework.total)}"
            )
        else:
            notes.append("全部指标不适用，无法计分")
            notes_en.append("every indicator is not applicable: no score")
    caps = sorted(framework.rules.execution_cap, key=lambda c: c.below)
    rate = book.value("rates.execution")
    if caps and rate is None:
        notes.append("预算执行率未知，未能应用执行率封顶规则")
        notes_en.append("execution rate unknown: the execution cap could not be applied")
    cap = next((c for c in caps if rate is not None and rate < c.below), None)
    if cap is None:
        return Adjustment(factor, None, "", tuple(notes), notes_en=tuple(notes_en))
    return Adjustment(
        factor,
        cap.cap,
        f"预算执行率{_n(rate or ZERO)}%低于{_n(cap.below)}%",
        tuple(notes),
        f"execution rate {_n(rate or ZERO)}% below {_n(cap.below)}%",
        tuple(notes_en),
    )


def _subtotals(framework: Framework, items: list[ItemScore]) -> tuple[Subtotal, ...]:
    result = []
    for node in framework.indicators:
        mine = [i for i in items if i.level1 == node.name]
        result.append(
            Subtotal(
                name=node.name,
                weight=node.weight,
                points=round_half_up(sum((i.points for i in mine if i.points is not None), ZERO)),
                insufficient_weight=sum(
                    (i.weight for i in mine if i.status is Status.INSUFFICIENT), ZERO
                ),
            )
        )
    return tuple(result)
