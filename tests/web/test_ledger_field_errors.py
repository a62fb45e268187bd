"""A ledger record's bad number names its field in the page's language and saves nothing (found
walking the clerk's ledgers in Chromium): a negative 里程 said only 数值过小，应不小于 0 (and in
Chinese on English pages), 7 decimals were stored, and letters in a count got Django's bare
请输入整数。 without the field."""

from __future__ import annotations

import pytest

from jixiao.web.ledgers.models import LedgerRecord
from tests.web import factories
from tests.web.test_ledgers import client_for

pytestmark = pytest.mark.django_db

TRIP = {"trip_date": "2023-03-05", "plate": "赣C12345", "purpose": "下乡督查"}
MEETING = {"event_date": "2023-04-05", "name": "全县教育工作会", "kind": "会议", "errors": "0"}


@pytest.mark.parametrize(
    ("ledger", "data", "expected"),
    [
        ("vehicle_trips", {**TRIP, "distance_km": "-5"}, "里程（公里）：数值过小，应不小于 0"),
        ("vehicle_trips", {**TRIP, "distance_km": "1.1234567"}, "里程（公里）：最多 6 位小数"),
        ("meetings", {**MEETING, "attendees": "abc"}, "人数：“abc”不是数字"),
        ("meetings", {**MEETING, "attendees": "2.5"}, "人数：请输入整数"),
    ],
)
def test_a_bad_number_names_its_field(world: factories.World, ledger, data, expected) -> None:
    client = client_for(world.users["filler_a"])
    response = client.post(f"/ledgers/{world.unit_a.pk}/{ledger}/new/", data)
    assert response.status_code == 200
    assert expected in response.content.decode()
    assert not LedgerRecord.objects.exists()


def test_on_english_pages_the_error_is_english(world: factories.World) -> None:
    client = client_for(world.users["filler_a"])
    client.cookies["django_language"] = "en"
    response = client.post(
        f"/ledgers/{world.unit_a.pk}/vehicle_trips/new/", {**TRIP, "distance_km": "-5"}
    )
    page = response.content.decode()
    assert "Distance (km): too small, expected &gt;= 0" in page
    assert "数值过小" not in page
    assert not LedgerRecord.objects.exists()


def test_an_empty_or_impossible_date_names_its_field(world: factories.World) -> None:
    client = client_for(world.users["filler_a"])
    url = f"/ledgers/{world.unit_a.pk}/vehicle_trips/new/"
    empty = client.post(url, {**TRIP, "trip_date": ""}).content.decode()
    assert "出车日期：请填写" in empty and "这个字段是必填项" not in empty
    impossible = client.post(url, {**TRIP, "trip_date": "2023-02-30"}).content.decode()
    assert "出车日期：应为日期，如 2023-08-23" in impossible
    assert not LedgerRecord.objects.exists()


def test_the_anonymous_questionnaire_names_the_missing_answer(world: factories.World) -> None:
    from django.test import Client

    from jixiao.web.ledgers import services

    survey = services.survey_open(
        actor=world.users["filler_a"], org=world.unit_a, year=2023, title="问卷"
    )
    page = Client().post(f"/ledgers/survey/{survey.token}/", {"respondent": "办事群众"})
    html = page.content.decode()
    assert "您对本单位服务的总体评价：请选择" in html and "这个字段是必填项" not in html
    assert not LedgerRecord.objects.exists()
