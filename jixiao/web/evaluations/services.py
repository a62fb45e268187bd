"""Every change to rounds and submissions: check permission, change state, write the audit row.

Functions are keyword-only and named ``<entity>_<action>``. Each runs in one transaction, takes a
row lock on the submission (so two reviewers cannot both act on the same state), and raises
:class:`~jixiao.web.evaluations.permissions.ActionRefused` with a bilingual message when the actor
may not act, or :class:`jixiao.core.errors.InputError` when dossier data does not validate.
Views and the API only parse input, call one of these and render the outcome.

``check_transition`` runs a transition's checks without changing anything: the confirmation page
uses it to say beforehand whether (and why) an action would be refused.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Collection, Iterable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from jixiao.core.dossier import dossier_from_data
from jixiao.core.figures import FigureBook
from jixiao.core.money import round_half_up
from jixiao.core.numbers import format_score
from jixiao.io.dossiers import dossier_to_data
from jixiao.web.evaluations import engine, integrity, reasons, selectors
from jixiao.web.evaluations.audit import diff
from jixiao.web.evaluations.models import (
    EDITABLE_STATES,
    Action,
    AuditEntry,
    DossierVersion,
    Evidence,
    Rescore,
    Round,
    SignOff,
    State,
    Submission,
)
from jixiao.web.evaluations.permissions import (
    ACTIONS,
    NEEDS_REASON,
    ActionRefused,
    Permissions,
)
from jixiao.web.evaluations.selectors import valid_sign_off
from jixiao.web.orgs.models import Membership, Org, OrgKind, Role

# action → (new state, audit action)
_TRANSITIONS: dict[str, tuple[State, Action]] = {
    "submit": (State.SUBMITTED, Action.SUBMIT),
    "withdraw": (State.DRAFT, Action.WITHDRAW),  # or back to returned: see withdraw_target
    "dept_approve": (State.DEPT_REVIEWED, Action.DEPT_APPROVE),
    "finance_approve": (State.FINANCE_REVIEWED, Action.FINANCE_APPROVE),
    "approve": (State.APPROVED, Action.APPROVE),
    "publish": (State.PUBLISHED, Action.PUBLISH),
    "return": (State.RETURNED, Action.RETURN),
    "reopen": (State.RETURNED, Action.REOPEN),
}


# ── helpers ───────────────────────────────────────────────────────────────────────────────


def _audit(
    *,
    actor: Any,
    submission: Submission,
    action: Action,
    from_state: str = "",
    to_state: str = "",
    reason: str = "",
    changes: list[dict[str, Any]] | None = None,
) -> AuditEntry:
    version = submission.current_version.number if submission.current_version_id else None
    return AuditEntry.objects.create(
        submission=submission,
        version=version,
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=getattr(actor, "username", "") or "system",
        action=action,
        from_state=from_state,
        to_state=to_state,
        reason=reason,
        changes=changes or [],
    )


def _locked(submission: Submission) -> Submission:
    """Take the submission's row lock, then re-read it with its current version (no lock on
    SQLite, whose IMMEDIATE transactions lock the database).

    Two queries on purpose: on PostgreSQL a statement that waits for the lock still reads the
    joined rows (the dossier version) as they were when it began, before the save it waited
    for; a save building on that data would revert the other one."""
    Submission.objects.select_for_update(of=("self",)).filter(pk=submission.pk).values_list(
        "pk", flat=True
    ).get()
    return Submission.objects.select_related("round", "org", "current_version").get(
        pk=submission.pk
    )


# invisible characters a pasted "reason" may consist of; str.strip() keeps them
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def clean_reason(reason: str) -> str:
    """A reason without invisible characters and blank edges (ideographic spaces included)."""
    return (reason or "").translate(_INVISIBLE).strip()


def _require_reason(action: str, reason: str) -> str:
    reason = clean_reason(reason)
    if action in NEEDS_REASON and len(reason) < 2:
        # names the field and what it needs (退回原因：请填写，至少 2 个字), even for one letter
        raise ActionRefused(
            gettext("%(action)s原因：请填写，至少 2 个字") % {"action": ACTIONS[action]},
            code="reason_required",
        )
    return reason


def _rescores(submission: Submission) -> dict[str, tuple[Decimal, str]]:
    return {r.item_id: (r.points, r.comment) for r in submission.rescores.all()}


def assess_version(
    version: DossierVersion,
    submission: Submission | None = None,
    *,
    rescores: dict[str, tuple[Decimal, str]] | None = None,
    with_rescores: bool = True,
) -> engine.Assessment:
    """The assessment of *version* with the ledgers it is judged by: the unit's live ledgers
    while the version is with the unit, the snapshot frozen at submission after that
    (:mod:`jixiao.web.ledgers.snapshots`). Every page, API call and report of a version goes
    through here, so they all agree."""
    from jixiao.web.ledgers import snapshots

    submission = submission or version.submission
    if rescores is None and with_rescores:
        rescores = _rescores(submission)
    return engine.assess(
        version.data,
        framework_id=submission.round.framework_id or None,
        rescores=rescores or None,
        ledgers=snapshots.ledgers_for(version, submission),
    )


def refresh_assessment(version: DossierVersion) -> engine.Assessment:
    """Evaluate a version's data and store the summary the list pages and the API read."""
    assessment = assess_version(version)
    version.score_total = assessment.total
    version.grade = assessment.grade
    version.self_total = assessment.self_total
    version.error_count = len(assessment.blocking)
    version.warning_count = len(assessment.warnings)
    version.findings = assessment.findings
    version.final_total = assessment.final_total
    version.final_grade = assessment.final_grade
    version.final_basis = assessment.final_basis
    DossierVersion.objects.filter(pk=version.pk).update(
        score_total=version.score_total,
        grade=version.grade,
        self_total=version.self_total,
        error_count=version.error_count,
        warning_count=version.warning_count,
        findings=version.findings,
        final_total=version.final_total,
        final_grade=version.final_grade,
        final_basis=version.final_basis,
    )
    return assessment


