"""Fixtures for the importer tests: the seed report, corpus excerpts, small report texts."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEED_REPORT = REPO / "examples" / "wanzai-2021" / "original-report.txt"
SEED_DOSSIER = REPO / "examples" / "wanzai-2021" / "dossier.yaml"
CORPUS = REPO / "tests" / "fixtures" / "corpus"

if str(REPO) not in sys.path:  # benchmarks/ (the corpus evaluation) is not an installed package
    sys.path.insert(0, str(REPO))


@pytest.fixture
def seed_text() -> str:
    return SEED_REPORT.read_text(encoding="utf-8")


def corpus_text(name: str) -> str:
    from benchmarks.eval_import import report_text

    return report_text(CORPUS / f"{name}.txt")
