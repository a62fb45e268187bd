"""A small hand-made county for the oversight tests, where every right answer is known.

财政局 → 教育局 (一中, 二中, 三中) and 卫健委 (医院, 疾控). One round, five units:

===========  ======================  ====  =====  ===  ======  ===========================
unit         state                   self  final  gap  exec %  findings (current version)
===========  ======================  ====  =====  ===  ======  ===========================
一中 (教育)   submitted on time       95    80     15   90      staffing.E001, budget.W001
二中 (教育)   submitted late          90    88     2    99      budget.W001 (waived)
三中 (教育)   draft, past deadline    —     —      —    —       —
医院 (卫健)   submitted on time       85    60     25   70      budget.W001
疾控 (卫健)   returned (on time)      99    50     49   50      staffing.E001 ×2
===========  ======================  ====  =====  ===  ======  ===========================

The stored scores and findings are written straight into the versions after the workflow (the
dashboard reads what is stored), so the answers do not depend on the rule set.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from jixiao.web.evaluations import services
from jixiao.web.evaluations.models import DossierVersion, Round, Submission
from jixiao.web.orgs.models import Org, OrgKind, Role
from tests.web.factories import dossier_data, user


def finding(finding_id: str, *, waived: str | None = None) -> dict[str, Any]:
    level = {"E": "error", "W": "warning"}[finding_id.split(".")[1][0]]
    row: dict[str, Any] = {"id": finding_id, "level": level, "message": "测试", "where": ""}
    if waived:
        row["waived"] = waived
    return row


def unit_data(name: str, *, executed: str, unit_type: str, year: int = 2023) -> dict[str, Any]:
    data = dossier_data(name, year=year)
    data["profile"]["unit_type"] = unit_type
    data["money"]["lines"] = [
        {"phase": "年初预算", "funding": "基本支出", "item": "工资福利支出", "amount": "100"},
        {"phase": "执行", "funding": "基本支出", "item": "工资福利支出", "amount": executed},
    ]
    return data


@dataclass
class County:
    finance: Org
    edu: Org
    health: Org
    units: dict[str, Org]
    users: dict[str, Any]
    round: Round
    subs: dict[str, Submission] = field(default_factory=dict)


PLAN = {  # key: (name, department, executed, unit type)
    "yi": ("测试县第一中学", "edu", "90", "事业单位"),
    "er": ("测试县第二中学", "edu", "99", "事业单位"),
    "san": ("测试县第三中学", "edu", "95", "事业单位"),
    "yy": ("测试县人民医院", "health", "70", "事业单位"),
    "jk": ("测试县疾病预防控制中心", "health", "50", "行政单位"),
}
STORED = {  # key: (self, final, grade, findings)
    "yi": ("95", "80", "良", [finding("staffing.E001"), finding("budget.W001")]),
    "er": ("90", "88", "良", [finding("budget.W001", waived="已书面说明")]),
    "yy": ("85", "60", "中", [finding("budget.W001")]),
    "jk": ("99", "50", "差", [finding("staffing.E001"), finding("staffing.E001")]),
}


def _submit(county: County, key: str) -> None:
    submission = Submission.objects.get(pk=county.subs[key].pk)
    services.submission_sign_off(actor=county.users[f"head_{key}"], submission=submission)
    services.submission_transition(
        actor=county.users[f"filler_{key}"],
        submission=Submission.objects.get(pk=submission.pk),
        action="submit",
    )


def store_scores(
    submission: Submission, self_total: str, final: str, grade: str, found: list
) -> None:
    DossierVersion.objects.filter(pk=submission.current_version_id).update(
        self_total=Decimal(self_total),
        final_total=Decimal(final),
        final_grade=grade,
        final_basis="computed",
        findings=found,
        error_count=sum(1 for f in found if f["level"] == "error" and not f.get("waived")),
        warning_count=sum(1 for f in found if f["level"] == "warning"),
    )


def build_county(prefix: str = "") -> County:
    """The county of the module docstring (*prefix* keeps codes and usernames apart)."""
    finance = Org.objects.create(name="测试县财政局", code=f"{prefix}F", kind=OrgKind.FINANCE)
    edu = Org.objects.create(
        name="测试县教育局", code=f"{prefix}D1", kind=OrgKind.DEPARTMENT, parent=finance
    )
    health = Org.objects.create(
        name="测试县卫生健康委员会", code=f"{prefix}D2", kind=OrgKind.DEPARTMENT, parent=finance
    )
    parents = {"edu": edu, "health": health}
    units = {
        key: Org.objects.create(
            name=name, code=f"{prefix}U-{key}", kind=OrgKind.UNIT, parent=parents[dept]
        )
        for key, (name, dept, _, _) in PLAN.items()
    }
    users = {
        "finance": user(f"{prefix}finance", finance, Role.FINANCE_REVIEWER),
        "edu": user(f"{prefix}edu", edu, Role.DEPT_REVIEWER),
        "health": user(f"{prefix}health", health, Role.DEPT_REVIEWER),
    }
    for key, org in units.items():
        users[f"filler_{key}"] = user(f"{prefix}filler_{key}", org, Role.FILLER)
        users[f"head_{key}"] = user(f"{prefix}head_{key}", org, Role.UNIT_HEAD)
    round_ = services.round_open(
        actor=users["finance"],
        finance=finance,
        year=2023,
        notice="测财监〔2024〕9号",
        title="测试县2023年度绩效自评",
        deadline=timezone.now() + timedelta(days=30),
        units=list(units.values()),
    )
    county = County(finance, edu, health, units, users, round_)
    for key, org in units.items():
        county.subs[key] = Submission.objects.get(round=round_, org=org)
        _, _, executed, unit_type = PLAN[key]
        services.submission_save_dossier(
            actor=users[f"filler_{key}"],
            submission=county.subs[key],
            data=unit_data(org.name, executed=executed, unit_type=unit_type),
        )
    for key in ("yi", "yy", "jk"):
        _submit(county, key)
    services.submission_transition(
        actor=users["health"],
        submission=Submission.objects.get(pk=county.subs["jk"].pk),
        action="return",
        reason="请补充佐证材料",
    )
    # the deadline passes; 二中 has an extension, submits, and is late
    now = timezone.now()
    Round.objects.filter(pk=round_.pk).update(deadline=now - timedelta(days=1))
    Submission.objects.filter(pk=county.subs["er"].pk).update(
        extended_until=now + timedelta(days=3)
    )
    _submit(county, "er")
    for key, (self_total, final, grade, found) in STORED.items():
        store_scores(
            Submission.objects.get(pk=county.subs[key].pk), self_total, final, grade, found
        )
    county.round.refresh_from_db()
    return county


def add_submitted_units(county: County, count: int) -> None:
    """*count* more units under 教育局, in a second round year … (for query-count tests): each
    submitted with scores and findings, in the same round."""
    for index in range(count):
        org = Org.objects.create(
            name=f"测试县第{index + 4}小学",
            code=f"{county.finance.code}-X{index}",
            kind=OrgKind.UNIT,
            parent=county.edu,
        )
        submission = Submission.objects.create(round=county.round, org=org, state="submitted")
        version = DossierVersion.objects.create(
            submission=submission,
            number=1,
            data=unit_data(org.name, executed=str(80 + index % 20), unit_type="事业单位"),
        )
        submission.current_version = version
        submission.submitted_at = timezone.now()
        submission.save()
        store_scores(submission, "90", str(60 + index % 40), "中", [finding("budget.W001")])
