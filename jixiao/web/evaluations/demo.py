"""Demo data: the seed department (万载县机关事务管理局 2021) and a clearly labelled demo county.

The demo county (演示县, 虚构) has eight 主管部门 and their units, with synthetic but realistic
dossiers generated deterministically from a seed: staffing, assets, money lines by phase, goals,
indicators with targets and actuals, narratives, and, for some departments, deliberate errors
(a stated head-count or budget that does not add up). Its 2022 round is approved and published
(so the 2023 round carries last year's values); the 2023 round is open, with submissions spread
over the workflow states. Everything goes through the services, so the audit trail is real.
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from jixiao.io.dossiers import dossier_to_data, load_dossier
from jixiao.web.evaluations import services
from jixiao.web.evaluations.models import Round, Submission
from jixiao.web.orgs.models import Membership, Org, OrgKind, Role
from jixiao.web.results.demo import seed_results

DEMO_PASSWORD = "jixiao-demo"
DEMO_LABEL = "（演示数据，虚构）"
SEED_FILE = Path(__file__).resolve().parents[3] / "examples" / "wanzai-2021" / "dossier.yaml"
SEED_LEDGERS = SEED_FILE.parent / "ledgers"  # illustrative records, marked so in each file

DEPARTMENTS: list[tuple[str, str, list[str]]] = [
    (
        "演示县教育体育局",
        "行政编制",
        ["演示县第一中学", "演示县实验小学", "演示县职业中等专业学校"],
    ),
    (
        "演示县卫生健康委员会",
        "行政编制",
        ["演示县人民医院", "演示县中医院", "演示县疾病预防控制中心"],
    ),
    ("演示县农业农村局", "行政编制", ["演示县农业技术推广中心", "演示县畜牧兽医站"]),
    ("演示县自然资源局", "行政编制", ["演示县不动产登记中心", "演示县土地整理储备中心"]),
    ("演示县交通运输局", "行政编制", ["演示县公路事业发展中心", "演示县交通运输综合行政执法大队"]),
    ("演示县民政局", "行政编制", ["演示县社会福利院", "演示县殡葬服务所"]),
    ("演示县文化广电旅游局", "行政编制", ["演示县图书馆", "演示县文化馆", "演示县博物馆"]),
    ("演示县水利局", "行政编制", ["演示县水利工程管理站", "演示县河道管理所"]),
]

INDICATOR_BANK = [
    ("产出", "数量", "开展专项检查次数", "次", "≥", 12, 40),
    ("产出", "数量", "培训人次", "人次", "≥", 200, 1500),
    ("产出", "质量", "项目验收合格率", "%", "≥", 95, 100),
    ("产出", "时效", "任务按时完成率", "%", "≥", 90, 100),
    ("产出", "成本", "单位服务成本", "元", "≤", 80, 200),
    ("效益", "社会效益", "群众办事平均等待时间", "分钟", "≤", 15, 40),
    ("效益", "社会效益", "服务覆盖率", "%", "≥", 85, 100),
    ("效益", "生态效益", "公共机构能耗下降率", "%", "≥", 2, 6),
    ("满意度", "服务对象满意度", "服务对象满意度", "%", "≥", 85, 95),
]
GOAL_TEXTS = [
    "围绕县委、县政府中心工作，全面完成年度重点工作任务，确保各项业务指标达到预期。",
    "加强预算绩效管理，规范资金使用，提高财政资金使用效益。",
    "提升公共服务质量和效率，群众满意度稳步提高。",
    "落实安全生产和内部控制制度，全年无重大责任事故。",
]


@dataclass
class DemoAccounts:
    rows: list[tuple[str, str, str, str]]  # role, username, org, note

    def render(self) -> str:
        width = max(len(r[1]) for r in self.rows) + 2
        lines = [
            f"演示账号（密码均为 {DEMO_PASSWORD}） / demo accounts (password {DEMO_PASSWORD}):"
        ]
        for role, username, org, note in self.rows:
            lines.append(f"  {role:<10}\t{username:<{width}}\t{org}{('  ' + note) if note else ''}")
        return "\n".join(lines)


def _office_close_in(days: int) -> datetime:
    """A deadline as a notice sets it: a day, at the end of office hours (17:30 local time)."""
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(17, 30)))


def _money(rng: random.Random, low: float, high: float) -> str:
    cents = rng.randint(int(low * 100), int(high * 100))
    return str(Decimal(cents) / 100)


def synthetic_dossier(
    name: str, parent: str, year: int, rng: random.Random, *, flawed: bool
) -> dict[str, Any]:
    """A plausible department-year; *flawed* adds a stated figure that does not add up."""
    authorized = rng.randint(8, 60)
    in_service = max(3, authorized - rng.randint(-2, 6))
    retired = rng.randint(2, 30)
    survivors = rng.randint(0, 3)
    wages = Decimal(_money(rng, 80, 900))
    goods = Decimal(_money(rng, 20, 400))
    transfers = Decimal(_money(rng, 2, 60))
    capital = Decimal(_money(rng, 0, 80))
    project = Decimal(_money(rng, 50, 1500))
    execution = Decimal(rng.randint(82, 100)) / 100
    lines: list[dict[str, Any]] = []
    for item, amount in (
        ("工资福利支出", wages),
        ("商品和服务支出", goods),
        ("对个人和家庭的补助", transfers),
        ("资本性支出", capital),
    ):
        lines.append(
            {"phase": "年初预算", "funding": "基本支出", "item": item, "amount": str(amount)}
        )
    lines.append(
        {"phase": "年初预算", "funding": "项目支出", "item": "未分类支出", "amount": str(project)}
    )
    executed_project = (project * execution).quantize(Decimal("0.01"))
    lines.append(
        {
            "phase": "执行",
            "funding": "基本支出",
            "item": "未分类支出",
            "amount": str((wages + goods + transfers + capital).quantize(Decimal("0.01"))),
        }
    )
    lines.append(
        {
            "phase": "执行",
            "funding": "项目支出",
            "item": "未分类支出",
            "amount": str(executed_project),
        }
    )
    sangong = Decimal(_money(rng, 1, 15))
    lines.append({"phase": "年初预算", "item": "三公经费-公务接待", "amount": str(sangong)})
    lines.append(
        {
            "phase": "执行",
            "item": "三公经费-公务接待",
            "amount": str(
                (sangong * Decimal(rng.randint(70, 105)) / 100).quantize(Decimal("0.01"))
            ),
        }
    )
    goals = [{"id": f"G{i + 1}", "text": text} for i, text in enumerate(rng.sample(GOAL_TEXTS, 3))]
    indicators = []
    for index, (l1, l2, label, unit, comparator, low, high) in enumerate(
        rng.sample(INDICATOR_BANK, 5)
    ):
        target = rng.randint(low, high)
        if comparator == "≥":
            actual = target + rng.randint(-max(1, target // 10), max(1, target // 8))
        else:
            actual = target - rng.randint(-max(1, target // 10), max(1, target // 5))
        if unit == "%":
            target, actual = min(target, 100), min(max(actual, 0), 100)
        indicators.append(
            {
                "id": f"K{index + 1}",
                "name": label,
                "level1": l1,
                "level2": l2,
                "goal": goals[index % 3]["id"],
                "comparator": comparator,
                "target": str(target),
                "actual": str(actual),
                "unit": unit,
                "evidence": ["年度工作台账"] if rng.random() < 0.6 else [],
            }
        )
    basic_total = wages + goods + transfers + capital
    stated = [
        {"key": "staffing.in_service", "value": str(in_service), "unit": "人"},
        {"key": "budget.basic", "value": str(basic_total), "unit": "万元"},
    ]
    if (
        flawed
    ):  # the classic errors: a head-count including retirees, a total off by a few hundredths
        stated[0]["value"] = str(in_service + retired)
        stated[1]["value"] = str(basic_total + Decimal("0.03"))
    net = Decimal(_money(rng, 200, 5000))
    return {
        "year": year,
        "profile": {
            "name": name,
            "level": "县级",
            "parent": parent,
            "unit_type": rng.choice(["行政单位", "事业单位"]),
            "duties": [
                f"负责{name.removeprefix('演示县')}职责范围内的政策执行与公共服务。",
                "完成县委、县政府交办的其他工作。",
            ],
            "internal_units": rng.sample(
                ["办公室", "财务股", "业务股", "综合股", "法规股", "监督股"], 3
            ),
        },
        "staffing": {
            "authorized": {"行政编制": authorized},
            "in_service": {"行政编制": in_service},
            "retired": retired,
            "survivors": survivors,
        },
        "assets": {
            "unit": "万元",
            "total_net": str(net),
            "total_net_prior": str(
                (net * Decimal(rng.randint(90, 110)) / 100).quantize(Decimal("0.01"))
            ),
            "fixed_added": _money(rng, 0, 60),
        },
        "money": {"unit": "万元", "lines": lines},
        "goals": goals,
        "indicators": indicators,
        "stated": stated,
        "narratives": {
            "overall_goal": [
                f"{year}年，{name}紧紧围绕县委、县政府中心工作，认真履行部门职责，扎实推进各项重点工作。"
            ],
            "performance_management": [
                "建立了预算绩效目标管理、运行监控和自评工作机制，按要求开展绩效自评。"
            ],
            "achievements": [
                f"全年完成{ind['name']}{ind['actual']}{ind['unit']}。" for ind in indicators[:3]
            ],
            "problems": ["一是绩效指标设置的科学性有待提高；二是项目支出执行进度前慢后快。"],
            "improvements": ["进一步细化量化绩效指标，加强预算执行进度管理。"],
            "application": ["自评结果将作为下年度预算安排的参考依据，并按规定在政府门户网站公开。"],
        },
        "self_evaluation": {"total": str(rng.randint(86, 98))},
        "evaluation": {"method": "单位自评"},
    }


# ── variety for the oversight dashboard (jixiao.web.oversight) ────────────────────────────
# A few units under-deliver and still rate themselves highly, spend less of their budget, or
# hand in late, so that the round dashboard has something to point at. Deterministic: each unit's
# own generator (seeded by year and position), independent of the county's generator above.
WEAK_EVERY, INFLATED_EVERY = 4, 5
LATE_2022 = frozenset({4, 11, 18, 25})  # positions in the 2022 round that hand in late


def vary_for_oversight(data: dict[str, Any], year: int, position: int) -> dict[str, Any]:
    """Give most units a 满意度 indicator (scored, not 证据不足); make every 4th unit weak
    (targets missed, budget under-spent) with a self-score of 95+, every 5th merely inflated."""
    rng = random.Random(f"oversight-{year}-{position}")
    indicators = data["indicators"]
    if position % 9 != 4 and not any(i["level1"] == "满意度" for i in indicators):
        indicators.append(
            {
                "id": f"K{len(indicators) + 1}",
                "name": "服务对象满意度",
                "level1": "满意度",
                "level2": "服务对象满意度",
                "goal": data["goals"][0]["id"],
                "comparator": "≥",
                "target": "90",
                "actual": str(rng.randint(84, 98)),
                "unit": "%",
                "evidence": ["满意度调查报告"],
            }
        )
    weak = position % WEAK_EVERY == 2
    if weak:
        for indicator in indicators:
            target = Decimal(indicator["target"])
            share = Decimal(rng.randint(55, 80)) / 100
            missed = target * share if indicator["comparator"] == "≥" else target / share
            indicator["actual"] = str(missed.quantize(Decimal(1)))
        for line in data["money"]["lines"]:
            if line["phase"] == "执行" and line.get("funding") == "项目支出":
                spent = Decimal(line["amount"]) * Decimal(rng.randint(35, 60)) / 100
                line["amount"] = str(spent.quantize(Decimal("0.01")))
    if weak or position % INFLATED_EVERY == 3:
        data["self_evaluation"] = {"total": str(rng.randint(95, 99))}
    plant_for_review(data, year, position)
    return data


# planted for the reuse and target review (jixiao.web.oversight.analysis): in 2023 the
# 畜牧兽医站 copies a paragraph of the 职业中等专业学校 (another 主管部门, neither published);
# the 人民医院 repeats its own 2022 paragraph; the 土地整理储备中心 sets a target in words only and
# one below its own 2022 actual. Every other report stays clean of both.
COPIED_FROM, COPIED_BY, REPEATS_ITSELF, SOFT_TARGETS = 3, 10, 5, 13
COPIED_PARAGRAPH = (
    "{name}坚持问题导向，围绕资金使用绩效开展专项自查，对照年初绩效目标逐项核对完成情况，"
    "建立问题清单、责任清单和整改清单，将绩效评价结果与下年度预算安排、政策调整和内部考核"
    "挂钩，推动形成“花钱必问效、无效必问责”的闭环管理机制。"
)
OWN_PARAGRAPH = (
    "本单位以提升医疗服务能力为主线，持续推进信息化建设和分级诊疗，优化门诊流程，"
    "加强重点专科建设和人才梯队培养，群众就医获得感不断增强，医疗质量安全核心制度落实到位。"
)
VISITS = {
    "id": "K9",
    "name": "群众来访接待人次",
    "level1": "产出",
    "level2": "数量",
    "comparator": "≥",
    "unit": "人次",
    "evidence": ["来访登记台账"],
}


def plant_for_review(data: dict[str, Any], year: int, position: int) -> None:
    """The planted copied paragraphs and soft targets (see above); deterministic."""
    narratives = data["narratives"]
    if year == 2023 and position in (COPIED_FROM, COPIED_BY):
        narratives["effects"] = [COPIED_PARAGRAPH.format(name=data["profile"]["name"])]
    if position == REPEATS_ITSELF:
        narratives["experience"] = [OWN_PARAGRAPH]
    if position == SOFT_TARGETS:
        goal = data["goals"][0]["id"]
        if year == 2022:
            data["indicators"].append({**VISITS, "goal": goal, "target": "1000", "actual": "1200"})
        else:  # below last year's actual, and a target in words only
            data["indicators"].append({**VISITS, "goal": goal, "target": "600", "actual": "900"})
            data["indicators"].append(
                {
                    "id": "K10",
                    "name": "土地整理工作质量",
                    "level1": "产出",
                    "level2": "质量",
                    "comparator": "定性",
                    "target_text": "进一步提高",
                    "actual_text": "有所提高",
                    "goal": goal,
                }
            )


def _hand_in_late(round_: Any, late: list[tuple[Submission, Any]], fin: Any) -> None:
    """The deadline passes once the others are in; the late units get an extension (延期) from
    the bureau and hand in after it: their submissions are marked 逾期."""
    Round.objects.filter(pk=round_.pk).update(deadline=timezone.now())
    for submission, walk in late:
        services.submission_extend(
            actor=fin,
            submission=Submission.objects.get(pk=submission.pk),
            until=timezone.now() + timedelta(days=7),
            reason="演示：单位因机构调整申请延期提交",
        )
        walk()


@functools.cache
def _demo_password_hash() -> str:
    """Hash the shared demo password once: hashing is deliberately slow, forty times is not needed."""
    return make_password(DEMO_PASSWORD)


def _user(username: str, org: Org, role: str, *, name: str = "", superuser: bool = False) -> Any:
    users = get_user_model()
    user, created = users.objects.get_or_create(username=username, defaults={"first_name": name})
    if created:
        user.password = _demo_password_hash()
        user.is_staff = superuser
        user.is_superuser = superuser
        user.save()
    Membership.objects.get_or_create(user=user, org=org, role=role)
    return user


def _walk(
    submission: Submission, steps: list[tuple[str, Any]], *, waive_as: Any, head: Any
) -> None:
    """Move a submission through *steps*; blocking findings are waived (labelled) before submit,
    and the unit *head* signs the version off (负责人审签) before someone else submits it."""
    for action, actor in steps:
        submission = Submission.objects.select_related("round", "org", "current_version").get(
            pk=submission.pk
        )
        if action == "submit":
            assessment = services.assess_version(
                submission.current_version, submission, with_rescores=False
            )
            for finding in assessment.errors:
                services.submission_waive(
                    actor=waive_as,
                    submission=submission,
                    finding_id=finding["id"],
                    where=finding.get("where", ""),
                    reason="演示：按原报告保留，已书面说明",
                )
            if actor != head:
                services.submission_sign_off(actor=head, submission=submission)
        services.submission_transition(
            actor=actor,
            submission=submission,
            action=action,
            reason="演示退回：请补充佐证材料" if action == "return" else "",
        )


FULL = ["submit", "dept_approve", "finance_approve", "approve", "publish"]


@transaction.atomic
def load_demo(*, seed: int = 2023) -> DemoAccounts:
    rows: list[tuple[str, str, str, str]] = []
    rows += _load_seed()
    rows += _load_county(seed)
    seed_results()  # use of results and monitoring (jixiao.web.results.demo)
    return DemoAccounts(rows)


def _load_seed() -> list[tuple[str, str, str, str]]:
    finance = Org.objects.create(name="万载县财政局", code="360922-CZ", kind=OrgKind.FINANCE)
    dept = Org.objects.create(
        name="万载县机关事务管理局", code="360922-JGSW", kind=OrgKind.DEPARTMENT, parent=finance
    )
    fin = _user("wanzai_finance", finance, Role.FINANCE_REVIEWER, name="万载财政审核")
    filler = _user("wanzai_filler", dept, Role.FILLER, name="机关事务局填报")
    head = _user("wanzai_head", dept, Role.UNIT_HEAD, name="机关事务局负责人")
    reviewer = _user("wanzai_dept", dept, Role.DEPT_REVIEWER, name="机关事务局审核员")
    _load_seed_ledgers(filler, dept)
    round_ = services.round_open(
        actor=fin,
        finance=finance,
        year=2021,
        notice="万财监〔2022〕3号",
        title="万载县财政局关于县级部门开展单位自评及部门评价工作的通知",
        deadline=_office_close_in(60),
        units=[dept],
    )
    submission = round_.submissions.get()
    data = dossier_to_data(load_dossier(SEED_FILE))
    data["profile"]["code"] = dept.code
    services.submission_save_dossier(
        actor=filler, submission=submission, data=data, note="录入种子报告"
    )
    _walk(
        submission,
        [
            ("submit", head),
            ("dept_approve", reviewer),
            ("finance_approve", fin),
            ("approve", fin),
            ("publish", fin),
        ],
        waive_as=filler,
        head=head,
    )
    return [
        ("财政局审核员", "wanzai_finance", finance.name, "种子部门（真实公开报告）"),
        ("单位填报员", "wanzai_filler", dept.name, ""),
        ("单位负责人", "wanzai_head", dept.name, ""),
        ("主管部门审核员", "wanzai_dept", dept.name, ""),
    ]


def _load_seed_ledgers(clerk: Any, unit: Org) -> None:
    """The seed's illustrative ledgers (examples/wanzai-2021/ledgers/, marked as invented
    there) as the seed unit's ledger records, so its indicators' actuals link to records."""
    from jixiao.importers.ledgers import load_ledgers
    from jixiao.web.ledgers import services as ledger_services

    ledgers = load_ledgers(SEED_LEDGERS)
    for kind in ledgers.present():
        ledger_services.records_import(
            actor=clerk,
            org=unit,
            ledger=kind.value,
            rows=[r.model_dump(mode="json") for r in ledgers.records(kind)],
            origin=f"examples/wanzai-2021/ledgers（{gettext_noop('示例数据')}）",
        )


def _load_county(seed: int) -> list[tuple[str, str, str, str]]:
    rng = random.Random(seed)
    finance = Org.objects.create(
        name="演示县财政局" + DEMO_LABEL, code="DEMO-CZ", kind=OrgKind.FINANCE, is_demo=True
    )
    fin = _user("demo_finance", finance, Role.FINANCE_REVIEWER, name="演示财政审核员")
    _user("demo_admin", finance, Role.ADMIN, name="演示系统管理员", superuser=True)
    submitters: list[tuple[Org, Org]] = []  # (org, its 主管部门)
    reviewers: dict[int, Any] = {}
    for index, (name, _, units) in enumerate(DEPARTMENTS):
        dept = Org.objects.create(
            name=name,
            code=f"DEMO-D{index + 1:02d}",
            kind=OrgKind.DEPARTMENT,
            parent=finance,
            is_demo=True,
        )
        reviewers[dept.pk] = _user(
            f"demo_dept{index + 1}", dept, Role.DEPT_REVIEWER, name=f"{name}审核员"
        )
        submitters.append((dept, dept))
        for u_index, unit_name in enumerate(units):
            unit = Org.objects.create(
                name=unit_name,
                code=f"DEMO-D{index + 1:02d}-U{u_index + 1}",
                kind=OrgKind.UNIT,
                parent=dept,
                is_demo=True,
            )
            submitters.append((unit, dept))
    fillers = {
        org.pk: _user(f"demo_u{i + 1:02d}", org, Role.FILLER)
        for i, (org, _) in enumerate(submitters)
    }
    heads = {  # every unit that submits has its 单位负责人, who signs the report off
        org.pk: _user(f"demo_u{i + 1:02d}_head", org, Role.UNIT_HEAD)
        for i, (org, _) in enumerate(submitters)
    }
    orgs = [org for org, _ in submitters]
    last = services.round_open(
        actor=fin,
        finance=finance,
        year=2022,
        notice="演财监〔2023〕2号",
        title="关于开展2022年度部门整体支出绩效自评工作的通知" + DEMO_LABEL,
        deadline=timezone.now() + timedelta(days=1),
        units=orgs,
    )
    late: list[tuple[Submission, Any]] = []
    for position, (org, dept) in enumerate(submitters):
        submission = last.submissions.get(org=org)
        data = synthetic_dossier(
            org.name, dept.name if dept != org else "演示县人民政府", 2022, rng, flawed=False
        )
        vary_for_oversight(data, 2022, position)
        services.submission_save_dossier(actor=fillers[org.pk], submission=submission, data=data)
        walk = functools.partial(
            _walk,
            submission,
            [
                ("submit", fillers[org.pk]),
                ("dept_approve", reviewers[dept.pk]),
                ("finance_approve", fin),
                ("approve", fin),
                ("publish", fin),
            ],
            waive_as=fillers[org.pk],
            head=heads[org.pk],
        )
        if position in LATE_2022:
            late.append((submission, walk))
        else:
            walk()
    _hand_in_late(last, late, fin)
    current = services.round_open(
        actor=fin,
        finance=finance,
        year=2023,
        notice="演财监〔2024〕3号",
        title="关于开展2023年度部门整体支出绩效自评及部门评价工作的通知" + DEMO_LABEL,
        deadline=_office_close_in(30),
        units=orgs,
    )
    plans = [
        [],
        [],
        ["submit"],
        ["submit", "dept_approve"],
        ["submit", "return"],
        ["submit", "dept_approve", "finance_approve"],
        FULL[:4],
        FULL,
    ]
    for position, (org, dept) in enumerate(submitters):
        submission = current.submissions.get(org=org)
        if position == 0:
            continue  # one untouched draft: what a unit sees on day one (last year's values carried in)
        flawed = position % 5 == 1
        data = synthetic_dossier(
            org.name, dept.name if dept != org else "演示县人民政府", 2023, rng, flawed=flawed
        )
        vary_for_oversight(data, 2023, position)
        data["previous"] = submission.current_version.data.get("previous", {})
        services.submission_save_dossier(actor=fillers[org.pk], submission=submission, data=data)
        plan = [] if flawed else plans[position % len(plans)]
        actor_for = {
            "submit": fillers[org.pk],
            "dept_approve": reviewers[dept.pk],
            "return": reviewers[dept.pk],
            "finance_approve": fin,
            "approve": fin,
            "publish": fin,
        }
        _walk(
            submission,
            [(a, actor_for[a]) for a in plan],
            waive_as=fillers[org.pk],
            head=heads[org.pk],
        )
    first_unit = submitters[1][0]
    return [
        ("财政局审核员", "demo_finance", finance.name, ""),
        ("系统管理员", "demo_admin", finance.name, gettext_noop("也可登录 /admin/")),
        ("主管部门审核员", "demo_dept1", DEPARTMENTS[0][0], "demo_dept1 … demo_dept8"),
        ("单位填报员", "demo_u01", submitters[0][0].name, "草稿（刚发起）"),
        (
            "单位填报员",
            "demo_u02",
            first_unit.name,
            "有错误的草稿；demo_u01 … " + f"demo_u{len(submitters):02d}",
        ),
        (
            "单位负责人",
            "demo_u01_head",
            submitters[0][0].name,
            "审签后提交；demo_u01_head … " + f"demo_u{len(submitters):02d}_head",
        ),
    ]


def demo_loaded() -> bool:
    return Org.objects.filter(code__in=["DEMO-CZ", "360922-CZ"]).exists()


def remove_demo() -> None:
    """Delete the demo orgs, their rounds and users (only what load_demo created)."""
    from jixiao.web.evaluations.models import Round

    roots = list(Org.objects.filter(code__in=["DEMO-CZ", "360922-CZ"]))
    for root in roots:
        Round.objects.filter(finance=root).delete()
        _remove_ledgers(root)
        users = get_user_model().objects.filter(memberships__org__path__startswith=root.path)
        users.filter(username__regex=r"^(demo_|wanzai_)").delete()
        for org in sorted(
            Org.objects.filter(path__startswith=root.path), key=lambda o: -len(o.path)
        ):
            org.delete()


def _remove_ledgers(root: Org) -> None:
    from jixiao.web.ledgers.models import LedgerRecord, Survey

    LedgerRecord.objects.filter(org__path__startswith=root.path).delete()
    Survey.objects.filter(org__path__startswith=root.path).delete()


# what `demo` prints when the data is already there (the same accounts load_demo creates)
ACCOUNT_ROWS_HINT = [
    ("财政局审核员", "wanzai_finance", "万载县财政局", gettext_noop("种子部门（真实公开报告）")),
    ("单位填报员", "wanzai_filler", "万载县机关事务管理局", ""),
    ("单位负责人", "wanzai_head", "万载县机关事务管理局", ""),
    ("主管部门审核员", "wanzai_dept", "万载县机关事务管理局", ""),
    ("财政局审核员", "demo_finance", "演示县财政局" + DEMO_LABEL, ""),
    ("系统管理员", "demo_admin", "演示县财政局" + DEMO_LABEL, gettext_noop("也可登录 /admin/")),
    ("主管部门审核员", "demo_dept1", DEPARTMENTS[0][0], "demo_dept1 … demo_dept8"),
    ("单位填报员", "demo_u01", DEPARTMENTS[0][0], "demo_u01 … demo_u27"),
    ("单位负责人", "demo_u01_head", DEPARTMENTS[0][0], "demo_u01_head … demo_u27_head"),
]
