"""Background work through Django's tasks API (django-tasks, database backend in production).

``start_round_export`` records a :class:`BatchJob` and enqueues ``export_round``; a worker
(``jixiao manage db_worker``) renders every approved or published report of the round into one
ZIP, updating ``done``/``total`` as it goes so the round page can show progress. Each job records
its worker and a heartbeat as it goes (``liveness``): a job whose worker died is marked failed.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext
from django_tasks import task

from jixiao.core.errors import InputError
from jixiao.core.locations import describe_path
from jixiao.io.files import write_failure
from jixiao.web.evaluations import engine, liveness, reports
from jixiao.web.evaluations.models import BatchJob, JobStatus, Round, State
from jixiao.web.evaluations.permissions import ActionRefused, Permissions

EXPORT_STATES = (State.APPROVED, State.PUBLISHED)


def start_round_export(*, actor: Any, round_: Round, fmt: str) -> BatchJob:
    if round_.finance not in Permissions.of(actor).finance_orgs():
        raise ActionRefused(
            gettext("只有本财政局审核员可以批量导出"),
            code="not_allowed",
        )
    if fmt not in reports.FORMATS:
        raise ActionRefused(gettext("不支持的格式 %(fmt)s") % {"fmt": fmt}, code="invalid")
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
        why = write_failure(error) if isinstance(error, OSError) else error  # a full disk
        BatchJob.objects.filter(pk=job_id).update(
            status=JobStatus.FAILED, message=gettext("生成失败：%(error)s") % {"error": why}
        )
        raise


def _export(job_id: int) -> str:
    job = BatchJob.objects.select_related("round").get(pk=job_id)
    submissions = list(
        job.round.submissions.filter(state__in=EXPORT_STATES).select_related(
            "org", "current_version"
        )
    )
    liveness.claim(job.pk, total=len(submissions), done=0)
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
            liveness.beat(job.pk, done=done)
        if problems:
            archive.writestr("未生成-problems.txt", "\n".join(problems))
    filename = f"{job.round.year}-{job.round.pk}-reports-{job.fmt}.zip"
    job.refresh_from_db()
    job.result.save(filename, ContentFile(buffer.getvalue()), save=False)
    job.status = (
        JobStatus.DONE if not problems or len(problems) < len(submissions) else JobStatus.FAILED
    )
    if not submissions:
        job.message = gettext("该批次暂无已批准的报告")
    elif problems:
        job.message = gettext("%(count)s 份未能生成，见压缩包内 problems.txt") % {
            "count": len(problems)
        }
    job.save(update_fields=["result", "status", "message"])
    return job.result.name


# ── bulk import: many files into a round's open drafts ────────────────────────────────────

MAX_FILES = 500
MAX_TOTAL_BYTES = 300 * 1024 * 1024


def start_bulk_import(*, actor: Any, round_: Round, upload: Any) -> BatchJob:
    """Store a ZIP of reports/workbooks/dossiers and enqueue their import, one file per unit.

    A file belongs to the participating unit whose code or name its file name contains; it
    prefills that unit's draft (only while the draft is open), audited as the bureau's edit.
    """
    if round_.finance not in Permissions.of(actor).finance_orgs():
        raise ActionRefused(
            gettext("只有本财政局审核员可以批量导入"),
            code="not_allowed",
        )
    if not (upload.name or "").lower().endswith(".zip"):
        raise ActionRefused(gettext("请上传 .zip 压缩包"), code="invalid")
    try:
        with zipfile.ZipFile(upload) as archive:
            _check_archive(archive)
    except zipfile.BadZipFile:
        raise ActionRefused(gettext("压缩包已损坏或不是 ZIP 格式"), code="invalid") from None
    upload.seek(0)
    job = BatchJob.objects.create(round=round_, kind="bulk_import", fmt="zip", requested_by=actor)
    job.result.save(f"imports/{round_.pk}-{job.pk}.zip", upload, save=True)
    transaction.on_commit(lambda: _enqueue_import(job))
    return job


def _check_archive(archive: zipfile.ZipFile) -> None:
    files = [i for i in archive.infolist() if not i.is_dir()]
    if len(files) > MAX_FILES:
        raise ActionRefused(
            gettext("文件过多（上限 %(max)s 个）") % {"max": MAX_FILES}, code="invalid"
        )
    if sum(i.file_size for i in files) > MAX_TOTAL_BYTES:
        raise ActionRefused(gettext("解压后超过 300 MB"), code="invalid")


def _enqueue_import(job: BatchJob) -> None:
    result = import_round_files.enqueue(job.pk)
    BatchJob.objects.filter(pk=job.pk).update(task_id=str(result.id))


def _zip_name(info: zipfile.ZipInfo) -> str:
    """ZIPs made on Chinese Windows store GBK names without the UTF-8 flag: decode them right."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename


