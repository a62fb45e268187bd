"""`jixiao analyze` on 10,000 report texts, against a naive all-pairs paragraph comparison.

    python -m benchmarks.analyze_bench        # 10,000 texts; ANALYZE_BENCH_FILES=… to change

Texts: one .txt report per synthetic unit-year (the units of ``jixiao demo generate``'s org tree,
:mod:`jixiao.core.synthetic`): a title, headings, a staffing and a budget paragraph with the
unit's figures, the demo's template paragraphs (the same in every report, as in the demo county),
one corpus sentence in some paragraphs (tests/fixtures/corpus: standard phrases), and about 20
narrative paragraphs assembled from clause banks with the unit's name and figures, so that they
differ from report to report as real ones do. In 2 % of the reports one paragraph is copied from
another report with the figures and the department name changed (planted copies).

Measured in the same run:

- ``jixiao analyze DIR --json --workers 2`` as a whole process (start-up, import of every report,
  evaluation, target and self-score review, reuse detection, JSON output), median of ``RUNS``
  runs after a warm-up;
- the reuse detection alone, in one process: preparing (normalise, shingle, MinHash) and
  matching (LSH banding, verification) every report's paragraphs;
- the baseline: every paragraph against every paragraph of the other reports by exact Jaccard
  similarity of their shingles, on ``BASELINE_FILES`` reports (those of the first planted
  copies, then the first), extrapolated quadratically to the whole set; our detection on the
  same subset, and its recall against the baseline's reused paragraphs;
- whether the planted copies were found.
"""

from __future__ import annotations

import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.sections import ROOT, machine, write_section
from jixiao.core.analytics.similarity import (
    ReuseOptions,
    counted_paragraphs,
    match_prepared,
    prepare_document,
    shingle_hashes,
)
from jixiao.core.synthetic import GOAL_TEXTS, NARRATIVES, org_tree

FILES = int(os.environ.get("ANALYZE_BENCH_FILES", "10000"))
RUNS, BASELINE_FILES, PLANTED_SHARE, SEED = 3, 60, 0.02, 1
JIXIAO = [sys.executable, "-m", "jixiao.cli.main"]

ACTIONS = (
    "组织开展",
    "统筹推进",
    "全面完成",
    "集中开展",
    "持续实施",
    "牵头落实",
    "协调推动",
    "督促指导",
    "扎实开展",
    "按期完成",
    "分批实施",
    "重点推进",
)
OBJECTS = (
    "农村公路养护",
    "城乡供水管网改造",
    "中小学校舍维修",
    "基层医疗机构设备更新",
    "社区养老服务站建设",
    "河道清淤疏浚",
    "高标准农田建设",
    "公共文化场馆免费开放",
    "食品安全抽检",
    "安全生产隐患排查",
    "森林防火巡查",
    "政务服务事项梳理",
    "退役军人走访慰问",
    "农产品质量监测",
    "防汛物资储备",
    "老旧小区改造",
    "乡村公厕提升",
    "农民工职业技能培训",
    "困难群众临时救助",
    "校园周边环境整治",
    "畜禽疫病防控",
    "不动产登记窗口优化",
    "城市绿化补植",
    "图书流动服务",
    "道路交通安全宣传",
)
RESULTS = (
    "群众反映的问题当月办结",
    "相关台账资料整理归档",
    "经第三方抽查合格",
    "未发生安全责任事故",
    "服务对象满意度调查结果良好",
    "相关经费全部按进度拨付",
    "形成了可复制的工作经验",
    "得到上级主管部门通报表扬",
    "运行维护机制逐步健全",
    "资金使用全过程留痕",
    "年底前全部完成验收",
    "纳入年度目标考核",
)
PLACES = (
    "城区",
    "东部片区",
    "西部山区",
    "沿河各乡镇",
    "工业园区",
    "各行政村",
    "城郊结合部",
    "重点林区",
)
MEASURES = ("处", "个", "人次", "公里", "场", "户", "家", "项", "批次", "亩")
REASONS = (
    "受汛期影响部分工期顺延",
    "个别乡镇配套资金到位较晚",
    "专业技术人员不足",
    "前期论证不够充分",
    "项目储备不足",
    "信息化手段运用不够",
    "部分数据统计口径不一",
    "基层人员业务能力参差不齐",
)
FIXES = (
    "下一步将细化资金拨付计划",
    "建立月调度季通报制度",
    "加强与相关部门的数据共享",
    "开展专题业务培训",
    "完善项目库滚动管理",
    "把绩效目标完成情况与下年预算挂钩",
    "引入第三方开展跟踪评价",
    "健全内部控制制度",
)
HEADINGS = (
    "一、部门基本情况",
    "二、部门整体支出绩效目标",
    "三、预算执行情况",
    "四、绩效目标完成情况",
    "五、主要经验及做法",
    "六、存在的问题及原因分析",
    "七、改进措施和有关建议",
    "八、自评结果拟应用和公开情况",
)


