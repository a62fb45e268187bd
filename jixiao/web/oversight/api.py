"""The oversight data through the REST API (a django-ninja router mounted on ``/api/``).

``GET /api/rounds/{pk}/dashboard`` gives the round dashboard's aggregates, ``GET
/api/rounds/{pk}/ranking`` its ranking table (filters and sort as on the page, paged), and ``GET
/api/orgs/{org_id}/years`` a unit's year-over-year figures and narrative changes. Permissions are
the pages': reviewers only for the round (403 for unit roles, 404 for a round the caller cannot
see), the submission's readers for a unit's years. Scores and rates are decimal strings.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from jixiao.web.evaluations import selectors as evaluation_selectors
from jixiao.web.evaluations.permissions import ActionRefused
from jixiao.web.oversight import selectors, tables, years
from jixiao.web.oversight.selectors import RANKING_COLUMNS, RankingFilters

router = Router(tags=["oversight"])


class DepartmentCompletionOut(Schema):
    dept_id: int = Field(description="the 主管部门's org id; 0 for units without one")
    dept_name: str
    total: int = Field(description="units due (应报)")
    submitted: int = Field(description="handed in and not sent back (已提交)")
    rate: Decimal | None = Field(description="submitted ÷ due, percent")
    on_time: int = Field(description="first submitted by the round's deadline")
    late: int = Field(description="first submitted after the round's deadline (逾期)")
    returned: int = Field(description="sent back, being corrected (退回修改中)")
    drafts: int = Field(description="not yet submitted (未提交)")
    overdue: int = Field(description="not yet submitted and past their (extended) deadline")


class CompletionOut(Schema):
    deadline: datetime
    departments: list[DepartmentCompletionOut]
    totals: dict[str, Decimal | int | None]


class BinOut(Schema):
    label: str
    low: int
    high: int
    count: int


class GradeOut(Schema):
    grade: str
    count: int


class DistributionOut(Schema):
    bins: list[BinOut]
    grades: list[GradeOut]
    handed_in: int
    scored: int
    average: Decimal | None
    highest: Decimal | None


class PointOut(Schema):
    pk: int = Field(description="the submission id")
    unit: str
    dept: str
    final: Decimal
    execution: Decimal = Field(description="budget execution rate, percent")


class GapOut(Schema):
    dept_id: int
    dept_name: str
    n: int
    self_avg: Decimal | None
    final_avg: Decimal | None
    gap_avg: Decimal | None = Field(description="average self-score − final score")
    gap_max: Decimal | None


class FindingCountOut(Schema):
    id: str
    level: str
    level_label: str
    title: str = Field(description="the finding catalogue's description (docs/findings.md)")
    reports: int
    occurrences: int
    waived: int


class ColumnOut(Schema):
    key: str
    label: str
    kind: str
    sortable: bool


class ReuseReportOut(Schema):
    pk: int = Field(
        description="the submission id; its paragraphs: /oversight/submissions/{pk}/reuse/"
    )
    unit: str
    dept: str
    percent: Decimal | None = Field(description="share of the narrative found in other reports, %")
    reused: int = Field(description="paragraphs found in other reports")
    paragraphs: int = Field(description="paragraphs compared")


class ReuseOut(Schema):
    notable: int = Field(description="reports with reused text at or above the threshold")
    threshold: Decimal = Field(description="percent")
    reports: list[ReuseReportOut] = Field(description="most reused first, at most 50")


class ReasonOut(Schema):
    key: str = Field(description="gap | reuse | targets | errors")
    value: Any = Field(
        description="gap: points; reuse: [percent, paragraphs]; targets, errors: a count"
    )


class DistrustOut(Schema):
    pk: int = Field(description="the submission id")
    unit: str
    dept: str
    count: int = Field(description="how many reasons")
    reasons: list[ReasonOut]


class DashboardOut(Schema):
    round_id: int
    completion: CompletionOut
    distribution: DistributionOut
    scatter: list[PointOut]
    gaps: list[GapOut]
    findings: list[FindingCountOut]
    reuse: ReuseOut
    distrust: list[DistrustOut] = Field(
        description="reports with reasons to distrust them, most reasons first, at most 50"
    )


class RankingOut(Schema):
    count: int
    page: int
    pages: int
    columns: list[ColumnOut]
    rows: list[dict[str, Any]] = Field(
        description="one object per report: submission_id, org_id and a value per column key"
    )


class RankingQuery(Schema):
    dept: int | None = None
    unit_type: str = ""
    area: str = ""
    sort: str = selectors.DEFAULT_SORT
    page: int = Field(1, ge=1)
    page_size: int = Field(50, ge=1, le=500)


class YearOut(Schema):
    submission_id: int
    year: int
    round: str
    state: str
    budget: Decimal | None
    executed: Decimal | None
    execution: Decimal | None
    authorized: int | None
    in_service: int | None
    self_total: Decimal | None
    final_total: Decimal | None
    final_grade: str
    errors: int
    warnings: int


class ParagraphOut(Schema):
    status: str = Field(description="same (与上年相同), changed, new or removed")
    label: str
    text: str


class SectionOut(Schema):
    key: str
    label: str
    paragraphs: list[ParagraphOut]


class ChangeOut(Schema):
    before: int
    after: int
    same: int
    total: int
    sections: list[SectionOut]


class RecurringFindingOut(Schema):
    id: str
    title: str
    counts: list[int] = Field(description="how many in each year's current version, by years")


class FindingsByYearOut(Schema):
    years: list[int]
    rows: list[RecurringFindingOut]


class YearsOut(Schema):
    org_id: int
    org: str
    years: list[YearOut]
    changes: list[ChangeOut]
    findings: FindingsByYearOut


def _reviewer_round(request: HttpRequest, pk: int) -> Any:
    if not selectors.may_see_dashboards(request.user):
        raise ActionRefused("只有主管部门和财政局审核人员可以查看分析看板", code="not_allowed")
    return evaluation_selectors.round_get(user=request.user, pk=pk)


@router.get("/rounds/{pk}/dashboard", response=DashboardOut)
def round_dashboard(request: HttpRequest, pk: int) -> dict[str, Any]:
    """A round's completion, score distribution, score vs execution, gaps, findings, reused
    text and the reports to distrust (each reason with its figures)."""
    round_ = _reviewer_round(request, pk)
    rows = selectors.round_scope(user=request.user, round_=round_)
    figures = selectors.dashboard_figures(user=request.user, rows=rows, round_=round_)
    data = figures["aggregates"]
    data["distribution"]["grades"] = [
        {"grade": g["grade"], "count": g["count"]} for g in data["distribution"]["grades"]
    ]
    distrust = [selectors.distrust_row(row) for row in figures["distrust"]]
    for row in distrust:
        row["reasons"] = [{"key": key, "value": value} for key, value in row["reasons"]]
    return {"round_id": round_.pk, **data, "distrust": distrust}


@router.get("/rounds/{pk}/ranking", response=RankingOut)
def round_ranking(request: HttpRequest, pk: int, query: Query[RankingQuery]) -> dict[str, Any]:
    """A round's handed-in reports ranked, filtered and sorted as on the dashboard, paged."""
    round_ = _reviewer_round(request, pk)
    rows = selectors.round_scope(user=request.user, round_=round_)
    filters = RankingFilters.from_query(query.dict())
    ranked = selectors.ranking(rows=rows, filters=filters)
    page = Paginator(ranked, query.page_size).get_page(query.page)
    return {
        "count": page.paginator.count,
        "page": page.number,
        "pages": page.paginator.num_pages,
        "columns": [
            {"key": c.key, "label": str(c.label), "kind": c.kind, "sortable": c.sortable}
            for c in RANKING_COLUMNS
        ],
        "rows": [
            {
                "submission_id": row["pk"],
                "org_id": row["org_id"],
                **dict(
                    zip((c.key for c in RANKING_COLUMNS), tables.ranking_values(row), strict=True)
                ),
            }
            for row in page
        ],
    }


