"""The REST API: rounds, submissions, dossier read/write, findings, score, transitions, reports.

Authentication: ``Authorization: Bearer <token>`` (tokens from /tokens/ or the admin), or the
browser session (with CSRF). Permissions are the UI's: reads go through ``selectors`` and changes
through ``services``, so a department user sees and changes only its own unit through the API too.
Every submission response lists ``allowed_actions`` for the caller. The dossier's GET answers an
ETag (its revision); a PUT with ``If-Match`` is refused with 412 when anyone saved since.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from functools import partial
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext
from ninja import Body, Field, Header, NinjaAPI, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate
from ninja.parser import Parser
from ninja.security import HttpBearer, django_auth

from jixiao.core.errors import InputError
from jixiao.web.api.paging import Page, Rows
from jixiao.web.evaluations import reports, selectors, services
from jixiao.web.evaluations.audit import change_place
from jixiao.web.evaluations.models import State, Submission
from jixiao.web.evaluations.permissions import ActionRefused, Permissions
from jixiao.web.evaluations.views import report_response
from jixiao.web.ledgers import actuals as ledger_actuals
from jixiao.web.orgs.models import ApiToken, Org
from jixiao.web.oversight.api import router as oversight_router
from jixiao.web.results.api import router as results_router


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> Any:
        found = ApiToken.lookup(token)
        if found is None or not found.user.is_active:
            return None
        ApiToken.objects.filter(pk=found.pk).update(last_used=timezone.now())
        request.user = found.user
        return found.user


NUL_REFUSED = "输入含有空字符（\\u0000），无法保存 / the input contains a NUL character (\\u0000)"


def _refuse_nul(data: Any) -> None:
    """HttpError 400 when any key or text in *data* holds NUL, which PostgreSQL cannot store
    (it would fail the query with a 500); walked without recursion, so depth cannot matter."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str) and "\x00" in item:
            raise HttpError(400, NUL_REFUSED)
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


class _NulRefusingParser(Parser):
    """The JSON body and the query string, refused when they hold a NUL character."""

    def parse_body(self, request: HttpRequest) -> Any:
        data = super().parse_body(request)
        _refuse_nul(data)
        return data

    def parse_querydict(self, data: Any, list_fields: list[str], request: HttpRequest) -> Any:
        result = super().parse_querydict(data, list_fields, request)
        _refuse_nul(result)
        return result


api = NinjaAPI(
    title="jixiao API",
    parser=_NulRefusingParser(),
    version="1",
    description="部门整体支出绩效评价 — rounds, submissions, dossiers, findings, scores, workflow.",
    auth=[TokenAuth(), django_auth],
    urls_namespace="api",
)
api.add_router(
    "", oversight_router
)  # /rounds/{pk}/dashboard, /rounds/{pk}/ranking, /orgs/{id}/years


@api.exception_handler(ActionRefused)
def _refused(request: HttpRequest, error: ActionRefused) -> HttpResponse:
    status = {
        "forbidden": 404,
        "not_allowed": 403,
        "blocking_findings": 409,
        "sign_off_required": 409,
        "review_started": 409,
        "already_signed": 409,
    }.get(error.code, 400)
    return api.create_response(
        request,
        {"code": error.code, "detail": error.message, "findings": error.details},
        status=status,
    )


@api.exception_handler(InputError)
def _invalid(request: HttpRequest, error: InputError) -> HttpResponse:
    problems = [{"path": p.path, "zh": p.zh, "en": p.en} for p in error.problems]
    return api.create_response(
        request, {"code": "invalid_dossier", "detail": str(error), "problems": problems}, status=422
    )


# ── schemas ───────────────────────────────────────────────────────────────────────────────


DossierBody = Annotated[dict[str, Any], Body(...)]


class MeOut(Schema):
    username: str
    roles: list[dict[str, str]]


class RoundOut(Schema):
    id: int
    year: int
    notice: str
    title: str
    framework_id: str
    deadline: datetime
    finance: str


class RoundIn(Schema):
    """Bounded as the round form and the columns are: out of range is a 422, not a 500."""

    finance_id: int
    year: int = Field(ge=2000, le=2100)
    notice: str = Field(min_length=1, max_length=100)
    title: str = Field(min_length=1, max_length=300)
    deadline: datetime
    unit_ids: list[int]
    framework_id: str = Field("", max_length=100)


