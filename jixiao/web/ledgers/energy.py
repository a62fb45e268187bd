"""A unit's energy statistics as public-institution energy reporting lays them out.

From the unit's 能源消耗 and 建筑基本信息 ledgers (one query, the year and the year before), with
the configured conversion factors (``jixiao/frameworks/data/energy-factors.yaml``): by energy
type, the physical quantity and its standard-coal equivalent (吨标准煤) this year and last year;
month by month; the denominators (floor area, head count) and the unit figures (kgce per head
and per m², water per head), each with its change on last year. The core computes
(:mod:`jixiao.core.ledgers.energy`); this module shapes rows for the page, the charts and the
Excel export.
"""

from __future__ import annotations

import calendar
import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext

from jixiao.core.ledgers.energy import (
    ConversionFactors,
    EnergyMonth,
    EnergyYear,
    change_pct,
    energy_months,
    energy_year,
)
from jixiao.core.ledgers.records import EnergyType, LedgerKind, LedgerSet
from jixiao.core.money import round_half_up
from jixiao.core.numbers import format_decimal, format_score
from jixiao.frameworks.ledgers import load_conversion_factors
from jixiao.web.language import page_in_english
from jixiao.web.orgs.models import Org

ENERGY_LEDGERS = (LedgerKind.ENERGY_USE.value, LedgerKind.ENERGY_BASE.value)
UNITS_EN = {
    "千瓦时": "kWh",
    "立方米": "m³",
    "升": "L",
    "千克": "kg",
    "百万千焦": "GJ",
    "平方米": "m²",
}
TYPES_EN = {
    EnergyType.ELECTRICITY: "electricity",
    EnergyType.WATER: "water",
    EnergyType.NATURAL_GAS: "natural gas",
    EnergyType.GASOLINE: "gasoline",
    EnergyType.DIESEL: "diesel",
    EnergyType.LPG: "LPG",
    EnergyType.HEAT: "heat",
}


def _english() -> bool:
    return page_in_english()


def type_name(energy_type: EnergyType) -> str:
    return TYPES_EN[energy_type] if _english() else energy_type.value


def unit_name(unit: str) -> str:
    return UNITS_EN.get(unit, unit) if _english() else unit


def quantity_text(value: Decimal | None) -> str:
    """A physical quantity or a ratio: at most 2 decimals, none when whole (12000, 61.16)."""
    return "—" if value is None else format_score(value)


def tce_text(value: Decimal | None) -> str:
    """Tonnes of standard coal: always 2 decimals, as energy statistics print them (3.06)."""
    return "—" if value is None else format_decimal(value, 2, trim=False)


def change_text(value: Decimal | None) -> str:
    if value is None:
        return "—"
    rounded = round_half_up(value, 2)
    sign = "+" if rounded > 0 else ""
    return f"{sign}{format_score(rounded)}%"


def plain(value: Decimal | None, places: int = 4) -> str | None:
    """A number for the charts' JSON: a string (never a float), rounded to *places*."""
    return None if value is None else str(round_half_up(value, places))


@dataclass(frozen=True)
class TypeRow:
    """One energy type (or water) this year and last year."""

    energy_type: EnergyType
    name: str
    unit: str
    quantity: Decimal | None
    previous_quantity: Decimal | None
    tce: Decimal | None
    previous_tce: Decimal | None
    url: str

    @property
    def quantity_change(self) -> Decimal | None:
        return change_pct(self.quantity, self.previous_quantity)

    @property
    def tce_change(self) -> Decimal | None:
        return change_pct(self.tce, self.previous_tce)


@dataclass(frozen=True)
class MeasureRow:
    """A denominator or a unit figure, this year and last year."""

    key: str
    label: str
    unit: str
    value: Decimal | None
    previous: Decimal | None
    kind: str = "quantity"  # quantity | tce

    @property
    def change(self) -> Decimal | None:
        return change_pct(self.value, self.previous)

    def text(self, value: Decimal | None) -> str:
        return tce_text(value) if self.kind == "tce" else quantity_text(value)


@dataclass(frozen=True)
class MonthRow:
    month: int
    quantities: list[str]  # in the order of Statistics.month_types
    tce: Decimal | None
    previous_tce: Decimal | None
    url: str


