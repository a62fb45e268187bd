"""The finance re-score in a real browser: each item saves without a page reload, the row, the
合计 and the sidebar's final score follow, and a refused value shows next to its input."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from jixiao.web.evaluations import engine
from tests.web.factories import PASSWORD, advance, build_world, fill

pytestmark = [pytest.mark.browser, pytest.mark.system, pytest.mark.django_db(transaction=True)]


def test_rescore_saves_each_item_without_a_reload(live_server, page):
    base = live_server.url
    world = build_world()
    fill(world, "a")
    advance(world, "a", "submit", "dept_approve")
    pk = world.subs["a"].pk
    items = engine.assess(world.sub("a").current_version.data).items
    page.goto(f"{base}/login/")
    page.fill("#id_username", world.users["finance"].username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.goto(f"{base}/submissions/{pk}/")
    expect(page.locator("#final-total")).to_have_text("—（证据不足）")
    page.evaluate("window.__notReloaded = true")

    first = page.locator(f"[id='item-{items[0].id}']")
    first.locator("input[name=points]").fill("999")
    first.locator("input[name=comment]").fill("现场核实")
    first.locator("button[type=submit]").click()
    error = first.locator("[data-error-for=points]")
    expect(error).to_be_visible()
    expect(error).to_contain_text("0 到")

    for item in items:  # every item re-scored: the final score becomes computable
        row = page.locator(f"[id='item-{item.id}']")
        points = item.weight / 2
        row.locator("input[name=points]").fill(str(points))
        row.locator("input[name=comment]").fill("现场核实")
        row.locator("button[type=submit]").click()
        expect(row.locator(".rescore-status")).to_have_text("已保存")
        expect(row.locator(".rescore-points")).not_to_be_empty()
    expect(error).to_be_hidden()
    version = world.sub("a").current_version
    assert version.final_basis == "rescore"
    expect(page.locator("#final-total")).to_have_text(version.final_text)
    expect(page.locator("#final-grade")).to_have_text(version.final_grade)
    expect(page.locator("#final-label")).to_have_text("最终得分（财政复核）")
    expect(page.locator("#rescore-total")).to_contain_text(version.final_text)
    assert page.evaluate("window.__notReloaded") is True  # no page load happened
