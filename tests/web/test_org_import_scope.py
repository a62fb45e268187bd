"""The org sheet cannot escalate privileges: a 系统管理员 who is not a superuser changes only the
subtree they administer, and every org, account and role change is recorded (issue 13 #1)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from jixiao.web.orgs.models import Membership, Org, OrgChange, OrgKind, Role
from tests.web.factories import PASSWORD, user

pytestmark = pytest.mark.django_db

HEADER = "组织编码,组织名称,组织类型,上级编码,用户名,姓名,角色,邮箱,初始密码\n"


@pytest.fixture
def other_county(world):
    bureau = Org.objects.create(name="邻县财政局", code="N1", kind=OrgKind.FINANCE)
    unit = Org.objects.create(name="邻县一中", code="N1-U1", kind=OrgKind.UNIT, parent=bureau)
    reviewer = user("n_fin", bureau, Role.FINANCE_REVIEWER)
    return bureau, unit, reviewer


def _post(client, world, rows: str):
    assert client.login(username=world.users["admin"].username, password=PASSWORD)
    sheet = SimpleUploadedFile("orgs.csv", (HEADER + rows).encode("utf-8"))
    return client.post(reverse("org_import"), {"file": sheet}, follow=True).content.decode()


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # a role in another county's finance bureau
        ("N1,,,,mole,内鬼,财政局审核员,,pw-long-enough-1\n", "不能在组织 N1 授予角色"),
        # re-parent another county's unit under one's own department
        ("N1-U1,邻县一中,单位,D1,,,,,\n", "组织 N1-U1 不在您管理的组织范围内"),
        # rename a user of the other county
        ("F1,,,,n_fin,改名,单位填报员,,\n", "账号 n_fin 在其他组织任职"),
        # a new root org: a county of one's own
        ("Z1,新县财政局,财政局,,,,,,\n", "上级 （空） 不在您管理的组织范围内"),
    ],
)
def test_an_admin_cannot_reach_outside_their_subtree(client, world, other_county, rows, expected):
    before = (
        Org.objects.count(),
        Membership.objects.count(),
        get_user_model().objects.count(),
    )
    page = _post(client, world, rows)
    assert expected in page
    assert (
        Org.objects.count(),
        Membership.objects.count(),
        get_user_model().objects.count(),
    ) == before
    bureau, unit, reviewer = other_county
    unit.refresh_from_db()
    reviewer.refresh_from_db()
    assert unit.parent == bureau and reviewer.first_name != "改名"
    assert not OrgChange.objects.exists()


def test_within_their_subtree_an_admin_imports_and_every_change_is_recorded(client, world):
    page = _post(
        client,
        world,
        "D1-U9,测试县第九中学,单位,D1,u9,赵六,单位填报员,,pw-long-enough-1\n"
        "U2,测试县第二中学（更名）,单位,D1,,,,,\n",
    )
    assert "组织 新建 1、更新 1" in page
    unit = Org.objects.get(code="D1-U9")
    assert unit.is_within(world.finance)
    changes = {(c.action, c.target) for c in OrgChange.objects.all()}
    assert changes == {
        ("org_created", "D1-U9"),
        ("org_updated", "U2"),
        ("user_created", "u9"),
        ("membership_created", "u9 · D1-U9"),
    }
    renamed = OrgChange.objects.get(action="org_updated")
    assert renamed.actor == world.users["admin"] and renamed.changes == {
        "name": ["测试县第二中学", "测试县第二中学（更名）"]
    }
    assert renamed.via == "网页导入 orgs.csv"


def test_tokens_are_audited_and_a_bad_revoke_id_is_a_message_not_an_error(client, world):
    from jixiao.web.orgs.models import ApiToken

    assert client.login(username=world.users["filler_a"].username, password=PASSWORD)
    client.post(reverse("tokens"), {"name": "报表脚本"})
    token = ApiToken.objects.get(user=world.users["filler_a"])
    for bad in ("abc", "1 OR 1=1", "99999"):
        response = client.post(reverse("tokens"), {"revoke": bad}, follow=True)
        assert response.status_code == 200 and "没有这个令牌" in response.content.decode()
    assert ApiToken.objects.filter(pk=token.pk).exists()
    client.post(reverse("tokens"), {"revoke": str(token.pk)})
    assert not ApiToken.objects.filter(pk=token.pk).exists()
    actions = list(OrgChange.objects.order_by("pk").values_list("action", "actor__username"))
    assert actions == [("token_issued", "filler_a"), ("token_revoked", "filler_a")]
