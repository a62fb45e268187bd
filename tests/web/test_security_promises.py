"""Promises an attacker tested and found kept, turned into tests (issue 13): text a unit types is
shown as text on every page that shows it, in the portal too (no script runs); every form that
changes something refuses a POST without its CSRF token, in Chinese, writing nothing, and so does
the API when called with a session cookie instead of a token; a bulk-import archive whose member
names climb out of their folder writes no file anywhere."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import yaml
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from jixiao.web.evaluations.models import AuditEntry, BatchJob, DossierVersion
from jixiao.web.orgs.models import ApiToken
from tests.web.factories import PASSWORD, advance, dossier_data, fill, sign_off

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script>'
IMAGE = '<img src=x onerror="alert(1)">'


def _hostile(world):
    """Unit A's report with markup in its goal, an indicator name and its narrative."""
    fill(
        world,
        "a",
        goals=[{"id": "G1", "text": f"完成任务{SCRIPT}"}],
        narratives={"performance_management": [f"总体情况{IMAGE}"]},
    )
    return world.sub("a")


def _login(client, world, who):
    assert client.login(username=world.users[who].username, password=PASSWORD)


def _assert_inert(html: str, where: str, shown: bool = True) -> None:
    assert SCRIPT not in html and IMAGE not in html, where
    if shown:
        assert "&lt;script&gt;" in html or "&lt;img" in html, where  # shown, as text


def test_markup_typed_by_a_unit_is_shown_as_text_on_every_page(client, world):
    submission = _hostile(world)
    _login(client, world, "finance")
    detail = reverse("submission_detail", args=[submission.pk])
    _assert_inert(client.get(detail).text, detail, shown=False)
    pages = [
        reverse("submission_section", args=[submission.pk, "goals"]),
        reverse("submission_section", args=[submission.pk, "narratives"]),
    ]
    for url in pages:
        _assert_inert(client.get(url).text, url)
    advance(world, "a", "submit", "dept_approve", "finance_approve", "approve", "publish")
    client.logout()
    url = reverse("portal:report", args=[submission.pk])
    _assert_inert(client.get(url).text, url)


def _csrf_client(world, who) -> Client:
    client = Client(enforce_csrf_checks=True)
    _login(client, world, who)
    return client


def _forms(world):
    """(who, url, data) of forms that change something, one of each kind."""
    a = world.sub("a").pk
    return [
        ("filler_a", reverse("submission_section", args=[a, "staffing"]), {"retired": "4"}),
        ("filler_a", reverse("submission_action", args=[a, "submit"]), {}),
        ("filler_a", reverse("submission_import", args=[a]), {}),
        ("filler_a", reverse("submission_waive", args=[a]), {"finding_id": "x", "reason": "r"}),
        ("filler_a", reverse("tokens"), {"name": "脚本"}),
        ("finance", reverse("round_new"), {"year": "2024"}),
        ("finance", reverse("submission_rescore", args=[a]), {"item_id": "x", "points": "1"}),
        ("filler_a", reverse("password_change"), {"old_password": PASSWORD}),
    ]


def test_every_changing_form_refuses_a_post_without_its_token(world):
    fill(world, "a")
    versions, audit, tokens = (
        DossierVersion.objects.count(),
        AuditEntry.objects.count(),
        ApiToken.objects.count(),
    )
    for who, url, data in _forms(world):
        response = _csrf_client(world, who).post(url, data)
        assert response.status_code == 403, url
        assert "页面已过期" in response.text and "没有保存任何内容" in response.text, url
        assert "CSRF verification failed" not in response.text
    assert DossierVersion.objects.count() == versions and AuditEntry.objects.count() == audit
    assert ApiToken.objects.count() == tokens


def test_the_api_with_a_session_cookie_needs_the_csrf_token_but_a_bearer_token_does_not(world):
    fill(world, "a")
    url = f"/api/submissions/{world.sub('a').pk}/transitions/submit"
    sign_off(world, "a")
    client = _csrf_client(world, "filler_a")
    assert client.post(url, "{}", content_type="application/json").status_code == 403
    assert world.sub("a").state == "draft"
    _, raw = ApiToken.issue(world.users["filler_a"])
    response = Client(enforce_csrf_checks=True).post(
        url, "{}", content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {raw}"
    )
    assert response.status_code == 200, response.content
    assert world.sub("a").state == "submitted"


def test_archive_members_that_climb_out_of_their_folder_write_no_file(
    client, world, tmp_path, settings, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    target = tmp_path / "escaped.yaml"
    buffer = io.BytesIO()
    data = yaml.safe_dump(dossier_data("测试县第一中学"), allow_unicode=True)
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(f"../../..{target}", data)
        archive.writestr(str(target), data)
        archive.writestr("../测试县第二中学.yaml", data)
    _login(client, world, "finance")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("round_import", args=[world.round.pk]),
            {"file": SimpleUploadedFile("reports.zip", buffer.getvalue())},
        )
    job = BatchJob.objects.get(kind="bulk_import")
    assert job.status == "done" and job.total == 3
    assert not target.exists() and not (tmp_path / "测试县第二中学.yaml").exists()
    written = [p for p in Path(tmp_path).rglob("*") if p.is_file()]
    assert not [p for p in written if p.suffix == ".yaml"], written


ALIAS_BOMB = b'a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: &d [*c,*c]\ne: [*d,*d]\n'


@pytest.mark.parametrize("who", ["dept", "finance", "filler_b"])
def test_an_upload_is_not_read_unless_the_caller_may_import(client, world, monkeypatch, who):
    """Finding #2: the dossier upload was parsed before the permission check, so a read-only
    reviewer could make the server parse an alias bomb. The reader must not even be called."""
    from jixiao.web.evaluations import imports

    def must_not_read(upload):
        raise AssertionError("the upload was read before the permission check")

    monkeypatch.setattr(imports, "read_upload", must_not_read)
    fill(world, "a")
    _login(client, world, who)
    response = client.post(
        reverse("submission_import", args=[world.sub("a").pk]),
        {"file": SimpleUploadedFile("bomb.yaml", ALIAS_BOMB)},
    )
    assert response.status_code in (200, 403, 404)
