"""``{{ value|cell:kind }}``: a dashboard table cell shown by its column's kind.

Numbers follow the one rule of :mod:`jixiao.core.numbers` (through the ``jixiao_numbers``
filters): scores and rates with at most two decimals, amounts with two, counts whole; no value
is "—"; ``bool`` is 是/否; text is data (marked ``lang="zh"`` on an English page).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django import template
from django.utils import timezone
from django.utils.translation import gettext as _

from jixiao.web.evaluations.templatetags.jixiao_i18n import term, zh
from jixiao.web.evaluations.templatetags.jixiao_numbers import count, money, rate, score

register = template.Library()
SHOWN = {"score": score, "percent": rate, "money": money, "int": count}


@register.filter
def cell(value: Any, kind: str) -> Any:
    if value is None or value == "":
        return "—"
    if kind == "bool":
        return _("是") if value else _("否")
    if kind == "term":
        return term(value)
    if kind in SHOWN:
        return SHOWN[kind](value)
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    return zh(value)  # names and stored words: data, marked Chinese on an English page


@register.filter
def at(values: Any, index: int) -> Any:
    """The item at *index* of a list (templates cannot subscript with a variable)."""
    try:
        return values[index]
    except (IndexError, KeyError, TypeError):
        return None


@register.filter
def sees_dashboards(user: Any) -> bool:
    """Whether *user* may open round dashboards (reviewers; not unit roles)."""
    from jixiao.web.oversight.selectors import may_see_dashboards

    return bool(getattr(user, "is_authenticated", False)) and may_see_dashboards(user)
