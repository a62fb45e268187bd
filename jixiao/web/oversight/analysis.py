"""A round's reports compared with the core's analytics: reused paragraphs and target quality.

What is compared (the *document set* of a round): the current version of every handed-in
submission (``SUBMITTED_STATES``) of the round and of the same bureau's earlier years' rounds,
earlier years first, so a pair's source is the earlier report. Drafts are not compared: their
text is not final, and a unit must not be told about a draft of another unit.

- **Reuse** (:mod:`jixiao.core.analytics.similarity`, not re-implemented here): each report's
  narrative paragraphs (``dossier_paragraphs``), the unit's own names ignored, matched by
  MinHash + LSH and exact Jaccard over the whole set at once. Every paragraph of a report of
  this round found in another report is stored (:class:`ReusedParagraph`) with its best
  source; each report's share of reused narrative is stored (:class:`VersionAnalysis`).
- **Targets** (:mod:`jixiao.core.analytics.targets`): each report's indicators reviewed with the
  framework of the round, last year's actuals of the same unit (matched by indicator name and
  unit) and the round's peers (the same indicator's median target among the other units).

The whole set is read and matched once per change (:func:`ensure_fresh`), not per request: the
result carries a fingerprint of the set, and an edit of a compared version blanks it
(:func:`on_version_saved`). ``manage oversight_refresh`` recomputes every round ahead of time.
BENCHMARKS.md has the timings (the demo county, 300 and 3,000 units).
"""

from __future__ import annotations

import difflib
import hashlib
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet

from jixiao.core.analytics.similarity import (
    Paragraph,
    PreparedDocument,
    ReuseOptions,
    ReusePair,
    dossier_paragraphs,
    match_prepared,
    prepare_document,
)
from jixiao.core.analytics.targets import (
    PeerTargets,
    TargetFlag,
    indicator_key,
    review_indicators,
)
from jixiao.core.dossier import Dossier, dossier_from_data
from jixiao.core.errors import InputError
from jixiao.core.framework import Framework
from jixiao.web.evaluations.models import SUBMITTED_STATES, DossierVersion, Round, Submission
from jixiao.web.oversight.models import (
    PreparedText,
    ReusedParagraph,
    RoundAnalysis,
    VersionAnalysis,
)

OPTIONS = ReuseOptions()
COMMON_MIN_CHARS = 4  # characters in a row that the side-by-side view marks as common text
BATCH = 500


# ── what is compared ──────────────────────────────────────────────────────────────────────


def document_set(round_: Round) -> QuerySet[Submission]:
    """The handed-in submissions compared for *round_*: its own and the bureau's earlier years'."""
    return Submission.objects.filter(
        Q(round=round_) | Q(round__year__lt=round_.year),
        round__finance_id=round_.finance_id,
        state__in=SUBMITTED_STATES,
        current_version__isnull=False,
    )


def fingerprint(round_: Round) -> str:
    """A hash of the compared set: which submissions, at which version (one query)."""
    pairs = document_set(round_).order_by("pk").values_list("pk", "current_version_id")
    digest = hashlib.sha256()
    for submission_id, version_id in pairs.iterator(chunk_size=2000):
        digest.update(f"{submission_id}:{version_id};".encode())
    return digest.hexdigest()


def own_names(org_name: str, dossier: Dossier | None) -> list[str]:
    """The unit's own names, ignored when comparing (演示县第一中学 → 第一中学 too)."""
    names = [org_name]
    if dossier is not None and dossier.profile.name:
        names.append(dossier.profile.name)
    for name in list(names):
        for ending in ("省", "市", "县", "区", "旗"):
            head, found, rest = name.partition(ending)
            if found and len(rest) >= 2 and len(head) <= 6:
                names.append(rest)
                break
    return [n for n in dict.fromkeys(names) if n]


@lru_cache(maxsize=16)
def _framework(framework_id: str) -> Framework | None:
    from jixiao.frameworks import load_framework

    try:
        return load_framework(framework_id or None)
    except InputError:
        return None


def _dossier(data: Any) -> Dossier | None:
    try:
        return dossier_from_data(data, origin="<web>")
    except (InputError, TypeError, ValueError):
        return None


# ── peers and last year's actuals ────────────────────────────────────────────────────────

_SEP = "\x1f"


def peers_to_json(peers: PeerTargets) -> dict[str, list[list[str]]]:
    return {
        _SEP.join((name, unit, str(direction))): [[str(t), owner] for t, owner in targets]
        for (name, unit, direction), targets in peers.targets.items()
    }