def corpus_sentences() -> list[str]:
    """Sentences of the real excerpts (their standard phrases), long enough to matter."""
    sentences: list[str] = []
    for path in sorted((ROOT / "tests" / "fixtures" / "corpus").glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("\n", 3)[-1]
        for sentence in re.split(r"(?<=[。；])", body):
            sentence = sentence.strip()
            if 15 <= len(sentence) <= 80 and "http" not in sentence and ">" not in sentence:
                sentences.append(sentence)
    return sentences


def clause(rng: random.Random, name: str) -> str:
    n = rng.randint(3, 980)
    return (
        f"{rng.choice(PLACES)}{rng.choice(ACTIONS)}{rng.choice(OBJECTS)}{n}{rng.choice(MEASURES)}，"
        f"{rng.choice(RESULTS)}"
    )


def narrative(rng: random.Random, name: str, standard: list[str]) -> str:
    parts = [clause(rng, name) for _ in range(rng.randint(2, 4))]
    if rng.random() < 0.5:
        parts.append(f"{rng.choice(REASONS)}，{rng.choice(FIXES)}")
    text = f"{name}" + "；".join(parts) + "。"
    if rng.random() < 0.15:
        text = rng.choice(standard) + text
    return text


def report(unit: Any, year: int, rng: random.Random, standard: list[str]) -> list[str]:
    """A report's paragraphs: title, headings, figures, template and own narrative."""
    name = unit.name
    staff = rng.randint(5, 240)
    budget = rng.randint(80, 9000)
    spent = round(budget * rng.uniform(0.85, 1.0), 2)
    paragraphs = [f"{name}{year}年度部门整体支出绩效自评报告"]
    values = {"name": name, "year": year}
    sections: list[list[str]] = [
        [
            f"{name}编制{staff + rng.randint(0, 9)}人，实有在职人员{staff}人，"
            f"内设{rng.randint(2, 6)}个股室。",
        ],
        [text.format(n=rng.randint(3, 12)) for text in rng.sample(GOAL_TEXTS, 2)],
        [
            f"{year}年度年初预算{budget}万元，全年支出{spent}万元，"
            f"预算执行率{spent / budget * 100:.2f}%。"
        ],
        [],
        [],
        [],
        [],
        [
            f"{name}{year}年度部门整体支出绩效自评得分{rng.randint(86, 99)}分。",
        ],
    ]
    for texts in NARRATIVES.values():
        sections[rng.choice((4, 5, 6, 7))].extend(t.format(**values) for t in texts)
    for index in (3, 3, 3, 4, 5, 6):
        sections[index].extend(narrative(rng, name, standard) for _ in range(rng.randint(2, 5)))
    for heading, body in zip(HEADINGS, sections, strict=True):
        paragraphs.append(heading)
        paragraphs.extend(body)
    return paragraphs


def _change_figures_and_name(text: str, old: str, new: str, rng: random.Random) -> str:
    changed = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), text)
    return changed.replace(old, new)


