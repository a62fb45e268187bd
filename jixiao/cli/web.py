"""``jixiao serve`` and ``jixiao manage``: run the web application and its management commands.

The CLI layer sits below ``jixiao.web`` (import-linter forbids importing it from here), so the
Django project is named by its settings module string and started through Django's own command
machinery. ``JIXIAO_ENV`` selects the settings (dev by default, ``production`` for deployments,
which refuses to start without SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL).

On the embedded SQLite default, ``jixiao serve`` also starts one background worker
(``jixiao manage db_worker``) beside the web process and stops it with the server, so a round's
report ZIP or a bulk import just runs (jobs a previous worker left "running" when it died are
marked failed first: ``jixiao manage recover_jobs``); deployments on PostgreSQL run their workers as services of
their own (``--worker`` forces one, ``--no-worker`` never starts one).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

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


def _embedded_database() -> bool:
    """True when the configured default database is SQLite (the embedded, one-machine default)."""
    from django.conf import settings

    return "sqlite" in settings.DATABASES["default"]["ENGINE"]


@contextmanager
def _background_worker(wanted: bool | None) -> Iterator[subprocess.Popen[bytes] | None]:
    """A ``db_worker`` process for the lifetime of the server, when *wanted* (None: on SQLite)."""
    if wanted is None:
        wanted = _embedded_database()
    if not wanted:
        yield None
        return
    _django(["recover_jobs"])  # a job left "running" by a worker that died is marked failed
    command = [sys.executable, "-m", "jixiao.cli.main", "manage", "db_worker"]
    worker = subprocess.Popen(command, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    typer.echo(f"后台任务进程已启动（进程号 {worker.pid}）/ background worker started")
    # a TERM to the server (systemd, a terminal closing) must stop the worker too
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        yield worker
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=10)
        except subprocess.TimeoutExpired:
            worker.kill()


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="监听地址 / address to listen on"),
    port: int = typer.Option(8000, "--port", help="端口 / port"),
    workers: int = typer.Option(
        2, "--workers", help="gunicorn 进程数（生产环境）/ gunicorn workers"
    ),
    migrate: bool = typer.Option(True, "--migrate/--no-migrate", help="启动前执行数据库迁移"),
    worker: bool | None = typer.Option(
        None,
        "--worker/--no-worker",
        help="同时启动后台任务进程（默认：内置 SQLite 数据库时启动）/ also run a background worker",
    ),
) -> None:
    """运行 Web 应用（开发：Django 开发服务器；JIXIAO_ENV=production：gunicorn）/ run the web app."""
    production = os.environ.get("JIXIAO_ENV") == "production"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", _settings_module())
    if migrate:
        _django(["migrate", "--noinput", "-v", "0"])
    if worker is None and production:
        worker = False  # production runs its workers as services of their own (docs/web.md)
    with _background_worker(worker):
        if not production:
            _django(["runserver", f"{host}:{port}", "--noreload"])
        else:
            _gunicorn(host, port, workers)


def _gunicorn(host: str, port: int, workers: int) -> None:
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
    code = subprocess.call(command)
    if code:
        raise typer.Exit(code)


def manage(ctx: typer.Context) -> None:
    """把参数原样交给 Django 管理命令，如 `jixiao manage demo`、`jixiao manage db_worker`。"""
    _django(list(ctx.args) or ["help"])


def backup(
    file: str = typer.Argument(..., help="备份文件路径（.tar.gz）/ the backup file to write"),
) -> None:
    """备份全部数据库记录和上传文件 / back up every record and uploaded file."""
    _django(["backup", file])


def restore(
    file: str = typer.Argument(..., help="jixiao backup 生成的备份文件 / a backup file"),
) -> None:
    """把备份恢复到空数据库 / restore a backup into an empty database."""
    _django(["restore", file])


def verify() -> None:
    """校验已批准版本是否在应用之外被改动（退出码非零表示有改动）/ verify approved records."""
    _django(["verify"])


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("verify")(verify)
    app.command("backup")(backup)
    app.command("restore")(restore)
    app.command(
        "manage",
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
        add_help_option=False,
    )(manage)
