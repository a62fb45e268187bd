"""Who may read and write a unit's ledgers: the rules of the rest of the unit's data.

The unit's own 单位填报员 and 单位负责人 write its ledgers; its 主管部门 and 财政局 (reviewers
and 系统管理员 above it) and superusers read them; nobody else learns they exist (404). Built on
:class:`~jixiao.web.evaluations.permissions.Permissions`, so the memberships are read once per
request.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils.translation import gettext

from jixiao.web.evaluations.permissions import ActionRefused, Permissions
from jixiao.web.evaluations.selectors import _visibility
from jixiao.web.orgs.models import Org, OrgKind


def can_read(user: Any, org: Org) -> bool:
    permissions = Permissions.of(user)
    return permissions.is_superuser or bool(permissions._roles_over(org))


def can_write(user: Any, org: Org) -> bool:
    return Permissions.of(user).is_unit_staff(org)


def readable_org(user: Any, pk: int) -> Org:
    """The org *pk* when *user* may read its ledgers, else 404 (existence is not leaked)."""
    org = Org.objects.filter(pk=pk).first()
    if org is None or not user.is_authenticated or not can_read(user, org):
        raise Http404(gettext("没有这个单位"))
    return org


def require_write(user: Any, org: Org) -> None:
    """Refuse (404 when the org is unseen, 403-like refusal when only readable)."""
    if not can_read(user, org):
        raise ActionRefused(gettext("无权访问该单位的台账"), code="forbidden")
    if not can_write(user, org):
        raise ActionRefused(gettext("只有本单位的填报人员可以修改台账"), code="not_allowed")


def orgs_readable_by(user: Any) -> list[Org]:
    """Units (and 主管部门, which keep ledgers of their own 机关) whose ledgers *user* may read,
    in tree order."""
    if not user.is_authenticated:
        return []
    visible = _visibility(Permissions.of(user))
    rows = Org.objects.filter(kind__in=(OrgKind.UNIT, OrgKind.DEPARTMENT))
    if visible is not None:
        rows = rows.filter(visible)
    return list(rows.order_by("path")[:500])
