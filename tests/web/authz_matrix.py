"""The authorization matrix as data: who may call which endpoint, one rule per endpoint.

``ENTRIES`` maps ``(method, route)`` to the cases that exercise it. A route is the URL pattern as
Django spells it (``submissions/<int:pk>/audit/``) or, for the API, the path of the generated
OpenAPI schema without its leading slash (``api/submissions/{pk}/dossier``). A case names its
rule, the objects that fill the route's parameters, the body it sends and whether an allowed
call must change something (then a denied one must change nothing — always checked).

Rules turn an actor into the expected outcome:

- ``ok``: 2xx, or 3xx to anything but the login page (and, for a case with ``changes``, the
  database changed);
- ``login``: anonymous on a page → redirect to /login/, anonymous on the API → 401;
- ``hidden``: 404 — another department's (or county's) object, or an unpublished report;
- ``denied``: 403, 404 or (state-changing) a refusal that changed nothing — the caller sees the
  object but may not do this.

The actors (see ``test_authz_matrix.build_actors``): ``anon``; in county 1 ``filler_a``,
``head_a`` (unit A), ``filler_b`` (unit B, same 主管部门), ``filler_c`` (unit C, other 主管部门),
``dept`` (A's 主管部门), ``dept2`` (the other one), ``finance`` and ``admin`` (系统管理员, not a
superuser) at the county's 财政局; in county 2 the same roles ``x_filler``, ``x_head``,
``x_dept``, ``x_finance``, ``x_admin``; ``root`` (a Django superuser).

Adding an endpoint: add one line to ``ENTRIES`` with its rule (and the objects its parameters
need); the test names every route that lacks one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

ANON = "anon"
COUNTY_1 = ("filler_a", "head_a", "filler_b", "filler_c", "dept", "dept2", "finance", "admin")
COUNTY_2 = ("x_filler", "x_head", "x_dept", "x_finance", "x_admin")
ACTORS = (ANON, *COUNTY_1, *COUNTY_2, "root")
SIGNED_IN = frozenset(ACTORS) - {ANON}

UNIT_A = frozenset({"filler_a", "head_a"})
BUREAU_1 = frozenset({"finance", "admin", "root"})  # finance reviewer, 系统管理员, superuser
SEES_A = UNIT_A | {"dept"} | BUREAU_1  # unit A's own people, its 主管部门, its bureau
# rounds are visible to everyone with a submission in them and to the bureau that opened them
SEES_ROUND_1 = frozenset(COUNTY_1) | {"root"}
OPENS_ROUNDS = BUREAU_1 | {"x_finance", "x_admin"}
ADMINISTERS_ORGS = frozenset({"admin", "x_admin", "root"})

Rule = Callable[[str], str]
# the round dashboard: reviewers who see round 1 (its bureau, both 主管部门); unit roles never
REVIEWS_ROUND_1 = frozenset({"dept", "dept2"}) | BUREAU_1
UNIT_ROLES = frozenset({"filler_a", "head_a", "filler_b", "filler_c", "x_filler", "x_head"})


def _by_scope(allowed: frozenset[str], sees: frozenset[str], *, api: bool = False) -> Rule:
    """Allowed → ok; sees the object but may not → denied; everyone else → hidden (404)."""

    def rule(actor: str) -> str:
        if actor == ANON:
            return "login"
        if actor in allowed:
            return "ok"
        return "denied" if actor in sees else "hidden"

    return rule


def _flat(allowed: frozenset[str]) -> Rule:
    """No object involved: allowed → ok, other signed-in users → denied (403)."""

    def rule(actor: str) -> str:
        if actor == ANON:
            return "login"
        return "ok" if actor in allowed else "denied"

    return rule


RULES: dict[str, Rule] = {
    "public": lambda actor: "ok",
    "public: published reports only (unpublished is 404 for everyone)": lambda actor: "hidden",
    "nothing here: 404 for everyone": lambda actor: "hidden",
    "signed in: any role": _flat(SIGNED_IN),
    "admins: 系统管理员 and superusers": _flat(ADMINISTERS_ORGS),
    "finance: opens rounds at its own bureau": _flat(OPENS_ROUNDS),
    "finance: opens rounds at county 1 only": _by_scope(BUREAU_1, SIGNED_IN),
    "submission A: read by unit A, its 主管部门, its bureau": _by_scope(SEES_A, SEES_A),
    "unit roles: own unit only (edit, submit)": _by_scope(UNIT_A, SEES_A),
    "department reviewer: subtree (first review of A)": _by_scope(frozenset({"dept"}), SEES_A),
    "first review: A's 主管部门 or its bureau (return)": _by_scope(
        frozenset({"dept"}) | BUREAU_1, SEES_A
    ),
    "finance: county (second review, approve, publish, reopen, rescore, extend)": _by_scope(
        BUREAU_1, SEES_A
    ),
    "round 1: read by everyone with a submission in it and its bureau": _by_scope(
        SEES_ROUND_1, SEES_ROUND_1
    ),
    "round 1: batch work by its bureau only": _by_scope(BUREAU_1, SEES_ROUND_1),
    "jobs: the bureau that owns the round only": _by_scope(BUREAU_1, frozenset()),
    "tokens: anyone signed in makes their own": _flat(SIGNED_IN),
    "tokens: only the owner revokes (filler_a's token)": _flat(frozenset({"filler_a"})),
    "dashboard: unit A's own people, or its 主管部门 (submitted A)": _by_scope(
        UNIT_A | {"dept"}, SEES_A
    ),
    "dashboard: unit A's own people, or the bureau (finance-reviewed A)": _by_scope(
        UNIT_A | BUREAU_1, SEES_A
    ),
    "unit head: own unit only (signs and submits in one step)": _by_scope(
        frozenset({"head_a"}), SEES_A
    ),
    "nobody in this state: readers denied, others 404": _by_scope(frozenset(), SEES_A),
    "round 1 dashboard: its reviewers; unit roles 403, other counties 404": _by_scope(
        REVIEWS_ROUND_1, REVIEWS_ROUND_1 | UNIT_ROLES
    ),
}


@dataclass(frozen=True)
class Case:
    """One request shape for an endpoint: its rule, its parameters, its body."""

    rule: str
    args: dict[str, str] = field(default_factory=dict)  # route parameter → object key or text
    body: str = ""  # key of a body builder in the test module ("" = no body)
    changes: bool = False  # an allowed call must change the database
    note: str = ""
    shows: str = ""  # a list: this object must be listed exactly for those ``shown_by`` allows
    shown_by: str = ""


def c(rule: str, changes: bool = False, body: str = "", note: str = "", **args: str) -> Case:
    return Case(rule, args, body, changes, note)


def listing(rule: str, shows: str, shown_by: str) -> Case:
    """A list everyone signed in may open, which must show *shows* exactly to ``shown_by``."""
    return Case(rule, shows=shows, shown_by=shown_by)


SUB = "submission A: read by unit A, its 主管部门, its bureau"
UNIT = "unit roles: own unit only (edit, submit)"
HEAD = "unit head: own unit only (signs and submits in one step)"
DEPT = "department reviewer: subtree (first review of A)"
FIRST = "first review: A's 主管部门 or its bureau (return)"
FIN = "finance: county (second review, approve, publish, reopen, rescore, extend)"
ROUND = "round 1: read by everyone with a submission in it and its bureau"
BATCH = "round 1: batch work by its bureau only"
JOB = "jobs: the bureau that owns the round only"
ANY = "signed in: any role"
NOBODY = "nobody in this state: readers denied, others 404"
PUBLIC = "public"
DASHBOARD = "round 1 dashboard: its reviewers; unit roles 403, other counties 404"

# Parameter values: "sub:<state>" is unit A's submission in that state (county 1), "round:1" the
# round in which units A, B, C take part, "job" a finished export of county 1, "evidence" a file of
# A's draft, "report:published" / "report:draft" the portal's published and unpublished reports.
ENTRIES: dict[tuple[str, str], list[Case]] = {
    # ── sign-in, account ──────────────────────────────────────────────────────────────────
    ("GET", ""): [c(PUBLIC, note="redirects to the portal")],
    ("GET", "favicon.ico"): [c(PUBLIC, note="redirects to the static icon")],
    ("GET", "login/"): [c(PUBLIC)],
    ("POST", "login/"): [c(PUBLIC, body="bad_login")],
    ("POST", "logout/"): [c(PUBLIC)],
    ("GET", "password/"): [c(ANY)],
    ("POST", "password/"): [c(ANY, changes=True, body="password")],
    ("GET", "tokens/"): [c(ANY)],
    ("POST", "tokens/"): [
        c("tokens: anyone signed in makes their own", changes=True, body="token_new"),
        c("tokens: only the owner revokes (filler_a's token)", changes=True, body="token_revoke"),
    ],
    ("GET", "template.xlsx"): [c(ANY)],
    ("GET", "orgs/import/"): [c("admins: 系统管理员 and superusers")],
    ("POST", "orgs/import/"): [c("admins: 系统管理员 and superusers", body="org_sheet_empty")],
    # ── dashboard and rounds ──────────────────────────────────────────────────────────────
    ("GET", "dashboard/"): [  # the to-do list: what is the actor's turn to move forward
        listing(ANY, "sub:draft", UNIT),
        listing(
            ANY, "sub:submitted", "dashboard: unit A's own people, or its 主管部门 (submitted A)"
        ),
        listing(
            ANY,
            "sub:finance_reviewed",
            "dashboard: unit A's own people, or the bureau (finance-reviewed A)",
        ),
    ],
    ("GET", "rounds/"): [listing(ANY, "round:1", ROUND)],
    ("GET", "rounds/new/"): [c("finance: opens rounds at its own bureau")],
    ("POST", "rounds/new/"): [
        c("finance: opens rounds at county 1 only", changes=True, body="round_form")
    ],
    ("GET", "rounds/<int:pk>/"): [
        c(ROUND, pk="round:1"),
        Case(ROUND, {"pk": "round:1"}, shows="sub:draft", shown_by=SUB),
    ],
    ("POST", "rounds/<int:pk>/export/"): [c(BATCH, changes=True, body="export", pk="round:1")],
    ("POST", "rounds/<int:pk>/import/"): [c(BATCH, changes=True, body="bulk_zip", pk="round:1")],
    ("GET", "jobs/<int:pk>/"): [c(JOB, pk="job")],
    # ── oversight: the round dashboard, a unit's years ────────────────────────────────────
    ("GET", "oversight/rounds/<int:pk>/"): [c(DASHBOARD, pk="round:1")],
    ("GET", "oversight/rounds/<int:pk>/export/<str:table>.xlsx"): [
        c(DASHBOARD, pk="round:1", table="ranking"),
        c(DASHBOARD, pk="round:1", table="all"),
        c(DASHBOARD, pk="round:1", table="distrust"),
    ],
    ("GET", "oversight/orgs/<int:org_id>/years/"): [c(SUB, org_id="org:a")],
    ("GET", "oversight/submissions/<int:pk>/reuse/"): [
        c(SUB, pk="sub:draft"),
        c(SUB, pk="sub:published"),
    ],
    ("GET", "jobs/<int:pk>/download/"): [c(JOB, pk="job")],
    # ── one submission ────────────────────────────────────────────────────────────────────
    ("GET", "submissions/<int:pk>/"): [c(SUB, pk="sub:draft"), c(SUB, pk="sub:published")],
    ("GET", "submissions/<int:pk>/edit/<str:key>/"): [
        c(SUB, pk="sub:draft", key="self_evaluation"),
        c(SUB, pk="sub:submitted", key="indicators"),
    ],
    ("POST", "submissions/<int:pk>/edit/<str:key>/"): [
        c(UNIT, changes=True, body="self_evaluation", pk="sub:draft", key="self_evaluation"),
        c(
            NOBODY,
            changes=True,
            body="self_evaluation",
            pk="sub:submitted",
            key="self_evaluation",
            note="submitted: nobody edits",
        ),
    ],
    ("GET", "submissions/<int:pk>/action/<str:action>/"): [  # confirmation page, changes nothing
        c(SUB, pk="sub:draft", action="submit", note="readers see it; the POST checks"),
        c(SUB, pk="sub:submitted", action="dept_approve", note="readers see it; the POST checks"),
    ],
    ("POST", "submissions/<int:pk>/action/<str:action>/"): [
        c(HEAD, changes=True, body="reason", pk="sub:draft", action="submit"),
        c(HEAD, changes=True, body="reason", pk="sub:draft", action="sign_off"),
        c(UNIT, changes=True, body="reason", pk="sub:signed", action="submit", note="after 审签"),
        c(UNIT, changes=True, body="reason", pk="sub:submitted", action="withdraw"),
        c(DEPT, changes=True, body="reason", pk="sub:submitted", action="dept_approve"),
        c(FIRST, changes=True, body="reason", pk="sub:submitted", action="return"),
        c(FIN, changes=True, body="reason", pk="sub:dept_reviewed", action="finance_approve"),
        c(FIN, changes=True, body="reason", pk="sub:dept_reviewed", action="return"),
        c(FIN, changes=True, body="reason", pk="sub:finance_reviewed", action="approve"),
        c(FIN, changes=True, body="reason", pk="sub:approved", action="publish"),
        c(FIN, changes=True, body="reason", pk="sub:published", action="reopen"),
        c(FIN, changes=True, body="extend", pk="sub:draft", action="extend"),
    ],
    ("POST", "submissions/<int:pk>/rescore/"): [
        c(FIN, changes=True, body="rescore", pk="sub:dept_reviewed"),
        c(FIN, changes=True, body="rescore_json", pk="sub:dept_reviewed", note="JSON mode"),
    ],
    ("POST", "submissions/<int:pk>/waive/"): [c(UNIT, changes=True, body="waive", pk="sub:draft")],
    ("POST", "submissions/<int:pk>/unwaive/"): [
        c(UNIT, changes=True, body="waive", pk="sub:returned")
    ],
    ("POST", "submissions/<int:pk>/evidence/"): [
        c(UNIT, changes=True, body="evidence", pk="sub:draft")
    ],
    ("GET", "submissions/<int:pk>/import/"): [c(SUB, pk="sub:draft")],
    ("POST", "submissions/<int:pk>/import/"): [
        c(UNIT, changes=True, body="import_confirm", pk="sub:draft", note="upload, then confirm")
    ],
    ("GET", "submissions/<int:pk>/report.<str:fmt>"): [c(SUB, pk="sub:draft", fmt="md")],
    ("GET", "submissions/<int:pk>/audit/"): [c(SUB, pk="sub:draft")],
    ("GET", "submissions/<int:pk>/audit.csv"): [c(SUB, pk="sub:draft")],
    ("GET", "evidence/<int:pk>/"): [c(SUB, pk="evidence")],
    # ── use of results and monitoring (jixiao.web.results) ────────────────────────────────
    ("GET", "results/"): [c(ANY)],
    ("GET", "results/rules/"): [c("finance: opens rounds at its own bureau")],
    ("POST", "results/rules/"): [
        c("finance: opens rounds at its own bureau", changes=True, body="results_rules")
    ],
    ("GET", "results/rounds/<int:pk>/"): [c(ROUND, pk="round:1")],
    ("GET", "results/rounds/<int:pk>/register.xlsx"): [c(ROUND, pk="round:1")],
    ("GET", "results/submissions/<int:pk>/"): [c(SUB, pk="sub:finance_reviewed")],
    ("POST", "results/submissions/<int:pk>/decision/"): [
        c(FIN, changes=True, body="results_decision", pk="sub:finance_reviewed")
    ],
    ("POST", "results/submissions/<int:pk>/publish/"): [
        c(FIN, changes=True, body="results_publish", pk="sub:published", note="a decided report")
    ],
    ("POST", "results/submissions/<int:pk>/items/"): [
        c(FIN, changes=True, body="results_item", pk="sub:finance_reviewed")
    ],
    ("GET", "results/submissions/<int:pk>/monitoring/"): [c(SUB, pk="sub:draft")],
    ("POST", "results/submissions/<int:pk>/monitoring/"): [
        c(UNIT, changes=True, body="results_snapshot", pk="sub:draft")
    ],
    ("POST", "results/items/<int:pk>/progress/"): [
        c(UNIT, changes=True, body="results_progress", pk="item", note="the owner unit only")
    ],
    ("POST", "results/items/<int:pk>/review/"): [
        c(FIN, changes=True, body="results_review", pk="item")
    ],
    ("GET", "results/monitoring/"): [c(ANY)],
    # ── ledgers (台账): the unit's clerks write, its 主管部门 and bureau read ──────────────────
    ("GET", "ledgers/"): [c(ANY)],
    ("GET", "ledgers/<int:org>/"): [c(SUB, org="org:a")],
    ("GET", "ledgers/<int:org>/audit/"): [c(SUB, org="org:a")],
    ("GET", "ledgers/<int:org>/surveys/"): [c(SUB, org="org:a")],
    ("GET", "ledgers/<int:org>/energy/"): [c(SUB, org="org:a")],
    ("GET", "ledgers/<int:org>/energy.xlsx"): [c(SUB, org="org:a")],
    ("POST", "ledgers/<int:org>/surveys/"): [c(UNIT, changes=True, body="survey_new", org="org:a")],
    ("GET", "ledgers/<int:org>/<str:ledger>/"): [c(SUB, org="org:a", ledger="overhauls")],
    ("GET", "ledgers/<int:org>/<str:ledger>/new/"): [c(UNIT, org="org:a", ledger="overhauls")],
    ("POST", "ledgers/<int:org>/<str:ledger>/new/"): [
        c(UNIT, changes=True, body="ledger_record", org="org:a", ledger="overhauls")
    ],
    ("GET", "ledgers/<int:org>/<str:ledger>/import/"): [c(UNIT, org="org:a", ledger="overhauls")],
    ("POST", "ledgers/<int:org>/<str:ledger>/import/"): [
        c(UNIT, changes=True, body="ledger_xlsx", org="org:a", ledger="overhauls")
    ],
    ("GET", "ledgers/records/<int:pk>/"): [c(SUB, pk="ledger_record")],
    ("POST", "ledgers/records/<int:pk>/"): [
        c(UNIT, changes=True, body="ledger_record_edit", pk="ledger_record")
    ],
    ("POST", "ledgers/records/<int:pk>/delete/"): [
        c(UNIT, changes=True, body="reason", pk="ledger_record")
    ],
    ("GET", "ledgers/attachments/<int:pk>/"): [c(SUB, pk="ledger_attachment")],
    ("GET", "ledgers/template/<str:ledger>.xlsx"): [c(ANY, ledger="overhauls")],
    ("GET", "ledgers/survey/<str:token>/"): [c(PUBLIC, token="survey")],
    ("POST", "ledgers/survey/<str:token>/"): [
        c(PUBLIC, changes=True, body="survey_answer", token="survey", note="anonymous link")
    ],
    # ── public portal ─────────────────────────────────────────────────────────────────────
    ("GET", "portal/"): [
        listing(PUBLIC, "report:published", PUBLIC),
        listing(PUBLIC, "report:draft", "nothing here: 404 for everyone"),
    ],
    ("GET", "portal/reports/<int:pk>/"): [
        c(PUBLIC, pk="report:published"),
        c("public: published reports only (unpublished is 404 for everyone)", pk="report:draft"),
    ],
    ("GET", "portal/reports/<int:pk>/report.<str:fmt>"): [
        c(PUBLIC, pk="report:published", fmt="pdf"),
        c(
            "public: published reports only (unpublished is 404 for everyone)",
            pk="report:approved",
            fmt="pdf",
        ),
    ],
    # ── API (operations from the OpenAPI schema; anonymous → 401) ─────────────────────────
    ("GET", "api/"): [c("nothing here: 404 for everyone", note="django-ninja's home, DEBUG only")],
    ("GET", "api/openapi.json"): [c(PUBLIC)],
    ("GET", "api/docs"): [c(PUBLIC)],
    ("GET", "api/me"): [c(ANY)],
    ("GET", "api/rounds"): [listing(ANY, "round:1", ROUND)],
    ("POST", "api/rounds"): [
        c("finance: opens rounds at county 1 only", changes=True, body="api_round")
    ],
    ("GET", "api/submissions"): [listing(ANY, "sub:draft", SUB)],
    ("GET", "api/submissions/{pk}"): [c(SUB, pk="sub:draft")],
    ("GET", "api/submissions/{pk}/dossier"): [c(SUB, pk="sub:draft")],
    ("PUT", "api/submissions/{pk}/dossier"): [
        c(UNIT, changes=True, body="api_dossier", pk="sub:draft")
    ],
    ("GET", "api/submissions/{pk}/findings"): [c(SUB, pk="sub:draft")],
    ("GET", "api/submissions/{pk}/score"): [c(SUB, pk="sub:draft")],
    ("POST", "api/submissions/{pk}/transitions/{action}"): [
        c(HEAD, changes=True, body="api_reason", pk="sub:draft", action="submit"),
        c(DEPT, changes=True, body="api_reason", pk="sub:submitted", action="dept_approve"),
        c(FIRST, changes=True, body="api_reason", pk="sub:submitted", action="return"),
        c(FIN, changes=True, body="api_reason", pk="sub:dept_reviewed", action="finance_approve"),
        c(FIN, changes=True, body="api_reason", pk="sub:finance_reviewed", action="approve"),
        c(FIN, changes=True, body="api_reason", pk="sub:approved", action="publish"),
        c(FIN, changes=True, body="api_reason", pk="sub:published", action="reopen"),
    ],
    ("POST", "api/submissions/{pk}/rescore"): [
        c(FIN, changes=True, body="api_rescore", pk="sub:dept_reviewed")
    ],
    ("GET", "api/submissions/{pk}/audit"): [c(SUB, pk="sub:draft")],
    ("GET", "api/submissions/{pk}/report.{fmt}"): [c(SUB, pk="sub:draft", fmt="md")],
    ("GET", "api/rounds/{pk}/results"): [c(ROUND, pk="round:1")],
    ("GET", "api/submissions/{pk}/results"): [c(SUB, pk="sub:finance_reviewed")],
    ("POST", "api/submissions/{pk}/results/decision"): [
        c(FIN, changes=True, body="api_results_decision", pk="sub:finance_reviewed")
    ],
    ("GET", "api/submissions/{pk}/monitoring"): [c(SUB, pk="sub:draft")],
    ("GET", "api/ledgers/{org_id}/{ledger}/records"): [c(SUB, org_id="org:a", ledger="overhauls")],
    ("POST", "api/ledgers/{org_id}/{ledger}/records"): [
        c(UNIT, changes=True, body="api_ledger_record", org_id="org:a", ledger="overhauls")
    ],
    ("GET", "api/ledgers/{org_id}/figures"): [c(SUB, org_id="org:a")],
    ("GET", "api/rounds/{pk}/dashboard"): [c(DASHBOARD, pk="round:1")],
    ("GET", "api/rounds/{pk}/ranking"): [c(DASHBOARD, pk="round:1")],
    ("GET", "api/orgs/{org_id}/years"): [c(SUB, org_id="org:a")],
}
