"""A background job whose worker died is marked failed with the reason, never left "running".

The first test is the real thing: a worker process exporting a round's reports is SIGKILLed
mid-run on a file database; the job stays "running" until a worker starts (``recover_jobs``,
which ``jixiao serve`` runs before its worker), which releases the dead worker's report, and a
worker then finishes the export, each report once. The others check the lazy path (a stale
heartbeat when the round page or the job's status is read) and which jobs may run again.
"""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from jixiao.web.evaluations import liveness, tasks
from jixiao.web.evaluations.models import BatchJob, JobStatus
from tests.web.factories import PASSWORD, advance, fill

REPO = Path(__file__).resolve().parents[2]
JIXIAO = str(REPO / ".venv" / "bin" / "jixiao")

SLOW_EXPORT = """
import django, sys, time; django.setup()
from django.db.models import Count, Q
from jixiao.web.evaluations import reports, tasks
from jixiao.web.evaluations.models import BatchJob, Round
round_ = Round.objects.annotate(n=Count("submissions", filter=Q(
    submissions__state__in=tasks.EXPORT_STATES))).order_by("-n").first()
assert round_.n >= 2, round_.n
job = BatchJob.objects.create(round=round_, fmt="md")
real, calls = reports.render, []
def render_then_hang(*args, **kwargs):
    calls.append(1)
    if len(calls) > 1:
        time.sleep(600)  # the worker is killed here, one report done
    return real(*args, **kwargs)
reports.render = render_then_hang
print(job.pk, flush=True)
tasks.export_round.call(job.pk)
"""


def _job_row(database: Path, pk: int) -> tuple[str, int, str, str]:
    with sqlite3.connect(database) as db:
        return db.execute(
            "SELECT status, done, worker, message FROM evaluations_batchjob WHERE id = ?", [pk]
        ).fetchone()


@pytest.mark.slow
def test_a_killed_worker_s_export_is_resumed_when_a_worker_starts_and_finishes(tmp_path):
    database = tmp_path / "db.sqlite3"
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "JIXIAO_ENV")}
    env.pop("DATABASE_URL", None)
    env.update(
        JIXIAO_DB=str(database),
        JIXIAO_VAR=str(tmp_path / "var"),
        DJANGO_SETTINGS_MODULE="jixiao.web.settings.dev",
    )
    for step in (["migrate", "-v", "0"], ["demo"]):
        subprocess.run([JIXIAO, "manage", *step], env=env, check=True, capture_output=True)
    worker = subprocess.Popen(
        [sys.executable, "-c", SLOW_EXPORT], env=env, stdout=subprocess.PIPE, text=True
    )
    pk = int(worker.stdout.readline())
    for _ in range(600):
        if _job_row(database, pk)[:2] == ("running", 1):
            break
        time.sleep(0.1)
    assert _job_row(database, pk)[2] == f"{socket.gethostname()}:{worker.pid}"
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=10)
    assert _job_row(database, pk)[0] == "running"  # what a dead worker leaves behind

    done = subprocess.run(
        [JIXIAO, "manage", "recover_jobs"], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0 and "1 个报告导出任务" in done.stdout, done.stderr
    with sqlite3.connect(database) as db:  # the dead worker's report is claimable again
        held = db.execute(
            "SELECT count(*) FROM evaluations_exportitem WHERE job_id = ? AND status = 'running'",
            [pk],
        ).fetchone()[0]
    assert held == 0

    subprocess.run(  # a worker finishes the export: the queued share and the resumed one
        [JIXIAO, "manage", "db_worker", "--batch", "--no-startup-delay"],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    status, done_count, _, message = _job_row(database, pk)
    with sqlite3.connect(database) as db:
        total, result = db.execute(
            "SELECT total, result FROM evaluations_batchjob WHERE id = ?", [pk]
        ).fetchone()
        completions = [
            row[0]
            for row in db.execute(
                "SELECT completions FROM evaluations_exportitem WHERE job_id = ?", [pk]
            )
        ]
    assert status == "done" and done_count == total == len(completions), message
    assert completions == [1] * total  # each report written once
    with zipfile.ZipFile(tmp_path / "var" / "media" / result) as archive:
        assert len(set(archive.namelist())) == len(archive.namelist()) == total


def _login(client, world, who="finance"):
    assert client.login(username=world.users[who].username, password=PASSWORD)


def _running_job(world, *, kind="reports_zip", worker="elsewhere:1", age=timedelta(hours=1)):
    return BatchJob.objects.create(
        round=world.round,
        kind=kind,
        fmt="md" if kind == "reports_zip" else "zip",
        status=JobStatus.RUNNING,
        worker=worker,
        heartbeat=timezone.now() - age,
        message="✓ a.docx → 测试县第一中学" if kind == "bulk_import" else "",
    )


def test_a_running_job_records_its_worker_and_heartbeat(
    world, django_capture_on_commit_callbacks, monkeypatch
):
    from jixiao.web.evaluations import reports

    seen = []
    real = reports.render

    def spy(*args, **kwargs):  # the job as the page would read it while a report renders
        seen.append(BatchJob.objects.values_list("status", "worker").get())
        return real(*args, **kwargs)

    fill(world, "a")
    advance(world, "a", "submit", "dept_approve", "finance_approve", "approve")
    monkeypatch.setattr(reports, "render", spy)
    with django_capture_on_commit_callbacks(execute=True):
        job = tasks.start_round_export(actor=world.users["finance"], round_=world.round, fmt="md")
    job.refresh_from_db()
    assert seen == [("running", liveness.this_worker())]
    assert job.status == JobStatus.DONE and job.heartbeat is not None


def test_a_stale_job_reads_as_failed_and_a_report_zip_may_be_made_again(
    client, world, django_capture_on_commit_callbacks
):
    job = _running_job(world)
    _login(client, world)
    status = client.get(reverse("job_status", args=[job.pk])).json()
    assert status["status"] == "failed" and status["retry"] is True
    assert status["message"].startswith("后台进程中断（elsewhere:1）")
    page = client.get(reverse("round_detail", args=[world.round.pk])).content.decode()
    assert "重新生成" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("round_export", args=[world.round.pk]), {"fmt": job.fmt})
    assert BatchJob.objects.latest("pk").status == JobStatus.DONE


def test_the_round_page_fails_a_stale_import_but_keeps_its_lines_and_offers_no_rerun(client, world):
    job = _running_job(world, kind="bulk_import")
    _login(client, world)
    client.get(reverse("round_detail", args=[world.round.pk]))
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and "✓ a.docx" in job.message
    assert "其余未导入" in job.message and not liveness.can_retry(job)


def test_a_job_with_a_recent_heartbeat_is_left_running(client, world):
    job = _running_job(world, age=timedelta(seconds=5))
    _login(client, world)
    assert client.get(reverse("job_status", args=[job.pk])).json()["status"] == "running"


def test_at_start_up_a_job_of_a_dead_process_on_this_machine_fails_at_once(world):
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True
    )
    dead = f"{socket.gethostname()}:{int(gone.stdout)}"
    job = _running_job(world, worker=dead, age=timedelta(seconds=5))
    alive = _running_job(world, worker=liveness.this_worker(), age=timedelta(seconds=5))
    assert liveness.reap() == 0  # the heartbeat is recent: only start-up looks at the process
    assert liveness.reap(startup=True) == 1
    job.refresh_from_db()
    alive.refresh_from_db()
    assert (job.status, alive.status) == (JobStatus.FAILED, JobStatus.RUNNING)
