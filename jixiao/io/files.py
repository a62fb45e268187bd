"""Reading an input file's bytes with the checks every reader needs, as bilingual errors."""

from __future__ import annotations

from pathlib import Path

from jixiao.core.errors import InputError


def read_input_bytes(path: Path, *, max_bytes: int) -> bytes:
    """The file's bytes; InputError when it is missing, not a file, too large or unreadable."""
    if not path.exists():
        raise InputError.single(str(path), "", "文件不存在", "file not found")
    if not path.is_file():
        raise InputError.single(str(path), "", "不是文件（是目录？）", "not a file (a directory?)")
    if path.stat().st_size > max_bytes:
        megabytes = max_bytes // (1024 * 1024)
        raise InputError.single(
            str(path), "", f"文件过大（超过{megabytes}MB）", f"file larger than {megabytes} MB"
        )
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError.single(
            str(path),
            "",
            f"无法读取文件：{error.strerror}",
            f"cannot read the file: {error.strerror}",
        ) from None
