"""Section wording: a finance bureau renames headings, the title and cover labels without code.

A wording file is YAML (see docs/customising-documents.md and examples/bureau-style/):

    title: "{department}{year}年度部门整体支出绩效自评报告"   # {department} {year} {method}
    subtitle: ""                                              # "" drops the subtitle
    sections:                  # by section key (stable) or by the heading's current title
      profile: 部门基本情况
      部门绩效实现情况: 部门整体支出绩效实现情况
    cover:
      method: 部门整体支出绩效自评
    cover_labels:              # the cover block's labels
      部门名称: 单位名称（盖章）

Only wording changes: numbering labels, figures, tables and their data are never touched. A key
that matches no section is an error (a typo would otherwise be silently ignored).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from jixiao.core.errors import InputError, Problem
from jixiao.core.report import Document, Section
from jixiao.renderers.common import COVER_LABEL_META

COVER_FIELDS = ("department", "method", "date", "notice")
COVER_LABELS = ("部门名称", "评价年度", "评价方式", "评价依据", "报告日期")
KNOWN_KEYS = ("title", "subtitle", "sections", "cover", "cover_labels")


@dataclass(frozen=True)
class Wording:
    """Validated contents of a wording file."""

    origin: str
    title: str | None = None
    subtitle: str | None = None
    sections: dict[str, str] = field(default_factory=dict)
    cover: dict[str, str] = field(default_factory=dict)
    cover_labels: dict[str, str] = field(default_factory=dict)


def _text_map(
    data: Any, where: str, origin: str, allowed: tuple[str, ...] | None
) -> dict[str, str]:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError.single(origin, where, "应为映射（键: 值）", "expected a mapping")
    problems = []
    for key, value in data.items():
        if allowed is not None and key not in allowed:
            problems.append(
                Problem(
                    f"{where}.{key}",
                    f"不认识的项，可用：{'、'.join(allowed)}",
                    f"unknown entry; expected one of {', '.join(allowed)}",
                )
            )
        if not isinstance(value, str):
            problems.append(Problem(f"{where}.{key}", "应为文字", "expected text"))
    if problems:
        raise InputError(origin, problems)
    return {str(k): v for k, v in data.items()}


def wording_from_data(data: Any, origin: str = "<wording>") -> Wording:
    """Validate wording data; InputError names the bad entry."""
    if data is None:
        return Wording(origin)
    if not isinstance(data, dict):
        raise InputError.single(origin, "", "应为映射（键: 值）", "expected a mapping")
    unknown = [k for k in data if k not in KNOWN_KEYS]
    if unknown:
        raise InputError(
            origin,
            [
                Problem(
                    str(k),
                    f"不认识的项，可用：{'、'.join(KNOWN_KEYS)}",
                    f"unknown entry; expected one of {', '.join(KNOWN_KEYS)}",
                )
                for k in unknown
            ],
        )
    for key in ("title", "subtitle"):
        if key in data and not isinstance(data[key], str):
            raise InputError.single(origin, key, "应为文字", "expected text")
    return Wording(
        origin=origin,
        title=data.get("title"),
        subtitle=data.get("subtitle"),
        sections=_text_map(data.get("sections"), "sections", origin, None),
        cover=_text_map(data.get("cover"), "cover", origin, COVER_FIELDS),
        cover_labels=_text_map(data.get("cover_labels"), "cover_labels", origin, COVER_LABELS),
    )


def load_wording(path: Path | str) -> Wording:
    """Read a wording YAML file (clear InputError for unreadable or malformed files)."""
    path = Path(path)
    try:
        text = path.read_text("utf-8")
    except OSError as error:
        raise InputError.single(
            str(path), "", f"无法读取文件：{error.strerror}", f"cannot read: {error.strerror}"
        ) from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise InputError.single(
            str(path), "", "YAML 格式错误", f"invalid YAML: {error}", line
        ) from None
    return wording_from_data(data, str(path))


def _fill(template: str, document: Document) -> str:
    values = {
        "department": document.cover.department,
        "year": str(document.cover.year),
        "method": document.cover.method,
    }
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template


def apply_wording(document: Document, wording: Wording) -> Document:
    """The document with the bureau's wording; an unmatched section name is an InputError."""
    used: set[str] = set()

    def rename(section: Section) -> Section:
        new_title = section.title
        for name in (section.key, section.title):
            if name and name in wording.sections:
                new_title = wording.sections[name]
                used.add(name)
                break
        children = tuple(rename(child) for child in section.children)
        return replace(section, title=new_title, children=children)

    sections = tuple(rename(s) for s in document.sections)
    attachments = tuple(rename(s) for s in document.attachments)
    unused = [name for name in wording.sections if name not in used]
    if unused:
        raise InputError(
            wording.origin,
            [
                Problem(
                    f"sections.{name}",
                    "报告中没有这个章节（键或标题）",
                    "no section has this key or title",
                )
                for name in unused
            ],
        )
    meta = dict(document.meta)
    meta.update({COVER_LABEL_META + k: v for k, v in wording.cover_labels.items()})
    return replace(
        document,
        title=_fill(wording.title, document) if wording.title is not None else document.title,
        subtitle=wording.subtitle if wording.subtitle is not None else document.subtitle,
        cover=replace(document.cover, **wording.cover),  # type: ignore[arg-type]
        sections=sections,
        attachments=attachments,
        meta=meta,
    )
