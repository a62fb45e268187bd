"""The layouts w46–w48's dev reports showed (provincial form templates, PDF and OCR forms,
publication bundles), each class with its own wording variants written for these tests: a web
page's cells a paragraph each, a caption written down the first column, a table continued over
a page break, titles wrapped in their cells, a cut's group row between a block's rows, columns
each under the caption again, three rates proving a block whose parts do not add up, spaced
thousands in table cells, OCR misreads in expenditure labels, a bundle's project forms, and the
staffing variants (编外 beside 在编, 在编人员 beside 编制数, typed quotas in a pairs column, a
remarks column)."""

from __future__ import annotations

import pytest

from benchmarks.eval_import import read_figures
from jixiao.importers.normalise import normalise
from jixiao.importers.text import import_text

TITLE = "某县农业农村局2023年度部门整体支出绩效自评表\n"
UNIT = "单位：万元\n"
FIGURES = {
    "budget.total": "1604.28",
    "executed.total": "1571.93",
    "budget.basic": "386.4",
    "executed.project": "1189.78",
}


def read(text: str) -> dict[str, str]:
    return read_figures(import_text(text))[0]


def money_read(text: str) -> bool:
    got = read(text)
    return all(got.get(key) == value for key, value in FIGURES.items())


# ── a web page copied with an empty line after every cell ─────────────────────────────────


def paragraphs(cells: list[str]) -> str:
    return "\n\n".join(cells) + "\n"


PARAGRAPH_CELLS = [
    *("部门名称", "某县农业农村局", "金额单位：万元"),
    *("资金类别", "全年预算数", "全年执行数", "执行率", "分值", "得分"),
    *("年度资金总额", "1,604.28", "1,571.93", "97.98%", "10", "9.80"),
    *("基本支出", "386.40", "382.15", "98.90%", "—", "—"),
    *("项目支出", "1,217.88", "1,189.78", "97.69%", "—", "—"),
    *("年度总体目标", "保障机关运转，完成高标准农田建设。"),
]


@pytest.mark.parametrize("caption", ["资金类别", "资金性质", "支出类别"])
def test_cells_a_paragraph_each_are_read(caption: str) -> None:
    cells = [caption if cell == "资金类别" else cell for cell in PARAGRAPH_CELLS]
    assert money_read(TITLE + paragraphs(cells))


# ── a caption written down the first column ─────────────────────────────────────────────────

BLOCK_ROWS = [
    ("项目", "年初预算数", "调整后预算数", "实际支出数", "执行率"),
    ("合计", "1212.60", "1604.28", "1571.93", "97.98%"),
    ("基本支出", "372.60", "386.40", "382.15", "98.90%"),
    ("项目支出", "840.00", "1217.88", "1189.78", "97.69%"),
]


def captioned(heads: list[str]) -> str:
    return "".join(
        head + "\t" + "\t".join(row) + "\n"
        for head, row in zip(heads + [""] * 4, BLOCK_ROWS, strict=False)
    )


@pytest.mark.parametrize(
    "heads",
    [
        ["预算", "执行", "情况"],  # pieces of a caption merged down
        ["年度", "预算", "执行", "情况"],
        ["预算执行情况"] * 4,  # the caption repeated in every row
        ["资金使用情况"] * 4,
    ],
)
def test_a_caption_down_the_first_column_is_dropped(heads: list[str]) -> None:
    assert money_read(TITLE + UNIT + captioned(heads))


# ── a table continued over a page break ─────────────────────────────────────────────────────

CLASSES = (
    "\t其中：工资福利支出\t—\t—\t301.26\t—\n\t商品和服务支出\t—\t—\t96.85\t—\n"
    "\t对个人和家庭的补助\t—\t—\t1158.42\t—\n\t资本性支出\t—\t—\t15.40\t—\n"
)


@pytest.mark.parametrize(
    "furniture",
    [
        "- 1 -\n\n某县农业农村局2023年度部门整体支出绩效自评表（续表）\n",
        "第 1 页，共 2 页\n",
        "\n续表\n",
    ],
)
def test_a_table_continued_over_a_page_break_is_one_table(furniture: str) -> None:
    header = "预算\t" + "\t".join(BLOCK_ROWS[0]) + "\n"
    first = header + "".join(f"\t{chr(9).join(row)}\n" for row in BLOCK_ROWS[1:])
    got = read(TITLE + UNIT + first + furniture + header + CLASSES)
    assert got.get("executed.wages") == "301.26" and got.get("executed.capital") == "15.4"


