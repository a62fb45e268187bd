"""docs/ledgers.md describes every ledger file, every column and every aggregate key."""

from __future__ import annotations

from pathlib import Path

from jixiao.core.ledgers import AGGREGATES, LEDGERS

DOC = (Path(__file__).resolve().parents[3] / "docs" / "ledgers.md").read_text("utf-8")


def test_every_aggregate_key_is_documented() -> None:
    assert [key for key in AGGREGATES if f"| `{key}` |" not in DOC] == []


def test_every_ledger_file_and_column_is_documented() -> None:
    missing = []
    for kind, spec in LEDGERS.items():
        section = DOC.split(f"**`{kind.value}.csv`**", 1)
        if len(section) < 2:
            missing.append(kind.value)
            continue
        table = section[1].split("\n\n", 2)[1]
        for name, info in spec.record.model_fields.items():
            if f"| {info.title} | `{name}` |" not in table:
                missing.append(f"{kind.value}.{name}")
    assert missing == []
