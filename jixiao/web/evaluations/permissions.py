"""Who may see and do what: object-level permissions from a user's place in the org tree.

A :class:`Permissions` object is built once per request (two queries: the user's memberships and
the ids of 主管部门-level orgs) and then answers every question in memory, so list pages can show
each row's allowed actions without a query per row.

Rules:
- 单位填报员 / 单位负责人 see and edit only their own unit's submissions (not the units below it);
  the 单位负责人 signs the version off (审签) before it goes to review, and either may withdraw
  (撤回) a submission no reviewer has acted on yet;
- 主管部门审核员 sees its subtree and does the first review;
- 财政局审核员 sees everything below its bureau, does the second review, approves, publishes,
  reopens, re-scores and extends deadlines; where a unit has no 主管部门 above it, the bureau also
  does the first review;
- 系统管理员 may do what a bureau reviewer may, in its subtree; a Django superuser everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from jixiao.web.evaluations.models import EDITABLE_STATES, SignOff, State, Submission
from jixiao.web.orgs.models import Membership, Org, OrgKind, Role

# action → label, in the order the UI shows them
ACTIONS: dict[str, Any] = {
    "edit": _("修改"),
    "sign_off": _("负责人审签"),
    "submit": _("提交"),
    "withdraw": _("撤回"),
    "dept_approve": _("主管部门审核通过"),
    "finance_approve": _("财政局审核通过"),
    "approve": _("批准（锁定）"),
    "publish": _("公开"),
    "return": _("退回"),
    "reopen": _("重新打开"),
    "rescore": _("复核评分"),
    "extend": _("延期"),
    "prefill": _("批量预填"),
}
# what a notice says once an action is done: 已提交, not "done: submit"
DONE: dict[str, Any] = {
    "sign_off": _("已审签当前版本，填报员可以提交"),
    "submit": _("已提交"),
    "withdraw": _("已撤回"),
    "dept_approve": _("主管部门已审核通过"),
    "finance_approve": _("财政局已审核通过"),
    "approve": _("已批准并锁定"),
    "publish": _("已公开"),
    "return": _("已退回"),
    "reopen": _("已重新打开"),
    "extend": _("已延期"),
}
TRANSITIONS = (
    "submit",
    "withdraw",
    "dept_approve",
    "finance_approve",
    "approve",
    "publish",
    "return",
    "reopen",
)
NEEDS_REASON = frozenset({"return", "reopen", "extend"})
FINANCE_LIKE = frozenset({Role.FINANCE_REVIEWER, Role.ADMIN})


def _signed(submission: Submission) -> bool:
    """The current version carries the unit head's sign-off that no edit has voided."""
    version_id = submission.current_version_id
    return version_id is not None and SignOff.valid_of(version_id).exists()


class ActionRefused(Exception):
    """An action the user may not take now (wrong state, no permission, blocking findings)."""

    def __init__(
        self, message: str, *, code: str = "refused", details: list[dict[str, Any]] | None = None
    ):
        super().__init__(message)
        self.message = message
        self.code = code
        self.details = details or []


