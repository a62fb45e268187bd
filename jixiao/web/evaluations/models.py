"""Rounds, submissions, dossier versions, sign-offs, re-scores, evidence, audit rows and batch jobs.

A Submission is one unit × one round. Its dossier lives in :class:`DossierVersion` rows as
validated JSON (``jixiao.io.dossiers.dossier_to_data``). The current version is edited in place
while it is open; approval locks it, and a locked version never changes again (``save`` refuses):
a correction after approval starts the next version; approval also stores a content hash
(``content_hash``, see :mod:`~jixiao.web.evaluations.integrity`) that ``jixiao verify`` checks. The unit head signs a version off
(:class:`SignOff`) before it goes to review; an edit invalidates the sign-off. Every state change and every edit writes an
:class:`AuditEntry` with the changed field paths, old → new. Only ``services`` writes these rows.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jixiao.web.evaluations import engine
from jixiao.web.orgs.models import Org


class State(models.TextChoices):
    DRAFT = "draft", _("草稿")
    RETURNED = "returned", _("已退回")
    SUBMITTED = "submitted", _("已提交")
    DEPT_REVIEWED = "dept_reviewed", _("主管部门已审核")
    FINANCE_REVIEWED = "finance_reviewed", _("财政局已审核")
    APPROVED = "approved", _("已批准")
    PUBLISHED = "published", _("已公开")


EDITABLE_STATES = frozenset({State.DRAFT, State.RETURNED})
# handed in and not sent back: the submissions a round's score statistics count
SUBMITTED_STATES = frozenset(
    {
        State.SUBMITTED,
        State.DEPT_REVIEWED,
        State.FINANCE_REVIEWED,
        State.APPROVED,
        State.PUBLISHED,
    }
)


class FinalBasis(models.TextChoices):
    """What a version's final score rests on (jixiao.core.scoring.Basis)."""

    RESCORE = "rescore", _("财政复核")
    COMPUTED = "computed", _("计算得分")
    INSUFFICIENT = "insufficient", _("证据不足")


