"""The dashboard's tables as plain data: a title, typed columns, rows of values.

One :class:`Table` feeds the page (each chart's accessible table), the Excel export and the
chart data, so the three never disagree. Values stay numbers (Decimal, int) until shown; a
column's ``kind`` says how: ``text``, ``score`` (at most two decimals), ``percent``, ``money``,
``int``, ``bool`` (是/否), ``datetime``, ``term`` (a stored word such as a grade: translated).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from jixiao.web.evaluations.templatetags.jixiao_i18n import finding_title
from jixiao.web.evaluations.templatetags.jixiao_numbers import count, rate, score
from jixiao.web.oversight.selectors import RANKING_COLUMNS, distrust_row


@dataclass(frozen=True)
class TableColumn:
    label: Any
    kind: str = "text"

    @property
    def numeric(self) -> bool:
        return self.kind in ("score", "percent", "money", "int")


@dataclass
class Table:
    key: str
    title: Any
    columns: list[TableColumn]
    rows: Iterable[list[Any]] = field(default_factory=list)
    note: Any = ""
    total_last: bool = False  # the last row is a 合计 row


def hundredths(value: Any) -> Decimal | None:
    """A score or rate as Decimal to 0.01, whatever the database returned (SQLite: floats)."""
    if value is None or isinstance(value, bool):
        return None
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    return number.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def completion_table(data: dict[str, Any]) -> Table:
    columns = [
        TableColumn(_("主管部门")),
        TableColumn(_("应报单位"), "int"),
        TableColumn(_("已提交"), "int"),
        TableColumn(_("提交率（%）"), "percent"),
        TableColumn(_("其中按时"), "int"),
        TableColumn(_("其中逾期"), "int"),
        TableColumn(_("退回修改中"), "int"),
        TableColumn(_("未提交"), "int"),
        TableColumn(_("其中已过截止"), "int"),
    ]
    keys = ("total", "submitted", "rate", "on_time", "late", "returned", "drafts", "overdue")
    rows = [[d["dept_name"], *(d[k] for k in keys)] for d in data["departments"]]
    rows.append([str(_("合计")), *(data["totals"][k] for k in keys)])
    return Table(
        "completion",
        _("完成与及时性（按主管部门）"),
        columns,
        rows,
        total_last=True,
        note=_(
            "已提交：已交审核且未被退回，其中按时与逾期按首次提交时间对比批次截止时间；"
            "按时、逾期、退回修改中、未提交四项之和为应报单位数；"
            "未提交中“已过截止”按单位的截止时间（含延期）计。"
        ),
    )


def bins_table(data: dict[str, Any]) -> Table:
    return Table(
        "bins",
        _("最终得分分布"),
        [TableColumn(_("得分区间")), TableColumn(_("报告数"), "int")],
        [[b["label"], b["count"]] for b in data["bins"]],
        note=_(
            "已提交报告的最终得分；区间含下限、不含上限（90–100 含 100）；"
            "证据不足未评分的报告不计入区间。"
        ),
    )


def grades_table(data: dict[str, Any]) -> Table:
    return Table(
        "grades",
        _("等级分布"),
        [TableColumn(_("等级"), "term"), TableColumn(_("报告数"), "int")],
        [[g["grade"], g["count"]] for g in data["grades"]],
    )


TERM_COLUMNS = frozenset({"area"})  # stored Chinese words shown through gettext (vocabulary.py)


def ranking_columns() -> list[TableColumn]:
    return [
        TableColumn(c.label, "term" if c.key in TERM_COLUMNS else c.kind) for c in RANKING_COLUMNS
    ]


def ranking_values(row: dict[str, Any]) -> list[Any]:
    """One ranking row's cells in column order, numbers tidied."""
    values = []
    for column in RANKING_COLUMNS:
        value = row[f"col_{column.key}"]
        if column.kind in ("score", "percent"):
            value = hundredths(value)
        values.append(value)
    return values


def ranking_table(rows: Iterable[dict[str, Any]]) -> Table:
    def cells() -> Iterator[list[Any]]:
        for row in rows:
            yield ranking_values(row)

    return Table("ranking", _("排名"), ranking_columns(), cells())


def scatter_table(points: list[dict[str, Any]]) -> Table:
    return Table(
        "scatter",
        _("最终得分与预算执行率"),
        [
            TableColumn(_("单位")),
            TableColumn(_("主管部门")),
            TableColumn(_("预算执行率（%）"), "percent"),
            TableColumn(_("最终得分"), "score"),
        ],
        [
            [p["unit"], p["dept"], hundredths(p["execution"]), hundredths(p["final"])]
            for p in points
        ],
        note=_("预算执行率 = 执行数总额 ÷ 预算总额，由档案的资金数据计算。"),
    )