@dataclass
class Permissions:
    user: Any
    memberships: list[Membership] = field(default_factory=list)
    department_ids: frozenset[int] = frozenset()

    @classmethod
    def of(cls, user: Any) -> Permissions:
        if user is None or not user.is_authenticated:
            return cls(user=user)
        cached = getattr(user, "_jixiao_permissions", None)
        if cached is not None:
            return cached
        memberships = list(Membership.objects.filter(user=user).select_related("org"))
        departments = frozenset(
            Org.objects.filter(kind=OrgKind.DEPARTMENT).values_list("id", flat=True)
        )
        permissions = cls(user=user, memberships=memberships, department_ids=departments)
        user._jixiao_permissions = permissions
        return permissions

    # ── what a user holds ──────────────────────────────────────────────────────────────────

    @property
    def is_superuser(self) -> bool:
        return bool(getattr(self.user, "is_superuser", False))

    def roles(self) -> set[str]:
        return {m.role for m in self.memberships}

    def has_role(self, *roles: str) -> bool:
        return self.is_superuser or any(m.role in roles for m in self.memberships)

    def _roles_over(self, org: Org) -> set[str]:
        """The roles this user holds that reach *org*."""
        found: set[str] = set()
        for m in self.memberships:
            if m.role in (Role.FILLER, Role.UNIT_HEAD):
                if m.org_id == org.pk:
                    found.add(m.role)
            elif org.path.startswith(m.org.path):
                found.add(m.role)
        return found

    def is_unit_head(self, org: Org) -> bool:
        return Role.UNIT_HEAD in self._roles_over(org)

    def is_unit_staff(self, org: Org) -> bool:
        """单位填报员 or 单位负责人 of *org* itself."""
        return bool(self._roles_over(org) & {Role.FILLER, Role.UNIT_HEAD})

    def finance_orgs(self) -> list[Org]:
        """The bureaus where this user may open rounds."""
        if self.is_superuser:
            return list(Org.objects.filter(kind=OrgKind.FINANCE))
        return [
            m.org
            for m in self.memberships
            if m.role in FINANCE_LIKE and m.org.kind == OrgKind.FINANCE
        ]

    # ── what a user may do with one submission ─────────────────────────────────────────────

    def can_view(self, submission: Submission) -> bool:
        return self.is_superuser or bool(self._roles_over(submission.org))

    def _has_department_above(self, org: Org) -> bool:
        return any(pk in self.department_ids for pk in org.ancestor_ids())

    def allowed_actions(self, submission: Submission) -> list[str]:
        roles = {Role.ADMIN.value} if self.is_superuser else self._roles_over(submission.org)
        if not roles:
            return []
        unit = bool(roles & {Role.FILLER, Role.UNIT_HEAD})
        finance = bool(roles & FINANCE_LIKE)
        dept = Role.DEPT_REVIEWER in roles or (
            finance and not self._has_department_above(submission.org)
        )
        state = submission.state
        allowed: list[str] = []
        # the deadline closes first entry; a return reopens entry whatever the date
        if (
            unit
            and state in EDITABLE_STATES
            and not (state == State.DRAFT and submission.entry_closed)
        ):
            allowed += ["edit", "submit"]
            # once the head has signed the current version there is nothing left to sign
            if Role.UNIT_HEAD in roles and not _signed(submission):
                allowed.append("sign_off")
        if state == State.SUBMITTED and unit:
            allowed.append("withdraw")
        if state == State.SUBMITTED and dept:
            allowed.append("dept_approve")
        if state == State.DEPT_REVIEWED and finance:
            allowed.append("finance_approve")
        if state == State.FINANCE_REVIEWED and finance:
            allowed.append("approve")
        if state == State.APPROVED and finance:
            allowed.append("publish")
        if (state == State.SUBMITTED and (dept or finance)) or (
            state in (State.DEPT_REVIEWED, State.FINANCE_REVIEWED) and finance
        ):
            allowed.append("return")
        if state in (State.APPROVED, State.PUBLISHED) and finance:
            allowed.append("reopen")
        if state in (State.DEPT_REVIEWED, State.FINANCE_REVIEWED) and finance:
            allowed.append("rescore")
        if state in EDITABLE_STATES and finance:
            allowed += ["extend", "prefill"]
        return allowed

    def require(self, action: str, submission: Submission) -> None:
        if not self.can_view(submission):
            raise ActionRefused(gettext("无权访问该填报"), code="forbidden")
        if action not in self.allowed_actions(submission):
            label = ACTIONS.get(action, action)
            raise ActionRefused(
                gettext("当前状态“%(state)s”下您不能执行“%(action)s”")
                % {"state": submission.get_state_display(), "action": label},
                code="not_allowed",
            )


def action_labels(actions: list[str]) -> list[tuple[str, str]]:
    return [(a, str(ACTIONS[a])) for a in actions]