class Round(models.Model):
    """A finance bureau's call for one year's evaluations (e.g. 万财监〔2022〕3号)."""

    finance = models.ForeignKey(
        Org, on_delete=models.PROTECT, related_name="rounds", verbose_name=_("财政局")
    )
    year = models.PositiveIntegerField(_("评价年度"))
    notice = models.CharField(_("文号"), max_length=100)
    title = models.CharField(_("通知标题"), max_length=300)
    framework_id = models.CharField(_("评分框架"), max_length=100, blank=True)
    deadline = models.DateTimeField(_("截止时间"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-year", "-created")
        unique_together = (("finance", "year", "notice"),)
        verbose_name = _("评价批次")
        verbose_name_plural = _("评价批次")

    def __str__(self) -> str:
        return f"{self.year}年度 {self.notice}"

    @property
    def is_past_deadline(self) -> bool:
        return timezone.now() > self.deadline


class Submission(models.Model):
    round = models.ForeignKey(
        Round, on_delete=models.CASCADE, related_name="submissions", verbose_name=_("批次")
    )
    org = models.ForeignKey(
        Org, on_delete=models.PROTECT, related_name="submissions", verbose_name=_("单位")
    )
    state = models.CharField(
        _("状态"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True
    )
    current_version = models.ForeignKey(
        "DossierVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    extended_until = models.DateTimeField(_("延期至"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    is_late = models.BooleanField(_("逾期提交"), default=False)
    last_return_reason = models.TextField(_("退回原因"), blank=True)
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("org__path",)
        unique_together = (("round", "org"),)
        # a round's rows by state: the round page's filter and counts, the dashboard's to-dos
        indexes = (models.Index(fields=("round", "state"), name="submission_round_state"),)
        verbose_name = _("评价填报")
        verbose_name_plural = _("评价填报")

    def __str__(self) -> str:
        return f"{self.org} · {self.round}"

    @property
    def entry_deadline(self):
        return self.extended_until or self.round.deadline

    @property
    def entry_closed(self) -> bool:
        return timezone.now() > self.entry_deadline

    @property
    def reopened(self) -> bool:
        """Whether the last move back to 退回修改 was a reopen (of an approved or published
        report) rather than a return: its reason is then a reopen reason, not a return reason."""
        last = self.audit.filter(action__in=("return", "reopen")).order_by("-at", "-pk").first()
        return last is not None and last.action == "reopen"


class DossierVersion(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("版本"))
    data = models.JSONField(_("档案数据"))
    locked = models.BooleanField(_("已锁定"), default=False)
    approved_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    # what the pipeline made of `data` at the last save: lists and the API read this
    score_total = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    grade = models.CharField(max_length=8, blank=True)
    self_total = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    error_count = models.PositiveIntegerField(default=0)
    warning_count = models.PositiveIntegerField(default=0)
    findings = models.JSONField(default=list, blank=True)
    # the final score (jixiao.core.scoring.ScoreCard.final): the finance re-score where any item
    # is re-scored, else the computed score; no total when 证据不足. Refreshed after every save
    # and every re-score, so lists sort and count on it without recomputing.
    final_total = models.DecimalField(
        max_digits=7, decimal_places=2, null=True, blank=True, db_index=True
    )
    final_grade = models.CharField(max_length=8, blank=True)
    final_basis = models.CharField(max_length=12, choices=FinalBasis.choices, blank=True)
    # the seal of an approved version (evaluations.integrity): SHA-256 over its content, and
    # each part's own digest so `jixiao verify` can name what changed outside the application
    content_hash = models.CharField(_("内容校验值"), max_length=64, blank=True)
    content_parts = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ("submission", "number")
        unique_together = (("submission", "number"),)
        verbose_name = _("档案版本")
        verbose_name_plural = _("档案版本")

    def __str__(self) -> str:
        return f"v{self.number}"

    @property
    def final_text(self) -> str:
        """The final score as every page shows it: "87.5", "—（证据不足）", or "—" (not assessed)."""
        return engine.final_text(self.final_total, self.final_basis)

    @property
    def short_hash(self) -> str:
        """The first characters of the content hash, as pages show it for comparison."""
        return self.content_hash[:12]

    @property
    def final_label(self) -> str:
        """What the final score rests on: 财政复核 or 计算得分 (empty when there is none)."""
        if self.final_basis in (FinalBasis.RESCORE, FinalBasis.COMPUTED):
            return str(FinalBasis(self.final_basis).label)
        return ""

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            stored = DossierVersion.objects.filter(pk=self.pk).values("locked", "data").first()
            if stored and stored["locked"] and (stored["data"] != self.data or not self.locked):
                raise ValueError("已批准的版本不可修改 / an approved version is immutable")
        super().save(*args, **kwargs)  # type: ignore[arg-type]


class Rescore(models.Model):
    """The finance bureau's re-score of one indicator, beside the department's self-score."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="rescores")
    item_id = models.CharField(_("评分项"), max_length=200)  # ScoreCard item id
    points = models.DecimalField(_("复核得分"), max_digits=7, decimal_places=2)
    comment = models.TextField(_("复核意见"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = (("submission", "item_id"),)
        ordering = ("item_id",)


class SignOff(models.Model):
    """The 单位负责人's attestation of one dossier version before it goes to review.

    Valid while ``invalidated_at`` is empty: any later edit of the version sets it, so the
    head signs again. A unit head's own submit signs and submits in one step.
    """

    version = models.ForeignKey(DossierVersion, on_delete=models.CASCADE, related_name="sign_offs")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    by_name = models.CharField(max_length=150, blank=True)  # kept when the user is deleted
    at = models.DateTimeField(default=timezone.now)
    invalidated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("version", "at", "pk")
        verbose_name = _("负责人审签")
        verbose_name_plural = _("负责人审签")

    @classmethod
    def valid_of(cls, version_id: int | None) -> models.QuerySet[SignOff]:
        """The sign-offs of a version that no later edit has voided."""
        return cls.objects.filter(version_id=version_id, invalidated_at__isnull=True)

    @property
    def signer(self) -> str:
        if self.by is not None:
            return self.by.get_full_name() or self.by.username
        return self.by_name


def evidence_path(instance: Evidence, filename: str) -> str:
    return f"evidence/{instance.submission_id}/{instance.indicator_id}/{filename}"


class Evidence(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="evidence")
    indicator_id = models.CharField(_("指标"), max_length=100)
    file = models.FileField(_("佐证材料"), upload_to=evidence_path)
    name = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("indicator_id", "uploaded")


class Action(models.TextChoices):
    CREATE = "create", _("创建")
    EDIT = "edit", _("修改")
    SUBMIT = "submit", _("提交")
    DEPT_APPROVE = "dept_approve", _("主管部门审核通过")
    FINANCE_APPROVE = "finance_approve", _("财政局审核通过")
    APPROVE = "approve", _("批准")
    PUBLISH = "publish", _("公开")
    RETURN = "return", _("退回")
    REOPEN = "reopen", _("重新打开")
    RESCORE = "rescore", _("财政复核评分")
    EVIDENCE = "evidence", _("上传佐证材料")
    EXTEND = "extend", _("延期")
    NEW_VERSION = "new_version", _("创建新版本")
    SIGN_OFF = "sign_off", _("负责人审签")
    WITHDRAW = "withdraw", _("撤回")


class AuditEntry(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="audit")
    version = models.PositiveIntegerField(null=True, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)  # kept when the user is deleted
    at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    from_state = models.CharField(max_length=20, blank=True)
    to_state = models.CharField(max_length=20, blank=True)
    reason = models.TextField(blank=True)
    changes = models.JSONField(default=list, blank=True)  # [{"path", "old", "new"}]

    class Meta:
        ordering = ("at", "pk")
        # a submission's first SUBMIT (the round page's lateness column, one subquery a row)
        # and its latest dossier write (the revision every form and ETag carries)
        indexes = (
            models.Index(fields=("submission", "action", "at"), name="audit_submission_action"),
        )
        verbose_name = _("审计记录")
        verbose_name_plural = _("审计记录")

    @property
    def who(self) -> str:
        """The person as colleagues know them: 张三（zhangsan）, or the stored account name."""
        if self.actor is None:
            return self.actor_name
        full = self.actor.get_full_name()
        return f"{full}（{self.actor.username}）" if full else self.actor.username


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("排队中")
    RUNNING = "running", _("进行中")
    DONE = "done", _("已完成")
    FAILED = "failed", _("失败")


class BatchJob(models.Model):
    """A background job over a whole round (report ZIP, bulk import), with progress the UI can
    show; a running job records its worker and a heartbeat so a dead worker's job is marked failed."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="jobs")
    kind = models.CharField(max_length=20, default="reports_zip")
    fmt = models.CharField(max_length=10, default="html")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    status = models.CharField(max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    message = models.TextField(blank=True)
    result = models.FileField(upload_to="exports/", blank=True)
    task_id = models.CharField(max_length=64, blank=True)
    # the process running the job ("host:pid") and when it last reported progress: a job whose
    # worker died is found by these and marked failed (evaluations.liveness)
    worker = models.CharField(max_length=120, blank=True)
    heartbeat = models.DateTimeField(null=True, blank=True)
    # the worker writing the ZIP once every report of a split export is done (tasks): whoever
    # sets it first assembles, once
    assembler = models.CharField(max_length=120, blank=True)

    class Meta:
        ordering = ("-created",)
        verbose_name = _("批量任务")
        verbose_name_plural = _("批量任务")

    @property
    def percent(self) -> int:
        return (
            int(self.done * 100 / self.total)
            if self.total
            else (100 if self.status == JobStatus.DONE else 0)
        )


class ItemStatus(models.TextChoices):
    PENDING = "pending", _("待生成")
    RUNNING = "running", _("生成中")
    DONE = "done", _("已生成")
    FAILED = "failed", _("未能生成")


class ExportItem(models.Model):
    """One report of a round's ZIP export (a :class:`BatchJob`). Workers claim items one at a
    time (``SELECT … FOR UPDATE SKIP LOCKED`` where the database has it, and a conditional
    update everywhere), so several workers share one export and each report is written once;
    an item whose worker died is claimed again (``tasks``, ``liveness``)."""

    job = models.ForeignKey(BatchJob, on_delete=models.CASCADE, related_name="items")
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField()  # the report's place in the ZIP
    status = models.CharField(max_length=10, choices=ItemStatus.choices, default=ItemStatus.PENDING)
    worker = models.CharField(max_length=120, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)  # claims, a dead worker's included
    completions = models.PositiveIntegerField(default=0)  # reports finished: 1 when done
    filename = models.CharField(max_length=255, blank=True)  # its name inside the ZIP
    part = models.CharField(max_length=255, blank=True)  # the rendered file, in storage
    problem = models.TextField(blank=True)

    class Meta:
        ordering = ("job", "position")
        unique_together = (("job", "submission"),)
        indexes = (models.Index(fields=("job", "status", "position"), name="export_item_next"),)


class RoundRevision(models.Model):
    """A tag that changes with every write to what a round's aggregates read (the round page's
    progress and statistics, the oversight dashboard): written by database triggers only
    (:mod:`~jixiao.web.evaluations.round_figures`), so bulk inserts and updates, management
    commands, migrations and raw SQL move it as surely as ``services`` do. ``round_key`` is the
    round's id, or 0 for the org tree (names, kinds and paths of every round's units); ``tag`` is
    random, so a rolled-back or reloaded database never brings back a tag it showed before."""

    round_key = models.BigIntegerField(primary_key=True)
    tag = models.BigIntegerField()
