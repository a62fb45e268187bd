"""Target quality review: are a dossier's targets measurable, well placed and demanding?

API::

    review_targets(dossier, *, framework=None, previous=None, peers=(),
                   options=TargetOptions()) -> list[TargetFlag]
    review_indicators(indicators, *, year, ...same keywords) -> list[TargetFlag]
    PeerTargets.from_dossiers(dossiers) -> PeerTargets   # build once, pass as peers=

``review_indicators`` takes any indicators (the evaluated year's, or next year's while a
department enters them); ``review_targets`` reviews a dossier's own. Each :class:`TargetFlag`
has a ``kind``, the indicator, the evidence (the words or figures that raised it) and a
message in Chinese and English. Kinds:

- ``vague``: a target written in words like 提高/改善/有效 with no number (the vocabulary and
  test of ``indicators.W001``);
- ``missing_unit``: a numeric target without a unit (``indicators.W005`` asks the same of an
  actual); ``missing_comparator``: a target written with a number but no ≥/≤/不低于…;
  ``missing_target``: a quantitative indicator with no target (``indicators.W002``);
- ``category``: an indicator in the wrong class: 满意度 outside 满意度, a 数量/质量/时效/成本
  (output) indicator under 效益/效果/满意度, an 效益 (outcome) indicator under 产出;
- ``dummy_weighted``: 不涉及/无 with a weight (``indicators.E001``);
- ``weights``: the department's weights do not add up to the points the framework gives its
  indicators;
- ``below_previous``: the target asks less than last year's actual (``previous`` dossier, or
  ``dossier.previous["indicators.<id>.actual"]``);
- ``below_peers``: the target is far below the median target of the same indicator (same
  name and unit) among the peers: below ``peer_factor`` × the median (above median ÷ factor
  for a ≤ target), with at least ``min_peers`` peers;
- ``overshoot``: the actual beat the target by 30 % or more (``indicators.W004``).

``finding_id`` names the catalogue rule a flag shares its test with, when there is one; the
pipeline's findings then say the same thing for one dossier, and the flag lets the same case be
counted and compared across dossiers. docs/analytics.md lists the thresholds.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from jixiao.core.checks.indicators import OVERSHOOT_THRESHOLD, is_vague, target_deviation
from jixiao.core.dossier import Comparator, Dossier, Indicator, Level1
from jixiao.core.figures import format_number
from jixiao.core.framework import Framework

OUTPUT_LEVEL2 = ("数量", "质量", "时效", "成本")
OUTCOME_LEVEL2 = ("经济效益", "社会效益", "生态效益", "可持续影响", "可持续")
OUTCOME_LEVEL1 = (Level1.BENEFIT, Level1.EFFECT, Level1.SATISFACTION)
COMPARATOR_WORDS = re.compile(
    r"[≥≤><=≧≦]|不低于|不少于|不高于|不超过|不大于|不小于|以上|以下|以内|之内|达到|低于|高于|少于|多于|超过|至少|最多|控制在|前|内"
)
HAS_DIGIT = re.compile(r"[0-9０-９]")
_MARKS = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class TargetOptions:
    """Thresholds of the target review (docs/analytics.md)."""

    peer_factor: Decimal = Decimal("0.5")  # a ≥ target below factor × the peers' median
    min_peers: int = 3  # peers with the same indicator needed for a median
    weight_tolerance: Decimal = Decimal("0.01")


@dataclass(frozen=True)
class TargetFlag:
    kind: str
    indicator_id: str | None
    indicator_name: str | None
    evidence: str
    message: str
    message_en: str
    year: int | None = None
    finding_id: str | None = None  # the catalogue rule that tests the same, if any
    evidence_en: str = ""  # the evidence on an English page; "" when it is the same words

    @property
    def evidence_in_english(self) -> str:
        return self.evidence_en or self.evidence

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "indicator_id": self.indicator_id,
            "indicator": self.indicator_name,
            "evidence": self.evidence,
            "message": self.message,
            "message_en": self.message_en,
            "year": self.year,
            "finding_id": self.finding_id,
        }


def indicator_key(name: str, unit: str | None) -> tuple[str, str]:
    """How indicators are matched across dossiers: the name and unit without marks or spaces."""
    normal = unicodedata.normalize("NFKC", name)
    return _MARKS.sub("", normal), unicodedata.normalize("NFKC", unit or "").strip()


def _direction(comparator: Comparator) -> int:
    """+1 when more is better (≥ >), −1 when less is (≤ <), 0 otherwise."""
    if comparator.higher_is_better:
        return 1
    return -1 if comparator in (Comparator.LE, Comparator.LT) else 0


@dataclass
class PeerTargets:
    """Numeric targets by (name, unit, direction) across a set of dossiers, for medians.

    Each key's targets are sorted once, on the first median asked of it (and again after an
    :meth:`add`), so a round of thousands of dossiers costs one sort per indicator, not one per
    dossier."""

    targets: dict[tuple[str, str, int], list[tuple[Decimal, str]]] = field(default_factory=dict)
    _sorted: dict[tuple[str, str, int], tuple[list[Decimal], dict[str, list[Decimal]]]] = field(
        default_factory=dict, repr=False, compare=False
    )

    @classmethod
    def from_dossiers(cls, dossiers: Iterable[Dossier]) -> PeerTargets:
        peers = cls()
        for dossier in dossiers:
            peers.add(owner_of(dossier), dossier.indicators)
        return peers

    def add(self, owner: str, indicators: Iterable[Indicator]) -> None:
        """Count *owner*'s numeric targets (owner: "department:year", see :func:`owner_of`)."""
        for indicator in indicators:
            target, direction = indicator.effective_target, _direction(indicator.comparator)
            if target is not None and direction:
                key = (*indicator_key(indicator.name, indicator.unit), direction)
                self.targets.setdefault(key, []).append((target, owner))
                self._sorted.pop(key, None)

    def _index(self, key: tuple[str, str, int]) -> tuple[list[Decimal], dict[str, list[Decimal]]]:
        if key not in self._sorted:
            entries = self.targets.get(key, [])
            by_owner: dict[str, list[Decimal]] = {}
            for target, owner in entries:
                by_owner.setdefault(owner, []).append(target)
            self._sorted[key] = (sorted(t for t, _ in entries), by_owner)
        return self._sorted[key]

    def median(
        self, indicator: Indicator, owner: str, min_peers: int
    ) -> tuple[Decimal, int] | None:
        """The median target of the others (not *owner*), and how many, when enough."""
        direction = _direction(indicator.comparator)
        key = (*indicator_key(indicator.name, indicator.unit), direction)
        values, by_owner = self._index(key)
        own = by_owner.get(owner, [])
        if len(values) - len(own) < min_peers:
            return None
        if own:
            values = values.copy()
            for target in own:
                del values[bisect.bisect_left(values, target)]
        middle = len(values) // 2
        if len(values) % 2:
            return Decimal(values[middle]), len(values)
        return Decimal((values[middle - 1] + values[middle]) / 2), len(values)


