"""Reused text in a real browser: the dashboard's ranking sorts by the 文字重复率 column, the
distrust table links each reason to its evidence, and the 重复段落 view shows a reused
paragraph beside its source with the common text marked, at 1366 and 390 px; a unit sees its
paragraph matched without the other unit's unpublished text."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.web.browser.test_dashboard import login
from tests.web.oversight_planted import SOURCE_ONLY, build_planted_county

pytestmark = [pytest.mark.browser, pytest.mark.system, pytest.mark.django_db(transaction=True)]


def test_reuse_column_and_side_by_side_view(live_server, page, shots, fake_findings):
    county = build_planted_county()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    login(page, live_server.url, "finance")
    page.goto(f"{live_server.url}/oversight/rounds/{county.round.pk}/")
    page.click("#table-ranking th a[data-sort=reuse]")  # a number: largest first
    expect(page.locator("#table-ranking th[aria-sort=descending]")).to_contain_text("文字重复率")
    units = page.locator("#table-ranking tbody tr td:nth-child(2)").all_inner_texts()
    assert [u.strip() for u in units][:2] == ["测试县第一中学", "测试县人民医院"]
    expect(page.locator("#table-distrust tbody tr").first).to_contain_text("测试县第一中学")
    shots(page, "dashboard-reuse")

    row = page.locator(f"#table-distrust tr[data-pk='{county.subs['yy'].pk}']")
    row.locator("li[data-reason=reuse] a").click()
    expect(page.locator("h1")).to_contain_text("测试县人民医院")
    pair = page.locator(".reuse-pair").first
    expect(pair.locator(".side-own mark").first).to_contain_text("坚持问题导向")
    expect(pair.locator(".side-source")).to_contain_text(SOURCE_ONLY)
    expect(pair.locator(".side-source .source-label")).to_contain_text("测试县第一中学")
    own, source = (
        pair.locator(".side-own").bounding_box(),
        pair.locator(".side-source").bounding_box(),
    )
    assert abs(own["y"] - source["y"]) < 2 and source["x"] > own["x"]  # side by side
    shots(page, "reuse-finance-1366")
    page.set_viewport_size({"width": 390, "height": 800})
    page.wait_for_timeout(200)
    own, source = (
        pair.locator(".side-own").bounding_box(),
        pair.locator(".side-source").bounding_box(),
    )
    assert source["y"] > own["y"]  # stacked on a phone
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shots(page, "reuse-finance-390")

    page.context.clear_cookies()
    login(page, live_server.url, "filler_yy")
    page.goto(f"{live_server.url}/submissions/{county.subs['yy'].pk}/")
    page.click("#reuse-link")
    expect(page.locator(".hidden-source")).to_be_visible()
    assert SOURCE_ONLY not in page.content() and "测试县第一中学" not in page.content()
    shots(page, "reuse-unit-390")
    assert not [p for p in problems if not p.startswith("Failed to load resource")], problems
