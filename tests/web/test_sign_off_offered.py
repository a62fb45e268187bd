"""The 负责人审签 action is offered only while there is something to sign (found walking the unit
head's journey): after the head signed the current version, the submission page and the to-do
list still offered 负责人审签…, and the notice after signing said only "负责人审签"."""

from __future__ import annotations

import pytest
from django.urls import reverse

from jixiao.web.evaluations import services
from jixiao.web.evaluations.permissions import ActionRefused, Permissions
from tests.web.factories import PASSWORD, fill, sign_off

pytestmark = pytest.mark.django_db


def _sign_off_url(submission) -> str:
    return reverse("submission_action", args=[submission.pk, "sign_off"])


def test_sign_off_is_offered_before_and_not_after_the_head_signed(client, world):
    submission = fill(world, "a")
    head = world.users["head_a"]
    assert "sign_off" in Permissions.of(head).allowed_actions(submission)
    assert client.login(username=head.username, password=PASSWORD)
    assert (
        _sign_off_url(submission)
        in client.get(reverse("submission_detail", args=[submission.pk])).text
    )
    response = client.post(_sign_off_url(submission), follow=True)
    assert "已审签当前版本" in response.text
    submission = world.sub("a")
    assert "sign_off" not in Permissions.of(head).allowed_actions(submission)
    page = client.get(reverse("submission_detail", args=[submission.pk])).text
    assert _sign_off_url(submission) not in page
    assert "负责人审签" not in client.get(reverse("dashboard")).text.split("我的填报")[0]


def test_signing_again_says_it_is_already_signed(world):
    submission = sign_off(world, "a")
    with pytest.raises(ActionRefused) as refused:
        services.submission_sign_off(actor=world.users["head_a"], submission=submission)
    assert refused.value.code == "already_signed"


def test_an_edit_after_the_sign_off_offers_it_again(world):
    sign_off(world, "a")
    submission = fill(world, "a", goals=[{"id": "G1", "text": "完成年度重点工作任务12项"}])
    assert "sign_off" in Permissions.of(world.users["head_a"]).allowed_actions(submission)
