"""A unit's own journey in a real browser: the clerk cannot submit before the unit head signs;
the head signs and submits through the confirmation page; the clerk still finds the report on the
dashboard, withdraws it before review, and the audit trail shows both steps."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from jixiao.web.evaluations.models import State
from tests.web.browser.test_journey import login
from tests.web.factories import build_world, fill

pytestmark = [pytest.mark.browser, pytest.mark.system, pytest.mark.django_db(transaction=True)]


def test_head_signs_and_submits_then_the_clerk_withdraws(live_server, page, shots):
    base = live_server.url
    world = build_world()
    fill(world, "a")
    pk = world.subs["a"].pk

    # the clerk: submit is refused until the head signs, and the page says so before anything
    login(page, base, "filler_a")
    page.click("#mine >> text=测试县第一中学")
    expect(page.locator("#sign-off")).to_contain_text("尚未审签")
    page.click("a[data-action=submit]")
    expect(page.locator("#refusal")).to_contain_text("单位负责人审签")
    expect(page.locator("#confirm-button")).to_have_count(0)
    shots(page, "workflow-01-submit-needs-sign-off")

    # the head: the confirmation page says what happens; 确认 signs and submits in one step
    login(page, base, "head_a")
    page.goto(f"{base}/submissions/{pk}/")
    page.click("a[data-action=submit]")
    expect(page.locator("#consequences")).to_contain_text("审签当前版本 v1 并提交")
    expect(page.locator("#consequences")).to_contain_text("主管部门 测试县教育局 的审核员")
    shots(page, "workflow-02-confirm-submit")
    page.click("#confirm-button")
    expect(page.locator("h1 .badge").first).to_have_text("已提交")
    expect(page.locator("#sign-off")).to_contain_text("head_a 已于")

    # the clerk: the dashboard still leads to the report; withdraw it with a reason
    login(page, base, "filler_a")
    expect(page.locator("#mine")).to_contain_text("已提交")
    expect(page.locator("main")).not_to_contain_text("暂无待办事项")
    shots(page, "workflow-03-dashboard-mine")
    page.click("#mine >> text=测试县第一中学")
    page.click("a[data-action=withdraw]")
    expect(page.locator("#consequences")).to_contain_text("草稿")
    page.fill("textarea[name=reason]", "补充佐证材料后再报")
    page.click("#confirm-button")
    expect(page.locator("h1 .badge").first).to_have_text("草稿")
    page.click("text=审计记录")
    expect(page.locator("#audit")).to_contain_text("负责人审签")
    expect(page.locator("#audit")).to_contain_text("补充佐证材料后再报")
    assert world.sub("a").state == State.DRAFT
