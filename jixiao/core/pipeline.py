"""The one pipeline: dossier → figures → score → findings, in a single call.

``evaluate`` is what the CLI, the web application and batch jobs call. It never raises for a
bad dossier (that was refused when the dossier was built); rule crashes become findings.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from jixiao.core.checks import Context, run_checks
from jixiao.core.dossier import Dossier
from jixiao.core.figures import FigureBook
from jixiao.core.findings import Finding, Level
from jixiao.core.framework import Framework
from jixiao.core.scoring import Rescore, ScoreCard, score


@dataclass(frozen=True)
class Result:
    dossier: Dossier
    framework: Framework
    figures: FigureBook
    score: ScoreCard
    findings: tuple[Finding, ...]

    @property
    def blocking(self) -> list[Finding]:
        """Unwaived error-level findings: they block submission and make `check` exit 1."""
        return [f for f in self.findings if f.blocking]

    def count(self, level: Level) -> int:
        return sum(1 for f in self.findings if f.level is level and f.waived is None)


def evaluate(
    dossier: Dossier,
    framework: Framework,
    *,
    rescores: Mapping[str, Rescore] | None = None,
) -> Result:
    book = FigureBook(dossier)
    card = score(dossier, framework, book=book, rescores=rescores)
    findings = run_checks(Context(dossier, book, framework, card))
    return Result(dossier, framework, book, card, tuple(findings))
