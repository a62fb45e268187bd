"""``manage.py restore FILE``: a backup into an empty database and media folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from jixiao.web.operations.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "把备份恢复到空数据库（先校验整个备份，再一次性写入）/ restore a backup into an empty database"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file", help="jixiao backup 生成的 .tar.gz 文件")

    def handle(self, *args: Any, file: str, **options: Any) -> None:
        if not Path(file).is_file():
            raise CommandError(f"找不到备份文件 {file} / backup file not found")
        try:
            summary = restore_backup(Path(file))
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"已恢复 {summary.records} 条记录、{summary.files} 个文件 / restored"
            )
        )
