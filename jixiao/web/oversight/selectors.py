"""The round dashboard's reads: every figure aggregated in the database over every visible row.

Scope: the submissions of the round that the user may see (``evaluations.selectors``): a finance
bureau its whole county, a 主管部门 its own units. Unit roles get no dashboard (``require_reviewer``).
Scores, ranks, gaps and findings count the reports handed in (``SUBMITTED_STATES``), as the round
page's statistics do; completion and timeliness count every unit of the round.

The ranking table's columns are declared once (:data:`RANKING_COLUMNS`): the page, the Excel
export and the API all read them, so one more column is one more line there.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import connection
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
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from jixiao.core.checks import CRASH_ID, INVALID_INPUT_ID, RULES
from jixiao.web.evaluations import round_figures
from jixiao.web.evaluations.models import SUBMITTED_STATES, DossierVersion, Round, State, Submission
from jixiao.web.evaluations.permissions import Permissions
from jixiao.web.evaluations.selectors import submissions_visible_to
from jixiao.web.orgs.models import Org, OrgKind, Role
from jixiao.web.oversight import analysis, figures

NO_DEPARTMENT = _("（无主管部门）")
SUBMITTED = Q(state__in=SUBMITTED_STATES)
FIG = "current_version__oversight_figures__"
AN = "current_version__oversight_analysis__"  # the round analysis (reuse, targets): analysis.py


def may_see_dashboards(user: Any) -> bool:
    """Reviewers (主管部门, 财政局, 系统管理员) and superusers; never unit roles alone."""
    return Permissions.of(user).has_role(Role.DEPT_REVIEWER, Role.FINANCE_REVIEWER, Role.ADMIN)


def require_reviewer(user: Any) -> None:
    if not may_see_dashboards(user):
        raise PermissionDenied(_("只有主管部门和财政局审核人员可以查看分析看板"))


# ── the rows every table starts from ─────────────────────────────────────────────────────


def _department(field: str, output: Any, default: Any) -> Case:
    """A field of the unit's 主管部门: itself, its parent or grandparent of kind 主管部门."""
    return Case(
        When(org__kind=OrgKind.DEPARTMENT, then=F(f"org__{field}")),
        When(org__parent__kind=OrgKind.DEPARTMENT, then=F(f"org__parent__{field}")),
        When(org__parent__parent__kind=OrgKind.DEPARTMENT, then=F(f"org__parent__parent__{field}")),
        default=Value(default),
        output_field=output,
    )


def round_scope(*, user: Any, round_: Round) -> QuerySet[Submission]:
    """The round's submissions the user may see, with 主管部门 id and name annotated; fills in
    the stored figures of versions saved before the oversight app existed (a cheap test over
    the round's rows first: usually none is missing), and brings the round's analysis (reuse,
    targets) up to date when its reports changed."""
    rows = submissions_visible_to(user).filter(round=round_)
    if rows.filter(
        current_version__isnull=False, current_version__oversight_figures__isnull=True
    ).exists():
        figures.fill_missing(rows)
    analysis.ensure_fresh(round_)
    return rows.annotate(
        dept_id=_department("id", IntegerField(), 0),
        dept_name=_department("name", CharField(), ""),
        dept_path=_department("path", CharField(), "~"),  # none: after every department
    )


def _hundredths(value: Any) -> Decimal | None:
    """An aggregate as Decimal to 0.01 (SQLite averages decimals as floats)."""
    if value is None:
        return None
    return Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _dept_label(name: str) -> str:
    return name or str(NO_DEPARTMENT)


# ── completion and timeliness ────────────────────────────────────────────────────────────


