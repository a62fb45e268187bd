"""The reasons and notices the *system* writes into audit trails, in one registry.

Audit rows (a submission's 审计记录, the ledger change logs, the results 操作记录) keep a free-text
``reason``. Most are typed by people (a return reason, a decision's 理由) and stay as typed. Some
are written by the system: 单位负责人审签 v2, 负责人审签因修改失效, 导入 03.txt（只填入空白）…
Each of those is a :class:`Template` here, defined once, and used both where the row is written
(``SIGN_OFF(n=2)`` gives the text to store) and where it is shown (:func:`in_words` recognises
the stored text and gives it in the reader's language), so the two cannot drift.

Why recognise at display time rather than store a template key and its parameters beside the text
(a migration): the stored text stays the same Chinese as before, so the audit CSV, exports and
every row already written remain valid and are read in English without a data migration (which
would itself have had to recognise the old texts, i.e. need this registry anyway). The text is
always written in Chinese, whatever the writer's page language; rows written in English by
earlier versions (which used ``gettext`` when writing) are recognised by their English too.

A stored reason may join several parts with "；" (a typed note, then 负责人审签因修改失效): each
part is recognised on its own, the others are user text and stay as typed. A text nobody
recognises is user text, unchanged. The English of each template is in the catalogue like every
other string (``locale/translate_en.py``); the msgids are the Chinese templates below.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from django.utils import translation
from django.utils.translation import gettext, gettext_noop, pgettext, pgettext_lazy

SEPARATOR = gettext_noop("；")  # joins the parts of a stored reason


class Template:
    """One system-written text: *zh* is a Chinese msgid with ``%(name)s`` parameters, and
    *context* its msgctxt when the same Chinese means something else elsewhere (a button)."""

    def __init__(self, zh: str, context: str = "") -> None:
        self.zh, self.context = zh, context
        self.names = re.findall(r"%\((\w+)\)s", zh)
        REGISTRY.append(self)

    def __call__(self, **params: Any) -> str:
        """The text to store: always the Chinese, whatever language the writer's page is in."""
        return self.zh % params

    def in_words(self, params: dict[str, str]) -> str:
        """The text in the active language."""
        return self.english_or_chinese() % params

    def english_or_chinese(self) -> str:
        """The template in the active language."""
        return pgettext(self.context, self.zh) if self.context else gettext(self.zh)

    def match(self, text: str) -> dict[str, str] | None:
        """The parameters of *text* when it is this template (in Chinese, or in the English
        rows written by earlier versions stored), else None."""
        for pattern in _patterns(self):
            found = pattern.fullmatch(text)
            if found:
                return found.groupdict()
        return None


REGISTRY: list[Template] = []


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"%\((\w+)\)s", template)
    regex = "".join(
        re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts)
    )
    return re.compile(regex, re.DOTALL)


@cache
def _patterns(template: Template) -> tuple[re.Pattern[str], ...]:
    with translation.override("en"):
        english = template.english_or_chinese()
    texts = [template.zh] if english == template.zh else [template.zh, english]
    return tuple(_pattern(t) for t in texts)


# ── the registry: every reason or notice the system writes ─────────────────────────────────

# a submission's audit trail (evaluations)
SIGN_OFF = Template(gettext_noop("单位负责人审签 v%(n)s"))
SIGN_OFF_VOID = Template(gettext_noop("负责人审签因修改失效"))
NEW_VERSION = Template(gettext_noop("已批准版本不可修改，修改记入新版本"))
WAIVE = Template(gettext_noop("豁免 %(id)s"))
UNWAIVE = Template(gettext_noop("撤销豁免 %(id)s"))
EVIDENCE = Template(gettext_noop("佐证材料 %(name)s"))
IMPORT_FILL = Template(gettext_noop("导入 %(name)s（只填入空白）"))
IMPORT_REPLACE = Template(gettext_noop("导入 %(name)s（替换全部）"))
BATCH_IMPORT = Template(gettext_noop("批量导入 %(name)s"))
LEDGER_FOLLOW = Template(gettext_noop("台账更新：实际完成值按台账重新计算"))
LEDGER_OVERRIDE = Template(gettext_noop("%(id)s 改填台账计算值，原因：%(reason)s"))
# the ledger change logs
LEDGER_IMPORT = Template(gettext_noop("%(file)s：%(n)s 条记录"))
SURVEY_OPEN = Template(gettext_noop("发布问卷“%(title)s”"))
SURVEY_REOPEN = Template(gettext_noop("重新开放问卷“%(title)s”"))
SURVEY_CLOSE = Template(gettext_noop("停止收集“%(title)s”"))
# a rectification item's updates (results)
CONFIRMED = Template("确认完成", context="audit notice")  # not the button 确认完成 (Confirm done)
pgettext_lazy("audit notice", "确认完成")  # for makemessages, which reads a msgctxt from a call


def join(*parts: str) -> str:
    """The parts of a stored reason (empty ones left out) as one text."""
    return SEPARATOR.join(filter(None, parts))


def _part(text: str) -> tuple[str, bool]:
    for template in REGISTRY:
        params = template.match(text)
        if params is not None:
            return template.in_words(params), True
    return text, False


def in_words(reason: str | None) -> tuple[str, bool]:
    """*reason* in the active language, and whether any of it was system-written.

    A user's text comes back unchanged (False); a system text (or a joined text with system
    parts) comes back translated part by part, the user parts as typed (True). Parts first:
    a template whose parameter ends the text would otherwise swallow the parts after it."""
    text = reason or ""
    if not text:
        return "", False
    parts = [_part(p) for p in text.split(SEPARATOR)]
    if any(known for _, known in parts):
        return gettext(SEPARATOR).join(p for p, _ in parts), True
    return _part(text)  # a parameter (a typed reason) may hold the separator itself


def reason_text(reason: str | None) -> str:
    """*reason* in the active language, as plain text (for CSV and lists)."""
    return in_words(reason)[0]
