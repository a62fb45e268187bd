"""The ledger change log shows an Excel import by the records' numbers, never by database ids
(found walking the seed unit's ledgers: an import read "MY-2021-001：— → 1262")."""

from __future__ import annotations

import re

import pytest

from jixiao.web.ledgers import services
from tests.web import factories
from tests.web.test_ledgers import OVERHAULS, client_for, overhaul

pytestmark = pytest.mark.django_db


def test_an_import_lists_record_numbers_not_ids(world: factories.World) -> None:
    created = services.records_import(
        actor=world.users["filler_a"],
        org=world.unit_a,
        ledger=OVERHAULS,
        rows=[{**overhaul("2023-02-01"), "id": "JX-1"}, {**overhaul("2023-03-01"), "id": "JX-2"}],
        origin="检修.xlsx",
    )
    page = client_for(world.users["filler_a"]).get(f"/ledgers/{world.unit_a.pk}/audit/")
    html = page.content.decode()
    assert "新增记录：JX-1、JX-2" in html
    for record in created:
        assert not re.search(rf"→ {record.pk}\b", html)
