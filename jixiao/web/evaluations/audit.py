"""Per-field differences between two versions of dossier data, for the audit trail.

Data is flattened to ``path → value`` (``staffing.in_service.参照公务员管理``, ``indicators[2].actual``,
the same paths findings use), and the differences are listed as ``{"path", "old", "new"}`` with
values as text (None when absent). For people, :func:`change_place` names a changed path in
words and :func:`state_label` a stored state ("draft" → 草稿).
"""

from __future__ import annotations

from typing import Any, Literal

from django.utils.translation import gettext

from jixiao.core.dossier import Dossier
from jixiao.core.locations import describe_path
from jixiao.web.evaluations.models import State
from jixiao.web.evaluations.vocabulary import in_english


def state_label(value: str) -> str:
    """A stored state in words; the empty state before the first one is 新建 (created)."""
    if not value:
        return gettext("新建")
    try:
        return str(State(value).label)
    except ValueError:
        return value


def change_place(
    path: str,
    dossier: Dossier | None,
    lang: Literal["zh", "en"] = "zh",
    item_names: dict[str, str] | None = None,
) -> str:
    """A changed path in words: a dossier field, a finance re-score, or the entry deadline."""
    if path == "extended_until":
        return gettext("填报截止时间（延期）")
    if path.startswith("rescore."):
        item = path.removeprefix("rescore.")
        return f"{gettext('财政复核评分')} · {(item_names or {}).get(item, item)}"
    words = in_english if lang == "en" else None
    return describe_path(path, dossier, lang, item_names=item_names, words=words) or path


def flatten(data: Any, prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    if isinstance(data, dict):
        if not data and prefix:
            flat[prefix] = {}
        for key, value in data.items():
            flat.update(flatten(value, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(data, list | tuple):
        if not data and prefix:
            flat[prefix] = []
        for index, value in enumerate(data):
            flat.update(flatten(value, f"{prefix}[{index}]"))
    else:
        flat[prefix] = data
    return flat


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if value == {} or value == []:
        return ""
    return str(value)


def diff(old: Any, new: Any) -> list[dict[str, str | None]]:
    """Changed leaves between *old* and *new*, in the order of the new data, then removed ones."""
    before, after = flatten(old or {}), flatten(new or {})
    changes = []
    for path, value in after.items():
        if path not in before or _text(before[path]) != _text(value):
            changes.append({"path": path, "old": _text(before.get(path)), "new": _text(value)})
    for path, value in before.items():
        if path not in after:
            changes.append({"path": path, "old": _text(value), "new": None})
    return [c for c in changes if c["old"] != c["new"]]
