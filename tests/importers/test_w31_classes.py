"""Classes of the w31 first run (tests/fixtures/corpus/w31-02, w31-03, w31-06, w31-07: 区
departments of big cities, 2023–2025 wording), pinned by variants written for these tests (not
copied from any report): the figures each must give, and what must not be read.

Classes: 全口径 (every source of funds) before a budget word ("全口径预算数"); a budget label opening
on 经 / 经过 … 调整后 ("经预算调整后全年预算数", and 追加调整后: the
adjusted budget, not a supplement); a sentence about money kept outside the department's budget
("区公证处…支出…，由其自行编报决算", "…食堂…，不纳入部门预算"); a table's four economic classes that
miss the sum the prose's 基本 + 项目 add up to (kept as stated, import.W005); a flattened 自评表
money block whose stated rate its figures contradict, its parts adding up in every money column
(read as stated); a row label naming its cut before a colon ("按支出性质分：基本支出"); a form's
资金总额 row dated with a year ("2023年度资金总额": its rate and score read, import.W013 when the
title says another year); a space-aligned table's 合计 row spread out ("合    计"); a bare 在编 count
right after the stated quota ("核定事业编制112名，在编教职工108人"); a table's bare 预算数 合计
equal to the adjusted total stated (the prose's bracketed 基本/项目 take the adjusted phase).
"""

from __future__ import annotations

import pytest

from benchmarks.eval_import import import_and_check, read_figures
from jixiao.importers.result import ImportResult
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某市江北区民政局2023年度部门整体支出绩效自评报告\n"
SECTION = "二、部门整体支出情况\n"


def imported(text: str, title: str = TITLE) -> ImportResult:
    return import_text(title + text)


def read(text: str, title: str = TITLE) -> dict[str, str]:
    return claimed_figures(imported(text, title))


def ids(result: ImportResult) -> list[str]:
    return [finding.id for finding in result.findings]


# ── 1. 经 / 经过 … 调整后: the adjusted budget ──────────────────────────────────────────────


@pytest.mark.parametrize(
    "sentence",
    [
        "年初预算数800.00万元，经预算调整后全年预算数860.00万元，全年支出840.00万元。",
        "年初预算数800.00万元，经调整后预算数860.00万元，全年支出840.00万元。",
        "年初预算800.00万元，经过追加调整后的预算为860.00万元，全年支出840.00万元。",
        "年初预算800.00万元，追加调整后全年预算860.00万元，全年支出840.00万元。",
        "年初预算800.00万元，经年中追加调整后全年预算860.00万元，全年支出840.00万元。",
    ],
)
def test_a_budget_after_its_adjustment_is_the_adjusted_budget(sentence: str) -> None:
    figures = money_only(read(SECTION + sentence))
    assert figures["budget.total"] == "860"
    assert figures["executed.total"] == "840"
    assert "budget.supplement" not in figures


@pytest.mark.parametrize(
    "sentence",
    ["经费调整后预算数860.00万元。", "经营收入调整后860.00万元。"],
)
def test_other_words_opening_on_jing_are_not_the_budget(sentence: str) -> None:
    assert "budget.total" not in read(SECTION + sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "按照全口径预算管理要求，全口径预算数860.00万元，全年支出840.00万元。",
        "本年度全口径预算安排860.00万元，其中基本支出600.00万元，项目支出260.00万元；实际支出840.00万元。",
    ],
)
def test_the_whole_scope_budget_is_the_departments(sentence: str) -> None:
    figures = money_only(read(SECTION + sentence))
    assert (figures["budget.total"], figures["executed.total"]) == ("860", "840")


def test_the_whole_scope_word_does_not_make_a_projects_budget_the_departments() -> None:
    assert "budget.total" not in read(SECTION + "全口径信息化项目预算数860.00万元。")


# ── 2. a sentence about money kept outside the department's budget ─────────────────────────

SPENT = "全年支出840.00万元，其中基本支出600.00万元、项目支出240.00万元。"


