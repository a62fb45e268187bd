"""Wording and layout classes the w10 / w11 corpus reports (tests/fixtures/corpus/w10-*, w11-*)
missed on their first run, read by the money readers; each pinned by variants written for these
tests (not copied from any report, nor from the corpus files): the figures each must give, and
nothing else (precision first). Each class has at least one variant that must NOT be read.
"""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县司法局2022年度部门整体支出绩效自评报告\n"


def money_read(text: str) -> dict[str, str]:
    return money_only(claimed_figures(import_text(TITLE + text)))


# ── 1. tables drawn with box characters ────────────────────────────────────────────────────

BOX_TABLE = """表1 支出预算及决算情况（单位：万元）
┌──────────┬────────┬────────┐
│ 项目     │ 预算数 │ 决算数 │
├──────────┼────────┼────────┤
│ 支出合计 │ 960.00 │ 931.50 │
│ 基本支出 │ 610.00 │ 605.20 │
│ 项目支出 │ 350.00 │ 326.30 │
└──────────┴────────┴────────┘
"""
EXPECTED_BOX = {
    "budget.total": "960",
    "budget.basic": "610",
    "budget.project": "350",
    "executed.total": "931.5",
    "executed.basic": "605.2",
    "executed.project": "326.3",
}


@pytest.mark.parametrize(
    "text",
    [
        BOX_TABLE,
        BOX_TABLE.replace("│", "┃").replace("─", "━"),  # heavy lines
        # ASCII rules and bars
        BOX_TABLE.replace("┌", "+")
        .replace("┐", "+")
        .replace("├", "+")
        .replace("┤", "+")
        .replace("└", "+")
        .replace("┘", "+")
        .replace("┬", "+")
        .replace("┼", "+")
        .replace("┴", "+")
        .replace("─", "-")
        .replace("│", "|"),
        # no rules at all, only the bars
        "\n".join(line for line in BOX_TABLE.splitlines() if "─" not in line) + "\n",
    ],
)
def test_a_box_drawn_table_is_read_as_a_table(text: str) -> None:
    read = money_read(text)
    assert {key: read.get(key) for key in EXPECTED_BOX} == EXPECTED_BOX


def test_a_box_drawn_table_without_a_unit_is_not_read() -> None:
    assert money_read(BOX_TABLE.replace("（单位：万元）", "")) == {}


def test_a_rule_of_dashes_in_prose_is_not_a_table_border() -> None:
    text = "全年实际支出931.50万元——其中基本支出605.20万元，项目支出326.30万元。\n"
    assert money_read(text)["executed.total"] == "931.5"


# ── 2. a section row with empty cells inside a table ────────────────────────────────────────

SECTIONED = (
    "单位：万元\n项目\t预算数\t决算数\n支出合计\t960.00\t931.50\n基本支出\t610.00\t605.20\n"
    "项目支出\t350.00\t326.30\n{section}\n工资福利支出\t500.00\t497.10\n商品和服务支出\t300.00\t280.40\n"
    "对个人和家庭的补助\t60.00\t58.00\n资本性支出\t100.00\t96.00\n"
)


@pytest.mark.parametrize("section", ["按经济分类：", "按经济分类", "其中："])
def test_rows_after_a_section_row_stay_in_the_table(section: str) -> None:
    read = money_read(SECTIONED.format(section=section))
    assert read["budget.wages"] == "500" and read["executed.capital"] == "96"


def test_a_sentence_between_two_tables_ends_the_first() -> None:
    text = SECTIONED.format(section="以下为按经济分类的支出情况，请见下表。")
    assert "budget.wages" not in money_read(text)  # the second table has no header of its own


# ── 3. a whole cut by economic class that does not add up: claimed as stated ────────────────


def test_all_four_classes_stated_are_claimed_even_when_they_miss_the_total() -> None:
    text = SECTIONED.format(section="按经济分类：").replace("96.00", "106.00")
    result = import_text(TITLE + text)
    read = money_only(claimed_figures(result))
    assert read["executed.capital"] == "106" and read["executed.total"] == "931.5"
    assert "import.W005" in [f.id for f in result.findings]


