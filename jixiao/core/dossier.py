"""The Dossier: one department × one year of raw facts, typed and validated on construction.

A dossier holds what was observed or stated, never what can be computed: rates, totals and
scores are derived later (``figures``, ``scoring``). What a report *states* about a derived
figure (``实有人数42人``, ``在职人员控制率达80%``) is kept in ``stated`` so the checks can
compare the statement with the computation.

Every model is frozen and rejects unknown fields, so a typo in an input file is an error that
names the field rather than a silently ignored value. Build one with :func:`dossier_from_data`
to get bilingual errors (:class:`jixiao.core.errors.InputError`) instead of pydantic's.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from jixiao.core.errors import InputError, problems_from_validation_error
from jixiao.core.money import Money, Unit, to_decimal

Number = Annotated[Decimal, BeforeValidator(to_decimal)]
Count = Annotated[int, Field(ge=0)]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


# ── provenance ────────────────────────────────────────────────────────────────────────────


class Source(Frozen):
    """Where a value came from: a file and a place in it (paragraph, page, cell) and the text."""

    file: str | None = None
    locator: str | None = None  # "第12段", "第3页", "人员!C4"
    start: int | None = None  # character span within the located paragraph or page
    end: int | None = None
    text: str | None = None  # the exact text matched

    def describe(self) -> str:
        parts = [p for p in (self.file, self.locator) if p]
        if self.start is not None:
            parts.append(f"字符{self.start}-{self.end}")
        return " ".join(parts)


# ── profile ───────────────────────────────────────────────────────────────────────────────


class Level(StrEnum):
    PROVINCE = "省级"
    CITY = "市级"
    COUNTY = "县级"
    TOWNSHIP = "乡镇级"


class UnitType(StrEnum):
    ADMINISTRATIVE = "行政单位"
    PUBLIC_INSTITUTION = "事业单位"
    CIVIL_SERVANT_MANAGED = "参照公务员法管理事业单位"
    PARTY_MASS = "党群组织"
    OTHER = "其他"


class Profile(Frozen):
    name: str = Field(min_length=2)
    code: str | None = None
    level: Level | None = None
    parent: str | None = None  # 主管部门
    unit_type: UnitType | None = None
    duties: tuple[str, ...] = ()
    internal_units: tuple[str, ...] = ()
    organisation_note: str | None = None  # "县机关事务管理局本级内设四个股室。"


# ── staffing ──────────────────────────────────────────────────────────────────────────────


class StaffType(StrEnum):
    ADMINISTRATIVE = "行政编制"
    CIVIL_SERVANT_MANAGED = "参照公务员管理"
    FULLY_FUNDED = "全额补助事业"
    PARTLY_FUNDED = "差额补助事业"
    SELF_FUNDED = "自收自支事业"
    WORKER = "工勤"
    OTHER = "其他"


class Staffing(Frozen):
    """Head-counts. 实有 is derived: 在职 + 退休 + 离休 + 遗属 (编外 is reported apart)."""

    authorized: dict[StaffType, Count] = Field(default_factory=dict)  # 编制 by type
    in_service: dict[StaffType, Count] = Field(default_factory=dict)  # 在职 by type
    retired: Count | None = None  # 退休
    retired_cadres: Count | None = None  # 离休
    survivors: Count | None = None  # 遗属
    contract: Count | None = None  # 编外 / 临聘

    @field_validator("authorized", "in_service", mode="after")
    @classmethod
    def _in_staff_type_order(cls, counts: dict[StaffType, int]) -> dict[StaffType, int]:
        """One order whatever the input's (PostgreSQL's jsonb keeps none): the types' own."""
        return {staff_type: counts[staff_type] for staff_type in StaffType if staff_type in counts}

    def authorized_total(self) -> int | None:
        return sum(self.authorized.values()) if self.authorized else None

    def in_service_total(self) -> int | None:
        return sum(self.in_service.values()) if self.in_service else None

    def actual_total(self) -> int | None:
        """实有人数 = 在职 + 退休 + 离休 + 遗属, when 在职 is known."""
        in_service = self.in_service_total()
        if in_service is None:
            return None
        return in_service + sum(n or 0 for n in (self.retired, self.retired_cadres, self.survivors))


