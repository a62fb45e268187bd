"""Background jobs whose worker died are marked failed, never left "running" for ever.

A job records the process that runs it (``worker``, "host:pid") and a ``heartbeat`` each time it
reports progress (:func:`claim`, :func:`beat`). A running job is taken for dead, and marked
failed with the reason "后台进程中断…", when

- its heartbeat is older than ``JIXIAO_JOB_STALE_SECONDS`` (checked lazily whenever a round's
  job list or a job's status is read: :func:`reap_shown`, :func:`reap`), or
- at a worker's start-up (``jixiao serve``, ``jixiao manage recover_jobs``), its worker ran on this
  machine and that process no longer exists (``reap(startup=True)``). A report ZIP split across
  workers (``tasks``) is resumed instead (:func:`recover`): the dead worker's reports are released
  and a task finishes them; a live worker sharing the export claims them by itself.

Which jobs may simply be run again: a report ZIP only reads approved records, so the round
page offers to generate it again. A bulk import is not run again by itself: the files imported
before the interruption are already in the drafts (the message lists them), and a second run
would overwrite a clerk's edits made since; the bureau uploads the remaining files.
"""

from __future__ import annotations

import os
import socket
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from jixiao.web.evaluations.models import BatchJob, JobStatus

DEFAULT_STALE_SECONDS = 600
RETRYABLE_KINDS = frozenset({"reports_zip"})

INTERRUPTED = "后台进程中断（{worker}），任务未完成"
RETRY_HINT = {
    "reports_zip": "，可重新生成。",
    "bulk_import": "。下列文件已导入，其余未导入：请核对后重新上传剩余文件。",
}


def this_worker() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def claim(job_pk: int, **fields: Any) -> None:
    """Mark the job running in this process, with a first heartbeat."""
    BatchJob.objects.filter(pk=job_pk).update(
        status=JobStatus.RUNNING, worker=this_worker(), heartbeat=timezone.now(), **fields
    )


def beat(job_pk: int, **fields: Any) -> None:
    """Record progress (any *fields*, such as ``done``) and that the worker is alive."""
    BatchJob.objects.filter(pk=job_pk).update(heartbeat=timezone.now(), **fields)


def stale_after() -> timedelta:
    return timedelta(seconds=getattr(settings, "JIXIAO_JOB_STALE_SECONDS", DEFAULT_STALE_SECONDS))


def gone(worker: str) -> bool:
    """True when *worker* ran on this machine and its process no longer exists."""
    host, _, pid = worker.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # a process of another user: alive
        return False
    return False


def reap(jobs: QuerySet[BatchJob] | None = None, *, startup: bool = False) -> int:
    """Mark failed every running job of *jobs* whose worker is gone; how many were marked."""
    running = (jobs if jobs is not None else BatchJob.objects.all()).filter(
        status=JobStatus.RUNNING
    )
    cutoff = timezone.now() - stale_after()
    dead = list(running.filter(Q(heartbeat__lt=cutoff) | Q(heartbeat__isnull=True)))
    if startup:
        # a split export (evaluations.tasks) is resumed by `recover`, not failed
        alive = running.exclude(pk__in=[j.pk for j in dead]).exclude(items__isnull=False)
        dead += [job for job in alive.distinct() if gone(job.worker)]
    return sum(_mark_failed(job) for job in dead)


def recover() -> tuple[int, int]:
    """At a worker's start-up: (split exports resumed, other jobs marked failed) among the jobs
    whose worker died on this machine. An export's reports held by a dead worker are released
    and a task queued to finish them (``tasks.resume_export``); any other job is failed."""
    from jixiao.web.evaluations import tasks

    cutoff = timezone.now() - stale_after()
    exports = (
        BatchJob.objects.filter(
            kind="reports_zip",
            status__in=(JobStatus.QUEUED, JobStatus.RUNNING),
            heartbeat__gte=cutoff,
            items__isnull=False,
        )
        .distinct()
        .prefetch_related("items")
    )
    resumed = 0
    for job in exports:
        holders = {i.worker for i in job.items.all() if i.status == "running"} | {job.worker}
        if any(gone(worker) for worker in holders if worker):
            resumed += tasks.resume_export(job)
    return resumed, reap(startup=True)


def reap_shown(jobs: list[BatchJob]) -> list[BatchJob]:
    """*jobs* (already read, as a page lists them) with the dead ones marked failed; no query
    unless one is stale."""
    cutoff = timezone.now() - stale_after()
    for job in jobs:
        stale = job.heartbeat is None or job.heartbeat < cutoff
        if job.status == JobStatus.RUNNING and stale and _mark_failed(job):
            job.refresh_from_db()
    return jobs


def _mark_failed(job: BatchJob) -> int:
    reason = INTERRUPTED.format(worker=job.worker or "?") + RETRY_HINT.get(job.kind, "。")
    message = "\n".join(filter(None, [reason, job.message]))
    # only while still running with the heartbeat seen: a worker that just finished wins
    marked = BatchJob.objects.filter(
        pk=job.pk, status=JobStatus.RUNNING, heartbeat=job.heartbeat
    ).update(status=JobStatus.FAILED, message=message)
    if marked and job.task_id:
        _fail_task_result(job.task_id)
    return marked


def _fail_task_result(task_id: str) -> None:
    """The task queue's own row of the job, left "running" by the dead worker, is failed too."""
    import uuid

    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    try:
        uuid.UUID(task_id)
    except ValueError:
        return
    DBTaskResult.objects.filter(id=task_id, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.FAILED, finished_at=timezone.now()
    )


def can_retry(job: BatchJob) -> bool:
    return job.status == JobStatus.FAILED and job.kind in RETRYABLE_KINDS
