"""CLI start-up: what ``jixiao --help`` and ``jixiao check FILE`` import and how long they take.

    python -m benchmarks.cli_bench
    CLI_BENCH_BASELINE_TREE=/path/to/main-tree python -m benchmarks.cli_bench   # beside a baseline

Per command, the median of RUNS whole-process wall times (after a warm-up) and, from
``python -X importtime``, the time spent importing (the sum of the top-level cumulative times)
and how many ``jixiao`` modules were imported. With ``CLI_BENCH_BASELINE_TREE`` (e.g. a
``git archive main`` of the tree before lazy loading) the same is measured for that tree in
the same run and each figure is shown beside it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.sections import ROOT, machine, write_section

RUNS = int(os.environ.get("CLI_BENCH_RUNS", "9"))
BASELINE_TREE = os.environ.get("CLI_BENCH_BASELINE_TREE", "")
SEED = ROOT / "examples" / "wanzai-2021" / "dossier.yaml"
COMMANDS = {"jixiao --help": ["--help"], "jixiao check SEED": ["check", str(SEED)]}


def _env(tree: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(tree)}


def _wall(tree: Path, args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "jixiao.cli.main", *args],
        env=_env(tree),
        cwd=tree,  # `-m` puts the working folder first on the path
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    return time.perf_counter() - started


def _imports(tree: Path, args: list[str]) -> tuple[float, int]:
    """(seconds importing, jixiao modules imported) from one ``-X importtime`` run."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "jixiao.cli.main", *args],
        env=_env(tree),
        cwd=tree,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    total, modules = 0, 0
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        _, cumulative, name = line[len("import time:") :].split("|")
        if not name.startswith("  "):  # top level: its cumulative time includes its imports
            total += int(cumulative)
        modules += name.strip().startswith("jixiao")
    return total / 1e6, modules


def measure(tree: Path) -> dict[str, dict[str, float]]:
    results = {}
    for name, args in COMMANDS.items():
        _wall(tree, args)  # warm: .pyc files, the page cache
        walls = [_wall(tree, args) for _ in range(RUNS)]
        imports = [_imports(tree, args) for _ in range(3)]
        results[name] = {
            "wall": statistics.median(walls),
            "imports": statistics.median(i[0] for i in imports),
            "modules": imports[0][1],
        }
    return results


def section(after: dict, before: dict) -> str:
    lines = [
        "## CLI start-up: commands load only their own modules",
        "",
        f"Machine: {machine()}. Command: `python -m benchmarks.cli_bench` with "
        "`CLI_BENCH_BASELINE_TREE` = the `main` branch before lazy loading (`git archive`), "
        f"measured in the same run. Whole-process wall time, median of {RUNS} runs; import time "
        "from `python -X importtime` (top-level cumulative, median of 3); `jixiao` modules "
        "imported.",
        "",
        "| command | wall | baseline wall | import time | baseline import time "
        "| jixiao modules | baseline modules |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, row in after.items():
        base = before.get(name, {})

        def ms(value: float | None) -> str:
            return f"{value * 1000:.0f} ms" if value is not None else "—"

        lines.append(
            f"| `{name}` | {ms(row['wall'])} | {ms(base.get('wall'))} | {ms(row['imports'])} "
            f"| {ms(base.get('imports'))} | {row['modules']:.0f} | "
            f"{base.get('modules', float('nan')):.0f} |"
        )
    return "\n".join(lines)


def main() -> int:
    after = measure(ROOT)
    before = measure(Path(BASELINE_TREE)) if BASELINE_TREE else {}
    text = section(after, before)
    write_section("cli-bench", text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
