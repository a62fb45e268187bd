"""Issue 9's wording classes, each pinned by wording variants written for these tests (not
copied from any report): the figures each must give, and nothing else (precision first).

Classes: spending nouns without a budget word (an evaluation report's default phase); 实有在编 /
在职在编 as in-service staff; a label before a colon, or in the line before; a stated total kept
as stated, its difference from the parts a finding pointing at both.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.core.figures import FigureBook
from jixiao.frameworks import evaluate_with
from jixiao.importers.result import ImportResult
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

TITLE = "某县水务局2023年度部门整体支出绩效自评报告\n"


def figures_read(text: str, title: str = TITLE) -> dict[str, str]:
    return claimed_figures(import_text(title + text))


def ids(result: ImportResult) -> set[str]:
    return {f.id for f in result.findings}


# ── 1. a spending noun with no budget word: the year's spending in an evaluation report ──────

SPENDING_BY_DEFAULT: list[tuple[str, dict[str, str]]] = [
    ("本年度一般公共预算财政拨款基本支出412.08万元。", {"executed.basic": "412.08"}),
    ("2023年项目支出96.30万元,主要用于河道巡查和水质监测。", {"executed.project": "96.3"}),
    (
        "全年基本支出305.5万元,项目支出44.5万元。",
        {"executed.basic": "305.5", "executed.project": "44.5"},
    ),
    (
        "工资福利支出210.4万元,商品和服务支出61.2万元。",
        {"executed.wages": "210.4", "executed.goods_services": "61.2"},
    ),
    # a heading that speaks of spending confirms it
    ("二、部门预算执行情况\n基本支出128.6万元。", {"executed.basic": "128.6"}),
]

BUDGET_OR_UNTOLD: list[tuple[str, dict[str, str]]] = [
    # a budget word in the same paragraph before the amount: not guessed, unless the split adds up
    # to the one total stated (the budget's split, import.I012)
    (
        "全年预算650万元。基本支出500万元,项目支出150万元。",
        {"budget.total": "650", "budget.basic": "500", "budget.project": "150"},
    ),
    ("全年预算650万元。基本支出500万元,项目支出140万元。", {"budget.total": "650"}),
    ("按照年初批复,基本支出500万元。", {}),
    # a heading about the budget: not guessed
    ("(二)部门预算安排情况\n本年基本支出300万元,项目支出50万元。", {}),
    ("(三)基本支出预算情况\n工资福利支出210.4万元,商品和服务支出61.2万元。", {}),
    # explicit words win over the default
    ("基本支出年初预算320万元。", {"budget.basic": "320"}),
    ("2023年部门预算支出900万元。", {}),
]


@pytest.mark.parametrize(("text", "expected"), SPENDING_BY_DEFAULT + BUDGET_OR_UNTOLD)
def test_spending_nouns_default_to_spending_unless_a_budget_word_is_near(
    text: str, expected: dict[str, str]
) -> None:
    assert figures_read(text) == expected


def test_the_default_phase_is_reported_as_a_finding_at_the_amount() -> None:
    result = import_text(TITLE + "本年度一般公共预算财政拨款基本支出412.08万元。", file="r.txt")
    finding = next(f for f in result.findings if f.id == "import.I010")
    assert (
        finding.source is not None
        and finding.source.text == "本年度一般公共预算财政拨款基本支出412.08万元"
    )


def test_a_budget_document_gets_no_default_phase() -> None:
    title = "某县水务局2023年部门预算公开说明\n"
    assert figures_read("基本支出305.5万元。", title) == {}


# ── 2. 实有在编 / 在职在编: in-service staff ─────────────────────────────────────────────────

STAFF: list[tuple[str, dict[str, str]]] = [
    ("单位实有在编人员12名,退休人员4名。", {"staffing.in_service": "12", "staffing.retired": "4"}),
    ("年末在职在编干部9人。", {"staffing.in_service": "9"}),
    ("现有在编职工15人。", {"staffing.in_service": "15"}),
    ("在编在职人员7人。", {"staffing.in_service": "7"}),
    ("核定编制18名,实有在编人员16名。", {"staffing.authorized": "18", "staffing.in_service": "16"}),
    # still a head-count of post holders without 实有/在职: not read as anything
    ("在编人员12名。", {}),
    ("编制人员19人。", {}),
]


@pytest.mark.parametrize(("text", "expected"), STAFF)
def test_in_service_staff_wordings(text: str, expected: dict[str, str]) -> None:
    assert figures_read(text) == expected


# ── 3. the label before a colon, or in the cell or line before ───────────────────────────────

LABEL_PLACES: list[tuple[str, dict[str, str]]] = [
    (
        "1、收入:642.18万元。\n2、支出:630.05万元。其中:基本支出501.25万元,项目支出128.80万元。",
        {
            "income.total": "642.18",
            "executed.total": "630.05",
            "executed.basic": "501.25",
            "executed.project": "128.8",
        },
    ),
    ("(3)年末结转结余:12.13万元。", {"executed.carryover_end": "12.13"}),
    ("支出合计\n630.05万元", {"executed.total": "630.05"}),
    ("2.支出合计:\n630.05万元", {"executed.total": "630.05"}),
    ("支出合计\t630.05万元", {"executed.total": "630.05"}),
    # under a heading about the budget, a bare 支出 is the budgeted spending; 收入 is not read
    (
        "一、部门预算情况\n1、收入:642.18万元。\n2、支出:630.05万元。",
        {"budget.total": "630.05", "budget.initial_total": "630.05"},
    ),
    # no label worth the name before the colon: not read
    ("其中:88.00万元。", {}),
    # fields of a form about a named project: that project's amounts, not the department's
    ("项目名称:堤防加固,预算:46万元。", {}),
    ("项目名称\n堤防加固\n预算\n46万元", {}),
    ("三、重点工作\n项目名称:堤防加固\n支出:41万元", {}),
    ("说明\n630.05万元", {}),
    ("河道整治工程已完工并通过验收\n630.05万元", {}),
]


@pytest.mark.parametrize(("text", "expected"), LABEL_PLACES)
def test_labels_before_a_colon_or_on_the_line_before(text: str, expected: dict[str, str]) -> None:
    assert figures_read(text) == expected


# ── 4. a stated total stays the stated figure; the difference is a finding ──────────────────


def test_a_stated_total_is_kept_and_its_difference_from_the_parts_is_found() -> None:
    text = TITLE + "2023年度支出合计733.52万元,其中:基本支出520.10万元,项目支出213.30万元。"
    result = import_text(text, file="r.txt")
    assert [s.value for s in result.dossier.stated if s.key == "executed.total"] == [
        Decimal("733.52")
    ]
    figure = FigureBook(result.dossier).figure("executed.total")
    assert figure.stated == Decimal("733.52") and figure.computed == Decimal("733.40")
    # the importer's finding quotes the total and reaches to the last part
    finding = next(f for f in result.findings if f.id == "import.W005")
    assert finding.source is not None
    assert finding.source.text is not None
    assert finding.source.text.startswith("2023年度支出合计733.52万元")
    assert finding.source.text.endswith("项目支出213.30万元")
    assert "基本支出520.10万元＋项目支出213.30万元" in finding.message
    assert "合计按报告所写导入" in finding.message
    # the checks compare the stated total with the parts
    checked = [f for f in evaluate_with(result.dossier).findings if f.id == "executed.E001"]
    assert checked and "733.52" in checked[0].message


# ── 5. a score table whose 合计 label was lost ────────────────────────────────────────────

SCORE_ROWS: list[tuple[str, dict[str, str]]] = [
    (
        "评价结果\n20.00 | 良 |\n50.00 | 46.50 | 优 |\n30.00 | 27.00 | 优 |\n100.00 | 91.50 | 优 |\n",
        {"score.self": "91.5", "grade.self": "优"},
    ),
    (
        "评价结果\n权重\t得分\n25\t22\n75\t61.5\n100\t83.5\t良\n",
        {"score.self": "83.5", "grade.self": "良"},
    ),
    # the weights above do not add up to the last row's 100: not a total row
    ("评价结果\n20.00 | 18.00 |\n50.00 | 46.50 |\n100.00 | 64.50 |\n", {}),
    # a last row that is not 100 first: not read
    ("评价结果\n20.00 | 18.00 |\n30.00 | 26.50 |\n50.00 | 44.50 |\n", {}),
    # flattened one cell per line, below a header naming 分值 and 得分
    (
        "部门整体支出绩效自评表\n一级指标\n分值\n得分\n投入\n20\n19\n过程\n30\n27.5\n合计\n100\n88.5\n良\n",
        {"score.self": "88.5", "grade.self": "良"},
    ),
    (
        "绩效评分表\n指标\n权重\n得分\n产出\n60\n58\n效益\n40\n37\n总分\n100\n95\n",
        {"score.self": "95"},
    ),
    # a money table's 合计 (no 分值/得分 header): not a score
    ("支出明细表\n项目\n预算数\n执行数\n合计\n100\n94.5\n", {}),
    # a 合计 whose first number is not 100: not read
    ("评分表\n分值\n得分\n合计\n90\n85\n", {}),
]


@pytest.mark.parametrize(("text", "expected"), SCORE_ROWS)
def test_a_score_tables_unlabelled_total_row(text: str, expected: dict[str, str]) -> None:
    result = import_text(TITLE + text)
    read = {k: v for k, v in figures_read(text).items() if k.startswith(("score", "grade"))}
    if "grade.self" in result.sources:
        read["grade.self"] = result.dossier.self_evaluation.grade or ""
    assert read == expected


def test_a_paragraph_detailing_an_amount_read_before_has_its_difference_found() -> None:
    text = TITLE + (
        "2023年度支出合计733.40万元,其中:基本支出520.10万元,项目支出213.30万元。\n"
        "1.基本支出520.10万元,其中:工资福利支出400.00万元,商品和服务支出120.00万元。"
    )
    result = import_text(text, file="r.txt")
    finding = next(f for f in result.findings if f.id == "import.W005")
    assert "工资福利支出400.00万元＋商品和服务支出120.00万元" in finding.message
    assert finding.where is not None and "第3段" in finding.where
    flat = FigureBook(result.dossier).flat()
    assert flat["executed.basic"] == "520.1"
    # 基本支出's 工资福利 is not the department's 工资福利 figure: not claimed
    assert "executed.wages" not in flat and "executed.wages" not in result.sources
