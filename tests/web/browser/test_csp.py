"""Content-Security-Policy in a real browser, beyond the crawl (tests/web/browser/test_crawl.py).

- The crawl's detector reports what a policy blocks (so ``test_crawl.py::test_csp`` can fail).
- The pages the crawl skips keep working under the policy with no violation: django-ninja's API
  docs (Swagger UI, served locally), Django's admin, and a report shown as HTML, whose own
  stylesheet (allowed by hash) must apply, column widths included.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from jixiao.web.evaluations.demo import load_demo
from jixiao.web.evaluations.models import State, Submission
from tests.web.browser.crawl import Crawl
from tests.web.factories import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BLOCKED_PAGE = (
    "<!doctype html><html><head><style>p { color: red }</style></head><body>"
    "<p style='color: blue'>x</p><script>document.title = 'ran'</script>"
    "<button onclick='go()'>b</button></body></html>"
)


def violations(crawl: Crawl) -> list[str]:
    return [p.detail for p in crawl.problems if p.check == "CSP violation"]


def test_the_crawl_reports_what_the_policy_blocks(page):
    policy = "default-src 'self'; style-src 'self'; script-src 'self'"
    page.route(
        "http://csp.test/**",
        lambda route: route.fulfill(
            status=200,
            headers={"Content-Type": "text/html", "Content-Security-Policy": policy},
            body=BLOCKED_PAGE,
        ),
    )
    crawl = Crawl(page, "http://csp.test")
    crawl.visit("http://csp.test/")
    page.wait_for_timeout(200)
    assert sorted(violations(crawl)) == [
        "script-src-attr blocked inline",
        "script-src-elem blocked inline",
        "style-src-attr blocked inline",
        "style-src-elem blocked inline",
    ]
    assert page.title() != "ran"


def sign_in_as_superuser(page, base: str) -> None:
    get_user_model().objects.create_superuser("csp-root", password=PASSWORD)
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "csp-root")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("input[type=submit]")


def test_api_docs_and_admin_work_under_the_policy(live_server, page):
    base = live_server.url
    crawl = Crawl(page, base)
    crawl.visit(f"{base}/api/docs")
    expect(page.locator(".swagger-ui .info")).to_be_visible()  # Swagger UI's scripts ran
    sign_in_as_superuser(page, base)
    for path in ("/admin/", "/admin/orgs/org/", "/admin/orgs/org/add/", "/admin/auth/user/"):
        crawl.visit(base + path)
    expect(page.locator("#content")).to_be_visible()
    page.wait_for_timeout(200)
    assert violations(crawl) == []


@pytest.mark.system
def test_an_html_report_shows_styled_under_its_own_policy(live_server, page):
    base = live_server.url
    load_demo()
    published = Submission.objects.filter(state=State.PUBLISHED).first()
    crawl = Crawl(page, base)
    crawl.visit(f"{base}/portal/reports/{published.pk}/report.html")
    title = page.locator("article.body h1.title")
    expect(title).to_be_visible()
    assert title.evaluate("e => getComputedStyle(e).textAlign") == "center"  # its <style> applies
    width = page.locator("figure.table col").first.evaluate("e => getComputedStyle(e).width")
    assert width not in ("", "auto", "0px")  # column widths (classes) apply too
    page.wait_for_timeout(200)
    assert violations(crawl) == []
