"""Fuzzing the text importer with report-like text: a draft with findings, or InputError.

The texts are built from the seed report's own lines and clauses, shuffled and cut, with numbers
in every form a report uses (万元/元/人/%, full-width digits, thousands separators, Chinese
numerals) and random characters between them, so that the readers' patterns actually fire.
"""

from __future__ import annotations

import re

import pytest
from fuzzing import assert_usable, examples, within
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.core.errors import InputError
from jixiao.importers.text import import_text

from .conftest import SEED_REPORT

pytestmark = pytest.mark.fuzz

SEED = SEED_REPORT.read_text(encoding="utf-8")
LINES = [line for line in SEED.splitlines() if line.strip()]
CLAUSES = [part for part in re.split(r"(?<=[，。；：,;])", SEED) if part.strip()]
FULL_WIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")

digits = st.one_of(
    st.integers(0, 10**7).map(str),
    st.decimals(-(10**6), 10**9, places=2, allow_nan=False).map(str),
    st.integers(0, 10**9).map(lambda n: f"{n:,}"),
    st.sampled_from(["1e400", "NaN", "Infinity", "0.", ".5", "9" * 40, "-0", "１２３"]),
)
numbers = st.builds(
    lambda number, unit, full_width: (
        (number + unit).translate(FULL_WIDTH) if full_width else number + unit
    ),
    digits,
    st.sampled_from(["万元", "元", "人", "%", "个", "亿元", "名", "", "万", "年"]),
    st.booleans(),
)
noise = st.text(
    st.one_of(
        st.characters(blacklist_categories=("Cs",)),
        st.sampled_from(list("一二三四五六七八九十百千万（）()：:，。；、 \t\n其中合计")),
    ),
    max_size=12,
)


@st.composite
def reportish(draw: st.DrawFn) -> str:
    pieces = draw(
        st.lists(
            st.one_of(st.sampled_from(LINES), st.sampled_from(CLAUSES), numbers, noise),
            max_size=40,
        )
    )
    joiners = draw(st.lists(st.sampled_from(["", "\n", "，", " "]), min_size=len(pieces)))
    return "".join(p + j for p, j in zip(pieces, joiners, strict=False))


def imports_or_refuses(text: str) -> None:
    """The property: a usable draft whose findings are import findings, or InputError."""
    with within(20):
        try:
            result = import_text(text, file="fuzz.txt")
        except InputError as error:
            assert error.problems and str(error)
            return
        assert_usable(result.dossier)
    for finding in result.findings:
        assert finding.id.startswith("import.") and finding.message


@settings(max_examples=examples(60))
@given(reportish())
def test_report_fragments_and_numbers(text: str) -> None:
    imports_or_refuses(text)


@settings(max_examples=examples(40))
@given(reportish())
def test_seed_title_then_fragments(text: str) -> None:
    imports_or_refuses(LINES[0] + "\n" + LINES[1] + "\n" + text)


@settings(max_examples=examples(30))
@given(st.data())
def test_seed_with_its_numbers_replaced(data: st.DataObject) -> None:
    """Every number of the real report may become any other number, in any width."""
    text = re.sub(
        r"\d+(?:\.\d+)?",
        lambda match: data.draw(st.one_of(st.just(match.group()), digits)).translate(
            FULL_WIDTH if data.draw(st.booleans()) else {}
        ),
        SEED,
        count=data.draw(st.integers(1, 80)),
    )
    imports_or_refuses(text)


def test_a_forty_digit_amount_imports_and_displays() -> None:
    """The first find: 30.77 → 40 nines made every figure display fail (InvalidOperation)."""
    imports_or_refuses(SEED.replace("30.77", "9" * 40))
