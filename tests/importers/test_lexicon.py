"""The lexicon (jixiao/importers/lexicon.yaml): variants are read as the standard wording, the
sources still quote the report's own characters, and a malformed entry is refused."""

from __future__ import annotations

import pytest

from jixiao.core.figures import FigureBook
from jixiao.importers.lexicon import LEXICON, lexicon, parse_lexicon
from jixiao.importers.normalise import normalise
from jixiao.importers.text import import_text


def test_the_packaged_lexicon_loads_once() -> None:
    assert lexicon() is lexicon()
    assert ord("編") in lexicon().characters and "在岗职工" in lexicon().words
    assert parse_lexicon(LEXICON.read_text(encoding="utf-8")).words == lexicon().words


def test_a_report_in_traditional_characters_reads_and_quotes_the_original() -> None:
    text = "某縣水務局2023年度部門整體支出績效自評報告\n核定編制18名,實有在編人員16名。全年基本支出305.5萬元。"
    result = import_text(text, file="r.txt")
    assert (result.dossier.profile.name, result.dossier.year) == ("某县水务局", 2023)
    flat = FigureBook(result.dossier).flat()
    assert (flat["staffing.authorized"], flat["staffing.in_service"]) == ("18", "16")
    assert flat["executed.basic"] == "305.5"
    assert result.sources["staffing.authorized"].text == "核定編制18名"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("定编人数20人,在岗职工18人。", {"staffing.authorized": "20", "staffing.in_service": "18"}),
        (
            "全年人员支出120万元,公用支出30万元。",
            {"executed.personnel": "120", "executed.public_funds": "30"},
        ),
        ("定 编 数 12 名。", {"staffing.authorized": "12"}),
        (
            "在职教职工85人,退休教职工30人。",
            {"staffing.in_service": "85", "staffing.retired": "30"},
        ),
        ("核定编制20名,在编在岗19人。", {"staffing.authorized": "20", "staffing.in_service": "19"}),
        ("在岗在编人员19人。", {"staffing.in_service": "19"}),
    ],
)
def test_synonyms_read_as_the_standard_word(text: str, expected: dict[str, str]) -> None:
    result = import_text("某县水务局2023年度部门整体支出绩效自评报告\n" + text)
    flat = FigureBook(result.dossier).flat()
    assert {k: flat[k] for k in result.sources if not k.startswith("profile.")} == expected


def test_a_replaced_word_keeps_its_place_in_the_original() -> None:
    normalised = normalise("我局定编人数20人")
    assert normalised.text == "我局编制人数20人"
    assert normalised.original_span(2, 6) == (2, 6)


@pytest.mark.parametrize(
    "yaml_text",
    ["characters:\n  預算: 预算\n", "words:\n  编制数: 编制数\n"],
)
def test_a_malformed_entry_is_refused(yaml_text: str) -> None:
    with pytest.raises(ValueError, match="lexicon"):
        parse_lexicon(yaml_text)
