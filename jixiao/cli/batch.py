"""``jixiao check --batch DIR`` and ``jixiao score --batch DIR``: every dossier under a folder.

- **Once per process**: the framework is parsed (and its formulas compiled) in the main process
  before the workers are forked from it, so no worker parses it again.
- **Parallel, streamed**: ``--jobs`` worker processes (default: every core) take the file paths in
  chunks, a bounded number in flight; each result is counted (and, with ``--json``, printed) as it
  arrives and then dropped, so memory does not grow with the number of dossiers.
- **One bad file** is reported, the rest finish; a worker that dies (out of memory) costs only the
  file it was on (its chunk is tried again file by file).
- **Output**: a progress bar on stderr when it is a terminal; then a summary: counts by grade and
  by finding id, the slowest files, the failed files with their error. With ``--json``: one JSON
  object per line and per file as it finishes (completion order, not file order) with
  ``"type": "file"``, the same content as the single-file ``--json``, then one
  ``"type": "summary"`` line.
- **Exit code**: 0 when every file was read and evaluated (error-level findings are counted in the
  summary, not in the exit code), 2 when any file could not be read.
"""

from __future__ import annotations

import gc
import heapq
import json
import multiprocessing
import os
import time
from collections import Counter, deque
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from jixiao.cli.common import EXIT_OK, EXIT_UNREADABLE, console, errors, fail, json_default
from jixiao.core.errors import InputError
from jixiao.core.framework import Framework
from jixiao.core.ledgers import LedgerSet
from jixiao.core.pipeline import Result

DOSSIER_SUFFIXES = (".yaml", ".yml", ".json")
CHUNK = 8  # files a worker takes at a time: few enough to balance, many enough to amortise IPC
LARGE_CHUNK = 32  # in a large batch: a quarter less CPU on passing chunks (BENCHMARKS.md)
SLOWEST = 10
WORKER_DIED = (
    "处理该档案时工作进程意外退出（内存不足或程序库崩溃）"
    " / the worker process died on this dossier (out of memory, or a crash in a library)"
)

Payload = Callable[[Result], dict[str, Any]]
T = TypeVar("T")


@dataclass(frozen=True)
class FileOutcome:
    """What one dossier of a batch gave: small, so that it travels cheaply between processes."""

    path: str
    seconds: float
    error: str | None = None
    grade: str | None = None
    finding_ids: tuple[str, ...] = ()
    blocking: bool = False
    payload: dict[str, Any] | None = None  # the single-file --json content, when asked for


@dataclass
class Summary:
    """The batch's totals, built as outcomes arrive (never holding the dossiers)."""

    files: int = 0
    blocking: int = 0
    grades: Counter[str] = field(default_factory=Counter)
    findings: Counter[str] = field(default_factory=Counter)
    slowest: list[tuple[float, str]] = field(default_factory=list)  # a min-heap of SLOWEST
    failed: list[tuple[str, str]] = field(default_factory=list)

    def add(self, outcome: FileOutcome) -> None:
        self.files += 1
        if outcome.error is not None:
            self.failed.append((outcome.path, outcome.error))
            return
        self.blocking += outcome.blocking
        self.grades[outcome.grade or "—"] += 1
        self.findings.update(outcome.finding_ids)
        heapq.heappush(self.slowest, (outcome.seconds, outcome.path))
        if len(self.slowest) > SLOWEST:
            heapq.heappop(self.slowest)

    def as_dict(self, seconds: float, jobs: int) -> dict[str, Any]:
        return {
            "type": "summary",
            "files": self.files,
            "evaluated": self.files - len(self.failed),
            "failed": [{"file": path, "error": error} for path, error in self.failed],
            "with_error_findings": self.blocking,
            "grades": dict(sorted(self.grades.items())),
            "findings": dict(sorted(self.findings.items())),
            "slowest": [
                {"file": path, "seconds": round(seconds, 4)}
                for seconds, path in sorted(self.slowest, reverse=True)
            ],
            "seconds": round(seconds, 3),
            "jobs": jobs,
        }


# ---- in the worker ----

_framework: Framework | None = None
_payload: Payload | None = None
_ledger_folders: dict[str, Path | None] = {}  # a dossier's directory → its ledgers/ folder


def _prepare(framework: Framework | None, spec: str | None, payload: Payload | None) -> None:
    """The worker's framework: inherited when forked, else parsed once here. What the worker
    holds now (modules, the framework) lives as long as it does: ``gc.freeze`` takes it out of
    the garbage collector's passes, which otherwise walk it again and again as dossiers come
    and go (about a tenth of a worker's time)."""
    global _framework, _payload
    if framework is None:
        from jixiao.frameworks import load_framework

        framework = load_framework(spec)
    _framework, _payload = framework, payload
    _ledger_folders.clear()
    gc.freeze()


