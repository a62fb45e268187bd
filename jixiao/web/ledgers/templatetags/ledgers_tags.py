"""Template filters of the ledgers app."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def backing_of(backings: dict[str, Any] | None, indicator_id: str) -> Any:
    """The ledger backing of one indicator on the submission page (None when not backed)."""
    return (backings or {}).get(indicator_id)
