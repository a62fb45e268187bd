"""BENCHMARKS.md is assembled from sections, one per benchmark, each between its own markers.

A benchmark rewrites only its own section, so running one does not erase the others' results.
"""

from __future__ import annotations

import ast
import os
import platform
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = ROOT / "BENCHMARKS.md"
HEADER = (
    "# Benchmarks\n\n"
    "Measured with `make bench` (or each `python -m benchmarks.NAME`) on the project's own machine "
    "kind: 2 cores, noisy. Figures are medians of several runs, with ratios against a baseline "
    "measured in the same run; single times are not comparable across machines.\n"
)


def machine() -> str:
    """One line describing the machine: CPU model, cores, Python."""
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}"


def write_section(name: str, section: str, path: Path = BENCHMARKS) -> None:
    """Replace the section between ``<!-- NAME:start -->`` and ``<!-- NAME:end -->``."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{section.strip()}\n{end}"
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    if start in text and end in text:
        head, rest = text.split(start, 1)
        text = head + block + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


def rows_per_size(module: str, sizes: Iterable[int]) -> list[dict[str, Any]]:
    """Run ``python -m MODULE --one N`` for each size, a fresh process each (Django is set up
    once per process), and collect the row each prints last (a dict's repr)."""
    rows = []
    for units in sizes:
        out = subprocess.run(
            [sys.executable, "-m", module, "--one", str(units)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        rows.append(ast.literal_eval(out.strip().splitlines()[-1]))
        print(rows[-1])
    return rows
