"""Template filters for a page in two languages whose data is Chinese.

- ``{{ value|zh }}``: user data (org names, notices, narratives, indicator names) marked
  ``lang="zh"``, so a screen reader reads it as Chinese on an English page;
- ``{{ value|term }}``: a fixed word the core stores in Chinese (年初预算, 优, 产出…), shown
  through gettext; a word without a translation stays Chinese, marked ``lang="zh"``;
- ``{{ text|zh_runs }}``: a line the server built from frame words and user data (a row's
  summary): each Chinese run in it marked ``lang="zh"``;
- ``{{ entry.reason|reason }}``: an audit reason or notice: a system-written one (单位负责人审签 v2,
  see :mod:`jixiao.web.evaluations.reasons`) in the page's language, its Chinese runs (a file
  name) marked; a typed one as typed, marked as by ``zh``;
- ``{{ finding.id|finding_title:finding.title }}``: a finding rule's title in the page's language;
- ``{{ round.framework_id|framework_title }}``: a scoring framework by its title, not its id;
- ``{{ finding|english:"message" }}``: a record's ``message_en`` (``hint_en``, ``explanation_en``…)
  on an English page, else its ``message`` (marked as an untranslated fallback).
"""

from __future__ import annotations

import re
from typing import Any

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from jixiao.web.language import page_in_english

register = template.Library()

CHINESE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
CHINESE_RUN = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+")


def is_english() -> bool:
    return page_in_english()


@register.filter
def zh(value: Any) -> SafeString | str:
    """User data, marked as Chinese on an English page when it has Chinese in it (a Chinese page
    is Chinese already: no markup)."""
    text = "" if value is None else str(value)
    if not is_english() or not CHINESE.search(text):
        return text
    return format_html('<span lang="zh">{}</span>', text)


@register.filter
def term(value: Any) -> SafeString | str:
    """A stored Chinese word in the page's language (untranslated: kept, marked Chinese)."""
    text = "" if value is None else str(value)
    return zh(gettext(text)) if text else text


@register.filter
def english_of(record: Any, field: str) -> str:
    """*record*'s ``field_en`` on an English page when present, else its *field* (plain text)."""
    english, chinese = _fields(record, field)
    return english if is_english() and english else chinese


@register.filter
def english(record: Any, field: str) -> SafeString | str:
    """*record*'s *field* in the page's language, marked up.

    On an English page the English text is shown with any Chinese inside it (an indicator's or a
    unit's name) marked ``lang="zh"``; a record without its English falls back to the Chinese,
    marked ``lang="zh" class="untranslated"`` (the English-page test fails on that class).
    """
    english_text, chinese = _fields(record, field)
    if not is_english() or not chinese:
        return chinese
    if not english_text:
        return format_html('<span lang="zh" class="untranslated">{}</span>', chinese)
    if field in SENTENCES:  # the catalogue's English, like the command line's, starts lowercase
        english_text = english_text[:1].upper() + english_text[1:]
    return _mark_chinese_runs(english_text)


SENTENCES = frozenset({"message", "hint", "explanation"})


@register.filter
def zh_runs(value: Any) -> SafeString | str:
    """Frame text built around user data (目标 ≥ 10项): on an English page, the Chinese runs in
    it marked lang="zh"."""
    text = "" if value is None else str(value)
    return _mark_chinese_runs(text) if is_english() else text


@register.filter
def reason(value: Any) -> SafeString | str:
    """An audit reason or notice: system-written ones in the page's language, typed ones as
    typed (both with their Chinese marked on an English page)."""
    from jixiao.web.evaluations.reasons import in_words

    text, system = in_words("" if value is None else str(value))
    return zh_runs(text) if system else zh(text)


@register.filter
def framework_title(key: Any) -> str:
    """A round's scoring framework by its title (自评样式（…）), never its id (cn-2020-self)."""
    from jixiao.web.evaluations.forms_rounds import framework_name

    return framework_name(str(key) if key else None)


@register.filter
def finding_title(finding_id: Any, title: Any = "") -> str:
    """A finding id's catalogue title in the page's language: the rule's English title on an
    English page, else *title* (the Chinese the data carries) or the rule's Chinese title."""
    from jixiao.core.checks import RULES

    rule = RULES.get(str(finding_id))
    if rule is None:
        return str(title or "")
    if is_english() and rule.title_en:
        return rule.title_en
    return str(title or rule.title)


def _fields(record: Any, field: str) -> tuple[str, str]:
    if isinstance(record, dict):
        return str(record.get(f"{field}_en") or ""), str(record.get(field) or "")
    return str(getattr(record, f"{field}_en", "") or ""), str(getattr(record, field, "") or "")


def _mark_chinese_runs(text: str) -> SafeString:
    pieces, at = [], 0
    for run in CHINESE_RUN.finditer(text):
        pieces.append(conditional_escape(text[at : run.start()]))
        pieces.append(format_html('<span lang="zh">{}</span>', run.group()))
        at = run.end()
    pieces.append(conditional_escape(text[at:]))
    return mark_safe("".join(pieces))


@register.filter
def shown(bound: Any) -> SafeString | str:
    """A form field's value on a read-only page: a choice by its label in the page's language
    (完成值来自台账: 安全检查次数, not security.checks; 产出 as Outputs on an English page),
    other values as stored, "—" when empty; Chinese marked as by ``zh``."""
    value = bound.value()
    if value is None or value == "":
        return "—"
    for key, label in getattr(bound.field, "choices", None) or ():
        if str(key) == str(value):
            return zh(str(label))
    return zh(value)
