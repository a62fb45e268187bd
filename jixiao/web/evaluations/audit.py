"""Per-field differences between two versions of dossier data, for the audit trail.

Data is flattened to ``path → value`` (``staffing.in_service.参照公务员管理``, ``indicators[2].actual``,
the same paths findings use), and the differences are listed as ``{"path", "old", "new"}`` with
values as text (None when absent).
"""

from __future__ import annotations

from typing import Any


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
