"""Composition: what the report says, built from a dossier's evaluation result.

The outline is the common provincial template (一 部门概况 … 四 绩效自评结果拟应用和公开情况) with
the score table, target table and data-check results as attachments. Figures are written
from computed values in the report's own style ("实有人数42人，其中：在职人数20人…"), so a
report can never state a total its own data contradicts. Prose comes from the dossier's
narratives unchanged. Renderers turn the resulting :class:`Document` into files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal

from jixiao.core.dossier import COMPOSITION_ITEMS, Dossier, Funding, Item, MoneyLine, StaffType
from jixiao.core.figures import FigureBook, budget_phase, executed_phase
from jixiao.core.findings import Finding, Level
from jixiao.core.ledgers import AGGREGATES, Aggregate, BackingStatus, LedgerReport
from jixiao.core.ledgers.energy import EnergyYear, energy_year
from jixiao.core.ledgers.records import EnergyType
from jixiao.core.locations import describe_path
from jixiao.core.numbers import format_money, format_rate, format_score
from jixiao.core.pipeline import Result
from jixiao.core.report import (
    Align,
    Block,
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
from jixiao.core.scoring import INSUFFICIENT_TEXT, Basis, ItemScore, ScoreCard, Status

ITEM_WORDING = {
    Item.WAGES: "工资福利支出",
    Item.GOODS_SERVICES: "商品和服务支出",
    Item.TRANSFERS_HOUSEHOLDS: "对个人和家庭的补助支出",
    Item.CAPITAL: "资本性支出",
    Item.OTHER_SPENDING: "其他支出",
    Item.UNCLASSIFIED: "未分类支出",
}
STAFF_WORDING = {
    StaffType.ADMINISTRATIVE: "行政编制人员",
    StaffType.CIVIL_SERVANT_MANAGED: "参照公务员管理的事业人员",
    StaffType.FULLY_FUNDED: "全额补助事业人员",
    StaffType.PARTLY_FUNDED: "差额补助事业人员",
    StaffType.SELF_FUNDED: "自收自支事业人员",
    StaffType.WORKER: "工勤人员",
    StaffType.OTHER: "其他人员",
}


def _n(value: Decimal | None) -> str:
    """A score, weight or stated value: at most 2 decimals (the rule in jixiao.core.numbers)."""
    return "—" if value is None else format_score(value)


def _wan(value: Decimal | None) -> str:
    """An amount in 万元, exactly 2 decimals: "1462.08万元", "15.00万元"."""
    return f"{'—' if value is None else format_money(value)}万元"


def _pct(value: Decimal | None) -> str:
    """A computed rate, at most 2 decimals: "98.5%", "80%"."""
    return f"{'—' if value is None else format_rate(value)}%"


def _section(
    level: int,
    number: int,
    title: str,
    blocks: Iterable[Block] = (),
    children: Iterable[Section] = (),
    key: str = "",
) -> Section:
    return Section(title, level, section_label(level, number), tuple(blocks), tuple(children), key)


def _numbered(items: Iterable[str], style: Callable[[int], str]) -> list[Block]:
    return [Paragraph(f"{style(n)}{text}", "item") for n, text in enumerate(items, 1)]


def _paragraphs(texts: Iterable[str]) -> list[Block]:
    return [Paragraph(text) for text in texts if text.strip()]


def _missing(what: str) -> Paragraph:
    return Paragraph(f"（本部分未填报{what}。）", "note")


# ── 一、部门概况 ──────────────────────────────────────────────────────────────────────────


def staffing_sentence(dossier: Dossier, book: FigureBook) -> str:
    staffing = dossier.staffing
    parts: list[str] = []
    authorized = staffing.authorized_total()
    if authorized is not None:
        by_type = "，".join(
            f"{t.value.removesuffix('编制')}编制{n}人" for t, n in staffing.authorized.items()
        )
        parts.append(f"现有编制人数{authorized}人，其中：{by_type}。")
    in_service = staffing.in_service_total()
    if in_service is not None:
        detail = [f"在职人数{in_service}人"]
        detail += [f"{STAFF_WORDING[t]}{n}人" for t, n in staffing.in_service.items()]
        groups = ["，".join(detail)]
        for label, count in (
            ("退休人员", staffing.retired),
            ("离休人员", staffing.retired_cadres),
            ("遗属人员", staffing.survivors),
        ):
            if count is not None:
                groups.append(f"{label}{count}人")
        parts.append(f"实有人数{staffing.actual_total()}人，其中：{'；'.join(groups)}。")
    if staffing.contract is not None:
        parts.append(f"另有编外人员{staffing.contract}人。")
    rate = book.value("rates.in_service_control")
    if rate is not None:
        parts.append(f"在职人员控制率为{_pct(rate)}（在职{in_service}人/编制{authorized}人）。")
    return "".join(parts)


def asset_sentence(dossier: Dossier, book: FigureBook) -> str:
    assets = dossier.assets
    if assets is None:
        return ""
    year, parts = dossier.year, []
    if assets.fixed_added is not None:
        parts.append(
            f"{year}年度，我单位配置固定资产{_wan(book.value('assets.fixed_added'))}（账面原值）"
        )
    net = book.value("assets.total_net")
    if net is not None:
        sentence = f"截至{year}年12月31日，我单位资产总额（账面净值）{_wan(net)}"
        change = book.value("assets.change_pct")
        if change is not None:
            direction = "下降" if change < 0 else "增长"
            sentence += f"，较上年{direction}{_pct(abs(change))}"
        parts.append(sentence)
    text = "，".join(parts)
    if text:
        text += f"，{assets.note}" if assets.note else "。"
    return text


def profile_section(result: Result) -> Section:
    dossier, book = result.dossier, result.figures
    profile = dossier.profile
    duties = _numbered(profile.duties, lambda n: f"（{n}）") or [_missing("主要职能")]
    organisation: list[Block] = _paragraphs([profile.organisation_note or ""])
    organisation += _numbered(profile.internal_units, lambda n: f"（{n}）")
    organisation.append(Paragraph(staffing_sentence(dossier, book) or "（本部分未填报人员情况。）"))
    assets: list[Block] = _paragraphs(
        [*dossier.narratives.asset_management, asset_sentence(dossier, book)]
    )
    basics = _section(
        2,
        1,
        "部门主要职责职能，组织架构、人员及资产等基本情况",
        children=[
            _section(3, 1, "主要职能", duties, key="profile.duties"),
            _section(3, 2, "组织架构", organisation, key="profile.organisation"),
            _section(3, 3, "资产情况", assets or [_missing("资产情况")], key="profile.assets"),
        ],
        key="profile.basics",
    )
    year = dossier.year
    return _section(
        1,
        1,
        "部门概况",
        children=[
            basics,
            _section(
                2,
                2,
                "当年部门履职总体目标、工作任务",
                _paragraphs(dossier.narratives.overall_goal) or [_missing("总体目标")],
                key="profile.overall_goal",
            ),
            _section(
                2,
                3,
                f"{year}年度部门绩效目标",
                _numbered((g.text for g in dossier.goals), lambda n: f"{n}、")
                or [_missing("绩效目标")],
                key="profile.goals",
            ),
            _section(
                2,
                4,
                f"{year}年预算绩效管理开展情况",
                _paragraphs(dossier.narratives.performance_management)
                or [_missing("预算绩效管理情况")],
                key="profile.management",
            ),
            _section(2, 5, "当年部门预算及执行情况", budget_blocks(result), key="profile.budget"),
        ],
        key="profile",
    )


# ── budget ────────────────────────────────────────────────────────────────────────────────


def _line_phrase(line: MoneyLine, amount: Decimal) -> str:
    label = line.label or ITEM_WORDING.get(line.item, line.item.value)
    phrase = f"{label}{_wan(amount)}"
    return f"{phrase}，{line.note}" if line.note else phrase


def _spending_sentence(result: Result, prefix: str, word: str) -> str:
    """ "2021年，我单位基本支出预算1462.08万元，主要包括工资福利支出480.26万元；…"."""
    dossier, book = result.dossier, result.figures
    phases = budget_phase(dossier) if prefix == "budget" else executed_phase(dossier)
    lines = dossier.money.select(phases=phases, items=COMPOSITION_ITEMS)
    sentences = []
    for funding, funding_word in (
        (Funding.BASIC, "基本支出"),
        (Funding.PROJECT, "项目支出"),
        (None, ""),
    ):
        mine = [line for line in lines if line.funding is funding]
        total = dossier.money.total(mine)
        if total is None:
            continue
        parts = "；".join(_line_phrase(line, dossier.money.money(line).wan) for line in mine)
        sentences.append(f"{funding_word}{word}{_wan(total.wan)}，主要包括{parts}")
    if not sentences:
        return ""
    if len(sentences) == 1:
        return f"{dossier.year}年，我单位{sentences[0]}。"
    total_text = _wan(book.value(f"{prefix}.total"))
    return f"{dossier.year}年，我单位{word}合计{total_text}。其中：{'。'.join(sentences)}。"


def budget_blocks(result: Result) -> list[Block]:
    book = result.figures
    blocks: list[Block] = _paragraphs(
        [
            _spending_sentence(result, "budget", "预算"),
            _spending_sentence(result, "executed", "支出"),
        ]
    )
    rate = book.value("rates.execution")
    if rate is not None:
        blocks.append(
            Paragraph(f"全年支出{_wan(book.value('executed.total'))}，预算执行率为{_pct(rate)}。")
        )
    blocks += _paragraphs(result.dossier.narratives.budget_notes)
    chart = budget_chart(book)
    if chart is not None:
        blocks.append(chart)
    return blocks or [_missing("预算及执行情况")]


def budget_chart(book: FigureBook) -> Chart | None:
    keys = ("wages", "goods_services", "transfers_households", "capital")
    names = ("工资福利", "商品和服务", "对个人和家庭的补助", "资本性支出")
    budget = tuple(book.value(f"budget.{k}") for k in keys)
    executed = tuple(book.value(f"executed.{k}") for k in keys)
    if all(v is None for v in budget):
        return None
    series = [Series("预算数", budget)]
    if any(v is not None for v in executed):
        series.append(Series("执行数", executed))
        return Chart("预算及执行按经济分类", "grouped_bar", names, tuple(series), "万元", "budget")
    return Chart("基本支出预算构成", "pie", names, tuple(series), "万元", "budget")


# ── 二、部门绩效实现情况 ──────────────────────────────────────────────────────────────────

OUTPUT_LEVELS = ("投入", "过程", "产出")
EFFECT_LEVELS = ("效益", "效果", "满意度")
SHOWN_IDS = 3


def records_note(aggregate: Aggregate) -> str:
    """ "（成活1200株/种植1250株，从6条记录计算）": the basis of a ledger figure."""
    basis = f"{aggregate.detail}，" if aggregate.detail else ""
    return f"（{basis}从{aggregate.count}条记录计算）"


def _change_words(value: Decimal) -> str:
    return f"下降{format_rate(-value)}%" if value < 0 else f"增长{format_rate(value)}%"


def ledger_sentence(aggregate: Aggregate) -> str:
    """An aggregate in the report's words: "全年完成设备检修12次（从12条记录计算）"."""
    template = AGGREGATES[aggregate.key].sentence
    value = aggregate.number_text or ""
    if aggregate.key.endswith("_change") and aggregate.value is not None:
        label = AGGREGATES[aggregate.key].label.removesuffix("同比变化")
        text = f"{label}较上年{_change_words(aggregate.value)}"
    else:
        text = template.format(value=value, dates=aggregate.text or "")
    return text + records_note(aggregate)


