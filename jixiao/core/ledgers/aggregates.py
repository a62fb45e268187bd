"""Ledger aggregates: the figures an indicator's actual can be computed from, by stable key.

An aggregate (``property.overhauls_done``, ``greening.survival_rate``, ``satisfaction.rate`` …)
is a pure function of the ledgers and a year. Its result, an :class:`Aggregate`, carries the
value (Decimal), the unit, the records behind it (their count and ids) and a description in
Chinese and English, so every figure can be traced to the records it was computed from.
:data:`AGGREGATES` is the registry that framework packs and dossier indicators name keys from
(``actual_from``); :class:`AggregateBook` computes them for one year, each once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TypeVar

from jixiao.core.ledgers.energy import ConversionFactors, EnergyYear, change_pct, energy_year
from jixiao.core.ledgers.records import (
    LEDGERS,
    AssetChange,
    AssetChangeKind,
    Campaign,
    CampaignKind,
    ContractorScore,
    EnergyType,
    FixedAsset,
    GreeningSurvey,
    LedgerKind,
    LedgerSet,
    MeetingEvent,
    Record,
    SecurityEvent,
    SecurityKind,
    Severity,
    SurveyResponse,
    Vehicle,
    VehicleApproval,
    VehicleTrip,
)
from jixiao.core.money import Money, Unit
from jixiao.core.numbers import format_in_unit, format_score

__all__ = [
    "AGGREGATES",
    "Aggregate",
    "AggregateBook",
    "AggregateDef",
    "Computed",
    "Inputs",
    "date_range_text",
]

ZERO = Decimal(0)
R = TypeVar("R", bound=Record)
KIND_OF: dict[type[Record], LedgerKind] = {spec.record: spec.kind for spec in LEDGERS.values()}


@dataclass(frozen=True)
class Inputs:
    """What an aggregate is computed from: the ledgers, the year, and energy factors if any."""

    ledgers: LedgerSet
    year: int
    factors: ConversionFactors | None = None

    def of(self, kind: LedgerKind) -> list[Record]:
        return self.ledgers.in_year(kind, self.year)

    def typed(self, record_type: type[R]) -> list[R]:
        """The year's records of the ledger that holds *record_type*."""
        kind = KIND_OF[record_type]
        return [r for r in self.of(kind) if isinstance(r, record_type)]


@dataclass(frozen=True)
class Computed:
    """What a compute function returns: the value and the records it was computed from."""

    value: Decimal | None
    records: Sequence[Record] = ()
    detail: str = ""  # "成活1200株/种植1250株"
    start: date | None = None  # a date range (campaigns)
    end: date | None = None
    extra_ids: tuple[str, ...] = ()  # records of other ledgers behind it (energy base data)


@dataclass(frozen=True)
class AggregateDef:
    key: str
    label: str  # 设备检修次数
    label_en: str
    unit: str
    ledgers: tuple[LedgerKind, ...]
    description: str  # how it is computed, zh
    description_en: str
    compute: Callable[[Inputs], Computed]
    sentence: str = ""  # report wording, "{value}" filled: "全年完成设备检修{value}次"
    section: str = "achievements"  # where the report states it: achievements / effects
    headline: bool = False  # stated in the report whenever it has records


@dataclass(frozen=True)
class Aggregate:
    """One aggregate's result for one year."""

    key: str
    label: str
    label_en: str
    unit: str
    value: Decimal | None
    count: int  # records behind the value
    record_ids: tuple[str, ...]
    description: str
    description_en: str
    detail: str = ""
    start: date | None = None
    end: date | None = None
    ledgers: tuple[LedgerKind, ...] = field(default=())

    @property
    def number_text(self) -> str | None:
        """The value without its unit: "12", "93.2", "30.77" (万元 with two decimals)."""
        return None if self.value is None else format_in_unit(self.value, self.unit)

    @property
    def text(self) -> str | None:
        """The value as a report writes it: "12次", "96%", "2021年8月23日-29日"."""
        if self.start is not None and self.end is not None:
            return date_range_text(self.start, self.end)
        if self.value is None:
            return None
        return f"{self.number_text}{self.unit}"

    @property
    def has_records(self) -> bool:
        return self.count > 0 and (self.value is not None or self.start is not None)


