"""A 部门整体支出绩效自评表 in the templates of many provinces and cities, pasted in the three ways
the importer rebuilds (tab rows, one cell per line, 【block】 key：value cells), pinned by variants
written for these tests (not copied from any report): what each must give, and what it must not.

Classes: column titles of the money block (年初预算 / 批复预算 / 全年预算 / 调整预算数 / 调整后预算数,
实际支出 / 实际支出数 / 执行数 / 决算数 / 支出决算, 执行率 / 完成率 / 资金使用率, 分值 / 权重 / 满分,
得分 / 自评得分 / 评分; units in the titles or on a unit line); its total row (资金总额 / 年度资金总额 /
部门预算资金 / 合计 / 总计) and its rows by source (财政拨款 / 一般公共预算 / 政府性基金 / 财政专户 / 上年结转 /
其他资金, 其中 or not) and by funding (基本支出 / 项目支出); a 上年结转 row under both budget columns
(the 全年 one only); rows by source that miss the total the 基本 + 项目 rows give (import.W005);
the staffing block as pairs or as a header row over a count row; the score's total row (总分 /
合计 / 自评总分 / 综合得分 / 自评得分) under 分值 / 权重 / 满分 and 得分 / 自评得分 / 评分, and the
grade (自评等级 / 评价等次 / 等级); the department from 填报单位 / 预算单位 under a title naming
none, the year from "（2023年度）". Not read: a project's form (项目支出绩效自评表, import.I015), a
block of last year's columns (上年预算数 / 上年执行数, its rate too), 三公经费 rows as the total, an
indicator's 指标值 as money, 在编人数 (in service or within quota: not decided), a bare 得分：
line.
"""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only

TITLE = "某县水利局2023年度部门整体支出绩效自评表\n"
UNIT = "单位：万元\n"


def read(text: str) -> dict[str, str]:
    return claimed_figures(import_text(text))


# ── the three pastings ──────────────────────────────────────────────────────────────────────


def tabs(rows: list[list[str]], block: str) -> str:
    return "".join("\t".join(row) + "\n" for row in rows)


def cells(rows: list[list[str]], block: str) -> str:
    """One cell per line, a row's trailing blank cells dropped (as a paste drops them)."""
    out: list[str] = []
    for row in rows:
        cut = list(row)
        while cut and not cut[-1]:
            cut.pop()
        out.extend(cut)
    return "".join(cell + "\n" for cell in out)


def tagged(rows: list[list[str]], block: str) -> str:
    """【block】label｜title：value｜… per row, as a budget system exports it."""
    header, *body = rows
    lines = []
    for row in body:
        pairs = [
            f"{title}：{value}" for title, value in zip(header[1:], row[1:], strict=True) if value
        ]
        lines.append(f"【{block}】" + "｜".join([row[0], *pairs]))
    return "".join(line + "\n" for line in lines)


PASTINGS = {"tabs": tabs, "cells": cells, "tagged": tagged}


def money_block(
    titles: tuple[str, ...] = ("年初预算数", "全年预算数", "全年执行数", "执行率", "分值", "得分"),
    total: str = "资金总额",
    sources: tuple[str, str] = ("财政拨款", "其他资金"),
    basic: str = "基本支出",
    first: str = "项目",
) -> list[list[str]]:
    return [
        [first, *titles],
        [total, "420.00", "486.50", "462.18", "95.00%", "10", "9.50"],
        [sources[0], "400.00", "456.50", "432.18", "94.67%", "", ""],
        [sources[1], "20.00", "30.00", "30.00", "100.00%", "", ""],
        [basic, "300.00", "316.50", "315.20", "99.59%", "", ""],
        ["项目支出", "120.00", "170.00", "146.98", "86.46%", "", ""],
    ]


WHOLE = {
    "budget.total": "486.5",
    "budget.basic": "316.5",
    "budget.project": "170",
    "executed.total": "462.18",
    "executed.basic": "315.2",
    "executed.project": "146.98",
    "rates.execution": "95",
}


def assert_whole(figures: dict[str, str]) -> None:
    for key, value in WHOLE.items():
        assert figures.get(key) == value, (key, figures)
    assert not {"456.5", "432.18"} & set(money_only(figures).values())  # no source row as total


