"""Pages for signed-in users: dashboard, rounds, a submission's sections, workflow, audit.

Views stay thin: read through ``selectors``, change through ``services``, render. Every
submission page shows the current user's allowed actions (``Permissions.allowed_actions``).
"""

from __future__ import annotations

import secrets
from decimal import Decimal
from typing import Any, Literal
from urllib.parse import quote, urlencode

from csp.constants import HEADER as CSP_HEADER
from csp.constants import NONE
from csp.utils import build_policy
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from jixiao.core.errors import InputError
from jixiao.core.locations import describe_path, figure_label
from jixiao.core.numbers import NumberSyntaxError, format_score, parse_number
from jixiao.io import csvfile
from jixiao.web.evaluations import (
    audit,
    confirm,
    engine,
    imports,
    liveness,
    reasons,
    report_files,
    reports,
    round_figures,
    selectors,
    services,
    tasks,
)
from jixiao.web.evaluations.forms import (
    SECTIONS,
    STAFF_KEYS,
    Section,
    locate,
    row_formset,
    rows_from,
)
from jixiao.web.evaluations.models import BatchJob, Evidence, State
from jixiao.web.evaluations.paging import IdPaginator
from jixiao.web.evaluations.permissions import (
    ACTIONS,
    DONE,
    NEEDS_REASON,
    ActionRefused,
    Permissions,
    action_labels,
)
from jixiao.web.evaluations.templatetags.jixiao_numbers import money, score
from jixiao.web.evaluations.vocabulary import in_english
from jixiao.web.language import page_in_english
from jixiao.web.ledgers import actuals as ledger_actuals
from jixiao.web.orgs.models import ApiToken, OrgChange

FORWARD = frozenset({"submit", "dept_approve", "finance_approve", "approve", "publish"})
SECTION_OF_PATH = {key: key for key in SECTIONS} | {
    "waivers": "self_evaluation",
    "budget": "money",  # figure keys about money: shown on the money section
    "executed": "money",
}


def section_for_path(path: str) -> str:
    head = path.split(".", 1)[0].split("[", 1)[0]
    return SECTION_OF_PATH.get(head, "")


def _english() -> bool:
    return page_in_english()


def _refused(request: HttpRequest, error: ActionRefused) -> None:
    if error.code == "forbidden":
        raise PermissionDenied(error.message)
    messages.error(request, error.message)
    english = _english()
    for detail in error.details[:10]:
        place = detail.get("where_label_en" if english else "where_label") or ""
        message = (english and detail.get("message_en")) or detail.get("message")
        messages.warning(
            request,
            f"{place}：{message}（{detail.get('id')}）"
            if place
            else f"{message}（{detail.get('id')}）",
        )


def _input_error(request: HttpRequest, error: InputError) -> None:
    """Bad input as notices in the page's language, each problem at its place in words."""
    english = _english()
    if error.origin and not error.origin.startswith("<"):  # a file the user gave: name it
        messages.error(request, _("%(file)s 输入有误，未保存任何内容") % {"file": error.origin})
    else:
        messages.error(request, _("输入有误，未保存任何内容"))
    for problem in error.problems[:10]:
        place = describe_path(problem.path, None, "en" if english else "zh")
        text = problem.en if english else problem.zh
        messages.warning(request, f"{place}：{text}" if place else text)


# ── dashboard and rounds ──────────────────────────────────────────────────────────────────


TODO_PAGE_SIZE = 50


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """The user's to-dos (what is their turn to move forward; return, reopen and extend are
    possible, not due), counted and paged in the database over every row, then their units'
    reports and the rounds they see."""
    permissions = Permissions.of(request.user)
    page = IdPaginator(selectors.todo_list(user=request.user), TODO_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    todo = []
    for submission in page:
        allowed = permissions.allowed_actions(submission)
        actions = [a for a in allowed if a not in ("extend", "rescore", "prefill")]
        todo.append((submission, action_labels(actions)))
    rounds = selectors.with_submission_counts(
        request.user, selectors.rounds_visible_to(request.user)
    )
    return render(
        request,
        "evaluations/dashboard.html",
        {
            "todo": todo,
            "todo_count": page.paginator.count,
            "page": page,
            # clerks and heads keep sight of their unit's reports after submitting
            "mine": selectors.my_submissions(user=request.user),
            "rounds": rounds[:20],
            "can_open_round": bool(permissions.finance_orgs()),
            "roles": sorted({m.get_role_display() for m in permissions.memberships}),
        },
    )


@login_required
def round_list(request: HttpRequest) -> HttpResponse:
    rounds = selectors.with_submission_counts(
        request.user, selectors.rounds_visible_to(request.user)
    )
    return render(
        request,
        "evaluations/round_list.html",
        {
            "rounds": rounds,
            "can_open_round": bool(Permissions.of(request.user).finance_orgs()),
        },
    )


@login_required
def round_new(request: HttpRequest) -> HttpResponse:
    from jixiao.web.evaluations.forms_rounds import RoundForm

    bureaus = Permissions.of(request.user).finance_orgs()
    if not bureaus:
        raise PermissionDenied(_("只有财政局审核员可以发起评价批次"))
    form = RoundForm(request.POST or None, bureaus=bureaus)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            round_ = services.round_open(
                actor=request.user,
                finance=data["finance"],
                year=data["year"],
                notice=data["notice"],
                title=data["title"],
                deadline=data["deadline"],
                units=data["units"],
                framework_id=data["framework_id"],
            )
        except ActionRefused as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("已发起 %(round)s，为 %(count)s 个单位创建填报")
                % {"round": round_, "count": round_.submissions.count()},
            )
            return redirect("round_detail", pk=round_.pk)
    return render(request, "evaluations/round_new.html", {"form": form})


ROUND_PAGE_SIZE = 50
GAP_HIGHLIGHT = Decimal(10)  # a self-score this far above the final score stands out


