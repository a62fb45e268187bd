"""Pages of the use of results (结果应用) and mid-year monitoring (运行监控).

Thin views: read through ``results.selectors``, change through ``results.services``, render.
A page the reader may not see answers 404 (the evaluations' selectors scope every read); a
change the reader may not make is refused with a notice and changes nothing.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jixiao.core.errors import InputError
from jixiao.core.numbers import format_money
from jixiao.core.results import Suggestion
from jixiao.web.evaluations import selectors as evaluation_selectors
from jixiao.web.evaluations.permissions import ActionRefused, Permissions
from jixiao.web.orgs.models import Org
from jixiao.web.results import export, forms, selectors, services
from jixiao.web.results import permissions as may
from jixiao.web.results.models import Choice, ItemStatus, RectificationItem, ResultAudit


def _said(zh: str, en: str) -> str:
    """The message in the page's language; English as a sentence (the services' English, like
    the command line's "中文 / english", starts lowercase)."""
    return en[:1].upper() + en[1:] if selectors.english() and en else zh


def _message(text: str) -> str:
    """One language of a service's bilingual "中文 / English" message."""
    zh, _sep, en = text.partition(" / ")
    return _said(zh, en)


def _refused(request: HttpRequest, error: ActionRefused) -> None:
    messages.error(request, _message(error.message))


def _place(form: Any, error: InputError) -> None:
    for problem in error.problems:
        text = _said(problem.zh, problem.en)
        form.add_error(problem.path if problem.path in form.fields else None, text)


def _problems(request: HttpRequest, error: InputError) -> None:
    for problem in error.problems:
        messages.error(request, _said(problem.zh, problem.en))


def _form_errors(request: HttpRequest, form: Any) -> None:
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for text in errors:
            messages.error(request, f"{label}{_('：')}{text}" if label else text)


# ── index, rules ──────────────────────────────────────────────────────────────────────────


@login_required
def index(request: HttpRequest) -> HttpResponse:
    permissions = Permissions.of(request.user)
    rounds = evaluation_selectors.rounds_visible_to(request.user).order_by("-year", "-created")
    mine = evaluation_selectors.my_submissions(user=request.user)
    return render(
        request,
        "results/index.html",
        {
            "rounds": rounds,
            "mine": mine,
            "bureaus": permissions.finance_orgs(),
        },
    )


def _bureau(request: HttpRequest) -> Org:
    bureaus = Permissions.of(request.user).finance_orgs()
    if not bureaus:
        raise PermissionDenied(_("只有财政局可以修改结果应用规则"))
    wanted = request.GET.get("finance") or request.POST.get("finance")
    for bureau in bureaus:
        if str(bureau.pk) == wanted:
            return bureau
    return bureaus[0]


RULE_INITIAL = services.RULE_FIELDS


def _initial(value: Any) -> Any:
    """A stored value as a form shows it: 12, not 12.00."""
    return selectors.share_text(value) if isinstance(value, Decimal) else value


def _shown(value: str | None) -> str:
    """A stored rule value as a clerk reads it: 10 (not 10.00), 是/否 for a switch."""
    if value in ("True", "False"):
        return _("是") if value == "True" else _("否")
    if value is None or value == "":
        return ""
    try:
        return selectors.share_text(Decimal(value))
    except ArithmeticError:
        return value


@login_required
def rules(request: HttpRequest) -> HttpResponse:
    bureau = _bureau(request)
    current = services.rules_for(bureau)
    initial = {name: _initial(getattr(current, name)) for name in RULE_INITIAL}
    form = forms.RulesForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.rules_save(actor=request.user, finance=bureau, values=form.cleaned_data)
            except InputError as error:
                _place(form, error)
            except ActionRefused as error:
                _refused(request, error)
            else:
                messages.success(request, _("结果应用规则已保存"))
                return redirect(f"{request.path}?finance={bureau.pk}")
        messages.error(request, _("表单有误，请检查标红的字段"))
    labels = {name: str(field.label) for name, field in forms.RulesForm().fields.items()}
    history = [
        {
            "at": entry.at,
            "actor_name": (entry.actor.get_full_name() if entry.actor else "") or entry.actor_name,
            "changes": [
                (labels.get(c["path"], c["path"]), _shown(c["old"]), _shown(c["new"]))
                for c in entry.changes
            ],
        }
        for entry in ResultAudit.objects.filter(org=bureau, action="rules")
        .select_related("actor")
        .order_by("-at")[:10]
    ]
    return render(
        request,
        "results/rules.html",
        {
            "form": form,
            "bureau": bureau,
            "bureaus": Permissions.of(request.user).finance_orgs(),
            "saved": current.pk is not None,
            "history": history,
        },
    )