def _initial_data(org: Org, round_: Round, previous: dict[str, Any] | None) -> dict[str, Any]:
    """A new submission's dossier: the org's name, the notice, and last year's approved values."""
    data: dict[str, Any] = {
        "year": round_.year,
        "profile": {"name": org.name, "code": org.code},
        "evaluation": {"notice": round_.notice, "notice_title": round_.title},
    }
    if previous is None:
        return data
    last = dossier_from_data(previous)
    last_data = dossier_to_data(last)
    data["profile"] = {**last_data.get("profile", {}), "name": org.name, "code": org.code}
    for key in ("staffing", "goals"):
        if key in last_data:
            data[key] = last_data[key]
    # indicators carry over as this year's targets, without last year's actuals or scores
    keep = (
        "id",
        "name",
        "level1",
        "level2",
        "goal",
        "comparator",
        "target",
        "adjusted_target",
        "target_text",
        "unit",
        "weight",
    )
    data["indicators"] = [
        {k: v for k, v in ind.items() if k in keep} for ind in last_data.get("indicators", [])
    ]
    book = FigureBook(last)
    data["previous"] = {key: value for key, value in book.flat().items() if _is_number(value)}
    return data


def _is_number(value: Any) -> bool:
    try:
        Decimal(str(value))
    except Exception:
        return False
    return value not in (None, "")


# ── rounds ────────────────────────────────────────────────────────────────────────────────


def _instant(value: datetime, field: str) -> datetime:
    """*value* as an aware UTC instant. PostgreSQL refuses UTC offsets beyond ±15:59, which ISO
    8601 allows (``-18:15``): the same instant in UTC stores anywhere. A naive time is local."""
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    try:
        return value.astimezone(UTC)
    except OverflowError:
        raise ActionRefused(
            gettext("%(field)s超出可表示的日期范围") % {"field": field}, code="invalid"
        ) from None