@pytest.mark.parametrize(
    "sentence",
    [
        "区公证处2023年度事业收入120.00万元、支出112.00万元，由其自行编报决算。",
        "机关食堂伙食费收入52.00万元、支出50.60万元，实行收支两条线管理，不纳入部门预算。",
        "所属培训中心全年支出86.20万元，单独编报预算。",
        "局工会经费支出12.30万元，独立核算。",
        "学校食堂伙食费收入52.00万元、支出50.60万元，未列入本部门预算。",
        "全区城乡低保资金支出1,200.00万元，由区财政直接发放，不纳入部门预算。",
    ],
)
def test_money_said_to_be_kept_outside_is_not_the_departments(sentence: str) -> None:
    result = imported(SECTION + SPENT + sentence)
    assert money_only(claimed_figures(result))["executed.total"] == "840"
    assert "stated.E001" not in ids(result)


@pytest.mark.parametrize(
    "sentence",
    [
        "全年支出840.00万元，下属公证处不纳入本报告。",  # the sentence opens on the money
        "全年支出840.00万元（不含区公证处，其单独编报决算）。",  # the saying in brackets
        "某市江北区民政局全年支出840.00万元，区公证处由其自行编报决算。",  # the department's name
    ],
)
def test_the_departments_own_money_beside_such_a_saying_is_read(sentence: str) -> None:
    assert read(SECTION + sentence)["executed.total"] == "840"


# ── 3. the four economic classes of a table miss the prose's 基本 + 项目 ───────────────────

PROSE = (
    "全年预算数860.00万元，全年决算数840.00万元。其中：基本支出600.00万元，项目支出240.00万元。\n"
)
CLASS_TABLE = (
    "表1 支出经济分类情况（单位：万元）\n经济分类\t预算数\t决算数\n合计\t860.00\t840.00\n"
    "工资福利支出\t500.00\t490.00\n商品和服务支出\t200.00\t195.00\n"
    "对个人和家庭的补助\t100.00\t95.00\n资本性支出\t60.00\t{capital}\n"
)


def test_classes_that_miss_the_split_are_kept_as_stated_and_reported() -> None:
    result = imported(SECTION + PROSE + CLASS_TABLE.format(capital="50.00"))
    figures = money_only(claimed_figures(result))
    assert figures["executed.total"] == "840"
    assert (figures["executed.basic"], figures["executed.project"]) == ("600", "240")
    assert figures["executed.wages"] == "490" and figures["executed.capital"] == "50"
    w005 = [f for f in result.findings if f.id == "import.W005"]
    assert len(w005) == 1 and "830" in w005[0].message and "840" in w005[0].message


def test_classes_that_add_up_give_no_finding() -> None:
    result = imported(SECTION + PROSE + CLASS_TABLE.format(capital="60.00"))
    assert money_only(claimed_figures(result))["executed.capital"] == "60"
    assert "import.W005" not in ids(result)


def test_three_classes_are_no_whole_cut_and_are_not_read() -> None:
    table = (
        "表1 支出经济分类情况（单位：万元）\n经济分类\t预算数\t决算数\n"
        "工资福利支出\t500.00\t490.00\n商品和服务支出\t200.00\t195.00\n资本性支出\t60.00\t50.00\n"
    )
    result = imported(SECTION + PROSE + table)
    figures = money_only(claimed_figures(result))
    assert not {"executed.wages", "executed.goods_services", "executed.capital"} & set(figures)
    assert "import.W005" not in ids(result)


@pytest.mark.parametrize("prose", ["", "全年决算数840.00万元。\n"])
def test_a_class_tables_total_its_four_rows_miss_is_reported(prose: str) -> None:
    # no 基本/项目 split: the 合计 row and its four class rows, kept as stated, the miss reported
    result = imported(SECTION + prose + CLASS_TABLE.format(capital="50.00"))
    figures = money_only(claimed_figures(result))
    assert figures["executed.wages"] == "490" and figures["executed.capital"] == "50"
    w005 = [f for f in result.findings if f.id == "import.W005"]
    assert len(w005) == 1 and "830" in w005[0].message and "840.00" in w005[0].message