def date_range_text(start: date, end: date) -> str:
    """ "2021年8月23日-29日", "2021年8月30日-9月5日", "2021年8月25日" (one day)."""
    head = f"{start.year}年{start.month}月{start.day}日"
    if start == end:
        return head
    if start.year != end.year:
        return f"{head}-{end.year}年{end.month}月{end.day}日"
    if start.month != end.month:
        return f"{head}-{end.month}月{end.day}日"
    return f"{head}-{end.day}日"


# ── helpers ───────────────────────────────────────────────────────────────────────────────


def _percent(part: int | Decimal, whole: int | Decimal) -> Decimal | None:
    return None if not whole else Decimal(part) * 100 / Decimal(whole)


def _count(
    kind: LedgerKind, keep: Callable[[Record], bool] = lambda r: True
) -> Callable[[Inputs], Computed]:
    def compute(inputs: Inputs) -> Computed:
        records = [r for r in inputs.of(kind) if keep(r)]
        return Computed(Decimal(len(records)), records)

    return compute


def _share(
    kind: LedgerKind, good: Callable[[Record], bool], words: tuple[str, str]
) -> Callable[[Inputs], Computed]:
    """Share of the year's records of *kind* that are *good*, in percent."""

    def compute(inputs: Inputs) -> Computed:
        records = inputs.of(kind)
        hits = sum(1 for r in records if good(r))
        detail = f"{words[0]}{hits}条/{words[1]}{len(records)}条" if records else ""
        return Computed(_percent(hits, len(records)), records, detail)

    return compute


def _attr(name: str) -> Callable[[Record], bool]:
    return lambda record: bool(getattr(record, name))


def _kind_is(kind: SecurityKind) -> Callable[[Record], bool]:
    return lambda record: isinstance(record, SecurityEvent) and record.kind is kind


def _year_end(inputs: Inputs) -> date:
    return date(inputs.year, 12, 31)


# ── 公务用车 ──────────────────────────────────────────────────────────────────────────────


def _fleet(inputs: Inputs) -> list[Vehicle]:
    end = _year_end(inputs)
    return [v for v in inputs.ledgers.vehicles if v.in_service_on(end)]


def fleet_size(inputs: Inputs) -> Computed:
    fleet = _fleet(inputs)
    return Computed(Decimal(len(fleet)), fleet)


def new_energy_share(inputs: Inputs) -> Computed:
    fleet = _fleet(inputs)
    new = sum(1 for v in fleet if v.new_energy)
    return Computed(
        _percent(new, len(fleet)), fleet, f"新能源{new}辆/在用{len(fleet)}辆" if fleet else ""
    )


def over_quota(inputs: Inputs) -> Computed:
    approvals = inputs.typed(VehicleApproval)
    over = sum(1 for a in approvals if a.over_quota)
    return Computed(
        Decimal(over), approvals, f"审批{len(approvals)}件，超编超标{over}件" if approvals else ""
    )


def trip_km(inputs: Inputs) -> Computed:
    trips = [t for t in inputs.typed(VehicleTrip) if t.distance_km is not None]
    total = sum((t.distance_km for t in trips if t.distance_km is not None), ZERO)
    return Computed(total if trips else None, trips)


# ── 公共机构节能 ──────────────────────────────────────────────────────────────────────────


def _energy(inputs: Inputs, year: int | None = None) -> EnergyYear:
    return energy_year(inputs.ledgers, inputs.year if year is None else year, inputs.factors)


def _energy_records(inputs: Inputs, year: int) -> list[Record]:
    ids = set(_energy(inputs, year).record_ids)
    return [u for u in inputs.ledgers.energy_use if u.id in ids]


def energy_tce(inputs: Inputs) -> Computed:
    stats = _energy(inputs)
    return Computed(stats.tce, _energy_records(inputs, inputs.year))


def _physical(energy_type: EnergyType) -> Callable[[Inputs], Computed]:
    def compute(inputs: Inputs) -> Computed:
        line = _energy(inputs).line(energy_type)
        if line is None:
            return Computed(None)
        records = [u for u in inputs.ledgers.energy_use if u.id in set(line.record_ids)]
        return Computed(line.quantity, records)

    return compute