def completion(*, rows: QuerySet[Submission], round_: Round) -> dict[str, Any]:
    """Per 主管部门: units due, submitted (handed in and not sent back) and of those on time and
    late (by the first submission), returned, drafts, and drafts past their (possibly extended)
    deadline. On time + late + returned + drafts = due, so the chart's stacks add up. One query."""
    now = timezone.now()
    overdue = Q(state=State.DRAFT, submitted_at__isnull=True) & Q(
        deadline_at__lt=now,
    )
    grouped = (
        rows.annotate(deadline_at=Coalesce("extended_until", "round__deadline"))
        .values("dept_id", "dept_name", "dept_path")
        .annotate(
            total=Count("id"),
            submitted=Count("id", filter=SUBMITTED),
            returned=Count("id", filter=Q(state=State.RETURNED)),
            drafts=Count("id", filter=Q(state=State.DRAFT)),
            on_time=Count("id", filter=SUBMITTED & Q(is_late=False)),
            late=Count("id", filter=SUBMITTED & Q(is_late=True)),
            overdue=Count("id", filter=overdue),
        )
        .order_by("dept_path")
    )
    departments = []
    for row in grouped:
        row["dept_name"] = _dept_label(row["dept_name"])
        row["rate"] = _percent(row["submitted"], row["total"])
        departments.append(row)
    keys = ("total", "submitted", "returned", "drafts", "on_time", "late", "overdue")
    totals = {key: sum(row[key] for row in departments) for key in keys}
    totals["rate"] = _percent(totals["submitted"], totals["total"])
    return {"deadline": round_.deadline, "departments": departments, "totals": totals}


def _percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


# ── score and grade distribution ─────────────────────────────────────────────────────────

# histogram bins of the final score: [low, high) except the last, which includes 100
SCORE_BINS: tuple[tuple[int, int], ...] = ((0, 60), (60, 70), (70, 80), (80, 90), (90, 100))
GRADE_ORDER = ("优", "良", "中", "差")
INFLATED_GAP = 10  # a self-score this far above the final score stands out (as on the round page)


def _bin_label(low: int, high: int) -> str:
    return f"{low}–{high}"


def distribution(*, rows: QuerySet[Submission]) -> dict[str, Any]:
    """The final scores of handed-in reports in bins, the grade tally with 证据不足, the count
    without a score, average and highest, and how many rate themselves ``INFLATED_GAP`` or more
    above their final score. Two queries."""
    final = "current_version__final_total"
    handed_in = rows.filter(SUBMITTED)
    bins = {
        f"bin{index}": Count(
            "id",
            filter=Q(**{f"{final}__gte": low})
            & (Q(**{f"{final}__lte": high}) if high == 100 else Q(**{f"{final}__lt": high})),
        )
        for index, (low, high) in enumerate(SCORE_BINS)
    }
    counts = handed_in.annotate(gap=_gap()).aggregate(
        **bins,
        inflated=Count("id", filter=Q(gap__gte=INFLATED_GAP)),
        scored=Count("id", filter=Q(**{f"{final}__isnull": False})),
        handed_in=Count("id"),
        insufficient=Count("id", filter=Q(current_version__final_basis="insufficient")),
        average=Avg(final),
        highest=Max(final),
    )
    graded = dict(
        handed_in.exclude(current_version__final_grade="")
        .values("current_version__final_grade")
        .annotate(n=Count("id"))
        .values_list("current_version__final_grade", "n")
    )
    order = [*GRADE_ORDER, *sorted(set(graded) - set(GRADE_ORDER))]
    grades = [{"grade": g, "count": graded.get(g, 0)} for g in order]
    grades.append(
        {
            "grade": str(_("未评级（证据不足）")),
            "short": str(_("证据不足")),
            "count": counts["insufficient"],
        }
    )
    return {
        "bins": [
            {"label": _bin_label(low, high), "low": low, "high": high, "count": counts[f"bin{i}"]}
            for i, (low, high) in enumerate(SCORE_BINS)
        ],
        "grades": grades,
        "handed_in": counts["handed_in"],
        "inflated": counts["inflated"],
        "scored": counts["scored"],
        "average": _hundredths(counts["average"]),
        "highest": _hundredths(counts["highest"]),
    }


# ── the ranking table ────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Column:
    """One column of the ranking table: its key (sort parameter, API field), its Chinese header,
    what it reads (a field path or an expression over the submission rows) and how it is shown:
    ``text``, ``term`` (a stored word: translated), ``score`` (two decimals at most),
    ``percent``, ``int``, ``bool`` (是/否)."""

    key: str
    label: Any
    source: Any
    kind: str = "text"
    sortable: bool = True
    on_page: bool = True  # False: in the Excel export and the API only (keeps the page narrow)

    @property
    def numeric(self) -> bool:
        return self.kind in ("score", "percent", "int")


