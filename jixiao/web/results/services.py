"""Every change to results: check permission, validate, write, audit — in one transaction.

Functions are keyword-only. Each raises ``ActionRefused`` (bilingual message) when the actor may
not act, or ``InputError`` naming the field when the input does not fit; nothing is written then.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from jixiao.core.errors import InputError
from jixiao.core.numbers import format_decimal
from jixiao.core.results import parse_finding_ids, suggest
from jixiao.web.evaluations import reasons
from jixiao.web.evaluations.audit import diff
from jixiao.web.evaluations.models import Submission
from jixiao.web.evaluations.permissions import ActionRefused, Permissions
from jixiao.web.evaluations.services import clean_reason
from jixiao.web.orgs.models import Org
from jixiao.web.results import permissions as rules_of
from jixiao.web.results.models import (
    AuditAction,
    BudgetAction,
    Choice,
    Decision,
    ItemStatus,
    MonitoringSnapshot,
    RectificationItem,
    RectificationUpdate,
    ResultAudit,
    ResultRuleSet,
    UpdateKind,
)

MAX_SHARE = Decimal(100)


def _audit(
    *,
    actor: Any,
    action: str,
    submission: Submission | None = None,
    org: Org | None = None,
    reason: str = "",
    changes: list[dict[str, Any]] | None = None,
) -> ResultAudit:
    return ResultAudit.objects.create(
        submission=submission,
        org=org,
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=getattr(actor, "username", "") or "system",
        action=action,
        reason=reason,
        changes=changes or [],
    )


def _who(actor: Any) -> str:
    """The person as colleagues know them: 张三（zhangsan）, or the account name alone."""
    username = getattr(actor, "username", "") or "system"
    full = actor.get_full_name() if hasattr(actor, "get_full_name") else ""
    return f"{full}（{username}）" if full else username


def _refuse(zh: str, en: str, code: str = "not_allowed") -> ActionRefused:
    return ActionRefused(f"{zh} / {en}", code=code)


def _bad(field: str, zh: str, en: str) -> InputError:
    return InputError.single("<form>", field, zh, en)


def _locked_submission(submission: Submission) -> Submission:
    Submission.objects.select_for_update(of=("self",)).filter(pk=submission.pk).values_list(
        "pk", flat=True
    ).get()
    return Submission.objects.select_related("round", "org", "current_version").get(
        pk=submission.pk
    )


def _text(value: Any) -> str | None:
    """A value as the audit trail stores it: 12 and 12.00 alike as "12"."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format_decimal(value, 6, trim=True)
    return str(value)


# ── rules ─────────────────────────────────────────────────────────────────────────────────


def rules_for(finance: Org | None) -> ResultRuleSet:
    """The bureau's rules as stored, or the defaults when it has not edited them."""
    if finance is None:
        return ResultRuleSet.defaults_for(Org(name=""))
    stored = ResultRuleSet.objects.filter(finance=finance).first()
    return stored or ResultRuleSet.defaults_for(finance)


RULE_FIELDS = (
    "cut_excellent",
    "cut_good",
    "cut_fair",
    "cut_poor",
    "rectify_findings",
    "rectify_on_any_error",
    "monitoring_margin",
)


@transaction.atomic
def rules_save(*, actor: Any, finance: Org, values: dict[str, Any]) -> ResultRuleSet:
    """Store a bureau's rules (all fields at once), after checking every value."""
    permissions = Permissions.of(actor)
    if not rules_of.is_finance_over(permissions, finance):
        raise _refuse("只有财政局可以修改结果应用规则", "only the finance bureau edits its rules")
    for name in ("cut_excellent", "cut_good", "cut_fair", "cut_poor"):
        share = values[name]
        if share is None or share < 0 or share > MAX_SHARE:
            raise _bad(
                name, "压减比例应在 0–100 之间", "a reduction share must be between 0 and 100"
            )
    margin = values["monitoring_margin"]
    if margin is None or margin < 0 or margin > MAX_SHARE:
        raise _bad("monitoring_margin", "预警阈值应在 0–100 之间", "the margin must be 0 to 100")
    try:
        ids = parse_finding_ids(values.get("rectify_findings") or "")
    except ValueError as error:
        zh, _, en = str(error).partition(" / ")
        raise _bad("rectify_findings", zh, en) from None
    rules = ResultRuleSet.objects.select_for_update().filter(finance=finance).first()
    before = {f: _text(getattr(rules, f)) for f in RULE_FIELDS} if rules else {}
    rules = rules or ResultRuleSet(finance=finance)
    for name in RULE_FIELDS:
        setattr(rules, name, values[name] if name != "rectify_findings" else " ".join(sorted(ids)))
    after = {f: _text(getattr(rules, f)) for f in RULE_FIELDS}
    changes = diff(before, after)
    if rules.pk is not None and not changes:
        return rules  # saved as it was: nothing to write, nothing to audit
    rules.save()
    _audit(actor=actor, action=AuditAction.RULES, org=finance, changes=changes)
    return rules


