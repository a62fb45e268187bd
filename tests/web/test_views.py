"""View tests: pages render for each role, forms save through services, query counts stay flat."""

from __future__ import annotations

import pytest
from django.urls import reverse

from jixiao.web.evaluations.models import AuditEntry, State, Submission
from tests.web.factories import PASSWORD, advance, dossier_data, fill

pytestmark = pytest.mark.django_db


def login(client, world, who):
    assert client.login(username=world.users[who].username, password=PASSWORD)
    return client


def test_pages_need_login(client, world):
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_dashboard_lists_the_units_own_todo_with_allowed_actions(client, world):
    login(client, world, "filler_a")
    page = client.get(reverse("dashboard")).content.decode()
    assert "测试县第一中学" in page and "提交" in page
    assert "测试县第二中学" not in page and "测试县人民医院" not in page


def test_submission_pages_render_for_owner(client, world):
    fill(world, "a")
    login(client, world, "filler_a")
    pk = world.subs["a"].pk
    for url in [
        reverse("submission_detail", args=[pk]),
        reverse("submission_audit", args=[pk]),
        *[
            reverse("submission_section", args=[pk, key])
            for key in (
                "profile",
                "staffing",
                "assets",
                "money",
                "goals",
                "indicators",
                "narratives",
                "self_evaluation",
            )
        ],
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "您可执行的操作" in response.content.decode()


@pytest.mark.parametrize("who", ["filler_b", "filler_c", "dept2"])
def test_other_departments_cannot_see_or_change_a_submission(client, world, who):
    fill(world, "a")
    login(client, world, who)
    pk = world.subs["a"].pk
    assert client.get(reverse("submission_detail", args=[pk])).status_code == 404
    assert client.get(reverse("submission_section", args=[pk, "staffing"])).status_code == 404
    assert client.get(reverse("submission_audit_csv", args=[pk])).status_code == 404
    response = client.post(reverse("submission_action", args=[pk, "submit"]))
    assert response.status_code == 404
    response = client.post(
        reverse("submission_section", args=[pk, "profile"]), {"head-name": "篡改的名称"}
    )
    assert response.status_code == 404
    assert world.sub("a").current_version.data["profile"]["name"] == "测试县第一中学"
    assert world.sub("a").state == State.DRAFT


def test_reviewer_cannot_edit_through_the_form(client, world):
    fill(world, "a")
    login(client, world, "dept")
    pk = world.subs["a"].pk
    response = client.post(
        reverse("submission_section", args=[pk, "profile"]), {"head-name": "改名"}
    )
    assert response.status_code == 403


def test_staffing_form_saves_audits_and_refreshes_score(client, world):
    login(client, world, "filler_a")
    pk = world.subs["a"].pk
    response = client.post(
        reverse("submission_section", args=[pk, "staffing"]),
        {"head-authorized_s0": "12", "head-in_service_s0": "11", "head-retired": "4"},
    )
    assert response.status_code == 302
    data = world.sub("a").current_version.data
    assert data["staffing"] == {
        "authorized": {"行政编制": 12},
        "in_service": {"行政编制": 11},
        "retired": 4,
    }
    edit = AuditEntry.objects.filter(submission_id=pk, action="edit").last()
    assert {"path": "staffing.in_service.行政编制", "old": None, "new": "11"} in edit.changes
    page = client.get(response["Location"]).content.decode()
    assert "已保存" in page


def test_form_shows_core_validation_error_next_to_the_field(client, world):
    fill(world, "a")
    login(client, world, "filler_a")
    pk = world.subs["a"].pk
    response = client.post(reverse("submission_section", args=[pk, "profile"]), {"head-name": "中"})
    assert response.status_code == 200
    form = response.context["form"]
    assert "文字过短" in str(form.errors["name"])  # the core's rule, placed on the name field
    assert world.sub("a").current_version.data["profile"]["name"] == "测试县第一中学"


def test_invalid_indicator_reference_is_shown_on_the_row(client, world):
    fill(world, "a")
    login(client, world, "filler_a")
    pk = world.subs["a"].pk
    row = {
        "rows-TOTAL_FORMS": "1",
        "rows-INITIAL_FORMS": "1",
        "rows-0-id": "done",
        "rows-0-name": "完成数",
        "rows-0-level1": "产出",
        "rows-0-comparator": "≥",
        "rows-0-goal": "G9",
    }
    response = client.post(reverse("submission_section", args=[pk, "indicators"]), row)
    assert response.status_code == 200
    page = response.content.decode()
    assert "目标 &#x27;G9&#x27; 不存在" in page or "目标 'G9' 不存在" in page
    assert world.sub("a").current_version.data["indicators"][0]["goal"] == "G1"


def test_return_requires_reason_via_ui_and_shows_it(client, world):
    fill(world, "a")
    advance(world, "a", "submit")
    login(client, world, "dept")
    pk = world.subs["a"].pk
    client.post(reverse("submission_action", args=[pk, "return"]), {"reason": ""})
    assert world.sub("a").state == State.SUBMITTED
    client.post(reverse("submission_action", args=[pk, "return"]), {"reason": "资产数据缺少上年数"})
    assert world.sub("a").state == State.RETURNED
    client.logout()
    login(client, world, "filler_a")
    assert (
        "资产数据缺少上年数" in client.get(reverse("submission_detail", args=[pk])).content.decode()
    )


def test_audit_csv_export(client, world):
    fill(world, "a")
    login(client, world, "filler_a")
    response = client.get(reverse("submission_audit_csv", args=[world.subs["a"].pk]))
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert "staffing.in_service.行政编制" in text and "filler_a" in text


def test_audit_csv_escapes_user_text_a_spreadsheet_would_run(client, world):
    """A reason or a value starting with = + - @ is written as text ('=…), never as a formula."""
    import csv
    import io

    from jixiao.web.evaluations import services
    from tests.web.factories import advance

    fill(world, "a")
    advance(world, "a", "submit")
    services.submission_transition(
        actor=world.users["dept"],
        submission=world.sub("a"),
        action="return",
        reason='=HYPERLINK("http://evil.example","点此")',
    )
    login(client, world, "filler_a")
    response = client.get(reverse("submission_audit_csv", args=[world.subs["a"].pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    reasons = [row[6] for row in rows[1:] if "HYPERLINK" in row[6]]
    assert reasons == ['\'=HYPERLINK("http://evil.example","点此")']
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)


def test_round_page_query_count_does_not_grow_with_rows(
    client, world, django_assert_max_num_queries
):
    login(client, world, "finance")
    url = reverse("round_detail", args=[world.round.pk])
    # 18: the page also counts its rows (pagination), reads the page's ids before its rows
    # (paging.IdPaginator) and lists the 主管部门 for the filter (the tree's depth, then the
    # 主管部门 by path prefix), and reads the round's revision and deadline (round_figures; cold
    # here: a warm request skips the aggregates, tests/web/test_round_figures.py)
    with django_assert_max_num_queries(19):
        assert client.get(url).status_code == 200
    from datetime import timedelta

    from django.utils import timezone

    from jixiao.web.evaluations import services
    from jixiao.web.orgs.models import Org, OrgKind

    units = [
        Org.objects.create(name=f"扩展单位{i}", code=f"E{i}", kind=OrgKind.UNIT, parent=world.dept)
        for i in range(25)
    ]
    extra = services.round_open(
        actor=world.users["finance"],
        finance=world.finance,
        year=2023,
        notice="测财监〔2024〕5号",
        title="t",
        deadline=timezone.now() + timedelta(days=3),
        units=units,
    )
    with django_assert_max_num_queries(19):
        assert client.get(reverse("round_detail", args=[extra.pk])).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(reverse("dashboard")).status_code == 200


def test_portal_lists_only_published_and_renders_report(client, world):
    fill(world, "a")
    fill(world, "b")
    advance(world, "a", "submit", "dept_approve", "finance_approve", "approve", "publish")
    advance(world, "b", "submit")
    page = client.get(reverse("portal:index")).content.decode()
    assert "测试县第一中学" in page and "测试县第二中学" not in page
    assert client.get(reverse("portal:report", args=[world.subs["b"].pk])).status_code == 404
    response = client.get(reverse("portal:report", args=[world.subs["a"].pk]))
    assert response.status_code == 200 and "测试县第一中学" in response.content.decode()
    search = client.get(reverse("portal:index"), {"q": "第二"})
    assert list(search.context["page"]) == []
    found = client.get(reverse("portal:index"), {"q": "第一", "year": "2023"})
    assert [s.org.name for s in found.context["page"]] == ["测试县第一中学"]


def test_portal_query_count(client, world, django_assert_max_num_queries):
    for key in ("a", "b", "c"):
        fill(world, key)
        advance(world, key, "submit", "dept_approve", "finance_approve", "approve", "publish")
    with django_assert_max_num_queries(6):
        assert client.get(reverse("portal:index")).status_code == 200


def test_open_round_through_the_form(client, world):
    login(client, world, "finance")
    response = client.post(
        reverse("round_new"),
        {
            "finance": world.finance.pk,
            "year": 2024,
            "notice": "测财监〔2025〕3号",
            "title": "2024年度自评",
            "framework_id": "",
            "deadline": "2025-04-30T18:00",
            "units": [world.unit_a.pk, world.unit_c.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Submission.objects.filter(round__notice="测财监〔2025〕3号").count() == 2
    login(client, world, "filler_b")
    assert client.get(reverse("round_new")).status_code == 403


def test_english_is_available(client, world):
    login(client, world, "filler_a")
    page = client.get(reverse("dashboard"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Dashboard" in page and "Log out" in page and "Draft" in page
    chinese = client.get(reverse("dashboard")).content.decode()
    assert "工作台" in chinese and "草稿" in chinese


def test_findings_show_inline_in_their_section(client, world, fake_findings):
    fill(world, "a")
    fake_findings.error("indicators.E009", "indicators[0].target")
    fake_findings.error("staffing.E002", "staffing.in_service")
    from jixiao.web.evaluations import services

    services.refresh_assessment(world.sub("a").current_version)
    login(client, world, "filler_a")
    pk = world.subs["a"].pk
    page = client.get(reverse("submission_section", args=[pk, "indicators"])).content.decode()
    field = page.split('data-path="indicators[0].target"', 1)[1].split(
        'data-path="indicators[0].', 1
    )[0]
    assert "indicators.E009" in field  # next to the target field of the first indicator
    staffing = client.get(reverse("submission_section", args=[pk, "staffing"])).content.decode()
    assert 'data-where="staffing.in_service"' in staffing  # at the top of the section


def test_no_remote_assets_on_pages_or_api_docs(client, world):
    import re

    login(client, world, "filler_a")
    pages = [
        reverse("dashboard"),
        reverse("submission_detail", args=[world.subs["a"].pk]),
        reverse("portal:index"),
        "/api/docs",
    ]
    for url in pages:
        html = client.get(url).content.decode()
        remote = re.findall(r'(?:src|href)="(?:https?:)?//[^"]+"', html)
        assert remote == [], (url, remote)


def test_finance_rescore_through_the_page_with_the_real_pipeline(client, world):
    from jixiao.web.evaluations import engine

    fill(world, "a")
    advance(world, "a", "submit", "dept_approve")
    item = next(
        i for i in engine.assess(world.sub("a").current_version.data).items if i.points is not None
    )
    login(client, world, "finance")
    url = reverse("submission_rescore", args=[world.subs["a"].pk])
    client.post(url, {"item_id": item.id, "points": "abc"})
    assert not world.sub("a").rescores.exists()
    client.post(
        url, {"item_id": item.id, "points": str(item.weight / 2), "comment": "佐证不足，减半"}
    )
    page = client.get(reverse("submission_detail", args=[world.subs["a"].pk])).content.decode()
    assert "佐证不足，减半" in page
    rescore = world.sub("a").rescores.get()
    assert rescore.points == item.weight / 2


def test_admin_pages_for_superuser(client, world, django_assert_max_num_queries):
    from django.contrib.auth import get_user_model

    fill(world, "a")
    get_user_model().objects.create_superuser("root", "root@example.org", PASSWORD)
    assert client.login(username="root", password=PASSWORD)
    for name in ("submission", "auditentry", "round", "dossierversion"):
        with django_assert_max_num_queries(12):
            assert client.get(f"/admin/evaluations/{name}/").status_code == 200
    assert client.get("/admin/orgs/org/").status_code == 200


def test_media_files_are_not_served_directly(client, world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from jixiao.web.evaluations import services

    fill(world, "a")
    upload = SimpleUploadedFile("台账.pdf", b"%PDF-1.4 secret", content_type="application/pdf")
    evidence = services.submission_add_evidence(
        actor=world.users["filler_a"], submission=world.sub("a"), indicator_id="done", upload=upload
    )
    assert client.get("/media/" + evidence.file.name).status_code == 404
    login(client, world, "filler_b")
    assert client.get(reverse("evidence_download", args=[evidence.pk])).status_code == 404
    client.logout()
    login(client, world, "dept")
    response = client.get(reverse("evidence_download", args=[evidence.pk]))
    assert (
        response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 secret"
    )


def test_section_forms_in_english(client, world):
    login(client, world, "filler_a")
    page = client.get(
        reverse("submission_section", args=[world.subs["a"].pk, "staffing"]),
        HTTP_ACCEPT_LANGUAGE="en",
    ).content.decode()
    assert "2. Staffing" in page and "Retired" in page and "Authorized" in page


def test_todo_holds_only_what_is_the_users_turn(client, world):
    fill(world, "a")
    fill(world, "b")
    advance(world, "a", "submit")  # the 主管部门's turn
    advance(world, "b", "submit", "dept_approve")  # the bureau's turn
    login(client, world, "finance")
    todo = [s.org.name for s, _ in client.get(reverse("dashboard")).context["todo"]]
    assert todo == ["测试县第二中学"]
    client.logout()
    login(client, world, "dept")
    todo = [s.org.name for s, _ in client.get(reverse("dashboard")).context["todo"]]
    assert todo == ["测试县第一中学"]


def test_login_page_lists_demo_accounts_in_development(client, db, settings):
    from jixiao.web.orgs.models import Org, OrgKind

    assert "demo-accounts" not in client.get(reverse("login")).content.decode()
    Org.objects.create(name="演示县财政局", code="DEMO-CZ", kind=OrgKind.FINANCE, is_demo=True)
    assert "demo-accounts" not in client.get(reverse("login")).content.decode()  # not in production
    settings.DEBUG = True
    page = client.get(reverse("login")).content.decode()
    assert "demo-accounts" in page and "demo_finance" in page and "jixiao-demo" in page


def test_round_page_statistics(client, world, fake_findings):
    for key in ("a", "b", "c"):
        fill(world, key)
        advance(world, key, "submit")  # drafts are not counted
    login(client, world, "finance")
    stats = client.get(reverse("round_detail", args=[world.round.pk])).context["stats"]
    assert stats["average"] == stats["highest"] == stats["lowest"]  # the fake pipeline scores 88.5
    assert float(stats["average"]) == 88.5 and dict(stats["grades"])["良"] == 3
    client.logout()
    login(client, world, "filler_a")  # a unit sees statistics of its own submission only
    stats = client.get(reverse("round_detail", args=[world.round.pk])).context["stats"]
    assert dict(stats["grades"])["良"] == 1


def test_error_pages_explain_in_chinese(client, world):
    fill(world, "a")
    login(client, world, "dept")
    forbidden = client.post(
        reverse("submission_section", args=[world.subs["a"].pk, "profile"]), {"head-name": "改名"}
    )
    assert forbidden.status_code == 403 and "当前不能修改" in forbidden.content.decode()
    missing = client.get("/submissions/999999/")
    assert missing.status_code == 404 and "页面不存在" in missing.content.decode()


def test_stated_figures_can_be_corrected_next_to_their_finding(client, world):
    from jixiao.web.evaluations import services

    stated = [
        {
            "key": "staffing.in_service",
            "value": "12",
            "unit": "人",
            "source": {"locator": "一（一）2", "text": "在职人数12人"},
        }
    ]
    services.submission_save_dossier(
        actor=world.users["filler_a"],
        submission=world.sub("a"),
        data=dossier_data("测试县第一中学", stated=stated),
    )
    version = world.sub("a").current_version
    assert any(
        f["where"] == "staffing.in_service" and f["level"] == "error" for f in version.findings
    )
    login(client, world, "filler_a")
    url = reverse("submission_section", args=[world.subs["a"].pk, "stated"])
    page = client.get(url).content.decode()
    row = page.split('id="row-0"', 1)[1].split("</tr>", 1)[0]
    assert "staffing.E00" in row  # the mismatch is shown on the stated figure's row
    form = {
        "rows-TOTAL_FORMS": "1",
        "rows-INITIAL_FORMS": "1",
        "rows-0-key": "staffing.in_service",
        "rows-0-value": "9",
        "rows-0-unit": "人",
    }
    assert client.post(url, form).status_code == 302
    version = world.sub("a").current_version
    assert version.data["stated"][0]["value"] == "9"
    assert version.data["stated"][0]["source"]["text"] == "在职人数12人"  # provenance kept
    assert version.error_count == 0


def test_overview_shows_last_years_result(client, world):
    from datetime import timedelta

    from django.utils import timezone

    from jixiao.web.evaluations import services

    fill(world, "a")
    advance(world, "a", "submit", "dept_approve", "finance_approve", "approve")
    new = services.round_open(
        actor=world.users["finance"],
        finance=world.finance,
        year=2024,
        notice="测财监〔2025〕1号",
        title="t",
        deadline=timezone.now() + timedelta(days=9),
        units=[world.unit_a],
    )
    login(client, world, "filler_a")
    page = client.get(
        reverse("submission_detail", args=[new.submissions.get().pk])
    ).content.decode()
    assert 'id="last-year"' in page and "测财监〔2024〕1号" in page


def test_the_audit_page_names_people_as_colleagues_know_them(client, world):
    clerk = world.users["filler_a"]
    clerk.first_name = "李晓红"
    clerk.save()
    fill(world, "a")
    login(client, world, "filler_a")
    page = client.get(reverse("submission_audit", args=[world.subs["a"].pk])).text
    assert f"李晓红（{clerk.username}）" in page
