"""The three heavy pages in-process, cold and warm: the finance dashboard, the round page and
the oversight dashboard, as the province's finance reviewer (``scale_finance``).

    JIXIAO_DB=/tmp/x/db.sqlite3 DJANGO_SETTINGS_MODULE=web_settings \\
    PYTHONPATH=<tree>:benchmarks python benchmarks/round_figures_bench.py [runs]

The database holds ``jixiao manage demo --units N --years Y`` and ``oversight_refresh`` (as
``web_bench.prepare`` loads it). Point PYTHONPATH at another tree (an export of the commit
before) to time the same database without the cached figures. "cold": the cache is emptied
before each request (the first reader after a write); "warm": the figures were read before and
nothing changed since. Prints one JSON object: median and each run's milliseconds, query count.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from typing import Any


def _time(client: Any, url: str, *, cold: bool, runs: int) -> dict[str, Any]:
    from django.core.cache import caches
    from django.db import connection, reset_queries

    timings, queries = [], []
    client.get(url)  # sessions, stored analysis: the first request ever is not measured
    for _ in range(runs):
        if cold:
            caches["default"].clear()
        reset_queries()
        started = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        queries.append(len(connection.queries))
        assert response.status_code == 200, (url, response.status_code)
    return {
        "median_ms": round(statistics.median(timings), 1),
        "runs_ms": [round(t) for t in timings],
        "queries": queries[-1],
    }


def main() -> int:
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import setup_test_environment

    from jixiao.web.evaluations.models import Round

    setup_test_environment()
    settings.DEBUG = True  # connection.queries: the query count
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    client = Client()
    client.force_login(get_user_model().objects.get(username="scale_finance"))
    current = Round.objects.order_by("-year").first()
    pages = {
        "finance dashboard": "/dashboard/",
        "round page": f"/rounds/{current.pk}/",
        "oversight dashboard": f"/oversight/rounds/{current.pk}/",
    }
    result = {
        name: {
            "cold": _time(client, url, cold=True, runs=runs),
            "warm": _time(client, url, cold=False, runs=runs),
        }
        for name, url in pages.items()
    }
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
