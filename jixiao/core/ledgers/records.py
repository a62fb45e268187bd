"""Ledger records: the bureau's own work, one frozen record per thing that happened.

Each record type is a frozen pydantic model that refuses unknown fields, with a record id
(unique within its ledger), the dates that place it in a year, and its unit where it has a
quantity. A field's ``title`` is its Chinese column header in a ledger file; the field name is
the English alias (see :data:`LEDGERS` and docs/ledgers.md). Cells arrive as text from CSV or
spreadsheets, so booleans accept 是/否, dates accept ``2021-08-23``, ``2021/8/23`` and
``2021年8月23日``, and an empty cell is "not given".

:class:`LedgerSet` holds every ledger of one department (all years); aggregates select the
records of the year they are asked for (:mod:`jixiao.core.ledgers.aggregates`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from jixiao.core.errors import InputError, problems_from_validation_error
from jixiao.core.money import Unit, to_decimal

__all__ = [
    "LEDGERS",
    "ApprovalKind",
    "AssetChange",
    "AssetChangeKind",
    "BuildingBase",
    "Campaign",
    "CampaignKind",
    "CleaningInspection",
    "ContractorScore",
    "EnergyType",
    "EnergyUse",
    "FacilityInspection",
    "FixedAsset",
    "GreeningSurvey",
    "LedgerKind",
    "LedgerSet",
    "LedgerSpec",
    "MeetingEvent",
    "Overhaul",
    "Record",
    "SatisfactionLevel",
    "SecurityEvent",
    "SecurityKind",
    "Severity",
    "SpecialInspection",
    "SurveyResponse",
    "Vehicle",
    "VehicleApproval",
    "VehicleTrip",
    "WorkOrder",
    "ledger_set_from_data",
    "parse_date",
    "record_from_data",
]

# ── cell readers ──────────────────────────────────────────────────────────────────────────

TRUE_WORDS = {
    "是",
    "有",
    "完好",
    "合格",
    "通过",
    "已完成",
    "完成",
    "y",
    "yes",
    "true",
    "1",
    "√",
    "✓",
}
FALSE_WORDS = {
    "否",
    "无",
    "不完好",
    "损坏",
    "不合格",
    "未通过",
    "未完成",
    "n",
    "no",
    "false",
    "0",
    "×",
    "✗",
}
_DATE_FORMS = (
    re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})"),
    re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})"),
    re.compile(r"(\d{4})\.(\d{1,2})\.(\d{1,2})"),
    re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日"),
)
_MONTH_FORMS = (
    re.compile(r"(\d{4})-(\d{1,2})"),
    re.compile(r"(\d{4})/(\d{1,2})"),
    re.compile(r"(\d{4})年(\d{1,2})月"),
)
DATE_EXPECTED = "应为日期，如 2021-08-23 / expected a date such as 2021-08-23"
MONTH_EXPECTED = "应为月份，如 2021-08 / expected a month such as 2021-08"


def parse_date(value: Any) -> date:
    """A date from a date, an ISO-like string or 2021年8月23日 (a time part is ignored)."""
    if isinstance(value, date):
        return value
    text = str(value).strip().split(" ")[0].split("T")[0]
    for form in _DATE_FORMS:
        match = form.fullmatch(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                break
    raise ValueError(DATE_EXPECTED)


def parse_month(value: Any) -> date:
    """The first day of a month given as 2021-08, 2021年8月 or any date in that month."""
    if isinstance(value, date):
        return value.replace(day=1)
    text = str(value).strip()
    for form in _MONTH_FORMS:
        match = form.fullmatch(text)
        if match:
            year, month = (int(g) for g in match.groups())
            if 1 <= month <= 12:
                return date(year, month, 1)
            raise ValueError(MONTH_EXPECTED)
    try:
        return parse_date(text).replace(day=1)
    except ValueError:
        raise ValueError(MONTH_EXPECTED) from None


def parse_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise ValueError("应为 是 或 否 / expected yes (是) or no (否)")


def _number(value: Any) -> Decimal:
    if isinstance(value, float):  # a spreadsheet's number cell: its shortest exact repr
        value = repr(value)
    return to_decimal(value)


def _whole(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    number = _number(value)
    if number % 1 != 0:
        raise ValueError(f"应为整数，得到 {value} / expected a whole number, got {value}")
    return int(number)


def _text_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(part.strip() for part in re.split(r"[;；]", value) if part.strip())
    return tuple(value)


Day = Annotated[date, BeforeValidator(parse_date)]
Month = Annotated[date, BeforeValidator(parse_month)]
Flag = Annotated[bool, BeforeValidator(parse_bool)]
Quantity = Annotated[Decimal, BeforeValidator(_number), Field(ge=0)]
Count = Annotated[int, BeforeValidator(_whole), Field(ge=0)]
Texts = Annotated[tuple[str, ...], BeforeValidator(_text_list)]


class Record(BaseModel):
    """What every ledger record has: an id unique within its ledger, a note, attachments."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1, title="编号")
    note: str | None = Field(default=None, title="备注")
    attachments: Texts = Field(default=(), title="附件")  # file names, separated by ；

    @property
    def day(self) -> date:
        """The date that places the record in a year."""
        raise NotImplementedError


