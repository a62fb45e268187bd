"""A place in the audit trail or beside a finding, on an English page, names the stored fixed
words in English (found walking the audit trail in English: "Staffing · authorized posts ·
行政编制", "Money line 1 (年初预算 · 基本支出 · 工资福利支出)")."""

from __future__ import annotations

import pytest
from django.urls import reverse

from jixiao.core.dossier import dossier_from_data
from jixiao.core.locations import describe_path
from jixiao.web.evaluations import engine
from tests.web.factories import PASSWORD, dossier_data, fill

pytestmark = pytest.mark.django_db


def test_the_audit_trail_in_english_names_staff_types_and_money_lines(client, world) -> None:
    submission = fill(world, "a")
    assert client.login(username=world.users["filler_a"].username, password=PASSWORD)
    page = client.get(
        reverse("submission_audit", args=[submission.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).text
    assert "authorized posts · Civil service posts" in page
    assert "Initial budget · Basic expenditure · Salaries and benefits" in page or (
        "Initial budget" in page and "年初预算 · " not in page
    )
    assert "· 行政编制" not in page
    chinese = client.get(reverse("submission_audit", args=[submission.pk])).text
    assert "编制人数 · 行政编制" in chinese


def test_a_findings_english_place_names_the_money_line_in_english() -> None:
    dossier = dossier_from_data(dossier_data("测试单位"))
    findings = engine.locate_findings([{"where": "money.lines[0].amount"}], dossier)
    assert "年初预算" in findings[0]["where_label"]
    assert "Initial budget" in findings[0]["where_label_en"]
    assert "年初预算" not in findings[0]["where_label_en"]
    # the core alone keeps the stored words (it has no translations)
    assert "年初预算" in describe_path("money.lines[0].amount", dossier, "en")


def test_the_audit_trail_in_english_shows_stored_words_in_english(client, world) -> None:
    submission = fill(world, "a")
    assert client.login(username=world.users["filler_a"].username, password=PASSWORD)
    page = client.get(
        reverse("submission_audit", args=[submission.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).text
    assert "→ Initial budget" in page and '→ <span lang="zh">年初预算</span>' not in page
    chinese = client.get(reverse("submission_audit", args=[submission.pk])).text
    assert "→ 年初预算" in chinese


def test_a_score_tables_place_uses_the_packs_english_name() -> None:
    """Found on the sidebar in English: "Score table · 满意度指标"."""
    findings = engine.locate_stored_findings(
        [{"where": "score.satisfaction"}], dossier_data("测试单位"), "cn-2020-self"
    )
    assert "满意度指标" in findings[0]["where_label"]
    assert "Satisfaction indicators" in findings[0]["where_label_en"]
    assert "满意度" not in findings[0]["where_label_en"]
