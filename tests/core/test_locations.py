"""Human locations: every path shape a finding, problem or audit entry uses reads as words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jixiao.core.dossier import Dossier, dossier_from_data
from jixiao.core.figures import FIGURES
from jixiao.core.locations import LABELS, describe_path, figure_label, parse_path

REPO_ROOT = Path(__file__).resolve().parents[2]
RAW = re.compile(r"\w\[\d+\]|[a-z_]+\.[a-z_]+")


@pytest.fixture(scope="module")
def dossier() -> Dossier:
    return dossier_from_data(
        {
            "year": 2021,
            "profile": {"name": "测试局", "duties": ["负责后勤保障"]},
            "money": {
                "unit": "万元",
                "lines": [
                    {"phase": "年初预算", "item": "工资福利支出", "amount": 10},
                    {
                        "phase": "年初预算",
                        "funding": "基本支出",
                        "item": "工资福利支出",
                        "amount": 5,
                    },
                ],
            },
            "goals": [{"id": "G1", "text": "保障机关运转"}],
            "indicators": [
                {"id": "i1", "name": "设备检修次数", "level1": "产出"},
                {"id": "i2", "name": "开展专项检查次数", "level1": "产出", "goal": "G1"},
            ],
            "stated": [{"key": "rates.execution", "value": 98}],
        }
    )


@pytest.mark.parametrize(
    ("path", "zh", "en"),
    [
        (
            "indicators[1].deviation_explanation",
            "指标2“开展专项检查次数” · 偏差原因分析及改进措施",
            "Indicator 2 “开展专项检查次数” · deviation explanation",
        ),
        ("indicators[1]", "指标2“开展专项检查次数”", "Indicator 2 “开展专项检查次数”"),
        ("indicators", "绩效指标", "Performance indicators"),
        ("money.lines", "预算及执行 · 资金明细", "Budget and spending · money lines"),
        (
            "money.lines[1].amount",
            "资金第2行（年初预算 · 基本支出 · 工资福利支出） · 金额",
            "Money line 2 (年初预算 · 基本支出 · 工资福利支出) · amount",
        ),
        (
            "money.lines[0]",
            "资金第1行（年初预算 · 工资福利支出）",
            "Money line 1 (年初预算 · 工资福利支出)",
        ),
        ("goals[0].text", "目标1 · 年度绩效目标", "Goal 1 · goal"),
        ("profile.duties[0]", "单位概况 · 主要职责第1项", "Profile · duties item 1"),
        (
            "staffing.in_service.行政编制",
            "人员情况 · 在职人数 · 行政编制",
            "Staffing · staff in service · 行政编制",
        ),
        ("staffing.in_service", "人员情况 · 在职人数", "Staffing · staff in service"),
        ("rates.execution", "预算执行率", "budget execution rate"),
        ("budget.total", "预算总额", "budget total"),
        ("assets.change_pct", "资产情况 · 资产总额较上年变动率", "Assets · net assets change"),
        (
            "stated[0].value",
            "报告所述数字第1项（预算执行率） · 报告所写数值",
            "Figures stated in the report, item 1 (budget execution rate) · value stated",
        ),
        (
            "stated.no.such",
            "报告所述数字 · 其他：no.such",
            "Figures stated in the report · other: no.such",
        ),
        (
            "narratives.achievements[2]",
            "文字说明 · 履职完成情况第3段",
            "Narratives · achievements paragraph 3",
        ),
        ("self_evaluation.total", "自评结果 · 自评总分", "Self-evaluation · self-score"),
        (
            "previous.rates.execution",
            "上年数据 · 预算执行率",
            "Last year's figures · budget execution rate",
        ),
        # where an imported value came from: which value, and which part of its source (the
        # audit trail of an import showed 出处：（空） → 79 for each part, no value named)
        (
            "sources.staffing.retired.start",
            "出处 · 人员情况 · 退休人数 · 起始字符",
            "Sources · Staffing · retired · first character",
        ),
        ("sources.staffing.retired.text", "出处 · 人员情况 · 退休人数 · 原文", None),
        ("sources.unknown.thing.file", "出处 · 文件", "Sources · file"),
    ],
)
def test_each_path_shape_reads_as_words(dossier: Dossier, path: str, zh: str, en: str) -> None:
    assert describe_path(path, dossier) == zh
    if en is not None:
        assert describe_path(path, dossier, "en") == en


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("indicators[7].target", "指标8 · 指标值"),  # beyond the list: no name, still a place
        ("money.lines[9].amount", "资金第10行 · 金额"),
        ("stated[5]", "报告所述数字第6项"),
        ("goals[3]", "目标4"),
    ],
)
def test_an_index_out_of_range_keeps_its_position_without_a_name(
    dossier: Dossier, path: str, expected: str
) -> None:
    assert describe_path(path, dossier) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("indicators[0].no_such_field", "指标1“设备检修次数”"),
        ("profile.no_such[3].deeper", "单位概况"),
        ("money.lines[1].weird", "资金第2行（年初预算 · 基本支出 · 工资福利支出）"),
        ("staffing.in_service.外星编制", "人员情况 · 在职人数 · 其他：外星编制"),
        ("nothing.known[2].here", "其他：nothing.known.here"),
        ("score.x", "评分表"),
    ],
)
def test_an_unknown_path_reads_as_its_nearest_known_parent(
    dossier: Dossier, path: str, expected: str
) -> None:
    assert describe_path(path, dossier) == expected


def test_without_a_dossier_items_are_named_by_position() -> None:
    assert describe_path("indicators[1].target") == "指标2 · 指标值"
    assert describe_path("money.lines[0]") == "资金第1行"


def test_the_empty_path_is_the_whole_dossier() -> None:
    assert describe_path("") == ""


def test_framework_items_are_named_by_the_score_card() -> None:
    names = {"execution": "预算执行率"}
    assert describe_path("score.execution", item_names=names) == "评分表 · 预算执行率"
    assert describe_path("score.unknown", item_names=names) == "评分表"
    assert describe_path("assessments.execution.level", item_names=names) == (
        "共性指标评价 · 预算执行率 · 评价等级"
    )
    assert describe_path("assessments.execution.level") == "共性指标评价"


def test_every_figure_key_has_a_chinese_name_and_no_raw_key() -> None:
    for figure in FIGURES:
        words = describe_path(figure.key)
        assert words and not RAW.search(words), (figure.key, words)
        assert figure_label(figure.key) == figure.label


def test_every_finding_of_the_examples_reads_without_a_raw_path() -> None:
    from jixiao.frameworks import evaluate_with
    from jixiao.io.dossiers import load_dossier

    for path in sorted(REPO_ROOT.glob("examples/*/dossier.yaml")):
        example = load_dossier(path)
        for finding in evaluate_with(example).findings:
            words = describe_path(finding.where.path, example)
            assert not RAW.search(words), (path.parent.name, finding.where.path, words)
            assert bool(words) == bool(finding.where.path)


def test_labels_are_written_in_both_languages() -> None:
    for shape, (zh, en) in LABELS.items():
        assert zh and en, shape
        assert not re.search(r"[a-z]", zh.replace("{n}", "")), shape


def test_parse_path() -> None:
    assert parse_path("money.lines[3].amount") == ["money", "lines", 3, "amount"]
    assert parse_path("staffing.in_service.行政编制") == ["staffing", "in_service", "行政编制"]
