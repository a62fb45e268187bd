"""Background work through Django's tasks API (django-tasks, database backend in production).

``start_round_export`` records a :class:`BatchJob` and enqueues ``export_round``, which plans
one :class:`ExportItem` per approved or published report and enqueues ``export_round_part`` for
other workers (``JIXIAO_EXPORT_PARALLEL`` in all, 2 by default): every worker
(``jixiao manage db_worker``) then claims reports one at a time, renders each into storage and
marks it done, so two workers share a round and each report is written once. An item whose
worker died is claimed again by a live worker, or released by ``recover_jobs`` when a worker
starts (:func:`resume_export`). The worker that finds every item finished writes the ZIP to a
temporary file report by report (streamed, never the whole archive in memory) and stores it.
``done``/``total`` show progress on the round page; each job records its worker and a heartbeat
(``liveness``): a job no worker has moved for the stale period is marked failed.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile, File
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext
from django_tasks import task

from jixiao.core.errors import InputError
from jixiao.core.locations import describe_path
from jixiao.io.files import write_failure
from jixiao.web.evaluations import liveness, reasons, reports, services
from jixiao.web.evaluations.models import (
    BatchJob,
    ExportItem,
    ItemStatus,
    JobStatus,
    Round,
    State,
    Submission,
)
from jixiao.web.evaluations.permissions import ActionRefused, Permissions

EXPORT_STATES = (State.APPROVED, State.PUBLISHED)
COPY_CHUNK = 1024 * 1024


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


def parallel_exports() -> int:
    """How many workers may share one export (the planning task enqueues one less)."""
    return max(1, int(getattr(settings, "JIXIAO_EXPORT_PARALLEL", 2)))


@task()
def export_round(job_id: int) -> str:
    """Plan the round's export (one item per approved report), let other workers share it, and
    work on it; a crash marks the job failed, with why."""
    try:
        _plan(job_id)
        for _ in range(parallel_exports() - 1):
            export_round_part.enqueue(job_id)
        return _drain(job_id)
    except Exception as error:
        _failed(job_id, error)
        raise


@task()
def export_round_part(job_id: int) -> str:
    """Another worker's share of an export: claim and render reports until none is left."""
    try:
        return _drain(job_id)
    except Exception as error:
        _failed(job_id, error)
        raise


def _failed(job_id: int, error: Exception) -> None:
    why = write_failure(error) if isinstance(error, OSError) else error  # a full disk
    BatchJob.objects.filter(pk=job_id).update(
        status=JobStatus.FAILED, message=gettext("生成失败：%(error)s") % {"error": why}
    )


def _plan(job_id: int) -> None:
    """One item per approved or published report, in unit order (once: a rerun adds none)."""
    job = BatchJob.objects.select_related("round").get(pk=job_id)
    ids = list(
        job.round.submissions.filter(state__in=EXPORT_STATES)
        .order_by("org__path", "pk")
        .values_list("pk", flat=True)
    )
    ExportItem.objects.bulk_create(
        [ExportItem(job=job, submission_id=pk, position=n) for n, pk in enumerate(ids)],
        ignore_conflicts=True,
        batch_size=500,
    )
    liveness.claim(job.pk, total=len(ids), done=0)


def _drain(job_id: int) -> str:
    """Claim, render and store reports of the job until none is left to claim; the worker that
    completes the last one writes the ZIP."""
    rendered = 0
    while (item := claim_item(job_id)) is not None:
        rendered += _render_item(item)
    _assemble_if_complete(job_id)
    return f"{rendered} reports rendered by {liveness.this_worker()}"


def claim_item(job_id: int) -> ExportItem | None:
    """The next report of the job for this worker: a pending one (rows another worker holds
    locked are skipped), else one whose worker died; None when there is none."""
    me, now = liveness.this_worker(), timezone.now()
    while True:
        with transaction.atomic():
            item = (
                ExportItem.objects.select_for_update(skip_locked=True)
                .filter(job_id=job_id, status=ItemStatus.PENDING)
                .order_by("position")
                .first()
            ) or _orphan(job_id)
            if item is None:
                return None
            taken = ExportItem.objects.filter(
                pk=item.pk, status=item.status, worker=item.worker
            ).update(
                status=ItemStatus.RUNNING,
                worker=me,
                claimed_at=now,
                attempts=F("attempts") + 1,
            )
        if taken:  # else another worker took it between the read and the update: next one
            item.status, item.worker = ItemStatus.RUNNING, me
            return item


def _orphan(job_id: int) -> ExportItem | None:
    """A report claimed by a worker that is gone (or silent for longer than a job may be)."""
    cutoff = timezone.now() - liveness.stale_after()
    for item in ExportItem.objects.filter(job_id=job_id, status=ItemStatus.RUNNING):
        if item.worker != liveness.this_worker() and (
            liveness.gone(item.worker) or (item.claimed_at and item.claimed_at < cutoff)
        ):
            return item
    return None