def _gap() -> ExpressionWrapper:
    return ExpressionWrapper(
        F("current_version__self_total") - F("current_version__final_total"),
        output_field=DecimalField(max_digits=8, decimal_places=2),
    )


# the ranking table, in display order. To add a column (e.g. a similarity score per report),
# add one Column here whose source is a field path or an expression over Submission rows.
RANKING_COLUMNS: tuple[Column, ...] = (
    Column("unit", _("单位"), F("org__name")),
    Column("code", _("单位编码"), F("org__code"), sortable=False, on_page=False),
    Column("dept", _("主管部门"), F("dept_name")),
    Column("unit_type", _("单位性质"), F(FIG + "unit_type"), "term"),
    Column("area", _("职能领域（推断）"), F(FIG + "functional_area")),
    Column("self", _("自评分"), F("current_version__self_total"), "score"),
    Column("final", _("最终得分"), F("current_version__final_total"), "score"),
    Column("grade", _("等级"), F("current_version__final_grade"), "term"),
    Column("gap", _("差值（自评−最终）"), _gap(), "score"),
    Column("execution", _("预算执行率（%）"), F(FIG + "execution_rate"), "percent"),
    Column("errors", _("错误"), F("current_version__error_count"), "int"),
    Column("warnings", _("警告"), F("current_version__warning_count"), "int"),
    Column("reuse", _("文字重复率（%）"), F(AN + "reuse_percent"), "percent"),
    Column("targets", _("目标问题"), F(AN + "target_flag_count"), "int"),
    Column("late", _("逾期提交"), F("is_late"), "bool"),
)
COLUMNS_BY_KEY = {column.key: column for column in RANKING_COLUMNS}
DEFAULT_SORT = "-final"


@dataclass(frozen=True)
class RankingFilters:
    dept_id: int | None = None
    unit_type: str = ""
    area: str = ""
    sort: str = DEFAULT_SORT
    dept_q: str = ""  # part of a 主管部门's name: the filter when there are too many to list

    @classmethod
    def from_query(cls, query: Any) -> RankingFilters:
        """From a GET query (or any mapping of text); unknown values are ignored."""
        try:
            dept_id = int(query.get("dept") or 0) or None
        except (TypeError, ValueError):
            dept_id = None
        sort = str(query.get("sort") or DEFAULT_SORT)
        column = COLUMNS_BY_KEY.get(sort.lstrip("-"))
        if column is None or not column.sortable:
            sort = DEFAULT_SORT
        return cls(
            dept_id=dept_id,
            unit_type=str(query.get("unit_type") or "")[:32],
            area=str(query.get("area") or "")[:32],
            sort=sort,
            dept_q=str(query.get("dept_q") or "").strip()[:100],
        )


def _field(key: str) -> str:
    return f"col_{key}"


def ranking(*, rows: QuerySet[Submission], filters: RankingFilters) -> QuerySet[Any]:
    """Handed-in reports as dicts (``pk``, ``col_<key>`` per column), filtered and sorted in the
    database (nulls last; ties by unit path). Page it or stream it; it is never sliced here."""
    ranked = rows.filter(SUBMITTED)
    if filters.dept_id is not None:
        ranked = ranked.filter(dept_id=filters.dept_id)
    if filters.dept_q:
        ranked = ranked.filter(dept_name__icontains=filters.dept_q)
    if filters.unit_type:
        ranked = ranked.filter(**{FIG + "unit_type": filters.unit_type})
    if filters.area:
        ranked = ranked.filter(**{FIG + "functional_area": filters.area})
    ranked = ranked.annotate(**{_field(c.key): c.source for c in RANKING_COLUMNS})
    descending = filters.sort.startswith("-")
    key = _field(filters.sort.lstrip("-"))
    order = F(key).desc(nulls_last=True) if descending else F(key).asc(nulls_last=True)
    return ranked.order_by(order, "org__path", "pk").values(
        "pk", "org_id", *(_field(c.key) for c in RANKING_COLUMNS)
    )


DEPARTMENTS_LISTED = 100  # more 主管部门 than this (a province): a name search, not a list


