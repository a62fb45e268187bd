"""`jixiao ledgers summary DIR --year Y`: every ledger aggregate of a year, with its records.

    jixiao ledgers summary examples/wanzai-2021/ledgers --year 2021
    jixiao ledgers summary examples/wanzai-2021/ledgers --year 2021 --json

Each aggregate is printed with its value, unit, the number of records behind it and their ids
(``--json``: every aggregate, also those without records, with its description). A bad ledger
file prints the problems (file, row, column, what was expected) and exits 2.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from jixiao.cli.common import JsonOption, console, emit_json, fail, text
from jixiao.core.errors import InputError
from jixiao.core.ledgers import Aggregate, AggregateBook
from jixiao.core.ledgers.records import LEDGERS
from jixiao.frameworks.ledgers import load_conversion_factors
from jixiao.importers.ledgers import load_ledgers

ledgers_app = typer.Typer(
    help="台账：按年度汇总 / evidence ledgers: the aggregates of a year", no_args_is_help=True
)

DIR_ARGUMENT = typer.Argument(..., help="台账文件夹 / ledger folder", show_default=False)
YEAR_OPTION = typer.Option(..., "--year", "-y", help="年度 / year", show_default=False)
FACTORS_OPTION = typer.Option(
    None,
    "--factors",
    help="能源折标系数 YAML；默认 GB/T 2589-2020 / energy conversion factors (YAML)",
    show_default=False,
)
SHOWN_IDS = 3  # ids printed per aggregate in the table; --json lists them all


def aggregate_json(aggregate: Aggregate) -> dict[str, Any]:
    return {
        "key": aggregate.key,
        "label": aggregate.label,
        "label_en": aggregate.label_en,
        "value": text(aggregate.value),
        "text": aggregate.text,
        "unit": aggregate.unit,
        "count": aggregate.count,
        "record_ids": list(aggregate.record_ids),
        "detail": aggregate.detail,
        "start": aggregate.start.isoformat() if aggregate.start else None,
        "end": aggregate.end.isoformat() if aggregate.end else None,
        "ledgers": [kind.value for kind in aggregate.ledgers],
        "description": aggregate.description,
        "description_en": aggregate.description_en,
    }


def _ids(aggregate: Aggregate) -> str:
    ids = aggregate.record_ids
    shown = "、".join(ids[:SHOWN_IDS])
    return f"{shown} 等{len(ids)}条" if len(ids) > SHOWN_IDS else shown


def summary(
    folder: Path = DIR_ARGUMENT,
    year: int = YEAR_OPTION,
    as_json: bool = JsonOption,
    factors: Path | None = FACTORS_OPTION,
) -> None:
    """每个台账汇总项的数值、单位、记录数和记录编号 / every aggregate: value, unit, records."""
    try:
        ledger_set = load_ledgers(folder)
        book = AggregateBook(ledger_set, year, load_conversion_factors(factors))
    except InputError as error:
        fail(error)
    aggregates = book.all()
    if as_json:
        emit_json(
            {
                "year": year,
                "ledgers": {kind.value: len(ledger_set.in_year(kind, year)) for kind in LEDGERS},
                "aggregates": [aggregate_json(a) for a in aggregates],
            }
        )
        return
    counts = [f"{LEDGERS[k].name}{len(ledger_set.records(k))}条" for k in ledger_set.present()]
    console.print(f"台账 ledgers（全部年度）: {'，'.join(counts) or '无记录'}", markup=False)
    table = Table(title=f"{year}年度台账汇总 / ledger aggregates")
    table.add_column("键 key", no_wrap=True, min_width=max(len(a.key) for a in aggregates))
    for header in ("名称", "数值", "单位", "记录数", "记录编号 record ids"):
        table.add_column(header)
    for aggregate in aggregates:
        if not aggregate.has_records:
            continue
        value = aggregate.text if aggregate.start else aggregate.number_text
        table.add_row(
            aggregate.key,
            aggregate.label,
            value or "",
            "" if aggregate.start else aggregate.unit,
            str(aggregate.count),
            _ids(aggregate),
        )
    console.print(table)
    missing = [a.key for a in aggregates if not a.has_records]
    if missing:
        console.print(f"无记录 no records: {', '.join(missing)}", markup=False)


ledgers_app.command("summary")(summary)


def register(app: typer.Typer) -> None:
    app.add_typer(ledgers_app, name="ledgers")
