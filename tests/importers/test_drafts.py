"""Drafts, not failures (issue 9, item 3): a readable text missing its year or its department,
in any of the ways reports lack them, imports as a draft with a finding and the placeholder
named under ``missing``; ``Given`` (``--year`` / ``--department``) supplies them. Texts written
for these tests.
"""

from __future__ import annotations

import pytest

from jixiao.importers.text import Given, import_text


@pytest.mark.parametrize(
    ("text", "missing", "ids"),
    [
        # no title at all, only body figures
        (
            "本单位在职人员8人。全年支出120.5万元。",
            ["department", "year"],
            {"import.W001", "import.W011"},
        ),
        # a title with no year
        ("某县档案馆部门整体支出绩效自评报告\n在职人员8人。", ["year"], {"import.W011"}),
        # a title with no department and a year
        ("2023年度部门整体支出绩效自评报告\n在职人员8人。", ["department"], {"import.W001"}),
        # traditional characters, no year
        ("某縣檔案館部門整體支出績效自評報告\n在職人員8人。", ["year"], {"import.W011"}),
        # a flattened table and nothing else
        (
            "单位：万元\n项目\n预算数\n基本支出\n100\n项目支出\n20\n合计\n120\n",
            ["department", "year"],
            set(),
        ),
        # nearly empty
        ("。", ["department", "year"], set()),
    ],
)
def test_a_text_missing_its_year_or_department_is_a_draft(
    text: str, missing: list[str], ids: set[str]
) -> None:
    result = import_text(text, file="r.txt")
    assert result.missing == missing
    assert ids <= {f.id for f in result.findings}
    assert result.dossier.year and result.dossier.profile.name  # placeholders, never empty


def test_given_year_and_department_fill_the_draft() -> None:
    result = import_text("在职人员8人。", given=Given(year=2023, department="平乡县档案馆"))
    assert result.missing == []
    assert (result.dossier.year, result.dossier.profile.name) == (2023, "平乡县档案馆")
