"""Classes read since w61: a block's caption merged down its rows and exported once a row (the
titles' row too), and a source row named 本年财政资金; variants written for these tests."""

from __future__ import annotations

import pytest

from jixiao.importers.normalise import normalise
from jixiao.importers.pastings.merged_cells import captions_merged_down
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only, stated_rate

HEAD = "临河县2023年度部门整体支出绩效自评表\n部门名称：临河县水利局\n单位：万元\n"
CAPTIONS = ("资金情况（万元）", "年度预算执行情况", "预算执行")


def _block(caption: str, source: str = "本年财政资金") -> str:
    rows = [
        "\t\t年初预算数\t全年预算数\t全年执行数\t执行率\t分值\t得分",
        "\t资金总额\t905.20\t1,046.38\t998.41\t95.42%\t10\t9.54",
        f"\t其中：{source}\t905.20\t986.38\t942.06\t95.51%\t—\t—",
        "\t上年结转资金\t0.00\t60.00\t56.35\t93.92%\t—\t—",
        "\t其他资金\t0.00\t0.00\t0.00\t—\t—\t—",
        "\t基本支出\t612.10\t628.45\t626.90\t99.75%\t—\t—",
        "\t项目支出\t293.10\t417.93\t371.51\t88.89%\t—\t—",
    ]
    return "\n".join(caption + row for row in rows) + "\n"


@pytest.mark.parametrize("caption", CAPTIONS)
def test_a_caption_repeated_down_a_money_block_is_written_once(caption: str) -> None:
    result = import_text(HEAD + _block(caption))
    money = money_only(claimed_figures(result))
    assert money["budget.total"] == "1046.38"
    assert money["budget.basic"] == "628.45"
    assert money["executed.total"] == "998.41"
    assert money["executed.project"] == "371.51"


@pytest.mark.parametrize("source", ["本年财政资金", "当年财政资金", "本级财政拨款"])
def test_this_years_funds_are_a_source_row_not_a_missing_part(source: str) -> None:
    result = import_text(HEAD + _block("资金情况", source))
    assert not [f for f in result.findings if f.id == "import.W005"]


def test_the_titles_row_is_kept_and_the_copies_below_it_emptied() -> None:
    text = "预算执行\t\t预算数\t执行数\n预算执行\t合计\t100.00\t98.00\n预算执行\t基本支出\t60.00\t59.00\n"
    folded, origin = captions_merged_down(text, list(range(len(text))))
    assert folded == "预算执行\t\t预算数\t执行数\n\t合计\t100.00\t98.00\n\t基本支出\t60.00\t59.00\n"
    assert len(origin) == len(folded)


def test_a_category_repeated_beside_its_indicators_is_left_as_written() -> None:
    text = "产出指标\t数量指标\t整治河道\t≥12公里\t13公里\t10\t10\n产出指标\t质量指标\t验收合格率\t100%\t100%\t10\t10\n"
    folded, _ = captions_merged_down(text, list(range(len(text))))
    assert folded == text


PROSE = "宁川县应急管理局2021年度部门整体支出绩效自评报告\n一、部门基本情况\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "实有人员57名(在职39名,离退休18名)。",
        "实有人数57人（在职人员39人、离退休人员18人）。",
    ],
)
def test_the_actual_split_in_brackets_into_in_service_and_retired_cadres(sentence: str) -> None:
    figures = claimed_figures(import_text(PROSE + "核定编制41名，" + sentence))
    assert figures["staffing.actual_total"] == "57"
    assert figures["staffing.in_service"] == "39"
    assert figures["staffing.retired"] == "18"


def test_a_bracket_split_that_misses_the_actual_is_not_read() -> None:
    figures = claimed_figures(import_text(PROSE + "实有人员57名(在职39名,离退休20名)。"))
    assert "staffing.in_service" not in figures and "staffing.retired" not in figures


@pytest.mark.parametrize(
    "sentence",
    [
        "人员：年末在职21人，退休8人，合计29人。",
        "年末在职人员21人，离休1人，退休7人，共计29人。",
    ],
)
def test_a_total_after_the_in_service_and_retired_is_the_actual(sentence: str) -> None:
    figures = claimed_figures(import_text(PROSE + sentence))
    assert figures["staffing.actual_total"] == "29"
    assert figures["staffing.in_service"] == "21"


def test_a_total_the_roles_miss_is_no_actual() -> None:
    figures = claimed_figures(import_text(PROSE + "年末在职21人，退休8人，合计30人。"))
    assert "staffing.actual_total" not in figures


@pytest.mark.parametrize(
    "sentence",
    [
        "编制：行政编制14名，事业编制9名（县应急救援指挥中心），合计23名。",
        "核定行政编制14名、事业编制9名(含派驻人员)，共23名。",
    ],
)
def test_a_remark_on_the_last_quota_part_does_not_hide_the_total(sentence: str) -> None:
    assert claimed_figures(import_text(PROSE + sentence))["staffing.authorized"] == "23"