def peers_from_json(stored: dict[str, Any]) -> PeerTargets:
    peers = PeerTargets()
    for key, targets in (stored or {}).items():
        name, unit, direction = key.split(_SEP)
        peers.targets[(name, unit, int(direction))] = [(Decimal(t), str(o)) for t, o in targets]
    return peers


def actuals_by_name(dossier: Dossier | None) -> dict[str, Decimal]:
    """Last year's actuals by indicator name and unit only: ids (K1, K2…) are not stable across
    years, so an id match could compare two different indicators."""
    if dossier is None:
        return {}
    return {
        "|".join(indicator_key(i.name, i.unit)): i.actual
        for i in dossier.indicators
        if i.actual is not None
    }


def review(
    dossier: Dossier,
    *,
    owner: str,
    round_: Round,
    last_year: dict[str, Decimal],
    peers: PeerTargets,
) -> list[TargetFlag]:
    """The core's target review of *dossier*'s indicators (its evaluated year); *last_year*:
    the unit's actuals of the year before (:func:`actuals_by_name`)."""
    return review_indicators(
        dossier.indicators,
        year=dossier.year,
        owner=owner,
        framework=_framework(round_.framework_id or ""),
        previous_actuals=last_year,
        peers=peers,
    )


# ── the round's analysis ─────────────────────────────────────────────────────────────────


@dataclass
class _Document:
    version_id: int
    submission_id: int
    org_id: int
    round_id: int
    year: int
    places: list[str]
    dossier: Dossier | None
    prepared: PreparedDocument
    error_findings: int = 0
    actuals: dict[str, Decimal] = field(default_factory=dict)


@dataclass
class _Found:
    documents: list[_Document] = field(default_factory=list)
    by_key: dict[str, _Document] = field(default_factory=dict)


OPTIONS_KEY = f"{OPTIONS.min_chars}/{OPTIONS.shingle}/{OPTIONS.num_perm}/{len(OPTIONS.formulaic)}"


def _error_findings(findings: Any) -> int:
    return sum(
        1
        for f in (findings if isinstance(findings, list) else [])
        if isinstance(f, dict) and f.get("level") == "error"
    )


def _batches(ids: list[int]) -> Iterator[list[int]]:
    """*ids* in slices of BATCH: plain ``IN (…)`` queries by primary key, which every planner
    answers by index (a streamed query with the compared-set subquery inside ran for minutes on
    PostgreSQL once its statistics were stale)."""
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def _cached(version_ids: list[int]) -> dict[int, PreparedText]:
    cached: dict[int, PreparedText] = {}
    for batch in _batches(version_ids):
        rows = PreparedText.objects.filter(version_id__in=batch, options=OPTIONS_KEY)
        cached.update((row.version_id, row) for row in rows)
    return cached


def _texts(version_ids: list[int]) -> Iterator[tuple[int, Any, Any]]:
    """(id, data, findings) of each version in *version_ids*, a batch at a time."""
    for batch in _batches(version_ids):
        yield from DossierVersion.objects.filter(pk__in=batch).values_list("pk", "data", "findings")


def _from_cache(key: str, row: PreparedText) -> PreparedDocument:
    paragraphs = tuple(Paragraph(int(p), str(t), str(f)) for p, t, f in row.paragraphs)
    return PreparedDocument(key, paragraphs, bytes(row.signatures))


def _to_cache(version_id: int, document: _Document) -> PreparedText:
    return PreparedText(
        version_id=version_id,
        options=OPTIONS_KEY,
        places=document.places,
        paragraphs=[[p.index, p.text, p.form] for p in document.prepared.paragraphs],
        signatures=document.prepared.signatures,
        error_findings=document.error_findings,
        actuals={key: str(value) for key, value in document.actuals.items()},
    )


