"""Reads with object-level permissions: every query a view or the API makes for submissions.

``submissions_visible_to(user)`` is the one place that turns a user's memberships into a filter:
unit roles see their own unit, reviewers their subtree, superusers everything. Detail reads
raise ``Http404`` for what the user may not see, so existence is not leaked.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Avg, Count, Max, Min, Q, QuerySet
from django.http import Http404

from jixiao.web.evaluations.models import (
    AuditEntry,
    BatchJob,
    DossierVersion,
    Round,
    SignOff,
    State,
    Submission,
)
from jixiao.web.evaluations.permissions import Permissions
from jixiao.web.orgs.models import Role


def _visibility(permissions: Permissions, prefix: str = "") -> Q | None:
    """A Q over orgs (``prefix`` + org fields) that the user may see; None means everything."""
    if permissions.is_superuser:
        return None
    query = Q(pk__in=[])
    for m in permissions.memberships:
        if m.role in (Role.FILLER, Role.UNIT_HEAD):
            query |= Q(**{f"{prefix}pk": m.org_id})
        else:
            query |= Q(**{f"{prefix}path__startswith": m.org.path})
    return query


def submissions_visible_to(user: Any) -> QuerySet[Submission]:
    permissions = Permissions.of(user)
    rows = Submission.objects.select_related("org", "round", "current_version")
    if not user.is_authenticated:
        return rows.none()
    visible = _visibility(permissions, "org__")
    return rows if visible is None else rows.filter(visible)


def submission_list(
    *, user: Any, round_id: int | None = None, state: str | None = None, q: str = ""
) -> QuerySet[Submission]:
    rows = submissions_visible_to(user)
    if round_id:
        rows = rows.filter(round_id=round_id)
    if state:
        rows = rows.filter(state=state)
    if q:
        rows = rows.filter(Q(org__name__icontains=q) | Q(org__code__icontains=q))
    return rows.order_by("-round__year", "org__path")


def submission_get(*, user: Any, pk: int) -> Submission:
    try:
        return submissions_visible_to(user).get(pk=pk)
    except Submission.DoesNotExist:
        raise Http404("填报不存在或无权查看 / no such submission, or not yours to see") from None


def valid_sign_off(version: DossierVersion | None) -> SignOff | None:
    """The unit head's sign-off of *version* that no later edit has voided, if any."""
    if version is None:
        return None
    return (
        SignOff.objects.filter(version=version, invalidated_at__isnull=True)
        .select_related("by")
        .order_by("-at", "-pk")
        .first()
    )


def my_submissions(*, user: Any, limit: int = 20) -> list[Submission]:
    """The submissions of the units where *user* is 单位填报员 or 单位负责人, newest round first."""
    orgs = [
        m.org_id
        for m in Permissions.of(user).memberships
        if m.role in (Role.FILLER, Role.UNIT_HEAD)
    ]
    if not orgs:
        return []
    rows = submissions_visible_to(user).filter(org_id__in=orgs)
    return list(rows.order_by("-round__year", "-round__created", "org__path")[:limit])


def previous_approved(*, user: Any, submission: Submission) -> Submission | None:
    """The same unit's approved or published submission of the year before, if the user may see it."""
    return (
        submissions_visible_to(user)
        .filter(
            org_id=submission.org_id,
            round__year=submission.round.year - 1,
            state__in=(State.APPROVED, State.PUBLISHED),
        )
        .order_by("-round__created")
        .first()
    )


def rounds_visible_to(user: Any) -> QuerySet[Round]:
    """Rounds in which the user can see at least one submission, or which their bureau opened."""
    permissions = Permissions.of(user)
    rows = Round.objects.select_related("finance")
    if permissions.is_superuser:
        return rows
    visible = _visibility(permissions, "submissions__org__")
    bureaus = [o.pk for o in permissions.finance_orgs()]
    return rows.filter(visible | Q(finance_id__in=bureaus)).distinct()


def round_get(*, user: Any, pk: int) -> Round:
    try:
        return rounds_visible_to(user).get(pk=pk)
    except Round.DoesNotExist:
        raise Http404("批次不存在或无权查看 / no such round") from None


def round_progress(*, user: Any, round_: Round) -> dict[str, int]:
    """How many visible submissions of the round are in each state, plus late ones."""
    rows = submissions_visible_to(user).filter(round=round_)
    counts = {row["state"]: row["n"] for row in rows.values("state").annotate(n=Count("id"))}
    result = {state.value: counts.get(state.value, 0) for state in State}
    result["late"] = rows.filter(is_late=True).count()
    result["total"] = sum(counts.values())
    return result


def round_statistics(*, user: Any, round_: Round) -> dict[str, Any]:
    """Scores of the round's visible submissions: average, range, grades, errors (one query each)."""
    rows = submissions_visible_to(user).filter(round=round_)
    scores = rows.aggregate(
        average=Avg("current_version__score_total"),
        lowest=Min("current_version__score_total"),
        highest=Max("current_version__score_total"),
        self_average=Avg("current_version__self_total"),
        with_errors=Count("id", filter=Q(current_version__error_count__gt=0)),
    )
    grades = dict(
        rows.exclude(current_version__grade="")
        .values_list("current_version__grade")
        .annotate(n=Count("id"))
        .values_list("current_version__grade", "n")
    )
    return {
        **scores,
        "grades": [(grade, grades.get(grade, 0)) for grade in ("优", "良", "中", "差")],
    }


def audit_for(*, user: Any, submission: Submission) -> QuerySet[AuditEntry]:
    submission_get(user=user, pk=submission.pk)
    return submission.audit.select_related("actor").order_by("at", "pk")


def jobs_for(*, round_: Round) -> QuerySet[BatchJob]:
    return round_.jobs.select_related("requested_by")


def published_reports(
    *, year: int | None = None, q: str = "", org_id: int | None = None
) -> QuerySet[Submission]:
    """The public's view: published submissions only, never anything else."""
    rows = Submission.objects.filter(state=State.PUBLISHED).select_related(
        "org", "round", "current_version"
    )
    if year:
        rows = rows.filter(round__year=year)
    if org_id:
        rows = rows.filter(org_id=org_id)
    if q:
        rows = rows.filter(
            Q(org__name__icontains=q) | Q(round__notice__icontains=q) | Q(round__title__icontains=q)
        )
    return rows.order_by("-round__year", "org__path")