@pytest.mark.parametrize(
    ("sentence", "total"),
    [
        (
            "年初预算数1,286.40万元,年中调整为1,412.95万元,其中基本支出1,047.33万元,项目支出365.62万元。",
            "1412.95",
        ),
        (
            "年初预算1,286.40万元，全年调整至1,412.95万元，其中基本支出1,047.33万元、项目支出365.62万元。",
            "1412.95",
        ),
        (
            "年初预算1,302.50万元，年中追加342.78万元，预算调整数为1,645.28万元，其中基本支出1,279.66万元，项目支出365.62万元。",
            "1645.28",
        ),
    ],
)
def test_the_budget_an_adjustment_ends_on_is_the_adjusted_budget(sentence: str, total: str) -> None:
    money = money_only(claimed_figures(import_text(PROSE + sentence)))
    assert money["budget.total"] == total
    assert money["budget.project"] == "365.62"


def test_a_bare_midyear_adjustment_stays_the_step() -> None:
    money = money_only(
        claimed_figures(import_text(PROSE + "年初预算1,286.40万元，年中调整126.55万元。"))
    )
    assert money.get("budget.total") != "126.55"


@pytest.mark.parametrize(
    ("sentence", "grade"),
    [
        ('经评价，部门整体支出最终得分86.5分，评定为"良好"等次。', "良"),
        ("综合评价得分92.1分，确定为“优”等级。", "优"),
        ("部门整体支出绩效自评得分78分，评定为中等档次。", "中"),
    ],
)
def test_a_grade_before_its_title_after_a_verb_of_rating(sentence: str, grade: str) -> None:
    assert claimed_figures(import_text(PROSE + sentence))["grade.self"] == grade


def test_a_staff_members_yearly_appraisal_is_no_grade() -> None:
    text = PROSE + "全局3名同志年度考核被评定为优秀等次。"
    assert "grade.self" not in claimed_figures(import_text(text))


def test_a_tab_laid_caption_of_another_year_over_the_prose_figures_is_a_contradiction() -> None:
    text = (
        "柳岸街道办事处2023年度部门整体支出绩效自评报告\n一、基本情况\n"
        "2023年全年预算3,964.22万元；全年支出3,740.52万元，预算执行率94.36%。\n"
        "表1\t2022年度部门整体支出预算执行情况表\t单位：万元\n"
        "项目\t预算数\t执行数\t执行率\n基本支出\t1,645.32\t1,638.07\t99.56%\n"
        "项目支出\t2,318.90\t2,102.45\t90.67%\n合计\t3,964.22\t3,740.52\t94.36%\n"
    )
    assert "import.W018" in [f.id for f in import_text(text).findings]


# ── text copied from PDFs and document-sharing sites (w63) ──────────────────────────────────

BODY = "某市农业农村局2023年度部门整体支出绩效自评报告\n一、部门基本情况\n"


@pytest.mark.parametrize("marker", ["- 2 -", "— 3 —", "第 4 页 共 9 页", "第5页"])
def test_a_page_marker_line_inside_a_sentence_is_dropped_and_the_sentence_joined(
    marker: str,
) -> None:
    text = (
        BODY + "截至2023年12月31日，全局实有人员118人，其中在职人员79人，退\n"
        f"{marker}\n休人员39人。局系统共有公务用车5辆。\n"
    )
    figures = claimed_figures(import_text(text))
    assert figures["staffing.retired"] == "39"
    assert figures["staffing.in_service"] == "79"


def test_a_page_marker_after_a_heading_keeps_the_heading_its_own_line() -> None:
    folded = normalise("二、部门整体支出情况\n- 3 -\n全年支出5,873.42万元。").text
    assert folded.startswith("二、部门整体支出情况\n")


def test_a_sharing_sites_page_number_after_a_comma_is_dropped() -> None:
    text = (
        BODY + "全年部门预算合计32,867.00万元。按支出性质分，基本支出4,126.53万元，\n2、\n"
        "项目支出28,740.47万元。\n"
    )
    money = money_only(claimed_figures(import_text(text)))
    assert money["budget.project"] == "28740.47"


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("2,46 8.21万元", "2,468.21万元"),
        ("20,8 36元", "20,836元"),
        ("12,3 45,678.00元", "12,345,678.00元"),
    ],
)
def test_a_space_inside_a_thousands_group_is_closed(written: str, read: str) -> None:
    assert normalise(f"基本支出{written}").text == f"基本支出{read}"


def test_two_numbers_apart_by_a_space_stay_two() -> None:
    assert normalise("共1,200 300万元").text == "共1,200 300万元"


@pytest.mark.parametrize(
    "sentence",
    ["在册人员95名，其中在职68名，退休27名。", "干部职工95人，其中在职68人、离退休27人。"],
)
def test_a_head_count_its_roles_make_is_the_actual(sentence: str) -> None:
    assert claimed_figures(import_text(BODY + sentence))["staffing.actual_total"] == "95"


def test_a_head_count_its_roles_miss_is_not_the_actual() -> None:
    text = BODY + "社区矫正在册人员95名，其中在职68名，退休20名。"
    assert "staffing.actual_total" not in claimed_figures(import_text(text))


def test_the_years_execution_progress_is_the_execution_rate() -> None:
    text = BODY + "全年预算32,867.00万元，全年累计支出31,905.28万元，资金执行进度97.07%。"
    assert stated_rate(import_text(text)) == "97.07"