def test_a_repeated_header_after_prose_is_another_table() -> None:
    header = "预算\t" + "\t".join(BLOCK_ROWS[0]) + "\n"
    first = header + "".join(f"\t{chr(9).join(row)}\n" for row in BLOCK_ROWS[1:])
    prose = "本年度部门整体支出执行情况良好，各项资金均按规定使用。\n"
    got = read(TITLE + UNIT + first + prose + header + CLASSES)
    assert "executed.wages" not in got or got["executed.wages"] == "301.26"


# ── titles wrapped inside their cells ───────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("upper", "lower"),
    [
        ("\t项目\t年初预\t全年预\t全年执\t执行率", "\t\t算数\t算数\t行数\t"),
        ("资金情况\t项目\t年初预算\t调整后预\t实际支\t执行率", "\t\t数\t算数\t出数\t"),
    ],
)
def test_titles_wrapped_in_their_cells_are_joined(upper: str, lower: str) -> None:
    rows = "".join(f"\t{chr(9).join(row)}\n" for row in BLOCK_ROWS[1:])
    assert money_read(TITLE + UNIT + upper + "\n" + lower + "\n" + rows)


# ── a cut's group row between a block's rows ────────────────────────────────────────────────


@pytest.mark.parametrize(
    "group", ["一、按支出性质", "（一）按支出性质分", "按支出性质分：", "其中：按用途"]
)
def test_a_group_row_between_the_rows_is_dropped(group: str) -> None:
    text = (
        "项目                预算数          执行数        执行率\n"
        "年度资金总额        1,604.28        1,571.93       97.98%\n"
        f"{group}\n"
        "基本支出            386.40          382.15         98.90%\n"
        "项目支出          1,217.88        1,189.78         97.69%\n"
    )
    assert money_read(TITLE + UNIT + text)


# ── columns each under the block's caption again ────────────────────────────────────────────


@pytest.mark.parametrize("caption", ["预算执行情况", "资金情况"])
def test_columns_each_under_the_caption_again_are_read(caption: str) -> None:
    columns = [
        ("项目", "合计", "基本支出", "项目支出"),
        ("全年预算数", "1604.28", "386.40", "1217.88"),
        ("全年执行数", "1571.93", "382.15", "1189.78"),
        ("执行率", "97.98%", "98.90%", "97.69%"),
    ]
    text = "".join(f"{caption}\n" + "\n".join(column) + "\n\n" for column in columns)
    assert money_read(TITLE + UNIT + text)


# ── three rates prove a block whose parts do not add up ─────────────────────────────────────


def test_rates_prove_cells_a_line_whose_parts_do_not_add_up() -> None:
    # 386.40 + 1,237.88 = 1,624.28, the total says 1,604.28: the report's own inconsistency
    cells = [
        cell.replace("1,217.88", "1,237.88").replace("97.69%", "96.11%") for cell in PARAGRAPH_CELLS
    ]
    got = read(TITLE + "\n".join(cells) + "\n")
    assert got.get("budget.total") == "1604.28" and got.get("budget.project") == "1237.88"


def test_two_rates_alone_do_not_prove_such_a_block() -> None:
    cells = [
        cell.replace("1,217.88", "1,237.88").replace("97.69%", "—") for cell in PARAGRAPH_CELLS
    ]
    got = read(TITLE + "\n".join(cells) + "\n")
    assert got.get("budget.project") in (None, "1237.88")
    assert got.get("budget.total") in (None, "1604.28")


