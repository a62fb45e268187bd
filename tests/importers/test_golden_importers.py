"""Golden files: the importer's output on every corpus excerpt (and the seed), as normalised JSON.

Regenerate with JIXIAO_REGENERATE_GOLDEN=1 (``make golden``) and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from golden_support import assert_golden, normalised_json

from benchmarks.eval_import import splits
from jixiao.cli.importing import import_json
from jixiao.importers.text import import_text

from .conftest import SEED_REPORT, corpus_text

# Held-out excerpts have no golden file: reviewing their output would be reading them.
NAMES = splits()["dev"]


@pytest.mark.parametrize("name", NAMES)
def test_golden_corpus_import(name: str) -> None:
    result = import_text(corpus_text(name), file=f"{name}.txt")
    assert_golden(normalised_json(import_json(result)), f"importers/{name}.json")


def test_golden_seed_import() -> None:
    text = Path(SEED_REPORT).read_text(encoding="utf-8")
    result = import_text(text, file="original-report.txt")
    assert_golden(normalised_json(import_json(result)), "importers/wanzai-2021.json")