def _read(round_: Round) -> _Found:
    """Every compared report prepared (normalised, signed), earlier years first. A version
    prepared before is read from :class:`PreparedText`; only the round's own reports are parsed
    (their indicators are reviewed), and versions never prepared."""
    found = _Found()
    rows = list(
        document_set(round_)
        .order_by("round__year", "round__created", "org__path", "pk")
        .values_list("pk", "org_id", "org__name", "round_id", "round__year", "current_version_id")
    )
    cache = _cached(sorted({row[-1] for row in rows}))
    parse = {v for _, _, _, _, year, v in rows if year == round_.year or v not in cache}
    texts = {pk: (text, findings) for pk, text, findings in _texts(sorted(parse))}
    fresh: list[PreparedText] = []
    for submission_id, org_id, org_name, round_id, year, version_id in rows:
        key, cached = str(version_id), cache.get(version_id)
        text, findings = texts.pop(version_id, (None, None))
        dossier = _dossier(text) if version_id in parse else None
        if cached is not None:
            prepared, places, errors = (
                _from_cache(key, cached),
                list(cached.places),
                cached.error_findings,
            )
            actuals = {k: Decimal(v) for k, v in cached.actuals.items()}
        else:
            paragraphs, places = dossier_paragraphs(dossier) if dossier is not None else ([], [])
            names = own_names(org_name, dossier)
            prepared = prepare_document(key, paragraphs, names=names, options=OPTIONS)
            errors, actuals = _error_findings(findings), actuals_by_name(dossier)
        document = _Document(
            version_id,
            submission_id,
            org_id,
            round_id,
            year,
            places,
            dossier,
            prepared,
            errors,
            actuals,
        )
        if cached is None:
            fresh.append(_to_cache(version_id, document))
        found.documents.append(document)
        found.by_key[key] = document
    PreparedText.objects.bulk_create(fresh, batch_size=BATCH, ignore_conflicts=True)
    return found


