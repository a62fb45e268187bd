"""``manage.py recover_jobs``: resume the report exports and mark failed the other background jobs
whose worker died (evaluations.liveness.recover).

``jixiao serve`` runs it before starting its worker; a deployment runs it before its workers
(e.g. systemd ``ExecStartPre=jixiao manage recover_jobs``).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from jixiao.web.evaluations.liveness import recover


class Command(BaseCommand):
    help = "把后台进程已中断的任务标记为失败 / mark failed the jobs of workers that died"

    def handle(self, *args: Any, **options: Any) -> None:
        resumed, marked = recover()
        if resumed:
            self.stdout.write(
                f"{resumed} 个报告导出任务因进程中断已恢复，由其他后台进程继续 / "
                f"{resumed} interrupted exports resumed"
            )
        if marked:
            self.stdout.write(
                f"{marked} 个后台任务因进程中断已标记为失败 / {marked} interrupted jobs marked failed"
            )
