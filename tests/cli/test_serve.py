"""``jixiao serve`` starts a background worker beside the server on the embedded SQLite default."""

from __future__ import annotations

import subprocess
import sys
from typing import Any, ClassVar

import pytest
from typer.testing import CliRunner

from jixiao.cli import web
from jixiao.cli.main import app

runner = CliRunner()


class FakeWorker:
    started: ClassVar[list[list[str]]] = []

    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        FakeWorker.started.append(command)
        self.pid = 4242
        self.stopped = False

    def terminate(self) -> None:
        self.stopped = True

    def wait(self, timeout: float) -> int:
        return 0


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    calls: list[Any] = []
    FakeWorker.started = []
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "jixiao.web.settings.test")
    monkeypatch.setattr(web, "_django", lambda argv: calls.append(argv))
    monkeypatch.setattr(web, "_gunicorn", lambda *a: calls.append(["gunicorn"]))
    monkeypatch.setattr(web.subprocess, "Popen", FakeWorker)
    return calls


def test_serve_on_sqlite_runs_a_worker_for_the_lifetime_of_the_server(
    recorded: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(web, "_embedded_database", lambda: True)
    result = runner.invoke(app, ["serve", "--no-migrate"])
    assert result.exit_code == 0, result.output
    assert FakeWorker.started == [[sys.executable, "-m", "jixiao.cli.main", "manage", "db_worker"]]
    # jobs a dead worker left "running" are marked failed before the new worker starts
    assert recorded == [["recover_jobs"], ["runserver", "127.0.0.1:8000", "--noreload"]]
    assert "后台任务进程已启动" in result.output


def test_serve_on_a_server_database_leaves_workers_to_their_own_services(
    recorded: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(web, "_embedded_database", lambda: False)
    assert runner.invoke(app, ["serve", "--no-migrate"]).exit_code == 0
    assert FakeWorker.started == []


def test_production_starts_a_worker_only_when_asked(
    recorded: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JIXIAO_ENV", "production")
    monkeypatch.setattr(web, "_embedded_database", lambda: True)
    assert runner.invoke(app, ["serve", "--no-migrate"]).exit_code == 0
    assert FakeWorker.started == [] and recorded == [["gunicorn"]]
    assert runner.invoke(app, ["serve", "--no-migrate", "--worker"]).exit_code == 0
    assert len(FakeWorker.started) == 1


def test_the_worker_command_is_a_real_entry_point() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "jixiao.cli.main", "manage", "help", "db_worker"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**__import__("os").environ, "JIXIAO_ENV": "test"},
    )
    assert done.returncode == 0, done.stderr
    assert "db_worker" in done.stdout


def test_verify_runs_the_web_integrity_check(recorded: list[Any]) -> None:
    assert runner.invoke(app, ["verify"]).exit_code == 0
    assert recorded == [["verify"]]
