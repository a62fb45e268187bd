"""The round page as a reviewer's overview: sorted, filtered and paged in the database, a gap
column, lateness per unit, statistics over submitted reports only, action chips as links, and a
query count that does not grow with the number of units."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from jixiao.web.evaluations import engine, services
from jixiao.web.evaluations.models import Submission
from jixiao.web.orgs.models import Org, OrgKind
from tests.web.factories import PASSWORD, advance, fill


def login(client, world, who):
    assert client.login(username=world.users[who].username, password=PASSWORD)


def unit_order(html: str) -> list[str]:
    body = html[html.index('<table class="list" id="submissions">') :]
    return re.findall(
        r'<tr data-pk="\d+"><td[^>]*><a href="[^"]+">(?:<span lang="zh">)?([^<]+)<', body
    )


def big_round(world, n: int, *, deadline=None):
    units = [
        Org.objects.create(
            name=f"扩展单位{i:03d}", code=f"E{n}-{i:03d}", kind=OrgKind.UNIT, parent=world.dept
        )
        for i in range(n)
    ]
    return services.round_open(
        actor=world.users["finance"],
        finance=world.finance,
        year=2023,
        notice=f"测财监〔2024〕{n}号",
        title="t",
        deadline=deadline or timezone.now() + timedelta(days=3),
        units=units,
    )


def self_scored(world):
    """Units a, b, c submitted with self-scores 70, 95, 80 (their final score: 证据不足)."""
    for key, total in (("a", "70"), ("b", "95"), ("c", "80")):
        fill(world, key, self_evaluation={"total": total})
        advance(world, key, "submit")


def test_clicking_a_header_sorts_and_again_reverses(client, world):
    self_scored(world)
    login(client, world, "finance")
    url = reverse("round_detail", args=[world.round.pk])
    names = {world.subs[k].org.name: k for k in "abc"}
    ascending = client.get(url, {"sort": "self"}).text
    assert [names[n] for n in unit_order(ascending)] == ["a", "c", "b"]
    assert 'aria-sort="ascending"' in ascending and "sort=-self" in ascending
    descending = client.get(url, {"sort": "-self"}).text
    assert [names[n] for n in unit_order(descending)] == ["b", "c", "a"]


def test_gap_is_self_minus_final_and_sorts_with_unscored_last(client, world):
    self_scored(world)
    # a's final score becomes computable through the bureau's re-score of every item
    advance(world, "a", "dept_approve")
    for item in engine.assess(world.sub("a").current_version.data).items:
        services.submission_rescore(
            actor=world.users["finance"],
            submission=world.sub("a"),
            item_id=item.id,
            points=Decimal(0) if item.points is None else item.points,
            comment="现场核实",
        )
    version = world.sub("a").current_version
    assert version.final_total is not None
    login(client, world, "finance")
    page = client.get(reverse("round_detail", args=[world.round.pk]), {"sort": "-gap"})
    rows = {r["s"].org.name: r for r in page.context["rows"]}
    row = rows[world.subs["a"].org.name]
    assert row["gap"] == version.self_total - version.final_total
    assert row["gap_large"] == (row["gap"] >= 10)
    assert unit_order(page.text)[0] == world.subs["a"].org.name  # the others have no gap


def test_filters_by_state_department_search_and_lateness(client, world):
    self_scored(world)
    login(client, world, "finance")
    url = reverse("round_detail", args=[world.round.pk])
    by_dept = client.get(url, {"dept": world.dept2.pk}).text
    assert unit_order(by_dept) == [world.subs["c"].org.name]
    assert unit_order(client.get(url, {"q": world.subs["b"].org.name}).text) == [
        world.subs["b"].org.name
    ]
    assert unit_order(client.get(url, {"state": "draft"}).text) == []
    assert unit_order(client.get(url, {"late": "1"}).text) == []
    Submission.objects.filter(pk=world.subs["b"].pk).update(is_late=True)
    assert unit_order(client.get(url, {"late": "1"}).text) == [world.subs["b"].org.name]


def test_pages_of_fifty_keep_filters_and_sort(client, world):
    extra = big_round(world, 60)
    login(client, world, "finance")
    url = reverse("round_detail", args=[extra.pk])
    first = client.get(url, {"sort": "-unit", "state": "draft"})
    assert len(first.context["rows"]) == 50
    assert unit_order(first.text)[0] == "扩展单位059"
    assert "state=draft&amp;sort=-unit&amp;page=2" in first.text
    second = client.get(url, {"sort": "-unit", "state": "draft", "page": 2})
    assert unit_order(second.text) == [f"扩展单位{i:03d}" for i in range(9, -1, -1)]


def test_statistics_count_only_submitted_reports_and_every_unit_in_the_tally(client, world):
    fill(world, "a")
    advance(world, "a", "submit", "dept_approve")
    fill(world, "b")  # a draft: not in the averages
    login(client, world, "finance")
    url = reverse("round_detail", args=[world.round.pk])
    stats = client.get(url).context["stats"]
    assert (stats["submitted"], stats["ungraded"], stats["unsubmitted"]) == (1, 1, 2)
    assert stats["average"] is None  # the one submitted report cannot be scored yet
    assert float(stats["self_average"]) == 92
    for item in engine.assess(world.sub("a").current_version.data).items:
        services.submission_rescore(
            actor=world.users["finance"],
            submission=world.sub("a"),
            item_id=item.id,
            points=item.weight,
            comment="现场核实",
        )
    final = world.sub("a").current_version
    page = client.get(url)
    stats = page.context["stats"]
    assert stats["average"] == stats["lowest"] == stats["highest"] == final.final_total
    assert dict(stats["grades"])[final.final_grade] == 1
    assert (stats["ungraded"], stats["unsubmitted"]) == (0, 2)
    assert "未评级（证据不足） 0" in page.text and "未提交 2" in page.text


def test_lateness_is_shown_per_unit_with_how_late(client, world):
    world.round.deadline = timezone.now() - timedelta(days=2, hours=3)
    world.round.save()
    services.submission_extend(
        actor=world.users["finance"],
        submission=world.sub("a"),
        until=timezone.now() + timedelta(days=1),
        reason="系统故障",
    )
    fill(world, "a")
    advance(world, "a", "submit")
    login(client, world, "finance")
    page = client.get(reverse("round_detail", args=[world.round.pk]))
    late = {r["s"].org.name: r["late"] for r in page.context["rows"]}
    assert late[world.subs["a"].org.name] == "逾期 2天3小时"
    assert late[world.subs["b"].org.name].startswith("逾期未提交 2天")


def test_action_chips_are_links_to_the_submission(client, world):
    fill(world, "a")
    advance(world, "a", "submit")
    login(client, world, "dept")
    html = client.get(reverse("round_detail", args=[world.round.pk])).text
    pk = world.subs["a"].pk
    assert re.search(rf'<a class="badge" href="/submissions/{pk}/#actions">[^<]+</a>', html)
    assert '<span class="badge">主管部门审核通过' not in html


@pytest.mark.parametrize("sort", ["", "-gap", "late", "dept"])
def test_query_count_is_the_same_for_3_and_30_units(client, world, sort):
    small, large = big_round(world, 3), big_round(world, 30)
    login(client, world, "finance")
    counts = []
    for round_ in (small, large):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("round_detail", args=[round_.pk]), {"sort": sort})
            assert response.status_code == 200
        counts.append(len(queries))
        blob = '"evaluations_dossierversion"."data"'  # no list loads the dossier JSON
        assert not any(blob in q["sql"] for q in queries.captured_queries)
    assert counts[0] == counts[1]
