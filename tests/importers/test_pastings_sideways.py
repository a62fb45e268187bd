"""A 自评表's block pasted turned sideways (pastings/sideways.py), read through the whole importer:
the money block with the phases as rows and the funding lines as columns, a staffing table with
the people as columns; cells apart by tabs or runs of spaces. Variants written for these tests
(not copied from any report): the figures each must give, and what must not be read.
"""

from __future__ import annotations

import pytest

from jixiao.importers.normalise import normalise
from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures, money_only, stated_rate

TITLE = "某县水利局2023年度部门整体支出绩效自评表\n"


def read(text: str) -> dict[str, str]:
    return claimed_figures(import_text(text))


# ── 1. the money block sideways, tab cells ─────────────────────────────────────────────────────

SIDEWAYS = (
    TITLE + "{unit}\n"
    "{corner}\t{whole}\t其中：财政拨款\t其他资金\n"
    "{initial}\t1,250.00\t1,180.00\t70.00\n"
    "{adjusted}\t1,312.60\t1,242.60\t70.00\n"
    "{spent}\t1,276.35\t1,210.15\t66.20\n"
    "{rate}\t97.24%\t97.39%\t94.57%\n"
)
PLAIN = {
    "unit": "单位：万元",
    "corner": "项目",
    "whole": "资金总额",
    "initial": "年初预算数",
    "adjusted": "全年预算数",
    "spent": "全年执行数",
    "rate": "执行率",
}


@pytest.mark.parametrize(
    "change",
    [
        {},
        {"corner": "资金情况", "whole": "年度资金总额"},
        {"corner": "", "whole": "合计"},
        {"adjusted": "调整后预算数", "spent": "实际支出数", "rate": "预算执行率"},
        {"unit": "金额单位：万元", "spent": "决算数", "whole": "总额"},
    ],
)
def test_a_sideways_money_block_is_read_the_usual_way_round(change: dict[str, str]) -> None:
    money = read(SIDEWAYS.format(**{**PLAIN, **change}))
    assert money_only(money) == {
        "budget.initial_total": "1250",
        "budget.total": "1312.6",
        "executed.total": "1276.35",
    }
    assert money["rates.execution"] == "97.24"


def test_a_sideways_block_laid_out_with_runs_of_spaces_is_read() -> None:
    text = (
        TITLE + "单位：万元\n"
        "项目          资金总额      财政拨款      其他资金\n"
        "年初预算数    1,250.00      1,180.00      70.00\n"
        "全年预算数    1,312.60      1,242.60      70.00\n"
        "全年执行数    1,276.35      1,210.15      66.20\n"
        "执行率        97.24%        97.39%        94.57%\n"
    )
    assert money_only(read(text))["budget.total"] == "1312.6"
    assert money_only(read(text))["executed.total"] == "1276.35"


def test_the_rebuilt_rows_quote_the_original_cells() -> None:
    result = import_text(SIDEWAYS.format(**PLAIN))
    assert result.sources["budget.total"].text.endswith("1,312.60")
    assert result.sources["executed.total"].text.endswith("1,276.35")


def test_the_rebuilt_block_is_the_usual_form_rows() -> None:
    text = normalise(SIDEWAYS.format(**PLAIN)).text
    assert "项目\t年初预算数\t全年预算数\t全年执行数\t执行率\n资金总额\t1,250.00\t1,312.60" in text


# ── 2. score rows, empty cells, the rate's unit in its title, a split by funding ──────────────


@pytest.mark.parametrize(
    "scores",
    [
        "分值\t10\t/\t/\n得分\t9.72\t/\t/\n",
        "分值\t10\n得分\t9.72\n",  # the paste dropped the blank cells at the end
        "分值\t10\t-\t-\n得分\t9.72\t-\t-\n",
    ],
)
def test_score_rows_under_a_sideways_block_keep_it_read(scores: str) -> None:
    money = money_only(read(SIDEWAYS.format(**PLAIN) + scores))
    assert money["budget.total"] == "1312.6"
    assert money["executed.total"] == "1276.35"


def test_bare_rates_under_a_rate_title_with_its_unit_are_checked_and_read() -> None:
    text = SIDEWAYS.format(**{**PLAIN, "rate": "执行率(%)"}).replace("%\t", "\t")
    text = text.replace("94.57%", "94.57")
    assert money_only(read(text))["executed.total"] == "1276.35"


