"""docs/security.md names, for each promise, the tests that prove it: every file and every
``::test`` it names must exist, so a renamed or deleted test cannot leave a promise unproved
on paper."""

from __future__ import annotations

import ast
import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
DOC = TESTS.parent / "docs" / "security.md"
REFERENCE = re.compile(r"`([\w/]+\.py)((?:::\w+)?)`|`::(\w+)`")


def _references() -> list[tuple[str, str]]:
    """(file, test name or "") in the order the doc names them; a bare ``::name`` belongs to the
    file named last before it in the same table row."""
    found: list[tuple[str, str]] = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        current = ""
        for match in REFERENCE.finditer(line):
            path, name, bare = match.groups()
            if path:
                current = path
                found.append((path, name.removeprefix("::")))
            elif current:
                found.append((current, bare))
    return found


def _functions(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}


def test_the_doc_names_tests_that_exist() -> None:
    references = _references()
    assert len(references) > 60  # the tables were read, not skipped
    missing = []
    for path, name in references:
        if path == "conftest.py":
            continue
        file = TESTS / path
        if not file.is_file():
            missing.append(path)
        elif name and name not in _functions(file):
            missing.append(f"{path}::{name}")
    assert not missing, missing
