"""What a workflow action will do, said in plain words before the user confirms it.

The confirmation page (``GET /submissions/<id>/action/<action>/``) shows a :class:`Confirmation`:
who sees the report next, what becomes fixed or public, the current score (or why none can be
computed), the open findings, and, when the action would be refused, why. Building one changes
nothing: the checks are the services' own (``check_transition``, ``check_sign_off``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from jixiao.web.evaluations import engine, selectors, services
from jixiao.web.evaluations.models import State, Submission
from jixiao.web.evaluations.permissions import ActionRefused, Permissions
from jixiao.web.orgs.models import Org, OrgKind

# the actions confirmed on their own page; return, reopen and extend ask for a reason inline
CONFIRMED = (
    "sign_off",
    "submit",
    "withdraw",
    "dept_approve",
    "finance_approve",
    "approve",
    "publish",
)


@dataclass
class Confirmation:
    action: str
    consequences: list[str]
    refusal: str = ""
    blocking: list[dict[str, Any]] = field(default_factory=list)
    unscored: list[engine.ItemLine] = field(default_factory=list)
    reason_optional: bool = False


def first_reviewer(submission: Submission) -> str:
    """Who reviews a submitted report first: its 主管部门, or the bureau where there is none."""
    department = (
        Org.objects.filter(pk__in=submission.org.ancestor_ids(), kind=OrgKind.DEPARTMENT)
        .order_by("-path")
        .first()
    )
    if department is not None:
        return _("主管部门 %(org)s 的审核员") % {"org": department.name}
    return _("%(org)s 的审核员") % {"org": submission.round.finance.name}


def _consequences(user: Any, submission: Submission, action: str) -> list[str]:
    version = submission.current_version
    number = version.number if version else 1
    finance = submission.round.finance.name
    if action == "sign_off":
        return [
            _("您以单位负责人身份审签当前版本 v%(n)s，确认报告内容属实、可以报送。")
            % {"n": number},
            _("审签后填报员即可提交；审签后如再修改报告，审签自动失效，需要重新审签。"),
        ]
    if action == "submit":
        lines = []
        if Permissions.of(user).is_unit_head(submission.org):
            lines.append(
                _("您以单位负责人身份审签当前版本 v%(n)s 并提交（一步完成）。") % {"n": number}
            )
        else:
            signed = selectors.valid_sign_off(version)
            if signed is not None:
                lines.append(
                    _("单位负责人 %(who)s 已审签当前版本 v%(n)s。")
                    % {"who": signed.signer, "n": number}
                )
        lines += [
            _("提交后报告交 %(who)s 审核，在审核期间不能修改。")
            % {"who": first_reviewer(submission)},
            _("审核员处理之前，您可以撤回报告继续修改。"),
        ]
        if version is None or not version.grade:
            lines.append(_("目前无法计算得分：可以照样提交，审核员看到的也将是不完整的得分。"))
            lines.append(_("如能补齐下方缺少的数据或佐证，建议先补齐再提交。"))
        return lines
    if action == "withdraw":
        back = State.RETURNED if services.withdraw_target(submission) == State.RETURNED else None
        return [
            _("撤回后报告回到“%(state)s”状态，可以继续修改，修改后须重新审签并提交。")
            % {"state": (back or State.DRAFT).label},
            _("撤回会记入审计记录；可以填写撤回原因（选填）。"),
        ]
    if action == "dept_approve":
        return [
            _("审核通过后报告交 %(org)s 复核，单位不能再撤回或修改。") % {"org": finance},
        ]
    if action == "finance_approve":
        return [_("复核通过后报告等待批准；在批准前仍可退回。")]
    if action == "approve":
        return [
            _("批准后版本 v%(n)s 被锁定，永远不能再修改。") % {"n": number},
            _("此后如需更正，须先重新打开，更正内容记入新版本 v%(next)s。") % {"next": number + 1},
            _("批准后可以公开。"),
        ]
    if action == "publish":
        return [
            _("公开后任何人无需登录即可在公开门户阅读、下载本报告（v%(n)s）。") % {"n": number},
            _("如需撤下，须由财政局重新打开。"),
        ]
    return []


def confirmation(
    *, user: Any, submission: Submission, action: str, assessment: engine.Assessment
) -> Confirmation:
    """What *action* will do to *submission* for *user*, and whether it would be refused."""
    result = Confirmation(
        action=action,
        consequences=_consequences(user, submission, action),
        unscored=[item for item in assessment.items if item.points is None],
        reason_optional=action == "withdraw",
    )
    try:
        if action == "sign_off":
            services.check_sign_off(actor=user, submission=submission)
        else:
            services.check_transition(
                actor=user, submission=submission, action=action, assessment=assessment
            )
    except ActionRefused as error:
        result.refusal = error.message
        result.blocking = error.details
    return result
