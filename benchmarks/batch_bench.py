"""`jixiao check --batch` at 1,000, 10,000 and 100,000 dossiers, beside its baselines.

    python -m benchmarks.batch_bench                  # 1k, 10k, 100k; writes BENCHMARKS.md
    BATCH_BENCH_SIZES=1000,10000 python -m benchmarks.batch_bench

``jixiao demo generate --units N/2 --years 2 --seed 1`` makes the largest set once; each smaller
set is its first N files (hard links). ``check --batch DIR`` evaluates every dossier once and
reports both the findings and the score (the summary counts grades and finding ids): the
check and the score of a dossier are one pass. Measured in the same run, as whole processes
(start-up included), on every core (``-j 0``):

- this tree, ``BATCH_BENCH_RUNS`` runs per size (the largest size ``BATCH_BENCH_LARGE_RUNS``);
- the baseline tree (``BATCH_BENCH_BASELINE_REF``, by default the ``main`` commit this work
  started from, extracted with ``git archive``), the same runs, right after each of ours;
- ``score --batch`` on the middle size, both trees;
- ``jixiao check FILE`` once per file on ``BASELINE_FILES`` files, one after another (what a
  user with a folder and a shell loop does), its median per file extrapolated.

Wall time is what a user waits; on the shared build machine it depends on the other jobs, so
the CPU time of all the command's processes (user + system, from ``wait4``) is given too: divided
by the cores, it is the wall time the command would take on cores it had to itself. Memory: the
peak resident size of the largest process. The growth plot (``benchmarks/batch-growth.svg``)
shows time per dossier against the number of dossiers: a flat line is linear cost.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from benchmarks.sections import ROOT, machine, write_section

SIZES = [int(s) for s in os.environ.get("BATCH_BENCH_SIZES", "1000,10000,100000").split(",")]
RUNS = int(os.environ.get("BATCH_BENCH_RUNS", "3"))
LARGE_RUNS = int(os.environ.get("BATCH_BENCH_LARGE_RUNS", "2"))
BASELINE_REF = os.environ.get("BATCH_BENCH_BASELINE_REF", "2a5d067")
BASELINE_FILES = int(os.environ.get("BATCH_BENCH_BASELINE_FILES", "200"))
PLOT = ROOT / "benchmarks" / "batch-growth.svg"
CORES = os.cpu_count() or 1


@dataclass(frozen=True)
class Run:
    """One whole-process run: wall seconds, CPU seconds of it and its children, peak RSS."""

    wall: float
    cpu: float
    peak_mib: float


@dataclass(frozen=True)
class Median:
    wall: float
    cpu: float
    peak_mib: float
    runs: int
    walls: tuple[float, ...]


def run(tree: Path, args: list[str]) -> Run:
    """Run ``jixiao ARGS`` from *tree*; its wall time and, from wait4, the CPU time of the
    process and every worker it waited for, and the largest process's peak memory."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "jixiao.cli.main", *args],
        env={**os.environ, "PYTHONPATH": str(tree)},
        cwd=tree,  # `-m` puts the working folder first on the path
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if process.returncode not in (0, 1, 2):
        raise RuntimeError(f"jixiao {' '.join(args)} exited {process.returncode}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def median(runs: list[Run]) -> Median:
    return Median(
        statistics.median(r.wall for r in runs),
        statistics.median(r.cpu for r in runs),
        max(r.peak_mib for r in runs),
        len(runs),
        tuple(round(r.wall, 1) for r in runs),
    )


def baseline_tree(into: Path) -> Path:
    """The baseline commit's ``jixiao`` package, extracted from git into *into*."""
    archive = subprocess.run(
        ["git", "archive", "--format=tar", BASELINE_REF, "jixiao"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def dossier_sets(work: Path) -> dict[int, Path]:
    """The largest set generated once; each smaller one its first N files, hard-linked."""
    largest = max(SIZES)
    generated = work / "generated"
    here = Path.cwd()
    command = ["demo", "generate", "--units", str((largest + 1) // 2), "--years", "2"]
    run(here, [*command, "--seed", "1", "-o", str(generated)])
    files = sorted((generated / "dossiers").iterdir())[:largest]
    sets = {}
    for size in SIZES:
        folder = work / f"set-{size}"
        folder.mkdir()
        for file in files[:size]:
            os.link(file, folder / file.name)
        sets[size] = folder
    return sets


def measure(work: Path) -> dict[str, object]:
    trees = {"this": ROOT, "baseline": baseline_tree(work / "baseline")}
    sets = dossier_sets(work)
    results: dict[str, object] = {}
    for size, folder in sets.items():
        large = size == max(SIZES) and size >= 50_000
        runs = LARGE_RUNS if large else RUNS
        if large:  # warm-up: the files read once into the page cache (a run takes minutes)
            for file in folder.iterdir():
                file.read_bytes()
        else:  # warm-up: page cache, .pyc files
            for tree in trees.values():
                run(tree, ["check", "--batch", str(folder)])
        timings: dict[str, list[Run]] = {name: [] for name in trees}
        for number in range(runs):  # alternate, so both trees see the same load
            order = list(trees.items()) if number % 2 == 0 else list(trees.items())[::-1]
            for name, tree in order:
                timings[name].append(run(tree, ["check", "--batch", str(folder)]))
        for name in trees:
            results[f"check/{name}/{size}"] = median(timings[name])
        print(size, {n: results[f"check/{n}/{size}"] for n in trees}, flush=True)
    middle = sorted(SIZES)[len(SIZES) // 2]
    scores: dict[str, list[Run]] = {name: [] for name in trees}
    for _ in range(RUNS):
        for name, tree in trees.items():
            scores[name].append(run(tree, ["score", "--batch", str(sets[middle])]))
    for name in trees:
        results[f"score/{name}/{middle}"] = median(scores[name])
    files = sorted(sets[min(SIZES)].iterdir())[:BASELINE_FILES]
    per_file = [run(ROOT, ["check", str(f)]) for f in files]
    results["per_file"] = median(per_file)
    results["per_file_count"] = len(per_file)
    return results


def _ms(seconds: float, count: int) -> str:
    return f"{seconds / count * 1000:.2f} ms"


def section(m: dict[str, object], plot: str) -> str:
    per_file = m["per_file"]
    assert isinstance(per_file, Median)
    largest, middle = max(SIZES), sorted(SIZES)[len(SIZES) // 2]
    lines = [
        "## Batch check and score (`check --batch`, `score --batch`) from 1,000 to 100,000 "
        "dossiers",
        "",
        f"Machine: {machine()}, shared with other jobs (load average at the end: "
        f"{' / '.join(f'{x:.1f}' for x in os.getloadavg())}). Command: "
        "`python -m benchmarks.batch_bench`. Dossiers from `jixiao demo generate --units "
        f"{(largest + 1) // 2} --years 2 --seed 1` (the smaller sets: its first files). "
        "`check --batch DIR` on every core: one pass per dossier gives its findings and its "
        "score (the summary counts grades and finding ids). Whole-process times, start-up "
        f"included; medians of {RUNS} runs after a warm-up ({LARGE_RUNS} at "
        f"{largest:,}, after reading the files once into the page cache), this tree and the "
        "baseline alternating (which goes first swaps from run to run). *CPU* is user + system time of "
        f"the command and its workers; ÷ {CORES} cores it is the wall time on cores it had to "
        "itself (the shared machine's wall times vary 2× with the other jobs). *Baseline tree*: "
        f"commit `{BASELINE_REF}` (`main` before this work), the same command in the same run. "
        f"*One process per dossier*: `jixiao check FILE` on {m['per_file_count']} files one "
        f"after another, median {per_file.wall:.3f} s wall, {per_file.cpu:.3f} s CPU a file, "
        "extrapolated.",
        "",
        "| dossiers | command | wall | CPU | CPU ÷ cores | per dossier (wall / CPU) | peak memory "
        "| baseline tree wall / CPU | ratio (wall / CPU) | one process per dossier (wall, "
        "extrapolated) | ratio |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    rows = [("check", size) for size in SIZES] + [("score", middle)]
    for command, size in rows:
        new, old = m[f"{command}/this/{size}"], m[f"{command}/baseline/{size}"]
        assert isinstance(new, Median) and isinstance(old, Median)
        one_by_one = per_file.wall * size
        lines.append(
            f"| {size:,} | `{command} --batch` | {new.wall:.1f} s | {new.cpu:.1f} s | "
            f"{new.cpu / CORES:.1f} s | {_ms(new.wall, size)} / {_ms(new.cpu, size)} | "
            f"{new.peak_mib:.0f} MiB | {old.wall:.1f} s / {old.cpu:.1f} s | "
            f"{old.wall / new.wall:.2f}× / {old.cpu / new.cpu:.2f}× | "
            f"{one_by_one / 3600:.1f} h | {one_by_one / new.wall:.0f}× |"
        )
    top = m[f"check/this/{largest}"]
    assert isinstance(top, Median)
    projected_cpu = top.cpu / largest * 100_000 / CORES
    projected_wall = top.wall / largest * 100_000
    verdict = "met" if projected_wall < 60 else "NOT met on this shared machine"
    lines += [
        "",
        f"Goal: check + score 100,000 dossiers with `--batch` on 2 cores under 60 s. "
        f"{'Measured' if largest == 100_000 else 'Projected from ' + f'{largest:,}'}: "
        f"{projected_wall:.0f} s wall on the shared machine ({verdict}); "
        f"{projected_cpu:.0f} s of CPU per core, the wall time on two cores it has to itself "
        f"({'met' if projected_cpu < 60 else 'NOT met'}). Wall runs at {largest:,}: "
        f"{', '.join(f'{w} s' for w in top.walls)}.",
        "",
        f"![time per dossier against the number of dossiers]({plot})",
    ]
    return "\n".join(lines)


def draw_growth(m: dict[str, object], path: Path = PLOT) -> None:
    """Time per dossier (wall and CPU ÷ cores) at each size, both trees: flat is linear."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.fonttype"] = "none"  # text stays text: a small file
    plt.rcParams["svg.hashsalt"] = "jixiao"  # stable ids: the file changes only with the data
    figure, axes = plt.subplots(figsize=(6, 3.6))
    for name, style in (("this", "-"), ("baseline", "--")):
        for measure_name, marker in (("wall", "o"), ("cpu", "s")):
            values = []
            for size in SIZES:
                result = m[f"check/{name}/{size}"]
                assert isinstance(result, Median)
                seconds = result.wall if measure_name == "wall" else result.cpu / CORES
                values.append(seconds / size * 1000)
            label = f"{'this tree' if name == 'this' else 'baseline'}, " + (
                "wall" if measure_name == "wall" else f"CPU ÷ {CORES} cores"
            )
            axes.plot(SIZES, values, style, marker=marker, label=label)
    axes.set_xscale("log")
    axes.set_ylim(bottom=0)
    axes.set_xlabel("dossiers (check --batch)")
    axes.set_ylabel("ms per dossier")
    axes.set_title("check --batch: cost per dossier stays flat (linear growth)")
    axes.legend(fontsize=7)
    axes.grid(alpha=0.3)
    figure.tight_layout()
    figure.savefig(path, format="svg", metadata={"Date": None})
    plt.close(figure)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="jixiao-batch-bench-") as temp:
        results = measure(Path(temp))
    draw_growth(results)
    text = section(results, PLOT.relative_to(ROOT).as_posix())
    write_section("batch-bench", text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
