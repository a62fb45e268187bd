"""Wording classes of set w28 (forms only, pasted in further ways), each with variants written
for the test, including ones that must not be read."""

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

TITLE = "某县统计局2023年度部门整体支出绩效自评表\n"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            "人员编制数（名）\t38\t实有人数（人）\t52\n其中：在职（人）\t36\t退休（人）\t16\n",
            {"authorized": "38", "actual_total": "52", "in_service": "36", "retired": "16"},
        ),
        ("在职（人）\t41\t退休（名）\t9\n", {"in_service": "41", "retired": "9"}),
        ("编制数\t20\t实有人数\t25\n\t\t其中：在职(人)\t19\t离休(人)\t0\n", None),
        ("在职（人）\t30\t离退休（人）\t12\n", {"in_service": "30", "retired": "12"}),
    ],
)
def test_a_bare_role_with_its_unit_in_brackets_is_a_pair_key(
    rows: str, expected: dict[str, str] | None
) -> None:
    figures = claimed_figures(import_text(TITLE + rows))
    staffing = {
        k.removeprefix("staffing."): v for k, v in figures.items() if k.startswith("staffing.")
    }
    if expected is None:
        assert staffing.get("in_service") == "19"
    else:
        assert staffing == expected


@pytest.mark.parametrize(
    "rows",
    [
        "在职\t36\t退休\t16\n",  # no unit: a bare word in a row of numbers names no head-count
        "在职（万元）\t36\t退休（万元）\t16\n",  # money, not people
        "在职（人）：29\n",  # a key：value line alone: only as the split of a 实有 line above it
    ],
)
def test_a_bare_role_without_a_head_count_unit_is_not_a_pair_key(rows: str) -> None:
    figures = claimed_figures(import_text(TITLE + rows))
    assert not [k for k in figures if k.startswith("staffing.")]