@transaction.atomic
def round_open(
    *,
    actor: Any,
    finance: Org,
    year: int,
    notice: str,
    title: str,
    deadline: datetime,
    units: Iterable[Org],
    framework_id: str = "",
) -> Round:
    """Open a round and create a submission, carrying last year's approved data, for every unit."""
    permissions = Permissions.of(actor)
    if finance.kind != OrgKind.FINANCE or finance not in permissions.finance_orgs():
        raise ActionRefused(
            gettext("只有财政局审核员可以发起评价批次"),
            code="not_allowed",
        )
    units = list(units)
    if not units:
        raise ActionRefused(gettext("请至少选择一个参与单位"), code="invalid")
    outside = [
        u.name for u in units if not u.path.startswith(finance.path) or u.kind == OrgKind.FINANCE
    ]
    if outside:
        raise ActionRefused(
            gettext("以下单位不属于本财政局：%(units)s") % {"units": "、".join(outside)},
            code="invalid",
        )
    if Round.objects.filter(finance=finance, year=year, notice=notice).exists():
        raise ActionRefused(
            gettext("批次 %(year)s %(notice)s 已存在") % {"year": year, "notice": notice},
            code="invalid",
        )
    round_ = Round.objects.create(
        finance=finance,
        year=year,
        notice=notice.strip(),
        title=title.strip(),
        deadline=_instant(deadline, gettext("截止时间")),
        framework_id=framework_id,
        created_by=actor,
    )
    previous = _previous_approved(units, year - 1)
    for org in units:
        submission = Submission.objects.create(round=round_, org=org)
        version = DossierVersion.objects.create(
            submission=submission,
            number=1,
            data=_initial_data(org, round_, previous.get(org.pk)),
            created_by=actor,
        )
        submission.current_version = version
        submission.save(update_fields=["current_version"])
        _audit(
            actor=actor,
            submission=submission,
            action=Action.CREATE,
            to_state=State.DRAFT,
            reason=f"{round_.year} {round_.notice}",
        )
        refresh_assessment(version)
    return round_


def _previous_approved(units: list[Org], year: int) -> dict[int, dict[str, Any]]:
    """Last year's approved (or published) dossier data per org id."""
    rows = (
        Submission.objects.filter(
            org__in=units, round__year=year, state__in=(State.APPROVED, State.PUBLISHED)
        )
        .select_related("current_version")
        .order_by("org_id", "-round__created")
    )
    found: dict[int, dict[str, Any]] = {}
    for row in rows:
        if row.org_id not in found and row.current_version:
            found[row.org_id] = row.current_version.data
    return found


# ── dossier edits ─────────────────────────────────────────────────────────────────────────


class StaleDossier(ActionRefused):
    """A save made from a revision someone else has since changed in the same place.

    ``changes`` lists what the other saves changed there: ``{"path", "old", "new", "by", "at"}``,
    oldest first; nothing was written."""

    def __init__(self, message: str, *, revision: int, changes: list[dict[str, Any]]):
        super().__init__(message, code="stale_revision")
        self.revision = revision
        self.changes = changes


# paths a section form keeps from the data as it is when saved (it does not show them): a
# change there by someone else is merged, not a conflict
_MERGED_PATHS = re.compile(r"indicators\[\d+\]\.(evidence|source)\b")


def _top_key(path: str) -> str:
    return path.split(".", 1)[0].split("[", 1)[0]


def _check_revision(
    submission: Submission, base_version: int, keys: Collection[str] | None
) -> None:
    """Refuse (StaleDossier) when a save since *base_version* changed what this one writes: the
    dossier keys in *keys*, or anything when *keys* is None (a whole-dossier replacement)."""
    current = selectors.dossier_revision(submission.pk)
    if base_version == current:
        return
    changes = [
        {**change, "by": entry.who, "at": entry.at}
        for entry in selectors.dossier_writes_since(submission, base_version)
        for change in entry.changes
        if keys is None
        or (_top_key(change["path"]) in keys and not _MERGED_PATHS.match(change["path"]))
    ]
    if base_version > current or changes or keys is None:
        raise StaleDossier(
            gettext(
                "您打开本页之后，其他人保存了同一部分的修改；为免覆盖对方的修改，您的修改未保存。"
            )
            if keys is not None
            else gettext("档案在您读取之后已被其他人修改；为免覆盖对方的修改，本次未保存。"),
            revision=current,
            changes=changes,
        )