def gaps_table(gaps: list[dict[str, Any]]) -> Table:
    return Table(
        "gaps",
        _("自评分与最终得分差距（按主管部门，差距大者在前）"),
        [
            TableColumn(_("主管部门")),
            TableColumn(_("报告数"), "int"),
            TableColumn(_("平均自评分"), "score"),
            TableColumn(_("平均最终得分"), "score"),
            TableColumn(_("平均差距"), "score"),
            TableColumn(_("最大差距"), "score"),
        ],
        [
            [g["dept_name"], g["n"], g["self_avg"], g["final_avg"], g["gap_avg"], g["gap_max"]]
            for g in gaps
        ],
        note=_("差距 = 自评分 − 最终得分（有财政复核时为复核得分，否则为计算得分）。"),
    )


def findings_table(findings: list[dict[str, Any]]) -> Table:
    return Table(
        "findings",
        _("核查发现（按编号）"),
        [
            TableColumn(_("编号")),
            TableColumn(_("级别")),
            TableColumn(_("说明")),
            TableColumn(_("涉及报告"), "int"),
            TableColumn(_("出现次数"), "int"),
            TableColumn(_("其中已说明"), "int"),
        ],
        [
            [
                f["id"],
                f["level_label"],
                finding_title(f["id"], f["title"]),
                f["reports"],
                f["occurrences"],
                f["waived"],
            ]
            for f in findings
        ],
        note=_("已提交报告当前版本中的核查结果；“已说明”为单位书面说明后豁免的条数。"),
    )


def reuse_table(reuse: dict[str, Any]) -> Table:
    return Table(
        "reuse",
        _("文字重复（段落见于其他报告）"),
        [
            TableColumn(_("单位")),
            TableColumn(_("主管部门")),
            TableColumn(_("文字重复率（%）"), "percent"),
            TableColumn(_("重复段落"), "int"),
            TableColumn(_("参与比对的段落"), "int"),
        ],
        [
            [r["unit"], r["dept"], hundredths(r["percent"]), r["reused"], r["paragraphs"]]
            for r in reuse["reports"]
        ],
        note=_(
            "与本单位往年报告、本批次及往年批次其他单位已提交的报告逐段比对（MinHash 与 Jaccard 相似度"
            " ≥ 0.6）；多数报告共有的模板段落不计。重复率 = 见于其他报告的段落字数 ÷ 参与比对的段落字数。"
        ),
    )


def reason_text(key: str, value: Any) -> str:
    """One reason to distrust a report, with its evidence, in words."""
    if key == "gap":
        return _("自评高出最终得分 %(gap)s 分") % {"gap": score(value)}
    if key == "reuse":
        percent, paragraphs = value
        return _("文字重复 %(percent)s%%（%(n)s 段）") % {
            "percent": rate(percent),
            "n": count(paragraphs),
        }
    if key == "targets":
        return _("目标问题 %(n)s 项") % {"n": count(value)}
    return _("错误级核查发现 %(n)s 项（含已说明）") % {"n": count(value)}


def distrust_table(rows: Iterable[dict[str, Any]]) -> Table:
    def cells() -> Iterator[list[Any]]:
        for raw in rows:
            row = distrust_row(raw)
            yield [
                row["unit"],
                row["dept"],
                row["count"],
                "；".join(str(reason_text(k, v)) for k, v in row["reasons"]),
                hundredths(row["self"]),
                hundredths(row["final"]),
            ]

    return Table(
        "distrust",
        _("值得怀疑的报告（理由多者在前）"),
        [
            TableColumn(_("单位")),
            TableColumn(_("主管部门")),
            TableColumn(_("理由数"), "int"),
            TableColumn(_("理由")),
            TableColumn(_("自评分"), "score"),
            TableColumn(_("最终得分"), "score"),
        ],
        cells(),
    )


def dashboard_tables(data: dict[str, Any]) -> dict[str, Table]:
    """Every aggregate table of the dashboard (the ranking is built apart: it pages)."""
    return {
        "completion": completion_table(data["completion"]),
        "bins": bins_table(data["distribution"]),
        "grades": grades_table(data["distribution"]),
        "scatter": scatter_table(data["scatter"]),
        "gaps": gaps_table(data["gaps"]),
        "findings": findings_table(data["findings"]),
        "reuse": reuse_table(data["reuse"]),
    }
