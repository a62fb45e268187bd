"""Reads with object-level permissions: every query a view or the API makes for submissions.

``submissions_visible_to(user)`` is the one place that turns a user's memberships into a filter:
unit roles see their own unit, reviewers their subtree, superusers everything. Detail reads
raise ``Http404`` for what the user may not see, so existence is not leaked.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import (
    Avg,
    Case,
    CharField,
    Count,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Length, Substr
from django.http import Http404
from django.utils import timezone

from jixiao.web.evaluations.models import (
    EDITABLE_STATES,
    SUBMITTED_STATES,
    Action,
    AuditEntry,
    BatchJob,
    DossierVersion,
    Round,
    SignOff,
    State,
    Submission,
)
from jixiao.web.evaluations.permissions import FINANCE_LIKE, Permissions
from jixiao.web.orgs.models import Org, OrgKind, Role

# the JSON blobs a list never shows (the dossier, its findings, an approved version's seal):
# never loaded for a list; at 3,000 units they are most of the bytes a list query would read
LIST_DEFERRED = (
    "current_version__data",
    "current_version__findings",
    "current_version__content_parts",
)


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
    return rows.defer(*LIST_DEFERRED).order_by("-round__year", "org__path")


def _within(paths: list[str]) -> Q:
    """Submissions of orgs at or below any of *paths* (nothing when there is none)."""
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(org__path__startswith=path)
    return query


PATH_SEGMENT = 11  # "0000000042/": an org's path is "/" and one segment per level (orgs.models)


def _prefix_lengths() -> range:
    """The lengths of the path prefixes that name an org's ancestors (and itself), root first."""
    deepest = Org.objects.aggregate(longest=Max(Length("path")))["longest"] or 0
    return range(1 + PATH_SEGMENT, deepest + 1, PATH_SEGMENT)


def _department_above() -> Exists:
    """The unit is a 主管部门 or lies below one: its first review is the 主管部门's, not the
    bureau's (``Permissions._has_department_above``, in the database). Each ancestor's path is a
    prefix of the unit's, so the test is an indexed equality per level of the tree, not a scan."""
    prefixes = Q(pk__in=[])
    for length in _prefix_lengths():
        prefixes |= Q(path=Substr(OuterRef("org__path"), 1, length))
    return Exists(Org.objects.filter(prefixes, kind=OrgKind.DEPARTMENT))


def todo_filter(permissions: Permissions) -> Q:
    """The submissions it is the user's turn to move forward, as one database predicate: where
    ``Permissions.allowed_actions`` offers submit, dept_approve, finance_approve, approve or publish
    (tests/web/test_dashboard_scale.py holds the two to the same answer)."""
    if permissions.is_superuser:
        unit_orgs: list[int] = []
        dept_paths: list[str] = []
        finance = Q()
    else:
        memberships = permissions.memberships
        unit_orgs = [m.org_id for m in memberships if m.role in (Role.FILLER, Role.UNIT_HEAD)]
        dept_paths = [m.org.path for m in memberships if m.role == Role.DEPT_REVIEWER]
        finance = _within([m.org.path for m in memberships if m.role in FINANCE_LIKE])
    entry_open = Q(state=State.RETURNED) | Q(state=State.DRAFT, entry_closes__gte=timezone.now())
    return (
        (Q(org_id__in=unit_orgs) & Q(state__in=EDITABLE_STATES) & entry_open)
        | (Q(state=State.SUBMITTED) & _within(dept_paths))
        | (Q(state=State.SUBMITTED) & finance & ~Q(department_above=True))
        | (Q(state__in=(State.DEPT_REVIEWED, State.FINANCE_REVIEWED, State.APPROVED)) & finance)
    )


def todo_list(*, user: Any) -> QuerySet[Submission]:
    """Every visible submission that is the user's turn (``todo_filter``), over all rows, in the
    order of ``submission_list``; count and page it in the database."""
    permissions = Permissions.of(user)
    return (
        submissions_visible_to(user)
        .annotate(
            entry_closes=Coalesce("extended_until", "round__deadline"),
            department_above=_department_above(),
        )
        .filter(todo_filter(permissions))
        .defer(*LIST_DEFERRED)
        .order_by("-round__year", "org__path", "pk")
    )


def submission_get(*, user: Any, pk: int) -> Submission:
    try:
        return submissions_visible_to(user).get(pk=pk)
    except Submission.DoesNotExist:
        raise Http404("填报不存在或无权查看 / no such submission, or not yours to see") from None


