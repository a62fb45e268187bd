"""Reading an input file's bytes with the checks every reader needs, and writing output files
whole or not at all, with bilingual errors.

Every report, export or data file jixiao writes goes to a temporary file in the target's own
folder and is moved into place (``os.replace``) only when complete: a full disk (ENOSPC) or a
crash mid-write leaves the previous file, or none, never a half-written one that is later read
or served.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from jixiao.core.errors import InputError

# The errors for which Path.exists() says False: the file is not there to read.
_MISSING = frozenset({errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP})


def read_input_bytes(path: Path, *, max_bytes: int) -> bytes:
    """The file's bytes; InputError when it is missing, not a file, too large or unreadable."""
    try:
        status = path.stat()  # one system call for the three questions below
    except OSError as error:
        if error.errno not in _MISSING:
            raise
        raise InputError.single(str(path), "", "文件不存在", "file not found") from None
    if not stat.S_ISREG(status.st_mode):
        raise InputError.single(str(path), "", "不是文件（是目录？）", "not a file (a directory?)")
    if status.st_size > max_bytes:
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


CHUNK = 1024 * 1024
FILE_MODE = 0o644


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside *target* to write; moved onto *target* when the block succeeds,
    removed when it fails (the error goes on)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
    os.close(handle)
    partial = Path(name)
    try:
        yield partial
        # mkstemp makes the file private (0600); the result gets the mode a plain write would
        partial.chmod(target.stat().st_mode & 0o777 if target.exists() else FILE_MODE)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def write_all(handle: int, data: bytes) -> None:
    """Write every byte of *data* to the open file descriptor *handle* (OSError when the disk is full)."""
    view = memoryview(data)
    while view:
        written = os.write(handle, view[:CHUNK])
        view = view[written:]


def write_chunks(partial: Path, chunks: Iterable[bytes], name: str) -> None:
    """Write *chunks* to the temporary file *partial* and flush them to disk; an OSError names
    the file as *name* (what the user knows it by)."""
    handle = os.open(partial, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_BINARY", 0))
    try:
        for chunk in chunks:
            write_all(handle, chunk)
        os.fsync(handle)
    except OSError as error:
        raise OSError(error.errno, error.strerror, name) from error
    finally:
        os.close(handle)


def write_bytes_atomically(target: Path, data: bytes) -> None:
    """Write *data* to *target* whole, or leave *target* as it was (OSError names the file)."""
    with atomic_path(target) as partial:
        write_chunks(partial, [data], str(target))


def write_text_atomically(target: Path, text: str, encoding: str = "utf-8") -> None:
    write_bytes_atomically(target, text.encode(encoding))


def write_failure(error: OSError) -> str:
    """Why a file could not be written, bilingual; a full disk says so in words."""
    where = error.filename or ""
    if error.errno == errno.ENOSPC:
        return f"无法写出 {where}：磁盘空间不足，未留下不完整的文件 / cannot write {where}: no space left on device"
    return f"无法写出 {where}：{error.strerror} / cannot write {where}: {error.strerror}"
