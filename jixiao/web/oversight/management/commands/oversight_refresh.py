"""``manage.py oversight_refresh``: recompute the stored dashboard figures of every current version,
and every round's analysis (reused paragraphs, target review).

The figures follow each data write by themselves, and a round's analysis is recomputed by the
first page that needs it after its reports changed; run this after upgrading jixiao when the
core's figure definitions, the functional-area keywords or the analytics changed, or ahead of a
busy day so that no reviewer waits for a large round's first analysis (``--round ID`` for one).
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from jixiao.web.evaluations.models import Round, Submission
from jixiao.web.oversight import analysis, figures
from jixiao.web.oversight.models import VersionFigures


class Command(BaseCommand):
    help = (
        "重新计算分析看板使用的各版本指标和各批次的文字重复、目标质量分析 / recompute the"
        " dashboard's stored figures and every round's reuse and target analysis"
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--round", type=int, default=None, help="只分析该批次 / analyse this round only"
        )

    def handle(self, *args: Any, round: int | None = None, **options: Any) -> None:
        if round is None:
            with transaction.atomic():
                VersionFigures.objects.all().delete()
                count = figures.fill_missing(Submission.objects.all())
            self.stdout.write(
                f"已重新计算 {count} 个版本的指标 / recomputed figures of {count} versions"
            )
        rounds = Round.objects.order_by("year", "pk")
        if round is not None:
            rounds = rounds.filter(pk=round)
        for round_ in rounds:
            started = time.perf_counter()
            result = analysis.refresh(round_)
            self.stdout.write(
                f"{round_}：比对 {result.documents} 份报告，用时"
                f" {time.perf_counter() - started:.1f} 秒 / compared {result.documents} reports"
            )
