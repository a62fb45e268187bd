"""The text importer: title, staffing traps, money phases, statements and sources."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from jixiao.core.dossier import Funding, Item, Phase, StaffType
from jixiao.core.errors import InputError
from jixiao.core.figures import FigureBook
from jixiao.importers.result import ImportResult
from jixiao.importers.text import Given, decode_text, import_text, import_text_file
from jixiao.io.dossiers import load_dossier

from .conftest import SEED_DOSSIER, SEED_REPORT

TITLE = "某县某某局2021年度部门整体支出绩效自评报告\n"


def ids(result: ImportResult) -> list[str]:
    return [f.id for f in result.findings]


def stated(result: ImportResult, key: str) -> list[Decimal]:
    return [s.value for s in result.dossier.stated if s.key == key]


# ── the seed round trip ───────────────────────────────────────────────────────────────────


def test_seed_report_gives_the_seed_dossiers_figures() -> None:
    result = import_text_file(SEED_REPORT)
    expected = FigureBook(load_dossier(SEED_DOSSIER)).flat()
    assert FigureBook(result.dossier).flat() == expected
    assert result.findings == []


def test_seed_report_structure_matches_the_dossier() -> None:
    result = import_text_file(SEED_REPORT)
    seed = load_dossier(SEED_DOSSIER)
    assert result.dossier.profile.name == "万载县机关事务管理局"
    assert result.dossier.year == 2021
    assert result.dossier.profile.duties == seed.profile.duties
    assert result.dossier.goals == seed.goals
    assert result.dossier.staffing == seed.staffing
    assert result.dossier.narratives.experience == seed.narratives.experience
    assert result.dossier.narratives.problems == seed.narratives.problems
    assert result.dossier.evaluation == seed.evaluation
    assert result.dossier.profile.internal_units == seed.profile.internal_units
    assert result.dossier.profile.organisation_note == seed.profile.organisation_note

    def key(line):  # type: ignore[no-untyped-def]
        return line.phase, line.funding, line.item

    lines = {key(line): line.amount for line in result.dossier.money.lines}
    assert lines == {key(line): line.amount for line in seed.money.lines}


def test_every_source_is_the_exact_original_text_at_its_place(seed_text: str) -> None:
    result = import_text_file(SEED_REPORT)
    paragraphs = [line for line in seed_text.split("\n") if line.strip()]
    assert result.sources
    for key, source in result.sources.items():
        assert (
            source.locator and source.locator.startswith("第") and source.locator.endswith("段")
        ), key
        paragraph = paragraphs[int(source.locator[1:-1]) - 1]
        assert paragraph[source.start : source.end] == source.text, key
    assert result.sources["budget.basic"].text == "我单位公共财政基本支出预算1462.08万元"
    assert result.sources["assets.total_net"].text == "我单位资产总额（账面净值） 1679.37万元"


# ── titles ────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "name", "year"),
    [
        (
            "2022年度株洲市荷塘区妇女联合会部门(单位)整体支出绩效自评报告",
            "株洲市荷塘区妇女联合会",
            2022,
        ),
        ("南县住房和城乡建设局2018年度整体支出 绩效评价报告", "南县住房和城乡建设局", 2018),
        ("-桃源县人民政府办公室2019年度部门整体支出绩效自评报告", "桃源县人民政府办公室", 2019),
        ("万载县机关事务管理局部门评价报告\n（2021年度）", "万载县机关事务管理局", 2021),
        ("关于某市统计局2023年度部门整体绩效评价的报告", "某市统计局", 2023),
        (
            "益阳市赫山区城市管理和综合执法局\n\n2019年部门整体支出绩效评价报告",
            "益阳市赫山区城市管理和综合执法局",
            2019,
        ),
        ("2021年茂名市发展和改革局部门整体支出绩效自评报告.pdf", "茂名市发展和改革局", 2021),
        ("南县住房和城乡建设局2018年度整体支出\n绩效评价报告", "南县住房和城乡建设局", 2018),
        ("2021年度部门整体支出绩效评价报告（某县统计局）", "某县统计局", 2021),
        ("某县统计局二〇二一年度部门整体支出绩效自评报告", "某县统计局", 2021),
        ("某县统计局关于2021年度部门整体支出绩效自评情况的报告", "某县统计局", 2021),
        ("某县财政局2022年度部门整体支出绩效自评报告（参考提纲）", "某县财政局", 2022),
    ],
)
def test_title_wordings(text: str, name: str, year: int) -> None:
    result = import_text(text + "\n一、部门概况\n")
    assert (result.dossier.profile.name, result.dossier.year) == (name, year)


def test_title_without_department_uses_the_body_with_a_warning() -> None:
    result = import_text(
        "2024年部门整体支出绩效自评报告\n(一)概况。2024年,南县财政局机关各项收入合计100万元。"
    )
    assert result.dossier.profile.name == "南县财政局"
    assert "import.W010" in ids(result)


def test_no_department_at_all_is_a_placeholder_with_a_warning() -> None:
    result = import_text("2024年度部门整体支出绩效自评报告\n正文。")
    assert result.dossier.profile.name == "未识别的部门"
    assert "import.W001" in ids(result)


def test_text_without_a_year_is_a_draft_with_a_placeholder_year_and_a_finding() -> None:
    result = import_text("平乡县档案馆部门整体支出绩效自评报告\n一、基本情况\n在职人员8人。")
    assert result.missing == ["year"]
    assert result.dossier.year == date.today().year - 1
    assert result.dossier.profile.name == "平乡县档案馆"
    assert "import.W011" in ids(result) and "import.W001" not in ids(result)


def test_text_with_neither_year_nor_department_is_still_a_draft() -> None:
    result = import_text("这是一段与绩效无关的文字。")
    assert result.missing == ["department", "year"]
    assert {"import.W001", "import.W011"} <= set(ids(result))


def test_given_year_and_department_fill_in_what_the_text_lacks() -> None:
    result = import_text(
        "这是一段与绩效无关的文字。", given=Given(year=2023, department="平乡县档案馆")
    )
    assert (result.dossier.year, result.dossier.profile.name) == (2023, "平乡县档案馆")
    assert result.missing == []
    assert not {"import.W001", "import.W011", "import.W012"} & set(ids(result))


def test_a_given_year_overrides_the_stated_one_with_a_finding_at_the_title() -> None:
    text = "平乡县档案馆2022年度部门整体支出绩效自评报告\n在职人员8人。"
    result = import_text(text, given=Given(year=2023), file="r.txt")
    assert result.dossier.year == 2023
    finding = next(f for f in result.findings if f.id == "import.W012")
    assert "2022" in finding.message and "2023" in finding.message
    assert finding.source is not None and "2022年度" in (finding.source.text or "")


def test_a_given_department_overrides_the_title_with_a_finding() -> None:
    text = "平乡县档案馆2022年度部门整体支出绩效自评报告\n在职人员8人。"
    result = import_text(text, given=Given(department="平乡县档案局"))
    assert result.dossier.profile.name == "平乡县档案局"
    assert "import.W012" in ids(result) and "profile.name" not in result.sources


def test_a_given_value_equal_to_the_text_adds_no_finding() -> None:
    text = "平乡县档案馆2022年度部门整体支出绩效自评报告\n在职人员8人。"
    result = import_text(text, given=Given(year=2022, department="平乡县档案馆"))
    assert "import.W012" not in ids(result)


# ── staffing ──────────────────────────────────────────────────────────────────────────────


def test_staffing_with_types_gives_raw_parts_and_stated_totals() -> None:
    result = import_text(
        TITLE + "编制人数10人,其中:行政编制6人,全额补助事业编制4人。实有人数12人,其中:在职人数9人,"
        "行政人员5人,全额补助事业人员4人;退休人员2人;遗属人员1人。"
    )
    staffing = result.dossier.staffing
    assert staffing.authorized == {StaffType.ADMINISTRATIVE: 6, StaffType.FULLY_FUNDED: 4}
    assert staffing.in_service == {StaffType.ADMINISTRATIVE: 5, StaffType.FULLY_FUNDED: 4}
    assert (staffing.retired, staffing.survivors) == (2, 1)
    assert stated(result, "staffing.actual_total") == [Decimal(12)]
    assert FigureBook(result.dossier).flat()["rates.in_service_control"] == "90"


def test_post_holders_are_not_the_quota() -> None:
    result = import_text(TITLE + "年末共有在职工作人员24人,编制人员19人,政府雇员2人。")
    assert stated(result, "staffing.authorized") == []
    assert stated(result, "staffing.in_service") == [Decimal(24)]
    assert "import.I001" in ids(result)


def test_sub_unit_breakdowns_are_not_department_counts() -> None:
    result = import_text(
        TITLE
        + "现有人员300人,其中局本级100人(在职在编80人、退休人员20人),中心200人(在职在编150人、"
        "退休人员50人)。"
    )
    assert stated(result, "staffing.actual_total") == [Decimal(300)]
    assert stated(result, "staffing.in_service") == []
    assert result.dossier.staffing.retired is None
    assert ids(result).count("import.W006") == 4
    assert "import.I002" in ids(result)


def test_quota_in_ge_and_parts_that_do_not_add_up() -> None:
    result = import_text(
        TITLE
        + "全局现有在职人员246人,离退休人员85人。行政事业总编制为249个,其中行政编13个、全额事业编45个、差额"
    )
    assert stated(result, "staffing.authorized") == [Decimal(249)]
    assert result.dossier.staffing.authorized == {}
    assert result.dossier.staffing.retired == 85
    assert {"import.W004", "import.I003"} <= set(ids(result))


def test_quota_split_by_type_without_a_total() -> None:
    result = import_text(TITLE + "核定行政编制5人,全额事业编制3人,工勤编制2人。")
    assert result.dossier.staffing.authorized == {
        StaffType.ADMINISTRATIVE: 5,
        StaffType.FULLY_FUNDED: 3,
        StaffType.WORKER: 2,
    }
    assert stated(result, "staffing.authorized") == []


def test_split_with_a_type_we_cannot_name_is_not_imported() -> None:
    result = import_text(TITLE + "核定行政编制5人,事业编制3人,工勤编制2人。")
    assert result.dossier.staffing.authorized == {}
    assert "import.W004" in ids(result)


def test_retirees_and_survivors_and_typo_in_keyword() -> None:
    result = import_text(
        TITLE
        + "年未实有人数为86人,其中在职在编人员61人,劳务派遣18人(物业13人,司机5人)。离休人员1人,"
        "退休人员50人;遗属及离休干部配偶(无生活来源)6人。"
    )
    staffing = result.dossier.staffing
    assert (staffing.retired, staffing.retired_cadres, staffing.survivors) == (50, 1, 6)
    assert stated(result, "staffing.actual_total") == [Decimal(86)]
    assert stated(result, "staffing.in_service") == [Decimal(61)]


def test_vehicles_are_not_staff() -> None:
    result = import_text(TITLE + "在职人数5人,公务用车2辆,办公设备30台。")
    assert stated(result, "staffing.in_service") == [Decimal(5)]
    assert len(result.dossier.stated) == 1


def test_same_count_stated_differently_is_kept_twice_for_the_checks() -> None:
    result = import_text(TITLE + "一、部门概况\n实有人数42人。\n二、绩效\n本单位实有人数40人。")
    assert stated(result, "staffing.actual_total") == [Decimal(42), Decimal(40)]
    assert "import.W003" in ids(result)
    first, second = [s.source for s in result.dossier.stated]
    assert first and second and first.locator != second.locator


# ── money ─────────────────────────────────────────────────────────────────────────────────


def lines_of(result: ImportResult) -> set[tuple[Phase, Funding | None, Item, Decimal]]:
    return {
        (line.phase, line.funding, line.item, line.amount) for line in result.dossier.money.lines
    }


def test_budget_total_with_initial_and_supplement_is_the_adjusted_budget() -> None:
    result = import_text(
        TITLE + "2022年预算收入69.06万元,其中年初预算57.28万元,调整追加11.78万元。"
    )
    flat = FigureBook(result.dossier).flat()
    assert (flat["budget.total"], flat["budget.initial_total"], flat["budget.supplement"]) == (
        "69.06",
        "57.28",
        "11.78",
    )


def test_spending_with_typo_and_both_parts_gives_lines_and_a_stated_total() -> None:
    result = import_text(
        TITLE
        + "2018年预算批复3497.50万元,全年实际到位指标4037.07万元;实际支出3852.66万元,其中基本支"
        "1221.79万元,项目支出2630.87万元;上年结余318.25万元,本年结余502.66万元。"
    )
    assert (Phase.EXECUTED, Funding.BASIC, Item.UNCLASSIFIED, Decimal("1221.79")) in lines_of(
        result
    )
    assert stated(result, "executed.total") == [Decimal("3852.66")]
    flat = FigureBook(result.dossier).flat()
    assert flat["budget.total"] == "3497.5"
    assert flat["budget.carryover_prior"] == "318.25" and flat["executed.carryover_end"] == "502.66"
    assert "import.I005" in ids(result)


def test_sentence_starting_with_qizhong_continues_the_total() -> None:
    result = import_text(
        TITLE
        + "完成支出2604.24万元。其中,基本支出1903.67万元,占73.10%;项目支出700.57万元,占26.90%。"
    )
    flat = FigureBook(result.dossier).flat()
    assert (flat["executed.basic"], flat["executed.project"], flat["executed.total"]) == (
        "1903.67",
        "700.57",
        "2604.24",
    )


def test_income_is_imported_as_income_and_unknown_totals_are_not_imported() -> None:
    result = import_text(
        TITLE
        + "各项收入合计2602.28万元。其中,一般公共预算财政拨款收入2584.01万元,其他收入18.27万元。"
        "全部为一般行政管理事务支出,总计280万元。其中:预算绩效评价55万元,决算编制16万元。"
    )
    lines = [(line.item, line.amount) for line in result.dossier.money.lines]
    assert lines == [(Item.INCOME, Decimal("2602.28"))]
    assert "import.I008" in ids(result)


def test_personnel_funds_are_not_wages() -> None:
    result = import_text(TITLE + "2021年基本支出预算500万元,其中人员经费400万元,公用经费100万元。")
    flat = FigureBook(result.dossier).flat()
    assert "budget.wages" not in flat
    assert "import.I006" in ids(result)


def test_amounts_in_yuan_and_yi_are_converted_to_wan() -> None:
    result = import_text(TITLE + "2021年基本支出预算14620800元。项目支出预算0.1亿元。")
    flat = FigureBook(result.dossier).flat()
    assert (flat["budget.basic"], flat["budget.project"]) == ("1462.08", "1000")


@pytest.mark.parametrize("text", ["按预算安排,基本支出76.36万元。", "基本经费76.36万元。"])
def test_amount_without_phase_is_left_out_with_a_warning(text: str) -> None:
    result = import_text(TITLE + text)
    assert result.dossier.money.lines == ()
    assert "import.W007" in ids(result)


def test_a_spending_noun_repeating_an_amount_read_with_its_phase_is_not_read_again() -> None:
    # a chart legend after the prose: the legend's 资本性支出 is the budget's, not spending
    text = "基本支出预算100万元,主要包括工资福利支出70万元,其他资本性支出30万元。\n资本性支出 30万元(30%)\n"
    flat = FigureBook(import_text(TITLE + text).dossier).flat()
    assert "executed.capital" not in flat and "executed.total" not in flat


def test_parts_not_adding_up_to_total_are_reported() -> None:
    result = import_text(
        TITLE
        + "2021年基本支出预算1462.08万元,主要包括工资福利支出480.26万元,商品服务支出922.03万元。"
    )
    assert "import.W005" in ids(result)
    assert FigureBook(result.dossier).flat()["budget.basic"] == "1462.08"


def test_sangong_items() -> None:
    result = import_text(
        TITLE + "2018年“三公”经费支出数为101.82万元,其中因公出国(境)费0万元,公务用车购置费0万元,"
        "公务用车运行维护费101.82万元,公务接待费0万元。"
    )
    assert FigureBook(result.dossier).flat()["executed.sangong"] == "101.82"
    assert stated(result, "executed.sangong") == [Decimal("101.82")]


# ── rates, score, grade, assets ───────────────────────────────────────────────────────────


def test_rates_score_and_grade() -> None:
    result = import_text(
        TITLE
        + "在职人员控制率达80%,预算执行率为95.5%。满分100分,绩效综合评分为92.5分,评价等级为“优”。"
    )
    assert stated(result, "rates.in_service_control") == [Decimal(80)]
    assert stated(result, "rates.execution") == [Decimal("95.5")]
    assert result.dossier.self_evaluation.total == Decimal("92.5")
    assert result.dossier.self_evaluation.grade == "优"


def test_conflicting_scores_are_left_out() -> None:
    result = import_text(TITLE + "自评得分为92分。\n经复核,综合得分为88分。")
    assert result.dossier.self_evaluation.total is None
    assert "import.W003" in ids(result)


def test_asset_change() -> None:
    result = import_text(TITLE + "资产总额(账面净值)1000万元,较上年增长25%。")
    flat = FigureBook(result.dossier).flat()
    assert (
        flat["assets.total_net"],
        flat["assets.change_pct"],
        flat["assets.total_net_prior"],
    ) == ("1000", "25", "800")


# ── encodings ─────────────────────────────────────────────────────────────────────────────


def test_gbk_text_is_decoded(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "gbk.txt"
    path.write_bytes((TITLE + "在职人数5人。").encode("gbk"))
    assert import_text_file(path).dossier.profile.name == "某县某某局"


def test_binary_input_is_a_clear_error() -> None:
    with pytest.raises(InputError) as caught:
        decode_text(bytes(range(256)) * 4, "x.txt")
    assert "UTF-8" in str(caught.value) or "文本" in str(caught.value)


def test_indicators_stated_as_rates_in_the_performance_sections() -> None:
    result = import_text(
        TITLE
        + "一、部门概况\n在职人员控制率达80%。\n二、部门绩效实现情况\n(一)履职完成情况\n绿化植物成活率达到96%。\n"
        "(二)履职效果情况\n公共设施完好率达94%,社会满意度在92%以上,资金占比为30%。"
    )
    found = {i.name: (i.level1.value, i.actual, i.actual_text) for i in result.dossier.indicators}
    assert found == {
        "绿化植物成活率": ("产出", Decimal(96), None),
        "公共设施完好率": ("效益", Decimal(94), None),
        "社会满意度": ("满意度", Decimal(92), "92%以上"),
    }
    assert result.dossier.indicator("社会满意度").source.text == "社会满意度在92%以上"  # type: ignore[union-attr]
    assert stated(result, "rates.in_service_control") == [Decimal(80)]


def test_indicator_targets_and_ocr_read_greater_equal_as_2() -> None:
    result = import_text(
        TITLE + "二、部门绩效实现情况\n(一)履职完成情况\n设备检修次数目标值≥10次,实际完成值12次。\n"
        "(二)履职效果情况\n社会公众满意度目标值290%,实际完成值92%。公共设施完好率指标值到95%。"
    )
    found = {
        i.name: (i.comparator.value, i.target, i.actual, i.unit) for i in result.dossier.indicators
    }
    assert found == {
        "设备检修次数": ("≥", Decimal(10), Decimal(12), "次"),
        "社会公众满意度": ("≥", Decimal(90), Decimal(92), "%"),
        "公共设施完好率": ("≥", Decimal(95), None, "%"),
    }
    assert ids(result).count("import.W008") == 2


def test_a_target_sentence_without_an_indicator_name_gives_no_indicator() -> None:
    result = import_text(TITLE + "二、绩效实现情况\n全面完成年度目标100%,各项工作目标值均已完成。")
    assert result.dossier.indicators == ()


def test_import_findings_convert_to_core_findings_with_their_source() -> None:
    result = import_text(TITLE + "年末共有在职工作人员24人,编制人员19人。", file="r.txt")
    finding = next(f for f in result.findings if f.id == "import.I001").to_finding()
    assert finding.level.value == "info" and finding.message.startswith("“编制人员19人”")
    assert finding.message_en.startswith("a head-count")
    assert finding.where.source is not None and finding.where.source.text == "编制人员19人"


def test_an_import_hint_is_split_into_its_chinese_and_english_halves() -> None:
    result = import_text("2021年度绩效自评报告\n全年支出100万元。", file="r.txt")
    finding = next(f for f in result.findings if f.id == "import.W001").to_finding()
    assert (finding.hint, finding.hint_en) == (
        "导入时用 --department 指定，或在档案中填写部门名称",
        "give --department when importing, or fill in the department name",
    )


def test_internal_units_listed_inline_or_below_and_unit_type() -> None:
    result = import_text(TITLE + "本局属于行政单位,设有3个科室,即办公室、财务科、业务科。")
    assert result.dossier.profile.internal_units == ("办公室", "财务科", "业务科")
    assert (
        result.dossier.profile.unit_type is not None
        and result.dossier.profile.unit_type.value == "行政单位"
    )
    mismatch = import_text(TITLE + "设有4个科室,即办公室、财务科、业务科。")
    assert mismatch.dossier.profile.internal_units == ()  # 3 names for 4 units: not taken
    assert stated(mismatch, "profile.internal_units") == [Decimal(4)]


def test_markdown_table_rows_are_cells_and_a_second_cut_is_not_counted_twice() -> None:
    text = (
        TITLE
        + "2022年,我单位预算合计1540万元。其中:基本支出预算1175万元,主要包括工资福利支出530万元;"
        "商品和服务支出610万元;对个人和家庭的补助支出35万元。项目支出预算365万元。\n"
        "**图:预算按经济分类**(单位:万元)\n| 项目 | 预算数 |\n| --- | --- |\n| 工资福利 | 530 |\n"
        "| 商品和服务 | 930 |\n| 对个人和家庭的补助 | 35 |\n| 资本性支出 | 45 |\n"
    )
    flat = FigureBook(import_text(text).dossier).flat()
    assert (flat["budget.total"], flat["budget.basic"], flat["budget.project"]) == (
        "1540",
        "1175",
        "365",
    )


def test_flattened_target_table_text_gives_no_indicator() -> None:
    result = import_text(
        TITLE + "二、部门绩效实现情况\n效益社会效益公共设施完好率未设定定量目标4\n"
    )
    assert result.dossier.indicators == ()


def test_indicators_from_a_score_table() -> None:
    table = (
        "附件1 自评表\n一级指标\t二级指标\t三级指标\t分值\t年度指标值\t实际完成值\t自评得分\n"
        "预算执行率\t\t预算执行率\t10\t100%\t96%\t9.6\n"
        "产出指标\t数量\t设备检修次数\t10\t≥12次\t十四次\t10\n"
        "产出指标\t质量\t会议服务保障次数\t10\t400次\t452多次\t10\n"
        "效益指标\t社会效益\t公共设施完好率\t15\t≥95%\t93%\t14\n"
        "满意度指标\t服务对象满意度\t服务对象满意度\t10\t≥90%\t94%以上\t10\n"
        "合计\t\t\t100\t\t\t93.6\n"
    )
    result = import_text(TITLE + table)
    found = {
        i.name: (
            i.level1.value,
            i.comparator.value,
            i.target,
            i.actual,
            i.actual_text,
            i.unit,
            i.weight,
            i.self_score,
        )
        for i in result.dossier.indicators
    }
    assert found == {
        "设备检修次数": (
            "产出",
            "≥",
            Decimal(12),
            Decimal(14),
            "十四次",
            "次",
            Decimal(10),
            Decimal(10),
        ),
        "会议服务保障次数": (
            "产出",
            "≥",
            Decimal(400),
            Decimal(452),
            "452多次",
            "次",
            Decimal(10),
            Decimal(10),
        ),
        "公共设施完好率": (
            "效益",
            "≥",
            Decimal(95),
            Decimal(93),
            None,
            "%",
            Decimal(15),
            Decimal(14),
        ),
        "服务对象满意度": (
            "满意度",
            "≥",
            Decimal(90),
            Decimal(94),
            "94%以上",
            "%",
            Decimal(10),
            Decimal(10),
        ),
    }
    assert result.dossier.self_evaluation.total == Decimal("93.6")
    assert result.dossier.indicator("公共设施完好率").source.locator == "第7段"  # type: ignore[union-attr]
