"""The number rule: scores/rates at most 2 decimals, money exactly 2, counts whole (half up); the
tolerant parser: thousands separators and full-width digits in, the exact Decimal out, garbage refused."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.core.numbers import (
    NumberKind,
    NumberSyntaxError,
    format_count,
    format_in_unit,
    format_money,
    format_number_as,
    format_rate,
    format_score,
    parse_number,
)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal(100) / 6, "16.67"),
        (Decimal("16.66666666666666666666666667"), "16.67"),
        (Decimal("9.37000000000000"), "9.37"),
        (Decimal("80.00"), "80"),
        (Decimal("0.125"), "0.13"),  # half up, not banker's rounding
        (Decimal("-0.001"), "0"),
        (Decimal("100"), "100"),
    ],
)
def test_scores_have_at_most_two_decimals(value: Decimal, text: str) -> None:
    assert format_score(value) == text


def test_money_has_exactly_two_decimals() -> None:
    assert format_money(Decimal("1462.08")) == "1462.08"
    assert format_money(Decimal("15")) == "15.00"
    assert format_money(Decimal("1771.7")) == "1771.70"
    assert format_money(Decimal("0.005")) == "0.01"
    assert format_money(Decimal("-0.001")) == "0.00"


def test_rates_and_counts() -> None:
    assert format_rate(Decimal(2000) / 25 / 1) == "80"
    assert format_rate(Decimal("98.456")) == "98.46"
    assert format_count(Decimal("41.5")) == "42"
    assert format_count(7) == "7"


def test_format_by_kind_matches_the_kind_functions() -> None:
    value = Decimal(100) / 6
    assert format_number_as(value, NumberKind.SCORE) == "16.67"
    assert format_number_as(value, "money") == "16.67"
    assert format_number_as(Decimal(15), "money") == "15.00"
    assert format_number_as(value, "count") == "17"


def test_a_number_before_its_unit() -> None:
    assert format_in_unit(Decimal("1771.7"), "万元") == "1771.70"
    assert format_in_unit(Decimal("95.00"), "%") == "95"
    assert format_in_unit(Decimal("42.5"), "人") == "42.5"  # a stated count is never rounded away


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,382.5", "1382.5"),
        ("1，382.5", "1382.5"),
        ("１３８２．５", "1382.5"),
        ("1 382.50", "1382.50"),
        ("１,３８２", "1382"),
        ("  42 ", "42"),
        ("+7", "7"),
        ("-1,000", "-1000"),
        ("－３", "-3"),
        ("1,234,567.891", "1234567.891"),
        (".5", "0.5"),
    ],
)
def test_parser_reads_what_people_type(text: str, value: str) -> None:
    parsed = parse_number(text)
    assert parsed == Decimal(value)
    assert str(parsed) == value  # exact: the digits typed, trailing zeros kept


@pytest.mark.parametrize("text", ["1,38,2", "1,3825", "12,34.5", "1,382,", "1, 382", "1 382,000"])
def test_misplaced_separators_are_refused_as_such(text: str) -> None:
    with pytest.raises(NumberSyntaxError) as caught:
        parse_number(text)
    assert "千分位" in caught.value.zh and "thousands" in caught.value.en


@pytest.mark.parametrize(
    "text", ["", "  ", "abc", "1.2.3", "1e5", "nan", "inf", "12元", "--1", "٣"]
)
def test_garbage_is_refused_with_what_was_expected(text: str) -> None:
    with pytest.raises(NumberSyntaxError) as caught:
        parse_number(text)
    assert "请输入数字，如 1382.5 或 1,382.5" in caught.value.zh
    assert "1,382.5" in caught.value.en
    assert isinstance(caught.value, ValueError)


decimals = st.decimals(
    min_value=Decimal("-1e12"), max_value=Decimal("1e12"), allow_nan=False, places=2
)


@given(decimals)
def test_formatted_numbers_read_back_as_the_rounded_value(value: Decimal) -> None:
    assert parse_number(format_money(value)) == value
    assert parse_number(format_score(value)) == value


@given(decimals)
def test_grouped_and_full_width_forms_read_back(value: Decimal) -> None:
    grouped = f"{value:,.2f}"
    assert parse_number(grouped) == value
    wide = grouped.translate(str.maketrans("0123456789.,-", "０１２３４５６７８９．，－"))
    assert parse_number(wide) == value
    assert parse_number(grouped.replace(",", " ")) == value


@given(st.text(alphabet="0123456789,.+- xe", max_size=12))
def test_the_parser_either_reads_or_refuses_never_crashes(text: str) -> None:
    try:
        value = parse_number(text)
    except NumberSyntaxError:
        return
    assert value.is_finite()


def test_display_of_a_number_longer_than_28_digits() -> None:
    """Found by tests/importers/test_fuzz_text.py: a 40-digit amount made display fail."""
    from jixiao.core.numbers import format_decimal

    assert format_decimal(Decimal("9" * 40), 2, trim=False) == "9" * 40 + ".00"


# ── the remembered texts are the computed ones ────────────────────────────────────────────


@given(
    st.decimals(allow_nan=False, allow_infinity=False) | st.integers(-(10**40), 10**40),
    st.integers(0, 6),
    st.booleans(),
)
def test_a_remembered_text_is_the_one_computed(
    value: Decimal | int, places: int, trim: bool
) -> None:
    from jixiao.core.numbers import _format_decimal, format_decimal

    computed = _format_decimal(value, places, trim)
    assert format_decimal(value, places, trim=trim) == computed
    assert format_decimal(value, places, trim=trim) == computed  # the second time: remembered


@pytest.mark.parametrize("equal", [Decimal("80.00"), Decimal("8E+1"), Decimal("80"), 80])
def test_equal_numbers_print_alike_whichever_was_remembered_first(equal: Decimal | int) -> None:
    from jixiao.core.numbers import format_decimal

    assert format_decimal(equal, 2, trim=True) == "80"
    assert format_decimal(equal, 2, trim=False) == "80.00"


def test_negative_zero_prints_as_zero_after_zero_was_remembered() -> None:
    from jixiao.core.numbers import format_decimal

    assert format_decimal(Decimal("0"), 2, trim=False) == "0.00"
    assert format_decimal(Decimal("-0.001"), 2, trim=False) == "0.00"
    assert format_decimal(Decimal("-0"), 2, trim=False) == "0.00"


def test_what_cannot_be_remembered_fails_as_before() -> None:
    from decimal import InvalidOperation

    from jixiao.core.numbers import format_decimal

    with pytest.raises(InvalidOperation):
        format_decimal(Decimal("sNaN"))  # a signalling NaN has no hash
    with pytest.raises(TypeError):
        format_decimal({})  # type: ignore[arg-type]  # unhashable, and no number