def ranking_choices(*, rows: QuerySet[Submission]) -> dict[str, Any]:
    """What the ranking filters offer: the 主管部门 (up to ``DEPARTMENTS_LISTED``; beyond,
    ``departments`` is None and the page offers a name search), 单位性质 and 职能领域 present in
    the scope (three queries)."""
    handed_in = rows.filter(SUBMITTED)
    departments: list[dict[str, Any]] | None = list(
        Org.objects.filter(
            Exists(handed_in.filter(dept_id=OuterRef("pk"))), kind=OrgKind.DEPARTMENT
        )
        .order_by("path")
        .values("pk", "name")[: DEPARTMENTS_LISTED + 1]
    )
    if departments is not None and len(departments) > DEPARTMENTS_LISTED:
        departments = None
    unit_types = sorted(
        set(handed_in.exclude(**{FIG + "unit_type": ""}).values_list(FIG + "unit_type", flat=True))
    )
    areas = sorted(
        set(
            handed_in.exclude(**{FIG + "functional_area": ""}).values_list(
                FIG + "functional_area", flat=True
            )
        )
    )
    return {"departments": departments, "unit_types": unit_types, "areas": areas}


# ── score against execution rate ─────────────────────────────────────────────────────────


def scatter(*, rows: QuerySet[Submission]) -> list[dict[str, Any]]:
    """Every handed-in report with both a final score and an execution rate (one query)."""
    points = (
        rows.filter(SUBMITTED)
        .filter(
            current_version__final_total__isnull=False,
            **{FIG + "execution_rate__isnull": False},
        )
        .order_by("org__path")
        .values(
            "pk", "org__name", "dept_name", "current_version__final_total", FIG + "execution_rate"
        )
    )
    return [
        {
            "pk": p["pk"],
            "unit": p["org__name"],
            "dept": _dept_label(p["dept_name"]),
            "final": p["current_version__final_total"],
            "execution": p[FIG + "execution_rate"],
        }
        for p in points
    ]


# ── self-score against final score, per 主管部门 ─────────────────────────────────────────


def gaps(*, rows: QuerySet[Submission]) -> list[dict[str, Any]]:
    """Per 主管部门, over handed-in reports with both scores: how many, the average self-score,
    final score and gap (self − final), and the largest single gap; largest average gap first.
    One query."""
    both = rows.filter(
        SUBMITTED,
        current_version__self_total__isnull=False,
        current_version__final_total__isnull=False,
    )
    grouped = (
        both.annotate(gap=_gap())
        .values("dept_id", "dept_name")
        .annotate(
            n=Count("id"),
            self_avg=Avg("current_version__self_total"),
            final_avg=Avg("current_version__final_total"),
            gap_avg=Avg("gap"),
            gap_max=Max("gap"),
        )
        .order_by(F("gap_avg").desc(nulls_last=True), "dept_name")
    )
    return [
        {
            "dept_id": row["dept_id"],
            "dept_name": _dept_label(row["dept_name"]),
            "n": row["n"],
            "self_avg": _hundredths(row["self_avg"]),
            "final_avg": _hundredths(row["final_avg"]),
            "gap_avg": _hundredths(row["gap_avg"]),
            "gap_max": _hundredths(row["gap_max"]),
        }
        for row in grouped
    ]


# ── findings by id ───────────────────────────────────────────────────────────────────────

LEVEL_LABELS = {  # one finding's level (a 警告 is "Warning", not the "Warnings" count column)
    "error": pgettext_lazy("finding level", "错误"),
    "warning": pgettext_lazy("finding level", "警告"),
    "info": pgettext_lazy("finding level", "提示"),
}
LEVEL_ORDER = {"error": 0, "warning": 1, "info": 2}


