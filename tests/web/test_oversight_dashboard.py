"""The round dashboard on a hand-made county (tests/web/oversight_data.py) with known answers:
completion and lateness per 主管部门, score bins and grades, ranking order with filters and sort,
the self − final gap per department, findings by id; who may see it; query counts that do not
grow with the number of submissions; the Excel exports."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from jixiao.web.evaluations.models import DossierVersion, Submission
from jixiao.web.oversight import figures, selectors
from jixiao.web.oversight.models import VersionFigures
from jixiao.web.oversight.selectors import RankingFilters
from tests.web.factories import PASSWORD
from tests.web.oversight_data import add_submitted_units, build_county

pytestmark = pytest.mark.django_db


@pytest.fixture
def county(fake_findings):
    return build_county()


def client_for(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def scope(county, who: str = "finance"):
    return selectors.round_scope(user=county.users[who], round_=county.round)


# ── the figures ──────────────────────────────────────────────────────────────────────────


def test_completion_and_lateness_per_department(county) -> None:
    data = selectors.completion(rows=scope(county), round_=county.round)
    by_name = {d["dept_name"]: d for d in data["departments"]}
    edu, health = by_name["测试县教育局"], by_name["测试县卫生健康委员会"]
    assert (edu["total"], edu["submitted"], edu["on_time"], edu["late"]) == (3, 2, 1, 1)
    assert (edu["returned"], edu["drafts"], edu["overdue"]) == (0, 1, 1)
    assert (health["total"], health["submitted"], health["on_time"], health["late"]) == (2, 1, 1, 0)
    assert (health["returned"], health["drafts"], health["overdue"]) == (1, 0, 0)
    assert data["totals"]["total"] == 5 and data["totals"]["late"] == 1
    for row in [*data["departments"], data["totals"]]:  # the chart's stacks add up to the units due
        assert row["on_time"] + row["late"] + row["returned"] + row["drafts"] == row["total"]
    assert data["totals"]["rate"] == Decimal("60.0")


def test_score_bins_and_grades_count_handed_in_reports_only(county) -> None:
    data = selectors.distribution(rows=scope(county))
    assert [b["count"] for b in data["bins"]] == [0, 1, 0, 2, 0]  # 60 | 80, 88 (疾控's 50 returned)
    grades = {g["grade"]: g["count"] for g in data["grades"]}
    assert grades["良"] == 2 and grades["中"] == 1 and grades["差"] == 0
    assert data["average"] == Decimal("76.00") and data["scored"] == 3
    assert data["inflated"] == 2  # 医院 25, 一中 15 (二中 2; 疾控's 49 is returned)


def test_ranking_by_final_score_then_filters_and_sorts(county) -> None:
    rows = scope(county)
    ranked = list(selectors.ranking(rows=rows, filters=RankingFilters()))
    assert [r["col_unit"] for r in ranked] == ["测试县第二中学", "测试县第一中学", "测试县人民医院"]
    assert [r["col_execution"] for r in ranked] == [Decimal(99), Decimal(90), Decimal(70)]
    by_gap = selectors.ranking(rows=rows, filters=RankingFilters(sort="-gap"))
    assert [r["col_unit"] for r in by_gap] == ["测试县人民医院", "测试县第一中学", "测试县第二中学"]
    edu_only = selectors.ranking(rows=rows, filters=RankingFilters(dept_id=county.edu.pk))
    assert [r["col_unit"] for r in edu_only] == ["测试县第二中学", "测试县第一中学"]
    health_area = selectors.ranking(rows=rows, filters=RankingFilters(area="卫生健康"))
    assert [r["col_unit"] for r in health_area] == ["测试县人民医院"]
    admin_units = selectors.ranking(rows=rows, filters=RankingFilters(unit_type="行政单位"))
    assert list(admin_units) == []  # 疾控 is 行政单位 but was returned: not ranked


def test_unknown_sort_falls_back_to_the_final_score() -> None:
    assert RankingFilters.from_query({"sort": "-password"}).sort == "-final"
    assert RankingFilters.from_query({"sort": "code"}).sort == "-final"  # not sortable
    assert RankingFilters.from_query({"sort": "gap", "dept": "x"}) == RankingFilters(sort="gap")


def test_gap_per_department_largest_first(county) -> None:
    gaps = selectors.gaps(rows=scope(county))
    assert [(g["dept_name"], g["n"], g["gap_avg"], g["gap_max"]) for g in gaps] == [
        ("测试县卫生健康委员会", 1, Decimal("25.00"), Decimal("25.00")),
        ("测试县教育局", 2, Decimal("8.50"), Decimal("15.00")),
    ]


def test_findings_by_id_with_catalogue_text(county) -> None:
    found = selectors.finding_counts(rows=scope(county))
    assert [(f["id"], f["reports"], f["occurrences"], f["waived"]) for f in found] == [
        ("budget.W001", 3, 3, 1),
        ("staffing.E001", 1, 1, 0),  # 疾控's two are in a returned report: not counted
    ]
    assert found[0]["level"] == "warning" and found[0]["title"]  # the catalogue's description


def test_scatter_has_every_scored_report_with_its_execution_rate(county) -> None:
    points = selectors.scatter(rows=scope(county))
    assert sorted((p["unit"], p["execution"], p["final"]) for p in points) == [
        ("测试县人民医院", Decimal(70), Decimal(60)),
        ("测试县第一中学", Decimal(90), Decimal(80)),
        ("测试县第二中学", Decimal(99), Decimal(88)),
    ]


def test_figures_follow_every_data_write_and_fill_in_for_old_versions(county) -> None:
    submission = county.subs["san"]
    version = DossierVersion.objects.get(pk=submission.current_version_id)
    assert VersionFigures.objects.get(version=version).execution_rate == Decimal(95)
    version.data["money"]["lines"][1]["amount"] = "45.5"
    version.save(update_fields=["data"])
    assert VersionFigures.objects.get(version=version).execution_rate == Decimal("45.50")
    VersionFigures.objects.all().delete()  # as if saved before the app existed
    in_round = Submission.objects.filter(round=county.round)
    assert figures.fill_missing(in_round) == 5
    assert figures.fill_missing(in_round) == 0
    assert VersionFigures.objects.get(version=version).functional_area == "教育"


def test_functional_area_from_names() -> None:
    assert figures.functional_area(["演示县第一中学", "演示县教育体育局"]) == "教育"
    assert figures.functional_area(["演示县殡葬服务所", "演示县民政局"]) == "社会保障和就业"
    assert figures.functional_area(["某某中心", "演示县文化广电旅游局"]) == "文化旅游体育与传媒"
    assert figures.functional_area(["某某中心"]) == "其他"


def test_invalid_data_stores_blanks_not_an_error() -> None:
    row = figures.figures_of({"year": "x"}, ["测试县人民医院"])
    assert row["execution_rate"] is None and row["functional_area"] == "卫生健康"


# ── who sees what ────────────────────────────────────────────────────────────────────────


def test_department_reviewer_sees_only_its_own_units(county) -> None:
    data = selectors.completion(rows=scope(county, "edu"), round_=county.round)
    assert [d["dept_name"] for d in data["departments"]] == ["测试县教育局"]
    page = client_for("edu").get(reverse("oversight:round_dashboard", args=[county.round.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "测试县第二中学" in html and "测试县人民医院" not in html


def test_unit_users_get_no_dashboard(county) -> None:
    url = reverse("oversight:round_dashboard", args=[county.round.pk])
    assert client_for("filler_yi").get(url).status_code == 403
    assert client_for("head_yy").get(url + "export/ranking.xlsx").status_code in (403, 404)
    export = reverse("oversight:round_dashboard_export", args=[county.round.pk, "ranking"])
    assert client_for("filler_yi").get(export).status_code == 403


def test_another_county_cannot_see_the_round(county) -> None:
    other = build_county(prefix="o")
    url = reverse("oversight:round_dashboard", args=[county.round.pk])
    assert client_for("ofinance").get(url).status_code == 404
    assert client_for("oedu").get(url).status_code == 404
    assert client_for("finance").get(url).status_code == 200
    assert other.round.pk != county.round.pk


# ── the page ─────────────────────────────────────────────────────────────────────────────


def test_page_shows_charts_tables_and_sortable_ranking(county) -> None:
    client = client_for("finance")
    url = reverse("oversight:round_dashboard", args=[county.round.pk])
    html = client.get(url).content.decode()
    for chart in ("completion", "bins", "grades", "scatter", "gaps", "findings"):
        assert f'data-chart="{chart}"' in html
        assert f'id="table-{chart}"' in html
    assert 'id="oversight-charts" type="application/json"' in html
    assert "<script>" not in html and "style=" not in html
    ranked = client.get(url, {"sort": "gap"}).content.decode()
    table = ranked.index('id="table-ranking"')  # the distrust table above names units too
    order = [
        ranked.index(name, table) for name in ("测试县第二中学", "测试县第一中学", "测试县人民医院")
    ]
    assert all(position > table for position in order) and order == sorted(order)
    filtered = client.get(url, {"area": "卫生健康"}).content.decode()
    ranking = filtered[filtered.index('id="table-ranking"') :]
    ranking = ranking[: ranking.index("</table>")]
    assert "测试县人民医院" in ranking and "测试县第一中学" not in ranking


def test_round_and_submission_pages_link_here(county) -> None:
    client = client_for("finance")
    round_page = client.get(reverse("round_detail", args=[county.round.pk])).content.decode()
    assert reverse("oversight:round_dashboard", args=[county.round.pk]) in round_page
    home = client.get(reverse("dashboard")).content.decode()
    assert reverse("oversight:round_dashboard", args=[county.round.pk]) in home
    detail = client.get(reverse("submission_detail", args=[county.subs["yi"].pk])).content.decode()
    assert reverse("oversight:org_years", args=[county.units["yi"].pk]) in detail
    unit_home = client_for("filler_yi").get(reverse("dashboard")).content.decode()
    assert reverse("oversight:round_dashboard", args=[county.round.pk]) not in unit_home


# ── query counts ─────────────────────────────────────────────────────────────────────────

PAGE_QUERIES = 25  # measured: 25 with 3 and with 43 submissions (19 before reuse and distrust)
REFRESH_QUERIES = 21  # the round's analysis computed again once its reports changed (analysis.py)


def test_page_queries_do_not_grow_with_submissions(county, django_assert_max_num_queries) -> None:
    client = client_for("finance")
    url = reverse("oversight:round_dashboard", args=[county.round.pk])
    client.get(url)  # fills nothing (all stored already), warms the session
    with django_assert_max_num_queries(PAGE_QUERIES):
        assert client.get(url).status_code == 200
    add_submitted_units(county, 40)  # new versions: their figures are filled in on first use
    # + the versions to fill in and one bulk insert of 40 rows (otherwise one probe finds none),
    # + the round's analysis over the changed set, once
    with django_assert_max_num_queries(PAGE_QUERIES + 2 + REFRESH_QUERIES):
        client.get(url)
    with django_assert_max_num_queries(PAGE_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    assert "共 43 份报告" in response.content.decode()
    with django_assert_max_num_queries(PAGE_QUERIES):
        assert client.get(url + "export/all.xlsx").status_code == 200


def test_aggregates_count_every_row_not_a_slice(county) -> None:
    add_submitted_units(county, 320)
    data = selectors.aggregates(rows=scope(county), round_=county.round)
    assert data["completion"]["totals"]["total"] == 325
    assert sum(b["count"] for b in data["distribution"]["bins"]) == 323
    assert data["findings"][0] == data["findings"][0] | {"id": "budget.W001", "reports": 323}
    assert len(data["scatter"]) == 323


# ── Excel ────────────────────────────────────────────────────────────────────────────────


def _workbook(response):
    body = b"".join(response.streaming_content)
    return load_workbook(io.BytesIO(body))


def test_ranking_export_has_chinese_headers_numbers_and_the_filter(county) -> None:
    url = reverse("oversight:round_dashboard_export", args=[county.round.pk, "ranking"])
    response = client_for("finance").get(url, {"dept": county.edu.pk, "sort": "gap"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    sheet = _workbook(response).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert header[:3] == ("单位", "单位编码", "主管部门") and "最终得分" in header
    final, execution, late = (
        header.index("最终得分"),
        header.index("预算执行率（%）"),
        header.index("逾期提交"),
    )
    assert [(r[0], r[final], r[execution], r[late]) for r in rows[1:]] == [
        ("测试县第二中学", 88, 99, "是"),
        ("测试县第一中学", 80, 90, "否"),
    ]
    assert isinstance(rows[1][final], int | float)


def test_export_all_has_a_sheet_per_table(county) -> None:
    url = reverse("oversight:round_dashboard_export", args=[county.round.pk, "all"])
    book = _workbook(client_for("finance").get(url))
    assert len(book.sheetnames) == 9  # distrust first, then the charts' tables, ranking, reuse
    completion = list(book.worksheets[1].iter_rows(values_only=True))
    assert completion[0][:3] == ("主管部门", "应报单位", "已提交")
    assert completion[1][:3] == ("测试县教育局", 3, 2)
    findings = book[next(n for n in book.sheetnames if n.startswith("核查发现"))]
    first = list(findings.iter_rows(values_only=True))[1]
    assert (first[0], first[1], first[3], first[4], first[5]) == ("budget.W001", "警告", 3, 3, 1)
    assert first[2]  # the catalogue's description


def test_export_of_an_unknown_table_is_404(county) -> None:
    url = reverse("oversight:round_dashboard_export", args=[county.round.pk, "secrets"])
    assert client_for("finance").get(url).status_code == 404


def test_english_pages_show_no_chinese_outside_data(county) -> None:
    from tests.web.test_english_pages import chinese_in_frame

    client = client_for("finance")
    pages = [
        reverse("oversight:round_dashboard", args=[county.round.pk]),
        reverse("oversight:org_years", args=[county.units["yi"].pk]),
    ]
    for url in pages:
        html = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert '<html lang="en">' in html
        assert chinese_in_frame(html) == [], url


def test_refresh_command_recomputes_every_current_version(county) -> None:
    from django.core.management import call_command

    VersionFigures.objects.update(execution_rate=Decimal(1))
    out = io.StringIO()
    call_command("oversight_refresh", stdout=out)
    assert "5" in out.getvalue()
    assert sorted(VersionFigures.objects.values_list("execution_rate", flat=True)) == [
        Decimal(50),
        Decimal(70),
        Decimal(90),
        Decimal(95),
        Decimal(99),
    ]


def test_large_gaps_stand_out_in_the_ranking(county) -> None:
    url = reverse("oversight:round_dashboard", args=[county.round.pk])
    html = client_for("finance").get(url).content.decode()
    assert html.count('class="gap-large"') == 2  # 医院 25, 一中 15; not 二中 2


def test_a_large_scatter_points_to_the_ranking_instead_of_repeating_it(county, monkeypatch) -> None:
    from jixiao.web.oversight import views

    url = reverse("oversight:round_dashboard", args=[county.round.pk])
    client = client_for("finance")
    assert 'id="table-scatter"' in client.get(url).content.decode()
    monkeypatch.setattr(views, "SCATTER_TABLE_MAX", 2)
    html = client.get(url).content.decode()
    assert 'id="table-scatter"' not in html and 'id="scatter-no-table"' in html
    assert '"x": "99.00"' in html  # the chart still has every point


def test_filling_in_goes_in_batches(county, monkeypatch) -> None:
    monkeypatch.setattr(figures, "BATCH", 2)
    VersionFigures.objects.all().delete()
    assert figures.fill_missing(Submission.objects.filter(round=county.round)) == 5
    assert VersionFigures.objects.count() == 5
