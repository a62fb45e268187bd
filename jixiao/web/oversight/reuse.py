"""What the 重复段落 (reused paragraphs) view of one report shows, by the viewer's permissions.

Each reused paragraph of the report's current version is shown beside its source with the
common text marked. The source's text, unit and link are shown only when the viewer may read
it: a submission the viewer may open (``Permissions.can_view``: the unit itself, its 主管部门,
the bureau), or a published report (已公开, public on the portal). Otherwise the view says only
that the paragraph matches a report of another unit: neither its text, nor its unit, nor its
year, so a unit never learns anything of another unit's unpublished report.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from jixiao.core.dossier import dossier_from_data
from jixiao.core.errors import InputError
from jixiao.core.locations import describe_path
from jixiao.web.evaluations.models import SUBMITTED_STATES, State, Submission
from jixiao.web.evaluations.permissions import Permissions
from jixiao.web.language import page_in_english
from jixiao.web.oversight import analysis
from jixiao.web.oversight.models import ReusedParagraph, VersionAnalysis


def _lang() -> Any:
    return "en" if page_in_english() else "zh"


def _dossier(data: Any) -> Any:
    try:
        return dossier_from_data(data, origin="<web>")
    except (InputError, TypeError, ValueError):
        return None


def _source(
    row: ReusedParagraph, submission: Submission, permissions: Permissions
) -> dict[str, Any]:
    source = row.source_version.submission
    readable = permissions.can_view(source)
    public = source.state == State.PUBLISHED
    if not (readable or public):
        return {"visible": False}
    if readable:
        link = reverse("submission_detail", args=[source.pk])
    else:
        link = reverse("portal:report", args=[source.pk])
    return {
        "visible": True,
        "same_unit": source.org_id == submission.org_id,
        "unit": source.org.name,
        "year": source.round.year,
        "notice": source.round.notice,
        "state": source.get_state_display(),
        "link": link,
        "place": describe_path(row.source_place, None, _lang()),
        "segments": analysis.common_segments(row.source_text, row.text),
    }


def reuse_for(*, user: Any, submission: Submission) -> dict[str, Any]:
    """The report's reused paragraphs, each with its source as far as *user* may see it.
    Brings the round's analysis up to date first (once per change of the round's reports)."""
    version = submission.current_version
    if version is None or submission.state not in SUBMITTED_STATES:
        return {"compared": False, "paragraphs": [], "summary": None}
    round_analysis = analysis.ensure_fresh(submission.round)
    summary = VersionAnalysis.objects.filter(version=version).first()
    rows = ReusedParagraph.objects.filter(version=version).select_related(
        "source_version__submission__org", "source_version__submission__round"
    )
    permissions = Permissions.of(user)
    paragraphs = []
    dossier = _dossier(version.data)
    for row in rows:
        paragraphs.append(
            {
                "id": row.pk,
                "place": describe_path(row.place, dossier, _lang()),
                "segments": analysis.common_segments(row.text, row.source_text),
                "similarity": row.similarity * 100,
                "documents": row.documents,
                "source": _source(row, submission, permissions),
            }
        )
    return {
        "compared": True,
        "paragraphs": paragraphs,
        "summary": summary,
        "documents": round_analysis.documents,
        "computed": round_analysis.computed,
    }