def test_three_classes_missing_the_total_are_not_claimed() -> None:
    text = SECTIONED.format(section="按经济分类：").replace("资本性支出\t100.00\t96.00\n", "")
    assert "executed.wages" not in money_read(text)


# ── 4. a subordinate body's money in the department's report ─────────────────────────────────

SUBORDINATE = [
    "所属县公证处为自收自支事业单位，全年业务收入86.40万元、支出79.15万元，未纳入本部门预算。",
    "下属县法律援助中心2022年支出126.30万元。",
    "（三）所属事业单位情况。下设的县公共法律服务中心全年支出58.40万元。",
]


@pytest.mark.parametrize("sentence", SUBORDINATE)
def test_money_in_a_sentence_about_a_subordinate_body_is_not_the_departments(
    sentence: str,
) -> None:
    read = money_read(
        "一、预算执行情况\n全年预算数960.00万元，全年实际支出931.50万元。\n" + sentence
    )
    assert read == {"budget.total": "960", "executed.total": "931.5"}


def test_the_department_after_a_sentence_about_its_subordinates_is_read() -> None:
    text = "所属单位2个。全年预算数960.00万元，全年实际支出931.50万元。"
    assert money_read(text)["executed.total"] == "931.5"


# ── 5. a bare phase word after a colon that names a project ──────────────────────────────────


@pytest.mark.parametrize(
    "line",
    [
        "2.校舍维修改造项目：预算185.00万元，实际支付172.35万元。",
        "（2）信息化建设工程：全年预算96.00万元，实际支出90.20万元。",
        "3、以奖代补资金：安排85.00万元，支出85.00万元。",
    ],
)
def test_a_phase_word_after_a_project_and_a_colon_is_the_projects(line: str) -> None:
    read = money_read("一、预算执行情况\n全年预算数960.00万元，全年实际支出931.50万元。\n" + line)
    assert read == {"budget.total": "960", "executed.total": "931.5"}


def test_a_phase_word_after_a_plain_label_and_a_colon_is_still_read() -> None:
    read = money_read("一、预算执行情况\n2、支出：931.50万元。\n1、预算：960.00万元。")
    assert read.get("executed.total") == "931.5"


# ── 6. a school names itself 学校 ─────────────────────────────────────────────────────────────


def test_a_school_writing_itself_as_xuexiao_is_itself() -> None:
    text = "一、预算执行情况\n2023年度学校全年实际支出2,791.36万元，其中基本支出2,402.18万元，项目支出389.18万元。"
    result = import_text("某县第三中学2023年度部门整体支出绩效自评报告\n" + text)
    assert money_only(claimed_figures(result))["executed.total"] == "2791.36"


def test_schools_in_a_bureaus_report_are_other_bodies() -> None:
    text = "一、预算执行情况\n全年预算数960.00万元。全县学校全年实际支出2,791.36万元。"
    result = import_text("某县教育局2023年度部门整体支出绩效自评报告\n" + text)
    assert "executed.total" not in money_only(claimed_figures(result))


# ── 7. 预算支出 whose parts are budgets, and 全年预算安排 ──────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "read"),
    [
        (
            "全年预算支出2,846.70万元，其中基本支出预算2,418.50万元、项目支出预算428.20万元。",
            {"budget.total": "2846.7", "budget.basic": "2418.5", "budget.project": "428.2"},
        ),
        # the parts do not add up: the arithmetic does not settle it
        ("全年预算支出2,846.70万元，其中基本支出预算2,418.50万元、项目支出预算400.00万元。", {}),
        # the parts are spending: not a budget
        ("全年预算支出2,846.70万元，其中基本支出2,418.50万元、项目支出428.20万元。", None),
    ],
)
def test_budgeted_spending_whose_parts_are_budgets(text: str, read: dict[str, str] | None) -> None:
    found = money_read("一、预算情况\n" + text)
    if read is None:
        assert "budget.total" not in found
    else:
        assert {k: v for k, v in found.items() if k.startswith("budget.")} == read


@pytest.mark.parametrize("word", ["全年预算安排", "年度预算安排", "全年预算"])
def test_the_full_year_budget_arranged(word: str) -> None:
    text = f"2023年{word}2,084.60万元（含年初预算1,652.30万元、年中追加预算432.30万元）。"
    assert money_read("一、预算情况\n" + text)["budget.total"] == "2084.6"


