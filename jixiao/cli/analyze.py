"""``jixiao analyze PATH...``: screen a folder of dossiers and published reports before review.

Files: dossiers (.yaml/.yml/.json) and reports (.txt/.docx/.pdf, imported on the fly); folders
are walked. In worker processes (the pattern and pool of :mod:`jixiao.cli.batch`), each file is
read, evaluated (figures, score, findings), its targets and self-score reviewed
(:mod:`jixiao.core.analytics.targets`, :mod:`~jixiao.core.analytics.inflation`) and its
paragraphs signed for reuse detection (:mod:`~jixiao.core.analytics.similarity`). The main
process then matches paragraphs across all files and compares targets with the same
department's previous year and with the peers.

Output: a summary per file (figures read, self-score and computed score, findings by level,
reuse score) and the flags across files: whole reports and paragraphs reused from another file
(both sources and the text), pressure-free targets, self-scores above the evidence. ``--json``:
``{"files": [...], "flags": [...]}``, each flag with its ``kind``, ``files`` and ``evidence``.
An unreadable file is reported and the others finished (exit 2 then, else 0).
"""

from __future__ import annotations

import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import typer
from rich.markup import escape
from rich.table import Table

from jixiao.cli import batch
from jixiao.cli.common import (
    EXIT_OK,
    EXIT_UNREADABLE,
    FrameworkOption,
    JsonOption,
    console,
    emit_json,
    errors,
    fail,
    read_framework,
    text,
)
from jixiao.core.analytics.inflation import InflationFlag, inflation_flags
from jixiao.core.analytics.similarity import (
    DocumentReuse,
    PreparedDocument,
    ReuseOptions,
    ReusePair,
    dossier_paragraphs,
    match_prepared,
    prepare_document,
)
from jixiao.core.analytics.targets import PeerTargets, TargetFlag, review_indicators
from jixiao.core.dossier import Dossier, Indicator
from jixiao.core.errors import InputError
from jixiao.core.findings import Level

REPORT_SUFFIXES = (".txt", ".docx", ".pdf")
SUFFIXES = batch.DOSSIER_SUFFIXES + REPORT_SUFFIXES
WHOLE_REPORT_SHARE = 0.5  # a file with this share of its narrative from ONE other file
PRESSURE_KINDS = ("below_previous", "below_peers", "overshoot")
CROSS_FILE_KINDS = ("below_previous", "below_peers")
INFLATION_KINDS = (
    "self_score_above_computed",
    "grade_above_computed",
    "full_marks_without_actual",
    "full_marks_without_evidence",
    "item_above_computed",
)
TARGET_KIND_LABEL = {
    "vague": "表述模糊",
    "missing_unit": "缺少单位",
    "missing_comparator": "缺少比较符",
    "missing_target": "缺少指标值",
    "category": "指标归类错误",
    "dummy_weighted": "不涉及却有分值",
    "weights": "分值合计不符",
    "below_previous": "低于上年实际",
    "below_peers": "远低于同类中位数",
    "overshoot": "完成值远超目标",
}


@dataclass
class FileAnalysis:
    """What a worker gives back for one file: small enough to send between processes."""

    path: str
    seconds: float = 0.0
    error: str | None = None
    kind: str = ""  # "dossier" or "report"
    department: str = ""
    year: int | None = None
    figures: int = 0
    self_total: str | None = None
    self_grade: str | None = None
    computed: str = ""  # the score card's summary ("87.5分（良）" or 证据不足…)
    computed_total: str | None = None
    computed_grade: str | None = None
    findings: dict[str, int] = field(default_factory=dict)  # level → count
    finding_ids: tuple[str, ...] = ()
    targets: list[TargetFlag] = field(default_factory=list)
    inflation: list[InflationFlag] = field(default_factory=list)
    indicators: tuple[Indicator, ...] = ()
    locators: tuple[str, ...] = ()  # per paragraph given to the reuse detection
    prepared: PreparedDocument | None = None

    @property
    def owner(self) -> str:
        return f"{self.department}:{self.year}"


# ---- in the worker ----

_options = ReuseOptions()