# ── 1. column titles ────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("paste", PASTINGS)
@pytest.mark.parametrize(
    "titles",
    [
        ("年初预算", "全年预算", "实际支出", "预算执行率", "权重", "自评得分"),
        ("年初预算数", "调整后预算数", "实际支出数", "完成率", "满分", "得分"),
        ("批复预算", "调整预算数", "执行数", "资金使用率", "分值", "评分"),
        (
            "年初预算数（万元）",
            "全年预算数（万元）",
            "全年执行数（万元）",
            "执行率",
            "分值",
            "得分",
        ),
        ("年初预算数", "全年预算数", "决算数", "执行率", "分值", "得分"),
        ("年初预算数", "全年预算数", "支出决算", "执行率", "权重", "得分"),
    ],
)
def test_a_money_block_s_column_titles_are_read_in_each_pasting(
    paste: str, titles: tuple[str, ...]
) -> None:
    text = TITLE + UNIT + PASTINGS[paste](money_block(titles), "资金情况")
    assert_whole(read(text))


@pytest.mark.parametrize("paste", PASTINGS)
def test_a_rate_title_of_another_thing_is_not_the_execution_rate(paste: str) -> None:
    # 资金到位率 is no execution rate: the money is read, the rate is not
    titles = ("年初预算数", "全年预算数", "全年执行数", "资金到位率", "分值", "得分")
    figures = read(TITLE + UNIT + PASTINGS[paste](money_block(titles), "资金情况"))
    assert "rates.execution" not in figures


# ── 2. row labels ───────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("paste", PASTINGS)
@pytest.mark.parametrize(
    ("total", "sources", "basic"),
    [
        ("年度资金总额", ("一般公共预算", "其他资金"), "其中：基本支出"),
        ("部门预算资金", ("财政拨款", "上年结转"), "基本支出"),
        ("合计", ("其中：财政拨款", "财政专户"), "基本支出"),
        ("总计", ("一般公共预算", "政府性基金"), "其中：基本支出"),
    ],
)
def test_a_money_block_s_row_labels_are_read_in_each_pasting(
    paste: str, total: str, sources: tuple[str, str], basic: str
) -> None:
    block = money_block(total=total, sources=sources, basic=basic)
    assert_whole(read(TITLE + UNIT + PASTINGS[paste](block, "资金情况")))


@pytest.mark.parametrize("paste", PASTINGS)
def test_a_carryover_row_under_both_budget_columns_is_the_full_year_s(paste: str) -> None:
    block = money_block(sources=("其中：财政拨款", "上年结转"))
    figures = read(TITLE + UNIT + PASTINGS[paste](block, "资金情况"))
    assert figures["budget.carryover_prior"] == "30"  # not 20 + 30


