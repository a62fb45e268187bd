"""Reads of ledger records with the unit's permissions, and their display as rows of cells."""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db.models import Count, Max, QuerySet
from django.http import Http404
from django.utils.translation import gettext

from jixiao.core.numbers import format_score
from jixiao.web.ledgers import access, catalogue
from jixiao.web.ledgers.forms import entry_fields, kind_of
from jixiao.web.ledgers.models import LedgerAction, LedgerAudit, LedgerRecord, Survey
from jixiao.web.ledgers.vocabulary import choice_word, field_word
from jixiao.web.orgs.models import Org


def record_get(*, user: Any, pk: int) -> LedgerRecord:
    record = LedgerRecord.objects.select_related("org").filter(pk=pk).first()
    if record is None or not user.is_authenticated or not access.can_read(user, record.org):
        raise Http404(gettext("没有这条记录"))
    return record


def records(
    *,
    org: Org,
    ledger: str,
    year: int | None = None,
    start: date | None = None,
    end: date | None = None,
    refs: list[str] | None = None,
    q: str = "",
) -> QuerySet[LedgerRecord]:
    rows = LedgerRecord.objects.filter(org=org, ledger=ledger).annotate(
        attachment_count=Count("attachments")
    )
    if year:
        rows = rows.filter(year=year)
    if start:
        rows = rows.filter(date__gte=start)
    if end:
        rows = rows.filter(date__lte=end)
    if refs is not None:
        rows = rows.filter(ref__in=refs)
    if q:
        rows = _search(rows, q)
    return rows.order_by("date", "ref")


def _search(rows: QuerySet[LedgerRecord], q: str) -> QuerySet[LedgerRecord]:
    """Records whose id or any field's text contains *q* (JSON as text: works on SQLite and
    PostgreSQL alike, the ledgers of one unit and year are small)."""
    keep = [r.pk for r in rows.only("pk", "ref", "data") if q in r.ref or q in _text(r.data)]
    return rows.filter(pk__in=keep)


def _text(data: dict[str, Any]) -> str:
    return " ".join(str(v) for v in data.values())


def counts(org: Org, year: int) -> dict[str, int]:
    rows = (
        LedgerRecord.objects.filter(org=org, year=year)
        .values("ledger")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["ledger"]: row["n"] for row in rows}


def _round_years(org: Org) -> set[int]:
    from jixiao.web.evaluations.models import Submission

    return set(Submission.objects.filter(org=org).values_list("round__year", flat=True).distinct())


def default_year(org: Org) -> int:
    """The latest year the unit has records for, else the latest year it is evaluated for,
    else this year."""
    found = LedgerRecord.objects.filter(org=org).aggregate(y=Max("year"))["y"]
    if found:
        return int(found)
    rounds = _round_years(org)
    return max(rounds) if rounds else catalogue.today().year


def years(org: Org) -> list[int]:
    """Years with records, years the unit is evaluated for, and this year: newest first."""
    found = set(
        LedgerRecord.objects.filter(org=org).values_list("year", flat=True).distinct().order_by()
    )
    found |= _round_years(org)
    found.add(catalogue.today().year)
    return sorted(found, reverse=True)


def audit(org: Org, ledger: str | None = None) -> QuerySet[LedgerAudit]:
    rows = LedgerAudit.objects.filter(org=org).select_related("actor")
    return rows.filter(ledger=ledger) if ledger else rows


def surveys(org: Org) -> QuerySet[Survey]:
    return Survey.objects.filter(org=org).annotate(n=Count("responses"))


# ── display ───────────────────────────────────────────────────────────────────────────────


def columns(ledger: str) -> list[tuple[str, str]]:
    """(field, title in the page's language) of the fields a list shows, in the record type's
    order."""
    model = catalogue.record_model(ledger)
    return [
        (name, field_word(info.title) if info.title else name) for name, info in entry_fields(model)
    ]


def cell(value: Any, kind: str) -> str:
    """A stored value as a clerk reads it: 是/否, 2021-08-23, 12.5 (no stray decimals)."""
    if value is None or value == "":
        return "—"
    if kind == "bool":
        return gettext("是") if value else gettext("否")
    if kind in ("number", "int"):
        try:
            return format_score(Decimal(str(value)))
        except InvalidOperation:
            return str(value)
    if isinstance(value, list | tuple):
        return "；".join(str(v) for v in value)
    if kind == "choice":
        return choice_word(str(value))
    return str(value)


def row_cells(ledger: str, data: dict[str, Any]) -> list[str]:
    model = catalogue.record_model(ledger)
    return [cell(data.get(name), kind_of(info.annotation)) for name, info in entry_fields(model)]


def _word(value: str | None) -> str:
    if value is None or value == "":
        return "—"
    return {"True": gettext("是"), "False": gettext("否")}.get(value, value)


def changes_in_words(ledger: str, changes: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    """An audit row's changes as (field title, old, new), in the clerk's words."""
    titles = catalogue.field_titles(ledger) if catalogue.spec(ledger) else {}
    lines = []
    for change in changes:
        old, new = change.get("old"), change.get("new")
        if old in (None, "") and new in (None, ""):
            continue  # an empty list of attachments, no news
        path = str(change.get("path", ""))
        head = path.split(".", 1)[0].split("[", 1)[0]
        title = field_word(titles[head]) if head in titles else path
        lines.append((title, _word(old), _word(new)))
    return lines


def entries_in_words(entries: Any) -> list[dict[str, Any]]:
    entries = list(entries)
    alive = set(
        LedgerRecord.objects.filter(
            pk__in=[e.record_pk for e in entries if e.record_pk]
        ).values_list("pk", flat=True)
    )
    return [
        {
            "entry": e,
            "alive": e.record_pk in alive,
            "who": e.who,
            "ledger": catalogue.title(e.ledger),
            # an import lists its records' numbers (the rows keep ids, never shown: 1262)
            "imported": [c.get("path", "") for c in e.changes or []]
            if e.action == LedgerAction.IMPORT
            else [],
            "lines": []
            if e.action == LedgerAction.IMPORT
            else changes_in_words(e.ledger, e.changes or []),
        }
        for e in entries
    ]
