"""The ledgers' REST endpoints (mounted on the jixiao API under /api/ledgers/).

The same permissions as the pages: the unit's clerks list and add its records, its 主管部门 and
财政局 list them, anyone else gets 404. A record is sent as the fields of its core record type
(English names, e.g. ``{"overhaul_date": "2021-03-02", "equipment": "电梯"}``); a bad record is
a 422 naming each field, nothing stored. Lists page like the rest of the API
(``{"items": [...], "count": n}``, ``limit`` ≤ 500, ``offset``; :mod:`jixiao.web.api.paging`).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Body, Router, Schema, Status
from ninja.pagination import paginate

from jixiao.web.api.paging import ListRows, Page, Rows
from jixiao.web.ledgers import access, actuals, catalogue, selectors, services
from jixiao.web.ledgers.models import LedgerRecord

router = Router(tags=["ledgers"])


class RecordOut(Schema):
    id: int
    ref: str
    ledger: str
    year: int
    date: date
    data: dict[str, Any]
    attachments: list[str]


class FigureOut(Schema):
    key: str
    label: str
    value: Decimal | None
    unit: str
    text: str
    count: int
    record_ids: list[str]


def _record_out(record: LedgerRecord) -> dict[str, Any]:
    return {
        "id": record.pk,
        "ref": record.ref,
        "ledger": record.ledger,
        "year": record.year,
        "date": record.date,
        "data": record.data,
        "attachments": [a.name for a in record.attachments.all()],
    }


def _ledger(ledger: str) -> str:
    from ninja.errors import HttpError

    if catalogue.spec(ledger) is None:
        raise HttpError(404, "没有这个台账 / no such ledger")
    return ledger


@router.get("/{org_id}/{ledger}/records", response=list[RecordOut])
@paginate(Page)
def record_list(request: HttpRequest, org_id: int, ledger: str, year: int | None = None) -> Any:
    """The unit's records of one ledger (of one year when *year* is given), oldest first (by
    date, then id), a page at a time."""
    org = access.readable_org(request.user, org_id)
    if year is not None and not 0 < year < 10000:  # no record has such a year (nor the database)
        return Rows(LedgerRecord.objects.none(), _record_out)
    rows = selectors.records(org=org, ledger=_ledger(ledger), year=year)
    return Rows(rows.order_by("date", "ref", "pk").prefetch_related("attachments"), _record_out)


@router.post("/{org_id}/{ledger}/records", response={201: RecordOut})
def record_create(
    request: HttpRequest, org_id: int, ledger: str, payload: Annotated[dict[str, Any], Body(...)]
) -> Any:
    """Add one record (its id is given the next free number when ``id`` is left out)."""
    org = access.readable_org(request.user, org_id)
    record = services.record_create(
        actor=request.user, org=org, ledger=_ledger(ledger), data=payload
    )
    return Status(201, _record_out(record))


@router.get("/{org_id}/figures", response=list[FigureOut])
@paginate(Page)
def figures(request: HttpRequest, org_id: int, year: int | None = None) -> Any:
    """Every figure the year's records give (value, unit, the records behind it), in the
    registry's order, a page at a time; the year defaults to the latest one with records."""
    org = access.readable_org(request.user, org_id)
    if year is not None and not 2000 <= year <= 2100:  # no record has such a year
        return ListRows([])
    year = year or selectors.default_year(org)
    return ListRows(
        [
            {
                "key": a.key,
                "label": a.label,
                "value": a.value,
                "unit": a.unit,
                "text": actuals.value_text(a, english=False),  # as the reports write it
                "count": a.count,
                "record_ids": list(a.record_ids),
            }
            for a in actuals.book(org, year).all()
            if a.has_records
        ]
    )
