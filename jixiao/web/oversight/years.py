"""One unit across its years: figures, scores and findings per round, and what its narrative
changed from one year to the next.

The narrative comparison is by paragraph (``difflib``): each paragraph of a year is *the same as
last year* (word for word, anywhere in last year's narrative: carried over unchanged, itself a
signal to a reviewer), *changed* (close to one of last year's paragraphs in the same section, the
edits marked character by character), or *new*; last year's paragraphs that found no
counterpart are listed as *removed*.
"""

from __future__ import annotations

import difflib
import itertools
from dataclasses import dataclass, field
from typing import Any

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from jixiao.web.evaluations.forms import NARRATIVE_LABELS
from jixiao.web.evaluations.models import Submission
from jixiao.web.evaluations.selectors import submissions_visible_to
from jixiao.web.orgs.models import Org
from jixiao.web.oversight import figures

SAME, CHANGED, NEW, REMOVED = "same", "changed", "new", "removed"
STATUS_LABELS = {
    SAME: _("与上年相同"),
    CHANGED: _("有修改"),
    NEW: _("新增"),
    REMOVED: _("上年有、本年删去"),
}
SIMILAR = 0.6  # a paragraph at least this close to last year's is an edit of it, not a new one


def org_submissions(*, user: Any, org_id: int) -> tuple[Org, list[Submission]]:
    """The unit and its submissions the user may see, oldest year first (404 when none)."""
    if abs(org_id) >= 2**63:  # no such unit; the database's integer would overflow
        raise Http404("单位不存在或无权查看 / no such unit, or not yours to see")
    rows = submissions_visible_to(user).filter(org_id=org_id)
    figures.fill_missing(rows)
    found = list(
        rows.select_related("current_version__oversight_figures").order_by(
            "round__year", "round__created", "pk"
        )
    )
    if not found:
        raise Http404("单位不存在或无权查看 / no such unit, or not yours to see")
    return found[0].org, found


@dataclass
class Segment:
    op: str  # "equal", "insert", "delete"
    text: str


@dataclass
class Paragraph:
    status: str
    text: str
    segments: list[Segment] = field(default_factory=list)  # for a changed paragraph

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self.status])


@dataclass
class SectionDiff:
    key: str
    label: str
    paragraphs: list[Paragraph]

    @property
    def counts(self) -> dict[str, int]:
        tally = {SAME: 0, CHANGED: 0, NEW: 0, REMOVED: 0}
        for paragraph in self.paragraphs:
            tally[paragraph.status] += 1
        return tally


def _paragraphs(data: dict[str, Any], key: str) -> list[str]:
    narratives = data.get("narratives") if isinstance(data, dict) else None
    value = narratives.get(key) if isinstance(narratives, dict) else None
    if not isinstance(value, list | tuple):
        return []
    return [text.strip() for text in value if isinstance(text, str) and text.strip()]


def _segments(old: str, new: str) -> list[Segment]:
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    segments: list[Segment] = []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            segments.append(Segment("equal", new[b0:b1]))
            continue
        if a1 > a0:
            segments.append(Segment("delete", old[a0:a1]))
        if b1 > b0:
            segments.append(Segment("insert", new[b0:b1]))
    return segments


def _closest(text: str, candidates: list[str]) -> tuple[int, float]:
    best, best_ratio = -1, 0.0
    for index, candidate in enumerate(candidates):
        matcher = difflib.SequenceMatcher(None, candidate, text, autojunk=False)
        if matcher.quick_ratio() < SIMILAR:
            continue
        ratio = matcher.ratio()
        if ratio > best_ratio:
            best, best_ratio = index, ratio
    return best, best_ratio