def test_classes_adding_up_to_a_total_stated_with_its_split_take_its_phase() -> None:
    text = (
        BODY + "2021年度预算数合计2,146.33万元，其中基本支出1,587.21万元，项目支出559.12万元。"
        "按经济分类：工资福利支出1,325.48万元，商品和服务支出361.85万元，对个人和家庭的补助109.00万元，"
        "资本性支出350.00万元。\n全年支出2,100.00万元。"
    )
    money = money_only(claimed_figures(import_text(text)))
    assert money["budget.wages"] == "1325.48"
    assert money["budget.capital"] == "350"
    assert "executed.wages" not in money


# ── small bodies' typed tables (w64, w66) ───────────────────────────────────────────────────

CLASSES_TYPED = (
    "表2 2022年度支出按经济分类情况（单位：万元）\n科目 全年执行数 占比\n"
    "工资福利支出 3,905.47 32.66%\n商品和服务支出 2,164.80 18.10%\n"
    "对个人和家庭的补助 512.66 4.29%\n资本性支出 5,375.79 44.95%\n合计 11,958.72 100.00%\n"
)


def test_a_table_typed_with_single_spaces_is_read_as_rows() -> None:
    money = money_only(
        claimed_figures(import_text(BODY + "全年执行数11,958.72万元。\n" + CLASSES_TYPED))
    )
    assert money["executed.wages"] == "3905.47"
    assert money["executed.capital"] == "5375.79"


def test_a_row_short_of_the_headers_cells_ends_the_typed_table() -> None:
    text = "科目 预算数 执行数\n基本支出 60.00 59.00\n项目支出 40.00 38.00\n合计 100.00\n"
    folded = normalise(text).text
    assert "基本支出\t60.00\t59.00" in folded and "合计\t" not in folded


def test_prose_with_spaces_is_no_typed_table() -> None:
    text = "全局 上下 一心\n完成 任务 12 项\n支出 增长 5%\n"
    assert "\t" not in normalise(text).text


def test_the_whole_bureaus_spending_is_the_departments() -> None:
    text = BODY.replace("农业农村局", "文旅局") + (
        "截至2020年12月31日，全局支出5,907.36万元，其中基本支出2,089.57万元、项目支出3,817.79万元。"
    )
    assert money_only(claimed_figures(import_text(text)))["executed.total"] == "5907.36"


def test_classes_after_a_split_take_the_phase_of_the_total_a_summary_states_again() -> None:
    text = (
        BODY + "摘要：全年预算资金总额6,218.74万元。\n2.1 预算安排\n2020年年初预算5,460.00万元，"
        "年中追加758.74万元，调整后预算6,218.74万元。从支出性质看，基本支出2,105.33万元，项目支出"
        "4,113.41万元；从经济分类看，工资福利支出1,688.20万元，商品和服务支出2,947.16万元，对个人和"
        "家庭的补助136.08万元，资本性支出1,447.30万元。\n"
    )
    money = money_only(claimed_figures(import_text(text)))
    assert money["budget.wages"] == "1688.2"


# ── small bodies' quick reports (w72) ───────────────────────────────────────────────────────

QUICK = "某县档案馆2020年度部门整体支出绩效自评报告\n"


def test_amounts_typed_bare_after_the_first_take_its_unit() -> None:
    text = QUICK + (
        "2020年年初预算132.60万元，调整后预算147.85万元，其中基本支出118.40、项目支出29.45；全年实际"
        "支出143.27万元，其中基本支出117.96、项目支出25.31，预算执行率96.90%。按经济分类，工资福利"
        "支出96.30万元，商品和服务支出28.77，对个人和家庭的补助12.40，资本性支出5.80。"
    )
    money = money_only(claimed_figures(import_text(text)))
    assert money["budget.basic"] == "118.4" and money["executed.project"] == "25.31"
    assert money["executed.capital"] == "5.8"


def test_a_unit_price_lends_no_unit_and_a_wrapped_number_is_not_cut() -> None:
    folded = normalise("补助标准每人1200元，全年发放补助56.4。基本支出3,126.48\n万元").text
    assert "56.4。" in folded or "56.4." in folded
    assert "3,126.48万元" in folded.replace("\n", "")


def test_the_budget_after_the_supplement_and_classes_after_it() -> None:
    text = QUICK + (
        "年初预算356.8万元，年中追加补贴资金，追加后为412.35，全年支出405.6，执行率98.36%。预算按经济"
        "分类：工资福利支出142.3，商品和服务支出38.5，对个人和家庭的补助231.55。"
    )
    money = money_only(claimed_figures(import_text(text)))
    assert money["budget.total"] == "412.35" and money["executed.total"] == "405.6"
    assert money["budget.transfers_households"] == "231.55"


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("现有干部职工11名，离退休人员4名，合计15人。", {"actual_total": "15", "in_service": "11"}),
        ("现有干部职工11名，离退休人员4名，合计16人。", {"actual_total": "11"}),
    ],
)
def test_present_staff_then_retirees_and_their_total(
    sentence: str, figures: dict[str, str]
) -> None:
    read = claimed_figures(import_text(QUICK + sentence))
    assert {k: read.get(f"staffing.{k}") for k in figures} == figures


