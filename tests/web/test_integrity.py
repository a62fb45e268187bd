"""Approved versions carry a content hash; `jixiao verify` names any record changed outside the app."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import connection

from jixiao.web.evaluations import integrity
from jixiao.web.evaluations.models import DossierVersion
from tests.web import factories


def _approved(world, key="a", *more):
    factories.fill(world, key)
    return factories.advance(
        world, key, "submit", "dept_approve", "finance_approve", "approve", *more
    )


def _verify() -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("verify", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_approval_seals_the_version_and_publication_keeps_the_seal(world):
    submission = _approved(world)
    version = submission.current_version
    assert len(version.content_hash) == 64
    assert set(version.content_parts) == set(integrity.PARTS)
    sealed = version.content_hash
    submission = factories.advance(world, "a", "publish")
    assert submission.current_version.content_hash == sealed
    assert "全部与批准时一致" in _verify()[0]


def test_a_raw_sql_change_is_named_and_verify_fails(world):
    submission = _approved(world, "a", "publish")
    version = submission.current_version
    with connection.cursor() as cursor:  # outside the ORM and its immutability guard
        cursor.execute(
            "UPDATE evaluations_dossierversion SET final_total = %s WHERE id = %s",
            ["99.00", version.pk],
        )
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as failed:
        call_command("verify", stdout=out, stderr=err)
    assert failed.value.code == 1
    assert "1 处" in err.getvalue() and "changed outside" in err.getvalue()
    assert "测试县第一中学（U1） 2023年度 v1" in out.getvalue()
    problems = integrity.check().problems
    assert [(p.unit, p.year, p.version) for p in problems] == [("测试县第一中学（U1）", 2023, 1)]
    assert "得分与结果" in problems[0].what and "档案数据" not in problems[0].what


def test_a_changed_dossier_and_a_forged_seal_are_told_apart(world):
    version = _approved(world).current_version
    DossierVersion.objects.filter(pk=version.pk).update(data={**version.data, "unit": "改"})
    assert "档案数据" in integrity.check().problems[0].what
    DossierVersion.objects.filter(pk=version.pk).update(content_hash="0" * 64)
    assert "内容校验值本身被改动" in integrity.check().problems[0].what


def test_an_approved_submission_whose_version_was_unlocked_is_named(world):
    version = _approved(world).current_version
    DossierVersion.objects.filter(pk=version.pk).update(locked=False)
    (problem,) = integrity.check().problems
    assert "未锁定" in problem.what


def test_the_short_hash_shows_on_the_published_report_and_the_audit_page(world, client):
    submission = _approved(world, "a", "publish")
    short = submission.current_version.content_hash[:12]
    page = client.get(f"/portal/reports/{submission.pk}/")
    assert page.status_code == 200 and short in page.content.decode()
    client.force_login(world.users["finance"])
    audit = client.get(f"/submissions/{submission.pk}/audit/")
    assert audit.status_code == 200 and short in audit.content.decode()


def test_a_reopened_version_under_review_again_is_held_to_its_data_and_resealed(world):
    """Reopened and resubmitted unchanged, the same locked version gets a new sign-off (and may
    be re-scored): not a tampering while it is under review; approving it again reseals it."""
    from jixiao.web.evaluations import services

    submission = _approved(world)
    sealed = submission.current_version.content_hash
    services.submission_transition(
        actor=world.users["finance"], submission=submission, action="reopen", reason="复核更正"
    )
    submission = factories.advance(world, "a", "submit", "dept_approve", "finance_approve")
    assert submission.current_version.number == 1  # the same, locked version
    assert integrity.check().problems == []
    DossierVersion.objects.filter(pk=submission.current_version.pk).update(data={"x": 1})
    assert "档案数据" in integrity.check().problems[0].what  # its data stays held
    DossierVersion.objects.filter(pk=submission.current_version.pk).update(
        data=submission.current_version.data
    )
    submission = factories.advance(world, "a", "approve")
    assert submission.current_version.content_hash not in ("", sealed)
    assert integrity.check().problems == []