def submission_save_dossier(
    *,
    actor: Any,
    submission: Submission,
    data: dict[str, Any],
    note: str = "",
    base_version: int | None = None,
) -> engine.Assessment:
    """Replace the dossier with *data* (validated), recording each changed field.

    With *base_version* (the revision the data was based on, ``selectors.dossier_revision``)
    refused with StaleDossier, nothing written, when anyone saved since. Raises InputError naming
    each bad field, and ActionRefused outside the entry window.
    """
    return submission_edit_dossier(
        actor=actor,
        submission=submission,
        edit=lambda _current: data,
        note=note,
        base_version=base_version,
    )


@transaction.atomic
def submission_edit_dossier(
    *,
    actor: Any,
    submission: Submission,
    edit: Callable[[dict[str, Any]], dict[str, Any]],
    keys: Collection[str] | None = None,
    base_version: int | None = None,
    note: str = "",
) -> engine.Assessment:
    """Apply *edit* to the dossier as it is now, read under the submission's row lock, so a save
    made at the same moment is never reverted by one computed from older data.

    *keys* are the dossier keys the edit writes (a section's); None means the whole dossier.
    With *base_version*, a save since that revision that changed any of *keys* refuses this one
    (StaleDossier, nothing written); a save that changed other keys is kept, this one applied on
    top of it. Without it, the edit applies to the latest data (today's behaviour).
    """
    return _save(
        actor=actor,
        submission=submission,
        edit=edit,
        note=note,
        action="edit",
        keys=keys,
        base_version=base_version,
    )


@transaction.atomic
def submission_follow_ledgers(
    *,
    actor: Any,
    submission: Submission,
    edit: Callable[[dict[str, Any]], dict[str, Any]],
    note: str,
) -> engine.Assessment | None:
    """An open dossier takes its ledger's new values after the ledger changed (a clerk's record,
    an anonymous survey answer): the values are the ledger's, not the actor's edit, so no
    permission of theirs is needed; audited with the actor (or "system") and *note*. Nothing
    happens (None) once the submission is no longer with its unit. After a reopen the current
    version is the approved one, locked: a change of its figures starts the next version, as a
    clerk's edit does; a ledger change that moves none of them leaves it as it is."""
    submission = _locked(submission)
    version = submission.current_version
    if submission.state not in EDITABLE_STATES or version is None:
        return None
    if version.locked:
        followed = dossier_to_data(
            dossier_from_data(edit(copy.deepcopy(version.data)), origin="<web>")
        )
        if not diff(version.data, followed):
            return None
    return _save(
        actor=actor,
        submission=submission,
        edit=edit,
        note=note,
        action="edit",
        keys={"indicators"},
        check_permission=False,
    )


def submission_prefill(
    *, actor: Any, submission: Submission, data: dict[str, Any], note: str
) -> engine.Assessment:
    """The finance bureau prefills a unit's open draft (bulk import); audited like an edit.
    Ledger-backed actuals follow the unit's ledger, a different figure only with a reason."""
    from jixiao.web.ledgers import actuals

    return _save(
        actor=actor,
        submission=submission,
        edit=lambda current: actuals.resolve(submission, current, data),
        note=note,
        action="prefill",
    )


