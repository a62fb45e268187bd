"""Bad input on a section form (found walking the clerk's journey in Chromium): every error names
its field in the page's language and nothing stored changes. Before, a money line without an
amount said "缺少必填项 / field required" (both languages, no field), seven decimals got Django's
bare 确认小数不超过 6 位., a negative head-count 确保该值大于或等于0。, English pages a Chinese
colon, and negative points or self-scores were saved."""

from __future__ import annotations

import lxml.html
import pytest
from django.urls import reverse

from tests.web.factories import PASSWORD, fill

pytestmark = pytest.mark.django_db


def _values(html: str) -> dict[str, list[str]]:
    form = lxml.html.fromstring(html).get_element_by_id("section-form")
    values: dict[str, list[str]] = {}
    for name, value in form.form_values():
        values.setdefault(name, []).append(value)
    return values


def _post(client, world, key: str, changes: dict[str, str], english: bool = False):
    submission = fill(world, "a")
    before = submission.current_version.data
    assert client.login(username=world.users["filler_a"].username, password=PASSWORD)
    if english:
        client.cookies["django_language"] = "en"
    url = reverse("submission_section", args=[submission.pk, key])
    values = _values(client.get(url).content.decode())
    values.update({name: [value] for name, value in changes.items()})
    response = client.post(url, values)
    assert response.status_code == 200  # shown again, not saved
    submission.refresh_from_db()
    assert submission.current_version.data == before
    page = lxml.html.fromstring(response.content.decode())
    return [
        li.text_content().strip() for li in page.xpath("//ul[contains(@class, 'errorlist')]/li")
    ]


@pytest.mark.parametrize(
    ("key", "changes", "expected"),
    [
        ("money", {"rows-0-amount": ""}, "金额：缺少必填项"),
        ("money", {"rows-0-amount": "1.1234567"}, "金额：最多 6 位小数"),
        ("money", {"rows-0-amount": "abc"}, "金额：“abc”不是数字"),
        ("indicators", {"rows-0-weight": "-5"}, "分值：数值过小，应不小于 0"),
        ("indicators", {"rows-0-self_score": "-2"}, "自评得分：数值过小，应不小于 0"),
        ("indicators", {"rows-0-self_score": "4.125"}, "自评得分：最多 2 位小数"),
        ("self_evaluation", {"head-total": "87.123"}, "自评总分：最多 2 位小数"),
        ("staffing", {"head-retired": "-5"}, "退休人数：不能为负数"),
    ],
)
def test_bad_input_names_the_field_in_chinese(client, world, key, changes, expected):
    errors = _post(client, world, key, changes)
    assert any(e.startswith(expected) for e in errors), errors
    assert not any("field required" in e or "确认小数" in e or "确保该值" in e for e in errors)


@pytest.mark.parametrize(
    ("key", "changes", "expected"),
    [
        ("money", {"rows-0-amount": ""}, "Amount: field required"),
        ("money", {"rows-0-amount": "abc"}, "Amount: "),
        ("money", {"rows-0-amount": "1.1234567"}, "Amount: at most 6 decimal places"),
        ("staffing", {"head-retired": "-5"}, "Retired: cannot be negative"),
    ],
)
def test_bad_input_names_the_field_in_english(client, world, key, changes, expected):
    errors = _post(client, world, key, changes, english=True)
    assert any(e.startswith(expected) for e in errors), errors
    assert not any("：" in e or "缺少" in e for e in errors), errors


@pytest.mark.parametrize("grade", ["A", "合格"])
def test_a_grade_of_another_scale_is_offered_and_kept_on_save(client, world, grade):
    # an imported "评价等级：A" is the report's own grade: the section shows it among the
    # choices and saving the section keeps it
    submission = fill(world, "a", self_evaluation={"total": "92", "grade": grade})
    assert client.login(username=world.users["filler_a"].username, password=PASSWORD)
    url = reverse("submission_section", args=[submission.pk, "self_evaluation"])
    html = client.get(url).content.decode()
    values = _values(html)
    assert values["head-grade"] == [grade]
    values["head-total"] = ["93"]
    response = client.post(url, values)
    assert response.status_code == 302
    submission.refresh_from_db()
    saved = submission.current_version.data["self_evaluation"]
    assert saved["grade"] == grade and saved["total"] in ("93", "93.00")
