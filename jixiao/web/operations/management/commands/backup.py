"""``manage.py backup FILE``: every record and uploaded file into one .tar.gz (see operations.backup)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from jixiao.web.operations.backup import BackupError, write_backup


class Command(BaseCommand):
    help = (
        "备份全部数据库记录和上传文件到一个 .tar.gz 文件 / back up every record and uploaded file"
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", help="备份文件路径，如 jixiao-2026-12-05.tar.gz")

    def handle(self, *args: Any, file: str, **options: Any) -> None:
        try:
            summary = write_backup(Path(file))
        except (BackupError, OSError) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"已备份 {summary.records} 条记录、{summary.files} 个文件到 {summary.path} / backed up"
            )
        )