def _backed_keys(report: LedgerReport, levels: tuple[str, ...], result: Result) -> list[str]:
    keys = []
    for backing in report.backings:
        indicator = result.dossier.indicators[backing.position]
        if backing.status.uses_ledger and indicator.level1.value in levels:
            keys.append(backing.aggregate.key)
    return keys


def ledger_aggregates(result: Result, section: str) -> list[Aggregate]:
    """The aggregates a section states: those behind its indicators, then the headline ones."""
    report = result.ledgers
    if report is None:
        return []
    output_keys = _backed_keys(report, OUTPUT_LEVELS, result)
    effect_keys = _backed_keys(report, EFFECT_LEVELS, result)  # stated in effect_sentence
    backed = output_keys if section == "achievements" else []
    elsewhere = set(effect_keys) | (set(output_keys) if section == "effects" else set())
    chosen = []
    for aggregate in report.book.all():
        definition = AGGREGATES[aggregate.key]
        headline = definition.headline and definition.section == section
        if (
            aggregate.has_records
            and (aggregate.key in backed or headline)
            and aggregate.key not in elsewhere
        ):
            chosen.append(aggregate)
    return chosen


def ledger_blocks(result: Result, section: str, lead: str) -> list[Block]:
    aggregates = ledger_aggregates(result, section)
    if not aggregates:
        return []
    items = [
        Paragraph(f"（{n}）{ledger_sentence(a)}。", "item") for n, a in enumerate(aggregates, 1)
    ]
    return [Paragraph(lead), *items]