@pytest.mark.parametrize(
    ("sentence", "score", "grade"),
    [
        ("四、评价结论。95.2分，评为优。", "95.2", "优"),
        ("自评得分：92分/优", "92", "优"),
        ("经综合评价，本年度得分91.5分，等级为优秀。", "91.5", "优"),
    ],
)
def test_quickly_typed_conclusions(sentence: str, score: str, grade: str) -> None:
    figures = claimed_figures(import_text(QUICK + "一、基本情况\n" + sentence))
    assert (figures["score.self"], figures["grade.self"]) == (score, grade)


def test_a_ratio_of_spending_to_budget_and_a_split_said_with_fen_wei() -> None:
    text = QUICK + (
        "2021年部门预算总额98.76万元，分为基本支出72.16万元、项目支出26.60万元。年度决算支出95.02万元，"
        "支出与预算之比为96.21%。"
    )
    result = import_text(text)
    assert money_only(claimed_figures(result))["budget.project"] == "26.6"
    assert stated_rate(result) == "96.21"


# ── a 主管部门 consolidating its units (w69) ─────────────────────────────────────────────────

SYSTEM = "临河县水利局2020年度部门整体支出绩效自评报告\n一、部门基本情况\n"
UNITS = (
    "水利局系统由局机关和2个局属事业单位组成，具体情况如下：\n"
    "1.局机关：编制17名，在职16人，退休9人；全年预算812.64万元，全年支出797.20万元，预算执行率98.10%。\n"
    "2.县河湖管理保护中心：编制15名，在职14人，退休8人；全年预算918.55万元，支出853.16万元。\n"
)


def test_a_list_of_units_each_with_its_own_figures_is_not_the_departments() -> None:
    text = (
        SYSTEM
        + UNITS
        + (
            "水利局系统现有编制32名，年末实有47人，其中在职30人、退休17人。\n"
            "2020年度水利局部门预算经调整后为1,731.19万元，其中人员和公用经费等基本支出1,102.30万元，"
            "各类项目支出628.89万元。全年累计支付1,650.36万元，预算执行率为95.33%。\n"
        )
    )
    result = import_text(text)
    figures = claimed_figures(result)
    assert figures["staffing.in_service"] == "30" and figures["staffing.retired"] == "17"
    assert figures["budget.total"] == "1731.19" and figures["executed.total"] == "1650.36"
    assert figures["budget.basic"] == "1102.3"
    assert stated_rate(result) == "95.33"


def test_one_numbered_item_naming_a_body_is_no_list_of_units() -> None:
    text = (
        SYSTEM + "1.局机关：编制17名，在职16人，退休9人；全年预算812.64万元，全年支出797.20万元。\n"
    )
    assert claimed_figures(import_text(text))["budget.total"] == "812.64"


def test_the_head_offices_counts_beside_the_systems_whole() -> None:
    text = SYSTEM + (
        "截至2022年12月31日，局系统批复编制81名，实有人员112名，其中在职人员76名、退休人员36名。"
        "其中局机关（本级）编制22名、在职20名、退休14名。\n"
    )
    figures = claimed_figures(import_text(text))
    assert (figures["staffing.authorized"], figures["staffing.retired"]) == ("81", "36")


def test_budget_classes_said_with_a_bare_budget_word_under_the_adjusted_split() -> None:
    text = SYSTEM + (
        "2024年年初预算11,320.00万元，经年中追加调整，全年预算数为12,486.93万元。其中基本支出1,694.20万元，"
        "项目支出10,792.73万元。按经济科目分类，预算数中工资福利支出1,412.36万元，商品和服务支出986.51万元，"
        "对个人和家庭的补助9,613.84万元，资本性支出474.22万元。\n"
    )
    money = money_only(claimed_figures(import_text(text)))
    assert money["budget.transfers_households"] == "9613.84"


def test_a_split_under_a_budget_heading_takes_the_budget_stated_twice() -> None:
    text = SYSTEM + (
        "单位\t预算总额（万元）\n局机关\t2,143.68\n市图书馆\t14,248.32\n总计\t16,392.00\n"
        "（一）预算收入。2022年部门整体预算总额（含年中调整）1.6392亿元。\n"
        "（二）预算支出。按支出功能划分，基本支出7,815.46万元，项目支出8,576.54万元。\n"
        "（三）执行情况。2022年度全系统实际支出15,724.83万元。分类型看，基本支出7,736.29万元，"
        "项目支出7,988.54万元。\n"
    )
    money = money_only(claimed_figures(import_text(text)))
    assert (money["budget.basic"], money["executed.basic"]) == ("7815.46", "7736.29")


def test_a_roster_count_its_roles_make_with_a_remark_between() -> None:
    text = SYSTEM + "年末在册人员521人，包括在职343人（含局机关30人）和退休178人。"
    assert claimed_figures(import_text(text))["staffing.actual_total"] == "521"


# ── keys and values before the prose (w70), distractors (w71) ──────────────────────────────


def test_a_table_of_keys_and_values_two_pairs_a_row() -> None:
    text = QUICK + (
        "（一）部门基本情况\n单位名称:梅源县教育体育局\t单位性质:行政单位\n编制总数:3,412名\t实有人员:4,635人\n"
        "年初预算:49,870.00万元\t全年预算:58,326.47万元\n全年执行:56,917.08万元\t执行率:97.58%\n"
    )
    result = import_text(text)
    assert money_only(claimed_figures(result))["budget.total"] == "58326.47"
    assert stated_rate(result) == "97.58"


