"""Defects found walking the finance-bureau, admin and public journeys, each pinned by a test."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from jixiao.web.evaluations import services
from tests.web.factories import PASSWORD, advance, fill


def login(client, world, who):
    assert client.login(username=world.users[who].username, password=PASSWORD)


@pytest.mark.django_db
def test_a_reopened_report_shows_a_reopen_reason_not_a_return_reason(client, world):
    fill(world, "a")
    advance(world, "a", "submit", "dept_approve", "finance_approve", "approve", "publish")
    services.submission_reopen(
        actor=world.users["finance"], submission=world.sub("a"), reason="发现数据错误"
    )
    login(client, world, "filler_a")
    page = client.get(reverse("submission_detail", args=[world.subs["a"].pk])).content.decode()
    assert "重新打开原因：</b>发现数据错误" in page
    assert "退回原因" not in page


@pytest.mark.django_db
def test_a_returned_report_still_shows_its_return_reason(client, world):
    fill(world, "a")
    advance(world, "a", "submit")
    services.submission_transition(
        actor=world.users["dept"], submission=world.sub("a"), action="return", reason="请补充"
    )
    login(client, world, "filler_a")
    page = client.get(reverse("submission_detail", args=[world.subs["a"].pk])).content.decode()
    assert "退回原因：</b>请补充" in page


@pytest.mark.django_db
def test_the_excel_template_explains_the_web_upload_not_the_command_line(client, world):
    login(client, world, "filler_a")
    response = client.get(reverse("excel_template"))
    notes = [row[0] for row in load_workbook(io.BytesIO(response.content))["说明"].values]
    text = "\n".join(str(n) for n in notes if n)
    assert "jixiao import" not in text
    assert "导入档案" in text
