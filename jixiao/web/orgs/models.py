"""The org tree and who holds which role where.

An Org keeps a materialised ``path`` ("/0000000001/0000000004/", ids zero-padded so that sorting by
path lists the tree in order) so that "everything below this org" is one
indexed ``startswith`` query, whatever the depth. A Membership gives a user one role at one org;
what the role may see and do follows from the org's place in the tree (see ``permissions``).
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _


class OrgKind(models.TextChoices):
    FINANCE = "finance", _("财政局")
    DEPARTMENT = "department", _("主管部门")
    UNIT = "unit", _("单位")


class Role(models.TextChoices):
    FILLER = "filler", _("单位填报员")
    UNIT_HEAD = "unit_head", _("单位负责人")
    DEPT_REVIEWER = "dept_reviewer", _("主管部门审核员")
    FINANCE_REVIEWER = "finance_reviewer", _("财政局审核员")
    ADMIN = "admin", _("系统管理员")


UNIT_ROLES = frozenset({Role.FILLER, Role.UNIT_HEAD})
REVIEW_ROLES = frozenset({Role.DEPT_REVIEWER, Role.FINANCE_REVIEWER, Role.ADMIN})


class Org(models.Model):
    name = models.CharField(_("名称"), max_length=200)
    code = models.CharField(_("编码"), max_length=64, unique=True)
    kind = models.CharField(_("类型"), max_length=16, choices=OrgKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")
    is_demo = models.BooleanField(_("演示数据"), default=False)

    class Meta:
        ordering = ("path",)
        verbose_name = _("组织")
        verbose_name_plural = _("组织")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.parent_id and self.pk and self.parent.path.startswith(self.path or "/-/"):
            raise ValidationError({"parent": _("上级不能是本组织或其下级")})

    def save(self, *args: object, **kwargs: object) -> None:
        """Save, then keep the materialised path of this org and everything below it right."""
        with transaction.atomic():
            super().save(*args, **kwargs)  # type: ignore[arg-type]
            new_path = (self.parent.path if self.parent_id else "/") + f"{self.pk:010d}/"
            if new_path == self.path:
                return
            old_path, self.path = self.path, new_path
            Org.objects.filter(pk=self.pk).update(path=new_path)
            if old_path:
                below = list(Org.objects.filter(path__startswith=old_path).exclude(pk=self.pk))
                for org in below:
                    org.path = new_path + org.path[len(old_path) :]
                Org.objects.bulk_update(below, ["path"])

    def is_within(self, other: Org) -> bool:
        """True when this org is *other* or lies below it."""
        return self.path.startswith(other.path)

    def finance_bureau(self) -> Org | None:
        return Org.objects.filter(
            pk__in=[int(p) for p in self.path.strip("/").split("/") if p], kind=OrgKind.FINANCE
        ).first()

    def ancestor_ids(self) -> list[int]:
        return [int(p) for p in self.path.strip("/").split("/") if p]


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    org = models.ForeignKey(Org, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("角色"), max_length=32, choices=Role.choices)

    class Meta:
        unique_together = (("user", "org", "role"),)
        verbose_name = _("角色任职")
        verbose_name_plural = _("角色任职")

    def __str__(self) -> str:
        return f"{self.user} · {self.org} · {self.get_role_display()}"


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for the REST API. Only its SHA-256 is stored; the raw value is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("用途"), max_length=100, default="api")
    digest = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=8, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API 令牌")
        verbose_name_plural = _("API 令牌")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @classmethod
    def issue(cls, user: object, name: str = "api") -> tuple[ApiToken, str]:
        raw = "jx_" + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, digest=_digest(raw), prefix=raw[:8])
        return token, raw

    @classmethod
    def lookup(cls, raw: str) -> ApiToken | None:
        return cls.objects.select_related("user").filter(digest=_digest(raw)).first()


class OrgChange(models.Model):
    """One change to the org tree, a user account, a role or an API token: who, when, what.

    Submissions have their own audit trail (evaluations.AuditEntry); this one covers who may do
    what, which is what a privilege escalation would change."""

    class Action(models.TextChoices):
        ORG_CREATED = "org_created", _("新建组织")
        ORG_UPDATED = "org_updated", _("修改组织")
        USER_CREATED = "user_created", _("新建用户")
        USER_UPDATED = "user_updated", _("修改用户")
        PASSWORD_CHANGED = "password_changed", _("修改密码")
        MEMBERSHIP_CREATED = "membership_created", _("授予角色")
        TOKEN_ISSUED = "token_issued", _("创建 API 令牌")
        TOKEN_REVOKED = "token_revoked", _("作废 API 令牌")

    at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_name = models.CharField(_("操作人"), max_length=150, blank=True)
    action = models.CharField(_("操作"), max_length=32, choices=Action.choices)
    target = models.CharField(_("对象"), max_length=300)
    changes = models.JSONField(_("改动"), default=dict, blank=True)
    via = models.CharField(_("途径"), max_length=100, blank=True)

    class Meta:
        ordering = ("-at", "-pk")
        verbose_name = _("组织与权限变更记录")
        verbose_name_plural = _("组织与权限变更记录")

    def __str__(self) -> str:
        return (
            f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.get_action_display()} {self.target}"
        )

    @classmethod
    def record(
        cls, actor: object, action: str, target: str, via: str = "", **changes: object
    ) -> OrgChange:
        name = getattr(actor, "username", "") if actor is not None else "命令行"
        return cls.objects.create(
            actor=actor if getattr(actor, "pk", None) else None,
            actor_name=name,
            action=action,
            target=target[:300],
            changes=changes,
            via=via,
        )


class MustChangePassword(models.Model):
    """The account still has the initial password an administrator gave it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="must_change_password"
    )
    since = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("须修改初始密码")
        verbose_name_plural = _("须修改初始密码")
