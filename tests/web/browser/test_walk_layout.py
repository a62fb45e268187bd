"""Tables that squeezed names to a character or two per line at a desktop width (found walking
the platform as each role): the round's submissions in English, where the longer column heads
and state badges left the unit column two characters wide, and a submission's audit trail, where
the time, the action and the person were cut to a few characters per line."""

from __future__ import annotations

import pytest

from tests.web.browser.crawl import AUDIT_JS
from tests.web.factories import PASSWORD, advance, build_world, fill

pytestmark = [pytest.mark.browser, pytest.mark.system, pytest.mark.django_db(transaction=True)]


def squeezed_on(page, url: str) -> list[str]:
    page.goto(url, wait_until="load")
    audit = page.evaluate(AUDIT_JS)
    assert audit["scrollWidth"] <= audit["width"] + 1, audit["sticking"]  # no page scroll
    return audit["squeezed"]


def test_round_and_audit_tables_keep_names_readable(live_server, browser):
    base = live_server.url
    world = build_world()
    for key in ("a", "b", "c"):
        fill(world, key)
    advance(world, "a", "submit", "dept_approve", "finance_approve")
    advance(world, "b", "submit", "dept_approve")
    advance(world, "c", "submit")
    context = browser.new_context(locale="en-US", viewport={"width": 1366, "height": 900})
    context.add_cookies([{"name": "django_language", "value": "en", "url": base}])
    page = context.new_page()
    try:
        page.goto(f"{base}/login/")
        page.fill("#id_username", world.users["finance"].username)
        page.fill("#id_password", PASSWORD)
        with page.expect_navigation():
            page.click("main button[type=submit]")
        assert not squeezed_on(page, f"{base}/rounds/{world.round.pk}/")
        context.add_cookies([{"name": "django_language", "value": "zh-hans", "url": base}])
        assert not squeezed_on(page, f"{base}/submissions/{world.subs['a'].pk}/audit/")
    finally:
        context.close()
