"""Ledgers in the web: records per unit and year, forms, Excel import, surveys, backed actuals.

Known answers on hand-made records: 3 overhauls in 2023 → the indicator's actual is 3, from 3
records; a typed actual the ledger does not support is refused without a reason and kept, with
the reason in the audit trail, with one.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from jixiao.core.errors import InputError
from jixiao.web.evaluations.models import AuditEntry, Submission
from jixiao.web.evaluations.permissions import ActionRefused
from jixiao.web.ledgers import services
from jixiao.web.ledgers.models import LedgerAudit, LedgerRecord
from tests.web import factories
from tests.web.factories import dossier_data

pytestmark = pytest.mark.django_db

OVERHAULS = "overhauls"


def overhaul(day: str, equipment: str = "中央空调", **extra: Any) -> dict[str, Any]:
    return {"overhaul_date": day, "equipment": equipment, **extra}


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def backed_indicator(**extra: Any) -> dict[str, Any]:
    return {
        "id": "overhauls",
        "name": "设备检修次数",
        "level1": "产出",
        "level2": "数量",
        "goal": "G1",
        "comparator": "≥",
        "target": "2",
        "unit": "次",
        "actual_from": "property.overhauls_done",
        **extra,
    }


def fill_backed(world: factories.World, **extra: Any) -> Submission:
    data = dossier_data(world.unit_a.name)
    data["indicators"].append(backed_indicator(**extra))
    return factories.fill(world, "a", indicators=data["indicators"])


# ── services ──────────────────────────────────────────────────────────────────────────────


def test_create_numbers_the_record_and_audits(world: factories.World) -> None:
    clerk = world.users["filler_a"]
    record = services.record_create(
        actor=clerk, org=world.unit_a, ledger=OVERHAULS, data=overhaul("2023-03-02")
    )
    assert (record.ref, record.year, str(record.date)) == ("2023-001", 2023, "2023-03-02")
    assert record.data["completed"] is True  # the record type's default
    second = services.record_create(
        actor=clerk, org=world.unit_a, ledger=OVERHAULS, data=overhaul("2023-05-02")
    )
    assert second.ref == "2023-002"
    entry = LedgerAudit.objects.get(record_pk=record.pk)
    assert entry.action == "create" and entry.actor_name == "filler_a"
    assert {"path": "equipment", "old": None, "new": "中央空调"} in entry.changes


def test_bad_record_is_refused_naming_the_field(world: factories.World) -> None:
    with pytest.raises(InputError) as caught:
        services.record_create(
            actor=world.users["filler_a"],
            org=world.unit_a,
            ledger="greening_surveys",
            data={"surveyed_on": "2023-06-01", "area": "东院", "planted": 10, "surviving": 12},
        )
    assert caught.value.problems[0].path == "surviving"
    assert LedgerRecord.objects.count() == 0


def test_duplicate_id_is_refused(world: factories.World) -> None:
    clerk = world.users["filler_a"]
    services.record_create(
        actor=clerk, org=world.unit_a, ledger=OVERHAULS, data=overhaul("2023-03-02", id="JX-1")
    )
    with pytest.raises(InputError) as caught:
        services.record_create(
            actor=clerk, org=world.unit_a, ledger=OVERHAULS, data=overhaul("2023-04-02", id="JX-1")
        )
    assert caught.value.problems[0].path == "id"
    # the same id in another unit's ledger is that unit's business
    services.record_create(
        actor=world.users["filler_b"],
        org=world.unit_b,
        ledger=OVERHAULS,
        data=overhaul("2023-03-02", id="JX-1"),
    )


@pytest.mark.parametrize("who", ["dept", "finance", "filler_b", "admin"])
def test_only_the_units_clerks_write(world: factories.World, who: str) -> None:
    with pytest.raises(ActionRefused):
        services.record_create(
            actor=world.users[who], org=world.unit_a, ledger=OVERHAULS, data=overhaul("2023-03-02")
        )
    assert LedgerRecord.objects.count() == 0


# ── ledger-backed actuals ─────────────────────────────────────────────────────────────────


def _actual(submission: Submission, ident: str = "overhauls") -> Any:
    data = Submission.objects.get(pk=submission.pk).current_version.data
    return next(i for i in data["indicators"] if i["id"] == ident).get("actual")


def test_entering_records_changes_the_backed_actual(world: factories.World) -> None:
    submission = fill_backed(world)
    assert _actual(submission) is None  # no records: nothing typed, nothing computed
    clerk = world.users["filler_a"]
    for day in ("2023-01-10", "2023-04-10", "2023-09-10"):
        services.record_create(actor=clerk, org=world.unit_a, ledger=OVERHAULS, data=overhaul(day))
    services.record_create(  # another year: not counted
        actor=clerk, org=world.unit_a, ledger=OVERHAULS, data=overhaul("2022-12-30")
    )
    assert _actual(submission) == "3"
    edits = AuditEntry.objects.filter(submission=submission, reason__startswith="台账更新")
    assert edits.count() == 3  # the first record, then 2 → 3 (the other year changes nothing)
    page = client_for(world.users["finance"]).get(f"/submissions/{submission.pk}/")
    html = page.content.decode()
    assert "来自 3 条记录" in html
    link = f"/ledgers/{world.unit_a.pk}/overhauls/?year=2023&amp;figure=property.overhauls_done"
    assert link in html
    listing = client_for(world.users["finance"]).get(link.replace("&amp;", "&"))
    assert listing.status_code == 200
    assert listing.content.decode().count('data-ref="') == 3


def _post_indicators(client: Client, submission: Submission, **row: Any) -> Any:
    data = Submission.objects.get(pk=submission.pk).current_version.data
    form: dict[str, Any] = {
        "rows-TOTAL_FORMS": str(len(data["indicators"])),
        "rows-INITIAL_FORMS": str(len(data["indicators"])),
    }
    for index, indicator in enumerate(data["indicators"]):
        values = {"comparator": "≥", **indicator}  # the default comparator is not stored
        values.update(row if indicator["id"] == "overhauls" else {})
        for key, value in values.items():
            if key not in ("evidence", "source") and value is not None:
                form[f"rows-{index}-{key}"] = value
    return client.post(f"/submissions/{submission.pk}/edit/indicators/", form)


def test_typing_over_the_ledger_needs_a_reason(world: factories.World) -> None:
    submission = fill_backed(world)
    clerk = world.users["filler_a"]
    for day in ("2023-01-10", "2023-04-10"):
        services.record_create(actor=clerk, org=world.unit_a, ledger=OVERHAULS, data=overhaul(day))
    client = client_for(clerk)
    refused = _post_indicators(client, submission, actual="5")
    assert refused.status_code == 200
    assert "请在“改填原因”中说明理由" in refused.content.decode()
    assert _actual(submission) == "2"
    # left as it was: saves, the ledger's value stays
    assert _post_indicators(client, submission).status_code == 302
    assert _actual(submission) == "2"
    kept = _post_indicators(client, submission, actual="5", override_reason="另有3次由厂家检修")
    assert kept.status_code == 302
    assert _actual(submission) == "5"
    entry = AuditEntry.objects.filter(submission=submission).latest("pk")
    assert "另有3次由厂家检修" in entry.reason
    assert {c["path"] for c in entry.changes} >= {
        "indicators[1].actual",
        "indicators[1].override_reason",
    }
