"""The round page's and the oversight dashboard's aggregates, cached per round revision: after
every kind of write the cached figures equal the ones computed now (a write that forgot to move
the revision would fail here), every table they read carries the revision triggers, a warm
request makes fewer queries than a cold one, and two viewers of different scope never share an
entry."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.cache import caches
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from jixiao.web.evaluations import engine, revision_triggers, round_figures, services, views
from jixiao.web.evaluations.demo_scale import load_scale
from jixiao.web.evaluations.models import DossierVersion, Round, Submission
from jixiao.web.evaluations.permissions import Permissions
from jixiao.web.orgs.models import Org, OrgKind
from jixiao.web.oversight import selectors as oversight
from tests.web.factories import PASSWORD, advance, fill

VIEWERS = ("finance", "dept", "dept2")
# a negative amount: an error-level finding (budget.E003), counted by the round's statistics
NEGATIVE_MONEY = {
    "unit": "万元",
    "lines": [{"phase": "年初预算", "funding": "基本支出", "item": "工资福利支出", "amount": "-1"}],
}


@pytest.fixture(autouse=True)
def _empty_cache():
    caches[round_figures.CACHE_ALIAS].clear()
    yield
    caches[round_figures.CACHE_ALIAS].clear()


def _comparable(figures: dict) -> dict:
    """The round page's figures with the 主管部门 (model instances) as (id, name)."""
    listed = figures["departments"]
    departments = None if listed is None else [(d.pk, d.name) for d in listed]
    return {**figures, "departments": departments}


def round_page_cached(user, round_):
    return _comparable(views._round_figures(user, Permissions.of(user), round_))


def round_page_now(user, round_):
    return _comparable(views.round_figures_now(user, round_))


def dashboard_cached(user, round_):
    rows = oversight.round_scope(user=user, round_=round_)
    return oversight.dashboard_figures(user=user, rows=rows, round_=round_)


def dashboard_now(user, round_):
    rows = oversight.round_scope(user=user, round_=round_)
    return oversight.dashboard_figures_now(rows=rows, round_=round_)


def assert_fresh(world, round_=None):
    """Every viewer's cached figures equal the ones computed now."""
    round_ = Round.objects.get(pk=(round_ or world.round).pk)
    for who in VIEWERS:
        user = world.users[who]
        assert round_page_cached(user, round_) == round_page_now(user, round_), who
        assert dashboard_cached(user, round_) == dashboard_now(user, round_), who


def warm(world, round_=None):
    """Fill the cache (and check it), so the next write must move the revision to be seen. The
    first dashboard read may store the round's analysis (a write): the second pass reads what
    the first stored, at a revision that no longer moves."""
    round_ = round_ or world.round
    assert_fresh(world, round_)
    settled = round_figures.revision(round_.pk)
    assert_fresh(world, round_)
    assert round_figures.revision(round_.pk) == settled
    return settled


def _submit_a(world):
    fill(world, "a", self_evaluation={"total": "70"})
    advance(world, "a", "submit")


def _rescore_all(world, key):
    submission = world.sub(key)
    for item in engine.assess(submission.current_version.data).items:
        services.submission_rescore(
            actor=world.users["finance"],
            submission=world.sub(key),
            item_id=item.id,
            points=Decimal(0) if item.points is None else item.points,
            comment="核实",
        )


def _nothing(world):
    pass