def energy_chart(result: Result) -> Chart | None:
    """Energy use by type this year and last, in tce: the year-over-year chart."""
    report = result.ledgers
    if report is None or report.book.inputs.factors is None:
        return None
    year = result.dossier.year
    ledgers, factors = report.book.ledgers, report.book.inputs.factors
    now, before = energy_year(ledgers, year, factors), energy_year(ledgers, year - 1, factors)
    types = [line.energy_type for line in now.lines if line.tce is not None]
    if not types:
        return None

    def tce(stats: EnergyYear, energy_type: EnergyType) -> Decimal | None:
        line = stats.line(energy_type)
        return None if line is None else line.tce

    series = [Series(f"{year - 1}年", tuple(tce(before, t) for t in types))]
    series.append(Series(f"{year}年", tuple(tce(now, t) for t in types)))
    if all(v is None for v in series[0].values):
        series = series[1:]
    return Chart(
        "能源消费量同比（按能源类型，吨标准煤）",
        "grouped_bar",
        tuple(t.value for t in types),
        tuple(series),
        "吨标准煤",
        "energy",
    )


def _backed_note(result: Result, indicator_id: str) -> str:
    """ "（从50条记录计算）" after an actual computed from ledger records."""
    backing = result.ledgers.backing(indicator_id) if result.ledgers is not None else None
    if backing is None or not backing.status.uses_ledger:
        return ""
    return records_note(backing.aggregate)