# ── spaced thousands and OCR misreads ───────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "row",
    [
        "年度资金总额 1 212.60 1 604.28 1 571.93 97.98%",
        "| 合计 | 1 212.60 | 1 604.28 | 1 571.93 | 97.98% |",
    ],
)
def test_spaced_thousands_in_table_cells_are_one_amount(row: str) -> None:
    if row.startswith("|"):
        header = "| 项目 | 年初预算数 | 全年预算数 | 全年执行数 | 执行率 |\n"
        rest = (
            "| 基本支出 | 372.60 | 386.40 | 382.15 | 98.90% |\n"
            "| 项目支出 | 840.00 | 1 217.88 | 1 189.78 | 97.69% |\n"
        )
    else:
        header = "项目 年初预算数 全年预算数 全年执行数 执行率\n"
        rest = (
            "其中:基本支出 372.60 386.40 382.15 98.90%\n项目支出 840.00 1 217.88 1 189.78 97.69%\n"
        )
    assert money_read(TITLE + UNIT + header + row + "\n" + rest)


def test_a_whole_number_before_three_digits_stays_a_cell_apart() -> None:
    got = read(TITLE + UNIT + "总分 100 88.65\n其中 10 100.00\n")
    assert "budget.total" not in got


@pytest.mark.parametrize(
    ("wrong", "label"),
    [("商品和服务攴出", "goods_services"), ("对个人和家庭的补肋", "transfers_households")],
)
def test_an_ocr_misread_inside_an_expenditure_label_is_read(wrong: str, label: str) -> None:
    text = (
        "项目\t全年预算数\t决算数\n合计\t2,164.38\t2,121.55\n工资福利支出\t1,651.20\t1,642.36\n"
        "商品和服务支出\t301.46\t286.50\n对个人和家庭的补助\t158.30\t148.27\n"
        "资本性支出\t53.42\t44.42\n"
    )
    right = "商品和服务支出" if label == "goods_services" else "对个人和家庭的补助"
    got = read(TITLE + UNIT + text.replace(right, wrong))
    assert got.get(f"executed.{label}") in ("286.5", "148.27")


# ── a bundle's project forms ────────────────────────────────────────────────────────────────

PROJECT = (
    "项目名称：高标准农田建设项目\n金额单位：万元\n"
    "资金类别\t全年预算数\t全年执行数\t执行率\t分值\t得分\n"
    "年度资金总额\t685.00\t651.28\t95.08%\t10\t9.51\n总分\t\t\t\t100\t92.51\n"
)
WHOLE = (
    "二、部门整体支出绩效自评表\n单位：万元\n项目\t全年预算数\t全年执行数\t执行率\n"
    "合计\t1604.28\t1571.93\t97.98%\n基本支出\t386.40\t382.15\t98.90%\n"
    "项目支出\t1217.88\t1189.78\t97.69%\n总分\t100\t90.50\n"
)


@pytest.mark.parametrize("opening", ["一、重点项目支出绩效自评表\n", "附表3：项目支出绩效自评表\n"])
def test_a_bundle_s_project_forms_are_set_aside(opening: str) -> None:
    result = import_text("某县农业农村局2023年度预算绩效自评结果\n" + opening + PROJECT + WHOLE)
    got = read_figures(result)[0]
    assert got["budget.total"] == "1604.28" and got["executed.total"] == "1571.93"
    assert any(f.id == "import.I016" and "高标准农田" in f.message for f in result.findings)


def test_a_project_form_alone_stays_a_project_form() -> None:
    result = import_text("某县农业农村局2023年度项目支出绩效自评表\n" + PROJECT)
    assert any(f.id == "import.I015" for f in result.findings)
    assert "budget.total" not in read_figures(result)[0]


# ── staffing ────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("outside", ["编外聘用人员", "编外人员", "临聘人员"])
def test_outside_staff_beside_those_on_the_payroll_one_cell_a_line(outside: str) -> None:
    cells = [
        "编制数",
        "实有人数",
        "其中：在编人员",
        outside,
        "退休人员",
        "48",
        "112",
        "45",
        "67",
        "29",
    ]
    got = read(TITLE + "人员情况\n" + "\n".join(cells) + "\n")
    assert got.get("staffing.actual_total") == "112" and got.get("staffing.in_service") == "45"
    assert got.get("staffing.retired") == "29"