def _ledgers_beside(path: str) -> LedgerSet | None:
    """``ledgers_for(path)``, with the folder looked up once per directory of the batch (the
    files of a folder share it; a file that is a symbolic link is looked up on its own)."""
    from jixiao.importers.ledgers import ledger_folder_beside, load_ledgers

    if os.path.islink(path):
        folder = ledger_folder_beside(path)
    else:
        directory = os.path.dirname(path)
        if directory not in _ledger_folders:
            _ledger_folders[directory] = ledger_folder_beside(path)
        folder = _ledger_folders[directory]
    return load_ledgers(folder) if folder is not None else None


def evaluate_file(path: str) -> FileOutcome:
    """One dossier: read, evaluate; any failure becomes the outcome's error."""
    from jixiao.frameworks import evaluate_with
    from jixiao.io.dossiers import load_dossier

    started = time.perf_counter()
    try:
        result = evaluate_with(load_dossier(path), _framework, ledgers=_ledgers_beside(path))
    except InputError as error:
        return FileOutcome(path, time.perf_counter() - started, error=str(error))
    except Exception as error:  # a bug on one dossier must not stop the others
        message = f"内部错误 / internal error: {type(error).__name__}: {error}"
        return FileOutcome(path, time.perf_counter() - started, error=message)
    return FileOutcome(
        path,
        time.perf_counter() - started,
        grade=result.score.grade,
        finding_ids=tuple(f.id for f in result.findings if not f.waived),
        blocking=bool(result.blocking),
        payload=_payload(result) if _payload else None,
    )


def evaluate_chunk(paths: list[str]) -> list[FileOutcome]:
    return [evaluate_file(path) for path in paths]


# ---- in the main process ----


def dossier_paths(folder: Path) -> list[str]:
    """Every dossier file under *folder*, sorted (paths only: the dossiers are read later)."""
    if not folder.is_dir():
        fail(f"{folder}: 不是文件夹 / not a folder")
    paths = sorted(
        str(p) for p in folder.rglob("*") if p.suffix.lower() in DOSSIER_SUFFIXES and p.is_file()
    )
    if not paths:
        fail(f"{folder}: 没有 .yaml/.yml/.json 档案文件 / no dossier files (.yaml, .yml, .json)")
    return paths


