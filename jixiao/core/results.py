"""Use of results (结果应用): from a report's grade and findings to a suggested budget action.

A finance bureau keeps its rules as data (:class:`ResultRules`): the share by which next year's
project budget is to be reduced for each grade (e.g. 差 → 10%, 中 → 5%), the finding ids that
call for rectification (整改), and whether any unwaived error-level finding does. :func:`suggest`
applies them to one report and says why, in Chinese and English. The bureau then decides; the
suggestion only prepares that decision.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

GRADES = ("优", "良", "中", "差")
GRADE_EN = {"优": "Excellent", "良": "Good", "中": "Fair", "差": "Poor"}


@dataclass(frozen=True)
class ResultRules:
    """One bureau's rules: grade → budget reduction share (percent of next year's project
    budget), finding ids → rectification, and whether every error-level finding calls for it."""

    grade_cuts: Mapping[str, Decimal] = field(default_factory=dict)
    rectify_findings: frozenset[str] = frozenset()
    rectify_on_any_error: bool = True


DEFAULT_RULES = ResultRules(
    grade_cuts={"优": Decimal(0), "良": Decimal(0), "中": Decimal(5), "差": Decimal(10)},
    rectify_findings=frozenset(),
    rectify_on_any_error=True,
)


@dataclass(frozen=True)
class Reason:
    zh: str
    en: str


@dataclass(frozen=True)
class Suggestion:
    """What the rules suggest for one report: a reduction share (0 = budget kept), whether
    rectification is required, and why."""

    cut_share: Decimal
    rectify: bool
    reasons: tuple[Reason, ...]

    @property
    def kind(self) -> str:
        return "reduce" if self.cut_share > 0 else "keep"

    def text(self, lang: str = "zh") -> str:
        """The suggestion in one line: 压减下年度项目预算10%，并整改."""
        share = _percent(self.cut_share)
        if lang == "en":
            head = (
                f"Reduce next year's project budget by {share}%"
                if self.cut_share > 0
                else "Keep next year's budget"
            )
            return head + ("; rectification required" if self.rectify else "")
        head = f"压减下年度项目预算{share}%" if self.cut_share > 0 else "维持下年度预算安排"
        return head + ("，并限期整改" if self.rectify else "")


def _percent(value: Decimal) -> str:
    """A share without stray decimals: 10, 7.5."""
    return format(value.normalize(), "f")


def _finding_triggers(
    findings: Iterable[Mapping[str, object]], rules: ResultRules
) -> tuple[list[str], bool]:
    """The listed finding ids present (unwaived), and whether any unwaived error is present."""
    listed: list[str] = []
    any_error = False
    for finding in findings:
        if finding.get("waived"):
            continue
        ident = str(finding.get("id", ""))
        if ident in rules.rectify_findings and ident not in listed:
            listed.append(ident)
        if finding.get("level") == "error":
            any_error = True
    return listed, any_error


def suggest(
    grade: str, findings: Iterable[Mapping[str, object]], rules: ResultRules = DEFAULT_RULES
) -> Suggestion:
    """Apply *rules* to a report's final grade ("" when none) and its stored findings."""
    reasons: list[Reason] = []
    cut = Decimal(rules.grade_cuts.get(grade, Decimal(0))) if grade else Decimal(0)
    if cut < 0 or cut > 100:
        raise ValueError(
            f"等级“{grade}”的压减比例 {cut} 应在 0–100 之间 / "
            f"the reduction for grade {grade} must be between 0 and 100"
        )
    if cut > 0:
        reasons.append(
            Reason(
                f"评价等级为“{grade}”，规则：压减下年度项目预算{_percent(cut)}%",
                f"grade {GRADE_EN.get(grade, grade)}: the rule reduces next year's project "
                f"budget by {_percent(cut)}%",
            )
        )
    elif not grade:
        reasons.append(
            Reason(
                "尚无评价等级，不建议调整预算",
                "no grade yet: no budget change suggested",
            )
        )
    listed, any_error = _finding_triggers(findings, rules)
    for ident in listed:
        reasons.append(
            Reason(f"存在审核发现 {ident}，规则要求整改", f"finding {ident} requires rectification")
        )
    error_rule = rules.rectify_on_any_error and any_error
    if error_rule and not listed:
        reasons.append(
            Reason(
                "存在未豁免的错误级审核发现，规则要求整改",
                "unwaived error-level findings: rectification required",
            )
        )
    return Suggestion(cut_share=cut, rectify=bool(listed) or error_rule, reasons=tuple(reasons))


def parse_finding_ids(text: str) -> frozenset[str]:
    """Finding ids from a list a clerk typed (commas, spaces, 、 or new lines between them),
    each checked against the catalogue's form ``area.L000`` (e.g. ``money.E012``)."""
    parts = [p for p in re.split(r"[\s,，、;；]+", text or "") if p]
    bad = [p for p in parts if not re.fullmatch(r"[a-z_]+\.[ECWI]\d{3}", p)]
    if bad:
        raise ValueError(
            f"审核发现编号格式不对：{'、'.join(bad)}（应如 money.E012）/ "
            f"malformed finding ids: {', '.join(bad)} (expected e.g. money.E012)"
        )
    return frozenset(parts)