def valid_sign_off(version: DossierVersion | None) -> SignOff | None:
    """The unit head's sign-off of *version* that no later edit has voided, if any."""
    if version is None:
        return None
    return SignOff.valid_of(version.pk).select_related("by").order_by("-at", "-pk").first()


# the audit rows that write dossier data: the latest one's id is the dossier's revision
DOSSIER_WRITES = (Action.EDIT, Action.NEW_VERSION)


def dossier_revision(submission_id: int) -> int:
    """The revision of a submission's dossier: the id of the last audit row that wrote it (0 when
    none has). Every dossier write goes through services and writes such a row in the same
    transaction, so the number moves on exactly when the data changes; forms carry it as
    ``base_version`` and the API as the ETag, to find out whether someone saved in between.
    Read it before the data it stands for: then it is never newer than that data."""
    if abs(submission_id) >= 2**63:  # no such submission; the database's integer would overflow
        return 0
    latest = (
        AuditEntry.objects.filter(submission_id=submission_id, action__in=DOSSIER_WRITES)
        .order_by("-pk")
        .values_list("pk", flat=True)
        .first()
    )
    return latest or 0


def dossier_writes_since(submission: Submission, revision: int) -> list[AuditEntry]:
    """The dossier writes after *revision*, oldest first (who saved what since a form was shown)."""
    return list(
        AuditEntry.objects.filter(submission_id=submission.pk, action=Action.EDIT, pk__gt=revision)
        .select_related("actor")
        .order_by("pk")
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
    rows = submissions_visible_to(user).filter(org_id__in=orgs).defer(*LIST_DEFERRED)
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
    """Rounds in which the user can see at least one submission, or which their bureau opened.
    One indexed existence test per round (a handful), not a join with every submission."""
    permissions = Permissions.of(user)
    rows = Round.objects.select_related("finance")
    if permissions.is_superuser:
        return rows
    bureaus = [o.pk for o in permissions.finance_orgs()]
    return rows.filter(Exists(_visible_in_round(permissions)) | Q(finance_id__in=bureaus))


def _visible_in_round(permissions: Permissions) -> QuerySet[Submission]:
    """The submissions of the outer query's round that *permissions* may see."""
    rows = Submission.objects.filter(round=OuterRef("pk"))
    visible = _visibility(permissions, "org__")
    return rows if visible is None else rows.filter(visible)


def with_submission_counts(user: Any, rounds: QuerySet[Round]) -> QuerySet[Round]:
    """*rounds* with ``n``: how many of each round's submissions the user may see (a count per
    round over the round's index, not a join of every submission with every round)."""
    counted = (
        _visible_in_round(Permissions.of(user))
        .order_by()
        .values("round")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return rounds.annotate(n=Coalesce(Subquery(counted), 0))


def round_get(*, user: Any, pk: int) -> Round:
    try:
        return rounds_visible_to(user).get(pk=pk)
    except Round.DoesNotExist:
        raise Http404("批次不存在或无权查看 / no such round") from None


def round_progress(*, user: Any, round_: Round) -> dict[str, int]:
    """How many visible submissions of the round are in each state, plus late ones (one query)."""
    rows = submissions_visible_to(user).filter(round=round_)
    grouped = list(
        rows.values("state").annotate(n=Count("id"), late=Count("id", filter=Q(is_late=True)))
    )
    counts = {row["state"]: row["n"] for row in grouped}
    result = {state.value: counts.get(state.value, 0) for state in State}
    result["late"] = sum(row["late"] for row in grouped)
    result["total"] = sum(counts.values())
    return result


# the round page's sortable columns: key → the field it orders by (nulls always last)
ROUND_SORTS: dict[str, str] = {
    "unit": "org__name",
    "dept": "dept_name",
    "state": "state_order",
    "self": "current_version__self_total",
    "computed": "current_version__score_total",
    "final": "current_version__final_total",
    "gap": "gap",
    "errors": "current_version__error_count",
    "warnings": "current_version__warning_count",
    "submitted": "submitted_at",
    "late": "first_submitted",
}


def _department_name() -> Case:
    """The unit's 主管部门: itself, its parent or grandparent of kind 主管部门 (empty when none)."""
    return Case(
        When(org__kind=OrgKind.DEPARTMENT, then=F("org__name")),  # a 主管部门 reporting itself
        When(org__parent__kind=OrgKind.DEPARTMENT, then=F("org__parent__name")),
        When(org__parent__parent__kind=OrgKind.DEPARTMENT, then=F("org__parent__parent__name")),
        default=Value(""),
        output_field=CharField(),
    )


def round_rows(
    *,
    user: Any,
    round_: Round,
    state: str = "",
    q: str = "",
    dept_id: int | None = None,
    dept_q: str = "",
    late_only: bool = False,
    sort: str = "",
) -> QuerySet[Submission]:
    """A round's visible submissions for the reviewers' overview, filtered and sorted in the
    database, with the 主管部门, the gap self − final and the first submission time annotated;
    *sort* is a key of ROUND_SORTS, "-" in front for descending."""
    rows = (
        submissions_visible_to(user)
        .filter(round=round_)
        .defer(*LIST_DEFERRED)
        .annotate(
            dept_name=_department_name(),
            gap=ExpressionWrapper(
                F("current_version__self_total") - F("current_version__final_total"),
                output_field=DecimalField(max_digits=8, decimal_places=2),
            ),
            first_submitted=Subquery(
                AuditEntry.objects.filter(submission=OuterRef("pk"), action=Action.SUBMIT)
                .order_by("at")
                .values("at")[:1]
            ),
            state_order=Case(
                *(When(state=value, then=Value(n)) for n, value in enumerate(State.values)),
                output_field=IntegerField(),
            ),
        )
    )
    if state:
        rows = rows.filter(state=state)
    if q:
        rows = rows.filter(Q(org__name__icontains=q) | Q(org__code__icontains=q))
    if dept_id:
        department = Org.objects.filter(pk=dept_id, kind=OrgKind.DEPARTMENT).first()
        rows = rows.filter(org__path__startswith=department.path) if department else rows.none()
    if dept_q:
        rows = rows.filter(dept_name__icontains=dept_q)
    if late_only:
        rows = rows.filter(is_late=True)
    return rows.order_by(*_ordering(sort))


def _ordering(sort: str) -> list[Any]:
    descending = sort.startswith("-")
    field = ROUND_SORTS.get(sort.lstrip("-"))
    if field is None:
        return ["org__path", "pk"]
    expression = F(field).desc(nulls_last=True) if descending else F(field).asc(nulls_last=True)
    return [expression, "org__path", "pk"]


DEPARTMENTS_LISTED = 100  # more 主管部门 than this (a province): the filter is a name search


def round_departments(*, user: Any, round_: Round) -> QuerySet[Org]:
    """The 主管部门 above the round's visible units, for the round page's filter: each unit's
    ancestors are the prefixes of its path, so this is an indexed lookup per level of the tree
    (two queries, whatever the number of units)."""
    rows = submissions_visible_to(user).filter(round=round_)
    prefixes = Q(pk__in=[])
    for length in _prefix_lengths():
        prefixes |= Q(
            path__in=rows.annotate(prefix=Substr("org__path", 1, length)).values("prefix")
        )
    return Org.objects.filter(prefixes, kind=OrgKind.DEPARTMENT).order_by("path").only("name")


UNGRADED = "ungraded"  # submitted, but the final score cannot be computed (证据不足)
UNSUBMITTED = "unsubmitted"


def round_statistics(*, user: Any, round_: Round) -> dict[str, Any]:
    """The final scores of the round's visible submissions, in the database over every row:
    average, range and self-score average over submitted-or-later ones only (drafts and returned
    reports are not counted), the grade tally with an 未评级（证据不足） and an 未提交 bucket, and
    the count with errors. Two queries."""
    rows = submissions_visible_to(user).filter(round=round_)
    submitted = Q(state__in=SUBMITTED_STATES)
    scored = submitted & Q(current_version__final_total__isnull=False)
    scores = rows.aggregate(
        average=Avg("current_version__final_total", filter=scored),
        lowest=Min("current_version__final_total", filter=scored),
        highest=Max("current_version__final_total", filter=scored),
        self_average=Avg("current_version__self_total", filter=submitted),
        submitted=Count("id", filter=submitted),
        ungraded=Count("id", filter=submitted & Q(current_version__final_grade="")),
        unsubmitted=Count("id", filter=~submitted),
        with_errors=Count("id", filter=Q(current_version__error_count__gt=0)),
    )
    graded = dict(
        rows.filter(submitted)
        .exclude(current_version__final_grade="")
        .values("current_version__final_grade")
        .annotate(n=Count("id"))
        .values_list("current_version__final_grade", "n")
    )
    order = ["优", "良", "中", "差", *sorted(set(graded) - {"优", "良", "中", "差"})]
    for key in ("average", "lowest", "highest", "self_average"):
        scores[key] = _hundredths(scores[key])
    return {
        **scores,
        "grades": [(grade, graded.get(grade, 0)) for grade in order],
    }


def _hundredths(value: Any) -> Decimal | None:
    """An aggregate as Decimal to 0.01 (SQLite averages decimals as floats)."""
    if value is None:
        return None
    return Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


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
