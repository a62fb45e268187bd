"""The dashboard and a unit's years through the API: the same answers as the pages on the
hand-made county (tests/web/oversight_data.py), the same permissions, bounded queries."""

from __future__ import annotations

import pytest
from django.test import Client

from jixiao.web.orgs.models import ApiToken
from tests.web.oversight_data import add_submitted_units, build_county

pytestmark = pytest.mark.django_db


@pytest.fixture
def county(fake_findings):
    return build_county()


def api(county, who: str) -> Client:
    _, raw = ApiToken.issue(county.users[who])
    return Client(HTTP_AUTHORIZATION=f"Bearer {raw}")


def test_dashboard_aggregates(county) -> None:
    body = api(county, "finance").get(f"/api/rounds/{county.round.pk}/dashboard").json()
    departments = {d["dept_name"]: d for d in body["completion"]["departments"]}
    assert departments["测试县教育局"]["late"] == 1 and departments["测试县教育局"]["overdue"] == 1
    assert [b["count"] for b in body["distribution"]["bins"]] == [0, 1, 0, 2, 0]
    assert [(g["dept_name"], g["gap_avg"]) for g in body["gaps"]] == [
        ("测试县卫生健康委员会", "25.00"),
        ("测试县教育局", "8.50"),
    ]
    assert [(f["id"], f["reports"]) for f in body["findings"]] == [
        ("budget.W001", 3),
        ("staffing.E001", 1),
    ]
    assert len(body["scatter"]) == 3


def test_ranking_filters_sort_and_pages(county) -> None:
    client = api(county, "finance")
    url = f"/api/rounds/{county.round.pk}/ranking"
    body = client.get(url, {"sort": "-gap", "page_size": 2}).json()
    assert body["count"] == 3 and body["pages"] == 2
    assert [r["unit"] for r in body["rows"]] == ["测试县人民医院", "测试县第一中学"]
    assert body["rows"][0]["gap"] == "25.00" and body["rows"][0]["execution"] == "70.00"
    assert "code" in {c["key"] for c in body["columns"]}
    second = client.get(url, {"sort": "-gap", "page_size": 2, "page": 2}).json()
    assert [r["unit"] for r in second["rows"]] == ["测试县第二中学"]
    edu = client.get(url, {"dept": county.edu.pk}).json()
    assert [r["unit"] for r in edu["rows"]] == ["测试县第二中学", "测试县第一中学"]


def test_permissions_match_the_page(county) -> None:
    url = f"/api/rounds/{county.round.pk}/dashboard"
    assert api(county, "filler_yi").get(url).status_code == 403
    assert Client().get(url).status_code == 401
    edu = api(county, "edu").get(url).json()
    assert [d["dept_name"] for d in edu["completion"]["departments"]] == ["测试县教育局"]
    other = build_county(prefix="o")
    assert api(other, "finance").get(url).status_code == 404


def test_years(county) -> None:
    url = f"/api/orgs/{county.units['yi'].pk}/years"
    body = api(county, "edu").get(url).json()
    assert body["org"] == "测试县第一中学"
    assert [(y["year"], y["execution"], y["final_total"]) for y in body["years"]] == [
        (2023, "90.00", "80.00")
    ]
    assert [r["id"] for r in body["findings"]["rows"]] == ["budget.W001", "staffing.E001"]
    assert body["findings"]["years"] == [2023]
    assert api(county, "health").get(url).status_code == 404
    assert api(county, "filler_er").get(url).status_code == 404


def test_api_queries_do_not_grow(county, django_assert_max_num_queries) -> None:
    client = api(county, "finance")
    url = f"/api/rounds/{county.round.pk}/dashboard"
    client.get(url)  # the round's analysis (reuse, targets) computed once
    with django_assert_max_num_queries(20):
        client.get(url)
    add_submitted_units(county, 30)
    client.get(url)  # computed again once: the set changed
    with django_assert_max_num_queries(20):
        assert len(client.get(url).json()["scatter"]) == 33
