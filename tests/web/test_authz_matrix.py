"""The authorization matrix: every endpoint, every method, as every role — allow or deny.

The endpoints come from the URL configuration (``get_resolver()``, walked recursively) and, for
the API, from the generated OpenAPI schema (``api.get_openapi_schema()``), method by method. The
expected outcomes are data in ``tests/web/authz_matrix.py``: one line per ``(method, route)``
naming its rule. ``test_every_endpoint_has_an_entry`` fails, naming the route, when an endpoint
has no line there (so a new URL cannot slip in untested) or a line names a route that is gone.

**Adding an endpoint**: add one line to ``ENTRIES`` in ``authz_matrix.py``, e.g.
``("POST", "submissions/<int:pk>/withdraw/"): [c(UNIT, changes=True, body="reason", pk="sub:submitted")],``
— a rule from ``RULES`` (add a rule only for a genuinely new kind of permission), the objects
its parameters need (``OBJECTS`` below) and, for a state-changing call, a body (``BODIES``) that
an allowed caller's call succeeds with.

``test_matrix`` builds one world (two counties; unit A's submission in each state that matters;
a job, evidence, tokens), sends every case as every actor with the Django test client, each inside
a savepoint that is rolled back, and reports every mismatch in one assertion (route, method,
actor, expected, got). A denied state-changing call must also leave the database unchanged (row
counts of every jixiao and auth model, every submission's state, version, deadline and data,
every password). List endpoints (dashboard, rounds, API lists, portal) also name an object that
must be listed exactly for the actors a rule allows. A page's GET or POST that has no entry is
sent as the superuser: a GET must answer 405, a POST must change nothing.

Report rendering is stubbed (who gets the file is the question, not typesetting) and the Excel
template is built once. Measured: about 1,100 cells; 13 s of CPU for the whole module (wall time
depends on the machine's load).

Not in the matrix: Django's admin (``/admin/``) — Django's own checks keep it to staff and its
model permissions, and no role makes anyone staff; ``test_admin_is_not_for_the_system_admin_role``
proves a non-superuser 系统管理员 gets nowhere there. ``/i18n/`` (the language switch, no data)
and static files (WhiteNoise, outside the URL configuration).
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import re
import time
import zipfile
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import Client, TestCase
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from openpyxl import Workbook

from jixiao.web.api.api import api
from jixiao.web.evaluations import engine, imports, reports, services, tasks, views
from jixiao.web.evaluations.models import Submission
from jixiao.web.ledgers import services as ledger_services
from jixiao.web.orgs.models import ApiToken, Org, OrgKind, Role
from jixiao.web.results import services as results_services
from tests.web import authz_matrix as matrix
from tests.web import factories
from tests.web.factories import PASSWORD, dossier_data, user

SKIPPED_PREFIXES = ("admin/", "i18n/")
DOC_ROUTES = ("api/", "api/openapi.json", "api/docs")
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})

# ── the endpoints ─────────────────────────────────────────────────────────────────────────


def _walk(patterns: list[Any], prefix: str = "") -> list[str]:
    routes: list[str] = []
    for item in patterns:
        route = prefix + str(item.pattern)
        if isinstance(item, URLResolver):
            if not route.startswith(SKIPPED_PREFIXES):
                routes += _walk(item.url_patterns, route)
        elif isinstance(item, URLPattern):
            routes.append(route)
    return routes


def endpoints() -> tuple[set[str], set[tuple[str, str]]]:
    """Django routes (API operations excluded) and the API's (method, route) from its schema."""
    routes = _walk(get_resolver().url_patterns)
    pages = {r for r in routes if not r.startswith("api/") or r in DOC_ROUTES}
    schema = api.get_openapi_schema()
    operations = {
        (method.upper(), path.lstrip("/"))
        for path, methods in schema["paths"].items()
        for method in methods
    }
    # every API URL pattern is an operation of the schema (or the docs): nothing hides from it
    api_routes = {re.sub(r"<(\w+)>", r"{\1}", r) for r in routes if r.startswith("api/")} - set(
        DOC_ROUTES
    )
    assert api_routes == {p.lstrip("/") for p in schema["paths"]}
    return pages, operations


