"""Classes of the w17 first run (tests/fixtures/corpus/w17-07), each pinned by variants written
for these tests (not copied from any report, nor from the corpus files): the figures each must
give, and nothing else (precision first). Each class has variants that must NOT be read.

Classes: a form's 实有 key：value line split by role on the lines after it, the role word bare
with its unit in brackets ("其中：在职（人）：30" / "退休（人）：6").
"""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

BUREAU = "某县统计局2022年度部门整体支出绩效自评报告\n一、基本情况\n"


def staffing(text: str) -> dict[str, str]:
    figures = claimed_figures(import_text(BUREAU + text))
    return {k: v for k, v in figures.items() if k.startswith("staffing.")}


# ── 1. 实有 key：value line, split by bare role words on the lines after it ──────────────────

KEYED_SPLIT = [
    (
        "编制人数（名）：30\n实有人数（人）：36\n其中：在职（人）：29\n　　退休（人）：7\n",
        {"staffing.in_service": "29", "staffing.retired": "7"},
    ),
    (
        "实有人数（名）：21\n其中在职（名）：18\n离休（名）：1\n退休（名）：2\n",
        {"staffing.in_service": "18", "staffing.retired": "2"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), KEYED_SPLIT)
def test_a_keyed_actual_count_split_by_role_on_the_lines_after_it(text, expected):
    got = staffing(text)
    for key, value in expected.items():
        assert got.get(key) == value


NOT_KEYED_SPLIT = [
    # the parts do not add up to the 实有 count
    "实有人数（人）：36\n其中：在职（人）：29\n　　退休（人）：5\n",
    # the first part does not open on 其中: not a split of the line before
    "实有人数（人）：36\n在职（人）：29\n退休（人）：7\n",
    # a role twice
    "实有人数（人）：36\n其中：在职（人）：29\n在职（人）：7\n",
    # under a quota, not a 实有 count
    "编制人数（名）：36\n其中：在职（人）：29\n退休（人）：7\n",
]


@pytest.mark.parametrize("text", NOT_KEYED_SPLIT)
def test_a_keyed_split_that_is_not_one_is_not_read(text):
    got = staffing(text)
    assert "staffing.in_service" not in got
    assert "staffing.retired" not in got
