"""Pages of a unit's ledgers: overview, record lists with filters, entry and edit forms, Excel
import and its template, attachments, the change log, satisfaction surveys and their public link.

Views stay thin: read through ``selectors``, change through ``services``, render. The unit's own
clerks see the write buttons; its 主管部门 and 财政局 read the same pages without them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from jixiao.core.errors import InputError
from jixiao.web.evaluations.permissions import ActionRefused
from jixiao.web.language import page_in_english
from jixiao.web.ledgers import access, actuals, catalogue, imports, selectors, services
from jixiao.web.ledgers import energy as energy_stats
from jixiao.web.ledgers.forms import AnswerForm, SurveyForm, record_form
from jixiao.web.ledgers.models import LedgerAttachment, LedgerRecord, Survey

PAGE_SIZE = 100


def _ledger_or_404(ledger: str) -> str:
    if catalogue.spec(ledger) is None:
        raise Http404(_("没有这个台账"))
    return ledger


def _year(request: HttpRequest, org: Any) -> int:
    raw = request.GET.get("year", "")
    if raw.isdigit() and 2000 <= int(raw) <= 2100:
        return int(raw)
    return selectors.default_year(org)


def _date(raw: str | None) -> date | None:
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        return None


def _refused(request: HttpRequest, error: ActionRefused) -> None:
    if error.code == "forbidden":
        raise Http404(error.message)
    if error.code == "not_allowed":
        raise PermissionDenied(error.message)
    messages.error(request, error.message)


def _place_problems(form: Any, error: InputError) -> None:
    """Each problem on its field, named (里程（公里）：数值过小…), in the page's language (or on
    the form when no field has its path)."""
    english = page_in_english()
    for problem in error.problems:
        detail = problem.en if english else problem.zh
        name = problem.path.split(".", 1)[0].split("[", 1)[0]
        if name in form.fields:
            colon = ": " if english else "："
            form.add_error(name, f"{form.fields[name].label}{colon}{detail}")
        else:
            form.add_error(None, detail)


# ── overview ──────────────────────────────────────────────────────────────────────────────


@login_required
def index(request: HttpRequest) -> HttpResponse:
    orgs = access.orgs_readable_by(request.user)
    if len(orgs) == 1:
        return redirect("ledgers:unit", org=orgs[0].pk)
    return render(request, "ledgers/index.html", {"orgs": orgs})


@login_required
def unit(request: HttpRequest, org: int) -> HttpResponse:
    unit_org = access.readable_org(request.user, org)
    year = _year(request, unit_org)
    counts = selectors.counts(unit_org, year)
    groups = [
        (name, [(item, counts.get(item.kind.value, 0)) for item in items])
        for name, items in catalogue.grouped()
    ]
    return render(
        request,
        "ledgers/unit.html",
        {
            "org": unit_org,
            "year": year,
            "years": selectors.years(unit_org),
            "groups": groups,
            "total": sum(counts.values()),
            "figures": actuals.figures(unit_org, year),
            "can_write": access.can_write(request.user, unit_org),
        },
    )


# ── energy statistics ─────────────────────────────────────────────────────────────────────


@login_required
def energy(request: HttpRequest, org: int) -> HttpResponse:
    """能源资源消耗统计: by type, by month, per head and per m², against last year."""
    unit_org = access.readable_org(request.user, org)
    year = _year(request, unit_org)
    stats = energy_stats.statistics(unit_org, year)
    return render(
        request,
        "ledgers/energy.html",
        {
            "org": unit_org,
            "year": year,
            "years": selectors.years(unit_org),
            "stats": stats,
            "charts": stats.chart_data(),
            "can_write": access.can_write(request.user, unit_org),
        },
    )


@login_required
def energy_export(request: HttpRequest, org: int) -> HttpResponse:
    unit_org = access.readable_org(request.user, org)
    year = _year(request, unit_org)
    content = energy_stats.workbook_bytes(unit_org, energy_stats.statistics(unit_org, year))
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    name = _("%(unit)s-%(year)s年度能源资源消耗统计.xlsx") % {"unit": unit_org.name, "year": year}
    response["Content-Disposition"] = imports.attachment_header(name)
    return response


# ── records ───────────────────────────────────────────────────────────────────────────────


@login_required
def record_list(request: HttpRequest, org: int, ledger: str) -> HttpResponse:
    unit_org = access.readable_org(request.user, org)
    _ledger_or_404(ledger)
    year = _year(request, unit_org)
    figure = request.GET.get("figure", "")
    version = request.GET.get("version", "")
    frozen = version.isdigit() and len(version) < 12
    if figure and frozen:  # the records as a submitted version's snapshot has them
        refs = actuals.snapshot_refs(unit_org, year, figure, int(version))
    else:
        refs = actuals.figure_refs(unit_org, year, figure) if figure else None
    filters = {
        "year": year,
        "start": request.GET.get("start", ""),
        "end": request.GET.get("end", ""),
        "q": request.GET.get("q", "").strip()[:100],
    }
    rows = selectors.records(
        org=unit_org,
        ledger=ledger,
        year=year,
        start=_date(filters["start"]),
        end=_date(filters["end"]),
        refs=refs,
        q=filters["q"],
    )
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "ledgers/record_list.html",
        {
            "org": unit_org,
            "ledger": ledger,
            "title": catalogue.title(ledger),
            "year": year,
            "years": selectors.years(unit_org),
            "filters": filters,
            "refs": refs,
            "figure": actuals.figure_label(figure) if refs is not None else "",
            "frozen": frozen and refs is not None,
            "figure_ledgers": [
                item for item in actuals.figure_ledgers(unit_org, year, figure) if item[0] != ledger
            ]
            if refs is not None
            else [],
            "query": _query(request, page=None),
            "columns": selectors.columns(ledger),
            "page": page,
            "rows": [(r, selectors.row_cells(ledger, r.data)) for r in page],
            "can_write": access.can_write(request.user, unit_org),
        },
    )


def _record_page(
    request: HttpRequest, org: Any, ledger: str, form: Any, record: Any = None
) -> HttpResponse:
    return render(
        request,
        "ledgers/record_form.html",
        {
            "org": org,
            "ledger": ledger,
            "title": catalogue.title(ledger),
            "form": form,
            "record": record,
            "can_write": access.can_write(request.user, org),
            "attachments": list(record.attachments.all()) if record else [],
            "history": selectors.entries_in_words(
                selectors.audit(org, ledger).filter(record_pk=record.pk)
            )
            if record
            else [],
        },
    )


@login_required
def record_new(request: HttpRequest, org: int, ledger: str) -> HttpResponse:
    unit_org = access.readable_org(request.user, org)
    _ledger_or_404(ledger)
    if not access.can_write(request.user, unit_org):
        raise PermissionDenied(_("只有本单位的填报人员可以修改台账"))
    Form = record_form(catalogue.record_model(ledger))
    form = Form(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            record = services.record_create(
                actor=request.user,
                org=unit_org,
                ledger=ledger,
                data=form.record_data(),
                upload=form.cleaned_data.get("attachment"),
            )
        except InputError as error:
            _place_problems(form, error)
        except ActionRefused as error:
            _refused(request, error)
        else:
            messages.success(request, _("已保存记录 %(id)s") % {"id": record.ref})
            if "another" in request.POST:
                return redirect("ledgers:record_new", org=org, ledger=ledger)
            return redirect(_list_url(record))
    if request.method == "POST" and not form.is_valid():
        messages.error(request, _("表单有误，请检查标红的字段，未保存任何内容"))
    return _record_page(request, unit_org, ledger, form)


def _query(request: HttpRequest, **change: Any) -> str:
    """The list's query string with *change* applied (None drops a key)."""
    params = {k: v for k, v in request.GET.items() if v}
    for key, value in change.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    from django.utils.http import urlencode

    return urlencode(params)


