"""Evaluate the text importer against the hand-made ground truth in tests/fixtures/corpus/.

For every report excerpt: import it, take the figures the importer says it read from the text
(the keys of ``ImportResult.sources``), and compare them with the stated figures in the ground
truth (staffing, assets, budget and actual expenditure in 万元, execution, score, grade).
``derived`` values are not ground truth; ``null`` means "not stated in this excerpt", so a
figure read where the truth is null counts against precision.

Two views are scored: *as read* (the value the report states, or the value computed from the
raw facts read when the report states no total) and *figures* (``FigureBook.flat()``, what
``jixiao figures`` would print). Also measured: the median import time per report.

The corpus is split in two (tests/fixtures/corpus/splits.json, drawn at random with a recorded
seed and frozen): *dev*, the reports the importer may be tuned on, and *held-out*, reports nobody
reads while changing the importer. Both are scored and the gap between them shown; for held-out
reports only the counts are printed, never which figures were missed (that would be reading them).
A report whose import raises counts as a failure with all its figures missed.

Run ``python -m benchmarks.eval_import`` (``make eval-import``); it prints the tables and writes
them into BENCHMARKS.md between the import-eval markers.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from benchmarks import sections
from jixiao.core.figures import FigureBook
from jixiao.core.findings import Finding
from jixiao.frameworks import evaluate_with
from jixiao.importers.result import ImportResult
from jixiao.importers.text import import_text

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
BENCHMARKS = sections.BENCHMARKS
START, END = "<!-- import-eval:start -->", "<!-- import-eval:end -->"
SPLITS = CORPUS / "splits.json"
# issue 9's goals (measured there on published reports not in the repository)
GOALS = {"precision": 0.97, "recall": 0.90, "ms": 100.0, "surfaced": 0.90}
# a consistency note that records an inconsistency in the report itself: the annotators' tags
INCONSISTENCY_NOTE = re.compile(r"\bDOES NOT ADD UP\b|\bCONTRADICTION\b")
# a figure as notes and findings write it: "11,211.01" is one number, not 11 and 211.01
_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")

_TRUTH_KEYS: dict[tuple[str, str], str] = {
    ("staffing", "authorized"): "staffing.authorized",
    ("staffing", "actual_total"): "staffing.actual_total",
    ("staffing", "in_service"): "staffing.in_service",
    ("staffing", "retired"): "staffing.retired",
    ("assets", "total_net_wan"): "assets.total_net",
    ("assets", "change_pct"): "assets.change_pct",
    ("execution", "spent_wan"): "executed.total",
    ("execution", "rate_pct"): "rates.execution",
}
_MONEY_SUBKEYS = {
    "total_wan": "total",
    "basic_wan": "basic",
    "project_wan": "project",
    # the corpus's economic classes (beside goods_services / transfers / capital): 工资福利支出
    # (14.json: personnel_wan 2424.00 = "工资福利支出2424.00万元"), not 人员经费
    "personnel_wan": "wages",
    "goods_services_wan": "goods_services",
    "transfers_to_households_wan": "transfers_households",
    "capital_wan": "capital",
}
EVALUATED = {
    *_TRUTH_KEYS.values(),
    "score.self",
    "grade.self",
    *(f"{p}.{s}" for p in ("budget", "executed") for s in _MONEY_SUBKEYS.values()),
}


def report_text(path: Path) -> str:
    """The excerpt without the corpus header (URL:, PARTIAL:, blank line)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    while lines and (lines[0].startswith(("URL:", "PARTIAL:")) or not lines[0].strip()):
        lines.pop(0)
    return "\n".join(lines)


def truth_figures(truth: dict[str, Any]) -> dict[str, str]:
    """Ground truth as figure key → value text; null values are left out."""
    figures: dict[str, str] = {}
    for (section, name), key in _TRUTH_KEYS.items():
        value = (truth.get(section) or {}).get(name)
        if value is not None:
            figures[key] = _text(value)
    for section, prefix in (("budget", "budget"), ("actual_expenditure", "executed")):
        for name, sub in _MONEY_SUBKEYS.items():
            value = (truth.get(section) or {}).get(name)
            if value is not None:
                figures[f"{prefix}.{sub}"] = _text(value)
    if truth.get("score") is not None:
        figures["score.self"] = _text(truth["score"])
    if truth.get("grade") is not None:
        grade = str(truth["grade"])
        figures["grade.self"] = _GRADE_OF_WORD.get(grade, grade)
    return figures


# a grade as the report words it → the grade it is (the dossier holds the grade, not its word;
# later sets' truth files keep the word: "优秀" is the grade 优, as the earlier files write it)
_GRADE_OF_WORD = {
    "优秀": "优",
    "良好": "良",
    "中等": "中",
    "较差": "差",
    **{f"{letter}级": letter for letter in "ABCD"},  # "A级" is the grade A
}


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return _norm(Decimal(str(value)))


def _norm(value: Decimal) -> str:
    text = f"{value.normalize():f}"
    return text


def read_figures(result: ImportResult) -> tuple[dict[str, str], dict[str, str]]:
    """(as read, as figures) for every evaluated key the importer traced to the text."""
    book = FigureBook(result.dossier)
    flat = book.flat()
    as_read: dict[str, str] = {}
    as_figures: dict[str, str] = {}
    for key in result.sources:
        if key not in EVALUATED:
            continue
        if key == "grade.self":
            grade = result.dossier.self_evaluation.grade
            if grade:
                as_read[key] = as_figures[key] = grade
            continue
        figure = book.figure(key)
        value = figure.stated if figure.stated is not None else figure.computed
        if value is not None:
            as_read[key] = _norm(value)
        if key in flat:
            as_figures[key] = _norm(Decimal(flat[key]))
    return as_read, as_figures


def noted_inconsistencies(truth: dict[str, Any]) -> list[str]:
    """The ground truth's consistency notes that record the report contradicting itself."""
    return [
        note for note in truth.get("consistency_notes") or [] if INCONSISTENCY_NOTE.search(note)
    ]


