"""Use of results in a real browser: finance records a decision and a rectification item, the
unit notes its progress, finance confirms it and exports the 结果应用 register as Excel."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from jixiao.web.evaluations.models import DossierVersion
from tests.web.factories import PASSWORD, advance, build_world, fill

pytestmark = [pytest.mark.browser, pytest.mark.system, pytest.mark.django_db(transaction=True)]


def _sign_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")


def test_decision_item_progress_and_register(live_server, browser, shots):
    base = live_server.url
    world = build_world()
    fill(world, "a")
    submission = advance(world, "a", "submit", "dept_approve", "finance_approve")
    DossierVersion.objects.filter(pk=submission.current_version_id).update(
        final_grade="差", final_total=55
    )
    pk = submission.pk

    finance = browser.new_context(locale="zh-CN", accept_downloads=True).new_page()
    _sign_in(finance, base, world.users["finance"].username)
    finance.goto(f"{base}/submissions/{pk}/")
    finance.click("text=结果应用与监控")
    expect(finance.locator("#suggestion")).to_contain_text("压减下年度项目预算10%")
    finance.check("input[name=choice][value=change]")
    finance.select_option("#id_action", "reduce")
    finance.fill("#id_share", "8")
    finance.fill("#id_reason", "已开展自查，酌情减少压减比例")
    finance.click("#save-decision")
    expect(finance.locator(".messages")).to_contain_text("结果应用决定已保存")
    expect(finance.locator("#decision-text")).to_have_text("调整：压减预算8%")
    finance.click("text=下达整改事项")
    finance.fill("#id_description", "重新设定绩效指标，数量指标不低于上年实际")
    finance.fill("#id_responsible", "财务股")
    finance.fill("#id_due_date", "2028-06-30")
    finance.click("#save-item")
    expect(finance.locator("#items")).to_contain_text("未开始")
    shots(finance, "results-finance-decided")

    unit = browser.new_context(locale="zh-CN").new_page()
    _sign_in(unit, base, world.users["filler_a"].username)
    unit.goto(f"{base}/results/submissions/{pk}/")
    expect(unit.locator("#decision-form")).to_have_count(0)
    unit.click("text=更新整改进展")
    unit.fill("textarea[name=note]", "指标表已修订，报党组会审定")
    unit.check("input[name=report_done]")
    unit.click("text=提交进展")
    expect(unit.locator(".messages")).to_contain_text("整改进展已更新")
    expect(unit.locator("#items")).to_contain_text("待财政确认")
    shots(unit, "results-unit-progress")

    finance.goto(f"{base}/results/submissions/{pk}/")
    finance.click("text=提交审核")
    expect(finance.locator("#items")).to_contain_text("已完成")
    finance.goto(f"{base}/results/rounds/{world.round.pk}/")
    expect(finance.locator("#register")).to_contain_text("调整：压减预算8%")
    with finance.expect_download() as download:
        finance.click("#export-register")
    assert download.value.suggested_filename == "结果应用台账-2023.xlsx"
    with open(download.value.path(), "rb") as handle:
        workbook = load_workbook(io.BytesIO(handle.read()))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[2][1] == world.unit_a.name and rows[2][6] == "调整：压减预算8%"
    assert "（已完成，2028-06-30）" in rows[2][8]