def owner_of(dossier: Dossier) -> str:
    """The key that keeps a dossier out of its own peers: "department:year"."""
    return f"{dossier.profile.name}:{dossier.year}"


def review_targets(
    dossier: Dossier,
    *,
    framework: Framework | None = None,
    previous: Dossier | None = None,
    peers: PeerTargets | Sequence[Dossier] = (),
    options: TargetOptions | None = None,
) -> list[TargetFlag]:
    """Flags on the targets of *dossier*'s indicators (its evaluated year)."""
    previous_actuals = {
        key.removeprefix("indicators.").removesuffix(".actual"): value
        for key, value in dossier.previous.items()
        if key.startswith("indicators.") and key.endswith(".actual")
    }
    return review_indicators(
        dossier.indicators,
        year=dossier.year,
        owner=owner_of(dossier),
        framework=framework,
        previous=previous,
        previous_actuals=previous_actuals,
        peers=peers,
        options=options,
    )


def review_indicators(
    indicators: Sequence[Indicator],
    *,
    year: int | None = None,
    owner: str = "",
    framework: Framework | None = None,
    previous: Dossier | Sequence[Indicator] | None = None,
    previous_actuals: dict[str, Decimal] | None = None,
    peers: PeerTargets | Sequence[Dossier] = (),
    options: TargetOptions | None = None,
    kinds: Collection[str] | None = None,
) -> list[TargetFlag]:
    """Flags on *indicators* (a year's targets); *owner* keeps a dossier out of its own peers.

    *previous* is last year's dossier or indicators (matched by name and unit, else by id);
    *kinds* keeps only the flags of those kinds."""
    options = options or TargetOptions()
    if not isinstance(peers, PeerTargets):
        peers = PeerTargets.from_dossiers(peers)
    last_year = _previous_actuals(previous, previous_actuals or {})
    flags: list[TargetFlag] = []
    for indicator in indicators:
        flags.extend(_wording(indicator))
        flags.extend(_category(indicator))
        flags.extend(_pressure(indicator, last_year, peers, owner, options))
    flags.extend(_weights(indicators, framework, options))
    return [_with_year(flag, year) for flag in flags if kinds is None or flag.kind in kinds]


