"""The corpus evaluation meets its goals, and writes only its own section of BENCHMARKS.md."""

from __future__ import annotations

from pathlib import Path

from benchmarks.eval_import import (
    END,
    GOALS,
    START,
    Score,
    evaluate,
    render,
    truth_figures,
    write_section,
)


def test_corpus_evaluation_meets_the_goals() -> None:
    summary = evaluate(repeat=1)
    assert summary["precision"] >= GOALS["precision"], render(summary)
    assert summary["recall"] >= GOALS["recall"], render(summary)
    assert summary["median_ms"] < GOALS["ms"], render(summary)
    assert (
        summary["tp"] >= 25
    )  # the corpus states at least this many figures the importer must read


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
