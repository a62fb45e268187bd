"""The journey's safety rails: confirmation pages, withdraw, the unit head's sign-off, waivers
that read as waived and can be withdrawn, and a dashboard that keeps the unit's reports in sight."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from jixiao.web.evaluations import services
from jixiao.web.evaluations.models import Action, AuditEntry, SignOff, State
from jixiao.web.evaluations.permissions import ActionRefused, Permissions
from tests.web.factories import PASSWORD, advance, fill, sign_off

pytestmark = pytest.mark.django_db


def login(client, world, who):
    assert client.login(username=world.users[who].username, password=PASSWORD)
    return client


def action_url(world, action, key="a"):
    return reverse("submission_action", args=[world.subs[key].pk, action])


def snapshot(world, key="a"):
    submission = world.sub(key)
    version = submission.current_version
    return (
        submission.state,
        submission.updated,
        AuditEntry.objects.filter(submission=submission).count(),
        SignOff.objects.filter(version=version).count(),
        version.data,
    )


# ── confirmation before forward actions ─────────────────────────────────────────────────


def test_submit_confirmation_says_what_happens_and_get_changes_nothing(client, world):
    fill(world, "a")
    login(client, world, "head_a")
    detail = client.get(reverse("submission_detail", args=[world.subs["a"].pk])).content.decode()
    assert f'href="{action_url(world, "submit")}" data-action="submit"' in detail  # a link, no POST
    before = snapshot(world)
    page = client.get(action_url(world, "submit")).content.decode()
    assert snapshot(world) == before
    assert "确认提交" in page and "审签当前版本 v1 并提交" in page
    assert "主管部门 测试县教育局 的审核员" in page and "撤回" in page
    assert 'id="confirm-button"' in page and 'id="cancel"' in page and "csrfmiddlewaretoken" in page
    assert "错误" in page and "警告" in page
    client.post(action_url(world, "submit"))
    assert world.sub("a").state == State.SUBMITTED


@pytest.mark.parametrize(
    ("steps", "action", "expected"),
    [
        (("submit",), "dept_approve", "交 测试县财政局 复核"),
        (("submit", "dept_approve", "finance_approve"), "approve", "v1 被锁定"),
        (("submit", "dept_approve", "finance_approve"), "approve", "新版本 v2"),
        (("submit", "dept_approve", "finance_approve", "approve"), "publish", "公开门户"),
    ],
)
def test_reviewer_confirmations_name_the_consequence(client, world, steps, action, expected):
    fill(world, "a")
    advance(world, "a", *steps)
    login(client, world, "dept" if action == "dept_approve" else "finance")
    before = snapshot(world)
    page = client.get(action_url(world, action)).content.decode()
    assert expected in page and 'id="confirm-button"' in page
    assert snapshot(world) == before


def test_confirmation_shows_why_an_action_would_be_refused(client, world, fake_findings):
    fill(world, "a")
    fake_findings.error("staffing.E001", "staffing.in_service")
    login(client, world, "filler_a")
    page = client.get(action_url(world, "submit")).content.decode()
    assert 'id="refusal"' in page and "1 项错误" in page and "staffing.E001" in page
    assert 'id="confirm-button"' not in page


def test_a_draft_without_a_computable_score_says_so_next_to_the_counts(client, world):
    login(client, world, "head_a")  # the draft as opened: no money, no indicators yet
    assert world.sub("a").current_version.grade == ""
    detail = client.get(reverse("submission_detail", args=[world.subs["a"].pk])).content.decode()
    status = re.search(r'<div id="status-line".*?</div>', detail, re.S).group(0)
    assert "无法计算得分" in status and "错误" in status and "警告" in status
    page = client.get(action_url(world, "submit")).content.decode()
    assert "无法计算得分" in page and 'id="unscored"' in page and "可以照样提交" in page


# ── withdraw (撤回) ─────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("who", ["filler_a", "head_a"])
def test_the_unit_may_withdraw_before_review_with_an_audited_reason(world, who):
    fill(world, "a")
    advance(world, "a", "submit")
    assert "withdraw" in Permissions.of(world.users[who]).allowed_actions(world.sub("a"))
    services.submission_withdraw(actor=world.users[who], submission=world.sub("a"), reason="漏填")
    submission = world.sub("a")
    assert submission.state == State.DRAFT and submission.submitted_at is None
    row = AuditEntry.objects.get(submission=submission, action=Action.WITHDRAW)
    assert (row.from_state, row.to_state, row.reason) == ("submitted", "draft", "漏填")
    assert row.actor == world.users[who]


def test_withdraw_is_refused_once_review_started(world):
    fill(world, "a")
    advance(world, "a", "submit", "dept_approve")
    with pytest.raises(ActionRefused, match="审核已开始") as refused:
        services.submission_withdraw(actor=world.users["filler_a"], submission=world.sub("a"))
    assert refused.value.code == "review_started"
    assert world.sub("a").state == State.DEPT_REVIEWED
    assert not AuditEntry.objects.filter(action=Action.WITHDRAW).exists()


def test_reviewers_cannot_withdraw_for_the_unit(world):
    fill(world, "a")
    advance(world, "a", "submit")
    with pytest.raises(ActionRefused):
        services.submission_withdraw(actor=world.users["dept"], submission=world.sub("a"))


def test_a_withdrawn_resubmission_goes_back_to_returned(world):
    fill(world, "a")
    advance(world, "a", "submit")
    services.submission_return(actor=world.users["dept"], submission=world.sub("a"), reason="补充")
    advance(world, "a", "submit")
    services.submission_withdraw(actor=world.users["filler_a"], submission=world.sub("a"))
    assert world.sub("a").state == State.RETURNED


def test_withdraw_into_a_closed_draft_is_refused(world):
    fill(world, "a")
    advance(world, "a", "submit")
    world.round.deadline = timezone.now() - timedelta(hours=1)
    world.round.save()
    with pytest.raises(ActionRefused, match="填报已截止"):
        services.submission_withdraw(actor=world.users["filler_a"], submission=world.sub("a"))


def test_withdraw_through_the_confirmation_page_and_the_api(client, world):
    fill(world, "a")
    advance(world, "a", "submit")
    login(client, world, "filler_a")
    page = client.get(action_url(world, "withdraw")).content.decode()
    assert "回到“草稿”" in page and 'name="reason"' in page
    client.post(action_url(world, "withdraw"), {"reason": "补充附件"})
    assert world.sub("a").state == State.DRAFT
    advance(world, "a", "submit")
    response = client.post(
        f"/api/submissions/{world.subs['a'].pk}/transitions/withdraw",
        data={},
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["state"] == "draft"


# ── the unit head's sign-off (负责人审签) ──────────────────────────────────────────────────


def test_a_fillers_submit_needs_the_heads_sign_off(world):
    fill(world, "a")
    with pytest.raises(ActionRefused, match="单位负责人审签") as refused:
        services.submission_submit(actor=world.users["filler_a"], submission=world.sub("a"))
    assert refused.value.code == "sign_off_required"
    with pytest.raises(ActionRefused):  # a filler cannot sign
        services.submission_sign_off(actor=world.users["filler_a"], submission=world.sub("a"))
    sign_off(world, "a")
    row = AuditEntry.objects.get(submission=world.subs["a"], action=Action.SIGN_OFF)
    assert row.actor == world.users["head_a"] and "v1" in row.reason
    services.submission_submit(actor=world.users["filler_a"], submission=world.sub("a"))
    assert world.sub("a").state == State.SUBMITTED


def test_an_edit_after_sign_off_invalidates_it(world):
    fill(world, "a")
    sign_off(world, "a")
    fill(world, "a", narratives={"problems": ["预算执行进度偏慢"]})
    edit = AuditEntry.objects.filter(submission=world.subs["a"], action=Action.EDIT).last()
    assert "审签因修改失效" in edit.reason
    with pytest.raises(ActionRefused, match="审签已失效"):
        services.submission_submit(actor=world.users["filler_a"], submission=world.sub("a"))
    sign_off(world, "a")
    services.submission_submit(actor=world.users["filler_a"], submission=world.sub("a"))


def test_a_heads_submit_signs_and_submits_in_one_step(world):
    fill(world, "a")
    services.submission_submit(actor=world.users["head_a"], submission=world.sub("a"))
    trail = list(
        AuditEntry.objects.filter(submission=world.subs["a"])
        .exclude(action__in=(Action.EDIT, Action.CREATE))
        .values_list("action", flat=True)
    )
    assert trail == ["sign_off", "submit"]
    assert SignOff.objects.get(version=world.sub("a").current_version).by == world.users["head_a"]


def test_a_unit_without_a_head_is_told_so(world):
    from jixiao.web.orgs.models import Membership

    Membership.objects.filter(org=world.unit_b, role="unit_head").delete()
    fill(world, "b")
    with pytest.raises(ActionRefused, match="没有单位负责人账号"):
        services.submission_submit(actor=world.users["filler_b"], submission=world.sub("b"))


def test_the_submission_page_shows_the_sign_off(client, world):
    fill(world, "a")
    login(client, world, "filler_a")
    url = reverse("submission_detail", args=[world.subs["a"].pk])
    assert "尚未审签当前版本" in client.get(url).content.decode()
    sign_off(world, "a")
    page = client.get(url).content.decode()
    assert "head_a 已于" in page and "审签 v1" in page
    client.logout()
    login(client, world, "head_a")
    signing = client.get(action_url(world, "sign_off")).content.decode()
    assert 'id="refusal"' in signing and "无需重复审签" in signing


# ── waivers ───────────────────────────────────────────────────────────────────────────────


def _waive(world, reason="编制调整文件已报批", where="staffing.in_service"):
    services.submission_waive(
        actor=world.users["filler_a"],
        submission=world.sub("a"),
        finding_id="staffing.E001",
        where=where,
        reason=reason,
    )


def test_a_waived_finding_reads_as_waived_everywhere(client, world, fake_findings):
    fill(world, "a")
    fake_findings.error("staffing.E001", "staffing.in_service.行政编制")  # a body cell
    fake_findings.error("staffing.E001", "staffing")  # the section top
    _waive(world, where="staffing.in_service.行政编制")
    _waive(world, reason="人数以批复为准", where="staffing")
    login(client, world, "filler_a")
    section = client.get(
        reverse("submission_section", args=[world.subs["a"].pk, "staffing"])
    ).content.decode()
    assert 'class="finding error waived"' in section
    assert 'class="finding error"' not in section  # no red for a waived error
    assert "已豁免：编制调整文件已报批" in section and "已豁免：人数以批复为准" in section
    cell = re.search(r'<td data-path="staffing.in_service.行政编制">.*?</td>', section, re.S)
    assert "waived" in cell.group(0)
    detail = client.get(reverse("submission_detail", args=[world.subs["a"].pk])).content.decode()
    counts = re.search(r'<div class="muted" id="finding-counts">.*?</div>', detail, re.S).group(0)
    assert re.search(
        r'错误 <b class="error-count">0</b> · 已豁免 <b class="waived-count">2</b>', counts
    )
    assert "撤销豁免" in detail


def test_a_waiver_can_be_withdrawn_and_is_audited(client, world, fake_findings):
    fill(world, "a")
    fake_findings.error("staffing.E001", "staffing.in_service")
    _waive(world)
    assert world.sub("a").current_version.error_count == 0
    login(client, world, "dept")  # a reviewer may not edit: refused
    client.post(
        reverse("submission_unwaive", args=[world.subs["a"].pk]),
        {"finding_id": "staffing.E001", "where": "staffing.in_service"},
    )
    assert world.sub("a").current_version.data.get("waivers")
    client.logout()
    login(client, world, "filler_a")
    response = client.post(
        reverse("submission_unwaive", args=[world.subs["a"].pk]),
        {"finding_id": "staffing.E001", "where": "staffing.in_service"},
    )
    assert response.status_code == 302
    version = world.sub("a").current_version
    assert not version.data.get("waivers") and version.error_count == 1
    row = AuditEntry.objects.filter(submission=world.subs["a"], action=Action.EDIT).last()
    assert row.reason == "撤销豁免 staffing.E001" and row.actor == world.users["filler_a"]
    assert any(change["path"].startswith("waivers") for change in row.changes)


@pytest.mark.parametrize(
    "blank", ["  ", "\u3000\u3000", "\u200b\u200b\u200b", " \u200b\u3000\ufeff "]
)
def test_a_blank_waiver_reason_is_refused(world, fake_findings, blank):
    fill(world, "a")
    fake_findings.error("staffing.E001", "staffing.in_service")
    with pytest.raises(ActionRefused, match="原因"):
        _waive(world, reason=blank)
    assert not world.sub("a").current_version.data.get("waivers")


# ── the dashboard keeps the unit's reports in sight ─────────────────────────────────────


@pytest.mark.parametrize("who", ["filler_a", "head_a"])
def test_the_dashboard_lists_my_submitted_report_with_a_link(client, world, who):
    fill(world, "a")
    advance(world, "a", "submit")
    login(client, world, who)
    page = client.get(reverse("dashboard")).content.decode()
    assert "暂无待办事项" not in page
    mine = re.search(r'<table class="list" id="mine">.*?</table>', page, re.S).group(0)
    link = reverse("submission_detail", args=[world.subs["a"].pk])
    assert f'href="{link}"' in mine and "已提交" in mine and "测财监〔2024〕1号" in mine
    assert "证据不足" in mine  # a partial score is not shown as if it were the score


def test_reviewers_keep_their_todo_and_no_unit_table(client, world):
    fill(world, "a")
    advance(world, "a", "submit")
    login(client, world, "dept")
    response = client.get(reverse("dashboard"))
    assert [s.org.name for s, _ in response.context["todo"]] == ["测试县第一中学"]
    assert 'id="mine"' not in response.content.decode()


def test_the_confirmation_page_in_english(client, world):
    from django.utils import translation

    fill(world, "a")
    login(client, world, "head_a")
    try:
        page = client.get(action_url(world, "submit"), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    finally:
        translation.activate("zh-hans")  # the request left English active in this thread
    assert "What will happen" in page and "sign off version v1 and submit it" in page
    assert "将会发生什么" not in page and "审签当前版本" not in page


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)"]
)
def test_a_waiver_never_redirects_off_site(client, world, fake_findings, target):
    fill(world, "a")
    fake_findings.error("staffing.E001", "staffing.in_service")
    assert client.login(username=world.users["filler_a"].username, password=PASSWORD)
    response = client.post(
        reverse("submission_waive", args=[world.subs["a"].pk]),
        {
            "finding_id": "staffing.E001",
            "where": "staffing.in_service",
            "reason": "已说明",
            "next": target,
        },
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/submissions/")