def test_a_split_by_funding_sideways_is_read_as_the_parts() -> None:
    text = (
        TITLE + "单位：万元\n"
        "项目\t资金总额\t基本支出\t项目支出\n"
        "年初预算数\t900.00\t600.00\t300.00\n"
        "全年预算数\t980.00\t620.00\t360.00\n"
        "全年执行数\t950.00\t615.00\t335.00\n"
    )
    money = money_only(read(text))
    assert money["budget.total"] == "980"
    assert money["executed.total"] == "950"
    assert money["executed.basic"] == "615"
    assert money["executed.project"] == "335"


def test_a_caption_column_left_empty_on_every_row_is_passed_over() -> None:
    text = (
        TITLE + "单位：万元\n"
        "\t项目\t资金总额\t财政拨款\t其他资金\n"
        "\t年初预算数\t1,250.00\t1,180.00\t70.00\n"
        "\t全年预算数\t1,312.60\t1,242.60\t70.00\n"
        "\t全年执行数\t1,276.35\t1,210.15\t66.20\n"
        "\t执行率\t97.24%\t97.39%\t94.57%\n"
    )
    assert money_only(read(text))["budget.total"] == "1312.6"


# ── 3. what must not be read ───────────────────────────────────────────────────────────────────


def _unread(text: str) -> None:
    """Not rebuilt: no form row of phases, and neither the rate nor any income read from it (the
    table readers may still read the first column's cells by their row and column titles)."""
    assert "年初预算数\t全年预算数" not in normalise(text).text
    figures = read(text)
    assert "rates.execution" not in figures
    assert not [key for key in figures if key.startswith("income.")]


def test_a_sideways_block_whose_part_s_rate_does_not_hold_is_not_rebuilt() -> None:
    _unread(SIDEWAYS.format(**PLAIN).replace("97.39%", "98.39%"))


def test_a_sideways_whole_s_rate_its_figures_contradict_is_read_as_stated() -> None:
    # the parts' rates hold (97.39%, 94.57%) and so do the sums: the whole's 98.24% is the
    # report's own inconsistency, read as stated for the checks, not a sign of shifted cells
    result = import_text(SIDEWAYS.format(**PLAIN).replace("97.24%", "98.24%"))
    assert money_only(claimed_figures(result))["executed.total"] == "1276.35"
    assert stated_rate(result) == "98.24"


def test_a_sideways_block_whose_parts_miss_the_whole_is_not_rebuilt() -> None:
    text = SIDEWAYS.format(**PLAIN).replace("1,276.35", "1,286.35").replace("97.24%", "98.00%")
    _unread(text)


def test_a_row_with_a_cell_missing_ends_the_block_before_the_proof() -> None:
    text = SIDEWAYS.format(**PLAIN).replace("\t1,210.15", "")
    _unread(text)


def test_a_sideways_table_of_projects_is_no_money_block() -> None:
    text = (
        TITLE + "单位：万元\n"
        "项目\t农村饮水安全\t河道综合治理\t水土保持\n"
        "年初预算数\t500.00\t300.00\t200.00\n"
        "全年预算数\t520.00\t300.00\t210.00\n"
        "全年执行数\t510.00\t290.00\t205.00\n"
        "执行率\t98.08%\t96.67%\t97.62%\n"
    )
    _unread(text)


def test_a_sideways_block_with_nothing_to_check_stays() -> None:
    text = (
        TITLE + "单位：万元\n"
        "项目\t资金总额\t财政拨款\n"
        "年初预算数\t1,250.00\t1,180.00\n"
        "全年预算数\t1,312.60\t1,242.60\n"
        "全年执行数\t1,276.35\t1,210.15\n"
    )
    assert "项目\t年初预算数" not in normalise(text).text


# ── 4. a staffing table sideways: the people as columns ────────────────────────────────────────

STAFF = (
    TITLE + "{corner}\t在职人员\t退休人员{total}\n编制数\t20\t/{quota}\n实有人数\t18\t6{actual}\n"
)


@pytest.mark.parametrize(
    ("corner", "total", "quota", "actual"),
    [
        ("项目", "", "", ""),
        ("人员情况", "\t合计", "\t20", "\t24"),
        ("", "\t合计", "\t20", "\t24"),
    ],
)
def test_a_sideways_staffing_table_is_read_by_role(
    corner: str, total: str, quota: str, actual: str
) -> None:
    figures = read(STAFF.format(corner=corner, total=total, quota=quota, actual=actual))
    assert figures["staffing.authorized"] == "20"
    assert figures["staffing.in_service"] == "18"
    assert figures["staffing.retired"] == "6"


