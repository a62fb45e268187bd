"""An imported grade of another scale ("评价等级：A") in a real browser: the self-evaluation section
offers it as the selected choice at both widths, and saving the section keeps it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.web.browser.test_journey import login
from tests.web.factories import build_world, dossier_data

pytestmark = [pytest.mark.browser, pytest.mark.system, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1366, 390])
def test_a_letter_grade_is_shown_and_kept_on_save(live_server, page, width, tmp_path):
    base = live_server.url
    world = build_world()
    from jixiao.web.evaluations import services

    services.submission_save_dossier(
        actor=world.users["filler_a"],
        submission=world.sub("a"),
        data=dossier_data("测试县第一中学", self_evaluation={"total": "92", "grade": "A"}),
    )
    pk = world.subs["a"].pk
    page.set_viewport_size({"width": width, "height": 900})
    login(page, base, "filler_a")
    page.goto(f"{base}/submissions/{pk}/edit/self_evaluation/")
    grade = page.locator("select[name=head-grade]")
    expect(grade).to_have_value("A")
    page.fill("input[name=head-total]", "93")
    page.click("#save")
    expect(page.locator(".messages")).to_contain_text("已保存")
    expect(grade).to_have_value("A")
    page.screenshot(path=str(tmp_path / f"grade-{width}.png"), full_page=True)
    saved = world.sub("a").current_version.data["self_evaluation"]
    assert saved["grade"] == "A" and saved["total"] in ("93", "93.00")
