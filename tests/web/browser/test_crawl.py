"""Walk the platform as every demo role, at a desktop and a phone width, and list what goes wrong.

For each role the demo data is loaded once and the site is crawled at 1366 and at 390 px (see
tests/web/browser/crawl.py for the rules): every page reachable from the navigation, every save
form saved unchanged and with one valid change. The findings are then asserted by one test per
role, viewport and kind of check, so a failure says whose journey breaks, where, and how:

- ``test_pages``: server errors and broken links, horizontal overflow, squeezed text, unlabelled
  inputs, 退出 out of reach;
- ``test_text``: internal keys, bracketed paths, English on a Chinese page, too many decimals;
- ``test_forms``: a save form that does not save unchanged or with one valid change, or a saved
  change that does not show after a reload;
- ``test_csp``: anything the Content-Security-Policy blocked (an inline style or script, a
  handler attribute, a resource from elsewhere), as the browser reports it.
"""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from jixiao.web.evaluations.demo import DEMO_PASSWORD, load_demo
from tests.web.browser.crawl import Crawl, group_of, summary

pytestmark = [
    pytest.mark.browser,
    pytest.mark.system,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]

ROLES = {  # test id: (role, demo account; "" = the public, not logged in)
    "filler": ("单位填报员", "demo_u02"),  # a draft with errors, last year's published report
    "unit_head": ("单位负责人", "demo_u01_head"),  # an untouched draft
    "dept_reviewer": ("主管部门审核员", "demo_dept1"),
    "finance_reviewer": ("财政局审核员", "demo_finance"),
    "admin": ("系统管理员", "demo_admin"),
    "public": ("公众", ""),
}
VIEWPORTS = {"1366": (1366, 900), "390": (390, 844)}
_CRAWLS: dict[str, dict[str, tuple[Crawl, str]]] = {}  # role: viewport: (crawl, base url)


def login(page, base: str, username: str) -> None:
    page.goto(f"{base}/login/", wait_until="load")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    with page.expect_navigation(wait_until="load"):
        page.click("main button[type=submit]")
    expect(page.locator("h1")).to_contain_text("工作台")


def crawl_as(browser, base: str, username: str, width: int, height: int) -> Crawl:
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": height})
    page = context.new_page()
    page.set_default_timeout(15000)
    crawl = Crawl(page, base)
    try:
        if username:
            login(page, base, username)
            crawl.run("/dashboard/")
        else:
            crawl.run("/portal/")
            crawl.run("/login/")
    finally:
        context.close()
    return crawl


def crawled(request, browser, role: str, viewport: str) -> tuple[Crawl, str]:
    """The role's crawl at *viewport*: run once per role (both viewports), on fresh demo data."""
    if role not in _CRAWLS:
        base = request.getfixturevalue("live_server").url
        load_demo()
        name, username = ROLES[role]
        _CRAWLS[role] = {}
        for label, (width, height) in VIEWPORTS.items():
            started = time.monotonic()
            crawl = crawl_as(browser, base, username, width, height)
            _CRAWLS[role][label] = (crawl, base)
            print(
                f"\ncrawl {name} {label} px: {len(crawl.visited)} pages, "
                f"{crawl.forms_saved} forms, {time.monotonic() - started:.1f} s"
            )
    return _CRAWLS[role][viewport]


def assert_clean(request, browser, role: str, viewport: str, group: str) -> None:
    crawl, base = crawled(request, browser, role, viewport)
    assert len(crawl.visited) > 1, "the crawl found nothing to visit"
    problems = [p for p in crawl.problems if group_of(p.check) == group]
    lines = summary(problems, base)
    header = f"{ROLES[role][0]} at {viewport} px, {group}: {len(problems)} problems"
    assert not lines, header + "\n" + "\n".join(lines)


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("role", ROLES)
def test_pages(request, browser, role, viewport):
    assert_clean(request, browser, role, viewport, "pages")


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("role", ROLES)
def test_text(request, browser, role, viewport):
    assert_clean(request, browser, role, viewport, "text")


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("role", ROLES)
def test_forms(request, browser, role, viewport):
    assert_clean(request, browser, role, viewport, "forms")


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("role", ROLES)
def test_csp(request, browser, role, viewport):
    assert_clean(request, browser, role, viewport, "csp")
