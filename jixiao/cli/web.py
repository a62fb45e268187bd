"""``jixiao serve`` and ``jixiao manage``: run the web application and its management commands.

The CLI layer sits below ``jixiao.web`` (import-linter forbids importing it from here), so the
Django project is named by its settings module string and started through Django's own command
machinery. ``JIXIAO_ENV`` selects the settings (dev by default, ``production`` for deployments,
which refuses to start without SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import typer

ENVIRONMENTS = ("dev", "test", "production")


def _settings_module() -> str:
    env = os.environ.get("JIXIAO_ENV", "dev").strip() or "dev"
    if env not in ENVIRONMENTS:
        raise typer.BadParameter(
            f"JIXIAO_ENV={env!r} 无效，应为 {' / '.join(ENVIRONMENTS)} / invalid JIXIAO_ENV"
        )
    return f"jixiao.web.settings.{env}"


def _django(argv: list[str]) -> None:
    """Run one Django management command; configuration errors end with a message, not a trace."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", _settings_module())
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(["jixiao manage", *argv])
    except ImproperlyConfigured as error:
        typer.secho(f"配置错误 / configuration error: {error}", fg="red", err=True)
        raise typer.Exit(2) from None


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="监听地址 / address to listen on"),
    port: int = typer.Option(8000, "--port", help="端口 / port"),
    workers: int = typer.Option(
        2, "--workers", help="gunicorn 进程数（生产环境）/ gunicorn workers"
    ),
    migrate: bool = typer.Option(True, "--migrate/--no-migrate", help="启动前执行数据库迁移"),
) -> None:
    """运行 Web 应用（开发：Django 开发服务器；JIXIAO_ENV=production：gunicorn）/ run the web app."""
    production = os.environ.get("JIXIAO_ENV") == "production"
    if migrate:
        _django(["migrate", "--noinput", "-v", "0"])
    if not production:
        _django(["runserver", f"{host}:{port}", "--noreload"])
        return
    _django(["collectstatic", "--noinput", "-v", "0"])
    gunicorn = shutil.which("gunicorn") or os.path.join(os.path.dirname(sys.executable), "gunicorn")
    command = [
        gunicorn,
        "jixiao.web.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "--access-logfile",
        "-",
    ]
    raise typer.Exit(subprocess.call(command))


def manage(ctx: typer.Context) -> None:
    """把参数原样交给 Django 管理命令，如 `jixiao manage demo`、`jixiao manage db_worker`。"""
    _django(list(ctx.args) or ["help"])


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command(
        "manage",
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
        add_help_option=False,
    )(manage)
