"""``{% target_review_panel submission section_key %}``: the target review of a report
(``jixiao.core.analytics.targets`` through ``oversight.analysis.live_target_flags``) beside
its indicators: on the submission page for everyone who may read it (``section_key`` empty),
and on the indicator form while the unit enters its targets, after each save.

On the form the flags that a catalogue rule already reports at the field (``finding_id``:
措辞含糊 ``indicators.W001``, 缺目标值 ``W002``, 不涉及却有分值 ``E001``, 超额 ``W004``) are
left to those findings; the submission page lists every flag, each with its rule id if any.
"""

from __future__ import annotations

from typing import Any

from django import template

from jixiao.web.evaluations.templatetags.jixiao_i18n import is_english
from jixiao.web.oversight import analysis

register = template.Library()

FORM_SECTIONS = frozenset({"indicators"})


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


@register.inclusion_tag("oversight/_target_panel.html")
def target_review_panel(submission: Any, section_key: str = "") -> dict[str, Any]:
    on_form = bool(section_key)
    version = submission.current_version
    if (on_form and section_key not in FORM_SECTIONS) or version is None:
        return {"shown": False}
    flags, with_peers = analysis.live_target_flags(submission, version.data)
    english = is_english()
    shown = [
        {
            "kind": flag.kind,
            "indicator": flag.indicator_name,
            # the English message is a sentence that states the figures compared; the evidence is
            # given in English too (compared figures, or the report's own words)
            "message": _sentence(flag.message_en) if english else flag.message,
            "evidence": flag.evidence_in_english if english else flag.evidence,
            "finding_id": flag.finding_id,
        }
        for flag in flags
        if not (on_form and flag.finding_id)
    ]
    return {
        "shown": True,
        "on_form": on_form,
        "flags": shown,
        "left_to_findings": sum(1 for flag in flags if on_form and flag.finding_id),
        "with_peers": with_peers,
        "submission": submission,
    }
