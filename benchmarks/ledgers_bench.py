"""What reading the ledgers costs an assessment in the web: the seed with its 1,511 records.

    python -m benchmarks.ledgers_bench

Since issue 14's web wiring every page, API answer and report of a version is assessed with the
unit's ledgers (``jixiao.web.evaluations.services.assess_version``). Measured in one run, on
the seed dossier (examples/wanzai-2021) and its illustrative ledgers, medians of ``RUNS``
batches of ``CALLS`` calls:

- baseline: ``evaluate`` without ledgers (what the web did before);
- the snapshot's records validated into the core's LedgerSet (what ``snapshots.frozen`` does
  with the stored JSON: the web's extra cost besides one query);
- ``evaluate`` with the ledgers (backing, the ``ledgers.*`` checks, the aggregates the
  framework reads);
- ``compose_report`` with them (履职 sections, energy chart data, 附件4).

Prints a Markdown table for BENCHMARKS.md.
"""

from __future__ import annotations

import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from jixiao.core.compose import compose_report
from jixiao.core.ledgers.records import LedgerSet
from jixiao.frameworks import evaluate_with, load_framework
from jixiao.frameworks.ledgers import load_conversion_factors
from jixiao.importers.ledgers import load_ledgers
from jixiao.io.dossiers import load_dossier

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "examples" / "wanzai-2021"
RUNS, CALLS = 7, 20


def median_ms(call: Callable[[], object]) -> float:
    call()  # warm-up
    batches = []
    for _ in range(RUNS):
        start = time.perf_counter()
        for _ in range(CALLS):
            call()
        batches.append((time.perf_counter() - start) / CALLS * 1000)
    return statistics.median(batches)


def main() -> None:
    dossier = load_dossier(SEED / "dossier.yaml")
    framework = load_framework(None)
    ledgers = load_ledgers(SEED / "ledgers")
    factors = load_conversion_factors()
    stored = {
        kind.value: [r.model_dump(mode="json") for r in ledgers.records(kind)]
        for kind in ledgers.present()
    }
    records = sum(len(rows) for rows in stored.values())
    with_ledgers = evaluate_with(dossier, framework, ledgers=ledgers, factors=factors)
    timings = {
        "evaluate without ledgers (baseline)": median_ms(lambda: evaluate_with(dossier, framework)),
        "validate the snapshot's records": median_ms(lambda: LedgerSet.model_validate(stored)),
        "evaluate with ledgers": median_ms(
            lambda: evaluate_with(dossier, framework, ledgers=ledgers, factors=factors)
        ),
        "compose_report with ledgers": median_ms(lambda: compose_report(with_ledgers)),
    }
    base = timings["evaluate without ledgers (baseline)"]
    print(
        f"Machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}. "
        f"Seed dossier, {records} ledger records; medians of {RUNS} batches of {CALLS} calls.\n"
    )
    print("| step | ms | × baseline |")
    print("| --- | --- | --- |")
    for name, ms in timings.items():
        print(f"| {name} | {ms:.2f} | {ms / base:.1f} |")


if __name__ == "__main__":
    main()
