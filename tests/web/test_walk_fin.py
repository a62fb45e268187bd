"""Defects found walking the finance-bureau, admin and public journeys, each pinned by a test."""

from __future__ import annotations

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
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


def _import_page(client, world, sheet: str, language: str = "zh-hans") -> str:
    login(client, world, "admin")
    client.cookies["django_language"] = language
    upload = SimpleUploadedFile("orgs.csv", sheet.encode())
    return client.post(reverse("org_import"), {"file": upload}).content.decode()


@pytest.mark.django_db
def test_org_import_password_problems_are_chinese_on_chinese_pages(client, world):
    page = _import_page(client, world, "组织编码,用户名,角色,初始密码\nU1,weak,单位填报员,1\n")
    assert "第2行 初始密码：密码太短：至少须有 10 个字符。" in page
    assert "too short" not in page and "This password" not in page


@pytest.mark.django_db
def test_org_import_problems_are_english_on_english_pages(client, world):
    page = _import_page(
        client, world, "组织编码,用户名,角色,初始密码\nU1,weak,单位填报员,1\n", language="en"
    )
    assert "Row 2, 初始密码 (initial password): This password is too short" in page
    assert "第2行" not in page


@pytest.mark.django_db
def test_org_import_problems_use_chinese_colons_and_no_english_tail(client, world):
    name = "某" * 201
    page = _import_page(
        client,
        world,
        f"组织编码,组织名称,组织类型,上级编码\nX1,{name},单位,NOPE\nX2,甲,宇宙,F1\n",
    )
    assert "第2行 组织名称：超过 200 个字符" in page
    assert "第2行 上级编码：找不到组织 NOPE" in page
    assert "第3行 组织类型：应为 财政局、主管部门 或 单位，得到“宇宙”" in page
    assert "longer than" not in page and "行 组织" in page
    assert not re.search(r"第\d+行 [^<]*?: ", page)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "url"),
    [
        ("finance", "results:rules"),
        ("finance", "round_new"),
        ("finance", "password_change"),
    ],
)
def test_form_labels_end_in_a_chinese_colon_on_chinese_pages(client, world, who, url):
    login(client, world, who)
    page = client.get(reverse(url)).content.decode()
    labels = re.findall(r"<label[^>]*>([^<]*)</label>", page)
    assert labels and not [x for x in labels if x.endswith(":")], labels
    assert any(x.endswith("：") for x in labels)
    client.cookies["django_language"] = "en"
    page = client.get(reverse(url)).content.decode()
    assert not [x for x in re.findall(r"<label[^>]*>([^<]*)</label>", page) if "：" in x]


@pytest.mark.django_db
def test_results_errors_on_english_pages_are_sentences_with_an_english_colon(client, world):
    fill(world, "a")
    advance(world, "a", "submit", "dept_approve", "finance_approve")
    login(client, world, "finance")
    client.cookies["django_language"] = "en"
    pk = world.subs["a"].pk
    page = client.post(
        reverse("results:item_new", args=[pk]),
        {"description": "整改", "responsible": "办公室", "due_date": "2024-09-30"},
    ).content.decode()
    assert "Describe the item (4+ chars)" in page
    page = client.post(
        reverse("results:decide", args=[pk]),
        {"choice": "change", "action": "reduce", "share": "abc", "amount_unit": "万元"},
    ).content.decode()
    assert "Share (%): " in page and "Share (%)：" not in page
    page = client.get(reverse("results:submission", args=[pk])).content.decode()
    assert not re.findall(r"<li>[a-z][^<]*", page)


@pytest.mark.django_db
def test_english_dashboard_export_headers_are_capitalised_and_levels_singular(fake_findings):
    from tests.web.oversight_data import build_county

    county = build_county()
    client = Client()
    client.force_login(county.users["finance"])
    client.cookies["django_language"] = "en"
    url = reverse("oversight:round_dashboard_export", args=[county.round.pk, "all"])
    book = load_workbook(io.BytesIO(b"".join(client.get(url).streaming_content)))
    headers = [
        str(cell)
        for sheet in book.worksheets
        for cell in next(sheet.iter_rows(values_only=True))
        if cell
    ]
    assert "Of which on time" in headers and "Of which waived" in headers
    assert not [h for h in headers if h[:1].islower()], headers
    findings = book[next(n for n in book.sheetnames if n.startswith("Findings"))]
    levels = {row[1] for row in list(findings.iter_rows(values_only=True))[1:] if row[1]}
    assert levels and levels <= {"Error", "Warning", "Info"}, levels


@pytest.mark.django_db
def test_org_import_refuses_a_bad_email_and_lists_the_roles_the_sheet_accepts(client, world):
    sheet = "组织编码,用户名,角色,邮箱\nU1,newbie,科长,x\n"
    page = _import_page(client, world, sheet)
    assert "第2行 邮箱：“x”不是有效的邮箱地址" in page
    page = _import_page(client, world, sheet, language="en")
    assert "Row 2, 邮箱 (email): “x” is not a valid email address" in page
    assert (
        "expected one of 单位填报员、单位负责人" in page
    )  # the values to write, not their English
    assert "written in Chinese as shown" in page  # the page's help, translated
    from django.contrib.auth import get_user_model

    assert not get_user_model().objects.filter(username="newbie").exists()