def _render_item(item: ExportItem) -> int:
    """Render one report into storage and mark it done (or failed, with why); 1 when this
    worker completed it."""
    submission = Submission.objects.select_related("org", "round", "current_version").get(
        pk=item.submission_id
    )
    job = BatchJob.objects.only("pk", "fmt").get(pk=item.job_id)
    name = f"{submission.org.code}-{submission.org.name}"
    assessment = services.assess_version(
        submission.current_version, submission, with_rescores=False
    )
    fields: dict[str, Any]
    try:
        file = reports.render(assessment, job.fmt, basename=name)
    except reports.ReportUnavailable as error:
        problem = f"{submission.org.name}: {error.message}"
        fields = {
            "status": ItemStatus.FAILED,
            "problem": problem + (f" ({error.detail})" if error.detail else ""),
        }
    else:
        part = default_storage.save(
            f"exports/parts/{item.job_id}/{item.position:06d}.{job.fmt}", ContentFile(file.content)
        )
        fields = {"status": ItemStatus.DONE, "part": part, "filename": file.filename}
    with transaction.atomic():
        finished = ExportItem.objects.filter(
            pk=item.pk, status=ItemStatus.RUNNING, worker=liveness.this_worker()
        ).update(completions=F("completions") + 1, **fields)
        if finished:
            BatchJob.objects.filter(pk=item.job_id).update(
                done=F("done") + 1,
                status=JobStatus.RUNNING,
                worker=liveness.this_worker(),
                heartbeat=timezone.now(),
            )
    if not finished and fields.get("part"):  # taken from this worker meanwhile: not its report
        default_storage.delete(fields["part"])
    return finished


def _assemble_if_complete(job_id: int) -> None:
    """Once every report is done or failed, one worker (whoever marks itself the assembler
    first) writes the ZIP; the others return."""
    if ExportItem.objects.filter(
        job_id=job_id, status__in=(ItemStatus.PENDING, ItemStatus.RUNNING)
    ).exists():
        return
    mine = BatchJob.objects.filter(
        pk=job_id, status__in=(JobStatus.QUEUED, JobStatus.RUNNING), assembler=""
    ).update(assembler=liveness.this_worker(), heartbeat=timezone.now())
    if mine:
        _assemble(job_id)


def _assemble(job_id: int) -> str:
    """Write the ZIP to a temporary file report by report (each streamed from its stored part,
    never the whole archive in memory), store it, and remove the parts."""
    job = BatchJob.objects.select_related("round").get(pk=job_id)
    items = list(job.items.order_by("position"))
    problems = [item.problem for item in items if item.status == ItemStatus.FAILED]
    with tempfile.TemporaryFile(suffix=".zip") as spool:
        with zipfile.ZipFile(spool, "w", zipfile.ZIP_DEFLATED) as archive:
            for item in items:
                if item.status != ItemStatus.DONE:
                    continue
                with (
                    default_storage.open(item.part, "rb") as source,
                    archive.open(item.filename, "w") as target,
                ):
                    shutil.copyfileobj(source, target, COPY_CHUNK)
            if problems:
                archive.writestr("未生成-problems.txt", "\n".join(problems))
        spool.seek(0)
        filename = f"{job.round.year}-{job.round.pk}-reports-{job.fmt}.zip"
        job.result.save(filename, File(spool), save=False)
    job.status = JobStatus.DONE if not problems or len(problems) < len(items) else JobStatus.FAILED
    if not items:
        job.message = gettext("该批次暂无已批准的报告")
    elif problems:
        job.message = gettext("%(count)s 份未能生成，见压缩包内 problems.txt") % {
            "count": len(problems)
        }
    job.save(update_fields=["result", "status", "message"])
    _remove_parts(job_id)
    return job.result.name


def _remove_parts(job_id: int) -> None:
    folder = f"exports/parts/{job_id}"
    try:
        _, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        default_storage.delete(f"{folder}/{name}")


def resume_export(job: BatchJob) -> bool:
    """A split export whose worker died: its reports are claimable again (released to pending)
    and a task is queued to finish them; False when the job is not a split export."""
    items = ExportItem.objects.filter(job=job)
    if job.kind != "reports_zip" or not items.exists():
        return False
    dead = [
        item.pk
        for item in items.filter(status=ItemStatus.RUNNING)
        if item.worker != liveness.this_worker() and liveness.gone(item.worker)
    ]
    items.filter(pk__in=dead).update(status=ItemStatus.PENDING, worker="")
    BatchJob.objects.filter(pk=job.pk).update(assembler="", heartbeat=timezone.now())
    export_round_part.enqueue(job.pk)
    return True


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
            actor=job.requested_by,
            submission=target,
            data=data,
            note=reasons.BATCH_IMPORT(name=name),
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
