"""Pages: a round's dashboard (with Excel exports), a unit's year-over-year view and a report's
reused paragraphs beside their sources.

Thin: the aggregates come from ``oversight.selectors`` and ``oversight.years``, tables from
``oversight.tables``; charts are drawn by static/oversight/dashboard.js from a ``json_script``
block (no inline script, the CSP allows none).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from jixiao.web.evaluations import selectors as evaluation_selectors
from jixiao.web.oversight import exports, reuse, selectors, tables, years
from jixiao.web.oversight.selectors import RANKING_COLUMNS, RankingFilters

RANKING_PAGE_SIZE = 25
# the scatter's own table repeats the ranking's two columns: shown on the page up to this many
# points (beyond, the page points to the ranking table and the Excel export: thousands of rows
# of HTML would make the page slow to serve and to read)
SCATTER_TABLE_MAX = 300
# a province has thousands of 主管部门 and tens of thousands of units: the page shows the first
# rows of each per-department table (the Excel export and the API have every row) and plots at
# most this many points, evenly spread over the units (the chart says so); the page stays the
# same size whatever the number of units
DEPARTMENT_ROWS_SHOWN = 50
SCATTER_POINTS_PLOTTED = 2000
PAGE_LINKS_AROUND = 5  # the ranking's page links: the first, the last and this many either side
PAGE_COLUMNS = [c for c in RANKING_COLUMNS if c.on_page]
PAGE_CELLS = [i for i, c in enumerate(RANKING_COLUMNS) if c.on_page]
EXPORTABLE = (
    "distrust",
    "completion",
    "bins",
    "grades",
    "ranking",
    "scatter",
    "gaps",
    "findings",
    "reuse",
    "all",
)
STREAMED = frozenset({"ranking", "distrust"})  # every row, read in chunks


def _ranking_query(filters: RankingFilters, **change: Any) -> str:
    values = {
        "dept": filters.dept_id or "",
        "dept_q": filters.dept_q,
        "unit_type": filters.unit_type,
        "area": filters.area,
        "sort": "" if filters.sort == selectors.DEFAULT_SORT else filters.sort,
    }
    values.update(change)
    return urlencode({k: v for k, v in values.items() if v not in ("", None)})


def _ranking_headers(filters: RankingFilters) -> list[dict[str, Any]]:
    """Each header of the ranking table: sortable ones link to sort by them (again: reversed)."""
    headers = []
    for column in PAGE_COLUMNS:
        ascending, descending = filters.sort == column.key, filters.sort == f"-{column.key}"
        first = column.key if not column.numeric else f"-{column.key}"  # numbers: largest first
        target = f"-{column.key}" if ascending else column.key if descending else first
        headers.append(
            {
                "key": column.key,
                "label": column.label,
                "numeric": column.numeric,
                "href": ("?" + _ranking_query(filters, sort=target) + "#ranking")
                if column.sortable
                else "",
                "aria_sort": "ascending" if ascending else "descending" if descending else "",
            }
        )
    return headers


def _page_cells(row: dict[str, Any]) -> list[Any]:
    values = tables.ranking_values(row)
    return [values[index] for index in PAGE_CELLS]


def _spread(points: list[Any], most: int) -> list[Any]:
    """At most *most* of *points*, evenly spaced over the list (all of them when they fit)."""
    if len(points) <= most:
        return points
    step = len(points) / most
    return [points[int(i * step)] for i in range(most)]


def _shown(table: tables.Table, most: int) -> tables.Table:
    """*table* with its first *most* rows (and its 合计 row, if any) for the page."""
    rows = list(table.rows)
    total = rows[-1:] if table.total_last else []
    body = rows[:-1] if table.total_last else rows
    if len(body) <= most:
        return table
    return replace(table, rows=[*body[:most], *total])


def _page_links(page: Any) -> list[int | None]:
    """The ranking's page numbers to link: the first, the last and a few around the current
    one; None where numbers are left out (shown as …)."""
    last, current = page.paginator.num_pages, page.number
    wanted = {1, last, *range(current - PAGE_LINKS_AROUND, current + PAGE_LINKS_AROUND + 1)}
    links: list[int | None] = []
    for number in sorted(n for n in wanted if 1 <= n <= last):
        if links and links[-1] is not None and number > links[-1] + 1:
            links.append(None)
        links.append(number)
    return links


def _chart_data(data: dict[str, Any]) -> dict[str, Any]:
    """What the charts draw, numbers as text (JSON has no decimals; the script parses them):
    the departments the page's tables show and at most ``SCATTER_POINTS_PLOTTED`` points."""
    text = lambda v: None if v is None else str(tables.hundredths(v))  # noqa: E731
    departments = data["completion"]["departments"][:DEPARTMENT_ROWS_SHOWN]
    return {
        "completion": [
            {
                "name": d["dept_name"],
                "on_time": d["on_time"],
                "late": d["late"],
                "returned": d["returned"],
                "drafts": d["drafts"],
            }
            for d in departments
        ],
        "bins": [{"name": b["label"], "value": b["count"]} for b in data["distribution"]["bins"]],
        "grades": [
            {"name": _(g.get("short", g["grade"])), "value": g["count"]}
            for g in data["distribution"]["grades"]
        ],
        "scatter": [
            {"name": p["unit"], "dept": p["dept"], "x": text(p["execution"]), "y": text(p["final"])}
            for p in _spread(data["scatter"], SCATTER_POINTS_PLOTTED)
        ],
        "gaps": [
            {"name": g["dept_name"], "value": text(g["gap_avg"])}
            for g in data["gaps"][:DEPARTMENT_ROWS_SHOWN]
        ],
        "findings": [
            {
                "name": f["id"],
                "title": tables.finding_title(f["id"], f["title"]),
                "value": f["reports"],
            }
            for f in data["findings"][:15]
        ],
        "labels": {
            "on_time": _("已提交·按时"),
            "late": _("已提交·逾期"),
            "returned": _("退回修改中"),
            "drafts": _("未提交"),
            "reports": _("报告数"),
            "execution": _("预算执行率（%）"),
            "final": _("最终得分"),
            "gap": _("平均差距（自评−最终）"),
            "findings": _("涉及报告数"),
        },
    }