# each kind of write: (what comes before, with the figures cached after it; the write)
WRITES = {
    # the form, an upload and a round's bulk import all save through services._save
    "save dossier (an error more)": (_nothing, lambda w: fill(w, "b", money=NEGATIVE_MONEY)),
    "submit": (_nothing, _submit_a),
    "return": (
        _submit_a,
        lambda w: services.submission_return(
            actor=w.users["dept"], submission=w.sub("a"), reason="补充"
        ),
    ),
    "approve": (_submit_a, lambda w: advance(w, "a", "dept_approve", "finance_approve", "approve")),
    "re-score": (
        lambda w: (_submit_a(w), advance(w, "a", "dept_approve")),
        lambda w: _rescore_all(w, "a"),
    ),
    "extension (bulk update, past)": (
        _nothing,
        lambda w: Submission.objects.filter(pk=w.subs["b"].pk).update(
            extended_until=timezone.now() - timedelta(hours=1)
        ),
    ),
    "deadline moved": (
        _nothing,
        lambda w: Round.objects.filter(pk=w.round.pk).update(
            deadline=timezone.now() - timedelta(days=1)
        ),
    ),
    "late flags (bulk update)": (
        _submit_a,
        lambda w: Submission.objects.filter(round=w.round).update(is_late=True),
    ),
    "bulk_create (as the demo loads)": (
        _nothing,
        lambda w: Submission.objects.bulk_create(
            [
                Submission(
                    round=w.round,
                    org=Org.objects.create(
                        name="新增单位", code="N1", kind=OrgKind.UNIT, parent=w.dept2
                    ),
                )
            ]
        ),
    ),
    "bulk_update of versions": (
        _submit_a,
        lambda w: DossierVersion.objects.bulk_update(
            [_with_total(w.sub("a").current_version, Decimal("55"))], ["final_total"]
        ),
    ),
    "raw SQL on versions": (
        _submit_a,
        lambda w: _raw(
            "UPDATE evaluations_dossierversion SET final_grade = %s WHERE id = %s",
            ["差", w.sub("a").current_version_id],
        ),
    ),
    "findings (stored JSON)": (
        _submit_a,
        lambda w: DossierVersion.objects.filter(pk=w.sub("a").current_version_id).update(
            findings=[{"id": "staffing.E001", "level": "error"}]
        ),
    ),
    "submission deleted": (
        _nothing,
        lambda w: Submission.objects.filter(pk=w.subs["c"].pk).delete(),
    ),
    "主管部门 renamed": (
        _nothing,
        lambda w: Org.objects.filter(pk=w.dept.pk).update(name="改名后的教育局"),
    ),
    "主管部门 no longer one": (
        _nothing,
        lambda w: Org.objects.filter(pk=w.dept2.pk).update(kind=OrgKind.UNIT),
    ),
    "unit moved to another 主管部门": (_nothing, lambda w: _move(w.unit_c, w.dept)),
}


def _with_total(version, total):
    version.final_total = total
    return version


