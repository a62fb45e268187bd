"""A database that goes away mid-request answers 503 with a plain page, not a 500 and a trace.

The services run each change in one transaction, so a query that fails half-way rolls the
whole change back; this middleware only turns the error into an answer the user can act on
("try again shortly"), logged for the administrator. The page is rendered without the request
(no context processors, no session or user: they would need the database that is gone); the
API answers JSON.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader

logger = logging.getLogger("jixiao.web")

RETRY_AFTER_SECONDS = "30"
MESSAGE = "数据库暂时不可用，本次操作没有保存，请稍后重试 / the database is unavailable; nothing was saved, please try again shortly"


class DatabaseUnavailable:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error(
            "database unavailable during %s %s", request.method, request.path, exc_info=exception
        )
        if request.path.startswith("/api/"):
            response: HttpResponse = JsonResponse({"detail": MESSAGE}, status=503)
        else:
            response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = RETRY_AFTER_SECONDS
        return response