def test_a_keyed_total_typed_with_a_space_carries_its_split_on_the_lines_below() -> None:
    text = QUICK + (
        "表1 部门基本情况\n核定编制数 25名\n年初部门预算 3,406.72万元\n全年调整预算 5,406.18万元\n"
        "其中：基本支出 1,062.84万元\n项目支出 4,343.34万元\n实际支出 5,128.46万元\n"
    )
    money = money_only(claimed_figures(import_text(text)))
    assert (money["budget.total"], money["budget.basic"]) == ("5406.18", "1062.84")
    assert "executed.basic" not in money


def test_the_whole_bureaus_total_with_the_year_before_it() -> None:
    text = "某县交通运输局2023年度部门整体支出绩效自评报告\n一、基本情况\n" + (
        "2023年度全局支出总额3,275.19万元，较2022年的3,026.48万元增长8.22%。其中：基本支出1,096.02万元，"
        "项目支出2,179.17万元。"
    )
    money = money_only(claimed_figures(import_text(text)))
    assert (money["executed.total"], money["executed.project"]) == ("3275.19", "2179.17")


def test_numbered_items_of_income_budget_spending_and_rate() -> None:
    text = QUICK + (
        "二、部门整体收支情况\n1、收入：2024年度收入7,541.90万元，其中财政拨款收入7,512.68万元。\n"
        "2、预算：年初预算6,904.20万元，变更后预算7,512.68万元。\n3、支出：本年度支出合计7,298.05万元。\n"
        "4、执行率：97.14%。\n"
    )
    result = import_text(text)
    assert money_only(claimed_figures(result))["budget.total"] == "7512.68"
    assert stated_rate(result) == "97.14"


@pytest.mark.parametrize(
    ("sentence", "score"),
    [("逐项评分，综合得分90.15，绩效等级：优。", "90.15"), ("该项指标综合得分8，扣2分。", None)],
)
def test_a_score_with_its_fen_left_off(sentence: str, score: str | None) -> None:
    assert (
        claimed_figures(import_text(QUICK + "一、基本情况\n" + sentence)).get("score.self") == score
    )


# ── older reports (w68), web openings (w67) ─────────────────────────────────────────────────


def test_a_rate_after_the_years_carry_over_is_the_departments() -> None:
    text = QUICK + (
        "调整后预算为6,150.00万元。全年支出总计5,918.63万元。年末结余结转513.52万元，预算执行率达96.24%。"
    )
    assert stated_rate(import_text(text)) == "96.24"


def test_the_self_evaluation_said_to_be_its_score() -> None:
    text = QUICK + "经自评，我馆2020年度部门整体支出绩效自评为85.5分，自评等级“良”。"
    figures = claimed_figures(import_text(text))
    assert (figures["score.self"], figures["grade.self"]) == ("85.5", "良")


def test_the_head_offices_clause_inside_a_longer_sentence_is_a_part() -> None:
    text = "某县教育体育局2022年度部门整体支出绩效自评报告\n一、基本情况\n" + (
        "县教育体育局机关内设办公室等6个股室，局机关核定行政编制18名、实有16人。"
        "全系统（含局机关及所属学校）核定教职工编制3,862名，另有退休教职工2,108人。"
    )
    figures = claimed_figures(import_text(text))
    assert figures["staffing.authorized"] == "3862"
    assert figures.get("staffing.actual_total") != "16"


@pytest.mark.parametrize("opening", ["，包括", "，其中", "（"])
def test_personnel_and_public_funds_that_miss_their_basic_spending(opening: str) -> None:
    closing = "）" if opening == "（" else ""
    text = QUICK + (
        f"全年支出总计5,918.63万元，其中基本支出812.36万元{opening}人员经费678.55万元、公用经费124.81万元"
        f"{closing}；项目支出5,106.27万元。"
    )
    found = [f for f in import_text(text).findings if f.id == "import.W005"]
    assert found and "812.36" in found[0].message and "678.55" in found[0].message


def test_personnel_and_public_funds_that_make_their_basic_spending_are_no_finding() -> None:
    text = QUICK + (
        "全年支出总计5,918.63万元，其中基本支出812.36万元（人员经费687.55万元、公用经费124.81万元），"
        "项目支出5,106.27万元。"
    )
    assert not [f for f in import_text(text).findings if f.id == "import.W005"]


# ── a budgeting system's page with ¥ amounts (w49) ──────────────────────────────────────────


def test_amounts_with_the_yuan_sign_in_a_table_and_in_prose() -> None:
    text = QUICK + (
        "预算执行情况\n序号\t资金类型\t年初预算数\t调整后预算数\t执行数\t执行率\n"
        "1\t基本支出\t¥3,380,000.00\t¥3,426,700.00\t¥3,412,985.14\t99.60%\n"
        "2\t项目支出\t¥3,440,000.00\t¥5,519,812.80\t¥5,206,262.22\t94.32%\n"
        "3\t合计\t¥6,820,000.00\t¥8,946,512.80\t¥8,619,247.36\t96.34%\n"
        "备注：中央水利发展资金¥12,800,000.00由县财政直接支付，未纳入本部门预算。\n"
    )
    money = money_only(claimed_figures(import_text(text)))
    assert money["budget.total"] == "894.65128" and money["executed.basic"] == "341.298514"
    assert (
        normalise("资金¥12,800,000.00由县财政直接支付").text
        == "资金12,800,000.00元由县财政直接支付"
    )


