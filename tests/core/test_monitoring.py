"""Known answers for mid-year monitoring: time progress, progress, divergence warnings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from jixiao.core.monitoring import (
    IndicatorSnapshot,
    indicator_progress,
    progress,
    time_progress,
    warnings,
)

JULY_END = date(2023, 7, 31)  # 1-7月: day 212 of 365


def test_time_progress_known_dates() -> None:
    assert time_progress(JULY_END) == Decimal(212) * 100 / Decimal(365)
    assert round(time_progress(JULY_END), 2) == Decimal("58.08")
    assert time_progress(date(2023, 12, 31)) == 100
    assert time_progress(date(2024, 12, 31)) == 100  # leap year: 366 of 366
    assert round(time_progress(date(2024, 1, 1)), 4) == Decimal("0.2732")  # 1 of 366


def test_progress_and_indicator_progress() -> None:
    assert progress(Decimal(300), Decimal(1000)) == 30
    assert progress(Decimal(5), Decimal(0)) is None
    assert indicator_progress(Decimal(45), Decimal(90), "≥") == 50
    assert indicator_progress(Decimal(1), Decimal(2), "≤") is None  # a ceiling: no progress in time
    assert indicator_progress(None, Decimal(2), "≥") is None
    assert indicator_progress(Decimal(1), None, "=") is None


def test_spending_behind_time_is_flagged_in_both_languages() -> None:
    found = warnings(as_of=JULY_END, budget=Decimal(1000), spent=Decimal(300))
    assert len(found) == 1
    warning = found[0]
    assert warning.kind == "spending"
    assert round(warning.gap, 2) == Decimal("-28.08")
    assert (
        warning.zh == "支出进度30%，落后于时间进度58.1%，相差28.1个百分点（超过预警阈值20个百分点）"
    )
    assert warning.en == (
        "Spending progress 30% is 28.1 points behind time progress 58.1% (margin 20 points)"
    )


def test_clean_snapshot_is_not_flagged() -> None:
    indicators = [
        IndicatorSnapshot("a", "培训人次", "≥", Decimal(1000), Decimal(550)),  # 55% vs 58.1%
        IndicatorSnapshot("b", "投诉率", "≤", Decimal(2), Decimal(5)),  # a ceiling: not compared
        IndicatorSnapshot("c", "满意度", "定性", None, None),
    ]
    assert (
        warnings(as_of=JULY_END, budget=Decimal(1000), spent=Decimal(600), indicators=indicators)
        == []
    )


def test_exactly_at_the_margin_is_not_flagged_one_point_more_is() -> None:
    year_end = date(2023, 12, 31)  # time progress 100
    assert warnings(as_of=year_end, budget=Decimal(100), spent=Decimal(80)) == []
    assert len(warnings(as_of=year_end, budget=Decimal(100), spent=Decimal(79))) == 1


def test_indicator_ahead_of_time_is_flagged_and_margin_configurable() -> None:
    indicators = [IndicatorSnapshot("g1", "新增就业", "≥", Decimal(200), Decimal(190), "人")]
    found = warnings(as_of=JULY_END, budget=Decimal(100), spent=Decimal(58), indicators=indicators)
    assert [w.indicator_id for w in found] == ["g1"]  # 95% vs 58.1%: 36.9 points ahead
    assert "超前于" in found[0].zh and "ahead of" in found[0].en
    wide = warnings(
        as_of=JULY_END,
        budget=Decimal(100),
        spent=Decimal(58),
        indicators=indicators,
        margin=Decimal(40),
    )
    assert wide == []


def test_negative_margin_refused() -> None:
    with pytest.raises(ValueError, match="margin"):
        warnings(as_of=JULY_END, budget=Decimal(1), spent=Decimal(1), margin=Decimal(-1))
