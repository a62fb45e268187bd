"""Paged API lists: ``limit`` (1–500) and ``offset``, answered as ``{"items": [...], "count"}``.

Every list endpoint of the API (the core's in :mod:`jixiao.web.api.api`, the ledgers' in
:mod:`jixiao.web.ledgers.api`) pages with :class:`Page` over :class:`Rows`, so only one page is
read from the database and converted.
"""

from __future__ import annotations

from typing import Any

from django.db.models.query import ModelIterable
from django.utils.translation import gettext
from ninja import Schema
from ninja.errors import HttpError
from ninja.pagination import LimitOffsetPagination

from jixiao.web.evaluations.paging import rows_by_ids

DEFAULT_PAGE, MAX_PAGE, MAX_OFFSET = 100, 500, 10**9


class Page(LimitOffsetPagination):
    """``limit`` (1–500, default 100) and ``offset`` (0–10⁹: a larger one would overflow the
    database's OFFSET); answers ``{"items": [...], "count": <all matching rows>}``. Out of range
    is a 400 naming both, as before pagination."""

    class Input(Schema):
        limit: int = DEFAULT_PAGE
        offset: int = 0

    def paginate_queryset(self, queryset: Any, pagination: Any, request: Any, **params: Any) -> Any:
        limit, offset = pagination.limit, pagination.offset
        if not 0 < limit <= MAX_PAGE or not 0 <= offset <= MAX_OFFSET:
            raise HttpError(
                400,
                gettext("limit 应在 1–%(max)s 之间，offset 在 0–10⁹ 之间") % {"max": MAX_PAGE}
                + f" / limit: 1–{MAX_PAGE}, offset: 0–10⁹",
            )
        return {"items": queryset[offset : offset + limit], "count": queryset.count()}


class Rows:
    """A queryset whose rows come out converted (*convert*), sliced and counted in the database:
    what a paginated endpoint returns so that only one page is read and converted."""

    def __init__(self, queryset: Any, convert: Any) -> None:
        self.queryset, self.convert = queryset, convert

    def __getitem__(self, window: slice) -> list[Any]:
        if getattr(self.queryset, "_iterable_class", None) is ModelIterable:
            # model rows: the page's ids first, then those rows (evaluations/paging.py: why)
            rows = rows_by_ids(self.queryset, window.start or 0, window.stop)
            return [self.convert(row) for row in rows]
        return [self.convert(row) for row in self.queryset[window]]

    def count(self) -> int:
        return int(self.queryset.count())


class ListRows:
    """A list computed in memory (a few dozen figures), paged like :class:`Rows`."""

    def __init__(self, rows: list[Any]) -> None:
        self.rows = rows

    def __getitem__(self, window: slice) -> list[Any]:
        return self.rows[window]

    def count(self) -> int:
        return len(self.rows)
