"""Money: exact unit conversion 元↔万元, floats refused, display rounding half up, equality across units."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.core.money import Money, Unit, round_half_up, to_decimal


def test_wan_to_yuan_is_exact() -> None:
    converted = Money("1462.08", Unit.WAN).to(Unit.YUAN)
    assert (converted.amount, converted.unit) == (Decimal("14620800.00"), Unit.YUAN)


def test_yuan_to_wan_keeps_every_digit() -> None:
    converted = Money("1", Unit.YUAN).to(Unit.WAN)
    assert (converted.amount, converted.unit) == (Decimal("0.0001"), Unit.WAN)
    assert Money("123.4567", Unit.YUAN).to(Unit.WAN).amount == Decimal("0.01234567")


def test_round_trip_between_units_is_lossless() -> None:
    original = Money("98765.4321", Unit.YUAN)
    back = original.to(Unit.WAN).to(Unit.YUAN)
    assert back.amount == Decimal("98765.4321")


def test_wan_property_converts() -> None:
    assert Money("14620800", Unit.YUAN).wan == Decimal("1462.08")
    assert Money("30.77").wan == Decimal("30.77")  # 万元 is the default unit


def test_to_same_unit_returns_the_same_amount() -> None:
    money = Money("5.5", "元")
    assert money.to(Unit.YUAN) is money


@pytest.mark.parametrize("bad", [0.1, 1462.08, float("nan")])
def test_floats_are_refused(bad: float) -> None:
    with pytest.raises(ValueError, match="浮点数") as raised:
        Money(bad)
    assert "floats are refused" in str(raised.value)


@pytest.mark.parametrize(
    ("bad", "zh"),
    [
        (True, "布尔值"),
        ("abc", "应为数字"),
        ("NaN", "有限数字"),
        ("Infinity", "有限数字"),
        (None, "应为数字"),
        ([1], "应为数字"),
    ],
)
def test_non_numbers_are_refused_bilingually(bad: object, zh: str) -> None:
    with pytest.raises(ValueError) as raised:
        to_decimal(bad)
    message = str(raised.value)
    assert zh in message and "expected" in message


def test_thousands_separators_are_accepted() -> None:
    assert to_decimal("1,234.5") == Decimal("1234.5")
    assert to_decimal("1，234") == Decimal("1234")
    assert to_decimal(" 42 ") == Decimal(42)


def test_unknown_unit_is_refused() -> None:
    with pytest.raises(ValueError, match="未知的金额单位") as raised:
        Money("1", "美元")
    assert "expected 元 or 万元" in str(raised.value)


@pytest.mark.parametrize("alias", ["万", "万元", "wan", " 万元 "])
def test_unit_aliases(alias: str) -> None:
    assert Unit.parse(alias) is Unit.WAN


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        ("0.125", "0.13万元"),  # 四舍五入, not banker's rounding (which gives 0.12)
        ("0.135", "0.14万元"),
        ("0.124999", "0.12万元"),
        ("-0.125", "-0.13万元"),
        ("1462.08", "1462.08万元"),
        ("1462.1", "1462.10万元"),
        ("2.675", "2.68万元"),
    ],
)
def test_display_rounds_half_up(amount: str, shown: str) -> None:
    assert Money(amount).display() == shown
    assert str(Money(amount)) == shown


def test_display_with_zero_places() -> None:
    assert Money("2.5").display(0) == "3万元"
    assert Money("3.5", "元").display(0) == "4元"


def test_round_half_up_is_for_display_only() -> None:
    money = Money("0.125")
    money.display()
    assert money.amount == Decimal("0.125")
    assert round_half_up(Decimal("0.125")) == Decimal("0.13")
    assert round_half_up(Decimal("0.5"), 0) == Decimal(1)


def test_display_rounding_of_an_amount_longer_than_28_digits() -> None:
    """Found by tests/importers/test_fuzz_text.py: a 40-digit amount in a report made every
    figure display (and so the checks and the web pages) fail with decimal.InvalidOperation."""
    huge = Decimal("9" * 40)
    assert round_half_up(huge) == huge
    assert round_half_up(Decimal("1" * 39 + ".125")) == Decimal("1" * 39 + ".13")
    assert round_half_up(Decimal("1E+400"), 0) == Decimal("1E+400")


def test_equality_across_units() -> None:
    assert Money("1", Unit.WAN) == Money("10000", Unit.YUAN)
    assert Money("1", Unit.WAN) != Money("10000.01", Unit.YUAN)
    assert hash(Money("1", Unit.WAN)) == hash(Money("10000", Unit.YUAN))
    assert len({Money("1"), Money("10000", "元"), Money("1.00")}) == 1


def test_money_is_not_equal_to_a_bare_number() -> None:
    assert Money("1") != 1
    assert Money("1") != Decimal(1)


def test_arithmetic_converts_to_the_left_unit() -> None:
    total = Money("1") + Money("5000", Unit.YUAN)
    assert (total.amount, total.unit) == (Decimal("1.5"), Unit.WAN)
    rest = Money("1", Unit.YUAN) - Money("0.0001", Unit.WAN)
    assert (rest.amount, rest.unit) == (Decimal("0.0000"), Unit.YUAN)


def test_ordering_across_units() -> None:
    assert Money("1", Unit.YUAN) < Money("1", Unit.WAN)
    assert Money("10000", Unit.YUAN) <= Money("1", Unit.WAN)
    assert not Money("10001", Unit.YUAN) <= Money("1", Unit.WAN)


def test_money_is_immutable() -> None:
    money = Money("1")
    with pytest.raises(AttributeError):
        money.amount = Decimal(2)  # type: ignore[misc]
    assert money.amount == Decimal(1)


def test_repr_shows_amount_and_unit() -> None:
    assert repr(Money("1462.08")) == "Money('1462.08', '万元')"


amounts = st.decimals(
    min_value=Decimal("-1e12"),
    max_value=Decimal("1e12"),
    places=4,
    allow_nan=False,
    allow_infinity=False,
)


@given(amounts)
def test_conversion_round_trip_is_exact(amount: Decimal) -> None:
    yuan = Money(amount, Unit.YUAN)
    assert yuan.to(Unit.WAN).to(Unit.YUAN).amount == amount
    assert yuan.to(Unit.WAN) == yuan
    assert Money(amount, Unit.WAN).to(Unit.YUAN).amount == amount * 10000


@given(amounts, amounts)
def test_sum_does_not_depend_on_the_unit_it_is_done_in(a: Decimal, b: Decimal) -> None:
    left = Money(a, Unit.WAN) + Money(b, Unit.YUAN)
    right = Money(b, Unit.YUAN) + Money(a, Unit.WAN)
    assert left == right
    assert left.wan == a + b / 10000


@given(
    st.decimals(
        min_value=Decimal("-1e9"),
        max_value=Decimal("1e9"),
        places=3,
        allow_nan=False,
        allow_infinity=False,
    )
)
def test_display_rounding_is_half_up_away_from_zero(amount: Decimal) -> None:
    shown = Decimal(Money(amount).display().removesuffix("万元"))
    assert abs(shown - amount) <= Decimal("0.005")
    if abs(amount * 1000) % 10 == 5:
        assert abs(shown) > abs(amount)


@pytest.mark.parametrize(
    ("text", "value"),
    [(" 12.50 ", "12.50"), ("1_000", "1000"), ("-0", "-0"), ("１２", "12"), ("1e3", "1E+3")],
)
def test_plain_text_without_separators_reads_as_the_general_path(text: str, value: str) -> None:
    result = to_decimal(text)
    assert result == Decimal(value) and str(result) == str(Decimal(value))


@pytest.mark.parametrize("bad", ["abc", "", " ", "NaN", "Infinity", "-inf", "sNaN"])
def test_plain_text_that_is_no_finite_number_is_refused_with_its_reason(bad: str) -> None:
    with pytest.raises(ValueError, match="应为"):
        to_decimal(bad)