# ── 8. a money label broken over two lines in ragged text ─────────────────────────────────────

BROKEN_LABELS = (
    "医院2021年全年预算\n支出总额13,150.00万元。全年实际\n支出12,986.72万元，其中基本\n"
    "支出11,204.50万元，项目\n支出1,782.22万元。\n"
)


def test_a_money_label_broken_over_lines_is_joined() -> None:
    result = import_text(
        "某县人民医院2021年度部门整体支出绩效自评报告\n一、收支情况\n" + BROKEN_LABELS
    )
    read = money_only(claimed_figures(result))
    assert read == {
        "budget.total": "13150",
        "executed.total": "12986.72",
        "executed.basic": "11204.5",
        "executed.project": "1782.22",
    }


def test_a_heading_is_not_joined_to_the_money_line_after_it() -> None:
    result = import_text(TITLE + "（二）2023年预算\n支出合计960.00万元，全年实际支出931.50万元。")
    # read under its heading (a bare 支出 there is the budget), but as a line of its own
    assert result.sources["budget.total"].text == "支出合计960.00万元"


# ── 9. assets: another body's, and a change that is not the asset total's ────────────────────


def figures_of(title: str, text: str) -> dict[str, str]:
    return claimed_figures(import_text(title + "一、基本情况\n" + text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "年末资产总额186.45万元，较上年增长4.6%。",
            {"assets.total_net": "186.45", "assets.change_pct": "4.6"},
        ),
        # the change after 净资产 / 负债 is theirs, not the asset total's
        (
            "年末资产总额186.45万元，负债总额14.15万元，净资产172.30万元，较上年增长4.6%。",
            {"assets.total_net": "186.45"},
        ),
        ("资产总额186.45万元，负债总额14.15万元，较上年下降2.1%。", {"assets.total_net": "186.45"}),
        # another body's assets
        ("社有企业年末资产总额3,856.40万元，利润总额126.80万元。", {}),
        ("所属公司资产总额3,856.40万元。", {}),
        # the department's own, with its words
        ("截至2023年12月31日，国有资产总额186.45万元。", {"assets.total_net": "186.45"}),
    ],
)
def test_asset_figures_are_the_departments_own(text: str, expected: dict[str, str]) -> None:
    read = figures_of(TITLE, text)
    assert {k: v for k, v in read.items() if k.startswith("assets.")} == expected


# ── 10. the department's name shortened ──────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("department", "line", "read"),
    [
        ("宁川县残疾人联合会", "2024年度县残联全年预算数为618.40万元。", "618.4"),
        ("临江市科学技术协会", "市科协全年预算数为618.40万元。", "618.4"),
        ("桐溪县供销合作社联合社", "县供销社全年预算数为618.40万元。", "618.4"),
        # another body shortened is not the department
        ("宁川县民政局", "县残联全年预算数为618.40万元。", None),
        ("宁川县民政局", "县财政局全年预算数为618.40万元。", None),
    ],
)
def test_the_departments_name_shortened_is_the_department(
    department: str, line: str, read: str | None
) -> None:
    result = import_text(f"{department}2024年度部门整体支出绩效自评报告\n一、预算情况\n{line}")
    assert money_only(claimed_figures(result)).get("budget.total") == read


# ── 11. execution rates: the 自评表's 年度资金总额 row, and 完成全年预算的 ────────────────────────

FORM = (
    "单位：万元\n资金项目\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
    "年度资金总额\t1,526.40\t1,688.75\t{spent}\t10\t98.76%\t9.88\n"
    "其中：财政拨款\t1,526.40\t1,648.75\t1,602.18\t—\t—\t—\n"
)


@pytest.mark.parametrize("spent", ["1,667.76", "1,642.18"])  # agreeing, and contradicted
def test_the_forms_total_row_states_the_execution_rate(spent: str) -> None:
    result = import_text(TITLE + FORM.format(spent=spent))
    # the stated rate (the figures view computes its own from the budget and spending)
    assert result.sources["rates.execution"].text.endswith("98.76%")