@pytest.mark.parametrize("paste", PASTINGS)
def test_three_gong_rows_are_no_total(paste: str) -> None:
    block = [
        ["项目", "年初预算数", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
        ["“三公”经费", "12.00", "12.00", "9.60", "80.00%", "", ""],
        ["其中：公务接待费", "2.00", "2.00", "1.60", "80.00%", "", ""],
        ["公务用车运行维护费", "10.00", "10.00", "8.00", "80.00%", "", ""],
    ]
    figures = read(TITLE + UNIT + PASTINGS[paste](block, "资金情况"))
    assert not {"budget.total", "executed.total", "rates.execution"} & set(figures)


# ── 3. rows by source that miss the total (w26-07's class) ──────────────────────────────────


def test_rows_by_source_that_miss_the_total_are_reported() -> None:
    block = money_block(
        titles=("年初预算数", "调整后预算数", "实际支出数", "执行率", "权重", "得分")
    )
    block[3][2] = "50.00"  # 456.50 + 50.00 = 506.50, the 资金总额 486.50 (基本 + 项目 give it)
    block[3][4] = ""
    result = import_text(TITLE + UNIT + tabs(block, "资金情况"))
    warned = [f for f in result.findings if f.id == "import.W005" and "资金来源" in f.message]
    assert len(warned) == 1
    assert "486.50" in warned[0].message and "506.50" in warned[0].message
    assert claimed_figures(result)["budget.total"] == "486.5"  # kept as stated


def test_rows_by_source_that_add_up_are_not_reported() -> None:
    result = import_text(TITLE + UNIT + tabs(money_block(), "资金情况"))
    assert not [f for f in result.findings if "资金来源" in f.message]


def test_a_total_its_funding_rows_miss_too_is_not_blamed_on_the_sources() -> None:
    block = money_block()
    block[3][2] = "50.00"
    block[5][2] = "190.00"  # 基本 + 项目 miss the total as well: which is wrong is not proven
    result = import_text(TITLE + UNIT + tabs(block, "资金情况"))
    assert not [f for f in result.findings if "资金来源" in f.message]


# ── 4. the staffing block ───────────────────────────────────────────────────────────────────

STAFF = {
    "staffing.authorized": "12",
    "staffing.actual_total": "17",
    "staffing.in_service": "11",
    "staffing.retired": "6",
}


@pytest.mark.parametrize("paste", PASTINGS)
@pytest.mark.parametrize(
    "labels",
    [
        ("编制数", "实有人数", "在职人员", "退休人员"),
        ("编制人数", "实有人数", "在职人数", "退休人数"),
        ("核定编制", "实有人数", "在职人员", "离退休人员"),
    ],
)
def test_staffing_pairs_in_a_form_are_read(paste: str, labels: tuple[str, ...]) -> None:
    rows = [[labels[0], "12", labels[1], "17"], [labels[2], "11", labels[3], "6"]]
    if paste == "tagged":
        staff = "".join(f"【人员情况】{row[0]}：{row[1]}｜{row[2]}：{row[3]}\n" for row in rows)
    else:
        staff = PASTINGS[paste](rows, "人员情况")
    text = TITLE + UNIT + staff + PASTINGS[paste](money_block(), "资金情况")
    figures = read(text)
    for key, value in STAFF.items():
        assert figures.get(key) == value, (key, figures)


@pytest.mark.parametrize(
    "labels",
    [
        ("编制数", "实有人数", "在职人员", "退休人员"),
        ("编制人数", "实有人数", "在职人数", "退休人数"),
        ("核定编制", "实有人数", "在职人员", "离退休人员"),
    ],
)
def test_a_staffing_header_over_a_count_row_inside_the_form_is_read(
    labels: tuple[str, ...],
) -> None:
    staff = tabs([list(labels), ["12", "17", "11", "6"]], "")
    figures = read(TITLE + UNIT + staff + tabs(money_block(), "资金情况"))
    for key, value in STAFF.items():
        assert figures.get(key) == value, (key, figures)


def test_a_staffing_header_over_several_count_rows_is_not_one_row() -> None:
    # a table by unit with no row labels: which row is the department's is not said
    staff = tabs([["编制数", "实有人数", "在职人员", "退休人员"], ["12", "17", "11", "6"]], "")
    staff += "8\t9\t7\t2\n"
    figures = read(TITLE + UNIT + staff + tabs(money_block(), "资金情况"))
    assert not any(key.startswith("staffing.") for key in figures)


def test_a_header_with_a_column_that_is_not_a_role_is_not_read_inside_a_form() -> None:
    staff = tabs([["编制数", "实有人数", "内设机构", "退休人员"], ["12", "17", "5", "6"]], "")
    figures = read(TITLE + UNIT + staff + tabs(money_block(), "资金情况"))
    assert figures.get("staffing.authorized") != "5"
    assert "staffing.retired" not in figures


def test_on_the_payroll_beside_the_quota_is_the_staff_in_service() -> None:
    # 在编人数 beside 核定编制 (the quota in a key of its own): the people holding posts, the
    # staff in service (as `_role_in_form` reads a form's keys); the pairs' table read though
    # the money block touches it
    staff = tabs([["核定编制", "12", "实有人数", "17"], ["在编人数", "11", "退休人员", "6"]], "")
    figures = read(TITLE + UNIT + staff + tabs(money_block(), "资金情况"))
    assert figures["staffing.in_service"] == "11" and figures["staffing.authorized"] == "12"


# ── 5. the score and the grade ──────────────────────────────────────────────────────────────


def score_block(total: str, weight: str, score: str) -> list[list[str]]:
    return [
        ["一级指标", "二级指标", "三级指标", "指标值", "实际值", weight, score],
        ["产出指标", "数量指标", "水利工程维修数量", "≥20处", "22处", "30", "30"],
        ["效益指标", "社会效益指标", "灌溉保障面积", "≥5万亩", "5.2万亩", "30", "28"],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "93%", "30", "27"],
        [total, "", "", "", "", "100", "94.5"],
    ]