class SubmissionOut(Schema):
    id: int
    round_id: int
    year: int
    org: str
    org_code: str
    state: str
    state_label: str
    version: int | None
    locked: bool
    score_total: Decimal | None = Field(
        description="the computed score (partial while evidence is missing)"
    )
    grade: str = Field(description="the computed grade; empty while evidence is missing")
    self_total: Decimal | None = Field(description="the department's self-score")
    final_total: Decimal | None = Field(
        description="the final score: the finance re-score where any item is re-scored, else the "
        "computed score; null when it cannot be computed (证据不足)"
    )
    final_grade: str = Field(description="the final score's grade; empty when not computable")
    final_basis: str = Field(
        description="what the final score rests on: rescore (财政复核), computed (计算得分), "
        "insufficient (证据不足), or empty when not assessed"
    )
    final_text: str = Field(
        description='the final score as every page shows it, e.g. "—（证据不足）"'
    )
    errors: int
    warnings: int
    is_late: bool
    submitted_at: datetime | None
    entry_deadline: datetime
    last_return_reason: str
    allowed_actions: list[str]


class TransitionIn(Schema):
    reason: str = ""


class RescoreIn(Schema):
    item_id: str
    points: Decimal
    comment: str = ""


class FindingOut(Schema):
    id: str
    level: str
    message: str
    message_en: str = ""
    hint: str = ""
    hint_en: str = ""
    where: str = ""  # the stable field path, for scripts and waivers
    where_label: str = (
        ""  # the same place in words: 指标2“开展专项检查次数” · 偏差原因分析及改进措施
    )
    where_label_en: str = ""
    source: dict[str, Any] | None = None
    waived: str | None = None


class FindingsOut(Schema):
    state: str
    allowed_actions: list[str]
    blocking: list[FindingOut]
    findings: list[FindingOut]


class AuditOut(Schema):
    at: datetime
    actor: str
    action: str
    version: int | None
    from_state: str
    to_state: str
    reason: str
    changes: list[dict[str, Any]]


def _submission_out(user: Any, submission: Any) -> dict[str, Any]:
    version = submission.current_version
    return {
        "id": submission.pk,
        "round_id": submission.round_id,
        "year": submission.round.year,
        "org": submission.org.name,
        "org_code": submission.org.code,
        "state": submission.state,
        "state_label": str(State(submission.state).label),
        "version": version.number if version else None,
        "locked": bool(version and version.locked),
        "score_total": version.score_total if version else None,
        "grade": version.grade if version else "",
        "self_total": version.self_total if version else None,
        "final_total": version.final_total if version else None,
        "final_grade": version.final_grade if version else "",
        "final_basis": version.final_basis if version else "",
        "final_text": version.final_text if version else "—",
        "errors": version.error_count if version else 0,
        "warnings": version.warning_count if version else 0,
        "is_late": submission.is_late,
        "submitted_at": submission.submitted_at,
        "entry_deadline": submission.entry_deadline,
        "last_return_reason": submission.last_return_reason,
        "allowed_actions": Permissions.of(user).allowed_actions(submission),
    }


def _state(user: Any, submission: Any) -> dict[str, Any]:
    """State and the caller's allowed actions: part of every submission response."""
    return {
        "state": submission.state,
        "allowed_actions": Permissions.of(user).allowed_actions(submission),
    }


# ── endpoints ─────────────────────────────────────────────────────────────────────────────


@api.get("/me", response=MeOut, tags=["account"])
def me(request: HttpRequest) -> dict[str, Any]:
    permissions = Permissions.of(request.user)
    return {
        "username": request.user.username,
        "roles": [
            {
                "role": m.role,
                "label": str(m.get_role_display()),
                "org": m.org.name,
                "org_id": str(m.org_id),
            }
            for m in permissions.memberships
        ],
    }


@api.get("/rounds", response=list[RoundOut], tags=["rounds"])
@paginate(Page)
def rounds(request: HttpRequest) -> Any:
    """Rounds the caller sees, newest year first, a page at a time."""
    rows = selectors.rounds_visible_to(request.user).order_by("-year", "-created", "-pk")
    return Rows(rows, _round_out)


def _round_out(r: Any) -> dict[str, Any]:
    return {
        "id": r.pk,
        "year": r.year,
        "notice": r.notice,
        "title": r.title,
        "framework_id": r.framework_id,
        "deadline": r.deadline,
        "finance": r.finance.name,
    }