@dataclass
class Statistics:
    """What the energy page, its charts and its export show for one unit and year."""

    year: int
    factors: ConversionFactors
    types: list[TypeRow] = field(default_factory=list)
    measures: list[MeasureRow] = field(default_factory=list)
    month_types: list[tuple[EnergyType, str]] = field(default_factory=list)  # type, heading
    months: list[MonthRow] = field(default_factory=list)
    record_count: int = 0

    @property
    def empty(self) -> bool:
        return self.record_count == 0

    def chart_data(self) -> dict[str, Any]:
        """The charts' data (json_script): numbers as strings, labels in the page's language."""
        last = str(self.year - 1)
        return {
            "labels": {
                "this": str(self.year),
                "last": last,
                "tce": gettext("吨标准煤"),
                "month": gettext("月份"),
            },
            "months": [
                {
                    "name": gettext("%(m)s月") % {"m": m.month},
                    "this": plain(m.tce),
                    "last": plain(m.previous_tce),
                }
                for m in self.months
            ],
            "types": [
                {"name": t.name, "this": plain(t.tce), "last": plain(t.previous_tce)}
                for t in self.types
                if t.energy_type.is_energy
            ],
        }


def _records_url(org: Org, year: int, **query: str) -> str:
    base = reverse("ledgers:records", kwargs={"org": org.pk, "ledger": LedgerKind.ENERGY_USE.value})
    return f"{base}?{urlencode({'year': year, **query})}"


def _ledgers(org: Org, year: int) -> tuple[LedgerSet, int]:
    """The unit's energy records of *year* and the year before (one query), and their count."""
    from jixiao.web.ledgers.models import LedgerRecord

    rows = (
        LedgerRecord.objects.filter(org=org, ledger__in=ENERGY_LEDGERS, year__in=(year - 1, year))
        .order_by("ledger", "date", "pk")
        .values_list("ledger", "data", "year")
    )
    data: dict[str, list[dict[str, Any]]] = {}
    count = 0
    for ledger, record, record_year in rows:
        data.setdefault(ledger, []).append(record)
        count += record_year == year
    return LedgerSet.model_validate(data), count


def _type_rows(org: Org, now: EnergyYear, before: EnergyYear) -> list[TypeRow]:
    rows = []
    for energy_type in EnergyType:
        line, last = now.line(energy_type), before.line(energy_type)
        if line is None and last is None:
            continue
        rows.append(
            TypeRow(
                energy_type=energy_type,
                name=type_name(energy_type),
                unit=unit_name(energy_type.unit),
                quantity=None if line is None else line.quantity,
                previous_quantity=None if last is None else last.quantity,
                tce=None if line is None else line.tce,
                previous_tce=None if last is None else last.tce,
                url=_records_url(org, now.year, q=energy_type.value),
            )
        )
    # energy first (as the statistics list them), water after the total
    return sorted(rows, key=lambda r: not r.energy_type.is_energy)


def _measures(now: EnergyYear, before: EnergyYear) -> list[MeasureRow]:
    def headcount(stats: EnergyYear) -> Decimal | None:
        return None if stats.headcount is None else Decimal(stats.headcount)

    return [
        MeasureRow("tce", gettext("综合能耗"), gettext("吨标准煤"), now.tce, before.tce, "tce"),
        MeasureRow(
            "floor_area",
            gettext("建筑面积"),
            unit_name("平方米"),
            now.floor_area,
            before.floor_area,
        ),
        MeasureRow(
            "headcount", gettext("用能人数"), gettext("人"), headcount(now), headcount(before)
        ),
        MeasureRow(
            "per_head",
            gettext("人均综合能耗"),
            gettext("千克标准煤/人"),
            now.per_head_kgce(),
            before.per_head_kgce(),
        ),
        MeasureRow(
            "per_m2",
            gettext("单位建筑面积能耗"),
            gettext("千克标准煤/平方米"),
            now.per_m2_kgce(),
            before.per_m2_kgce(),
        ),
        MeasureRow(
            "water_per_head",
            gettext("人均用水量"),
            gettext("立方米/人"),
            now.water_per_head(),
            before.water_per_head(),
        ),
    ]


