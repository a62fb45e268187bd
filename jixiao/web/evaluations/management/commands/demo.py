"""``manage.py demo``: load the seed department and the labelled demo county, print the accounts."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from jixiao.web.evaluations import demo


class Command(BaseCommand):
    help = "加载种子部门与演示县（虚构）数据，并打印各角色演示账号 / load demo data and print demo accounts"

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--seed", type=int, default=2023, help="随机种子（同一种子生成同样的数据）"
        )
        parser.add_argument("--reset", action="store_true", help="先删除已有演示数据再重新加载")

    def handle(self, *args: Any, seed: int, reset: bool, **options: Any) -> None:
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