@pytest.mark.parametrize(
    "types", ["\t行政编制\t14\n\t事业编制\t20\n", "\t参公编制\t14\n\t工勤编制\t20\n"]
)
def test_typed_quotas_under_the_quota_in_a_pairs_column(types: str) -> None:
    text = "人员情况\t编制数\t34\n" + types + "\t实有人数\t47\n\t在职人数\t31\n\t退休人数\t16\n"
    got = read(TITLE + text)
    assert got.get("staffing.actual_total") == "47" and got.get("staffing.retired") == "16"


@pytest.mark.parametrize("remarks", ["备注", "说明"])
def test_a_remarks_column_beside_the_counts(remarks: str) -> None:
    text = (
        f"项目\t人数/个数\t{remarks}\n编制数\t62\t\n其中：行政编制\t18\t\n实有人数\t97\t\n"
        "其中：在职人数\t58\t\n退休人数\t36\t含遗属\n内设机构\t8\t\n"
    )
    got = read(TITLE + text)
    assert got.get("staffing.authorized") == "62" and got.get("staffing.in_service") == "58"


def test_a_pairs_table_touching_the_next_table_is_read() -> None:
    text = (
        "单位：人\n项目\t数值\n编制数\t78\n实有人数\t112\n在职人数\t72\n退休人数\t40\n\n"
        "部门名称\t某县农业农村局\t某县农业农村局\t评价年度\t2023\n"
    )
    got = read(TITLE + text)
    assert got.get("staffing.authorized") == "78" and got.get("staffing.retired") == "40"


# ── titles and totals ───────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "title",
    ["某县农业农村局2023年度部门整体支出绩效自评情况", "某县农业农村局2023年度预算绩效自评结果"],
)
def test_a_dated_and_named_page_title_ending_in_its_result(title: str) -> None:
    result = import_text(title + "\n" + UNIT + WHOLE)
    assert result.dossier.year == 2023 and result.dossier.profile.name == "某县农业农村局"
    assert not any(f.id == "import.W002" for f in result.findings)


def test_a_flattened_score_total_far_under_its_header() -> None:
    rows = "".join(f"产出指标\n数量指标\n指标{n}\n≥1\n1\n5\n5\n\n" for n in range(18))
    text = "一级指标\n二级指标\n三级指标\n年度指标值\n实际完成值\n分值\n得分\n\n" + rows
    text += "预算执行\n10\n9.5\n绩效自评综合得分\n100\n99.5\n"
    assert read(TITLE + text).get("score.self") == "99.5"


# ── a spreadsheet's cells with line breaks; a header of groups inside a form's table ───────

GROUPED_ROWS = (
    "总计\t1212.60\t1604.28\t1571.93\t97.98%\t10\t9.80\n"
    "其中：基本支出\t372.60\t386.40\t382.15\t98.90%\n      项目支出\t840.00\t1217.88\t1189.78\t97.69%\n"
)


@pytest.mark.parametrize(("upper", "lower"), [("预算安排", "预算执行"), ("预算情况", "执行情况")])
def test_a_two_row_header_of_groups_inside_the_form_s_table(upper: str, lower: str) -> None:
    header = (
        f"项目\t{upper}\t\t{lower}\t\t分值\t得分\n\t年初预算数\t全年预算数\t全年执行数\t执行率\n"
    )
    text = "部门名称\t某县农业农村局\n" + header + GROUPED_ROWS
    assert money_read(TITLE + UNIT + text)
    captioned = "".join(
        f"预算执行情况\t{line}\n" if n == 0 else f"\t{line}\n"
        for n, line in enumerate((header + GROUPED_ROWS).splitlines())
    )
    assert money_read(TITLE + UNIT + "部门名称\t某县农业农村局\n" + captioned)


@pytest.mark.parametrize("breaks", ["\n", "\r\n"])
def test_a_quoted_cell_with_line_breaks_is_one_cell(breaks: str) -> None:
    staff = (
        f'人员情况\t"编制人数68人{breaks}（行政编制21人，事业编制47人）"\t\t'
        f'"实有人数93人{breaks}其中：在职61人{breaks}退休32人"\n'
    )
    got = read(TITLE + UNIT + staff)
    assert got.get("staffing.authorized") == "68" and got.get("staffing.retired") == "32"


# ── w49–w51: merged labels, head units, notes, sub-headers ─────────────────────────────────


