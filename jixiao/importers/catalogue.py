"""The catalogue of importer finding ids (``import.*``), rendered as a section of docs/findings.md.

``python -m jixiao.cli.catalogue`` rewrites docs/findings.md from this and the check registry.
Ids are never reused.
"""

from __future__ import annotations

# id → (level, 中文说明, English description)
CATALOGUE: dict[str, tuple[str, str, str]] = {
    "import.W001": (
        "warning",
        "找不到部门名称，草稿用“未识别的部门”占位（可用 --department 指定）",
        "No department name found; the draft uses a placeholder (give --department)",
    ),
    "import.W002": (
        "warning",
        "找不到报告标题或标题中没有年度，年度取自正文",
        "No report title, or the year was taken from the body",
    ),
    "import.W003": (
        "warning",
        "同一数字在报告中多处表述不一致",
        "The same figure is stated differently in two places",
    ),
    "import.W004": (
        "warning",
        "分类型人数与总数不符或无法对应标准类型，分类未导入",
        "Counts by staff type do not add up or cannot be typed; not imported",
    ),
    "import.W005": (
        "warning",
        "金额分项之和与所述合计不符",
        "Amounts listed as parts do not add up to the stated total",
    ),
    "import.W006": (
        "warning",
        "括号内下属单位的人数，未作为本部门人数导入",
        "A count inside a sub-unit breakdown was not imported",
    ),
    "import.W007": (
        "warning",
        "看不出金额是预算数还是支出数，未导入",
        "Cannot tell whether an amount is budget or spending; not imported",
    ),
    "import.W008": (
        "warning",
        "疑似文字识别把“≥”读成“2”或“到”，已按“≥”读取",
        "OCR seems to have read ≥ as 2 or 到; read as ≥",
    ),
    "import.W010": (
        "warning",
        "标题中没有部门名称，按正文推断",
        "Department name inferred from the body text",
    ),
    "import.W011": (
        "warning",
        "找不到报告年度，草稿暂填上一年（可用 --year 指定）",
        "No report year found; the draft uses last year as a placeholder (give --year)",
    ),
    "import.W012": (
        "warning",
        "给定的年度或部门与报告所写不同，按给定的导入",
        "The given year or department differs from the report's; the given one is used",
    ),
    "import.W013": (
        "warning",
        "标题的年度与正文金额所写的年度不同",
        "The title's year differs from the year the body states its money for",
    ),
    "import.W014": (
        "warning",
        "合计与分项按所写单位不符，按算术相符的单位（元/万元）读取其中一项，数字不变",
        "A total and its parts add up only with one of them read in the other of 元 / 万元; "
        "read so, the number unchanged",
    ),
    "import.W015": (
        "warning",
        "讲所属（下属）单位或非本部门人员的句子中的人数，未作为本部门人数导入",
        "A count in a sentence about a subordinate unit, or people not the department's, was "
        "not imported",
    ),
    "import.W016": (
        "warning",
        "评分表各行得分之和与合计行的得分不符，合计按报告所写导入",
        "A score table's rows do not add up to its 合计 row's score; the total is kept as stated",
    ),
    "import.W017": (
        "warning",
        "年初预算加调整数与所述调整后预算不符，各数按报告所写导入",
        "The initial budget plus the adjustment does not give the stated adjusted budget; each "
        "figure is kept as stated",
    ),
    "import.W018": (
        "warning",
        "表格标题的年度与报告标题不同，而表中合计正是正文所写本年度的数额",
        "A table's caption states another year than the title, yet its total is the figure the "
        "prose states for the report's year",
    ),
    "import.W019": (
        "warning",
        "所附表格写的年度与报告标题不同，而报告的金额正是从这张表读取的",
        "A form states another year than the title, yet the report's figures were read from it",
    ),
    "import.W020": (
        "warning",
        "各一级指标得分相加不等于报告所写的总分",
        "The dimensions' scores stated do not add up to the total stated",
    ),
    "import.I011": (
        "info",
        "“其中”分项与前面的合计相符（而不是紧挨着的金额），按该合计的分项导入",
        "Parts after 其中 add up to an earlier total of the sentence, not to the amount right "
        "before them; read as that total's parts",
    ),
    "import.I012": (
        "info",
        "分项没有写明预算或执行，其合计与某个已读金额相符，按该金额的阶段导入",
        "Amounts with no phase that add up to an amount read with its phase take that phase",
    ),
    "import.I013": (
        "info",
        "表格没有注明单位，按与正文金额相符的单位（万元/元）读取",
        "A table stating no unit is read in the unit (万元 / 元) under which it matches the prose",
    ),
    "import.I014": (
        "info",
        "“预算支出”与同句的实际支出对照、与预算收入相等，或其“其中”分项均为预算数且合计相符，"
        "按预算数导入",
        "预算支出 set against the spending total in the same sentence, equal to the budgeted "
        "income, or whose parts after 其中 are budgets adding up to it, is read as the budget",
    ),
    "import.I015": (
        "info",
        "项目支出绩效自评表：一个项目的资金和评分，不是部门整体支出的，均未导入",
        "A project's self-evaluation form: its money, rate, score and indicators are the "
        "project's, not the department's; none is imported",
    ),
    "import.I016": (
        "info",
        "材料中的项目支出绩效自评表是项目的，不是部门整体支出的，其金额、执行率和得分未导入",
        "A bundle's project forms are the projects', not the department's: their money, rates "
        "and scores are not imported",
    ),
    "import.I010": (
        "info",
        "金额没有写明预算或执行，评价报告中按当年支出数导入",
        "An amount with no budget word read as the year's spending (evaluation report)",
    ),
    "import.I001": (
        "info",
        "“编制人员N人”是占用编制的在职人数，不是编制数",
        "“编制人员” is a head-count of staff holding posts, not the quota",
    ),
    "import.I002": (
        "info",
        "“现有人员”按实有人数导入，可能包含退休、编外人员",
        "“现有人员” read as the actual head-count; may include retirees and contract staff",
    ),
    "import.I003": (
        "info",
        "离退休人数合并表述，计入退休人数",
        "Retired cadres and retirees stated together; counted as retired",
    ),
    "import.I004": (
        "info",
        "人数总数没有按类型分列，仅作为报告所述数导入",
        "A total without a breakdown by type; kept as a stated figure",
    ),
    "import.I005": (
        "info",
        "到位指标/到位资金不作为预算数导入",
        "Allocated funds (到位指标) are not imported as the budget",
    ),
    "import.I006": (
        "info",
        "人员经费不等于工资福利支出，按“人员经费”导入",
        "Personnel funds are not wages and benefits; imported as 人员经费",
    ),
    "import.I008": (
        "info",
        "含义无法确定的金额或约数，未导入",
        "Amounts whose meaning could not be determined, or approximate amounts; not imported",
    ),
    "import.I009": (
        "info",
        "关键词中疑有错字或缺字，已按正确写法读取（如“基本支”“项目支”“年未实有”）",
        "A keyword with a typo was read as meant (基本支, 项目支, 年未实有)",
    ),
}

