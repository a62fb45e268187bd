"""Ledger rules: a claimed actual the department's own ledgers do not support.

They run only when the dossier's ledgers were given (``Context.ledgers``); see
:mod:`jixiao.core.ledgers.backing` for when a typed figure counts as supported.
"""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.core.checks import Context, Note, differs, rule
from jixiao.core.dossier import Comparator
from jixiao.core.ledgers.backing import Backing, BackingStatus
from jixiao.core.numbers import format_in_unit


def _backings(context: Context, status: BackingStatus) -> Iterator[Backing]:
    if context.ledgers is not None:
        yield from (b for b in context.ledgers.backings if b.status is status)


def _computed(backing: Backing) -> str:
    aggregate = backing.aggregate
    return f"{aggregate.text}（从{aggregate.count}条记录计算）"


@rule(
    "ledgers.E001",
    "填报的完成值没有台账支持，也未说明理由",
    "A claimed actual the ledger does not support, without a reason",
)
def unsupported_claim(context: Context) -> Iterator[Note]:
    for backing in _backings(context, BackingStatus.UNSUPPORTED):
        indicator = context.dossier.indicators[backing.position]
        aggregate = backing.aggregate
        yield Note(
            f"指标“{indicator.name}”填报完成值“{backing.claim_text}”，台账计算为{_computed(backing)}，"
            "二者不符且未说明理由；已按台账计算值评价",
            f"{indicator.name}: the claimed {backing.claim_text} is not supported by the ledger"
            f" ({aggregate.label_en}: {aggregate.text} from {aggregate.count} records), and no reason"
            " is given; the ledger's value is used",
            "改正完成值，或填写改填原因，写明不采用台账计算值的理由",
            f"indicators[{backing.position}].actual",
            indicator.source,
            hint_en="Correct the actual, or give the reason for typing over the ledger's value",
        )


@rule(
    "ledgers.W001",
    "完成值取自台账，但台账中没有当年记录",
    "An actual named from a ledger that has no records for the year",
)
def no_records(context: Context) -> Iterator[Note]:
    for backing in _backings(context, BackingStatus.NO_RECORDS):
        indicator = context.dossier.indicators[backing.position]
        aggregate = backing.aggregate
        claim = f"，填报的“{backing.claim_text}”未经核实" if backing.claim_text else ""
        yield Note(
            f"指标“{indicator.name}”的完成值取自台账“{aggregate.label}”，"
            f"但台账中没有{context.dossier.year}年的相关记录{claim}",
            f"{indicator.name} takes its actual from the ledger's {aggregate.label_en}, but it has no"
            f" records for {context.dossier.year}",
            "补录当年的台账记录，或取消该指标与台账的关联，改为手工填写完成值并注明来源",
            f"indicators[{backing.position}].actual_from",
            indicator.source,
            hint_en="Enter the year's ledger records, or unlink the indicator from the ledger and type its actual with its source",
        )


@rule(
    "ledgers.I001",
    "完成值按说明的理由改写，未采用台账计算值",
    "An actual typed over the ledger's value, with its reason",
)
def overridden(context: Context) -> Iterator[Note]:
    for backing in _backings(context, BackingStatus.OVERRIDDEN):
        indicator = context.dossier.indicators[backing.position]
        yield Note(
            f"指标“{indicator.name}”填报完成值“{backing.claim_text}”，台账计算为{_computed(backing)}；"
            f"改写理由：{backing.reason}",
            f"{indicator.name}: {backing.claim_text} typed over the ledger's"
            f" {backing.aggregate.text}; reason: {backing.reason}",
            "确认改写理由有佐证材料；能补录台账的，补录后删除改写",
            f"indicators[{backing.position}].override_reason",
            indicator.source,
            hint_en="Make sure the reason has evidence; where the ledger can be completed, do so and drop the override",
        )


@rule(
    "ledgers.I002",
    "定量指标的完成值为手工填写，未关联台账",
    "A quantitative actual typed by hand, not linked to a ledger",
)
def typed_by_hand(context: Context) -> Iterator[Note]:
    if context.ledgers is None:
        return
    for n, indicator in enumerate(context.dossier.indicators):
        if (
            indicator.actual_from is None
            and indicator.actual is not None
            and indicator.comparator is not Comparator.QUALITATIVE
        ):
            yield Note(
                f"指标“{indicator.name}”的完成值为手工填写，没有关联台账汇总项",
                f"the actual of {indicator.name} is typed, not computed from a ledger",
                "为该指标选择计算完成值的台账汇总项（完成值来自台账）",
                f"indicators[{n}].actual_from",
                indicator.source,
                hint_en="Choose the ledger aggregate its actual is computed from (actual from a ledger)",
            )


# A dossier figure and the aggregate that records the same thing.
CROSS_CHECKS = {"assets.fixed_added": "fixed_assets.additions_value"}


@rule(
    "ledgers.W002",
    "报告数字与台账汇总不一致",
    "A figure of the report differs from the ledger's",
)
def figure_differs_from_ledger(context: Context) -> Iterator[Note]:
    if context.ledgers is None:
        return
    for figure_key, aggregate_key in CROSS_CHECKS.items():
        figure = context.book.figure(figure_key)
        aggregate = context.ledgers.book.get(aggregate_key)
        if figure.value is None or not aggregate.has_records or aggregate.value is None:
            continue
        if differs(figure.value, aggregate.value):
            yield Note(
                f"{figure.label}：报告为{format_in_unit(figure.value, figure.unit)}{figure.unit}，"
                f"台账“{aggregate.label}”为{aggregate.text}（从{aggregate.count}条记录计算）",
                f"{figure.label}: {figure.value} {figure.unit} in the report, {aggregate.text}"
                f" from {aggregate.count} records of the ledger",
                "核对台账与报告，更正其中有误的一方",
                figure_key,
                hint_en="Compare the ledger with the report and correct whichever is wrong",
            )
