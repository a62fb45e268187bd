"""Importing into a draft: a preview first (changes, unit/year mismatches, uncertain items), and only
the confirmed preview is written, filling blanks or replacing, keeping the unit's own name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jixiao.web.evaluations.imports import merge_fill
from jixiao.web.evaluations.models import AuditEntry
from tests.web.factories import PASSWORD, fill

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]
SEED_DOSSIER = REPO / "examples" / "wanzai-2021" / "dossier.yaml"


def _upload(client, submission, path: Path):
    file = SimpleUploadedFile(path.name, path.read_bytes())
    return client.post(reverse("submission_import", args=[submission.pk]), {"file": file})


def _token(html: str) -> str:
    match = re.search(r'name="confirm" value="([^"]+)"', html)
    assert match, "no confirmation form"
    return match.group(1)


@pytest.fixture
def clerk(client, world):
    assert client.login(username=world.users["filler_a"].username, password=PASSWORD)
    return client


def test_upload_shows_a_preview_and_writes_nothing(clerk, world):
    submission = fill(world, "a")
    before = submission.current_version.data
    audits = AuditEntry.objects.count()
    page = _upload(clerk, submission, SEED_DOSSIER).content.decode()
    assert "导入预览" in page and "确认导入" in page
    assert "文件中的单位与本单位不一致" in page and "万载县机关事务管理局" in page
    assert "文件的年度与本批次不一致" in page and "2021" in page
    submission.refresh_from_db()
    assert submission.current_version.data == before
    assert AuditEntry.objects.count() == audits


def test_confirm_fill_keeps_what_is_entered_and_the_units_name(clerk, world):
    submission = fill(world, "a")
    token = _token(_upload(clerk, submission, SEED_DOSSIER).content.decode())
    response = clerk.post(
        reverse("submission_import", args=[submission.pk]),
        {"confirm": token, "mode": "fill", "keep_identity": "1"},
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    data = submission.current_version.data
    assert data["profile"]["name"] == "测试县第一中学"
    assert data["year"] == world.round.year
    # entered values stay; what the draft lacked comes from the file
    assert data["staffing"]["authorized"] == {"行政编制": 10}
    assert data["narratives"], "the draft had no narratives: the file's fill them"


def test_confirm_replace_takes_the_file_but_keeps_the_unit_name(clerk, world):
    submission = fill(world, "a")
    token = _token(_upload(clerk, submission, SEED_DOSSIER).content.decode())
    clerk.post(
        reverse("submission_import", args=[submission.pk]),
        {"confirm": token, "mode": "replace", "keep_identity": "1"},
    )
    submission.refresh_from_db()
    data = submission.current_version.data
    assert data["profile"]["name"] == "测试县第一中学"
    assert data["staffing"]["authorized"] != {"行政编制": 10}
    entry = AuditEntry.objects.filter(submission=submission).latest("pk")
    assert "替换全部" in entry.reason or any("staffing" in c["path"] for c in entry.changes)


def test_a_stale_or_forged_confirmation_writes_nothing(clerk, world):
    submission = fill(world, "a")
    before = submission.current_version.data
    response = clerk.post(
        reverse("submission_import", args=[submission.pk]), {"confirm": "forged", "mode": "replace"}
    )
    assert response.status_code == 302
    page = clerk.get(response["Location"]).content.decode()
    assert "预览已过期" in page
    submission.refresh_from_db()
    assert submission.current_version.data == before


def test_a_confirmed_preview_cannot_be_applied_twice(clerk, world):
    submission = fill(world, "a")
    token = _token(_upload(clerk, submission, SEED_DOSSIER).content.decode())
    url = reverse("submission_import", args=[submission.pk])
    clerk.post(url, {"confirm": token, "mode": "replace", "keep_identity": "1"})
    versions = submission.versions.count()
    audits = AuditEntry.objects.count()
    clerk.post(url, {"confirm": token, "mode": "replace"})
    assert AuditEntry.objects.count() == audits and submission.versions.count() == versions


def test_importer_notes_are_listed_in_full(clerk, world):
    submission = fill(world, "a")
    report = REPO / "examples" / "wanzai-2021" / "report.txt"
    if not report.exists():
        report = next((REPO / "tests" / "fixtures" / "corpus").rglob("*.txt"))
    page = _upload(clerk, submission, report).content.decode()
    assert "导入预览" in page
    assert "需要您核对的内容" in page or "没有报告不确定的内容" in page


def test_merge_fill_fills_empty_sections_whole_and_the_profile_field_by_field():
    current = {
        "profile": {"name": "本单位", "code": ""},
        "staffing": {"authorized": {"行政编制": 10}},
        "money": {},
        "goals": [],
        "indicators": [{"id": "x"}],
    }
    imported = {
        "profile": {"name": "别的单位", "code": "U9", "duties": ["职责"]},
        "staffing": {"authorized": {"行政编制": 3, "事业编制": 4}, "retired": 2},
        "money": {"unit": "万元", "lines": [1]},
        "goals": [{"id": "G1"}],
        "indicators": [{"id": "y"}],
        "narratives": {"problems": ["问题"]},
    }
    assert merge_fill(current, imported) == {
        "profile": {"name": "本单位", "code": "U9", "duties": ["职责"]},
        "staffing": {"authorized": {"行政编制": 10}},
        "money": {"unit": "万元", "lines": [1]},
        "goals": [{"id": "G1"}],
        "indicators": [{"id": "x"}],
        "narratives": {"problems": ["问题"]},
    }


def test_an_unreadable_upload_names_the_users_file_not_a_server_path(clerk, world):
    submission = fill(world, "a")
    broken = SimpleUploadedFile("去年报告.pdf", b"%PDF-1.4\nthis is not really a pdf")
    response = clerk.post(
        reverse("submission_import", args=[submission.pk]), {"file": broken}, follow=True
    )
    page = response.content.decode()
    assert "去年报告.pdf" in page
    assert "/tmp/" not in page and "jixiao-upload-" not in page