def test_a_class_tables_total_its_four_rows_add_up_to_gives_no_finding() -> None:
    result = imported(SECTION + CLASS_TABLE.format(capital="60.00"))
    assert "import.W005" not in ids(result)


# ── 4. a flattened form block whose stated rate its figures contradict ─────────────────────

FORM = (
    "{title}\n年初预算数\n全年预算数\n全年执行数\n分值\n执行率\n得分\n"
    "年度资金总额\n800.00\n860.00\n840.00\n10\n{rate}\n9.9\n"
    "其中：基本支出\n590.00\n600.00\n595.00\n—\n—\n—\n项目支出\n210.00\n260.00\n{project}\n"
    "一级指标\n"
)


@pytest.mark.parametrize("title", ["年度预算资金", "项目", "资金情况"])
def test_a_flattened_block_whose_parts_add_up_is_read_with_its_rate_as_stated(title: str) -> None:
    text = "金额单位：万元\n" + FORM.format(title=title, rate="99.67%", project="245.00")
    result = imported(text)
    figures = claimed_figures(result)
    assert money_only(figures) == {
        "budget.initial_total": "800",
        "budget.total": "860",
        "executed.total": "840",
        "budget.basic": "600",
        "executed.basic": "595",
        "budget.project": "260",
        "executed.project": "245",
    }
    # 840 / 860 is 97.67%: the report's typo, read as stated (the figures view computes it)
    assert read_figures(result)[0]["rates.execution"] == "99.67"
    assert "rates.E001" in [f.id for f in import_and_check(result)]


def test_a_flattened_block_whose_rate_and_parts_both_miss_is_not_read() -> None:
    text = "金额单位：万元\n" + FORM.format(title="项目", rate="99.67%", project="255.00")
    figures = read(text)
    assert money_only(figures) == {}
    assert "rates.execution" not in figures


# ── 5. a row label naming its cut before a colon ───────────────────────────────────────────

CUT_TABLE = (
    "金额单位：万元\n项目\t年初预算数\t全年预算数\t全年执行数\n年度资金总额\t800.00\t860.00\t840.00\n"
    "{label}\t590.00\t600.00\t595.00\n项目支出\t210.00\t260.00\t245.00\n"
)


@pytest.mark.parametrize(
    "label", ["按支出性质分：基本支出", "按支出类型划分：基本支出", "其中按经费性质分：基本支出"]
)
def test_a_row_label_after_its_cut_is_read(label: str) -> None:
    figures = money_only(read(CUT_TABLE.format(label=label)))
    assert (figures["budget.basic"], figures["executed.basic"]) == ("600", "595")


def test_a_row_of_another_cut_is_not_basic_spending() -> None:
    figures = money_only(read(CUT_TABLE.format(label="按功能分类：教育支出")))
    assert not {"budget.basic", "executed.basic"} & set(figures)


# ── 6. a form's 资金总额 row dated with a year ──────────────────────────────────────────────

DATED_FORM = (
    "填报单位：某市江北区民政局\t填报日期：2025年3月10日\n"
    "项目\t年初预算数（万元）\t全年预算数（万元）\t全年执行数（万元）\t分值\t执行率\t得分\n"
    "{year}年度资金总额\t800.00\t860.00\t840.00\t10\t97.67%\t9.8\n"
    "基本支出\t590.00\t600.00\t595.00\t—\t—\t—\n项目支出\t210.00\t260.00\t245.00\t—\t—\t—\n"
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
    "产出指标\t数量指标\t救助人次\t≥5000人次\t5230人次\t50\t50\n"
    "效益指标\t社会效益指标\t救助及时率\t≥95%\t96.2%\t30\t28.5\n"
    "满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t93.1%\t10\t9.3\n"
    "总分\t100\t97.6\n主要问题及改进措施\t加强预算执行监控。\n"
)
FORM_TITLE = "某市江北区民政局2024年度部门整体支出绩效自评表\n"


