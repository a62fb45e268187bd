"""Where a figure was stated: the place a finding about it points at, and the places of its inputs.

A finding about figures that contradict each other points at one place (its ``where.source``) and
names the others in its hint, so a reader can find every figure the contradiction involves.
"""

from __future__ import annotations

from jixiao.core.checks import Context
from jixiao.core.dossier import COMPOSITION_ITEMS, Item, Phase, Source
from jixiao.core.figures import FIGURES_BY_KEY

# what the money lines of a figure are (item, and budget or spending by the key's prefix)
_ITEMS: dict[str, frozenset[Item]] = {
    "budget.total": COMPOSITION_ITEMS,
    "executed.total": COMPOSITION_ITEMS,
    "executed.carryover_end": frozenset({Item.CARRYOVER_END}),
    "budget.carryover_prior": frozenset({Item.CARRYOVER_PRIOR}),
    "income.total": frozenset({Item.INCOME}),
    "income.other": frozenset({Item.OTHER_INCOME}),
}
_SPENDING = frozenset({Phase.EXECUTED, Phase.FINAL})


def place_of(context: Context, key: str) -> Source | None:
    """The source of figure *key*: its statement's, else the money line of its kind that alone is
    the figure (a total made of several lines has no one place)."""
    statement = context.dossier.stated_value(key)
    if statement is not None and statement.source is not None:
        return statement.source
    value, items = context.book.value(key), _ITEMS.get(key)
    if value is None or items is None:
        return None
    money = context.dossier.money
    for line in money.lines:
        if line.item not in items or line.source is None:
            continue
        if key.startswith(("budget.", "executed.")) and (line.phase in _SPENDING) != (
            key.startswith("executed.")
        ):
            continue
        amount = money.total([line])
        if amount is not None and amount.wan == value:
            return line.source
    return None


def places_hint(context: Context, keys: tuple[str, ...]) -> tuple[str, str]:
    """ "（支出：r.txt 第3段；预算：r.txt 第2段）" for the keys whose place is known (zh, en)."""
    zh, en = [], []
    for key in keys:
        source = place_of(context, key)
        if source is None or key not in FIGURES_BY_KEY:
            continue
        figure = FIGURES_BY_KEY[key]
        zh.append(f"{figure.label}：{source.describe()}")
        en.append(f"{figure.label_en}: {source.describe()}")
    if not zh:
        return "", ""
    return f"（{'；'.join(zh)}）", f" ({'; '.join(en)})"
