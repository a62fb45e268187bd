"""A report Document built by hand from the seed dossier, for renderer tests.

It stands in for ``jixiao.core.compose.compose_report`` (the lead's composer) so that renderer tests
exercise every kind of block (all four heading levels, body/item/note paragraphs, merged table
cells, pie and bar charts, attachments) independently of how composition evolves. When the real
composer is available, ``tests/renderers/test_end_to_end.py`` also renders its output.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from jixiao.core.report import (
    Align,
    Cell,
    Chart,
    Column,
    Cover,
    Document,
    Paragraph,
    Section,
    Series,
    Table,
    section_label,
)
from jixiao.io.dossiers import load_dossier

REPO = Path(__file__).resolve().parents[2]
ORIGINAL_REPORT = REPO / "examples" / "wanzai-2021" / "original-report.txt"

# Every figure of the seed report (DOMAIN.md §2) with its unit, as the composed report states it.
SEED_FIGURES = (
    "25人", "42人", "20人", "2人", "80%", "30.77万元", "1679.37万元", "5.21%", "1462.08万元",
    "480.26万元", "922.03万元", "29.02万元", "十二次", "96%", "8月23日", "460多次", "94%",
    "100%", "92%", "96分",
)  # fmt: skip


def original_headings() -> list[str]:
    """The section titles of the published seed report, without their numbering labels."""
    label = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+、)")
    titles = []
    for line in ORIGINAL_REPORT.read_text(encoding="utf-8").splitlines():
        match = label.match(line)
        text = line[match.end() :].strip() if match else ""
        if match and len(text) <= 40 and not text.endswith("。"):  # a heading, not a numbered item
            titles.append(text)
    return titles


SEED = REPO / "examples" / "wanzai-2021" / "dossier.yaml"

# Characters that mean something to Typst, HTML or XML: the renderers must print them as text.
AWKWARD = "注：*估算* 含 <税> & #1 $5 \\n _下划_ @ref [链接] `代码` = ~ // 〔2022〕 “引号” ‘单’"


def _section(level: int, n: int, title: str, *blocks, children=(), key: str = "") -> Section:  # type: ignore[no-untyped-def]
    return Section(
        title=title,
        level=level,
        label=section_label(level, n),
        blocks=tuple(blocks),
        children=tuple(children),
        key=key,
    )


def _p(text: str, style: str = "body") -> Paragraph:
    return Paragraph(text=text, style=style)  # type: ignore[arg-type]


def score_table() -> Table:
    columns = (
        Column("一级指标", 2),
        Column("二级指标", 2),
        Column("三级指标", 3),
        Column("分值", 1, Align.CENTER),
        Column("年度指标值", 2, Align.CENTER),
        Column("实际完成值", 2, Align.CENTER),
        Column("得分", 1, Align.CENTER),
        Column("偏差原因分析及改进措施", 3),
    )
    c = Cell
    rows = (
        (
            c("产出指标", rowspan=4),
            c("数量指标", rowspan=2),
            c("设备检修次数"),
            c("10"),
            c("≥10次"),
            c("12次"),
            c("10"),
            c(""),
        ),
        (c("会议服务保障次数"), c("10"), c("≥400次"), c("460多次"), c("10"), c("")),
        (c("质量指标"), c("绿化成活率"), c("15"), c("≥95%"), c("96%"), c("15"), c("")),
        (
            c("时效指标"),
            c("节能宣传周活动"),
            c("15"),
            c("8月底前"),
            c("2021年8月23日-29日"),
            c("15"),
            c(""),
        ),
        (
            c("效益指标", rowspan=2),
            c("社会效益"),
            c("公共设施完好率"),
            c("15"),
            c("≥95%"),
            c("94%"),
            c("14"),
            c("部分设施老化，已列入次年维修计划"),
        ),
        (c("生态效益"), c("节能环保参与率"), c("15"), c("100%"), c("100%"), c("15"), c("")),
        (
            c("满意度指标"),
            c("服务对象满意度"),
            c("社会公众满意度"),
            c("10"),
            c("≥90%"),
            c("92%以上"),
            c("10"),
            c(""),
        ),
        (c("预算执行率", colspan=3), c("10"), c("100%"), c("—"), c("7"), c("未填报执行数")),
        (
            c("合计", colspan=3, bold=True),
            c("100", bold=True),
            c(""),
            c(""),
            c("96", bold=True),
            c(""),
        ),
        (c("评价等级", colspan=3, bold=True), c("优", colspan=5, bold=True)),
    )
    return Table(
        title="部门整体支出绩效自评表", columns=columns, rows=rows, key="score", note=AWKWARD
    )


def target_table() -> Table:
    columns = (
        Column("一级指标", 1),
        Column("二级指标", 1),
        Column("三级指标", 2),
        Column("指标值", 1, Align.CENTER),
    )
    rows = (
        (Cell("年度总体目标"), Cell("做好后勤服务保障，确保行政中心安全有序运转。", colspan=3)),
        (Cell("产出指标", rowspan=2), Cell("数量指标"), Cell("设备检修次数"), Cell("≥10次")),
        (Cell("质量指标"), Cell("绿化成活率"), Cell("≥95%")),
        (Cell("效益指标"), Cell("社会效益"), Cell("公共设施完好率"), Cell("≥95%")),
        (Cell("满意度指标"), Cell("服务对象满意度"), Cell("社会公众满意度"), Cell("≥90%")),
    )
    return Table(title="部门整体支出绩效目标表", columns=columns, rows=rows, key="targets")


def budget_chart() -> Chart:
    return Chart(
        title="2021年基本支出预算构成",
        kind="pie",
        categories=("工资福利支出", "商品和服务支出", "对个人和家庭的补助", "资本性支出"),
        series=(
            Series(
                "年初预算",
                (Decimal("480.26"), Decimal("922.03"), Decimal("29.02"), Decimal("30.77")),
            ),
        ),
        unit="万元",
        key="budget.composition",
    )


def indicator_chart() -> Chart:
    return Chart(
        title="绩效指标目标值与实际完成值",
        kind="grouped_bar",
        categories=("绿化成活率", "公共设施完好率", "节能环保参与率", "社会公众满意度"),
        series=(
            Series("目标值", (Decimal(95), Decimal(95), Decimal(100), Decimal(90))),
            Series("实际完成值", (Decimal(96), Decimal(94), Decimal(100), Decimal(92))),
        ),
        unit="%",
        key="indicators.target_vs_actual",
    )


def assets_chart() -> Chart:
    return Chart(
        title="资产总额（账面净值）",
        kind="bar",
        categories=("2020年", "2021年"),
        series=(Series("资产总额", (Decimal("1771.70"), Decimal("1679.37"))),),
        unit="万元",
        key="assets.yoy",
    )


def budget_table() -> Table:
    return Table(
        title="2021年基本支出预算（单位：万元）",
        columns=(
            Column("经济分类", 3),
            Column("年初预算", 2, Align.RIGHT),
            Column("占比", 1, Align.RIGHT),
        ),
        rows=(
            (Cell("工资福利支出"), Cell("480.26"), Cell("32.85%")),
            (Cell("商品和服务支出"), Cell("922.03"), Cell("63.06%")),
            (Cell("对个人和家庭的补助"), Cell("29.02"), Cell("1.98%")),
            (Cell("资本性支出"), Cell("30.77"), Cell("2.10%")),
            (Cell("合计", bold=True), Cell("1462.08", bold=True), Cell("100%", bold=True)),
        ),
        key="budget",
    )


def seed_document() -> Document:
    """The seed report's outline and figures, with every block kind the renderers must handle."""
    d = load_dossier(SEED)
    n = d.narratives
    duties = [_p(f"（{i}）{text}", "item") for i, text in enumerate(d.profile.duties, 1)]
    units = [_p(f"（{i}）{u}", "item") for i, u in enumerate(d.profile.internal_units, 1)]
    profile = _section(
        1,
        1,
        "部门概况",
        children=(
            _section(
                2,
                1,
                "部门主要职责职能，组织架构、人员及资产等基本情况",
                children=(
                    _section(3, 1, "主要职能", *duties, key="profile.duties"),
                    _section(
                        3,
                        2,
                        "组织架构",
                        _p(d.profile.organisation_note or ""),
                        *units,
                        _p(
                            "现有编制人数25人，其中：全额补助事业编制25人。实有人数42人，其中：在职人数20人，"
                            "参照公务员管理的事业人员8人，全额补助事业人员12人；退休人员20人；遗属人员2人。"
                        ),
                        key="profile.organisation",
                    ),
                    _section(
                        3,
                        3,
                        "资产情况",
                        *(_p(t) for t in n.asset_management),
                        _p(
                            "2021年度，我单位配置固定资产30.77万元（账面原值），截至2021年12月31日，我单位资产总额"
                            "（账面净值）1679.37万元，较上年下降5.21%，主要原因是固定资产折旧增加。"
                        ),
                        assets_chart(),
                        key="profile.assets",
                    ),
                ),
                key="profile.basics",
            ),
            _section(
                2,
                2,
                "当年部门履职总体目标、工作任务",
                *(_p(t) for t in n.overall_goal),
                key="profile.goal",
            ),
            _section(
                2,
                3,
                "2021年度部门绩效目标",
                *(_p(f"{i}.{g.text}", "item") for i, g in enumerate(d.goals, 1)),
                key="profile.targets",
            ),
            _section(
                2, 4, "2021年预算绩效管理开展情况", *(_p(t) for t in n.performance_management)
            ),
            _section(
                2,
                5,
                "当年部门预算及执行情况",
                _p(
                    "2021年，我单位公共财政基本支出预算1462.08万元，主要包括工资福利支出480.26万元，商品服务支出"
                    "922.03万元；对个人和家庭补助支出29.02万元；其他资本性支出30.77万元。"
                ),
                budget_table(),
                budget_chart(),
                key="profile.budget",
            ),
        ),
        key="profile",
    )
    performance = _section(
        1,
        2,
        "部门绩效实现情况",
        children=(
            _section(
                2,
                1,
                "履职完成情况",
                *(_p(f"{i}.{t}", "item") for i, t in enumerate(n.achievements, 1)),
                key="performance.achievements",
            ),
            _section(
                2,
                2,
                "履职效果情况",
                *(_p(t) for t in n.effects),
                _p(
                    "在职人员控制率达80%；公共设施完好率达94%；节能环保参与率达100%；社会满意度在92%以上，"
                    "绩效综合评分为96分，评价等级为“优”。"
                ),
                indicator_chart(),
                children=(
                    _section(
                        3,
                        1,
                        "满意度调查",
                        _p("问卷调查结果见附件。"),
                        children=(_section(4, 1, "调查方式", _p("发放问卷100份，回收96份。")),),
                    ),
                ),
                key="performance.effects",
            ),
        ),
        key="performance",
    )
    lessons = _section(
        1,
        3,
        "主要经验及做法、存在的问题及原因分析",
        key="experience",
        children=(
            _section(
                2,
                1,
                "主要经验及做法",
                *(_p(f"{i}.{t}", "item") for i, t in enumerate(n.experience, 1)),
            ),
            _section(
                2, 2, "主要问题及原因分析", _p("一是在科学设置预算绩效指标上还需进一步加强。")
            ),
            _section(
                2,
                3,
                "改进的方向和具体措施",
                _p("建议财政部门进一步加强业务培训。"),
                _p(AWKWARD, "note"),
            ),
        ),
    )
    application = _section(
        1,
        4,
        "绩效自评结果拟应用和公开情况",
        _p(
            "县机关事务管理局绩效自评结果拟应用于干部考核及外包单位考核参考依据，经县财政审核通过后将通过政务门户进行公开。"
        ),
        key="application",
    )
    attachments = (
        Section(
            title="部门整体支出绩效自评表",
            level=1,
            label="附件1",
            blocks=(score_table(),),
            key="attachment.score",
        ),
        Section(
            title="部门整体支出绩效目标表",
            level=1,
            label="附件2",
            blocks=(target_table(),),
            key="attachment.targets",
        ),
    )
    return Document(
        title="万载县机关事务管理局部门评价报告",
        subtitle="（2021年度）",
        cover=Cover(
            department=d.profile.name,
            year=d.year,
            method="部门评价",
            date="2022年3月15日",
            notice="万财监〔2022〕3号",
        ),
        sections=(profile, performance, lessons, application),
        attachments=attachments,
        meta={"framework": "sample"},
    )
