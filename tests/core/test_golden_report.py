"""Golden file: the seed's Markdown report (compose_report → render_markdown), plus the seed
report's outline checked independently of the golden text."""

from __future__ import annotations

import re
from functools import cache

import golden_support
import pytest
from conftest import SEED_PATH
from golden_support import assert_golden

from jixiao.core.compose import compose_report
from jixiao.core.dossier import Dossier
from jixiao.core.ledgers import LedgerSet
from jixiao.frameworks import evaluate_with
from jixiao.importers.ledgers import ledgers_for
from jixiao.renderers.markdown import render_markdown


@cache
def seed_ledgers() -> LedgerSet | None:
    """The seed's illustrative ledgers (examples/wanzai-2021/ledgers/), as the CLI picks them up."""
    return ledgers_for(SEED_PATH)


def seed_markdown(seed_dossier: Dossier) -> str:
    return render_markdown(compose_report(evaluate_with(seed_dossier, ledgers=seed_ledgers())))


def test_seed_markdown_report_matches_golden(seed_dossier: Dossier) -> None:
    assert_golden(seed_markdown(seed_dossier), "core/seed-report.md")


def test_seed_markdown_report_is_deterministic(seed_dossier: Dossier) -> None:
    assert seed_markdown(seed_dossier) == seed_markdown(seed_dossier)


SEED_OUTLINE = [
    "# 万载县机关事务管理局部门评价报告",
    "## 一、部门概况",
    "### （一）部门主要职责职能，组织架构、人员及资产等基本情况",
    "#### 1.主要职能",
    "#### 2.组织架构",
    "#### 3.资产情况",
    "### （二）当年部门履职总体目标、工作任务",
    "### （三）2021年度部门绩效目标",
    "### （四）2021年预算绩效管理开展情况",
    "### （五）当年部门预算及执行情况",
    "## 二、部门绩效实现情况",
    "### （一）履职完成情况",
    "### （二）履职效果情况",
    "## 三、主要经验及做法、存在的问题及原因分析",
    "### （一）主要经验及做法",
    "### （二）主要问题及原因分析",
    "### （三）改进的方向和具体措施",
    "## 四、绩效自评结果拟应用和公开情况",
]


def test_seed_report_has_the_seed_outline_in_order(seed_dossier: Dossier) -> None:
    headings = [line for line in seed_markdown(seed_dossier).splitlines() if line.startswith("#")]
    assert headings[: len(SEED_OUTLINE)] == SEED_OUTLINE


def test_seed_report_states_the_seed_figures(seed_dossier: Dossier) -> None:
    text = seed_markdown(seed_dossier)
    for phrase in (
        "现有编制人数25人",
        "实有人数42人",
        "在职人数20人",
        "退休人员20人",
        "遗属人员2人",
        "在职人员控制率为80%（在职20人/编制25人）",
        "配置固定资产30.77万元（账面原值）",
        "资产总额（账面净值）1679.37万元，较上年下降5.21%",
        "基本支出预算1462.08万元",
        "工资福利支出480.26万元",
        "商品服务支出922.03万元",
        "对个人和家庭补助支出29.02万元",
        "其他资本性支出30.77万元",
        "公共设施完好率94%",
        "节能环保参与率100%",
        "社会公众满意度93.2%（满意及非常满意233份/有效问卷250份，从250条记录计算）",
        "全年完成设备检修12次（从12条记录计算）",
        "室外绿化植物成活率96%（成活1200株/种植1250株，从6条记录计算）",
        "保障各类会议、活动、签约仪式等463次（从463条记录计算）",
        "会议服务失误0次（从463条记录计算）",
        "公共设施完好率94%（完好47条/巡查50条，从50条记录计算）",
        "于2021年8月23日-29日开展节能宣传周活动（从1条记录计算）",
        "绩效自评综合评分为96分，等级为“优”",
        "十二次设备检修",
        "460多次",
        "2021年8月23日-29日",
    ):
        assert phrase in text, phrase


def test_golden_mismatch_fails_with_a_unified_diff(
    tmp_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(golden_support.REGENERATE_ENV, raising=False)
    monkeypatch.setattr(golden_support, "GOLDEN_DIR", tmp_path)
    (tmp_path / "x.md").write_text("一\n二\n三\n", encoding="utf-8")
    golden_support.assert_golden("一\n二\n三\n", "x.md")
    with pytest.raises(AssertionError) as raised:
        golden_support.assert_golden("一\n贰\n三\n", "x.md")
    message = str(raised.value)
    assert "--- golden/x.md" in message and "+++ actual" in message
    assert "-二\n" in message and "+贰\n" in message
    with pytest.raises(AssertionError, match="missing"):
        golden_support.assert_golden("", "absent.md")
    monkeypatch.setenv(golden_support.REGENERATE_ENV, "1")
    golden_support.assert_golden("新\n", "sub/new.md")
    assert (tmp_path / "sub" / "new.md").read_text(encoding="utf-8") == "新\n"


def test_the_findings_annex_speaks_to_a_public_reader(seed_dossier: Dossier) -> None:
    """附件3: human locations, the id in its own last column, no instruction meant for clerks."""
    text = seed_markdown(seed_dossier)
    annex = text[text.index("附件3") : text.index("附件4")]
    assert "编号可用于" not in annex and "豁免" not in annex and "处理建议" not in annex
    header = next(line for line in annex.splitlines() if line.startswith("| 位置"))
    assert header == "| 位置 | 级别 | 核查发现 | 单位说明 | 编号 |"
    rows = [line for line in annex.splitlines() if line.startswith("| ") and "---" not in line]
    for row in rows[1:]:
        place, *_, finding_id = row.strip("| ").split(" | ")
        assert not re.search(r"\w\[\d+\]|[a-z_]+\.[a-z_]+", place), row
        assert re.fullmatch(r"[a-z_]+\.[EWI]\d{3}", finding_id), row
    assert "| 指标2“绿化成活率” · 指标值 | 警告 |" in annex
    assert "缺少数据 rates.execution" not in text and "无法计算，缺少数据：预算执行率" in text


def test_every_quantitative_actual_of_the_seed_comes_from_its_ledger(seed_dossier: Dossier) -> None:
    """附件4: each of the seed's eight indicators is computed from records, and agrees."""
    text = seed_markdown(seed_dossier)
    annex = text[text.index("附件4") :]
    rows = [line for line in annex.splitlines() if line.startswith("| ") and "---" not in line]
    assert rows[0] == "| 指标 | 台账计算值 | 报告所写 | 台账汇总项 | 条数 | 记录编号 | 核对结果 |"
    assert len(rows[1:]) == len(seed_dossier.indicators) == 8
    assert all(row.endswith("| 与报告所写一致 |") for row in rows[1:])
    assert "| 会议服务保障次数 | 463次 | 460多次 | 会议服务保障次数 | 463 |" in annex


def test_a_waived_finding_shows_its_reason_in_the_annex(seed_dossier: Dossier) -> None:
    reason = "该目标为定性目标，已在年度工作计划中细化"
    waived = seed_dossier.model_copy(update={"waivers": ({"id": "goals.W002", "reason": reason},)})
    from jixiao.core.dossier import dossier_from_data

    dossier = dossier_from_data(waived.model_dump(mode="json"))
    annex = seed_markdown(dossier).split("附件3", 1)[1].split("附件4", 1)[0]
    assert f"| 已说明：{reason} | goals.W002 |" in annex
    assert "另有 1 条已由单位说明理由" in annex
