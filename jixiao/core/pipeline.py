"""The one pipeline: dossier → figures → score → findings, in a single call.

``evaluate`` is what the CLI, the web application and batch jobs call. It never raises for a
bad dossier (that was refused when the dossier was built); rule crashes become findings.

With *ledgers* (the department's :class:`~jixiao.core.ledgers.LedgerSet`), the year's ledger
aggregates are computed first and every indicator that names one (``actual_from``) gets its
actual from them (:func:`~jixiao.core.ledgers.back_indicators`); the result's ``dossier`` is
that resolved dossier, ``ledgers`` says how each backed indicator fared, and framework formulas
can read aggregate keys. Without ledgers nothing changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from jixiao.core.checks import Context, run_checks
from jixiao.core.dossier import Dossier
from jixiao.core.figures import FigureBook
from jixiao.core.findings import Finding, Level
from jixiao.core.framework import Framework
from jixiao.core.ledgers import AggregateBook, ConversionFactors, LedgerReport, LedgerSet
from jixiao.core.ledgers.backing import back_indicators
from jixiao.core.scoring import Rescore, ScoreCard, score


@dataclass(frozen=True)
class Result:
    dossier: Dossier  # with ledger-backed actuals in place when ledgers were given
    framework: Framework
    figures: FigureBook
    score: ScoreCard
    findings: tuple[Finding, ...]
    ledgers: LedgerReport | None = None  # the year's aggregates and the backed indicators

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
    ledgers: LedgerSet | None = None,
    factors: ConversionFactors | None = None,
) -> Result:
    """Figures, score and findings of *dossier*; with *ledgers*, backed actuals from them.

    *factors* converts energy to standard coal (``energy.*`` aggregates are None without it).
    """
    report = None
    if ledgers is not None:
        dossier, report = back_indicators(dossier, AggregateBook(ledgers, dossier.year, factors))
    book = FigureBook(dossier)
    aggregates = report.book if report is not None else None
    card = score(dossier, framework, book=book, rescores=rescores, aggregates=aggregates)
    findings = run_checks(Context(dossier, book, framework, card, report))
    return Result(dossier, framework, book, card, tuple(findings), report)