# ── assets ────────────────────────────────────────────────────────────────────────────────


class Assets(Frozen):
    """Asset totals at the year end and the year before, in one explicit unit."""

    unit: Unit
    total_net: Number | None = None  # 资产总额 账面净值
    total_net_prior: Number | None = None
    total_original: Number | None = None  # 资产总额 账面原值
    total_original_prior: Number | None = None
    fixed_added: Number | None = None  # 当年配置固定资产 (原值)
    fixed_in_use: Number | None = None  # 在用固定资产 (原值)
    fixed_total: Number | None = None  # 全部固定资产 (原值)
    note: str | None = None

    def money(self, field: str) -> Money | None:
        value = getattr(self, field)
        return None if value is None else Money(value, self.unit)


# ── money lines ───────────────────────────────────────────────────────────────────────────


class Phase(StrEnum):
    BUDGET_INITIAL = "年初预算"
    BUDGET_ADJUSTED = "调整预算"  # the full-year budget after adjustments
    EXECUTED = "执行"
    FINAL = "决算"


class Funding(StrEnum):
    BASIC = "基本支出"
    PROJECT = "项目支出"


class Item(StrEnum):
    """What an amount is. Composition items add up to the totals; memo items do not."""

    WAGES = "工资福利支出"
    GOODS_SERVICES = "商品和服务支出"
    TRANSFERS_HOUSEHOLDS = "对个人和家庭的补助"
    CAPITAL = "资本性支出"
    OTHER_SPENDING = "其他支出"
    UNCLASSIFIED = "未分类支出"  # a basic/project amount stated without its economic class
    # memo items: parts of, or facts about, the composition above
    SANGONG_ABROAD = "三公经费-因公出国(境)"
    SANGONG_VEHICLE_PURCHASE = "三公经费-公务用车购置"
    SANGONG_VEHICLE_RUNNING = "三公经费-公务用车运行维护"
    SANGONG_RECEPTION = "三公经费-公务接待"
    PUBLIC_FUNDS = "公用经费"
    PROCUREMENT = "政府采购"
    CARRYOVER_PRIOR = "上年结转结余"
    CARRYOVER_END = "年末结转结余"
    KEY_PROJECTS = "重点项目支出"
    SUPPLEMENT = "本年追加"
    PERSONNEL = "人员经费"  # wages + 抚恤金 + 生活补助…: NOT 工资福利支出
    SPECIAL_FUNDS = "专项经费"
    INCOME = "本年收入"  # the year's income from every source (收入合计)
    OTHER_INCOME = "其他资金来源"  # income beside the budget appropriation (其他收入)

    @property
    def is_composition(self) -> bool:
        return self in COMPOSITION_ITEMS

    @property
    def is_sangong(self) -> bool:
        return self.value.startswith("三公经费")


COMPOSITION_ITEMS = frozenset(
    {
        Item.WAGES,
        Item.GOODS_SERVICES,
        Item.TRANSFERS_HOUSEHOLDS,
        Item.CAPITAL,
        Item.OTHER_SPENDING,
        Item.UNCLASSIFIED,
    }
)


class MoneyLine(Frozen):
    """One amount, tagged with the phase and classification it belongs to."""

    phase: Phase
    item: Item
    amount: Number
    unit: Unit | None = None  # defaults to the money section's unit
    funding: Funding | None = None
    label: str | None = None  # the wording in the source, e.g. "其他资本性支出"
    note: str | None = None  # "主要用于办公设备购置…"
    source: Source | None = None


_YUAN_PER_YUAN, _YUAN_PER_WAN = Unit.YUAN.in_yuan, Unit.WAN.in_yuan


class MoneySection(Frozen):
    unit: Unit
    lines: tuple[MoneyLine, ...] = ()

    def money(self, line: MoneyLine) -> Money:
        return Money(line.amount, line.unit or self.unit)

    def select(
        self,
        *,
        phases: Iterator[Phase] | tuple[Phase, ...],
        items: frozenset[Item] | None = None,
        funding: Funding | None = None,
    ) -> list[MoneyLine]:
        wanted = tuple(phases)
        return [
            line
            for line in self.lines
            if line.phase in wanted
            and (items is None or line.item in items)
            and (funding is None or line.funding is funding)
        ]

    def total(self, lines: list[MoneyLine]) -> Money | None:
        if not lines:
            return None
        # Money(0, WAN) + each line's Money, without building a Money per step: the same
        # Decimal operations in the same order (an amount in 元 is × 1 / 10000, as Money.to).
        total = Decimal(0)
        for line in lines:
            if (line.unit or self.unit) is Unit.WAN:
                total = total + line.amount
            else:
                total = total + line.amount * _YUAN_PER_YUAN / _YUAN_PER_WAN
        return Money(total, Unit.WAN)


