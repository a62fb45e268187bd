"""A full disk while the web app writes a file (here a round's report ZIP, through the atomic
file storage every upload and export uses) leaves no half-written file that is later served:
the job fails with the reason and may be run again."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from django.conf import settings
from django.urls import reverse

from jixiao.io import files
from jixiao.web.evaluations import tasks
from jixiao.web.evaluations.models import BatchJob, JobStatus
from tests.web.factories import PASSWORD, advance, fill


def _disk_full_after_50_bytes(handle: int, data: bytes) -> None:
    os.write(handle, bytes(data[:50]))
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def _files_under(folder: str) -> list[Path]:
    root = Path(settings.MEDIA_ROOT) / folder
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_a_report_zip_on_a_full_disk_fails_and_leaves_nothing_to_download(
    client, world, monkeypatch, django_capture_on_commit_callbacks
):
    fill(world, "a")
    advance(world, "a", "submit", "dept_approve", "finance_approve", "approve")
    before = _files_under("exports")
    monkeypatch.setattr(files, "write_all", _disk_full_after_50_bytes)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            job = tasks.start_round_export(
                actor=world.users["finance"], round_=world.round, fmt="md"
            )
    except OSError:
        pass  # the immediate backend re-raises what the worker would log
    job = BatchJob.objects.get(kind="reports_zip")
    assert job.status == JobStatus.FAILED and "磁盘空间不足" in job.message
    assert str(settings.MEDIA_ROOT) not in job.message  # no server folders in the message
    assert not job.result and _files_under("exports") == before
    assert client.login(username="fin_rev", password=PASSWORD)
    assert client.get(reverse("job_download", args=[job.pk])).status_code == 404
    status = client.get(reverse("job_status", args=[job.pk])).json()
    assert status["download"] is None and status["retry"] is True