@router.get("/orgs/{org_id}/years", response=YearsOut)
def org_years(request: HttpRequest, org_id: int) -> dict[str, Any]:
    """A unit's figures, scores and findings per year, and its narrative changes year to year."""
    data = years.year_over_year(user=request.user, org_id=org_id)
    return {
        "org_id": data["org"].pk,
        "org": data["org"].name,
        "years": [
            {
                "submission_id": r["submission"].pk,
                "year": r["year"],
                "round": r["round"].notice,
                "state": r["submission"].state,
                "budget": r["budget"],
                "executed": r["executed"],
                "execution": r["execution"],
                "authorized": r["authorized"],
                "in_service": r["in_service"],
                "self_total": r["self"],
                "final_total": r["final"],
                "final_grade": r["grade"],
                "errors": r["errors"],
                "warnings": r["warnings"],
            }
            for r in data["rows"]
        ],
        "changes": [
            {
                "before": c["before"],
                "after": c["after"],
                "same": c["same"],
                "total": c["total"],
                "sections": [
                    {
                        "key": s.key,
                        "label": s.label,
                        "paragraphs": [
                            {"status": p.status, "label": p.label, "text": p.text}
                            for p in s.paragraphs
                        ],
                    }
                    for s in c["sections"]
                ],
            }
            for c in data["changes"]
        ],
        "findings": data["findings"],
    }
