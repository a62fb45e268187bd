"""When a stated figure agrees with the one computed from its inputs (jixiao.core.checks.differs):
rounded half up to the places it is written with, or rounded twice (a worksheet's extra place
retyped), never anything further off."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.core.checks import differs


@pytest.mark.parametrize(
    ("stated", "computed", "agrees"),
    [
        ("83", "83.3333", True),
        ("83.33", "83.3333", True),
        ("84", "83.3333", False),
        ("96.37", "96.3749", True),  # rounded once
        ("96.38", "96.3749", True),  # rounded twice: 96.375, then 96.38
        ("96.39", "96.3749", False),
        ("96.38", "96.3740", False),  # 96.374 rounds to 96.37 either way
        ("95.5", "93.50", False),
    ],
)
def test_a_stated_figure_agrees_rounded_once_or_twice(
    stated: str, computed: str, agrees: bool
) -> None:
    assert differs(Decimal(stated), Decimal(computed)) is not agrees