def _water_records(inputs: Inputs, year: int) -> list[Record]:
    line = _energy(inputs, year).line(EnergyType.WATER)
    ids = set(line.record_ids) if line is not None else set()
    return [u for u in inputs.ledgers.energy_use if u.id in ids]


def _intensity(
    measure: Callable[[EnergyYear], Decimal | None], *, water: bool = False
) -> Callable[[Inputs], Computed]:
    """Use per head or per m²: the year's energy (or water) records and its base data."""

    def compute(inputs: Inputs) -> Computed:
        stats = _energy(inputs)
        select = _water_records if water else _energy_records
        return Computed(measure(stats), select(inputs, inputs.year), extra_ids=stats.base_ids)

    return compute


def _intensity_change(
    measure: Callable[[EnergyYear], Decimal | None],
) -> Callable[[Inputs], Computed]:
    def compute(inputs: Inputs) -> Computed:
        now, before = _energy(inputs), _energy(inputs, inputs.year - 1)
        value = change_pct(measure(now), measure(before))
        records = _energy_records(inputs, inputs.year - 1) + _energy_records(inputs, inputs.year)
        detail = ""
        current, previous = measure(now), measure(before)
        if value is not None and current is not None and previous is not None:
            detail = f"{inputs.year}年{format_score(current)}，{inputs.year - 1}年{format_score(previous)}"
        return Computed(value, records, detail, extra_ids=before.base_ids + now.base_ids)

    return compute


def _campaign(kind: CampaignKind) -> Callable[[Inputs], Computed]:
    def compute(inputs: Inputs) -> Computed:
        campaigns = sorted(
            (c for c in inputs.ledgers.campaigns if c.kind is kind and c.start.year == inputs.year),
            key=lambda c: c.start,
        )
        if not campaigns:
            return Computed(None)
        first = campaigns[0]
        return Computed(
            Decimal((first.end - first.start).days + 1), campaigns, start=first.start, end=first.end
        )

    return compute


def participation_rate(inputs: Inputs) -> Computed:
    campaigns = [
        c for c in inputs.typed(Campaign) if c.units_invited and c.units_participating is not None
    ]
    invited = sum(c.units_invited or 0 for c in campaigns)
    came = sum(c.units_participating or 0 for c in campaigns)
    detail = f"参与{came}家次/应参与{invited}家次" if campaigns else ""
    return Computed(_percent(came, invited), campaigns, detail)


# ── 物业 ──────────────────────────────────────────────────────────────────────────────────


def greening_survival(inputs: Inputs) -> Computed:
    surveys = inputs.typed(GreeningSurvey)
    planted = sum(s.planted for s in surveys)
    surviving = sum(s.surviving for s in surveys)
    detail = f"成活{surviving}株/种植{planted}株" if surveys else ""
    return Computed(_percent(surviving, planted), surveys, detail)


def _incidents(kinds: tuple[SecurityKind, ...], major_only: bool) -> Callable[[Inputs], Computed]:
    """Incidents of *kinds* (only 重大 ones with *major_only*), counted over the whole year's
    security ledger: its checks, drills and trainings show the ledger was kept, so a zero is a
    recorded zero, not a missing ledger."""

    def compute(inputs: Inputs) -> Computed:
        events = inputs.typed(SecurityEvent)
        hits = [
            e
            for e in events
            if e.kind in kinds and (not major_only or e.severity is Severity.MAJOR)
        ]
        return Computed(Decimal(len(hits)), events)

    return compute


# ── 资产 ──────────────────────────────────────────────────────────────────────────────────


def _change_value(kind: AssetChangeKind) -> Callable[[Inputs], Computed]:
    def compute(inputs: Inputs) -> Computed:
        changes = [c for c in inputs.typed(AssetChange) if c.kind is kind]
        total = Money(0, Unit.WAN)
        for change in changes:
            total = total + Money(change.amount, change.unit)
        return Computed(total.wan if changes else ZERO, changes)

    return compute


def _register(inputs: Inputs) -> list[FixedAsset]:
    end = _year_end(inputs)
    return [
        a
        for a in inputs.ledgers.fixed_assets
        if a.acquired <= end and (a.disposed is None or a.disposed > end)
    ]


