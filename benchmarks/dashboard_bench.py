"""The round dashboard (jixiao.web.oversight) against the round page, as the round grows.

    python -m benchmarks.dashboard_bench        # 200 and 2,000 units; DASHBOARD_BENCH_SIZES=…

For each size, a fresh SQLite database gets one 财政局, 10 主管部门 and the units below them, each
with a submitted report (stored scores, three findings, a dossier with money lines), written in
bulk (no figures stored: the dashboard's first request fills them, timed apart). Then, through
Django's test client as the finance reviewer, the median of ``RUNS`` requests of the dashboard
and of the round page (``/rounds/<pk>/``, the baseline: the page reviewers use today, paged 50
rows) and their query counts.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from benchmarks.sections import machine, rows_per_size, write_section

SIZES = [int(n) for n in os.environ.get("DASHBOARD_BENCH_SIZES", "200,2000").split(",")]
RUNS, DEPARTMENTS = 5, 10


def _setup(database: Path) -> None:
    os.environ["JIXIAO_DB"] = str(database)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings.test")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _data(name: str, index: int) -> dict[str, Any]:
    executed = 60 + index % 41
    return {
        "year": 2023,
        "profile": {"name": name, "unit_type": "事业单位"},
        "money": {
            "unit": "万元",
            "lines": [
                {
                    "phase": "年初预算",
                    "funding": "基本支出",
                    "item": "工资福利支出",
                    "amount": "100",
                },
                {
                    "phase": "执行",
                    "funding": "基本支出",
                    "item": "工资福利支出",
                    "amount": str(executed),
                },
            ],
        },
        "narratives": {"problems": ["一是绩效指标设置的科学性有待提高。"]},
    }


def _fill(units: int) -> tuple[Any, Any]:
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from jixiao.web.evaluations.models import DossierVersion, Round, Submission
    from jixiao.web.orgs.models import Membership, Org, OrgKind, Role

    finance = Org.objects.create(name="基准县财政局", code="B-F", kind=OrgKind.FINANCE)
    user = get_user_model().objects.create_user("bench_finance", password="x")
    Membership.objects.create(user=user, org=finance, role=Role.FINANCE_REVIEWER)
    departments = [
        Org.objects.create(
            name=f"基准县第{d}局", code=f"B-D{d}", kind=OrgKind.DEPARTMENT, parent=finance
        )
        for d in range(DEPARTMENTS)
    ]
    orgs = [
        Org.objects.create(
            name=f"基准县单位{i}",
            code=f"B-U{i}",
            kind=OrgKind.UNIT,
            parent=departments[i % DEPARTMENTS],
        )
        for i in range(units)
    ]
    round_ = Round.objects.create(
        finance=finance,
        year=2023,
        notice="基准〔2024〕1号",
        title="基准",
        deadline=timezone.now() + timedelta(days=9),
    )
    now = timezone.now()
    submissions = Submission.objects.bulk_create(
        Submission(round=round_, org=org, state="submitted", submitted_at=now, is_late=i % 7 == 0)
        for i, org in enumerate(orgs)
    )
    findings = [
        {"id": "budget.W005", "level": "warning", "message": "m", "where": ""},
        {"id": "goals.W002", "level": "warning", "message": "m", "where": ""},
        {"id": "indicators.I001", "level": "info", "message": "m", "where": ""},
    ]
    versions = DossierVersion.objects.bulk_create(
        DossierVersion(
            submission=s,
            number=1,
            data=_data(s.org.name, i),
            self_total=Decimal(90 + i % 10),
            final_total=Decimal(60 + i % 40),
            final_grade="良",
            final_basis="computed",
            findings=findings,
            warning_count=2,
        )
        for i, s in enumerate(submissions)
    )
    for submission, version in zip(submissions, versions, strict=True):
        submission.current_version = version
    Submission.objects.bulk_update(submissions, ["current_version"], batch_size=500)
    return user, round_


def _time(client: Any, url: str) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    queries = 0
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured)
    return statistics.median(times), queries


def measure(units: int) -> dict[str, float]:
    from django.test import Client

    user, round_ = _fill(units)
    client = Client()
    client.force_login(user)
    dashboard = f"/oversight/rounds/{round_.pk}/"
    started = time.perf_counter()
    client.get(dashboard)  # fills the stored figures of every version (once)
    first = time.perf_counter() - started
    dashboard_s, dashboard_q = _time(client, dashboard)
    round_s, round_q = _time(client, f"/rounds/{round_.pk}/")
    export_s, _ = _time(client, f"/oversight/rounds/{round_.pk}/export/all.xlsx")
    return {
        "units": units,
        "first": first,
        "dashboard": dashboard_s,
        "dashboard_q": dashboard_q,
        "round": round_s,
        "round_q": round_q,
        "export": export_s,
    }


def section(rows: list[dict[str, float]]) -> str:
    lines = [
        "## Round dashboard (`python -m benchmarks.dashboard_bench`)",
        "",
        f"Machine: {machine()}. Command: `python -m benchmarks.dashboard_bench`. A fresh SQLite "
        f"database per size: {DEPARTMENTS} 主管部门, every unit with a submitted report (stored "
        "scores, three findings). Medians of "
        f"{RUNS} requests through Django's test client as the finance reviewer. Baseline, same "
        "run: the round page `/rounds/<pk>/` (50 rows a page). *First request*: the dashboard "
        "filling the stored figures of every version written without them (once).",
        "",
        "| units | dashboard | queries | round page (baseline) | queries | ratio | Excel, all tables | first request |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        lines.append(
            f"| {int(r['units']):,} | {r['dashboard'] * 1000:.0f} ms | {int(r['dashboard_q'])} "
            f"| {r['round'] * 1000:.0f} ms | {int(r['round_q'])} "
            f"| {r['dashboard'] / r['round']:.2f}× | {r['export'] * 1000:.0f} ms "
            f"| {r['first'] * 1000:.0f} ms |"
        )
    return "\n".join(lines)


def _one(units: int) -> None:
    """Measure one size in this process (a fresh database) and print the row as a repr."""
    with tempfile.TemporaryDirectory() as folder:
        _setup(Path(folder) / "bench.sqlite3")
        print(repr(measure(units)))


def main() -> None:
    rows = rows_per_size("benchmarks.dashboard_bench", SIZES)
    text = section(rows)
    print(text)
    write_section("dashboard-bench", text)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        _one(int(sys.argv[2]))
    else:
        main()
