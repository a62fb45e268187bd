"""A list of the department's units, one numbered item each: the items' figures are the units'.

A 主管部门 that consolidates its units often lists them before its own totals, one item a unit
with that unit's staff and money ("1.局机关：编制17名，在职16人，退休9人；2020年全年预算812.64
万元…" / "2.县水利工程建设服务中心：编制22名…"). Every figure on such an item is the unit's, not
the department's (the whole is stated elsewhere, or not at all). A list is two items or more, each
opening on its number and a body's name before a colon; an item naming the department itself
(its own name) or the whole (全局, 系统, 合计…) is no unit's.
"""

from __future__ import annotations

import re

from jixiao.importers.document import Line
from jixiao.importers.patterns import CJK

_UNIT_ITEM = re.compile(
    rf"^\s*(?:\(?[一二三四五六七八九十\d]{{1,2}}[)、.]|[①-⑩])\s*"
    rf"([{CJK}()]{{1,24}}?(?:机关本级|机关|本级|中心|站|所|院|队|馆|处|局|学校|中学|小学|幼儿园|医院|社))"
    r"\s*:"
)
_WHOLE = re.compile(r"全局|全委|系统|合计|汇总|整体|部门|单位情况")
_MIN_ITEMS = 2


def unit_item_lines(lines: list[Line], department: str | None = None) -> set[int]:
    """The indexes of the lines that are items of a list of units (see the module); an item
    naming the *department* (its full name, or its end: "县水利局") is its own, no unit's."""
    items = []
    for line in lines:
        match = _UNIT_ITEM.match(line.text)
        if match is None or _WHOLE.search(match.group(1)):
            continue
        name = match.group(1)
        if department and len(name) > 2 and department.endswith(name.lstrip("县市区省")):
            continue
        items.append(line.index)
    return set(items) if len(items) >= _MIN_ITEMS else set()