# ── 公务用车 ──────────────────────────────────────────────────────────────────────────────


class Vehicle(Record):
    """One vehicle of the fleet register (公务用车台账)."""

    plate: str = Field(min_length=2, title="车牌号")
    vehicle_type: str = Field(title="车型")  # 轿车 / 越野车 / 商务车 / 其他
    new_energy: Flag = Field(default=False, title="新能源")
    quota_category: str = Field(title="编制类别")  # 机要通信 / 应急保障 / 执法执勤 / 特种专业技术
    registered: Day = Field(title="登记日期")
    retired: Day | None = Field(default=None, title="报废日期")

    @property
    def day(self) -> date:
        return self.registered

    def in_service_on(self, when: date) -> bool:
        return self.registered <= when and (self.retired is None or self.retired > when)


class ApprovalKind(StrEnum):
    PURCHASE = "购置"
    RENEWAL = "更新"
    CHANGE = "变更"
    SCRAPPING = "报废"


class VehicleApproval(Record):
    """A purchase, renewal, change or scrapping approval, judged against 编制 and 标准."""

    approved_on: Day = Field(title="审批日期")
    kind: ApprovalKind = Field(title="审批类型")
    plate: str | None = Field(default=None, title="车牌号")
    within_quota: Flag = Field(title="编制内")
    within_standard: Flag = Field(title="标准内")
    approved: Flag = Field(default=True, title="批准")

    @property
    def day(self) -> date:
        return self.approved_on

    @property
    def over_quota(self) -> bool:
        """An approved purchase or renewal beyond the quota (超编) or the standard (超标)."""
        buys = self.kind in (ApprovalKind.PURCHASE, ApprovalKind.RENEWAL)
        return self.approved and buys and not (self.within_quota and self.within_standard)


class VehicleTrip(Record):
    """A trip dispatched by the official-vehicle platform (公务用车平台)."""

    trip_date: Day = Field(title="出车日期")
    plate: str = Field(title="车牌号")
    purpose: str | None = Field(default=None, title="事由")
    distance_km: Quantity | None = Field(default=None, title="里程（公里）")

    @property
    def day(self) -> date:
        return self.trip_date


# ── 公共机构节能 ──────────────────────────────────────────────────────────────────────────


class EnergyType(StrEnum):
    """Energy and water as public-institution energy statistics report them, each in its unit."""

    ELECTRICITY = "电力"
    WATER = "水"
    NATURAL_GAS = "天然气"
    GASOLINE = "汽油"
    DIESEL = "柴油"
    LPG = "液化石油气"
    HEAT = "热力"

    @property
    def unit(self) -> str:
        return ENERGY_UNITS[self]

    @property
    def is_energy(self) -> bool:
        """Water is reported beside energy but is not converted to standard coal."""
        return self is not EnergyType.WATER


ENERGY_UNITS = {
    EnergyType.ELECTRICITY: "千瓦时",
    EnergyType.WATER: "立方米",
    EnergyType.NATURAL_GAS: "立方米",
    EnergyType.GASOLINE: "升",
    EnergyType.DIESEL: "升",
    EnergyType.LPG: "千克",
    EnergyType.HEAT: "百万千焦",
}