def test_every_endpoint_has_an_entry() -> None:
    pages, operations = endpoints()
    covered_routes = {route for _, route in matrix.ENTRIES}
    missing = sorted(f"{route} (any method)" for route in pages - covered_routes)
    missing += sorted(f"{m} {route}" for m, route in operations - set(matrix.ENTRIES))
    known = pages | {route for _, route in operations}
    stale = sorted(f"{m} {route}" for m, route in matrix.ENTRIES if route not in known)
    unknown_rules = sorted(
        {case.rule for cases in matrix.ENTRIES.values() for case in cases} - set(matrix.RULES)
    )
    assert not missing, "endpoints without an entry in tests/web/authz_matrix.py: " + ", ".join(
        missing
    )
    assert not stale, "matrix entries for routes that no longer exist: " + ", ".join(stale)
    assert not unknown_rules, f"unknown rules: {unknown_rules}"


# ── the world ─────────────────────────────────────────────────────────────────────────────


@dataclass
class MatrixWorld:
    base: factories.World
    actors: dict[str, Any]  # actor key → user (anon absent)
    tokens: dict[str, str]  # actor key → raw API token
    objects: dict[str, int]  # object key → pk
    rescore_item: str


STATE_WALK = {  # unit A's submission in each state that matters: (year of its round, actions)
    "submitted": (2022, ("submit",)),
    "dept_reviewed": (2021, ("submit", "dept_approve")),
    "finance_reviewed": (2020, ("submit", "dept_approve", "finance_approve")),
    "approved": (2019, ("submit", "dept_approve", "finance_approve", "approve")),
    "published": (2018, ("submit", "dept_approve", "finance_approve", "approve", "publish")),
    "returned": (2017, ("submit", "return")),  # editable again; a waived finding to unwaive
    "signed": (2016, ("sign_off",)),  # a draft its head signed off: the clerk may submit it
}
ACTOR_OF = {
    "submit": "head_a",  # a unit head signs and submits in one step
    "dept_approve": "dept",
    "finance_approve": "finance",
    "approve": "finance",
    "publish": "finance",
    "return": "dept",
    "sign_off": "head_a",
}


def _second_county() -> dict[str, Any]:
    """Another 财政局 tree with its own round and a submitted report."""
    finance = Org.objects.create(name="另一县财政局", code="F2", kind=OrgKind.FINANCE)
    dept = Org.objects.create(
        name="另一县教育局", code="D9", kind=OrgKind.DEPARTMENT, parent=finance
    )
    unit = Org.objects.create(name="另一县第一中学", code="U9", kind=OrgKind.UNIT, parent=dept)
    people = {
        "x_filler": user("x_filler", unit, Role.FILLER),
        "x_head": user("x_head", unit, Role.UNIT_HEAD),
        "x_dept": user("x_dept", dept, Role.DEPT_REVIEWER),
        "x_finance": user("x_finance", finance, Role.FINANCE_REVIEWER),
        "x_admin": user("x_admin", finance, Role.ADMIN),
    }
    round_ = services.round_open(
        actor=people["x_finance"],
        finance=finance,
        year=2023,
        notice="另财监〔2024〕1号",
        title="另一县2023年度绩效自评",
        deadline=timezone.now() + timedelta(days=30),
        units=[unit],
    )
    submission = Submission.objects.get(round=round_, org=unit)
    services.submission_save_dossier(
        actor=people["x_filler"], submission=submission, data=dossier_data(unit.name)
    )
    services.submission_transition(  # the unit head signs and submits in one step
        actor=people["x_head"],
        submission=Submission.objects.get(pk=submission.pk),
        action="submit",
    )
    return people


def _unit_a_in(world: factories.World, state: str) -> Submission:
    year, actions = STATE_WALK[state]
    round_ = services.round_open(
        actor=world.users["finance"],
        finance=world.finance,
        year=year,
        notice=f"测财监〔{year + 1}〕1号",
        title=f"{year}年度绩效自评",
        deadline=timezone.now() + timedelta(days=30),
        units=[world.unit_a],
    )
    submission = Submission.objects.get(round=round_, org=world.unit_a)
    services.submission_save_dossier(
        actor=world.users["filler_a"],
        submission=submission,
        data=dossier_data(world.unit_a.name, year=year),
    )
    for action in actions:
        actor, current = world.users[ACTOR_OF[action]], Submission.objects.get(pk=submission.pk)
        if action == "sign_off":
            services.submission_sign_off(actor=actor, submission=current)
            continue
        services.submission_transition(
            actor=actor, submission=current, action=action, reason="权限矩阵测试：退回"
        )
    return Submission.objects.get(pk=submission.pk)


