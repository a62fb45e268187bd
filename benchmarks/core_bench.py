"""Core pipeline throughput: evaluate (figures + score + checks) and compose, per dossier.

    python -m benchmarks.core_bench

Baseline, measured in the same run: loading the same dossier file (YAML parse + validation),
the cost every consumer pays anyway. Reports medians over repeated batches and the ratio to the
baseline, plus the projected single-core time for 100,000 dossiers (the province-scale goal the
architecture is heading for: batch scoring in seconds needs a vectorised path; this records where
the object-per-dossier pipeline stands).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.sections import ROOT, machine, write_section
from jixiao.core.compose import compose_report
from jixiao.core.pipeline import evaluate
from jixiao.frameworks import load_framework
from jixiao.io.dossiers import load_dossier

DOSSIERS = {
    "seed (wanzai-2021)": ROOT / "examples/wanzai-2021/dossier.yaml",
    "complete-2022": ROOT / "examples/complete-2022/dossier.yaml",
}
REPEATS, BATCH = 7, 200


def per_call_ms(action: Callable[[], object]) -> float:
    """Median over REPEATS batches of the mean time of one call, in milliseconds."""
    action()
    samples = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        for _ in range(BATCH):
            action()
        samples.append((time.perf_counter() - started) / BATCH * 1000)
    return statistics.median(samples)


def measure(path: Path, framework_id: str) -> dict[str, float]:
    framework = load_framework(framework_id)
    dossier = load_dossier(path)
    result = evaluate(dossier, framework)
    return {
        "load": per_call_ms(lambda: load_dossier(path)),
        "evaluate": per_call_ms(lambda: evaluate(dossier, framework)),
        "compose": per_call_ms(lambda: compose_report(result)),
    }


def section() -> str:
    lines = [
        "## Core pipeline (evaluate and compose, per dossier)",
        "",
        f"Machine: {machine()}. Command: `python -m benchmarks.core_bench`. "
        f"Medians of {REPEATS} batches of {BATCH} calls.",
        "",
        "| dossier | framework | load (baseline) ms | evaluate ms | evaluate / load | compose ms | 100,000 × evaluate, 1 core |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, path in DOSSIERS.items():
        for framework_id in ("cn-2020-self", "hunan-2019"):
            m = measure(path, framework_id)
            projected = m["evaluate"] * 100_000 / 1000
            lines.append(
                f"| {name} | {framework_id} | {m['load']:.2f} | {m['evaluate']:.2f} | "
                f"{m['evaluate'] / m['load']:.2f} | {m['compose']:.2f} | {projected:.0f} s |"
            )
    return "\n".join(lines)


def main() -> int:
    text = section()
    write_section("core-bench", text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