def _report_paragraphs(path: Path) -> tuple[Any, list[str], list[str]]:
    """Import a report; its non-heading paragraphs with their locators."""
    from jixiao.importers.document import ReportText, blocks_from_text
    from jixiao.importers.sandbox import run_bounded
    from jixiao.importers.text import MAX_TEXT_CHARS, import_report, read_text_file

    suffix = path.suffix.lower()
    if suffix == ".docx":
        from jixiao.importers.docx import docx_blocks

        blocks = run_bounded(docx_blocks, path)
    elif suffix == ".pdf":
        from jixiao.importers.pdf import pdf_blocks

        blocks = run_bounded(pdf_blocks, path)
    else:
        blocks = blocks_from_text(read_text_file(path))
    total = sum(len(b.text) for b in blocks)
    if total > MAX_TEXT_CHARS:
        raise InputError.single(
            str(path),
            "",
            f"文本过长（{total}字，上限{MAX_TEXT_CHARS}字）",
            f"text too long ({total} characters, limit {MAX_TEXT_CHARS})",
        )
    report = ReportText(path.name, blocks)
    result = import_report(report)
    lines = [line for line in report.lines if line.heading is None]
    locators = [report.locator(line.start) or "" for line in lines]
    return result, [line.text for line in lines], locators


def analyze_file(path: str) -> FileAnalysis:
    """One file: read (importing a report), evaluate, review, sign its paragraphs."""
    from jixiao.core.figures import FigureBook
    from jixiao.frameworks import evaluate_with
    from jixiao.io.dossiers import load_dossier

    started = time.perf_counter()
    try:
        file = Path(path)
        if file.suffix.lower() in REPORT_SUFFIXES:
            imported, paragraphs, locators = _report_paragraphs(file)
            dossier, kind, figures = imported.dossier, "report", len(imported.sources)
        else:
            dossier, kind = load_dossier(file), "dossier"
            paragraphs, locators = dossier_paragraphs(dossier)
            figures = sum(1 for f in FigureBook(dossier).all() if f.value is not None)
        result = evaluate_with(dossier, batch._framework)
        card = result.score
        from jixiao.core.analytics.targets import review_targets

        analysis = FileAnalysis(
            path,
            kind=kind,
            department=dossier.profile.name,
            year=dossier.year,
            figures=figures,
            self_total=text(card.self_total),
            self_grade=card.self_grade,
            computed=card.summary(),
            computed_total=text(card.total) if card.complete else None,
            computed_grade=card.grade,
            findings={level.value: result.count(level) for level in Level},
            finding_ids=tuple(f.id for f in result.findings if not f.waived),
            targets=review_targets(dossier, framework=result.framework),
            inflation=inflation_flags(dossier, card),
            indicators=dossier.indicators,
            locators=tuple(locators),
            prepared=prepare_document(path, paragraphs, names=_names(dossier), options=_options),
        )
    except InputError as error:
        return FileAnalysis(path, time.perf_counter() - started, error=str(error))
    except Exception as error:  # a bug on one file must not stop the others
        message = f"内部错误 / internal error: {type(error).__name__}: {error}"
        return FileAnalysis(path, time.perf_counter() - started, error=message)
    analysis.seconds = time.perf_counter() - started
    return analysis


def _names(dossier: Dossier) -> list[str]:
    """The department's own names, ignored when comparing paragraphs."""
    name = dossier.profile.name
    names = [name]
    for ending in ("县", "市", "区", "旗"):  # 万载县机关事务管理局 → 机关事务管理局 too
        head, found, rest = name.partition(ending)
        if found and len(rest) >= 2 and len(head) <= 6:
            names.append(rest)
            break
    return names


def analyze_chunk(paths: list[str]) -> list[FileAnalysis]:
    return [analyze_file(path) for path in paths]


def _died(path: str) -> FileAnalysis:
    return FileAnalysis(path, error=batch.WORKER_DIED)


# ---- in the main process ----


def collect(paths: list[Path]) -> list[str]:
    """The files to analyse: each file given, and every supported file under each folder."""
    found: list[str] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    str(p) for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file()
                )
            )
        elif path.is_file():
            found.append(str(path))
        else:
            fail(f"{path}: 文件或文件夹不存在 / no such file or folder")
    if not found:
        fail(
            "没有可分析的文件：应为 .yaml/.yml/.json 档案或 .txt/.docx/.pdf 报告"
            " / nothing to analyse: expected dossiers or reports"
        )
    return list(dict.fromkeys(found))