@api.post("/rounds", response={201: RoundOut}, tags=["rounds"])
def round_open(request: HttpRequest, payload: RoundIn) -> Any:
    finance = Org.objects.filter(pk=payload.finance_id).first()
    if finance is None:
        raise HttpError(404, gettext("财政局不存在"))
    units = list(Org.objects.filter(pk__in=payload.unit_ids))
    if len(units) != len(set(payload.unit_ids)):
        raise HttpError(400, gettext("有单位不存在"))
    r = services.round_open(
        actor=request.user,
        finance=finance,
        year=payload.year,
        notice=payload.notice,
        title=payload.title,
        deadline=payload.deadline,
        units=units,
        framework_id=payload.framework_id,
    )
    return Status(201, _round_out(r))


@api.get("/submissions", response=list[SubmissionOut], tags=["submissions"])
@paginate(Page)
def submission_list(
    request: HttpRequest,
    round_id: int | None = None,
    state: str | None = None,
    q: str = "",
) -> Any:
    """Submissions the caller may see, newest year first then by unit, a page at a time
    (``limit`` ≤ 500, ``offset``); ``count`` is every matching row."""
    if round_id is not None and abs(round_id) >= 2**63:  # no such round (and the database's
        return Rows(Submission.objects.none(), None)  # integer would overflow: a 500)
    rows = selectors.submission_list(user=request.user, round_id=round_id, state=state, q=q)
    return Rows(
        rows.order_by("-round__year", "org__path", "pk"), partial(_submission_out, request.user)
    )


@api.get("/submissions/{pk}", response=SubmissionOut, tags=["submissions"])
def submission_get(request: HttpRequest, pk: int) -> dict[str, Any]:
    return _submission_out(request.user, selectors.submission_get(user=request.user, pk=pk))


@api.get("/submissions/{pk}/dossier", tags=["dossier"])
def dossier_get(request: HttpRequest, response: HttpResponse, pk: int) -> dict[str, Any]:
    """The current dossier; the ETag header is its revision, for If-Match on PUT."""
    revision = selectors.dossier_revision(pk)  # before the data it stands for
    submission = selectors.submission_get(user=request.user, pk=pk)
    response["ETag"] = _etag(revision)
    return {
        "version": submission.current_version.number,
        "locked": submission.current_version.locked,
        **_state(request.user, submission),
        "data": submission.current_version.data,
    }


class StaleOut(Schema):
    code: str
    detail: str
    etag: str
    changes: list[dict[str, Any]]


@api.put(
    "/submissions/{pk}/dossier",
    response={200: SubmissionOut, 412: StaleOut},
    tags=["dossier"],
)
def dossier_put(
    request: HttpRequest,
    pk: int,
    data: DossierBody,
    if_match: Annotated[str | None, Header(alias="If-Match")] = None,
) -> dict[str, Any]:
    """Replace the dossier (validated; 422 lists each bad field with its path).

    Send ``If-Match`` with the ETag of the GET the data was based on: when anyone has saved
    since, the answer is 412 with what they changed, and nothing is written. Without If-Match
    (or with ``*``) the dossier is replaced unconditionally, as before."""
    submission = selectors.submission_get(user=request.user, pk=pk)
    services.submission_edit_dossier(
        actor=request.user,
        submission=submission,
        # ledger-backed actuals are the ledger's unless typed over with a reason
        edit=lambda current: ledger_actuals.resolve(submission, current, data),
        note="API",
        base_version=_revision_matched(if_match),
    )
    return _submission_out(request.user, selectors.submission_get(user=request.user, pk=pk))


def _etag(revision: int) -> str:
    return f'"{revision}"'


def _revision_matched(if_match: str | None) -> int | None:
    """The revision an If-Match header names: None for none or ``*``, -1 (matches nothing)
    when it is not an ETag this API gave."""
    if if_match is None or if_match.strip() in ("", "*"):
        return None
    tag = if_match.strip().removeprefix("W/").strip('"')
    return int(tag) if tag.isdigit() and len(tag) < 19 else -1


@api.exception_handler(services.StaleDossier)
def _stale(request: HttpRequest, error: services.StaleDossier) -> HttpResponse:
    """412 Precondition Failed: the dossier changed since the If-Match revision."""
    changes = [
        {
            "path": c["path"],
            "where_label": change_place(c["path"], None, "zh"),
            "where_label_en": change_place(c["path"], None, "en"),
            "old": c["old"],
            "new": c["new"],
            "by": c["by"],
            "at": c["at"].isoformat(),
        }
        for c in error.changes
    ]
    response = api.create_response(
        request,
        {
            "code": error.code,
            "detail": error.message,
            "etag": _etag(error.revision),
            "changes": changes,
        },
        status=412,
    )
    response["ETag"] = _etag(error.revision)
    return response


