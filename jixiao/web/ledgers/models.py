"""Ledger records (台账记录) of one unit and year, their attachments, surveys and audit rows.

One generic :class:`LedgerRecord` serves every ledger: ``ledger`` names the core's ledger (its
record type in :mod:`jixiao.core.ledgers`) and ``data`` holds the record as that type validated
it, JSON-ready. Only ``services`` writes these rows, and every write adds a :class:`LedgerAudit`
row (kept when the record is deleted). A :class:`Survey` is a 满意度调查 with an anonymous link
(its token); each response is a record of the satisfaction ledger.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jixiao.web.orgs.models import Org


class Survey(models.Model):
    """A questionnaire for one unit and year, answered anonymously through ``token``'s link."""

    org = models.ForeignKey(
        Org, on_delete=models.PROTECT, related_name="surveys", verbose_name=_("单位")
    )
    year = models.PositiveIntegerField(_("年度"))
    title = models.CharField(_("问卷标题"), max_length=200)
    token = models.CharField(max_length=43, unique=True, editable=False)
    is_open = models.BooleanField(_("正在收集"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("-year", "-created")
        verbose_name = _("满意度调查")
        verbose_name_plural = _("满意度调查")

    def __str__(self) -> str:
        return self.title

    @staticmethod
    def new_token() -> str:
        return secrets.token_urlsafe(24)


class LedgerRecord(models.Model):
    org = models.ForeignKey(
        Org, on_delete=models.PROTECT, related_name="ledger_records", verbose_name=_("单位")
    )
    ledger = models.CharField(_("台账"), max_length=40)
    ref = models.CharField(_("编号"), max_length=100)  # the record's id, unique in its ledger
    year = models.PositiveIntegerField(_("年度"))
    date = models.DateField(_("日期"))  # the date that places the record in its year
    data = models.JSONField(_("记录内容"))
    survey = models.ForeignKey(
        Survey, null=True, blank=True, on_delete=models.SET_NULL, related_name="responses"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(auto_now_add=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ("date", "pk")
        indexes = (models.Index(fields=("org", "ledger", "year")),)
        constraints = (
            models.UniqueConstraint(
                fields=("org", "ledger", "ref"), name="ledger_record_ref_unique"
            ),
        )
        verbose_name = _("台账记录")
        verbose_name_plural = _("台账记录")

    def __str__(self) -> str:
        return f"{self.ledger} {self.ref}"


def attachment_path(instance: LedgerAttachment, filename: str) -> str:
    record = instance.record
    return f"ledgers/{record.org_id}/{record.ledger}/{record.pk}/{filename}"


class LedgerAttachment(models.Model):
    record = models.ForeignKey(LedgerRecord, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("附件"), upload_to=attachment_path)
    name = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("uploaded", "pk")


class LedgerAction(models.TextChoices):
    CREATE = "create", _("新增")
    EDIT = "edit", _("修改")
    DELETE = "delete", _("删除")
    IMPORT = "import", _("Excel 导入")
    ATTACH = "attach", _("上传附件")
    SURVEY = "survey", _("问卷")
    RESPONSE = "response", _("问卷答复")


class LedgerAudit(models.Model):
    """One change to a unit's ledger: who, when, which record, what changed (old → new)."""

    org = models.ForeignKey(Org, on_delete=models.CASCADE, related_name="ledger_audit")
    ledger = models.CharField(max_length=40)
    record_pk = models.PositiveBigIntegerField(null=True, blank=True)  # kept after a delete
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=12, choices=LedgerAction.choices)
    reason = models.TextField(blank=True)
    changes = models.JSONField(default=list, blank=True)  # [{"path", "old", "new"}]

    class Meta:
        ordering = ("at", "pk")
        verbose_name = _("台账变更记录")
        verbose_name_plural = _("台账变更记录")

    @property
    def who(self) -> str:
        """The person as colleagues know them: 张三（zhangsan）, or the stored name."""
        if self.actor is None:
            return self.actor_name
        full = self.actor.get_full_name()
        return f"{full}（{self.actor.username}）" if full else self.actor.username


class LedgerSnapshot(models.Model):
    """The ledger records a dossier version was assessed with, frozen when it was submitted.

    While a submission is with its unit (草稿, 已退回) its version is assessed against the unit's
    live ledgers; submitting copies the records its year's figures are computed from (the
    year's and the year before's, and the registers' entries up to the year's end) into this
    row, and every later assessment, score and report of the version reads them from here. So
    a reviewer sees what was handed in, and an approved version's figures never change when a
    clerk edits the ledger afterwards. Once the version is locked (approved) the row is
    immutable like the version, and its digest is part of the version's seal (``integrity``).
    """

    version = models.OneToOneField(
        "evaluations.DossierVersion",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="ledger_snapshot",
    )
    year = models.PositiveIntegerField(_("年度"))
    data = models.JSONField(_("台账记录"))  # {ledger key: [record data, …]}: the core LedgerSet
    # the energy conversion factors the figures were converted with (the shipped ones may change)
    factors = models.JSONField(null=True, blank=True)
    record_count = models.PositiveIntegerField(default=0)
    digest = models.CharField(max_length=64)  # SHA-256 of the canonical JSON of data and factors
    taken_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("台账快照")
        verbose_name_plural = _("台账快照")

    def _version_locked(self) -> bool:
        from jixiao.web.evaluations.models import DossierVersion

        return bool(
            DossierVersion.objects.filter(pk=self.version_id)
            .values_list("locked", flat=True)
            .first()
        )

    def save(self, *args: object, **kwargs: object) -> None:
        if self._version_locked():
            fields = ("data", "factors", "digest")
            stored = LedgerSnapshot.objects.filter(pk=self.pk).values(*fields).first()
            if stored is None or stored != {f: getattr(self, f) for f in fields}:
                raise ValueError(
                    "已批准版本的台账快照不可修改 / an approved version's snapshot is immutable"
                )
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        if self._version_locked():
            raise ValueError(
                "已批准版本的台账快照不可删除 / an approved version's snapshot is immutable"
            )
        return super().delete(*args, **kwargs)  # type: ignore[arg-type]