# ── decisions ─────────────────────────────────────────────────────────────────────────────


def suggestion_for(submission: Submission, rules: ResultRuleSet | None = None) -> Any:
    """What the bureau's rules suggest for the submission's current version."""
    rules = rules or rules_for(submission.round.finance)
    version = submission.current_version
    grade = (version.final_grade if version else "") or ""
    findings = list(version.findings or []) if version else []
    return suggest(grade, findings, rules.as_rules())


def _check_decision(choice: str, action: str, share: Any, amount: Any, reason: str) -> None:
    if choice not in Choice.values:
        raise _bad("choice", "请选择“采纳建议”或“调整”", "choose accept or change")
    if action not in BudgetAction.values:
        raise _bad("action", "请选择预算处理方式", "choose what happens to the budget")
    if choice == Choice.CHANGE and len(reason) < 2:
        raise _bad("reason", "调整建议时须说明理由", "a changed decision needs a reason")
    if share is not None and not (0 < share <= MAX_SHARE):
        raise _bad("share", "比例应大于 0、不超过 100", "the share must be above 0 and at most 100")
    if amount is not None and amount <= 0:
        raise _bad("amount", "金额应大于 0", "the amount must be above 0")
    if action == BudgetAction.KEEP and (share is not None or amount is not None):
        raise _bad(
            "action", "维持预算时不填比例或金额", "keeping the budget takes no share or amount"
        )
    if action != BudgetAction.KEEP and share is None and amount is None:
        raise _bad(
            "share",
            "压减或增加预算时须填写比例或金额",
            "a reduction or increase needs a share or an amount",
        )


DECISION_FIELDS = ("choice", "action", "share", "amount", "amount_unit", "reason")


@transaction.atomic
def decision_record(
    *,
    actor: Any,
    submission: Submission,
    choice: str,
    action: str = "",
    share: Decimal | None = None,
    amount: Decimal | None = None,
    amount_unit: str = "万元",
    reason: str = "",
) -> Decision:
    """Record (or change) the bureau's decision. *accept* takes the suggestion as it stands;
    *change* takes the given action, share or amount, and needs a reason."""
    submission = _locked_submission(submission)
    permissions = Permissions.of(actor)
    if not permissions.can_view(submission):
        raise _refuse("无权访问该填报", "not yours to see", "forbidden")
    if not rules_of.may_decide(permissions, submission):
        raise _refuse(
            "只有财政局在审核通过后可以作出结果应用决定",
            "only the finance bureau decides, once it has reviewed the report",
        )
    suggestion = suggestion_for(submission)
    reason = clean_reason(reason)
    if choice == Choice.ACCEPT:
        action = suggestion.kind
        share = suggestion.cut_share if suggestion.cut_share > 0 else None
        amount = None
    if amount_unit not in ("元", "万元"):
        raise _bad("amount_unit", "金额单位应为 元 或 万元", "the unit must be 元 or 万元")
    _check_decision(choice, action, share, amount, reason)
    decision = Decision.objects.filter(submission=submission).first()
    before = {f: _text(getattr(decision, f)) for f in DECISION_FIELDS} if decision else {}
    decision = decision or Decision(submission=submission)
    decision.suggested_share = suggestion.cut_share
    decision.suggested_rectify = suggestion.rectify
    decision.suggested_text = suggestion.text("zh")
    decision.suggested_reasons = [{"zh": r.zh, "en": r.en} for r in suggestion.reasons]
    decision.choice, decision.action = choice, action
    decision.share, decision.amount = share, amount
    decision.amount_unit = amount_unit if amount is not None else "万元"
    decision.reason = reason
    decision.decided_by, decision.decided_by_name = actor, _who(actor)
    decision.decided_at = timezone.now()
    decision.save()
    after = {f: _text(getattr(decision, f)) for f in DECISION_FIELDS}
    _audit(
        actor=actor,
        action=AuditAction.DECIDE,
        submission=submission,
        reason=reason,
        changes=diff(before, after),
    )
    return decision


