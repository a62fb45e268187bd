"""Which ledger records a dossier version is assessed with: the live ledgers, or its snapshot.

- A version still with its unit (the submission is 草稿 or 已退回, the version open) is assessed
  against the unit's ledgers as they are now: :func:`live_set`, one query.
- Submitting freezes them: :func:`take` copies the records the year's figures are computed from
  into a :class:`~jixiao.web.ledgers.models.LedgerSnapshot` of the version, and from then on
  :func:`ledgers_for` answers with that copy, so the reviewers see what was handed in and an
  approved (locked, sealed) version's figures never move when the ledger is edited later.
- A version submitted or approved before snapshots existed has none: it is assessed without
  ledgers, as it was when approved (its stored actuals were already computed from them).

"The records the year's figures are computed from": every record of the year and the year
before (energy compares with last year), and the registers' entries up to the year's end (a
vehicle or an asset acquired in an earlier year is still in the fleet or the register).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from jixiao.core.ledgers.energy import ConversionFactors
from jixiao.core.ledgers.records import LedgerKind, LedgerSet
from jixiao.frameworks.ledgers import load_conversion_factors
from jixiao.web.ledgers.models import LedgerRecord, LedgerSnapshot

# ledgers whose entries count in every later year until retired or disposed of
REGISTERS = (LedgerKind.VEHICLES.value, LedgerKind.FIXED_ASSETS.value)
KNOWN = frozenset(kind.value for kind in LedgerKind)


def records_data(org_id: int, year: int) -> dict[str, list[dict[str, Any]]]:
    """``{ledger: [record data, …]}`` of the records behind the unit's figures of *year* (one
    query, in date order)."""
    rows = (
        LedgerRecord.objects.filter(org_id=org_id, year__lte=year)
        .filter(Q(year__gte=year - 1) | Q(ledger__in=REGISTERS))
        .order_by("ledger", "date", "pk")
        .values_list("ledger", "data")
    )
    data: dict[str, list[dict[str, Any]]] = {}
    for ledger, record in rows:
        if ledger in KNOWN:
            data.setdefault(ledger, []).append(record)
    return data


@dataclass(frozen=True)
class Ledgers:
    """What an assessment reads the ledgers from: the records, and the energy factors."""

    records: LedgerSet
    factors: ConversionFactors


def as_set(data: dict[str, list[dict[str, Any]]]) -> LedgerSet | None:
    """The core's LedgerSet of *data*; None when there are no records at all (a unit that keeps
    no ledgers is assessed as the command line assesses a dossier without a ledgers folder)."""
    if not any(data.values()):
        return None
    return LedgerSet.model_validate(data)


def live(org_id: int, year: int) -> Ledgers | None:
    """The unit's ledgers as they are now, with the configured energy factors."""
    records = as_set(records_data(org_id, year))
    return None if records is None else Ledgers(records, load_conversion_factors())


# validated snapshots by content digest: a snapshot never changes once taken (a retake has a new
# digest), and validating the seed's 1,511 records costs ~13 ms a page (benchmarks.ledgers_bench)
_FROZEN: dict[str, Ledgers | None] = {}
_FROZEN_MAX = 64


def frozen(snapshot: LedgerSnapshot) -> Ledgers | None:
    """The ledgers a snapshot froze, with the factors it froze (the shipped ones if none);
    validated once per process and content (the digest is recomputed from the stored content,
    so a row changed outside the application is never served from another's validation)."""
    key = digest(snapshot.data, snapshot.factors)
    if key not in _FROZEN:
        if len(_FROZEN) >= _FROZEN_MAX:
            _FROZEN.pop(next(iter(_FROZEN)))
        _FROZEN[key] = _validated(snapshot)
    return _FROZEN[key]


def _validated(snapshot: LedgerSnapshot) -> Ledgers | None:
    records = as_set(snapshot.data)
    if records is None:
        return None
    factors = (
        ConversionFactors.model_validate(snapshot.factors)
        if snapshot.factors
        else load_conversion_factors()
    )
    return Ledgers(records, factors)


def digest(data: dict[str, Any], factors: dict[str, Any] | None) -> str:
    content = {"records": data, "factors": factors}
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def snapshot_of(version: Any) -> LedgerSnapshot | None:
    """The version's snapshot (uses a ``select_related('ledger_snapshot')`` when there was one)."""
    try:
        return version.ledger_snapshot  # type: ignore[no-any-return]
    except LedgerSnapshot.DoesNotExist:
        return None


def uses_live(version: Any, submission: Any) -> bool:
    """True while the version is with its unit: open, current, in an editable state."""
    from jixiao.web.evaluations.models import EDITABLE_STATES

    return (
        not version.locked
        and submission.current_version_id == version.pk
        and submission.state in EDITABLE_STATES
    )


def ledgers_for(version: Any, submission: Any) -> Ledgers | None:
    """The ledgers *version* is assessed with (see the module's docstring)."""
    if uses_live(version, submission):
        return live(submission.org_id, submission.round.year)
    snapshot = snapshot_of(version)
    return None if snapshot is None else frozen(snapshot)


def take(version: Any, submission: Any) -> LedgerSnapshot | None:
    """Freeze the unit's current records into *version*'s snapshot (replacing an earlier one of
    a returned and resubmitted version); a locked version keeps what it has."""
    if version.locked:
        return snapshot_of(version)
    data = records_data(submission.org_id, submission.round.year)
    factors = load_conversion_factors().model_dump(mode="json")
    snapshot, _ = LedgerSnapshot.objects.update_or_create(
        version=version,
        defaults={
            "year": submission.round.year,
            "data": data,
            "factors": factors,
            "record_count": sum(len(rows) for rows in data.values()),
            "digest": digest(data, factors),
        },
    )
    version.ledger_snapshot = snapshot
    return snapshot
