"""Numbers on screen follow the one rule (jixiao.core.numbers) and agree with the report; number
inputs accept thousands separators and full-width digits, and refuse garbage next to the field."""

from __future__ import annotations

import dataclasses
import re
from decimal import Decimal

import lxml.html
import pytest
from django.template import Context, Template
from django.urls import reverse

from jixiao.core.compose import compose_report
from jixiao.renderers.markdown import render_markdown
from jixiao.web.evaluations import engine
from jixiao.web.evaluations.models import DossierVersion
from tests.web.factories import PASSWORD, advance, dossier_data, fill

pytestmark = pytest.mark.django_db

THIRD = "16.66666666666666666666666667"  # 50 points over three output indicators


def _three_outputs(name: str) -> dict:
    data = dossier_data(name)
    first = data["indicators"][0]
    data["indicators"] = [dict(first, id=f"i{n}", name=f"指标{n}") for n in range(3)]
    return data


def _login(client, world, who: str):
    assert client.login(username=world.users[who].username, password=PASSWORD)
    return client


def _page(client, name: str, *args) -> lxml.html.HtmlElement:
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    return lxml.html.fromstring(response.content.decode())


def _row(page: lxml.html.HtmlElement, name: str) -> lxml.html.HtmlElement:
    return next(r for r in page.xpath("//table//tbody/tr") if name in r.text_content())


def test_a_weight_of_100_over_6_shows_as_16_67_in_the_score_table(client, world):
    submission = fill(world, "a", indicators=_three_outputs("x")["indicators"])
    advance(world, "a", "submit", "dept_approve")
    _login(client, world, "finance")
    page = _page(client, "submission_detail", submission.pk)
    html = lxml.html.tostring(page, encoding="unicode")
    assert "16.666" not in html
    row = _row(page, "指标0")
    cells = [c.text_content().strip() for c in row.findall("td")]
    assert cells[1] == "16.67"  # 分值
    assert cells[5].startswith("16.67")  # 计算得分
    placeholders = [i.get("placeholder") for i in row.xpath(".//input[@name='points']")]
    assert placeholders == ["0–16.67"]


def test_the_report_prints_the_weight_as_the_page_does(client, world):
    submission = fill(world, "a", indicators=_three_outputs("x")["indicators"])
    _login(client, world, "filler_a")
    page = _page(client, "submission_detail", submission.pk)
    row = _row(page, "指标0")
    on_screen = row.findall("td")[1].text_content().strip()
    result = engine.assess(submission.current_version.data).result
    report = render_markdown(compose_report(result))  # the Word/PDF/HTML share this composition
    report_row = next(line for line in report.splitlines() if "| 指标0 |" in line)
    assert on_screen == "16.67" and f"| {on_screen} |" in report_row
    assert "16.666" not in report


def test_a_rescore_of_the_weight_as_shown_is_accepted(client, world):
    submission = fill(world, "a", indicators=_three_outputs("x")["indicators"])
    advance(world, "a", "submit", "dept_approve")
    _login(client, world, "finance")
    url = reverse("submission_rescore", args=[submission.pk])
    client.post(url, {"item_id": "output.i0", "points": "１６．６７", "comment": "满分"})
    assert submission.rescores.get().points == Decimal("16.67")
    response = client.post(url, {"item_id": "output.i1", "points": "16.666"}, follow=True)
    assert "最多两位小数" in response.content.decode()
    response = client.post(url, {"item_id": "output.i1", "points": "16.68"}, follow=True)
    assert "复核得分应在 0 到 16.67 之间" in response.content.decode()
    response = client.post(url, {"item_id": "output.i1", "points": "abc"}, follow=True)
    assert "复核得分：“abc”不是数字，请输入数字，如 1382.5 或 1,382.5" in response.content.decode()
    assert submission.rescores.count() == 1


def test_the_round_summary_shows_at_most_two_decimals(client, world):
    for key in ("a", "b", "c"):
        fill(world, key)
        advance(world, key, "submit")  # the summary counts submitted reports only
    totals = {"a": "9.37", "b": "10", "c": "10.01"}
    for key, total in totals.items():
        DossierVersion.objects.filter(pk=world.sub(key).current_version_id).update(
            score_total=Decimal(total),
            self_total=Decimal(total),
            final_total=Decimal(total),
            final_basis="computed",
        )
    _login(client, world, "finance")
    stats = _page(client, "round_detail", world.round.pk).get_element_by_id("stats")
    text = " ".join(stats.text_content().split())
    assert "平均 9.79" in text and "最低 9.37 " in text and "最高 10.01" in text
    assert not re.search(r"\d\.\d{3}", text), text


def test_a_zero_score_shows_as_0_not_as_missing(world):
    rendered = Template(
        "{% load jixiao_numbers %}[{{ z|score|default:'—' }}][{{ n|score|default:'—' }}]"
    )
    assert rendered.render(Context({"z": Decimal("0.00"), "n": None})) == "[0][—]"


