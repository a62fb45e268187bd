"""The web's view of the core's ledgers: names, record types, validation, the record's year.

Everything about what a ledger holds lives in :mod:`jixiao.core.ledgers` (record types and
aggregates); this module only looks things up there for pages, forms and services, and turns
a record type's refusal into an :class:`~jixiao.core.errors.InputError` naming the field.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.utils import timezone
from pydantic import ValidationError

from jixiao.core.errors import InputError, Problem, problems_from_validation_error
from jixiao.core.ledgers.records import LEDGERS, LedgerKind, LedgerSpec, Record
from jixiao.web.language import page_in_english

SATISFACTION = LedgerKind.SURVEY_RESPONSES.value
# the groups of the issue, in the order a 机关事务管理局 reads them
GROUPS = ("公务用车", "公共机构节能", "物业", "资产", "会议与接待", "外包服务考核", "满意度调查")


def spec(ledger: str) -> LedgerSpec | None:
    try:
        return LEDGERS[LedgerKind(ledger)]
    except ValueError:
        return None


def keys() -> list[str]:
    return [kind.value for kind in LEDGERS]


def title(ledger: str) -> str:
    found = spec(ledger)
    if found is None:
        return ledger
    english = page_in_english()
    return found.name_en if english else found.name


def record_model(ledger: str) -> type[Record]:
    found = spec(ledger)
    if found is None:
        raise KeyError(ledger)
    return found.record


def grouped() -> list[tuple[str, list[LedgerSpec]]]:
    by_group: dict[str, list[LedgerSpec]] = {}
    for item in LEDGERS.values():
        by_group.setdefault(item.group, []).append(item)
    order = {name: i for i, name in enumerate(GROUPS)}
    return sorted(by_group.items(), key=lambda pair: order.get(pair[0], len(order)))


def parse(ledger: str, data: dict[str, Any], origin: str = "<web>") -> Record:
    """The record of *ledger* that *data* describes, or InputError naming each field."""
    try:
        return record_model(ledger).model_validate(data)
    except ValidationError as error:
        raise InputError(origin, problems_from_validation_error(error)) from None


def validate(ledger: str, data: dict[str, Any], origin: str = "<web>") -> dict[str, Any]:
    """*data* validated as a record of *ledger*, JSON-ready (dates ISO, decimals as text)."""
    if spec(ledger) is None:
        raise InputError(
            origin, [Problem("ledger", f"没有台账“{ledger}”", f"no ledger {ledger!r}")]
        )
    record = parse(ledger, data, origin)
    return record.model_dump(mode="json", exclude_defaults=False)


def record_day(ledger: str, data: dict[str, Any]) -> date:
    return parse(ledger, data).day


def field_titles(ledger: str) -> dict[str, str]:
    return {name: info.title or name for name, info in record_model(ledger).model_fields.items()}


def today() -> date:
    return timezone.localdate()
