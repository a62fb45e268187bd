"""Indicator frameworks as data: the tree a department-year is scored against.

A framework is an indicator tree (一级/二级/三级) with weights, a formula for each computed
indicator, a scoring method with its parameters, anti-inflation rules and grade bands. It is
plain data (the packs in ``jixiao/frameworks/*.yaml``); this module validates it on
construction so a bad pack fails when loaded, naming the place, not when a dossier is scored.

Leaves get their value in one of three ways:

- ``formula``: computed from figures and data elements (``staffing.in_service / staffing.authorized * 100``);
- ``department_indicators``: the department's own (个性) indicators matching a filter share the
  leaf's points, each scored against its own target;
- ``assessment``: a judgement recorded in the dossier (``assessments[<id>]``): qualitative bands
  or check points.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from jixiao.core.dossier import Comparator, Level1
from jixiao.core.figures import FIGURES_BY_KEY
from jixiao.core.formula import FormulaError, compile_formula
from jixiao.core.grades import DEFAULT_BANDS, GradeBand
from jixiao.core.ledgers.aggregates import AGGREGATES
from jixiao.core.money import to_decimal

Number = Annotated[Decimal, BeforeValidator(to_decimal)]


class Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# ── scoring methods ───────────────────────────────────────────────────────────────────────


class Proportional(Strict):
    """Met → full points; not met → points × actual/target (× target/actual when lower is better)."""

    type: Literal["proportional"]


class Linear(Strict):
    """points = weight × value / full_at, between 0 and the weight (执行率: 10 × rate)."""

    type: Literal["linear"]
    full_at: Number = Decimal(100)


class Step(Strict):
    """Full points up to a threshold; each *step* beyond it deducts a fraction of the weight or points."""

    type: Literal["step"]
    threshold: Number
    direction: Literal["over", "under"] = "over"  # over: deduct above; under: deduct below
    step: Number = Decimal(1)
    deduct_fraction: Number | None = None  # of the weight, per step
    deduct_points: Number | None = None  # per step
    # how steps beyond the threshold count: "started" (a started step deducts in full, 每超1个百分点),
    # "whole" (only completed steps deduct, 每低5%扣2分: 99.27% loses nothing), "exact" (pro rata)
    count: Literal["started", "whole", "exact"] = "started"

    @model_validator(mode="after")
    def _one_deduction(self) -> Step:
        if (self.deduct_fraction is None) == (self.deduct_points is None):
            raise ValueError(
                "需要且只能给出 deduct_fraction 或 deduct_points 之一 / give exactly one deduction"
            )
        if self.step <= 0:
            raise ValueError("step 应大于 0 / step must be positive")
        return self


class Band(Strict):
    """One interval of a banded rule; bounds are optional, each inclusive or exclusive as named."""

    gt: Number | None = None
    ge: Number | None = None
    lt: Number | None = None
    le: Number | None = None
    fraction: Number | None = Field(default=None, ge=0, le=1)
    points: Number | None = Field(default=None, ge=0)

    def contains(self, value: Decimal) -> bool:
        return (
            (self.gt is None or value > self.gt)
            and (self.ge is None or value >= self.ge)
            and (self.lt is None or value < self.lt)
            and (self.le is None or value <= self.le)
        )

    def _bounds(self) -> list[str]:
        marks = ((">", self.gt), ("≥", self.ge), ("<", self.lt), ("≤", self.le))
        return [f"{mark}{bound}" for mark, bound in marks if bound is not None]

    def describe(self) -> str:
        return " 且 ".join(self._bounds()) or "其他"

    def describe_en(self) -> str:
        return " and ".join(self._bounds()) or "other"


class Bands(Strict):
    type: Literal["bands"]
    bands: tuple[Band, ...] = Field(min_length=1)

    @field_validator("bands")
    @classmethod
    def _each_has_a_result(cls, bands: tuple[Band, ...]) -> tuple[Band, ...]:
        for n, band in enumerate(bands):
            if (band.fraction is None) == (band.points is None):
                raise ValueError(
                    f"bands[{n}]: 需要且只能给出 fraction 或 points / give fraction or points"
                )
        return bands


class Qualitative(Strict):
    """达成 100–80%, 部分达成 80–60%, 未达成 60–0% of the points (财预〔2020〕10号)."""

    type: Literal["qualitative"]
    levels: dict[str, tuple[Number, Number]] = Field(
        default_factory=lambda: {
            "达成": (Decimal("0.8"), Decimal(1)),
            "部分达成": (Decimal("0.6"), Decimal("0.8")),
            "未达成": (Decimal(0), Decimal("0.6")),
        }
    )


class Checkpoints(Strict):
    """Each satisfied check point (①②③…) earns an equal share of the points."""

    type: Literal["checkpoints"]
    points: tuple[str, ...] = Field(min_length=1)


Method = Annotated[
    Proportional | Linear | Step | Bands | Qualitative | Checkpoints, Field(discriminator="type")
]


# ── the tree ──────────────────────────────────────────────────────────────────────────────


class IndicatorFilter(Strict):
    """Which of the department's own indicators a leaf takes (by 一级 and optionally 二级)."""

    level1: tuple[Level1, ...] = Field(min_length=1)
    level2: tuple[str, ...] = ()

    def matches(self, level1: Level1, level2: str | None) -> bool:
        return level1 in self.level1 and (not self.level2 or (level2 or "") in self.level2)