@pytest.mark.django_db
def test_the_round_report_zip_downloads_under_a_name_a_clerk_can_file(
    client, world, django_capture_on_commit_callbacks
):
    from urllib.parse import unquote

    from jixiao.web.evaluations.models import BatchJob

    fill(world, "a")
    advance(world, "a", "submit", "dept_approve", "finance_approve", "approve")
    login(client, world, "finance")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("round_export", args=[world.round.pk]), {"fmt": "md"})
    response = client.get(reverse("job_download", args=[BatchJob.objects.get().pk]))
    name = unquote(response["Content-Disposition"])
    assert "2023年度 测财监〔2024〕1号 评价报告（MD）.zip" in name
    assert "reports" not in name


@pytest.mark.django_db
def test_the_admin_index_names_jixiaos_apps_in_the_page_language(client, world):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("root", password=PASSWORD)
    assert client.login(username="root", password=PASSWORD)
    page = client.get("/admin/").content.decode()
    assert "组织与人员" in page and "绩效评价" in page
    assert " / Organisations" not in page and " / Evaluations" not in page
    assert "档案版本" in page and "批量任务" in page
    assert "Dossier versions" not in page and "Batch jobs" not in page
    client.cookies["django_language"] = "en"
    page = client.get("/admin/").content.decode()
    assert "Organisations" in page and "Evaluations" in page and "组织与人员" not in page
    assert "Dossier versions" in page and "Batch jobs" in page


@pytest.mark.django_db
def test_target_quality_in_english_is_sentences_without_chinese_evidence(fake_findings):
    from tests.web.oversight_planted import build_planted_county

    county = build_planted_county()
    client = Client()
    client.force_login(county.users["finance"])
    client.cookies["django_language"] = "en"
    page = client.get(reverse("submission_detail", args=[county.subs["yi"].pk])).content.decode()
    panel = page.split('id="target-review"')[1].split("</div>\n")[0]
    assert "The target of" in panel and "asks less than last year" in panel
    assert "the target of" not in panel
    assert "上年实际" not in panel  # the evidence line is in English too


def _english_text_nodes_starting_lowercase(page: str) -> list[str]:
    """Text right after a tag in <main> that starts with a lowercase English word (ids such as
    budget.W001 excepted)."""
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    starts = (
        r"(?:<(?:li|td|th|p|div|h2|summary|label|button)\b[^>]*>|<span class=\"id\">[^<]*</span>)"
    )
    texts = re.findall(starts + r"\s*([a-z][a-z-]+\b[^<]{0,40})", main)
    return [t for t in texts if not re.match(r"[a-z_]+\.[A-Z]\d{3}", t)]


@pytest.mark.django_db
def test_the_distrust_table_and_findings_read_as_sentences_in_english(fake_findings):
    from tests.web.oversight_planted import build_planted_county

    county = build_planted_county()
    client = Client()
    client.force_login(county.users["finance"])
    client.cookies["django_language"] = "en"
    page = client.get(reverse("oversight:round_dashboard", args=[county.round.pk])).content.decode()
    assert "Self-score " in page and "of its paragraphs found in other reports" in page
    assert not _english_text_nodes_starting_lowercase(page)
    detail = client.get(reverse("submission_detail", args=[county.subs["yi"].pk])).content.decode()
    assert not _english_text_nodes_starting_lowercase(detail)


def test_a_findings_english_message_and_hint_start_uppercase_names_do_not():
    from django.utils import translation

    from jixiao.web.evaluations.templatetags.jixiao_i18n import english

    finding = {
        "message": "绩效目标3使用“提高”等词却没有数字",
        "message_en": "goal 3 uses vague wording without a number",
        "hint": "细化目标",
        "hint_en": "make the goal measurable",
        "name": "演示",
        "name_en": "kWh per head",
    }
    with translation.override("en"):
        assert str(english(finding, "message")).startswith("Goal 3 uses")
        assert str(english(finding, "hint")).startswith("Make the goal")
        assert str(english(finding, "name")) == "kWh per head"
    with translation.override("zh-hans"):
        assert str(english(finding, "message")).startswith("绩效目标3")


@pytest.mark.django_db
def test_the_results_register_in_english_starts_its_suggestions_uppercase(client, world):
    fill(world, "a")
    advance(world, "a", "submit", "dept_approve", "finance_approve")
    login(client, world, "finance")
    client.cookies["django_language"] = "en"
    page = client.get(reverse("results:register", args=[world.round.pk])).content.decode()
    assert "Keep next year's budget" in page.replace("&#x27;", "'")
    assert "keep next year's budget" not in page.replace("&#x27;", "'")


@pytest.mark.django_db
def test_the_change_password_form_refuses_a_short_password_in_chinese(client, world):
    login(client, world, "filler_a")
    page = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "Ab3$x", "new_password2": "Ab3$x"},
    ).content.decode()
    assert "密码太短：至少须有 10 个字符。" in page and "密码至少须有 10 个字符。" in page
    assert "too short" not in page and "at least 10 characters" not in page


def test_grades_outside_the_chinese_report_body_are_shown_in_the_page_language():
    """优/良/中/差 are stored Chinese words: a page shows them through |term (Excellent… on an
    English page), as the confirmation page's computed score once did not."""
    from pathlib import Path

    web = Path(__file__).resolve().parents[2] / "jixiao" / "web"
    bare = []
    for template in web.rglob("templates/**/*.html"):
        in_report = False  # the published report's own text is Chinese (<article lang="zh">)
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
            in_report = (in_report or '<article class="report"' in line) and (
                "</article>" not in line
            )
            if not in_report and re.search(r"\{\{ [\w.]*grade \}\}", line):
                bare.append(f"{template.relative_to(web)}:{number}")
    assert not bare, bare
