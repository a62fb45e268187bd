"""Wording and layout classes of set w34 read after its first passes (forms copied from a PDF's
text layer with a short 说明): the asset total and its change as key / value cells on a spaced
line of the form, the form's figure read over a 说明 restating it rounded, a title wrapped over
two lines before 自评表, and a form's head field 所属年度 against the title's year. Each with
variants written for the test, including ones that must not be read."""

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

TITLE = "某县档案馆2023年度部门整体支出绩效自评表\n"
HEAD = "单位名称：某县档案馆      主管部门：某县文旅局      单位：万元\n"


def _assets(text: str) -> dict[str, str]:
    return {k: v for k, v in claimed_figures(import_text(text)).items() if k.startswith("assets.")}


# --- the asset total (and its change) as key / value cells on a spaced form line -----------

SPACED_ASSETS = [
    (
        "资产       资产总额          1,286.40                较上年增长          3.2%\n"
        "情况       负债总额            300.15                净资产              986.25\n",
        {"assets.total_net": "1286.4", "assets.change_pct": "3.2"},
    ),
    (
        "资产总额    2,040.00    比上年增减    -1.5%\n",
        {"assets.total_net": "2040", "assets.change_pct": "-1.5"},
    ),
    (
        "年末资产总额   968.20   较上年下降   4.1%\n",
        {"assets.total_net": "968.2", "assets.change_pct": "-4.1"},
    ),
    ("资产总计    512.75\n", {"assets.total_net": "512.75"}),
    (
        "总资产    12,006.30    增长率    2.0%\n",
        {"assets.total_net": "12006.3", "assets.change_pct": "2"},
    ),
]


@pytest.mark.parametrize(("body", "expected"), SPACED_ASSETS)
def test_asset_cells_of_a_spaced_form_line_are_read(body: str, expected: dict[str, str]) -> None:
    assert _assets(TITLE + HEAD + body) == expected


NOT_ASSETS = [
    # another asset's key: 净资产 and its change, 年初 (not the year-end), 固定资产
    ("净资产    1,286.40    较上年增长    3.2%\n", {}),
    ("年初资产总额    1,286.40\n", {}),
    ("固定资产    640.00\n", {}),
    # the change after another key's value is not the asset total's
    (
        "资产总额    1,286.40    负债总额    300.00    较上年增长    3.2%\n",
        {"assets.total_net": "1286.4"},
    ),
    # a value with words in it, or a prose line
    ("资产总额    约1,286万\n", {}),
    ("资产总额 1,286.40，较上年有所增长。\n", {}),
]


@pytest.mark.parametrize(("body", "expected"), NOT_ASSETS)
def test_other_asset_cells_are_not_read_as_the_total(body: str, expected: dict[str, str]) -> None:
    assert _assets(TITLE + HEAD + body) == expected


def test_no_unit_stated_for_the_form_and_the_asset_cell_is_not_read() -> None:
    assert "assets.total_net" not in _assets(TITLE + "资产总额    1,286.40\n")


# --- the form's figure over the 说明 restating it rounded ----------------------------------


@pytest.mark.parametrize(
    ("restated", "expected"),
    [
        ("年末资产总额6.84亿元，较上年增长5.6%。", "68420.35"),
        ("年末资产总额68,420万元。", "68420.35"),
        ("年末资产总额6.8亿元。", "68420.35"),
    ],
)
def test_the_forms_precise_asset_total_wins_over_a_rounded_restatement(
    restated: str, expected: str
) -> None:
    text = TITLE + HEAD + "资产总额    68,420.35\n自评说明\n" + restated + "\n"
    assert _assets(text)["assets.total_net"] == expected


def test_a_restatement_that_is_not_the_form_figure_rounded_stays_a_contradiction() -> None:
    result = import_text(TITLE + HEAD + "资产总额    68,420.35\n自评说明\n年末资产总额6.95亿元。\n")
    assert "import.W003" in {finding.id for finding in result.findings}


# --- a title wrapped before 自评表, and the form's 所属年度 against it ---------------------


@pytest.mark.parametrize(
    "head",
    [
        "所属年度：2022      单位：万元",
        "评价年度:2022年度      单位：万元",
        "年度：2022年\t单位：万元",
    ],
)
def test_a_form_year_field_other_than_the_wrapped_titles_year_is_a_contradiction(head: str) -> None:
    text = "某县人民医院2023年度部门整体支出绩效\n自评表\n" + head + "\n资产总额    100.00\n"
    assert "import.W013" in {finding.id for finding in import_text(text).findings}


@pytest.mark.parametrize(
    "head",
    [
        "所属年度：2023      单位：万元",  # the title's own year
        "填报日期：2022年3月      单位：万元",  # a date, not the form's year
        "年度：2022年3月      单位：万元",
    ],
)
def test_a_form_year_field_that_agrees_or_is_a_date_is_no_contradiction(head: str) -> None:
    text = "某县人民医院2023年度部门整体支出绩效\n自评表\n" + head + "\n资产总额    100.00\n"
    assert "import.W013" not in {finding.id for finding in import_text(text).findings}


def test_a_title_wrapped_before_its_form_word_gives_the_year() -> None:
    result = import_text(
        "某县人民医院2023年度部门整体支出绩效\n自评表\n单位：万元\n资产总额    100.00\n"
    )
    assert result.dossier.year == 2023
    assert "import.W002" not in {finding.id for finding in result.findings}


# --- the asset change opening the next line of text wrapped after a comma ------------------

PROSE = "某县中学2023年度部门整体支出绩效自评报告\n全年支出500万元。"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("年末资产总额12,634.08万元，\n较上年下降2.3%，主要是设备报废。\n", "-2.3"),
        ("资产总额1,026.34万元,\n比上年增长4.6%。\n", "4.6"),
        ("年末资产总计986.00万元，\n较上年末增加1.2%，系购置设备。\n", "1.2"),
    ],
)
def test_an_asset_change_wrapped_onto_the_next_line_is_read(body: str, expected: str) -> None:
    assert _assets(PROSE + body)["assets.change_pct"] == expected


@pytest.mark.parametrize(
    "body",
    [
        # the sentence ended above: the change has no subject of its own
        "年末资产总额12,634.08万元。\n较上年下降2.3%。\n",
        # the line above is another asset's
        "年末净资产8,634.08万元，\n较上年下降2.3%，主要是设备报废。\n",
        "年末负债总额634.08万元，\n较上年下降2.3%。\n",
    ],
)
def test_a_wrapped_change_after_a_sentence_end_or_another_asset_is_not_read(body: str) -> None:
    assert "assets.change_pct" not in _assets(PROSE + body)
