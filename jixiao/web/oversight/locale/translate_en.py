"""Fill this app's locale/en/LC_MESSAGES/django.po from the table below, then compile it.

The strings of the reuse and target review (and the dashboard's distrust table) live in the
oversight app's own catalogue (Django reads app locale folders after LOCALE_PATHS), so they do
not touch the project's; the dashboard's earlier strings stay in the project's catalogue, which
wins where both have one. Run from jixiao/web/oversight:
``python -P -m django makemessages -l en --no-location`` then ``python locale/translate_en.py``.
The filling itself is the project's (jixiao/web/locale/translate_en.py).
"""

from __future__ import annotations

from pathlib import Path

from jixiao.web.locale.translate_en import fill_and_compile

EN = {
    "finding level\x04错误": "Error",
    "finding level\x04警告": "Warning",
    "finding level\x04提示": "Info",
    "批次分析（文字重复、目标质量）": "Round analysis (reused text, targets)",
    "版本分析（文字重复、目标质量）": "Version analysis (reused text, targets)",
    "文字重复率（%）": "Reused text (%)",
    "文字重复率（%%）": "Reused text (%%)",
    "文字重复率": "Reused text",
    "目标问题": "Target issues",
    "错误级核查发现": "Error-level findings",
    "重复段落": "Reused paragraphs",
    "自评高出最终得分": "Self-score above the final score",
    "文字重复": "Reused text",
    "目标偏软或不规范": "Soft or ill-formed targets",
    "文字重复（段落见于其他报告）": "Reused text (paragraphs found in other reports)",
    "参与比对的段落": "Paragraphs compared",
    "与本单位往年报告、本批次及往年批次其他单位已提交的报告逐段比对（MinHash 与 Jaccard 相似度"
    " ≥ 0.6）；多数报告共有的模板段落不计。重复率 = 见于其他报告的段落字数 ÷ 参与比对的段落字数。": (
        "Compared paragraph by paragraph with the unit's earlier reports and the handed-in reports"
        " of other units in this and earlier rounds (MinHash and Jaccard similarity ≥ 0.6);"
        " template paragraphs most reports share do not count. Reused text = characters of the"
        " paragraphs found in other reports ÷ characters of the paragraphs compared."
    ),
    "自评高出最终得分 %(gap)s 分": "self-score %(gap)s above the final score",
    "文字重复 %(percent)s%%（%(n)s 段）": "reused text %(percent)s%% (%(n)s paragraphs)",
    "目标问题 %(n)s 项": "%(n)s target issues",
    "错误级核查发现 %(n)s 项（含已说明）": "%(n)s error-level findings (explained ones included)",
    "值得怀疑的报告（理由多者在前）": "Reports to distrust (most reasons first)",
    "值得怀疑的报告": "Reports to distrust",
    "理由数": "Reasons",
    "理由": "Reasons",
    "理由与证据": "Reasons and evidence",
    "目标质量": "Target quality",
    "同审核发现": "also finding",
    "比较依据": "Figures compared",
    "未发现目标问题。": "No target issues found.",
    "另有 %(n)s 项（措辞含糊、缺目标值等）已作为审核发现列在相应指标旁。": (
        "%(n)s more (vague wording, missing targets…) are listed as findings beside the indicators."
    ),
    "检查：指标值措辞含糊无数值、缺计量单位或比较符、产出与效益类别放错、“不涉及/无”却有分值、"
    "分值合计与评分框架不符、目标低于本单位上年实际完成值，或远低于本批次同名指标目标的中位数（不足一半）。": (
        "Checked: targets in vague words without a number, without a unit or comparator, output"
        " and outcome indicators filed in the wrong class, not-applicable indicators carrying points,"
        " weights not adding up to the framework's, targets below the unit's own actual of last"
        " year or far below (under half) the median target of the same indicator in the round."
    ),
    "本批次尚未做同类对比（提交的报告经财政局看板分析后才有）。": (
        "No comparison with peers yet (it comes with the bureau's dashboard analysis of the"
        " handed-in reports)."
    ),
    "保存后更新。": "Updated on each save.",
    "文字重复 %(n)s%% 以上": "Reused text %(n)s%% or more",
    "有理由怀疑的报告": "Reports with reasons to distrust",
    "共 %(n)s 份报告至少有一条理由": "%(n)s reports with at least one reason",
    "下表列出前 %(n)s 份，全部见导出": "The first %(n)s are below; the export has all",
    "自评 %(self)s 分，最终得分 %(final)s 分，高出 %(gap)s 分": (
        "Self-score %(self)s, final score %(final)s: %(gap)s above"
    ),
    "文字重复 %(p)s%%（%(n)s 段见于其他报告）": (
        "Reused text %(p)s%% (%(n)s of its paragraphs found in other reports)"
    ),
    "没有需要特别关注的报告": "No report calls for a closer look",
    "理由：自评分高出最终得分 %(gap)s 分以上；叙述文字 %(n)s%% 以上见于其他报告（本单位往年或其他单位）；"
    "目标偏软或不规范（措辞含糊、低于上年实际或远低于同类中位数等）；有错误级核查发现（含已书面说明的）。"
    "每条理由链接到其证据。": (
        "Reasons: a self-score %(gap)s or more above the final score; %(n)s%% or more of the"
        " narrative found in other reports (the unit's earlier years or other units); soft or"
        " ill-formed targets (vague, below last year's actual, far below the peers' median…);"
        " error-level findings (explained ones included). Each reason links to its evidence."
    ),
    "对照": "Compare",
    "逐段对照": "Side by side",
    "未发现重复段落": "No reused paragraphs found",
    "文字说明": "Narratives",
    "本报告尚未提交（或已退回）：提交后才与本单位往年、本批次及往年批次其他单位已提交的报告逐段比对。": (
        "This report is not handed in (or was returned): once handed in, it is compared paragraph"
        " by paragraph with the unit's earlier reports and the handed-in reports of other units."
    ),
    "（参与比对的 %(m)s 段中 %(n)s 段见于其他报告）": (
        " (%(n)s of the %(m)s paragraphs compared are found in other reports)"
    ),
    "多数报告共有的模板段落 %(k)s 段不计": (
        "%(k)s template paragraphs most reports share do not count"
    ),
    "与本单位往年报告、本批次及往年批次其他单位已提交的报告（共 %(n)s 份）逐段比对，相似度（Jaccard，"
    "5 字片段）≥ 60%% 视为重复；分析于 %(at)s。高亮为两段的共同文字。来源为其他单位未公开的报告时，"
    "只说明有重复，不显示其内容和单位。": (
        "Compared paragraph by paragraph with the unit's earlier reports and the handed-in"
        " reports of other units in this and earlier rounds (%(n)s reports); a similarity"
        " (Jaccard, 5-character shingles) of 60%% or more counts as reused; analysed %(at)s."
        " Highlighted: the text both paragraphs share. Where the source is another unit's"
        " unpublished report, only the match is shown, not its text or unit."
    ),
    "相似度": "Similarity",
    "共 %(n)s 份报告含此段或近似段落": "%(n)s reports hold this paragraph or a near copy",
    "本报告": "This report",
    "来源": "Source",
    "本单位": "this unit",
    "与另一单位尚未公开的报告中的段落相同或相近。您无权查看该报告，其单位和内容不予显示；如需核实，请联系财政局。": (
        "The same as, or close to, a paragraph of another unit's unpublished report. You may not"
        " see that report, so neither its unit nor its text is shown; ask the finance bureau to"
        " check."
    ),
    "未发现与其他报告重复的段落。": "No paragraph found in other reports.",
    # 职能领域: the 功能分类 类 a unit is inferred to belong to (vocabulary.py)
    "教育": "Education",
    "卫生健康": "Health",
    "农林水": "Agriculture, forestry and water",
    "交通运输": "Transport",
    "自然资源海洋气象等": "Natural resources, oceans, meteorology",
    "社会保障和就业": "Social security and employment",
    "文化旅游体育与传媒": "Culture, tourism, sport and media",
    "公共安全": "Public security",
    "城乡社区": "Urban and rural communities",
    "节能环保": "Energy saving and environment",
    "一般公共服务": "General public services",
}


def main() -> None:
    here = Path(__file__).resolve().parent
    fill_and_compile(here / "en" / "LC_MESSAGES" / "django.po", EN)


if __name__ == "__main__":
    main()