@transaction.atomic
def _save(
    *,
    actor: Any,
    submission: Submission,
    edit: Callable[[dict[str, Any]], dict[str, Any]],
    note: str,
    action: str,
    keys: Collection[str] | None = None,
    base_version: int | None = None,
    check_permission: bool = True,
) -> engine.Assessment:
    submission = _locked(submission)
    if check_permission:
        Permissions.of(actor).require(action, submission)
    if base_version is not None:
        _check_revision(submission, base_version, keys)
    version = submission.current_version
    assert version is not None
    data = edit(copy.deepcopy(version.data))
    dossier = dossier_from_data(data, origin="<web>")
    clean = dossier_to_data(dossier)
    if clean.get("year") != submission.round.year:
        from jixiao.core.errors import InputError

        raise InputError.single(
            "<web>",
            "year",
            f"年度应为 {submission.round.year}",
            f"year must be {submission.round.year}",
        )
    changes = diff(version.data, clean)
    if version.locked:
        version = DossierVersion.objects.create(
            submission=submission, number=version.number + 1, data=clean, created_by=actor
        )
        submission.current_version = version
        submission.save(update_fields=["current_version", "updated"])
        _audit(
            actor=actor,
            submission=submission,
            action=Action.NEW_VERSION,
            reason=reasons.NEW_VERSION(),
        )
    elif changes:
        version.data = clean
        version.save(update_fields=["data"])
        if _invalidate_sign_offs(version):
            note = reasons.join(note, reasons.SIGN_OFF_VOID())
    if changes:
        _audit(actor=actor, submission=submission, action=Action.EDIT, reason=note, changes=changes)
    return refresh_assessment(version)


def submission_waive(
    *, actor: Any, submission: Submission, finding_id: str, reason: str, where: str = ""
) -> engine.Assessment:
    """Waive a finding by id (and field path) with a reason: an edit of the dossier's waivers."""
    reason = _require_reason("return", reason)
    waiver: dict[str, str] = {"id": finding_id, "reason": reason}
    if where:
        waiver["where"] = where

    def add(data: dict[str, Any]) -> dict[str, Any]:
        return {**data, "waivers": [*data.get("waivers", []), waiver]}

    return submission_edit_dossier(
        actor=actor, submission=submission, edit=add, note=reasons.WAIVE(id=finding_id)
    )


def submission_unwaive(
    *, actor: Any, submission: Submission, finding_id: str, where: str = ""
) -> engine.Assessment:
    """Withdraw the waiver of a finding (撤销豁免): an edit of the dossier's waivers, audited."""
    Permissions.of(actor).require("edit", submission)

    def remove(data: dict[str, Any]) -> dict[str, Any]:
        waivers = list(data.get("waivers", []))
        kept = [
            w
            for w in waivers
            if not (w.get("id") == finding_id and w.get("where") in (None, "", where))
        ]
        if len(kept) == len(waivers):
            raise ActionRefused(_("没有找到该审核发现的豁免，可能已被撤销。"), code="invalid")
        return {**data, "waivers": kept}

    return submission_edit_dossier(
        actor=actor, submission=submission, edit=remove, note=reasons.UNWAIVE(id=finding_id)
    )


@transaction.atomic
def submission_add_evidence(
    *, actor: Any, submission: Submission, indicator_id: str, upload: UploadedFile
) -> Evidence:
    submission = _locked(submission)
    Permissions.of(actor).require("edit", submission)
    data = submission.current_version.data  # type: ignore[union-attr]
    indicators = data.get("indicators", [])
    if not any(i.get("id") == indicator_id for i in indicators):
        raise ActionRefused(gettext("指标 %(id)s 不存在") % {"id": indicator_id}, code="invalid")
    name = upload.name or "file"
    if not name.lower().endswith(tuple(settings.EVIDENCE_EXTENSIONS)):
        raise ActionRefused(
            gettext("不支持的文件类型：%(name)s，允许 %(allowed)s")
            % {"name": name, "allowed": " ".join(settings.EVIDENCE_EXTENSIONS)},
            code="invalid",
        )
    if upload.size and upload.size > settings.EVIDENCE_MAX_BYTES:
        raise ActionRefused(gettext("文件过大（上限 20 MB）"), code="invalid")
    evidence = Evidence.objects.create(
        submission=submission, indicator_id=indicator_id, file=upload, name=name, uploaded_by=actor
    )
    new = dict(data)
    new["indicators"] = [
        {**i, "evidence": [*i.get("evidence", []), name]} if i.get("id") == indicator_id else i
        for i in indicators
    ]
    _audit(actor=actor, submission=submission, action=Action.EVIDENCE, reason=name)
    submission_save_dossier(
        actor=actor, submission=submission, data=new, note=reasons.EVIDENCE(name=name)
    )
    return evidence


