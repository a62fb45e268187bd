"""The main journey in a real browser: fill in, the unit head signs and submits, return with a
reason, fix and resubmit, review and approve, publish (each forward step through its confirmation
page); the public portal shows the report and its PDF downloads."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from jixiao.web.evaluations.models import State
from tests.web.factories import PASSWORD, build_world, dossier_data

pytestmark = [pytest.mark.browser, pytest.mark.system, pytest.mark.django_db(transaction=True)]


def login(page, base, username):
    page.goto(f"{base}/logout/") if False else None
    page.context.clear_cookies()
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_contain_text("工作台")


def act(page, action, reason=None):
    if reason is None:  # a forward action: its confirmation page, then 确认
        page.click(f"a[data-action={action}]")
        expect(page.locator("h1")).to_contain_text("确认")
        page.click("#confirm-button")
    else:
        details = page.locator("details", has=page.locator(f"button[data-action={action}]"))
        details.locator("summary").click()
        details.locator("textarea[name=reason]").fill(reason)
        details.locator(f"button[data-action={action}]").click()


def test_department_to_portal_journey(live_server, page, shots):
    base = live_server.url
    world = build_world()
    from jixiao.web.evaluations import services

    data = dossier_data("测试县第一中学")
    data.pop("staffing")  # the department fills the staffing table in the browser
    services.submission_save_dossier(
        actor=world.users["filler_a"], submission=world.sub("a"), data=data
    )
    pk = world.subs["a"].pk

    # 1. the department fills in the 人员 section and submits
    page.goto(f"{base}/login/")
    shots(page, "01-login")
    login(page, base, "filler_a")
    shots(page, "02-dashboard-unit")
    page.click("table.list >> text=测试县第一中学")
    page.click("text=二、人员情况")
    page.fill("input[name=head-authorized_s0]", "10")
    page.fill("input[name=head-in_service_s0]", "9")
    page.fill("input[name=head-retired]", "3")
    page.click("#save")
    expect(page.locator(".messages")).to_contain_text("已保存")
    expect(page.locator("input[name=head-in_service_s0]")).to_have_value("9")
    shots(page, "03-section-staffing")
    page.click("text=总览与评分")
    shots(page, "04-submission-overview")

    # the unit head signs the report off and submits it (one step, after the confirmation page)
    login(page, base, "head_a")
    page.goto(f"{base}/submissions/{pk}/")
    act(page, "submit")
    expect(page.locator("h1 .badge").first).to_have_text("已提交")

    # 2. the 主管部门 reviewer returns it with a reason
    login(page, base, "dept_rev")
    page.goto(f"{base}/submissions/{pk}/")
    act(page, "return", "请补充问题分析")
    expect(page.locator("h1 .badge").first).to_have_text("已退回")

    # 3. the department sees the reason, fixes the narrative and resubmits
    login(page, base, "filler_a")
    page.goto(f"{base}/submissions/{pk}/")
    expect(page.locator("main")).to_contain_text("请补充问题分析")
    page.click("text=七、文字说明")
    page.fill(
        "textarea[name=head-problems]", "一是项目支出执行进度前慢后快；二是部分指标设置偏低。"
    )
    page.click("#save")
    expect(page.locator(".messages")).to_contain_text("已保存")
    login(page, base, "head_a")  # the edit voided the sign-off: the head signs and submits again
    page.goto(f"{base}/submissions/{pk}/")
    act(page, "submit")
    expect(page.locator("h1 .badge").first).to_have_text("已提交")

    # 4. first review, then the finance bureau approves and publishes
    login(page, base, "dept_rev")
    page.goto(f"{base}/submissions/{pk}/")
    act(page, "dept_approve")
    login(page, base, "fin_rev")
    page.goto(f"{base}/rounds/{world.round.pk}/")
    shots(page, "05-round-finance")
    page.goto(f"{base}/submissions/{pk}/")
    act(page, "finance_approve")
    act(page, "approve")
    expect(page.locator("h1 .badge").first).to_have_text("已批准")
    act(page, "publish")
    expect(page.locator("h1 .badge").first).to_have_text("已公开")
    page.click("text=审计记录")
    expect(page.locator("#audit")).to_contain_text("请补充问题分析")
    shots(page, "06-audit-trail")
    assert world.sub("a").state == State.PUBLISHED

    # 5. the public portal, no login: list, HTML view, PDF download
    page.context.clear_cookies()
    page.goto(f"{base}/portal/")
    expect(page.locator("#reports")).to_contain_text("测试县第一中学")
    shots(page, "07-portal-index")
    page.click("#reports >> text=测试县第一中学")
    expect(page.locator("#report")).to_contain_text("测试县第一中学")
    shots(page, "08-portal-report")
    with page.expect_download() as download_info:
        page.click("#download-pdf")
    download = download_info.value
    assert re.search(r"\.pdf$", download.suggested_filename)
    with open(download.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"
