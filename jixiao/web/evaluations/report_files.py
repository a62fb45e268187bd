"""Report files of sealed (approved) versions, rendered once, kept in storage and streamed.

A locked version never changes. Its report still depends on the finance bureau's re-scores (the
report states them), on the renderers (jixiao's version) and on the language the report is
rendered in: the stored file's name is a digest of all of these, so any change of one renders a
new file and an old one is never served for it. Files live in the default storage under
``reports/rendered/<version id>/`` and are served with ``FileResponse`` (streamed from disk, not
held in memory); a draft's report, which changes with every save, is rendered per request.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import Count, Max
from django.utils.translation import get_language

import jixiao
from jixiao.web.evaluations import reports

FOLDER = "reports/rendered"


def stored_name(submission: Any, version: Any, fmt: str) -> str:
    """The storage name of *version*'s report in *fmt* as it would be rendered now (one query:
    the re-scores' count and last change)."""
    rescored = submission.rescores.aggregate(last=Max("at"), n=Count("pk"))
    stamp = "|".join(
        str(part)
        for part in (
            version.pk,
            version.content_hash,
            version.approved_at and version.approved_at.isoformat(),
            submission.round.framework_id,
            rescored["n"],
            rescored["last"] and rescored["last"].isoformat(),
            jixiao.__version__,
            get_language(),
            fmt,
        )
    )
    digest = hashlib.sha256(stamp.encode("utf-8")).hexdigest()[:32]
    return f"{FOLDER}/{version.pk}/{digest}.{fmt}"


def rendered(
    submission: Any, version: Any, fmt: str, render: Callable[[], reports.ReportFile]
) -> Any:
    """The stored file of *version*'s report in *fmt*, opened for reading; rendered with
    *render* and stored first when there is none yet (``ReportUnavailable`` passes through)."""
    name = stored_name(submission, version, fmt)
    if not default_storage.exists(name):
        saved = default_storage.save(name, ContentFile(render().content))
        if saved != name:  # another request stored the same file meanwhile: keep theirs
            default_storage.delete(saved)
    return default_storage.open(name, "rb")