def build_matrix_world() -> MatrixWorld:
    world = factories.build_world()
    draft = factories.fill(world, "a")
    actors = dict(world.users)
    actors.update(_second_county())
    actors["root"] = get_user_model().objects.create_superuser("root", password=PASSWORD)
    by_state = {state: _unit_a_in(world, state) for state in STATE_WALK}
    evidence = services.submission_add_evidence(
        actor=actors["filler_a"],
        submission=world.sub("a"),
        indicator_id="done",
        upload=SimpleUploadedFile("佐证.pdf", b"%PDF-1.4 matrix"),
    )
    services.submission_waive(
        actor=actors["filler_a"],
        submission=by_state["returned"],
        finding_id="staffing.E001",
        reason=REASON,
    )
    with TestCase.captureOnCommitCallbacks(execute=True):  # the export runs after commit
        job = tasks.start_round_export(
            actor=actors["finance"], round_=by_state["published"].round, fmt="html"
        )
    item = results_services.item_create(  # a rectification item of unit A
        actor=actors["finance"],
        submission=by_state["finance_reviewed"],
        description="矩阵测试整改事项",
        due_date=date(2021, 6, 30),
    )
    results_services.decision_record(  # a decision, unpublished, on the published report
        actor=actors["finance"], submission=by_state["published"], choice="accept"
    )
    objects = {
        "item": item.pk,
        **_ledger_objects(world, actors["filler_a"]),
        "sub:draft": draft.pk,
        **{f"sub:{state}": s.pk for state, s in by_state.items()},
        "round:1": world.round.pk,
        "org:a": world.unit_a.pk,
        "job": job.pk,
        "evidence": evidence.pk,
        "report:published": by_state["published"].pk,
        "report:approved": by_state["approved"].pk,
        "report:draft": draft.pk,
    }
    issued = {key: ApiToken.issue(account, name="matrix") for key, account in actors.items()}
    tokens = {key: raw for key, (_, raw) in issued.items()}
    objects["token:filler_a"] = issued["filler_a"][0].pk
    reviewed = by_state["dept_reviewed"]
    item = engine.assess(reviewed.current_version.data).items[0].id
    return MatrixWorld(world, actors, tokens, objects, item)


def _ledger_objects(world: factories.World, clerk: Any) -> dict[str, Any]:
    """Unit A's ledger: a record with an attachment, and a survey (its link's token)."""
    record = ledger_services.record_create(
        actor=clerk,
        org=world.unit_a,
        ledger="overhauls",
        data={"overhaul_date": "2023-03-02", "equipment": "电梯"},
        upload=SimpleUploadedFile("检修单.pdf", b"%PDF-1.4 ledger"),
    )
    survey = ledger_services.survey_open(actor=clerk, org=world.unit_a, year=2023, title="矩阵问卷")
    return {
        "org:a": world.unit_a.pk,
        "ledger_record": record.pk,
        "ledger_attachment": record.attachments.get().pk,
        "survey": survey.token,
    }


