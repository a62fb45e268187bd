"""The ``jixiao`` command: one Typer app; each command module adds its commands here."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="jixiao",
    help="jixiao 绩效 — 部门整体支出绩效评价 / department-wide expenditure performance evaluation.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Each command module registers its commands on the app.
from jixiao.cli import (  # noqa: E402
    catalogue,
    demo,
    evaluation,
    frameworks,
    importing,
    ledgers,
    report,
    web,
)

for module in (evaluation, frameworks, report, importing, ledgers, catalogue, demo, web):
    module.register(app)


if __name__ == "__main__":  # `python -m jixiao.cli.main`: how serve starts its worker process
    app()