def test_filters_take_numbers_text_and_leave_words_alone():
    template = Template(
        "{% load jixiao_numbers %}{{ a|score }} {{ b|money }} {{ c|rate }} {{ d|count }} {{ e|score }}"
    )
    context = Context(
        {"a": 9.37000000000000, "b": "1,382.5", "c": Decimal("98.456"), "d": 41.6, "e": "证据不足"}
    )
    assert template.render(context) == "9.37 1382.50 98.46 42 证据不足"


def _money_form(client, world, **extra):
    submission = fill(world, "a", **extra)
    _login(client, world, "filler_a")
    url = reverse("submission_section", args=[submission.pk, "money"])
    form = lxml.html.fromstring(client.get(url).content.decode()).get_element_by_id("section-form")
    values: dict[str, list[str]] = {}
    for name, value in form.form_values():
        values.setdefault(name, []).append(value)
    return submission, url, values


@pytest.mark.parametrize("typed", ["1,382.5", "１３８２．５", " 1 382.5 ", "1，382.5"])
def test_an_amount_with_separators_or_full_width_digits_saves_exactly(client, world, typed):
    submission, url, values = _money_form(client, world)
    values["rows-0-amount"] = [typed]
    response = client.post(url, values)
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.current_version.data["money"]["lines"][0]["amount"] == "1382.5"


def test_an_amount_keeps_its_trailing_zeros(client, world):
    submission, url, values = _money_form(client, world)
    values["rows-0-amount"] = ["1,382.50"]
    assert client.post(url, values).status_code == 302
    submission.refresh_from_db()
    assert submission.current_version.data["money"]["lines"][0]["amount"] == "1382.50"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("1,38,2", "金额：千分位分隔符位置不对：“1,38,2”，应每三位一个，如 1,382.5"),
        ("一千", "金额：“一千”不是数字，请输入数字，如 1382.5 或 1,382.5"),
    ],
)
def test_a_bad_amount_gets_the_chinese_error_next_to_the_field(client, world, typed, message):
    submission, url, values = _money_form(client, world)
    before = submission.current_version.data
    values["rows-0-amount"] = [typed]
    response = client.post(url, values)
    assert response.status_code == 200
    page = lxml.html.fromstring(response.content.decode())
    cell = page.xpath("//td[@data-path='money.lines[0].amount']")[0]
    assert message in cell.text_content()
    submission.refresh_from_db()
    assert submission.current_version.data == before


def test_a_bad_amount_in_english(client, world):
    _, url, values = _money_form(client, world)
    values["rows-0-amount"] = ["abc"]
    response = client.post(url, values, HTTP_ACCEPT_LANGUAGE="en")
    assert "is not a number: enter a number such as 1382.5 or 1,382.5" in response.content.decode()


def test_counts_accept_full_width_digits_and_refuse_fractions(client, world):
    submission = fill(world, "a")
    _login(client, world, "filler_a")
    url = reverse("submission_section", args=[submission.pk, "staffing"])
    form = lxml.html.fromstring(client.get(url).content.decode()).get_element_by_id("section-form")
    values = dict(form.form_values())
    values["head-retired"] = "１２"
    assert client.post(url, values).status_code == 302
    submission.refresh_from_db()
    assert submission.current_version.data["staffing"]["retired"] == 12
    values["head-retired"] = "1.5"
    response = client.post(url, values)
    assert response.status_code == 200
    assert "退休人数：请输入整数，如 42" in response.content.decode()


def test_the_save_message_and_the_indicator_card_follow_the_rule(client, world, monkeypatch):
    indicators = _three_outputs("x")["indicators"]
    indicators[0].update(weight="16.666666", target="10.50", actual="11.125")
    submission = fill(world, "a", indicators=indicators)
    _login(client, world, "filler_a")
    url = reverse("submission_section", args=[submission.pk, "indicators"])
    page = lxml.html.fromstring(client.get(url).content.decode())
    summary = " ".join(page.get_element_by_id("row-0").find("summary").text_content().split())
    assert "目标 ≥ 10.5项" in summary and "实际 11.13项" in summary and "分值 16.67" in summary
    # a score that can be computed, with more decimals than shown (the factory's dossier lacks
    # evidence, so its own score cannot be computed)
    real = engine.assess

    def computable(*args, **kwargs):
        return dataclasses.replace(
            real(*args, **kwargs), final_total=Decimal("86.475"), final_grade="良"
        )

    monkeypatch.setattr(engine, "assess", computable)
    _, money_url, values = _money_form(client, world)
    response = client.post(money_url, values, follow=True)
    message = " ".join(str(m) for m in response.context["messages"])
    assert "当前得分 86.48（良）" in message, message
