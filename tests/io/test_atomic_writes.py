"""A full disk mid-write leaves the previous file or none, never a half-written one."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from jixiao.io import files


def disk_fills_after(limit: int):
    """A stand-in for files.write_all: writes *limit* bytes for real, then the disk is full."""

    def write_all(handle: int, data: bytes) -> None:
        os.write(handle, bytes(data[:limit]))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    return write_all


def test_a_complete_write_lands_whole(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "report.html"
    files.write_bytes_atomically(target, b"x" * (3 * files.CHUNK + 5))
    assert target.stat().st_size == 3 * files.CHUNK + 5
    assert target.stat().st_mode & 0o777 == files.FILE_MODE
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]


def test_a_full_disk_leaves_no_file_and_says_so(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(files, "write_all", disk_fills_after(100))
    target = tmp_path / "report.pdf"
    with pytest.raises(OSError) as failed:
        files.write_bytes_atomically(target, b"%PDF" + b"x" * 10_000)
    assert failed.value.errno == errno.ENOSPC and failed.value.filename == str(target)
    assert list(tmp_path.iterdir()) == []  # neither the target nor the partial file
    assert "磁盘空间不足" in files.write_failure(failed.value)
    assert "no space left" in files.write_failure(failed.value)


def test_a_full_disk_keeps_the_previous_file_intact(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "report.md"
    target.write_text("上一版完整报告", encoding="utf-8")
    monkeypatch.setattr(files, "write_all", disk_fills_after(3))
    with pytest.raises(OSError):
        files.write_text_atomically(target, "新报告" * 1000)
    assert target.read_text(encoding="utf-8") == "上一版完整报告"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]