def test_another_rows_rate_in_the_form_is_not_the_execution_rate() -> None:
    text = FORM.format(spent="1,667.76").replace("年度资金总额", "项目资金")
    assert "rates.execution" not in claimed_figures(import_text(TITLE + text))


@pytest.mark.parametrize(
    ("sentence", "rate"),
    [
        ("2024年度财政拨款支出决算407.82万元，完成全年预算的97.36%。", "97.36"),
        ("全年实际支出407.82万元，达到年度预算的97.36%。", "97.36"),
        ("基本支出336.45万元，完成全年预算的98.10%。", None),  # a class's
        ("培训项目支出32.00万元，完成全年预算的80.00%。", None),  # a project's
    ],
)
def test_spending_completing_its_budget(sentence: str, rate: str | None) -> None:
    read = claimed_figures(import_text(TITLE + "一、预算执行情况\n" + sentence))
    assert read.get("rates.execution") == rate


@pytest.mark.parametrize(
    ("rate", "read"),
    [("98.05", "98.05"), ("98.0", "98.0"), ("97.50", None)],  # proven, to one decimal, not
)
def test_a_bare_rate_after_a_comparison_is_the_budgets_when_the_arithmetic_proves_it(
    rate: str, read: str | None
) -> None:
    text = (
        "一、部门整体支出情况\n（一）预算情况：2023年年初预算586.20万元，调整预算为742.65万元。\n"
        f"（二）支出情况：2023年度财政拨款支出728.14万元，较上年决算数645.37万元增长12.83%，执行率{rate}%。"
    )
    result = import_text(TITLE + text)
    source = result.sources.get("rates.execution")
    assert (source.text.removesuffix("%")[-len(rate) :] if source else None) == read


# ── 12. w12: forms as key-value lines, numbered class lists, rates by other names ──────────────

KEY_VALUE_FORM = """附件1
部门整体支出绩效自评基本情况表
年度预算数（万元）：2,168.40
  其中：基本支出（万元）：926.40
        项目支出（万元）：1,242.00
全年实际支出（万元）：2,032.50
  其中：基本支出（万元）：904.62
        项目支出（万元）：1,127.88
预算执行率: 93.73%
"""


def test_a_key_value_forms_parts_belong_to_the_total_above() -> None:
    read = claimed_figures(import_text(TITLE + KEY_VALUE_FORM))
    assert {k: read.get(k) for k in ("budget.basic", "budget.project", "executed.basic")} == {
        "budget.basic": "926.4",
        "budget.project": "1242",
        "executed.basic": "904.62",
    }
    assert import_text(TITLE + KEY_VALUE_FORM).sources["rates.execution"].text.endswith("93.73%")


def test_parts_under_a_prose_line_are_not_carried() -> None:
    text = "一、预算情况\n全年预算数为2,168.40万元。\n其中：基本支出（万元）：926.40\n"
    assert "budget.basic" not in money_read(text)  # not a form line above: no total to carry


NUMBERED_CLASSES = (
    "一、支出情况\n本年度部门整体支出1,032.50万元。\n（三）按经济分类\n"
    "（1）工资福利支出612.38万元；\n（2）商品和服务支出186.20万元；\n"
    "（3）对个人和家庭的补助153.92万元；\n（4）资本性支出80.00万元。\n"
)


def test_classes_listed_one_a_numbered_line_share_a_phase() -> None:
    read = money_read(NUMBERED_CLASSES)
    assert read["executed.transfers_households"] == "153.92"
    assert read["executed.capital"] == "80"


def test_a_class_alone_on_a_numbered_line_after_prose_takes_no_phase() -> None:
    text = "一、其他\n1.全年开展培训12期。\n2.对个人和家庭的补助153.92万元。\n"
    assert "executed.transfers_households" not in money_read(text)


@pytest.mark.parametrize(
    ("sentence", "rate"),
    [
        ("全年实际完成支出1,297.45万元，资金执行率96.58%。", "96.58"),  # a synonym
        ("预算完成率：96.58%", "96.58"),
        ("截至12月31日，累计支出1,297.45万元，执行进度96.98%。", "96.98"),  # proven
        ("全年共支出1,297.45万元，支出进度90.00%。", None),  # not proven
        ("2.政府采购：全年政府采购合同金额386.25万元，执行率100%。", None),  # an item's
    ],
)
def test_execution_rates_by_other_names(sentence: str, rate: str | None) -> None:
    text = "一、部门预算及执行情况\n全年预算数为1,337.80万元。\n" + sentence
    source = import_text(TITLE + text).sources.get("rates.execution")
    assert (source.text.rstrip("%").split("：")[-1][-len(rate) :] if source else None) == rate