def _ledger_xlsx(w: MatrixWorld, client: Client, pk: int) -> dict[str, Any]:
    workbook = Workbook()
    workbook.active.append(["检修日期", "设备"])
    workbook.active.append(["2023-06-01", "锅炉"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return {"data": {"file": SimpleUploadedFile("检修.xlsx", buffer.getvalue())}}


# ── request bodies (allowed callers succeed with them) ────────────────────────────────────

REASON = "权限矩阵测试"


def _zip(name: str, content: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, content)
    return buffer.getvalue()


def _import_confirm(w: MatrixWorld, client: Client, pk: int) -> dict[str, Any]:
    """Upload a dossier file (the preview), then confirm it with the preview's token."""
    data = dossier_data(w.base.unit_a.name, profile={"name": w.base.unit_a.name, "level": "县级"})
    data["self_evaluation"] = {"total": "77"}
    upload = SimpleUploadedFile("dossier.json", json.dumps(data, ensure_ascii=False).encode())
    client.post(f"/submissions/{pk}/import/", {"file": upload})
    stash = client.session.get(f"jixiao-import-{pk}") or {}
    return {"data": {"confirm": stash.get("token", "none"), "mode": "replace"}}


def _json(payload: Any) -> dict[str, Any]:
    return {"data": json.dumps(payload, default=str), "content_type": "application/json"}


BODIES: dict[str, Any] = {
    "": lambda w, client, pk: {},
    "bad_login": lambda w, client, pk: {"data": {"username": "nobody", "password": "wrong"}},
    "password": lambda w, client, pk: {
        "data": {
            "old_password": PASSWORD,
            "new_password1": "Matrix-Pass-2026!",
            "new_password2": "Matrix-Pass-2026!",
        }
    },
    "token_new": lambda w, client, pk: {"data": {"name": "matrix-new"}},
    "token_revoke": lambda w, client, pk: {"data": {"revoke": str(w.objects["token:filler_a"])}},
    "org_sheet_empty": lambda w, client, pk: {"data": {}},
    "round_form": lambda w, client, pk: {
        "data": {
            "finance": w.base.finance.pk,
            "year": 2030,
            "notice": "测财监〔2030〕9号",
            "title": "矩阵批次",
            "framework_id": "",
            "deadline": "2030-12-31T12:00",
            "units": [w.base.unit_a.pk],
        }
    },
    "export": lambda w, client, pk: {"data": {"fmt": "html"}},
    "bulk_zip": lambda w, client, pk: {
        "data": {"file": SimpleUploadedFile("bulk.zip", _zip("U1.txt", "自评报告".encode()))}
    },
    "self_evaluation": lambda w, client, pk: {"data": {"head-total": "95", "head-grade": "优"}},
    "reason": lambda w, client, pk: {"data": {"reason": REASON}},
    "extend": lambda w, client, pk: {"data": {"until": "2030-01-01T12:00", "reason": REASON}},
    "rescore": lambda w, client, pk: {
        "data": {"item_id": w.rescore_item, "points": "0", "comment": REASON}
    },
    "rescore_json": lambda w, client, pk: {  # the page's script: saved without a reload
        "data": {"item_id": w.rescore_item, "points": "0", "comment": REASON},
        "HTTP_ACCEPT": "application/json",
    },
    "waive": lambda w, client, pk: {"data": {"finding_id": "staffing.E001", "reason": REASON}},
    "evidence": lambda w, client, pk: {
        "data": {"indicator_id": "done", "file": SimpleUploadedFile("e.pdf", b"%PDF-1.4 x")}
    },
    "import_confirm": _import_confirm,
    "survey_new": lambda w, client, pk: {"data": {"title": "矩阵问卷二", "year": "2023"}},
    "survey_answer": lambda w, client, pk: {"data": {"rating": "满意"}},
    "ledger_record": lambda w, client, pk: {
        "data": {"overhaul_date": "2023-05-05", "equipment": "锅炉"}
    },
    "ledger_record_edit": lambda w, client, pk: {
        "data": {"overhaul_date": "2023-05-06", "equipment": "电梯", "completed": "on"}
    },
    "ledger_xlsx": _ledger_xlsx,
    "api_ledger_record": lambda w, client, pk: _json(
        {"overhaul_date": "2023-05-05", "equipment": "锅炉"}
    ),
    "api_round": lambda w, client, pk: _json(
        {
            "finance_id": w.base.finance.pk,
            "year": 2031,
            "notice": "测财监〔2031〕9号",
            "title": "矩阵批次",
            "deadline": "2031-12-31T12:00:00+08:00",
            "unit_ids": [w.base.unit_a.pk],
        }
    ),
    "api_dossier": lambda w, client, pk: _json(
        dossier_data(w.base.unit_a.name, self_evaluation={"total": "66"})
    ),
    "api_reason": lambda w, client, pk: _json({"reason": REASON}),
    "results_rules": lambda w, client, pk: {
        "data": {
            "finance": w.base.finance.pk,
            "cut_excellent": "0",
            "cut_good": "0",
            "cut_fair": "5",
            "cut_poor": "12",
            "rectify_findings": "",
            "rectify_on_any_error": "on",
            "monitoring_margin": "20",
        }
    },
    "results_decision": lambda w, client, pk: {"data": {"choice": "accept", "amount_unit": "万元"}},
    "results_item": lambda w, client, pk: {
        "data": {"description": "完善资产管理制度", "due_date": "2021-09-30"}
    },
    "results_snapshot": lambda w, client, pk: {
        "data": {"as_of": "2023-07-31", "unit": "万元", "budget": "100", "spent": "30"}
    },
    "results_progress": lambda w, client, pk: {"data": {"status": "in_progress", "note": REASON}},
    "results_review": lambda w, client, pk: {"data": {"decision": "confirm", "note": ""}},
    "api_results_decision": lambda w, client, pk: _json({"choice": "accept"}),
    "results_publish": lambda w, client, pk: {"data": {"published": "1"}},
    "api_rescore": lambda w, client, pk: _json(
        {"item_id": w.rescore_item, "points": "0", "comment": REASON}
    ),
}

# ── sending and observing ─────────────────────────────────────────────────────────────────


def _count_sql() -> str:
    tables = [
        model._meta.db_table
        for app in ("evaluations", "orgs", "auth", "results", "ledgers")
        for model in apps.get_app_config(app).get_models()
    ]
    return "SELECT " + ", ".join(f'(SELECT COUNT(*) FROM "{table}")' for table in tables)


def fingerprint() -> tuple[Any, ...]:
    """Row counts of every jixiao model (one query), every submission's state, version,
    deadline and data, every password."""
    with connection.cursor() as cursor:
        cursor.execute(_count_sql())
        counts = cursor.fetchone()
    rows = tuple(
        (pk, state, version, str(until), hashlib.sha256(repr(data).encode()).hexdigest())
        for pk, state, version, until, data in Submission.objects.order_by("pk").values_list(
            "pk", "state", "current_version_id", "extended_until", "current_version__data"
        )
    )
    passwords = tuple(get_user_model().objects.order_by("pk").values_list("password", flat=True))
    return counts, rows, passwords


def _url(route: str, case: matrix.Case, objects: dict[str, int]) -> str:
    path = route
    for name, value in case.args.items():
        text = str(objects.get(value, value))
        for pattern in (f"<int:{name}>", f"<str:{name}>", f"{{{name}}}"):
            path = path.replace(pattern, text)
    assert "<" not in path and "{" not in path, f"unfilled parameter in {route}: {case.args}"
    return "/" + path


def observe(response: Any, *, changed: bool, expects_change: bool) -> str:
    status = response.status_code
    if status >= 500:
        return f"error {status}"
    location = response.get("Location", "")
    if status == 401 or (status in (301, 302, 303) and location.startswith("/login/")):
        return "login"
    if status == 404:
        return "hidden"
    if status == 403:
        return "forbidden"
    if changed:
        return "ok"
    if expects_change or status >= 400:
        return f"refused ({status}, nothing changed)"
    return "ok"


LINK = {"sub": "/submissions/{}/", "round": "/rounds/{}/", "report": "/portal/reports/{}/"}


def listed(response: Any, key: str, pk: int, *, api_call: bool) -> bool:
    """Whether a list page (a link to the object) or an API list (its id) shows the object."""
    if api_call:
        rows = response.json()
        return any(row["id"] == pk for row in (rows["items"] if isinstance(rows, dict) else rows))
    return f'href="{LINK[key.split(":")[0]].format(pk)}"' in response.content.decode()


def matches(expected: str, got: str, *, changed: bool) -> bool:
    if expected != "ok" and changed:
        return False  # a denied call changed the database
    if expected == "denied":
        return got in ("forbidden", "hidden") or got.startswith("refused")
    return got == expected


def _clients(w: MatrixWorld) -> dict[str, tuple[Client, Client]]:
    """Per actor: a page client (session) and an API client (Bearer token; none for anon),
    indexed by ``Cell.api``."""
    clients: dict[str, tuple[Client, Client]] = {}
    for key in matrix.ACTORS:
        page = Client(raise_request_exception=False)
        if key == matrix.ANON:
            clients[key] = (page, Client(raise_request_exception=False))
            continue
        page.force_login(w.actors[key])
        token = f"Bearer {w.tokens[key]}"
        clients[key] = (page, Client(raise_request_exception=False, HTTP_AUTHORIZATION=token))
    return clients


@dataclass
class Cell:
    method: str
    route: str
    case: matrix.Case
    actor: str

    @property
    def api(self) -> bool:
        return self.route.startswith("api/") and self.route not in DOC_ROUTES


def send(w: MatrixWorld, client: Client, cell: Cell) -> tuple[Any, bool]:
    """Send one cell inside a savepoint that is rolled back: (response, database changed)."""
    cookies = client.cookies
    client.cookies = type(cookies)(cookies)
    unsafe = cell.method in UNSAFE
    with transaction.atomic():
        before = fingerprint() if unsafe else None
        pk = w.objects.get(cell.case.args.get("pk", ""), 0)
        kwargs = BODIES[cell.case.body](w, client, pk)
        url = _url(cell.route, cell.case, w.objects)
        response = getattr(client, cell.method.lower())(url, **kwargs)
        changed = unsafe and fingerprint() != before
        transaction.set_rollback(True)
    client.cookies = cookies  # a password change or logout rotated the session: undo that too
    return response, changed


def check(w: MatrixWorld, client: Client, cell: Cell) -> str:
    """The mismatch of one cell, or ""."""
    case = cell.case
    expected = matrix.RULES[case.rule](cell.actor)
    response, changed = send(w, client, cell)
    got = observe(response, changed=changed, expects_change=case.changes)
    where = f"{cell.method} {_url(cell.route, case, w.objects)} [{cell.route}] as {cell.actor}"
    if not matches(expected, got, changed=changed):
        extra = " AND CHANGED THE DATABASE" if changed and expected != "ok" else ""
        return f"{where}: expected {expected}, got {got}{extra}  (rule: {case.rule})"
    if case.shows and got == "ok":
        should = matrix.RULES[case.shown_by](cell.actor) == "ok"
        pk = w.objects[case.shows]
        if listed(response, case.shows, pk, api_call=cell.api) != should:
            verb = "be listed" if should else "not be listed"
            return f"{where}: {case.shows} should {verb}  (rule: {case.shown_by})"
    return ""


def cells() -> list[Cell]:
    return [
        Cell(method, route, case, actor)
        for (method, route), cases in matrix.ENTRIES.items()
        for case in cases
        for actor in matrix.ACTORS
    ]


def unlisted_methods() -> list[Cell]:
    """Pages only say which methods they mean by their entries: GET or POST without one, sent
    with the parameters of the route's first case, as the superuser (who may most)."""
    first: dict[str, matrix.Case] = {}
    methods: dict[str, set[str]] = {}
    for (method, route), cases in matrix.ENTRIES.items():
        first.setdefault(route, cases[0])
        methods.setdefault(route, set()).add(method)
    return [
        Cell(method, route, replace(first[route], body="", changes=False), "root")
        for route in first
        if not route.startswith("api/")  # the API's methods come from its schema
        for method in ("GET", "POST")
        if method not in methods[route]
    ]


def check_unlisted(w: MatrixWorld, client: Client, cell: Cell) -> str:
    """A GET without an entry must be refused (405); a POST without one must change nothing."""
    response, changed = send(w, client, cell)
    where = f"{cell.method} {_url(cell.route, cell.case, w.objects)} [{cell.route}] (no entry)"
    if response.status_code >= 500 or changed:
        return f"{where}: got {response.status_code}, changed the database: {changed}"
    if cell.method == "GET" and response.status_code != 405:
        return f"{where}: expected 405, got {response.status_code} — add an entry for it"
    return ""


def _fake_report(
    submission: Any, version: Any, fmt: str, site: str | None = None
) -> reports.ReportFile:
    return reports.ReportFile(f"report {version.pk}".encode(), "text/plain", f"report.{fmt}")


@pytest.mark.django_db
def test_matrix(monkeypatch: pytest.MonkeyPatch) -> None:
    # the Excel template is the same file for everyone; build it once (0.3 s each time)
    monkeypatch.setattr(imports, "template_bytes", functools.cache(imports.template_bytes))
    # who gets a report is the question here, not typesetting (which needs fonts and seconds)
    monkeypatch.setattr(views, "_render_report", _fake_report)
    started = time.perf_counter()
    w = build_matrix_world()
    clients = _clients(w)
    built = time.perf_counter()
    grid = cells()
    mismatches = [m for cell in grid if (m := check(w, clients[cell.actor][cell.api], cell))]
    root = clients["root"][0]
    mismatches += [m for cell in unlisted_methods() if (m := check_unlisted(w, root, cell))]
    print(
        f"authz matrix: {len(grid)} cells; world {built - started:.1f}s, "
        f"requests {time.perf_counter() - built:.1f}s"
    )
    assert not mismatches, f"{len(mismatches)} mismatches:\n" + "\n".join(mismatches)


# ── Django's admin: superusers only ───────────────────────────────────────────────────────


@pytest.mark.django_db
def test_admin_is_not_for_the_system_admin_role(world: factories.World) -> None:
    sysadmin = Client()
    sysadmin.force_login(world.users["admin"])
    for path in ("/admin/", "/admin/orgs/org/", "/admin/auth/user/", "/admin/orgs/membership/"):
        response = sysadmin.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/admin/login/"), path
    root = Client()
    root.force_login(get_user_model().objects.create_superuser("root", password=PASSWORD))
    assert root.get("/admin/").status_code == 200
