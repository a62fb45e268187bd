"""A return, reopen or extension without a reason says which field and what it needs (退回原因：
请填写，至少 2 个字), found walking the 主管部门 reviewer's return: one letter got 必须填写原因 though
something was typed."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.web.factories import PASSWORD, advance, fill

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("reason", ["", " ", "x"])
def test_a_return_without_a_reason_names_the_field(client, world, reason):
    fill(world, "a")
    submission = advance(world, "a", "submit")
    assert client.login(username=world.users["dept"].username, password=PASSWORD)
    response = client.post(
        reverse("submission_action", args=[submission.pk, "return"]),
        {"reason": reason},
        follow=True,
    )
    assert "退回原因：请填写，至少 2 个字" in response.text
    assert world.sub("a").state == "submitted"
