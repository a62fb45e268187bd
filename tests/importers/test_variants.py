"""Wordings seen in published reports beyond the corpus excerpts: each gives the expected figures
and nothing else (precision), or is left out."""

from __future__ import annotations

import pytest

from jixiao.core.figures import FigureBook
from jixiao.importers.text import import_text

from .conftest import corpus_text

TITLE = "某县某某局2021年度部门整体支出绩效自评报告\n"

# text → the figures it must give (keys not listed must not be read from the text)
CASES: list[tuple[str, dict[str, str]]] = [
    (
        "2021年度收入预算总额为1,234.56万元,其中:一般公共预算拨款1,200万元,其他收入34.56万元。",
        {"budget.total": "1234.56", "budget.initial_total": "1234.56", "income.other": "34.56"},
    ),
    ("支出决算总额为1,100万元。", {"executed.total": "1100"}),
    (
        "年初预算数为1000万元,全年预算数为1200万元,全年支出1150万元,预算执行率为95.83%。",
        {
            "budget.initial_total": "1000",
            "budget.total": "1200",
            "executed.total": "1150",
            "rates.execution": "95.83",
        },
    ),
    ("“三公”经费预算15万元,实际支出12万元。", {"budget.sangong": "15", "executed.sangong": "12"}),
    ("基本支出预算800万元,实际支出780万元。", {"budget.basic": "800", "executed.basic": "780"}),
    (
        "人员经费支出300万元,公用经费支出50万元。",
        {"executed.personnel": "300", "executed.public_funds": "50"},
    ),
    ("年末结转结余30万元。", {"executed.carryover_end": "30"}),
    (
        "编制数12名,实有在职人员11名,退休人员5名。",
        {"staffing.authorized": "12", "staffing.in_service": "11", "staffing.retired": "5"},
    ),
    ("核定编制20名,其中行政编制15名,事业编制5名。", {"staffing.authorized": "20"}),
    (
        # 离休 the one part written: 离退休 stays the count (退休 12 − 2 is never written; as in
        # brackets, "离退休人员12人（其中离休2人）")
        "在职职工40人,离退休人员12人,其中离休2人。",
        {"staffing.in_service": "40", "staffing.retired": "12"},
    ),
    (
        "离退休人员12人,其中离休2人、退休10人。",
        {"staffing.retired": "10", "staffing.retired_cadres": "2"},
    ),
    ("绩效自评得分95.5分,等级为优。", {"score.self": "95.5", "grade.self": "优"}),
    ("自评总分为92分,评价结果为“优秀”。", {"score.self": "92", "grade.self": "优"}),
    (
        "年末资产总额为1 500 万元,较上年增加 10%。",
        {"assets.total_net": "1500", "assets.change_pct": "10"},
    ),
    ("单位现有车辆3辆,办公电脑20台,在职人员18人。", {"staffing.in_service": "18"}),
    ("2021年部门预算执行率100%。", {"rates.execution": "100"}),
    ("满分100分,本项得分8分,扣2分。", {}),
    ("民生支出占财政支出比重继续维持在73%以上。", {}),
    ("全县GDP增长6.5%,财政总收入12.3亿元。", {}),
    (
        "主要反映单位专项经费支出,全部为一般行政管理事务支出,总计280万元。",
        {"executed.special_funds": "280"},
    ),
    ("全部为一般行政管理事务支出,总计280万元。", {}),
    (
        "本部门编制数为35人,其中行政编制20人,事业编制15人;年末实有人数33人,其中行政人员19人,事业人员14人;离退休人员25人。",
        {"staffing.authorized": "35", "staffing.actual_total": "33", "staffing.retired": "25"},
    ),
    (
        "2021年度部门收入总计1,234.56万元,其中:财政拨款收入1,200.00万元;支出总计1,230.00万元,其中:基本支出900.00万元,"
        "项目支出330.00万元。",
        {
            "income.total": "1234.56",
            "executed.total": "1230",
            "executed.basic": "900",
            "executed.project": "330",
        },
    ),
    (
        "2021年年初预算数1,000万元,年中追加预算200万元,全年预算数1,200万元。",
        {"budget.initial_total": "1000", "budget.supplement": "200", "budget.total": "1200"},
    ),
    (
        "2021年度“三公”经费预算数为10万元,实际支出8.5万元,较上年减少1.2万元。其中:公务接待费2万元,公务用车运行维护费6.5万元。",
        {"budget.sangong": "10", "executed.sangong": "8.5"},
    ),
    (
        "经综合评定,2021年度部门整体支出绩效自评得分为93.5分,评价等级为“优”。",
        {"score.self": "93.5", "grade.self": "优"},
    ),
    ("指标体系总分100分,评价总分值100分。", {}),
    ("在职人员23人(其中:行政编制人员15人,事业编制人员8人)。", {"staffing.in_service": "23"}),
    (
        "在职人员23人(其中:行政编制人员15人,全额拨款事业编制人员8人)。",
        {"staffing.in_service": "23"},
    ),
    ("在职人员中党员15人,退休人员参加培训30人,全年培训在职人员200人次。", {}),
    ("年末在职人数较上年减少2人。", {}),
    ("本年度道路维修项目实际支出50万元,专项资金到位30万元。", {}),
    ("截至12月31日,全年实际支出980万元。", {"executed.total": "980"}),
    ("2021年一般公共预算财政拨款支出1,150万元。", {"executed.total": "1150"}),
    ("编制外聘用人员6人。", {"staffing.contract": "6"}),
    (
        "全年预算数为1200万元,其中公用经费预算100万元。",
        {"budget.total": "1200", "budget.public_funds": "100"},
    ),
    (
        "在职人员20人,退休人员12人(其中离休2人)。",
        {"staffing.in_service": "20", "staffing.retired": "12"},
    ),
    ("一季度预算执行率为30%,全年预算执行率为98%。", {"rates.execution": "98"}),
    ("2021年部门预算支出1000万元。", {}),
    ("2021年实际完成预算支出980万元。", {"executed.total": "980"}),
    ("在职职工10人,其中:公务员7人,工勤人员3人。", {"staffing.in_service": "10"}),
    ("评分结果为“优秀”。", {"grade.self": "优"}),
    (
        "年初预算1000万元,调整预算1200万元。",
        {"budget.initial_total": "1000", "budget.total": "1200"},
    ),
    (
        "年初预算1000万元,调整预算200万元,全年预算1200万元。",
        {"budget.initial_total": "1000", "budget.supplement": "200", "budget.total": "1200"},
    ),
    ("调整预算200万元。", {}),
    (
        "2024年部门收入合计285.63万元,其中:财政拨款收入285.63万元。2024年部门支出合计285.63万元,其中:基本支出236.9万元,"
        "占82.94%;项目支出48.73万元,占17.06%。",
        {
            "income.total": "285.63",
            "executed.total": "285.63",
            "executed.basic": "236.9",
            "executed.project": "48.73",
        },
    ),
    ("截至2024年12月31日,固定资产原值356.2万元,净值120.4万元。", {"assets.fixed_total": "356.2"}),
    (
        "我单位共有干部职工25人,其中在职18人,退休7人。",
        {"staffing.actual_total": "25", "staffing.in_service": "18", "staffing.retired": "7"},
    ),
    (
        "核定编制20人,实有在职人员17人,空编3人。",
        {"staffing.authorized": "20", "staffing.in_service": "17"},
    ),
    (
        "部门整体绩效自评表\n主管部门\t财政处室\t自评总分(分)\t97.6\n",
        {"score.self": "97.6"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:14] for c in CASES])
def test_wording_variants(text: str, expected: dict[str, str]) -> None:
    result = import_text(TITLE + text)
    flat = FigureBook(result.dossier).flat()
    read = {
        key: flat[key] for key in result.sources if key in flat and not key.startswith("profile.")
    }
    assert read == expected


def test_toc_and_body_headings_both_parse() -> None:
    result = import_text(corpus_text("r2-11"))
    assert result.dossier.profile.name == "中共寻甸县委统战部"
    assert result.dossier.year == 2024
