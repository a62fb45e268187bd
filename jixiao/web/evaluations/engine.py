"""The bridge from stored dossier data to the core pipeline: validate, evaluate, summarise.

Views, services and the API never call the core directly; they ask this module for an
:class:`Assessment` of a dossier's data. When the core's pipeline is not importable (a partial
install), the assessment says so (``engine_ready`` False) instead of failing: the data can still
be entered, validated and reviewed.
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.utils import translation
from django.utils.translation import gettext

from jixiao.core.checks import INVALID_INPUT_ID
from jixiao.core.dossier import Dossier, dossier_from_data
from jixiao.core.errors import InputError, Problem
from jixiao.core.locations import describe_path
from jixiao.core.numbers import format_score
from jixiao.web.evaluations.vocabulary import in_english


@dataclass
class ItemLine:
    """One row of the score table, as the web shows it."""

    id: str
    path: str
    name: str
    weight: Decimal
    points: Decimal | None
    status: str
    explanation: str
    target: str = ""
    actual: str = ""
    indicator_id: str | None = None
    self_score: Decimal | None = None
    rescore: Decimal | None = None
    rescore_comment: str = ""
    name_en: str = ""  # the framework's English name for a framework leaf
    explanation_en: str = ""
    path_parts: list[dict[str, str]] = field(default_factory=list)  # {"name", "name_en"} each


@dataclass
class Assessment:
    dossier: Dossier | None
    problems: list[Problem] = field(default_factory=list)  # the data does not validate
    findings: list[dict[str, Any]] = field(default_factory=list)
    items: list[ItemLine] = field(default_factory=list)
    total: Decimal | None = None
    grade: str = ""
    self_total: Decimal | None = None
    rescore_total: Decimal | None = None
    # the final score (ScoreCard.final): basis "rescore", "computed" or "insufficient";
    # empty when nothing was assessed (invalid data, no engine)
    final_total: Decimal | None = None
    final_grade: str = ""
    final_basis: str = ""
    framework_name: str = ""
    framework_name_en: str = ""
    notes: list[str] = field(default_factory=list)
    notes_en: list[str] = field(default_factory=list)
    engine_ready: bool = True
    result: Any = None  # the pipeline's Result, for report composition

    @property
    def errors(self) -> list[dict[str, Any]]:
        return [f for f in self.findings if f["level"] == "error" and not f.get("waived")]

    @property
    def warnings(self) -> list[dict[str, Any]]:
        return [f for f in self.findings if f["level"] == "warning" and not f.get("waived")]

    @property
    def blocking(self) -> list[dict[str, Any]]:
        """What stops a submission: invalid data, or unwaived error-level findings."""
        invalid = [
            {
                "id": INVALID_INPUT_ID,
                "level": "error",
                "message": p.zh,
                "message_en": p.en,
                "hint": "",
                "hint_en": "",
                "where": p.path,
            }
            for p in self.problems
        ]
        return locate_findings(invalid, self.dossier) + self.errors

    @property
    def rescored(self) -> bool:
        return any(i.rescore is not None for i in self.items)

    @property
    def final_text(self) -> str:
        return final_text(self.final_total, self.final_basis)

    @property
    def computed_text(self) -> str:
        """The computed total, or 证据不足 while it is partial."""
        if self.total is not None and not self.grade:
            return final_text(None, "insufficient")
        return final_text(self.total, "computed")

    @property
    def display_notes(self) -> list[str]:
        """The notes in the page's language (English when every note has its English)."""
        english = translation.get_language() or ""
        if english.startswith("en") and len(self.notes_en) == len(self.notes):
            return self.notes_en
        return self.notes

    def findings_at(self, prefix: str) -> list[dict[str, Any]]:
        return [f for f in self.findings if path_matches(f.get("where", ""), prefix)]


def locate_findings(
    findings: list[dict[str, Any]],
    dossier: Dossier | None,
    item_names: dict[str, str] | None = None,
    item_names_en: dict[str, str] | None = None,
) -> list[dict[str, Any]]:
    """Give each finding its place in words (``where_label``, ``where_label_en``) beside the
    stable ``where`` path that scripts and waivers use."""
    for finding in findings:
        where = finding.get("where", "") or ""
        finding["where_label"] = describe_path(where, dossier, item_names=item_names)
        finding["where_label_en"] = describe_path(
            where, dossier, "en", item_names=item_names_en or item_names, words=in_english
        )
    return findings


def locate_stored_findings(
    findings: list[dict[str, Any]], data: dict[str, Any], framework_id: str | None = None
) -> list[dict[str, Any]]:
    """Stored findings (copied) with their places in words, named from the stored dossier data."""
    try:
        dossier: Dossier | None = dossier_from_data(data, origin="<web>")
    except InputError:
        dossier = None  # positions still read as words, without the items' names
    return locate_findings(
        [dict(f) for f in findings],
        dossier,
        framework_item_names(framework_id),
        framework_item_names(framework_id, english=True),
    )


def framework_item_names(framework_id: str | None, english: bool = False) -> dict[str, str]:
    """Framework indicator id → name (its English name, when the pack gives one, with
    *english*), to name ``score.ID`` places; empty when unavailable."""
    try:
        from jixiao.frameworks import load_framework

        framework = load_framework(framework_id or None)
    except (ImportError, InputError):
        return {}
    return {
        node.id: (node.name_en or node.name) if english else node.name
        for _, node in framework.leaves()
    }


