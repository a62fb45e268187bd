"""``manage.py verify``: recompute every approved version's content hash (evaluations.integrity).

Prints a summary, then one line per record that is not as approved (unit, year, version, what
differs); the summary goes to stderr and the exit code is 1 when there is any.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from jixiao.web.evaluations.integrity import check


class Command(BaseCommand):
    help = "校验已批准版本的内容校验值 / verify the content hashes of approved versions"

    def handle(self, *args: Any, **options: Any) -> None:
        outcome = check()
        for problem in outcome.problems:
            self.stdout.write(
                f"✗ {problem.unit} {problem.year}年度 v{problem.version}：{problem.what}"
            )
        if outcome.problems:
            self.stderr.write(
                f"内容校验：已检查 {outcome.checked} 个已批准版本，{len(outcome.problems)} 处"
                "在应用之外被改动\n"
                f"integrity: {outcome.checked} approved versions checked, "
                f"{len(outcome.problems)} changed outside the application"
            )
            raise SystemExit(1)
        self.stdout.write(
            self.style.SUCCESS(
                f"内容校验：已检查 {outcome.checked} 个已批准版本，全部与批准时一致\n"
                f"integrity: {outcome.checked} approved versions checked, all as approved"
            )
        )
