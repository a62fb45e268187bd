"""Every Django system check a settings module silences is explained in docs/findings.md (through
jixiao.cli.catalogue), and the explanation names no check that is not silenced anywhere."""

from __future__ import annotations

import ast
from pathlib import Path

from jixiao.cli.catalogue import SILENCED_SYSTEM_CHECKS

REPO = Path(__file__).resolve().parents[2]
SETTINGS = [
    *sorted((REPO / "jixiao/web/settings").glob("*.py")),
    REPO / "benchmarks/web_settings.py",
]


def _silenced(path: Path) -> set[str]:
    checks: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "SILENCED_SYSTEM_CHECKS"
            for target in node.targets
        ):
            checks |= {element.value for element in node.value.elts}  # type: ignore[attr-defined]
    return checks


def test_every_silenced_system_check_is_explained_in_the_catalogue():
    silenced = set().union(*(_silenced(path) for path in SETTINGS))
    assert silenced == {"axes.W003", "security.W021"}
    assert silenced == set(SILENCED_SYSTEM_CHECKS)
    document = (REPO / "docs/findings.md").read_text(encoding="utf-8")
    for check in silenced:
        assert f"`{check}`" in document