@login_required
def round_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The reviewers' overview of a round: every unit, filtered, sorted and paged in the
    database, with the final score, the gap self − final, findings and lateness per unit."""
    round_ = selectors.round_get(user=request.user, pk=pk)
    permissions = Permissions.of(request.user)
    filters = _round_filters(request)
    rows = selectors.round_rows(user=request.user, round_=round_, **filters)
    page = IdPaginator(rows, ROUND_PAGE_SIZE).get_page(request.GET.get("page"))
    now = timezone.now()
    jobs = selectors.jobs_for(round_=round_)
    return render(
        request,
        "evaluations/round_detail.html",
        {
            "round": round_,
            "rows": [_round_row(s, permissions, now) for s in page],
            "page": page,
            "columns": _sort_columns(filters),
            "query": _query(filters),
            "filters": filters,
            **_round_figures(request.user, permissions, round_),
            "states": State.choices,
            "state": filters["state"],
            "q": filters["q"],
            # a dead worker's job shows failed, not running
            "jobs": liveness.reap_shown(list(jobs.filter(kind="reports_zip")[:5])),
            "imports": liveness.reap_shown(list(jobs.filter(kind="bulk_import")[:5])),
            "can_export": round_.finance in permissions.finance_orgs(),
            "formats": reports.available_formats(),
        },
    )


def _round_figures(user: Any, permissions: Permissions, round_: Any) -> dict[str, Any]:
    """The round page's aggregates over every visible row (progress, statistics, the 主管部门
    filter's list), computed once per change of the round (``round_figures``)."""
    return round_figures.cached(
        "round-page",
        round_,
        permissions,
        lambda: round_figures_now(user, round_),
        selectors.DEPARTMENTS_LISTED,  # the list or the name search
    )


def round_figures_now(user: Any, round_: Any) -> dict[str, Any]:
    """The round page's aggregates, computed now (what the cache stores)."""
    return {
        "progress": selectors.round_progress(user=user, round_=round_),
        "stats": selectors.round_statistics(user=user, round_=round_),
        "departments": _listed(selectors.round_departments(user=user, round_=round_)),
    }


def _listed(departments: Any) -> list[Any] | None:
    """The 主管部门 for the filter's list, or None when there are more than
    ``selectors.DEPARTMENTS_LISTED`` (a province): the page then offers a name search."""
    listed = list(departments[: selectors.DEPARTMENTS_LISTED + 1])
    return None if len(listed) > selectors.DEPARTMENTS_LISTED else listed


def _round_filters(request: HttpRequest) -> dict[str, Any]:
    sort = request.GET.get("sort", "")
    try:
        dept_id = int(request.GET.get("dept") or 0) or None
    except ValueError:
        dept_id = None
    return {
        "state": request.GET.get("state", "") if request.GET.get("state") in State.values else "",
        "q": request.GET.get("q", "").strip()[:100],
        "dept_id": dept_id,
        "dept_q": request.GET.get("dept_q", "").strip()[:100],
        "late_only": request.GET.get("late") == "1",
        "sort": sort if sort.lstrip("-") in selectors.ROUND_SORTS else "",
    }


def _query(filters: dict[str, Any], **change: Any) -> str:
    """The round page's query string with *change* applied: links keep filters and sort."""
    values = {
        "state": filters["state"],
        "q": filters["q"],
        "dept": filters["dept_id"] or "",
        "dept_q": filters["dept_q"],
        "late": "1" if filters["late_only"] else "",
        "sort": filters["sort"],
    }
    values.update(change)
    return urlencode({k: v for k, v in values.items() if v not in ("", None)})


SORT_COLUMNS = (
    ("unit", gettext_lazy("单位"), False),
    ("dept", gettext_lazy("主管部门"), False),
    ("state", gettext_lazy("状态"), False),
    ("self", gettext_lazy("自评分"), True),
    ("computed", gettext_lazy("计算得分"), True),
    ("final", gettext_lazy("最终得分"), True),
    ("gap", gettext_lazy("差值（自评−最终）"), True),
    ("errors", gettext_lazy("错误"), True),
    ("warnings", gettext_lazy("警告"), True),
    ("submitted", gettext_lazy("提交时间"), False),
    ("late", gettext_lazy("逾期"), False),
)


def _sort_columns(filters: dict[str, Any]) -> list[dict[str, Any]]:
    """Each sortable header: its label, the link that sorts by it (again: the other way; the
    filters kept, back to page 1), and aria-sort for the current one."""
    current = filters["sort"]
    columns = []
    for key, label, numeric in SORT_COLUMNS:
        ascending, descending = current == key, current == f"-{key}"
        columns.append(
            {
                "key": key,
                "label": label,
                "numeric": numeric,
                "href": "?" + _query(filters, sort=f"-{key}" if ascending else key),
                "aria_sort": "ascending" if ascending else "descending" if descending else "",
            }
        )
    return columns


def _round_row(submission: Any, permissions: Permissions, now: Any) -> dict[str, Any]:
    allowed = [a for a in permissions.allowed_actions(submission) if a != "prefill"]
    version = submission.current_version
    gap = (
        version.self_total - version.final_total
        if version and version.self_total is not None and version.final_total is not None
        else None
    )  # in Python: SQLite computes the annotation (used to sort) in floating point
    return {
        "s": submission,
        "v": submission.current_version,
        "actions": [
            (a, label, "score-table" if a == "rescore" else "actions")
            for a, label in action_labels(allowed)
        ],
        "gap": gap,
        "gap_large": gap is not None and gap >= GAP_HIGHLIGHT,
        "late": _lateness(submission, now),
    }


def _lateness(submission: Any, now: Any) -> str:
    """How late: the first submission after the round's deadline, or a draft still not
    submitted after its (possibly extended) entry deadline."""
    if submission.is_late:
        first = getattr(submission, "first_submitted", None) or submission.submitted_at
        if first is None:
            return gettext("逾期")
        return gettext("逾期 %(time)s") % {"time": _duration(first - submission.round.deadline)}
    if submission.state == State.DRAFT and submission.submitted_at is None:
        deadline = submission.entry_deadline
        if now > deadline:
            return gettext("逾期未提交 %(time)s") % {"time": _duration(now - deadline)}
    return ""