def test_a_sideways_staffing_table_whose_total_misses_is_not_read() -> None:
    figures = read(STAFF.format(corner="项目", total="\t合计", quota="\t20", actual="\t25"))
    assert "staffing.in_service" not in figures
    assert "staffing.retired" not in figures


def test_a_sideways_staffing_table_with_a_count_that_is_no_whole_number_is_not_read() -> None:
    figures = read(STAFF.format(corner="项目", total="", quota="", actual="").replace("18", "18.5"))
    assert "staffing.in_service" not in figures


# ── 5. 其他资金 under or beside a phase title is budgeted or spent, not income ─────────────────


@pytest.mark.parametrize(
    "table",
    [
        # sideways, too short to prove (no rate, no whole's parts): the cells stay as pasted
        "项目\t资金总额\t其他资金\n年初预算数\t1,250.00\t70.00\n全年执行数\t1,276.35\t66.20\n",
        "项目\t其他资金\t财政拨款\n全年预算数\t70.00\t1,242.60\n全年执行数\t66.20\t1,210.15\n",
    ],
)
def test_other_funds_in_a_phase_column_or_row_are_no_income(table: str) -> None:
    figures = read(TITLE + "单位：万元\n" + table)
    assert not [key for key in figures if key.startswith("income.")]


@pytest.mark.parametrize(
    ("sentence", "income"),
    [
        ("2023年其他资金来源70.00万元。", "70"),
        ("2023年全年预算数1,312.60万元，全年执行数1,276.35万元；其他资金收入66.20万元。", "66.2"),
    ],
)
def test_other_funds_as_a_source_of_income_are_still_income(sentence: str, income: str) -> None:
    assert read("某县水利局2023年度部门整体支出绩效自评报告\n" + sentence)["income.other"] == income


# ── 6. an indicator block sideways: the indicators as columns ──────────────────────────────────

INDICATORS = (
    TITLE + "一级指标\t产出指标\t产出指标\t效益指标\t满意度指标\t总分\n"
    "{name}\t河道巡查次数\t水质达标率\t受益人口\t群众满意度\t总分\n"
    "{target}\t≥24次\t≥90%\t≥5万人\t≥90%\t\n"
    "实际值\t26次\t92.5%\t5.2万人\t95%\t\n"
    "{weight}\t30\t20\t20\t20\t90\n"
    "{score}\t30\t18\t20\t19\t87\n"
)


@pytest.mark.parametrize(
    ("name", "target", "weight", "score"),
    [
        ("三级指标", "指标值", "分值", "得分"),
        ("指标名称", "年度指标值", "权重", "自评得分"),
    ],
)
def test_a_sideways_indicator_block_is_read_the_usual_way_round(
    name: str, target: str, weight: str, score: str
) -> None:
    text = INDICATORS.format(name=name, target=target, weight=weight, score=score)
    result = import_text(text)
    indicators = {row["name"]: row for row in result.dossier_data["indicators"]}
    assert indicators["水质达标率"]["weight"] == "20"
    assert indicators["水质达标率"]["self_score"] == "18"
    assert indicators["受益人口"]["actual"] == "5.2"
    assert claimed_figures(result)["score.self"] == "87"


@pytest.mark.parametrize(
    "change",
    [
        ("\t30\t18\t20\t19\t87", "\t30\t28\t20\t19\t97"),  # a score above its weight
        ("\t河道巡查次数\t水质达标率", "\t河道巡查次数"),  # an indicator's name lost
    ],
)
def test_a_sideways_indicator_block_not_proven_stays(change: tuple[str, str]) -> None:
    text = INDICATORS.format(name="三级指标", target="指标值", weight="分值", score="得分")
    text = text.replace(*change)
    assert "一级指标\t三级指标" not in normalise(text).text
    assert not import_text(text).dossier_data.get("indicators")


def test_a_sideways_block_of_other_titles_is_no_indicator_block() -> None:
    text = INDICATORS.format(name="项目名称", target="指标值", weight="分值", score="得分")
    assert "一级指标\t项目名称" not in normalise(text).text


def test_phase_titles_with_the_form_s_letters_in_a_spaced_block_are_known() -> None:
    text = (
        TITLE + "单位：万元\n"
        "项目               资金总额      财政拨款      其他资金\n"
        "全年预算数(A)      1,312.60      1,242.60      70.00\n"
        "全年执行数(B)      1,276.35      1,210.15      66.20\n"
        "执行率(C=B/A)      97.24%        97.39%        94.57%\n"
    )
    figures = read(text)
    assert money_only(figures) == {"budget.total": "1312.6", "executed.total": "1276.35"}
    assert figures["rates.execution"] == "97.24"
