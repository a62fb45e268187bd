"""The round analysis (reused paragraphs, target review: jixiao.web.oversight.analysis) as the
province grows, against the dashboard request it sits behind.

    python -m benchmarks.reuse_bench          # 300 and 3,000 units × 3 years; REUSE_BENCH_SIZES=…

For each size, a fresh SQLite database gets the province-sized demo (``jixiao manage demo
--units N --years 3``: synthetic dossiers with narratives and indicators, the earlier years
published, the last round spread over the workflow). Then, in one process: the analysis of the
last round computed from scratch (``analysis.refresh``: every handed-in report of the round and
the bureau's earlier rounds read, prepared and matched, median of ``RUNS_REFRESH``), the check
that finds nothing changed (``ensure_fresh``), and through Django's test client as the finance
reviewer the dashboard (analysis already fresh) and one report's 重复段落 view, medians of
``RUNS`` requests, with the round page ``/rounds/<pk>/`` as the baseline measured in the same run.
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.sections import machine, rows_per_size, write_section

SIZES = [int(n) for n in os.environ.get("REUSE_BENCH_SIZES", "300,3000").split(",")]
YEARS, RUNS, RUNS_REFRESH = 3, 5, 3


def _setup(database: Path) -> None:
    os.environ["JIXIAO_DB"] = str(database)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings.test")
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def _median(action: Any, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _request(client: Any, url: str) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, queries = [], 0
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - started)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured)
    return statistics.median(times), queries


def measure(units: int) -> dict[str, Any]:
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    from jixiao.web.evaluations.models import SUBMITTED_STATES, Round, Submission
    from jixiao.web.oversight import analysis
    from jixiao.web.oversight.models import ReusedParagraph

    call_command("demo", units=units, years=YEARS, verbosity=0, stdout=io.StringIO())
    round_ = Round.objects.order_by("-year").first()
    assert round_ is not None
    first = _median(lambda: analysis.refresh(round_), 1)  # every report prepared afresh
    refresh = _median(lambda: analysis.refresh(round_), RUNS_REFRESH)
    stored = analysis.ensure_fresh(round_)
    unchanged = _median(lambda: analysis.ensure_fresh(round_), RUNS)
    handed_in = Submission.objects.filter(round=round_, state__in=SUBMITTED_STATES)
    reused = ReusedParagraph.objects.filter(round=round_)
    report = reused.values_list("version__submission_id", flat=True).first()
    report = report or handed_in.values_list("pk", flat=True).first()
    client = Client()
    client.force_login(get_user_model().objects.get(username="scale_finance"))
    dashboard_s, dashboard_q = _request(client, f"/oversight/rounds/{round_.pk}/")
    round_s, round_q = _request(client, f"/rounds/{round_.pk}/")
    reuse_s, reuse_q = _request(client, f"/oversight/submissions/{report}/reuse/")
    return {
        "units": units,
        "documents": stored.documents,
        "handed_in": handed_in.count(),
        "reused": reused.count(),
        "first": first,
        "refresh": refresh,
        "unchanged": unchanged,
        "dashboard": dashboard_s,
        "dashboard_q": dashboard_q,
        "round": round_s,
        "round_q": round_q,
        "reuse": reuse_s,
        "reuse_q": reuse_q,
    }


def section(rows: list[dict[str, Any]]) -> str:
    lines = [
        "## Round analysis: reused paragraphs and targets (`python -m benchmarks.reuse_bench`)",
        "",
        f"Machine: {machine()}. Command: `python -m benchmarks.reuse_bench`. A fresh SQLite "
        f"database per size with `jixiao manage demo --units N --years {YEARS}`. *First analysis*: "
        "every report of the last round and the earlier rounds parsed, prepared and matched, "
        "target review with peers, results stored. *Analysis*: the same once each report's "
        f"prepared text is kept (median of {RUNS_REFRESH}), what a change costs; it runs once per change "
        "of the compared set, on the first page that needs it or by `manage oversight_refresh`. "
        "*Unchanged*: the check that finds nothing to redo (every request of the dashboard and "
        f"the 重复段落 view). Requests: medians of {RUNS} through Django's test client as the "
        "finance reviewer with the analysis fresh; baseline, same run: the round page "
        "`/rounds/<pk>/`.",
        "",
        "| units | reports compared | first analysis | analysis | unchanged | dashboard | queries "
        "| round page (baseline) | ratio | 重复段落 view | queries |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        lines.append(
            f"| {r['units']:,} | {r['documents']:,} | {r['first']:.1f} s | {r['refresh']:.1f} s "
            f"| {r['unchanged'] * 1000:.0f} ms | {r['dashboard'] * 1000:.0f} ms "
            f"| {r['dashboard_q']} | {r['round'] * 1000:.0f} ms "
            f"| {r['dashboard'] / r['round']:.2f}× | {r['reuse'] * 1000:.0f} ms | {r['reuse_q']} |"
        )
    return "\n".join(lines)


def _one(units: int) -> None:
    """Measure one size in this process (a fresh database) and print the row as a repr."""
    with tempfile.TemporaryDirectory() as folder:
        _setup(Path(folder) / "bench.sqlite3")
        print(repr(measure(units)))


def main() -> None:
    rows = rows_per_size("benchmarks.reuse_bench", SIZES)
    text = section(rows)
    print(text)
    write_section("reuse-bench", text)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        _one(int(sys.argv[2]))
    else:
        main()
