"""Sign-in hardening: throttling, password rules for initial passwords, a forced first change,
failed sign-ins logged (issue 13 #9)."""

from __future__ import annotations

import logging

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from jixiao.web.orgs.models import MustChangePassword, OrgChange
from jixiao.web.orgs.sheets import SheetError, import_sheet
from tests.web.factories import PASSWORD

pytestmark = pytest.mark.django_db

AXES_ON = override_settings(
    AXES_ENABLED=True,
    AUTHENTICATION_BACKENDS=[
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
    ],
)


def _sign_in(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


@AXES_ON
def test_five_wrong_passwords_lock_the_account_from_that_address(client, world):
    name = world.users["filler_a"].username
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _sign_in(client, name, "wrong-guess").status_code == 200
    locked = _sign_in(client, name, "wrong-guess")
    assert locked.status_code == 429 and "暂时不能登录" in locked.content.decode()
    # the right password does not get through while the lock lasts
    again = _sign_in(client, name, PASSWORD)
    assert again.status_code == 429
    assert client.get(reverse("dashboard")).status_code == 302  # not signed in
    # another account from the same address is not locked out by it
    other = _sign_in(client, world.users["filler_b"].username, PASSWORD)
    assert other.status_code == 302


@AXES_ON
def test_a_right_password_before_the_limit_signs_in_and_resets_the_count(client, world):
    name = world.users["filler_a"].username
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _sign_in(client, name, "wrong-guess")
    assert _sign_in(client, name, PASSWORD).status_code == 302


def test_failed_sign_ins_are_logged_without_the_password(client, world, caplog):
    with caplog.at_level(logging.WARNING, logger="jixiao.security"):
        _sign_in(client, world.users["filler_a"].username, "secret-guess-123")
    assert "failed sign-in for 'filler_a'" in caplog.text
    assert "secret-guess-123" not in caplog.text


@pytest.mark.parametrize("password", ["1", "12345678901", "password123", "filler_new1"])
def test_weak_initial_passwords_are_refused_by_the_sheet(tmp_path, world, password):
    sheet = tmp_path / "orgs.csv"
    sheet.write_text(
        f"组织编码,用户名,姓名,角色,初始密码\nU1,filler_new,新同事,单位填报员,{password}\n",
        encoding="utf-8",
    )
    with pytest.raises(SheetError) as caught:
        import_sheet(sheet)
    assert any(p.startswith("第2行 初始密码") for p in caught.value.problems)


def test_an_initial_password_only_opens_the_change_form(client, world, tmp_path):
    sheet = tmp_path / "orgs.csv"
    sheet.write_text(
        "组织编码,用户名,姓名,角色,初始密码\nU1,newbie,新同事,单位填报员,Initial-pw-2024\n",
        encoding="utf-8",
    )
    import_sheet(sheet)
    assert client.login(username="newbie", password="Initial-pw-2024")
    response = client.get(reverse("dashboard"))
    assert response.status_code == 302 and response["Location"] == reverse("password_change")
    assert client.get("/api/me").status_code == 403
    page = client.get(reverse("password_change")).content.decode()
    assert "修改密码" in page
    weak = client.post(
        reverse("password_change"),
        {"old_password": "Initial-pw-2024", "new_password1": "123", "new_password2": "123"},
    )
    assert (
        weak.status_code == 200
        and MustChangePassword.objects.filter(user__username="newbie").exists()
    )
    done = client.post(
        reverse("password_change"),
        {
            "old_password": "Initial-pw-2024",
            "new_password1": "Quiet-river-2025",
            "new_password2": "Quiet-river-2025",
        },
    )
    assert done.status_code == 302
    assert not MustChangePassword.objects.filter(user__username="newbie").exists()
    assert client.get(reverse("dashboard")).status_code == 200
    assert OrgChange.objects.filter(action="password_changed", target="newbie").exists()


def test_the_web_sheet_import_refuses_a_one_character_password(client, world):
    assert client.login(username=world.users["admin"].username, password=PASSWORD)
    sheet = SimpleUploadedFile(
        "orgs.csv", "组织编码,用户名,角色,初始密码\nU1,weak,单位填报员,1\n".encode()
    )
    page = client.post(reverse("org_import"), {"file": sheet}).content.decode()
    assert "第2行 初始密码" in page
