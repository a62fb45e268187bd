"""An English page is English throughout: every main page, rendered with the language set to
English, shows no Chinese outside user data, which the templates mark with lang="zh" (as a screen
reader needs it). The values inside form controls are data too, and so is the <title>, which
cannot carry markup and names the organisation or notice the page is about; everything else is
the frame."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from jixiao.web.evaluations.forms import SECTIONS

from .factories import PASSWORD, advance, fill

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
READ_ALOUD = ("title", "placeholder", "aria-label", "alt")


class FrameText(HTMLParser):
    """The page's text and readable attributes, without lang="zh" elements and control values."""

    def __init__(self) -> None:
        super().__init__()
        self.skipping: list[str] = []  # open tags whose content is user data
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if self.skipping:
            if tag not in VOID:
                self.skipping.append(tag)
            return
        if attributes.get("lang", "").startswith("zh"):
            if tag not in VOID:
                self.skipping.append(tag)
            return
        if tag in ("textarea", "script", "style", "title"):
            self.skipping.append(tag)
            return
        self.text.extend(attributes[a] or "" for a in READ_ALOUD if a in attributes)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and self.skipping[-1] == tag:
            self.skipping.pop()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.text.append(data)


def chinese_in_frame(html: str) -> list[str]:
    parser = FrameText()
    parser.feed(html)
    return sorted({m for text in parser.text for m in CJK.findall(text)})


def test_the_parser_keeps_the_frame_and_drops_marked_user_data() -> None:
    html = '<p>Score <span lang="zh">万载县<b>机关</b></span> 得分<br><textarea>文字</textarea></p>'
    assert chinese_in_frame(html) == ["得分"]
    assert chinese_in_frame('<input placeholder="部门名称">') == ["部门名称"]


@pytest.fixture
def published(world):
    fill(world, "a")
    advance(world, "a", "submit", "dept_approve", "finance_approve", "approve", "publish")
    fill(world, "b")
    return world


def _pages(world) -> list[tuple[str, str]]:
    a, b = world.subs["a"].pk, world.subs["b"].pk
    pages = [
        ("finance", reverse("dashboard")),
        ("filler_b", reverse("dashboard")),
        ("finance", reverse("round_list")),
        ("finance", reverse("round_detail", args=[world.round.pk])),
        ("finance", reverse("submission_detail", args=[a])),
        ("filler_b", reverse("submission_detail", args=[b])),
        ("finance", reverse("submission_audit", args=[a])),
        ("filler_b", reverse("submission_import", args=[b])),
        ("finance", reverse("tokens")),
        ("finance", reverse("round_new")),
        ("anonymous", reverse("portal:index")),
        ("anonymous", reverse("portal:report", args=[a])),
        ("anonymous", reverse("login")),
    ]
    pages += [("filler_b", reverse("submission_section", args=[b, key])) for key in SECTIONS]
    return pages


def test_every_main_page_in_english_shows_no_chinese_outside_user_data(client, published):
    shown: dict[str, list[str]] = {}
    for who, url in _pages(published):
        client.logout()
        if who != "anonymous":
            client.login(username=published.users[who].username, password=PASSWORD)
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 200, url
        html = response.content.decode()
        assert '<html lang="en">' in html, url  # else the whole page would count as user data
        leftover = chinese_in_frame(html)
        if 'class="untranslated"' in html:  # a record shown without its English
            leftover.append("untranslated: " + html.split('class="untranslated">', 1)[1][:80])
        if leftover:
            shown[f"{who} {url}"] = leftover
    assert not shown, "\n".join(f"{page}: {' | '.join(words)}" for page, words in shown.items())


def test_every_stored_chinese_word_is_listed_and_has_english():
    from django.utils import translation

    from jixiao.core.dossier import (
        Comparator,
        Funding,
        Item,
        Level,
        Level1,
        Phase,
        StaffType,
        UnitType,
    )
    from jixiao.core.findings import Level as FindingLevel
    from jixiao.core.money import Unit
    from jixiao.core.scoring import Status
    from jixiao.web.evaluations.vocabulary import ALL

    words = [
        m.value for e in (Funding, Item, Level, Level1, Phase, StaffType, UnitType, Unit) for m in e
    ]
    words += [
        Comparator.QUALITATIVE.value,
        *(s.label for s in Status),
        *(lv.label for lv in FindingLevel),
    ]
    missing = [w for w in words if w not in ALL]
    assert not missing, missing
    with translation.override("en"):
        untranslated = [w for w in sorted(ALL) if CJK.search(translation.gettext(w))]
    assert not untranslated, untranslated


def test_a_choice_keeps_its_chinese_value_and_shows_an_english_label():
    from django.utils import translation

    from jixiao.web.evaluations.forms import MoneyLineForm

    with translation.override("en"):
        html = str(MoneyLineForm()["phase"])
    assert '<option value="年初预算">Initial budget</option>' in html


def test_findings_and_explanations_follow_the_page_language(client, world):
    fill(world, "b")
    client.login(username="filler_b", password=PASSWORD)
    url = reverse("submission_detail", args=[world.subs["b"].pk])
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    chinese = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    for shown, hidden in (
        (
            "Enter the year's executed or final amounts by economic class",
            "按经济分类填报全年执行数或决算数",
        ),
        ("Target met: full points", "达到目标，得满分"),
        ("2020 self-evaluation style", "自评样式（预算执行率10"),
    ):
        assert shown.replace("'", "&#x27;") in english and hidden not in english
        assert hidden in chinese and shown.replace("'", "&#x27;") not in chinese
