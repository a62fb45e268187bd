"""Shared fixtures for the core and CLI tests: the seed dossier and small hand-made dossiers.

``make_dossier(**overrides)`` builds a minimal valid Dossier from plain data (the same path a
YAML file takes), replacing top-level sections by the keyword arguments; an override of
``None`` removes that section. tests/ is put on sys.path so tests can import golden_support.

Hypothesis profiles (the fuzz tests: tests/*/test_fuzz_*.py, marked ``fuzz``): ``ci`` is the
default: derandomised (the same examples on every run, so CI never turns red by chance), no
example database, a per-example deadline, and few examples, so that every fuzz test together
runs in well under two minutes on two cores. ``deep`` is for hunting locally: random seeds, ten
times the examples (``fuzzing.examples``), the example database on; choose it with ``JIXIAO_FUZZ=deep`` (e.g.
``JIXIAO_FUZZ=deep .venv/bin/python -m pytest -m fuzz``). Fuzz tests size their example counts with
``fuzzing.examples(n)``, which scales with the profile; a failing example is kept as ``@example``.
"""

from __future__ import annotations

import copy
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

TESTS_DIR = Path(__file__).parent
REPO_ROOT = TESTS_DIR.parent
SEED_PATH = REPO_ROOT / "examples" / "wanzai-2021" / "dossier.yaml"

if str(TESTS_DIR) not in sys.path:
    sys.path.insert(0, str(TESTS_DIR))

settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=5000,  # ms per example; a hang is caught by fuzzing.within()'s alarm
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "deep",
    derandomize=False,
    deadline=20000,
    max_examples=1000,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("JIXIAO_FUZZ", "ci"))

MINIMAL_DATA: dict[str, Any] = {"year": 2021, "profile": {"name": "测试局"}}


def build_dossier(base: dict[str, Any] | None = None, **overrides: Any) -> Any:
    from jixiao.core.dossier import dossier_from_data

    data = copy.deepcopy(base if base is not None else MINIMAL_DATA)
    for key, value in overrides.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = copy.deepcopy(value)
    return dossier_from_data(data)


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED_PATH


@pytest.fixture(scope="session")
def seed_dossier(seed_path: Path) -> Any:
    from jixiao.io.dossiers import load_dossier

    return load_dossier(seed_path)


@pytest.fixture
def make_dossier() -> Callable[..., Any]:
    return build_dossier