def test_a_yuan_sign_table_without_a_header_is_never_read_as_wan() -> None:
    text = (
        QUICK + "基本支出\t¥3,380,000.00\t¥3,412,985.14\n项目支出\t¥3,440,000.00\t¥5,206,262.22\n"
    )
    money = money_only(claimed_figures(import_text(text)))
    assert all(float(value) < 10_000 for value in money.values())


# ── evaluations by a third party or the finance bureau (w73) ────────────────────────────────

EXTERNAL = "容江县六凤镇人民政府2023年度部门整体支出财政重点绩效评价报告\n一、评价结论\n"


def test_an_external_evaluations_score_and_grade_over_the_self_evaluations() -> None:
    text = EXTERNAL + (
        "六凤镇2023年度部门整体支出综合评价得分为91.25分，等级为“良”。六凤镇自评得分为96.5分，"
        "自评等级为“优”，自评结果偏高。\n"
    )
    figures = claimed_figures(import_text(text))
    assert (figures["score.self"], figures["grade.self"]) == ("91.25", "良")


def test_a_self_evaluation_report_stating_a_reviews_score_beside_its_own_reads_neither() -> None:
    text = (
        QUICK
        + "一、自评结论\n本单位自评得分为96.5分，自评等级为优。县财政局复核评价得分为91.25分。\n"
    )
    assert "score.self" not in claimed_figures(import_text(text))


def test_the_short_name_a_report_defines_is_the_department() -> None:
    text = (
        "泸阳市城市管理和综合行政执法局2022年度部门整体支出绩效评价报告\n"
        "评价组对泸阳市城市管理和综合行政执法局（以下简称“市城管执法局”）2022年度部门整体支出开展了"
        "绩效评价。\n截至2022年12月31日，市城管执法局累计支出13,596.07万元。\n"
    )
    assert money_only(claimed_figures(import_text(text)))["executed.total"] == "13596.07"


def test_a_budget_with_its_phase_in_brackets_after_the_amount() -> None:
    text = (
        EXTERNAL
        + "（三）部门预算及执行情况\n"
        + (
            "2023年该局部门预算总额4.8632亿元（调整后），年初批复4.2157亿元。调整后预算中，基本支出"
            "3.4215亿元、项目支出1.4417亿元。全年完成支出4.6107亿元，资金支付进度94.81%。\n"
        )
    )
    result = import_text(text)
    assert money_only(claimed_figures(result))["budget.total"] == "48632"
    assert stated_rate(result) == "94.81"


def test_a_header_of_titles_over_one_row_of_counts_typed_with_spaces() -> None:
    text = EXTERNAL + "2.2 人员情况\n编制数 实有人数 在职 退休 编外聘用\n62 86 55 31 14\n"
    figures = claimed_figures(import_text(text))
    assert (figures["staffing.authorized"], figures["staffing.retired"]) == ("62", "31")


def test_the_budget_handed_down_and_money_used() -> None:
    text = (
        EXTERNAL
        + "（三）部门预算及执行情况\n"
        + (
            "2023年全年累计下达预算资金1,926.74万元(其中年初预算1,588.20万元,年中追加338.54万元)。全年实际"
            "使用资金1,871.06万元，支出进度为97.11%。"
        )
    )
    result = import_text(text)
    assert money_only(claimed_figures(result))["budget.total"] == "1926.74"
    assert stated_rate(result) == "97.11"


# ── labels in brackets, bullets and dashes (w76) ────────────────────────────────────────────


def test_labels_joined_to_their_figures_by_dashes_and_tree_marks() -> None:
    text = QUICK + (
        "【二、部门预算及执行情况】\n▲预算安排\n　年初预算——3,215.60万元\n　调整后预算——4,263.92万元\n"
        "　　├ 基本支出——1,436.18万元\n　　└ 项目支出——2,827.74万元\n▲预算执行\n"
        "　全年支出——4,108.45万元\n　预算执行率——96.35%\n"
    )
    result = import_text(text)
    money = money_only(claimed_figures(result))
    assert (money["budget.basic"], money["budget.project"]) == ("1436.18", "2827.74")
    assert stated_rate(result) == "96.35"


def test_a_dash_between_tabs_is_a_blank_cell_not_a_joint() -> None:
    assert normalise("上年结余结转\t—\t60.00\t52.36").text == "上年结余结转\t—\t60.00\t52.36"


def test_key_value_lines_under_bullets_with_a_bare_qizhong() -> None:
    text = QUICK + (
        "★二、预算收支情况\n■ 核心数据一览（单位：万元）\n　　调整后预算：２８７４．５６\n"
        "　　　其中基本支出：１１２２．３０\n　　　　　项目支出：１７５２．２６\n　　全年支出：２７９０．３１\n"
        "　　执行比例：９７．０７％\n★四、自评结果\n★综合评分：89.7　　★评价等级：良\n"
    )
    result = import_text(text)
    figures = claimed_figures(result)
    assert (figures["budget.basic"], figures["score.self"], figures["grade.self"]) == (
        "1122.3",
        "89.7",
        "良",
    )
    assert stated_rate(result) == "97.07"


# ── tables one cell a line, 序号 columns, excerpts cut mid-table (w74) ─────────────────────

