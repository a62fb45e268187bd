"""The public portal: only published reports, by year and department, searchable, no login."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, OuterRef
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from jixiao.core.report import Cell, Chart, Document, Paragraph, Section, Table
from jixiao.web.evaluations import reports, selectors, services
from jixiao.web.evaluations.models import Round, State, Submission
from jixiao.web.evaluations.paging import IdPaginator
from jixiao.web.evaluations.views import report_response
from jixiao.web.orgs.models import Org

PUBLIC_FORMATS = ("pdf", "docx", "html")


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value else None
    except ValueError:
        return None


def index(request: HttpRequest) -> HttpResponse:
    """Published reports, 30 a page, by year and searched by department name or notice. A
    province publishes tens of thousands of units: they are found by the search box, not picked
    from a list of every one (``?org=`` still narrows to one unit, named above the table)."""
    year = _int(request.GET.get("year"))
    org_id = _int(request.GET.get("org"))
    q = request.GET.get("q", "").strip()[:100]
    rows = selectors.published_reports(year=year, q=q, org_id=org_id).defer(
        *selectors.LIST_DEFERRED
    )
    page = IdPaginator(rows, 30).get_page(request.GET.get("page"))
    return render(
        request,
        "portal/index.html",
        {
            "page": page,
            "year": year,
            "org": Org.objects.filter(pk=org_id).only("name").first() if org_id else None,
            "org_id": org_id,
            "q": q,
            "years": _published_years(),
        },
    )


def _published_years() -> list[int]:
    """The years with a published report, newest first: one indexed test per round (a handful),
    not a scan of every published report."""
    published = Submission.objects.filter(round=OuterRef("pk"), state=State.PUBLISHED)
    rounds = Round.objects.filter(Exists(published)).order_by("-year")
    return sorted(set(rounds.values_list("year", flat=True)), reverse=True)


def _published(pk: int) -> Submission:
    try:
        return selectors.published_reports().get(pk=pk)
    except Submission.DoesNotExist:
        raise Http404("报告不存在或尚未公开 / no such published report") from None


def _block_view(block: Any) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        return {"kind": "p", "text": block.text, "style": block.style}
    if isinstance(block, Table):
        return {
            "kind": "table",
            "title": block.title,
            "columns": [c.header for c in block.columns],
            "rows": block.rows,
            "note": block.note,
        }
    if isinstance(block, Chart):
        rows = [
            (
                Cell(category),
                *(Cell("" if s.values[i] is None else str(s.values[i])) for s in block.series),
            )
            for i, category in enumerate(block.categories)
        ]
        return {
            "kind": "table",
            "title": block.title,
            "columns": ["", *(s.name for s in block.series)],
            "rows": rows,
            "note": block.unit,
        }
    return {"kind": "p", "text": str(block), "style": "note"}


def _section_view(section: Section) -> dict[str, Any]:
    return {
        "heading": section.heading,
        "level": min(section.level + 1, 6),
        "blocks": [_block_view(b) for b in section.blocks],
        "children": [_section_view(c) for c in section.children],
    }


def document_view(document: Document) -> dict[str, Any]:
    """The report model as plain dicts a Django template can walk (it cannot test types)."""
    return {
        "title": document.title,
        "subtitle": document.subtitle,
        "cover": document.cover,
        "sections": [_section_view(s) for s in document.sections],
        "attachments": [_section_view(s) for s in document.attachments],
    }


def report(request: HttpRequest, pk: int) -> HttpResponse:
    submission = _published(pk)
    version = (
        submission.versions.filter(locked=True).order_by("-number").first()
        or submission.current_version
    )
    assessment = services.assess_version(version, submission)
    document = None
    problem = ""
    try:
        document = document_view(reports.compose(assessment))
    except reports.ReportUnavailable as error:
        problem = error.message
    return render(
        request,
        "portal/report.html",
        {
            "submission": submission,
            "version": version,
            "assessment": assessment,
            "document": document,
            "problem": problem,
            "formats": [f for f in PUBLIC_FORMATS if f in reports.available_formats()],
            "missing_formats": [f for f in PUBLIC_FORMATS if f not in reports.available_formats()],
        },
    )


def report_file(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in PUBLIC_FORMATS:
        raise Http404("不支持的格式 / unknown format")
    submission = _published(pk)
    version = (
        submission.versions.filter(locked=True).order_by("-number").first()
        or submission.current_version
    )
    # a published report comes from a locked version, which never changes: its file is rendered
    # once and kept (evaluations.report_files)
    back = reverse("portal:report", args=[pk])
    return report_response(request, submission, fmt, version=version, back=back)