def register_count(inputs: Inputs) -> Computed:
    assets = _register(inputs)
    return Computed(Decimal(len(assets)), assets)


def register_value(inputs: Inputs) -> Computed:
    assets = _register(inputs)
    total = Money(0, Unit.WAN)
    for asset in assets:
        total = total + Money(asset.original_value, asset.unit)
    return Computed(total.wan if assets else None, assets)


# ── 会议、外包、满意度 ────────────────────────────────────────────────────────────────────


def meeting_errors(inputs: Inputs) -> Computed:
    meetings = inputs.typed(MeetingEvent)
    return Computed(Decimal(sum(m.errors for m in meetings)), meetings)


def meeting_attendance(inputs: Inputs) -> Computed:
    meetings = [m for m in inputs.typed(MeetingEvent) if m.attendees is not None]
    total = sum(m.attendees or 0 for m in meetings)
    return Computed(Decimal(total) if meetings else None, meetings)


def _scores(inputs: Inputs) -> list[ContractorScore]:
    return inputs.typed(ContractorScore)


def average_score(inputs: Inputs) -> Computed:
    scores = _scores(inputs)
    if not scores:
        return Computed(None)
    total = sum((s.score for s in scores), ZERO)
    return Computed(total / len(scores), scores)


def lowest_score(inputs: Inputs) -> Computed:
    scores = _scores(inputs)
    if not scores:
        return Computed(None)
    return Computed(min(s.score for s in scores), scores)


def satisfaction_rate(inputs: Inputs) -> Computed:
    responses = inputs.typed(SurveyResponse)
    satisfied = sum(1 for r in responses if r.rating.counts_as_satisfied)
    detail = f"满意及非常满意{satisfied}份/有效问卷{len(responses)}份" if responses else ""
    return Computed(_percent(satisfied, len(responses)), responses, detail)


# ── the registry ──────────────────────────────────────────────────────────────────────────

