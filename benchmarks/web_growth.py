"""How the web pages' cost grows with the province: p50 with one user at several sizes, plotted.

    WEB_GROWTH_DATABASES="1000=postgres://…/p1k,10000=postgres://…/p10k,30000=postgres://…/p30k" \\
        python -m benchmarks.web_growth

Each database was loaded beforehand with ``jixiao manage demo --units N --years 3 --seed 1`` (and
its figures filled: ``manage.py oversight_refresh``); each is migrated, then served by gunicorn
(``web_bench.server``) and every endpoint of ``web_bench.endpoints`` is requested by one user for
WEB_BENCH_SECONDS. Writes the BENCHMARKS.md section ``web-growth`` and the plot
``docs/benchmarks/web-growth.svg`` (p50 against units, log–log, with the slope of linear growth
for comparison: a line flatter than it grows less than linearly).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from benchmarks.sections import ROOT, machine, write_section
from benchmarks.web_bench import SECONDS, _django, _env, _fixtures, endpoints, hammer, server

PLOT = ROOT / "docs" / "benchmarks" / "web-growth.svg"
SECTION = "web-growth"


def _databases() -> list[tuple[int, str]]:
    spec = os.environ.get("WEB_GROWTH_DATABASES", "")
    sizes = []
    for part in filter(None, spec.split(",")):
        units, url = part.split("=", 1)
        sizes.append((int(units), url))
    return sorted(sizes)


def measure(databases: list[tuple[int, str]]) -> dict[int, dict[str, Any]]:
    results: dict[int, dict[str, Any]] = {}
    for units, url in databases:
        env = _env(ROOT, url)
        _django(env, "migrate", "-v0")
        ids = _fixtures(ROOT, env)
        results[units] = {}
        with server(env, ROOT) as base:
            for name, path, auth in endpoints(ids):
                row = hammer(base, path, auth, ids, 1)
                results[units][name] = row
                print(units, name, row, flush=True)
    return results


def plot(results: dict[int, dict[str, Any]], path: Path = PLOT) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    matplotlib.rcParams["svg.hashsalt"] = "jixiao-web-growth"  # the same plot, the same file
    matplotlib.rcParams["svg.fonttype"] = "none"
    sizes = sorted(results)
    names = list(results[sizes[0]])
    figure, axes = plt.subplots(figsize=(8, 5.5))
    for name in names:
        points = [(n, results[n][name]["p50"]) for n in sizes if results[n][name]["p50"]]
        axes.plot([n for n, _ in points], [p for _, p in points], marker="o", label=name)
    first = min(results[sizes[0]][name]["p50"] or 1e9 for name in names)
    axes.plot(
        sizes,
        [first * n / sizes[0] for n in sizes],
        linestyle="--",
        color="grey",
        label="linear growth (for slope)",
    )
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("units (3 years each), PostgreSQL")
    axes.set_ylabel("p50 ms, one user")
    axes.set_title("jixiao web: response time against province size")
    axes.legend(fontsize=7, loc="upper left")
    axes.grid(True, which="both", alpha=0.3)
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.tight_layout()
    figure.savefig(path, format="svg", metadata={"Date": None})


def section(results: dict[int, dict[str, Any]]) -> str:
    sizes = sorted(results)
    names = list(results[sizes[0]])
    lines = [
        "## Web growth: p50 with one user at "
        + ", ".join(f"{n:,}" for n in sizes)
        + " units on PostgreSQL",
        "",
        f"Machine: {machine()} (shared with other jobs: figures are noisy). Command: "
        "`WEB_GROWTH_DATABASES=… python -m benchmarks.web_growth`, each database loaded "
        "beforehand with `jixiao manage demo --units N --years 3 --seed 1`. One user requesting "
        f"back to back for {SECONDS:g} s per endpoint; p50 in ms. Growth: p50 at the largest "
        f"size over p50 at the smallest, against {sizes[-1] / sizes[0]:.0f}× more units "
        "(below that: better than linear). Plot: "
        "[docs/benchmarks/web-growth.svg](docs/benchmarks/web-growth.svg).",
        "",
        "| endpoint | " + " | ".join(f"{n:,} units" for n in sizes) + " | growth |",
        "| --- | " + " | ".join("---" for _ in sizes) + " | --- |",
    ]
    for name in names:
        p50s = [results[n][name]["p50"] for n in sizes]
        cells = [f"{p:.0f}" if p else f"> {SECONDS:g} s" for p in p50s]
        growth = f"{p50s[-1] / p50s[0]:.1f}×" if p50s[0] and p50s[-1] else "—"
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {growth} |")
    return "\n".join(lines)


def main() -> int:
    databases = _databases()
    if len(databases) < 2:
        print("web_growth: skipped (WEB_GROWTH_DATABASES names fewer than two loaded databases)")
        return 0
    results = measure(databases)
    if os.environ.get("WEB_BENCH_JSON"):
        Path(os.environ["WEB_BENCH_JSON"]).write_text(json.dumps(results, indent=1))
    plot(results)
    text = section(results)
    write_section(SECTION, text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