@pytest.mark.parametrize("word", ["年度资金总额", "全年可用资金"])
def test_the_years_funds_total_is_the_budget(word: str) -> None:
    text = f"一、预算情况\n{word}4,862.15万元，其中：年初预算3,915.60万元，年中调整增加946.55万元。"
    assert money_read(text)["budget.total"] == "4862.15"


# ── 13. w13: "项目：金额" lists, a balanced budget, "<phase>中，" ──────────────────────────────

LISTS = """二、部门预算收支情况
2022年部门预算总收入：1,846万元，其中：
一般公共预算财政拨款：1,796万元
其他收入：50万元
部门预算总支出：1,846万元，其中：
基本支出：738万元
项目支出：1,108万元
三、部门预算执行情况
全年支出决算数：1,702万元，其中：
基本支出：731万元
项目支出：971万元
按支出经济分类：
工资福利支出：604万元
商品和服务支出：512万元
对个人和家庭的补助：248万元
资本性支出：338万元
"""


def test_lists_of_label_colon_amount_lines() -> None:
    read = money_read(LISTS)
    assert {k: read.get(k) for k in ("budget.total", "budget.basic", "executed.basic")} == {
        "budget.total": "1846",
        "budget.basic": "738",
        "executed.basic": "731",
    }
    assert read["executed.transfers_households"] == "248"


def test_budgeted_spending_without_a_balancing_income_stays_unread() -> None:
    text = LISTS.replace("部门预算总收入：1,846万元", "部门预算总收入：1,900万元")
    assert "budget.total" not in money_read(text)


def test_a_list_ends_at_a_line_of_anything_else() -> None:
    text = "一、预算情况\n全年预算数：1,846万元，其中：\n全年开展培训12期。\n基本支出：738万元\n"
    assert "budget.basic" not in money_read(text)


@pytest.mark.parametrize(
    ("opening", "key"),
    [
        ("调整后全年预算中", "budget.basic"),
        ("年度决算支出中", "executed.basic"),
        ("培训项目中", None),
    ],
)
def test_a_sentence_opening_on_a_phase_and_zhong(opening: str, key: str | None) -> None:
    text = (
        "一、预算执行情况\n本院调整后全年预算14,981,000元。"
        f"{opening}，基本支出10,412,000元，项目支出4,569,000元。"
    )
    read = money_read(text)
    found = [k for k in ("budget.basic", "executed.basic") if read.get(k) == "1041.2"]
    assert found == ([key] if key else [])


def test_budgeted_spending_repeating_a_budget_read_from_its_income_is_one_budget() -> None:
    text = (
        "二、部门预算收支情况\n（一）收入预算。2023年度部门预算收入1,186.52万元。\n"
        "（二）支出预算。全年预算支出1,186.52万元。按经济分类：工资福利支出352.18万元，"
        "商品和服务支出214.34万元，对个人和家庭的补助300.00万元，资本性支出320.00万元。\n"
    )
    read = money_read(text)
    assert read["budget.total"] == "1186.52" and read["budget.wages"] == "352.18"


def test_an_unread_adjusted_budget_keeps_the_initial_budget_from_standing_for_the_year() -> None:
    # "XX全年预算数…" whose subject is not known for the department's: the year's budget is there,
    # unread, so the initial budget is not claimed as the year's
    text = "一、预算情况\n年初预算1,102.60万元，年中追加183.84万元。站里全年预算数1,286.44万元。"
    read = claimed_figures(import_text(TITLE + text))
    assert "budget.total" not in read and read["budget.initial_total"] == "1102.6"


def test_without_an_adjusted_budget_the_initial_budget_is_the_years() -> None:
    text = "一、预算情况\n年初预算1,102.60万元。全年预算收入1,102.60万元。"
    assert claimed_figures(import_text(TITLE + text))["budget.total"] == "1102.6"
