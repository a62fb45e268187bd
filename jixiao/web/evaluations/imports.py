"""Reading an uploaded file into dossier data: a jixiao dossier, the Excel template, or a report.

Dossier files (.yaml/.yml/.json) are read exactly; Excel workbooks and last year's report
(.xlsx, .docx, .pdf, .txt) go through ``jixiao.importers``, whose findings about what they could
not read are returned as notes for the user to check. Uploads are written to a private temporary
directory (importers read paths) and removed afterwards.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils.translation import gettext

from jixiao.core.errors import InputError
from jixiao.io.dossiers import dossier_from_text, dossier_to_data
from jixiao.web.evaluations.permissions import ActionRefused
from jixiao.web.language import page_in_english

DOSSIER_SUFFIXES = (".yaml", ".yml", ".json")
IMPORTER_SUFFIXES = (".xlsx", ".docx", ".pdf", ".txt")
ACCEPTED = DOSSIER_SUFFIXES + IMPORTER_SUFFIXES
MAX_BYTES = 30 * 1024 * 1024


class ImportUnavailable(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def read_upload(upload: Any) -> tuple[dict[str, Any], list[str]]:
    """(dossier data, notes for the user); InputError or ActionRefused for unusable files."""
    name = Path(upload.name or "upload").name
    suffix = Path(name).suffix.lower()
    if suffix not in ACCEPTED:
        raise ActionRefused(
            gettext("不支持的文件类型 %(suffix)s，可上传 %(accepted)s")
            % {"suffix": suffix or gettext("（无扩展名）"), "accepted": " ".join(ACCEPTED)},
            code="invalid",
        )
    if upload.size and upload.size > MAX_BYTES:
        raise ActionRefused(gettext("文件过大（上限 30 MB）"), code="invalid")
    if suffix in DOSSIER_SUFFIXES:
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ActionRefused(gettext("档案文件应为 UTF-8 编码"), code="invalid") from None
        return dossier_to_data(dossier_from_text(text, origin=name)), []
    try:
        from jixiao.importers.files import import_file
    except ImportError:
        raise ActionRefused(gettext("导入模块尚未安装"), code="invalid") from None
    with tempfile.TemporaryDirectory(prefix="jixiao-upload-") as folder:
        path = Path(folder) / name
        with path.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        try:
            result = import_file(path)
        except InputError as error:  # name the user's file, never the server's temporary path
            raise InputError(name, error.problems) from None
    return dossier_to_data(result.dossier), [_note(f) for f in result.findings]


def _note(finding: Any) -> str:
    """An importer's finding in the reader's language: what, where in the file, and its id."""
    zh, _, en = finding.message.partition(" / ")
    english = page_in_english() and en
    text = en if english else zh
    place = f"（{finding.where}）" if finding.where else ""
    return f"{text}{place}（{finding.id}）"


def template_bytes() -> bytes:
    try:
        from jixiao.importers.xlsx import write_template
    except ImportError:
        raise ImportUnavailable(gettext("Excel 模板模块尚未安装")) from None
    with tempfile.TemporaryDirectory(prefix="jixiao-template-") as folder:
        path = Path(folder) / "template.xlsx"
        write_template(path)
        return path.read_bytes()


# ── preview before an import is written ───────────────────────────────────────────────────

IDENTITY_PATHS = ("profile.name", "profile.code")  # the unit's own, kept unless asked otherwise
MODES = ("fill", "replace")


FIELD_BY_FIELD = frozenset({"profile", "narratives"})  # sections filled field by field


def merge_fill(current: dict[str, Any], imported: dict[str, Any]) -> dict[str, Any]:
    """*current* with only its empty parts taken from *imported*: what is entered always wins.

    A section (staffing, money, indicators, ...) is one piece: the file's fills it only when the
    draft's is empty, so two sources are never mixed in one table; the unit profile and the
    narratives are filled field by field."""
    merged = dict(current)
    for key, value in imported.items():
        mine = current.get(key)
        if _empty(mine):
            merged[key] = value
        elif key in FIELD_BY_FIELD and isinstance(mine, dict) and isinstance(value, dict):
            merged[key] = {**value, **{k: v for k, v in mine.items() if not _empty(v)}}
    return merged


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


@dataclass(frozen=True)
class Mismatch:
    what: str  # 单位 / 年度
    in_file: str
    here: str


def _is_source(path: str | None) -> bool:
    return bool(path) and (path == "sources" or str(path).startswith(("sources.", "sources[")))


@dataclass(frozen=True)
class ImportPreview:
    """What confirming the import would write, computed without writing anything."""

    data: dict[str, Any]  # the dossier data that would be saved
    changes: list[dict[str, str | None]]  # path, old, new
    mismatches: list[Mismatch]

    @property
    def shown(self) -> list[dict[str, str | None]]:
        """The changes a person checks one by one: the fields, not where in the file each number
        was read (``sources``, dozens of locator entries that go with the fields)."""
        return [c for c in self.changes if not _is_source(c["path"])]

    @property
    def source_count(self) -> int:
        return len(self.changes) - len(self.shown)

    @property
    def counts(self) -> dict[str, int]:
        """Added, removed and changed fields among those shown."""
        added = sum(1 for c in self.shown if c["old"] is None)
        removed = sum(1 for c in self.shown if c["new"] is None)
        return {
            "added": added,
            "removed": removed,
            "changed": len(self.shown) - added - removed,
        }


def build_preview(
    *,
    current: dict[str, Any],
    imported: dict[str, Any],
    unit_name: str,
    year: int,
    mode: str,
    keep_identity: bool,
) -> ImportPreview:
    """The data an import would save: all of the file (``replace``) or only what the draft lacks
    (``fill``); the unit's own name and code kept when *keep_identity*; the round's year always."""
    from jixiao.web.evaluations.audit import diff

    mismatches = []
    file_name = str(imported.get("profile", {}).get("name") or "")
    if file_name and file_name != unit_name:
        mismatches.append(Mismatch("单位", file_name, unit_name))
    file_year = imported.get("year")
    if file_year and str(file_year) != str(year):
        mismatches.append(Mismatch("年度", str(file_year), str(year)))
    data = merge_fill(current, imported) if mode == "fill" else dict(imported)
    if keep_identity:
        profile = dict(data.get("profile", {}))
        for path in IDENTITY_PATHS:
            key = path.split(".", 1)[1]
            kept = current.get("profile", {}).get(key)
            if kept:
                profile[key] = kept
            elif key == "name":
                profile[key] = unit_name
        data["profile"] = profile
    data["year"] = year
    changes = [{**c, "label": label(c["path"] or "", data)} for c in diff(current, data)]
    return ImportPreview(data=data, changes=changes, mismatches=mismatches)


def label(path: str, data: dict[str, Any]) -> str:
    """How a changed field is named to the user: in words, in the page's language (资金第4行 ·
    金额), never the path (money.lines[3].amount), which stays in the change's ``path``."""
    from jixiao.core.dossier import dossier_from_data
    from jixiao.web.evaluations.audit import change_place

    try:
        dossier = dossier_from_data(data)
    except InputError:
        dossier = None
    lang = "en" if page_in_english() else "zh"
    return change_place(path, dossier, lang)
