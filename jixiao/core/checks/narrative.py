"""Narrative rules: sections a report must not leave empty."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.core.checks import Context, Note, rule

REQUIRED_SECTIONS = {
    "overall_goal": "当年部门履职总体目标、工作任务",
    "achievements": "履职完成情况",
    "problems": "主要问题及原因分析",
    "improvements": "改进的方向和具体措施",
    "application": "绩效自评结果拟应用和公开情况",
}


@rule("narrative.W001", "报告必备章节为空", "A required report section is empty")
def empty_sections(context: Context) -> Iterator[Note]:
    narratives = context.dossier.narratives
    for field, title in REQUIRED_SECTIONS.items():
        if not any(p.strip() for p in getattr(narratives, field)):
            yield Note(
                f"“{title}”没有内容",
                f"section {field} is empty",
                "按报告提纲补写该部分",
                f"narratives.{field}",
                hint_en="Write this section following the report outline",
            )


@rule("narrative.W002", "问题与改进措施数量不对应", "Problems and improvements do not correspond")
def problems_without_measures(context: Context) -> Iterator[Note]:
    narratives = context.dossier.narratives
    if narratives.problems and len(narratives.improvements) < len(narratives.problems):
        yield Note(
            f"列出{len(narratives.problems)}个问题，只有{len(narratives.improvements)}条改进措施",
            "fewer improvement measures than problems",
            "每个问题都应有对应的改进措施",
            "narratives.improvements",
            hint_en="Every problem needs an improvement measure",
        )
