"""The confirmation page in English says the year and the grade in English (found walking the
主管部门 reviewer's approval in English: "演示县实验小学 · 2023年度" and "（中）")."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.web.factories import PASSWORD, advance, fill

pytestmark = pytest.mark.django_db


def test_the_confirmation_heading_and_grade_are_english(client, world) -> None:
    fill(world, "a")
    submission = advance(world, "a", "submit")
    assert client.login(username=world.users["dept"].username, password=PASSWORD)
    url = reverse("submission_action", args=[submission.pk, "dept_approve"])
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").text
    heading = english.split("<h1>")[1].split("</h1>")[0]
    assert "年度" not in heading and "2023" in heading
    grade = re.search(r'id="confirm-score">(.*?)</p>', english, re.S).group(1)
    assert not re.search(r"[优良中差]", grade), grade
    chinese = client.get(url).text
    assert "2023年度" in chinese.split("<h1>")[1].split("</h1>")[0]
