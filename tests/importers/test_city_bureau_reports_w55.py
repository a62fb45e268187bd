"""City bureaus' reports: the head office's and the units' counts beside the department's whole
(局机关…；直属单位…；部门合计…), a 离退休 count split in brackets, a second count in service in the
whole's sentence, and prose figures in 亿元 that a 决算 table states to the 元; variants written for
these tests."""

from __future__ import annotations

import pytest

from jixiao.importers.text import import_text
from tests.importers.reading import claimed_figures

HEAD = "某市交通运输局2023年度部门整体支出绩效自评报告\n一、部门基本情况\n"


@pytest.mark.parametrize(
    ("parts", "whole"),
    [
        (
            "局机关核定行政编制72名，实有在编70人；直属单位核定事业编制655名，实有在编628人。",
            "全局（含直属单位）核定编制727名，实有在编人员698人，退休人员211人。",
        ),
        (
            "人员方面，局机关核定编制72名，在职70人；直属单位核定事业编制655名，在职628人。",
            "全局合计核定编制727名，在职698人，退休211人。",
        ),
        (
            "局本级：核定行政编制72名，实有70人；\n直属单位：核定事业编制655名，实有628人；\n",
            "部门合计：核定编制727名，实有在编人员698人，退休人员211人。",
        ),
    ],
)
def test_the_department_s_whole_is_read_over_its_head_office_s_part(parts: str, whole: str) -> None:
    figures = claimed_figures(import_text(HEAD + parts + "\n" + whole + "\n"))
    assert figures["staffing.authorized"] == "727"
    assert figures["staffing.in_service"] == "698"
    assert figures["staffing.retired"] == "211"


def test_parts_that_miss_the_whole_are_reported() -> None:
    text = (
        HEAD
        + "局机关核定行政编制72名，实有在编70人；直属单位核定事业编制655名，实有在编618人。"
        + "全局（含直属单位）核定编制727名，实有在编人员698人。\n"
    )
    result = import_text(text)
    assert claimed_figures(result)["staffing.in_service"] == "698"
    assert any(f.id == "import.W004" and "688" in f.message for f in result.findings)


def test_a_head_office_count_with_no_whole_stated_is_read() -> None:
    text = HEAD + "局机关核定行政编制72名，实有在编70人，退休人员21人。\n"
    assert claimed_figures(import_text(text))["staffing.in_service"] == "70"


@pytest.mark.parametrize(
    "sentence",
    [
        "离退休人员1,126人（退休1,119人、离休7人）。",
        "离退休人员1126人（其中退休1119人，离休7人）。",
    ],
)
def test_the_retirees_split_out_of_a_combined_count_are_read(sentence: str) -> None:
    assert claimed_figures(import_text(HEAD + sentence + "\n"))["staffing.retired"] == "1119"


def test_a_combined_count_with_only_its_cadres_split_stays_the_count() -> None:
    text = HEAD + "核定行政编制86名，在职人员81人，离退休人员53人（其中离休2人）。\n"
    assert claimed_figures(import_text(text))["staffing.retired"] == "53"


TABLE = (
    "附表：2023年度部门支出决算情况（摘要）\n单位：元\n"
    "项目\t全年预算数\t决算数\t执行率\n"
    "支出合计\t2,637,846,215.38\t2,514,027,903.61\t95.31%\n"
    "一、基本支出\t412,306,580.14\t409,871,226.50\t99.41%\n"
    "二、项目支出\t2,225,539,635.24\t2,104,156,677.11\t94.55%\n"
)


def test_a_final_accounts_table_gives_the_precise_figures_the_prose_rounds() -> None:
    prose = (
        "二、部门整体支出情况\n2023年全年预算26.38亿元，全年实际支出25.14亿元，预算执行率95.31%。"
        "从支出结构看，基本支出4.10亿元，项目支出21.04亿元。\n"
    )
    result = import_text(HEAD + prose + TABLE)
    figures = claimed_figures(result)
    assert figures["executed.basic"] == "40987.12265"
    assert figures["executed.project"] == "210415.667711"
    assert not any(f.id == "import.W003" for f in result.findings)


def test_a_final_accounts_figure_the_prose_contradicts_is_reported() -> None:
    prose = "二、部门整体支出情况\n从支出结构看，基本支出4.30亿元，项目支出21.04亿元。\n"
    result = import_text(HEAD + prose + TABLE)
    assert any(
        f.id == "import.W003" and "409871226.50" in f.message and "4.30亿元" in f.message
        for f in result.findings
    )
