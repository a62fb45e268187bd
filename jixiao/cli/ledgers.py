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
from jixiao.core.ledgers import Aggregate, AggregateBook, LedgerSet
from jixiao.core.ledgers.energy import energy_year
from jixiao.core.ledgers.records import LEDGERS
from jixiao.frameworks.ledgers import load_conversion_factors
from jixiao.importers.ledgers import load_ledgers
from jixiao.io.files import write_failure
from jixiao.io.ledgers import write_ledger_dir

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


def energy_json(book: AggregateBook) -> list[dict[str, Any]]:
    """Energy by type for the year and the year before: quantity in its unit and tce."""
    rows = []
    for year in (book.year - 1, book.year):
        stats = energy_year(book.ledgers, year, book.inputs.factors)
        for line in stats.lines:
            rows.append(
                {
                    "year": year,
                    "energy_type": line.energy_type.value,
                    "unit": line.unit,
                    "quantity": text(line.quantity),
                    "tce": text(line.tce),
                    "records": len(line.record_ids),
                }
            )
    return rows


def print_energy(book: AggregateBook) -> None:
    rows = energy_json(book)
    if not rows:
        return
    years = (book.year - 1, book.year)
    table = Table(title="能源资源消费（按能源类型）/ energy by type")
    for header in (
        "能源类型",
        "单位",
        *(f"{y}年用量" for y in years),
        *(f"{y}年吨标准煤" for y in years),
    ):
        table.add_column(header)
    for energy_type in dict.fromkeys(r["energy_type"] for r in rows):
        mine = {r["year"]: r for r in rows if r["energy_type"] == energy_type}
        unit = next(iter(mine.values()))["unit"]
        quantities = [mine[y]["quantity"] if y in mine else "—" for y in years]
        tces = [(mine[y]["tce"] or "—") if y in mine else "—" for y in years]
        table.add_row(energy_type, unit, *quantities, *tces)
    console.print(table)


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
                "energy": energy_json(book),
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
    print_energy(book)
    missing = [a.key for a in aggregates if not a.has_records]
    if missing:
        console.print(f"无记录 no records: {', '.join(missing)}", markup=False)


TEMPLATE_ARGUMENT = typer.Argument(
    ..., help="写入空白台账的文件夹 / folder for the empty ledgers", show_default=False
)


def template(folder: Path = TEMPLATE_ARGUMENT) -> None:
    """写出每本台账的空白 CSV（中文表头）/ write an empty CSV with Chinese headers per ledger."""
    existing = [k.value for k in LEDGERS if (folder / f"{k.value}.csv").exists()]
    if existing:
        fail(
            f"{folder}: 已有台账文件，不覆盖 / ledger files exist, not overwritten: {', '.join(existing)}"
        )
    try:
        written = write_ledger_dir(LedgerSet(), folder, empty=True)
    except OSError as error:
        fail(write_failure(error))
    console.print(f"已生成 written: {len(written)} files in {folder}", markup=False)


ledgers_app.command("summary")(summary)
ledgers_app.command("template")(template)


def register(app: typer.Typer) -> None:
    app.add_typer(ledgers_app, name="ledgers")
