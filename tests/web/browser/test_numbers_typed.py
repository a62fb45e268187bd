"""Numbers typed as people type them, in a real browser: thousands separators and full-width digits
reach the server (the inputs are text inputs, not type=number) and are saved exactly."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.web.browser.test_journey import login
from tests.web.factories import build_world, dossier_data

pytestmark = [pytest.mark.browser, pytest.mark.system, pytest.mark.django_db(transaction=True)]


def test_typed_separators_and_full_width_digits_are_saved(live_server, page):
    base = live_server.url
    world = build_world()
    from jixiao.web.evaluations import services

    services.submission_save_dossier(
        actor=world.users["filler_a"],
        submission=world.sub("a"),
        data=dossier_data("测试县第一中学"),
    )
    pk = world.subs["a"].pk
    login(page, base, "filler_a")

    page.goto(f"{base}/submissions/{pk}/edit/money/")
    page.fill("input[name=rows-0-amount]", "1,382.5")
    page.click("#save")
    expect(page.locator(".messages")).to_contain_text("已保存")
    expect(page.locator("input[name=rows-0-amount]")).to_have_value("1382.5")

    page.goto(f"{base}/submissions/{pk}/edit/staffing/")
    page.fill("input[name=head-retired]", "１２")
    page.click("#save")
    expect(page.locator(".messages")).to_contain_text("已保存")
    expect(page.locator("input[name=head-retired]")).to_have_value("12")

    page.fill("input[name=head-retired]", "1,2")
    page.click("#save")
    expect(page.locator("[data-path='staffing.retired']")).to_contain_text("退休人数：千分位")

    data = world.sub("a").current_version.data
    assert data["money"]["lines"][0]["amount"] == "1382.5"
    assert data["staffing"]["retired"] == 12