class Node(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    name_en: str | None = None  # shown on English pages; a pack without it shows the name
    weight: Number = Field(ge=0)
    explanation: str | None = None  # 指标解释
    rule: str | None = None  # 评分标准, as printed on the form
    children: tuple[Node, ...] = ()
    formula: str | None = None
    unit: str | None = None
    comparator: Comparator | None = None
    target: Number | None = None  # a framework-wide target (在职人员控制率 ≤ 100%)
    method: Method | None = None
    department_indicators: IndicatorFilter | None = None
    assessment: bool = False

    @model_validator(mode="after")
    def _leaf_or_branch(self) -> Node:
        sources = sum(
            [self.formula is not None, self.department_indicators is not None, self.assessment]
        )
        if self.children:
            if sources or self.method is not None:
                raise ValueError(
                    f"{self.id}: 有下级指标的节点不能带公式或计分方法 / a branch has no formula or method"
                )
            total = sum((c.weight for c in self.children), Decimal(0))
            if total != self.weight:
                raise ValueError(
                    f"{self.id}: 下级指标分值合计 {total} ≠ 本级分值 {self.weight} / children weights must add up"
                )
            return self
        if sources != 1:
            raise ValueError(
                f"{self.id}: 末级指标需要且只能有 formula、department_indicators、assessment 之一 "
                "/ a leaf needs exactly one of formula, department_indicators, assessment"
            )
        if self.method is None:
            raise ValueError(
                f"{self.id}: 末级指标缺少计分方法 method / a leaf needs a scoring method"
            )
        if self.formula is not None:
            _check_formula(self.id, self.formula)
        if isinstance(self.method, Qualitative | Checkpoints) and not self.assessment:
            raise ValueError(
                f"{self.id}: 定性或检查点计分需要 assessment: true / qualitative methods need assessment"
            )
        if (
            isinstance(self.method, Proportional)
            and self.formula is not None
            and self.target is None
        ):
            raise ValueError(
                f"{self.id}: 按比例计分的公式指标需要 target / proportional formulas need a target"
            )
        return self

    def leaves(self, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Node]]:
        here = (*path, self.name)
        if not self.children:
            return [(here, self)]
        found: list[tuple[tuple[str, ...], Node]] = []
        for child in self.children:
            found.extend(child.leaves(here))
        return found


def _check_formula(node_id: str, text: str) -> None:
    """The formula reads only figure keys, ledger aggregate keys and ``data.*`` elements."""
    try:
        formula = compile_formula(text)
    except FormulaError as error:
        raise ValueError(f"{node_id}.formula: {error}") from None
    unknown = sorted(
        name
        for name in formula.names | formula.previous_names
        if name not in FIGURES_BY_KEY and name not in AGGREGATES and not name.startswith("data.")
    )
    if unknown:
        raise ValueError(
            f"{node_id}.formula: 未知的数据项 {', '.join(unknown)}（应为标准指标键、台账汇总项或 data.名称）"
            f" / unknown data elements (expected figure keys, ledger aggregates or data.NAME)"
        )


class Overshoot(Strict):
    """An actual beating its target by ≥ threshold % was a target set too low: deduct or zero."""

    threshold: Number = Decimal(30)
    penalty_points: Number | None = Decimal(2)  # None: the indicator scores 0


class ExecutionCap(Strict):
    below: Number  # execution rate (%) strictly below which…
    cap: Number  # …the total may not exceed this


class Rules(Strict):
    overshoot: Overshoot | None = None
    execution_cap: tuple[ExecutionCap, ...] = ()
    rescale_not_applicable: bool = True


class GradeSpec(Strict):
    grade: str
    min: Number


class Framework(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9\-]*$")
    name: str
    name_en: str = ""
    description: str = ""
    source: str = ""  # the document it follows
    total: Number = Decimal(100)
    grades: tuple[GradeSpec, ...] = ()
    rules: Rules = Field(default_factory=Rules)
    indicators: tuple[Node, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Framework:
        total = sum((n.weight for n in self.indicators), Decimal(0))
        if total != self.total:
            raise ValueError(
                f"indicators: 一级指标分值合计 {total} ≠ 总分 {self.total} / top-level weights must add up to total"
            )
        ids = [node.id for _, node in self.leaves()]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(
                f"indicators: 指标编号重复 {', '.join(duplicates)} / duplicate indicator ids"
            )
        return self

    def leaves(self) -> list[tuple[tuple[str, ...], Node]]:
        found: list[tuple[tuple[str, ...], Node]] = []
        for node in self.indicators:
            found.extend(node.leaves())
        return found

    def grade_bands(self) -> tuple[GradeBand, ...]:
        if not self.grades:
            return DEFAULT_BANDS
        return tuple(GradeBand(g.grade, g.min) for g in self.grades)


def framework_from_data(data: Any, *, origin: str = "<framework>") -> Framework:
    """Validate plain data into a Framework, or raise InputError naming the field."""
    from pydantic import ValidationError

    from jixiao.core.errors import InputError, problems_from_validation_error

    try:
        return Framework.model_validate(data)
    except ValidationError as error:
        raise InputError(origin, problems_from_validation_error(error)) from None
