"""``manage.py oversight_refresh``: recompute the stored dashboard figures of every current version.

The figures follow each data write by themselves; run this after upgrading jixiao when the core's
figure definitions or the functional-area keywords changed, so old versions use the new ones.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from jixiao.web.evaluations.models import Submission
from jixiao.web.oversight import figures
from jixiao.web.oversight.models import VersionFigures


class Command(BaseCommand):
    help = "重新计算分析看板使用的各版本指标 / recompute the dashboard's stored figures"

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            VersionFigures.objects.all().delete()
            count = figures.fill_missing(Submission.objects.all())
        self.stdout.write(
            f"已重新计算 {count} 个版本的指标 / recomputed figures of {count} versions"
        )
