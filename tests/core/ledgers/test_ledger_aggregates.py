"""Each ledger aggregate on small hand-made ledgers with answers worked out by hand: the value,
the unit, the records behind it (count and ids), and the year filter."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from jixiao.core.ledgers import AGGREGATES, AggregateBook, LedgerSet
from jixiao.core.ledgers.aggregates import date_range_text
from jixiao.core.ledgers.energy import ConversionFactors


def ledgers(**tables: list[dict[str, Any]]) -> LedgerSet:
    return LedgerSet.model_validate(tables)


def book(
    year: int = 2021, factors: ConversionFactors | None = None, **tables: Any
) -> AggregateBook:
    return AggregateBook(ledgers(**tables), year, factors)


FACTORS = ConversionFactors.model_validate(
    {
        "source": "test",
        "factors": {
            "电力": {"unit": "千瓦时", "kgce_per_unit": "0.1229"},
            "汽油": {"unit": "升", "kgce_per_unit": "1.0741"},
        },
    }
)


def test_overhauls_done_counts_completed_overhauls_of_the_year_only() -> None:
    aggregates = book(
        overhauls=[
            {"id": "a", "overhaul_date": "2021-03-01", "equipment": "空调"},
            {"id": "b", "overhaul_date": "2021-12-31", "equipment": "电梯", "completed": "是"},
            {"id": "c", "overhaul_date": "2021-06-01", "equipment": "水泵", "completed": "否"},
            {"id": "d", "overhaul_date": "2020-12-31", "equipment": "配电"},
            {"id": "e", "overhaul_date": "2022-01-01", "equipment": "配电"},
        ]
    )
    result = aggregates.get("property.overhauls_done")
    assert (result.value, result.unit, result.count, result.record_ids) == (
        Decimal(2),
        "次",
        2,
        ("a", "b"),
    )
    assert result.text == "2次"


def test_an_aggregate_without_records_has_no_value() -> None:
    result = book().get("property.overhauls_done")
    assert (result.value, result.count, result.has_records, result.text) == (None, 0, False, None)


def test_greening_survival_rate_pools_the_surveys() -> None:
    result = book(
        greening_surveys=[
            {
                "id": "g1",
                "surveyed_on": "2021-10-01",
                "area": "东",
                "planted": 300,
                "surviving": 291,
            },
            {
                "id": "g2",
                "surveyed_on": "2021-10-02",
                "area": "西",
                "planted": 100,
                "surviving": 93,
            },
            {"id": "g0", "surveyed_on": "2020-10-02", "area": "西", "planted": 100, "surviving": 1},
        ]
    ).get("greening.survival_rate")
    assert result.value == Decimal(96)  # (291 + 93) / (300 + 100) = 384 / 400
    assert (result.unit, result.record_ids, result.detail) == (
        "%",
        ("g1", "g2"),
        "成活384株/种植400株",
    )


def test_facilities_intact_share_and_cleaning_pass_rate() -> None:
    rows = [
        {"id": f"f{n}", "inspected_on": "2021-05-05", "facility": f"灯{n}", "intact": n != 3}
        for n in range(1, 5)
    ]
    cleaning = [
        {"id": "c1", "inspected_on": "2021-01-25", "area": "大厅", "passed": "合格"},
        {"id": "c2", "inspected_on": "2021-02-25", "area": "大厅", "passed": "不合格"},
    ]
    aggregates = book(facility_inspections=rows, cleaning_inspections=cleaning)
    assert aggregates.value("property.facilities_intact_share") == Decimal(75)
    assert aggregates.get("property.facilities_intact_share").detail == "完好3条/巡查4条"
    assert aggregates.value("cleaning.pass_rate") == Decimal(50)


def test_meetings_served_errors_and_attendees() -> None:
    aggregates = book(
        meetings=[
            {"id": "m1", "event_date": "2021-01-04", "name": "常务会", "attendees": 30},
            {
                "id": "m2",
                "event_date": "2021-02-04",
                "name": "签约",
                "kind": "签约仪式",
                "errors": 1,
            },
            {"id": "m3", "event_date": "2021-03-04", "name": "接待", "attendees": "12"},
        ]
    )
    assert aggregates.value("meetings.served") == 3
    assert aggregates.value("meetings.errors") == 1
    assert aggregates.value("meetings.attendees") == 42
    assert aggregates.get("meetings.errors").count == 3  # every event was checked for errors


def test_vehicles_over_quota_counts_approved_purchases_beyond_quota_or_standard() -> None:
    approval = {"approved_on": "2021-05-01", "within_quota": "是", "within_standard": "是"}
    aggregates = book(
        vehicle_approvals=[
            {**approval, "id": "s1", "kind": "购置"},
            {**approval, "id": "s2", "kind": "购置", "within_standard": "否"},
            {**approval, "id": "s3", "kind": "更新", "within_quota": "否", "approved": "否"},
            {**approval, "id": "s4", "kind": "报废", "within_quota": "否"},
        ]
    )
    result = aggregates.get("vehicles.over_quota")
    assert (result.value, result.count) == (Decimal(1), 4)  # only s2: approved, a purchase, 超标
    assert aggregates.value("vehicles.approvals") == 4


def test_fleet_size_and_new_energy_share_at_the_year_end() -> None:
    vehicle = {"vehicle_type": "轿车", "quota_category": "机要通信"}
    aggregates = book(
        vehicles=[
            {
                **vehicle,
                "id": "v1",
                "plate": "赣C1",
                "registered": "2015-01-01",
                "new_energy": "是",
            },
            {**vehicle, "id": "v2", "plate": "赣C2", "registered": "2018-01-01"},
            {
                **vehicle,
                "id": "v3",
                "plate": "赣C3",
                "registered": "2010-01-01",
                "retired": "2021-06-30",
            },
            {**vehicle, "id": "v4", "plate": "赣C4", "registered": "2022-01-05"},
        ]
    )
    assert aggregates.get("vehicles.fleet_size").record_ids == ("v1", "v2")
    assert aggregates.value("vehicles.new_energy_share") == Decimal(50)


def test_trips_and_distance() -> None:
    aggregates = book(
        vehicle_trips=[
            {"id": "t1", "trip_date": "2021-01-04", "plate": "赣C1", "distance_km": "12.5"},
            {"id": "t2", "trip_date": "2021-01-05", "plate": "赣C1"},
        ]
    )
    assert aggregates.value("vehicles.trips") == 2
    assert aggregates.value("vehicles.trip_km") == Decimal("12.5")


def test_campaign_week_gives_its_dates_and_participation() -> None:
    aggregates = book(
        campaigns=[
            {
                "id": "w",
                "name": "节能宣传周",
                "kind": "节能宣传周",
                "start": "2021-08-23",
                "end": "2021年8月29日",
                "units_invited": 40,
                "units_participating": 38,
            },
            {
                "id": "d",
                "name": "低碳日",
                "kind": "全国低碳日",
                "start": "2021/8/25",
                "end": "2021-08-25",
                "units_invited": 40,
                "units_participating": 40,
            },
        ]
    )
    week = aggregates.get("campaigns.energy_week")
    assert (week.start, week.end, week.value, week.text) == (
        date(2021, 8, 23),
        date(2021, 8, 29),
        Decimal(7),
        "2021年8月23日-29日",
    )
    assert aggregates.get("campaigns.low_carbon_day").text == "2021年8月25日"
    assert aggregates.value("campaigns.participation_rate") == Decimal("97.5")  # 78 / 80


def test_date_range_text_across_months_and_years() -> None:
    assert date_range_text(date(2021, 8, 30), date(2021, 9, 5)) == "2021年8月30日-9月5日"
    assert date_range_text(date(2021, 12, 30), date(2022, 1, 2)) == "2021年12月30日-2022年1月2日"


def test_work_orders_done_and_on_time() -> None:
    aggregates = book(
        work_orders=[
            {"id": "w1", "reported": "2021-03-01", "due": "2021-03-03", "done": "2021-03-03"},
            {"id": "w2", "reported": "2021-03-01", "due": "2021-03-03", "done": "2021-03-05"},
            {"id": "w3", "reported": "2021-03-01", "done": "2021-03-09"},
            {"id": "w4", "reported": "2021-03-01", "due": "2021-03-03"},
        ]
    )
    assert aggregates.value("property.work_orders") == 4
    assert aggregates.value("property.work_orders_done_share") == Decimal(75)
    assert aggregates.value("property.work_orders_on_time_share") == Decimal(50)  # w1, w3


def test_special_inspections() -> None:
    aggregates = book(
        special_inspections=[
            {"id": "s1", "inspected_on": "2021-04-01", "equipment": "1号梯", "passed": "是"},
            {"id": "s2", "inspected_on": "2021-04-01", "equipment": "2号梯", "passed": "否"},
        ]
    )
    assert aggregates.value("property.special_inspections") == 2
    assert aggregates.value("property.special_inspections_passed_share") == Decimal(50)


def test_security_counts_incidents_over_the_whole_security_ledger() -> None:
    aggregates = book(
        security_events=[
            {"id": "a1", "event_date": "2021-01-26", "kind": "安全检查"},
            {"id": "a2", "event_date": "2021-05-01", "kind": "治安案件", "severity": "一般"},
            {"id": "a3", "event_date": "2021-06-01", "kind": "消防事故", "severity": "重大"},
            {"id": "a4", "event_date": "2021-11-09", "kind": "安全培训"},
            {"id": "a5", "event_date": "2021-11-10", "kind": "消防演练"},
        ]
    )
    major = aggregates.get("security.major_incidents")
    assert (major.value, major.count) == (Decimal(1), 5)
    assert aggregates.value("security.fire_accidents") == 1
    assert aggregates.value("security.trainings") == 1
    assert aggregates.value("security.drills") == 1
    assert aggregates.value("security.checks") == 1


def test_a_recorded_zero_is_zero_not_missing() -> None:
    aggregates = book(
        security_events=[{"id": "a1", "event_date": "2021-01-26", "kind": "安全检查"}]
    )
    result = aggregates.get("security.major_incidents")
    assert (result.value, result.has_records, result.text) == (Decimal(0), True, "0起")


def test_assets_register_and_changes_in_wan() -> None:
    aggregates = book(
        fixed_assets=[
            {
                "id": "z1",
                "name": "楼",
                "category": "房屋",
                "acquired": "2008-01-01",
                "original_value": "100",
                "unit": "万元",
            },
            {
                "id": "z2",
                "name": "车",
                "category": "车辆",
                "acquired": "2021-06-18",
                "original_value": "198000",
                "unit": "元",
            },
            {
                "id": "z3",
                "name": "旧车",
                "category": "车辆",
                "acquired": "2009-01-01",
                "original_value": "18.6",
                "unit": "万元",
                "disposed": "2021-03-30",
            },
        ],
        asset_changes=[
            {
                "id": "b1",
                "changed_on": "2021-06-18",
                "asset": "z2",
                "kind": "新增",
                "amount": "198000",
                "unit": "元",
            },
            {
                "id": "b2",
                "changed_on": "2021-07-01",
                "asset": "x",
                "kind": "新增",
                "amount": "1.5",
                "unit": "万元",
            },
            {
                "id": "b3",
                "changed_on": "2021-03-30",
                "asset": "z3",
                "kind": "处置",
                "amount": "18.6",
                "unit": "万元",
            },
        ],
    )
    assert aggregates.get("fixed_assets.count").record_ids == ("z1", "z2")
    assert aggregates.value("fixed_assets.original_value") == Decimal("119.8")
    additions = aggregates.get("fixed_assets.additions_value")
    assert (additions.value, additions.text) == (Decimal("21.3"), "21.30万元")
    assert aggregates.value("fixed_assets.disposals_value") == Decimal("18.6")


def test_contractor_scores() -> None:
    score = {"assessed_on": "2021-01-28", "contractor": "某保安公司", "service": "安保"}
    aggregates = book(
        contractor_scores=[
            {**score, "id": "k1", "period": "2021-01", "score": 90},
            {**score, "id": "k2", "period": "2021-02", "score": "95.5"},
            {**score, "id": "k3", "period": "2021年", "score": 88},
        ]
    )
    assert aggregates.value("contractors.assessments") == 3
    assert aggregates.value("contractors.average_score") == Decimal("91.16666666666666666666666667")
    assert aggregates.get("contractors.average_score").number_text == "91.17"
    assert aggregates.value("contractors.lowest_score") == 88


def test_satisfaction_rate_counts_very_satisfied_and_satisfied_with_its_sample() -> None:
    ratings = ["非常满意"] * 5 + ["满意"] * 4 + ["基本满意", "不满意"]
    responses = [
        {"id": f"r{n}", "answered_on": "2021-12-06", "survey": "年度调查", "rating": rating}
        for n, rating in enumerate(ratings)
    ]
    aggregates = book(survey_responses=responses)
    rate = aggregates.get("satisfaction.rate")
    assert (rate.number_text, rate.count) == ("81.82", 11)  # 9 / 11
    assert rate.detail == "满意及非常满意9份/有效问卷11份"
    assert aggregates.value("satisfaction.responses") == 11


def energy_rows() -> dict[str, list[dict[str, Any]]]:
    use = [
        ("e1", "2020-01", "电力", "100000"),
        ("e2", "2020-02", "汽油", "1000"),
        ("e3", "2020-02", "水", "500"),
        ("e4", "2021-01", "电力", "90000"),
        ("e5", "2021-02", "汽油", "1000"),
        ("e6", "2021-02", "水", "450"),
    ]
    return {
        "energy_use": [
            {"id": i, "month": m, "building": "主楼", "energy_type": t, "quantity": q}
            for i, m, t, q in use
        ],
        "energy_base": [
            {"id": "b20", "year": 2020, "building": "主楼", "floor_area": 1000, "headcount": 100},
            {"id": "b21", "year": 2021, "building": "主楼", "floor_area": 1000, "headcount": 90},
        ],
    }


def test_energy_in_standard_coal_per_head_and_per_m2_year_over_year() -> None:
    aggregates = book(factors=FACTORS, **energy_rows())
    # 2021: 90000 × 0.1229 + 1000 × 1.0741 = 11061 + 1074.1 = 12135.1 kgce = 12.1351 tce
    assert aggregates.value("energy.tce") == Decimal("12.1351")
    assert aggregates.get("energy.tce").record_ids == ("e4", "e5")  # water is not energy
    assert aggregates.value("energy.per_head") == Decimal("12135.1") / 90
    assert aggregates.value("energy.per_m2") == Decimal("12.1351")
    assert aggregates.value("energy.water") == 450
    assert aggregates.value("energy.water_per_head") == 5
    # 2020: 12290 + 1074.1 = 13364.1 kgce over 100 people = 133.641; 2021: 134.8344…
    change = aggregates.get("energy.per_head_change")
    assert change.number_text == "0.89"
    assert change.count == 6  # four energy records of both years and both years' base data
    per_m2 = aggregates.get("energy.per_m2_change")
    assert per_m2.number_text == "-9.2"  # 12.1351 vs 13.3641


def test_energy_without_factors_or_with_a_missing_factor_has_no_total() -> None:
    assert book(**energy_rows()).value("energy.tce") is None
    only_power = ConversionFactors.model_validate(
        {"source": "t", "factors": {"电力": {"unit": "千瓦时", "kgce_per_unit": "0.1229"}}}
    )
    assert book(factors=only_power, **energy_rows()).value("energy.tce") is None  # never partial
    assert book(factors=only_power, **energy_rows()).value("energy.electricity") == 90000


def test_every_registered_aggregate_runs_on_empty_ledgers() -> None:
    results = book(factors=FACTORS).all()
    assert [r.key for r in results] == list(AGGREGATES)
    assert all(r.count == 0 and r.value is None for r in results)


def test_aggregate_keys_never_collide_with_figure_keys() -> None:
    from jixiao.core.figures import FIGURES_BY_KEY

    assert not set(AGGREGATES) & set(FIGURES_BY_KEY)


@pytest.mark.parametrize("key", list(AGGREGATES))
def test_every_aggregate_is_described_in_both_languages(key: str) -> None:
    definition = AGGREGATES[key]
    assert definition.description and definition.description_en and definition.label_en
    assert definition.sentence and definition.unit


def test_water_per_head_is_backed_by_the_water_records() -> None:
    water = book(factors=FACTORS, **energy_rows()).get("energy.water_per_head")
    assert water.record_ids == ("e6", "b21")


def test_depreciation_and_transfers() -> None:
    change = {"asset": "z1", "unit": "元"}
    aggregates = book(
        asset_changes=[
            {**change, "id": "d1", "changed_on": "2021-12-31", "kind": "折旧", "amount": "12000"},
            {**change, "id": "d2", "changed_on": "2021-06-30", "kind": "折旧", "amount": "3000"},
            {**change, "id": "t1", "changed_on": "2021-05-01", "kind": "调拨", "amount": "0"},
        ]
    )
    assert aggregates.get("fixed_assets.depreciation_value").text == "1.50万元"
    assert aggregates.value("fixed_assets.transfers") == 1
