"""Content hashes of approved versions, and ``jixiao verify``'s check that none changed since.

Approval seals a :class:`DossierVersion`: a SHA-256 over a canonical JSON serialisation of what
the approved record says, in four parts, each with a digest of its own (``content_parts``) so a
check can name what differs:

- ``identity`` 单位与批次: the submission, its unit and round (ids, the round's year), the version number;
- ``data`` 档案数据: the dossier data as stored;
- ``results`` 得分与结果: the stored computed, self and final scores, grades, final basis, error and
  warning counts, and the approval time (the re-scores are in here as the final score they
  produced; the re-score rows themselves belong to the submission and may change in a later
  review of a next version);
- ``sign_offs`` 负责人审签: who signed the version off and when, and when a sign-off was voided;
- ``ledgers`` 台账快照, only for a version that has one: the digest of the ledger records (and
  energy factors) frozen when it was submitted (``jixiao.web.ledgers.snapshots``), recomputed
  from the stored copy, so an approved version's figures are sealed with the records behind them.

``content_hash`` is the SHA-256 of the four part digests. Approval (``services``) seals the
version in the approving transaction; publication seals it only where no seal exists yet (a
version approved before hashes existed), never re-seals: a record changed between approval and
publication must not be blessed by publishing it. A re-approval (after a reopen without edits)
seals again, since the approval itself changed.

:func:`check` recomputes every sealed version and the rules that must hold for approved records:
an approved or published submission's current version is locked and sealed; a locked version
has an approval time and a seal. A version under re-review (reopened, resubmitted unchanged:
its scores and sign-offs may change in the application until re-approval) is held to its
identity and data only.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

PARTS: dict[str, Any] = {
    "identity": _("单位与批次"),
    "data": _("档案数据"),
    "results": _("得分与结果"),
    "sign_offs": _("负责人审签"),
    "ledgers": _("台账快照"),
}
# what a version under re-review may change in the application before it is approved again
REVIEW_PARTS = ("results", "sign_offs")
SHORT = 12  # the short hash pages show


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def _sha(value: Any) -> str:
    return hashlib.sha256(_canonical(value)).hexdigest()


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else f"{Decimal(value):.2f}"


def _time(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).isoformat()


def parts_of(
    version: Any,
    submission: Any,
    round_year: int,
    sign_offs: Iterable[Any],
    ledgers: str | None = None,
) -> dict:
    """Each part's SHA-256 for *version* (a model or a migration's historical model);
    *ledgers* is the digest of its ledger snapshot, when it has one."""
    parts = {
        "identity": _sha(
            {
                "submission": submission.pk,
                "org": submission.org_id,
                "round": submission.round_id,
                "year": round_year,
                "version": version.number,
            }
        ),
        "data": _sha(version.data),
        "results": _sha(
            {
                "score_total": _decimal(version.score_total),
                "grade": version.grade,
                "self_total": _decimal(version.self_total),
                "final_total": _decimal(version.final_total),
                "final_grade": version.final_grade,
                "final_basis": version.final_basis,
                "errors": version.error_count,
                "warnings": version.warning_count,
                "approved_at": _time(version.approved_at),
            }
        ),
        "sign_offs": _sha(
            [
                {"by": s.by_name, "at": _time(s.at), "invalidated": _time(s.invalidated_at)}
                for s in sorted(sign_offs, key=lambda s: s.pk)
            ]
        ),
    }
    if ledgers is not None:
        parts["ledgers"] = ledgers
    return parts


def hash_of(parts: dict[str, str]) -> str:
    return _sha(parts)


def _ledgers_digest(version: Any) -> str | None:
    """The digest of the version's ledger snapshot, recomputed from its stored content."""
    from jixiao.web.ledgers import snapshots

    snapshot = snapshots.snapshot_of(version)
    return None if snapshot is None else snapshots.digest(snapshot.data, snapshot.factors)


def _parts(version: Any) -> dict[str, str]:
    submission = version.submission
    return parts_of(
        version,
        submission,
        submission.round.year,
        version.sign_offs.all(),
        _ledgers_digest(version),
    )


def seal(version: Any) -> None:
    """Store the version's content hash (the caller's transaction; the version is locked)."""
    version.content_parts = _parts(version)
    version.content_hash = hash_of(version.content_parts)
    version.save(update_fields=["content_hash", "content_parts"])


def short(content_hash: str) -> str:
    return content_hash[:SHORT]


# ── jixiao verify ─────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Problem:
    """One approved record that is not as approved: where, and what differs."""

    unit: str
    year: int
    version: int
    what: str


@dataclass(frozen=True)
class Outcome:
    checked: int
    problems: list[Problem]


def _under_review(version: Any) -> bool:
    from jixiao.web.evaluations.models import State

    submission = version.submission
    return submission.current_version_id == version.pk and submission.state not in (
        State.APPROVED,
        State.PUBLISHED,
    )


def _differences(version: Any) -> list[str]:
    """The names of the parts that differ from the seal (all, when the seal itself was edited)."""
    stored = version.content_parts or {}
    if hash_of(stored) != version.content_hash:
        return [str(_("内容校验值本身被改动"))]
    now = _parts(version)
    keep = [p for p in PARTS if not (_under_review(version) and p in REVIEW_PARTS)]
    return [str(PARTS[p]) for p in keep if stored.get(p) != now.get(p)]


def _problems(version: Any) -> Iterator[str]:
    if not version.content_hash:
        yield str(_("已锁定但没有内容校验值"))
        return
    if version.approved_at is None:
        yield str(_("已锁定但没有批准时间"))
    differs = _differences(version)
    if differs:
        yield str(_("与批准时不一致：%(parts)s")) % {"parts": "、".join(differs)}


def check() -> Outcome:
    """Recompute every approved version's hash; name each record that changed outside the app."""
    from jixiao.web.evaluations.models import DossierVersion, State, Submission

    versions = (
        DossierVersion.objects.filter(locked=True)
        .select_related("submission__org", "submission__round", "ledger_snapshot")
        .prefetch_related("sign_offs")
        .order_by("submission__round__year", "submission__org__path", "number")
    )
    problems: list[Problem] = []
    checked = 0
    for version in versions:
        checked += 1
        problems += [_problem(version, what) for what in _problems(version)]
    unsealed = Submission.objects.filter(state__in=(State.APPROVED, State.PUBLISHED)).filter(
        current_version__locked=False
    )
    for submission in unsealed.select_related("org", "round", "current_version"):
        what = str(_("已批准的填报，当前版本却未锁定"))
        problems.append(_problem(submission.current_version, what, submission))
    return Outcome(checked, problems)


def _problem(version: Any, what: str, submission: Any = None) -> Problem:
    submission = submission or version.submission
    org = submission.org
    unit = f"{org.name}（{org.code}）" if org.code else org.name
    number = version.number if version is not None else 0
    return Problem(unit, submission.round.year, number, what)
