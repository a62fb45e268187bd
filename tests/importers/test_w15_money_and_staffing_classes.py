"""Classes of the w15 first run (tests/fixtures/corpus/w15-01, w15-05, w15-06, w15-07), each pinned
by variants written for these tests (not copied from any report, nor from the corpus files): the
figures each must give, and nothing else (precision first). Each class has variants that must NOT
be read.

Classes: the department's kind word as itself before an amount ("局机关资产总额", "支队资产总额");
期末资产总额 as the asset total (never 期初); "<a whole total>中<a class>" with no comma
("全年预算中基本支出…"); 在职指战员 as the staff in service; 年初预算 + one increase that does not
give the stated adjusted budget (import.W017).
"""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

BUREAU = "某市文化旅游局2023年度部门整体支出绩效自评报告\n一、基本情况\n"
COMMISSION = "某区卫生健康委员会2023年度部门整体支出绩效自评报告\n一、基本情况\n"
BRIGADE = "某市消防救援支队2024年度部门整体支出绩效自评报告\n一、基本情况\n"


def read(text: str, title: str = BUREAU) -> dict[str, str]:
    figures = claimed_figures(import_text(title + text))
    return {k: v for k, v in figures.items() if not k.startswith(("score.", "grade."))}


def assets(figures: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in figures.items() if k == "assets.total_net"}


def finding_ids(text: str, title: str = BUREAU) -> list[str]:
    return [finding.id for finding in import_text(title + text).findings]


# ── 1. the department's kind word names the department ─────────────────────────────────────

OWN_KIND = [
    ("年末，局机关资产总额2,418.06万元。", BUREAU),
    ("截至12月31日，本局机关资产总额2,418.06万元。", BUREAU),
    ("局本级资产总额2,418.06万元，较上年增长1.5%。", BUREAU),
    ("委机关资产总计2,418.06万元。", COMMISSION),
    ("年底支队资产总额2,418.06万元。", BRIGADE),
]


@pytest.mark.parametrize(("text", "title"), OWN_KIND)
def test_the_kind_word_names_the_department_itself(text: str, title: str) -> None:
    assert assets(read(text, title)) == {"assets.total_net": "2418.06"}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("公安局资产总额2,418.06万元。", BUREAU),  # another 局
        ("局属单位资产总额2,418.06万元。", BUREAU),  # its units, not itself
        ("大队资产总额2,418.06万元。", BRIGADE),  # another kind of 队
        ("局机关资产总额2,418.06万元。", COMMISSION),  # a 局 in a 委's report
        ("支队地方资产总额2,418.06万元。", BRIGADE),  # a share of its assets (known limit)
    ],
)
def test_another_body_or_a_share_is_not_the_department(text: str, title: str) -> None:
    assert assets(read(text, title)) == {}


# ── 2. 期末资产总额 ────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "text",
    ["期末资产总额9，310.75万元，较上年增长2.0％。", "报告期末资产总额9,310.75万元。"],
)
def test_the_closing_asset_total_is_read(text: str) -> None:
    assert assets(read(text)) == {"assets.total_net": "9310.75"}


def test_the_opening_asset_total_is_not_read() -> None:
    assert assets(read("期初资产总额9,310.75万元。")) == {}


# ── 3. "<a whole total>中<a class>" without a comma ─────────────────────────────────────────

OPENING_IN_LABEL = [
    (
        "全年预算2,640.00万元。全年预算中基本支出1,120.00万元、项目支出1,520.00万元。",
        {"budget.total": "2640", "budget.basic": "1120", "budget.project": "1520"},
    ),
    (
        "调整后预算2,640.00万元，调整后预算中基本支出1,120.00万元，项目支出1,520.00万元。",
        {"budget.total": "2640", "budget.basic": "1120", "budget.project": "1520"},
    ),
    (
        "全年实际支出2,500.00万元。实际支出中基本支出1,100.00万元、项目支出1,400.00万元。",
        {"executed.total": "2500", "executed.basic": "1100", "executed.project": "1400"},
    ),
    (
        "全年预算2,640.00万元。全年预算中工资福利支出1,000.00万元，商品和服务支出1,640.00万元。",
        {"budget.total": "2640", "budget.wages": "1000", "budget.goods_services": "1640"},
    ),
]


@pytest.mark.parametrize(("text", "expected"), OPENING_IN_LABEL)
def test_a_class_after_a_whole_total_and_zhong_takes_its_phase(
    text: str, expected: dict[str, str]
) -> None:
    assert money_only(read(text, COMMISSION)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "全年预算2,640.00万元。项目支出中基本支出1,120.00万元。",  # a part before 中
        "全年预算2,640.00万元。某项目预算中基本支出1,120.00万元。",  # a project before 中
        "全年预算2,640.00万元。上年预算中基本支出1,120.00万元。",  # last year's
    ],
)
def test_a_part_or_a_project_before_zhong_gives_no_phase(text: str) -> None:
    assert money_only(read(text, COMMISSION)) == {"budget.total": "2640"}


# ── 4. 在职指战员 ────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "text",
    [
        "核定编制150名，在职指战员142人（其中干部30人、消防员112人）。",
        "核定编制150名，在职指战员142名。另有政府专职消防员80人、消防文员9人。",
        "核定编制150名，在职消防救援人员142人。",
    ],
)
def test_the_staff_in_service_of_a_fire_and_rescue_unit(text: str) -> None:
    figures = read(text, BRIGADE)
    assert figures["staffing.in_service"] == "142"
    assert figures["staffing.authorized"] == "150"


@pytest.mark.parametrize(
    "text",
    ["核定编制150名。政府专职消防员80人、消防文员9人。", "核定编制150名，指战员142人参加培训。"],
)
def test_contract_firefighters_and_clerks_are_not_the_staff_in_service(text: str) -> None:
    assert "staffing.in_service" not in read(text, BRIGADE)


# ── 5. 年初预算 + 追加 ≠ 调整后预算 ─────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "text",
    [
        "年初预算3，100.00万元，年中调整增加400.00万元，调整后预算3，520.00万元。",
        "年初预算3,100.00万元，追加预算400.00万元（主要为防汛资金），全年预算3,520.00万元。",
    ],
)
def test_budget_steps_that_do_not_give_the_adjusted_budget_are_reported(text: str) -> None:
    result = import_text(BUREAU + text)
    assert money_only(claimed_figures(result)) == {
        "budget.initial_total": "3100",
        "budget.supplement": "400",
        "budget.total": "3520",
    }
    (finding,) = [f for f in result.findings if f.id == "import.W017"]
    assert "3500.00" in finding.message and "3520.00" in finding.message
    assert finding.source is not None


@pytest.mark.parametrize(
    "text",
    [
        "年初预算3,100.00万元，追加预算420.00万元，调整后预算3,520.00万元。",  # adds up
        # a cut named between them: the increase is not the whole change
        "年初预算3,100.00万元，追加预算440.00万元，调减20.00万元，调整后预算3,520.00万元。",
        "年初预算3,100.00万元，追加预算400.00万元。\n三、绩效目标\n调整后预算3,520.00万元。",
    ],
)
def test_budget_steps_that_add_up_or_are_not_the_whole_change_are_not_reported(
    text: str,
) -> None:
    assert "import.W017" not in finding_ids(text)


def test_a_budget_with_another_source_named_is_not_checked_against_its_steps() -> None:
    text = "全年可用资金3,700.00万元，其中：年初预算3,100.00万元，年中追加400.00万元，上年结转200.00万元。"
    assert "import.W017" not in finding_ids(text)
