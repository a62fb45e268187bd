"""What every importer returns: the dossier draft, findings, and where each value came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from jixiao.core.dossier import Dossier, Source
from jixiao.core.findings import Finding, Where
from jixiao.core.findings import Level as FindingLevel

Level = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class ImportFinding:
    """Something the importer could not read with certainty (catalogue: docs/findings.md).

    A plain record with the same fields as the core Finding (id, level, message, hint, where),
    so it converts one to one.
    """

    id: str  # "import.W003"
    level: Level
    message: str  # "中文 / English"
    hint: str = ""  # "中文 / English", as the message
    where: str | None = None  # "report.txt 第12段 字符3-9"
    source: Source | None = field(default=None, compare=False)

    def to_finding(self) -> Finding:
        """The core Finding (as the checks return), the source kept for pointing at the text."""
        zh, _, en = self.message.partition(" / ")
        hint_zh, _, hint_en = self.hint.partition(" / ")
        return Finding(
            self.id,
            FindingLevel(self.level),
            zh,
            hint_zh,
            Where("", self.source),
            en,
            hint_en=hint_en,
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "level": self.level,
            "message": self.message,
            "hint": self.hint,
            "where": self.where,
            **({"source": self.source.model_dump(exclude_none=True)} if self.source else {}),
        }


@dataclass
class ImportResult:
    """A dossier draft with its findings and, per figure key, the place it was read from."""

    dossier_data: dict[str, Any]
    dossier: Dossier
    findings: list[ImportFinding] = field(default_factory=list)
    sources: dict[str, Source] = field(default_factory=dict)  # figure key → Source
    # what the text lacked and the draft holds a placeholder for: "year", "department"
    missing: list[str] = field(default_factory=list)
