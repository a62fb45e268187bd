"""``manage.py demo``: load the seed department and the labelled demo county, print the accounts.

With ``--units N [--years Y]``: a province-sized synthetic demo instead (``demo_scale``): N budget
units from ``jixiao.core.synthetic`` in an org tree, one round per year, written in bulk.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from jixiao.web.evaluations import demo


class Command(BaseCommand):
    help = "加载种子部门与演示县（虚构）数据，并打印各角色演示账号 / load demo data and print demo accounts"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--seed", type=int, default=2023, help="随机种子（同一种子生成同样的数据）"
        )
        parser.add_argument("--reset", action="store_true", help="先删除已有演示数据再重新加载")
        parser.add_argument(
            "--units",
            type=int,
            default=0,
            help="生成省级规模演示：单位数 / a province-sized demo with this many units",
        )
        parser.add_argument(
            "--years", type=int, default=1, help="年度数（每年一个批次） / years, a round each"
        )

    def handle(
        self, *args: Any, seed: int, reset: bool, units: int, years: int, **options: Any
    ) -> None:
        if units:
            self._scale(units=units, years=years, seed=seed, reset=reset)
            return
        if demo.demo_loaded():
            if not reset:
                self.stdout.write(
                    "演示数据已存在（用 --reset 重新生成）/ demo data present (--reset to rebuild)"
                )
                self.stdout.write(demo.DemoAccounts(demo.ACCOUNT_ROWS_HINT).render())
                return
            demo.remove_demo()
        accounts = demo.load_demo(seed=seed)
        self.stdout.write(self.style.SUCCESS("演示数据已加载 / demo data loaded"))
        self.stdout.write(accounts.render())

    def _scale(self, *, units: int, years: int, seed: int, reset: bool) -> None:
        from jixiao.web.evaluations import demo_scale

        if not 1 <= units <= 200_000:
            raise CommandError("--units 应在 1–200000 之间 / --units: expected 1 to 200000")
        if not 1 <= years <= 10:
            raise CommandError("--years 应在 1–10 之间 / --years: expected 1 to 10")
        if demo_scale.scale_loaded():
            if not reset:
                self.stdout.write(
                    "规模演示数据已存在（用 --reset 重新生成）/ scale demo present (--reset to rebuild)"
                )
                return
            demo_scale.remove_scale()
        started = time.perf_counter()
        loaded = demo_scale.load_scale(units=units, years=years, seed=seed)
        self.stdout.write(self.style.SUCCESS(loaded.render()))
        self.stdout.write(f"用时 {time.perf_counter() - started:.1f} 秒 / took that long")