@api.get("/submissions/{pk}/findings", response=FindingsOut, tags=["dossier"])
def findings(request: HttpRequest, pk: int) -> dict[str, Any]:
    submission = selectors.submission_get(user=request.user, pk=pk)
    assessment = services.assess_version(
        submission.current_version, submission, with_rescores=False
    )
    return {
        **_state(request.user, submission),
        "blocking": assessment.blocking,
        "findings": assessment.findings,
    }


@api.get("/submissions/{pk}/score", tags=["dossier"])
def score(request: HttpRequest, pk: int) -> dict[str, Any]:
    submission = selectors.submission_get(user=request.user, pk=pk)
    a = services.assess_version(submission.current_version, submission)
    return {
        **_state(request.user, submission),
        "framework": a.framework_name,
        "framework_en": a.framework_name_en,
        "total": a.total,
        "grade": a.grade,
        "self_total": a.self_total,
        "rescore_total": a.rescore_total,
        "final_total": a.final_total,
        "final_grade": a.final_grade,
        "final_basis": a.final_basis,
        "final_text": a.final_text,
        "notes": a.notes,
        "notes_en": a.notes_en,
        "items": [
            {
                "id": i.id,
                "path": i.path,
                "name": i.name,
                "name_en": i.name_en,
                "weight": i.weight,
                "points": i.points,
                "status": i.status,
                "explanation": i.explanation,
                "explanation_en": i.explanation_en,
                "target": i.target,
                "actual": i.actual,
                "self_score": i.self_score,
                "rescore": i.rescore,
                "rescore_comment": i.rescore_comment,
            }
            for i in a.items
        ],
    }


@api.post("/submissions/{pk}/transitions/{action}", response=SubmissionOut, tags=["workflow"])
def transition(request: HttpRequest, pk: int, action: str, payload: TransitionIn) -> dict[str, Any]:
    """Run one workflow action: sign_off (the unit head's 审签), submit, withdraw, dept_approve,
    finance_approve, approve, publish, return, reopen."""
    submission = selectors.submission_get(user=request.user, pk=pk)
    if action == "sign_off":
        services.submission_sign_off(actor=request.user, submission=submission)
    else:
        services.submission_transition(
            actor=request.user, submission=submission, action=action, reason=payload.reason
        )
    return _submission_out(request.user, selectors.submission_get(user=request.user, pk=pk))


@api.post("/submissions/{pk}/rescore", response=SubmissionOut, tags=["workflow"])
def rescore(request: HttpRequest, pk: int, payload: RescoreIn) -> dict[str, Any]:
    submission = selectors.submission_get(user=request.user, pk=pk)
    services.submission_rescore(
        actor=request.user,
        submission=submission,
        item_id=payload.item_id,
        points=payload.points,
        comment=payload.comment,
    )
    return _submission_out(request.user, selectors.submission_get(user=request.user, pk=pk))


@api.get("/submissions/{pk}/audit", response=list[AuditOut], tags=["workflow"])
def audit(request: HttpRequest, pk: int) -> list[dict[str, Any]]:
    submission = selectors.submission_get(user=request.user, pk=pk)
    return [
        {
            "at": e.at,
            "actor": e.actor_name,
            "action": e.action,
            "version": e.version,
            "from_state": e.from_state,
            "to_state": e.to_state,
            "reason": e.reason,
            "changes": e.changes,
        }
        for e in selectors.audit_for(user=request.user, submission=submission)
    ]


@api.get("/submissions/{pk}/report.{fmt}", tags=["reports"])
def report(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """The report file (docx, pdf, html, md); 503 with a message when that renderer is missing."""
    if fmt not in reports.FORMATS:
        raise HttpError(
            404, gettext("不支持的格式，可选 %(formats)s") % {"formats": ", ".join(reports.FORMATS)}
        )
    submission = selectors.submission_get(user=request.user, pk=pk)
    return report_response(request, submission, fmt, ledger_links=True)


api.add_router("/", results_router)  # 结果应用 and 运行监控 (jixiao.web.results.api)
# ── ledgers (jixiao.web.ledgers.api) ───────────────────────────────────────────────────────

from jixiao.web.ledgers.api import router as ledgers_router  # noqa: E402

api.add_router("/ledgers", ledgers_router)
