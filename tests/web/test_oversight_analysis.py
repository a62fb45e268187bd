"""Reuse and target review in the web (oversight.analysis, oversight.reuse) on the hand-made
county of tests/web/oversight_data.py, with known answers:

- 一中 (教育局) and 人民医院 (卫健委) share a planted paragraph (each with its own name in it;
  一中's copy has one more clause); 二中 writes its own text: not flagged;
- 一中 repeats a paragraph of its own 2022 report (handed in, not published);
- 一中 sets a target in words only (进一步提高) and one below its 2022 actual; 二中's targets
  are clean;
- who sees a source: the bureau everything, a 主管部门 its own units, a unit only its own
  reports: another unit's unpublished text, unit and year never reach it.
"""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from jixiao.web.evaluations import services
from jixiao.web.evaluations.models import Submission
from jixiao.web.oversight import analysis, selectors
from jixiao.web.oversight.models import ReusedParagraph, RoundAnalysis, VersionAnalysis
from tests.web.factories import PASSWORD
from tests.web.oversight_data import add_submitted_units
from tests.web.oversight_planted import (
    ER_OWN,
    OWN_2022,
    SOURCE_ONLY,
    build_planted_county,
    narratives,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def county(fake_findings):
    return build_planted_county()


def client_for(username: str) -> Client:
    client = Client()
    assert client.login(username=username, password=PASSWORD)
    return client


def version_of(county, key: str) -> int:
    return Submission.objects.get(pk=county.subs[key].pk).current_version_id


# ── reuse ────────────────────────────────────────────────────────────────────────────────


def test_planted_copied_paragraph_is_found_with_its_source(county) -> None:
    analysis.ensure_fresh(county.round)
    yy = ReusedParagraph.objects.get(version_id=version_of(county, "yy"))
    assert yy.place == "narratives.effects[0]"
    assert yy.source_version_id == version_of(county, "yi")
    assert yy.source_text.endswith(SOURCE_ONLY) and yy.text.startswith("测试县人民医院")
    assert Decimal("0.6") <= yy.similarity < 1
    yi = {r.place: r for r in ReusedParagraph.objects.filter(version_id=version_of(county, "yi"))}
    assert yi["narratives.effects[0]"].source_version_id == version_of(county, "yy")
    # 一中's own 2022 paragraph, repeated: its source is the earlier report
    assert yi["narratives.experience[0]"].source_version_id == county.earlier.current_version_id
    assert yi["narratives.experience[0]"].similarity == 1
    summary = VersionAnalysis.objects.get(version_id=version_of(county, "yi"))
    assert (summary.paragraphs, summary.reused_paragraphs) == (2, 2)
    assert summary.reuse_percent == Decimal("100.0")


def test_a_clean_report_is_not_flagged(county) -> None:
    analysis.ensure_fresh(county.round)
    er = VersionAnalysis.objects.get(version_id=version_of(county, "er"))
    assert (er.reuse_percent, er.reused_paragraphs, er.paragraphs) == (Decimal("0.0"), 0, 1)
    assert not ReusedParagraph.objects.filter(version_id=version_of(county, "er")).exists()
    # drafts and returned reports are not compared (疾控 returned, 三中 a draft)
    assert not VersionAnalysis.objects.filter(version_id=version_of(county, "jk")).exists()
    assert VersionAnalysis.objects.filter(round=county.round).count() == 3


def test_the_analysis_is_computed_once_and_again_after_an_edit(county) -> None:
    first = analysis.ensure_fresh(county.round)
    assert first.documents == 4  # three of 2023, one of 2022
    assert analysis.ensure_fresh(county.round).computed == first.computed  # nothing changed
    yy = Submission.objects.get(pk=county.subs["yy"].pk)
    services.submission_transition(
        actor=county.users["health"], submission=yy, action="return", reason="请改写"
    )
    yy = Submission.objects.get(pk=yy.pk)
    data = {**yy.current_version.data, **narratives(effects=ER_OWN.replace("二中", "医院"))}
    services.submission_save_dossier(actor=county.users["filler_yy"], submission=yy, data=data)
    # the edited version had been compared: the round is stale, whatever the set looks like
    assert RoundAnalysis.objects.get(round=county.round).fingerprint == ""
    analysis.ensure_fresh(county.round)
    assert not ReusedParagraph.objects.filter(version_id=yy.current_version_id).exists()


def _reuse_page(county, who: str, key: str) -> str:
    url = reverse("oversight:submission_reuse", args=[county.subs[key].pk])
    response = client_for(county.users[who].username).get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_the_bureau_sees_source_and_common_text_side_by_side(county) -> None:
    html = _reuse_page(county, "finance", "yy")
    assert "测试县第一中学" in html and SOURCE_ONLY in html  # the source, its unit and its text
    assert "<mark>坚持问题导向" in html  # the common text marked on both sides
    assert reverse("submission_detail", args=[county.subs["yi"].pk]) in html


def test_a_unit_never_sees_another_units_unpublished_text(county) -> None:
    html = _reuse_page(county, "filler_yy", "yy")
    assert "坚持问题导向" in html  # its own paragraph
    assert SOURCE_ONLY not in html and "测试县第一中学" not in html
    assert reverse("submission_detail", args=[county.subs["yi"].pk]) not in html
    assert "与另一单位尚未公开的报告中的段落相同或相近" in html
    # a 主管部门 sees its own units' sources, not another department's
    edu = _reuse_page(county, "edu", "yi")
    assert "测试县人民医院" not in edu and "另一单位尚未公开" in edu
    assert OWN_2022 in edu and "2022" in edu  # 一中's own earlier report: shown


def test_a_unit_sees_its_own_earlier_years(county) -> None:
    html = _reuse_page(county, "filler_yi", "yi")
    assert reverse("submission_detail", args=[county.earlier.pk]) in html
    assert html.count("<mark>") >= 2 and SOURCE_ONLY in html  # its own text, both sides
    assert "测试县人民医院" not in html


def test_a_draft_is_not_compared(county) -> None:
    html = _reuse_page(county, "filler_san", "san")
    assert 'id="reuse-not-compared"' in html


# ── targets ──────────────────────────────────────────────────────────────────────────────


def test_planted_vague_and_pressure_free_targets_are_flagged(county) -> None:
    analysis.ensure_fresh(county.round)
    yi = VersionAnalysis.objects.get(version_id=version_of(county, "yi"))
    kinds = {(f["kind"], f["indicator_id"]) for f in yi.target_flags}
    assert ("vague", "quality") in kinds
    assert ("below_previous", "visits") in kinds
    assert yi.target_flag_count == len(yi.target_flags)
    below = next(
        f
        for f in yi.target_flags
        if f["kind"] == "below_previous" and f["indicator_id"] == "visits"
    )
    assert below["evidence"] == "目标≥80人次，上年实际120人次"


def test_clean_targets_are_not_flagged(county) -> None:
    analysis.ensure_fresh(county.round)
    for key in ("er", "yy"):
        clean = VersionAnalysis.objects.get(version_id=version_of(county, key))
        assert clean.target_flags == [] and clean.target_flag_count == 0


def test_target_flags_beside_the_form_and_on_the_submission_page(county) -> None:
    section = reverse("submission_section", args=[county.subs["yi"].pk, "indicators"])
    form = client_for("filler_yi").get(section).content.decode()
    assert 'id="target-review"' in form
    assert "低于上年实际完成120人次" in form
    # the vague wording is indicators.W001's: left to that finding beside the field on the form
    assert "家校沟通质量”的指标值“进一步提高”没有可衡量的数值" not in form.split("target-review")[1]
    detail = client_for("finance").get(reverse("submission_detail", args=[county.subs["yi"].pk]))
    page = detail.content.decode()
    assert "进一步提高" in page and "indicators.W001" in page and "低于上年实际完成" in page
    clean = client_for("finance").get(reverse("submission_detail", args=[county.subs["er"].pk]))
    assert 'id="target-review-clean"' in clean.content.decode()


# ── the dashboard ────────────────────────────────────────────────────────────────────────


def test_ranking_has_reuse_and_target_columns(county) -> None:
    rows = selectors.round_scope(user=county.users["finance"], round_=county.round)
    ranked = {
        r["pk"]: r
        for r in selectors.ranking(rows=rows, filters=selectors.RankingFilters(sort="-reuse"))
    }
    assert ranked[county.subs["yi"].pk]["col_reuse"] == Decimal("100.0")
    assert ranked[county.subs["er"].pk]["col_reuse"] == Decimal("0.0")
    assert ranked[county.subs["yi"].pk]["col_targets"] >= 2
    assert ranked[county.subs["er"].pk]["col_targets"] == 0


def test_distrust_lists_reasons_most_first_with_evidence_links(county) -> None:
    rows = selectors.round_scope(user=county.users["finance"], round_=county.round)
    listed = [selectors.distrust_row(r) for r in selectors.distrust(rows=rows)]
    by_pk = {r["pk"]: r for r in listed}
    yi = by_pk[county.subs["yi"].pk]  # gap 15, reused text, soft targets, an error finding
    assert [k for k, _ in yi["reasons"]] == ["gap", "reuse", "targets", "errors"]
    assert listed[0]["pk"] == county.subs["yi"].pk
    assert [r["count"] for r in listed] == sorted((r["count"] for r in listed), reverse=True)
    yy = by_pk[county.subs["yy"].pk]  # gap 25, reused text; no error (a warning only)
    assert [k for k, _ in yy["reasons"]] == ["gap", "reuse"]
    assert county.subs["er"].pk not in by_pk  # gap 2, own text, clean targets, waived warning
    html = (
        client_for("finance")
        .get(reverse("oversight:round_dashboard", args=[county.round.pk]))
        .content.decode()
    )
    table = html[html.index('id="table-distrust"') :]
    assert reverse("oversight:submission_reuse", args=[county.subs["yy"].pk]) in table
    assert reverse("submission_detail", args=[county.subs["yi"].pk]) + "#target-review" in table
    assert 'id="kpi-reuse"' in html and 'id="table-reuse"' in html


def test_a_departments_dashboard_counts_only_its_units(county) -> None:
    rows = selectors.round_scope(user=county.users["health"], round_=county.round)
    pks = {r["pk"] for r in selectors.distrust(rows=rows)}
    assert pks == {county.subs["yy"].pk}


# ── query counts ─────────────────────────────────────────────────────────────────────────


def test_reuse_page_queries_do_not_grow_with_reports(county, django_assert_max_num_queries):
    client = client_for("finance")
    url = reverse("oversight:submission_reuse", args=[county.subs["yy"].pk])
    client.get(url)  # computes the round's analysis once
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200
    add_submitted_units(county, 30)
    client.get(url)  # the set changed: computed again, once
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def test_refresh_queries_do_not_grow_with_reports(county, django_assert_max_num_queries):
    with django_assert_max_num_queries(21):
        analysis.refresh(county.round)
    add_submitted_units(county, 60)
    with django_assert_max_num_queries(21):
        analysis.refresh(county.round)
    assert VersionAnalysis.objects.filter(round=county.round).count() == 63


def test_english_pages_show_no_chinese_outside_data(county) -> None:
    from tests.web.test_english_pages import chinese_in_frame

    client = client_for("finance")
    pages = [
        reverse("oversight:submission_reuse", args=[county.subs["yy"].pk]),
        reverse("oversight:submission_reuse", args=[county.subs["san"].pk]),
        reverse("oversight:round_dashboard", args=[county.round.pk]),
        reverse("submission_detail", args=[county.subs["yi"].pk]),
        reverse("submission_section", args=[county.subs["yi"].pk, "indicators"]),
    ]
    for url in pages:
        html = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert '<html lang="en">' in html
        frame = html.split('id="target-review"')[-1] if "submissions/" in url else html
        assert chinese_in_frame(frame) == [], url


def test_the_api_gives_reuse_and_distrust(county) -> None:
    from tests.web.test_oversight_api import api

    body = api(county, "finance").get(f"/api/rounds/{county.round.pk}/dashboard").json()
    assert {r["pk"] for r in body["reuse"]["reports"]} == {
        county.subs["yi"].pk,
        county.subs["yy"].pk,
    }
    first = body["distrust"][0]
    assert first["pk"] == county.subs["yi"].pk and first["count"] == 4
    assert first["reasons"][0]["key"] == "gap" and Decimal(first["reasons"][0]["value"]) == 15


def test_the_demo_county_shows_its_planted_reuse_and_soft_targets() -> None:
    """``jixiao manage demo`` (what ``make run`` loads): the planted copy across two 主管部门,
    the repeated own paragraph and the soft targets are found, and no other report is flagged
    for reused text."""
    from django.core.management import call_command

    from jixiao.web.evaluations.models import Round

    call_command("demo", stdout=io.StringIO())
    round_ = Round.objects.get(year=2023, finance__code="DEMO-CZ")
    analysis.ensure_fresh(round_)
    pairs = {
        (r.version.submission.org.name, r.source_version.submission.org.name)
        for r in ReusedParagraph.objects.filter(round=round_).select_related(
            "version__submission__org", "source_version__submission__org"
        )
    }
    assert pairs == {
        ("演示县畜牧兽医站", "演示县职业中等专业学校"),
        ("演示县职业中等专业学校", "演示县畜牧兽医站"),
        ("演示县人民医院", "演示县人民医院"),
    }
    land = VersionAnalysis.objects.get(
        round=round_, version__submission__org__name="演示县土地整理储备中心"
    )
    kinds = {(f["kind"], f["indicator"]) for f in land.target_flags}
    assert ("vague", "土地整理工作质量") in kinds
    assert ("below_previous", "群众来访接待人次") in kinds


def test_the_target_review_evidence_is_english_on_english_pages(county) -> None:
    """Found walking the clerk's indicator form in English: 比较依据 read 目标≥80人次，上年实际…"""
    section = reverse("submission_section", args=[county.subs["yi"].pk, "indicators"])
    english = client_for("filler_yi").get(section, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    panel = english.split('id="target-review"')[1]
    assert "last year&#x27;s actual" in panel or "last year's actual" in panel
    assert "上年实际" not in panel
    chinese = client_for("filler_yi").get(section).content.decode()
    assert "目标≥80人次，上年实际120人次" in chinese.split('id="target-review"')[1]
