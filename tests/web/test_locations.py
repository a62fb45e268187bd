"""Places in words: no page of the demo data shows a raw field path or figure key to a person;
notices are in one language; the audit trail names states and fields; the stated-figure select."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from jixiao.web.evaluations.forms import SECTIONS, StatedForm
from jixiao.web.evaluations.models import State, Submission
from tests.web.factories import PASSWORD, fill

pytestmark = pytest.mark.django_db

SECTION_NAMES = (
    "staffing|assets|money|goals|indicators|profile|narratives|stated|self_evaluation"
    "|rates|budget|executed|income|score|previous|data"
)
# indicators[1], money.lines, rates.execution — but not a finding id such as budget.W001
RAW = re.compile(rf"\w\[\d+\]|\b(?:{SECTION_NAMES})\.[a-z_]+")
ENGLISH_TAIL = re.compile(r" / [A-Za-z]")


class _Text(HTMLParser):
    """The text a reader sees: no tags, attributes, scripts or styles."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def visible(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


def messages_of(html: str) -> list[str]:
    block = re.search(r'<ul class="messages">(.*?)</ul>', html, re.S)
    return (
        [visible(m) for m in re.findall(r"<li[^>]*>(.*?)</li>", block.group(1), re.S)]
        if block
        else []
    )


@pytest.fixture
def demo(client):
    call_command("demo", stdout=io.StringIO())
    client.force_login(get_user_model().objects.get(username="demo_admin"))
    return client


def _pages(submission: Submission) -> list[str]:
    pk = submission.pk
    return [
        reverse("submission_detail", args=[pk]),
        reverse("submission_audit", args=[pk]),
        *(reverse("submission_section", args=[pk, key]) for key in SECTIONS),
    ]


def test_no_page_of_the_demo_shows_a_raw_path_or_figure_key(demo):
    seed = Submission.objects.get(org__name="万载县机关事务管理局")
    flawed = Submission.objects.filter(
        org__is_demo=True, current_version__error_count__gt=0
    ).first()
    draft = Submission.objects.filter(org__is_demo=True, state=State.DRAFT).first()
    checked = 0
    for submission in {s for s in (seed, flawed, draft) if s is not None}:
        for url in _pages(submission):
            response = demo.get(url)
            assert response.status_code == 200, url
            raw = RAW.findall(visible(response.content.decode()))
            assert not raw, (url, raw[:5])
            checked += 1
    for url in (reverse("portal:index"), reverse("portal:report", args=[seed.pk])):
        response = demo.get(url)
        if response.status_code == 200:
            assert not RAW.findall(visible(response.content.decode())), url
    assert checked >= 3 * (len(SECTIONS) + 2) - len(SECTIONS) - 2  # seed and at least one more


def test_the_sidebar_names_a_findings_place_and_keeps_the_path_for_waivers(demo):
    seed = Submission.objects.get(org__name="万载县机关事务管理局")
    page = demo.get(reverse("submission_detail", args=[seed.pk])).content.decode()
    assert 'data-where="indicators[1].target"' in page
    assert "指标2“绿化成活率” · 指标值" in visible(page)
    assert "预算及执行 · 资金明细" in visible(page)
    english = demo.get(reverse("submission_detail", args=[seed.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert "Indicator 2 “绿化成活率” · target" in re.sub(r"<[^>]+>", "", english.content.decode())


def test_the_score_table_names_a_missing_figure(demo):
    seed = Submission.objects.get(org__name="万载县机关事务管理局")
    text = visible(demo.get(reverse("submission_detail", args=[seed.pk])).content.decode())
    assert "缺少数据：预算执行率" in text and "missing data" not in text


def test_the_audit_page_shows_state_labels_and_places(client, world):
    fill(world, "a")
    assert client.login(username=world.users["head_a"].username, password=PASSWORD)
    pk = world.subs["a"].pk
    client.post(reverse("submission_action", args=[pk, "submit"]))  # the head signs and submits
    text = visible(client.get(reverse("submission_audit", args=[pk])).content.decode())
    assert "草稿 → 已提交" in text and "— → draft" not in text and "draft" not in text
    assert "新建 → 草稿" in text
    assert not RAW.findall(text)
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(reverse("submission_audit_csv", args=[pk])).content.decode("utf-8-sig")
            )
        )
    )
    header, body = rows[0], rows[1:]
    assert header[-1] == "字段路径 path"
    submitted = next(r for r in body if r[5] == "已提交")
    assert submitted[4] == "草稿"
    edits = [r for r in body if r[-1]]
    assert edits and all(not RAW.search(r[7]) for r in edits)
    assert ["人员情况 · 在职人数 · 行政编制", "", "9", "staffing.in_service.行政编制"] in [
        r[7:] for r in edits
    ]


def test_a_notice_is_in_the_pages_language_only(client, world):
    fill(world, "a")
    assert client.login(username=world.users["head_a"].username, password=PASSWORD)
    pk = world.subs["a"].pk
    url = reverse("submission_action", args=[pk, "submit"])
    chinese = messages_of(client.post(url, follow=True).content.decode())
    assert chinese == ["已提交"]
    client.post(reverse("submission_action", args=[pk, "publish"]), follow=True)
    refused = messages_of(
        client.post(
            reverse("submission_action", args=[pk, "publish"]), follow=True
        ).content.decode()
    )
    assert refused and all(not ENGLISH_TAIL.search(m) for m in refused), refused
    english = messages_of(
        client.post(
            reverse("submission_action", args=[pk, "publish"]),
            follow=True,
            HTTP_ACCEPT_LANGUAGE="en",
        ).content.decode()
    )
    assert english and all(not re.search(r"[\u4e00-\u9fff]{2}", m.split("“")[0]) for m in english)
    assert "You cannot" in english[0]


def test_blocking_findings_are_listed_at_their_place_in_one_language(client, world, fake_findings):
    fill(world, "a")
    fake_findings.error("staffing.E001", "indicators[0].target")
    assert client.login(username=world.users["filler_a"].username, password=PASSWORD)
    pk = world.subs["a"].pk
    notes = messages_of(
        client.post(reverse("submission_action", args=[pk, "submit"]), follow=True).content.decode()
    )
    assert notes[0] == "仍有 1 项错误，请先修正或说明理由豁免"
    name = world.sub("a").current_version.data["indicators"][0]["name"]
    assert notes[1] == f"指标1“{name}” · 指标值：人数不符（staffing.E001）"


def test_the_stated_figure_is_chosen_by_name_and_an_unknown_key_survives():
    form = StatedForm(initial={"key": "no.such_key", "value": 1})
    choices = form.fields["key"].choices
    groups = dict(choices[1:])
    assert ("rates.execution", "预算执行率") in groups["比率"]
    assert ("no.such_key", "其他：no.such_key") in groups["其他"]
    bound = StatedForm({"key": "no.such_key", "value": "1"}, initial={"key": "no.such_key"})
    assert bound.is_valid(), bound.errors
    assert not StatedForm({"key": "made.up", "value": "1"}).is_valid()


def test_the_published_report_names_places_and_gives_no_clerk_instructions(demo):
    seed = Submission.objects.get(org__name="万载县机关事务管理局")
    demo.logout()
    text = visible(demo.get(reverse("portal:report", args=[seed.pk])).content.decode())
    annex = text[text.index("数据核查结果") :]
    assert "指标2“绿化成活率” · 指标值" in annex and "indicators[1]" not in annex
    assert "编号可用于" not in text and "处理建议" not in annex
