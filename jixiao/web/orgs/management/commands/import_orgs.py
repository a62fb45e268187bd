"""``manage.py import_orgs SHEET``: import the org tree and role memberships from CSV or XLSX."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from jixiao.web.orgs.sheets import SheetError, import_sheet


class Command(BaseCommand):
    help = "从 CSV/XLSX 表导入组织与人员（列：组织编码 组织名称 组织类型 上级编码 用户名 姓名 角色 邮箱 初始密码）"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("sheet", help="CSV 或 XLSX 文件 / a .csv or .xlsx file")

    def handle(self, *args: Any, sheet: str, **options: Any) -> None:
        try:
            report = import_sheet(sheet, via=f"命令行 import_orgs {sheet}")
        except SheetError as error:
            raise CommandError(
                "导入被拒绝，未写入任何内容 / nothing imported:\n  " + "\n  ".join(error.problems)
            ) from None
        except FileNotFoundError:
            raise CommandError(f"找不到文件 {sheet} / file not found") from None
        self.stdout.write(self.style.SUCCESS(report.summary()))
        for note in report.notes:
            self.stdout.write(note)
