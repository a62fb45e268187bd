"""Ledger-backed indicators: the actual computed from the ledgers, a typed claim checked against
them, an override kept only with its reason, and the pipeline and checks around it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from jixiao.core.dossier import Indicator, dossier_from_data
from jixiao.core.errors import InputError
from jixiao.core.framework import framework_from_data
from jixiao.core.ledgers import AggregateBook, BackingStatus, LedgerSet, back_indicators
from jixiao.core.ledgers.backing import claim_supported, parse_date_range
from jixiao.core.pipeline import evaluate

FRAMEWORK = framework_from_data(
    {
        "id": "t",
        "name": "测试",
        "indicators": [
            {
                "id": "output",
                "name": "产出",
                "weight": 60,
                "department_indicators": {"level1": ["产出"]},
                "method": {"type": "proportional"},
            },
            {
                "id": "meetings",
                "name": "会议保障（台账）",
                "weight": 40,
                "formula": "meetings.served",
                "comparator": "≥",
                "target": 4,
                "method": {"type": "proportional"},
            },
        ],
    }
)


def overhauls(count: int, year: int = 2021) -> list[dict[str, Any]]:
    return [
        {"id": f"JX-{n}", "overhaul_date": f"{year}-{n:02d}-10", "equipment": "空调"}
        for n in range(1, count + 1)
    ]


def meetings(count: int) -> list[dict[str, Any]]:
    return [{"id": f"HY-{n}", "event_date": "2021-03-01", "name": "会"} for n in range(count)]


LEDGERS = LedgerSet.model_validate({"overhauls": overhauls(12), "meetings": meetings(5)})


def dossier(**indicator: Any) -> Any:
    base = {
        "id": "overhauls",
        "name": "设备检修次数",
        "level1": "产出",
        "target": 12,
        "unit": "次",
        "actual_from": "property.overhauls_done",
    }
    return dossier_from_data(
        {"year": 2021, "profile": {"name": "测试局"}, "indicators": [{**base, **indicator}]}
    )


def backed(ledgers: LedgerSet = LEDGERS, **indicator: Any) -> tuple[Indicator, Any]:
    resolved, report = back_indicators(dossier(**indicator), AggregateBook(ledgers, 2021))
    return resolved.indicators[0], report.backings[0]


def test_nothing_typed_the_ledger_gives_the_actual() -> None:
    indicator, backing = backed()
    assert (indicator.actual, backing.status) == (Decimal(12), BackingStatus.COMPUTED)
    assert backing.aggregate.record_ids == tuple(f"JX-{n}" for n in range(1, 13))


def test_a_claim_the_ledger_supports_is_replaced_by_the_exact_value() -> None:
    indicator, backing = backed(actual=12, actual_text="十二次")
    assert backing.status is BackingStatus.SUPPORTED
    assert (indicator.actual, indicator.actual_text) == (Decimal(12), None)
    assert backing.claim_text == "十二次"


def test_a_claim_the_ledger_does_not_support_is_replaced_and_flagged() -> None:
    indicator, backing = backed(actual=14)
    assert (indicator.actual, backing.status, backing.claimed) == (
        Decimal(12),
        BackingStatus.UNSUPPORTED,
        Decimal(14),
    )


def test_an_override_with_a_reason_keeps_the_claim() -> None:
    indicator, backing = backed(actual=13, override_reason="一次检修由厂家保修，未入台账")
    assert (indicator.actual, backing.status) == (Decimal(13), BackingStatus.OVERRIDDEN)
    assert backing.reason == "一次检修由厂家保修，未入台账"


def test_no_records_the_typed_figure_stands_unverified() -> None:
    indicator, backing = backed(LedgerSet(), actual=12)
    assert (indicator.actual, backing.status) == (Decimal(12), BackingStatus.NO_RECORDS)


@pytest.mark.parametrize(
    ("actual", "text", "computed", "supported"),
    [
        (460, "460多次", 463, True),
        (460, "460多次", 459, False),
        (92, "92%以上", "93.2", True),
        (92, "92%以上", "91.99", False),
        (92, "92%以上", "91.996", False),  # a bound is not rounded in the claim's favour
        (92, "不低于92%", "92", True),
        (5, "5次以内", 5, True),
        (83, None, "83.333", True),
        (84, None, "83.333", False),
        ("83.33", None, "83.333", True),
        (5, "不超过5次", 3, True),
        (5, "不超过5次", 6, False),
        (None, "零失误", 0, True),
        (None, "零失误", 1, False),
        (None, "全年无", 0, True),
    ],
)
def test_claim_support(actual: Any, text: str | None, computed: Any, supported: bool) -> None:
    indicator = Indicator(id="x", name="x", level1="产出", actual=actual, actual_text=text)
    from jixiao.core.ledgers.aggregates import Aggregate

    aggregate = Aggregate("k", "k", "k", "次", Decimal(str(computed)), 1, ("r",), "", "")
    assert claim_supported(indicator, aggregate) is supported


def test_a_date_range_claim_must_match_the_campaign() -> None:
    campaigns = LedgerSet.model_validate(
        {
            "campaigns": [
                {
                    "id": "w",
                    "name": "宣传周",
                    "kind": "节能宣传周",
                    "start": "2021-08-23",
                    "end": "2021-08-29",
                }
            ]
        }
    )
    week = {
        "actual_from": "campaigns.energy_week",
        "comparator": "定性",
        "target": None,
        "unit": None,
    }
    indicator, backing = backed(campaigns, actual_text="2021年8月23日-29日", **week)
    assert backing.status is BackingStatus.SUPPORTED
    assert indicator.actual_text == "2021年8月23日-29日" and indicator.actual is None
    _, wrong = backed(campaigns, actual_text="2021年8月22日-28日", **week)
    assert wrong.status is BackingStatus.UNSUPPORTED
    assert parse_date_range("于2021年8月30日至9月5日举办") is not None


def test_a_qualitative_indicator_gets_the_value_as_its_text() -> None:
    indicator, backing = backed(comparator="定性", target=None)
    assert (indicator.actual, indicator.actual_text) == (None, "12次")
    assert backing.status is BackingStatus.COMPUTED


def test_an_unknown_aggregate_is_an_input_error_naming_the_field() -> None:
    with pytest.raises(InputError) as raised:
        dossier(actual_from="property.overhaul_done")
    (problem,) = raised.value.problems
    assert problem.path == "indicators[0].actual_from"
    assert "未知的台账汇总项" in problem.zh and "unknown ledger aggregate" in problem.en


def ids(result: Any) -> list[str]:
    return [f.id for f in result.findings if f.id.startswith("ledgers.")]


def test_pipeline_flags_an_unsupported_claim_and_scores_the_ledger_value() -> None:
    result = evaluate(dossier(actual=14), FRAMEWORK, ledgers=LEDGERS)
    assert ids(result) == ["ledgers.E001"]
    assert result.blocking and result.blocking[0].where.path == "indicators[0].actual"
    assert result.dossier.indicators[0].actual == 12
    item = next(i for i in result.score.items if i.indicator_id == "overhauls")
    assert (item.actual, item.points) == ("12次", Decimal("60.00"))


def test_pipeline_records_an_override_and_does_not_block() -> None:
    result = evaluate(
        dossier(actual=13, override_reason="厂家保修一次"), FRAMEWORK, ledgers=LEDGERS
    )
    assert ids(result) == ["ledgers.I001"] and not result.blocking
    (note,) = [f for f in result.findings if f.id == "ledgers.I001"]
    assert "改写理由：厂家保修一次" in note.message


def test_pipeline_with_supporting_ledgers_is_clean_and_framework_formulas_read_aggregates() -> None:
    result = evaluate(dossier(actual=12), FRAMEWORK, ledgers=LEDGERS)
    assert ids(result) == []
    formula_item = next(i for i in result.score.items if i.id == "meetings")
    assert (formula_item.value, formula_item.points) == (Decimal(5), Decimal("40.00"))


def test_without_ledgers_nothing_changes() -> None:
    result = evaluate(dossier(actual=14), FRAMEWORK)
    assert result.ledgers is None and ids(result) == []
    assert result.dossier.indicators[0].actual == 14
    formula_item = next(i for i in result.score.items if i.id == "meetings")
    assert formula_item.points is None  # the aggregate cannot be read without ledgers


def test_a_typed_actual_not_linked_to_a_ledger_is_noted_when_ledgers_exist() -> None:
    plain = dossier_from_data(
        {
            "year": 2021,
            "profile": {"name": "测试局"},
            "indicators": [
                {"id": "a", "name": "培训人次", "level1": "产出", "actual": 30, "unit": "人次"}
            ],
        }
    )
    assert ids(evaluate(plain, FRAMEWORK, ledgers=LEDGERS)) == ["ledgers.I002"]
    assert ids(evaluate(plain, FRAMEWORK)) == []


def test_ledger_notes_name_no_field_key_or_command() -> None:
    """A clerk reads these on the web: the form's words, never the dossier's keys (actual_from,
    override_reason), an aggregate's key (property.overhauls_done) or a command line."""
    plain = dossier_from_data(
        {
            "year": 2021,
            "profile": {"name": "测试局"},
            "indicators": [
                {"id": "a", "name": "培训人次", "level1": "产出", "actual": 30, "unit": "人次"}
            ],
        }
    )
    results = [
        evaluate(dossier(actual=14), FRAMEWORK, ledgers=LEDGERS),  # E001
        evaluate(dossier(actual=14), FRAMEWORK, ledgers=LedgerSet()),  # W001
        evaluate(plain, FRAMEWORK, ledgers=LEDGERS),  # I002
    ]
    notes = [f for result in results for f in result.findings if f.id.startswith("ledgers.")]
    assert {f.id for f in notes} >= {"ledgers.E001", "ledgers.W001", "ledgers.I002"}
    for note in notes:
        text = " ".join((note.message, note.message_en, note.hint, note.hint_en))
        for key in ("actual_from", "override_reason", "property.", "jixiao "):
            assert key not in text, (note.id, key, text)
