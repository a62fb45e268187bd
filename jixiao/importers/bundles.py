"""A publication bundle: the department's whole-spending form published with its projects' forms.

A finance bureau's page often puts the 项目支出绩效自评表 of a department's key projects before or
after its 部门整体支出绩效自评表. Each project form has a money block of its own (年度资金总额,
全年预算数, 全年执行数, 执行率), a score table and a 总分: the readers would take them for the
department's. When the text holds a department-level form or report as well (a line naming
部门整体 / 整体支出), each project's section is set aside before reading: from a line that opens a
project form (a 项目支出绩效自评表 title, or "项目名称：…") to the next line that opens something
else (the department's form or report, a numbered heading that is no project's). The lines are
blanked, not removed, so every place the readers name stays where it was in the file.

A text with project forms only stays whole: `text.py` reads it as a project form (import.I015).
"""

from __future__ import annotations

import re
from dataclasses import replace

from jixiao.importers.document import Block

_WHOLE = re.compile(r"部门整体|整体支出|部门\(单位\)整体|单位整体")
_PROJECT_TITLE = re.compile(r"项目(?:支出)?(?:绩效)?(?:自评|评价)表")
_PROJECT_HEAD = re.compile(r"^\s*项目名称\s*[:：]")
# a numbered heading ("二、…", "（三）…", "附件2", "表3") that may end a project's section
_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[)）]|附件\s*\d|表\s*\d)"
)


def set_aside_project_forms(blocks: list[Block]) -> tuple[list[Block], list[str]]:
    """*blocks* with each project form's lines blanked (see the module's docstring), and the
    projects' names (or titles) set aside; unchanged when the text holds no department-level
    form or report beside them."""
    lines = [line for block in blocks for line in block.text.split("\n")]
    if not any(_WHOLE.search(line) and not _PROJECT_TITLE.search(line) for line in lines):
        return blocks, []
    blank = _project_lines(lines)
    if not blank:
        return blocks, []
    names = [_name(lines[n]) for n in sorted(blank) if _opens_project(lines[n])]
    out: list[Block] = []
    at = 0
    for block in blocks:
        parts = block.text.split("\n")
        kept = [" " * len(part) if at + k in blank else part for k, part in enumerate(parts)]
        at += len(parts)
        out.append(replace(block, text="\n".join(kept)))
    return out, [name for name in names if name]


def _opens_project(line: str) -> bool:
    return bool(_PROJECT_HEAD.match(line)) or (
        bool(_PROJECT_TITLE.search(line))
        and not _WHOLE.search(line)
        and len(line.strip()) <= 60
        and "。" not in line
    )


def _project_lines(lines: list[str]) -> set[int]:
    blank: set[int] = set()
    inside = False
    for n, line in enumerate(lines):
        if _opens_project(line):
            inside = True
        elif inside and (_WHOLE.search(line) or _HEADING.match(line)):
            inside = False
        if inside:
            blank.add(n)
    return blank


def _name(line: str) -> str:
    head = _PROJECT_HEAD.match(line)
    text = line[head.end() :] if head else line
    return re.split(r"\s{2,}|\t", text.strip())[0][:40]