def _month_rows(
    org: Org,
    year: int,
    types: list[EnergyType],
    now: tuple[EnergyMonth, ...],
    before: tuple[EnergyMonth, ...],
) -> list[MonthRow]:
    rows = []
    for this, last in zip(now, before, strict=True):
        start = date(year, this.month, 1)
        end = start.replace(day=calendar.monthrange(year, this.month)[1])
        rows.append(
            MonthRow(
                month=this.month,
                quantities=[quantity_text(this.quantities.get(t)) for t in types],
                tce=this.tce,
                previous_tce=last.tce,
                url=_records_url(org, year, start=start.isoformat(), end=end.isoformat()),
            )
        )
    return rows


def statistics(org: Org, year: int, factors: ConversionFactors | None = None) -> Statistics:
    """The unit's energy statistics of *year*, compared with the year before."""
    factors = factors or load_conversion_factors()
    ledgers, count = _ledgers(org, year)
    now, before = energy_year(ledgers, year, factors), energy_year(ledgers, year - 1, factors)
    result = Statistics(year=year, factors=factors, record_count=count)
    result.types = _type_rows(org, now, before)
    result.measures = _measures(now, before)
    used = [row.energy_type for row in result.types]
    result.month_types = [
        (t, gettext("%(name)s（%(unit)s）") % {"name": type_name(t), "unit": unit_name(t.unit)})
        for t in used
    ]
    result.months = _month_rows(
        org,
        year,
        used,
        energy_months(ledgers, year, factors),
        energy_months(ledgers, year - 1, factors),
    )
    return result


# ── Excel ─────────────────────────────────────────────────────────────────────────────────


def _number(value: Decimal | None, places: int = 4) -> Decimal | str:
    """A cell's value: the number rounded to *places* (a numeric cell), or — when there is none."""
    return "—" if value is None else round_half_up(value, places)


def workbook_bytes(org: Org, stats: Statistics) -> bytes:
    """The statistics as an .xlsx workbook: by energy type, by month, and the unit figures."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = gettext("分品种")
    year, last = stats.year, stats.year - 1
    sheet.append(
        [gettext("%(unit)s %(year)s年度能源资源消耗统计") % {"unit": org.name, "year": year}]
    )
    sheet["A1"].font = Font(bold=True)
    sheet.append([gettext("折标准煤系数") + gettext("：") + stats.factors.source])
    sheet.append([])
    sheet.append(
        [
            gettext("能源品种"),
            gettext("计量单位"),
            gettext("%(year)s年实物量") % {"year": year},
            gettext("%(year)s年实物量") % {"year": last},
            gettext("实物量同比（%）"),
            gettext("%(year)s年折标准煤（吨）") % {"year": year},
            gettext("%(year)s年折标准煤（吨）") % {"year": last},
            gettext("折标准煤同比（%）"),
        ]
    )
    for row in stats.types:
        sheet.append(
            [
                row.name,
                row.unit,
                _number(row.quantity, 2),
                _number(row.previous_quantity, 2),
                _number(row.quantity_change, 2),
                _number(row.tce) if row.energy_type.is_energy else "—",
                _number(row.previous_tce) if row.energy_type.is_energy else "—",
                _number(row.tce_change, 2) if row.energy_type.is_energy else "—",
            ]
        )
    sheet.append([])
    sheet.append([gettext("指标"), gettext("计量单位"), str(year), str(last), gettext("同比（%）")])
    for measure in stats.measures:
        places = 4 if measure.kind == "tce" else 2
        sheet.append(
            [
                measure.label,
                measure.unit,
                _number(measure.value, places),
                _number(measure.previous, places),
                _number(measure.change, 2),
            ]
        )
    months = book.create_sheet(gettext("分月"))
    months.append(
        [gettext("月份")]
        + [heading for _, heading in stats.month_types]
        + [
            gettext("%(year)s年折标准煤（吨）") % {"year": year},
            gettext("%(year)s年折标准煤（吨）") % {"year": last},
        ]
    )
    for month in stats.months:
        months.append(
            [month.month]
            + [_cell_number(q) for q in month.quantities]
            + [_number(month.tce), _number(month.previous_tce)]
        )
    for worksheet in (sheet, months):
        worksheet.column_dimensions["A"].width = 24
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


def _cell_number(text: str) -> Decimal | str:
    return "—" if text == "—" else Decimal(text)
