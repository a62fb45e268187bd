"""Known answers for the use-of-results rules: grade → budget reduction, findings → 整改."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.core.results import DEFAULT_RULES, ResultRules, parse_finding_ids, suggest

ERROR = {"id": "money.E012", "level": "error"}
WARNING = {"id": "rates.W003", "level": "warning"}


@pytest.mark.parametrize(
    ("grade", "cut"),
    [
        ("差", Decimal(10)),
        ("中", Decimal(5)),
        ("良", Decimal(0)),
        ("优", Decimal(0)),
        ("", Decimal(0)),
    ],
)
def test_default_rules_cut_by_grade(grade: str, cut: Decimal) -> None:
    suggestion = suggest(grade, [], DEFAULT_RULES)
    assert suggestion.cut_share == cut
    assert suggestion.rectify is False  # no findings: nothing to rectify


def test_poor_grade_text_in_both_languages() -> None:
    suggestion = suggest("差", [], DEFAULT_RULES)
    assert suggestion.kind == "reduce"
    assert suggestion.text("zh") == "压减下年度项目预算10%"
    assert suggestion.text("en") == "Reduce next year's project budget by 10%"
    assert "差" in suggestion.reasons[0].zh


def test_good_grade_keeps_the_budget() -> None:
    suggestion = suggest("良", [WARNING], DEFAULT_RULES)
    assert suggestion.kind == "keep"
    assert suggestion.text("zh") == "维持下年度预算安排"
    assert suggestion.reasons == ()


def test_an_unwaived_error_calls_for_rectification() -> None:
    suggestion = suggest("良", [ERROR], DEFAULT_RULES)
    assert suggestion.rectify is True
    assert suggestion.text("zh") == "维持下年度预算安排，并限期整改"


def test_a_waived_error_does_not() -> None:
    assert suggest("良", [{**ERROR, "waived": "已说明"}], DEFAULT_RULES).rectify is False


def test_a_listed_finding_id_calls_for_rectification_even_as_a_warning() -> None:
    rules = ResultRules(
        grade_cuts={"差": Decimal("7.5")},
        rectify_findings=frozenset({"rates.W003"}),
        rectify_on_any_error=False,
    )
    suggestion = suggest("差", [WARNING, ERROR], rules)
    assert suggestion.cut_share == Decimal("7.5")
    assert suggestion.rectify is True
    assert suggestion.text("zh") == "压减下年度项目预算7.5%，并限期整改"
    assert [r.zh for r in suggestion.reasons][1] == "存在审核发现 rates.W003，规则要求整改"


def test_errors_alone_do_not_count_when_the_rule_is_off() -> None:
    rules = ResultRules(grade_cuts={}, rectify_findings=frozenset(), rectify_on_any_error=False)
    assert suggest("差", [ERROR], rules).rectify is False
    assert suggest("差", [ERROR], rules).cut_share == 0


def test_a_share_outside_0_100_is_refused() -> None:
    with pytest.raises(ValueError, match="0–100"):
        suggest("差", [], ResultRules(grade_cuts={"差": Decimal(120)}))


def test_finding_ids_parsed_from_a_typed_list() -> None:
    assert parse_finding_ids("money.E012, rates.W003\nstaffing.E001、money.E012") == {
        "money.E012",
        "rates.W003",
        "staffing.E001",
    }
    assert parse_finding_ids("  ") == frozenset()
    with pytest.raises(ValueError, match="money-E12"):
        parse_finding_ids("money.E012 money-E12")