def effect_sentence(result: Result) -> str:
    book, dossier = result.figures, result.dossier
    parts = []
    rate = book.value("rates.in_service_control")
    if rate is not None:
        parts.append(f"在职人员控制率为{_pct(rate)}")
    for indicator in dossier.indicators:
        if indicator.level1.value in ("效益", "效果", "满意度"):
            actual = indicator.actual_text or (
                f"{_n(indicator.actual)}{indicator.unit or ''}"
                if indicator.actual is not None
                else ""
            )
            if actual:
                actual += _backed_note(result, indicator.id)
                target = (
                    f"（目标{indicator.comparator.value}{_n(indicator.effective_target)}{indicator.unit or ''}）"
                    if indicator.effective_target is not None
                    else ""
                )
                parts.append(f"{indicator.name}{actual}{target}")
    evaluation = dossier.self_evaluation
    if evaluation.total is not None:
        parts.append(f"绩效自评综合评分为{_n(evaluation.total)}分，等级为“{book.self_grade()}”")
    return "；".join(parts) + "。" if parts else ""


def computed_score_sentence(card: ScoreCard) -> str:
    """The computed score, then the final score where it differs (re-scored, or 证据不足)."""
    head = f"按“{card.framework_name}”由系统计算，"
    if card.complete:
        computed = f"{head}得分为{_n(card.total)}分，等级为“{card.grade}”"
    else:
        computed = (
            f"{head}已评指标得{_n(card.total)}分；另有{_n(card.insufficient_weight)}分的指标因缺少目标值或数据"
            f"无法评分，最高可能得分{_n(card.max_possible)}分"
        )
    final = card.final
    if final.basis is Basis.COMPUTED:
        return computed + "。"
    via = "经财政复核，" if card.rescored else ""
    if final.total is None:
        return f"{computed}；{via}综合得分为{final.text}，暂不评定等级。"
    return f"{computed}；{via}综合得分为{final.text}分，等级为“{final.grade}”。"


def indicator_chart(result: Result) -> Chart | None:
    rows = [
        i
        for i in result.dossier.indicators
        if i.effective_target is not None and i.actual is not None and i.unit == "%"
    ]
    if not rows:
        return None
    return Chart(
        "绩效指标目标值与完成值（%）",
        "grouped_bar",
        tuple(i.name for i in rows),
        (
            Series("年度指标值", tuple(i.effective_target for i in rows)),
            Series("实际完成值", tuple(i.actual for i in rows)),
        ),
        "%",
        "indicators",
    )