def _numbers(text: str) -> set[Decimal]:
    return {Decimal(n.replace(",", "")).normalize() for n in _NUMBER.findall(text)}


def surfaced(note: str, findings: list[Finding]) -> bool:
    """True when a finding of import + check points at a place in the text (it has a source)
    and quotes at least two of the figures the note names: the same inconsistency, found."""
    wanted = _numbers(note)
    for finding in findings:
        if finding.where.source is None:
            continue
        quoted = _numbers(f"{finding.message} {finding.hint}")
        if len(wanted & quoted) >= 2:
            return True
    return False


def import_and_check(result: ImportResult) -> list[Finding]:
    """Every finding a user sees after ``jixiao import`` then ``jixiao check`` (the default pack)."""
    imported = [finding.to_finding() for finding in result.findings]
    return imported + list(evaluate_with(result.dossier).findings)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, predicted: dict[str, str], truth: dict[str, str]) -> None:
        for key, value in predicted.items():
            if truth.get(key) == value:
                self.tp += 1
            else:
                self.fp += 1
                self.errors.append(f"{key}: read {value}, truth {truth.get(key)}")
        for key, value in truth.items():
            if predicted.get(key) != value:
                self.fn += 1
                if key not in predicted:
                    self.errors.append(f"{key}: missed {value}")

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def splits() -> dict[str, list[str]]:
    """The frozen split: {"dev": [...], "held_out": [...]} (report stems)."""
    data = json.loads(SPLITS.read_text(encoding="utf-8"))
    return {"dev": list(data["dev"]), "held_out": list(data["held_out"])}


def _import_timed(text: str, name: str, repeat: int) -> tuple[ImportResult | None, float, str]:
    runs = []
    result = None
    for _ in range(repeat):
        began = time.perf_counter()
        try:
            result = import_text(text, file=name)
        except Exception as error:
            return None, 0.0, type(error).__name__
        runs.append((time.perf_counter() - began) * 1000)
    return result, statistics.median(runs), ""


def evaluate(repeat: int = 5, names: list[str] | None = None) -> dict[str, Any]:
    """Score the reports ``names`` (default: every excerpt in the corpus)."""
    paths = (
        [CORPUS / f"{name}.txt" for name in names]
        if names is not None
        else sorted(CORPUS.glob("*.txt"))
    )
    rows = []
    overall, overall_figures = Score(), Score()
    times = []
    failures = 0
    noted = found = 0
    for path in paths:
        truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        expected = truth_figures(truth)
        result, milliseconds, failure = _import_timed(report_text(path), path.name, repeat)
        if result is None:
            failures += 1
            as_read, as_figures = {}, {}
        else:
            times.append(milliseconds)
            as_read, as_figures = read_figures(result)
        notes = noted_inconsistencies(truth)
        findings = import_and_check(result) if result is not None and notes else []
        missed_notes = [note for note in notes if not surfaced(note, findings)]
        row_found = len(notes) - len(missed_notes)
        noted, found = noted + len(notes), found + row_found
        score, score_figures = Score(), Score()
        score.add(as_read, expected)
        score_figures.add(as_figures, expected)
        for total, part in ((overall, score), (overall_figures, score_figures)):
            total.tp += part.tp
            total.fp += part.fp
            total.fn += part.fn
        rows.append(
            {
                "report": path.stem,
                "truth": len(expected),
                "read": len(as_read),
                "tp": score.tp,
                "fp": score.fp,
                "precision": score.precision,
                "recall": score.recall,
                "figures_precision": score_figures.precision,
                "ms": milliseconds,
                "failure": failure,
                "noted": len(notes),
                "surfaced": row_found,
                "errors": score.errors
                + [f"inconsistency not surfaced: {note}" for note in missed_notes]
                + [f"(figures) {e}" for e in score_figures.errors if e not in score.errors],
            }
        )
    return {
        "rows": rows,
        "precision": overall.precision,
        "recall": overall.recall,
        "figures_precision": overall_figures.precision,
        "figures_recall": overall_figures.recall,
        "median_ms": statistics.median(times) if times else 0.0,
        "tp": overall.tp,
        "fp": overall.fp,
        "fn": overall.fn,
        "failures": failures,
        "noted": noted,
        "surfaced": found,
        "surfaced_share": found / noted if noted else 1.0,
    }


def evaluate_splits(repeat: int = 5) -> dict[str, dict[str, Any]]:
    """``evaluate`` on each split of splits.json."""
    return {split: evaluate(repeat, names) for split, names in splits().items()}


def met(summary: dict[str, Any]) -> bool:
    return bool(
        summary["precision"] >= GOALS["precision"]
        and summary["recall"] >= GOALS["recall"]
        and summary["median_ms"] < GOALS["ms"]
        and not summary["failures"]
        and summary["surfaced_share"] >= GOALS["surfaced"]
    )


