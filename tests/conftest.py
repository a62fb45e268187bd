"""Shared fixtures for the core and CLI tests: the seed dossier and small hand-made dossiers.

``make_dossier(**overrides)`` builds a minimal valid Dossier from plain data (the same path a
YAML file takes), replacing top-level sections by the keyword arguments; an override of
``None`` removes that section. tests/ is put on sys.path so tests can import golden_support.
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

TESTS_DIR = Path(__file__).parent
REPO_ROOT = TESTS_DIR.parent
SEED_PATH = REPO_ROOT / "examples" / "wanzai-2021" / "dossier.yaml"

if str(TESTS_DIR) not in sys.path:
    sys.path.insert(0, str(TESTS_DIR))

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