def analyse(
    paths: list[str], jobs: int, spec: str | None, options: ReuseOptions
) -> tuple[list[FileAnalysis], list[dict[str, Any]], dict[str, DocumentReuse]]:
    """Every file analysed (in *paths* order), the flags across files, reuse per file."""
    global _options
    _options = options  # inherited by the forked workers
    framework = read_framework(spec)
    by_path: dict[str, FileAnalysis] = {}
    for analysis in batch.outcomes(
        paths, jobs, framework, spec, None, work=analyze_chunk, died=_died
    ):
        by_path[analysis.path] = analysis
    files = [by_path[p] for p in paths]
    good = [f for f in files if f.error is None]
    chronological = sorted(good, key=lambda f: (f.year or 0, f.path))
    reuse = match_prepared([f.prepared for f in chronological if f.prepared], options)
    flags = _reuse_flags(reuse.pairs, reuse.documents, by_path)
    flags += _target_flags(good)
    flags += _inflation_flags(good)
    return files, flags, reuse.documents


def _locator(analysis: FileAnalysis, index: int) -> str:
    return analysis.locators[index] if index < len(analysis.locators) else f"第{index + 1}段"


def _reuse_flags(
    pairs: tuple[ReusePair, ...],
    documents: dict[str, DocumentReuse],
    by_path: dict[str, FileAnalysis],
) -> list[dict[str, Any]]:
    flags: list[dict[str, Any]] = []
    seen: set[frozenset[str]] = set()
    for key, document in reversed(documents.items()):  # the later file first: the copy
        if document.top_source and document.top_source_share >= WHOLE_REPORT_SHARE:
            if frozenset((key, document.top_source)) in seen:
                continue  # the source's own share of the same pair
            seen.add(frozenset((key, document.top_source)))
            share = round(document.top_source_share * 100)
            flags.append(
                {
                    "kind": "report_reused",
                    "files": [key, document.top_source],
                    "message": f"{key} 的叙述有{share}%与 {document.top_source} 相同或近似",
                    "message_en": f"{share}% of the narrative of {key} is found in"
                    f" {document.top_source}",
                    "evidence": document.as_dict(),
                }
            )
    for pair in pairs:
        a, b = by_path[pair.document_a], by_path[pair.document_b]
        where_a, where_b = _locator(a, pair.paragraph_a), _locator(b, pair.paragraph_b)
        similarity = round(pair.similarity * 100)
        flags.append(
            {
                "kind": "paragraph_reused",
                "files": [pair.document_a, pair.document_b],
                "message": f"{pair.document_a} {where_a} 与 {pair.document_b} {where_b}"
                f" 相似度{similarity}%",
                "message_en": f"{pair.document_a} {where_a} matches {pair.document_b}"
                f" {where_b} ({similarity}%)",
                "evidence": {**pair.as_dict(), "where_a": where_a, "where_b": where_b},
            }
        )
    return flags


def _target_flags(files: list[FileAnalysis]) -> list[dict[str, Any]]:
    """Each file's own target flags, and those that need the others: last year, the peers."""
    peers = PeerTargets()
    for analysis in files:
        peers.add(analysis.owner, analysis.indicators)
    by_year = {(f.department, f.year): f for f in files}
    flags: list[dict[str, Any]] = []
    for analysis in files:
        earlier = by_year.get((analysis.department, (analysis.year or 0) - 1))
        cross = review_indicators(
            analysis.indicators,
            year=analysis.year,
            owner=analysis.owner,
            previous=earlier.indicators if earlier else None,
            peers=peers,
            kinds=CROSS_FILE_KINDS,
        )
        own = {(f.kind, f.indicator_id) for f in analysis.targets}
        for flag in analysis.targets + [f for f in cross if (f.kind, f.indicator_id) not in own]:
            involved = [analysis.path]
            if flag.kind == "below_previous" and earlier and flag not in analysis.targets:
                involved.append(earlier.path)
            flags.append(
                {
                    "kind": flag.kind,
                    "files": involved,
                    "message": f"{analysis.path}：{flag.message}",
                    "message_en": f"{analysis.path}: {flag.message_en}",
                    "evidence": flag.as_dict(),
                }
            )
    return flags


