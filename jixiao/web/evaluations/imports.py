"""Reading an uploaded file into dossier data: a jixiao dossier, the Excel template, or a report.

Dossier files (.yaml/.yml/.json) are read exactly; Excel workbooks and last year's report
(.xlsx, .docx, .pdf, .txt) go through ``jixiao.importers``, whose findings about what they could
not read are returned as notes for the user to check. Uploads are written to a private temporary
directory (importers read paths) and removed afterwards.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from jixiao.io.dossiers import dossier_from_text, dossier_to_data
from jixiao.web.evaluations.permissions import ActionRefused

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
            f"不支持的文件类型 {suffix or '(无扩展名)'}，可上传 {' '.join(ACCEPTED)} / unsupported file type",
            code="invalid",
        )
    if upload.size and upload.size > MAX_BYTES:
        raise ActionRefused("文件过大（上限 30 MB）/ file too large (30 MB max)", code="invalid")
    if suffix in DOSSIER_SUFFIXES:
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ActionRefused(
                "档案文件应为 UTF-8 编码 / the file must be UTF-8", code="invalid"
            ) from None
        return dossier_to_data(dossier_from_text(text, origin=name)), []
    try:
        from jixiao.importers.files import import_file
    except ImportError:
        raise ActionRefused(
            "导入模块尚未安装 / importers are not installed", code="invalid"
        ) from None
    with tempfile.TemporaryDirectory(prefix="jixiao-upload-") as folder:
        path = Path(folder) / name
        with path.open("wb") as handle:
            for chunk in upload.chunks():
                handle.write(chunk)
        result = import_file(path)
    notes = [
        f"{f.id}：{f.message}{('（' + f.where + '）') if f.where else ''}" for f in result.findings
    ]
    return dossier_to_data(result.dossier), notes


def template_bytes() -> bytes:
    try:
        from jixiao.importers.xlsx import write_template
    except ImportError:
        raise ImportUnavailable(
            "Excel 模板模块尚未安装 / the Excel template is not available"
        ) from None
    with tempfile.TemporaryDirectory(prefix="jixiao-template-") as folder:
        path = Path(folder) / "template.xlsx"
        write_template(path)
        return path.read_bytes()
