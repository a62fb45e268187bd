"""Every importer finding id used in the code is catalogued, and the document is current."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from jixiao.importers.catalogue import CATALOGUE, render

from .conftest import REPO


def test_every_id_in_the_code_is_catalogued_with_its_level() -> None:
    used: dict[str, set[str]] = {}
    for path in (REPO / "jixiao" / "importers").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r'"(import\.[WIE]\d{3})",\s*"(warning|info|error)"', text):
            used.setdefault(match.group(1), set()).add(match.group(2))
    assert used
    for finding_id, levels in used.items():
        assert finding_id in CATALOGUE, finding_id
        assert levels == {CATALOGUE[finding_id][0]}, finding_id
        assert {"W": "warning", "I": "info", "E": "error"}[finding_id[7]] == CATALOGUE[finding_id][
            0
        ]


def test_document_is_generated_from_the_catalogue() -> None:
    assert render() in Path(REPO / "docs" / "findings.md").read_text(encoding="utf-8")


def test_every_catalogued_id_is_used() -> None:
    code = "".join(
        p.read_text(encoding="utf-8")
        for p in (REPO / "jixiao" / "importers").glob("*.py")
        if p.name != "catalogue.py"
    )
    for finding_id in CATALOGUE:
        assert f'"{finding_id}"' in code, finding_id


def _hint_of(call: ast.Call) -> ast.expr | None:
    hint = call.args[3] if len(call.args) > 3 else None
    return next((k.value for k in call.keywords if k.arg == "hint"), hint)


def test_every_importer_hint_is_given_in_chinese_and_english() -> None:
    """A hint is written "中文 / English", as the message, so each language shows its own half."""
    for path in (REPO / "jixiao" / "importers").glob("*.py"):
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and call.func.attr == "add"
                and call.args
                and isinstance(call.args[0], ast.Constant)
                and str(call.args[0].value).startswith("import.")
            ):
                continue
            hint = _hint_of(call)
            if hint is not None:
                assert " / " in ast.unparse(hint), f"{path.name}:{call.lineno}"