# Ids no longer produced; never reuse them. id → (what it meant, why it was retired)
RETIRED: dict[str, tuple[str, str]] = {
    "import.I007": (
        "收入不作为预算数导入 / income was not imported as the budget",
        "income is now imported as 本年收入 / 其他资金来源, and the checks reconcile it (budget.W006, W007)",
    ),
}

_EXPLANATIONS = """
Importer findings say what a report importer could not read with certainty. They are produced
by `jixiao import` (and the web import) next to the dossier draft, never by `jixiao check`: the
importer leaves a doubtful value out (precision before recall) and says so here, with the place
in the original file (`文件 第N段/第N页 字符a-b`). The checks then run on the draft as on any
dossier; a total stated in two places is kept as two statements so that `stated.E001` finds the
difference, and a total stated beside its parts is kept as a statement so that `budget.E001` /
`executed.E001` / `staffing.E00x` compare it with the parts.
"""


def render() -> str:
    """The importer section of docs/findings.md."""
    lines = [
        "## 导入提示 / Importer findings (`import.*`)",
        "",
        _EXPLANATIONS.strip(),
        "",
        "| id | 级别 level | 说明 | description |",
        "| --- | --- | --- | --- |",
    ]
    labels = {"error": "错误 error", "warning": "警告 warning", "info": "提示 info"}
    for finding_id, (level, zh, en) in sorted(CATALOGUE.items()):
        lines.append(f"| `{finding_id}` | {labels[level]} | {zh} | {en} |")
    if RETIRED:
        lines += ["", "Retired importer ids (never reused):", ""]
        lines += [f"- `{rid}`: {meant} — {why}" for rid, (meant, why) in sorted(RETIRED.items())]
    return "\n".join(lines) + "\n"
