"""What an import claims to have read, as the figures view shows it: the shared helper of the
importer's wording- and layout-class tests."""

from __future__ import annotations

from jixiao.core.figures import FigureBook
from jixiao.importers.result import ImportResult


def claimed_figures(result: ImportResult) -> dict[str, str]:
    """The flat figures the importer traced to the text (profile fields left out)."""
    flat = FigureBook(result.dossier).flat()
    return {
        key: flat[key] for key in result.sources if key in flat and not key.startswith("profile.")
    }


MONEY_KEYS = ("budget.", "executed.", "income.")


def money_only(figures: dict[str, str]) -> dict[str, str]:
    """The money figures (budget, spending, income) of `claimed_figures`."""
    return {key: value for key, value in figures.items() if key.startswith(MONEY_KEYS)}


def stated_rate(result: ImportResult) -> str | None:
    """The 执行率 as the report states it (the figures view shows the computed one)."""
    if "rates.execution" not in result.sources:
        return None
    stated = FigureBook(result.dossier).figure("rates.execution").stated
    return None if stated is None else f"{stated.normalize():f}"
