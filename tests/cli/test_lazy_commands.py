"""The CLI imports only the command it runs; its help lists every command from a table that
stays in step with the commands' own help."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from jixiao.cli.main import COMMANDS, app, load_commands

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "wanzai-2021" / "dossier.yaml"


def _cli_modules_after(args: list[str]) -> list[str]:
    """The jixiao.cli modules a fresh process has imported after running *args*."""
    code = (
        "import json, sys\n"
        "from typer.testing import CliRunner\n"
        "from jixiao.cli.main import app\n"
        f"CliRunner().invoke(app, {args!r})\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('jixiao.cli'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return json.loads(done.stdout.splitlines()[-1])


def test_help_imports_no_command_module():
    assert _cli_modules_after(["--help"]) == ["jixiao.cli", "jixiao.cli.main"]


def test_a_command_imports_its_own_module_only():
    loaded = _cli_modules_after(["check", str(SEED)])
    assert "jixiao.cli.evaluation" in loaded
    for other in ("report", "web", "importing", "catalogue", "demo", "frameworks"):
        assert f"jixiao.cli.{other}" not in loaded, other


def test_the_table_names_every_command_with_its_own_one_line_help():
    registered = {}
    for module in sorted({module for module, _ in COMMANDS.values()}):
        registered.update(load_commands(module))
    assert set(registered) == set(COMMANDS)
    for name, (module, summary) in COMMANDS.items():
        assert name in load_commands(module), name
        assert registered[name].get_short_help_str(limit=1000) == summary, name


def test_help_lists_every_command_and_a_typo_is_matched_against_all():
    runner = CliRunner()
    listing = runner.invoke(app, ["--help"]).output
    for name in COMMANDS:
        assert name in listing
    typo = runner.invoke(app, ["verfy"])
    assert typo.exit_code == 2 and "verify" in typo.output


def test_a_loaded_command_runs_with_its_options():
    result = CliRunner().invoke(app, ["check", str(SEED), "--json"])
    assert result.exit_code in (0, 1)
    assert json.loads(result.output)["findings"] is not None