def _duration(delta: Any) -> str:
    hours = max(int(delta.total_seconds() // 3600), 0)
    days, hours = divmod(hours, 24)
    if days:
        return gettext("%(days)d天%(hours)d小时") % {"days": days, "hours": hours}
    if not hours:
        return gettext("不足1小时")  # not "0小时"
    return gettext("%(hours)d小时") % {"hours": hours}


@login_required
@require_POST
def round_export(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = selectors.round_get(user=request.user, pk=pk)
    fmt = request.POST.get("fmt", "html")
    try:
        job = tasks.start_round_export(actor=request.user, round_=round_, fmt=fmt)
    except ActionRefused as error:
        _refused(request, error)
        return redirect("round_detail", pk=pk)
    messages.info(request, _("已开始生成报告压缩包（任务 %(job)s）") % {"job": job.pk})
    return redirect("round_detail", pk=pk)


@login_required
@require_POST
def round_import(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = selectors.round_get(user=request.user, pk=pk)
    upload = request.FILES.get("file")
    try:
        if upload is None:
            raise ActionRefused(_("请选择 .zip 压缩包"), code="invalid")
        job = tasks.start_bulk_import(actor=request.user, round_=round_, upload=upload)
    except ActionRefused as error:
        _refused(request, error)
    else:
        messages.info(request, _("已开始批量导入（任务 %(job)s）") % {"job": job.pk})
    return redirect("round_detail", pk=pk)


def _job_for(request: HttpRequest, pk: int) -> BatchJob:
    """A batch job, only for the reviewers of the bureau that owns its round (it holds every unit's data)."""
    job = get_object_or_404(BatchJob.objects.select_related("round__finance"), pk=pk)
    if job.round.finance not in Permissions.of(request.user).finance_orgs():
        raise Http404(_("任务不存在"))
    return job


@login_required
def job_status(request: HttpRequest, pk: int) -> HttpResponse:
    (job,) = liveness.reap_shown([_job_for(request, pk)])  # a dead worker's job: failed
    ready = job.result and job.kind == "reports_zip" and job.status == "done"
    return JsonResponse(
        {
            "id": job.pk,
            "status": job.status,
            "done": job.done,
            "total": job.total,
            "percent": job.percent,
            "message": job.message,
            "retry": liveness.can_retry(job),
            "download": reverse("job_download", args=[job.pk]) if ready else None,
        }
    )


@login_required
def job_download(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job_for(request, pk)
    if not job.result or job.kind != "reports_zip":
        raise Http404(_("压缩包尚未生成"))
    # named for the clerk who files it (year, notice, format), not by the round's database id
    name = f"{job.round.year}年度 {job.round.notice} 评价报告（{job.fmt.upper()}）.zip"
    return FileResponse(job.result.open("rb"), as_attachment=True, filename=name)


# ── one submission ────────────────────────────────────────────────────────────────────────


def _context(request: HttpRequest, submission: Any, **extra: Any) -> dict[str, Any]:
    permissions = Permissions.of(request.user)
    allowed = permissions.allowed_actions(submission)
    version = submission.current_version
    findings = (
        engine.locate_stored_findings(
            list(version.findings or []), version.data, submission.round.framework_id
        )
        if version
        else []
    )
    english = page_in_english()
    stated_keys = {item.get("key") for item in (version.data.get("stated", []) if version else [])}
    for finding in findings:
        finding["section"] = section_for_path(finding.get("where", ""))
        finding["place"] = finding["where_label_en" if english else "where_label"]
        # a figure the report states: the statement may be what is wrong, so link it too
        finding["stated"] = finding.get("where") in stated_keys
    transitions = [
        (a, label, a in NEEDS_REASON)
        for a, label in action_labels(allowed)
        if a not in ("edit", "rescore", "extend", "prefill")
    ]
    return {
        "submission": submission,
        "version": version,
        "allowed": allowed,
        "transitions": transitions,
        "findings": findings,
        "waived_count": sum(1 for f in findings if f.get("waived")),
        "score_missing": score_missing(version),
        "sign_off": selectors.valid_sign_off(version),
        "sections": SECTIONS.values(),
        "formats": reports.FORMATS,
        "available_formats": reports.available_formats(),
        **extra,
    }


def score_missing(version: Any) -> str:
    """Why no score can be computed for *version* ("" when it can): never a silent "错误 0"."""
    if version is None or version.score_total is None:
        return _("无法计算得分：档案数据未通过校验或评分引擎不可用，请查看审核发现。")
    if not version.grade:
        return _("无法计算得分：部分评分指标缺少数据或佐证（见评分表）。")
    return ""


@login_required
def submission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_get(user=request.user, pk=pk)
    assessment = services.assess_version(submission.current_version, submission)
    versions = submission.versions.order_by("-number").only(
        "number", "locked", "approved_at", "created"
    )
    return render(
        request,
        "evaluations/submission_detail.html",
        _context(
            request,
            submission,
            assessment=assessment,
            problems=_problems_in_words(assessment),
            versions=versions,
            last_year=selectors.previous_approved(user=request.user, submission=submission),
            evidence=submission.evidence.all(),
            ledger_backings=ledger_actuals.shown_for(submission, assessment),
        ),
    )


def _problems_in_words(assessment: engine.Assessment) -> list[dict[str, str]]:
    """Validation problems as the reader's language has them, each at its place in words."""
    english = page_in_english()
    lang: Literal["zh", "en"] = "en" if english else "zh"
    return [
        {
            "where": p.path,
            "place": describe_path(
                p.path, assessment.dossier, lang, words=in_english if english else None
            ),
            "message": p.en if english else p.zh,
        }
        for p in assessment.problems
    ]


def _figure_name(key: Any) -> str:
    return figure_label(str(key), "en" if _english() else "zh") if key else ""


def _cells(
    form: Any, section: Section, row: int | None, findings: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    cells = []
    for bound in form:
        if bound.name == "DELETE":
            continue
        if row is None:
            path = section.field_path(bound.name) if section.field_path else bound.name
        else:
            path = f"{section.list_key}[{row}].{bound.name}"
        cells.append(
            {
                "field": bound,
                "path": path,
                "findings": [f for f in findings if engine.path_matches(f.get("where", ""), path)],
                # a stated figure's key, read-only: its name, not the key
                "figure": _figure_name(bound.value())
                if section.key == "stated" and bound.name == "key"
                else "",
            }
        )
    return cells


@login_required
def submission_section(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    revision = selectors.dossier_revision(pk)  # before the data it stands for
    submission = selectors.submission_get(user=request.user, pk=pk)
    section = SECTIONS.get(key)
    if section is None:
        raise Http404(_("没有这个部分"))
    permissions = Permissions.of(request.user)
    editable = "edit" in permissions.allowed_actions(submission)
    data = submission.current_version.data
    initial = section.to_initial(data) if section.to_initial else {}
    head_initial, rows_initial = initial if section.list_key else (initial, [])
    more = _bounded_int(request.GET.get("more"), upper=20)
    Formset = row_formset(section, extra=1 + more) if section.row_form else None
    bound = request.method == "POST"
    if bound and not editable:
        raise PermissionDenied(_("当前不能修改"))
    form = (
        section.form(request.POST if bound else None, initial=head_initial, prefix="head")
        if section.form
        else None
    )
    formset = (
        Formset(request.POST if bound else None, initial=rows_initial, prefix="rows")
        if Formset
        else None
    )
    if bound:
        valid = (form is None or form.is_valid()) and (formset is None or formset.is_valid())
        if valid:
            rows = rows_from(formset) if formset else []
            cleaned = form.cleaned_data if form else {}
            try:
                assessment = services.submission_edit_dossier(
                    actor=request.user,
                    submission=submission,
                    # merged onto the dossier as it is when saved (read under the lock)
                    edit=lambda current: ledger_actuals.resolve(
                        submission, current, section.to_data(current, cleaned, rows)
                    ),
                    keys={section.key},
                    base_version=base_version(request),
                    note=ledger_actuals.override_note(rows),
                )
            except InputError as error:
                _place_problems(section, error, form, formset)
                messages.error(request, _("表单有误，请检查标红的字段"))
            except services.StaleDossier as error:
                _stale(request, error)
                revision = error.revision  # the form, shown again, now stands on the latest save
                submission = selectors.submission_get(user=request.user, pk=pk)
            except ActionRefused as error:
                _refused(request, error)
            else:
                counts = {
                    "errors": len(assessment.blocking),
                    "warnings": len(assessment.warnings),
                    "total": (
                        ""
                        if assessment.final_total is None
                        else format_score(assessment.final_total)
                    ),
                    "grade": assessment.final_grade or "—",
                }
                saved = (
                    _(
                        "已保存，当前得分 %(total)s（%(grade)s）；错误 %(errors)s 项，警告 %(warnings)s 项"
                    )
                    if assessment.final_total is not None
                    else _(
                        "已保存；得分暂无法计算（证据不足）；错误 %(errors)s 项，警告 %(warnings)s 项"
                    )
                )
                messages.success(request, saved % counts)
                return redirect("submission_section", pk=pk, key=key)
        else:
            messages.error(request, _("表单有误，请检查标红的字段"))
    context = _context(request, submission)
    findings = context["findings"]
    kept_rows = [i for i, _ in enumerate(formset.forms)] if formset else []
    rows = [
        _row(section, index, row_form, findings if index < len(rows_initial) else None)
        for index, row_form in enumerate(formset.forms if formset is not None else [])
    ]
    if section.key == "indicators":
        evidence = {}
        for item in submission.evidence.all():
            evidence.setdefault(item.indicator_id, []).append(item)
        backed = ledger_actuals.shown_for(submission)
        for row in rows:
            ident = row["form"].initial.get("id")
            row["evidence"] = evidence.get(ident, [])
            row["indicator_id"] = ident
            row["ledger"] = backed.get(ident)
    head_cells = _cells(form, section, None, findings) if form else []
    staff_table = []
    if section.key == "staffing":
        by_name = {c["field"].name: c for c in head_cells}
        for staff_type, key in STAFF_KEYS.items():
            staff_table.append(
                (
                    staff_type.value,
                    by_name.pop(f"authorized_{key}"),
                    by_name.pop(f"in_service_{key}"),
                )
            )
        head_cells = list(by_name.values())
    context.update(
        {
            "section": section,
            "form": form,
            "formset": formset,
            "editable": editable,
            "rows": rows,
            "empty_row": _row(section, "__prefix__", formset.empty_form, None) if formset else None,
            "more": more,
            "head_cells": head_cells,
            "staff_table": staff_table,
            "section_findings": _unplaced(findings, section.key, head_cells, staff_table, rows),
            "kept_rows": kept_rows,
            "revision": revision,
        }
    )
    return render(request, "evaluations/submission_section.html", context)


def base_version(request: HttpRequest) -> int | None:
    """The revision a posted form was rendered from (its hidden ``base_version``); None when the
    form has none (then the save applies to the latest data, unchecked), 0 when it is garbled."""
    raw = request.POST.get("base_version")
    if raw is None or raw == "":
        return None
    return int(raw) if raw.isdigit() and len(raw) < 19 else 0


def _stale(request: HttpRequest, error: services.StaleDossier, next_step: str = "") -> None:
    """A conflicting save: what the others changed here, who and when, each as a notice."""
    english = _english()
    messages.error(request, error.message)
    for change in error.changes[:20]:
        place = audit.change_place(change["path"], None, "en" if english else "zh")
        messages.warning(
            request,
            _("%(who)s 于 %(when)s 修改了 %(place)s：%(old)s → %(new)s")
            % {
                "who": change["by"] or "system",
                "when": timezone.localtime(change["at"]).strftime("%Y-%m-%d %H:%M:%S"),
                "place": place,
                "old": _shown(change["old"]),
                "new": _shown(change["new"]),
            },
        )
    if len(error.changes) > 20:
        messages.warning(
            request, _("……另有 %(count)d 处修改，见修改记录。") % {"count": len(error.changes) - 20}
        )
    messages.info(
        request,
        next_step
        or _(
            "您填写的内容仍在下面的表单中：请核对对方的修改，需要时再次保存（将以您的内容为准）。"
        ),
    )


def _shown(value: str | None) -> str:
    return _("（空）") if value in (None, "") else str(value)


def _bounded_int(text: str | None, *, upper: int) -> int:
    try:
        return max(0, min(int(text or 0), upper))
    except ValueError:
        return 0


ROW_SUMMARY = {  # the facts a collapsed row card shows beside its title
    "indicators": ("level1", "level2", "comparator", "target", "unit", "actual", "weight"),
}


def _row(
    section: Section, index: int | str, row_form: Any, findings: list[dict[str, Any]] | None
) -> dict[str, Any]:
    """One formset row for the template: its cells with their findings, a title and a summary.

    *findings* is None for a row that is not stored yet (an empty or added row)."""
    initial = row_form.initial or {}
    stored = findings is not None
    cells = _cells(row_form, section, index if stored else None, findings or [])
    in_cells = {id(f) for c in cells for f in c["findings"]}
    row_path = f"{section.list_key}[{index}]"
    own = [
        f
        for f in findings or []
        if id(f) not in in_cells
        and (
            engine.path_matches(f.get("where", ""), row_path)
            # a stated figure: the findings about the figure it states
            or (section.key == "stated" and f.get("where") == initial.get("key"))
        )
    ]
    everything = own + [f for c in cells for f in c["findings"]]
    counts = {
        level: sum(1 for f in everything if f.get("level") == level and not f.get("waived"))
        for level in ("error", "warning")
    }
    return {
        "form": row_form,
        "index": index,
        "number": index + 1 if isinstance(index, int) else "",
        "title": (
            initial.get("name")
            or initial.get("text", "")[:30]
            or " ".join(str(initial.get(k, "")) for k in ("phase", "funding", "item"))
            + f" {money(initial.get('amount'))}"
        ),
        "summary": _row_summary(section.key, row_form),
        "cells": cells,
        "findings": own,  # the row's findings that no field shows (the row itself, its evidence)
        "counts": counts,
        # a card opens by itself where something needs the clerk: an error or a form error
        "open": bool(counts["error"]) or bool(row_form.errors),
    }


def _row_summary(key: str, row_form: Any) -> list[str]:
    fields = ROW_SUMMARY.get(key, ())
    if not fields or not row_form.initial:
        return []
    values = {k: row_form[k].value() for k in fields}  # as shown: a default fills a gap
    # level1 is a stored word, level2 usually one (数量, 质量…): both in the page's language
    parts = ["/".join(_(str(values[k])) for k in ("level1", "level2") if values[k])]
    target_word, actual_word, weight_word = _("目标"), _("实际"), _("分值")
    unit = values["unit"] or ""
    if values["target"] not in (None, ""):
        parts.append(f"{target_word} {values['comparator'] or ''} {score(values['target'])}{unit}")
    if values["actual"] not in (None, ""):
        parts.append(f"{actual_word} {score(values['actual'])}{unit}")
    if values["weight"] not in (None, ""):
        parts.append(f"{weight_word} {score(values['weight'])}")
    return [p for p in parts if p]


def _place_problems(section: Section, error: InputError, form: Any, formset: Any) -> None:
    """Put the core's validation problems next to the fields they name."""
    kept = (
        [
            i
            for i, f in enumerate(formset.forms)
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        if formset
        else []
    )
    english = _english()
    colon = ": " if english else "："
    for problem in error.problems:
        # in the page's language, naming the field (金额：缺少必填项), as the form's own errors do
        detail = problem.en if english else problem.zh
        place = (
            describe_path(
                problem.path, None, "en" if english else "zh", words=in_english if english else None
            )
            or problem.path
        )
        spot = locate(section, problem.path, kept)
        if spot is None:
            (form or formset.forms[0]).add_error(None, f"{place}{colon}{detail}")
            continue
        row, field = spot
        target = formset.forms[row] if row is not None and formset else form
        if target is None:
            continue
        if field == "__all__" or field not in target.fields:
            target.add_error(None, f"{place}{colon}{detail}")
        else:
            target.add_error(field, f"{target.fields[field].label}{colon}{detail}")


def _unplaced(
    findings: list[dict[str, Any]],
    key: str,
    head_cells: list[dict[str, Any]],
    staff_table: list[Any],
    rows: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """This section's findings that no single field shows: listed at the top of the form."""
    placed = {id(f) for c in head_cells for f in c["findings"]}
    placed |= {id(f) for _, a, b in staff_table for f in (*a["findings"], *b["findings"])}
    placed |= {id(f) for row in rows for f in row["findings"]}
    placed |= {id(f) for row in rows for c in row["cells"] for f in c["findings"]}
    return [f for f in findings if f["section"] == key and id(f) not in placed]


def _confirm_page(request: HttpRequest, submission: Any, action: str) -> HttpResponse:
    """GET: what *action* will do, with 确认 (a POST to the same address) and 取消; changes nothing."""
    if action not in confirm.CONFIRMED:
        raise Http404("未知操作 / unknown action")
    assessment = services.assess_version(submission.current_version, submission)
    return render(
        request,
        "evaluations/submission_confirm.html",
        _context(
            request,
            submission,
            action=action,
            action_label=ACTIONS[action],
            assessment=assessment,
            confirmation=confirm.confirmation(
                user=request.user, submission=submission, action=action, assessment=assessment
            ),
        ),
    )


def _extension_until(raw: str) -> Any:
    """The typed new entry deadline, aware; a missing or impossible date (2月30日) is refused."""
    if not raw.strip():
        raise ActionRefused(_("请填写延期截止时间"), code="invalid")
    try:
        until = parse_datetime(raw.strip())
    except ValueError:
        until = None
    if until is None:
        raise ActionRefused(
            _("延期截止时间“%(value)s”不是有效的日期时间，请按“年-月-日 时:分”填写")
            % {"value": raw.strip()[:40]},
            code="invalid",
        )
    return timezone.make_aware(until) if timezone.is_naive(until) else until


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def submission_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """GET shows the confirmation page of a forward action; POST performs the action."""
    submission = selectors.submission_get(user=request.user, pk=pk)
    if action not in ACTIONS:
        raise Http404(_("未知操作"))
    if request.method != "POST":
        return _confirm_page(request, submission, action)
    try:
        if action == "sign_off":
            services.submission_sign_off(actor=request.user, submission=submission)
        elif action == "extend":
            services.submission_extend(
                actor=request.user,
                submission=submission,
                until=_extension_until(request.POST.get("until", "")),
                reason=request.POST.get("reason", ""),
            )
        else:
            services.submission_transition(
                actor=request.user,
                submission=submission,
                action=action,
                reason=request.POST.get("reason", ""),
            )
    except ActionRefused as error:
        _refused(request, error)
    else:
        messages.success(request, str(DONE.get(action, ACTIONS[action])))
    return redirect("submission_detail", pk=pk)


RESCORE_FIELDS = {
    "points_range": "points",
    "points_invalid": "points",
    "comment_required": "comment",
}


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _points(raw: str) -> Decimal:
    """The typed points (thousands separators and full-width digits read as numbers)."""
    try:
        return parse_number(raw)
    except NumberSyntaxError as error:
        detail = error.en if page_in_english() else error.zh
        raise ActionRefused(
            _("复核得分：%(error)s") % {"error": detail}, code="points_invalid"
        ) from None


@login_required
@require_POST
def submission_rescore(request: HttpRequest, pk: int) -> HttpResponse:
    """Save one item's re-score: JSON for the page's script (no reload), else redirect back."""
    submission = selectors.submission_get(user=request.user, pk=pk)
    item_id = request.POST.get("item_id", "")
    try:
        assessment = services.submission_rescore(
            actor=request.user,
            submission=submission,
            item_id=item_id,
            points=_points(request.POST.get("points", "")),
            comment=request.POST.get("comment", ""),
        )
    except ActionRefused as error:
        if _wants_json(request):
            return _rescore_refused_json(error)
        _refused(request, error)
        return redirect(f"{reverse('submission_detail', args=[pk])}#item-{item_id}")
    if _wants_json(request):
        version = selectors.submission_get(user=request.user, pk=pk).current_version
        return JsonResponse(_rescore_json(version, assessment, item_id))
    messages.success(request, _("已保存复核评分"))
    return redirect(f"{reverse('submission_detail', args=[pk])}#item-{item_id}")


def _rescore_refused_json(error: ActionRefused) -> JsonResponse:
    status = {"forbidden": 403, "not_allowed": 403}.get(error.code, 400)
    field_name = RESCORE_FIELDS.get(error.code, "")
    return JsonResponse(
        {"ok": False, "code": error.code, "field": field_name, "message": str(error.message)},
        status=status,
    )


def _rescore_json(version: Any, assessment: engine.Assessment, item_id: str) -> dict[str, Any]:
    """What the page updates after a re-score: the row, the 合计 and the sidebar's score card."""
    item = next(i for i in assessment.items if i.id == item_id)
    return {
        "ok": True,
        "item": {
            "id": item.id,
            "rescore": format_score(item.rescore) if item.rescore is not None else "",
            "comment": item.rescore_comment,
        },
        "rescore_total": version.final_text if version.final_basis != "computed" else "",
        "final": {
            "text": version.final_text,
            "grade": version.final_grade,
            "label": version.final_label,
            "basis": version.final_basis,
            "heading": gettext("最终得分")
            + (f"（{version.final_label}）" if version.final_label else ""),
        },
        "saved": gettext("已保存"),
    }


@login_required
@require_POST
def submission_waive(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_get(user=request.user, pk=pk)
    try:
        services.submission_waive(
            actor=request.user,
            submission=submission,
            finding_id=request.POST.get("finding_id", ""),
            reason=request.POST.get("reason", ""),
            where=request.POST.get("where", ""),
        )
    except ActionRefused as error:
        _refused(request, error)
    except InputError as error:
        _input_error(request, error)
    else:
        messages.success(request, _("已记录豁免理由"))
    return redirect(_safe_next(request, pk))


@login_required
@require_POST
def submission_unwaive(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_get(user=request.user, pk=pk)
    try:
        services.submission_unwaive(
            actor=request.user,
            submission=submission,
            finding_id=request.POST.get("finding_id", ""),
            where=request.POST.get("where", ""),
        )
    except ActionRefused as error:
        _refused(request, error)
    else:
        messages.success(request, _("已撤销豁免，该审核发现重新计入错误。"))
    return redirect(_safe_next(request, pk))


def _safe_next(request: HttpRequest, pk: int) -> str:
    """Back to the page the form was on, if it is a page of this site."""
    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("submission_detail", args=[pk])


@login_required
@require_POST
def submission_evidence(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_get(user=request.user, pk=pk)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("请选择文件"))
    else:
        try:
            services.submission_add_evidence(
                actor=request.user,
                submission=submission,
                indicator_id=request.POST.get("indicator_id", ""),
                upload=upload,
            )
        except ActionRefused as error:
            _refused(request, error)
        else:
            messages.success(request, _("已上传佐证材料 %(name)s") % {"name": upload.name})
    return redirect("submission_section", pk=pk, key="indicators")


@login_required
def evidence_download(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(Evidence, pk=pk)
    selectors.submission_get(user=request.user, pk=item.submission_id)
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.name)


@login_required
def submission_import(request: HttpRequest, pk: int) -> HttpResponse:
    """Prefill from a file: a jixiao dossier (YAML/JSON), the Excel template, or last year's report
    (.docx/.pdf/.txt, read by the importers, which say what they could not read).

    Two steps: the upload is read and shown as a preview (what would change, where the file's unit
    or year differ, what the importer was unsure of) and kept in the session; only the confirmed
    preview is written."""
    submission = selectors.submission_get(user=request.user, pk=pk)
    stash_key = f"jixiao-import-{submission.pk}"
    context = _context(request, submission, accepted=",".join(imports.ACCEPTED))
    if request.method == "POST" and request.POST.get("confirm"):
        return _import_confirm(request, submission, stash_key)
    if request.method == "POST":
        upload = request.FILES.get("file")
        try:
            if upload is None:
                raise ActionRefused(_("请选择文件"), code="invalid")
            if "edit" not in Permissions.of(request.user).allowed_actions(submission):
                raise ActionRefused(_("当前状态下不能导入。"), code="invalid")
            imported, notes = imports.read_upload(upload)
        except ActionRefused as error:
            _refused(request, error)
        except InputError as error:
            _input_error(request, error)
        else:
            token = secrets.token_urlsafe(16)
            request.session[stash_key] = {
                "token": token,
                "name": upload.name,
                "data": imported,
                "notes": notes,
            }
            context.update(_import_preview_context(request, submission, imported, notes))
            context.update({"token": token, "file_name": upload.name})
    return render(request, "evaluations/submission_import.html", context)


def _import_options(request: HttpRequest) -> tuple[str, bool]:
    mode = request.POST.get("mode", "fill")
    return (mode if mode in imports.MODES else "fill"), bool(request.POST.get("keep_identity"))


def _import_preview_context(
    request: HttpRequest, submission: Any, imported: dict[str, Any], notes: list[str]
) -> dict[str, Any]:
    revision = selectors.dossier_revision(submission.pk)  # before the data it stands for
    submission.current_version.refresh_from_db(fields=["data"])
    current = submission.current_version.data
    common = {
        "current": current,
        "imported": imported,
        "unit_name": submission.org.name,
        "year": submission.round.year,
    }
    previews = {
        mode: imports.build_preview(**common, mode=mode, keep_identity=True)
        for mode in imports.MODES
    }
    return {
        "previews": previews,
        "revision": revision,
        "mismatches": previews["fill"].mismatches,
        "notes": notes,
        "draft_is_empty": not any(
            current.get(k) for k in ("staffing", "money", "indicators", "goals", "narratives")
        ),
    }


def _import_confirm(request: HttpRequest, submission: Any, stash_key: str) -> HttpResponse:
    stash = request.session.get(stash_key)
    if not stash or stash.get("token") != request.POST.get("confirm"):
        messages.error(request, _("预览已过期或已导入，请重新选择文件。"))
        return redirect("submission_import", pk=submission.pk)
    mode, keep_identity = _import_options(request)
    applied: list[imports.ImportPreview] = []

    def apply(current: dict[str, Any]) -> dict[str, Any]:
        # built from the dossier as it is when saved (read under the lock)
        preview = imports.build_preview(
            current=current,
            imported=stash["data"],
            unit_name=submission.org.name,
            year=submission.round.year,
            mode=mode,
            keep_identity=keep_identity,
        )
        applied.append(preview)
        # ledger-backed actuals are the ledger's unless typed over with a reason, as in the form
        return ledger_actuals.resolve(submission, current, preview.data)

    try:
        services.submission_edit_dossier(
            actor=request.user,
            submission=submission,
            edit=apply,
            base_version=base_version(request),
            note=(reasons.IMPORT_FILL if mode == "fill" else reasons.IMPORT_REPLACE)(
                name=stash["name"]
            ),
        )
    except services.StaleDossier as error:
        _stale(request, error, _("预览已按最新内容更新：请重新核对后再确认导入。"))
        submission = selectors.submission_get(user=request.user, pk=submission.pk)
        context = _context(request, submission, accepted=",".join(imports.ACCEPTED))
        context.update(_import_preview_context(request, submission, stash["data"], stash["notes"]))
        context.update({"token": stash["token"], "file_name": stash["name"]})
        return render(request, "evaluations/submission_import.html", context)
    except ActionRefused as error:
        _refused(request, error)
        return redirect("submission_import", pk=submission.pk)
    except InputError as error:
        _input_error(request, error)
        return redirect("submission_import", pk=submission.pk)
    del request.session[stash_key]
    messages.success(
        request,
        _("已导入 %(name)s：改动 %(count)d 项，请逐项核对。")
        % {"name": stash["name"], "count": len(applied[-1].changes)},
    )
    return redirect("submission_detail", pk=submission.pk)


@login_required
def excel_template(request: HttpRequest) -> HttpResponse:
    """The Excel 自评 template a unit can fill offline and upload on the import page."""
    try:
        content = imports.template_bytes()
    except imports.ImportUnavailable as error:
        context = {"message": error.message, "back": reverse("dashboard")}
        return render(request, "evaluations/report_unavailable.html", context, status=503)
    response = HttpResponse(
        content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = "attachment; filename*=UTF-8''" + quote(
        "jixiao-自评填报模板.xlsx"
    )
    return response


@login_required
def submission_report(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    submission = selectors.submission_get(user=request.user, pk=pk)
    return report_response(request, submission, fmt, ledger_links=True)


STREAMED_FORMATS = ("docx", "pdf")  # stored reports sent from disk in chunks


def report_response(
    request: HttpRequest,
    submission: Any,
    fmt: str,
    *,
    version: Any = None,
    ledger_links: bool = False,
    back: str = "",
) -> HttpResponse:
    """The report file of *version* (the current one by default). A sealed version's file is
    rendered once, kept in storage and streamed from there (``report_files``); a draft's is
    rendered for this request. With *ledger_links* (a signed-in reader who may see the unit's
    ledgers), each actual computed from ledger records links to them (HTML, Markdown): such a
    file is rendered for the request too (the records may change after approval). When it
    cannot be had, a page says why and links *back* (the submission's page by default)."""
    version = version or submission.current_version
    stored = None
    try:
        links = request.build_absolute_uri("/") if ledger_links else None
        if version.locked and links is None:
            stored = report_files.rendered(
                submission, version, fmt, lambda: _render_report(submission, version, fmt)
            )
            content_type, filename = reports.FORMATS[fmt][0], _report_filename(submission, fmt)
        else:
            file = _render_report(submission, version, fmt, links)
            content_type, filename = file.content_type, file.filename
    except reports.ReportUnavailable as error:
        context = {
            "message": error.message,
            "detail": error.detail,
            "submission": submission,
            "back": back or reverse("submission_detail", args=[submission.pk]),
        }
        return render(request, "evaluations/report_unavailable.html", context, status=503)
    if fmt in STREAMED_FORMATS and stored is not None:
        response: Any = FileResponse(stored, content_type=content_type)
    else:  # a draft's file, or a text one (tens of KiB; an HTML page's CSP needs its styles)
        content = file.content if stored is None else _read_closing(stored)
        response = HttpResponse(content, content_type=content_type)
    disposition = (
        "inline" if fmt in ("html", "pdf") and request.GET.get("download") != "1" else "attachment"
    )
    response["Content-Disposition"] = f"{disposition}; filename*=UTF-8''{quote(filename)}"
    if fmt == "html":
        response[CSP_HEADER] = build_policy(config=_report_policy(content))
    return response


def _read_closing(stored: Any) -> bytes:
    with stored:
        return bytes(stored.read())


def _report_policy(page: bytes) -> dict[str, list[str]]:
    """The CSP of a report shown as HTML: a standalone page that fetches nothing and runs nothing;
    its own stylesheet is allowed by hash, for this response alone (docs/web.md)."""
    return {
        "default-src": [NONE],
        "style-src": reports.style_sources(page.decode("utf-8")) or [NONE],
        "img-src": ["data:"],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [NONE],
        "frame-ancestors": [NONE],
    }


def _report_basename(submission: Any) -> str:
    return f"{submission.round.year}-{submission.org.name}-部门整体支出绩效评价报告"


def _report_filename(submission: Any, fmt: str) -> str:
    return f"{_report_basename(submission)}.{fmt}"


def _render_report(
    submission: Any, version: Any, fmt: str, site: str | None = None
) -> reports.ReportFile:
    """The report of *version*; with *site* (the address the reader uses), its ledger-backed
    actuals link to their records there (absolute, so a saved file still links)."""
    assessment = services.assess_version(version, submission)
    links = None
    if site is not None:
        links = ledger_actuals.record_links(submission, version, assessment, site.rstrip("/"))
    return reports.render(assessment, fmt, basename=_report_basename(submission), links=links)


@login_required
def submission_audit(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_get(user=request.user, pk=pk)
    entries = _audit_in_words(
        submission, selectors.audit_for(user=request.user, submission=submission)
    )
    sealed = submission.versions.filter(locked=True).exclude(content_hash="")
    return render(
        request,
        "evaluations/submission_audit.html",
        _context(request, submission, entries=entries, sealed=sealed),
    )


def _audit_in_words(submission: Any, entries: Any) -> list[Any]:
    """Audit entries with their states, reasons and changed fields in the reader's language;
    each change keeps its stable ``path`` beside the words."""
    from jixiao.core.dossier import dossier_from_data

    version = submission.current_version
    try:
        dossier = dossier_from_data(version.data) if version else None
    except InputError:
        dossier = None
    lang: Literal["zh", "en"] = "en" if _english() else "zh"
    names = engine.framework_item_names(submission.round.framework_id, english=lang == "en")
    rows = []
    for entry in entries:
        entry.from_label = audit.state_label(entry.from_state)
        entry.to_label = audit.state_label(entry.to_state)
        entry.reason_text = reasons.reason_text(entry.reason)
        entry.changes_in_words = [
            {**c, "place": audit.change_place(c["path"], dossier, lang, names)}
            for c in entry.changes
        ]
        rows.append(entry)
    return rows


@login_required
def submission_audit_csv(request: HttpRequest, pk: int) -> HttpResponse:
    submission = selectors.submission_get(user=request.user, pk=pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"{submission.org.name}-{submission.round.year}-审计记录.csv"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    response.write("\ufeff")  # Excel opens UTF-8 CSV correctly only with a BOM
    writer = csvfile.writer(response)
    writer.writerow(
        [
            "时间 time",
            "操作人 actor",
            "操作 action",
            "版本 version",
            "原状态 from",
            "新状态 to",
            "原因 reason",
            "字段 field",
            "原值 old",
            "新值 new",
            "字段路径 path",
        ]
    )
    entries = selectors.audit_for(user=request.user, submission=submission)
    for entry in _audit_in_words(submission, entries):
        base = [
            timezone.localtime(entry.at).isoformat(timespec="seconds"),
            entry.actor_name,
            entry.get_action_display(),
            entry.version or "",
            entry.from_label if entry.to_state else "",
            entry.to_label if entry.to_state else "",
            entry.reason_text,
        ]
        if not entry.changes:
            writer.writerow([*base, "", "", "", ""])
        for change in entry.changes_in_words:
            writer.writerow(
                [*base, change["place"], change["old"] or "", change["new"] or "", change["path"]]
            )
    return response


class LoginView(auth_views.LoginView):
    """The login page; in development with the demo loaded it lists the demo accounts."""

    template_name = "login.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        if settings.DEBUG:
            from jixiao.web.evaluations import demo

            if demo.demo_loaded():
                context["demo_accounts"] = demo.ACCOUNT_ROWS_HINT
                context["demo_password"] = demo.DEMO_PASSWORD
        return context


# ── tokens ────────────────────────────────────────────────────────────────────────────────


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    raw = None
    if request.method == "POST":
        revoke = request.POST.get("revoke", "")
        if revoke:
            token = ApiToken.objects.filter(
                user=request.user, pk=int(revoke) if revoke.isdigit() else None
            ).first()
            if token is None:
                messages.error(request, _("没有这个令牌。"))
            else:
                OrgChange.record(
                    request.user, OrgChange.Action.TOKEN_REVOKED, f"{token.prefix}… {token.name}"
                )
                token.delete()
                messages.info(request, _("令牌已作废。"))
        else:
            token, raw = ApiToken.issue(
                request.user, name=request.POST.get("name", "api")[:100] or "api"
            )
            OrgChange.record(
                request.user, OrgChange.Action.TOKEN_ISSUED, f"{token.prefix}… {token.name}"
            )
    return render(
        request,
        "evaluations/tokens.html",
        {
            "tokens": ApiToken.objects.filter(user=request.user),
            "raw": raw,
        },
    )