@login_required
def round_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    """The round's dashboard for 财政局 (whole county) and 主管部门 (own units)."""
    selectors.require_reviewer(request.user)
    round_ = evaluation_selectors.round_get(user=request.user, pk=pk)
    rows = selectors.round_scope(user=request.user, round_=round_)
    figures = selectors.dashboard_figures(user=request.user, rows=rows, round_=round_)
    data = figures["aggregates"]
    filters = RankingFilters.from_query(request.GET)
    ranked = selectors.ranking(rows=rows, filters=filters)
    page = Paginator(ranked, RANKING_PAGE_SIZE).get_page(request.GET.get("page"))
    # the scatter's own table is on the page up to SCATTER_TABLE_MAX points only: not built beyond
    few_points = len(data["scatter"]) <= SCATTER_TABLE_MAX
    shown = tables.dashboard_tables(data if few_points else {**data, "scatter": []})
    for key in ("completion", "gaps"):
        shown[key] = _shown(shown[key], DEPARTMENT_ROWS_SHOWN)
    return render(
        request,
        "oversight/round_dashboard.html",
        {
            "round": round_,
            "data": data,
            "tables": shown,
            "departments": len(data["completion"]["departments"]),
            "department_rows_shown": DEPARTMENT_ROWS_SHOWN,
            "points_plotted": min(len(data["scatter"]), SCATTER_POINTS_PLOTTED),
            "page_links": _page_links(page),
            "charts": _chart_data(data),
            "filters": filters,
            "choices": figures["choices"],
            "headers": _ranking_headers(filters),
            "ranking_rows": [
                {"pk": row["pk"], "org_id": row["org_id"], "cells": _page_cells(row)}
                for row in page
            ],
            "ranking_kinds": [c.kind for c in PAGE_COLUMNS],
            "page": page,
            "query": _ranking_query(filters),
            "gap_large": selectors.INFLATED_GAP,
            "scatter_table_max": SCATTER_TABLE_MAX,
            "distrust": [selectors.distrust_row(row) for row in figures["distrust"]],
            "distrust_count": figures["distrust_count"],
            "distrust_reasons": dict(selectors.DISTRUST_REASONS),
            "reuse_notable": selectors.REUSE_NOTABLE,
        },
    )


@login_required
def round_dashboard_export(request: HttpRequest, pk: int, table: str) -> HttpResponse:
    """One table of the dashboard (or ``all`` of them, a sheet each) as .xlsx; the ranking with
    the page's filters and sort, every row."""
    if table not in EXPORTABLE:
        raise Http404("no such table")
    selectors.require_reviewer(request.user)
    round_ = evaluation_selectors.round_get(user=request.user, pk=pk)
    rows = selectors.round_scope(user=request.user, round_=round_)
    wanted = list(EXPORTABLE[:-1]) if table == "all" else [table]
    chosen: list[tables.Table] = []
    if set(wanted) - STREAMED:
        figures = selectors.dashboard_figures(user=request.user, rows=rows, round_=round_)
        built = tables.dashboard_tables(figures["aggregates"])
    for key in wanted:
        if key == "ranking":
            filters = RankingFilters.from_query(request.GET)
            ranked = selectors.ranking(rows=rows, filters=filters).iterator(chunk_size=500)
            chosen.append(tables.ranking_table(ranked))
        elif key == "distrust":
            doubtful = selectors.distrust(rows=rows).iterator(chunk_size=500)
            chosen.append(tables.distrust_table(doubtful))
        else:
            chosen.append(built[key])
    name = _("%(year)s年度绩效分析-%(table)s.xlsx") % {
        "year": round_.year,
        "table": _("全部") if table == "all" else str(chosen[0].title),
    }
    return exports.xlsx_response(chosen, name)


@login_required
def org_years(request: HttpRequest, org_id: int) -> HttpResponse:
    """A unit's figures, scores, findings and narrative changes across its years."""
    data = years.year_over_year(user=request.user, org_id=org_id)
    trend = [
        {
            "year": row["year"],
            "final": None if row["final"] is None else str(tables.hundredths(row["final"])),
            "self": None if row["self"] is None else str(tables.hundredths(row["self"])),
        }
        for row in data["rows"]
    ]
    return render(
        request,
        "oversight/org_years.html",
        {
            **data,
            "trend": {
                "points": trend,
                "labels": {"final": _("最终得分"), "self": _("自评分")},
            },
            "status_labels": years.STATUS_LABELS,
        },
    )


@login_required
def submission_reuse(request: HttpRequest, pk: int) -> HttpResponse:
    """A report's reused paragraphs (重复段落), each beside its source as far as the viewer may
    see it (``oversight.reuse``). Whoever may open the report may open this view."""
    submission = evaluation_selectors.submission_get(user=request.user, pk=pk)
    return render(
        request,
        "oversight/submission_reuse.html",
        {
            "submission": submission,
            "version": submission.current_version,
            **reuse.reuse_for(user=request.user, submission=submission),
        },
    )