def _raw(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _move(org, parent):
    """Move *org* under *parent* as the org tools do: parent and path in one update."""
    Org.objects.filter(pk=org.pk).update(parent=parent, path=parent.path + org.path[-11:])


@pytest.mark.parametrize("kind", list(WRITES))
def test_cached_figures_follow_every_kind_of_write(world, kind):
    prepare, write = WRITES[kind]
    prepare(world)
    before = warm(world)
    write(world)
    assert round_figures.revision(world.round.pk) != before
    assert_fresh(world)


def _everything_now(world):
    round_ = Round.objects.get(pk=world.round.pk)
    return {
        who: (round_page_now(world.users[who], round_), dashboard_now(world.users[who], round_))
        for who in VIEWERS
    }


def test_the_writes_change_what_the_pages_show(world):
    """The writes above are not idle: each changes some viewer's figures (else the test above
    would pass with a cache that never invalidates)."""
    unchanged = []
    for kind, (prepare, write) in WRITES.items():
        savepoint = transaction.savepoint()
        prepare(world)
        before = _everything_now(world)
        write(world)
        if _everything_now(world) == before:
            unchanged.append(kind)
        transaction.savepoint_rollback(savepoint)
    assert unchanged == []


def test_demo_load_moves_its_rounds_revisions(world):
    loaded = load_scale(units=12, years=1, seed=5)
    assert loaded.submissions
    demo_round = Round.objects.exclude(pk=world.round.pk).get()
    assert round_figures.revision(demo_round.pk)[0] is not None
    assert_fresh(world, demo_round)
    # the loader's bulk update of current versions, once more after the figures were cached
    Submission.objects.filter(round=demo_round).update(current_version=None)
    assert_fresh(world, demo_round)


def test_a_deadline_passing_without_a_write_refreshes_the_completion(world, monkeypatch):
    """The dashboard counts drafts past their deadline: no write happens when one passes."""
    Round.objects.filter(pk=world.round.pk).update(deadline=timezone.now() + timedelta(hours=1))
    user = world.users["finance"]
    round_ = Round.objects.get(pk=world.round.pk)
    before = dashboard_cached(user, round_)["aggregates"]["completion"]["totals"]["overdue"]
    later = timezone.now() + timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    after = dashboard_cached(user, round_)["aggregates"]["completion"]["totals"]["overdue"]
    assert (before, after) == (0, 3)
    assert dashboard_cached(user, round_) == dashboard_now(user, round_)


def _tables_read(sql: str, names: set[str]) -> set[str]:
    return {t for t in re.findall(r'"(\w+)"', sql) if t in names} | {
        t for t in re.findall(r"\b(\w+)\b", sql) if t in names
    }


# read for the viewer's scope, which is part of the key and read live on every request
SCOPE_TABLES = {"orgs_membership", "auth_user"}


def test_every_table_the_cached_figures_read_carries_the_triggers(world):
    _submit_a(world)
    names = set(connection.introspection.table_names())
    read: set[str] = set()
    for who in VIEWERS:
        user = world.users[who]
        Permissions.of(user)
        # round_scope's own writes (stored figures, the analysis) run on every request, before
        # the revision is read: what is cached is what the computations read
        rows = oversight.round_scope(user=user, round_=world.round)
        with CaptureQueriesContext(connection) as queries:
            round_page_now(user, world.round)
            oversight.dashboard_figures_now(rows=rows, round_=world.round)
        for query in queries.captured_queries:
            read |= _tables_read(query["sql"], names)
    read -= SCOPE_TABLES | {"evaluations_roundrevision"}
    # and no more: a trigger on a table the figures do not read only adds lock waits
    assert read == set(revision_triggers.ROUND_OF)
    installed = revision_triggers.installed(connection)
    missing = sorted(
        (table, event)
        for table in read
        for event in revision_triggers.EVENTS
        if (table, event) not in installed
    )
    assert missing == []


def login(client, world, who):
    assert client.login(username=world.users[who].username, password=PASSWORD)


@pytest.mark.parametrize("page", ["round_detail", "oversight:round_dashboard"])
def test_a_warm_page_makes_fewer_queries_than_a_cold_one(client, world, page):
    _submit_a(world)
    login(client, world, "finance")
    url = reverse(page, args=[world.round.pk])
    client.get(url)  # sessions, analysis and figures stored
    caches[round_figures.CACHE_ALIAS].clear()
    with CaptureQueriesContext(connection) as cold:
        first = client.get(url)
    with CaptureQueriesContext(connection) as warm_:
        second = client.get(url)
    assert first.status_code == second.status_code == 200
    assert len(warm_) < len(cold)
    assert len(warm_) <= {"round_detail": 16, "oversight:round_dashboard": 16}[page], [
        q["sql"] for q in warm_.captured_queries
    ]


def test_two_scopes_never_share_figures(world):
    for key in "abc":
        fill(world, key, self_evaluation={"total": "80"})
        advance(world, key, "submit")
    round_ = world.round
    seen = {}
    for who in ("dept", "dept2", "finance", "dept", "dept2"):
        user = world.users[who]
        figures = (round_page_cached(user, round_), dashboard_cached(user, round_))
        assert figures == (round_page_now(user, round_), dashboard_now(user, round_)), who
        seen.setdefault(who, figures)
        assert seen[who] == figures
    progress = {who: seen[who][0]["progress"]["total"] for who in seen}
    assert progress == {"dept": 2, "dept2": 1, "finance": 3}
    keys = {
        round_figures.cache_key("x", round_.pk, Permissions.of(world.users[who]))
        for who in ("dept", "dept2", "finance")
    }
    assert len(keys) == 3


class _Editor:
    """Just enough of a schema editor for revision_triggers, inside the test's transaction."""

    connection = connection

    def execute(self, sql):
        _raw(sql, None)


def test_without_the_triggers_a_bulk_write_would_be_served_stale(world):
    """The tests above can fail: with the triggers dropped, a bulk update is not seen (the
    test's transaction is rolled back afterwards, triggers and all)."""
    _submit_a(world)
    warm(world)
    revision_triggers.remove(_Editor(), revision_triggers.EVALUATIONS_TABLES)
    try:
        DossierVersion.objects.filter(pk=world.sub("a").current_version_id).update(
            final_total=Decimal("12"), final_grade="差"
        )
        user = world.users["finance"]
        assert round_page_cached(user, world.round) != round_page_now(user, world.round)
    finally:
        revision_triggers.install(_Editor(), revision_triggers.EVALUATIONS_TABLES)
    assert revision_triggers.installed(connection) >= {
        (table, event)
        for table in revision_triggers.EVALUATIONS_TABLES
        for event in revision_triggers.EVENTS
    }


def test_a_deadline_moved_after_the_request_read_the_round_is_not_cached_as_current(world):
    """The round the view read before the revision may be older than the revision: the figures
    are computed from the round as of the revision, so the entry holds for its key."""
    user = world.users["finance"]
    as_read = Round.objects.get(pk=world.round.pk)  # the request reads the round …
    moved = timezone.now() - timedelta(days=1)
    Round.objects.filter(pk=world.round.pk).update(deadline=moved)  # … someone moves it …
    first = dashboard_cached(user, as_read)  # … then the revision is read and figures computed
    assert first["aggregates"]["completion"]["deadline"] == moved
    assert dashboard_cached(user, Round.objects.get(pk=world.round.pk)) == dashboard_now(
        user, Round.objects.get(pk=world.round.pk)
    )