K = LedgerKind
_DEFS = (
    # 公务用车
    AggregateDef(
        "vehicles.fleet_size",
        "在用公务用车数量",
        "vehicles in service",
        "辆",
        (K.VEHICLES,),
        "年末在用的公务用车（登记日期不晚于年末、未报废）",
        "vehicles registered by the year end and not scrapped",
        fleet_size,
        "年末在用公务用车{value}辆",
    ),
    AggregateDef(
        "vehicles.new_energy_share",
        "新能源公务用车占比",
        "new-energy share of the fleet",
        "%",
        (K.VEHICLES,),
        "年末在用车辆中新能源车辆所占比例",
        "share of new-energy vehicles in the year-end fleet",
        new_energy_share,
        "新能源公务用车占比{value}%",
    ),
    AggregateDef(
        "vehicles.approvals",
        "公务用车审批件数",
        "vehicle approvals",
        "件",
        (K.VEHICLE_APPROVALS,),
        "当年办理的购置、更新、变更、报废审批",
        "purchase, renewal, change and scrapping approvals of the year",
        _count(K.VEHICLE_APPROVALS),
        "办理公务用车购置、变更、报废审批{value}件",
    ),
    AggregateDef(
        "vehicles.over_quota",
        "超编超标购置车辆数",
        "vehicles bought over quota or standard",
        "辆",
        (K.VEHICLE_APPROVALS,),
        "当年批准的购置、更新审批中超出编制或标准的件数（依据全部审批记录）",
        "approved purchases or renewals beyond the quota or the standard, among all the year's approvals",
        over_quota,
        "超编、超标购置车辆{value}辆",
        headline=True,
    ),
    AggregateDef(
        "vehicles.trips",
        "公务用车平台出车次数",
        "platform trips",
        "次",
        (K.VEHICLE_TRIPS,),
        "公务用车平台当年派车次数",
        "trips dispatched by the platform in the year",
        _count(K.VEHICLE_TRIPS),
        "公务用车平台保障出车{value}次",
        headline=True,
    ),
    AggregateDef(
        "vehicles.trip_km",
        "公务用车行驶里程",
        "distance driven",
        "公里",
        (K.VEHICLE_TRIPS,),
        "填报里程的出车记录的里程合计",
        "sum of the trips' recorded distances",
        trip_km,
        "行驶里程{value}公里",
    ),
    # 公共机构节能
    AggregateDef(
        "energy.tce",
        "综合能耗",
        "total energy use",
        "吨标准煤",
        (K.ENERGY_USE,),
        "各类能源用量按折标系数折算标准煤后合计（不含水）",
        "energy use by type converted to standard coal with the configured factors (water excluded)",
        energy_tce,
        "综合能耗{value}吨标准煤",
        "effects",
        headline=True,
    ),
    AggregateDef(
        "energy.electricity",
        "用电量",
        "electricity use",
        "千瓦时",
        (K.ENERGY_USE,),
        "当年各建筑用电量合计",
        "the year's electricity use, all buildings",
        _physical(EnergyType.ELECTRICITY),
        "用电{value}千瓦时",
        "effects",
    ),
    AggregateDef(
        "energy.water",
        "用水量",
        "water use",
        "立方米",
        (K.ENERGY_USE,),
        "当年各建筑用水量合计",
        "the year's water use, all buildings",
        _physical(EnergyType.WATER),
        "用水{value}立方米",
        "effects",
    ),
    AggregateDef(
        "energy.per_head",
        "人均综合能耗",
        "energy use per head",
        "千克标准煤/人",
        (K.ENERGY_USE, K.ENERGY_BASE),
        "综合能耗（千克标准煤）除以用能人数",
        "total energy use (kgce) divided by the head count",
        _intensity(EnergyYear.per_head_kgce),
        "人均综合能耗{value}千克标准煤",
        "effects",
        headline=True,
    ),
    AggregateDef(
        "energy.per_m2",
        "单位建筑面积能耗",
        "energy use per m²",
        "千克标准煤/平方米",
        (K.ENERGY_USE, K.ENERGY_BASE),
        "综合能耗（千克标准煤）除以建筑面积",
        "total energy use (kgce) divided by the floor area",
        _intensity(EnergyYear.per_m2_kgce),
        "单位建筑面积能耗{value}千克标准煤/平方米",
        "effects",
        headline=True,
    ),
    AggregateDef(
        "energy.water_per_head",
        "人均用水量",
        "water per head",
        "立方米/人",
        (K.ENERGY_USE, K.ENERGY_BASE),
        "用水量除以用能人数",
        "water use divided by the head count",
        _intensity(EnergyYear.water_per_head, water=True),
        "人均用水量{value}立方米",
        "effects",
    ),
    AggregateDef(
        "energy.per_head_change",
        "人均综合能耗同比变化",
        "energy per head, change on last year",
        "%",
        (K.ENERGY_USE, K.ENERGY_BASE),
        "人均综合能耗较上年的变化率（负数为下降）",
        "change of energy per head on the year before (negative: a fall)",
        _intensity_change(EnergyYear.per_head_kgce),
        "人均综合能耗同比变化{value}%",
        "effects",
        headline=True,
    ),
    AggregateDef(
        "energy.per_m2_change",
        "单位建筑面积能耗同比变化",
        "energy per m², change on last year",
        "%",
        (K.ENERGY_USE, K.ENERGY_BASE),
        "单位建筑面积能耗较上年的变化率（负数为下降）",
        "change of energy per m² on the year before (negative: a fall)",
        _intensity_change(EnergyYear.per_m2_kgce),
        "单位建筑面积能耗同比变化{value}%",
        "effects",
        headline=True,
    ),
    AggregateDef(
        "campaigns.energy_week",
        "节能宣传周",
        "energy-saving week",
        "天",
        (K.CAMPAIGNS,),
        "当年节能宣传周的起止日期（值为天数）",
        "the dates of the year's energy-saving week (value: days)",
        _campaign(CampaignKind.ENERGY_WEEK),
        "于{dates}开展节能宣传周活动",
        headline=True,
    ),
    AggregateDef(
        "campaigns.low_carbon_day",
        "全国低碳日",
        "low-carbon day",
        "天",
        (K.CAMPAIGNS,),
        "当年低碳日活动的日期（值为天数）",
        "the date of the year's low-carbon day (value: days)",
        _campaign(CampaignKind.LOW_CARBON_DAY),
        "于{dates}开展全国低碳日活动",
        headline=True,
    ),
    AggregateDef(
        "campaigns.participation_rate",
        "节能环保参与率",
        "campaign participation",
        "%",
        (K.CAMPAIGNS,),
        "节能宣传活动参与单位数除以应参与单位数",
        "units taking part in campaigns divided by units invited",
        participation_rate,
        "节能环保活动参与率{value}%",
        "effects",
    ),
    # 物业
    AggregateDef(
        "property.work_orders",
        "维修工单数",
        "work orders",
        "件",
        (K.WORK_ORDERS,),
        "当年报修的工单数",
        "work orders reported in the year",
        _count(K.WORK_ORDERS),
        "受理维修工单{value}件",
        headline=True,
    ),
    AggregateDef(
        "property.work_orders_done_share",
        "维修工单完成率",
        "work orders done",
        "%",
        (K.WORK_ORDERS,),
        "当年报修工单中已完成的比例",
        "share of the year's work orders that were done",
        _share(K.WORK_ORDERS, _attr("done"), ("完成", "报修")),
        "维修工单完成率{value}%",
    ),
    AggregateDef(
        "property.work_orders_on_time_share",
        "维修及时率",
        "work orders done on time",
        "%",
        (K.WORK_ORDERS,),
        "当年报修工单中在限办日期内完成的比例",
        "share of the year's work orders done by their due date",
        _share(K.WORK_ORDERS, _attr("on_time"), ("按时完成", "报修")),
        "维修及时率{value}%",
        headline=True,
    ),
    AggregateDef(
        "property.overhauls_done",
        "设备检修次数",
        "equipment overhauls done",
        "次",
        (K.OVERHAULS,),
        "当年已完成的设备检修（大中修）记录数",
        "overhauls completed in the year",
        _count(K.OVERHAULS, _attr("completed")),
        "全年完成设备检修{value}次",
        headline=True,
    ),
    AggregateDef(
        "property.special_inspections",
        "特种设备检验次数",
        "special-equipment inspections",
        "次",
        (K.SPECIAL_INSPECTIONS,),
        "当年特种设备专项维保、年检记录数",
        "statutory inspections of special equipment in the year",
        _count(K.SPECIAL_INSPECTIONS),
        "完成特种设备专项维保、年检{value}次",
        headline=True,
    ),
    AggregateDef(
        "property.special_inspections_passed_share",
        "特种设备检验合格率",
        "special equipment passed",
        "%",
        (K.SPECIAL_INSPECTIONS,),
        "特种设备检验合格的比例",
        "share of special-equipment inspections passed",
        _share(K.SPECIAL_INSPECTIONS, _attr("passed"), ("合格", "检验")),
        "特种设备检验合格率{value}%",
    ),
    AggregateDef(
        "property.facilities_intact_share",
        "公共设施完好率",
        "facilities intact",
        "%",
        (K.FACILITY_INSPECTIONS,),
        "当年设施巡查记录中完好的比例",
        "share of the year's facility inspections that found the facility intact",
        _share(K.FACILITY_INSPECTIONS, _attr("intact"), ("完好", "巡查")),
        "公共设施完好率{value}%",
        "effects",
    ),
    AggregateDef(
        "greening.survival_rate",
        "绿化成活率",
        "greening survival rate",
        "%",
        (K.GREENING_SURVEYS,),
        "当年绿化调查成活株数合计除以种植株数合计",
        "plants surviving divided by plants planted, the year's surveys",
        greening_survival,
        "室外绿化植物成活率{value}%",
    ),
    AggregateDef(
        "security.major_incidents",
        "重大治安案件和消防安全事故数",
        "major incidents",
        "起",
        (K.SECURITY_EVENTS,),
        "当年等级为“重大”的治安案件和消防事故数（依据当年全部安保消防记录）",
        "public-order cases and fires graded major, over the year's whole security ledger",
        _incidents((SecurityKind.PUBLIC_ORDER, SecurityKind.FIRE), True),
        "重大治安案件和消防安全事故{value}起",
        headline=True,
    ),
    AggregateDef(
        "security.fire_accidents",
        "消防事故数",
        "fires",
        "起",
        (K.SECURITY_EVENTS,),
        "当年消防事故数（依据当年全部安保消防记录）",
        "fires in the year",
        _incidents((SecurityKind.FIRE,), False),
        "消防事故{value}起",
    ),
    AggregateDef(
        "security.drills",
        "消防演练次数",
        "fire drills",
        "次",
        (K.SECURITY_EVENTS,),
        "当年消防演练记录数",
        "fire drills in the year",
        _count(K.SECURITY_EVENTS, _kind_is(SecurityKind.DRILL)),
        "开展消防演练{value}次",
        headline=True,
    ),
    AggregateDef(
        "security.trainings",
        "安全培训次数",
        "safety trainings",
        "次",
        (K.SECURITY_EVENTS,),
        "当年消防安全培训记录数",
        "safety trainings in the year",
        _count(K.SECURITY_EVENTS, _kind_is(SecurityKind.TRAINING)),
        "开展消防安全培训{value}次",
        headline=True,
    ),
    AggregateDef(
        "security.checks",
        "安全检查次数",
        "safety checks",
        "次",
        (K.SECURITY_EVENTS,),
        "当年安全检查记录数",
        "safety checks in the year",
        _count(K.SECURITY_EVENTS, _kind_is(SecurityKind.CHECK)),
        "开展安全检查{value}次",
        headline=True,
    ),
    AggregateDef(
        "cleaning.pass_rate",
        "保洁检查合格率",
        "cleaning inspections passed",
        "%",
        (K.CLEANING_INSPECTIONS,),
        "当年保洁检查合格的比例",
        "share of the year's cleaning inspections passed",
        _share(K.CLEANING_INSPECTIONS, _attr("passed"), ("合格", "检查")),
        "保洁检查合格率{value}%",
        "effects",
        headline=True,
    ),
    # 资产
    AggregateDef(
        "fixed_assets.count",
        "在册固定资产数量",
        "fixed assets in the register",
        "项",
        (K.FIXED_ASSETS,),
        "年末在册、未处置的固定资产卡片数",
        "assets registered by the year end and not disposed of",
        register_count,
        "年末在册固定资产{value}项",
    ),
    AggregateDef(
        "fixed_assets.original_value",
        "在册固定资产原值",
        "register original value",
        "万元",
        (K.FIXED_ASSETS,),
        "年末在册固定资产账面原值合计",
        "original value of the year-end register",
        register_value,
        "在册固定资产原值{value}万元",
    ),
    AggregateDef(
        "fixed_assets.additions_value",
        "当年新增固定资产",
        "assets added",
        "万元",
        (K.ASSET_CHANGES,),
        "当年“新增”变动金额合计（折算为万元）",
        "the year's additions, in 万元",
        _change_value(AssetChangeKind.ADDITION),
        "新增固定资产{value}万元",
        headline=True,
    ),
    AggregateDef(
        "fixed_assets.disposals_value",
        "当年处置固定资产",
        "assets disposed of",
        "万元",
        (K.ASSET_CHANGES,),
        "当年“处置”变动金额合计（折算为万元）",
        "the year's disposals, in 万元",
        _change_value(AssetChangeKind.DISPOSAL),
        "处置固定资产{value}万元",
    ),
    AggregateDef(
        "fixed_assets.depreciation_value",
        "当年计提折旧",
        "depreciation of the year",
        "万元",
        (K.ASSET_CHANGES,),
        "当年“折旧”变动金额合计（折算为万元）",
        "the year's depreciation entries, in 万元",
        _change_value(AssetChangeKind.DEPRECIATION),
        "计提折旧{value}万元",
    ),
    AggregateDef(
        "fixed_assets.transfers",
        "资产调拨次数",
        "asset transfers",
        "次",
        (K.ASSET_CHANGES,),
        "当年“调拨”变动记录数",
        "transfers recorded in the year",
        _count(
            K.ASSET_CHANGES,
            lambda r: isinstance(r, AssetChange) and r.kind is AssetChangeKind.TRANSFER,
        ),
        "办理资产调拨{value}次",
    ),
    # 会议与接待
    AggregateDef(
        "meetings.served",
        "会议服务保障次数",
        "meetings and events served",
        "次",
        (K.MEETINGS,),
        "当年保障的会议、接待、活动、签约仪式记录数",
        "meetings, receptions and events served in the year",
        _count(K.MEETINGS),
        "保障各类会议、活动、签约仪式等{value}次",
        headline=True,
    ),
    AggregateDef(
        "meetings.errors",
        "会议服务失误次数",
        "service errors",
        "次",
        (K.MEETINGS,),
        "当年会议服务记录中的失误次数合计",
        "service errors recorded against the year's events",
        meeting_errors,
        "会议服务失误{value}次",
        headline=True,
    ),
    AggregateDef(
        "meetings.attendees",
        "会议服务人次",
        "attendees served",
        "人次",
        (K.MEETINGS,),
        "填报人数的会议记录人数合计",
        "sum of the attendees recorded",
        meeting_attendance,
        "服务{value}人次",
    ),
    # 外包服务考核
    AggregateDef(
        "contractors.assessments",
        "外包服务考核次数",
        "contractor assessments",
        "次",
        (K.CONTRACTOR_SCORES,),
        "当年对安保、维修、绿化、保洁等服务单位的月度和年度考核记录数",
        "monthly and annual assessments of the service contractors in the year",
        _count(K.CONTRACTOR_SCORES),
        "完成外包服务单位月度和年度考核{value}次",
        headline=True,
    ),
    AggregateDef(
        "contractors.average_score",
        "外包服务考核平均得分",
        "contractors' average score",
        "分",
        (K.CONTRACTOR_SCORES,),
        "当年考核得分的算术平均",
        "mean of the year's assessment scores",
        average_score,
        "外包服务考核平均得分{value}分",
        headline=True,
    ),
    AggregateDef(
        "contractors.lowest_score",
        "外包服务考核最低得分",
        "contractors' lowest score",
        "分",
        (K.CONTRACTOR_SCORES,),
        "当年考核得分的最低值",
        "the lowest of the year's assessment scores",
        lowest_score,
        "外包服务考核最低得分{value}分",
    ),
    # 满意度调查
    AggregateDef(
        "satisfaction.rate",
        "社会公众满意度",
        "satisfaction rate",
        "%",
        (K.SURVEY_RESPONSES,),
        "“非常满意”和“满意”的问卷数除以有效问卷数（样本量为记录数）",
        "responses rating 非常满意 or 满意 divided by all responses (the sample size is the record count)",
        satisfaction_rate,
        "社会公众满意度{value}%",
        "effects",
    ),
    AggregateDef(
        "satisfaction.responses",
        "满意度调查有效问卷数",
        "survey responses",
        "份",
        (K.SURVEY_RESPONSES,),
        "当年回收的有效问卷数",
        "responses received in the year",
        _count(K.SURVEY_RESPONSES),
        "回收有效问卷{value}份",
        "effects",
    ),
)
del K

