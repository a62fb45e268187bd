"""Self-score inflation: a planted inflated total, grade and indicator scores are found, each
with its evidence; an honest self-score is not flagged."""

from __future__ import annotations

from typing import Any

from jixiao.core.analytics.inflation import inflation_flags
from jixiao.core.dossier import dossier_from_data
from jixiao.core.framework import framework_from_data
from jixiao.core.pipeline import evaluate

FRAMEWORK = framework_from_data(
    {
        "id": "t",
        "name": "测试框架",
        "indicators": [
            {
                "id": "outputs",
                "name": "产出",
                "weight": 100,
                "department_indicators": {"level1": ["产出"]},
                "method": {"type": "proportional"},
            },
        ],
    }
)


def indicator(id: str, **extra: Any) -> dict[str, Any]:
    data = {
        "id": id,
        "name": f"指标{id}",
        "level1": "产出",
        "level2": "数量",
        "unit": "次",
        "target": 100,
        "weight": 50,
        "evidence": ["台账"],
    }
    return {**data, **extra}


def flags(indicators: list[dict[str, Any]], total: int, grade: str | None = None) -> list[Any]:
    dossier = dossier_from_data(
        {
            "year": 2023,
            "profile": {"name": "测试局"},
            "indicators": indicators,
            "self_evaluation": {"total": total, **({"grade": grade} if grade else {})},
        }
    )
    return inflation_flags(dossier, evaluate(dossier, FRAMEWORK).score)


def test_an_honest_self_score_is_not_flagged() -> None:
    honest = [indicator("a", actual=100, self_score=50), indicator("b", actual=90, self_score=45)]
    assert flags(honest, 95) == []


def test_a_planted_inflated_self_score_is_found_with_the_computed_score() -> None:
    short = [indicator("a", actual=50, self_score=50), indicator("b", actual=60, self_score=48)]
    found = flags(short, 98, grade="优")
    assert [(f.kind, f.indicator_id) for f in found] == [
        ("self_score_above_computed", None),
        ("grade_above_computed", None),
        ("item_above_computed", "a"),
        ("item_above_computed", "b"),
    ]
    total = found[0]
    assert total.evidence == "自评98分，计算得分55分" and total.finding_id == "score.W001"
    assert total.gap == 43
    assert found[1].evidence == "自评等级“优”，计算等级“差”（55分）"
    assert found[2].evidence.startswith("自评50分，计算25分（分值50）")


def test_full_marks_without_an_actual_or_without_evidence() -> None:
    found = flags(
        [indicator("a", self_score=50), indicator("b", actual=100, self_score=50, evidence=[])],
        100,
    )
    kinds = [(f.kind, f.indicator_id) for f in found]
    assert ("full_marks_without_actual", "a") in kinds
    assert ("full_marks_without_evidence", "b") in kinds
    assert ("self_score_above_computed", None) not in kinds  # 100 is still possible