def generate(folder: Path, count: int) -> list[tuple[str, str]]:
    """Write *count* reports; the planted copies as (copier file, source file)."""
    rng = random.Random(SEED)
    standard = corpus_sentences()
    units = org_tree(max(count // 3 + 1, 1), SEED)
    names: list[str] = []
    texts: list[list[str]] = []
    for index in range(count):
        unit, year = units[index // 3 % len(units)], 2021 + index % 3
        texts.append(report(unit, year, rng, standard))
        names.append(f"{unit.code}-{year}.txt")
    planted: list[tuple[str, str]] = []
    for copier in rng.sample(range(count), int(count * PLANTED_SHARE)):
        source = rng.randrange(count)
        if texts[source][0][:6] == texts[copier][0][:6]:
            continue
        own = [i for i, p in enumerate(texts[source]) if len(p) > 60 and "；" in p]
        take = texts[source][rng.choice(own)]
        source_name = texts[source][0].split("20", 1)[0]
        copier_name = texts[copier][0].split("20", 1)[0]
        copied = _change_figures_and_name(take, source_name, copier_name, rng)
        texts[copier].insert(len(texts[copier]) - 3, copied)
        planted.append((names[copier], names[source]))
    for name, paragraphs in zip(names, texts, strict=True):
        (folder / name).write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
    return planted


def wall(command: list[str]) -> tuple[float, float, bytes]:
    """Wall seconds, CPU seconds (user + system, the command and its workers), stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, check=False)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu, done.stdout


def naive_pairs(paragraphs: list[tuple[int, int, frozenset[int]]], threshold: float) -> set[Any]:
    """Every paragraph against every paragraph of another document: exact Jaccard."""
    found = set()
    for i, (doc_a, para_a, a) in enumerate(paragraphs):
        for doc_b, para_b, b in paragraphs[i + 1 :]:
            if doc_a != doc_b and len(a & b) >= threshold * len(a | b):
                found.add(frozenset(((doc_a, para_a), (doc_b, para_b))))
    return found


def baseline_files(files: list[Path], planted: list[tuple[str, str]]) -> list[int]:
    """The baseline's subset: the files of the first planted pairs (so that there is reuse to
    find), then the first files, BASELINE_FILES in all, in their order."""
    position = {f.name: i for i, f in enumerate(files)}
    chosen = dict.fromkeys(position[name] for pair in planted for name in pair)
    chosen.update(dict.fromkeys(range(len(files))))
    return sorted(list(chosen)[:BASELINE_FILES])


def measure_reuse(files: list[Path], subset_files: list[int]) -> dict[str, float]:
    options = ReuseOptions()
    texts = [f.read_text(encoding="utf-8").splitlines() for f in files]
    started = time.perf_counter()
    prepared = [
        prepare_document(f.name, t, names=[_department(t)], options=options)
        for f, t in zip(files, texts, strict=True)
    ]
    prepared_at = time.perf_counter()
    reuse = match_prepared(prepared, options)
    matched_at = time.perf_counter()
    # the baseline on a subset, and our detection on the same subset
    subset = [texts[i] for i in subset_files]
    flat = [
        (d, p.index, frozenset(shingle_hashes(p.form, options.shingle).tolist()))
        for d, paragraphs in enumerate(subset)
        for p in counted_paragraphs(paragraphs, [_department(paragraphs)], options)
    ]
    naive_started = time.perf_counter()
    naive = naive_pairs(flat, options.threshold)
    naive_seconds = time.perf_counter() - naive_started
    ours_started = time.perf_counter()
    small = match_prepared(
        [
            prepare_document(str(d), t, names=[_department(t)], options=options)
            for d, t in enumerate(subset)
        ],
        options,
    )
    ours_seconds = time.perf_counter() - ours_started
    covered = {(int(p.document_a), p.paragraph_a) for p in small.pairs}
    covered |= {(int(p.document_b), p.paragraph_b) for p in small.pairs}
    common = _common_forms(subset)
    template = {
        (d, p.index)
        for d, paragraphs in enumerate(subset)
        for p in counted_paragraphs(paragraphs, [_department(paragraphs)], options)
        if p.form in common
    }
    wanted = {member for pair in naive for member in pair} - template
    return {
        "paragraphs": sum(len(p.paragraphs) for p in prepared),
        "prepare": prepared_at - started,
        "match": matched_at - prepared_at,
        "pairs": len(reuse.pairs),
        "naive_subset": naive_seconds,
        "naive_paragraphs": len(flat),
        "ours_subset": ours_seconds,
        "recall": len(wanted & covered) / len(wanted) if wanted else 1.0,
        "wanted": len(wanted),
    }


def _department(paragraphs: list[str]) -> str:
    """The department's name, as the title gives it (what the importer reads)."""
    return paragraphs[0].split("20", 1)[0]


def _common_forms(subset: list[list[str]]) -> set[str]:
    """Forms the detection set apart as template wording (in more than half of the subset)."""
    counts: dict[str, int] = {}
    for paragraphs in subset:
        for form in {p.form for p in counted_paragraphs(paragraphs, [_department(paragraphs)])}:
            counts[form] = counts.get(form, 0) + 1
    return {form for form, n in counts.items() if n > len(subset) * ReuseOptions().common_share}


def measure(folder: Path) -> dict[str, Any]:
    planted = generate(folder, FILES)
    files = sorted(folder.glob("*.txt"))
    command = [*JIXIAO, "analyze", str(folder), "--json", "--workers", "2"]
    wall(command)  # warm-up: the page cache, the .pyc files
    runs, cpus, loads, output = [], [], [], b""
    for _ in range(RUNS):
        loads.append(os.getloadavg()[0])
        seconds, cpu, output = wall(command)
        runs.append(seconds)
        cpus.append(cpu)
    data = json.loads(output)
    flagged = {
        frozenset(Path(p).name for p in flag["files"])
        for flag in data["flags"]
        if flag["kind"] == "paragraph_reused"
    }
    found = sum(1 for pair in planted if frozenset(pair) in flagged)
    return {
        "files": len(files),
        "bytes": sum(f.stat().st_size for f in files),
        "runs": runs,
        "analyze": statistics.median(runs),
        "cpu": statistics.median(cpus),
        "load": statistics.median(loads),
        "failed": sum(1 for f in data["files"] if "error" in f),
        "planted": len(planted),
        "found": found,
        "reuse": measure_reuse(files, baseline_files(files, planted)),
    }


def section(m: dict[str, Any]) -> str:
    files, reuse = m["files"], m["reuse"]
    scale = (files / BASELINE_FILES) ** 2
    naive = reuse["naive_subset"] * scale
    detect = reuse["prepare"] + reuse["match"]
    runs = ", ".join(f"{r:.1f}" for r in m["runs"])
    goal = "met" if m["analyze"] < 60 else "NOT met"
    idle = m["cpu"] / 2
    return "\n".join(
        [
            "## Analyze (`jixiao analyze`): reuse, targets and self-scores across 10,000 reports",
            "",
            f"Machine: {machine()}. Command: `python -m benchmarks.analyze_bench`. {files:,} "
            f"generated report texts ({m['bytes'] / files / 1024:.1f} KiB each on average, "
            f"{reuse['paragraphs']:,} paragraphs that count), {m['planted']} planted copies "
            "(one paragraph from another report, figures and name changed). Whole-process wall "
            f"times, median of {RUNS} runs after a warm-up (runs: {runs} s).",
            "",
            "| step | seconds | notes |",
            "| --- | --- | --- |",
            f"| `jixiao analyze DIR --json --workers 2` | {m['analyze']:.1f} | every report "
            f"imported, evaluated, reviewed; reuse matched; goal < 60 s: {goal}; "
            f"{m['failed']} files failed; 1-minute load average at the start "
            f"{m['load']:.1f} (other processes share the 2 cores) |",
            f"| the same, CPU time of all its processes | {m['cpu']:.1f} | "
            f"{m['cpu'] / files * 1000:.1f} ms a report; ÷ 2 cores = {idle:.0f} s, the wall "
            "time on two cores it had to itself |",
            f"| reuse detection alone, 1 process: prepare | {reuse['prepare']:.1f} | normalise, "
            "shingle, MinHash (in the workers in `analyze`) |",
            f"| reuse detection alone, 1 process: match | {reuse['match']:.1f} | LSH banding, "
            f"exact-Jaccard verification; {reuse['pairs']:,} pairs |",
            f"| baseline: all pairs of paragraphs, {BASELINE_FILES} reports | "
            f"{reuse['naive_subset']:.1f} | {reuse['naive_paragraphs']:,} paragraphs |",
            f"| our detection, same {BASELINE_FILES} reports | {reuse['ours_subset']:.2f} | "
            f"recall against the baseline {reuse['recall']:.0%} of {reuse['wanted']} reused "
            "paragraphs (template wording excepted) |",
            f"| baseline extrapolated to {files:,} reports (× {scale:,.0f}) | {naive:,.0f} | "
            f"{naive / detect:,.0f}× our detection alone |",
            "",
            f"Planted copies found: {m['found']} of {m['planted']}.",
        ]
    )


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="jixiao-analyze-bench-") as temp:
        text = section(measure(Path(temp)))
    write_section("analyze-bench", text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
