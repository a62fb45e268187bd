"""Pages of long lists that read only the page's rows in full (a "deferred join").

Ordering a list and cutting one page from it is cheap on the narrow columns it sorts by; joining
each row's dossier version (a wide row) before the sort is not: at 30,000 units the database
would join every version to keep 50. :class:`IdPaginator` asks for the page's ids first (the
same filters and order, nothing joined that the order does not need), then reads those rows
with everything the page shows: one query more per page, whatever the number of rows.
"""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator


def rows_by_ids(queryset: Any, start: int, stop: int) -> list[Any]:
    """The rows start..stop of *queryset* in its order, read by id in two queries."""
    ids = list(queryset.values_list("pk", flat=True)[start:stop])
    if not ids:
        return []
    found = {row.pk: row for row in queryset.order_by().filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]


class IdPaginator(Paginator):
    """A Paginator whose pages are read by :func:`rows_by_ids` (object_list: a QuerySet)."""

    def page(self, number: Any) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(rows_by_ids(self.object_list, bottom, top), number, self)