class EnergyUse(Record):
    """One month's use of one energy type (or water) in one building, in the type's unit."""

    month: Month = Field(title="月份")
    building: str = Field(title="建筑")
    energy_type: EnergyType = Field(title="能源类型")
    quantity: Quantity = Field(title="用量")
    unit: str | None = Field(default=None, title="单位")  # when given, the type's own unit

    @model_validator(mode="after")
    def _unit_is_the_types(self) -> EnergyUse:
        if self.unit is not None and self.unit != self.energy_type.unit:
            raise ValueError(
                f"unit: {self.energy_type.value}的单位应为{self.energy_type.unit}，不是{self.unit}"
                f" / the unit of {self.energy_type.name.lower()} is {self.energy_type.unit}"
            )
        return self

    @property
    def day(self) -> date:
        return self.month


class BuildingBase(Record):
    """A building's floor area and head count for one year: the denominators of energy use."""

    year: Annotated[int, Field(ge=2000, le=2100)] = Field(title="年度")
    building: str = Field(title="建筑")
    floor_area: Quantity = Field(title="建筑面积（平方米）")
    headcount: Count = Field(title="用能人数")

    @property
    def day(self) -> date:
        return date(self.year, 12, 31)


class CampaignKind(StrEnum):
    ENERGY_WEEK = "节能宣传周"
    LOW_CARBON_DAY = "全国低碳日"
    OTHER = "其他"


class Campaign(Record):
    """An energy-saving campaign (节能宣传周, 低碳日) with its dates and who took part."""

    name: str = Field(title="活动名称")
    kind: CampaignKind = Field(title="活动类型")
    start: Day = Field(title="开始日期")
    end: Day = Field(title="结束日期")
    units_invited: Count | None = Field(default=None, title="应参与单位数")
    units_participating: Count | None = Field(default=None, title="参与单位数")

    @model_validator(mode="after")
    def _ordered(self) -> Campaign:
        if self.end < self.start:
            raise ValueError("end: 结束日期早于开始日期 / the end is before the start")
        if (
            self.units_invited is not None
            and self.units_participating is not None
            and self.units_participating > self.units_invited
        ):
            raise ValueError(
                "units_participating: 参与单位数多于应参与单位数 / more participants than invited"
            )
        return self

    @property
    def day(self) -> date:
        return self.start


# ── 物业 ──────────────────────────────────────────────────────────────────────────────────


class WorkOrder(Record):
    """A maintenance work order: reported, due, done."""

    reported: Day = Field(title="报修日期")
    location: str | None = Field(default=None, title="地点")
    due: Day | None = Field(default=None, title="限办日期")
    done: Day | None = Field(default=None, title="完成日期")

    @property
    def day(self) -> date:
        return self.reported

    @property
    def on_time(self) -> bool:
        return self.done is not None and (self.due is None or self.done <= self.due)


class Overhaul(Record):
    """An equipment overhaul (设备大中修 / 检修)."""

    overhaul_date: Day = Field(title="检修日期")
    equipment: str = Field(title="设备")
    completed: Flag = Field(default=True, title="已完成")

    @property
    def day(self) -> date:
        return self.overhaul_date


class SpecialInspection(Record):
    """A statutory inspection of special equipment (特种设备: lifts, boilers, pressure vessels)."""

    inspected_on: Day = Field(title="检验日期")
    equipment: str = Field(title="设备")
    passed: Flag = Field(title="合格")

    @property
    def day(self) -> date:
        return self.inspected_on


class FacilityInspection(Record):
    """One facility inspected on one day: intact or not."""

    inspected_on: Day = Field(title="巡查日期")
    facility: str = Field(title="设施")
    intact: Flag = Field(title="完好")

    @property
    def day(self) -> date:
        return self.inspected_on


