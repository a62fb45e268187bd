"""Every change to a unit's ledgers: check permission, validate through the core, write, audit.

Functions are keyword-only and named ``<entity>_<action>``; each runs in one transaction and
raises :class:`~jixiao.web.evaluations.permissions.ActionRefused` when the actor may not write
the unit's ledgers, or :class:`jixiao.core.errors.InputError` (nothing written) when a record
does not validate against its core record type. After a change, the unit's open submissions of
that year take the ledger-backed actuals again (:mod:`~jixiao.web.ledgers.actuals`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext

from jixiao.core.errors import InputError
from jixiao.web.evaluations import reasons
from jixiao.web.evaluations.audit import diff
from jixiao.web.evaluations.permissions import ActionRefused
from jixiao.web.ledgers import access, actuals, catalogue
from jixiao.web.ledgers.models import (
    LedgerAction,
    LedgerAttachment,
    LedgerAudit,
    LedgerRecord,
    Survey,
)
from jixiao.web.orgs.models import Org


def _audit(
    *,
    actor: Any,
    org: Org,
    ledger: str,
    action: str,
    record_pk: int | None = None,
    changes: list[dict[str, Any]] | None = None,
    reason: str = "",
) -> LedgerAudit:
    return LedgerAudit.objects.create(
        org=org,
        ledger=ledger,
        record_pk=record_pk,
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=getattr(actor, "username", "") or gettext("匿名答卷人"),
        action=action,
        changes=changes or [],
        reason=reason,
    )


PLACEHOLDER_ID = "待编号"


def _duplicate(origin: str, ref: str) -> InputError:
    return InputError.single(
        origin, "id", f"编号 {ref} 已存在，请换一个编号", f"the id {ref} is already taken"
    )


def _next_ref(org: Org, ledger: str, year: int, taken: set[str] | None = None) -> str:
    """The next free id of the form 2021-001 in the unit's ledger."""
    existing = set(
        LedgerRecord.objects.filter(org=org, ledger=ledger, ref__startswith=f"{year}-").values_list(
            "ref", flat=True
        )
    ) | (taken or set())
    number = len(existing) + 1
    while f"{year}-{number:03d}" in existing:
        number += 1
    return f"{year}-{number:03d}"


def prepared(
    org: Org,
    ledger: str,
    data: dict[str, Any],
    *,
    origin: str = "<web>",
    keep: LedgerRecord | None = None,
    taken: set[str] | None = None,
) -> dict[str, Any]:
    """*data* validated as a record of *ledger* for *org*, with an id: the one given (refused
    when another record has it) or the next free one. Nothing is written."""
    given = str(data.get("id") or "").strip()
    problems = []
    if given:
        others = LedgerRecord.objects.filter(org=org, ledger=ledger, ref=given)
        if keep is not None:
            others = others.exclude(pk=keep.pk)
        if others.exists() or given in (taken or set()):
            problems += _duplicate(origin, given).problems
    try:
        clean = catalogue.validate(ledger, {**data, "id": given or PLACEHOLDER_ID}, origin)
    except InputError as error:
        raise InputError(origin, problems + error.problems) from None
    if problems:
        raise InputError(origin, problems)
    if not given:
        day = catalogue.record_day(ledger, clean)
        clean["id"] = _next_ref(org, ledger, day.year, taken)
    return clean


def _check_attachment(upload: UploadedFile) -> str:
    name = upload.name or "file"
    if not name.lower().endswith(tuple(settings.EVIDENCE_EXTENSIONS)):
        raise ActionRefused(
            gettext("不支持的文件类型：%(name)s，允许 %(allowed)s")
            % {"name": name, "allowed": " ".join(settings.EVIDENCE_EXTENSIONS)},
            code="invalid",
        )
    if upload.size and upload.size > settings.EVIDENCE_MAX_BYTES:
        raise ActionRefused(gettext("文件过大（上限 20 MB）"), code="invalid")
    return name


def _attach(actor: Any, record: LedgerRecord, upload: UploadedFile) -> LedgerAttachment:
    name = _check_attachment(upload)
    attachment = LedgerAttachment.objects.create(
        record=record, file=upload, name=name, uploaded_by=actor
    )
    _audit(
        actor=actor,
        org=record.org,
        ledger=record.ledger,
        action=LedgerAction.ATTACH,
        record_pk=record.pk,
        reason=name,
    )
    return attachment


def _new_record(
    actor: Any, org: Org, ledger: str, clean: dict[str, Any], **extra: Any
) -> LedgerRecord:
    record = _unsaved_record(actor, org, ledger, clean, **extra)
    record.save()
    return record


def _unsaved_record(
    actor: Any, org: Org, ledger: str, clean: dict[str, Any], **extra: Any
) -> LedgerRecord:
    day = catalogue.record_day(ledger, clean)
    return LedgerRecord(
        org=org,
        ledger=ledger,
        ref=clean["id"],
        year=day.year,
        date=day,
        data=clean,
        created_by=actor if getattr(actor, "pk", None) else None,
        updated_by=actor if getattr(actor, "pk", None) else None,
        **extra,
    )