# ── goals and indicators ──────────────────────────────────────────────────────────────────


class Comparator(StrEnum):
    GE = "≥"
    LE = "≤"
    EQ = "="
    GT = ">"
    LT = "<"
    QUALITATIVE = "定性"

    @classmethod
    def _missing_(cls, value: object) -> Comparator | None:
        aliases = {">=": cls.GE, "<=": cls.LE, "==": cls.EQ, "≧": cls.GE, "≦": cls.LE}
        return aliases.get(str(value).strip())

    @property
    def higher_is_better(self) -> bool:
        return self in (Comparator.GE, Comparator.GT)


class Level1(StrEnum):
    INPUT = "投入"
    PROCESS = "过程"
    OUTPUT = "产出"
    BENEFIT = "效益"
    EFFECT = "效果"
    SATISFACTION = "满意度"


class Goal(Frozen):
    id: str
    text: str


NOT_APPLICABLE_WORDS = ("不涉及", "无", "不适用", "/", "—", "-")


class Indicator(Frozen):
    """A department's own (个性) performance indicator: target vs actual, with evidence."""

    id: str = Field(pattern=r"^[A-Za-z0-9_\-\u4e00-\u9fff]+$")
    name: str
    level1: Level1
    level2: str | None = (
        None  # 数量 质量 时效 成本 / 经济效益 社会效益 生态效益 可持续影响 / 服务对象满意度
    )
    goal: str | None = None  # Goal.id
    comparator: Comparator = Comparator.GE
    target: Number | None = None
    adjusted_target: Number | None = None
    target_text: str | None = None  # qualitative target or date range, as written
    actual: Number | None = None
    actual_text: str | None = None  # "零失误", "2021年8月23日-29日", "92%以上"
    unit: str | None = None
    weight: Number | None = Field(default=None, ge=0)  # points given in the department's 自评表
    self_score: Number | None = Field(default=None, ge=0)  # points are never negative
    evidence: tuple[str, ...] = ()
    deviation_explanation: str | None = None
    source: Source | None = None
    # A ledger aggregate key (``property.overhauls_done``): with ledgers present the actual is
    # computed from them; a typed actual the ledger does not support needs ``override_reason``.
    actual_from: str | None = None
    override_reason: str | None = None

    @field_validator("actual_from")
    @classmethod
    def _known_aggregate(cls, key: str | None) -> str | None:
        from jixiao.core.ledgers.aggregates import AGGREGATES  # the ledgers import this module

        if key is not None and key not in AGGREGATES:
            raise ValueError(
                f"未知的台账汇总项 {key!r}，见 docs/ledgers.md / unknown ledger aggregate {key!r}"
            )
        return key

    @property
    def effective_target(self) -> Decimal | None:
        return self.adjusted_target if self.adjusted_target is not None else self.target

    @property
    def content_not_applicable(self) -> bool:
        """True when the target or actual says 不涉及/无: such an indicator cannot carry points."""
        texts = [t.strip() for t in (self.target_text, self.actual_text) if t]
        return any(t in NOT_APPLICABLE_WORDS or t.startswith("不涉及") for t in texts)


class Assessment(Frozen):
    """A reviewer's or the department's judgement on a qualitative common indicator."""

    level: str | None = None  # 达成 / 部分达成 / 未达成
    fraction: Number | None = Field(default=None, ge=0, le=1)  # share of the points within the band
    checkpoints: tuple[bool, ...] = ()
    self_score: Number | None = Field(default=None, ge=0)  # the department's own points
    note: str | None = None
    evidence: tuple[str, ...] = ()


# ── narratives, statements, self-evaluation ───────────────────────────────────────────────


