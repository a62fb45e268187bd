"""Uploaded and generated files (evidence, report ZIPs, stored imports) written whole or not at all.

Django's FileSystemStorage writes straight into the final file, so a full disk (ENOSPC) mid-write
leaves a half file under the name the database then points to. This storage writes every file
to a temporary file in its folder and moves it into place only when complete
(``jixiao.io.files.atomic_path``); a name already taken is never overwritten (the next free
name is used, as Django does). A failed write raises OSError naming the storage name, not the
server's folders.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.core.files.storage import FileSystemStorage

from jixiao.io import files
from jixiao.io.files import atomic_path


class AtomicFileSystemStorage(FileSystemStorage):
    def _save(self, name: str, content: Any) -> str:
        while True:
            target = Path(self.path(name))
            try:
                with atomic_path(target) as partial:
                    files.write_chunks(partial, _bytes(content.chunks()), name)
                    if target.exists() and not getattr(self, "_allow_overwrite", False):
                        raise FileExistsError(name)  # taken meanwhile: keep it, take another
            except FileExistsError:
                name = self.get_available_name(name)
                continue
            break
        if self.file_permissions_mode is not None:
            os.chmod(target, self.file_permissions_mode)
        return Path(os.path.relpath(target, self.location)).as_posix()


def _bytes(chunks: Iterator[bytes | str]) -> Iterator[bytes]:
    for chunk in chunks:
        yield chunk if isinstance(chunk, bytes) else chunk.encode()
