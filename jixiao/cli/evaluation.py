"""`jixiao check`, `jixiao score`, `jixiao figures`: the pipeline on one dossier file, and
`check --batch DIR` / `score --batch DIR` on every dossier under a folder (jixiao.cli.batch)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.markup import escape
from rich.table import Table

from jixiao.cli.batch import run_batch
from jixiao.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    FrameworkOption,
    JsonOption,
    LedgersOption,
    console,
    emit_json,
    fail,
    read_dossier,
    read_ledgers,
    run,
    text,
)
from jixiao.core.figures import FigureBook
from jixiao.core.findings import Finding, Level
from jixiao.core.ledgers import AggregateBook
from jixiao.core.pipeline import Result
from jixiao.core.scoring import ScoreCard
from jixiao.frameworks.ledgers import load_conversion_factors

LEVEL_STYLE = {Level.ERROR: "bold red", Level.WARNING: "yellow", Level.INFO: "cyan"}


def score_json(card: ScoreCard) -> dict[str, Any]:
    return {
        "framework": card.framework_id,
        "framework_name": card.framework_name,
        "status": card.status.value,
        "total": text(card.total),
        "grade": card.grade,
        "max_possible": text(card.max_possible),
        "insufficient_weight": text(card.insufficient_weight),
        "self_total": text(card.self_total),
        "self_grade": card.self_grade,
        "rescore_total": text(card.rescore_total),
        "notes": list(card.notes),
    }


def items_json(card: ScoreCard) -> list[dict[str, Any]]:
    return [
        {
            "id": item.id,
            "path": [p for p in item.path if p],
            "name": item.name,
            "weight": text(item.weight),
            "status": item.status.value,
            "points": text(item.points),
            "target": item.target,
            "actual": item.actual,
            "self_score": text(item.self_score),
            "explanation": item.explanation,
        }
        for item in card.items
    ]


def print_header(result: Result) -> None:
    dossier, card = result.dossier, result.score
    console.print(
        f"[bold]{escape(dossier.profile.name)}[/] · {dossier.year}年度 · "
        f"框架 {card.framework_id}（{escape(card.framework_name)}）"
    )
    self_text = (
        f"{text(card.self_total)}分（{card.self_grade}）"
        if card.self_total is not None
        else "未填报"
    )
    console.print(f"自评得分 self-score: {self_text}", markup=False)
    console.print(f"计算得分 computed:   {card.summary()}", markup=False)


def print_ledger_line(result: Result) -> None:
    """One line on the ledgers used: how many records, how many indicators computed from them."""
    report = result.ledgers
    if report is None:
        return
    ledger_set = report.book.ledgers
    records = sum(len(ledger_set.records(kind)) for kind in ledger_set.present())
    backed = sum(1 for b in report.backings if b.status.uses_ledger)
    console.print(
        f"台账 ledgers: {len(ledger_set.present())}本 {records}条记录；"
        f"{backed}/{len(report.backings)}项指标完成值由台账计算",
        markup=False,
    )


def print_finding(finding: Finding) -> None:
    style = LEVEL_STYLE[finding.level]
    waived = f" [dim](已豁免: {escape(finding.waived)})[/]" if finding.waived else ""
    place = escape(finding.where.describe())
    console.print(f"[{style}]{finding.level.label}[/] [bold]{finding.id}[/] {place}{waived}")
    console.print(f"    {finding.message}", markup=False)
    if finding.hint:
        console.print(f"    → {finding.hint}", markup=False)


def check_payload(result: Result) -> dict[str, Any]:
    """What `check --json` prints for a dossier (one line per file with --batch)."""
    return {"findings": [f.as_dict() for f in result.findings], "score": score_json(result.score)}


def score_payload(result: Result) -> dict[str, Any]:
    """What `score --json` prints for a dossier (one line per file with --batch)."""
    return {"score": score_json(result.score), "items": items_json(result.score)}


PATH_ARGUMENT = typer.Argument(None, help="档案文件 / dossier file", show_default=False)
BATCH_OPTION = typer.Option(
    None,
    "--batch",
    help="档案文件夹（含子文件夹）：并行逐一处理，最后输出汇总；--json 时每份一行 JSON，末行为汇总。"
    "退出码：全部读取为 0，有文件无法读取为 2"
    " / a folder of dossiers (recursively), in parallel, then a summary; with --json one JSON"
    " line per file (completion order) and a final summary line. Exit 0 if every file was read,"
    " 2 if any was not",
    show_default=False,
)
JOBS_OPTION = typer.Option(
    0,
    "--jobs",
    "-j",
    min=0,
    help="--batch 的并行进程数，0 为全部 CPU 核 / processes (0: all cores)",
)


def _one_of(path: Path | None, batch: Path | None) -> Path | None:
    if (path is None) == (batch is None):
        fail("请给出一个档案文件，或用 --batch 给出档案文件夹 / give a dossier file or --batch DIR")
    return path


def check(
    path: Path | None = PATH_ARGUMENT,
    framework: str | None = FrameworkOption,
    as_json: bool = JsonOption,
    batch: Path | None = BATCH_OPTION,
    jobs: int = JOBS_OPTION,
    ledgers: Path | None = LedgersOption,
) -> None:
    """核查档案并评分 / check a dossier: findings and score. Exit 1 on error-level findings.

    --batch 目录：目录下全部档案，汇总输出；退出码 0，有文件无法读取时 2 / --batch DIR: every
    dossier under DIR, then a summary; exit 0, or 2 when a file could not be read.
    """
    if _one_of(path, batch) is None:
        assert batch is not None
        run_batch(
            batch, framework, jobs, as_json=as_json, payload=check_payload, title="核查 check"
        )
    assert path is not None
    result = run(path, framework, ledgers)
    if as_json:
        emit_json(check_payload(result))
    else:
        print_header(result)
        counts = " · ".join(f"{level.label} {result.count(level)}" for level in Level)
        print_ledger_line(result)
        console.print(f"核查结果 findings: {counts}\n")
        for finding in result.findings:
            print_finding(finding)
    raise typer.Exit(EXIT_FINDINGS if result.blocking else EXIT_OK)


def score(
    path: Path | None = PATH_ARGUMENT,
    framework: str | None = FrameworkOption,
    as_json: bool = JsonOption,
    batch: Path | None = BATCH_OPTION,
    jobs: int = JOBS_OPTION,
    ledgers: Path | None = LedgersOption,
) -> None:
    """评分表 / the score table, indicator by indicator (--batch DIR: every dossier under DIR)."""
    if _one_of(path, batch) is None:
        assert batch is not None
        run_batch(
            batch, framework, jobs, as_json=as_json, payload=score_payload, title="评分 score"
        )
    assert path is not None
    result = run(path, framework, ledgers)
    card = result.score
    if as_json:
        emit_json(score_payload(result))
        return
    print_header(result)
    table = Table("指标", "分值", "目标", "实际", "自评", "计算得分", "说明", show_lines=False)
    for item in card.items:
        points = text(item.points) if item.points is not None else item.status.label
        name = "/".join([*(p for p in item.path if p), item.name])
        table.add_row(
            name,
            text(item.weight),
            item.target,
            item.actual,
            text(item.self_score) or "",
            points,
            item.explanation,
        )
    console.print(table)
    for note in card.notes:
        console.print(f"注：{note}")


def figures(path: Path, as_json: bool = JsonOption, ledgers: Path | None = LedgersOption) -> None:
    """标准数字（万元、%、人），有台账时另列台账汇总项 / the standard figures computed from the
    dossier, and the ledger aggregates when it has ledgers."""
    dossier = read_dossier(path)
    ledger_set = read_ledgers(path, ledgers)
    book = FigureBook(dossier)
    aggregates = (
        AggregateBook(ledger_set, dossier.year, load_conversion_factors())
        if ledger_set is not None
        else None
    )
    if as_json:
        flat: dict[str, str | None] = {f.key: f.text() for f in book.all()}
        flat["grade.self"] = book.self_grade()
        if aggregates is not None:
            flat.update({a.key: text(a.value) for a in aggregates.all()})
        emit_json(flat)
        return
    table = Table()
    table.add_column("键 key", no_wrap=True, min_width=max(len(f.key) for f in book.all()))
    for header in ("名称", "数值", "单位", "来源 origin"):
        table.add_column(header)
    for figure in book.all():
        if figure.value is not None:
            origin = (
                {"computed": "计算", "stated": "报告所写", "derived": "推算"}[figure.origin.value]
                if figure.origin
                else ""
            )
            table.add_row(figure.key, figure.label, figure.text(), figure.unit, origin)
    if aggregates is not None:
        for aggregate in aggregates.all():
            if aggregate.has_records and aggregate.value is not None:
                origin = f"台账 {aggregate.count}条记录"
                table.add_row(
                    aggregate.key, aggregate.label, text(aggregate.value), aggregate.unit, origin
                )
    console.print(table)


def register(app: typer.Typer) -> None:
    app.command("check")(check)
    app.command("score")(score)
    app.command("figures")(figures)