def _with_year(flag: TargetFlag, year: int | None) -> TargetFlag:
    from dataclasses import replace

    return replace(flag, year=year)


def _flag(
    kind: str,
    indicator: Indicator,
    evidence: str,
    zh: str,
    en: str,
    finding: str | None = None,
    evidence_en: str = "",
) -> TargetFlag:
    return TargetFlag(
        kind,
        indicator.id,
        indicator.name,
        evidence,
        zh,
        en,
        finding_id=finding,
        evidence_en=evidence_en,
    )


def _wording(indicator: Indicator) -> Iterable[TargetFlag]:
    text = (indicator.target_text or "").strip()
    quantitative = indicator.comparator is not Comparator.QUALITATIVE
    if indicator.content_not_applicable and (indicator.weight or indicator.self_score):
        points = max(p for p in (indicator.weight, indicator.self_score) if p is not None)
        yield _flag(
            "dummy_weighted",
            indicator,
            f"{text or indicator.actual_text}；分值{format_number(points)}",
            f"指标“{indicator.name}”内容为“不涉及/无”，却有{format_number(points)}分",
            f"{indicator.name} is not applicable but carries {format_number(points)} points",
            "indicators.E001",
            f"{text or indicator.actual_text}; {format_number(points)} points",
        )
        return
    if indicator.effective_target is None and text and is_vague(text):
        yield _flag(
            "vague",
            indicator,
            text,
            f"指标“{indicator.name}”的指标值“{text}”没有可衡量的数值",
            f"the target of {indicator.name} (“{text}”) states no measurable value",
            "indicators.W001",
        )
    elif indicator.effective_target is None and text and HAS_DIGIT.search(text):
        if quantitative and not COMPARATOR_WORDS.search(text):
            yield _flag(
                "missing_comparator",
                indicator,
                text,
                f"指标“{indicator.name}”的指标值“{text}”没有比较符（≥、≤、不低于……）",
                f"the target of {indicator.name} (“{text}”) has no comparator (≥, ≤…)",
            )
    elif quantitative and indicator.effective_target is None and not text:
        yield _flag(
            "missing_target",
            indicator,
            "",
            f"定量指标“{indicator.name}”没有指标值",
            f"quantitative indicator {indicator.name} has no target",
            "indicators.W002",
        )
    if quantitative and indicator.effective_target is not None and not indicator.unit:
        yield _flag(
            "missing_unit",
            indicator,
            format_number(indicator.effective_target),
            f"指标“{indicator.name}”的指标值{format_number(indicator.effective_target)}没有计量单位",
            f"the target {format_number(indicator.effective_target)} of {indicator.name} has no unit",
        )


def _level2(indicator: Indicator) -> str:
    return (indicator.level2 or "").removesuffix("指标").strip()


def _category(indicator: Indicator) -> Iterable[TargetFlag]:
    level1, level2 = indicator.level1, _level2(indicator)
    placed = f"{level1.value}/{indicator.level2}" if indicator.level2 else level1.value
    if "满意" in indicator.name and level1 is not Level1.SATISFACTION:
        yield _flag(
            "category",
            indicator,
            placed,
            f"满意度指标“{indicator.name}”放在“{placed}”下，应归入“满意度”",
            f"satisfaction indicator {indicator.name} is filed under {placed}, not 满意度",
        )
    elif level1 in OUTCOME_LEVEL1 and level2 in OUTPUT_LEVEL2:
        yield _flag(
            "category",
            indicator,
            placed,
            f"产出类（{level2}）指标“{indicator.name}”放在“{level1.value}”下，应归入“产出”",
            f"output ({level2}) indicator {indicator.name} is filed under {level1.value}",
        )
    elif level1 is Level1.OUTPUT and any(level2.startswith(w) for w in OUTCOME_LEVEL2):
        yield _flag(
            "category",
            indicator,
            placed,
            f"效益类（{level2}）指标“{indicator.name}”放在“产出”下，应归入“效益”",
            f"outcome ({level2}) indicator {indicator.name} is filed under 产出 (output)",
        )