def test_a_total_label_merged_across_columns_gives_the_score_not_the_weights() -> None:
    rows = (
        "绩效指标,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因,\n"
        "绩效指标,决策,目标设定,目标合理性,合理,合理,30,27,,\n"
        "绩效指标,产出,数量指标,建设面积,2万亩,2万亩,40,36.5,,\n"
        "绩效指标,效益,满意度,群众满意度,≥90%,93%,30,27,,\n"
        "自评总分,自评总分,自评总分,自评总分,自评总分,自评总分,100,90.5,,\n"
        "评价等级,优秀,优秀,优秀,优秀,优秀,优秀,优秀,,\n"
    )
    got = read(TITLE + rows)
    assert got.get("score.self") == "90.5" and got.get("grade.self") == "优"


@pytest.mark.parametrize("caption", ["人员编制及实有人数", "编制及人员情况"])
def test_a_staffing_caption_naming_quota_and_head_count(caption: str) -> None:
    text = (
        "部门名称\t某县农业农村局\t某县农业农村局\t主管部门\t县政府\n"
        f"{caption}\t编制数\t行政编制\t事业编制\t实有人数\t在职人数\t退休人数\n"
        "\t58\t21\t37\t71\t54\t17\n"
    )
    got = read(TITLE + text)
    assert got.get("staffing.authorized") == "58" and got.get("staffing.in_service") == "54"


@pytest.mark.parametrize("qualifier", ["（调整后）", "(调整后)"])
def test_a_qualified_budget_key_under_the_form_s_unit(qualifier: str) -> None:
    text = (
        f"金额单位：万元\n年初预算数：1,652.30\n全年预算数{qualifier}：2,384.76\n"
        "　基本支出：1,128.45\n　项目支出：1,256.31\n全年执行数：2,297.18\n"
    )
    assert read(TITLE + text).get("budget.total") == "2384.76"


def test_a_block_s_own_header_under_a_dropped_caption() -> None:
    text = (
        "资金情况\t年初预算数\t全年预算数\t全年执行数\t执行率\n"
        "合计\t2,135.60\t2,418.75\t2,346.21\t97.00%\n基本支出\t1,352.60\t1,396.28\t1,388.05\t99.41%\n"
        "项目支出\t783.00\t1,022.47\t958.16\t93.71%\n\t全年预算数\t全年执行数\n"
        "工资福利支出\t1,126.30\t1,121.85\n商品和服务支出\t862.45\t835.24\n"
        "对个人和家庭的补助\t98.00\t97.63\n资本性支出\t332.00\t291.49\n"
    )
    got = read(TITLE + UNIT + text)
    assert got.get("budget.wages") == "1126.3" and got.get("executed.wages") == "1121.85"


@pytest.mark.parametrize(
    "note", ["注：学区统一管理退休职工97人，不计入上表。", "（说明：不含下属单位。）"]
)
def test_a_table_note_does_not_end_the_form_unit_s_reach(note: str) -> None:
    text = (
        "单位性质：全额拨款事业单位          金额单位：万元\n"
        "单位\t编制数\t实有人数\t在校学生(人)\n中心小学\t62\t58\t912\n初级中学\t54\t51\t1,604\n"
        f"合计\t116\t109\t2,516\n{note}\n"
        "项目\t全年预算数\t全年执行数\t执行率\n年度资金总额\t3,126.84\t3,058.17\t97.80%\n"
        "基本支出\t2,688.30\t2,681.95\t99.76%\n项目支出\t438.54\t376.22\t85.79%\n"
    )
    assert read(TITLE + text).get("budget.total") == "3126.84"


def test_a_bracketed_note_keeps_last_year_s_spending_apart() -> None:
    text = (
        UNIT + "项目\t全年预算数\t全年执行数\n年度资金总额\t3,126.84\t3,058.17\n"
        "（说明：执行率95%以上得满分；2020年度全年执行数2,934.70万元。）\n"
    )
    assert read(TITLE + text).get("executed.total") == "3058.17"


def test_a_score_pair_alone_on_its_row() -> None:
    assert read(TITLE + "综合得分\t88.9\n").get("score.self") == "88.9"
    assert "score.self" not in read(TITLE + "指标得分\t8\n")