CELLS = (
    "表1　2023年度支出经济分类预算执行情况\n单位：万元\n序号\n经济分类\n可支配预算\n执行数\n执行率\n"
    "1\n工资福利支出\n5,948.10\n5,912.36\n99.40%\n2\n商品和服务支出\n3,615.42\n3,407.88\n94.26%\n"
    "3\n对个人和家庭的补助\n492.00\n486.20\n98.82%\n4\n资本性支出\n22,660.48\n21,044.56\n92.87%\n"
    "合计\n32,716.00\n30,851.00\n94.30%\n"
)


def test_a_table_one_cell_a_line_with_row_numbers() -> None:
    money = money_only(claimed_figures(import_text(QUICK + "二、部门整体支出情况\n" + CELLS)))
    assert (money["budget.capital"], money["executed.wages"]) == ("22660.48", "5912.36")


def test_a_table_cut_after_its_whole_and_first_part_by_the_excerpt() -> None:
    text = QUICK + (
        "二、部门整体支出情况\n表1　2024年度部门整体支出预算执行情况\n（单位：万元）\n支出类型\n年初安排\n"
        "预算调整数\n全年可用预算\n实际执行\n执行率\n合计\n243,812.47\n24,717.69\n268,530.16\n"
        "259,647.09\n96.69%\n基本支出\n76,214.30\n1,744.31\n77,958.61\n77,803.12\n99.80%\n"
        "项目支出\n167,598.17\n22,973.38\n190,571.55\n"
    )
    money = money_only(claimed_figures(import_text(text)))
    assert (money["budget.total"], money["executed.basic"]) == ("268530.16", "77803.12")
    assert "budget.project" not in money


def test_role_counts_in_brackets_with_thousands_separators() -> None:
    text = QUICK + "全厅核定编制合计2,484名。现有人员3,412人（在职2,167人，退休1,245人）。"
    result = import_text(text)
    assert claimed_figures(result)["staffing.retired"] == "1245"
    assert not [f for f in result.findings if f.id == "import.W006"]


# ── a form pasted from a PDF one cell a line inside prose (w78) ─────────────────────────────


def test_class_rows_under_a_cut_caption_with_their_rates_left_off() -> None:
    text = QUICK + (
        "二、部门整体支出管理及使用情况\n表1 预算支出执行情况表\n单位：元\n项目\n全年预算数\n实际支出数\n执行率\n"
        "支出合计\n12,845,630.52\n11,906,214.37\n92.69%\n一、基本支出\n8,016,402.18\n7,402,518.60\n"
        "92.34%\n二、项目支出\n4,829,228.34\n4,503,695.77\n93.26%\n按经济分类：\n工资福利支出\n"
        "6,124,580.00\n6,087,312.45\n商品和服务支出\n2,431,766.52\n2,126,809.30\n对个人和家庭的补助\n"
        "1,089,284.00\n1,065,392.62\n资本性支出\n3,200,000.00\n2,626,700.00\n（三）财务管理情况\n"
    )
    money = money_only(claimed_figures(import_text(text)))
    assert (money["budget.wages"], money["executed.capital"]) == ("612.458", "262.67")


# ── excerpts beginning mid-report (w77) ─────────────────────────────────────────────────────


def test_a_table_cut_above_its_header_proven_by_its_rates_and_its_total() -> None:
    text = (
        "某局2024年度部门整体支出绩效自评报告\n基本支出 802.26 794.18 98.99%\n项目支出 244.12 208.43 85.38%\n"
        "合计 1,046.38 1,002.61 95.82%\n注：本表数据来源于决算。\n"
        "本局2024年度全年预算资金1,046.38万元，当年实际支出1,002.61万元。\n"
    )
    money = money_only(claimed_figures(import_text(text)))
    assert (money["budget.basic"], money["executed.project"]) == ("802.26", "208.43")


def test_rows_whose_total_they_miss_are_no_headless_table() -> None:
    text = "商品和服务支出 186.52 179.04 95.99%\n资本性支出 65.00 58.35 89.77%\n合计 1,046.38 1,002.61 95.82%\n"
    assert "\t" not in normalise(text).text


@pytest.mark.parametrize(
    "sentence", ["自评结果为88分，属“良”等次。", "综合得分为88分，为“良”等级。"]
)
def test_a_grade_said_to_belong_to_its_band(sentence: str) -> None:
    assert (
        claimed_figures(import_text(QUICK + "一、结论\n经自评，" + sentence))["grade.self"] == "良"
    )


def test_an_income_made_of_the_year_start_budget_and_its_additions() -> None:
    text = QUICK + (
        "2020年度我馆财政拨款收入1,437.62万元，其中：年初预算1,198.00万元，上级追加239.62万元。"
        "全年共支出1,402.19万元。"
    )
    assert money_only(claimed_figures(import_text(text)))["budget.total"] == "1437.62"


def test_an_income_its_parts_miss_stays_income() -> None:
    text = (
        QUICK
        + "2020年度我馆财政拨款收入1,437.62万元，其中：年初预算1,198.00万元，上级追加200.00万元。"
    )
    assert money_only(claimed_figures(import_text(text))).get("budget.total") != "1437.62"


# ── institutions with income of their own (w75) ────────────────────────────────────────────