def render_split(summary: dict[str, Any], title: str, *, show_differences: bool) -> list[str]:
    lines = [
        f"### {title}",
        "",
        "| report | truth figures | read | correct | precision | recall | precision (figures view) "
        "| inconsistencies surfaced | ms |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in summary["rows"]:
        ms = f"{row['ms']:.1f}" if not row["failure"] else f"import failed ({row['failure']})"
        noted = f"{row['surfaced']} of {row['noted']}" if row["noted"] else ""
        lines.append(
            f"| {row['report']} | {row['truth']} | {row['read']} | {row['tp']} | "
            f"{row['precision']:.2f} | {row['recall']:.2f} | {row['figures_precision']:.2f} | "
            f"{noted} | {ms} |"
        )
    lines += [
        f"| **overall** | | | {summary['tp']} | **{summary['precision']:.3f}** | **{summary['recall']:.3f}** "
        f"| {summary['figures_precision']:.3f} | **{summary['surfaced']} of {summary['noted']}** "
        f"| median {summary['median_ms']:.1f} |",
        "",
        f"Goals: precision ≥ {GOALS['precision']}, recall ≥ {GOALS['recall']}, < {GOALS['ms']:.0f} ms per "
        f"report, no failed import, ≥ {GOALS['surfaced']:.0%} of the noted inconsistencies surfaced — "
        f"{'met' if met(summary) else 'NOT met'}.",
    ]
    errors = [f"- {row['report']}: {error}" for row in summary["rows"] for error in row["errors"]]
    if errors and show_differences:
        lines += ["", "Differences:", "", *errors]
    elif errors:
        lines += [
            "",
            f"Differences: {len(errors)} (not listed: held-out reports are not read while tuning).",
        ]
    return lines


def render(summary: dict[str, Any]) -> str:
    """One split's table, with its differences."""
    return "\n".join(render_split(summary, "Corpus", show_differences=True))


def render_splits(summaries: dict[str, dict[str, Any]], before: str = "") -> str:
    dev, held_out = summaries["dev"], summaries["held_out"]
    lines = [
        "## Import evaluation (`make eval-import`)",
        "",
        f"Corpus: {len(dev['rows']) + len(held_out['rows'])} report excerpts in tests/fixtures/corpus/ "
        "with hand-made ground truth (stated staffing, assets, money in 万元, execution, score, grade; "
        "`derived` excluded), split by tests/fixtures/corpus/splits.json (frozen: seed 9, then three reports "
        "of each new hand-written set from w18 on, drawn before the set's first run): *dev* "
        "(may be tuned on) and *held-out* (never read while changing the importer).",
        "",
        "| split | reports | precision | recall | inconsistencies surfaced | failed imports | median ms |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, summary in (("dev", dev), ("held-out", held_out)):
        lines.append(
            f"| {name} | {len(summary['rows'])} | {summary['precision']:.3f} | "
            f"{summary['recall']:.3f} | {summary['surfaced']} of {summary['noted']} | "
            f"{summary['failures']} | {summary['median_ms']:.1f} |"
        )
    lines += [
        f"| **gap (dev − held-out)** | | {dev['precision'] - held_out['precision']:+.3f} | "
        f"{dev['recall'] - held_out['recall']:+.3f} | | | |",
        "",
        "*Inconsistencies surfaced*: of the ground truth's consistency notes that record the report "
        'contradicting itself ("DOES NOT ADD UP" / "CONTRADICTION"), those for which import + check '
        "(the default pack) gives a finding that points at a place in the text and quotes at least two "
        "of the figures the note names.",
    ]
    if before:
        lines += ["", before]
    lines += [""]
    lines += render_split(dev, "Dev split", show_differences=True)
    lines += [""]
    lines += render_split(held_out, "Held-out split", show_differences=False)
    lines += [
        "",
        "*As read*: the value the report states (or computes from the raw facts read, when no total is "
        "stated). *Figures view*: `FigureBook.flat()` for the same keys, where a total computed from "
        "raw facts may differ from the report's own statement (the checks report such differences).",
    ]
    return "\n".join(lines)


BEFORE = (
    "Before issue 9's importer changes (the importer of commit 047097f, scored by this tool on "
    "the same frozen split): dev precision 1.000, recall 0.842 (32 of 38); held-out precision "
    "1.000, recall 0.444 (4 of 9); no failed import. While the changes were made, only this "
    "tool's held-out tables (counts per report) were looked at, never the held-out texts, truth "
    "files or differences. They showed 2 extra figures (01, 02); switching the scoring of the "
    "corpus's `personnel_wan` showed them to be `executed.personnel` (人员经费) scored against a "
    "key that 14.json (dev) uses for 工资福利支出, so the tool now scores `personnel_wan` as "
    "`executed.wages`; both 'before' figures hold under either scoring. The held-out split has only 9 truth figures: its recall is "
    "a coarse measure. Inconsistencies surfaced, measured from commit f94c802 on: dev 1 of 2 "
    "before (03's income-less-spending finding pointed at no place in the text), 2 of 2 after; "
    "held-out 0 of 0 (its ground truth notes none). "
    "The six w3-* reports (dev) were written by hand for the corpus, their ground truth written "
    "before the importer was run on them; as first run (commit a077e75's importer) they gave "
    "precision 0.977, recall 0.712 (42 of 59: one wrong figure, budget.total read as the initial "
    "budget because 後 was not folded to 后; missed: counts and a money table flattened one cell per "
    "line, retirees within 实有, 其中 parts after a comparison amount, an adjusted budget's split) "
    "and 3 of 3 inconsistencies surfaced; the importer was then changed until they read fully, so "
    "their rows below are tuned figures, not a measure of generality. w3-07 … w3-09 were then "
    "written the same way, after those changes, and first run on commit 60fe87f's importer: "
    "precision 1.000, recall 0.969 (31 of 32; missed: a bare 执行率 under 预算执行, since read), "
    "1 of 1 inconsistencies surfaced: the closest this corpus comes to a measure on unseen "
    "wording. w4-01 … w4-04 (written by the lead, ground truth committed first) were first run on "
    "commit fe3f5a8's importer: precision 1.000, recall 0.837 (36 of 43; missed: w4-02's four "
    "economic classes, a second breakdown of the spending not claimed as read, one of them left "
    "without a phase; w4-04's three staffing counts in unit-less cells one per line; the figures "
    "view also summed w4-02's two breakdowns, 4,442.63 for 2,298.10), 1 of 1 inconsistencies "
    "surfaced. w5-01 … w5-04 were then written the same way after the w4 changes and first run on "
    "commit 55f60d5's importer: precision 1.000, recall 0.833 (30 of 36; missed: staffing in a table "
    "row, staffing labels before a full-width colon, a table's 完成率 column), 1 of 1 inconsistencies "
    "surfaced. Both sets were then read fully, so their rows below are tuned figures. "
    "w6-01 … w6-08 (eight departments of other kinds and levels: 教育局, 卫健委, a 乡镇, a "
    "third-party agency's report, 民政局, …) were then written the same way, each in wording and "
    "layout the corpus did not have, ground truth committed first (032de4a), and first run on that "
    "commit's importer (8556d8a's): precision 0.972, recall 0.843 (70 of 83; two wrong figures: "
    "budget.total read as the initial budget 2102 when the town's own name before 全年预算数 made "
    "it look like another body's money, and as a table's 财政拨款收入 × 预算数 1265 — budgeted "
    "income taken for the budget; missed: a 人员情况 table's 合计 row of in-service rows by type, a "
    "收支决算总表's 本年数 column with no phase word, 评分结果：91分（优秀）, 绩效评级, labels with the "
    "unit in brackets before a colon (部门预算总额（万元）：1,532.60), a 执行率 column beside two "
    "budget columns, 支出合计占全年预算的97.69%), 4 of 4 inconsistencies surfaced, no failure. "
    "Then read fully (branch h-imp); their rows below are tuned figures. "
    "w7-01 … w7-08 (应急管理局, 人社局 and 住建局 at 市级, a 街道, a 职业学校 and a 医院 as 事业单位, "
    "司法局, 商务局) were then written the same way, ground truth committed first (68fef8e), and "
    "first run on the importer of 9713c47: precision 0.987, recall 0.886 (78 of 88; one wrong "
    "figure: budget.total read as the initial budget 1856.4 when PDF text wrapped at 30 characters "
    "split 调整后全 / 年预算; missed: a 基本支出 and two scores whose number or 分 fell on the next "
    "wrapped line, 编制内人员 as the staff in service, a quota total after its parts (…，共52名), "
    "a score stated beside a 扣分 table, 本年支出 in 元 with 其中： parts), 4 of 5 inconsistencies "
    "surfaced (not: a 实有 head-count its 在职 + 退休 parts do not add up to), no failure; the "
    "figures view also rounded 元 amounts to 0.01 万元 (w7-02). Then read fully (branch h-imp3), "
    "and the figures view keeps every digit of an amount in 元; their rows below are tuned "
    "figures. "
    "w8-01 … w8-08 (农业农村局, 交通运输局 and 档案馆 at 市级, 市场监管局, a 疾控中心 under a 卫健委 "
    "(二级单位), 退役军人事务局, a 高级中学, 统计局) were then written the same way, ground truth "
    "committed first (4227ba5), and first run on the importer of a83108c: precision 0.969, recall "
    "0.667 (62 of 93; two wrong figures: the 2022 spending of a sentence comparing two years "
    "(2022年全年预算数…，全年支出1,050.22万元；2023年…) taken for the year's, and 编制内 161 taken "
    "for the staff in service when 在职教职工185人 was not known as a count; missed: amounts in 万 "
    "alone, a figure starting the next line of a ragged wrapped sentence, a table whose header is "
    "two rows (merged cells flattened), a 中心 naming itself before its budget, 退休教职工, a rate "
    "in Chinese numerals (百分之九十五点一三), a bare 执行率 after a ；, a staffing table with merged "
    "header cells flattened one cell per line, a table with 2022年 / 2023年 columns, 核定事业编制 "
    "alone as the quota), 2 of 4 inconsistencies surfaced (not: a 合计 row its 基本 + 项目 parts do "
    "not add up to, in the unread two-row table; a stated rate its budget and spending contradict, "
    "the budget unread), no failure. Not in the corpus's truth but seen in class tests: an approximate amount "
    "(全年支出约860万元) was read as exact. Then read (branch h-imp4) except the staffing table with merged header "
    "cells and 核定事业编制 alone; their rows below are tuned figures. The eval now reads a note's 11,211.01 as one number (it split it at the "
    "comma, so a finding quoting 11211.01 did not count; the first run's 2 of 4 holds either way). "
    "w9-01 … w9-08 (水利局, 城市管理综合执法局 and a 林业技术推广中心 at 县级, 文化广电和旅游局 and "
    "自然资源和规划局 at 市级, a 县中医院 as 事业单位, a 镇中心学校 with 县级 figures quoted for "
    "context, a 区 审计局) were then written the same way, ground truth committed first (aebad72), "
    "and first run on the importer of aa3b1f7: precision 1.000, recall 0.793 (73 of 92; missed: "
    "a budget's 基本/项目 split after a split by 资金来源 in text wrapped at 32 characters, a grade "
    "or spending whose word fell on the next wrapped line (等级为 / 优), a 合计 row its parts do not "
    "add up to left unread as parts, 核定事业编制260名 beside 编制内/编制外, 全年预算支出 in 亿元 "
    "after 全年预算收入, 自评得分 / 自评等级 as a table row under a header row, a staffing table "
    "with a merged header flattened one cell per line (rows by quota type and a 合计 row), a "
    "spending sentence wrapped at 36 characters with a number split across lines), 3 of 5 "
    "inconsistencies surfaced (not: a 合计 row in 元 its parts do not add up to, the parts unread; "
    "a stated rate in 亿元 its budget and spending contradict, the budget unread), no failure. "
    "Then read in part (branch h-imp5): text wrapped at a fixed count of characters (digits as "
    "wide as ideographs) is joined, 核定事业编制 alone is the quota when it is the only quota "
    "statement (also w8-04's 95), and 全年支出 under the heading 预算情况 after the paragraph's "
    "stated budget is the spending; w9 then reads 80 of 92 at precision 1.000, still 3 of 5 "
    "inconsistencies; then (branch h-imp6) a staffing table flattened one cell per line with its "
    "header (w8-07, w9-06), 自评得分 / 自评等级 as a table row (w9-05), 项目支出 after a bracketed "
    "breakdown of 基本支出 and a bare 执行率 under 预算情况 (w9-06) are read: w9 reads 87 of 92, w8 "
    "93 of 93, dev recall 0.984, precision 1.000 on both splits, still 3 of 5 w9 inconsistencies; "
    "left: 全年预算支出…亿元 (w9-03), a 元 table's 基本/项目 rows (w9-02), a 资金来源 split before "
    "the 基本/项目 split (w9-01); all three were then read (076273b), w9 92 of 92 and 5 of 5. "
    "Four more sets were then written the same way by helpers who never read the importer, its "
    "tests or its docs, each ground truth committed before the importer first ran on it: w10 "
    "(民政局, 审计局, 统计局, 司法局, 应急管理局, 医保局, 退役军人事务局, 科协; 元 in prose, box-drawn "
    "tables, economic classes under other names), first run on c9e1754: precision 0.932, recall "
    "0.581 (68 of 117), 3 of 4 inconsistencies; w11 (乡镇, 街道, 中学, 医院, 残联, 融媒体中心, "
    "供销社, 气象局; a flattened 自评表, space-aligned tables, OCR spaces and full-width digits, "
    "traditional characters, labels broken over lines), first run on c9e1754: precision 0.887, "
    "recall 0.529 (55 of 104), 3 of 4 — both scored with grades by meaning (优秀 is 优), a change "
    "to this tool made before any tuning; w12 (eight provinces' house styles: key-value forms, "
    "预算完成率 / 资金执行率 / 支出进度, 全年可用资金, 在编在岗), first run on c49b54f after w10 and w11 "
    "were read: precision 0.954, recall 0.761 (83 of 109), 3 of 4; w13 (third-party reports, "
    "西部 provinces, 公安局, 法院, 检察院, a 乡镇 and a 卫生院; Markdown tables, 项目：金额 lists, whole "
    "万元), first run on c2f4baf after w12 was read: precision 0.967, recall 0.696 (87 of 125), 3 "
    "of 4; w14 (eight bodies of one county, careful and sloppy: a 自评表 with no prose, two years "
    "side by side, spaced thousands, 基本支 / 执业率 typos), first run on 56530dd after w13 was "
    "read: precision 0.990, recall 0.774 (103 of 133), 1 of 4; w15 (东北 and 华北 市级 and 省级 "
    "bodies: 千元, 二〇二三年度, full-width ％ and ，, 功能分类 tables, a 消防救援支队), first run on "
    "401084b after w14 was read: precision 1.000, recall 0.807 (96 of 119), 2 of 4; w16 (华东, 华中 "
    "and 华南: a 收入支出决算总表, a 开发区, a 高校 in 亿元 to four decimals, 元 throughout, A级), first "
    "run on 85ce89d after w15 was read: precision 0.965, recall 0.841 (111 of 132), 3 of 4; w17 "
    "(ordinary reports of 西北, 西南 and 华中 bodies, each with a quirk the earlier sets did not "
    "focus on: budget/actual pairs written 2,862.40/2,781.56, a unit once at a list's end, ideographic "
    "spaces, 元 without separators, label lines with the unit in brackets), first run on b4382ed "
    "after w16 was read: precision 1.000, recall 0.641 (84 of 131), 2 of 4. "
    "Three truth files were corrected after their first runs, each with a note in the file: "
    "w10-03, w12-03 and w13-01 had taken 净资产 (assets less liabilities) for 资产总额; the first-"
    "run figures above are as measured against the files as first written. Each set was then read "
    "(the importer's classes, not the files: every class has tests from its own wording variants "
    "in tests/importers/test_w1?_*.py), so their rows below are tuned figures. "
    "From w18 on, three reports of each new set were drawn into held-out at random before the "
    "set's first run (splits.json), so that held-out grows with reports nobody tuned on; their "
    "counts are all that is looked at. First runs on 684b9c1 (after w17 was read), all eight "
    "reports of each set: w18 (the plain, common report of 河北, 山西, 内蒙古, 吉林, 广西, 甘肃, 新疆 and "
    "云南 county bureaus: prose with one or two short tables), precision 1.000, recall 0.952 (119 "
    "of 125), 4 of 4; w19 (绩效自评表 of the 财政部 template pasted as text: one cell per line, runs "
    "of spaces, funding-source rows, prose restating figures rounded), precision 0.901, recall "
    "0.732 (82 of 112), 3 of 4; w20 (镇, 乡, 街道, 卫生院, 中心小学, 幼儿园, 社区卫生服务中心: 元 "
    "and 万元 mixed, 聘用 and 公益性岗位 staff, 结转), precision 0.990, recall 0.903 (102 of 113), 6 "
    "of 6. Then, before any of the w19 or w20 changes was merged, w21 (ordinary reports of 湖南, "
    "湖北, 四川, 重庆, 安徽, 浙江, 福建 and 山东 bureaus) and w22 (evaluations of a department by a finance "
    "bureau or a firm, some as PDF text with page furniture), first run on 48842e9: w21 precision "
    "1.000, recall 0.904 (123 of 136), 4 of 4; w22 precision 0.981, recall 0.929 (105 of 113), 2 "
    "of 4. After the w19–w22 changes, w23 (a random mix of bodies, provinces and habits, both "
    "genres), first run on 2b79726: precision 0.971, recall 0.885 (100 of 113), 4 of 4; w24 (reports "
    "that are only a 自评表 of a provincial template other than the 财政部 one, pasted as tabs with "
    "merged cells repeated, one cell per line, runs of spaces, Markdown pipes or key：value lines), "
    "first run on e422e05: precision 0.727, recall 0.198 (24 of 121), 1 of 4; w25 (省级 and large "
    "市级 departments with their units, the whole 部门 beside 机关本级, 亿元 with 万元), first run on "
    "e422e05: precision 1.000, recall 0.866 (103 of 119), 2 of 4. After the w23–w25 changes, w26 "
    "(forms again, pasted in eight further ways: a CSV export, a table turned sideways, a PDF read "
    "column by column, an ASCII grid, two tables side by side, 【block】 exports; its writer saw the "
    "first 12 lines of three held-out w24 reports while listing files, and avoided their layouts) "
    "and w27 (another random mix of bodies and provinces), first run on 601b012: w26 precision "
    "0.875, recall 0.241 (28 of 116), 2 of 5; w27 precision 0.991, recall 0.965 (109 of 113), 3 of "
    "4. Their five dev reports each were then read (test_w18_* … test_w26_*). "
    "Then, on f8887eb's importer (that of 93353d0: the w18–w27 changes), four more sets were first "
    "run: w28 (forms only, each pasted a further way: turned sideways, a PDF read column by column, "
    "titles wrapped over two lines, box-drawn and ASCII grids, a web table one cell a line, a WPS "
    "copy with a two-row header, Markdown with a two-row header, a PDF page break inside the "
    "form) precision 0.936, recall 0.358 (44 of 123), 0 of 4; w29 (bodies the corpus rarely has: "
    "殡仪馆, 人防办, 接待办, 工商联 …) precision 0.984, recall 0.960 (121 of 126), 4 of 4; w30 (a "
    "report with its 自评表 attached, the figures stated twice, rounded or in other units, "
    "sometimes contradicting) precision 0.892, recall 0.839 (99 of 118), 3 of 5; w31 (区 departments "
    "of big cities, 2023–2025 wording: 全口径预算, 雇员, 购买服务人员) precision 0.990, recall 0.851 "
    "(103 of 121), 1 of 4. Then, after passes for forms pasted sideways, column by column, in ruled "
    "grids, as PDF layers with wrapped titles and as web tables one cell a line (each built from "
    "variants its author wrote; on w28's dev reports they lifted recall only from 0.453 to 0.507), "
    "three more sets were first run on 516f683's importer: w32 (forms only, pasted the most common "
    "ways: Word/WPS tabs with captions merged, web tables, PDF text) precision 0.917, recall 0.270 "
    "(33 of 122), 2 of 5; w33 (prose reports of bodies and provinces the corpus had least) "
    "precision 1.000, recall 0.916 (120 of 131), 2 of 4; w34 (forms with a short 说明, copied "
    "from PDF text layers) precision 0.857, recall 0.263 (36 of 137), 1 of 4. After w32's first run "
    "the lead printed one held-out report of it (w32-07: its text and its differences) by mistake, "
    "taking another set's draw for w32's; nothing was changed for it and no helper was given it. "
    "The dev reports of w28–w34 were then read (test_w28_* … test_w34_*, test_form_blocks, "
    "test_pastings_*); after that the held-out split stands at: its 45 reports with prose "
    "precision 0.989, recall 0.948 (528 of 557), 12 of 15; its 15 form-only reports (w24, w26, "
    "w28, w32, w34) precision 0.931, recall 0.348 (81 of 233), 3 of 10; the first 39 held-out "
    "reports recall 0.825 (0.801 before this round). "
    "Three more sets were then first run on 801f006's importer: w35 (forms only, each in another "
    "province's template, from Word/WPS or a web page) precision 1.000, recall 0.581 (72 of 124), "
    "2 of 4; w36 (forms only, from PDF text layers, spaces collapsed, titles wrapped, OCR slips) "
    "precision 0.909, recall 0.238 (30 of 126), 1 of 4; w37 (prose reports each carrying one or "
    "two inconsistencies) precision 0.991, recall 0.939 (107 of 114), 9 of 10. Before w35's draw "
    "was used, the lead printed by a typing slip the differences (not the text) of one held-out "
    "report, w26-06; nothing was changed for it. "
    "After the dev reports of w35–w37 were read, two more sets were first run on 1190653's "
    "importer: w38 (forms only, the everyday mix a finance bureau receives) precision 0.957, "
    "recall 0.568 (67 of 118), 0 of 4; w39 (short prose reports with the 自评表 attached) "
    "precision 0.960, recall 0.762 (96 of 126), 3 of 4. Their writers, listing the corpus for the "
    "format, printed short summaries of some held-out truth files (department, province, level, "
    "year, the start of doc_type and of the note, or the names of extra keys; no text and no "
    "figures), and one aggregate run of this tool over all reports included w38 and w39 before "
    "their recorded first run (only its totals were seen); nothing was changed for either. "
    "w40 (an everyday mix: four forms pasted the common ways, among them an Excel CSV export, and "
    "four prose reports, two with the form attached), written by a helper who read only four dev "
    "reports for the format, was first run on 3a0225b's importer (that of d22b307): precision "
    "0.956, recall 0.696 (87 of 125), 5 of 6; its forms 0.963 / 0.500 (26 of 52), its prose 0.953 "
    "/ 0.836 (61 of 73). "
    "After w40's dev reports were read, w41 (forms only, eight templates pasted eight ways) and "
    "w42 (prose reports, three with the form attached), each written by a helper who read only "
    "three dev reports for the format, were first run on cc30cbc's importer: w41 precision 1.000, "
    "recall 0.527 (48 of 91), 4 of 6; w42 precision 0.991, recall 0.865 (109 of 126), 5 of 6. "
    "While w40 was read, one held-out report (w19-07) lost 4 figures to a merged change; the "
    "change was located by the held-out table's counts alone (per report, at each merge) and "
    "narrowed to the case it was written for, which restored the count; nothing else of w19-07 was "
    "read. "
    "After the dev reports of w40–w42 were read and the Markdown and CSV pastings fixed from forms "
    "made by combination (not from any report), w43 (forms only, the templates provinces issue), "
    "w44 (forms only, unexpected layouts) and w45 (prose of every genre), each written by a helper "
    "who read only three dev reports for the format, were first run on 54d6594's importer: w43 "
    "precision 1.000, recall 0.686 (70 of 102), 4 of 6; w44 precision 0.954, recall 0.614 (62 of "
    "101), 4 of 6; w45 precision 1.000, recall 0.832 (109 of 131), 4 of 6. Their writers' final "
    "reports described each report's layout in a line (held-out ones too; no text, no figures); "
    "the layouts they name are those their briefs asked for, and the form-combination choices "
    "added after come from those briefs. "
    "After this round (the forms made by combination read at recall 0.80 → 0.88 with 0 wrong "
    "figures, one cell a line 0.46 → 0.95, PDF spaces 0.79 → 0.99; w43–w45's dev reports read), "
    "the 84 held-out reports held out before it read exactly as before: recall 0.781 (905 of "
    "1159), its 27 form-only reports 0.498 (210 of 422), inconsistencies 30 of 45 (29 before); "
    "w43's and w44's held-out reports read as on their first run (31 of 38, 20 of 40), w45's 41 "
    "of 52 (37 on the first run). The pastings the generator draws are not what keeps a writer's "
    "form unread. "
    "w46 (forms only, provincial templates), w47 (forms from PDFs and scans) and w48 (publication "
    "bundles: the form beside project forms and final-account tables), each written by a helper "
    "who read only three dev reports for the format and whose final message named no layout, were "
    "first run on b427c05's importer: w46 precision 1.000, recall 0.636 (75 of 118), 1 of 3; w47 "
    "0.926 / 0.417 (50 of 120), 0 of 3; w48 0.932 / 0.345 (41 of 119), 2 of 3. After their dev "
    "reports were read (captions down the first column, tables continued over a page break, "
    "titles wrapped in their cells, group rows, a bundle's project forms set aside, cells a "
    "paragraph each, letter grades…), w49 (spreadsheet and system exports), w50 (short prose "
    "reports with the form attached) and w51 (unusual departments' forms), written the same way, "
    "were first run on c4d7772's importer: w49 0.987 / 0.610 (75 of 123), 2 of 3; w50 0.924 / "
    "0.746 (97 of 130), 3 of 3; w51 0.931 / 0.450 (54 of 120), 2 of 3. After w46–w51's dev "
    "reports were read, the 84 held-out reports held out before w43 read 0.990 / 0.820 (950 of "
    "1159; 0.987 / 0.781 before), their 27 form-only reports 0.984 / 0.590 (249 of 422; 0.498 "
    "before), inconsistencies 34 of 45 (30 before); w46–w51's 18 held-out reports 0.975 / 0.566 "
    "(154 of 272; 150 on their first runs). "
    "w52 (long prose reports of a 主管部门 with its units, figures worded every way), w53 "
    "(reports copied from a government web page with its furniture, tables flattened) and w54 "
    "(prose reports resting on a scored indicator table), written the same way, were first run "
    "on b681dd1's importer: w52 0.925 / 0.655 (74 of 113), 1 of 3; w53 0.989 / 0.775 (86 of "
    "111), 2 of 3; w54 0.990 / 0.878 (101 of 115), 3 of 3. After their dev reports were read, "
    "w55 (city bureaus' reports in 亿元 and 万元 with summary tables), w56 (forms with the sources "
    "of funds as columns and staffing by kind of post as columns) and w57 (public institutions "
    "with income of their own, prose with the form), written the same way, were first run on "
    "a43d495's importer: w55 0.879 / 0.750 (102 of 136), 3 of 3; w56 0.724 / 0.188 (21 of 112), "
    "0 of 3; w57 0.955 / 0.795 (105 of 132), 2 of 3. After their dev reports were read, three "
    "sets of the ordinary case, written the same way, were first run on f7197e9's importer: w58 "
    "(small bodies' short reports with the form) 0.935 / 0.906 (115 of 127), 3 of 3; w59 (the "
    "usual form as a Word table) 0.989 / 0.790 (94 of 119), 2 of 3; w60 (county bureaus' prose "
    "reports in the standard structure) 0.982 / 0.867 (111 of 128), 3 of 3. After w52–w60's "
    "dev reports were read, the 84 held out before w43 read 0.993 / 0.832 (964 of 1159; 950 "
    "before the round), their 27 form-only reports 0.988 / 0.604 (255 of 422; 249 before), "
    "inconsistencies 34 of 45; w46–w51's held-out 156 of 272 (154); w52–w54's 103 of 122 (98 on "
    "their first runs, 6 wrong then, 8 now: Chinese-numeral counts read 4 more right and 2 wrong "
    "there, measured by toggling the pass, not by reading the reports); w55–w57's 93 of 145 (82 "
    "on their first runs); w58–w60's 115 of 140 (as on their first run). One change that cost a "
    "held-out report a figure and a surfaced inconsistency (the rate reader passing over a "
    "form's head rows) was found by toggling each change of its commit and taken out. "
    "Six more sets, written the same way and aimed at what published reports look like, were "
    "first run on f4ecad2's importer: w61 (openings of reports as a web page gives them, cut "
    "off mid-report) 0.989 / 0.907 (88 of 97), 2 of 3; w62 (staffing written the hard ways) "
    "0.991 / 0.924 (110 of 119), 3 of 3; w63 (text copied from PDFs and document-sharing "
    "sites) 0.969 / 0.723 (94 of 130), 3 of 3; w64 (a summary first, decimal headings, "
    "template leftovers) 0.979 / 0.852 (92 of 108), 3 of 3; w65 (money in the 决算 structure, "
    "income beside spending) 0.992 / 0.944 (117 of 124), 3 of 3; w66 (schools, hospitals, "
    "townships and 街道 with small typed tables) 0.990 / 0.897 (96 of 107), 3 of 3. "
    "After their dev reports were read, six more sets written the same way were first run on "
    "68175ac's importer: w67 (more web openings, province by province) 0.990 / 0.960 (95 of "
    "99), 3 of 3; w68 (older reports of 2018–2021, income and spending in one paragraph) 1.000 "
    "/ 0.948 (91 of 96), 1 of 3; w69 (a 主管部门 consolidating its units) 0.906 / 0.793 (96 of "
    "121), 1 of 3; w70 (a 基本情况表 of keys and values before the prose) 0.959 / 0.887 (94 of "
    "106), 2 of 3; w71 (many distractor amounts near the real ones) 0.990 / 0.935 (100 of 107), "
    "3 of 3; w72 (small bodies' short reports typed quickly) 0.974 / 0.638 (74 of 116), 2 of 3. "
    "After their dev reports were read, six more were first run on 9fe7048's importer: w73 "
    "(third-party and finance-bureau evaluations' openings) 0.963 / 0.725 (79 of 109), 2 of 3; "
    "w74 (provincial departments, cells one a line from a web page, 亿元 and 万元) 0.946 / 0.644 "
    "(87 of 135), 2 of 3; w75 (public institutions with income of their own) 0.983 / 0.891 (115 "
    "of 129), 3 of 3; w76 (labels in brackets, bullets and bold marks) 0.967 / 0.754 (89 of 118), "
    "2 of 3; w77 (excerpts beginning mid-report) 0.970 / 0.831 (98 of 118), 2 of 3; w78 (a "
    "form pasted from a PDF one cell a line inside prose) 0.962 / 0.671 (100 of 149), 3 of 3. "
    "After their dev reports were read, six more were first run on c90639e's importer: w79 "
    "(openings of township and county reports, province by province) 0.988 / 0.868 (79 of 91), "
    "3 of 3; w80 (every amount in 元) 0.991 / 0.843 (113 of 134), 2 of 3; w81 (tables laid out "
    "by a PDF's spaces, headings over two lines) 0.941 / 0.427 (64 of 150), 2 of 3; w82 (政法 "
    "and large systems, staffing in many categories) 1.000 / 0.938 (121 of 129), 2 of 3; w83 "
    "(the whole beside its key projects) 0.991 / 0.949 (112 of 118), 2 of 3; w84 (OCR copies) "
    "0.983 / 0.824 (117 of 142), 3 of 3. After w61–w84's dev reports were read (the first runs "
    "above are the measure of generality; this session's sets read 0.963–1.000 precision and "
    "0.43–0.96 recall on them, the ordinary-case sets 0.87–0.96), the 84 reports held out before "
    "w43 read 0.993 / 0.838 (971 of 1159; 964 before this round), w43–w45's held-out three 103 of "
    "130 (93), w52–w54's 107 of 122 (103), w64–w66's 103 of 116 (100 when first measured), "
    "w73–w75's 107 of 136 (106 on their first run), w76–w78's 127 of 148 (125), w79–w81's 101 of "
    "139 (97), w82–w84's 142 of 150 (140); no held-out group lost a figure. Four changes that "
    "cost held-out figures were found by toggling each change of a commit against the groups' "
    "counts and taken out or narrowed (人员经费 + 公用经费 + 项目经费 as a three-way split; 全委 / "
    "全院 / 全系统 as the department; 全镇 as a town government; a word's 全 before a phase "
    "only); none was found by reading a held-out report. Six sets of forms only, written the "
    "same way, were then first run on 0c819f7's importer: w85 (provincial templates from Word) "
    "1.000 / 0.400 (46 of 115), 1 of 3; w86 (spreadsheet exports) 1.000 / 0.350 (48 of 137), 3 of "
    "3; w87 (PDF layout) 1.000 / 0.169 (21 of 124), 0 of 3; w88 (web pages, a cell a line) 1.000 "
    "/ 0.241 (27 of 112), 0 of 3; w89 (基本情况 as key and value pairs) 0.957 / 0.642 (88 of 137), "
    "1 of 3; w90 (the score table first) 0.971 / 0.754 (101 of 134), 3 of 3: a form's layout of its "
    "own is still read mostly not at all, and never wrongly. Held-out now counts those 18 "
    "form-only reports too (0.975 / 0.383, 115 of 300); without them its 210 reports read 0.978 / "
    "0.811. "
    "The next session wrote 24 more sets the same way (w91–w114: provinces rarely seen, long 其中 "
    "chains, dimension scores in the conclusion, complete township reports, web-page copies, the "
    "older framework's wording, 决算 framing, departments with units, quarters beside the year, "
    "亿元 and 万元 rounded, WPS tables, 决算公开 sections, indicator tables holding the money, "
    "Chinese numerals, several years side by side, staffing tables by kind of post, pandemic funds, "
    "summary tables of two columns, Markdown tables, sources of funds, 公安 and 消防 staffing, "
    "fill-in-the-blank templates, pairs in a declared order, unusual precision), each first run "
    "on the importer of the moment before its dev reports were read: w91 0.955 / 0.809 (75a37a5), "
    "w92 0.992 / 0.908, w93 0.970 / 0.867, w95 0.990 / 0.745, w96 0.991 / 0.912 (efc4235), w94 "
    "1.000 / 0.966 (f3b4b4c), w97 0.981 / 0.963, w99 0.966 / 0.918, w100 0.973 / 0.813 (765c0df), "
    "w98 0.926 / 0.725 (87337bf), w101 0.989 / 0.798, w102 0.979 / 0.839 (078dd54), w108 0.976 / "
    "0.903 (02fd646), w103 0.877 / 0.623, w104 0.990 / 0.794, w106 0.989 / 0.695, w107 1.000 / "
    "0.910 (2e7da6e), w105 0.960 / 0.683 (f2deb42), w112 0.895 / 0.136 (eb2e871), w109 0.964 / "
    "0.892, w110 0.964 / 0.844, w111 0.991 / 0.838, w113 0.824 / 0.352, w114 0.993 / 0.957 "
    "(25036d3): over the 24 sets' 192 reports 0.970 / 0.782 (2,375 of 3,038), 52 of 72 "
    "inconsistencies. Fill-in-the-blank templates (w112), pairs in a declared order (w113) and "
    "indicator tables holding the money (w103) started low, and the last two with wrong figures: "
    "each was then read from its dev reports. On the 228 reports held out before this round the "
    "importer moved from 0.978 / 0.772 to 0.978 / 0.777 (2,589 of 3,331), 84 of 103 "
    "inconsistencies; no held-out group lost a figure (a change that cost one — 年初批复 as a phase "
    "word, a bracket opening a border, a bare 全年支出 form title — was found by toggling and taken "
    "out or narrowed, never by reading a held-out report). "
    "Times: median of 5 imports "
    "per report on the shared 2-core build machine, other jobs running (they vary about 2× between "
    "runs)."
)


SECTION = "import-eval"


def write_section(section: str, path: Path = BENCHMARKS) -> None:
    """This benchmark's section of BENCHMARKS.md (see benchmarks.sections)."""
    sections.write_section(SECTION, section, path)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    section = render_splits(evaluate_splits(), BEFORE)
    print(section)
    if "--no-write" not in argv:
        write_section(section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