# ── sign-off (负责人审签) ───────────────────────────────────────────────────────────────────


def _invalidate_sign_offs(version: DossierVersion) -> int:
    """An edit voids the unit head's sign-off of the version: they sign the new content again."""
    return SignOff.objects.filter(version=version, invalidated_at__isnull=True).update(
        invalidated_at=timezone.now()
    )


def _sign(actor: Any, submission: Submission) -> SignOff:
    version = submission.current_version
    assert version is not None
    sign_off = SignOff.objects.create(version=version, by=actor, by_name=actor.username)
    _audit(
        actor=actor,
        submission=submission,
        action=Action.SIGN_OFF,
        reason=reasons.SIGN_OFF(n=version.number),
    )
    return sign_off


def check_sign_off(*, actor: Any, submission: Submission) -> None:
    permissions = Permissions.of(actor)
    signed = valid_sign_off(submission.current_version)
    if (
        signed is not None
        and permissions.is_unit_head(submission.org)
        and "edit" in permissions.allowed_actions(submission)
    ):  # said before the permission check, which no longer offers a signed version
        raise ActionRefused(
            _("当前版本已由 %(who)s 于 %(at)s 审签，无需重复审签。")
            % {
                "who": signed.signer,
                "at": timezone.localtime(signed.at).strftime("%Y-%m-%d %H:%M"),
            },
            code="already_signed",
        )
    permissions.require("sign_off", submission)


@transaction.atomic
def submission_sign_off(*, actor: Any, submission: Submission) -> SignOff:
    """The 单位负责人 attests the current version; a filler may then submit it."""
    submission = _locked(submission)
    check_sign_off(actor=actor, submission=submission)
    return _sign(actor, submission)


def _require_sign_off(submission: Submission) -> None:
    """A filler's submit needs the unit head's valid sign-off of the current version."""
    version = submission.current_version
    if valid_sign_off(version) is not None:
        return
    if not Membership.objects.filter(org=submission.org, role=Role.UNIT_HEAD).exists():
        message = _("本单位没有单位负责人账号，无法审签：请联系系统管理员添加。")
    elif SignOff.objects.filter(version=version).exists():
        message = _("负责人审签后报告又被修改，审签已失效：请单位负责人重新审签。")
    else:
        message = _("提交前须经单位负责人审签：请负责人审签，或由负责人直接提交。")
    raise ActionRefused(message, code="sign_off_required")


# ── workflow ──────────────────────────────────────────────────────────────────────────────

REVIEW_STARTED = frozenset(
    {State.DEPT_REVIEWED, State.FINANCE_REVIEWED, State.APPROVED, State.PUBLISHED}
)


def withdraw_target(submission: Submission) -> State:
    """Where a withdrawn submission goes back to: the state it was submitted from."""
    last = (
        AuditEntry.objects.filter(submission=submission, action=Action.SUBMIT)
        .order_by("-at", "-pk")
        .values_list("from_state", flat=True)
        .first()
    )
    return State.RETURNED if last == State.RETURNED else State.DRAFT


def _check_withdraw(actor: Any, submission: Submission) -> None:
    permissions = Permissions.of(actor)
    if submission.state in REVIEW_STARTED and permissions.is_unit_staff(submission.org):
        raise ActionRefused(
            _("审核已开始，不能撤回；如需修改，请联系审核员退回。"), code="review_started"
        )
    permissions.require("withdraw", submission)
    if withdraw_target(submission) == State.DRAFT and submission.entry_closed:
        raise ActionRefused(
            _("填报已截止：撤回后将无法再次提交。如需修改，请先请财政局延期。"),
            code="entry_closed",
        )


