"""A round's aggregates computed once per change of what they read, not on every request.

The round page's progress, statistics and 主管部门 list and the oversight dashboard's figures
scan every submission of the round. They are stored in Django's cache under a key made of

- the round's **revision**: the tags of :class:`~.models.RoundRevision` for the round and for the
  org tree, moved by database triggers on every insert, update and delete of the tables the
  aggregates read (``revision_triggers``), whoever writes: nothing can change those rows
  without changing the key. It is read *before* the figures are computed, so an entry is never
  older than its key (a write in between makes a newer key, and the entry is never read again);
- the viewer's **scope**: exactly what ``selectors._visibility`` filters by (superuser, or each
  membership's unit or subtree path), so two viewers share an entry only when they see the same
  rows;
- the language (labels are translated when computed) and the jixiao version.

A figure that also depends on the clock (drafts past their deadline) is stored with the next
deadline of the round: read after it, it is computed again. The cache backend is the
deployment's (``CACHES``; a per-process local-memory cache by default, which is exact too: each
process checks the key against the database on every request).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from django.core.cache import caches
from django.db.models import Min
from django.utils import timezone, translation

from jixiao import __version__
from jixiao.web.evaluations.models import Round, RoundRevision, Submission
from jixiao.web.evaluations.permissions import Permissions
from jixiao.web.evaluations.revision_triggers import ORG_TREE
from jixiao.web.orgs.models import Role

T = TypeVar("T")
CACHE_ALIAS = "default"
TIMEOUT = 24 * 3600  # an entry unread for a day goes; a changed round's entries are never read


def revision(round_id: int) -> tuple[int | None, int | None]:
    """The round's tag and the org tree's (None where nothing was written since the triggers
    were installed). One query."""
    tags = dict(
        RoundRevision.objects.filter(round_key__in=(round_id, ORG_TREE)).values_list(
            "round_key", "tag"
        )
    )
    return tags.get(round_id), tags.get(ORG_TREE)


def scope(permissions: Permissions) -> str:
    """What the viewer may see, as ``selectors._visibility`` filters it: everything, or the
    units of their unit roles and the subtrees of their other roles."""
    if permissions.is_superuser:
        return "*"
    parts = set()
    for m in permissions.memberships:
        if m.role in (Role.FILLER, Role.UNIT_HEAD):
            parts.add(f"unit:{m.org_id}")
        else:
            parts.add(f"tree:{m.org.path}")
    return "|".join(sorted(parts))


def cache_key(name: str, round_id: int, permissions: Permissions, *extra: Any) -> str:
    """The key of *name*'s figures of a round for a viewer, at the round's current revision."""
    parts = [
        __version__,
        name,
        round_id,
        *revision(round_id),
        scope(permissions),
        translation.get_language() or "",
        *extra,
    ]
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    return f"jixiao:round-figures:{name}:{round_id}:{digest}"


def next_deadline(round_: Round) -> datetime | None:
    """The earliest deadline of the round (its own or an extension) not yet passed: figures that
    count drafts past their deadline hold until then. One query."""
    now = timezone.now()
    extended = Submission.objects.filter(round=round_, extended_until__gte=now).aggregate(
        first=Min("extended_until")
    )["first"]
    candidates = [d for d in (extended, round_.deadline) if d is not None and d >= now]
    return min(candidates, default=None)


def cached(
    name: str,
    round_: Round,
    permissions: Permissions,
    compute: Callable[[], T],
    *extra: Any,
    clock: bool = False,
) -> T:
    """*compute*'s figures of *round_* for the viewer, from the cache when the round has not
    changed since they were computed. *extra*: anything else the figures depend on (a filter).
    *clock*: the figures also depend on which deadlines have passed."""
    cache = caches[CACHE_ALIAS]
    key = cache_key(name, round_.pk, permissions, *extra)
    stored = cache.get(key)
    if stored is not None:
        valid_until, value = stored
        if valid_until is None or timezone.now() < valid_until:
            return value
    # the round's deadline (the one field of the round the figures read) as of the revision just
    # read, not as the request found it before: it may have moved in between
    round_.refresh_from_db(fields=["deadline"])
    valid_until = next_deadline(round_) if clock else None  # None: no deadline left to pass
    value = compute()
    cache.set(key, (valid_until, value), TIMEOUT)
    return value
