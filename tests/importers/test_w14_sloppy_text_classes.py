"""Classes of the w14 first run (tests/fixtures/corpus/w14-02, w14-05, w14-06), each pinned by
variants written for these tests (not copied from any report, nor from the corpus files): the
figures each must give, and nothing else (precision first). Each class has variants that must NOT
be read.

Classes: amounts in 元 with spaces as thousands separators (also two spaces, justified text); the
typos 项目支 (as 基本支) and 预算执业率; an 实有 count split by role in the brackets after it, units
written or not, read when the parts add up to it; 事业编制 alone as the quota of a body that says it
is a 事业单位; 资产总计 / 资产合计 as the asset total; an asset change after a bracketed aside
("资产总额…（其中固定资产…），较上年增长4.1%").
"""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

BUREAU = "某县政协办公室2023年度部门整体支出绩效自评报告\n一、基本情况\n"
INSTITUTION = "某县文化馆2023年度部门整体支出绩效自评报告\n一、基本情况\n"


def read(text: str, title: str = BUREAU) -> dict[str, str]:
    figures = claimed_figures(import_text(title + text))
    return {k: v for k, v in figures.items() if not k.startswith(("score.", "grade."))}


def finding_ids(text: str, title: str = BUREAU) -> list[str]:
    return [finding.id for finding in import_text(title + text).findings]


# ── 1. spaces as thousands separators ───────────────────────────────────────────────────────

SPACED = [
    (
        "全年预算 2 306 150.00 元，其中基本支出 1 806 150.00 元，项目支出 500 000.00 元。",
        {"budget.total": "230.615", "budget.basic": "180.615", "budget.project": "50"},
    ),
    ("本年实际支出1 204 300元。", {"executed.total": "120.43"}),
    # justified text: two spaces between the groups
    ("全年预算数3  120  480.50元。", {"budget.total": "312.04805"}),
]


@pytest.mark.parametrize(("text", "expected"), SPACED)
def test_spaces_as_thousands_separators(text: str, expected: dict[str, str]) -> None:
    assert money_only(read(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # groups that are not thousands: never the tail alone ("480.50元")
        "全年预算数3  12  480.50元。",
        "全年预算数3   120   480.50元。",
    ],
)
def test_numbers_broken_by_spaces_are_not_read(text: str) -> None:
    assert money_only(read(text)) == {}


# ── 2. typos: 项目支, 预算执业率 ──────────────────────────────────────────────────────────────


def test_xiangmu_zhi_is_project_spending_with_a_finding() -> None:
    text = "全年实际支出420.00万元，其中基本支300.00万元，项目支120.00万元。"
    assert money_only(read(text)) == {
        "executed.total": "420",
        "executed.basic": "300",
        "executed.project": "120",
    }
    assert finding_ids(text).count("import.I009") == 2


@pytest.mark.parametrize(
    "text",
    [
        "全年实际支出420.00万元，其中项目支付120.00万元。",  # a payment, not the class
        "全年实际支出420.00万元，争取上级项目支持资金120.00万元。",
    ],
)
def test_xiangmu_zhi_fu_is_not_the_class(text: str) -> None:
    assert "executed.project" not in read(text)


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("全年预算500.00万元，全年实际支出480.00万元，预算执业率96%。", "96"),
        ("全年预算500.00万元。支出480.00万元，预算执业率为96%。", "96"),
    ],
)
def test_budget_zhiye_rate_is_the_execution_rate(text: str, rate: str) -> None:
    assert read(text)["rates.execution"] == rate


def test_a_practising_rate_is_not_the_execution_rate() -> None:
    text = "全年预算500.00万元，全年实际支出480.00万元。全县律师执业率96%。"
    assert "rates.execution" not in read(text)


# ── 3. an 实有 count split by role in brackets ─────────────────────────────────────────────

SPLIT = [
    ("编制19人，实有28人（在职 17 退休 11）。", {"in": "17", "ret": "11"}),
    ("实有人员28名(在职17名、退休11名)。", {"in": "17", "ret": "11"}),
    ("实有人数30人（其中在职人员22人，退休人员8人）。", {"in": "22", "ret": "8"}),
    ("实有30人（在职21，退休8，遗属1）。", {"in": "21", "ret": "8"}),
]


@pytest.mark.parametrize(("text", "expected"), SPLIT)
def test_a_split_of_the_actual_count_in_brackets(text: str, expected: dict[str, str]) -> None:
    figures = read(text)
    assert figures["staffing.in_service"] == expected["in"]
    assert figures["staffing.retired"] == expected["ret"]


@pytest.mark.parametrize(
    "text",
    [
        "实有28人（在职 17 退休 10）。",  # does not add up: no unit ties them to the count
        "实有28人（在职17 党员11）。",  # not a role
        "实有28人（在职17）。",  # one part is no split
        "所属中心实有28人（在职 17 退休 11）。",  # a sub-unit's
        "编制28人（在职 17 退休 11）。",  # a quota is not split into people
    ],
)
def test_brackets_that_are_no_split_are_not_read(text: str) -> None:
    figures = read(text)
    assert "staffing.in_service" not in figures
    assert "staffing.retired" not in figures


# ── 4. 事业编制 alone as the quota of a 事业单位 ────────────────────────────────────────────


@pytest.mark.parametrize(
    "text",
    [
        "本馆为县文化和旅游局所属公益一类事业单位。人员：事业编制15名，在职人员14人。",
        "县文化馆是财政全额拨款的公益性事业单位。有事业编制15名，在职人员14人。",
    ],
)
def test_the_sole_shiye_quota_of_an_institution(text: str) -> None:
    assert read(text, INSTITUTION)["staffing.authorized"] == "15"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # no word says the body is a 事业单位
        ("人员：事业编制15名，在职人员14人。", INSTITUTION),
        # a subordinate body is the 事业单位
        ("所属县文化站为公益一类事业单位，事业编制15名。局机关在职人员14人。", BUREAU),
        ("本局为政府工作部门，下属事业单位2个。事业编制15名，在职人员14人。", BUREAU),
        # two types: a part, never the total
        ("本馆为公益一类事业单位。行政编制3名，事业编制15名，在职人员14人。", INSTITUTION),
    ],
)
def test_a_shiye_quota_that_is_not_the_whole(text: str, title: str) -> None:
    assert "staffing.authorized" not in read(text, title)


# ── 5. assets: 资产总计 / 资产合计, a change after a bracketed aside ─────────────────────────


@pytest.mark.parametrize(
    "text",
    [
        "年末资产总计520.60万元，比上年增长3.2%。",
        "截至年底，本单位资产合计520.60万元。",
        "资产总计为520.60万元。",
    ],
)
def test_asset_total_by_other_words(text: str) -> None:
    assert read(text)["assets.total_net"] == "520.6"


def test_fixed_assets_total_is_not_the_asset_total() -> None:
    assert "assets.total_net" not in read("固定资产合计120.30万元。")


def test_a_change_after_a_bracketed_aside_is_the_asset_totals() -> None:
    text = "资产总额1,520.60万元（其中固定资产860.20万元），较上年增长4.3%；净资产1,300.00万元。"
    assert read(text)["assets.change_pct"] == "4.3"


@pytest.mark.parametrize(
    "text",
    [
        "资产总额1,520.60万元，其中固定资产860.20万元，较上年增长4.3%。",  # the part's, unbracketed
        "资产总额1,520.60万元；净资产1,300.00万元（不含代管资产），较上年增长4.3%。",
    ],
)
def test_a_change_of_another_asset_noun_is_not_read(text: str) -> None:
    assert "assets.change_pct" not in read(text)
