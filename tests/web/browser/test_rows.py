"""List sections in a real browser: 添加一行 adds rows without losing what is typed, the added rows
save, and evidence is uploaded from the indicator's own card."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.web.factories import PASSWORD, build_world, fill

pytestmark = [pytest.mark.browser, pytest.mark.system, pytest.mark.django_db(transaction=True)]


def login(page, base, username):
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_contain_text("工作台")


def test_add_two_money_lines_and_save(live_server, page):
    world = build_world()
    submission = fill(world, "a")
    login(page, live_server.url, "filler_a")
    page.goto(f"{live_server.url}/submissions/{submission.pk}/edit/money/")
    rows = page.locator("#row-list > tr")
    expect(rows).to_have_count(3)  # two stored lines and one empty row
    page.fill("input[name=rows-0-note]", "已改说明")  # typed before adding rows: must survive
    page.click("[data-add-row]")
    page.click("[data-add-row]")
    expect(rows).to_have_count(5)
    for index, amount in ((2, "10.5"), (3, "1,382.5")):
        page.select_option(f"select[name=rows-{index}-phase]", "年初预算")
        page.select_option(f"select[name=rows-{index}-item]", index=2)
        page.fill(f"input[name=rows-{index}-amount]", amount.replace(",", ""))
    expect(page.locator("input[name=rows-0-note]")).to_have_value("已改说明")
    page.click("#save")
    expect(page.locator(".messages")).to_contain_text("已保存")
    lines = world.sub("a").current_version.data["money"]["lines"]
    assert [line["amount"] for line in lines] == ["120.50", "30.25", "10.5", "1382.5"]
    assert lines[0]["note"] == "已改说明"


def test_indicator_cards_fold_and_take_evidence_in_place(live_server, page, tmp_path):
    world = build_world()
    submission = fill(world, "a")
    login(page, live_server.url, "filler_a")
    page.goto(f"{live_server.url}/submissions/{submission.pk}/edit/indicators/")
    card = page.locator("details#row-0")
    expect(card.locator("summary")).to_contain_text("重点工作完成数")
    expect(card.locator("summary")).to_contain_text("目标 ≥ 10项")
    if card.get_attribute("open") is None:
        card.locator("summary").click()
    proof = tmp_path / "会议记录.pdf"
    proof.write_bytes(b"%PDF-1.4 proof")
    card.locator("input[type=file]").set_input_files(str(proof))
    card.locator("button", has_text="上传").click()
    expect(page.locator(".messages")).to_contain_text("已上传佐证材料")
    expect(page.locator("details#row-0 .evidence")).to_contain_text("会议记录.pdf")
    assert world.sub("a").current_version.data["indicators"][0]["evidence"] == ["会议记录.pdf"]
