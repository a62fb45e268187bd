"""The report written from ledger aggregates: 履职完成情况 and 履职效果情况 state the computed
figures with their records, and 附件4 shows each backed actual and how its claim fared."""

from __future__ import annotations

from typing import Any

from jixiao.core.compose import compose_report, ledger_sentence
from jixiao.core.dossier import dossier_from_data
from jixiao.core.framework import framework_from_data
from jixiao.core.ledgers import AggregateBook, LedgerSet
from jixiao.core.pipeline import evaluate
from jixiao.core.report import Paragraph, Table

FRAMEWORK = framework_from_data(
    {
        "id": "t",
        "name": "测试",
        "indicators": [
            {
                "id": "all",
                "name": "全部",
                "weight": 100,
                "department_indicators": {"level1": ["产出", "效益", "满意度"]},
                "method": {"type": "proportional"},
            },
        ],
    }
)
LEDGERS = LedgerSet.model_validate(
    {
        "overhauls": [
            {"id": f"JX-{n}", "overhaul_date": f"2021-{n:02d}-10", "equipment": "空调"}
            for n in range(1, 11)
        ],
        "facility_inspections": [
            {"id": f"XC-{n}", "inspected_on": "2021-11-15", "facility": "灯", "intact": n < 20}
            for n in range(1, 21)
        ],
        "security_events": [{"id": "AB-1", "event_date": "2021-11-09", "kind": "安全培训"}],
    }
)


def indicators(*rows: dict[str, Any]) -> Any:
    return dossier_from_data(
        {"year": 2021, "profile": {"name": "测试局"}, "indicators": list(rows)}
    )


def texts(document: Any, key: str) -> list[str]:
    section = next(s for s in document.walk() if s.key == key)
    return [b.text for b in section.blocks if isinstance(b, Paragraph)]


def evidence_rows(document: Any) -> list[list[str]]:
    table = next(t for t in document.tables() if t.key == "ledgers")
    assert isinstance(table, Table)
    return [[c.text for c in row] for row in table.rows]


OVERHAULS = {
    "id": "o",
    "name": "设备检修次数",
    "level1": "产出",
    "target": 10,
    "unit": "次",
    "actual_from": "property.overhauls_done",
}
INTACT = {
    "id": "f",
    "name": "公共设施完好率",
    "level1": "效益",
    "target": 90,
    "unit": "%",
    "actual_from": "property.facilities_intact_share",
}


def test_sections_state_the_computed_figures_with_their_records() -> None:
    document = compose_report(evaluate(indicators(OVERHAULS, INTACT), FRAMEWORK, ledgers=LEDGERS))
    achievements = texts(document, "performance.achievements")
    assert achievements == [
        "根据2021年度台账记录，全年履职完成情况如下：",
        "（1）全年完成设备检修10次（从10条记录计算）。",
        "（2）重大治安案件和消防安全事故0起（从1条记录计算）。",
        "（3）开展消防安全培训1次（从1条记录计算）。",
    ]
    effects = " ".join(texts(document, "performance.effects"))
    assert "公共设施完好率95%（完好19条/巡查20条，从20条记录计算）（目标≥90%）" in effects
    assert "（从" not in effects.replace("从20条记录计算", "")  # nothing else is ledger-stated


def test_the_evidence_annex_shows_an_unsupported_claim_and_an_override() -> None:
    claimed = {**OVERHAULS, "actual": 12}
    overridden = {**INTACT, "actual": 96, "override_reason": "一处路灯当日已修复"}
    document = compose_report(evaluate(indicators(claimed, overridden), FRAMEWORK, ledgers=LEDGERS))
    assert evidence_rows(document) == [
        [
            "设备检修次数",
            "10次",
            "12次",
            "设备检修次数",
            "10",
            "JX-1、JX-2……JX-10，共10条",
            "报告所写不符，已按台账计算",
        ],
        [
            "公共设施完好率",
            "95%",
            "96%",
            "公共设施完好率",
            "20",
            "XC-1、XC-2……XC-20，共20条",
            "按说明理由改写：一处路灯当日已修复",
        ],
    ]


def test_without_ledgers_the_report_has_no_ledger_text_or_annex() -> None:
    document = compose_report(evaluate(indicators(OVERHAULS), FRAMEWORK))
    assert all(t.key != "ledgers" for t in document.tables())
    assert not any("台账记录" in t for t in texts(document, "performance.achievements"))


def test_a_change_is_worded_as_a_fall_or_a_rise() -> None:
    energy = LedgerSet.model_validate(
        {
            "energy_use": [
                {
                    "id": "a",
                    "month": "2020-01",
                    "building": "楼",
                    "energy_type": "汽油",
                    "quantity": 100,
                },
                {
                    "id": "b",
                    "month": "2021-01",
                    "building": "楼",
                    "energy_type": "汽油",
                    "quantity": 90,
                },
            ],
            "energy_base": [
                {"id": "x", "year": 2020, "building": "楼", "floor_area": 10, "headcount": 10},
                {"id": "y", "year": 2021, "building": "楼", "floor_area": 10, "headcount": 10},
            ],
        }
    )
    from jixiao.core.ledgers.energy import ConversionFactors

    factors = ConversionFactors.model_validate(
        {"source": "t", "factors": {"汽油": {"unit": "升", "kgce_per_unit": "1"}}}
    )
    change = AggregateBook(energy, 2021, factors).get("energy.per_head_change")
    assert (
        ledger_sentence(change) == "人均综合能耗较上年下降10%（2021年9，2020年10，从4条记录计算）"
    )