AGGREGATES: dict[str, AggregateDef] = {definition.key: definition for definition in _DEFS}


class AggregateBook:
    """Every aggregate of one year, each computed once, when first asked for."""

    def __init__(
        self, ledgers: LedgerSet, year: int, factors: ConversionFactors | None = None
    ) -> None:
        self.inputs = Inputs(ledgers, year, factors)
        self._cache: dict[str, Aggregate] = {}

    @property
    def year(self) -> int:
        return self.inputs.year

    @property
    def ledgers(self) -> LedgerSet:
        return self.inputs.ledgers

    def get(self, key: str) -> Aggregate:
        """The aggregate *key* (KeyError for a key not in :data:`AGGREGATES`)."""
        if key not in self._cache:
            self._cache[key] = self._compute(AGGREGATES[key])
        return self._cache[key]

    def value(self, key: str) -> Decimal | None:
        return self.get(key).value if key in AGGREGATES else None

    def all(self) -> list[Aggregate]:
        return [self.get(key) for key in AGGREGATES]

    def _compute(self, definition: AggregateDef) -> Aggregate:
        computed = definition.compute(self.inputs)
        ids = tuple(r.id for r in computed.records) + computed.extra_ids
        return Aggregate(
            key=definition.key,
            label=definition.label,
            label_en=definition.label_en,
            unit=definition.unit,
            value=computed.value if computed.records else None,
            count=len(ids),
            record_ids=ids,
            description=definition.description,
            description_en=definition.description_en,
            detail=computed.detail,
            start=computed.start,
            end=computed.end,
            ledgers=definition.ledgers,
        )