class Narratives(Frozen):
    """The report's prose, by section, as lists of paragraphs."""

    overall_goal: tuple[str, ...] = ()  # 当年部门履职总体目标、工作任务
    asset_management: tuple[str, ...] = ()  # 资产情况 (prose around the figures)
    performance_management: tuple[str, ...] = ()  # 预算绩效管理开展情况
    budget_notes: tuple[str, ...] = ()  # 预算及执行情况 (prose: what the money was for)
    achievements: tuple[str, ...] = ()  # 履职完成情况, one per goal
    effects: tuple[str, ...] = ()  # 履职效果情况 (prose, figures come from indicators)
    experience: tuple[str, ...] = ()  # 主要经验及做法
    problems: tuple[str, ...] = ()  # 主要问题及原因分析
    improvements: tuple[str, ...] = ()  # 改进的方向和具体措施
    application: tuple[str, ...] = ()  # 绩效自评结果拟应用和公开情况


class Stated(Frozen):
    """A derived figure as the report states it, to be compared with its computed value."""

    key: str  # a figure key, e.g. "staffing.actual_total", "rates.in_service_control"
    value: Number
    unit: str | None = None
    qualifier: str | None = None  # "以上", "多", "约"
    source: Source | None = None


class SelfEvaluation(Frozen):
    total: Number | None = Field(default=None, ge=0, le=100)
    grade: str | None = None  # as stated; None when the report states only the score
    source: Source | None = None


class Evaluation(Frozen):
    """How this evaluation was commissioned and carried out."""

    notice: str | None = None  # 万财监〔2022〕3号
    notice_title: str | None = None
    method: str = "单位自评"
    date: str | None = None  # ISO date of the report


class Waiver(Frozen):
    id: str = Field(pattern=r"^[a-z_]+\.[ECWI]\d{3}$")
    reason: str = Field(min_length=2)
    where: str | None = None  # limit the waiver to one field path


class Dossier(Frozen):
    """One department × one year."""

    year: int = Field(ge=2000, le=2100)
    profile: Profile
    staffing: Staffing = Field(default_factory=Staffing)
    assets: Assets | None = None
    money: MoneySection = Field(default_factory=lambda: MoneySection(unit=Unit.WAN))
    goals: tuple[Goal, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    assessments: dict[str, Assessment] = Field(default_factory=dict)  # framework indicator id →
    data: dict[str, Number] = Field(default_factory=dict)  # other raw data elements for formulas
    previous: dict[str, Number] = Field(default_factory=dict)  # last year's figures, by key
    narratives: Narratives = Field(default_factory=Narratives)
    stated: tuple[Stated, ...] = ()
    self_evaluation: SelfEvaluation = Field(default_factory=SelfEvaluation)
    evaluation: Evaluation = Field(default_factory=Evaluation)
    waivers: tuple[Waiver, ...] = ()
    sources: dict[str, Source] = Field(default_factory=dict)  # field path → where it came from

    @model_validator(mode="after")
    def _references_resolve(self) -> Dossier:
        goal_ids = {g.id for g in self.goals}
        seen: set[str] = set()
        for position, indicator in enumerate(self.indicators):
            if indicator.id in seen:
                raise ValueError(
                    f"indicators[{position}].id: 指标编号 {indicator.id!r} 重复 / duplicate id"
                )
            seen.add(indicator.id)
            if indicator.goal is not None and indicator.goal not in goal_ids:
                raise ValueError(
                    f"indicators[{position}].goal: 目标 {indicator.goal!r} 不存在 / unknown goal"
                )
        return self

    def stated_value(self, key: str) -> Stated | None:
        return next((s for s in self.stated if s.key == key), None)

    def indicator(self, indicator_id: str) -> Indicator | None:
        return next((i for i in self.indicators if i.id == indicator_id), None)


def dossier_from_data(data: Mapping[str, Any], *, origin: str = "<data>") -> Dossier:
    """Validate plain data (from YAML, JSON, a form) into a Dossier, or raise InputError."""
    from pydantic import ValidationError

    if not isinstance(data, Mapping):
        raise InputError.single(origin, "", "顶层应为映射（键: 值）", "top level must be a mapping")
    try:
        return Dossier.model_validate(data)
    except ValidationError as error:
        raise InputError(origin, problems_from_validation_error(error)) from None
