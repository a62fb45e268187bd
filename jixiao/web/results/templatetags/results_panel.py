"""``{% previous_results submission section_key %}``: last round's decision and open 整改 items,
shown while a unit sets its goals and indicators for the next year (empty elsewhere)."""

from __future__ import annotations

from typing import Any

from django import template

from jixiao.web.results.selectors import (
    decision_text,
    english,
    items_for,
    previous_results,
    published_decision,
    today,
)

register = template.Library()

TARGET_SECTIONS = frozenset({"goals", "indicators"})


@register.inclusion_tag("results/_previous_panel.html")
def previous_results_panel(submission: Any, section_key: str) -> dict[str, Any]:
    if section_key not in TARGET_SECTIONS:
        return {"previous": None}
    return {"previous": previous_results(submission), "today": today()}


@register.inclusion_tag("results/_published_panel.html")
def published_results_panel(submission: Any) -> dict[str, Any]:
    """The use of results on the public report page: only a decision the bureau published."""
    decision = published_decision(submission)
    return {
        "decision": decision,
        "decision_text": decision_text(decision, "en" if english() else "zh"),
        "items": items_for(submission) if decision else [],
        "today": today(),
    }
