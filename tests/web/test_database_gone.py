"""A database that fails in the middle of a save or a transition: a clean 503, nothing half-written.

The failure is injected on the audit row's INSERT, after the change itself was written in the
same transaction, so a missing rollback would show as a changed version or state.
"""

from __future__ import annotations

import pytest
from django.db import OperationalError, connection
from django.urls import reverse

from jixiao.web.evaluations.models import AuditEntry, DossierVersion, State
from tests.web.factories import PASSWORD, advance, fill


def _fail_on_audit_insert(execute, sql, params, many, context):
    if sql.lstrip().upper().startswith("INSERT") and "evaluations_auditentry" in sql:
        raise OperationalError("server closed the connection unexpectedly")
    return execute(sql, params, many, context)


def _login(client, world, who):
    assert client.login(username=world.users[who].username, password=PASSWORD)


def _assert_clean_503(response):
    page = response.content.decode()
    assert response.status_code == 503 and response["Retry-After"]
    assert "数据库暂时不可用" in page and "没有保存" in page
    for leak in ("Traceback", "OperationalError", "server closed", "site-packages", ".py"):
        assert leak not in page


def _snapshot(submission_pk):
    versions = DossierVersion.objects.filter(submission_id=submission_pk)
    return (
        list(versions.values_list("pk", "data", "score_total")),
        AuditEntry.objects.filter(submission_id=submission_pk).count(),
    )


def test_a_section_save_that_loses_the_database_answers_503_and_writes_nothing(client, world):
    pk = world.subs["a"].pk
    _login(client, world, "filler_a")
    before = _snapshot(pk)
    with connection.execute_wrapper(_fail_on_audit_insert):
        response = client.post(
            reverse("submission_section", args=[pk, "staffing"]),
            {"head-authorized_s0": "12", "head-in_service_s0": "11", "head-retired": "4"},
        )
    _assert_clean_503(response)
    assert _snapshot(pk) == before


@pytest.mark.parametrize("action", ["approve", "return"])
def test_a_transition_that_loses_the_database_answers_503_and_changes_nothing(
    client, world, action
):
    fill(world, "a")
    submission = advance(world, "a", "submit", "dept_approve", "finance_approve")
    before = _snapshot(submission.pk)
    _login(client, world, "finance")
    with connection.execute_wrapper(_fail_on_audit_insert):
        response = client.post(
            reverse("submission_action", args=[submission.pk, action]), {"reason": "数据有误"}
        )
    _assert_clean_503(response)
    after = world.sub("a")
    assert after.state == State.FINANCE_REVIEWED and not after.current_version.locked
    assert after.current_version.content_hash == ""
    assert _snapshot(submission.pk) == before


def test_the_api_answers_503_in_json_and_changes_nothing(client, world):
    from jixiao.web.orgs.models import ApiToken

    fill(world, "a")
    submission = advance(world, "a", "submit", "dept_approve", "finance_approve")
    _, raw = ApiToken.issue(world.users["finance"])
    with connection.execute_wrapper(_fail_on_audit_insert):
        response = client.post(
            f"/api/submissions/{submission.pk}/transitions/approve",
            data={},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {raw}",
        )
    assert response.status_code == 503 and "数据库暂时不可用" in response.json()["detail"]
    assert world.sub("a").state == State.FINANCE_REVIEWED
