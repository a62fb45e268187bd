"""``{% previous_results submission section_key %}``: last round's decision and open 整改 items,
shown while a unit sets its goals and indicators for the next year (empty elsewhere)."""

from __future__ import annotations

from typing import Any

from django import template

from jixiao.web.results.selectors import previous_results, today

register = template.Library()

TARGET_SECTIONS = frozenset({"goals", "indicators"})


@register.inclusion_tag("results/_previous_panel.html")
def previous_results_panel(submission: Any, section_key: str) -> dict[str, Any]:
    if section_key not in TARGET_SECTIONS:
        return {"previous": None}
    return {"previous": previous_results(submission), "today": today()}