def final_text(total: Decimal | None, basis: str) -> str:
    """How every page shows a final score: "87.5", "—（证据不足）" (== core's INSUFFICIENT_TEXT,
    in English on an English page) or "—" when nothing was assessed."""
    from django.utils.translation import gettext

    if basis == "insufficient":
        return gettext("—（证据不足）")
    return "—" if total is None else format_score(total)


def path_matches(path: str, prefix: str) -> bool:
    """'indicators[2].target' lies under 'indicators[2]' and 'indicators', not under 'indicators[20]'."""
    if not prefix:
        return True
    return path == prefix or path.startswith(prefix + ".") or path.startswith(prefix + "[")


def _pipeline() -> Any:
    try:
        from jixiao.core import pipeline
    except ImportError:
        return None
    return getattr(pipeline, "evaluate", None)


def assess(
    data: dict[str, Any],
    *,
    framework_id: str | None = None,
    rescores: dict[str, tuple[Decimal, str]] | None = None,
    ledgers: Any = None,
) -> Assessment:
    """Validate *data* and run the pipeline on it; never raises for bad data.

    *ledgers* (``jixiao.web.ledgers.snapshots.Ledgers``: the unit's records and the energy
    factors) backs the indicators that name a ledger aggregate, runs the ``ledgers.*`` checks
    and gives the report its ledger-written sections; callers with a version get it from
    :func:`jixiao.web.evaluations.services.assess_version`."""
    try:
        dossier = dossier_from_data(data, origin="<web>")
    except InputError as error:
        return Assessment(dossier=None, problems=list(error.problems))
    evaluate = _pipeline()
    if evaluate is None:
        return Assessment(
            dossier=dossier,
            engine_ready=False,
            notes=[gettext("评分引擎尚未安装，暂不计算得分与审核发现")],
        )
    kwargs: dict[str, Any] = {}
    parameters = inspect.signature(evaluate).parameters
    try:
        if "framework" in parameters:
            from jixiao.frameworks import load_framework

            kwargs["framework"] = load_framework(framework_id or None)
        elif framework_id and "framework_id" in parameters:
            kwargs["framework_id"] = framework_id
        if rescores and "rescores" in parameters:
            from jixiao.core.scoring import Rescore

            kwargs["rescores"] = {k: Rescore(points=p, comment=c) for k, (p, c) in rescores.items()}
        if ledgers is not None and "ledgers" in parameters:
            kwargs["ledgers"] = ledgers.records
            kwargs["factors"] = ledgers.factors
        result = evaluate(dossier, **kwargs)
    except InputError as error:  # e.g. an unknown framework id
        return Assessment(dossier=dossier, problems=list(error.problems))
    return _summarise(dossier, result)


def _set_final(assessment: Assessment, card: Any) -> None:
    """Copy the card's final score; a card without one (a stand-in) is judged by its total."""
    final = getattr(card, "final", None)
    if final is not None:
        assessment.final_total = final.total
        assessment.final_grade = final.grade or ""
        assessment.final_basis = final.basis.value
    elif card.total is not None and card.grade:
        assessment.final_total, assessment.final_grade = card.total, card.grade
        assessment.final_basis = "computed"
    else:
        assessment.final_basis = "insufficient"


def _summarise(dossier: Dossier, result: Any) -> Assessment:
    card = getattr(result, "score", None)
    names = {item.id: item.name for item in getattr(card, "items", ())}
    names_en = {
        item.id: getattr(item, "name_en", "") or item.name for item in getattr(card, "items", ())
    }
    findings = locate_findings(
        [f.as_dict() for f in getattr(result, "findings", [])], dossier, names, names_en
    )
    assessment = Assessment(dossier=dossier, findings=findings, result=result)
    if card is None:
        return assessment
    assessment.total = card.total
    assessment.grade = card.grade or ""
    assessment.self_total = card.self_total
    assessment.rescore_total = getattr(card, "rescore_total", None)
    _set_final(assessment, card)
    assessment.framework_name = getattr(card, "framework_name", "")
    framework = getattr(result, "framework", None)
    assessment.framework_name_en = getattr(framework, "name_en", "") or ""
    assessment.notes = list(getattr(card, "notes", ()))
    assessment.notes_en = list(getattr(card, "notes_en", ()))
    english_names = _english_names(framework)
    for item in card.items:
        rescore = getattr(item, "rescore", None)
        assessment.items.append(
            ItemLine(
                id=item.id,
                path=" / ".join(item.path),
                name=item.name,
                weight=item.weight,
                points=item.points,
                status=str(
                    getattr(item.status, "label", None)
                    or getattr(item.status, "value", item.status)
                ),
                explanation=item.explanation,
                target=getattr(item, "target", ""),
                actual=getattr(item, "actual", ""),
                indicator_id=getattr(item, "indicator_id", None),
                self_score=getattr(item, "self_score", None),
                rescore=rescore.points if rescore else None,
                rescore_comment=rescore.comment if rescore else "",
                name_en=getattr(item, "name_en", ""),
                explanation_en=getattr(item, "explanation_en", ""),
                path_parts=[{"name": n, "name_en": english_names.get(n, "")} for n in item.path],
            )
        )
    return assessment


def _english_names(framework: Any) -> dict[str, str]:
    """Each node name of *framework* → its English name (the nodes that have one)."""
    names: dict[str, str] = {}
    stack = list(getattr(framework, "indicators", ()))
    while stack:
        node = stack.pop()
        if node.name_en:
            names[node.name] = node.name_en
        stack.extend(node.children)
    return names
