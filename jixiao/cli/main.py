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

# Command modules register themselves below, one line each.
from jixiao.cli import evaluation, frameworks, report  # noqa: E402

evaluation.register(app)
frameworks.register(app)
report.register(app)
from jixiao.cli import importing  # noqa: E402

importing.register(app)

from jixiao.cli import web  # noqa: E402

web.register(app)