class GreeningSurvey(Record):
    """A greening survey: how many plants were planted in an area and how many survive."""

    surveyed_on: Day = Field(title="调查日期")
    area: str = Field(title="区域")
    planted: Count = Field(title="种植数")
    surviving: Count = Field(title="成活数")

    @model_validator(mode="after")
    def _not_more_than_planted(self) -> GreeningSurvey:
        if self.surviving > self.planted:
            raise ValueError("surviving: 成活数多于种植数 / more surviving than planted")
        return self

    @property
    def day(self) -> date:
        return self.surveyed_on


class SecurityKind(StrEnum):
    PUBLIC_ORDER = "治安案件"
    FIRE = "消防事故"
    DRILL = "消防演练"
    TRAINING = "安全培训"
    CHECK = "安全检查"


class Severity(StrEnum):
    MINOR = "一般"
    SERIOUS = "较大"
    MAJOR = "重大"


class SecurityEvent(Record):
    """A security or fire incident, a drill, a training or a safety check."""

    event_date: Day = Field(title="日期")
    kind: SecurityKind = Field(title="类型")
    severity: Severity | None = Field(default=None, title="等级")
    description: str | None = Field(default=None, title="情况")

    @property
    def day(self) -> date:
        return self.event_date


class CleaningInspection(Record):
    """A cleaning inspection of one area: passed or not."""

    inspected_on: Day = Field(title="检查日期")
    area: str = Field(title="区域")
    passed: Flag = Field(title="合格")

    @property
    def day(self) -> date:
        return self.inspected_on


# ── 资产 ──────────────────────────────────────────────────────────────────────────────────


class FixedAsset(Record):
    """A fixed asset in the register, at its original value (账面原值) in an explicit unit."""

    name: str = Field(title="资产名称")
    category: str = Field(title="资产类别")
    acquired: Day = Field(title="取得日期")
    original_value: Quantity = Field(title="原值")
    unit: Unit = Field(title="金额单位")
    disposed: Day | None = Field(default=None, title="处置日期")

    @property
    def day(self) -> date:
        return self.acquired


class AssetChangeKind(StrEnum):
    ADDITION = "新增"
    TRANSFER = "调拨"
    DISPOSAL = "处置"
    DEPRECIATION = "折旧"


class AssetChange(Record):
    """An addition, transfer, disposal or depreciation of a registered asset."""

    changed_on: Day = Field(title="变动日期")
    asset: str = Field(title="资产编号")
    kind: AssetChangeKind = Field(title="变动类型")
    amount: Quantity = Field(title="金额")
    unit: Unit = Field(title="金额单位")

    @property
    def day(self) -> date:
        return self.changed_on


# ── 会议与接待、外包服务考核、满意度调查 ───────────────────────────────────────────────────


class MeetingEvent(Record):
    """A meeting, reception or event served, with its size and the service errors it had."""

    event_date: Day = Field(title="日期")
    name: str = Field(title="名称")
    kind: str = Field(default="会议", title="类型")  # 会议 / 接待 / 活动 / 签约仪式
    attendees: Count | None = Field(default=None, title="人数")
    errors: Count = Field(default=0, title="失误次数")

    @property
    def day(self) -> date:
        return self.event_date


class ContractorScore(Record):
    """A monthly or annual assessment score (0–100) of an outsourced service contractor."""

    assessed_on: Day = Field(title="考核日期")
    contractor: str = Field(title="服务单位")
    service: str = Field(title="服务类别")  # 安保 / 维修 / 绿化 / 保洁
    period: str = Field(title="考核期间")  # "2021-03" (monthly) or "2021" (annual)
    score: Annotated[Quantity, Field(le=100)] = Field(title="得分")

    @property
    def day(self) -> date:
        return self.assessed_on

    @property
    def annual(self) -> bool:
        return re.fullmatch(r"\d{4}(年|年度)?", self.period.strip()) is not None


class SatisfactionLevel(StrEnum):
    VERY_SATISFIED = "非常满意"
    SATISFIED = "满意"
    FAIRLY = "基本满意"
    DISSATISFIED = "不满意"
    VERY_DISSATISFIED = "非常不满意"

    @property
    def counts_as_satisfied(self) -> bool:
        """The satisfaction rate counts 非常满意 and 满意 (not 基本满意): docs/ledgers.md."""
        return self in (SatisfactionLevel.VERY_SATISFIED, SatisfactionLevel.SATISFIED)


