"""Test data for the web tests: an org tree, one user per role, a round, valid dossier data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from jixiao.web.evaluations import engine, selectors, services
from jixiao.web.evaluations.models import Round, Submission
from jixiao.web.orgs.models import Membership, Org, OrgKind, Role

PASSWORD = "pw-for-tests-123"


def dossier_data(name: str, year: int = 2023, **extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "year": year,
        "profile": {"name": name, "level": "县级"},
        "staffing": {"authorized": {"行政编制": 10}, "in_service": {"行政编制": 9}, "retired": 3},
        "money": {
            "unit": "万元",
            "lines": [
                {
                    "phase": "年初预算",
                    "funding": "基本支出",
                    "item": "工资福利支出",
                    "amount": "120.50",
                },
                {
                    "phase": "年初预算",
                    "funding": "基本支出",
                    "item": "商品和服务支出",
                    "amount": "30.25",
                },
            ],
        },
        "goals": [{"id": "G1", "text": "完成年度重点工作任务"}],
        "indicators": [
            {
                "id": "done",
                "name": "重点工作完成数",
                "level1": "产出",
                "level2": "数量",
                "goal": "G1",
                "comparator": "≥",
                "target": "10",
                "actual": "11",
                "unit": "项",
            },
        ],
        "self_evaluation": {"total": "92"},
    }
    data.update(extra)
    return data


@dataclass
class World:
    finance: Org
    dept: Org
    dept2: Org
    unit_a: Org
    unit_b: Org
    unit_c: Org
    users: dict[str, Any]
    round: Round
    subs: dict[str, Submission] = field(default_factory=dict)

    def sub(self, key: str) -> Submission:
        return Submission.objects.select_related("round", "org", "current_version").get(
            pk=self.subs[key].pk
        )


def user(username: str, org: Org, role: str) -> Any:
    account = get_user_model().objects.create_user(username=username, password=PASSWORD)
    Membership.objects.create(user=account, org=org, role=role)
    return account


def build_world() -> World:
    finance = Org.objects.create(name="测试县财政局", code="F1", kind=OrgKind.FINANCE)
    dept = Org.objects.create(
        name="测试县教育局", code="D1", kind=OrgKind.DEPARTMENT, parent=finance
    )
    dept2 = Org.objects.create(
        name="测试县卫健委", code="D2", kind=OrgKind.DEPARTMENT, parent=finance
    )
    unit_a = Org.objects.create(name="测试县第一中学", code="U1", kind=OrgKind.UNIT, parent=dept)
    unit_b = Org.objects.create(name="测试县第二中学", code="U2", kind=OrgKind.UNIT, parent=dept)
    unit_c = Org.objects.create(name="测试县人民医院", code="U3", kind=OrgKind.UNIT, parent=dept2)
    users = {
        "filler_a": user("filler_a", unit_a, Role.FILLER),
        "head_a": user("head_a", unit_a, Role.UNIT_HEAD),
        "filler_b": user("filler_b", unit_b, Role.FILLER),
        "head_b": user("head_b", unit_b, Role.UNIT_HEAD),
        "filler_c": user("filler_c", unit_c, Role.FILLER),
        "head_c": user("head_c", unit_c, Role.UNIT_HEAD),
        "dept": user("dept_rev", dept, Role.DEPT_REVIEWER),
        "dept2": user("dept2_rev", dept2, Role.DEPT_REVIEWER),
        "finance": user("fin_rev", finance, Role.FINANCE_REVIEWER),
        "admin": user("sysadmin", finance, Role.ADMIN),
    }
    round_ = services.round_open(
        actor=users["finance"],
        finance=finance,
        year=2023,
        notice="测财监〔2024〕1号",
        title="关于开展2023年度部门整体支出绩效自评的通知",
        deadline=timezone.now() + timedelta(days=30),
        units=[unit_a, unit_b, unit_c],
    )
    world = World(finance, dept, dept2, unit_a, unit_b, unit_c, users, round_)
    for key, org in (("a", unit_a), ("b", unit_b), ("c", unit_c)):
        world.subs[key] = Submission.objects.get(round=round_, org=org)
    return world


def fill(world: World, key: str = "a", **extra: Any) -> Submission:
    submission = world.sub(key)
    actor = {"a": "filler_a", "b": "filler_b", "c": "filler_c"}[key]
    services.submission_save_dossier(
        actor=world.users[actor],
        submission=submission,
        data=dossier_data(submission.org.name, **extra),
    )
    return world.sub(key)


def sign_off(world: World, key: str = "a") -> Submission:
    """The unit head signs the current version off (负责人审签), as a filler's submit needs."""
    services.submission_sign_off(actor=world.users["head_" + key], submission=world.sub(key))
    return world.sub(key)


def advance(world: World, key: str, *actions: str) -> Submission:
    """Walk a submission through the workflow with the right actor for each step.

    Before the filler submits, the unit head signs the current version off (unless signed).
    """
    actor_for = {
        "submit": "filler_" + key,
        "dept_approve": "dept" if key != "c" else "dept2",
        "finance_approve": "finance",
        "approve": "finance",
        "publish": "finance",
    }
    for action in actions:
        submission = world.sub(key)
        if action == "submit" and selectors.valid_sign_off(submission.current_version) is None:
            sign_off(world, key)
        services.submission_transition(
            actor=world.users[actor_for[action]], submission=world.sub(key), action=action
        )
    return world.sub(key)


class FakePipeline:
    """Stands in for jixiao.core.pipeline.evaluate with findings a test chooses."""

    def __init__(self) -> None:
        self.findings: list[Any] = []
        self.total = Decimal("88.5")

    @classmethod
    def install(cls, monkeypatch: Any) -> FakePipeline:
        fake = cls()
        monkeypatch.setattr(engine, "_pipeline", lambda: fake.evaluate)
        return fake

    def error(self, finding_id: str = "staffing.E001", path: str = "staffing.in_service") -> None:
        from jixiao.core.findings import Finding, Level, Where

        self.findings.append(
            Finding(
                id=finding_id,
                level=Level.ERROR,
                message="人数不符",
                hint="核对人数",
                where=Where(path=path),
            )
        )

    def evaluate(self, dossier: Any, **kwargs: Any) -> Any:
        from types import SimpleNamespace

        from jixiao.core.findings import apply_waivers

        findings = apply_waivers(list(self.findings), dossier.waivers)
        score = SimpleNamespace(
            total=self.total,
            grade="良",
            self_total=Decimal(92),
            rescore_total=None,
            framework_name="测试框架",
            notes=(),
            items=(),
        )
        return SimpleNamespace(dossier=dossier, findings=findings, score=score)