def _percent(share: float) -> Decimal:
    return Decimal(str(share * 100)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def _reused_rows(
    round_: Round, pairs: Iterable[ReusePair], by_key: dict[str, _Document]
) -> list[ReusedParagraph]:
    """One row per reused paragraph of a report of *round_*: its best source (most similar,
    then the earlier report)."""
    best: dict[tuple[int, int], tuple[tuple[Any, ...], ReusedParagraph]] = {}
    for pair in pairs:
        sides = (
            (pair.document_a, pair.paragraph_a, pair.text_a),
            (pair.document_b, pair.paragraph_b, pair.text_b),
        )
        for (own_key, own_p, own_text), (other_key, other_p, other_text) in (
            sides,
            sides[::-1],
        ):
            own, other = by_key[own_key], by_key[other_key]
            if own.round_id != round_.pk:
                continue
            rank = (-pair.similarity, other.year, other.version_id)
            row = ReusedParagraph(
                version_id=own.version_id,
                round_id=round_.pk,
                place=own.places[own_p],
                position=own_p,
                text=own_text,
                source_version_id=other.version_id,
                source_place=other.places[other_p],
                source_text=other_text,
                similarity=Decimal(str(round(pair.similarity, 3))),
                documents=pair.documents,
            )
            slot = (own.version_id, own_p)
            if slot not in best or rank < best[slot][0]:
                best[slot] = (rank, row)
    return [row for _, row in best.values()]


def refresh(round_: Round, *, stamp: str | None = None) -> RoundAnalysis:
    """Compare *round_*'s handed-in reports (reuse and targets) and store what was found,
    replacing the round's earlier results."""
    started = time.perf_counter()
    stamp = stamp if stamp is not None else fingerprint(round_)
    found = _read(round_)
    report = match_prepared([d.prepared for d in found.documents], OPTIONS)
    current = [d for d in found.documents if d.round_id == round_.pk]
    peers = PeerTargets()
    for document in current:
        if document.dossier is not None:
            peers.add(str(document.org_id), document.dossier.indicators)
    last_year = {d.org_id: d.actuals for d in found.documents if d.year == round_.year - 1}
    analyses = []
    for document in current:
        reuse = report.documents.get(document.prepared.key)
        flags = (
            review(
                document.dossier,
                owner=str(document.org_id),
                round_=round_,
                last_year=last_year.get(document.org_id, {}),
                peers=peers,
            )
            if document.dossier is not None
            else []
        )
        top = found.by_key.get(reuse.top_source) if reuse and reuse.top_source else None
        analyses.append(
            VersionAnalysis(
                version_id=document.version_id,
                round_id=round_.pk,
                reuse_percent=_percent(reuse.score) if reuse and reuse.paragraphs else None,
                paragraphs=reuse.paragraphs if reuse else 0,
                reused_paragraphs=reuse.reused_paragraphs if reuse else 0,
                common_paragraphs=reuse.common_paragraphs if reuse else 0,
                top_source_id=top.version_id if top else None,
                top_source_percent=_percent(reuse.top_source_share) if top and reuse else None,
                target_flags=[flag.as_dict() for flag in flags],
                target_flag_count=len(flags),
                error_findings=document.error_findings,
            )
        )
    reused = _reused_rows(round_, report.pairs, found.by_key)
    with transaction.atomic():
        # one writer at a time per round (PostgreSQL: a second waits here, then replaces the
        # first's rows instead of adding to them; SQLite writes one at a time anyway)
        RoundAnalysis.objects.get_or_create(round=round_)
        RoundAnalysis.objects.select_for_update().filter(round=round_).exists()
        VersionAnalysis.objects.filter(round=round_).delete()
        ReusedParagraph.objects.filter(round=round_).delete()
        VersionAnalysis.objects.bulk_create(analyses, batch_size=BATCH, ignore_conflicts=True)
        ReusedParagraph.objects.bulk_create(reused, batch_size=BATCH)
        seconds = Decimal(str(time.perf_counter() - started)).quantize(Decimal("0.01"))
        analysis, _ = RoundAnalysis.objects.update_or_create(
            round=round_,
            defaults={
                "fingerprint": stamp,
                "documents": len(found.documents),
                "peer_targets": peers_to_json(peers),
                "seconds": seconds,
            },
        )
    return analysis


def ensure_fresh(round_: Round) -> RoundAnalysis:
    """The round's analysis, recomputed first when the compared set changed (one query when
    nothing did, besides reading the stored row)."""
    stamp = fingerprint(round_)
    stored = RoundAnalysis.objects.filter(round=round_).first()
    if stored is not None and stored.fingerprint == stamp:
        return stored
    return refresh(round_, stamp=stamp)


def on_version_saved(
    sender: Any, instance: DossierVersion, created: bool, update_fields: Any = None, **_: Any
) -> None:
    """``post_save`` of a DossierVersion: an edit of a compared version's data makes the
    analyses of its bureau's rounds stale (the next reader recomputes), and its prepared text
    is dropped. Two queries for a version never compared (every draft save), three otherwise."""
    if created or (update_fields is not None and "data" not in update_fields):
        return
    PreparedText.objects.filter(version_id=instance.pk).delete()
    deleted, _ = VersionAnalysis.objects.filter(version_id=instance.pk).delete()
    if deleted:
        RoundAnalysis.objects.filter(
            round__finance__rounds__submissions__pk=instance.submission_id
        ).update(fingerprint="")


# ── what pages show ──────────────────────────────────────────────────────────────────────


def common_segments(text: str, other: str) -> list[tuple[str, bool]]:
    """*text* cut into runs, each marked True where it is common with *other* (runs of at least
    ``COMMON_MIN_CHARS`` characters, difflib's longest matching blocks)."""
    matcher = difflib.SequenceMatcher(None, text, other, autojunk=False)
    segments: list[tuple[str, bool]] = []
    at = 0
    for block in matcher.get_matching_blocks():
        if block.size < COMMON_MIN_CHARS:
            continue
        if block.a > at:
            segments.append((text[at : block.a], False))
        segments.append((text[block.a : block.a + block.size], True))
        at = block.a + block.size
    if at < len(text):
        segments.append((text[at:], False))
    return segments


def live_target_flags(submission: Submission, data: Any) -> tuple[list[TargetFlag], bool]:
    """The target review of *data* (a version's dossier, a draft included) as a page shows it
    while the unit enters targets: last year's handed-in report of the same unit, the peers of
    the round's last analysis. Returns the flags and whether peers were there to compare with.
    Three queries at most."""
    dossier = _dossier(data)
    if dossier is None:
        return [], False
    round_ = submission.round
    previous = (
        Submission.objects.filter(
            org_id=submission.org_id,
            round__finance_id=round_.finance_id,
            round__year=round_.year - 1,
            state__in=SUBMITTED_STATES,
            current_version__isnull=False,
        )
        .order_by("-round__created")
        .values_list("current_version__data", flat=True)
        .first()
    )
    stored = (
        RoundAnalysis.objects.filter(round=round_).values_list("peer_targets", flat=True).first()
    )
    peers = peers_from_json(stored) if stored else PeerTargets()
    flags = review(
        dossier,
        owner=str(submission.org_id),
        round_=round_,
        last_year=actuals_by_name(_dossier(previous)) if previous is not None else {},
        peers=peers,
    )
    return flags, stored is not None
