"""Who may do what with results: built on the evaluations' object-level ``Permissions``.

- the finance bureau above a unit (财政局审核员 / 系统管理员, or a superuser) edits its rules,
  decides once the report has passed its review (财政局已审核, 已批准, 已公开), creates
  rectification items and confirms their completion;
- the unit's own staff (单位填报员 / 单位负责人) see their decision and items, note progress on
  their items and enter monitoring snapshots;
- the 主管部门 sees its units' decisions, items and snapshots, read-only;
- nobody else sees anything (the views answer 404).
"""

from __future__ import annotations

from jixiao.web.evaluations.models import State, Submission
from jixiao.web.evaluations.permissions import FINANCE_LIKE, Permissions
from jixiao.web.orgs.models import Org

DECIDABLE = frozenset({State.FINANCE_REVIEWED, State.APPROVED, State.PUBLISHED})


def is_finance_over(permissions: Permissions, org: Org) -> bool:
    return permissions.is_superuser or bool(permissions._roles_over(org) & FINANCE_LIKE)


def may_decide(permissions: Permissions, submission: Submission) -> bool:
    return submission.state in DECIDABLE and is_finance_over(permissions, submission.org)


def may_update_item(permissions: Permissions, owner: Org) -> bool:
    return permissions.is_unit_staff(owner)


def may_record_snapshot(permissions: Permissions, submission: Submission) -> bool:
    return permissions.is_unit_staff(submission.org)
