"""Ledger-backed indicators in the web: a unit's records → the core's aggregates → actuals.

The unit's records of all years become the core's :class:`~jixiao.core.ledgers.records.LedgerSet`
and one :class:`~jixiao.core.ledgers.aggregates.AggregateBook` per year computes every figure
(value, unit, the records behind it). An indicator that names an aggregate (``actual_from``)
gets its actual from it (:func:`jixiao.core.ledgers.backing.back_indicators`):

- when a clerk changes the ledger, the unit's open submissions of that year take the new
  values (an edit of the dossier, audited, by that clerk);
- when a clerk saves the indicators, :func:`resolve_indicators` applies them too, and refuses
  a typed actual the ledger does not support unless the row gives an 改填原因
  (``override_reason``), which the audit row then records.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext, gettext_noop

from jixiao.core.dossier import dossier_from_data
from jixiao.core.errors import InputError, Problem
from jixiao.core.ledgers.aggregates import AGGREGATES, Aggregate, AggregateBook
from jixiao.core.ledgers.backing import BackingStatus, LedgerReport, back_indicators
from jixiao.core.ledgers.records import LedgerSet
from jixiao.core.numbers import format_score
from jixiao.frameworks.ledgers import load_conversion_factors
from jixiao.io.dossiers import dossier_to_data
from jixiao.web.evaluations import reasons
from jixiao.web.language import page_in_english
from jixiao.web.orgs.models import Org

SATISFACTION_RATE = "satisfaction.rate"
# the indicator form's words for this feature (evaluations.forms), in this app's catalogue
FORM_WORDS = (gettext_noop("完成值来自台账"), gettext_noop("—（手工填写）"))


def book(org: Org, year: int) -> AggregateBook:
    """The year's aggregates, energy converted to standard coal with the shipped factors (the
    records behind them only: :func:`jixiao.web.ledgers.snapshots.records_data`, one query)."""
    from jixiao.web.ledgers import snapshots

    records = LedgerSet.model_validate(snapshots.records_data(org.pk, year))
    return AggregateBook(records, year, load_conversion_factors())


def _english() -> bool:
    return page_in_english()


# the aggregates' units on an English page (a Chinese page keeps 辆, 千瓦时…); a count needs
# none there: the figure's name says what is counted (vehicles in service: 16)
UNITS_EN = {
    "%": "%",
    "万元": " × 10,000 yuan",
    "人次": " person-times",
    "件": "",
    "份": "",
    "公里": " km",
    "分": " points",
    "千克标准煤/人": " kgce per head",
    "千克标准煤/平方米": " kgce per m²",
    "千瓦时": " kWh",
    "吨标准煤": " tce",
    "天": " days",
    "次": "",
    "立方米": " m³",
    "立方米/人": " m³ per head",
    "起": "",
    "辆": "",
    "项": "",
}


def value_text(aggregate: Aggregate, english: bool | None = None) -> str:
    """The figure as the page shows it: 12次, 96%, 2021年8月23日-29日 (no stray decimals); on an
    English page (or with *english*) 12 times, 2021-08-23 – 2021-08-29."""
    english = _english() if english is None else english
    if aggregate.start is not None:
        if english and aggregate.end is not None and aggregate.end != aggregate.start:
            return f"{aggregate.start.isoformat()} – {aggregate.end.isoformat()}"
        if english:
            return aggregate.start.isoformat()
        return aggregate.text or ""
    if aggregate.value is None:
        return "—"
    unit = UNITS_EN.get(aggregate.unit, f" {aggregate.unit}") if english else aggregate.unit
    return f"{format_score(aggregate.value)}{unit}"


def records_url(org: Org, year: int, aggregate: Aggregate, version: int | None = None) -> str:
    """The list of the records behind *aggregate* (its first ledger; the page filters by the
    aggregate's own record ids, recomputed, so the link stays short however many there are).
    With *version*, the ids are those of that dossier version's ledger snapshot: the records
    as they were when it was submitted."""
    ledger = aggregate.ledgers[0].value if aggregate.ledgers else ""
    base = reverse("ledgers:records", kwargs={"org": org.pk, "ledger": ledger})
    query: dict[str, Any] = {"year": year, "figure": aggregate.key}
    if version is not None:
        query["version"] = version
    return f"{base}?{urlencode(query)}"


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    value: str
    count: int
    url: str
    description: str


def _figure(org: Org, year: int, aggregate: Aggregate) -> Figure:
    english = _english()
    return Figure(
        key=aggregate.key,
        label=aggregate.label_en if english else aggregate.label,
        value=value_text(aggregate),
        count=aggregate.count,
        url=records_url(org, year, aggregate),
        description=aggregate.description_en if english else aggregate.description,
    )


def figures(org: Org, year: int) -> list[Figure]:
    """Every aggregate of the year that has records behind it."""
    return [_figure(org, year, a) for a in book(org, year).all() if a.has_records]


def figure_label(key: str) -> str:
    definition = AGGREGATES.get(key)
    if definition is None:
        return ""
    return definition.label_en if _english() else definition.label


def figure_refs(org: Org, year: int, key: str) -> list[str] | None:
    """The ids of the records behind aggregate *key* (None for an unknown key)."""
    if key not in AGGREGATES:
        return None
    return list(book(org, year).get(key).record_ids)


def figure_ledgers(org: Org, year: int, key: str) -> list[tuple[str, str, str]]:
    """(ledger, title, url) of every ledger the figure *key* is computed from."""
    from jixiao.web.ledgers import catalogue

    definition = AGGREGATES.get(key)
    if definition is None:
        return []
    result = []
    for kind in definition.ledgers:
        base = reverse("ledgers:records", kwargs={"org": org.pk, "ledger": kind.value})
        url = f"{base}?{urlencode({'year': year, 'figure': key})}"
        result.append((kind.value, catalogue.title(kind.value), url))
    return result


def satisfaction(org: Org, year: int) -> Figure | None:
    aggregate = book(org, year).get(SATISFACTION_RATE) if SATISFACTION_RATE in AGGREGATES else None
    return _figure(org, year, aggregate) if aggregate and aggregate.has_records else None


# ── indicators ────────────────────────────────────────────────────────────────────────────


def _backed(data: dict[str, Any]) -> bool:
    return any(i.get("actual_from") for i in data.get("indicators", []))


def report(org: Org, year: int, data: dict[str, Any]) -> LedgerReport | None:
    """How each ledger-backed indicator of the dossier *data* stands against the ledgers."""
    if not _backed(data):
        return None
    dossier = dossier_from_data(data, origin="<web>")
    return back_indicators(dossier, book(org, year))[1]


@dataclass(frozen=True)
class Shown:
    """One backed indicator as the submission page shows it."""

    indicator_id: str
    label: str
    value: str
    count: int
    url: str
    status: str
    overridden: bool
    reason: str


STATUS_WORDS = {
    BackingStatus.COMPUTED: ("由台账计算", "computed from the ledger"),
    BackingStatus.SUPPORTED: ("与台账一致", "agrees with the ledger"),
    BackingStatus.OVERRIDDEN: ("已改填（有原因）", "typed over, with a reason"),
    BackingStatus.UNSUPPORTED: ("与台账不符，已按台账", "differs from the ledger: the ledger's"),
    BackingStatus.NO_RECORDS: ("台账暂无记录", "no ledger records yet"),
}


def shown(org: Org, year: int, data: dict[str, Any]) -> dict[str, Shown]:
    return shown_report(org, year, report(org, year, data))


def shown_report(
    org: Org, year: int, found: LedgerReport | None, version: int | None = None
) -> dict[str, Shown]:
    """Each backed indicator of *found* as the pages show it; links name *version* when the
    figures come from its snapshot."""
    if found is None:
        return {}
    english = _english()
    result = {}
    for item in found.backings:
        aggregate = item.aggregate
        zh, en = STATUS_WORDS[item.status]
        result[item.indicator_id] = Shown(
            indicator_id=item.indicator_id,
            label=aggregate.label_en if english else aggregate.label,
            value=value_text(aggregate),
            count=aggregate.count,
            url=records_url(org, year, aggregate, version),
            status=en if english else zh,
            overridden=item.status is BackingStatus.OVERRIDDEN,
            reason=item.reason or "",
        )
    return result


def _claim(row: dict[str, Any]) -> tuple[str, str]:
    actual = row.get("actual")
    number = "" if actual in (None, "") else format_score(Decimal(str(actual)))
    return number, str(row.get("actual_text") or "")


def resolve_indicators(
    org: Org, year: int, before: dict[str, Any], after: dict[str, Any]
) -> dict[str, Any]:
    """*after* (a dossier about to be saved) with its ledger-backed actuals computed.

    An actual the clerk changed (it differs from *before*'s) that the ledger does not support is
    refused (InputError at the row's 改填原因) unless the row gives a reason; an actual left as
    it was simply takes the ledger's current value."""
    if not _backed(after):
        return after
    dossier = dossier_from_data(after, origin="<web>")
    resolved, found = back_indicators(dossier, book(org, year))
    previous = {i.get("id"): _claim(i) for i in before.get("indicators", [])}
    problems = []
    for item in found.backings:
        row = after["indicators"][item.position]
        typed = _claim(row) != previous.get(item.indicator_id)
        if item.status is BackingStatus.UNSUPPORTED and typed:
            name = dossier.indicators[item.position].name
            problems.append(_unsupported(item.position, name, item.claim_text, item.aggregate))
    if problems:
        raise InputError("<web>", problems)
    return dossier_to_data(resolved)


def _unsupported(position: int, name: str, claim: str, aggregate: Aggregate) -> Problem:
    """Why a typed actual is refused, naming the indicator, the claim and the ledger's value."""
    value = value_text(aggregate, english=False)
    words = {"name": name, "claim": claim, "label": aggregate.label, "value": value}
    return Problem(
        f"indicators[{position}].override_reason",
        gettext(
            "指标“%(name)s”的实际完成值“%(claim)s”与台账不符：完成值来自台账"
            "（%(label)s：%(value)s，%(n)s 条记录）。如需改填为其他数值，请在“改填原因”中说明理由"
        )
        % {**words, "n": aggregate.count},
        f"indicator {name}: the actual {claim} differs from the ledger; it comes from the "
        f"ledger ({aggregate.label_en}: {value_text(aggregate, english=True)},"
        f" {aggregate.count} records). To type another "
        "value, give the reason (改填原因)",
    )


def refresh(*, actor: Any, org: Org, years: set[int]) -> int:
    """After a ledger change: the unit's open submissions the change can touch (of *years* and
    the year after: energy compares with last year) take the new ledger values (one audited
    edit each, the ledger's, whoever changed it: a clerk, or an anonymous survey answer); those
    without backed indicators have their stored assessment refreshed, so findings and counts
    follow the live ledgers. Returns how many dossiers changed."""
    from jixiao.web.evaluations import services as evaluation_services
    from jixiao.web.evaluations.models import EDITABLE_STATES, Submission
    from jixiao.web.evaluations.permissions import ActionRefused

    actor = actor if actor is not None and getattr(actor, "pk", None) else None
    changed = 0
    touched = years | {year + 1 for year in years}
    candidates = Submission.objects.filter(
        org=org, round__year__in=touched, state__in=EDITABLE_STATES
    ).select_related("round", "org", "current_version")
    for submission in candidates:
        version = submission.current_version
        if version is None:
            continue
        if not _backed(version.data):
            evaluation_services.refresh_assessment(version)  # data unchanged: no audit row
            continue
        year = submission.round.year

        def apply(current: dict[str, Any], year: int = year) -> dict[str, Any]:
            dossier = dossier_from_data(current, origin="<web>")
            return dossier_to_data(back_indicators(dossier, book(org, year))[0])

        try:
            followed = evaluation_services.submission_follow_ledgers(
                actor=actor,
                submission=submission,
                edit=apply,
                note=reasons.LEDGER_FOLLOW(),
            )
        except (ActionRefused, InputError):
            evaluation_services.refresh_assessment(version)
            continue
        changed += followed is not None
    return changed


# ── the hooks the submission pages call ───────────────────────────────────────────────────


def resolve(submission: Any, before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """The dossier *after* a save of *submission*, with its ledger-backed actuals computed."""
    return resolve_indicators(submission.org, submission.round.year, before, after)


def override_note(rows: list[dict[str, Any]]) -> str:
    """The audit note of an indicators save that types over ledger values: each reason."""
    return reasons.join(
        *(
            reasons.LEDGER_OVERRIDE(id=row.get("id"), reason=row["override_reason"])
            for row in rows
            if row.get("actual_from") and row.get("override_reason")
        )
    )


def shown_for(submission: Any, assessment: Any = None) -> dict[str, Shown]:
    """The backed indicators of the submission's current version, judged by the ledgers its
    assessment reads (live while with the unit, the snapshot after submission); pass the
    *assessment* when there is one, its ledger report is used as it is."""
    from jixiao.web.ledgers import snapshots

    version = submission.current_version
    if version is None or not _backed(version.data):
        return {}
    year = submission.round.year
    frozen = None if snapshots.uses_live(version, submission) else version.pk
    found = None
    if assessment is not None and assessment.result is not None:
        found = getattr(assessment.result, "ledgers", None)
    if found is None:  # no assessment at hand, or no records at all: each shows "no records"
        ledgers = None if assessment is not None else snapshots.ledgers_for(version, submission)
        records = ledgers.records if ledgers is not None else LedgerSet()
        dossier = dossier_from_data(version.data, origin="<web>")
        found = back_indicators(dossier, AggregateBook(records, year))[1]
    return shown_report(submission.org, year, found, frozen)


def snapshot_refs(org: Org, year: int, key: str, version_pk: int) -> list[str] | None:
    """The ids of the records behind aggregate *key* in dossier version *version_pk*'s ledger
    snapshot (None for an unknown key, a version of another unit or without a snapshot)."""
    from jixiao.web.ledgers import snapshots
    from jixiao.web.ledgers.models import LedgerSnapshot

    if key not in AGGREGATES:
        return None
    snapshot = LedgerSnapshot.objects.filter(
        version_id=version_pk, version__submission__org=org, year=year
    ).first()
    ledgers = None if snapshot is None else snapshots.frozen(snapshot)
    if ledgers is None:
        return None
    return list(AggregateBook(ledgers.records, year, ledgers.factors).get(key).record_ids)


def record_links(submission: Any, version: Any, assessment: Any, site: str) -> dict[str, str]:
    """Indicator id → the absolute address of the ledger records behind its actual, for the
    report of *version* (the snapshot's records once submitted). Only actuals the ledger gave."""
    from jixiao.web.ledgers import snapshots

    found = getattr(assessment.result, "ledgers", None)
    if found is None:
        return {}
    frozen = None if snapshots.uses_live(version, submission) else version.pk
    year = submission.round.year
    return {
        b.indicator_id: site + records_url(submission.org, year, b.aggregate, frozen)
        for b in found.backings
        if b.status.uses_ledger and b.aggregate.has_records
    }
