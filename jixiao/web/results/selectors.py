"""Reads for results pages, the register export and the API, scoped by the reader's permissions.

``register_rows`` builds one row per submission of a round that the reader may see and that has
passed the bureau's review (or has a decision): unit, 主管部门, final score and grade, the
suggestion (stored with the decision, or computed from the bureau's rules), the decision and the
rectification items with their status. A fixed number of queries whatever the round's size.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from jixiao.core import monitoring
from jixiao.core.numbers import format_decimal, format_score
from jixiao.core.results import Suggestion
from jixiao.web.evaluations.models import Round, Submission
from jixiao.web.evaluations.selectors import submissions_visible_to
from jixiao.web.language import page_in_english
from jixiao.web.orgs.models import OrgKind
from jixiao.web.results import services
from jixiao.web.results.models import (
    BudgetAction,
    Choice,
    Decision,
    MonitoringSnapshot,
    RectificationItem,
    ResultAudit,
)
from jixiao.web.results.permissions import DECIDABLE


def english() -> bool:
    return page_in_english()


def share_text(value: Decimal | None) -> str:
    return "" if value is None else format_decimal(value, 2, trim=True)


def decision_text(decision: Decision | None, lang: str = "zh") -> str:
    """The decision in one line: 采纳建议：压减预算10%; 调整：压减预算50万元."""
    if decision is None:
        return ""
    choice = str(Choice(decision.choice).label)
    action = str(BudgetAction(decision.action).label)
    size = ""
    if decision.share is not None:
        size = f"{share_text(decision.share)}%"
    elif decision.amount is not None:
        size = f"{format_decimal(decision.amount, 2, trim=False)}{decision.amount_unit}"
    if lang == "en":
        return f"{choice}: {action}" + (f" {size}" if size else "")
    return f"{choice}：{action}{size}"


@dataclass
class RegisterRow:
    submission: Submission
    unit: str
    department: str
    score: str
    grade: str
    suggested: str
    decision: Decision | None
    decision_text: str
    items: list[RectificationItem] = field(default_factory=list)

    @property
    def open_items(self) -> int:
        return sum(1 for item in self.items if item.is_open)


def _department(submission: Submission) -> str:
    parent = submission.org.parent
    if submission.org.kind == OrgKind.DEPARTMENT:
        return submission.org.name
    return parent.name if parent is not None else ""


def register_submissions(*, user: Any, round_: Round) -> list[Submission]:
    return list(
        submissions_visible_to(user)
        .filter(round=round_)
        .filter(Q(state__in=DECIDABLE) | Q(result_decision__isnull=False))
        .select_related("org__parent", "result_decision", "round__finance")
        .prefetch_related("rectification_items")
        .order_by("org__path")
    )


def register_rows(*, user: Any, round_: Round, lang: str = "") -> list[RegisterRow]:
    """The register's rows in *lang* ("zh" or "en"; the reader's language by default)."""
    rules = services.rules_for(round_.finance)
    lang = lang or ("en" if english() else "zh")
    rows = []
    for submission in register_submissions(user=user, round_=round_):
        version = submission.current_version
        decision = getattr(submission, "result_decision", None)
        if decision is not None:
            stored = Suggestion(decision.suggested_share, decision.suggested_rectify, ())
            suggested = stored.text(lang)
        else:
            suggested = services.suggestion_for(submission, rules).text(lang)
        rows.append(
            RegisterRow(
                submission=submission,
                unit=submission.org.name,
                department=_department(submission),
                score=format_score(version.final_total)
                if version and version.final_total is not None
                else "",
                grade=(version.final_grade if version else "") or "",
                suggested=suggested,
                decision=decision,
                decision_text=decision_text(decision, lang),
                items=list(submission.rectification_items.all()),
            )
        )
    return rows


def register_summary(rows: list[RegisterRow]) -> dict[str, int]:
    """How many rows are decided, and how many items are open and overdue today."""
    day = today()
    items = [item for row in rows for item in row.items]
    return {
        "rows": len(rows),
        "decided": sum(1 for row in rows if row.decision is not None),
        "items": len(items),
        "open": sum(1 for item in items if item.is_open),
        "overdue": sum(1 for item in items if item.shown_status(day) == "overdue"),
    }


def history_for(submission: Submission) -> list[dict[str, Any]]:
    """Who did what to the submission's results, newest first: when, who, the action in words,
    the reason or note."""
    rows = ResultAudit.objects.filter(submission=submission).select_related("actor")
    return [
        {
            "at": row.at,
            "who": (row.actor.get_full_name() if row.actor else "") or row.actor_name,
            "action": row.get_action_display(),
            "reason": row.reason,
        }
        for row in rows.order_by("-at", "-pk")[:50]
    ]


def published_decision(submission: Submission) -> Decision | None:
    return Decision.objects.filter(submission=submission, published=True).first()


def items_for(submission: Submission) -> list[RectificationItem]:
    return list(submission.rectification_items.select_related("owner").prefetch_related("updates"))


def previous_results(submission: Submission) -> dict[str, Any] | None:
    """The same unit's latest earlier round with a decision or open items: what the department
    sees again while it sets the next targets (None when there is nothing)."""
    earlier = (
        Submission.objects.filter(org_id=submission.org_id, round__year__lt=submission.round.year)
        .filter(Q(result_decision__isnull=False) | Q(rectification_items__isnull=False))
        .select_related("round", "result_decision")
        .order_by("-round__year", "-round__created")
        .first()
    )
    if earlier is None:
        return None
    decision = getattr(earlier, "result_decision", None)
    open_items = [item for item in items_for(earlier) if item.is_open]
    return {
        "submission": earlier,
        "decision": decision,
        "decision_text": decision_text(decision, "en" if english() else "zh"),
        "open_items": open_items,
    }


# ── monitoring ────────────────────────────────────────────────────────────────────────────


def _number(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None


def snapshot_warnings(
    snapshot: MonitoringSnapshot, margin: Decimal
) -> list[monitoring.MonitoringWarning]:
    indicators = [
        monitoring.IndicatorSnapshot(
            id=str(row.get("id", "")),
            name=str(row.get("name", "")),
            comparator=str(row.get("comparator", "")),
            target=_number(row.get("target")),
            to_date=_number(row.get("to_date")),
            unit=str(row.get("unit") or ""),
        )
        for row in snapshot.indicators
    ]
    return monitoring.warnings(
        as_of=snapshot.as_of,
        budget=snapshot.budget,
        spent=snapshot.spent,
        indicators=indicators,
        margin=margin,
    )


@dataclass
class SnapshotView:
    snapshot: MonitoringSnapshot
    time_progress: str
    spending_progress: str
    warnings: list[str]
    margin: str
    rows: list[dict[str, Any]]


def _percent(value: Decimal | None) -> str:
    return "" if value is None else format_decimal(value, 1, trim=True)


def _why_not_compared(row: dict[str, Any]) -> str:
    """Why an indicator has no progress in a snapshot, in words."""
    if _number(row.get("to_date")) is None:
        return gettext("未填报")
    if str(row.get("comparator")) in ("≤", "<"):
        return gettext("上限指标，不比较")
    return gettext("不比较")


def snapshot_view(snapshot: MonitoringSnapshot, margin: Decimal) -> SnapshotView:
    lang_en = english()
    found = snapshot_warnings(snapshot, margin)
    flagged = {w.indicator_id for w in found if w.kind == "indicator"}
    rows = []
    for row in snapshot.indicators:
        value = monitoring.indicator_progress(
            _number(row.get("to_date")), _number(row.get("target")), str(row.get("comparator"))
        )
        rows.append(
            {
                **row,
                "progress": _percent(value),
                "flagged": row.get("id") in flagged,
                "why_not": "" if value is not None else _why_not_compared(row),
            }
        )
    return SnapshotView(
        snapshot=snapshot,
        time_progress=_percent(monitoring.time_progress(snapshot.as_of)),
        spending_progress=_percent(monitoring.progress(snapshot.spent, snapshot.budget)),
        warnings=[w.en[:1].upper() + w.en[1:] if lang_en else w.zh for w in found],
        margin=_percent(margin),
        rows=rows,
    )


def snapshots_visible_to(user: Any) -> list[MonitoringSnapshot]:
    visible = submissions_visible_to(user).values("pk")
    return list(
        MonitoringSnapshot.objects.filter(submission_id__in=visible)
        .select_related("submission__org", "submission__round__finance")
        .order_by("-as_of", "submission__org__path")
    )


def margin_by_finance(snapshots: list[MonitoringSnapshot]) -> dict[int, Decimal]:
    finances = {s.submission.round.finance for s in snapshots}
    return {f.pk: services.rules_for(f).monitoring_margin for f in finances}


def today() -> date:
    return timezone.localdate()


COMPOSITION = frozenset(
    {"工资福利支出", "商品和服务支出", "对个人和家庭的补助", "资本性支出", "其他支出", "未分类支出"}
)


def snapshot_basis(submission: Submission) -> tuple[list[dict[str, Any]], Decimal | None, str]:
    """What a snapshot starts from: the report's indicators (id, name, comparator, target,
    unit), its full-year budget (调整预算, else 年初预算) and the money unit."""
    data = submission.current_version.data if submission.current_version else {}
    indicators = [
        {
            "id": str(row.get("id", "")),
            "name": str(row.get("name", "")),
            "comparator": str(row.get("comparator") or "≥"),
            "target": None if row.get("target") in (None, "") else str(row.get("target")),
            "unit": str(row.get("unit") or ""),
        }
        for row in data.get("indicators", [])
        if isinstance(row, dict)
    ]
    money = data.get("money") or {}
    lines = [line for line in money.get("lines", []) if isinstance(line, dict)]
    budget = None
    for phase in ("调整预算", "年初预算"):
        amounts = [
            _number(line.get("amount"))
            for line in lines
            if line.get("phase") == phase
            and line.get("item") in COMPOSITION
            and not line.get("unit")
        ]
        present = [a for a in amounts if a is not None]
        if present:
            budget = sum(present, Decimal(0))
            break
    return indicators, budget, str(money.get("unit") or "万元")
