"""Golden files for the CLI's machine-readable output on the seed: `check --json` (the seed's
findings) and `score --framework hunan-2019 --json` (the Hunan score items)."""

from __future__ import annotations

import json
from pathlib import Path

from golden_support import assert_golden, normalised_json
from typer.testing import CliRunner

from jixiao.cli.main import app

runner = CliRunner()


def cli_json(*args: str) -> tuple[int, object]:
    result = runner.invoke(app, list(args))
    return result.exit_code, json.loads(result.stdout)


def test_seed_check_json_matches_golden(seed_path: Path) -> None:
    code, data = cli_json("check", str(seed_path), "--json")
    assert code == 0
    assert_golden(normalised_json(data), "core/seed-check.json")


def test_seed_hunan_score_items_match_golden(seed_path: Path) -> None:
    code, data = cli_json("score", str(seed_path), "--framework", "hunan-2019", "--json")
    assert code == 0
    assert_golden(normalised_json(data), "core/seed-score-hunan-2019.json")