@pytest.mark.parametrize("paste", ["tabs", "cells"])
@pytest.mark.parametrize("total", ["总分", "合计", "自评总分", "综合得分", "自评得分"])
@pytest.mark.parametrize(
    ("weight", "score"), [("分值", "得分"), ("权重", "自评得分"), ("满分", "评分")]
)
def test_the_score_s_total_row_is_read(paste: str, total: str, weight: str, score: str) -> None:
    text = TITLE + UNIT + PASTINGS[paste](money_block(), "资金情况")
    text += PASTINGS[paste](score_block(total, weight, score), "绩效指标")
    assert read(text)["score.self"] == "94.5"


@pytest.mark.parametrize("paste", ["tabs", "cells", "tagged"])
@pytest.mark.parametrize(
    ("title", "written", "grade"),
    [("自评等级", "优", "优"), ("评价等次", "良好", "良"), ("等级", "优秀", "优")],
)
def test_the_grade_is_read(paste: str, title: str, written: str, grade: str) -> None:
    text = TITLE + UNIT + PASTINGS[paste](money_block(), "资金情况")
    text += {"tabs": f"{title}\t{written}\n", "cells": f"{title}\n{written}\n"}.get(
        paste, f"【自评结果】总分：100｜自评得分：94.5｜{title}：{written}\n"
    )
    figures = read(text)
    if paste == "cells" and title == "等级":
        # a bare 等级 over a grade, one cell per line, does not say whose grade: not read
        assert "grade.self" not in figures
    else:
        assert figures["grade.self"] == grade


@pytest.mark.parametrize(
    "lines",
    [
        "总分：100\n自评得分：94.5\n",
        "总分：100\n综合得分：94.5\n",
        "【自评结果】总分：100｜自评得分：94.5｜自评等级：优\n【填报信息】填报人：王某\n",
    ],
)
def test_the_score_as_key_value_lines_is_read(lines: str) -> None:
    text = TITLE + UNIT + tagged(money_block(), "资金情况") + lines
    assert read(text)["score.self"] == "94.5"


def test_a_bare_score_line_is_not_the_self_score() -> None:
    # 得分：94.5 alone may be any row's score
    text = TITLE + UNIT + tagged(money_block(), "资金情况") + "满分：100\n得分：94.5\n"
    assert "score.self" not in read(text)


def test_a_grade_column_is_no_grade() -> None:
    text = TITLE + UNIT + tabs(money_block(), "资金情况") + "等级\n优秀\n良好\n合格\n"
    assert "grade.self" not in read(text)


# ── 6. the title, 填报单位, （2023年度） ──────────────────────────────────────────────────────


@pytest.mark.parametrize("paste", PASTINGS)
@pytest.mark.parametrize(
    "head",
    [
        "部门整体支出绩效自评表\n（2023年度）\n填报单位：某县水利局\n",
        "2023年度部门整体支出绩效自评表\n填报单位：某县水利局（盖章）\n",
        "部门整体支出绩效自评表\n填报单位：某县水利局\t\t\t金额单位：万元\n评价年度：2023年度\n",
        "2023年度部门整体支出绩效自评表\n预算单位：某县水利局\n主管部门：某县人民政府\n",
        "2023年度部门整体支出绩效自评表\n填报单位（盖章）：某县水利局\t\t金额单位：万元\n",
        "2023年度部门整体支出绩效自评表\n部门名称\t某县水利局\t主管部门\t某县人民政府\n",
        "2023年度部门整体支出绩效自评表\n单位（部门）名称：某县水利局          单位：万元\n",
        "2023年度部门整体支出绩效自评表\n部门名称 某县水利局 主管部门 某县人民政府 金额单位：元\n",
        "部门（单位）整体支出绩效自评表\n（2023年度）\n部门（单位）名称\n某县水利局\n主管部门\n",
    ],
)
def test_the_department_and_year_of_a_form_are_read(paste: str, head: str) -> None:
    result = import_text(head + UNIT + PASTINGS[paste](money_block(), "资金情况"))
    assert result.dossier.profile.name == "某县水利局"
    assert result.dossier.year == 2023


@pytest.mark.parametrize(
    "head",
    [
        "2023年度部门整体支出绩效自评表\n部门名称：某县水利局所属事业单位合计\n",  # not a name's end
        "2023年度部门整体支出绩效自评表\n部门名称\n（盖章）\n",
        "2023年度部门整体支出绩效自评表\n单位名称\n资金情况\n",
    ],
)
def test_a_name_field_without_an_organisation_names_none(head: str) -> None:
    result = import_text(head + UNIT + tabs(money_block(), "资金情况"))
    assert result.dossier.profile.name != "某县水利局"
    assert "department" in result.missing


