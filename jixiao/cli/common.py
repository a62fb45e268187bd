"""Shared CLI plumbing: loading inputs with clear errors (exit 2), JSON output, the console."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from jixiao.core.dossier import Dossier
from jixiao.core.errors import InputError
from jixiao.core.framework import Framework
from jixiao.core.ledgers import LedgerSet
from jixiao.core.pipeline import Result
from jixiao.frameworks import evaluate_with, load_framework
from jixiao.importers.ledgers import ledgers_for
from jixiao.io.dossiers import load_dossier

EXIT_OK, EXIT_FINDINGS, EXIT_UNREADABLE = 0, 1, 2

console = Console(highlight=False, soft_wrap=True)
errors = Console(stderr=True, highlight=False, soft_wrap=True)

FrameworkOption = typer.Option(
    None, "--framework", "-F", help="评价框架 id 或 .yaml 路径 / framework id or pack path"
)
JsonOption = typer.Option(False, "--json", help="输出 JSON / machine-readable JSON")
LedgersOption = typer.Option(
    None,
    "--ledgers",
    help="台账文件夹；默认取档案旁的 ledgers/ 文件夹 / ledger folder (default: ledgers/ beside the dossier)",
    show_default=False,
)


def fail(error: InputError | str) -> NoReturn:
    errors.print(f"[bold red]错误 error[/]: {escape(str(error))}", markup=True)
    raise typer.Exit(EXIT_UNREADABLE)


def read_dossier(path: Path) -> Dossier:
    try:
        return load_dossier(path)
    except InputError as error:
        fail(error)


def read_framework(framework: str | None) -> Framework:
    try:
        return load_framework(framework)
    except InputError as error:
        fail(error)


def read_ledgers(dossier_path: Path, folder: Path | None = None) -> LedgerSet | None:
    """The dossier's ledgers (--ledgers DIR, or ledgers/ beside it); exit 2 on a bad file."""
    try:
        return ledgers_for(dossier_path, folder)
    except InputError as error:
        fail(error)


def run(path: Path, framework: str | None, ledgers: Path | None = None) -> Result:
    dossier = read_dossier(path)
    return evaluate_with(dossier, read_framework(framework), ledgers=read_ledgers(path, ledgers))


def json_default(value: object) -> str:
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def emit_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=json_default))


def text(value: Decimal | None) -> str | None:
    from jixiao.core.figures import format_number

    return None if value is None else format_number(value)
