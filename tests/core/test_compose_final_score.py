"""The report states the final score the same way as every page: the computed score, then the
finance re-score where there is one, in the text and in the score table (with a 财政复核 column)."""

from __future__ import annotations

from decimal import Decimal

from jixiao.core.compose import compose_report
from jixiao.core.dossier import Dossier
from jixiao.core.report import Paragraph, Table
from jixiao.core.scoring import Rescore
from jixiao.frameworks import evaluate_with


def score_table(document) -> Table:
    return next(t for t in document.tables() if t.key == "score")


def texts(document) -> list[str]:
    return [b.text for s in document.walk() for b in s.blocks if isinstance(b, Paragraph)]


def test_without_rescore_the_table_has_no_rescore_column(seed_dossier: Dossier) -> None:
    table = score_table(compose_report(evaluate_with(seed_dossier)))
    assert "财政复核" not in [c.header for c in table.columns]
    totals = [c.text for c in table.rows[-1]]
    assert "—（证据不足）" in totals
    assert not any(t.startswith("0（") for t in totals)


def test_a_rescore_adds_its_column_total_and_sentence(seed_dossier: Dossier) -> None:
    result = evaluate_with(seed_dossier)
    rescores = {item.id: Rescore(item.weight / 2, "现场核实") for item in result.score.items}
    rescored = evaluate_with(seed_dossier, rescores=rescores)
    document = compose_report(rescored)
    table = score_table(document)
    headers = [c.header for c in table.columns]
    assert headers[headers.index("计算得分") + 1] == "财政复核"
    column = headers.index("财政复核")
    first = table.rows[0]
    assert first[column].text == f"{result.score.items[0].weight / 2:f}".rstrip("0").rstrip(".")
    assert "财政复核：现场核实" in first[-1].text
    final = rescored.score.final
    assert final.total is not None and final.grade
    totals = [c.text for c in table.rows[-1]]
    assert final.text in totals
    assert f"财政复核等级：{final.grade}" in totals[-1]
    sentence = next(t for t in texts(document) if "经财政复核" in t)
    assert f"综合得分为{final.text}分，等级为“{final.grade}”" in sentence
    assert all(len(row) == len(table.rows[0]) for row in table.rows[:-1])


def test_half_points_everywhere_give_half_the_total(seed_dossier: Dossier) -> None:
    result = evaluate_with(seed_dossier)
    rescores = {item.id: Rescore(item.weight / 2) for item in result.score.items}
    final = evaluate_with(seed_dossier, rescores=rescores).score.final
    assert final.total == Decimal("50.00")
