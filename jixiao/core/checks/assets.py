"""Asset rules: completeness, fixed assets against capital spending, use of fixed assets."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.core.checks import Context, Note, differs, rule
from jixiao.core.figures import format_number


@rule("assets.W001", "未填报资产总额", "Net assets not reported")
def missing_assets(context: Context) -> Iterator[Note]:
    if context.book.value("assets.total_net") is None:
        yield Note(
            "未填报年末资产总额（账面净值）",
            "net assets at year end missing",
            "从资产年报或决算报表填报",
            "assets.total_net",
            hint_en="Take it from the annual asset report or the final accounts",
        )


@rule("assets.W002", "当年配置固定资产超过资本性支出", "Fixed assets added exceed capital spending")
def added_vs_capital(context: Context) -> Iterator[Note]:
    added = context.book.value("assets.fixed_added")
    capital = context.book.value("executed.capital") or context.book.value("budget.capital")
    if added is not None and capital is not None and added > capital and differs(added, capital):
        yield Note(
            f"当年配置固定资产{format_number(added)}万元，超过资本性支出{format_number(capital)}万元",
            "fixed assets added exceed capital expenditure",
            "核对资产配置来源（调拨、捐赠）或资本性支出口径",
            "assets.fixed_added",
            hint_en="Check where the assets came from (transfers, donations) or how capital spending is counted",
        )


@rule("assets.E002", "在用固定资产超过固定资产总额", "Fixed assets in use exceed all fixed assets")
def in_use_exceeds_total(context: Context) -> Iterator[Note]:
    in_use, total = (
        context.book.value("assets.fixed_in_use"),
        context.book.value("assets.fixed_total"),
    )
    if in_use is not None and total is not None and in_use > total:
        yield Note(
            f"在用固定资产{format_number(in_use)}万元大于固定资产总额{format_number(total)}万元",
            "fixed assets in use exceed the total",
            "核对资产卡片数据",
            "assets.fixed_in_use",
            hint_en="Check the asset register",
        )