def _list_url(record: LedgerRecord) -> str:
    base = reverse("ledgers:records", kwargs={"org": record.org_id, "ledger": record.ledger})
    return f"{base}?year={record.year}"


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def record_detail(request: HttpRequest, pk: int) -> HttpResponse:
    record = selectors.record_get(user=request.user, pk=pk)
    Form = record_form(catalogue.record_model(record.ledger))
    bound = request.method == "POST"
    if bound and not access.can_write(request.user, record.org):
        raise PermissionDenied(_("只有本单位的填报人员可以修改台账"))
    form = Form(request.POST if bound else None, request.FILES or None, initial=record.data)
    if bound and form.is_valid():
        try:
            services.record_edit(
                actor=request.user,
                record=record,
                data=form.record_data(),
                upload=form.cleaned_data.get("attachment"),
            )
        except InputError as error:
            _place_problems(form, error)
        except ActionRefused as error:
            _refused(request, error)
        else:
            messages.success(request, _("已保存记录 %(id)s") % {"id": record.ref})
            return redirect("ledgers:record", pk=record.pk)
    if bound and not form.is_valid():
        messages.error(request, _("表单有误，请检查标红的字段，未保存任何内容"))
    if not access.can_write(request.user, record.org):
        for field in form.fields.values():
            field.disabled = True
    return _record_page(request, record.org, record.ledger, form, record)