def _findings_sql() -> str:
    """Unnest each version's stored findings (a JSON array) and count by id, in the database."""
    table = DossierVersion._meta.db_table
    if connection.vendor == "postgresql":
        return (
            "SELECT j->>'id', MIN(j->>'level'), COUNT(*), COUNT(DISTINCT v.id),"
            " SUM(CASE WHEN j->>'waived' IS NOT NULL THEN 1 ELSE 0 END)"
            f" FROM {table} v CROSS JOIN LATERAL jsonb_array_elements("
            "CASE WHEN jsonb_typeof(v.findings) = 'array' THEN v.findings ELSE '[]'::jsonb END) j"
            " WHERE v.id IN ({ids}) GROUP BY j->>'id'"
        )
    return (
        "SELECT json_extract(j.value, '$.id'), MIN(json_extract(j.value, '$.level')), COUNT(*),"
        " COUNT(DISTINCT v.id),"
        " SUM(CASE WHEN json_extract(j.value, '$.waived') IS NOT NULL THEN 1 ELSE 0 END)"
        f" FROM {table} v, json_each(CASE WHEN json_type(v.findings) = 'array'"
        " THEN v.findings ELSE '[]' END) j"
        " WHERE v.id IN ({ids}) GROUP BY json_extract(j.value, '$.id')"
    )


def finding_title(finding_id: str) -> str:
    """The catalogue's description of a finding id (docs/findings.md)."""
    rule = RULES.get(finding_id)
    if rule is not None:
        return rule.title
    if finding_id == CRASH_ID:
        return "检查规则运行出错（jixiao 的缺陷）"
    if finding_id == INVALID_INPUT_ID:
        return "档案数据未通过字段校验，不能评分和提交"
    return ""


def finding_counts(*, rows: QuerySet[Submission]) -> list[dict[str, Any]]:
    """Per finding id over the handed-in reports' current versions: level, catalogue text, how
    often it occurs, in how many reports, how many occurrences are waived (说明). Most reports
    first. One query."""
    ids_sql, params = (
        rows.filter(SUBMITTED).order_by().values("current_version_id").query.sql_with_params()
    )
    with connection.cursor() as cursor:
        cursor.execute(_findings_sql().format(ids=ids_sql), params)
        found = cursor.fetchall()
    counts = [
        {
            "id": finding_id,
            "level": level or "",
            "level_label": str(LEVEL_LABELS.get(level or "", level or "")),
            "title": finding_title(finding_id),
            "occurrences": int(occurrences),
            "reports": int(reports),
            "waived": int(waived or 0),
        }
        for finding_id, level, occurrences, reports, waived in found
        if finding_id
    ]
    counts.sort(
        key=lambda c: (-c["reports"], -c["occurrences"], LEVEL_ORDER.get(c["level"], 9), c["id"])
    )
    return counts


# ── reports to look at closely: reused text, and the reasons to distrust ───────────────────

REUSE_NOTABLE = Decimal("10")  # percent of a report's narrative found in other reports
DISTRUST_SHOWN = 50  # rows of the distrust table on the page (the export has all)


def reuse_summary(*, rows: QuerySet[Submission]) -> dict[str, Any]:
    """Handed-in reports with any reused paragraph (most reused first, at most DISTRUST_SHOWN),
    and how many reach ``REUSE_NOTABLE``. Two queries."""
    reused = rows.filter(SUBMITTED, **{AN + "reused_paragraphs__gt": 0})
    notable = reused.filter(**{AN + "reuse_percent__gte": REUSE_NOTABLE}).count()
    listed = reused.order_by(F(AN + "reuse_percent").desc(nulls_last=True), "org__path").values(
        "pk",
        "org__name",
        "dept_name",
        AN + "reuse_percent",
        AN + "reused_paragraphs",
        AN + "paragraphs",
    )[:DISTRUST_SHOWN]
    return {
        "notable": notable,
        "threshold": REUSE_NOTABLE,
        "reports": [
            {
                "pk": r["pk"],
                "unit": r["org__name"],
                "dept": _dept_label(r["dept_name"]),
                "percent": r[AN + "reuse_percent"],
                "reused": r[AN + "reused_paragraphs"],
                "paragraphs": r[AN + "paragraphs"],
            }
            for r in listed
        ],
    }


def _flag(condition: Q) -> Case:
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


# (key, label) of each reason, in the order the table shows them
DISTRUST_REASONS: tuple[tuple[str, Any], ...] = (
    ("gap", _("自评高出最终得分")),
    ("reuse", _("文字重复")),
    ("targets", _("目标偏软或不规范")),
    ("errors", _("错误级核查发现")),
)