def _inflation_flags(files: list[FileAnalysis]) -> list[dict[str, Any]]:
    return [
        {
            "kind": flag.kind,
            "files": [analysis.path],
            "message": f"{analysis.path}：{flag.message}",
            "message_en": f"{analysis.path}: {flag.message_en}",
            "evidence": flag.as_dict(),
        }
        for analysis in files
        for flag in analysis.inflation
    ]


def file_json(analysis: FileAnalysis, reuse: DocumentReuse | None) -> dict[str, Any]:
    if analysis.error is not None:
        return {"file": analysis.path, "error": analysis.error}
    return {
        "file": analysis.path,
        "kind": analysis.kind,
        "department": analysis.department,
        "year": analysis.year,
        "figures": analysis.figures,
        "self_score": analysis.self_total,
        "self_grade": analysis.self_grade,
        "computed_score": analysis.computed_total,
        "computed_grade": analysis.computed_grade,
        "computed": analysis.computed,
        "findings": analysis.findings,
        "finding_ids": dict(sorted(Counter(analysis.finding_ids).items())),
        "reuse": reuse.as_dict() if reuse else None,
        "seconds": round(analysis.seconds, 4),
    }


# ---- printing ----


def _short(value: str, width: int = 60) -> str:
    return value if len(value) <= width else value[: width - 1] + "…"


def _more(shown: int, total: int) -> None:
    if total > shown:
        console.print(
            f"[dim]另有 {total - shown} 条未列出（--limit 0 列出全部，或用 --json）"
            f" / {total - shown} more (--limit 0, or --json)[/]"
        )


def _limited(rows: list[Any], limit: int) -> list[Any]:
    return rows if limit <= 0 else rows[:limit]


def print_files(files: list[FileAnalysis], documents: dict[str, DocumentReuse], limit: int) -> None:
    table = Table(
        "文件 file",
        "部门 department",
        "年度",
        "读出数字",
        "自评得分",
        "计算得分",
        "错误",
        "警告",
        "提示",
        "重复率",
        title="逐份概况 / per file",
    )
    good = [f for f in files if f.error is None]
    for analysis in _limited(good, limit):
        reuse = documents.get(analysis.path)
        self_text = (
            f"{analysis.self_total}（{analysis.self_grade}）" if analysis.self_total else "未填报"
        )
        table.add_row(
            escape(analysis.path),
            escape(analysis.department),
            str(analysis.year or ""),
            str(analysis.figures),
            self_text,
            escape(analysis.computed),
            str(analysis.findings.get("error", 0)),
            str(analysis.findings.get("warning", 0)),
            str(analysis.findings.get("info", 0)),
            f"{round(reuse.score * 100)}%" if reuse and reuse.narrative_chars else "—",
        )
    console.print(table)
    _more(min(len(good), limit) if limit > 0 else len(good), len(good))


def print_flags(flags: list[dict[str, Any]], limit: int) -> None:
    whole = [f for f in flags if f["kind"] == "report_reused"]
    if whole:
        table = Table("报告 report", "来源 source", "相同比例", title="整篇重复 / reports reused")
        for flag in _limited(whole, limit):
            evidence = flag["evidence"]
            table.add_row(
                escape(flag["files"][0]),
                escape(flag["files"][1]),
                f"{round(evidence['top_source_share'] * 100)}%",
            )
        console.print(table)
        _more(len(_limited(whole, limit)), len(whole))
    paragraphs = [f for f in flags if f["kind"] == "paragraph_reused"]
    if paragraphs:
        table = Table(
            "报告 report",
            "文字 text",
            "来源 source",
            "来源文字 source text",
            "相似度",
            title="段落重复 / paragraphs reused",
            show_lines=True,
        )
        for flag in _limited(paragraphs, limit):
            e = flag["evidence"]
            table.add_row(
                escape(f"{e['document_a']} {e['where_a']}"),
                escape(_short(e["text_a"])),
                escape(f"{e['document_b']} {e['where_b']}"),
                escape(_short(e["text_b"])),
                f"{round(e['similarity'] * 100)}%",
            )
        console.print(table)
        _more(len(_limited(paragraphs, limit)), len(paragraphs))
    _print_kind_table(
        [f for f in flags if f["kind"] in PRESSURE_KINDS],
        "目标压力不足 / pressure-free targets",
        limit,
    )
    inflation = [f for f in flags if f["kind"] in INFLATION_KINDS]
    _print_kind_table(inflation, "自评高于证据 / self-scores above the evidence", limit)
    quality = Counter(
        f["kind"]
        for f in flags
        if f["kind"] in TARGET_KIND_LABEL and f["kind"] not in PRESSURE_KINDS
    )
    if quality:
        table = Table("问题 issue", "次数 count", title="目标设置质量 / target quality")
        for kind, count in sorted(quality.items(), key=lambda kv: (-kv[1], kv[0])):
            table.add_row(f"{TARGET_KIND_LABEL[kind]}（{kind}）", str(count))
        console.print(table)