def test_the_supervising_department_is_not_the_department() -> None:
    head = "2023年度部门整体支出绩效自评表\n主管部门：某县人民政府\n"
    result = import_text(head + UNIT + tabs(money_block(), "资金情况"))
    assert result.dossier.profile.name != "某县人民政府"


# ── 7. must not read ────────────────────────────────────────────────────────────────────────

PROJECT = (
    "2023年度项目支出绩效自评表\n项目名称：农村饮水安全巩固提升工程\n"
    "主管部门：某县水利局\t实施单位：某县水利局\n"
)


@pytest.mark.parametrize("paste", PASTINGS)
@pytest.mark.parametrize("head", [PROJECT, PROJECT.replace("项目支出绩效自评表", "项目绩效自评表")])
def test_a_project_s_form_gives_none_of_its_money(paste: str, head: str) -> None:
    block = money_block(sources=("其中：财政拨款", "其他资金"))
    text = head + UNIT + PASTINGS[paste](block, "资金情况")
    text += PASTINGS[paste](score_block("总分", "分值", "得分"), "绩效指标")
    result = import_text(text)
    figures = claimed_figures(result)
    assert not money_only(figures)
    assert not {"rates.execution", "score.self"} & set(figures)
    assert any(f.id == "import.I015" for f in result.findings)


@pytest.mark.parametrize("paste", PASTINGS)
def test_last_year_s_columns_give_no_figure_and_no_rate(paste: str) -> None:
    block = [
        ["项目", "上年预算数", "上年执行数", "执行率", "分值", "得分"],
        ["资金总额", "400.00", "380.00", "95.00%", "10", "9.50"],
        ["基本支出", "300.00", "290.00", "96.67%", "", ""],
        ["项目支出", "100.00", "90.00", "90.00%", "", ""],
    ]
    figures = read(TITLE + UNIT + PASTINGS[paste](block, "资金情况"))
    assert not money_only(figures)
    assert "rates.execution" not in figures


@pytest.mark.parametrize("paste", PASTINGS)
def test_last_year_s_column_beside_this_year_s_is_not_read(paste: str) -> None:
    titles = [
        "项目",
        "上年预算数",
        "年初预算数",
        "全年预算数",
        "全年执行数",
        "执行率",
        "分值",
        "得分",
    ]
    block = [titles] + [[row[0], "401.00", *row[1:]] for row in money_block()[1:]]
    figures = read(TITLE + UNIT + PASTINGS[paste](block, "资金情况"))
    assert_whole(figures)
    assert "401" not in money_only(figures).values()


@pytest.mark.parametrize("paste", ["tabs", "cells"])
def test_an_indicator_s_target_is_no_money(paste: str) -> None:
    block = [
        ["一级指标", "二级指标", "三级指标", "指标值", "实际值", "分值", "得分"],
        ["产出指标", "成本指标", "项目资金总额", "≤500万元", "486.5万元", "20", "20"],
        ["产出指标", "成本指标", "预算资金", "500.00", "486.50", "20", "20"],
        ["效益指标", "经济效益指标", "带动农业产值", "≥2000万元", "2150万元", "30", "30"],
        ["满意度指标", "满意度指标", "群众满意度", "≥90%", "95%", "30", "30"],
    ]
    figures = read(TITLE + UNIT + PASTINGS[paste](block, "绩效指标"))
    assert not money_only(figures)


# ── 8. a caption column merged over the money block's rows ──────────────────────────────────


def captioned(caption: str, *, repeated: bool) -> list[list[str]]:
    block = money_block()
    rows = [[caption, *block[0]]]
    for n, row in enumerate(block[1:]):
        rows.append([caption if repeated or n == 0 else "", *row])
    return rows


@pytest.mark.parametrize("caption", ["年度资金情况", "部门预算执行情况", "资金情况"])
@pytest.mark.parametrize("repeated", [True, False])
def test_a_caption_column_merged_over_the_rows_is_dropped(caption: str, repeated: bool) -> None:
    text = TITLE + UNIT + tabs(captioned(caption, repeated=repeated), "")
    assert_whole(read(text))


