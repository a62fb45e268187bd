"""Findings: what a careful reviewer would note, as records with stable ids.

A finding is returned, never raised (as in Django's checks framework and beancount's
plugins). Its id (``budget.E001``) is stable: the same id shows in the CLI, the web and the
report, can be waived by id with a reason, and is never reused for another meaning. The
letter after the dot is the level: E error, W warning, I info (C is reserved for crashes of
the checking machinery itself). docs/findings.md catalogues every id.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum

from jixiao.core.dossier import Source, Waiver


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


@dataclass(frozen=True)
class Where:
    """The place a finding refers to: a field path in the dossier, and its source when known."""

    path: str = ""
    source: Source | None = None

    def describe(self) -> str:
        place = self.path
        if self.source is not None:
            origin = self.source.describe()
            quoted = f"“{self.source.text}”" if self.source.text else ""
            place = " ".join(p for p in (place, origin, quoted) if p)
        return place


@dataclass(frozen=True)
class Finding:
    id: str
    level: Level
    message: str  # Chinese, one sentence, with the figures that matter
    hint: str = ""  # what to do about it
    where: Where = field(default_factory=Where)
    message_en: str = ""
    waived: str | None = None  # the reason, when waived
    hint_en: str = ""

    @property
    def blocking(self) -> bool:
        """An unwaived error blocks submission and makes `jixiao check` exit 1."""
        return self.level is Level.ERROR and self.waived is None

    def as_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "id": self.id,
            "level": self.level.value,
            "message": self.message,
            "message_en": self.message_en,
            "hint": self.hint,
            "hint_en": self.hint_en,
            "where": self.where.path,
        }
        if self.where.source is not None:
            data["source"] = self.where.source.model_dump(exclude_none=True)
        if self.waived is not None:
            data["waived"] = self.waived
        return data


def apply_waivers(findings: list[Finding], waivers: tuple[Waiver, ...]) -> list[Finding]:
    """Mark findings waived by id (and, when the waiver names one, by field path)."""
    result = []
    for finding in findings:
        waiver = next(
            (
                w
                for w in waivers
                if w.id == finding.id and (w.where is None or w.where == finding.where.path)
            ),
            None,
        )
        result.append(replace(finding, waived=waiver.reason) if waiver else finding)
    return result


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.level.rank, f.id, f.where.path))
