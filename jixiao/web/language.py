"""The language a request is served in: Chinese first, English the UI's second language."""

from __future__ import annotations

from django.utils import translation


def page_in_english() -> bool:
    """Whether the request is served in English."""
    return (translation.get_language() or "").startswith("en")