def distrust(*, rows: QuerySet[Submission]) -> QuerySet[Any]:
    """Handed-in reports with at least one reason to distrust them, most reasons first (then the
    largest gap): self-score ``INFLATED_GAP`` or more above the final score, ``REUSE_NOTABLE`` %
    or more of the narrative found in other reports, any target flag, any error-level finding
    (explained or not). One query; page or stream it."""
    flagged = (
        rows.filter(SUBMITTED)
        .annotate(gap=_gap())
        .annotate(
            r_gap=_flag(Q(gap__gte=INFLATED_GAP)),
            r_reuse=_flag(Q(**{AN + "reuse_percent__gte": REUSE_NOTABLE})),
            r_targets=_flag(Q(**{AN + "target_flag_count__gt": 0})),
            r_errors=_flag(Q(**{AN + "error_findings__gt": 0})),
        )
        .annotate(reasons=F("r_gap") + F("r_reuse") + F("r_targets") + F("r_errors"))
        .filter(reasons__gt=0)
    )
    return flagged.order_by(
        F("reasons").desc(), F("gap").desc(nulls_last=True), "org__path", "pk"
    ).values(
        "pk",
        "org__name",
        "dept_name",
        "reasons",
        "r_gap",
        "r_reuse",
        "r_targets",
        "r_errors",
        "gap",
        "current_version__self_total",
        "current_version__final_total",
        AN + "reuse_percent",
        AN + "reused_paragraphs",
        AN + "target_flag_count",
        AN + "error_findings",
    )


def distrust_row(row: dict[str, Any]) -> dict[str, Any]:
    """One distrust row as the page, the export and the API show it: each reason with its
    evidence in words (Chinese; English through the page's translation)."""
    reasons = []
    if row["r_gap"]:
        reasons.append(("gap", row["gap"]))
    if row["r_reuse"]:
        reasons.append(("reuse", (row[AN + "reuse_percent"], row[AN + "reused_paragraphs"])))
    if row["r_targets"]:
        reasons.append(("targets", row[AN + "target_flag_count"]))
    if row["r_errors"]:
        reasons.append(("errors", row[AN + "error_findings"]))
    return {
        "pk": row["pk"],
        "unit": row["org__name"],
        "dept": _dept_label(row["dept_name"]),
        "count": row["reasons"],
        "self": row["current_version__self_total"],
        "final": row["current_version__final_total"],
        "reasons": reasons,
    }


# ── everything at once, for the page and the API ────────────────────────────────────────


def aggregates(*, rows: QuerySet[Submission], round_: Round) -> dict[str, Any]:
    """Every aggregate of the dashboard except the ranking table (which pages or streams)."""
    return {
        "completion": completion(rows=rows, round_=round_),
        "distribution": distribution(rows=rows),
        "scatter": scatter(rows=rows),
        "gaps": gaps(rows=rows),
        "findings": finding_counts(rows=rows),
        "reuse": reuse_summary(rows=rows),
    }


def dashboard_figures(*, user: Any, rows: QuerySet[Submission], round_: Round) -> dict[str, Any]:
    """What the dashboard shows of the whole round besides the ranking's page: ``aggregates``,
    the ranking's filter choices, the first ``DISTRUST_SHOWN`` reports to distrust and their
    count; computed once per change of the round for each scope (``round_figures``). *rows*:
    ``round_scope``'s, which brings stored figures and the analysis up to date first, so the
    revision read here is the one after those writes."""
    # completion counts drafts past their deadline: the figures hold until the next deadline
    return round_figures.cached(
        "oversight-dashboard",
        round_,
        Permissions.of(user),
        lambda: dashboard_figures_now(rows=rows, round_=round_),
        DEPARTMENTS_LISTED,  # the settings the figures are cut by
        DISTRUST_SHOWN,
        clock=True,
    )


def dashboard_figures_now(*, rows: QuerySet[Submission], round_: Round) -> dict[str, Any]:
    """``dashboard_figures`` computed now (what the cache stores)."""
    doubtful = distrust(rows=rows)
    return {
        "aggregates": aggregates(rows=rows, round_=round_),
        "choices": ranking_choices(rows=rows),
        "distrust": list(doubtful[:DISTRUST_SHOWN]),
        "distrust_count": doubtful.count(),
    }