@pytest.mark.parametrize("caption", ["年度资金情况", "部门预算执行情况"])
def test_a_caption_over_a_block_pasted_one_cell_per_line_is_passed_over(caption: str) -> None:
    text = TITLE + UNIT + caption + "\n" + cells(money_block(), "")
    assert_whole(read(text))


@pytest.mark.parametrize("caption", ["年度资金情况", "部门预算执行情况"])
def test_a_caption_as_the_tag_of_an_export_is_read(caption: str) -> None:
    assert_whole(read(TITLE + UNIT + tagged(money_block(), caption)))


def test_a_first_column_of_other_captions_is_no_caption_column() -> None:
    # each row's own first cell (单位 names) is a column of its own: not dropped, not read
    rows = captioned("资金情况", repeated=True)
    rows[2][0] = "本级"
    figures = read(TITLE + UNIT + tabs(rows, ""))
    assert "budget.basic" not in figures


# ── 9. 基本 / 项目 rows under 财政拨款, not under the total ─────────────────────────────────────

NESTED = [
    ["项目", "年初预算数", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
    ["资金总额", "420.00", "486.50", "462.18", "95.00%", "10", "9.50"],
    ["其中：财政拨款", "400.00", "456.50", "432.18", "94.67%", "", ""],
    ["其中：基本支出", "300.00", "316.50", "315.20", "99.59%", "", ""],
    ["项目支出", "100.00", "140.00", "116.98", "83.56%", "", ""],
    ["其他资金", "20.00", "30.00", "30.00", "100.00%", "", ""],
]


@pytest.mark.parametrize("paste", PASTINGS)
def test_a_split_of_the_appropriation_is_not_the_department_s_split(paste: str) -> None:
    result = import_text(TITLE + UNIT + PASTINGS[paste](NESTED, "资金情况"))
    figures = claimed_figures(result)
    assert figures["budget.total"] == "486.5"
    assert figures["executed.total"] == "462.18"
    assert figures["rates.execution"] == "95"
    assert not {"budget.basic", "budget.project", "executed.basic"} & set(figures)
    assert not [f for f in result.findings if f.id == "import.W005"]  # no false difference


@pytest.mark.parametrize("paste", PASTINGS)
def test_a_split_under_the_appropriation_that_gives_the_total_is_the_total_s(paste: str) -> None:
    # 其他资金 0: the 财政拨款 is the whole, its split the department's
    rows = [list(row) for row in NESTED]
    rows[1][1:4] = ["400.00", "456.50", "432.18"]
    rows[1][4] = "94.67%"
    rows[5][1:5] = ["0.00", "0.00", "0.00", ""]
    figures = read(TITLE + UNIT + PASTINGS[paste](rows, "资金情况"))
    assert figures["budget.basic"] == "316.5"
    assert figures["budget.project"] == "140"


# ── 10. amounts in 元: a unit line or the unit in each title ─────────────────────────────────


@pytest.mark.parametrize("paste", PASTINGS)
@pytest.mark.parametrize(
    ("unit", "titles"),
    [
        ("金额单位：元\n", ("年初预算数", "全年预算数", "全年执行数", "执行率", "分值", "得分")),
        (
            "",
            (
                "年初预算数（元）",
                "全年预算数（元）",
                "全年执行数（元）",
                "执行率（%）",
                "分值",
                "得分",
            ),
        ),
        ("单位：元\n", ("年初预算", "调整后预算", "实际支出", "执行率", "权重", "得分")),
    ],
)
def test_a_block_in_yuan_is_read_in_wan(paste: str, unit: str, titles: tuple[str, ...]) -> None:
    block = [
        ["项目", *titles],
        ["资金总额", "4,200,000.00", "4,865,000.00", "4,621,800.00", "95.00%", "10", "9.50"],
        ["基本支出", "3,000,000.00", "3,165,000.00", "3,152,000.00", "99.59%", "/", "/"],
        ["项目支出", "1,200,000.00", "1,700,000.00", "1,469,800.00", "86.46%", "/", "/"],
    ]
    figures = read(TITLE + unit + PASTINGS[paste](block, "资金情况"))
    assert figures["budget.total"] == "486.5"
    assert figures["executed.total"] == "462.18"
    assert figures["budget.basic"] == "316.5"
    assert figures["rates.execution"] == "95"


def test_a_block_with_no_unit_anywhere_gives_no_money() -> None:
    block = money_block()
    assert not money_only(read(TITLE + tabs(block, "")))
