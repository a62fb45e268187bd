"""Saving the indicator section keeps each row's ledger backing (not on the form yet)."""

from __future__ import annotations

from jixiao.web.evaluations.forms import _indicators_data


def test_saving_indicators_keeps_actual_from_and_override_reason() -> None:
    data = {
        "indicators": [
            {
                "id": "a",
                "name": "设备检修次数",
                "actual_from": "property.overhauls_done",
                "override_reason": "厂家保修一次",
                "evidence": ["台账"],
            }
        ]
    }
    rows = [{"id": "a", "name": "设备检修次数（改）", "actual": 13}, {"id": "b", "name": "新"}]
    saved = _indicators_data(data, {}, rows)["indicators"]
    assert saved[0]["actual_from"] == "property.overhauls_done"
    assert (
        saved[0]["override_reason"] == "厂家保修一次" and saved[0]["name"] == "设备检修次数（改）"
    )
    assert "actual_from" not in saved[1]