def performance_section(result: Result) -> Section:
    narratives = result.dossier.narratives
    year = result.dossier.year
    effects: list[Block] = _paragraphs([*narratives.effects, effect_sentence(result)])
    effects += ledger_blocks(result, "effects", f"{year}年度台账记录的其他效果数据：")
    effects += _paragraphs([computed_score_sentence(result.score)])
    for chart in (indicator_chart(result), energy_chart(result)):
        if chart is not None:
            effects.append(chart)
    achievements: list[Block] = _numbered(narratives.achievements, lambda n: f"{n}、")
    achievements += ledger_blocks(
        result, "achievements", f"根据{year}年度台账记录，全年履职完成情况如下："
    )
    return _section(
        1,
        2,
        "部门绩效实现情况",
        children=[
            _section(
                2,
                1,
                "履职完成情况",
                achievements or [_missing("履职完成情况")],
                key="performance.achievements",
            ),
            _section(2, 2, "履职效果情况", effects, key="performance.effects"),
        ],
        key="performance",
    )


def experience_section(result: Result) -> Section:
    narratives = result.dossier.narratives
    return _section(
        1,
        3,
        "主要经验及做法、存在的问题及原因分析",
        children=[
            _section(
                2,
                1,
                "主要经验及做法",
                _numbered(narratives.experience, lambda n: f"{n}、") or [_missing("经验做法")],
                key="experience.practice",
            ),
            _section(
                2,
                2,
                "主要问题及原因分析",
                _paragraphs(narratives.problems) or [_missing("问题及原因")],
                key="experience.problems",
            ),
            _section(
                2,
                3,
                "改进的方向和具体措施",
                _numbered(narratives.improvements, lambda n: f"{n}、") or [_missing("改进措施")],
                key="experience.improvements",
            ),
        ],
        key="experience",
    )


def application_section(result: Result) -> Section:
    blocks = _paragraphs(result.dossier.narratives.application) or [_missing("结果应用和公开情况")]
    return _section(1, 4, "绩效自评结果拟应用和公开情况", blocks, key="application")


# ── attachments ───────────────────────────────────────────────────────────────────────────


def _points(value: Decimal | None) -> str:
    return "" if value is None else _n(value)


def _score_cell(item: ItemScore) -> str:
    if item.status is Status.SCORED:
        return _points(item.points)
    return item.status.label


def _rescore_cell(item: ItemScore) -> str:
    return "" if item.rescore is None else _points(item.rescore.points)


def _computed_total(card: ScoreCard) -> str:
    return _points(card.total) if card.complete else INSUFFICIENT_TEXT


def _rescore_total(card: ScoreCard) -> str:
    final = card.final
    return final.text if final.basis is not Basis.COMPUTED else ""


def _grades(card: ScoreCard) -> str:
    text = f"自评等级：{card.self_grade or '—'}；计算等级：{card.grade or '暂不评定'}"
    if card.rescored:
        text += f"；财政复核等级：{card.rescore_grade or '暂不评定'}"
    return text


def _explanation(item: ItemScore, deviation: str | None) -> str:
    text = deviation or item.explanation
    if item.rescore is not None and item.rescore.comment:
        text = (
            f"{text}（财政复核：{item.rescore.comment}）"
            if text
            else f"财政复核：{item.rescore.comment}"
        )
    return text


def score_table(result: Result, links: Mapping[str, str] | None = None) -> Table:
    """附件1: 分值 / 自评得分 / 计算得分, and 财政复核 where the bureau re-scored any item; an
    actual computed from ledger records links to them when *links* (indicator id → address)
    names it."""
    links = links or {}
    card = result.score
    rescored = card.rescored
    rows: list[tuple[Cell, ...]] = []
    for item in card.items:
        path = [p for p in item.path if p]
        level1 = path[0] if path else item.name
        level2 = "/".join(path[1:]) if len(path) > 1 else ""
        indicator = result.dossier.indicator(item.indicator_id) if item.indicator_id else None
        explanation = indicator.deviation_explanation if indicator else None
        texts = [
            level1,
            level2,
            item.name,
            _points(item.weight),
            item.target,
            item.actual,
            _points(item.self_score),
            _score_cell(item),
        ]
        if rescored:
            texts.append(_rescore_cell(item))
        texts.append(_explanation(item, explanation))
        link = links.get(item.indicator_id or "")
        rows.append(tuple(Cell(t, link=link if n == 5 else None) for n, t in enumerate(texts)))
    totals = [
        Cell("合计", colspan=3, bold=True),
        Cell(_points(card.full_marks), bold=True),
        Cell(""),
        Cell(""),
        Cell(_points(card.self_total), bold=True),
        Cell(_computed_total(card), bold=True),
    ]
    if rescored:
        totals.append(Cell(_rescore_total(card), bold=True))
    totals.append(Cell(_grades(card), bold=True))
    rows.append(tuple(totals))
    columns = [
        Column("一级指标", 2),
        Column("二级指标", 2),
        Column("三级指标", 3),
        Column("分值", 1, Align.CENTER),
        Column("年度指标值", 2, Align.CENTER),
        Column("实际完成值", 2, Align.CENTER),
        Column("自评得分", 2, Align.CENTER),
        Column("计算得分", 2, Align.CENTER),
    ]
    if rescored:
        columns.append(Column("财政复核", 2, Align.CENTER))
    columns.append(Column("偏差原因分析及改进措施", 4))
    note = "；".join(card.notes) or None
    return Table(
        f"{result.dossier.year}年度部门整体支出绩效自评表（{card.framework_name}）",
        tuple(columns),
        tuple(rows),
        note,
        "score",
    )


