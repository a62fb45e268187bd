"""Golden-file comparison for tests: compare text with a stored file, show a unified diff.

Set ``JIXIAO_REGENERATE_GOLDEN=1`` to (re)write the stored files from the current output
instead of comparing; review the resulting ``git diff`` before committing it.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path
from typing import Any

GOLDEN_DIR = Path(__file__).parent / "golden"
REGENERATE_ENV = "JIXIAO_REGENERATE_GOLDEN"


def regenerating() -> bool:
    return os.environ.get(REGENERATE_ENV, "") not in ("", "0")


def normalised_json(data: Any) -> str:
    """Stable text for JSON data: sorted keys, two-space indent, Chinese kept readable."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def assert_golden(actual: str, relative_path: str) -> None:
    """Compare *actual* with tests/golden/<relative_path>; on mismatch fail with a unified diff."""
    path = GOLDEN_DIR / relative_path
    if regenerating():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        raise AssertionError(
            f"golden file {path} is missing; run the tests with {REGENERATE_ENV}=1 to create it"
        )
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                fromfile=f"golden/{relative_path}",
                tofile="actual",
            )
        )
        raise AssertionError(
            f"output differs from golden/{relative_path} "
            f"(if the change is intended, rerun with {REGENERATE_ENV}=1 and review git diff):\n{diff}"
        )
