"""A province-sized demo in the database: ``jixiao manage demo --units N --years Y``.

The org tree and the dossiers come from :mod:`jixiao.core.synthetic` (the generator behind
``jixiao demo generate``): 演示省财政厅 → one 财政局 per county → its 主管部门 (each reports
its 本级) → their units. Every unit gets an account (``scale_<code>``, 单位填报员), every 主管部门
a reviewer (``scale_<code>_review``), the province one finance reviewer (``scale_finance``).

One round per year: the earlier years' reports are published, the last year's are spread over
the workflow (drafts, returns, each review stage, approved, published), deterministically by seed.
Each dossier is assessed once, as a save would (scores, findings), and approved versions are
sealed as approval seals them; a SUBMIT audit row records when each report was handed in.

Unlike the small demo (``demo.load_demo``), nothing goes through the services: rows are written
with ``bulk_create`` in batches, so 3,000 units load in seconds and memory stays bounded (one
batch of dossiers at a time). The rows are marked ``is_demo`` and removed by :func:`remove_scale`.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from jixiao.core.synthetic import DEFAULT_LAST_YEAR, Unit, org_tree, unit_year
from jixiao.web.evaluations import engine, integrity
from jixiao.web.evaluations.demo import DEMO_LABEL, _demo_password_hash
from jixiao.web.evaluations.models import (
    Action,
    AuditEntry,
    DossierVersion,
    Round,
    State,
    Submission,
)
from jixiao.web.orgs.models import Membership, Org, OrgKind, Role

ROOT_CODE = "SCALE-PROVINCE"
BATCH = 500
# the last round's states, with their weights: what a round looks like a few weeks in
CURRENT_STATES: tuple[tuple[str, int], ...] = (
    (State.DRAFT, 30),
    (State.RETURNED, 5),
    (State.SUBMITTED, 20),
    (State.DEPT_REVIEWED, 15),
    (State.FINANCE_REVIEWED, 10),
    (State.APPROVED, 10),
    (State.PUBLISHED, 10),
)
SUBMITTED_OR_LATER = frozenset(
    {
        State.SUBMITTED,
        State.DEPT_REVIEWED,
        State.FINANCE_REVIEWED,
        State.APPROVED,
        State.PUBLISHED,
    }
)


@dataclass
class Loaded:
    units: int
    rounds: int
    submissions: int
    accounts: list[tuple[str, str, str]]  # role, username, org

    def render(self) -> str:
        from jixiao.web.evaluations.demo import DEMO_PASSWORD

        lines = [
            f"已加载 {self.units} 个单位、{self.rounds} 个批次、{self.submissions} 份填报 / "
            f"{self.units} units, {self.rounds} rounds, {self.submissions} submissions loaded",
            f"账号（密码均为 {DEMO_PASSWORD}） / accounts (password {DEMO_PASSWORD}):",
        ]
        lines += [f"  {role}\t{username}\t{org}" for role, username, org in self.accounts]
        return "\n".join(lines)


def scale_loaded() -> bool:
    return Org.objects.filter(code=ROOT_CODE).exists()


def load_scale(*, units: int, years: int, seed: int, last_year: int = DEFAULT_LAST_YEAR) -> Loaded:
    """Write the org tree, accounts, one round per year and every unit-year's submission."""
    tree = org_tree(units, seed)
    with transaction.atomic():
        orgs = _orgs(tree)
        accounts = _accounts(tree, orgs)
    finance_user = accounts["finance"]
    total = 0
    for year in range(last_year - years + 1, last_year + 1):
        current = year == last_year
        with transaction.atomic():
            round_ = Round.objects.create(
                finance=orgs[ROOT_CODE],
                year=year,
                notice=f"演省财绩〔{year + 1}〕{1 + year % 7}号",
                title=f"关于开展{year}年度部门整体支出绩效自评工作的通知" + DEMO_LABEL,
                deadline=timezone.now() + (timedelta(days=30) if current else -timedelta(days=1)),
                created_by=finance_user,
            )
            for chunk in _chunks(tree, BATCH):
                total += _submissions(round_, chunk, orgs, seed, current=current)
    return Loaded(
        units=len(tree),
        rounds=years,
        submissions=total,
        accounts=[
            ("财政局审核员", "scale_finance", orgs[ROOT_CODE].name),
            ("主管部门审核员", f"scale_{tree[0].code}_review", tree[0].department),
            ("单位填报员", f"scale_{tree[-1].code}", tree[-1].name),
        ],
    )


