"""Service tests: every workflow transition, its permission checks, versions and audit rows."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from jixiao.core.errors import InputError
from jixiao.web.evaluations import services
from jixiao.web.evaluations.models import Action, AuditEntry, DossierVersion, State, Submission
from jixiao.web.evaluations.permissions import ActionRefused, Permissions
from tests.web.factories import advance, dossier_data, fill, sign_off

pytestmark = pytest.mark.django_db


def test_round_open_creates_one_draft_per_unit_with_audit(world):
    subs = Submission.objects.filter(round=world.round).order_by("org__code")
    assert [s.org.code for s in subs] == ["U1", "U2", "U3"]
    assert all(s.state == State.DRAFT and s.current_version.number == 1 for s in subs)
    first = subs[0].current_version.data
    assert first["year"] == 2023 and first["profile"]["name"] == "测试县第一中学"
    assert first["evaluation"]["notice"] == "测财监〔2024〕1号"
    assert AuditEntry.objects.filter(action=Action.CREATE).count() == 3


def test_only_finance_may_open_a_round(world):
    with pytest.raises(ActionRefused):
        services.round_open(
            actor=world.users["dept"],
            finance=world.finance,
            year=2024,
            notice="x",
            title="t",
            deadline=timezone.now(),
            units=[world.unit_a],
        )


def test_round_refuses_units_of_another_bureau(world):
    from jixiao.web.orgs.models import Org, OrgKind

    other = Org.objects.create(name="别县财政局", code="F2", kind=OrgKind.FINANCE)
    stranger = Org.objects.create(name="别县某单位", code="X1", kind=OrgKind.UNIT, parent=other)
    with pytest.raises(ActionRefused, match="不属于本财政局"):
        services.round_open(
            actor=world.users["finance"],
            finance=world.finance,
            year=2024,
            notice="n",
            title="t",
            deadline=timezone.now(),
            units=[stranger],
        )


def test_round_carries_last_years_approved_values(world):
    fill(world, "a")
    advance(world, "a", "submit", "dept_approve", "finance_approve", "approve")
    world.round.year = 2022  # pretend the approved round was last year's
    world.round.save()
    Submission.objects.filter(round=world.round).update()
    data = world.sub("a").current_version.data
    data["year"] = 2022
    DossierVersion.objects.filter(pk=world.sub("a").current_version_id).update(data=data)
    new_round = services.round_open(
        actor=world.users["finance"],
        finance=world.finance,
        year=2023,
        notice="测财监〔2024〕9号",
        title="t",
        deadline=timezone.now() + timedelta(days=5),
        units=[world.unit_a],
    )
    carried = new_round.submissions.get().current_version.data
    assert carried["previous"]["staffing.in_service"] == "9"
    assert carried["indicators"][0]["target"] == "10" and "actual" not in carried["indicators"][0]
    assert carried["goals"] == [{"id": "G1", "text": "完成年度重点工作任务"}]


def test_save_records_each_changed_field_old_and_new(world):
    submission = fill(world, "a")
    data = dossier_data(submission.org.name)
    data["staffing"]["in_service"]["行政编制"] = 8
    services.submission_save_dossier(
        actor=world.users["filler_a"], submission=submission, data=data
    )
    edit = AuditEntry.objects.filter(submission=submission, action=Action.EDIT).last()
    assert {"path": "staffing.in_service.行政编制", "old": "9", "new": "8"} in edit.changes
    assert edit.actor == world.users["filler_a"]


def test_save_rejects_invalid_data_naming_the_field(world):
    submission = world.sub("a")
    data = dossier_data(submission.org.name)
    data["staffing"]["retired"] = "很多"
    with pytest.raises(InputError) as error:
        services.submission_save_dossier(
            actor=world.users["filler_a"], submission=submission, data=data
        )
    assert error.value.problems[0].path == "staffing.retired"
    assert world.sub("a").current_version.data.get("staffing") is None  # nothing saved


def test_save_refuses_the_wrong_year(world):
    with pytest.raises(InputError, match="年度应为 2023"):
        services.submission_save_dossier(
            actor=world.users["filler_a"],
            submission=world.sub("a"),
            data=dossier_data("测试县第一中学", year=2022),
        )


@pytest.mark.parametrize("who", ["filler_b", "dept", "finance", "dept2", "filler_c"])
def test_only_the_units_own_staff_may_edit(world, who):
    with pytest.raises(ActionRefused):
        services.submission_save_dossier(
            actor=world.users[who], submission=world.sub("a"), data=dossier_data("测试县第一中学")
        )


def test_full_workflow_with_audit_trail(world):
    fill(world, "a")
    submission = advance(world, "a", "submit")
    assert (
        submission.state == State.SUBMITTED and submission.submitted_at and not submission.is_late
    )
    submission = advance(world, "a", "dept_approve", "finance_approve", "approve")
    assert submission.state == State.APPROVED and submission.current_version.locked
    submission = advance(world, "a", "publish")
    assert submission.state == State.PUBLISHED and submission.published_at
    trail = list(
        AuditEntry.objects.filter(submission=submission)
        .exclude(action=Action.EDIT)
        .values_list("action", "from_state", "to_state")
    )
    assert trail == [
        ("create", "", "draft"),
        ("sign_off", "", ""),
        ("submit", "draft", "submitted"),
        ("dept_approve", "submitted", "dept_reviewed"),
        ("finance_approve", "dept_reviewed", "finance_reviewed"),
        ("approve", "finance_reviewed", "approved"),
        ("publish", "approved", "published"),
    ]


def test_unit_head_may_submit(world):
    fill(world, "a")
    services.submission_submit(actor=world.users["head_a"], submission=world.sub("a"))
    assert world.sub("a").state == State.SUBMITTED


@pytest.mark.parametrize(
    ("state_actions", "who", "action"),
    [
        ((), "dept", "submit"),
        (("submit",), "filler_a", "dept_approve"),
        (("submit",), "dept2", "dept_approve"),  # another 主管部门
        (("submit",), "finance", "finance_approve"),  # skipping the first review
        (("submit", "dept_approve"), "dept", "finance_approve"),
        (("submit", "dept_approve"), "dept", "approve"),
        (("submit", "dept_approve", "finance_approve"), "dept", "approve"),
        (("submit", "dept_approve", "finance_approve", "approve"), "dept", "publish"),
        (("submit", "dept_approve", "finance_approve", "approve"), "filler_a", "reopen"),
        (("submit", "dept_approve", "finance_approve", "approve"), "dept", "reopen"),
        (("submit", "dept_approve"), "dept", "return"),  # the higher level's turn now
        ((), "filler_a", "publish"),
    ],
)
def test_transitions_refused_for_the_wrong_actor_or_state(world, state_actions, who, action):
    fill(world, "a")
    advance(world, "a", *state_actions)
    before = world.sub("a").state
    with pytest.raises(ActionRefused):
        services.submission_transition(
            actor=world.users[who], submission=world.sub("a"), action=action, reason="原因说明"
        )
    assert world.sub("a").state == before


def test_submit_refused_while_errors_remain_then_allowed_when_waived(world, fake_findings):
    fill(world, "a")
    fake_findings.error("staffing.E001", "staffing.in_service")
    with pytest.raises(ActionRefused) as refused:
        services.submission_submit(actor=world.users["filler_a"], submission=world.sub("a"))
    assert refused.value.code == "blocking_findings"
    assert refused.value.details[0]["id"] == "staffing.E001"
    assert world.sub("a").state == State.DRAFT
    services.submission_waive(
        actor=world.users["filler_a"],
        submission=world.sub("a"),
        finding_id="staffing.E001",
        reason="编制调整文件已报批，人数以批复为准",
    )
    sign_off(world, "a")
    services.submission_submit(actor=world.users["filler_a"], submission=world.sub("a"))
    assert world.sub("a").state == State.SUBMITTED


def test_waiver_needs_a_reason(world, fake_findings):
    fill(world, "a")
    with pytest.raises(ActionRefused, match="原因"):
        services.submission_waive(
            actor=world.users["filler_a"],
            submission=world.sub("a"),
            finding_id="staffing.E001",
            reason=" ",
        )


def test_submit_refused_while_data_is_invalid(world):
    version = world.sub("a").current_version
    DossierVersion.objects.filter(pk=version.pk).update(
        data={"year": 2023, "profile": {"name": "x"}}
    )
    with pytest.raises(ActionRefused) as refused:
        services.submission_submit(actor=world.users["filler_a"], submission=world.sub("a"))
    assert refused.value.details[0]["where"] == "profile.name"


@pytest.mark.parametrize(
    ("actions", "who"),
    [
        (("submit",), "dept"),
        (("submit",), "finance"),
        (("submit", "dept_approve"), "finance"),
        (("submit", "dept_approve", "finance_approve"), "finance"),
    ],
)
def test_return_needs_a_reason_and_reopens_entry(world, actions, who):
    fill(world, "a")
    advance(world, "a", *actions)
    with pytest.raises(ActionRefused, match="原因"):
        services.submission_return(actor=world.users[who], submission=world.sub("a"), reason="")
    services.submission_return(
        actor=world.users[who], submission=world.sub("a"), reason="三公经费数据缺失"
    )
    submission = world.sub("a")
    assert (
        submission.state == State.RETURNED and submission.last_return_reason == "三公经费数据缺失"
    )
    assert "edit" in Permissions.of(world.users["filler_a"]).allowed_actions(submission)
    row = AuditEntry.objects.filter(submission=submission, action=Action.RETURN).get()
    assert row.reason == "三公经费数据缺失" and row.actor == world.users[who]


def test_returned_submission_can_be_fixed_and_resubmitted(world):
    fill(world, "a")
    advance(world, "a", "submit")
    services.submission_return(
        actor=world.users["dept"], submission=world.sub("a"), reason="补充佐证"
    )
    fill(world, "a", narratives={"problems": ["预算执行进度偏慢"]})
    advance(world, "a", "submit")
    assert world.sub("a").state == State.SUBMITTED


def test_approved_version_is_immutable_and_corrections_make_a_new_version(world):
    fill(world, "a")
    advance(world, "a", "submit", "dept_approve", "finance_approve", "approve", "publish")
    approved = world.sub("a").current_version
    approved.data = {**approved.data, "year": 2099}
    with pytest.raises(ValueError, match="immutable"):
        approved.save()
    unlocked = DossierVersion.objects.get(pk=approved.pk)
    unlocked.locked = False
    with pytest.raises(ValueError, match="immutable"):
        unlocked.save()
    services.submission_reopen(
        actor=world.users["finance"], submission=world.sub("a"), reason="发现数据错误"
    )
    submission = world.sub("a")
    assert submission.state == State.RETURNED and submission.published_at is None
    fill(world, "a", narratives={"problems": ["更正：退休人数"]})
    submission = world.sub("a")
    assert submission.current_version.number == 2 and not submission.current_version.locked
    old = DossierVersion.objects.get(pk=approved.pk)
    assert old.locked and "narratives" not in old.data
    assert AuditEntry.objects.filter(submission=submission, action=Action.NEW_VERSION).count() == 1


def test_deadline_locks_entry_and_extension_records_lateness(world):
    fill(world, "a")
    world.round.deadline = timezone.now() - timedelta(hours=1)
    world.round.save()
    with pytest.raises(ActionRefused):
        services.submission_submit(actor=world.users["filler_a"], submission=world.sub("a"))
    assert "extend" in Permissions.of(world.users["finance"]).allowed_actions(world.sub("a"))
    with pytest.raises(ActionRefused):
        services.submission_extend(
            actor=world.users["dept"],
            submission=world.sub("a"),
            until=timezone.now() + timedelta(days=2),
            reason="系统故障",
        )
    services.submission_extend(
        actor=world.users["finance"],
        submission=world.sub("a"),
        until=timezone.now() + timedelta(days=2),
        reason="系统故障",
    )
    sign_off(world, "a")
    services.submission_submit(actor=world.users["filler_a"], submission=world.sub("a"))
    submission = world.sub("a")
    assert submission.state == State.SUBMITTED and submission.is_late


def test_finance_bureau_reviews_units_without_a_department(world):
    from jixiao.web.orgs.models import Org, OrgKind

    direct = Org.objects.create(
        name="测试县档案馆", code="U9", kind=OrgKind.UNIT, parent=world.finance
    )
    from tests.web.factories import user

    head = user("head_d", direct, "unit_head")
    round_ = services.round_open(
        actor=world.users["finance"],
        finance=world.finance,
        year=2023,
        notice="测财监〔2024〕2号",
        title="t",
        deadline=timezone.now() + timedelta(days=3),
        units=[direct],
    )
    submission = round_.submissions.get()
    services.submission_save_dossier(
        actor=head, submission=submission, data=dossier_data(direct.name)
    )
    services.submission_submit(actor=head, submission=submission)
    services.submission_dept_approve(actor=world.users["finance"], submission=submission)
    assert Submission.objects.get(pk=submission.pk).state == State.DEPT_REVIEWED


def test_rescore_is_finance_only_and_audited(world, fake_findings):
    fill(world, "a")
    advance(world, "a", "submit", "dept_approve")
    from types import SimpleNamespace

    item = SimpleNamespace(
        id="output.done",
        path=("产出", "数量"),
        name="重点工作完成数",
        weight=Decimal(10),
        points=Decimal(10),
        status=SimpleNamespace(value="scored"),
        explanation="",
        target="≥10",
        actual="11",
        indicator_id="done",
        self_score=None,
        rescore=None,
    )
    original = fake_findings.evaluate

    def with_item(dossier, **kwargs):
        result = original(dossier, **kwargs)
        result.score.items = (item,)
        return result

    fake_findings.evaluate = with_item
    with pytest.raises(ActionRefused):
        services.submission_rescore(
            actor=world.users["dept"],
            submission=world.sub("a"),
            item_id="output.done",
            points=Decimal(8),
            comment="证据不足",
        )
    with pytest.raises(ActionRefused, match="0 到 10"):
        services.submission_rescore(
            actor=world.users["finance"],
            submission=world.sub("a"),
            item_id="output.done",
            points=Decimal(12),
        )
    services.submission_rescore(
        actor=world.users["finance"],
        submission=world.sub("a"),
        item_id="output.done",
        points=Decimal(8),
        comment="证据不足",
    )
    row = AuditEntry.objects.filter(action=Action.RESCORE).get()
    assert row.changes == [{"path": "rescore.output.done", "old": None, "new": "8"}]
    assert row.reason == "证据不足"


def test_evidence_upload_appends_to_the_indicator(world):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fill(world, "a")
    upload = SimpleUploadedFile("会议记录.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    services.submission_add_evidence(
        actor=world.users["filler_a"], submission=world.sub("a"), indicator_id="done", upload=upload
    )
    assert world.sub("a").current_version.data["indicators"][0]["evidence"] == ["会议记录.pdf"]
    bad = SimpleUploadedFile("run.exe", b"MZ", content_type="application/octet-stream")
    with pytest.raises(ActionRefused, match="不支持的文件类型"):
        services.submission_add_evidence(
            actor=world.users["filler_a"],
            submission=world.sub("a"),
            indicator_id="done",
            upload=bad,
        )
    with pytest.raises(ActionRefused, match="不存在"):
        services.submission_add_evidence(
            actor=world.users["filler_a"],
            submission=world.sub("a"),
            indicator_id="nope",
            upload=upload,
        )


def test_a_return_after_the_deadline_reopens_entry_and_is_not_late(world):
    fill(world, "a")
    advance(world, "a", "submit")
    world.round.deadline = timezone.now() - timedelta(hours=1)
    world.round.save()
    services.submission_return(
        actor=world.users["dept"], submission=world.sub("a"), reason="补充说明"
    )
    assert "edit" in Permissions.of(world.users["filler_a"]).allowed_actions(world.sub("a"))
    fill(world, "a", narratives={"problems": ["补充：预算执行偏慢"]})
    sign_off(world, "a")
    services.submission_submit(actor=world.users["filler_a"], submission=world.sub("a"))
    submission = world.sub("a")
    assert submission.state == State.SUBMITTED and not submission.is_late
    # while a unit that never submitted stays locked out until the bureau extends
    assert "edit" not in Permissions.of(world.users["filler_b"]).allowed_actions(world.sub("b"))