@login_required
@require_POST
def record_delete(request: HttpRequest, pk: int) -> HttpResponse:
    record = selectors.record_get(user=request.user, pk=pk)
    target = _list_url(record)
    try:
        services.record_delete(
            actor=request.user, record=record, reason=request.POST.get("reason", "")
        )
    except ActionRefused as error:
        _refused(request, error)
        return redirect("ledgers:record", pk=pk)
    messages.success(request, _("已删除记录 %(id)s") % {"id": record.ref})
    return redirect(target)


@login_required
def attachment_download(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(LedgerAttachment.objects.select_related("record"), pk=pk)
    selectors.record_get(user=request.user, pk=item.record_id)
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.name)


# ── Excel ─────────────────────────────────────────────────────────────────────────────────


@login_required
def template(request: HttpRequest, ledger: str) -> HttpResponse:
    _ledger_or_404(ledger)
    response = HttpResponse(
        imports.template_bytes(ledger),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = f"{catalogue.spec(ledger).name}模板.xlsx"  # type: ignore[union-attr]
    response["Content-Disposition"] = imports.attachment_header(name)
    return response


@login_required
def record_import(request: HttpRequest, org: int, ledger: str) -> HttpResponse:
    unit_org = access.readable_org(request.user, org)
    _ledger_or_404(ledger)
    if not access.can_write(request.user, unit_org):
        raise PermissionDenied(_("只有本单位的填报人员可以修改台账"))
    problems: list[Any] = []
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            messages.error(request, _("请选择要导入的 Excel 文件（.xlsx）"))
        else:
            try:
                rows = imports.read_workbook(unit_org, ledger, upload.read(), upload.name or "")
                created = services.records_import(
                    actor=request.user,
                    org=unit_org,
                    ledger=ledger,
                    rows=rows,
                    origin=upload.name or "",
                )
            except InputError as error:
                messages.error(
                    request,
                    _("%(file)s 有 %(n)s 处错误，未导入任何记录")
                    % {"file": upload.name, "n": len(error.problems)},
                )
                problems = error.problems[:200]
            except ActionRefused as error:
                _refused(request, error)
            else:
                messages.success(request, _("已导入 %(n)s 条记录") % {"n": len(created)})
                years = sorted({r.year for r in created})
                base = reverse("ledgers:records", kwargs={"org": org, "ledger": ledger})
                return redirect(f"{base}?year={years[-1]}" if years else base)
    return render(
        request,
        "ledgers/record_import.html",
        {
            "org": unit_org,
            "ledger": ledger,
            "title": catalogue.title(ledger),
            "problems": problems,
            "columns": selectors.columns(ledger),
        },
    )


# ── change log ────────────────────────────────────────────────────────────────────────────


@login_required
def audit(request: HttpRequest, org: int) -> HttpResponse:
    unit_org = access.readable_org(request.user, org)
    rows = selectors.audit(unit_org).order_by("-at", "-pk")
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "ledgers/audit.html",
        {
            "org": unit_org,
            "page": page,
            "entries": selectors.entries_in_words(page),
        },
    )