def check_transition(
    *,
    actor: Any,
    submission: Submission,
    action: str,
    assessment: engine.Assessment | None = None,
) -> None:
    """Raise ActionRefused when *actor* may not take *action* now; changes nothing."""
    if action not in _TRANSITIONS:
        raise ActionRefused(f"未知操作 {action!r} / unknown action", code="invalid")
    if action == "withdraw":
        _check_withdraw(actor, submission)
        return
    Permissions.of(actor).require(action, submission)
    if action != "submit":
        return
    if assessment is None:
        assessment = assess_version(submission.current_version, submission)  # type: ignore[arg-type]
    if assessment.blocking:
        raise ActionRefused(
            gettext("仍有 %(count)s 项错误，请先修正或说明理由豁免")
            % {"count": len(assessment.blocking)},
            code="blocking_findings",
            details=assessment.blocking,
        )
    if not Permissions.of(actor).is_unit_head(submission.org):
        _require_sign_off(submission)


@transaction.atomic
def submission_transition(
    *, actor: Any, submission: Submission, action: str, reason: str = ""
) -> Submission:
    """Move *submission* by *action*; see permissions.ACTIONS for the names.

    A unit head's submit signs the current version off first (one step, two audit rows).
    """
    if action not in _TRANSITIONS:
        raise ActionRefused(gettext("未知操作 %(action)s") % {"action": action}, code="invalid")
    submission = _locked(submission)
    version = submission.current_version
    assert version is not None
    if action == "submit":  # what is handed in is judged by the ledgers as they are now
        from jixiao.web.ledgers import snapshots

        snapshots.take(version, submission)
    assessment = refresh_assessment(version) if action == "submit" else None
    check_transition(actor=actor, submission=submission, action=action, assessment=assessment)
    reason = _require_reason(action, reason)
    new_state, audit_action = _TRANSITIONS[action]
    old_state = submission.state
    fields = ["state", "updated"]
    if action == "withdraw":
        new_state = withdraw_target(submission)
        if new_state == State.DRAFT:
            submission.submitted_at = None
            fields.append("submitted_at")
    if action == "submit":
        if Permissions.of(actor).is_unit_head(submission.org) and not valid_sign_off(version):
            _sign(actor, submission)
        now = timezone.now()
        if submission.submitted_at is None:  # lateness is about the first submission
            submission.is_late = now > submission.round.deadline
        submission.submitted_at = now
        fields += ["submitted_at", "is_late"]
    if action in ("return", "reopen"):
        submission.last_return_reason = reason
        fields.append("last_return_reason")
    if action == "approve":
        version.locked = True
        version.approved_at = timezone.now()
        version.save(update_fields=["locked", "approved_at"])
        integrity.seal(version)
    if action == "publish":
        if not version.content_hash:  # approved before seals existed; never re-sealed here
            integrity.seal(version)
        submission.published_at = timezone.now()
        fields.append("published_at")
    if action == "reopen":
        submission.published_at = None
        fields.append("published_at")
    submission.state = new_state
    submission.save(update_fields=fields)
    _audit(
        actor=actor,
        submission=submission,
        action=audit_action,
        from_state=old_state,
        to_state=new_state,
        reason=reason,
    )
    return submission


def submission_submit(*, actor: Any, submission: Submission) -> Submission:
    return submission_transition(actor=actor, submission=submission, action="submit")


def submission_withdraw(*, actor: Any, submission: Submission, reason: str = "") -> Submission:
    return submission_transition(
        actor=actor, submission=submission, action="withdraw", reason=reason
    )


def submission_dept_approve(*, actor: Any, submission: Submission) -> Submission:
    return submission_transition(actor=actor, submission=submission, action="dept_approve")


