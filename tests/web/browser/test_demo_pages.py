"""The main pages with the demo county loaded, as each role sees them (and as docs/screenshots)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from jixiao.web.evaluations.demo import DEMO_PASSWORD, load_demo
from jixiao.web.evaluations.models import Round, Submission

pytestmark = [
    pytest.mark.browser,
    pytest.mark.system,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]


def login(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("h1")).to_contain_text("工作台")


def test_demo_pages_for_each_role(live_server, page, shots):
    base = live_server.url
    load_demo()
    current = Round.objects.get(year=2023, finance__code="DEMO-CZ")
    flawed = Submission.objects.filter(round=current, current_version__error_count__gt=0).first()

    login(page, base, "demo_finance")
    shots(page, "demo-01-dashboard-finance")
    page.goto(f"{base}/rounds/{current.pk}/")
    expect(page.locator("table.list tbody tr")).to_have_count(current.submissions.count())
    shots(page, "demo-02-round-finance")

    login(page, base, "demo_dept1")
    shots(page, "demo-03-dashboard-department")

    unit_user = flawed.org.memberships.get(role="filler").user.username
    login(page, base, unit_user)
    page.goto(f"{base}/submissions/{flawed.pk}/edit/staffing/")
    expect(page.locator(".finding.error").first).to_be_visible()
    shots(page, "demo-04-section-with-findings")
    page.goto(f"{base}/submissions/{flawed.pk}/edit/indicators/")
    shots(page, "demo-05-indicators")
    page.goto(f"{base}/submissions/{flawed.pk}/edit/money/")
    expect(page.locator("#row-0")).to_be_visible()
    shots(page, "demo-05b-money")
    page.click("a[data-action=submit]")
    expect(page.locator("#refusal")).to_contain_text("错误")  # refused while errors remain

    page.context.clear_cookies()
    page.goto(f"{base}/portal/")
    shots(page, "demo-06-portal")
    page.goto(f"{base}/portal/?q=机关事务")
    page.click("#reports >> text=万载县机关事务管理局")
    expect(page.locator("#report")).to_contain_text("万载县机关事务管理局")
    shots(page, "demo-07-portal-seed-report")
    page.goto(f"{base}/api/docs")
    page.wait_for_timeout(500)
