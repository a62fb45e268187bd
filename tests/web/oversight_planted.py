"""The hand-made county of tests/web/oversight_data.py with planted reuse and soft targets
(tests/web/test_oversight_analysis.py and the browser test of the 重复段落 view):

- 一中 (教育局) and 人民医院 (卫健委) share a planted paragraph (each with its own name in it;
  一中's copy has one more clause, ``SOURCE_ONLY``); 二中 writes its own text;
- 一中 repeats a paragraph of its own 2022 report (handed in, not published);
- 一中 sets a target in words only (进一步提高) and one below its 2022 actual; 二中's and
  人民医院's targets are clean.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from jixiao.web.evaluations import services
from jixiao.web.evaluations.models import DossierVersion, Submission
from tests.web.oversight_data import build_county, unit_data

COPIED = (
    "{name}坚持问题导向，围绕资金使用绩效开展专项自查，对照年初绩效目标逐项核对完成情况，"
    "建立问题清单和整改清单，将评价结果与下年度预算安排挂钩，形成闭环管理机制。"
)
SOURCE_ONLY = "并由分管领导每月调度，确保年底前全部销号。"  # only in 一中's copy
OWN_2022 = (
    "本校以立德树人为根本任务，深化课堂教学改革，推进集团化办学和教师专业发展，"
    "学生综合素质和学业水平稳步提升，家长和社会满意度持续提高。"
)
ER_OWN = (
    "二中全年开展教研活动四十余次，完成校舍维修改造工程两项，新建智慧教室八间，"
    "组织学生参加市级以上竞赛并获奖多项，办学条件明显改善。"
)
VISITS = {
    "id": "visits",
    "name": "家长来访接待人次",
    "level1": "产出",
    "level2": "数量",
    "goal": "G1",
    "comparator": "≥",
    "unit": "人次",
}


def set_data(submission: Submission, **changes) -> None:
    """Change a stored version's data in place, as a handed-in report (no signal, no rescore)."""
    version = DossierVersion.objects.get(pk=submission.current_version_id)
    DossierVersion.objects.filter(pk=version.pk).update(data={**version.data, **changes})


def narratives(**parts) -> dict:
    return {"narratives": {key: [text] for key, text in parts.items()}}


def build_planted_county():
    """The county of tests/web/oversight_data.py with the planted reuse and targets above."""
    county = build_county()
    last = services.round_open(
        actor=county.users["finance"],
        finance=county.finance,
        year=2022,
        notice="测财监〔2023〕1号",
        title="测试县2022年度绩效自评",
        deadline=timezone.now() + timedelta(days=30),
        units=[county.units["yi"]],
    )
    earlier = Submission.objects.get(round=last, org=county.units["yi"])
    data = unit_data("测试县第一中学", executed="90", unit_type="事业单位", year=2022)
    data["indicators"].append({**VISITS, "target": "100", "actual": "120"})
    data["narratives"] = {"experience": [OWN_2022]}
    services.submission_save_dossier(actor=county.users["filler_yi"], submission=earlier, data=data)
    services.submission_sign_off(actor=county.users["head_yi"], submission=earlier)
    services.submission_transition(
        actor=county.users["filler_yi"],
        submission=Submission.objects.get(pk=earlier.pk),
        action="submit",
    )
    county.earlier = Submission.objects.get(pk=earlier.pk)
    yi = Submission.objects.get(pk=county.subs["yi"].pk)
    indicators = [
        *yi.current_version.data["indicators"],
        {**VISITS, "target": "80", "actual": "130"},  # below last year's 120
        {
            "id": "quality",
            "name": "家校沟通质量",
            "level1": "产出",
            "level2": "质量",
            "goal": "G1",
            "comparator": "定性",
            "target_text": "进一步提高",
            "actual_text": "有所提高",
        },
    ]
    set_data(
        yi,
        indicators=indicators,
        **narratives(
            effects=COPIED.format(name="测试县第一中学") + SOURCE_ONLY, experience=OWN_2022
        ),
    )
    set_data(
        Submission.objects.get(pk=county.subs["yy"].pk),
        **narratives(effects=COPIED.format(name="测试县人民医院")),
    )
    set_data(Submission.objects.get(pk=county.subs["er"].pk), **narratives(effects=ER_OWN))
    return county
