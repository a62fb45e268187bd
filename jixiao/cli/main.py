"""The ``jixiao`` command: one Typer app whose commands are loaded when they run.

Each command module registers its commands on a Typer app (``register(app)``); :data:`COMMANDS`
names the module of each command and its one-line help. ``jixiao --help`` lists them from that
table without importing a command module, and ``jixiao check …`` imports only
``jixiao.cli.evaluation`` (the rule set, the formula compiler and the renderers load only for the
commands that use them). ``tests/cli/test_lazy_commands.py`` keeps the table in step with the
commands' own help.
"""

from __future__ import annotations

import importlib
from difflib import get_close_matches
from typing import Any

import typer
from typer._click.exceptions import UsageError  # typer ≥ 0.24 carries its own click
from typer.core import TyperCommand, TyperGroup

# command → (module under jixiao.cli, the one-line help `jixiao --help` shows), in listing order
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("evaluation", "核查档案并评分 / check a dossier: findings and score."),
    "score": (
        "evaluation",
        "评分表 / the score table, indicator by indicator (--batch DIR: every dossier under DIR).",
    ),
    "figures": (
        "evaluation",
        "标准数字（万元、%、人），有台账时另列台账汇总项 / the standard figures computed from the"
        " dossier, and the ledger aggregates when it has ledgers.",
    ),
    "report": ("report", "生成正式报告 (Word/PDF/HTML/Markdown) / write the official report."),
    "import": (
        "importing",
        "导入报告或表格为档案草稿 / import a report (.txt .docx .pdf) or workbook (.xlsx) as a dossier"
        " draft.",
    ),
    "export": (
        "importing",
        "导出档案、计算指标和评分表 / export a dossier with its figures and score table.",
    ),
    "template": ("importing", "空白输入模板 / blank input templates"),
    "ledgers": ("ledgers", "台账：按年度汇总 / evidence ledgers: the aggregates of a year"),
    "analyze": (
        "analyze",
        "筛查一批档案和报告：重复段落、目标压力、自评虚高 / screen files for reuse, soft targets,"
        " inflated self-scores.",
    ),
    "frameworks": ("frameworks", "评价框架 / scoring frameworks"),
    "findings": (
        "catalogue",
        "核查结果与导入提示的编号目录 / every finding id with its level and meaning (Markdown).",
    ),
    "demo": ("demo", "合成演示数据 / synthetic demo data"),
    "serve": (
        "web",
        "运行 Web 应用（开发：Django 开发服务器；JIXIAO_ENV=production：gunicorn）/ run the web app.",
    ),
    "verify": (
        "web",
        "校验已批准版本是否在应用之外被改动（退出码非零表示有改动）/ verify approved records.",
    ),
    "backup": ("web", "备份全部数据库记录和上传文件 / back up every record and uploaded file."),
    "restore": ("web", "把备份恢复到空数据库 / restore a backup into an empty database."),
    "manage": (
        "web",
        "把参数原样交给 Django 管理命令，如 `jixiao manage demo`、`jixiao manage db_worker`。",
    ),
}


def load_commands(module_name: str) -> dict[str, Any]:
    """The click commands *module_name* registers, by name (the module imported now)."""
    module = importlib.import_module(f"jixiao.cli.{module_name}")
    holder = typer.Typer()
    module.register(holder)
    return dict(typer.main.get_group(holder).commands)


class LazyCommands(TyperGroup):
    """A command group that imports a command's module only when that command is wanted."""

    _listing = False

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in COMMANDS:
            return None
        module_name, summary = COMMANDS[cmd_name]
        if self._listing:  # the help listing: name and one line, nothing imported
            return TyperCommand(cmd_name, help=summary, short_help=summary)
        if cmd_name not in self.commands:
            self.commands.update(load_commands(module_name))
        return self.commands.get(cmd_name)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self._listing = True
        try:
            super().format_help(ctx, formatter)
        finally:
            self._listing = False

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        try:
            return super().resolve_command(ctx, args)
        except UsageError as error:  # a typo: matched against every command, loaded or not
            matches = get_close_matches(args[0], list(COMMANDS)) if args else []
            if matches and "Did you mean" not in error.message:
                suggestions = ", ".join(repr(m) for m in matches)
                error.message = f"{error.message.rstrip('.')}. Did you mean {suggestions}?"
            raise


app = typer.Typer(
    name="jixiao",
    cls=LazyCommands,
    help="jixiao 绩效 — 部门整体支出绩效评价 / department-wide expenditure performance evaluation.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _main() -> None:
    """jixiao 绩效 — 部门整体支出绩效评价 / department-wide expenditure performance evaluation."""


if __name__ == "__main__":  # `python -m jixiao.cli.main`: how serve starts its worker process
    app()