class SurveyResponse(Record):
    """One questionnaire response of a satisfaction survey."""

    answered_on: Day = Field(title="填写日期")
    survey: str = Field(title="问卷")
    respondent: str | None = Field(default=None, title="对象类型")  # 干部职工 / 办事群众
    rating: SatisfactionLevel = Field(title="总体评价")

    @property
    def day(self) -> date:
        return self.answered_on


# ── the ledgers ───────────────────────────────────────────────────────────────────────────


class LedgerKind(StrEnum):
    """One ledger = one record type = one file beside a dossier (``<value>.csv``)."""

    VEHICLES = "vehicles"
    VEHICLE_APPROVALS = "vehicle_approvals"
    VEHICLE_TRIPS = "vehicle_trips"
    ENERGY_USE = "energy_use"
    ENERGY_BASE = "energy_base"
    CAMPAIGNS = "campaigns"
    WORK_ORDERS = "work_orders"
    OVERHAULS = "overhauls"
    SPECIAL_INSPECTIONS = "special_inspections"
    FACILITY_INSPECTIONS = "facility_inspections"
    GREENING_SURVEYS = "greening_surveys"
    SECURITY_EVENTS = "security_events"
    CLEANING_INSPECTIONS = "cleaning_inspections"
    FIXED_ASSETS = "fixed_assets"
    ASSET_CHANGES = "asset_changes"
    MEETINGS = "meetings"
    CONTRACTOR_SCORES = "contractor_scores"
    SURVEY_RESPONSES = "survey_responses"


@dataclass(frozen=True)
class LedgerSpec:
    """A ledger's record type, its Chinese name, and the group (台账) it belongs to."""

    kind: LedgerKind
    record: type[Record]
    name: str  # 设备检修台账
    name_en: str
    group: str  # 公务用车 / 公共机构节能 / 物业 / 资产 / 会议与接待 / 外包服务考核 / 满意度调查


LEDGERS: dict[LedgerKind, LedgerSpec] = {
    spec.kind: spec
    for spec in (
        LedgerSpec(LedgerKind.VEHICLES, Vehicle, "公务用车台账", "fleet register", "公务用车"),
        LedgerSpec(
            LedgerKind.VEHICLE_APPROVALS,
            VehicleApproval,
            "公务用车审批",
            "vehicle approvals",
            "公务用车",
        ),
        LedgerSpec(
            LedgerKind.VEHICLE_TRIPS, VehicleTrip, "公务用车出车记录", "vehicle trips", "公务用车"
        ),
        LedgerSpec(
            LedgerKind.ENERGY_USE,
            EnergyUse,
            "能源资源消费月报",
            "monthly energy use",
            "公共机构节能",
        ),
        LedgerSpec(
            LedgerKind.ENERGY_BASE,
            BuildingBase,
            "用能建筑面积和人数",
            "floor area and head count",
            "公共机构节能",
        ),
        LedgerSpec(LedgerKind.CAMPAIGNS, Campaign, "节能宣传活动", "campaigns", "公共机构节能"),
        LedgerSpec(LedgerKind.WORK_ORDERS, WorkOrder, "维修工单", "work orders", "物业"),
        LedgerSpec(LedgerKind.OVERHAULS, Overhaul, "设备检修记录", "equipment overhauls", "物业"),
        LedgerSpec(
            LedgerKind.SPECIAL_INSPECTIONS,
            SpecialInspection,
            "特种设备检验记录",
            "special-equipment inspections",
            "物业",
        ),
        LedgerSpec(
            LedgerKind.FACILITY_INSPECTIONS,
            FacilityInspection,
            "公共设施巡查记录",
            "facility inspections",
            "物业",
        ),
        LedgerSpec(
            LedgerKind.GREENING_SURVEYS, GreeningSurvey, "绿化成活调查", "greening surveys", "物业"
        ),
        LedgerSpec(
            LedgerKind.SECURITY_EVENTS,
            SecurityEvent,
            "安保消防记录",
            "security and fire events",
            "物业",
        ),
        LedgerSpec(
            LedgerKind.CLEANING_INSPECTIONS,
            CleaningInspection,
            "保洁检查记录",
            "cleaning inspections",
            "物业",
        ),
        LedgerSpec(
            LedgerKind.FIXED_ASSETS, FixedAsset, "固定资产卡片", "fixed-asset register", "资产"
        ),
        LedgerSpec(LedgerKind.ASSET_CHANGES, AssetChange, "资产变动记录", "asset changes", "资产"),
        LedgerSpec(
            LedgerKind.MEETINGS, MeetingEvent, "会议接待服务记录", "meetings served", "会议与接待"
        ),
        LedgerSpec(
            LedgerKind.CONTRACTOR_SCORES,
            ContractorScore,
            "外包服务考核记录",
            "contractor scores",
            "外包服务考核",
        ),
        LedgerSpec(
            LedgerKind.SURVEY_RESPONSES,
            SurveyResponse,
            "满意度调查问卷",
            "survey responses",
            "满意度调查",
        ),
    )
}