# ── the register of a round ───────────────────────────────────────────────────────────────


@login_required
def register(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = evaluation_selectors.round_get(user=request.user, pk=pk)
    rows = selectors.register_rows(user=request.user, round_=round_)
    return render(
        request,
        "results/register.html",
        {"round": round_, "rows": rows, "summary": selectors.register_summary(rows)},
    )


@login_required
def register_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    round_ = evaluation_selectors.round_get(user=request.user, pk=pk)
    title = f"{round_.year}年度 {round_.notice} 结果应用台账（导出于 {selectors.today():%Y-%m-%d}）"
    with translation.override("zh-hans"):  # the register is a Chinese document
        rows = selectors.register_rows(user=request.user, round_=round_, lang="zh")
        handle = export.register_workbook(rows, title)
    return FileResponse(
        handle,
        as_attachment=True,
        filename=f"结果应用台账-{round_.year}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


# ── one submission ────────────────────────────────────────────────────────────────────────


def _submission_context(request: HttpRequest, submission: Any, **extra: Any) -> dict[str, Any]:
    permissions = Permissions.of(request.user)
    decision = getattr(submission, "result_decision", None)
    suggestion = services.suggestion_for(submission)
    lang = "en" if selectors.english() else "zh"
    items = selectors.items_for(submission)
    unit_staff = may.may_update_item(permissions, submission.org)
    finance = may.is_finance_over(permissions, submission.org)
    initial = {"choice": decision.choice if decision else Choice.ACCEPT}
    if decision is not None:
        initial.update(
            action=decision.action,
            share=_initial(decision.share),
            amount=None if decision.amount is None else format_money(decision.amount),
            amount_unit=decision.amount_unit,
            reason=decision.reason,
        )
    return {
        "submission": submission,
        "version": submission.current_version,
        "decision": decision,
        "decision_text": selectors.decision_text(decision, lang),
        "suggestion": suggestion,
        "suggestion_text": suggestion.text(lang),
        "suggestion_reasons": [_said(r.zh, r.en) for r in suggestion.reasons],
        "decision_suggested": Suggestion(
            decision.suggested_share, decision.suggested_rectify, ()
        ).text(lang)
        if decision
        else "",
        "decision_reasons": [
            r.get(lang, "") for r in (decision.suggested_reasons if decision else [])
        ],
        "may_decide": may.may_decide(permissions, submission),
        "finance": finance,
        "unit_staff": unit_staff,
        "items": items,
        "today": selectors.today(),
        "decision_form": extra.pop("decision_form", None) or forms.DecisionForm(initial=initial),
        "item_form": extra.pop("item_form", None) or forms.ItemForm(),
        "progress_form": forms.ProgressForm(),
        "review_form": forms.ReviewForm(),
        "statuses": ItemStatus,
        "history": selectors.history_for(submission),
        **extra,
    }


@login_required
def submission_results(request: HttpRequest, pk: int) -> HttpResponse:
    submission = evaluation_selectors.submission_get(user=request.user, pk=pk)
    return render(request, "results/submission.html", _submission_context(request, submission))


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    submission = evaluation_selectors.submission_get(user=request.user, pk=pk)
    form = forms.DecisionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.decision_record(
                actor=request.user,
                submission=submission,
                choice=data["choice"],
                action=data["action"] or "",
                share=data["share"],
                amount=data["amount"],
                amount_unit=data["amount_unit"],
                reason=data["reason"],
            )
        except InputError as error:
            _place(form, error)
        except ActionRefused as error:
            _refused(request, error)
            return redirect("results:submission", pk=pk)
        else:
            messages.success(request, _("结果应用决定已保存"))
            return redirect("results:submission", pk=pk)
    messages.error(request, _("表单有误，请检查标红的字段"))
    context = _submission_context(request, submission, decision_form=form)
    return render(request, "results/submission.html", context, status=400)


@login_required
@require_POST
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    submission = evaluation_selectors.submission_get(user=request.user, pk=pk)
    published = request.POST.get("published") == "1"
    try:
        services.decision_publish(actor=request.user, submission=submission, published=published)
    except ActionRefused as error:
        _refused(request, error)
    else:
        messages.success(
            request,
            _("结果应用已公开（随已公开的报告显示）") if published else _("已撤回公开"),
        )
    return redirect("results:submission", pk=pk)


@login_required
@require_POST
def item_new(request: HttpRequest, pk: int) -> HttpResponse:
    submission = evaluation_selectors.submission_get(user=request.user, pk=pk)
    form = forms.ItemForm(request.POST)
    if form.is_valid():
        try:
            services.item_create(actor=request.user, submission=submission, **form.cleaned_data)
        except InputError as error:
            _place(form, error)
        except ActionRefused as error:
            _refused(request, error)
            return redirect("results:submission", pk=pk)
        else:
            messages.success(request, _("整改事项已下达"))
            return redirect("results:submission", pk=pk)
    messages.error(request, _("表单有误，请检查标红的字段"))
    context = _submission_context(request, submission, item_form=form)
    return render(request, "results/submission.html", context, status=400)


def _item(request: HttpRequest, pk: int) -> RectificationItem:
    item = get_object_or_404(RectificationItem.objects.select_related("submission"), pk=pk)
    if not Permissions.of(request.user).can_view(item.submission):
        raise Http404(_("整改事项不存在或无权查看"))
    return item


@login_required
@require_POST
def item_progress(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    form = forms.ProgressForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
    else:
        try:
            services.item_progress(actor=request.user, item=item, **form.cleaned_data)
        except InputError as error:
            _problems(request, error)
        except ActionRefused as error:
            _refused(request, error)
        else:
            messages.success(request, _("整改进展已更新"))
    return redirect(f"/results/submissions/{item.submission_id}/#item-{item.pk}")


@login_required
@require_POST
def item_review(request: HttpRequest, pk: int) -> HttpResponse:
    item = _item(request, pk)
    form = forms.ReviewForm(request.POST)
    if not form.is_valid():
        _form_errors(request, form)
    else:
        confirm = form.cleaned_data["decision"] == "confirm"
        try:
            services.item_review(
                actor=request.user, item=item, confirm=confirm, note=form.cleaned_data["note"]
            )
        except InputError as error:
            _problems(request, error)
        except ActionRefused as error:
            _refused(request, error)
        else:
            messages.success(request, _("已确认整改完成") if confirm else _("已退回继续整改"))
    return redirect(f"/results/submissions/{item.submission_id}/#item-{item.pk}")


# ── monitoring ────────────────────────────────────────────────────────────────────────────


@login_required
def monitoring(request: HttpRequest, pk: int) -> HttpResponse:
    submission = evaluation_selectors.submission_get(user=request.user, pk=pk)
    permissions = Permissions.of(request.user)
    may_enter = may.may_record_snapshot(permissions, submission)
    indicators, budget, unit = selectors.snapshot_basis(submission)
    form = forms.SnapshotForm(
        request.POST or None,
        indicators=indicators,
        initial={"budget": None if budget is None else format_money(budget), "unit": unit},
    )
    if request.method == "POST":
        if not may_enter:
            raise PermissionDenied(_("只有本单位可以填报运行监控"))
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.snapshot_save(
                    actor=request.user,
                    submission=submission,
                    as_of=data["as_of"],
                    label=data["label"],
                    unit=data["unit"],
                    budget=data["budget"],
                    spent=data["spent"],
                    indicators=form.indicator_rows(),
                    note=data["note"],
                )
            except InputError as error:
                _place(form, error)
            except ActionRefused as error:
                _refused(request, error)
            else:
                messages.success(request, _("运行监控已保存"))
                return redirect("results:monitoring", pk=pk)
        messages.error(request, _("表单有误，请检查标红的字段"))
    margin = services.rules_for(submission.round.finance).monitoring_margin
    views = [
        selectors.snapshot_view(s, margin)
        for s in submission.monitoring_snapshots.order_by("-as_of")
    ]
    return render(
        request,
        "results/monitoring.html",
        {
            "submission": submission,
            "form": form,
            "may_enter": may_enter,
            "views": views,
            "margin": selectors.share_text(margin),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def monitoring_list(request: HttpRequest) -> HttpResponse:
    snapshots = selectors.snapshots_visible_to(request.user)
    margins = selectors.margin_by_finance(snapshots)
    views = [selectors.snapshot_view(s, margins[s.submission.round.finance_id]) for s in snapshots]
    only_warnings = request.GET.get("warnings") == "1"
    if only_warnings:
        views = [v for v in views if v.warnings]
    return render(
        request,
        "results/monitoring_list.html",
        {"views": views, "only_warnings": only_warnings},
    )
