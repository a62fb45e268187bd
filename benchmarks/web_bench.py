"""Web pages and API lists under load: p50/p95 with one user and with several at once.

    python -m benchmarks.web_bench      # 300-unit county on SQLite, 1 and 20 users

Generates a synthetic province (``jixiao manage demo --units UNITS --years YEARS``, seed 1) into a
fresh database, starts gunicorn (2 processes × 4 threads, ``benchmarks.web_settings``: DEBUG off)
and, per endpoint and per number of simulated users, runs that many threads for SECONDS, each
issuing requests back to back with its own session (``requests``; locust is not installed here,
the threads do what its users would). Times are client-side wall times of whole responses.

Endpoints: the finance dashboard, the last round's page (first page, 50 rows), a submission page,
the public portal index, a report download (Markdown, the renderer shared by all formats), two
API lists (``/api/submissions`` for the round, ``/api/rounds``), the round's oversight dashboard
(``/oversight/rounds/<id>/``) and its ranking API (``/api/rounds/<id>/ranking``).

Environment:
- ``WEB_BENCH_UNITS`` (300), ``WEB_BENCH_YEARS`` (2), ``WEB_BENCH_USERS`` ("1,20"),
  ``WEB_BENCH_SECONDS`` (6 per endpoint and user count);
- ``WEB_BENCH_DATABASE_URL``: a PostgreSQL database to fill instead of SQLite (emptied first);
- ``WEB_BENCH_REUSE=1``: that database is already loaded (``jixiao manage demo``) with UNITS and
  YEARS: only migrated, not emptied and loaded again (30,000 units take minutes to generate);
- ``WEB_BENCH_BASELINE_TREE``: another source tree (e.g. ``git archive main``) served against the
  same database in the same run, as the baseline column (its code, this tree's schema);
- ``WEB_BENCH_SECTION``: the BENCHMARKS.md section to write ("web-bench").
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from benchmarks.sections import ROOT, machine, write_section

UNITS = int(os.environ.get("WEB_BENCH_UNITS", "300"))
YEARS = int(os.environ.get("WEB_BENCH_YEARS", "2"))
USERS = [int(n) for n in os.environ.get("WEB_BENCH_USERS", "1,50").split(",")]
SECONDS = float(os.environ.get("WEB_BENCH_SECONDS", "6"))
DATABASE_URL = os.environ.get("WEB_BENCH_DATABASE_URL", "")
BASELINE_TREE = os.environ.get("WEB_BENCH_BASELINE_TREE", "")
SECTION = os.environ.get("WEB_BENCH_SECTION", "web-bench")
REUSE = os.environ.get("WEB_BENCH_REUSE") == "1"
# endpoints not measured on the baseline tree (e.g. a page that takes the baseline minutes a
# request at 30,000 units, which would make the run hours long): shown as "—", said in the notes
SKIP_BASELINE = set(filter(None, os.environ.get("WEB_BENCH_SKIP_BASELINE", "").split(",")))
GOAL_MS = 300
READY_SECONDS = 60


def _env(tree: Path, database: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        # the tree's jixiao first; the settings module from this tree's benchmarks folder
        PYTHONPATH=os.pathsep.join([str(tree), str(ROOT / "benchmarks")]),
        DJANGO_SETTINGS_MODULE="web_settings",
        DATABASE_URL=database,
        PYTHONDONTWRITEBYTECODE="1",
    )
    env.pop("JIXIAO_DB", None)
    return env


def _django(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "django", *args],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


def prepare(env: dict[str, str]) -> float | None:
    """Migrate and load the synthetic province; the seconds the load took (None: reused).
    The dashboard's stored figures are filled in before serving (``oversight_refresh``), as a
    deployment does once, so no measured request pays for the first fill."""
    if DATABASE_URL and not REUSE:
        _django(env, "flush", "--no-input")
    _django(env, "migrate", "-v0")
    if REUSE:
        return None
    started = time.perf_counter()
    _django(env, "demo", "--units", str(UNITS), "--years", str(YEARS), "--seed", "1")
    took = time.perf_counter() - started
    _django(env, "oversight_refresh")
    return took


# run with `python -c` in the served tree's environment: a signed-in session of the province's
# finance reviewer, an API token and the ids to fetch
FIXTURES = """
import json, django
django.setup()
from django.contrib.auth import get_user_model
from django.test import Client
from jixiao.web.evaluations.models import Round, State, Submission
from jixiao.web.orgs.models import ApiToken
user = get_user_model().objects.get(username="scale_finance")
client = Client()
client.force_login(user)
_, token = ApiToken.issue(user, name="web-bench")
current = Round.objects.order_by("-year").first()
print(json.dumps({
    "session": client.cookies["sessionid"].value,
    "token": token,
    "round": current.pk,
    "submission": Submission.objects.filter(round=current).order_by("pk")[7].pk,
    "published": Submission.objects.filter(state=State.PUBLISHED).order_by("-pk").first().pk,
}))
"""


def endpoints(ids: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(name, path, how to authenticate: session, token or none)."""
    return [
        ("finance dashboard", "/dashboard/", "session"),
        ("round page", f"/rounds/{ids['round']}/", "session"),
        ("submission page", f"/submissions/{ids['submission']}/", "session"),
        ("portal index", "/portal/", "none"),
        ("report download (md)", f"/submissions/{ids['published']}/report.md", "session"),
        ("API /api/submissions", f"/api/submissions?round_id={ids['round']}", "token"),
        ("API /api/rounds", "/api/rounds", "token"),
        ("oversight dashboard", f"/oversight/rounds/{ids['round']}/", "session"),
        ("API ranking", f"/api/rounds/{ids['round']}/ranking", "token"),
    ]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def server(env: dict[str, str], tree: Path) -> Iterator[str]:
    """gunicorn on a free local port, ready when it answers, stopped afterwards."""
    import requests

    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--workers=2",
            "--worker-class=gthread",
            "--threads=4",
            f"--bind=127.0.0.1:{port}",
            "--log-level=warning",
            "jixiao.web.wsgi",
        ],
        env=env,
        cwd=tree,  # gunicorn puts its working folder first on the path
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + READY_SECONDS
    try:
        while True:
            try:
                requests.get(base + "/portal/", timeout=30)
                break
            except requests.RequestException:  # not listening yet, or still starting
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def hammer(base: str, path: str, auth: str, ids: dict[str, Any], users: int) -> dict[str, Any]:
    """*users* threads requesting *path* back to back for SECONDS: latencies and failures."""
    import requests

    latencies: list[float] = []
    failures: list[int] = []
    sizes: list[int] = []
    lock = threading.Lock()
    stop = time.monotonic() + SECONDS

    def user() -> None:
        session = requests.Session()
        if auth == "session":
            session.cookies.set("sessionid", ids["session"])
        elif auth == "token":
            session.headers["Authorization"] = f"Bearer {ids['token']}"
        session.get(base + path, timeout=120)  # warm: connections, caches
        while time.monotonic() < stop:
            started = time.perf_counter()
            response = session.get(base + path, timeout=120)
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                sizes.append(len(response.content))
                if response.status_code != 200:
                    failures.append(response.status_code)

    threads = [threading.Thread(target=user) for _ in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    ordered = sorted(latencies)
    if not ordered:  # every user still waiting for its first (warming) answer when time was up
        return {
            "requests": 0,
            "per_second": 0.0,
            "p50": None,
            "p95": None,
            "bytes": 0,
            "failures": len(failures),
            "statuses": sorted(set(failures)),
        }
    return {
        "requests": len(ordered),
        "per_second": len(ordered) / SECONDS,
        "p50": statistics.median(ordered) * 1000,
        "p95": ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000,
        "bytes": int(statistics.median(sizes)),
        "failures": len(failures),
        "statuses": sorted(set(failures)),
    }


def _fixtures(tree: Path, env: dict[str, str]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", FIXTURES],
        env=env,
        cwd=tree,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(done.stdout)


def measure_trees(trees: dict[str, Path], database: str) -> dict[str, dict[str, Any]]:
    """Every tree served at once (its own gunicorn); endpoint by endpoint, user count by user
    count, each tree in turn, so a baseline and its rival are measured minutes apart at most
    (the machine's other load changes slowly)."""
    results: dict[str, dict[str, Any]] = {name: {} for name in trees}
    with ExitStack() as stack:
        served = {}
        for name, tree in trees.items():
            env = _env(tree, database)
            ids = _fixtures(tree, env)
            served[name] = (stack.enter_context(server(env, tree)), ids)
        first_ids = next(iter(served.values()))[1]
        for endpoint, _, _ in endpoints(first_ids):
            for users in USERS:
                for name, (base, ids) in served.items():
                    if name == "before" and endpoint in SKIP_BASELINE:
                        continue
                    path, auth = next((p, a) for e, p, a in endpoints(ids) if e == endpoint)
                    row = hammer(base, path, auth, ids, users)
                    results[name][f"{endpoint}|{users}"] = row
                    print(name, endpoint, users, row, flush=True)
    return results


def _database(folder: Path) -> str:
    return DATABASE_URL or f"sqlite:///{folder / 'web-bench.sqlite3'}"


def measure() -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="jixiao-web-bench-") as temp:
        database = _database(Path(temp))
        load = prepare(_env(ROOT, database))
        trees = {"after": ROOT}
        if BASELINE_TREE:
            trees["before"] = Path(BASELINE_TREE)
        measured = measure_trees(trees, database)
        after, before = measured["after"], measured.get("before", {})
        engine = "PostgreSQL" if database.startswith("postgres") else "SQLite"
    return {"load": load, "after": after, "before": before, "engine": engine}


def _cell(row: dict[str, Any] | None) -> str:
    if not row:
        return "—"
    if row["p50"] is None:
        return f"none answered within {SECONDS:g} s"
    failed = f", {row['failures']} failed {row['statuses']}" if row["failures"] else ""
    return f"{row['p50']:.0f} / {row['p95']:.0f}{failed}"


def _size(row: dict[str, Any] | None) -> str:
    return f"{row['bytes'] / 1024:.0f} KiB" if row else "—"


def section(m: dict[str, Any]) -> str:
    engine, before = m["engine"], m["before"]
    lines = [
        f"## Web under load: {UNITS:,} units × {YEARS} years on {engine}",
        "",
        f"Machine: {machine()} (shared with other jobs: figures are noisy). Command: "
        f"`WEB_BENCH_UNITS={UNITS} python -m benchmarks.web_bench`"
        + (" with `WEB_BENCH_DATABASE_URL` (PostgreSQL)" if engine == "PostgreSQL" else "")
        + f". Data: `jixiao manage demo --units {UNITS} --years {YEARS}` "
        + (f"(loaded in {m['load']:.1f} s)" if m["load"] else "(loaded beforehand, reused)")
        + ". Server: gunicorn, 2 processes × 4 threads, DEBUG off. Client: "
        f"threads with `requests`, each user requesting back to back for {SECONDS:g} s; "
        "p50 / p95 in ms of whole responses, signed in as the province's finance reviewer "
        f"(sees every unit). Goal: p95 under {GOAL_MS} ms for pages.",
        "",
    ]
    if before:
        skipped = ", ".join(sorted(SKIP_BASELINE))
        lines += [
            (f"Not measured on the baseline: {skipped} (minutes a request). " if skipped else "")
            + "Baseline: the `main` branch before this work (`git archive`), served at the same time "
            "against the same database (its code; the database has this branch's indexes and "
            "tables), measured right after this branch endpoint by endpoint. Throughput: "
            "requests per second with the most users (both trees served by the same 2 cores).",
            "",
        ]
    header = "| endpoint | users | p50 / p95 ms | req/s | response |"
    rule = "| --- | --- | --- | --- | --- |"
    if before:
        header = (
            "| endpoint | users | p50 / p95 ms | baseline p50 / p95 ms | p95 ratio | req/s "
            "(baseline) | response (baseline) |"
        )
        rule = "| --- | --- | --- | --- | --- | --- | --- |"
    lines += [header, rule]
    for key, row in m["after"].items():
        name, users = key.split("|")
        size = _size(row)
        rate = f"{row.get('per_second', 0):.1f}"
        if before:
            base = before.get(key)
            ratio = (
                f"{base['p95'] / row['p95']:.1f}×" if base and base["p95"] and row["p95"] else "—"
            )
            base_rate = f"{base.get('per_second', 0):.1f}" if base else "—"
            lines.append(
                f"| {name} | {users} | {_cell(row)} | {_cell(base)} | {ratio} | {rate} "
                f"({base_rate}) | {size} ({_size(base)}) |"
            )
        else:
            lines.append(f"| {name} | {users} | {_cell(row)} | {rate} | {size} |")
    return "\n".join(lines)


def main() -> int:
    if shutil.which("gunicorn") is None and not _has_gunicorn():
        print("gunicorn is not installed", file=sys.stderr)
        return 1
    measured = measure()
    text = section(measured)
    out = Path(os.environ.get("WEB_BENCH_JSON", "")) if os.environ.get("WEB_BENCH_JSON") else None
    if out:
        out.write_text(json.dumps(measured, indent=1), encoding="utf-8")
    write_section(SECTION, text)
    print(text)
    return 0


def _has_gunicorn() -> bool:
    try:
        import gunicorn  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    raise SystemExit(main())
