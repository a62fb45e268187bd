"""Fuzzing the REST API with schemathesis: every operation of /api/openapi.json, in-process.

The schema is loaded from the Django WSGI application itself (no server, no network), each
operation gets a bounded number of generated requests (``fuzzing.examples``), authenticated
as a 财政局 reviewer who sees every submission of a world with a filled dossier. The property:
no 5xx, and every response conforms to the schema. The database refuses NUL characters in text
here as PostgreSQL does (SQLite would store them), so a request that would fail only in
production fails here too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import DataError, close_old_connections, connection
from fuzzing import examples
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from jixiao.web.evaluations.permissions import ACTIONS
from jixiao.web.orgs.models import ApiToken
from tests.web.factories import dossier_data, fill

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]


def _refuse_nul(
    execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
) -> Any:
    """PostgreSQL's refusal of NUL in text, on SQLite: the same 500 in tests as in production."""
    rows = params if many else [params]
    for row in rows or []:
        values = row.values() if isinstance(row, dict) else row or []
        if any(isinstance(value, str) and "\x00" in value for value in values):
            raise DataError("PostgreSQL text fields cannot contain NUL (0x00) bytes")
    return execute(sql, params, many, context)


def _schema() -> Any:
    """The API's own schema (as /api/openapi.json serves it), calling the WSGI app in-process."""
    from jixiao.web.api.api import api
    from jixiao.web.wsgi import application

    loaded = schemathesis.openapi.from_dict(api.get_openapi_schema())
    loaded.app = application
    return loaded


@pytest.fixture(params=["finance", "filler_a"])
def caller(request: pytest.FixtureRequest, world: Any) -> Iterator[tuple[dict[str, str], Any]]:
    """A 财政局 reviewer (sees everything) or a unit's clerk (may edit and submit its own)."""
    fill(world, "a")
    _, raw = ApiToken.issue(world.users[request.param])
    with connection.execute_wrapper(_refuse_nul), _connection_kept_across_requests():
        yield {"Authorization": f"Bearer {raw}"}, world


@contextmanager
def _connection_kept_across_requests() -> Iterator[None]:
    """Calling the WSGI app directly (not through Django's test client) sends request_started and
    request_finished, whose close_old_connections closes a connection inside the test's
    transaction; on PostgreSQL every later query then fails. Django's test client disconnects
    the same handler while it runs a request; this does it for the whole test."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _aim(case: Any, world: Any) -> None:
    """Point three in four generated ids, formats and actions at real ones (deterministically,
    from the generated value), so that requests get past the 404 into the code behind it."""
    submissions = [s.pk for s in world.subs.values()]
    parameters = case.path_parameters or {}
    pk = parameters.get("pk")
    if isinstance(pk, int) and pk % 4:
        parameters["pk"] = submissions[pk % len(submissions)]
    fmt, action = parameters.get("fmt"), parameters.get("action")
    if isinstance(fmt, str) and len(fmt) % 4:
        parameters["fmt"] = ("md", "html")[len(fmt) % 2]
    if isinstance(action, str) and len(action) % 4:
        parameters["action"] = sorted(ACTIONS)[len(action) % len(ACTIONS)]
    body = case.body
    if (
        isinstance(body, dict)
        and isinstance(body.get("finance_id"), int)
        and body["finance_id"] % 4
    ):
        body["finance_id"] = world.finance.pk
        body["unit_ids"] = [world.unit_a.pk, world.unit_b.pk][: 1 + body["finance_id"] % 2]


schema = _schema()


def _renderer_missing(case: Any, response: Any) -> bool:
    """The documented 503 of a report whose renderer (or its fonts) is not installed here."""
    return (
        case.path.endswith("/report.{fmt}")
        and response.status_code == 503
        and "报告暂不可用" in response.text  # the report_unavailable page, with the reason
    )


@schema.parametrize()
@settings(max_examples=examples(20), suppress_health_check=list(HealthCheck))
def test_no_server_error_and_responses_match_the_schema(case: Any, caller: Any) -> None:
    headers, world = caller
    _aim(case, world)
    response = case.call(headers=headers)
    checks = [response_schema_conformance]
    if not _renderer_missing(case, response):
        checks.append(not_a_server_error)
    case.validate_response(response, checks=checks, headers=headers)


def test_nul_in_a_search_is_not_a_server_error(client: Any, world: Any) -> None:
    """PostgreSQL refuses NUL in a query parameter (DataError, a 500): refused as 400 first."""
    _, raw = ApiToken.issue(world.users["finance"])
    with connection.execute_wrapper(_refuse_nul):
        response = client.get(
            "/api/submissions", {"q": "中\x00学"}, HTTP_AUTHORIZATION=f"Bearer {raw}"
        )
    assert response.status_code == 400 and "NUL" in response.json()["detail"]


def test_nul_in_a_dossier_is_refused_before_the_database(client: Any, world: Any) -> None:
    _, raw = ApiToken.issue(world.users["filler_a"])
    data = dossier_data("测试县第一中学", goals=[{"id": "G1", "text": "完成\x00任务"}])
    with connection.execute_wrapper(_refuse_nul):
        response = client.put(
            f"/api/submissions/{world.subs['a'].pk}/dossier",
            data=data,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {raw}",
        )
    assert response.status_code == 400


def test_an_offset_beyond_the_database_integer_is_a_400(client: Any, world: Any) -> None:
    """Found by schemathesis: offset=21960689822445055508480 overflowed SQL's OFFSET (a 500)."""
    _, raw = ApiToken.issue(world.users["finance"])
    response = client.get(
        "/api/submissions",
        {"offset": "21960689822445055508480"},
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == 400 and "offset" in response.json()["detail"]


def test_a_round_outside_the_columns_bounds_is_a_422(client: Any, world: Any) -> None:
    """Found by schemathesis: year -220705 failed the database's CHECK (a 500); a notice longer
    than its column would fail on PostgreSQL the same way."""
    _, raw = ApiToken.issue(world.users["finance"])
    good = {
        "finance_id": world.finance.pk,
        "year": 2024,
        "notice": "测财监〔2025〕1号",
        "title": "通知",
        "deadline": "2030-01-01T00:00:00+08:00",
        "unit_ids": [world.unit_a.pk],
    }
    for bad in ({"year": -220705}, {"notice": "号" * 101}, {"title": ""}):
        response = client.post(
            "/api/rounds",
            {**good, **bad},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {raw}",
        )
        assert response.status_code == 422, bad


def test_a_round_id_beyond_the_database_integer_finds_nothing(client: Any, world: Any) -> None:
    """Found by schemathesis (deep profile): round_id=-223197095731316043808768 was a 500."""
    _, raw = ApiToken.issue(world.users["finance"])
    for round_id in ("-223197095731316043808768", str(2**63)):
        response = client.get(
            "/api/submissions", {"round_id": round_id}, HTTP_AUTHORIZATION=f"Bearer {raw}"
        )
        assert response.status_code == 200 and response.json()["items"] == [], round_id
