"""Template filters for a page in two languages whose data is Chinese.

- ``{{ value|zh }}``: user data (org names, notices, narratives, indicator names) marked
  ``lang="zh"``, so a screen reader reads it as Chinese on an English page;
- ``{{ value|term }}``: a fixed word the core stores in Chinese (年初预算, 优, 产出…), shown
  through gettext; a word without a translation stays Chinese, marked ``lang="zh"``;
- ``{{ finding|english:"message" }}``: a record's ``message_en`` (``hint_en``, ``explanation_en``…)
  on an English page when it has one, else its ``message``.
"""

from __future__ import annotations

import re
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language, gettext

register = template.Library()

CHINESE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def is_english() -> bool:
    return (get_language() or "").startswith("en")


@register.filter
def zh(value: Any) -> SafeString | str:
    """User data, marked as Chinese when it has Chinese in it."""
    text = "" if value is None else str(value)
    return format_html('<span lang="zh">{}</span>', text) if CHINESE.search(text) else text


@register.filter
def term(value: Any) -> SafeString | str:
    """A stored Chinese word in the page's language (untranslated: kept, marked Chinese)."""
    text = "" if value is None else str(value)
    return zh(gettext(text)) if text else text


@register.filter
def english_of(record: Any, field: str) -> str:
    """*record*'s ``field_en`` on an English page when present, else its *field*."""
    get = (
        record.get
        if isinstance(record, dict)
        else lambda key, default: getattr(record, key, default)
    )
    if is_english():
        english = get(f"{field}_en", "")
        if english:
            return str(english)
    return str(get(field, "") or "")


@register.filter
def english(record: Any, field: str) -> SafeString | str:
    return zh(english_of(record, field))
