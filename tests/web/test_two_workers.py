"""Scale-out on PostgreSQL: two django-tasks worker processes share one round's report export,
one is killed mid-batch, the other finishes it, and each report is written exactly once.

Runs under ``scripts/postgres.sh run-tests`` (``-k two_workers`` for this test alone); skipped on
SQLite. The workers are real processes (``db_worker``, the database task backend) on the test
database; each report takes a quarter of a second more (a slowed ``reports.render`` in the
worker) so that the kill lands mid-batch. Every wait polls against a deadline.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test import override_settings

from jixiao.web.evaluations import tasks
from jixiao.web.evaluations.models import (
    BatchJob,
    DossierVersion,
    ExportItem,
    ItemStatus,
    JobStatus,
    State,
    Submission,
)
from jixiao.web.orgs.models import Org, OrgKind
from tests.web.factories import dossier_data

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

REPO = Path(__file__).resolve().parents[2]
REPORTS = 24
DEADLINE = 90  # seconds for the whole batch; the test stays well under two minutes
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
WORKER = """
import django, time
django.setup()
from jixiao.web.evaluations import reports
real = reports.render
def slowed(*args, **kwargs):
    time.sleep(0.25)
    return real(*args, **kwargs)
reports.render = slowed
from django.core.management import call_command
call_command("db_worker", "--no-startup-delay", "--no-reload", "--interval", "0.2")
"""


def _approved_reports(world, count: int) -> None:
    for n in range(count):
        org = Org.objects.create(
            name=f"导出单位{n:02d}", code=f"W{n:02d}", kind=OrgKind.UNIT, parent=world.dept
        )
        submission = Submission.objects.create(round=world.round, org=org, state=State.APPROVED)
        version = DossierVersion.objects.create(
            submission=submission, number=1, data=dossier_data(org.name), locked=True
        )
        Submission.objects.filter(pk=submission.pk).update(current_version=version)


def _worker_env(tmp_path: Path) -> dict[str, str]:
    url = urlsplit(os.environ["DATABASE_URL"])
    test_database = url._replace(path="/" + connection.settings_dict["NAME"]).geturl()
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE",)}
    env.update(
        DATABASE_URL=test_database,
        DJANGO_SETTINGS_MODULE="jixiao.web.settings.dev",  # the database task backend
        JIXIAO_VAR=str(tmp_path / "var"),
        PYTHONPATH=str(REPO),
    )
    return env


def _until(condition, what: str, deadline: float, workers: list[subprocess.Popen]):
    """Poll *condition* until it holds; fail at the deadline or as soon as every worker is gone."""
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline or all(w.poll() is not None for w in workers):
            raise AssertionError(f"gave up waiting: {what}")
        time.sleep(0.1)


def _pid(worker: str) -> int:
    host, _, pid = worker.rpartition(":")
    assert host == socket.gethostname()
    return int(pid)


def _mid_report(job: BatchJob, pids: set[int]) -> int | None:
    """A worker holding a report right now after finishing one, with work still pending."""
    items = list(ExportItem.objects.filter(job=job))
    pending = sum(i.status == ItemStatus.PENDING for i in items)
    finished_by = {i.worker for i in items if i.status == ItemStatus.DONE}
    for item in items:
        if item.status == ItemStatus.RUNNING and item.worker in finished_by and pending >= 4:
            pid = _pid(item.worker)
            if pid in pids:
                return pid
    return None


def test_two_workers_share_an_export_and_one_dying_leaves_each_report_written_once(world, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("two workers on one database: PostgreSQL (scripts/postgres.sh)")
    _approved_reports(world, REPORTS)
    env = _worker_env(tmp_path)
    workers = [
        subprocess.Popen([sys.executable, "-c", WORKER], env=env, cwd=REPO) for _ in range(2)
    ]
    pids = {w.pid for w in workers}
    deadline = time.monotonic() + DEADLINE
    try:
        with override_settings(TASKS=DATABASE_TASKS):
            job = tasks.start_round_export(
                actor=world.users["finance"], round_=world.round, fmt="md"
            )
        victim = _until(lambda: _mid_report(job, pids), "a worker mid-report", deadline, workers)
        os.kill(victim, signal.SIGKILL)
        next(w for w in workers if w.pid == victim).wait(timeout=10)

        _until(
            lambda: BatchJob.objects.get(pk=job.pk).status in (JobStatus.DONE, JobStatus.FAILED),
            "the export to finish",
            deadline,
            workers,
        )
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.send_signal(signal.SIGTERM)
        for worker in workers:
            try:
                worker.wait(timeout=20)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()

    job.refresh_from_db()
    items = list(ExportItem.objects.filter(job=job))
    assert job.status == JobStatus.DONE and job.done == job.total == REPORTS == len(items)
    assert all(i.status == ItemStatus.DONE and i.completions == 1 for i in items)
    # both workers wrote reports; the one held by the killed worker was claimed again
    assert {_pid(i.worker) for i in items} == pids
    assert any(i.attempts == 2 for i in items)
    with zipfile.ZipFile(tmp_path / "var" / "media" / job.result.name) as archive:
        names = archive.namelist()
    assert len(names) == len(set(names)) == REPORTS
    assert sorted(names) == sorted(i.filename for i in items)