# ── satisfaction surveys ──────────────────────────────────────────────────────────────────


@login_required
def surveys(request: HttpRequest, org: int) -> HttpResponse:
    unit_org = access.readable_org(request.user, org)
    can_write = access.can_write(request.user, unit_org)
    form = SurveyForm(request.POST or None, initial={"year": selectors.default_year(unit_org)})
    if request.method == "POST":
        if not can_write:
            raise PermissionDenied(_("只有本单位的填报人员可以修改台账"))
        try:
            if "close" in request.POST or "reopen" in request.POST:
                survey = get_object_or_404(Survey, pk=request.POST.get("survey") or 0, org=unit_org)
                services.survey_close(
                    actor=request.user, survey=survey, is_open="reopen" in request.POST
                )
                messages.success(request, _("已更新问卷状态"))
                return redirect("ledgers:surveys", org=org)
            if form.is_valid():
                services.survey_open(
                    actor=request.user,
                    org=unit_org,
                    year=form.cleaned_data["year"],
                    title=form.cleaned_data["title"],
                )
                messages.success(request, _("已发布问卷，请把链接发给答卷人"))
                return redirect("ledgers:surveys", org=org)
        except ActionRefused as error:
            _refused(request, error)
    rows = list(selectors.surveys(unit_org))
    return render(
        request,
        "ledgers/surveys.html",
        {
            "org": unit_org,
            "form": form,
            "can_write": can_write,
            "surveys": [
                (s, request.build_absolute_uri(reverse("ledgers:answer", args=[s.token])))
                for s in rows
            ],
            "rates": {s.year: actuals.satisfaction(unit_org, s.year) for s in rows},
        },
    )


ANSWER_LIMIT = 20  # responses from one address to one survey per hour
ANSWER_WINDOW = 3600


def _client_address(request: HttpRequest) -> str:
    """The respondent's address as sign-in throttling resolves it (django-axes: behind a proxy,
    the configured proxy count), so a proxy does not make every respondent one address."""
    from axes.helpers import get_client_ip_address

    return get_client_ip_address(request) or ""


@require_http_methods(["GET", "HEAD", "POST"])
def answer(request: HttpRequest, token: str) -> HttpResponse:
    """The public questionnaire: no sign-in, CSRF-protected, one response per browser and a
    limit per address (``ANSWER_LIMIT`` an hour), so a link passed around cannot be flooded."""
    survey = Survey.objects.select_related("org").filter(token=token).first()
    if survey is None:
        raise Http404(_("没有这份问卷"))
    cookie = f"jixiao-answered-{survey.pk}"
    answered = request.get_signed_cookie(cookie, default="", salt="survey") == "1"
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and survey.is_open and not answered and form.is_valid():
        key = f"jixiao-survey-{survey.token}-{_client_address(request)}"
        count = cache.get(key, 0)
        if count >= ANSWER_LIMIT:
            messages.error(request, _("提交过于频繁，请稍后再试"))
        else:
            try:
                services.survey_respond(survey=survey, data=form.record_data())
            except (InputError, ActionRefused) as error:
                messages.error(request, getattr(error, "message", "") or _("提交未成功"))
            else:
                cache.set(key, count + 1, ANSWER_WINDOW)
                response = render(request, "ledgers/answer.html", {"survey": survey, "done": True})
                response.set_signed_cookie(
                    cookie, "1", salt="survey", max_age=365 * 86400, httponly=True, samesite="Lax"
                )
                return response
    return render(
        request,
        "ledgers/answer.html",
        {"survey": survey, "form": form, "answered": answered, "done": False},
    )