def submission_finance_approve(*, actor: Any, submission: Submission) -> Submission:
    return submission_transition(actor=actor, submission=submission, action="finance_approve")


def submission_approve(*, actor: Any, submission: Submission) -> Submission:
    return submission_transition(actor=actor, submission=submission, action="approve")


def submission_publish(*, actor: Any, submission: Submission) -> Submission:
    return submission_transition(actor=actor, submission=submission, action="publish")


def submission_return(*, actor: Any, submission: Submission, reason: str) -> Submission:
    return submission_transition(actor=actor, submission=submission, action="return", reason=reason)


def submission_reopen(*, actor: Any, submission: Submission, reason: str) -> Submission:
    return submission_transition(actor=actor, submission=submission, action="reopen", reason=reason)


def _check_points(points: Decimal, weight: Decimal) -> None:
    """Re-scored points lie between 0 and the weight as shown (16.67 for a weight of 100/6), with
    at most 2 decimals (what is stored: nothing is rounded behind the reviewer's back)."""
    shown = format_score(weight)
    if points != points.quantize(Decimal("0.01")):
        raise ActionRefused(
            gettext("复核得分最多两位小数，得到 %(points)s") % {"points": points},
            code="points_range",
        )
    if not Decimal(0) <= points <= round_half_up(weight):
        raise ActionRefused(
            gettext("复核得分应在 0 到 %(weight)s 之间") % {"weight": shown}, code="points_range"
        )


@transaction.atomic
def submission_rescore(
    *, actor: Any, submission: Submission, item_id: str, points: Decimal, comment: str = ""
) -> engine.Assessment:
    """The finance bureau's points for one score-table item, kept beside the self-score.

    Points lie within 0..the item's weight and a comment says why (codes ``points_range`` and
    ``comment_required`` name the field). Returns the new assessment, whose final score the
    version's stored summary now carries.
    """
    submission = _locked(submission)
    Permissions.of(actor).require("rescore", submission)
    assessment = assess_version(
        submission.current_version,  # type: ignore[arg-type]
        submission,
        with_rescores=False,
    )
    item = next((i for i in assessment.items if i.id == item_id), None)
    if item is None:
        raise ActionRefused(gettext("评分项 %(item)s 不存在") % {"item": item_id}, code="invalid")
    _check_points(points, item.weight)
    comment = comment.strip()
    if len(comment) < 2:
        raise ActionRefused(gettext("请填写复核意见（说明调整理由）"), code="comment_required")
    existing = Rescore.objects.filter(submission=submission, item_id=item_id).first()
    old = None if existing is None else str(existing.points)
    Rescore.objects.update_or_create(
        submission=submission,
        item_id=item_id,
        defaults={"points": points, "comment": comment, "by": actor},
    )
    _audit(
        actor=actor,
        submission=submission,
        action=Action.RESCORE,
        reason=comment,
        changes=[{"path": f"rescore.{item_id}", "old": old, "new": str(points)}],
    )
    return refresh_assessment(submission.current_version)  # type: ignore[arg-type]


@transaction.atomic
def submission_extend(
    *, actor: Any, submission: Submission, until: datetime, reason: str
) -> Submission:
    """Reopen entry after the deadline until *until*; a submission after the deadline stays late."""
    submission = _locked(submission)
    Permissions.of(actor).require("extend", submission)
    reason = _require_reason("extend", reason)
    until = _instant(until, gettext("延期时间"))
    if until <= timezone.now():
        raise ActionRefused(gettext("延期时间应晚于现在"), code="invalid")
    old = submission.extended_until
    submission.extended_until = until
    submission.save(update_fields=["extended_until", "updated"])
    _audit(
        actor=actor,
        submission=submission,
        action=Action.EXTEND,
        reason=reason,
        changes=[
            {
                "path": "extended_until",
                "old": old.isoformat() if old else None,
                "new": until.isoformat(),
            }
        ],
    )
    return submission