def test_a_dated_total_row_of_the_title_year_gives_its_rate_and_score() -> None:
    result = imported(DATED_FORM.format(year="2024"), FORM_TITLE)
    figures = claimed_figures(result)
    assert figures["rates.execution"] == "97.67"
    assert figures["score.self"] == "97.6"
    assert "import.W013" not in ids(result)


def test_a_dated_total_row_of_another_year_is_read_and_reported() -> None:
    result = imported(DATED_FORM.format(year="2023"), FORM_TITLE)
    figures = claimed_figures(result)
    assert (figures["budget.total"], figures["executed.total"]) == ("860", "840")
    assert figures["rates.execution"] == "97.67"
    w013 = [f for f in result.findings if f.id == "import.W013"]
    assert len(w013) == 1 and "2023" in w013[0].message and "2024" in w013[0].message


def test_two_dated_total_rows_give_no_rate() -> None:
    table = (
        "金额单位：万元\n项目\t预算数\t执行数\t执行率\n"
        "2023年度资金总额\t800.00\t790.00\t98.75%\n2024年度资金总额\t860.00\t840.00\t97.67%\n"
    )
    assert "rates.execution" not in read(table, FORM_TITLE)


# ── 7. a space-aligned table's 合计 row spread out ─────────────────────────────────────────

SPACED = (
    "表1  2023年度预算及执行情况                          单位：万元\n"
    "支出功能分类              预算数         执行数        执行率\n"
    "社会福利支出             512.36         489.20        95.48%\n"
    "社会保障和就业支出        86.75          86.75       100.00%\n"
    "卫生健康支出              43.74          43.74       100.00%\n"
    "{label}                 642.85         619.69        {rate}\n"
)


@pytest.mark.parametrize("label", ["合    计", "合  计", "总    计"])
def test_a_spread_out_total_row_is_a_row_of_the_table(label: str) -> None:
    assert read(SPACED.format(label=label, rate="96.40%"))["rates.execution"] == "96.4"


def test_a_spread_out_row_with_a_cell_too_many_is_not_a_row() -> None:
    text = SPACED.format(label="合    计", rate="96.40%     1")
    assert "rates.execution" not in read(text)


# ── 8. a bare 在编 count right after the stated quota ──────────────────────────────────────


@pytest.mark.parametrize(
    "sentence",
    [
        "学校核定事业编制80名，在编教职工76人，退休教职工30人。",
        "核定编制40名，在编人员38人，退休人员12人。",
        "核定编制40名，在编38人。",
    ],
)
def test_post_holders_right_after_the_quota_are_the_staff_in_service(sentence: str) -> None:
    figures = read("一、部门概况\n" + sentence)
    assert figures["staffing.in_service"] in ("76", "38")


@pytest.mark.parametrize(
    "sentence",
    [
        "在编教职工57人。",  # no quota before it
        "核定编制40名。在编人员38人。",  # another sentence
        "核定编制40名，实有人数42人，在编人员38人。",  # after another count
    ],
)
def test_other_bare_post_holders_stay_unread(sentence: str) -> None:
    assert "staffing.in_service" not in read("一、部门概况\n" + sentence)


# ── 9. a table's bare 预算数 合计 equal to the adjusted total stated ────────────────────────


def test_the_bracketed_split_of_the_adjusted_budget_keeps_its_phase() -> None:
    text = "全年预算642.85万元（基本支出518.05万元、项目支出124.80万元）。\n" + SPACED.format(
        label="合    计", rate="96.40%"
    )
    figures = money_only(read(SECTION + text))
    assert figures["budget.total"] == "642.85"
    assert (figures["budget.basic"], figures["budget.project"]) == ("518.05", "124.8")
