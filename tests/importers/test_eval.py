"""The corpus evaluation meets its goals, and writes only its own section of BENCHMARKS.md."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path
from typing import Any

from benchmarks.eval_import import (
    CORPUS,
    END,
    GOALS,
    START,
    Score,
    evaluate,
    noted_inconsistencies,
    render,
    render_splits,
    splits,
    surfaced,
    truth_figures,
    write_section,
)
from jixiao.core.dossier import Source
from jixiao.core.findings import Finding, Level, Where


def test_dev_split_evaluation_meets_the_goals() -> None:
    summary = evaluate(repeat=1, names=splits()["dev"])
    assert summary["precision"] >= GOALS["precision"], render(summary)
    assert summary["recall"] >= GOALS["recall"], render(summary)
    assert not summary["failures"], render(summary)  # time: BENCHMARKS.md, not a unit test
    assert (
        summary["tp"] >= 25
    )  # the corpus states at least this many figures the importer must read


def test_held_out_split_imports_without_failure() -> None:
    # Only what does not tune on its figures: every held-out report imports. (Its time is a
    # benchmark's business, `make eval-import` → BENCHMARKS.md, not a wall-clock unit test's.)
    summary = evaluate(repeat=1, names=splits()["held_out"])
    assert not summary["failures"]


def test_splits_are_frozen_disjoint_and_cover_the_corpus() -> None:
    split = splits()
    corpus = {path.stem for path in CORPUS.glob("*.txt")}
    assert not set(split["dev"]) & set(split["held_out"])
    assert set(split["dev"]) | set(split["held_out"]) == corpus
    rest = ["01", "02", "04", "05", "07", "08", "10", "11", "13", "14"]
    drawn = sorted(random.Random(9).sample(rest, 9))
    for number in HELD_OUT_SETS:  # from w18 on: three of each new set, drawn before its first run
        members = [f"w{number}-{index:02d}" for index in range(1, 9)]
        drawn += sorted(random.Random(number).sample(members, 3))
    assert drawn == split["held_out"]


# the hand-written sets with reports drawn into held-out (splits.json's method)
HELD_OUT_SETS = tuple(range(18, 115))  # w18 … w114


def _summary(report: str, error: str) -> dict[str, Any]:
    row = {"report": report, "truth": 2, "read": 1, "tp": 1, "fp": 0, "precision": 1.0}
    row |= {"recall": 0.5, "figures_precision": 1.0, "ms": 1.0, "failure": "", "errors": [error]}
    row |= {"noted": 2, "surfaced": 1}
    return {
        "rows": [row],
        "precision": 1.0,
        "recall": 0.5,
        "figures_precision": 1.0,
        "figures_recall": 0.5,
        "median_ms": 1.0,
        "tp": 1,
        "fp": 0,
        "fn": 1,
        "failures": 0,
        "noted": 2,
        "surfaced": 1,
        "surfaced_share": 0.5,
    }


def test_both_splits_and_their_gap_are_rendered_held_out_differences_unlisted() -> None:
    summaries = {
        "dev": _summary("d1", "score.self: missed 90"),
        "held_out": _summary("h1", "staffing.retired: missed 7"),
    }
    text = render_splits(summaries)
    assert "### Dev split" in text and "### Held-out split" in text
    assert "| **gap (dev − held-out)** | | +0.000 | +0.000 |" in text
    assert "d1: score.self: missed 90" in text
    assert "missed 7" not in text and "Differences: 1 (not listed" in text
    assert "| dev | 1 | 1.000 | 0.500 | 1 of 2 | 0 | 1.0 |" in text  # inconsistencies surfaced


# Inconsistencies the dev split's reports note that the importer does not surface yet (see
# docs/importing.md "Known limits"). Any other unsurfaced note fails, and so does one of these once
# surfaced (remove it from here then).
NOT_YET_SURFACED: set[str] = {
    "w46-05",
    "w46-07",
    "w49-06",
    "w56-02",
    "w61-07",  # a title year against a prose clause's: the year labels amounts with commas
    "w69-07",  # a form's caption year against the title's, the form's rows set aside with it
    "w77-07",  # a score table captioned with the year before the body's
    "w78-07",  # an attached form one cell a line headed with the year before the title's
    "w80-02",  # a Markdown table's 基本 + 项目 in 元 against its 合计 (36,000.00 apart)
    # forms only, first run at the end of the session (w85–w90), not read yet
    "w85-03",
    "w87-05",
    "w87-07",
    "w88-05",
    "w89-04",
    # w91–w96
    "w92-03",  # a project budget's sources against its stated total, in a table
    "w98-04",  # the units' rows of a table against its 合计 (the 基本 + 项目 cut holds)
    "w105-07",  # an attached form headed with the year before, its rows unread (a year per column)
    "w110-02",  # a table of sources in 元 against its 合计 row
    "w110-06",  # a table captioned with the year before, its figures the prose's
    "w112-05",  # a filled-in rate its budget and spending contradict
    "w113-02",  # a part's slash pair against its stated rate
}  # forms not read whole yet


def test_dev_split_surfaces_every_noted_inconsistency_with_a_place_in_the_text() -> None:
    summary = evaluate(repeat=1, names=splits()["dev"])
    missed = {row["report"] for row in summary["rows"] if row["surfaced"] < row["noted"]}
    assert summary["noted"] >= 2 and missed == NOT_YET_SURFACED, render(summary)


def test_a_noted_inconsistency_is_surfaced_only_by_a_finding_with_a_place_quoting_its_figures() -> (
    None
):
    note = "DOES NOT ADD UP: 预算 300 + 其他 40 − 支出 310 → 30 should remain, yet 结余 20."
    assert noted_inconsistencies({"consistency_notes": ["OK: 1 + 1 = 2.", note]}) == [note]
    place = Where("executed.carryover_end", Source(file="r.txt", locator="第2段"))
    quoting = Finding("budget.W006", Level.WARNING, "应结余30万元，报告写20万元", where=place)
    assert surfaced(note, [quoting])
    assert not surfaced(note, [replace(quoting, where=Where("executed.carryover_end"))])
    assert not surfaced(note, [replace(quoting, message="应结余30万元")])  # one figure only


def test_truth_excludes_nulls_and_derived() -> None:
    truth = {
        "staffing": {"authorized": None, "in_service": 24},
        "derived": {"x": 1},
        "score": None,
        "actual_expenditure": {"total_wan": 76.36},
        "execution": {"spent_wan": 76.36},
    }
    assert truth_figures(truth) == {"staffing.in_service": "24", "executed.total": "76.36"}


def test_scoring_counts_wrong_values_against_both_measures() -> None:
    score = Score()
    score.add({"a": "1", "b": "2", "c": "3"}, {"a": "1", "b": "5", "d": "4"})
    assert (score.tp, score.fp, score.fn) == (1, 2, 2)


def test_section_is_replaced_between_markers(tmp_path: Path) -> None:
    path = tmp_path / "B.md"
    path.write_text(f"# Benchmarks\n\nother\n\n{START}\nold\n{END}\n\ntail\n", encoding="utf-8")
    write_section("new", path)
    text = path.read_text(encoding="utf-8")
    assert (
        "old" not in text
        and "new" in text
        and text.startswith("# Benchmarks\n\nother")
        and text.endswith("tail\n")
    )
