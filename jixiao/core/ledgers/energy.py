"""Energy statistics as public-institution energy reporting shapes them.

Use by energy type in physical units, converted to standard coal (吨标准煤, tce) with
conversion factors that are data, not code: a :class:`ConversionFactors` is built from the
YAML file ``jixiao/frameworks/data/energy-factors.yaml`` (read outside the core, by
:func:`jixiao.frameworks.ledgers.load_conversion_factors`) and passed in. Water is reported beside
energy, never converted. Per-head and per-m² figures divide the year's use by the year's head
count and floor area (:class:`~jixiao.core.ledgers.records.BuildingBase`), and compare with the
year before.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from jixiao.core.errors import InputError, problems_from_validation_error
from jixiao.core.ledgers.records import EnergyType, EnergyUse, LedgerSet
from jixiao.core.money import to_decimal

KGCE_PER_TCE = Decimal(1000)


class Factor(BaseModel):
    """kgce per physical unit of one energy type (the unit must be the type's own)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    unit: str
    kgce_per_unit: Decimal = Field(gt=0)
    basis: str | None = None  # where the factor comes from, e.g. GB/T 2589-2020 附录

    @model_validator(mode="before")
    @classmethod
    def _decimal(cls, data: Any) -> Any:
        if isinstance(data, Mapping) and "kgce_per_unit" in data:
            value = data["kgce_per_unit"]
            if isinstance(value, float):  # YAML reads 0.1229 unquoted as a float: keep its digits
                value = repr(value)
            data = {**data, "kgce_per_unit": to_decimal(value)}
        return data


class ConversionFactors(BaseModel):
    """Conversion to standard coal by energy type; water has none."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    source: str  # the standard the factors follow
    factors: dict[EnergyType, Factor]

    @model_validator(mode="after")
    def _units_match(self) -> ConversionFactors:
        for energy_type, factor in self.factors.items():
            if energy_type is EnergyType.WATER:
                raise ValueError("factors.水: 水不折算标准煤 / water is not converted to coal")
            if factor.unit != energy_type.unit:
                raise ValueError(
                    f"factors.{energy_type.value}.unit: 应为{energy_type.unit}"
                    f" / expected {energy_type.unit}"
                )
        return self

    def kgce(self, use: EnergyUse) -> Decimal | None:
        factor = self.factors.get(use.energy_type)
        return None if factor is None else use.quantity * factor.kgce_per_unit


def conversion_factors_from_data(
    data: Mapping[str, Any], origin: str = "<factors>"
) -> ConversionFactors:
    """Validate plain data into ConversionFactors, or raise InputError naming the field."""
    try:
        return ConversionFactors.model_validate(data)
    except ValidationError as error:
        raise InputError(origin, problems_from_validation_error(error)) from None


@dataclass(frozen=True)
class EnergyLine:
    """One energy type's use in a year: physical quantity and its standard-coal equivalent."""

    energy_type: EnergyType
    unit: str
    quantity: Decimal
    tce: Decimal | None  # None for water, or when no factor is configured
    record_ids: tuple[str, ...]


@dataclass(frozen=True)
class EnergyYear:
    """A year's energy statistics: by type, totals, and the denominators."""

    year: int
    lines: tuple[EnergyLine, ...]
    floor_area: Decimal | None  # m²
    headcount: int | None
    base_ids: tuple[str, ...]

    @property
    def record_ids(self) -> tuple[str, ...]:
        return tuple(
            i for line in self.lines if line.energy_type.is_energy for i in line.record_ids
        )

    @property
    def tce(self) -> Decimal | None:
        """Total energy in tce; None when a used energy type has no factor (never a partial sum)."""
        energy = [line for line in self.lines if line.energy_type.is_energy]
        if not energy or any(line.tce is None for line in energy):
            return None
        return sum((line.tce for line in energy if line.tce is not None), Decimal(0))

    def line(self, energy_type: EnergyType) -> EnergyLine | None:
        return next((line for line in self.lines if line.energy_type is energy_type), None)

    def per_head_kgce(self) -> Decimal | None:
        tce = self.tce
        if tce is None or not self.headcount:
            return None
        return tce * KGCE_PER_TCE / self.headcount

    def per_m2_kgce(self) -> Decimal | None:
        tce = self.tce
        if tce is None or not self.floor_area:
            return None
        return tce * KGCE_PER_TCE / self.floor_area

    def water_per_head(self) -> Decimal | None:
        water = self.line(EnergyType.WATER)
        if water is None or not self.headcount:
            return None
        return water.quantity / self.headcount


def energy_year(ledgers: LedgerSet, year: int, factors: ConversionFactors | None) -> EnergyYear:
    """The year's energy statistics from the monthly use and the buildings' base data."""
    uses = [u for u in ledgers.energy_use if u.month.year == year]
    lines = []
    for energy_type in EnergyType:
        mine = [u for u in uses if u.energy_type is energy_type]
        if not mine:
            continue
        quantity = sum((u.quantity for u in mine), Decimal(0))
        tce = None
        if factors is not None and energy_type in factors.factors:
            tce = quantity * factors.factors[energy_type].kgce_per_unit / KGCE_PER_TCE
        lines.append(
            EnergyLine(energy_type, energy_type.unit, quantity, tce, tuple(u.id for u in mine))
        )
    bases = [b for b in ledgers.energy_base if b.year == year]
    floor_area = sum((b.floor_area for b in bases), Decimal(0)) if bases else None
    headcount = sum(b.headcount for b in bases) if bases else None
    return EnergyYear(year, tuple(lines), floor_area, headcount, tuple(b.id for b in bases))


@dataclass(frozen=True)
class EnergyMonth:
    """One month's use: the physical quantity of each type used, and the energy in tce."""

    month: int  # 1–12
    quantities: Mapping[EnergyType, Decimal]
    tce: Decimal | None  # None without energy use, or when a used type has no factor


def energy_months(
    ledgers: LedgerSet, year: int, factors: ConversionFactors | None
) -> tuple[EnergyMonth, ...]:
    """The year's use month by month (all twelve months; a month without records is empty), as
    the monthly statistics of public-institution energy reporting lay it out."""
    by_month: dict[int, dict[EnergyType, Decimal]] = {m: {} for m in range(1, 13)}
    for use in ledgers.energy_use:
        if use.month.year == year:
            quantities = by_month[use.month.month]
            quantities[use.energy_type] = quantities.get(use.energy_type, Decimal(0)) + use.quantity
    return tuple(
        EnergyMonth(month, quantities, _month_tce(quantities, factors))
        for month, quantities in by_month.items()
    )


def _month_tce(
    quantities: Mapping[EnergyType, Decimal], factors: ConversionFactors | None
) -> Decimal | None:
    energy = {t: q for t, q in quantities.items() if t.is_energy}
    if not energy or factors is None or any(t not in factors.factors for t in energy):
        return None
    return sum(
        (q * factors.factors[t].kgce_per_unit / KGCE_PER_TCE for t, q in energy.items()),
        Decimal(0),
    )


def change_pct(current: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """Year-over-year change in percent; None without both years or from zero."""
    if current is None or previous is None or previous == 0:
        return None
    return (current - previous) * 100 / previous


__all__ = [
    "ConversionFactors",
    "EnergyLine",
    "EnergyMonth",
    "EnergyYear",
    "Factor",
    "change_pct",
    "conversion_factors_from_data",
    "energy_months",
    "energy_year",
]
