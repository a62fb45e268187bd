"""`jixiao check --batch` against the one-process-per-dossier CLI, on generated dossiers.

    python -m benchmarks.batch_bench            # 2,000 dossiers; BATCH_BENCH_UNITS=… to change

Generates ``UNITS`` units × 2 years with ``jixiao demo generate`` (seed 1), then times, as whole
processes (start-up included), ``jixiao check --batch DIR`` (all cores) and ``-j 1``, the median
of ``RUNS`` runs each. Baseline, measured in the same run: ``jixiao check FILE`` once per file on
``BASELINE_FILES`` files one after another (what a user with a folder and a shell loop does),
its median per file extrapolated to the whole set; and both projected to 100,000 dossiers.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.sections import machine, write_section

UNITS = int(os.environ.get("BATCH_BENCH_UNITS", "1000"))
YEARS, RUNS, BASELINE_FILES = 2, 3, 50
JIXIAO = [sys.executable, "-m", "jixiao.cli.main"]


def wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def median_wall(command: list[str], runs: int = RUNS) -> float:
    wall(command)  # warm-up: the page cache, the .pyc files
    return statistics.median(wall(command) for _ in range(runs))


def measure(folder: Path) -> dict[str, float]:
    generate = ["demo", "generate", "--units", str(UNITS), "--years", str(YEARS), "--seed", "1"]
    subprocess.run(
        [*JIXIAO, *generate, "-o", str(folder)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    dossiers = folder / "dossiers"
    files = sorted(dossiers.iterdir())
    per_file = statistics.median(wall([*JIXIAO, "check", str(f)]) for f in files[:BASELINE_FILES])
    return {
        "files": len(files),
        "batch": median_wall([*JIXIAO, "check", "--batch", str(dossiers)]),
        "batch_1": median_wall([*JIXIAO, "check", "--batch", str(dossiers), "-j", "1"]),
        "per_file": per_file,
    }


def section(m: dict[str, float]) -> str:
    files, cores = int(m["files"]), os.cpu_count() or 1
    baseline = m["per_file"] * files
    rows = [
        (f"`check --batch DIR` ({cores} processes)", m["batch"]),
        ("`check --batch DIR -j 1`", m["batch_1"]),
    ]
    lines = [
        "## Batch check (`check --batch`) against one process per dossier",
        "",
        f"Machine: {machine()}. Command: `python -m benchmarks.batch_bench`. {files:,} dossiers "
        f"from `jixiao demo generate --units {UNITS} --years {YEARS} --seed 1`; whole-process wall "
        f"times (start-up included), medians of {RUNS} runs after a warm-up. Baseline: "
        f"`jixiao check FILE` per file, median of {BASELINE_FILES} files one after another "
        f"({m['per_file']:.3f} s a file), extrapolated.",
        "",
        f"| command | {files:,} dossiers | per dossier | baseline ({files:,} × `check FILE`) "
        "| speed-up | 100,000 dossiers (projected) |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, seconds in rows:
        lines.append(
            f"| {name} | {seconds:.1f} s | {seconds / files * 1000:.2f} ms | {baseline:.0f} s | "
            f"{baseline / seconds:.0f}× | {seconds / files * 100_000:.0f} s |"
        )
    lines.append(
        f"| baseline: `check FILE` per file | {baseline:.0f} s | {m['per_file'] * 1000:.0f} ms "
        f"| | 1× | {m['per_file'] * 100_000 / 3600:.1f} h |"
    )
    return "\n".join(lines)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="jixiao-batch-bench-") as temp:
        text = section(measure(Path(temp)))
    write_section("batch-bench", text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
