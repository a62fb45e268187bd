"""What a clerk reads on the pages found wanting in a walk through the platform as each role:
no internal ids where a name belongs."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from jixiao.web.evaluations.models import Round
from tests.web import factories

pytestmark = pytest.mark.django_db


def page(world: factories.World, user: str, url: str, language: str = "zh-hans") -> str:
    client = Client()
    client.force_login(world.users[user])
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("zh-hans", "自评样式（预算执行率10、产出50、效益30、满意度10）"),
        ("en", "2020 self-evaluation"),
    ],
)
def test_rounds_name_their_framework_not_its_id(
    world: factories.World, language: str, title: str
) -> None:
    Round.objects.filter(pk=world.round.pk).update(framework_id="cn-2020-self")
    for url in ("/rounds/", f"/rounds/{world.round.pk}/"):
        html = page(world, "finance", url, language)
        assert title in html, url
        assert "cn-2020-self" not in html, url


def test_a_round_without_a_framework_says_default(world: factories.World) -> None:
    Round.objects.filter(pk=world.round.pk).update(framework_id="")
    assert "默认" in page(world, "finance", f"/rounds/{world.round.pk}/")


def test_english_indicator_cards_name_outcome_subclasses_in_english(
    world: factories.World,
) -> None:
    data = factories.dossier_data(world.unit_a.name)
    data["indicators"][0].update(level1="效益", level2="社会效益")
    factories.fill(world, "a", indicators=data["indicators"])
    url = f"/submissions/{world.sub('a').pk}/edit/indicators/"
    html = page(world, "filler_a", url, "en")
    assert "Social benefits" in html
    assert "社会效益</" not in html.replace('value="社会效益"', "")
    assert "社会效益" in page(world, "filler_a", url)


def test_the_seed_reports_audit_trail_reads_in_chinese(db: None) -> None:
    """The demo's own notes are what a clerk reads in the audit trail: no English tail."""
    from jixiao.web.evaluations.demo import _load_seed
    from jixiao.web.evaluations.models import AuditEntry

    _load_seed()
    reasons = list(AuditEntry.objects.values_list("reason", flat=True))
    assert reasons
    assert not [reason for reason in reasons if re.search("[A-Za-z]{2,}", reason)]


def test_every_seed_account_is_listed_for_the_demo(db: None) -> None:
    """The seed department's 主管部门 reviewer (who does its first review) is printed and shown on
    the login page like the other seed accounts, and the hint lists what loading creates."""
    from django.contrib.auth import get_user_model

    from jixiao.web.evaluations.demo import ACCOUNT_ROWS_HINT, _load_seed

    loaded = {row[1] for row in _load_seed()}
    assert "wanzai_dept" in loaded
    assert loaded <= {row[1] for row in ACCOUNT_ROWS_HINT}
    seed_users = get_user_model().objects.filter(username__startswith="wanzai_")
    assert set(seed_users.values_list("username", flat=True)) == loaded


