"""Target review: each kind of weak target is flagged on a dossier made to have it, with its
evidence; a well-set dossier and fair targets are not flagged."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from jixiao.core.analytics.targets import PeerTargets, review_targets
from jixiao.core.dossier import Dossier, dossier_from_data
from jixiao.core.framework import framework_from_data

FRAMEWORK = framework_from_data(
    {
        "id": "t",
        "name": "测试框架",
        "indicators": [
            {
                "id": "execution",
                "name": "预算执行率",
                "weight": 10,
                "formula": "rates.execution",
                "unit": "%",
                "method": {"type": "linear", "full_at": 100},
            },
            {
                "id": "outputs",
                "name": "产出",
                "weight": 60,
                "department_indicators": {"level1": ["产出"]},
                "method": {"type": "proportional"},
            },
            {
                "id": "benefits",
                "name": "效益",
                "weight": 30,
                "department_indicators": {"level1": ["效益", "满意度"]},
                "method": {"type": "proportional"},
            },
        ],
    }
)


def indicator(id: str, name: str, level1: str = "产出", **extra: Any) -> dict[str, Any]:
    data = {"id": id, "name": name, "level1": level1, "level2": "数量", "unit": "次"}
    return {**data, **extra}


GOOD = [
    indicator("training", "培训场次", target=20, actual=21, weight=30),
    indicator("inspections", "安全检查次数", target=12, actual=12, weight=30),
    indicator(
        "satisfaction",
        "服务对象满意度",
        "满意度",
        level2="服务对象满意度",
        unit="%",
        target=90,
        actual=92,
        weight=30,
    ),
]


def dossier(
    indicators: list[dict[str, Any]], name: str = "测试局", year: int = 2023, **extra: Any
) -> Dossier:
    return dossier_from_data(
        {"year": year, "profile": {"name": name}, "indicators": indicators, **extra}
    )


def kinds(flags: list[Any]) -> list[tuple[str, str | None]]:
    return [(f.kind, f.indicator_id) for f in flags]


def test_well_set_targets_are_not_flagged() -> None:
    assert review_targets(dossier(GOOD), framework=FRAMEWORK) == []


def test_each_kind_of_weak_wording_or_placement_is_flagged_with_its_evidence() -> None:
    weak = [
        indicator("vague", "服务质量", target_text="服务质量有效提升", weight=10),
        indicator("nounit", "培训场次", target=20, actual=20, unit=None, weight=10),
        indicator("nocomp", "检查次数", target_text="12次", weight=10),
        indicator("notarget", "宣传次数", weight=10),
        indicator("sat", "群众满意度", "产出", level2="质量", unit="%", target=90, weight=10),
        indicator("count", "新建供水工程数量", "效益", level2="数量指标", target=5, weight=10),
        indicator(
            "outcome", "带动就业人数", "产出", level2="社会效益", unit="人", target=50, weight=10
        ),
        indicator("dummy", "资产处置", target_text="不涉及", weight=5),
    ]
    flags = review_targets(dossier(weak), framework=FRAMEWORK)
    assert kinds(flags) == [
        ("vague", "vague"),
        ("missing_unit", "nounit"),
        ("missing_comparator", "nocomp"),
        ("missing_target", "notarget"),
        ("category", "sat"),
        ("category", "count"),
        ("category", "outcome"),
        ("dummy_weighted", "dummy"),
        ("weights", None),
    ]
    by_id = {f.indicator_id: f for f in flags}
    assert by_id["vague"].evidence == "服务质量有效提升"
    assert by_id["vague"].finding_id == "indicators.W001"
    assert by_id["dummy"].finding_id == "indicators.E001"
    assert by_id["sat"].evidence == "产出/质量"
    assert flags[-1].evidence == "分值合计75，框架应为90"
    assert flags[-1].evidence_in_english == "weights add up to 75, the framework gives 90"
    assert by_id["sat"].evidence_in_english == "产出/质量"  # the classes' own names
    assert all(f.message and f.message_en and f.year == 2023 for f in flags)


def test_a_target_below_last_years_actual_is_pressure_free() -> None:
    last_year = dossier([indicator("training", "培训场次", target=20, actual=26)], year=2022)
    this_year = dossier(
        [
            indicator("t2", "培训 场次", target=22, actual=27),  # same indicator, spaced name
            indicator("inspections", "安全检查次数", target=12, actual=12),
        ]
    )
    flags = review_targets(this_year, previous=last_year)
    assert kinds(flags) == [("below_previous", "t2")]
    assert flags[0].evidence == "目标≥22次，上年实际26次"
    # an English page shows the evidence in English (the unit is the dossier's own word)
    assert flags[0].evidence_in_english == "target ≥ 22次, last year's actual 26次"
    # from the dossier's own previous-year figures too
    own = dossier(
        [indicator("t2", "培训场次", target=22, actual=23)], previous={"indicators.t2.actual": "26"}
    )
    assert kinds(review_targets(own)) == [("below_previous", "t2")]


def test_a_lower_is_better_target_above_last_years_actual_is_pressure_free() -> None:
    last_year = dossier(
        [indicator("days", "办结时限", comparator="≤", unit="天", target=10, actual=5)], year=2022
    )
    soft = dossier([indicator("days", "办结时限", comparator="≤", unit="天", target=6, actual=6)])
    fair = dossier([indicator("days", "办结时限", comparator="≤", unit="天", target=5, actual=5)])
    assert kinds(review_targets(soft, previous=last_year)) == [("below_previous", "days")]
    assert review_targets(fair, previous=last_year) == []


def test_a_target_far_below_the_peer_median_is_flagged_and_a_fair_one_is_not() -> None:
    peers = [
        dossier([indicator("x", "培训场次", target=t)], name=f"局{n}")
        for n, t in enumerate((40, 50, 60))
    ]
    soft = dossier([indicator("x", "培训场次", target=20, actual=21)])
    fair = dossier([indicator("x", "培训场次", target=30, actual=31)])
    other_unit = dossier([indicator("x", "培训场次", unit="人次", target=5, actual=5)])
    index = PeerTargets.from_dossiers([*peers, soft])
    flags = review_targets(soft, peers=index)
    assert kinds(flags) == [("below_peers", "x")]
    assert flags[0].evidence == "目标20次，3个同类指标目标中位数50次"
    assert review_targets(fair, peers=index) == []
    assert review_targets(other_unit, peers=index) == []
    # too few peers: no median
    assert review_targets(soft, peers=peers[:2]) == []


def test_a_target_beaten_by_a_third_shares_indicators_w004() -> None:
    flags = review_targets(dossier([indicator("x", "培训场次", target=10, actual=14)]))
    assert kinds(flags) == [("overshoot", "x")] and flags[0].finding_id == "indicators.W004"
    assert review_targets(dossier([indicator("x", "培训场次", target=10, actual=12)])) == []


def test_peer_factor_is_configurable() -> None:
    from jixiao.core.analytics.targets import TargetOptions

    peers = [
        dossier([indicator("x", "培训场次", target=t)], name=f"局{n}")
        for n, t in enumerate((40, 50, 60))
    ]
    fair = dossier([indicator("x", "培训场次", target=30, actual=31)])
    strict = TargetOptions(peer_factor=Decimal("0.7"))
    assert kinds(review_targets(fair, peers=peers, options=strict)) == [("below_peers", "x")]


def test_a_deadline_or_a_written_comparator_is_not_a_missing_comparator() -> None:
    fine = [
        indicator("deadline", "完成时限", level2="时效", unit=None, target_text="2023年12月底前"),
        indicator("rate", "验收合格率", unit="%", target_text="95%以上"),
        indicator("days", "办结时间", unit="天", target_text="≤3天"),
    ]
    assert review_targets(dossier(fine)) == []
