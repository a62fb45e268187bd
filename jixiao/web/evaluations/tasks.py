"""Background work through Django's tasks API (django-tasks, database backend in production).

``start_round_export`` records a :class:`BatchJob` and enqueues ``export_round``; a worker
(``jixiao manage db_worker``) renders every approved or published report of the round into one
ZIP, updating ``done``/``total`` as it goes so the round page can show progress.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django_tasks import task

from jixiao.web.evaluations import engine, reports
from jixiao.web.evaluations.models import BatchJob, JobStatus, Round, State
from jixiao.web.evaluations.permissions import ActionRefused, Permissions

EXPORT_STATES = (State.APPROVED, State.PUBLISHED)


def start_round_export(*, actor: Any, round_: Round, fmt: str) -> BatchJob:
    if round_.finance not in Permissions.of(actor).finance_orgs():
        raise ActionRefused(
            "只有本财政局审核员可以批量导出 / only the bureau's reviewers export",
            code="not_allowed",
        )
    if fmt not in reports.FORMATS:
        raise ActionRefused(f"不支持的格式 {fmt!r} / unknown format", code="invalid")
    job = BatchJob.objects.create(round=round_, fmt=fmt, requested_by=actor)
    transaction.on_commit(lambda: _enqueue(job))
    return job


def _enqueue(job: BatchJob) -> None:
    result = export_round.enqueue(job.pk)
    BatchJob.objects.filter(pk=job.pk).update(task_id=str(result.id))


@task()
def export_round(job_id: int) -> str:
    """Render the round's approved reports into one ZIP; a crash marks the job failed, with why."""
    try:
        return _export(job_id)
    except Exception as error:
        BatchJob.objects.filter(pk=job_id).update(
            status=JobStatus.FAILED, message=f"生成失败：{error} / export failed"
        )
        raise


def _export(job_id: int) -> str:
    job = BatchJob.objects.select_related("round").get(pk=job_id)
    submissions = list(
        job.round.submissions.filter(state__in=EXPORT_STATES).select_related(
            "org", "current_version"
        )
    )
    BatchJob.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING, total=len(submissions), done=0
    )
    buffer = io.BytesIO()
    problems: list[str] = []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for done, submission in enumerate(submissions, start=1):
            assessment = engine.assess(
                submission.current_version.data, framework_id=job.round.framework_id or None
            )
            name = f"{submission.org.code}-{submission.org.name}"
            try:
                file = reports.render(assessment, job.fmt, basename=name)
            except reports.ReportUnavailable as error:
                problems.append(f"{submission.org.name}: {error.message}")
            else:
                archive.writestr(file.filename, file.content)
            BatchJob.objects.filter(pk=job.pk).update(done=done)
        if problems:
            archive.writestr("未生成-problems.txt", "\n".join(problems))
    filename = f"{job.round.year}-{job.round.pk}-reports-{job.fmt}.zip"
    job.refresh_from_db()
    job.result.save(filename, ContentFile(buffer.getvalue()), save=False)
    job.status = (
        JobStatus.DONE if not problems or len(problems) < len(submissions) else JobStatus.FAILED
    )
    if not submissions:
        job.message = "该批次暂无已批准的报告 / no approved reports in this round yet"
    elif problems:
        job.message = (
            f"{len(problems)} 份未能生成，见压缩包内 problems.txt / {len(problems)} failed"
        )
    job.save(update_fields=["result", "status", "message"])
    return job.result.name