@pytest.mark.parametrize(
    ("language", "phase", "item"),
    [
        ("zh-hans", "阶段：请选择", "经济分类：请选择"),
        ("en", "Phase: choose one", "Economic class"),
    ],
)
def test_a_half_filled_money_row_names_the_fields_it_still_needs(
    world: factories.World, language: str, phase: str, item: str
) -> None:
    """Only an amount typed: the row says which of its fields are missing, not 这个字段是必填项。"""
    factories.fill(world, "a")
    client = Client()
    client.force_login(world.users["filler_a"])
    row = {
        "head-unit": "万元",
        "rows-TOTAL_FORMS": "1",
        "rows-INITIAL_FORMS": "0",
        "rows-0-amount": "12",
    }
    url = f"/submissions/{world.sub('a').pk}/edit/money/"
    html = client.post(url, row, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert phase in html and item in html
    assert "这个字段是必填项" not in html and "This field is required" not in html
    assert 'value="12"' in html  # what was typed stays in the form


def test_a_report_that_cannot_be_rendered_tells_the_public_plainly_and_links_back(
    world: factories.World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A renderer's error names font files and set-up scripts, in two languages: it goes to the
    log and to the administrators, not to a member of the public; and 返回 is a real link (the
    old javascript: link was blocked by the Content-Security-Policy)."""
    from django.contrib.auth import get_user_model

    from jixiao.web.evaluations import reports

    def broken(document: object) -> bytes:
        raise RuntimeError("缺少字体 FandolFang R / Font FandolFang R is missing; run scripts/x.sh")

    monkeypatch.setattr(reports, "_renderer", lambda fmt: broken)
    factories.fill(world, "a")
    factories.advance(world, "a", "submit", "dept_approve", "finance_approve", "approve", "publish")
    pk = world.sub("a").pk
    url = f"/portal/reports/{pk}/report.pdf?download=1"
    public = Client().get(url, HTTP_ACCEPT_LANGUAGE="zh-hans")
    html = public.content.decode()
    assert public.status_code == 503
    assert "生成 PDF 失败，请稍后再试" in html
    assert "FandolFang" not in html and "scripts/" not in html and " / Font" not in html
    assert "javascript:" not in html and f'href="/portal/reports/{pk}/"' in html
    admin = get_user_model().objects.create_superuser("root_walk", "", factories.PASSWORD)
    staff = Client()
    staff.force_login(admin)
    assert "FandolFang" in staff.get(url).content.decode()  # the administrator sees the cause


def test_import_preview_names_fields_in_words_and_folds_the_sources(
    world: factories.World,
) -> None:
    """The preview of last year's report listed raw paths (profile.organisation_note,
    narratives.asset_management[0]) and dozens of sources.staffing.….file rows."""
    from pathlib import Path

    from django.core.files.uploadedfile import SimpleUploadedFile

    report = Path(__file__).resolve().parents[2] / "examples/wanzai-2021/original-report.txt"
    submission = factories.fill(world, "a")
    client = Client()
    client.force_login(world.users["filler_a"])
    file = SimpleUploadedFile(report.name, report.read_bytes())
    url = f"/submissions/{submission.pk}/import/"
    html = client.post(url, {"file": file}).content.decode()
    assert "导入预览" in html
    cells = re.findall(r'<tr data-path="[^"]*"><td>(.*?)</td>', html)
    assert cells and "单位概况 · 组织架构说明" in cells
    assert not [c for c in cells if re.search(r"\b[a-z_]+[.\[]", c)], cells[:5]
    assert "sources." not in html.replace('data-path="sources', "")
    assert re.search(r"另记录每个数字在原文中的出处（\d+ 项）", html)
    shown = re.search(r"只填入空白：将改动的字段（(\d+)）", html)
    assert shown and f"改动 {shown.group(1)} 项" in html  # the choice counts what the list shows


def test_finding_titles_on_the_dashboard_follow_the_page_language() -> None:
    """The dashboard's findings table (and the years page) showed the rule's Chinese title on an
    English page; the data keeps the Chinese, the table shows the rule's English title."""
    from django.utils import translation

    from jixiao.core.checks import RULES
    from jixiao.web.evaluations.templatetags.jixiao_i18n import finding_title
    from jixiao.web.oversight.tables import findings_table

    rule = RULES["staffing.W001"]
    row = {"id": rule.id, "level_label": "警告", "title": rule.title}
    row.update(reports=2, occurrences=2, waived=0)
    with translation.override("en"):
        assert findings_table([row]).rows[0][2] == rule.title_en
        assert finding_title("no.such", "原文") == "原文"
    with translation.override("zh-hans"):
        assert findings_table([row]).rows[0][2] == rule.title


def test_functional_areas_read_in_english_on_english_pages() -> None:
    """The ranking's 职能领域 and its filter showed 教育, 交通运输… on English pages."""
    from django.utils import translation

    from jixiao.web.oversight import vocabulary
    from jixiao.web.oversight.figures import FUNCTIONAL_AREAS, OTHER_AREA
    from jixiao.web.oversight.selectors import RANKING_COLUMNS
    from jixiao.web.oversight.tables import ranking_columns

    names = [name for name, _keywords in FUNCTIONAL_AREAS]
    assert set(vocabulary.FUNCTIONAL_AREAS) == set(names)
    with translation.override("en"):
        untranslated = [n for n in [*names, OTHER_AREA] if translation.gettext(n) == n]
        assert not untranslated
        assert translation.gettext("教育") == "Education"
    kinds = {c.key: t.kind for c, t in zip(RANKING_COLUMNS, ranking_columns(), strict=True)}
    assert kinds["area"] == "term"