def _previous_actuals(
    previous: Dossier | Sequence[Indicator] | None, by_id: dict[str, Decimal]
) -> dict[str, Decimal]:
    """Last year's actuals by indicator id and by matching key (name + unit)."""
    actuals: dict[str, Decimal] = dict(by_id)
    if previous is not None:
        indicators = previous.indicators if isinstance(previous, Dossier) else previous
        for indicator in indicators:
            if indicator.actual is not None:
                actuals.setdefault(indicator.id, indicator.actual)
                actuals["|".join(indicator_key(indicator.name, indicator.unit))] = indicator.actual
    return actuals


def _pressure(
    indicator: Indicator,
    last_year: dict[str, Decimal],
    peers: PeerTargets,
    owner: str,
    options: TargetOptions,
) -> Iterable[TargetFlag]:
    target, direction = indicator.effective_target, _direction(indicator.comparator)
    if target is None or not direction or indicator.content_not_applicable:
        return
    unit = indicator.unit or ""
    key = "|".join(indicator_key(indicator.name, indicator.unit))
    previous = last_year.get(key, last_year.get(indicator.id))
    if previous is not None and (target - previous) * direction < 0:
        yield _flag(
            "below_previous",
            indicator,
            f"目标{indicator.comparator.value}{format_number(target)}{unit}，上年实际{format_number(previous)}{unit}",
            f"指标“{indicator.name}”目标{format_number(target)}{unit}"
            f"{'低于' if direction > 0 else '宽于'}上年实际完成{format_number(previous)}{unit}，不需努力即可完成",
            f"the target of {indicator.name} ({format_number(target)}{unit}) asks less than last"
            f" year's actual ({format_number(previous)}{unit})",
            evidence_en=f"target {indicator.comparator.value} {format_number(target)}{unit},"
            f" last year's actual {format_number(previous)}{unit}",
        )
    peer = peers.median(indicator, owner, options.min_peers)
    if peer is not None:
        median, count = peer
        bound = median * options.peer_factor if direction > 0 else median / options.peer_factor
        if (target - bound) * direction < 0:
            yield _flag(
                "below_peers",
                indicator,
                f"目标{format_number(target)}{unit}，{count}个同类指标目标中位数{format_number(median)}{unit}",
                f"指标“{indicator.name}”目标{format_number(target)}{unit}"
                f"{'远低于' if direction > 0 else '远宽于'}{count}个同名指标的目标中位数{format_number(median)}{unit}",
                f"the target of {indicator.name} ({format_number(target)}{unit}) asks far less than"
                f" the median of {count} peers ({format_number(median)}{unit})",
                evidence_en=f"target {format_number(target)}{unit}, median target of {count}"
                f" peers {format_number(median)}{unit}",
            )
    overshoot = target_deviation(indicator)
    if overshoot is not None and overshoot >= OVERSHOOT_THRESHOLD:
        actual = format_number(indicator.actual) if indicator.actual is not None else ""
        yield _flag(
            "overshoot",
            indicator,
            f"目标{format_number(target)}{unit}，实际{actual}{unit}",
            f"指标“{indicator.name}”实际完成超出目标{format_number(overshoot)}%，目标设定偏低",
            f"{indicator.name} beat its target by {format_number(overshoot)}%: the target was too low",
            "indicators.W004",
            f"target {format_number(target)}{unit}, actual {actual}{unit}",
        )


def _weights(
    indicators: Sequence[Indicator], framework: Framework | None, options: TargetOptions
) -> Iterable[TargetFlag]:
    """The department's weights against the points its framework gives department indicators."""
    if framework is None:
        return
    leaves = [node for _, node in framework.leaves() if node.department_indicators is not None]
    covered = [
        i
        for i in indicators
        if any(
            node.department_indicators is not None
            and node.department_indicators.matches(i.level1, i.level2)
            for node in leaves
        )
    ]
    weights = [i.weight for i in covered if i.weight is not None]
    if not leaves or not weights or len(weights) < len(covered):
        return  # no weights, or only some: nothing to add up
    expected = sum((node.weight for node in leaves), Decimal(0))
    stated = sum(weights, Decimal(0))
    if abs(stated - expected) > options.weight_tolerance:
        yield TargetFlag(
            "weights",
            None,
            None,
            f"分值合计{format_number(stated)}，框架应为{format_number(expected)}",
            f"部门指标分值合计{format_number(stated)}分，与“{framework.name}”给部门指标的{format_number(expected)}分不符",
            f"department indicator weights add up to {format_number(stated)}, the framework"
            f" gives them {format_number(expected)}",
            evidence_en=f"weights add up to {format_number(stated)}, the framework gives"
            f" {format_number(expected)}",
        )
