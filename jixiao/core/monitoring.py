"""Mid-year monitoring (运行监控): spending and target progress against time progress.

At a snapshot date (e.g. the end of July for 1-7月) the share of the year elapsed is the *time
progress*. Spending progress is the budget spent to date over the year's budget; an indicator's
progress is its value to date over its target (for targets to reach or exceed; a ceiling such as
投诉率 ≤ 2% has no progress in time and is not compared). A warning is raised when a progress
differs from time progress by more than a margin in percentage points (default 20), ahead or
behind. Everything here is pure: Decimal in, Decimal out, no rounding until display.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

HUNDRED = Decimal(100)
DEFAULT_MARGIN = Decimal(20)
# comparators whose target is a quantity to reach: progress over the year makes sense for them
CUMULATIVE = frozenset({"≥", ">", "="})


def time_progress(as_of: date) -> Decimal:
    """The share of the calendar year elapsed at the end of *as_of*, in percent."""
    days = 366 if calendar.isleap(as_of.year) else 365
    return Decimal(as_of.timetuple().tm_yday) * HUNDRED / Decimal(days)


def progress(to_date: Decimal, whole: Decimal) -> Decimal | None:
    """*to_date* as a percentage of *whole*; None when there is no positive whole."""
    if whole <= 0:
        return None
    return to_date * HUNDRED / whole


def indicator_progress(
    to_date: Decimal | None, target: Decimal | None, comparator: str
) -> Decimal | None:
    """An indicator's progress towards its target, or None when it cannot be compared in time
    (no value or target, a ceiling or qualitative target)."""
    if to_date is None or target is None or comparator not in CUMULATIVE:
        return None
    return progress(to_date, target)


@dataclass(frozen=True)
class IndicatorSnapshot:
    """One indicator at the snapshot date."""

    id: str
    name: str
    comparator: str
    target: Decimal | None
    to_date: Decimal | None
    unit: str = ""


@dataclass(frozen=True)
class MonitoringWarning:
    """A progress that diverges from time progress by more than the margin."""

    kind: str  # "spending" or "indicator"
    subject: str  # "支出进度" or the indicator's name
    indicator_id: str
    progress: Decimal
    time_progress: Decimal
    gap: Decimal  # progress − time progress, in percentage points (negative: behind)
    margin: Decimal
    zh: str
    en: str


def _points(value: Decimal) -> str:
    """A percentage as pages show it: one decimal, no trailing zero (58.1, 20)."""
    text = format(value.quantize(Decimal("0.1")), "f")
    return text[:-2] if text.endswith(".0") else text


def _warning(
    kind: str,
    subject: str,
    subject_en: str,
    ident: str,
    value: Decimal,
    time: Decimal,
    margin: Decimal,
) -> MonitoringWarning | None:
    gap = value - time
    if abs(gap) <= margin:
        return None
    behind = gap < 0
    zh = (
        f"{subject}{_points(value)}%，{'落后于' if behind else '超前于'}时间进度{_points(time)}%，"
        f"相差{_points(abs(gap))}个百分点（超过预警阈值{_points(margin)}个百分点）"
    )
    en = (
        f"{subject_en} {_points(value)}% is {_points(abs(gap))} points "
        f"{'behind' if behind else 'ahead of'} time progress {_points(time)}% "
        f"(margin {_points(margin)} points)"
    )
    return MonitoringWarning(kind, subject, ident, value, time, gap, margin, zh, en)


def warnings(
    *,
    as_of: date,
    budget: Decimal,
    spent: Decimal,
    indicators: Iterable[IndicatorSnapshot] = (),
    margin: Decimal = DEFAULT_MARGIN,
) -> list[MonitoringWarning]:
    """Every spending or indicator progress more than *margin* points from time progress.
    *budget* and *spent* must be in the same unit (the caller converts)."""
    if margin < 0:
        raise ValueError("预警阈值不能为负 / the margin cannot be negative")
    time = time_progress(as_of)
    found: list[MonitoringWarning] = []
    spending = progress(spent, budget)
    if spending is not None:
        warning = _warning("spending", "支出进度", "Spending progress", "", spending, time, margin)
        if warning:
            found.append(warning)
    for item in indicators:
        value = indicator_progress(item.to_date, item.target, item.comparator)
        if value is None:
            continue
        warning = _warning(
            "indicator",
            f"指标“{item.name}”完成进度",
            f"Progress of “{item.name}”",
            item.id,
            value,
            time,
            margin,
        )
        if warning:
            found.append(warning)
    return found
