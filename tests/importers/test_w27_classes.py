"""Classes of the w27 first run (tests/fixtures/corpus/w27-05), pinned by variants written for these
tests: a form's field on a line of its own ("预算执行率：97.73%") is not joined to a long line before
it that ends between two ideographs ("…资本性支出：96.76万元"); prose broken between two ideographs
still joins."""

from __future__ import annotations

import pytest

from benchmarks.eval_import import read_figures
from jixiao.importers.normalise import normalise
from jixiao.importers.text import import_text

FEDERATION = "某市残疾人联合会2024年度部门整体支出绩效自评报告\n2.2 支出情况\n"
SPENT = (
    "支出决算数：2,056.91万元\n其中：基本支出：758.62万元；项目支出：1,298.29万元\n"
    "按经济分类：工资福利支出：621.48万元；商品和服务支出：402.17万元；对个人和家庭的补助：936.50万元；"
    "资本性支出：96.76万元\n"
)


@pytest.mark.parametrize(
    "field", ["预算执行率：97.73%", "预算执行率（%）：97.73", "部门预算执行率：97.73%"]
)
def test_a_forms_field_on_its_own_line_stays_a_field(field):
    text = FEDERATION + "全年预算数：2,104.67万元\n" + SPENT + field + "\n"
    assert read_figures(import_text(text))[0].get("rates.execution") == "97.73"


def test_prose_broken_between_two_ideographs_still_joins():
    prose = "本年度我会认真贯彻落实各项决策部署，围绕残疾人康复、教育、就业等重点工作持续发力，全年\n预算执行情况总体良好。\n"
    assert "全年预算执行情况" in normalise(prose).text


def test_a_line_that_only_looks_like_a_field_in_prose_still_joins():
    prose = "本年度我会认真贯彻落实各项决策部署，围绕残疾人康复、教育、就业等重点工作持续发力，主要\n成效如下：一是康复服务。\n"
    assert "主要成效如下" in normalise(prose).text
