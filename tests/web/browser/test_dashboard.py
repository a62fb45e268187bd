"""The round dashboard in a real browser: the charts draw (a canvas each) under the strict CSP
with no console error, the ranking table sorts and filters, and its Excel export downloads."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.web.factories import PASSWORD
from tests.web.oversight_data import build_county

pytestmark = [pytest.mark.browser, pytest.mark.system, pytest.mark.django_db(transaction=True)]
CHARTS = ("completion", "bins", "grades", "scatter", "gaps", "findings")


def login(page, base, username):
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_contain_text("工作台")


def first_cells(page) -> list[str]:
    return page.locator("#table-ranking tbody tr td:nth-child(2)").all_inner_texts()


def test_dashboard_draws_sorts_filters_and_exports(
    live_server, page, shots, fake_findings, tmp_path
):
    county = build_county()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    missing: list[str] = []  # the browser's own favicon request aside, nothing may fail
    page.on(
        "response",
        lambda r: missing.append(r.url) if r.status >= 400 and "favicon" not in r.url else None,
    )
    login(page, live_server.url, "finance")
    page.goto(f"{live_server.url}/rounds/{county.round.pk}/")
    page.click("#dashboard-link")
    expect(page.locator("h1")).to_contain_text("分析看板")
    for chart in CHARTS:
        expect(page.locator(f"#chart-{chart} canvas").first).to_be_attached()
    assert page.locator("#chart-scatter canvas").first.bounding_box()["height"] > 100
    for chart in CHARTS:  # tooltips draw in the canvas: no inline style for the CSP to refuse
        box = page.locator(f"#chart-{chart}").bounding_box()
        page.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.5)
        page.wait_for_timeout(100)
    shots(page, "dashboard-finance")
    assert [t.strip() for t in first_cells(page)] == [
        "测试县第二中学",
        "测试县第一中学",
        "测试县人民医院",
    ]

    page.click("#table-ranking th a[data-sort=gap]")  # a number: largest first
    expect(page.locator("#table-ranking th[aria-sort=descending]")).to_contain_text("差值")
    assert first_cells(page)[0].strip() == "测试县人民医院"

    page.select_option("#f-area", "教育")
    page.click("#ranking-filters button[type=submit]")
    expect(page.locator("#ranking-count")).to_contain_text("共 2 份报告")
    assert [t.strip() for t in first_cells(page)] == ["测试县第一中学", "测试县第二中学"]

    with page.expect_download() as download:
        page.click("#export-ranking")
    saved = tmp_path / "ranking.xlsx"
    download.value.save_as(saved)
    rows = list(load_workbook(saved).worksheets[0].iter_rows(values_only=True))
    assert rows[0][0] == "单位" and [r[0] for r in rows[1:]] == ["测试县第一中学", "测试县第二中学"]

    page.set_viewport_size({"width": 390, "height": 800})
    page.wait_for_timeout(300)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert not missing, missing
    assert not [p for p in problems if not p.startswith("Failed to load resource")], problems