def _insert(
    actor: Any, org: Org, ledger: str, data: dict[str, Any], origin: str = "<web>", **extra: Any
) -> LedgerRecord:
    """Validate and store one record; an automatic id taken at the same moment by another
    request (the unique constraint refuses the second) is numbered again."""
    for attempt in range(3):
        clean = prepared(org, ledger, data, origin=origin)
        try:
            with transaction.atomic():  # a savepoint: the outer transaction stays usable
                return _new_record(actor, org, ledger, clean, **extra)
        except IntegrityError:
            if str(data.get("id") or "").strip():
                raise _duplicate(origin, clean["id"]) from None
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def record_create(
    *,
    actor: Any,
    org: Org,
    ledger: str,
    data: dict[str, Any],
    upload: UploadedFile | None = None,
) -> LedgerRecord:
    """Validate *data* as a record of *ledger* and store it for *org* (its year from its date)."""
    access.require_write(actor, org)
    if upload is not None:
        _check_attachment(upload)
    with transaction.atomic():
        record = _insert(actor, org, ledger, data)
        clean = record.data
        _audit(
            actor=actor,
            org=org,
            ledger=ledger,
            action=LedgerAction.CREATE,
            record_pk=record.pk,
            changes=diff({}, clean),
        )
        if upload is not None:
            _attach(actor, record, upload)
        actuals.refresh(actor=actor, org=org, years={record.year})
    return record


def record_edit(
    *, actor: Any, record: LedgerRecord, data: dict[str, Any], upload: UploadedFile | None = None
) -> LedgerRecord:
    access.require_write(actor, record.org)
    if upload is not None:
        _check_attachment(upload)
    with transaction.atomic():
        record = LedgerRecord.objects.select_for_update().select_related("org").get(pk=record.pk)
        # the file names of uploaded attachments are the web's to keep
        kept = {"attachments": record.data.get("attachments", [])}
        clean = prepared(record.org, record.ledger, {**data, **kept}, keep=record)
        old, old_year = record.data, record.year
        day = catalogue.record_day(record.ledger, clean)
        record.data, record.ref, record.date, record.year = clean, clean["id"], day, day.year
        record.updated_by = actor
        record.save()
        changes = diff(old, clean)
        if changes:
            _audit(
                actor=actor,
                org=record.org,
                ledger=record.ledger,
                action=LedgerAction.EDIT,
                record_pk=record.pk,
                changes=changes,
            )
        if upload is not None:
            _attach(actor, record, upload)
        actuals.refresh(actor=actor, org=record.org, years={old_year, record.year})
    return record


def record_delete(*, actor: Any, record: LedgerRecord, reason: str = "") -> None:
    access.require_write(actor, record.org)
    with transaction.atomic():
        _audit(
            actor=actor,
            org=record.org,
            ledger=record.ledger,
            action=LedgerAction.DELETE,
            record_pk=record.pk,
            changes=diff(record.data, {}),
            reason=reason,
        )
        org, year = record.org, record.year
        names = [a.file.name for a in record.attachments.all()]
        record.delete()
        actuals.refresh(actor=actor, org=org, years={year})
        storage = LedgerAttachment._meta.get_field("file").storage
        transaction.on_commit(lambda: [storage.delete(name) for name in names])


def records_import(
    *, actor: Any, org: Org, ledger: str, rows: Iterable[dict[str, Any]], origin: str
) -> list[LedgerRecord]:
    """Store already validated rows (``imports.read_workbook``, or the records of a ledger
    file) all together, or none: one audit row lists them."""
    access.require_write(actor, org)
    with transaction.atomic():
        created = LedgerRecord.objects.bulk_create(
            [_unsaved_record(actor, org, ledger, clean) for clean in rows]
        )
        _audit(
            actor=actor,
            org=org,
            ledger=ledger,
            action=LedgerAction.IMPORT,
            reason=reasons.LEDGER_IMPORT(file=origin, n=len(created)),
            changes=[{"path": r.ref, "old": None, "new": str(r.pk)} for r in created],
        )
        actuals.refresh(actor=actor, org=org, years={r.year for r in created})
    return created


# ── satisfaction surveys ──────────────────────────────────────────────────────────────────


def survey_open(*, actor: Any, org: Org, year: int, title: str) -> Survey:
    access.require_write(actor, org)
    title = title.strip()
    if not title:
        raise ActionRefused(gettext("请填写问卷标题"), code="invalid")
    with transaction.atomic():
        survey = Survey.objects.create(
            org=org, year=year, title=title, token=Survey.new_token(), created_by=actor
        )
        _audit(
            actor=actor,
            org=org,
            ledger=catalogue.SATISFACTION,
            action=LedgerAction.SURVEY,
            reason=reasons.SURVEY_OPEN(title=title),
        )
    return survey


def survey_close(*, actor: Any, survey: Survey, is_open: bool = False) -> Survey:
    access.require_write(actor, survey.org)
    with transaction.atomic():
        Survey.objects.filter(pk=survey.pk).update(is_open=is_open)
        survey.is_open = is_open
        _audit(
            actor=actor,
            org=survey.org,
            ledger=catalogue.SATISFACTION,
            action=LedgerAction.SURVEY,
            reason=(reasons.SURVEY_REOPEN if is_open else reasons.SURVEY_CLOSE)(title=survey.title),
        )
    return survey


def survey_respond(*, survey: Survey, data: dict[str, Any]) -> LedgerRecord:
    """An anonymous response, stored as a record of the satisfaction ledger of the survey's
    unit, dated today (or the last day of the survey's year when that year is over)."""
    if not survey.is_open:
        raise ActionRefused(gettext("该问卷已停止收集"), code="closed")
    # a survey of a past year collected late still counts in the year it evaluates
    today = catalogue.today()
    answered = today if today.year == survey.year else date(survey.year, 12, 31)
    answers = {
        "answered_on": answered.isoformat(),
        "survey": survey.title,
        **data,
        "id": "",
    }
    with transaction.atomic():
        record = _insert(
            None, survey.org, catalogue.SATISFACTION, answers, origin=survey.title, survey=survey
        )
        _audit(
            actor=None,
            org=survey.org,
            ledger=catalogue.SATISFACTION,
            action=LedgerAction.RESPONSE,
            record_pk=record.pk,
            reason=survey.title,
        )
        actuals.refresh(actor=None, org=survey.org, years={survey.year})
    return record