def target_table(result: Result) -> Table:
    dossier = result.dossier
    rows: list[tuple[Cell, ...]] = []
    for indicator in dossier.indicators:
        target = indicator.target_text or (
            f"{indicator.comparator.value}{_n(indicator.effective_target)}{indicator.unit or ''}"
            if indicator.effective_target is not None
            else "未设定"
        )
        kind = "定性" if indicator.comparator.value == "定性" else "定量"
        goal = next((n for n, g in enumerate(dossier.goals, 1) if g.id == indicator.goal), None)
        rows.append(
            tuple(
                Cell(t)
                for t in (
                    indicator.level1.value,
                    indicator.level2 or "",
                    indicator.name,
                    target,
                    kind,
                    f"目标{goal}" if goal else "",
                )
            )
        )
    columns = (
        Column("一级指标", 2),
        Column("二级指标", 2),
        Column("三级指标", 3),
        Column("指标值", 2, Align.CENTER),
        Column("指标值类型", 2, Align.CENTER),
        Column("对应目标", 2, Align.CENTER),
    )
    return Table(f"{dossier.year}年度部门整体支出绩效目标表", columns, tuple(rows), None, "targets")


def finding_place(finding: Finding, result: Result) -> str:
    """Where a finding points, in words, with the passage of the source report it quotes."""
    names = {item.id: item.name for item in result.score.items}
    place = describe_path(finding.where.path, result.dossier, item_names=names)
    source = finding.where.source
    if source is not None:
        quoted = f"“{source.text}”" if source.text else ""
        origin = "".join(p for p in (source.locator or "", quoted) if p)
        if origin:
            place = f"{place}（原报告{origin}）" if place else f"原报告{origin}"
    return place or "全文"


def findings_table(result: Result) -> Table:
    """What a reader of the published report needs: where, what, and whether it was explained.

    The id stays in a narrow last column, for whoever looks the rule up in the catalogue.
    """
    rows = tuple(
        tuple(
            Cell(t)
            for t in (
                finding_place(f, result),
                f.level.label,
                f.message,
                f"已说明：{f.waived}" if f.waived else "—",
                f.id,
            )
        )
        for f in result.findings
    )
    columns = (
        Column("位置", 4),
        Column("级别", 2, Align.CENTER),
        Column("核查发现", 8),
        Column("单位说明", 4),
        Column("编号", 2),
    )
    return Table("数据核查结果", columns, rows, None if rows else "未发现问题。", "findings")


def _findings_summary(findings: list[Finding]) -> str:
    counts = {
        level: sum(1 for f in findings if f.level is level and not f.waived)
        for level in (Level.ERROR, Level.WARNING, Level.INFO)
    }
    explained = sum(1 for f in findings if f.waived)
    text = (
        f"系统按统一规则核查报告数据，共有 {len(findings)} 条核查结果："
        f"错误 {counts[Level.ERROR]} 条、警告 {counts[Level.WARNING]} 条、提示 {counts[Level.INFO]} 条"
    )
    if explained:
        text += f"，另有 {explained} 条已由单位说明理由"
    return text + "。"


