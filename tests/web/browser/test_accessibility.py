"""Keyboard and phone-width use in a real browser: the skip link, red-outlined error fields,
退出 within reach at 390 px, and wide tables that scroll instead of squeezing their text."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.web.factories import PASSWORD, build_world, dossier_data

pytestmark = [pytest.mark.browser, pytest.mark.system, pytest.mark.django_db(transaction=True)]

ERROR_RED = "rgb(179, 38, 30)"  # --err in site.css


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


def login(page, base, username):
    page.goto(f"{base}/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    expect(page.locator("h1")).to_contain_text("工作台")


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(live_server, phone):
    build_world()
    login(phone, live_server.url, "filler_a")
    phone.keyboard.press("Tab")
    skip = phone.locator(":focus")
    expect(skip).to_have_text("跳到主要内容")
    box = skip.bounding_box()
    assert box and box["y"] >= 0 and box["x"] + box["width"] <= 390  # visible when focused
    phone.keyboard.press("Enter")
    expect(phone.locator("main")).to_be_focused()


def test_fields_with_errors_are_marked_and_outlined_in_red(live_server, phone):
    world = build_world()
    from jixiao.web.evaluations import services

    services.submission_save_dossier(
        actor=world.users["filler_a"],
        submission=world.sub("a"),
        data=dossier_data("测试县第一中学"),
    )
    login(phone, live_server.url, "filler_a")
    phone.goto(f"{live_server.url}/submissions/{world.subs['a'].pk}/edit/staffing/")
    phone.eval_on_selector("#section-form", "form => { form.noValidate = true; }")
    phone.fill("input[name=head-retired]", "-3")  # a card field
    phone.fill("input[name=head-authorized_s0]", "-1")  # a cell of the staffing grid
    phone.click("#save")
    expect(phone.locator(".messages .error")).to_contain_text("标红")
    for name in ("head-retired", "head-authorized_s0"):
        field = phone.locator(f"input[name={name}]")
        expect(field).to_have_attribute("aria-invalid", "true")
        style = field.evaluate(
            "el => { const s = getComputedStyle(el); return [s.outlineStyle, s.outlineColor]; }"
        )
        assert style == ["solid", ERROR_RED], name
    expect(phone.locator("td.has-error input[name=head-authorized_s0]")).to_have_count(1)


def test_logout_stays_within_reach_and_the_page_within_the_window(live_server, phone):
    world = build_world()
    login(phone, live_server.url, "fin_rev")
    for url in ("/dashboard/", f"/rounds/{world.round.pk}/", "/tokens/"):
        phone.goto(live_server.url + url)
        logout = phone.locator("header button", has_text="退出")
        box = logout.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, url
        width = phone.evaluate("document.documentElement.scrollWidth")
        assert width <= 391, f"{url} is {width} px wide"
        # a table column is never narrower than two characters (the "one character per line")
        narrowest = phone.evaluate(
            "Math.min(...[...document.querySelectorAll('main th')]"
            ".filter(c => c.textContent.trim()).map(c => c.offsetWidth))"
        )
        assert narrowest >= 30, f"{url}: a column {narrowest} px wide"
