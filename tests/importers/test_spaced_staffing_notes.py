"""A form's staffing row laid out with runs of spaces whose count carries its split as a bracketed
note set apart by spaces ("编制数      50   （行政28  事业22）   实有人数   73"): the note stays in
the count's cell, so the pairs after it still line up. Variants written for the test."""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

TITLE = "某镇人民政府2023年度部门整体支出绩效自评表\n"
FOUR = {"authorized": "36", "actual_total": "41", "in_service": "29", "retired": "12"}


def _staffing(body: str) -> dict[str, str]:
    figures = claimed_figures(import_text(TITLE + body))
    return {
        key.split(".")[1]: value for key, value in figures.items() if key.startswith("staffing.")
    }


NOTED = [
    # the note after a bare count, spaces inside it, the roles on the next line
    "  人员情况      编制数     36   （行政30  事业6）   实有人数   41\n"
    "                在职人数   29                         退休人数   12\n",
    # the note after a count with its unit, other titles, all on one line
    "人员情况    核定编制   36人  (参公编制30  工勤6)    实有人员   41人    在职人员   29人   退休人员   12人\n",
    # a note that is words alone
    "编制数    36   (含工勤  6名)    实有人数    41\n在职    29     退休    12\n",
]


@pytest.mark.parametrize("body", NOTED)
def test_a_spaced_count_with_its_bracketed_note_keeps_the_pairs_in_line(body: str) -> None:
    assert _staffing(body) == FOUR


def test_a_note_whose_parts_miss_the_count_leaves_the_count_unread() -> None:
    body = "人员情况    核定编制   36人  (参公编制30  工勤5)    实有人员   41人    在职人员   29人   退休人员   12人\n"
    got = _staffing(body)
    assert "authorized" not in got
    assert {k: got[k] for k in ("actual_total", "in_service", "retired")} == {
        k: FOUR[k] for k in ("actual_total", "in_service", "retired")
    }