def section_diff(
    previous: list[str], current: list[str], everything_before: set[str]
) -> list[Paragraph]:
    """This year's paragraphs of one section against last year's, then last year's leftovers."""
    unused = list(previous)
    result: list[Paragraph] = []
    for text in current:
        if text in unused:
            unused.remove(text)
            result.append(Paragraph(SAME, text))
        elif text in everything_before:  # moved from another section, unchanged
            result.append(Paragraph(SAME, text))
        else:
            index, _ratio = _closest(text, unused)
            if index < 0:
                result.append(Paragraph(NEW, text))
            else:
                old = unused.pop(index)
                result.append(Paragraph(CHANGED, text, _segments(old, text)))
    result += [Paragraph(REMOVED, text) for text in unused]
    return result


def narrative_diff(previous: dict[str, Any], current: dict[str, Any]) -> list[SectionDiff]:
    """Every narrative section that has text in either year, in the report's order."""
    everything_before = {p for key in NARRATIVE_LABELS for p in _paragraphs(previous, key)}
    sections = []
    for key, label in NARRATIVE_LABELS.items():
        old, new = _paragraphs(previous, key), _paragraphs(current, key)
        if old or new:
            sections.append(SectionDiff(key, str(label), section_diff(old, new, everything_before)))
    return sections


def _figures_row(submission: Submission) -> dict[str, Any]:
    version = submission.current_version
    stored = getattr(version, "oversight_figures", None) if version else None
    return {
        "submission": submission,
        "year": submission.round.year,
        "round": submission.round,
        "state": submission.get_state_display(),
        "budget": stored.budget_total if stored else None,
        "executed": stored.executed_total if stored else None,
        "execution": stored.execution_rate if stored else None,
        "authorized": stored.staff_authorized if stored else None,
        "in_service": stored.staff_in_service if stored else None,
        "self": version.self_total if version else None,
        "final": version.final_total if version else None,
        "final_text": version.final_text if version else "—",
        "grade": version.final_grade if version else "",
        "errors": version.error_count if version else 0,
        "warnings": version.warning_count if version else 0,
    }


def year_over_year(*, user: Any, org_id: int) -> dict[str, Any]:
    """The unit, a figures row per submission, and the narrative changes between consecutive
    years (the latest submission of each year; a year with several rounds keeps its latest)."""
    org, submissions = org_submissions(user=user, org_id=org_id)
    rows = [_figures_row(s) for s in submissions]
    latest_per_year: dict[int, Submission] = {}
    for submission in submissions:
        latest_per_year[submission.round.year] = submission
    years = sorted(latest_per_year)
    changes = []
    for before, after in itertools.pairwise(years):
        old = latest_per_year[before].current_version
        new = latest_per_year[after].current_version
        sections = narrative_diff(old.data if old else {}, new.data if new else {})
        same = sum(s.counts[SAME] for s in sections)
        total = sum(s.counts[SAME] + s.counts[CHANGED] + s.counts[NEW] for s in sections)
        changes.append(
            {
                "before": before,
                "after": after,
                "sections": sections,
                "same": same,
                "total": total,
                "submission": latest_per_year[after],
            }
        )
    changes.reverse()  # the latest change first
    return {
        "org": org,
        "rows": rows,
        "changes": changes,
        "findings": findings_by_year(submissions),
    }


def findings_by_year(submissions: list[Submission]) -> dict[str, Any]:
    """Each finding id in any year's current version, with its count per submission (waived
    ones included), most recurrent first: a problem that returns year after year stands out."""
    from jixiao.web.oversight.selectors import finding_title

    counts: dict[str, list[int]] = {}
    for column, submission in enumerate(submissions):
        version = submission.current_version
        stored = version.findings if version is not None else []
        for finding in stored if isinstance(stored, list) else []:
            finding_id = finding.get("id") if isinstance(finding, dict) else None
            if finding_id:
                counts.setdefault(finding_id, [0] * len(submissions))[column] += 1
    rows = [
        {"id": finding_id, "title": finding_title(finding_id), "counts": per_year}
        for finding_id, per_year in counts.items()
    ]
    rows.sort(key=lambda r: (-sum(1 for n in r["counts"] if n), r["id"]))
    return {"years": [s.round.year for s in submissions], "rows": rows}
