"""Ledgers in a real browser: a clerk enters records through the generated form, and the
submission page's actual of the indicator backed by that ledger follows, with a link to the
records it was computed from (two clicks from the submission to a record)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.web.factories import PASSWORD, build_world, dossier_data, fill

pytestmark = [pytest.mark.browser, pytest.mark.system, pytest.mark.django_db(transaction=True)]


def test_entering_records_changes_the_indicators_actual(live_server, page, shots):
    base = live_server.url
    world = build_world()
    indicators = dossier_data(world.unit_a.name)["indicators"]
    indicators.append(
        {
            "id": "overhauls",
            "name": "设备检修次数",
            "level1": "产出",
            "level2": "数量",
            "goal": "G1",
            "target": "2",
            "unit": "次",
            "actual_from": "property.overhauls_done",
        }
    )
    pk = fill(world, "a", indicators=indicators).pk
    org = world.unit_a.pk
    page.goto(f"{base}/login/")
    page.fill("#id_username", "filler_a")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")

    page.goto(f"{base}/submissions/{pk}/")
    backing = page.locator("[data-backed=overhauls]")
    expect(backing).to_contain_text("台账暂无记录")

    for day, equipment in (("2023-03-02", "中央空调主机"), ("2023-07-15", "配电房变压器")):
        page.goto(f"{base}/ledgers/{org}/overhauls/new/")
        page.fill("input[name=overhaul_date]", day)
        page.fill("input[name=equipment]", equipment)
        expect(page.locator("input[name=completed]")).to_be_checked()  # the record's default
        page.click("button.primary")
        expect(page.locator(".messages")).to_contain_text("已保存记录")

    page.goto(f"{base}/submissions/{pk}/")
    actual = page.locator("#score-table tr", has=backing).locator("td").nth(3)
    assert actual.inner_text().split("\n")[0].strip() == "2次"  # the dossier's actual itself
    expect(backing.locator(".ledger-value")).to_have_text("2次")
    expect(backing.locator("a.ledger-records")).to_have_text("来自 2 条记录")
    shots(page, "ledgers-submission")

    backing.locator("a.ledger-records").click()  # first click: the records behind the figure
    expect(page.locator("#figure-filter")).to_contain_text("设备检修次数")
    expect(page.locator("#records tbody tr")).to_have_count(2)
    page.locator("#records tbody tr").first.locator("a").click()  # second: one record
    expect(page.locator("h1")).to_contain_text("2023-001")
    expect(page.locator("input[name=equipment]")).to_have_value("中央空调主机")


def test_reviewer_reads_energy_and_opens_a_report_figures_records(live_server, page, shots):
    """主管部门: the energy page draws its charts (local ECharts, no CSP complaint); the submitted
    version's HTML report links a ledger figure to its records: two clicks to one record."""
    from jixiao.web.ledgers import services as ledger_services

    base = live_server.url
    world = build_world()
    clerk, org = world.users["filler_a"], world.unit_a
    for month, kind, quantity in (
        ("2023-01", "电力", "10000"),
        ("2023-02", "电力", "5000"),
        ("2023-01", "天然气", "1000"),
        ("2022-01", "电力", "12000"),
    ):
        ledger_services.record_create(
            actor=clerk,
            org=org,
            ledger="energy_use",
            data={"month": month, "building": "办公楼", "energy_type": kind, "quantity": quantity},
        )
    for day in ("2023-03-02", "2023-07-15"):
        ledger_services.record_create(
            actor=clerk,
            org=org,
            ledger="overhauls",
            data={"overhaul_date": day, "equipment": "中央空调主机"},
        )
    indicators = dossier_data(org.name)["indicators"]
    indicators.append(
        {
            "id": "overhauls",
            "name": "设备检修次数",
            "level1": "产出",
            "level2": "数量",
            "goal": "G1",
            "target": "2",
            "unit": "次",
            "actual": "2",
            "actual_from": "property.overhauls_done",
        }
    )
    fill(world, "a", indicators=indicators)
    from tests.web.factories import advance

    pk = advance(world, "a", "submit").pk
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto(f"{base}/login/")
    page.fill("#id_username", "dept_rev")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")

    page.goto(f"{base}/ledgers/{org.pk}/energy/?year=2023")
    expect(page.locator("[data-measure=tce] [data-value]")).to_have_text("3.06")
    expect(page.locator(".energy-chart canvas")).to_have_count(2)
    shots(page, "ledgers-energy")

    page.goto(f"{base}/submissions/{pk}/report.html")
    figure = page.locator("a", has_text="2次").first
    figure.click()  # first click: the records behind the figure, as the snapshot has them
    expect(page.locator("#figure-frozen")).to_be_visible()
    expect(page.locator("#records tbody tr")).to_have_count(2)
    page.locator("#records tbody tr").first.locator("a").click()  # second: one record
    expect(page.locator("h1")).to_contain_text("2023-001")
    expect(page.locator("input[name=equipment]")).to_have_value("中央空调主机")
    assert not [p for p in problems if "Content Security Policy" in p], problems
