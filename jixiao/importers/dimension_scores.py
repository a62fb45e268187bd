"""The scores of the framework's first-level dimensions stated in prose, for the check that they
make the total the report states.

A conclusion often lists each dimension's score before the total: "决策类指标得分17分（满分20分），
…；过程类指标得分18.5分…；产出类指标得分36分…；效益类指标得分18分…。综合评分为90.5分". The
dimensions every framework has, each named once (决策 or the older 投入, 过程, 产出, 效益; 满意度
where it stands apart), are the total's parts: when they do not add up to it, one of the figures
is wrong (import.W020). A list that leaves one of them out says nothing of the total.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from jixiao.importers.patterns import NUMBER, parse_number

_DIMENSION = re.compile(
    r"(决策|投入|过程|产出|效益|满意度)(?:类|方面|部分)?(?:指标)?"
    r"(?:\((?:满分|分值|权重)?\s*\d{1,3}分?\))?"  # "决策（15分）得14分", "决策（满分20分）得17分"
    rf"(?:得分|得|评分|计)(?:为|:)?\s*({NUMBER})分"
)
# the dimensions every framework has: 决策 (投入 in the older ones), 过程, 产出, 效益
_EVERY_FRAMEWORK = ({"决策", "投入"}, {"过程"}, {"产出"}, {"效益"})


@dataclass(frozen=True)
class DimensionScore:
    name: str
    value: Decimal
    start: int  # in the text given
    end: int


def dimension_scores(text: str) -> list[DimensionScore]:
    """The dimensions' scores in *text* (a paragraph), or none: every framework's, each once."""
    found = []
    for match in _DIMENSION.finditer(text):
        value = parse_number(match.group(2))
        if value is not None:
            found.append(DimensionScore(match.group(1), value, match.start(), match.end()))
    names = [score.name for score in found]
    if len(set(names)) != len(names) or not all(set(names) & kind for kind in _EVERY_FRAMEWORK):
        return []
    return found