def _print_kind_table(rows: list[dict[str, Any]], title: str, limit: int) -> None:
    if not rows:
        return
    table = Table("文件 file", "指标 indicator", "依据 evidence", "说明", title=title)
    for flag in _limited(rows, limit):
        evidence = flag["evidence"]
        table.add_row(
            escape(" ← ".join(flag["files"])),
            escape(evidence.get("indicator") or "（总分）"),
            escape(evidence.get("evidence") or ""),
            escape(flag["message"].split("：", 1)[-1]),
        )
    console.print(table)
    _more(len(_limited(rows, limit)), len(rows))


def print_failed(files: list[FileAnalysis]) -> None:
    failed = [f for f in files if f.error is not None]
    if failed:
        table = Table(
            "文件 file", "原因 reason", title="未能读取的文件 / files that failed", show_lines=True
        )
        for analysis in failed:
            table.add_row(escape(analysis.path), escape(analysis.error or ""))
        errors.print(table)


# ---- the command ----

PathsArgument = typer.Argument(
    ..., help="档案（.yaml .json）、报告（.txt .docx .pdf）或文件夹 / files or folders"
)
WorkersOption = typer.Option(
    0, "--workers", "-j", min=0, help="并行进程数，0 为全部 CPU 核 / processes (0: all cores)"
)
LimitOption = typer.Option(
    100, "--limit", min=0, help="每张表最多列出的行数，0 为全部 / rows per table (0: all)"
)
MinCharsOption = typer.Option(
    ReuseOptions.min_chars,
    "--min-chars",
    min=5,
    help="参与比对的段落最少字数（去掉数字和标点后） / shortest paragraph compared",
)
ThresholdOption = typer.Option(
    ReuseOptions.threshold,
    "--threshold",
    min=0.1,
    max=1.0,
    help="判为重复的相似度（Jaccard） / similarity that counts as reuse",
)


def analyze_command(
    paths: list[Path] = PathsArgument,
    framework: str | None = FrameworkOption,
    as_json: bool = JsonOption,
    workers: int = WorkersOption,
    limit: int = LimitOption,
    min_chars: int = MinCharsOption,
    threshold: float = ThresholdOption,
) -> None:
    """筛查一批档案和报告：重复段落、目标压力、自评虚高 / screen files for reuse, soft targets, inflated self-scores.

    退出码：全部读取为 0，有文件无法读取为 2 / exit 0 when every file was read, 2 otherwise.
    """
    files_to_read = collect(paths)
    jobs = workers or os.cpu_count() or 1
    options = ReuseOptions(min_chars=min_chars, threshold=threshold)
    started = time.perf_counter()
    files, flags, documents = analyse(files_to_read, jobs, framework, options)
    seconds = time.perf_counter() - started
    failed = sum(1 for f in files if f.error is not None)
    if as_json:
        emit_json(
            {
                "files": [file_json(f, documents.get(f.path)) for f in files],
                "flags": flags,
                "seconds": round(seconds, 3),
            }
        )
    else:
        console.print(
            f"分析 {len(files) - failed}/{len(files)} 份，用时 {seconds:.1f} 秒，{jobs} 个进程；"
            f"标记 {len(flags)} 条 / {len(files) - failed} of {len(files)} files in"
            f" {seconds:.1f} s on {jobs} processes; {len(flags)} flags"
        )
        print_files(files, documents, limit)
        print_flags(flags, limit)
        print_failed(files)
    raise typer.Exit(EXIT_UNREADABLE if failed else EXIT_OK)


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze_command)
