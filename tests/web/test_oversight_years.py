"""A unit's year-over-year view: figures per year, and the paragraph comparison of its narrative
(same as last year / changed / new / removed) on hand-made texts; who may see it."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from jixiao.web.evaluations import services
from jixiao.web.evaluations.models import Submission
from jixiao.web.oversight import years
from tests.web.factories import PASSWORD
from tests.web.oversight_data import unit_data

pytestmark = pytest.mark.django_db

NARRATIVE_2022 = {
    "performance_management": ["建立了预算绩效管理机制，按要求开展绩效自评。"],
    "achievements": ["全年完成培训200人次。"],
    "problems": ["一是绩效指标不够细化。", "二是项目支出执行进度前慢后快。"],
}
NARRATIVE_2023 = {
    "performance_management": ["建立了预算绩效管理机制，按要求开展绩效自评。"],  # carried over
    "achievements": ["全年完成培训350人次。"],  # edited
    "problems": ["一是绩效指标不够细化。"],  # kept; the second one dropped
    "improvements": ["加强预算执行进度管理，按月通报。"],  # new
}


@pytest.fixture
def history(world, fake_findings):
    """Unit A with a 2022 report (budget 100, executed 80) and the 2023 one (executed 95)."""
    finance = world.users["finance"]
    old_round = services.round_open(
        actor=finance,
        finance=world.finance,
        year=2022,
        notice="测财监〔2023〕1号",
        title="2022年度绩效自评",
        deadline=timezone.now() + timedelta(days=30),
        units=[world.unit_a],
    )
    saves = ((old_round, 2022, "80", NARRATIVE_2022), (world.round, 2023, "95", NARRATIVE_2023))
    for round_, year, executed, narratives in saves:
        data = unit_data(world.unit_a.name, executed=executed, unit_type="事业单位", year=year)
        data["narratives"] = narratives
        services.submission_save_dossier(
            actor=world.users["filler_a"],
            submission=Submission.objects.get(round=round_, org=world.unit_a),
            data=data,
        )
    return world


def client_for(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def test_paragraphs_marked_same_changed_new_removed() -> None:
    sections = {
        s.key: s
        for s in years.narrative_diff(
            {"narratives": NARRATIVE_2022}, {"narratives": NARRATIVE_2023}
        )
    }
    marks = {key: [(p.status, p.text) for p in s.paragraphs] for key, s in sections.items()}
    assert marks["performance_management"] == [
        ("same", NARRATIVE_2023["performance_management"][0])
    ]
    assert marks["achievements"] == [("changed", "全年完成培训350人次。")]
    assert marks["problems"] == [
        ("same", "一是绩效指标不够细化。"),
        ("removed", "二是项目支出执行进度前慢后快。"),
    ]
    assert marks["improvements"] == [("new", "加强预算执行进度管理，按月通报。")]
    edited = sections["achievements"].paragraphs[0].segments
    assert [(s.op, s.text) for s in edited if s.op != "equal"] == [
        ("delete", "20"),
        ("insert", "35"),
    ]


def test_a_paragraph_moved_to_another_section_is_still_the_same() -> None:
    before = {"narratives": {"problems": ["执行进度前慢后快。"]}}
    after = {"narratives": {"effects": ["执行进度前慢后快。"]}}
    sections = {s.key: s for s in years.narrative_diff(before, after)}
    assert [p.status for p in sections["effects"].paragraphs] == ["same"]


def test_a_rewritten_paragraph_is_new_not_changed() -> None:
    paragraphs = years.section_diff(
        ["全年完成培训200人次。"], ["新建村级服务站12个，覆盖全县。"], set()
    )
    assert [p.status for p in paragraphs] == ["new", "removed"]


def test_figures_per_year_and_the_page(history) -> None:
    data = years.year_over_year(user=history.users["finance"], org_id=history.unit_a.pk)
    assert [(r["year"], r["execution"]) for r in data["rows"]] == [
        (2022, Decimal(80)),
        (2023, Decimal(95)),
    ]
    assert data["changes"][0]["same"] == 2 and data["changes"][0]["total"] == 4
    html = client_for("fin_rev").get(reverse("oversight:org_years", args=[history.unit_a.pk]))
    text = html.content.decode()
    assert html.status_code == 200
    assert text.count('<div class="para para-same">') == 2 and "与上年相同" in text
    assert "<ins>35</ins>" in text and "<del>20</del>" in text
    assert 'id="oversight-trend" type="application/json"' in text and "style=" not in text


def test_same_permissions_as_the_submission(history) -> None:
    url = reverse("oversight:org_years", args=[history.unit_a.pk])
    for username in ("filler_a", "head_a", "dept_rev", "fin_rev"):
        assert client_for(username).get(url).status_code == 200, username
    for username in ("filler_b", "filler_c", "dept2_rev"):
        assert client_for(username).get(url).status_code == 404, username
    assert Client().get(url).status_code == 302  # to the login page


def test_page_queries_do_not_grow_with_years(history, django_assert_max_num_queries) -> None:
    client = client_for("fin_rev")
    url = reverse("oversight:org_years", args=[history.unit_a.pk])
    client.get(url)
    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == 200
    for year in (2019, 2020, 2021):
        services.round_open(
            actor=history.users["finance"],
            finance=history.finance,
            year=year,
            notice=f"测财监〔{year + 1}〕1号",
            title=f"{year}年度",
            deadline=timezone.now() + timedelta(days=30),
            units=[history.unit_a],
        )
    with django_assert_max_num_queries(10):
        response = client.get(url)
    assert response.content.decode().count("<tr>") >= 6  # header + five years


def test_findings_per_year_recurring_first(history) -> None:
    from tests.web.oversight_data import finding, store_scores

    subs = list(Submission.objects.filter(org=history.unit_a).order_by("round__year"))
    store_scores(subs[0], "90", "80", "良", [finding("budget.W005"), finding("goals.W002")])
    store_scores(subs[1], "90", "80", "良", [finding("budget.W005"), finding("budget.W005")])
    data = years.year_over_year(user=history.users["finance"], org_id=history.unit_a.pk)
    assert data["findings"]["years"] == [2022, 2023]
    assert [(r["id"], r["counts"]) for r in data["findings"]["rows"]] == [
        ("budget.W005", [1, 2]),
        ("goals.W002", [1, 0]),
    ]
    assert data["findings"]["rows"][0]["title"]