def attachments(result: Result, links: Mapping[str, str] | None = None) -> tuple[Section, ...]:
    dossier = result.dossier
    goals_block = (
        Paragraph("年度总体目标：" + "".join(dossier.narratives.overall_goal))
        if dossier.narratives.overall_goal
        else None
    )
    targets: list[Block] = [b for b in (goals_block, target_table(result)) if b is not None]
    summary = Paragraph(_findings_summary(list(result.findings)), "note")
    evidence = evidence_table(result, links)
    ledger_section = (
        (Section("绩效指标台账依据", 1, "附件4　", (evidence,), key="attachment.ledgers"),)
        if evidence is not None
        else ()
    )
    return (
        Section(
            "部门整体支出绩效自评表",
            1,
            "附件1　",
            (score_table(result, links),),
            key="attachment.score",
        ),
        Section("部门整体支出绩效目标表", 1, "附件2　", tuple(targets), key="attachment.targets"),
        Section(
            "数据核查结果",
            1,
            "附件3　",
            (summary, findings_table(result)),
            key="attachment.findings",
        ),
        *ledger_section,
    )


BACKING_WORDS = {
    BackingStatus.COMPUTED: "由台账计算",
    BackingStatus.SUPPORTED: "与报告所写一致",
    BackingStatus.OVERRIDDEN: "按说明理由改写",
    BackingStatus.UNSUPPORTED: "报告所写不符，已按台账计算",
    BackingStatus.NO_RECORDS: "台账无记录，未经核实",
}


def _record_ids(aggregate: Aggregate) -> str:
    """ "JX-2021-01、JX-2021-02……JX-2021-12，共12条", or every id when there are few."""
    ids = aggregate.record_ids
    if len(ids) <= SHOWN_IDS:
        return "、".join(ids)
    return f"{ids[0]}、{ids[1]}……{ids[-1]}，共{len(ids)}条"


def evidence_table(result: Result, links: Mapping[str, str] | None = None) -> Table | None:
    """附件4: each ledger-backed actual, the aggregate, its records and the claim's check; with
    *links* (indicator id → the address of its records), the value and the count link there."""
    links = links or {}
    report = result.ledgers
    if report is None or not report.backings:
        return None
    rows = []
    for backing in report.backings:
        indicator = result.dossier.indicators[backing.position]
        aggregate = backing.aggregate
        reported = backing.claim_text or "—"
        check = BACKING_WORDS[backing.status]
        if backing.status is BackingStatus.OVERRIDDEN:
            check += f"：{backing.reason}"
        link = links.get(indicator.id) if aggregate.has_records else None
        texts = (
            indicator.name,
            aggregate.text or "—",
            reported,
            aggregate.label,
            str(aggregate.count),
            _record_ids(aggregate) or "—",
            check,
        )
        rows.append(tuple(Cell(t, link=link if n in (1, 4) else None) for n, t in enumerate(texts)))
    columns = (
        Column("指标", 3),
        Column("台账计算值", 2, Align.CENTER),
        Column("报告所写", 2, Align.CENTER),
        Column("台账汇总项", 3),
        Column("条数", 2, Align.CENTER),
        Column("记录编号", 4),
        Column("核对结果", 3),
    )
    note = (
        "记录编号对应本单位工作台账中的“编号”；点击台账计算值或条数，可打开计算它的全部台账记录。"
        if links
        else "记录编号对应台账文件（ledgers/）中的“编号”列。"
    )
    return Table(
        f"{result.dossier.year}年度绩效指标台账依据", columns, tuple(rows), note, "ledgers"
    )


def report_title(dossier: Dossier) -> str:
    kind = "部门评价报告" if "部门评价" in dossier.evaluation.method else "部门整体支出绩效自评报告"
    return f"{dossier.profile.name}{kind}"


def compose_report(result: Result, links: Mapping[str, str] | None = None) -> Document:
    """The report of *result*; *links* (indicator id → address of the ledger records behind its
    actual) makes those actuals in the attachments links, for a report read inside the web."""
    dossier = result.dossier
    return Document(
        title=report_title(dossier),
        subtitle=f"（{dossier.year}年度）",
        cover=Cover(
            dossier.profile.name,
            dossier.year,
            dossier.evaluation.method,
            dossier.evaluation.date,
            dossier.evaluation.notice,
        ),
        sections=(
            profile_section(result),
            performance_section(result),
            experience_section(result),
            application_section(result),
        ),
        attachments=attachments(result, links),
        meta={"framework": result.framework.id, "score": result.score.summary()},
    )