def test_the_budget_adjusted_to_after_a_long_reason() -> None:
    text = QUICK + (
        "医院2020年度全口径部门预算年初安排20,360.00万元，年中根据业务量增长和医共体建设任务调整为"
        "22,104.52万元，其中基本支出19,877.40万元，项目支出2,227.12万元。"
    )
    money = money_only(claimed_figures(import_text(text)))
    assert (money["budget.total"], money["budget.project"]) == ("22104.52", "2227.12")


def test_the_self_evaluation_scored_with_de() -> None:
    text = QUICK + "经综合评定，我所2020年度单位整体支出绩效自评得93分，等级为优。"
    assert claimed_figures(import_text(text))["score.self"] == "93"


def test_a_keyed_total_opening_its_list_with_a_dash() -> None:
    text = QUICK + (
        "◆ 全年预算(调整后): 5,318.74万元, 其中——\n  基本支出: 1,986.25万元\n  项目支出: 3,362.49万元\n"
    )
    result = import_text(text)
    assert money_only(claimed_figures(result))["budget.project"] == "3362.49"
    assert any(f.id == "import.W005" and "5318.74" in f.message for f in result.findings)


# ── tables laid out by a PDF's spaces (w81) ─────────────────────────────────────────────────


def test_a_spaced_table_whose_header_leaves_the_label_column_untitled() -> None:
    text = QUICK + (
        "  (二)部门整体支出预算执行情况\n                        部门整体支出预算执行情况表\n"
        "                                                                   单位：万元\n"
        "                      预算批复数     实际支出数       执行率         上年支出数\n"
        "   合    计            1,286.54       1,203.77        93.57%         1,156.30\n"
        "   基本支出              602.18         598.45        99.38%           587.91\n"
        "   项目支出              684.36         605.32        88.45%           568.39\n\n"
        "  2020年全局实际支出1,203.77万元。从支出经济分类看：人员工资及福利性支出512.36万元，商品和"
        "服务支出236.09万元，对个人和家庭的补助41.20万元，资本性支出414.12万元。\n"
    )
    result = import_text(text)
    money = money_only(claimed_figures(result))
    assert (money["budget.total"], money["executed.project"]) == ("1286.54", "605.32")
    assert money["executed.wages"] == "512.36"
    assert stated_rate(result) == "93.57"


# ── amounts in 元 (w80) ─────────────────────────────────────────────────────────────────────


def test_a_town_named_without_its_county_and_spending_paid() -> None:
    text = "临澄县青湖镇人民政府2020年度部门整体支出绩效评价报告\n2 部门整体支出\n" + (
        "2020年青湖镇全年预算46,287,350.00元。截至2020年12月31日，本镇实际支出"
        "44,906,218.36元。其中基本支出支付16,710,382.14元，项目支出支付28,195,836.22元。\n"
    )
    money = money_only(claimed_figures(import_text(text)))
    assert money["budget.total"] == "4628.735"
    assert money["executed.basic"] == "1671.038214"


# ── OCR copies (w84) ────────────────────────────────────────────────────────────────────────


def test_an_ocr_copy_wrapped_at_a_narrow_width() -> None:
    text = QUICK + (
        "（二）机构人员情况。本馆下设8个所。批复编制81名（行政编制58名，事业编制23名）。\n"
        "截至2020年12月31日，実有在册人员110人，其中在 职76人，退 休34\n人。另聘用协管员18人。\n"
        "四、自评结果\n根据评价指标体系逐项打分，本馆2020年度部门整体支出绩效综合自评\n"
        "得分86.5分，其中预箅执行率指标得分9.64分（满分10分），自评等级\n· 2 ·\n为良好。\n"
    )
    figures = claimed_figures(import_text(text))
    assert (figures["staffing.actual_total"], figures["staffing.retired"]) == ("110", "34")
    assert (figures["score.self"], figures["grade.self"]) == ("86.5", "良")


# ── forms only (w85) ────────────────────────────────────────────────────────────────────────


def test_a_staffing_caption_with_its_unit_repeated_down_its_rows_with_trailing_cells() -> None:
    text = "衡川县水利局2022年度部门整体支出绩效自评表\n金额单位：万元\n" + (
        "年度预算执行情况（万元）\t项目\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
        "年度预算执行情况（万元）\t年度资金总额\t1,846.30\t2,517.84\t2,396.05\t10\t95.16%\t9.52\n"
        "年度预算执行情况（万元）\t其中：本级财政拨款\t1,646.30\t1,829.64\t1,772.38\t—\t96.87%\t—\n"
        "年度预算执行情况（万元）\t　　　上级补助资金\t0.00\t488.20\t430.17\t—\t88.11%\t—\n"
        "年度预算执行情况（万元）\t　　　其他资金\t200.00\t200.00\t193.50\t—\t96.75%\t—\n"
        "人员情况（人）\t编制数\t实有人员\t其中：在职\t其中：退休\t编外聘用\t\t\n"
        "人员情况（人）\t34\t47\t31\t16\t6\t\t\n"
    )
    result = import_text(text)
    figures = claimed_figures(result)
    assert (figures["staffing.authorized"], figures["staffing.retired"]) == ("34", "16")
    assert not [f for f in result.findings if f.id == "import.W005"]  # 上级补助资金 is a source