class LedgerSet(BaseModel):
    """Every ledger of one department, all years; a ledger not given is empty.

    Record ids are unique within a ledger (a second record with an id is refused), so a figure
    can name the records behind it by id.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    vehicles: tuple[Vehicle, ...] = ()
    vehicle_approvals: tuple[VehicleApproval, ...] = ()
    vehicle_trips: tuple[VehicleTrip, ...] = ()
    energy_use: tuple[EnergyUse, ...] = ()
    energy_base: tuple[BuildingBase, ...] = ()
    campaigns: tuple[Campaign, ...] = ()
    work_orders: tuple[WorkOrder, ...] = ()
    overhauls: tuple[Overhaul, ...] = ()
    special_inspections: tuple[SpecialInspection, ...] = ()
    facility_inspections: tuple[FacilityInspection, ...] = ()
    greening_surveys: tuple[GreeningSurvey, ...] = ()
    security_events: tuple[SecurityEvent, ...] = ()
    cleaning_inspections: tuple[CleaningInspection, ...] = ()
    fixed_assets: tuple[FixedAsset, ...] = ()
    asset_changes: tuple[AssetChange, ...] = ()
    meetings: tuple[MeetingEvent, ...] = ()
    contractor_scores: tuple[ContractorScore, ...] = ()
    survey_responses: tuple[SurveyResponse, ...] = ()

    @model_validator(mode="after")
    def _ids_unique(self) -> LedgerSet:
        for kind in LedgerKind:
            seen: set[str] = set()
            for position, record in enumerate(self.records(kind)):
                if record.id in seen:
                    raise ValueError(
                        f"{kind.value}[{position}].id: 编号 {record.id!r} 重复 / duplicate id"
                    )
                seen.add(record.id)
        return self

    def records(self, kind: LedgerKind) -> tuple[Record, ...]:
        records: tuple[Record, ...] = getattr(self, kind.value)
        return records

    def present(self) -> list[LedgerKind]:
        """The ledgers that have at least one record."""
        return [kind for kind in LedgerKind if self.records(kind)]

    def in_year(self, kind: LedgerKind, year: int) -> list[Record]:
        """The records of *kind* dated in *year*, in ledger order."""
        return [record for record in self.records(kind) if record.day.year == year]

    @property
    def empty(self) -> bool:
        return not self.present()


def record_from_data(kind: LedgerKind, data: Mapping[str, Any], origin: str = "<data>") -> Record:
    """Validate one record of ledger *kind* from plain data (a form, an API body), or raise
    InputError whose problems name the field and what was expected, in Chinese and English."""
    try:
        return LEDGERS[kind].record.model_validate(data)
    except ValidationError as error:
        raise InputError(origin, problems_from_validation_error(error)) from None


def ledger_set_from_data(data: Mapping[str, Any], origin: str = "<data>") -> LedgerSet:
    """Validate ``{ledger key: [record data, …]}`` into a LedgerSet, or raise InputError naming
    ``overhauls[3].overhaul_date`` and what was expected."""
    try:
        return LedgerSet.model_validate(data)
    except ValidationError as error:
        raise InputError(origin, problems_from_validation_error(error)) from None