@transaction.atomic
def decision_publish(*, actor: Any, submission: Submission, published: bool) -> Decision:
    """Make the decision and its rectification items public on the portal beside the published
    report (or withdraw them). Nothing is public until the bureau does this."""
    submission = _locked_submission(submission)
    permissions = Permissions.of(actor)
    if not permissions.can_view(submission):
        raise _refuse("无权访问该填报", "not yours to see", "forbidden")
    if not rules_of.is_finance_over(permissions, submission.org):
        raise _refuse("只有财政局可以公开结果应用", "only the finance bureau publishes")
    decision = Decision.objects.filter(submission=submission).first()
    if decision is None:
        raise _refuse("尚未作出决定，无可公开", "no decision to publish yet", "no_decision")
    if decision.published == published:
        return decision
    decision.published = published
    decision.save(update_fields=["published"])
    _audit(
        actor=actor,
        action=AuditAction.PUBLISH,
        submission=submission,
        changes=[{"path": "published", "old": str(not published), "new": str(published)}],
    )
    return decision


# ── rectification items ───────────────────────────────────────────────────────────────────


@transaction.atomic
def item_create(
    *,
    actor: Any,
    submission: Submission,
    description: str,
    due_date: date,
    responsible: str = "",
) -> RectificationItem:
    """A new 整改事项 for the submission's unit (the bureau, once it has reviewed the report)."""
    submission = _locked_submission(submission)
    permissions = Permissions.of(actor)
    if not permissions.can_view(submission):
        raise _refuse("无权访问该填报", "not yours to see", "forbidden")
    if not rules_of.may_decide(permissions, submission):
        raise _refuse(
            "只有财政局在审核通过后可以下达整改事项",
            "only the finance bureau sets rectification items, once it has reviewed the report",
        )
    description = clean_reason(description)
    if len(description) < 4:
        raise _bad("description", "请写明整改事项（至少 4 个字）", "describe the item (4+ chars)")
    if not submission.round.year <= due_date.year <= submission.round.year + 5:
        raise _bad(
            "due_date",
            f"整改期限应在{submission.round.year}年至{submission.round.year + 5}年之间",
            f"the due date must fall between {submission.round.year} and "
            f"{submission.round.year + 5}",
        )
    item = RectificationItem.objects.create(
        submission=submission,
        owner=submission.org,
        responsible=clean_reason(responsible)[:100],
        description=description,
        due_date=due_date,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    _audit(
        actor=actor,
        action=AuditAction.ITEM_CREATE,
        submission=submission,
        reason=description,
        changes=[
            {"path": f"item[{item.pk}].description", "old": None, "new": description},
            {"path": f"item[{item.pk}].due_date", "old": None, "new": str(due_date)},
        ],
    )
    return item


def _locked_item(item: RectificationItem) -> RectificationItem:
    return (
        RectificationItem.objects.select_for_update(of=("self",))
        .select_related("submission__org", "submission__round", "owner")
        .get(pk=item.pk)
    )


@transaction.atomic
def item_progress(
    *, actor: Any, item: RectificationItem, status: str, note: str, report_done: bool = False
) -> RectificationItem:
    """The unit's progress note on its own item: 未开始 or 整改中, or reported done (the bureau
    then confirms)."""
    item = _locked_item(item)
    permissions = Permissions.of(actor)
    if not permissions.can_view(item.submission):
        raise _refuse("无权访问该整改事项", "not yours to see", "forbidden")
    if not rules_of.may_update_item(permissions, item.owner):
        raise _refuse("只有责任单位可以更新整改进展", "only the owning unit updates progress")
    if item.status == ItemStatus.DONE:
        raise _refuse("该事项已确认完成，不能再更新", "this item is confirmed done")
    if status not in (ItemStatus.NOT_STARTED, ItemStatus.IN_PROGRESS):
        raise _bad(
            "status", "状态应为“未开始”或“整改中”", "status must be not started or in progress"
        )
    note = clean_reason(note)
    if len(note) < 2:
        raise _bad("note", "请填写进展说明", "write a progress note")
    if report_done:
        status = ItemStatus.IN_PROGRESS
    old = (item.status, item.reported_done)
    item.status, item.reported_done = status, report_done
    item.save(update_fields=["status", "reported_done"])
    kind = UpdateKind.REPORTED_DONE if report_done else UpdateKind.PROGRESS
    RectificationUpdate.objects.create(
        item=item, kind=kind, status=status, note=note, by=actor, by_name=_who(actor)
    )
    _audit(
        actor=actor,
        action=AuditAction.ITEM_PROGRESS,
        submission=item.submission,
        reason=note,
        changes=diff(
            {f"item[{item.pk}].status": old[0], f"item[{item.pk}].reported_done": str(old[1])},
            {f"item[{item.pk}].status": status, f"item[{item.pk}].reported_done": str(report_done)},
        ),
    )
    return item


@transaction.atomic
def item_review(
    *, actor: Any, item: RectificationItem, confirm: bool, note: str
) -> RectificationItem:
    """The bureau confirms an item done, or sends it back for more work (with a note)."""
    item = _locked_item(item)
    permissions = Permissions.of(actor)
    if not permissions.can_view(item.submission):
        raise _refuse("无权访问该整改事项", "not yours to see", "forbidden")
    if not rules_of.is_finance_over(permissions, item.submission.org):
        raise _refuse("只有财政局可以确认整改完成", "only the finance bureau confirms completion")
    note = clean_reason(note)
    if not confirm and len(note) < 2:
        raise _bad("note", "退回继续整改时须说明原因", "sending back needs a reason")
    if confirm and item.status == ItemStatus.DONE:
        raise _refuse("该事项已确认完成", "this item is already confirmed done")
    old = item.status
    if confirm:
        item.status, item.confirmed_at = ItemStatus.DONE, timezone.now()
    else:
        item.status, item.confirmed_at = ItemStatus.IN_PROGRESS, None
    item.reported_done = False
    item.save(update_fields=["status", "confirmed_at", "reported_done"])
    kind = UpdateKind.CONFIRMED if confirm else UpdateKind.SENT_BACK
    RectificationUpdate.objects.create(
        item=item,
        kind=kind,
        status=item.status,
        note=note or reasons.CONFIRMED(),
        by=actor,
        by_name=_who(actor),
    )
    _audit(
        actor=actor,
        action=AuditAction.ITEM_CONFIRM if confirm else AuditAction.ITEM_SEND_BACK,
        submission=item.submission,
        reason=note,
        changes=[{"path": f"item[{item.pk}].status", "old": old, "new": item.status}],
    )
    return item


# ── monitoring snapshots ──────────────────────────────────────────────────────────────────


@transaction.atomic
def snapshot_save(
    *,
    actor: Any,
    submission: Submission,
    as_of: date,
    label: str,
    unit: str,
    budget: Decimal,
    spent: Decimal,
    indicators: list[dict[str, Any]],
    note: str = "",
) -> MonitoringSnapshot:
    """Store the unit's snapshot at *as_of* (replacing one at the same date)."""
    submission = _locked_submission(submission)
    permissions = Permissions.of(actor)
    if not permissions.can_view(submission):
        raise _refuse("无权访问该填报", "not yours to see", "forbidden")
    if not rules_of.may_record_snapshot(permissions, submission):
        raise _refuse("只有本单位可以填报运行监控", "only the unit enters its monitoring")
    if as_of.year != submission.round.year:
        raise _bad(
            "as_of",
            f"监控日期应在{submission.round.year}年内",
            f"the date must fall in {submission.round.year}",
        )
    if unit not in ("元", "万元"):
        raise _bad("unit", "金额单位应为 元 或 万元", "the unit must be 元 or 万元")
    if budget <= 0:
        raise _bad("budget", "全年预算应大于 0", "the year's budget must be above 0")
    if spent < 0:
        raise _bad("spent", "累计支出不能为负", "spending to date cannot be negative")
    snapshot = MonitoringSnapshot.objects.filter(submission=submission, as_of=as_of).first()
    before = (
        {"budget": _text(snapshot.budget), "spent": _text(snapshot.spent), "unit": snapshot.unit}
        if snapshot
        else {}
    )
    snapshot = snapshot or MonitoringSnapshot(submission=submission, as_of=as_of)
    snapshot.label = clean_reason(label)[:40]
    snapshot.unit, snapshot.budget, snapshot.spent = unit, budget, spent
    snapshot.indicators = indicators
    snapshot.note = clean_reason(note)
    snapshot.created_by = actor if getattr(actor, "pk", None) else None
    snapshot.save()
    after = {"budget": _text(budget), "spent": _text(spent), "unit": unit}
    changes = diff(before, after) + [
        {"path": f"indicators[{i}].to_date", "old": None, "new": row.get("to_date")}
        for i, row in enumerate(indicators)
        if row.get("to_date") is not None
    ]
    _audit(
        actor=actor,
        action=AuditAction.SNAPSHOT,
        submission=submission,
        reason=f"{as_of:%Y-%m-%d} {snapshot.label}".strip(),
        changes=changes,
    )
    return snapshot
