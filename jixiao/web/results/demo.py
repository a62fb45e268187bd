"""The demo county's use of results and monitoring, added after ``evaluations.demo`` has filled
it: deterministic (no randomness, fixed dates), through the services like a user's own steps.

On last year's (2022) round: the bureau's decisions on the first three units' reports (one taken
as suggested, one changed with a reason), rectification items in each state (one still in
progress with the unit's note, one overdue, one confirmed done). On this year's (2023) round: the
first unit's 1-7月 monitoring snapshot, whose spending lags time progress (a warning). The first
unit's clerk (demo_u02) sees last year's decision beside the goals and indicators of 2023.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model

from jixiao.web.evaluations.models import Submission
from jixiao.web.orgs.models import Org, OrgKind
from jixiao.web.results import selectors, services


def _unit_submissions(year: int) -> list[Submission]:
    finance = Org.objects.get(code="DEMO-CZ")
    return list(
        Submission.objects.filter(round__finance=finance, round__year=year, org__kind=OrgKind.UNIT)
        .select_related("round", "org", "current_version")
        .order_by("org__path")[:3]
    )


def _clerk(submission: Submission):  # the unit's 单位填报员 (demo_uNN)
    return (
        get_user_model()
        .objects.filter(memberships__org=submission.org, username__regex=r"^demo_u\d+$")
        .get()
    )


def seed_results() -> None:
    finance_user = get_user_model().objects.get(username="demo_finance")
    first, second, third = _unit_submissions(2022)
    services.decision_record(
        actor=finance_user,
        submission=first,
        choice="change",
        action="reduce",
        share=Decimal(8),
        reason="部分指标证据不足、绩效目标设置偏低（低于上年实际完成值），压减下年度项目预算8%",
    )
    services.decision_record(actor=finance_user, submission=second, choice="accept")
    services.decision_record(actor=finance_user, submission=third, choice="accept")
    progressing = services.item_create(
        actor=finance_user,
        submission=first,
        description="重新设定2023年度绩效指标：产出数量指标应不低于上年实际完成值",
        due_date=date(2027, 6, 30),
        responsible="财务股",
    )
    services.item_progress(
        actor=_clerk(first),
        item=progressing,
        status="in_progress",
        note="已对照上年实际值修订指标表，待单位党组会审定",
    )
    services.item_create(
        actor=finance_user,
        submission=first,
        description="补齐固定资产盘点及账实核对资料",
        due_date=date(2023, 6, 30),  # past: shown as 逾期
        responsible="办公室",
    )
    done = services.item_create(
        actor=finance_user,
        submission=second,
        description="完善项目支出绩效自评佐证材料归档",
        due_date=date(2023, 9, 30),
    )
    services.item_progress(
        actor=_clerk(second),
        item=done,
        status="in_progress",
        note="佐证材料已按指标逐项归档",
        report_done=True,
    )
    services.item_review(actor=finance_user, item=done, confirm=True, note="已核实归档情况")
    _snapshot(_unit_submissions(2023)[0])


def _snapshot(submission: Submission) -> None:
    """1-7月: spending at a third of the budget while 58% of the year has passed (a warning);
    each indicator at 60% of its target (in step with time: no warning)."""
    indicators, budget, unit = selectors.snapshot_basis(submission)
    budget = budget or Decimal(1000)
    rows = []
    for row in indicators:
        target = Decimal(row["target"]) if row.get("target") else None
        to_date = (target * Decimal("0.6")).quantize(Decimal("0.01")) if target else None
        rows.append({**row, "to_date": None if to_date is None else str(to_date)})
    services.snapshot_save(
        actor=_clerk(submission),
        submission=submission,
        as_of=date(submission.round.year, 7, 31),
        label="1-7月",
        unit=unit,
        budget=budget,
        spent=(budget / 3).quantize(Decimal("0.01")),
        indicators=rows,
        note="上半年政府采购项目尚未完成招标，支付滞后",
    )
