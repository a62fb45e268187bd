"""Two tabs of one clerk on the same section (issue 13 #4): the tab that saves second is told who
changed what in the meantime, keeps its own input in the form, and nothing of it is written."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.web.browser.test_rows import login
from tests.web.factories import build_world, fill

pytestmark = [pytest.mark.browser, pytest.mark.system, pytest.mark.django_db(transaction=True)]


def test_the_second_tab_sees_the_conflict_with_its_input_kept(live_server, browser):
    world = build_world()
    submission = fill(world, "a")
    url = f"{live_server.url}/submissions/{submission.pk}/edit/profile/"
    context = browser.new_context(locale="zh-CN", viewport={"width": 1360, "height": 900})
    try:
        first, second = context.new_page(), context.new_page()  # one session, two tabs
        first.set_default_timeout(15000)
        second.set_default_timeout(15000)
        login(first, live_server.url, "filler_a")
        first.goto(url)
        second.goto(url)  # both rendered from the same revision
        first.fill("input[name=head-organisation_note]", "第一个标签页的说明")
        first.click("#save")
        expect(first.locator(".messages")).to_contain_text("已保存")
        second.fill("input[name=head-organisation_note]", "第二个标签页的说明")
        second.click("#save")
        notices = second.locator(".messages")
        expect(notices).to_contain_text("其他人保存了同一部分的修改")
        expect(notices).to_contain_text("filler_a 于")
        expect(notices).to_contain_text("组织架构说明")
        expect(notices).to_contain_text("第一个标签页的说明")
        expect(second.locator("input[name=head-organisation_note]")).to_have_value(
            "第二个标签页的说明"
        )
        data = world.sub("a").current_version.data
        assert data["profile"]["organisation_note"] == "第一个标签页的说明"
        second.click("#save")  # seen the other change: saving again is deliberate, and kept
        expect(second.locator(".messages")).to_contain_text("已保存")
        data = world.sub("a").current_version.data
        assert data["profile"]["organisation_note"] == "第二个标签页的说明"
    finally:
        context.close()
