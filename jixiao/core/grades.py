"""Grade bands: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below (national default; packs may override)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class GradeBand:
    grade: str
    minimum: Decimal


DEFAULT_BANDS: tuple[GradeBand, ...] = (
    GradeBand("优", Decimal(90)),
    GradeBand("良", Decimal(80)),
    GradeBand("中", Decimal(60)),
    GradeBand("差", Decimal(0)),
)


def grade_for(score: Decimal, bands: tuple[GradeBand, ...] = DEFAULT_BANDS) -> str:
    """The grade of *score*; bands are tried from the highest minimum down."""
    for band in sorted(bands, key=lambda b: b.minimum, reverse=True):
        if score >= band.minimum:
            return band.grade
    return bands[-1].grade
