"""Refuse inputs that would exhaust memory or time: huge files and zip bombs (.docx, .xlsx).

Office files are zip archives; a small archive can expand to gigabytes. Member sizes are
checked from the zip directory *before* anything is decompressed, and each member's
compression ratio is bounded.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from jixiao.core.errors import InputError

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 300 * 1024 * 1024
MAX_MEMBER_BYTES = 100 * 1024 * 1024
MAX_RATIO = 200
MAX_MEMBERS = 5000


def check_file(path: Path, kind_zh: str, kind_en: str) -> None:
    """The file exists, is a file and is not larger than MAX_FILE_BYTES."""
    if not path.is_file():
        raise InputError.single(
            str(path), "", "文件不存在或不是文件", "file not found or not a file"
        )
    size = path.stat().st_size
    if size == 0:
        raise InputError.single(
            str(path), "", f"{kind_zh}文件是空的", f"the {kind_en} file is empty"
        )
    if size > MAX_FILE_BYTES:
        raise InputError.single(
            str(path),
            "",
            f"文件过大（{size // 1024 // 1024}MB，上限{MAX_FILE_BYTES // 1024 // 1024}MB）",
            f"file too large ({size // 1024 // 1024} MB, limit {MAX_FILE_BYTES // 1024 // 1024} MB)",
        )


def check_zip(path: Path, kind_zh: str, kind_en: str) -> None:
    """An Office file: a readable zip whose members are few and expand to a sane size."""
    check_file(path, kind_zh, kind_en)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise InputError.single(
            str(path),
            "",
            f"不是有效的{kind_zh}文件（文件损坏、被截断，或其实是别的格式）",
            f"not a valid {kind_en} file (damaged, truncated or another format)",
        ) from None
    if len(members) > MAX_MEMBERS:
        raise InputError.single(
            str(path),
            "",
            f"{kind_zh}文件内部条目过多（{len(members)}）",
            f"too many entries inside the {kind_en} file ({len(members)})",
        )
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > MAX_MEMBER_BYTES or ratio > MAX_RATIO:
            raise InputError.single(
                str(path),
                "",
                f"{kind_zh}文件内的“{member.filename}”解压后过大，疑似压缩炸弹，拒绝读取",
                f"“{member.filename}” inside the {kind_en} file expands too much (zip bomb?); refused",
            )
    if total > MAX_UNPACKED_BYTES:
        raise InputError.single(
            str(path),
            "",
            f"{kind_zh}文件解压后过大，拒绝读取",
            f"the {kind_en} file expands too much when unpacked; refused",
        )
