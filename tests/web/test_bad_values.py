"""Values no form should send, sent anyway (issue 13 #11): a re-score of NaN or infinity and an
extension date that is well formed but impossible are refused with a message naming the field,
never a server error, and nothing is written."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from django.urls import reverse

from jixiao.web.evaluations import engine, services
from jixiao.web.evaluations.models import AuditEntry, Rescore
from jixiao.web.orgs.models import ApiToken
from tests.web.factories import PASSWORD, advance, fill

NOT_NUMBERS = ["NaN", "nan", "-Infinity", "Infinity", "sNaN", "1e999999"]


def _reviewed(world):
    fill(world, "a")
    return advance(world, "a", "submit", "dept_approve")


def _first_item(submission) -> str:
    return engine.assess(submission.current_version.data).items[0].id


@pytest.mark.parametrize("points", NOT_NUMBERS)
def test_a_rescore_that_is_not_a_number_is_refused_on_the_page(client, world, points):
    submission = _reviewed(world)
    assert client.login(username=world.users["finance"].username, password=PASSWORD)
    audit = AuditEntry.objects.count()
    response = client.post(
        reverse("submission_rescore", args=[submission.pk]),
        {"item_id": _first_item(submission), "points": points, "comment": "核实"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 400, response.content
    assert response.json()["field"] == "points" and "复核得分" in response.json()["message"]
    assert not Rescore.objects.exists() and AuditEntry.objects.count() == audit


@pytest.mark.parametrize("points", ["NaN", "Infinity", "-Infinity"])
def test_a_rescore_that_is_not_a_number_is_refused_by_the_api(client, world, points):
    submission = _reviewed(world)
    _, raw = ApiToken.issue(world.users["finance"])
    response = client.post(
        f"/api/submissions/{submission.pk}/rescore",
        f'{{"item_id": "{_first_item(submission)}", "points": "{points}", "comment": "核实"}}',
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code in (400, 422), response.content
    assert not Rescore.objects.exists()


@pytest.mark.parametrize("until", ["2030-13-45T10:00", "2030-02-30 08:00", "明天", "9999999-01-01"])
def test_an_impossible_extension_date_is_refused_with_a_message(client, world, until):
    fill(world, "a")
    submission = world.sub("a")
    assert client.login(username=world.users["finance"].username, password=PASSWORD)
    response = client.post(
        reverse("submission_action", args=[submission.pk, "extend"]),
        {"until": until, "reason": "系统故障"},
        follow=True,
    )
    assert response.status_code == 200
    assert "延期截止时间" in response.text
    submission.refresh_from_db()
    assert submission.extended_until is None


def test_a_deadline_with_an_offset_postgresql_cannot_store_is_kept_as_its_instant(world):
    """Found by schemathesis on PostgreSQL: an ISO offset of -18:15 is valid, the database's
    timestamptz refuses it (a 500); the deadline is stored as the same instant in UTC."""
    far_west = timezone(-timedelta(hours=18, minutes=15))
    deadline = datetime(2030, 6, 30, 12, 0, tzinfo=far_west)
    round_ = services.round_open(
        actor=world.users["finance"],
        finance=world.finance,
        year=2030,
        notice="测财监〔2031〕2号",
        title="偏移测试",
        deadline=deadline,
        units=[world.unit_a],
    )
    assert round_.deadline == deadline and round_.deadline.utcoffset() == timedelta(0)
    round_.refresh_from_db()
    assert round_.deadline == deadline
    until = datetime(2031, 1, 1, tzinfo=far_west)
    submission = services.submission_extend(
        actor=world.users["finance"], submission=world.sub("a"), until=until, reason="系统故障"
    )
    assert submission.extended_until == until and until.utcoffset() != timedelta(0)
    assert submission.extended_until.utcoffset() == timedelta(0)
