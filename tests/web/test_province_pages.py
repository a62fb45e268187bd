"""Pages stay the same size at province scale: the long lists a county could afford are bounded.

A province has thousands of 主管部门 and tens of thousands of units. Beyond
``DEPARTMENTS_LISTED`` the 主管部门 filter of the round page and of the oversight dashboard is a
name search; the dashboard's per-department tables show their first rows, the scatter plots an
even sample and the ranking links a window of pages; the portal finds units by its search box.
The limits are lowered here so that a hand-made county crosses them; the clean cases (a county
under the limits) keep the lists.
"""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse

from jixiao.web.evaluations import selectors as evaluation_selectors
from jixiao.web.oversight import selectors as oversight_selectors
from jixiao.web.oversight import views as oversight_views
from tests.web.factories import PASSWORD, advance, fill
from tests.web.oversight_data import build_county

pytestmark = pytest.mark.django_db


def _client(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def _units_listed(html: str) -> list[str]:
    body = html[html.index('id="submissions"') :]
    return re.findall(r'<tr data-pk="\d+"><td[^>]*><a href="[^"]+">([^<]+)</a>', body)


# ── the round page ───────────────────────────────────────────────────────────────────────


def test_round_page_lists_few_departments_and_searches_many(world, monkeypatch):
    client = _client("fin_rev")
    url = reverse("round_detail", args=[world.round.pk])
    few = client.get(url).text
    assert '<select id="f-dept" name="dept">' in few and "测试县卫健委" in few
    monkeypatch.setattr(evaluation_selectors, "DEPARTMENTS_LISTED", 1)
    many = client.get(url).text
    assert 'name="dept_q"' in many and '<select id="f-dept"' not in many
    assert _units_listed(client.get(url, {"dept_q": "卫健"}).text) == ["测试县人民医院"]
    assert sorted(_units_listed(client.get(url, {"dept_q": "教育"}).text)) == [
        "测试县第一中学",
        "测试县第二中学",
    ]
    assert _units_listed(client.get(url, {"dept_q": "不存在的部门"}).text) == []
    sorted_link = client.get(url, {"dept_q": "卫健"}).text
    assert "dept_q=%E5%8D%AB%E5%81%A5" in sorted_link  # sort links keep the search


# ── the portal ───────────────────────────────────────────────────────────────────────────


def test_portal_searches_units_instead_of_listing_them(client, world):
    for key in ("a", "c"):
        fill(world, key)
        advance(world, key, "submit", "dept_approve", "finance_approve", "approve", "publish")
    index = client.get(reverse("portal:index")).text
    assert '<select id="org"' not in index and 'name="q"' in index
    assert "测试县第一中学" in index and "测试县人民医院" in index
    one = client.get(reverse("portal:index"), {"org": world.unit_c.pk}).text
    assert 'id="org-filter"' in one and "测试县第一中学" not in one
    assert f'name="org" value="{world.unit_c.pk}"' in one  # a new search keeps the unit
    searched = client.get(reverse("portal:index"), {"q": "一中"}).text
    assert "测试县第一中学" in searched and "测试县人民医院" not in searched
    assert 'id="org-filter"' not in searched


# ── the oversight dashboard ──────────────────────────────────────────────────────────────


@pytest.fixture
def county(fake_findings):
    return build_county()


def _charts(html: str) -> dict:
    start = html.index('id="oversight-charts" type="application/json">') + len(
        'id="oversight-charts" type="application/json">'
    )
    return json.loads(html[start : html.index("</script>", start)])


def test_dashboard_under_the_limits_lists_everything(county):
    html = _client("finance").get(reverse("oversight:round_dashboard", args=[county.round.pk]))
    page = html.content.decode()
    assert '<select id="f-dept" name="dept">' in page
    for marker in ("completion-more", "gaps-more", "scatter-sampled"):
        assert marker not in page
    assert len(_charts(page)["completion"]) == 2


def test_dashboard_bounds_departments_points_and_filter_beyond_the_limits(county, monkeypatch):
    monkeypatch.setattr(oversight_views, "DEPARTMENT_ROWS_SHOWN", 1)
    monkeypatch.setattr(oversight_views, "SCATTER_POINTS_PLOTTED", 2)
    monkeypatch.setattr(oversight_selectors, "DEPARTMENTS_LISTED", 1)
    client = _client("finance")
    url = reverse("oversight:round_dashboard", args=[county.round.pk])
    page = client.get(url).content.decode()
    charts = _charts(page)
    assert [d["name"] for d in charts["completion"]] == ["测试县教育局"]  # first by path
    assert len(charts["gaps"]) == 1 and len(charts["scatter"]) == 2
    assert 'id="completion-more"' in page and 'id="gaps-more"' in page
    assert 'id="scatter-sampled"' in page
    completion = page[page.index('id="table-completion"') :]
    completion = completion[: completion.index("</table>")]
    assert "测试县教育局" in completion and "测试县卫生健康委员会" not in completion
    assert 'class="total"' in completion  # the total row still counts every department
    assert 'name="dept_q"' in page and '<select id="f-dept"' not in page
    searched = client.get(url, {"dept_q": "卫生"}).content.decode()
    ranking = searched[searched.index('id="table-ranking"') :]
    ranking = ranking[: ranking.index("</table>")]
    assert "测试县人民医院" in ranking and "测试县第一中学" not in ranking


def test_spread_keeps_all_that_fit_and_spaces_the_rest_evenly():
    assert oversight_views._spread([1, 2, 3], 5) == [1, 2, 3]
    assert oversight_views._spread(list(range(10)), 5) == [0, 2, 4, 6, 8]
    assert oversight_views._spread(list(range(7)), 3) == [0, 2, 4]


@pytest.mark.parametrize(
    ("pages", "current", "links"),
    [
        (3, 2, [1, 2, 3]),
        (100, 1, [1, 2, 3, 4, 5, 6, None, 100]),
        (100, 50, [1, None, *range(45, 56), None, 100]),
        (100, 97, [1, None, *range(92, 101)]),
        (13, 7, list(range(1, 14))),  # no gap to leave out
    ],
)
def test_page_links_are_the_ends_and_a_window(pages, current, links):
    page = SimpleNamespace(number=current, paginator=SimpleNamespace(num_pages=pages))
    assert oversight_views._page_links(page) == links
