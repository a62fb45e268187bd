"""`make bench`: every benchmark in turn; each rewrites its own section of BENCHMARKS.md."""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = (
    "benchmarks.core_bench",
    "benchmarks.batch_bench",
    "benchmarks.eval_import",
    "benchmarks.form_combinations",
    "benchmarks.import_bench",
    "benchmarks.docs_bench",
    "benchmarks.analyze_bench",
    "benchmarks.cli_bench",
    "benchmarks.web_bench",
    "benchmarks.web_growth",  # only with WEB_GROWTH_DATABASES (loaded beforehand)
)


def main() -> int:
    failures = 0
    for name in BENCHMARKS:
        print(f"== {name}", flush=True)
        module = importlib.import_module(name)
        failures += 1 if module.main() else 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