# ── system prints and web lists ─────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("field", "line"),
    [
        ("调整后预算数（基本支出）\n9612400.00", "基本支出调整后预算数"),
        ("实际执行数（项目支出）\n5254860.63", "项目支出实际执行数"),
        ("年初预算数（合计）\n12486300.00", "年初预算数"),
    ],
)
def test_a_system_print_s_field_and_value_lines_are_one_key_value_line(
    field: str, line: str
) -> None:
    # a form printed from a budget system: each field's name on a line, its value on the next
    # (w49-05's golden reads the whole form so)
    lines = normalise("预算年度\n2024\n金额单位\n元\n" + field + "\n").text.split("\n")
    assert "金额单位:元" in lines
    assert any(text.startswith(line) and text.endswith(field.split("\n")[1]) for text in lines)


def test_economic_classes_one_cell_a_line_under_经济分类() -> None:
    text = (
        "经济分类\n调整后预算数\n实际执行数\n工资福利支出\n782.45\n781.63\n商品和服务支出\n628.62\n"
        "609.75\n资本性支出\n45.10\n42.05\n合计\n1456.17\n1433.43\n"
    )
    got = read(TITLE + UNIT + text)
    assert got.get("budget.wages") == "782.45" and got.get("executed.capital") == "42.05"


def test_a_numbered_list_s_first_column_is_dropped() -> None:
    text = (
        "序号\t资金类型\t年初预算数\t调整后预算数\t执行数\t执行率\n"
        "1\t基本支出\t338.00\t342.67\t341.30\t99.60%\n2\t项目支出\t344.00\t551.98\t520.63\t94.32%\n"
        "3\t合计\t682.00\t894.65\t861.93\t96.34%\n"
    )
    got = read(TITLE + UNIT + text)
    assert got.get("budget.total") == "894.65" and got.get("executed.project") == "520.63"


def test_a_web_form_s_marks_are_dropped_and_a_yuan_sign_alone_makes_no_amount() -> None:
    staff = "* 编制数（人）：31\n* 实有人数（人）：44\n在职（人）：29\n退休（人）：15\n"
    assert read(TITLE + staff).get("staffing.authorized") == "31"
    note = "备注：\t2023年度执行数¥7,936,402.15；\t¥12,800,000.00\n"
    assert "executed.total" not in read(TITLE + note)


def test_a_spaced_score_table_under_goals_mentioning_last_year() -> None:
    # the header's titles closed up stay a line of their own, and the goals' "较上年" above the
    # header is prose, not a caption naming last year's table
    text = (
        "年度总体目标 预期目标 实际完成情况\n"
        "完成老年人健康管理2.18万人，县域内就诊率86.5%，较上年提高2.1个百分点，居民健康素养水平有所提高。\n"
        "绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施\n"
        "产出指标 数量指标 老年人健康管理人数 ≥2.1万人 2.18万人 40 38\n"
        "效益指标 社会效益指标 居民健康素养水平 ≥28% 26.3% 30 27\n"
        "满意度指标 服务对象满意度指标 群众就医满意度 ≥85% 88.7% 30 28.5\n"
        "综合得分 100 93.5\n"
    )
    assert read(TITLE + text).get("score.self") == "93.5"


@pytest.mark.parametrize("carried", ["上年结转", "上年结转结余", "上年结转资金"])
def test_a_carried_row_named_with_its_balance_is_a_source_of_the_total(carried: str) -> None:
    # 财政拨款 + 上年结转结余 + 其他资金 make the total: no "rows by source do not add up" warning
    text = (
        "项目\t全年预算数\t全年执行数\t执行率\n"
        "年度资金总额\t2,158.64\t2,073.50\t96.06%\n财政拨款\t1,928.64\t1,852.08\t96.03%\n"
        f"{carried}\t200.00\t192.41\t96.21%\n其他资金\t30.00\t29.01\t96.70%\n"
        "基本支出\t610.85\t608.72\t99.65%\n项目支出\t1,547.79\t1,464.78\t94.64%\n"
    )
    result = import_text(TITLE + UNIT + text)
    assert not any(f.id == "import.W005" for f in result.findings)
    assert read_figures(result)[0]["budget.total"] == "2158.64"