def _chunks(items: list[Unit], size: int) -> Iterator[list[Unit]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _create_level(rows: list[Org]) -> list[Org]:
    """Insert one level of the tree, then give each its materialised path (two bulk queries
    a batch; ``Org.save`` would take two queries an org)."""
    created: list[Org] = []
    for start in range(0, len(rows), BATCH):
        batch = Org.objects.bulk_create(rows[start : start + BATCH])
        if any(org.pk is None for org in batch):  # a backend that returns no ids
            codes = [org.code for org in batch]
            batch = list(Org.objects.filter(code__in=codes))
        for org in batch:
            parent_path = org.parent.path if org.parent_id else "/"
            org.path = f"{parent_path}{org.pk:010d}/"
        Org.objects.bulk_update(batch, ["path"])
        created += batch
    return created


def _orgs(tree: list[Unit]) -> dict[str, Org]:
    """Province → county bureaus → 主管部门 (their 本级) → units, keyed by code."""
    root = _create_level(
        [Org(name="演示省财政厅" + DEMO_LABEL, code=ROOT_CODE, kind=OrgKind.FINANCE, is_demo=True)]
    )[0]
    by_code: dict[str, Org] = {ROOT_CODE: root}
    counties = list(dict.fromkeys(unit.county for unit in tree))
    for org in _create_level(
        [
            Org(
                name=f"{county}财政局",
                code=f"SCALE-{county}",
                kind=OrgKind.FINANCE,
                parent=root,
                is_demo=True,
            )
            for county in counties
        ]
    ):
        by_code[org.code] = org
    heads = [unit for unit in tree if unit.name == unit.department]  # a 主管部门's 本级
    for org in _create_level(
        [
            Org(
                name=unit.name,
                code=unit.code,
                kind=OrgKind.DEPARTMENT,
                parent=by_code[f"SCALE-{unit.county}"],
                is_demo=True,
            )
            for unit in heads
        ]
    ):
        by_code[org.code] = org
    department_of = {unit.name: by_code[unit.code] for unit in heads}
    for org in _create_level(
        [
            Org(
                name=unit.name,
                code=unit.code,
                kind=OrgKind.UNIT,
                parent=department_of[unit.department],
                is_demo=True,
            )
            for unit in tree
            if unit.name != unit.department
        ]
    ):
        by_code[org.code] = org
    return by_code


def _accounts(tree: list[Unit], orgs: dict[str, Org]) -> dict[str, Any]:
    """One finance reviewer, a reviewer per 主管部门 and a clerk per unit (bulk, one hash)."""
    users = get_user_model()
    password = _demo_password_hash()
    wanted: list[tuple[str, str, Org, str]] = [
        ("scale_finance", "演示省财政厅审核员", orgs[ROOT_CODE], Role.FINANCE_REVIEWER)
    ]
    for unit in tree:
        org = orgs[unit.code]
        wanted.append((f"scale_{unit.code}", f"{unit.name}填报员", org, Role.FILLER))
        if unit.name == unit.department:
            wanted.append(
                (f"scale_{unit.code}_review", f"{unit.name}审核员", org, Role.DEPT_REVIEWER)
            )
    created = users.objects.bulk_create(
        [users(username=name, first_name=full, password=password) for name, full, _, _ in wanted],
        batch_size=BATCH,
    )
    if any(user.pk is None for user in created):
        by_name = users.objects.in_bulk([w[0] for w in wanted], field_name="username")
        created = [by_name[w[0]] for w in wanted]
    Membership.objects.bulk_create(
        [
            Membership(user=user, org=org, role=role)
            for user, (_, _, org, role) in zip(created, wanted, strict=True)
        ],
        batch_size=BATCH,
    )
    return {"finance": created[0]}


def _state(seed: int, unit: Unit, year: int, *, current: bool) -> str:
    if not current:
        return State.PUBLISHED
    rng = random.Random(f"{seed}:{unit.code}:{year}:state")
    states, weights = zip(*CURRENT_STATES, strict=True)
    return rng.choices(states, weights=weights)[0]


def _submissions(
    round_: Round, chunk: list[Unit], orgs: dict[str, Org], seed: int, *, current: bool
) -> int:
    """One batch of units' submissions in *round_*: submissions, their first version (assessed,
    sealed when approved), the current-version pointers and the SUBMIT audit rows."""
    now = timezone.now()
    plans = []
    for unit in chunk:
        generated = unit_year(unit, round_.year, seed)
        state = _state(seed, unit, round_.year, current=current)
        hours = random.Random(f"{seed}:{unit.code}:{round_.year}:at").randint(1, 240)
        handed_in = state in SUBMITTED_OR_LATER
        submitted_at = min(now, round_.deadline) - timedelta(hours=hours) if handed_in else None
        plans.append((unit, generated.data, state, submitted_at))
    submissions = Submission.objects.bulk_create(
        [
            Submission(
                round=round_,
                org=orgs[unit.code],
                state=state,
                submitted_at=submitted_at,
                published_at=now if state == State.PUBLISHED else None,
                last_return_reason="请补充佐证材料" if state == State.RETURNED else "",
            )
            for unit, _, state, submitted_at in plans
        ]
    )
    if any(s.pk is None for s in submissions):
        by_org = {s.org_id: s for s in Submission.objects.filter(round=round_)}
        submissions = [by_org[orgs[unit.code].pk] for unit, *_ in plans]
    versions = []
    for submission, (_, data, state, _) in zip(submissions, plans, strict=True):
        versions.append(_version(submission, data, state, round_, now))
    DossierVersion.objects.bulk_create(versions, batch_size=BATCH)
    _point_to_versions(submissions, versions)
    AuditEntry.objects.bulk_create(
        [
            AuditEntry(
                submission=submission,
                version=1,
                actor_name=f"scale_{unit.code}",
                at=submitted_at,
                action=Action.SUBMIT,
                from_state=State.DRAFT,
                to_state=State.SUBMITTED,
            )
            for submission, (unit, _, _, submitted_at) in zip(submissions, plans, strict=True)
            if submitted_at is not None
        ],
        batch_size=BATCH,
    )
    return len(submissions)


def _point_to_versions(submissions: list[Submission], versions: list[DossierVersion]) -> None:
    """Each submission's current version: set from the new versions' ids where the database
    returns them (PostgreSQL, SQLite ≥ 3.35), else looked up. The lookup as one UPDATE with a
    subquery per row was planned as a scan per row inside the loading transaction (the tables'
    statistics still said empty): quadratic, an hour and more at 30,000 units."""
    if all(v.pk is not None for v in versions):
        for submission, version in zip(submissions, versions, strict=True):
            submission.current_version_id = version.pk
        Submission.objects.bulk_update(submissions, ["current_version"], batch_size=BATCH)
        return
    Submission.objects.filter(pk__in=[s.pk for s in submissions]).update(
        current_version=Subquery(
            DossierVersion.objects.filter(submission=OuterRef("pk")).values("pk")[:1]
        )
    )


def _version(
    submission: Submission, data: dict[str, Any], state: str, round_: Round, now: Any
) -> DossierVersion:
    assessment = engine.assess(data, framework_id=round_.framework_id or None)
    locked = state in (State.APPROVED, State.PUBLISHED)
    version = DossierVersion(
        submission=submission,
        number=1,
        data=data,
        locked=locked,
        approved_at=now if locked else None,
        score_total=assessment.total,
        grade=assessment.grade,
        self_total=assessment.self_total,
        error_count=len(assessment.blocking),
        warning_count=len(assessment.warnings),
        findings=assessment.findings,
        final_total=assessment.final_total,
        final_grade=assessment.final_grade,
        final_basis=assessment.final_basis,
    )
    if locked:  # sealed as approval seals it (no sign-offs in this data)
        version.content_parts = integrity.parts_of(version, submission, round_.year, [])
        version.content_hash = integrity.hash_of(version.content_parts)
    return version


def remove_scale() -> None:
    """Delete what :func:`load_scale` wrote: its rounds, accounts and org tree."""
    root = Org.objects.filter(code=ROOT_CODE).first()
    if root is None:
        return
    with transaction.atomic():
        Round.objects.filter(finance=root).delete()
        get_user_model().objects.filter(
            username__startswith="scale_", memberships__org__path__startswith=root.path
        ).delete()
        below = Org.objects.filter(path__startswith=root.path)
        # leaves first: a parent is protected while it has children
        below.filter(kind=OrgKind.UNIT).delete()
        below.filter(kind=OrgKind.DEPARTMENT).delete()
        below.exclude(pk=root.pk).delete()
        root.delete()
