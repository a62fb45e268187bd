"""Forms made by combination (benchmarks/form_combinations.py), a fixed sample: every pasting the
importer rebuilds whole reads every figure of every form drawn in it, and no pasting reads a
wrong figure. The forms are drawn from independent choices, so a new combination of a title, a
row, a unit and a pasting is met here before a department's report meets it.
"""

from __future__ import annotations

import pytest

from benchmarks.form_combinations import CHOICES, Form, Tally, forms, read

SAMPLE = forms(240, seed=7)
# the pastings read whole: every figure of every form drawn as a table in them
WHOLE = ("tabs", "tabs_repeated", "markdown", "csv", "grid")


def _amounts_wrapped(form: Form) -> bool:
    """A PDF's or an OCR's narrow columns wrap an amount over two lines ("3,530," / "000.00"):
    a known limit (docs/importing.md), its first piece may be read as the amount."""
    return form.choices["pasting"] in ("ocr", "spaces_wrapped") and (
        form.choices["pdf_columns"] == "narrow"
    )


def _ids(form: Form) -> str:
    names = ("pasting", "rows", "unit", "staffing", "money_header", "column_order")
    return "-".join(form.choices[name] for name in names)


@pytest.mark.parametrize(
    "form",
    [
        f
        for f in SAMPLE
        if f.choices["pasting"] in WHOLE
        and f.choices["layout"] == "table"
        # the form's head fields as rows of the table itself: read in most combinations, not
        # yet all (BENCHMARKS.md, "inside_rows")
        and f.choices["inside_rows"] in ("none", "goals")
        # a CSV export of a header on two rows: read in part (docs/importing.md, Known limits)
        and not (f.choices["pasting"] == "csv" and f.choices["money_header"] == "two_rows")
    ],
    ids=_ids,
)
def test_a_table_pasted_a_way_read_whole_gives_every_figure(form: Form) -> None:
    predicted = read(form)
    missed = {key: value for key, value in form.truth.items() if predicted.get(key) != value}
    assert not missed, (form.text, missed, predicted)


def test_no_pasting_reads_a_wrong_figure() -> None:
    wrong = []
    for form in [f for f in SAMPLE if not _amounts_wrapped(f)]:
        predicted = read(form)
        wrong += [
            (form.choices["pasting"], k, v) for k, v in predicted.items() if form.truth.get(k) != v
        ]
    assert not wrong


def test_the_sample_draws_every_value_of_every_choice() -> None:
    drawn = {(name, form.choices[name]) for form in SAMPLE for name in CHOICES}
    assert drawn >= {(name, value) for name, values in CHOICES.items() for value in values}


def test_a_form_s_truth_holds_its_own_arithmetic() -> None:
    for form in SAMPLE:
        truth = form.truth
        if "budget.basic" in truth:
            parts = [truth["budget.basic"], truth["budget.project"]]
            assert sum(map(float, parts)) == pytest.approx(float(truth["budget.total"]))
        if "staffing.actual_total" in truth:
            assert int(truth["staffing.actual_total"]) == int(truth["staffing.in_service"]) + int(
                truth["staffing.retired"]
            )


def test_a_tally_counts_a_wrong_value_against_both_measures() -> None:
    tally = Tally()
    tally.add(
        {"budget.total": "10", "executed.total": "9"}, {"budget.total": "10", "executed.total": "8"}
    )
    assert (tally.tp, tally.fp, tally.fn) == (1, 1, 1)
