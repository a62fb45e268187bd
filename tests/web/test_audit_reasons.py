"""Reasons the system writes into audit trails (单位负责人审签 v1, 负责人审签因修改失效, 导入 03.txt
（只填入空白）…) are stored in Chinese and read in the page's language, also for rows stored before;
reasons people type stay as typed."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import translation

from jixiao.web.evaluations import reasons, services
from jixiao.web.evaluations.models import Action, AuditEntry
from jixiao.web.ledgers import catalogue
from jixiao.web.ledgers.models import LedgerAudit

from .factories import PASSWORD, fill, sign_off
from .test_english_pages import CJK, chinese_in_frame

# every template, written with sample parameters, and its English on an English page
WRITTEN = [
    (reasons.SIGN_OFF(n=2), "Signed off by the unit head: v2"),
    (reasons.SIGN_OFF_VOID(), "The unit head's sign-off lapsed with this change"),
    (reasons.NEW_VERSION(), "An approved version cannot change: corrections go into a new version"),
    (reasons.WAIVE(id="staffing.E001"), "Waived staffing.E001"),
    (reasons.UNWAIVE(id="staffing.E001"), "Withdrew the waiver of staffing.E001"),
    (reasons.EVIDENCE(name="scan.pdf"), "Evidence scan.pdf"),
    (reasons.IMPORT_FILL(name="03.txt"), "Imported 03.txt (blanks filled only)"),
    (reasons.IMPORT_REPLACE(name="03.txt"), "Imported 03.txt (everything replaced)"),
    (reasons.BATCH_IMPORT(name="U1.yaml"), "Bulk import U1.yaml"),
    (reasons.LEDGER_FOLLOW(), "Ledger update: actuals recomputed from the ledgers"),
    (
        reasons.LEDGER_OVERRIDE(id="W001", reason="per audit"),
        "W001 typed over the ledger's value, because: per audit",
    ),
    (reasons.LEDGER_IMPORT(file="cars.xlsx", n=3), "cars.xlsx: 3 records"),
    (reasons.SURVEY_OPEN(title="2023 survey"), "Published the questionnaire “2023 survey”"),
    (reasons.SURVEY_REOPEN(title="2023 survey"), "Reopened the questionnaire “2023 survey”"),
    (reasons.SURVEY_CLOSE(title="2023 survey"), "Stopped collecting “2023 survey”"),
    (reasons.CONFIRMED(), "Confirmed done"),
]
TYPED = "请补充佐证材料；确认完成前再核对"  # a person's reason: left as typed, even with a "；"


def test_every_template_is_listed_once_and_has_english():
    assert len(WRITTEN) == len(reasons.REGISTRY) == len({t.zh for t in reasons.REGISTRY})
    with translation.override("en"):
        for template in reasons.REGISTRY:
            english = template.english_or_chinese()
            frame = re.sub(r"%\(\w+\)s", "", english)
            assert english != template.zh and not CJK.search(frame), template.zh


@pytest.mark.parametrize(("stored", "english"), WRITTEN)
def test_a_stored_system_reason_reads_in_the_page_language(stored, english):
    with translation.override("en"):
        assert reasons.in_words(stored) == (english, True)
    with translation.override("zh-hans"):
        assert reasons.in_words(stored) == (stored, True)
        # a row stored in English by an earlier version reads in Chinese on a Chinese page
        assert reasons.in_words(english) == (stored, True)


def test_a_typed_reason_stays_as_typed_and_joined_parts_are_read_one_by_one():
    with translation.override("en"):
        assert reasons.in_words(TYPED) == (TYPED, False)
        assert reasons.in_words("") == ("", False)
        joined = reasons.join("改正人数", reasons.SIGN_OFF_VOID())
        assert joined == "改正人数；负责人审签因修改失效"
        assert reasons.in_words(joined) == (
            "改正人数; The unit head's sign-off lapsed with this change",
            True,
        )
        two = reasons.join(
            reasons.LEDGER_OVERRIDE(id="W1", reason="甲"),
            reasons.LEDGER_OVERRIDE(id="W2", reason="乙"),
        )
        assert reasons.in_words(two)[0] == (
            "W1 typed over the ledger's value, because: 甲; "
            "W2 typed over the ledger's value, because: 乙"
        )


@pytest.mark.django_db
def test_the_audit_page_reads_system_reasons_in_english_and_chinese(client, world):
    submission = world.sub("a")
    for stored, _ in WRITTEN:
        AuditEntry.objects.create(
            submission=submission, actor_name="system", action=Action.EDIT, reason=stored
        )
    AuditEntry.objects.create(
        submission=submission, actor_name="system", action=Action.RETURN, reason=TYPED
    )
    client.login(username="fin_rev", password=PASSWORD)
    url = reverse("submission_audit", args=[submission.pk])
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    chinese = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    for stored, shown in WRITTEN:
        assert shown.replace("'", "&#x27;") in english, shown
        assert stored in chinese, stored
    assert "单位负责人审签 v2" not in english and "导入 03.txt（只填入空白）" not in english
    assert f'<span lang="zh">{TYPED}</span>' in english  # user data, marked, unchanged
    assert f'<span lang="zh">{TYPED}</span>' not in chinese and TYPED in chinese
    assert chinese_in_frame(english) == []
    csv = client.get(
        reverse("submission_audit_csv", args=[submission.pk]), HTTP_ACCEPT_LANGUAGE="en"
    )
    assert "Imported 03.txt (blanks filled only)" in csv.content.decode()


@pytest.mark.django_db
def test_sign_off_edit_and_waiver_write_the_chinese_the_registry_reads(client, world):
    fill(world, "a")
    submission = sign_off(world, "a")
    data = submission.current_version.data
    with translation.override("en"):  # the writer's page language does not change what is stored
        services.submission_save_dossier(
            actor=world.users["filler_a"],
            submission=submission,
            data={**data, "profile": {**data["profile"], "name": "测试县第一中学（改）"}},
            note="改名",
        )
        services.submission_waive(
            actor=world.users["filler_a"],
            submission=world.sub("a"),
            finding_id="staffing.E001",
            reason="编制已调整，附说明",
        )
    written = list(
        AuditEntry.objects.filter(submission=submission)
        .order_by("pk")
        .values_list("reason", flat=True)
    )
    assert "单位负责人审签 v1" in written and "改名；负责人审签因修改失效" in written
    assert "豁免 staffing.E001" in written
    client.login(username="filler_a", password=PASSWORD)
    english = client.get(
        reverse("submission_audit", args=[submission.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "Signed off by the unit head: v1" in english
    assert "The unit head&#x27;s sign-off lapsed with this change" in english
    assert "Waived staffing.E001" in english
    assert chinese_in_frame(english) == []


@pytest.mark.django_db
def test_the_ledger_change_log_reads_system_reasons_in_the_page_language(client, world):
    for stored in (
        reasons.LEDGER_IMPORT(file="车辆.xlsx", n=3),
        reasons.SURVEY_OPEN(title="满意度"),
        "Published the questionnaire “旧问卷”",  # stored in English by an earlier version
    ):
        LedgerAudit.objects.create(
            org=world.unit_a,
            ledger=catalogue.SATISFACTION,
            actor_name="filler_a",
            action="survey",
            reason=stored,
        )
    client.login(username="filler_a", password=PASSWORD)
    url = reverse("ledgers:audit", args=[world.unit_a.pk])
    english = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    chinese = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert '<span lang="zh">车辆</span>.xlsx: 3 records' in english
    assert 'Published the questionnaire “<span lang="zh">满意度</span>”' in english
    assert "车辆.xlsx：3 条记录" in chinese and "发布问卷“满意度”" in chinese
    assert "发布问卷“旧问卷”" in chinese and "Published the questionnaire" not in chinese
