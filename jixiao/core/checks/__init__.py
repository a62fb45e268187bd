"""The check registry: rules that read a scored dossier and return findings.

A rule is a generator function registered with :func:`rule`, which fixes its id, level and
title; it yields :class:`Note` records and the registry turns them into findings. A rule that
crashes becomes a finding (``core.C001``) instead of stopping the others. Importing this package
registers every rule module below.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal

from jixiao.core.dossier import Dossier, Source
from jixiao.core.figures import FigureBook
from jixiao.core.findings import Finding, Level, Where, apply_waivers, sort_findings
from jixiao.core.framework import Framework
from jixiao.core.ledgers.backing import LedgerReport
from jixiao.core.money import round_half_up
from jixiao.core.scoring import ScoreCard

# Two statements of one figure closer than this are the same (a report rounds to 0.01).
TOLERANCE = Decimal("0.005")


@dataclass(frozen=True)
class Context:
    dossier: Dossier
    book: FigureBook
    framework: Framework
    card: ScoreCard
    ledgers: LedgerReport | None = None  # when the dossier's ledgers were given


@dataclass(frozen=True)
class Note:
    message: str
    message_en: str = ""
    hint: str = ""
    path: str = ""
    source: Source | None = None
    hint_en: str = ""  # the hint in English; a note with a hint has one (a test checks)


RuleFunction = Callable[[Context], Iterator[Note]]


@dataclass(frozen=True)
class Rule:
    id: str
    level: Level
    title: str
    title_en: str
    function: RuleFunction


RULES: dict[str, Rule] = {}
CRASH_ID = "core.C001"
INVALID_INPUT_ID = "input.E000"  # data that fails validation (a form or API write): never scored


def rule(rule_id: str, title: str, title_en: str) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule; the letter after the dot in *rule_id* is its level (E, W, I)."""
    level = {"E": Level.ERROR, "W": Level.WARNING, "I": Level.INFO}[rule_id.split(".")[1][0]]

    def register(function: RuleFunction) -> RuleFunction:
        if rule_id in RULES:
            raise ValueError(f"duplicate rule id {rule_id}")
        RULES[rule_id] = Rule(rule_id, level, title, title_en, function)
        return function

    return register


def run_rule(item: Rule, context: Context) -> list[Finding]:
    try:
        return [
            Finding(
                item.id,
                item.level,
                n.message,
                n.hint,
                Where(n.path, n.source),
                n.message_en,
                hint_en=n.hint_en,
            )
            for n in item.function(context)
        ]
    except Exception as error:
        return [
            Finding(
                CRASH_ID,
                Level.ERROR,
                f"检查规则 {item.id} 运行出错：{type(error).__name__}: {error}",
                "这是 jixiao 的缺陷，请报告；其余检查结果仍然有效",
                Where(),
                f"check {item.id} crashed: {type(error).__name__}: {error}",
                hint_en="This is a bug in jixiao: please report it; the other findings still stand",
            )
        ]


def run_checks(context: Context, *, only: set[str] | None = None) -> list[Finding]:
    """Every registered rule (or those in *only*), waivers applied, sorted by level then id."""
    findings: list[Finding] = []
    for item in RULES.values():
        if only is None or item.id in only:
            findings.extend(run_rule(item, context))
    return sort_findings(apply_waivers(findings, context.dossier.waivers))


def differs(stated: Decimal, computed: Decimal) -> bool:
    """True when *computed*, rounded half up to the places *stated* was written with, differs.

    A report writes 20/24 as "83%" or "83.33%"; both agree with 83.333…; "84%" does not. A figure
    rounded twice (a worksheet's 96.375 retyped as 96.38, for 96.3749…) agrees too: a rounding
    slip, not a different figure.
    """
    places = max(0, -int(stated.as_tuple().exponent))
    once = round_half_up(computed, places)
    twice = round_half_up(round_half_up(computed, places + 1), places)
    return stated not in (once, twice)


from jixiao.core.checks import (  # noqa: E402  - registration happens on import
    assets,
    indicators,
    ledgers,
    money,
    narrative,
    score,
    staffing,
    statements,
)

__all__ = ["RULES", "Context", "Note", "Rule", "rule", "run_checks"]
_ = (assets, indicators, ledgers, money, narrative, score, staffing, statements)
