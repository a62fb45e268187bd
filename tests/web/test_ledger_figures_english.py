"""The figures computed from the ledgers, on an English page, carry English units and dates
(found walking the seed unit's ledgers in English: 16辆, 337.73吨标准煤, 2021年8月23日-29日);
the Chinese page keeps 2次 and 2023年9月18日-24日."""

from __future__ import annotations

import pytest

from jixiao.web.ledgers import services
from tests.web import factories
from tests.web.test_ledgers import OVERHAULS, client_for, overhaul

pytestmark = pytest.mark.django_db


def _records(world: factories.World) -> None:
    clerk = world.users["filler_a"]
    for day in ("2023-03-02", "2023-05-02"):
        services.record_create(actor=clerk, org=world.unit_a, ledger=OVERHAULS, data=overhaul(day))
    services.record_create(
        actor=clerk,
        org=world.unit_a,
        ledger="campaigns",
        data={
            "name": "节能宣传周",
            "kind": "节能宣传周",
            "start": "2023-09-18",
            "end": "2023-09-24",
        },
    )


def _figures(world: factories.World, language: str) -> str:
    client = client_for(world.users["filler_a"])
    page = client.get(f"/ledgers/{world.unit_a.pk}/?year=2023", HTTP_ACCEPT_LANGUAGE=language)
    html = page.content.decode()
    return html[html.index('id="figures"') if 'id="figures"' in html else 0 :]


def test_english_figures_have_english_units_and_dates(world: factories.World) -> None:
    _records(world)
    html = _figures(world, "en")
    assert "2023-09-18 – 2023-09-24" in html
    assert "2023年9月18日" not in html
    assert '<td class="num nowrap">2</td>' in html and "2次" not in html


def test_chinese_figures_keep_chinese_units_and_dates(world: factories.World) -> None:
    _records(world)
    html = _figures(world, "zh-hans")
    assert "2023年9月18日-24日" in html and "2次" in html
