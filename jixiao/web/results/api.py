"""The results part of the REST API (a django-ninja router added to ``jixiao.web.api.api``).

- ``GET /rounds/{pk}/results``: the 结果应用 register of a round (as the Excel export);
- ``GET /submissions/{pk}/results``: suggestion, decision and rectification items;
- ``POST /submissions/{pk}/results/decision``: the bureau's decision (finance only);
- ``GET /submissions/{pk}/monitoring``: monitoring snapshots with their warnings.

Money and shares travel as decimal strings with their unit; nothing is a float.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from jixiao.core.numbers import NumberSyntaxError, parse_number
from jixiao.web.evaluations import selectors as evaluation_selectors
from jixiao.web.results import selectors, services
from jixiao.web.results.models import Decision, RectificationItem

router = Router(tags=["results"])


class ItemOut(Schema):
    id: int
    owner: str
    responsible: str
    description: str
    due_date: date
    status: str  # not_started / in_progress / done / overdue (overdue derived from the date)
    status_label: str
    reported_done: bool


class DecisionOut(Schema):
    choice: str
    action: str
    share_percent: str | None
    amount: str | None
    amount_unit: str
    reason: str
    text: str
    suggested: str
    decided_by: str
    decided_at: datetime
    published: bool


class RegisterRowOut(Schema):
    submission_id: int
    unit: str
    department: str
    score: str | None
    grade: str
    suggested: str
    decision: DecisionOut | None
    items: list[ItemOut]


class SubmissionResultsOut(Schema):
    submission_id: int
    suggested: str
    suggested_share_percent: str
    suggested_rectify: bool
    reasons: list[str]
    decision: DecisionOut | None
    items: list[ItemOut]


class DecisionIn(Schema):
    choice: str  # accept / change
    action: str = ""  # keep / reduce / increase (for change)
    share_percent: str | None = None
    amount: str | None = None
    amount_unit: str = "万元"
    reason: str = ""


class WarningOut(Schema):
    kind: str
    indicator_id: str
    message_zh: str
    message_en: str


class SnapshotOut(Schema):
    id: int
    as_of: date
    label: str
    unit: str
    budget: str
    spent: str
    time_progress_percent: str
    spending_progress_percent: str | None
    indicators: list[dict[str, Any]]
    warnings: list[WarningOut]


def _item_out(item: RectificationItem) -> dict[str, Any]:
    return {
        "id": item.pk,
        "owner": item.owner.name,
        "responsible": item.responsible,
        "description": item.description,
        "due_date": item.due_date,
        "status": item.shown_status(),
        "status_label": item.status_label(),
        "reported_done": item.reported_done,
    }


def _decision_out(decision: Decision | None) -> dict[str, Any] | None:
    if decision is None:
        return None
    return {
        "choice": decision.choice,
        "action": decision.action,
        "share_percent": None if decision.share is None else selectors.share_text(decision.share),
        "amount": None if decision.amount is None else str(decision.amount),
        "amount_unit": decision.amount_unit,
        "reason": decision.reason,
        "text": selectors.decision_text(decision),
        "suggested": decision.suggested_text,
        "decided_by": decision.decided_by_name,
        "decided_at": decision.decided_at,
        "published": decision.published,
    }


@router.get("/rounds/{pk}/results", response=list[RegisterRowOut])
def register(request: HttpRequest, pk: int) -> list[dict[str, Any]]:
    round_ = evaluation_selectors.round_get(user=request.user, pk=pk)
    return [
        {
            "submission_id": row.submission.pk,
            "unit": row.unit,
            "department": row.department,
            "score": row.score or None,
            "grade": row.grade,
            "suggested": row.suggested,
            "decision": _decision_out(row.decision),
            "items": [_item_out(item) for item in row.items],
        }
        for row in selectors.register_rows(user=request.user, round_=round_, lang="zh")
    ]


def _results(submission: Any) -> dict[str, Any]:
    suggestion = services.suggestion_for(submission)
    decision = Decision.objects.filter(submission=submission).first()
    return {
        "submission_id": submission.pk,
        "suggested": suggestion.text("zh"),
        "suggested_share_percent": selectors.share_text(suggestion.cut_share),
        "suggested_rectify": suggestion.rectify,
        "reasons": [r.zh for r in suggestion.reasons],
        "decision": _decision_out(decision),
        "items": [_item_out(item) for item in selectors.items_for(submission)],
    }


@router.get("/submissions/{pk}/results", response=SubmissionResultsOut)
def submission_results(request: HttpRequest, pk: int) -> dict[str, Any]:
    return _results(evaluation_selectors.submission_get(user=request.user, pk=pk))


def _decimal(value: str | None, field: str) -> Any:
    if value in (None, ""):
        return None
    try:
        return parse_number(str(value))
    except NumberSyntaxError as error:
        raise services._bad(field, error.zh, error.en) from None


@router.post("/submissions/{pk}/results/decision", response=SubmissionResultsOut)
def decide(request: HttpRequest, pk: int, payload: DecisionIn) -> dict[str, Any]:
    submission = evaluation_selectors.submission_get(user=request.user, pk=pk)
    services.decision_record(
        actor=request.user,
        submission=submission,
        choice=payload.choice,
        action=payload.action,
        share=_decimal(payload.share_percent, "share_percent"),
        amount=_decimal(payload.amount, "amount"),
        amount_unit=payload.amount_unit,
        reason=payload.reason,
    )
    return _results(evaluation_selectors.submission_get(user=request.user, pk=pk))


@router.get("/submissions/{pk}/monitoring", response=list[SnapshotOut])
def monitoring(request: HttpRequest, pk: int) -> list[dict[str, Any]]:
    submission = evaluation_selectors.submission_get(user=request.user, pk=pk)
    margin = services.rules_for(submission.round.finance).monitoring_margin
    rows = []
    for snapshot in submission.monitoring_snapshots.order_by("-as_of"):
        view = selectors.snapshot_view(snapshot, margin)
        found = selectors.snapshot_warnings(snapshot, margin)
        rows.append(
            {
                "id": snapshot.pk,
                "as_of": snapshot.as_of,
                "label": snapshot.label,
                "unit": snapshot.unit,
                "budget": str(snapshot.budget),
                "spent": str(snapshot.spent),
                "time_progress_percent": view.time_progress,
                "spending_progress_percent": view.spending_progress or None,
                "indicators": view.rows,
                "warnings": [
                    {
                        "kind": w.kind,
                        "indicator_id": w.indicator_id,
                        "message_zh": w.zh,
                        "message_en": w.en,
                    }
                    for w in found
                ],
            }
        )
    return rows
