"""``jixiao report``: the official report of one dossier, or of a folder of dossiers in parallel.

    jixiao report examples/wanzai-2021/dossier.yaml -f all -o out/
    jixiao report --batch dossiers/ -o out/            # DOCX + PDF of each, on every CPU core

A bad dossier in a batch does not stop the others: the batch ends with a table of the files that
failed and why, and exits 1. A bad single dossier prints the problems (field, line, what was
expected) and exits 2, as the other commands do.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from jixiao.cli.common import EXIT_UNREADABLE, FrameworkOption, console, errors, fail
from jixiao.cli.workers import batch_allocator, worker_pool
from jixiao.core.errors import InputError
from jixiao.io.files import write_bytes_atomically, write_failure
from jixiao.renderers import EXTENSIONS, FORMATS, RenderOptions, render

EXIT_BATCH_FAILED = 1
DOSSIER_SUFFIXES = (".yaml", ".yml", ".json")
GENERIC_STEMS = {"dossier", "data", "input", "档案"}
BATCH_DEFAULT_FORMATS = ("docx", "pdf")


def parse_formats(value: str | None, *, batch: bool) -> tuple[str, ...]:
    """ "all", one format, or a comma list ("docx,pdf") → formats in a stable order."""
    if value is None:
        return BATCH_DEFAULT_FORMATS if batch else FORMATS
    names = [part.strip().lower() for part in value.split(",") if part.strip()]
    if "all" in names:
        return FORMATS
    unknown = [name for name in names if name not in FORMATS]
    if unknown or not names:
        fail(
            f"不支持的格式 {', '.join(unknown) or '(空)'}；可用：{'、'.join(FORMATS)}、all"
            f" / unknown format; expected {', '.join(FORMATS)} or all"
        )
    return tuple(name for name in FORMATS if name in names)


def output_stem(path: Path) -> str:
    """File name for a dossier's reports: its own name, or its folder's for dossier.yaml."""
    stem = path.stem
    if stem.lower() in GENERIC_STEMS and path.resolve().parent.name:
        return path.resolve().parent.name
    return stem


@dataclass(frozen=True)
class Outcome:
    """What happened to one dossier of a batch."""

    path: Path
    written: tuple[Path, ...] = ()
    error: str | None = None
    seconds: float = 0.0


def report_files(
    path: Path,
    out_dir: Path,
    formats: tuple[str, ...],
    framework: str | None,
    options: RenderOptions,
) -> tuple[Path, ...]:
    """Evaluate one dossier, compose its report and write it in each format; InputError on bad
    input (dossier, framework or wording)."""
    from jixiao.core.compose import compose_report
    from jixiao.frameworks import evaluate_with
    from jixiao.importers.ledgers import ledgers_for
    from jixiao.io.dossiers import load_dossier

    dossier = load_dossier(path)
    document = compose_report(evaluate_with(dossier, framework, ledgers=ledgers_for(path)))
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = output_stem(path)
    written = []
    for fmt in formats:
        target = out_dir / f"{stem}{EXTENSIONS[fmt]}"
        write_bytes_atomically(target, render(document, fmt, options))
        written.append(target)
    return tuple(written)


def _batch_one(
    path: Path,
    out_dir: Path,
    formats: tuple[str, ...],
    framework: str | None,
    options: RenderOptions,
) -> Outcome:
    """One dossier of a batch; every failure becomes a message, never a crash of the batch."""
    started = time.perf_counter()
    try:
        written = report_files(path, out_dir, formats, framework, options)
    except InputError as error:
        return Outcome(path, error=str(error), seconds=time.perf_counter() - started)
    except OSError as error:  # a full disk: this report is not written, no half file is left
        return Outcome(path, error=write_failure(error), seconds=time.perf_counter() - started)
    except Exception as error:  # a renderer bug on one dossier must not stop the other 999
        message = f"内部错误 / internal error: {type(error).__name__}: {error}"
        return Outcome(path, error=message, seconds=time.perf_counter() - started)
    return Outcome(path, written, seconds=time.perf_counter() - started)


def dossier_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        fail(f"{folder}: 不是文件夹 / not a folder")
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in DOSSIER_SUFFIXES)
    if not files:
        fail(f"{folder}: 没有 .yaml/.yml/.json 档案文件 / no dossier files (.yaml, .yml, .json)")
    return files


RenderOne = Callable[[Path, Path, tuple[str, ...], str | None, RenderOptions], Outcome]
WORKER_DIED = (
    "处理该档案时工作进程意外退出（内存不足或程序库崩溃）"
    " / the worker process died on this dossier (out of memory, or a crash in a library)"
)


def run_batch(
    files: list[Path],
    out_dir: Path,
    formats: tuple[str, ...],
    framework: str | None,
    options: RenderOptions,
    jobs: int,
    *,
    show_progress: bool = True,
    render_one: RenderOne = _batch_one,
) -> list[Outcome]:
    """Render every file on *jobs* processes; outcomes in the order of *files*.

    A worker process that dies (killed for lack of memory, or a crash inside a native library)
    breaks its pool. The dossiers in hand at that moment are then tried again one at a time,
    each in a pool of its own, so that only the dossier that kills a worker fails; the batch
    goes on with a new pool.
    """
    try:
        batch_allocator()
    except ValueError as error:  # a bad JIXIAO_BATCH_ALLOCATOR
        fail(str(error))
    outcomes: dict[Path, Outcome] = {}
    progress = Progress(
        TextColumn("[bold]生成报告 reports"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[failed]}"),
        console=console,
        disable=not show_progress,
    )
    with progress:
        task = progress.add_task("reports", total=len(files), failed="")
        failures: list[Path] = []

        def record(outcome: Outcome) -> None:
            outcomes[outcome.path] = outcome
            if outcome.error:
                failures.append(outcome.path)
            failed = f"[red]失败 failed {len(failures)}" if failures else ""
            progress.update(task, completed=len(outcomes), failed=failed)

        arguments = (out_dir, formats, framework, options)
        queue = deque(files)
        while queue:
            for suspect in _render_until_a_worker_dies(queue, jobs, render_one, arguments, record):
                alone = deque([suspect])
                if _render_until_a_worker_dies(alone, 1, render_one, arguments, record):
                    record(Outcome(suspect, error=WORKER_DIED))
    return [outcomes[path] for path in files]


def _render_until_a_worker_dies(
    queue: deque[Path],
    jobs: int,
    render_one: RenderOne,
    arguments: tuple[Path, tuple[str, ...], str | None, RenderOptions],
    record: Callable[[Outcome], None],
) -> list[Path]:
    """Render from *queue* on a new pool, a few dossiers in hand per worker, until the queue is
    empty (returns []) or a worker dies (returns the dossiers in hand, to try again alone)."""
    in_flight: dict[Future[Outcome], Path] = {}
    with worker_pool(jobs) as pool:
        while queue or in_flight:
            while queue and len(in_flight) < 2 * jobs:
                path = queue.popleft()
                try:
                    in_flight[pool.submit(render_one, path, *arguments)] = path
                except BrokenProcessPool:
                    return [path, *_settle(in_flight, record)]
            done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            for future in done:
                if isinstance(future.exception(), BrokenProcessPool):
                    return _settle(in_flight, record)
                path = in_flight.pop(future)
                try:
                    record(future.result())
                except Exception as error:  # the worker could not send its outcome back
                    record(Outcome(path, error=f"进程失败 / worker failed: {error}"))
    return []


def _settle(
    in_flight: dict[Future[Outcome], Path], record: Callable[[Outcome], None]
) -> list[Path]:
    """After a worker died: keep the outcomes that arrived, return the dossiers that did not."""
    suspects = []
    for future, path in in_flight.items():
        if future.done() and future.exception() is None:
            record(future.result())
        else:
            suspects.append(path)
    return suspects


def _failure_table(failures: list[Outcome]) -> Table:
    table = Table(title="未能生成的报告 / reports that failed", show_lines=True)
    table.add_column("档案 dossier", style="bold", no_wrap=True)
    table.add_column("原因 reason")
    for outcome in failures:
        table.add_row(outcome.path.name, outcome.error or "")
    return table


PATH_ARGUMENT = typer.Argument(
    None, help="档案文件 (.yaml/.json) / dossier file", show_default=False
)
FORMAT_OPTION = typer.Option(
    None,
    "--format",
    "-f",
    help="docx|pdf|html|md|all，可逗号分隔；默认 all（批量为 docx,pdf）/ format(s)",
)
OUT_OPTION = typer.Option(Path("out"), "--output", "-o", help="输出文件夹 / output folder")
BATCH_OPTION = typer.Option(
    None, "--batch", help="档案文件夹：逐一生成 / a folder of dossiers", show_default=False
)
TEMPLATE_OPTION = typer.Option(
    None, "--template", help="财政局的 Word 样式模板 (.docx) / bureau style template"
)
WORDING_OPTION = typer.Option(None, "--wording", help="章节措辞 YAML / section-wording file")
PDF_A_OPTION = typer.Option(False, "--pdf-a", help="PDF/A-2b 归档格式 / archival PDF/A-2b")
JOBS_OPTION = typer.Option(
    0, "--jobs", "-j", help="并行进程数，0 为全部 CPU 核 / processes (0: all cores)"
)


def report(
    path: Path | None = PATH_ARGUMENT,
    fmt: str | None = FORMAT_OPTION,
    out: Path = OUT_OPTION,
    framework: str | None = FrameworkOption,
    batch: Path | None = BATCH_OPTION,
    template: Path | None = TEMPLATE_OPTION,
    wording: Path | None = WORDING_OPTION,
    pdf_a: bool = PDF_A_OPTION,
    jobs: int = JOBS_OPTION,
) -> None:
    """生成正式报告 (Word/PDF/HTML/Markdown) / write the official report."""
    if (path is None) == (batch is None):
        fail("请给出一个档案文件，或用 --batch 给出档案文件夹 / give a dossier file or --batch DIR")
    for given, suffix in ((template, ".docx"), (wording, None)):
        if given is not None and (not given.is_file() or (suffix and given.suffix != suffix)):
            fail(f"{given}: 文件不存在或类型不对 / missing or not a {suffix or 'YAML'} file")
    options = RenderOptions(template=template, wording=wording, pdf_a=pdf_a)
    formats = parse_formats(fmt, batch=batch is not None)
    if set(formats) - {"md"}:
        _check_fonts()  # before any work: one clear message, not one per dossier
    if batch is None:
        assert path is not None
        _single(path, out, formats, framework, options)
    else:
        _batch(batch, out, formats, framework, options, jobs or os.cpu_count() or 1)


def _check_fonts() -> None:
    from jixiao.renderers.fonts import FontMissingError, require_fonts

    try:
        require_fonts()
    except FontMissingError as error:
        fail(str(error))


def _single(
    path: Path, out: Path, formats: tuple[str, ...], framework: str | None, options: RenderOptions
) -> None:
    from jixiao.renderers.fonts import FontMissingError

    try:
        written = report_files(path, out, formats, framework, options)
    except InputError as error:
        fail(error)
    except FontMissingError as error:
        fail(str(error))
    except OSError as error:
        fail(write_failure(error))
    for target in written:
        console.print(f"已生成 written: {target}")


def _batch(
    folder: Path,
    out: Path,
    formats: tuple[str, ...],
    framework: str | None,
    options: RenderOptions,
    jobs: int,
) -> None:
    files = dossier_files(folder)
    if options.template and "docx" in formats:
        _check_template(options.template)  # once, not as a thousand identical failures
    started = time.perf_counter()
    outcomes = run_batch(files, out, formats, framework, options, jobs)
    seconds = time.perf_counter() - started
    failures = [o for o in outcomes if o.error]
    done = len(outcomes) - len(failures)
    console.print(
        f"完成 {done}/{len(outcomes)} 份，用时 {seconds:.1f} 秒，{jobs} 个进程；输出：{out}"
        f" / {done} of {len(outcomes)} reports in {seconds:.1f} s on {jobs} processes"
    )
    if failures:
        errors.print(_failure_table(failures))
        raise typer.Exit(EXIT_BATCH_FAILED)


def _check_template(template: Path) -> None:
    from jixiao.renderers.docx import prepared_package

    try:
        prepared_package(template)
    except InputError as error:
        fail(str(error))


def register(app: typer.Typer) -> None:
    app.command("report")(report)


__all__ = ["EXIT_BATCH_FAILED", "EXIT_UNREADABLE", "register", "report", "run_batch"]
