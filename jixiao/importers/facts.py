"""The pieces readers hand back: a value read at a place, and the findings collector."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.importers.document import ReportText
from jixiao.importers.result import ImportFinding, Level


@dataclass(frozen=True)
class Fact:
    """A number read from the report: what it is, its value and its span in normalised text."""

    key: str  # a figure key ("staffing.retired") or a raw field path
    value: Decimal
    start: int
    end: int
    label: str = ""


@dataclass
class Findings:
    """Collects importer findings; each id is documented in docs/findings.md."""

    report: ReportText
    items: list[ImportFinding] = field(default_factory=list)
    _seen: set[ImportFinding] = field(default_factory=set)

    def add(
        self,
        id: str,
        level: Level,
        message: str,
        hint: str = "",
        span: tuple[int, int] | None = None,
    ) -> None:
        source = self.report.source(*span) if span else None
        where = source.describe() if source else self.report.file
        finding = ImportFinding(id, level, message, hint, where, source)
        if finding not in self._seen:
            self._seen.add(finding)
            self.items.append(finding)
