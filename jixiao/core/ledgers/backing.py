"""Ledger-backed indicators: an indicator's actual computed from a ledger aggregate.

An indicator that names an aggregate (``actual_from: property.overhauls_done``) gets its actual
from the ledgers when they are given. A figure typed into the dossier is then a *claim*: it is
kept only when the ledger supports it (the computed value, rounded to the places the claim was
written with, equals it; "460多次" and "92%以上" are supported by anything at or above the
number, "不超过5次" by anything at or below; a date range must match the campaign's dates) or
when the dossier records an ``override_reason``. A claim the ledger does not support, without a reason, is replaced by the
computed value and flagged (``ledgers.E001``). Without records behind the aggregate the typed
figure stands, unverified (``ledgers.W001``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from jixiao.core.dossier import Comparator, Dossier, Indicator
from jixiao.core.ledgers.aggregates import Aggregate, AggregateBook
from jixiao.core.money import round_half_up
from jixiao.core.numbers import format_score

__all__ = ["Backing", "BackingStatus", "LedgerReport", "back_indicators", "claim_supported"]


class BackingStatus(StrEnum):
    COMPUTED = "computed"  # nothing typed: the ledger's value is the actual
    SUPPORTED = "supported"  # the typed claim agrees with the ledger; the ledger's value is used
    OVERRIDDEN = "overridden"  # the claim differs, with a recorded reason: the claim stands
    UNSUPPORTED = "unsupported"  # the claim differs, no reason: the ledger's value is used, flagged
    NO_RECORDS = "no_records"  # no records behind the aggregate: the typed figure stands unverified

    @property
    def uses_ledger(self) -> bool:
        return self in (BackingStatus.COMPUTED, BackingStatus.SUPPORTED, BackingStatus.UNSUPPORTED)


@dataclass(frozen=True)
class Backing:
    """How one indicator's actual relates to the aggregate it names."""

    position: int  # the indicator's index in dossier.indicators
    indicator_id: str
    aggregate: Aggregate
    status: BackingStatus
    claimed: Decimal | None  # as typed in the dossier
    claimed_text: str | None
    reason: str | None  # override_reason, when given

    @property
    def claim_text(self) -> str:
        if self.claimed_text:
            return self.claimed_text
        if self.claimed is None:
            return ""
        return f"{format_score(self.claimed)}{self.aggregate.unit}"


@dataclass(frozen=True)
class LedgerReport:
    """The ledgers' part of an evaluation: the year's aggregates and each backed indicator."""

    book: AggregateBook
    backings: tuple[Backing, ...]

    def backing(self, indicator_id: str) -> Backing | None:
        return next((b for b in self.backings if b.indicator_id == indicator_id), None)


# Bound words, negated ones first ("不超过" is a ceiling although it contains "超过").
BOUND_WORDS = (
    ("不超过", "most"),
    ("不高于", "most"),
    ("不多于", "most"),
    ("不少于", "least"),
    ("不低于", "least"),
    ("以上", "least"),
    ("超过", "least"),
    ("多", "least"),
    ("余", "least"),
    ("逾", "least"),
    ("以下", "most"),
    ("以内", "most"),
    ("不足", "most"),
    ("不到", "most"),
    ("少于", "most"),
)
ZERO_WORDS = ("零", "无", "未发生", "没有")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_DATE_RANGE = re.compile(
    r"(\d{4})年(\d{1,2})月(\d{1,2})日(?:\s*[-—–~～至到]\s*(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日)?"
)


def parse_date_range(text: str) -> tuple[date, date] | None:
    """ "2021年8月23日-29日" → (2021-08-23, 2021-08-29); None when the text has no such range."""
    match = _DATE_RANGE.search(text)
    if not match:
        return None
    year, month, day, end_year, end_month, end_day = match.groups()
    try:
        start = date(int(year), int(month), int(day))
        if end_day is None:
            return start, start
        end = date(int(end_year or year), int(end_month or month), int(end_day))
    except ValueError:
        return None
    return start, end


def _claimed_number(indicator: Indicator) -> Decimal | None:
    if indicator.actual is not None:
        return indicator.actual
    text = indicator.actual_text or ""
    match = _NUMBER.search(text)
    if match:
        return Decimal(match.group())
    if any(word in text for word in ZERO_WORDS):
        return Decimal(0)
    return None


def claim_supported(indicator: Indicator, aggregate: Aggregate) -> bool:
    """True when the indicator's typed actual (and its wording) agrees with *aggregate*."""
    text = indicator.actual_text or ""
    if aggregate.start is not None and aggregate.end is not None:
        claimed_range = parse_date_range(text)
        return claimed_range == (aggregate.start, aggregate.end)
    claimed, computed = _claimed_number(indicator), aggregate.value
    if claimed is None or computed is None:
        return False
    bound = next((direction for word, direction in BOUND_WORDS if word in text), None)
    if bound == "least":  # a bound is compared exactly: 91.99 is not "92%以上"
        return computed >= claimed
    if bound == "most":
        return computed <= claimed
    places = max(0, -int(claimed.as_tuple().exponent))
    return round_half_up(computed, places) == claimed


def _has_claim(indicator: Indicator) -> bool:
    return indicator.actual is not None or bool(indicator.actual_text)


def _computed_indicator(indicator: Indicator, aggregate: Aggregate) -> Indicator:
    """The indicator with the aggregate's value as its actual; a date range, or any value of a
    qualitative indicator, as its text ("2021年8月23日-29日", "100%")."""
    as_text = aggregate.start is not None or indicator.comparator is Comparator.QUALITATIVE
    changes: dict[str, object] = {
        "actual": None if as_text else aggregate.value,
        "actual_text": aggregate.text if as_text else None,
    }
    if indicator.unit is None and not as_text:
        changes["unit"] = aggregate.unit
    return indicator.model_copy(update=changes)


def _status(indicator: Indicator, aggregate: Aggregate) -> BackingStatus:
    if not aggregate.has_records:
        return BackingStatus.NO_RECORDS
    if not _has_claim(indicator):
        return BackingStatus.COMPUTED
    if claim_supported(indicator, aggregate):
        return BackingStatus.SUPPORTED
    if indicator.override_reason:
        return BackingStatus.OVERRIDDEN
    return BackingStatus.UNSUPPORTED


def back_indicators(dossier: Dossier, book: AggregateBook) -> tuple[Dossier, LedgerReport]:
    """The dossier with ledger-backed actuals in place, and how each backed indicator fared."""
    indicators = list(dossier.indicators)
    backings = []
    for position, indicator in enumerate(dossier.indicators):
        if indicator.actual_from is None:
            continue
        aggregate = book.get(indicator.actual_from)
        status = _status(indicator, aggregate)
        if status.uses_ledger:
            indicators[position] = _computed_indicator(indicator, aggregate)
        backings.append(
            Backing(
                position,
                indicator.id,
                aggregate,
                status,
                indicator.actual,
                indicator.actual_text,
                indicator.override_reason,
            )
        )
    resolved = dossier.model_copy(update={"indicators": tuple(indicators)})
    return resolved, LedgerReport(book, tuple(backings))