def chunk_size(files: int, jobs: int) -> int:
    """Files per chunk: CHUNK, up to LARGE_CHUNK when every worker still gets at least 8 chunks
    (the last ones balance the load; fewer round trips cost the processes less)."""
    return max(CHUNK, min(LARGE_CHUNK, files // (8 * max(jobs, 1))))


def _pool(jobs: int, framework: Framework, spec: str | None, payload: Payload | None) -> Any:
    methods = multiprocessing.get_all_start_methods()
    context: Any
    if "fork" in methods:  # the workers inherit the parsed framework; nothing to parse again
        context = multiprocessing.get_context("fork")
        initargs: tuple[Any, ...] = (framework, spec, payload)
    else:
        context = multiprocessing.get_context()
        initargs = (None, spec, payload)
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_prepare, initargs=initargs)


def _died(path: str) -> FileOutcome:
    return FileOutcome(path, 0.0, error=WORKER_DIED)


def outcomes(
    paths: list[str],
    jobs: int,
    framework: Framework,
    spec: str | None,
    payload: Payload | None,
    chunk: int = CHUNK,
    *,
    work: Callable[[list[str]], list[T]] = evaluate_chunk,  # type: ignore[assignment]
    died: Callable[[str], T] = _died,  # type: ignore[assignment]
) -> Iterator[T]:
    """Every file's outcome as it finishes, on *jobs* processes, at most 2×jobs chunks in flight.

    *work* runs in the workers on a chunk of paths (``evaluate_chunk`` by default; ``jixiao
    analyze`` passes its own); it reads the framework the workers were prepared with.
    When a worker dies, its pool breaks: the chunks in flight are tried again one file at a
    time on a new pool, and a file that breaks that one too becomes ``died(path)``.
    """
    queue = deque(paths[i : i + chunk] for i in range(0, len(paths), chunk))
    while queue:
        suspects = yield from _until_broken(queue, jobs, framework, spec, payload, work)
        for path in suspects:
            alone = deque([[path]])
            if (yield from _until_broken(alone, 1, framework, spec, payload, work)):
                yield died(path)


def _until_broken(
    queue: deque[list[str]],
    jobs: int,
    framework: Framework,
    spec: str | None,
    payload: Payload | None,
    work: Callable[[list[str]], list[T]],
) -> Generator[T, None, list[str]]:
    """Run chunks from *queue* until it is empty (returns []) or the pool breaks (returns the
    files of the chunks that did not come back)."""
    in_flight: dict[Future[list[T]], list[str]] = {}
    with _pool(jobs, framework, spec, payload) as pool:
        while queue or in_flight:
            while queue and len(in_flight) < 2 * jobs:
                paths = queue.popleft()
                try:
                    in_flight[pool.submit(work, paths)] = paths
                except BrokenProcessPool:
                    queue.appendleft(paths)
                    return _broken(in_flight, queue)
            done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            for future in done:
                if isinstance(future.exception(), BrokenProcessPool):
                    yield from _arrived(in_flight)
                    return _broken(in_flight, queue)
                in_flight.pop(future)
                yield from future.result()
    return []


def _arrived(in_flight: dict[Future[list[T]], list[str]]) -> Iterator[T]:
    """After a worker died: the chunks that came back whole are kept (and dropped from flight)."""
    for future in [f for f in in_flight if f.done() and f.exception() is None]:
        in_flight.pop(future)
        yield from future.result()


def _broken(in_flight: dict[Future[list[T]], list[str]], queue: deque[list[str]]) -> list[str]:
    suspects = [path for paths in in_flight.values() for path in paths]
    in_flight.clear()
    return suspects  # the queue's chunks stay queued for the next pool


def run_batch(
    folder: Path,
    spec: str | None,
    jobs: int,
    *,
    as_json: bool,
    payload: Payload,
    title: str,
) -> None:
    """Evaluate every dossier under *folder*; print the summary; exit 0, or 2 if any failed."""
    from jixiao.cli.common import read_framework

    framework = read_framework(spec)  # a bad framework: one clear message before any work
    paths = dossier_paths(folder)
    jobs = jobs or os.cpu_count() or 1
    summary = Summary()
    started = time.perf_counter()
    progress = Progress(
        TextColumn(f"[bold]{title}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=errors,
        auto_refresh=False,  # no refresh thread while worker processes are forked
        disable=not errors.is_terminal,
    )
    with progress:
        task = progress.add_task(title, total=len(paths))
        last_refresh = 0.0
        for outcome in outcomes(
            paths,
            jobs,
            framework,
            spec,
            payload if as_json else None,
            chunk_size(len(paths), jobs),
            work=evaluate_chunk,
            died=_died,
        ):
            summary.add(outcome)
            if as_json:
                _print_line(_file_line(outcome))
            now = time.perf_counter()
            if now - last_refresh > 0.1 or summary.files == len(paths):
                progress.update(task, completed=summary.files)
                progress.refresh()
                last_refresh = now
    seconds = time.perf_counter() - started
    if as_json:
        _print_line(summary.as_dict(seconds, jobs))
    else:
        print_summary(summary, seconds, jobs)
    raise typer.Exit(EXIT_UNREADABLE if summary.failed else EXIT_OK)


def _file_line(outcome: FileOutcome) -> dict[str, Any]:
    line: dict[str, Any] = {"type": "file", "file": outcome.path}
    if outcome.error is not None:
        line["error"] = outcome.error
    else:
        line.update(outcome.payload or {})
    line["seconds"] = round(outcome.seconds, 4)
    return line


def _print_line(data: dict[str, Any]) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, default=json_default))


def print_summary(summary: Summary, seconds: float, jobs: int) -> None:
    evaluated = summary.files - len(summary.failed)
    console.print(
        f"完成 {evaluated}/{summary.files} 份，用时 {seconds:.1f} 秒，{jobs} 个进程；"
        f"有错误级核查结果的 {summary.blocking} 份"
        f" / {evaluated} of {summary.files} dossiers in {seconds:.1f} s on {jobs} processes;"
        f" {summary.blocking} with error-level findings"
    )
    grades = Table("等级 grade", "份数 dossiers", title="按等级 / by grade")
    for grade, count in sorted(summary.grades.items()):
        grades.add_row(grade, str(count))
    console.print(grades)
    if summary.findings:
        findings = Table("编号 finding", "次数 count", title="按核查结果编号 / by finding id")
        for finding_id, count in sorted(summary.findings.items(), key=lambda kv: (-kv[1], kv[0])):
            findings.add_row(finding_id, str(count))
        console.print(findings)
    slowest = Table("档案 dossier", "秒 seconds", title="最慢的档案 / slowest files")
    for took, path in sorted(summary.slowest, reverse=True):
        slowest.add_row(path, f"{took:.3f}")
    console.print(slowest)
    if summary.failed:
        failed = Table(
            "档案 dossier",
            "原因 reason",
            title="未能读取的档案 / files that failed",
            show_lines=True,
        )
        for path, error in summary.failed:
            failed.add_row(path, error)
        errors.print(failed)