@task()
def import_round_files(job_id: int) -> str:
    """Import every file of the stored ZIP into its unit's draft; a line per file in the message."""
    try:
        return _import_files(job_id)
    except Exception as error:
        BatchJob.objects.filter(pk=job_id).update(
            status=JobStatus.FAILED, message=f"导入失败：{error}"
        )
        raise


def _import_files(job_id: int) -> str:
    job = BatchJob.objects.select_related("round", "requested_by").get(pk=job_id)
    submissions = list(job.round.submissions.select_related("org", "round", "current_version"))
    lines: list[str] = []
    with job.result.open("rb") as stored, zipfile.ZipFile(stored) as archive:
        files = [i for i in archive.infolist() if not i.is_dir()]
        liveness.claim(job.pk, total=len(files), done=0, message="")
        for done, info in enumerate(files, start=1):
            name = _zip_name(info).rsplit("/", 1)[-1]
            target = _match(name, submissions)
            if target is None:
                lines.append(f"✗ {name}：" + gettext("文件名中找不到参与单位的编码或名称"))
            else:
                lines.append(_import_one(job, archive, info, name, target))
            # the lines so far: what was imported stays known if the worker dies mid-way
            liveness.beat(job.pk, done=done, message="\n".join(lines))
    failed = sum(1 for line in lines if line.startswith("✗"))
    BatchJob.objects.filter(pk=job.pk).update(
        status=JobStatus.DONE if failed < len(lines) or not lines else JobStatus.FAILED,
        message="\n".join(lines) or gettext("压缩包是空的"),
    )
    return f"{len(lines) - failed} imported, {failed} failed"


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """A member's bytes, never more than *limit* whatever its directory entry declares: the
    stream is read in chunks and refused once it passes the limit (a lying size cannot inflate
    past it), and a CRC mismatch is an error of this file alone."""
    if info.file_size > limit:
        raise ActionRefused(f"文件过大（上限 {limit // 1024 // 1024} MB）", code="invalid")
    chunks, size = [], 0
    with archive.open(info) as member:
        while chunk := member.read(1024 * 1024):
            size += len(chunk)
            if size > limit:
                raise ActionRefused(
                    f"解压后超过 {limit // 1024 // 1024} MB（压缩包目录所写大小不实）",
                    code="invalid",
                )
            chunks.append(chunk)
    return b"".join(chunks)


def _import_one(
    job: BatchJob, archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, target: Any
) -> str:
    """Import one member into its unit's draft; any failure is this file's line, not the job's."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from jixiao.web.evaluations import imports, services

    try:
        upload = SimpleUploadedFile(name, _read_member(archive, info, imports.MAX_BYTES))
        data, notes = imports.read_upload(upload)
        data["year"] = job.round.year
        services.submission_prefill(
            actor=job.requested_by, submission=target, data=data, note=f"批量导入 {name}"
        )
    except (InputError, ActionRefused) as error:
        message = _failure(error)
        return f"✗ {name} → {target.org.name}：{message}"
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:  # a damaged member
        return f"✗ {name} → {target.org.name}：文件已损坏，无法读取（{type(error).__name__}）"
    return f"✓ {name} → {target.org.name}" + (f"（{len(notes)} 条待核对）" if notes else "")


def _failure(error: InputError | ActionRefused) -> str:
    """Why one file failed, in one line: the refusal, or the first bad field at its place."""
    if isinstance(error, ActionRefused):
        return error.message
    problem = error.problems[0] if error.problems else None
    if problem is None:
        return gettext("输入有误")
    place = describe_path(problem.path)
    return f"{place}：{problem.zh}" if place else problem.zh


def _match(filename: str, submissions: list[Any]) -> Any:
    """The submission whose unit code, or failing that whose (longest) name, the file name contains."""
    by_code = [s for s in submissions if s.org.code and s.org.code in filename]
    if by_code:
        return max(by_code, key=lambda s: len(s.org.code))
    by_name = [s for s in submissions if s.org.name in filename]
    return max(by_name, key=lambda s: len(s.org.name)) if by_name else None
