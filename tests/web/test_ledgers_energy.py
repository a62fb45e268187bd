"""The energy statistics page and its Excel export, on a hand-made ledger with known answers.

2023: electricity 10000 kWh in January and 5000 kWh in February, natural gas 1000 m³ and water
300 m³ in January; one building of 2000 m² with 50 people. 2022: electricity 12000 kWh in
January. With the shipped factors (0.1229 kgce/kWh, 1.2143 kgce/m³): 2023 is 1.8435 + 1.2143
= 3.0578 tce (3.06), 61.156 kgce per head (61.16), 1.5289 kgce per m² (1.53); 2022 is 1.4748
tce, so +107.34% on last year. January 2023 is 1.229 + 1.2143 = 2.4433 tce (2.44).
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from openpyxl import load_workbook

from jixiao.web.ledgers import energy
from jixiao.web.ledgers import services as ledger_services
from tests.web import factories

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def use(month: str, kind: str, quantity: str) -> dict[str, Any]:
    return {"month": month, "building": "办公楼", "energy_type": kind, "quantity": quantity}


@pytest.fixture
def ledger(world: factories.World) -> factories.World:
    clerk = world.users["filler_a"]
    rows = [
        use("2023-01", "电力", "10000"),
        use("2023-02", "电力", "5000"),
        use("2023-01", "天然气", "1000"),
        use("2023-01", "水", "300"),
        use("2022-01", "电力", "12000"),
    ]
    for row in rows:
        ledger_services.record_create(actor=clerk, org=world.unit_a, ledger="energy_use", data=row)
    ledger_services.record_create(
        actor=clerk,
        org=world.unit_a,
        ledger="energy_base",
        data={"year": 2023, "building": "办公楼", "floor_area": "2000", "headcount": 50},
    )
    return world


def test_the_statistics_have_the_known_answers(ledger):
    stats = energy.statistics(ledger.unit_a, 2023)
    by_type = {row.energy_type.value: row for row in stats.types}
    assert by_type["电力"].quantity == Decimal(15000)
    assert by_type["电力"].tce == Decimal("1.8435")
    assert by_type["电力"].previous_tce == Decimal("1.4748")
    assert by_type["天然气"].tce == Decimal("1.2143")
    assert by_type["水"].tce is None and by_type["水"].quantity == Decimal(300)
    assert [row.energy_type.value for row in stats.types][-1] == "水"  # water after energy
    measures = {m.key: m for m in stats.measures}
    assert measures["tce"].value == Decimal("3.0578")
    assert energy.tce_text(measures["tce"].value) == "3.06"
    assert energy.quantity_text(measures["per_head"].value) == "61.16"
    assert energy.quantity_text(measures["per_m2"].value) == "1.53"
    assert energy.change_text(measures["tce"].change) == "+107.34%"
    assert measures["per_head"].previous is None  # no 2022 head count: not computed
    january = stats.months[0]
    assert (
        energy.tce_text(january.tce) == "2.44" and energy.tce_text(january.previous_tce) == "1.47"
    )
    assert stats.months[2].tce is None  # March: nothing recorded
    assert len(stats.months) == 12


def test_the_page_shows_them_to_the_unit_and_its_reviewers(ledger):
    for who in ("filler_a", "dept", "finance"):
        page = client_for(ledger.users[who]).get(f"/ledgers/{ledger.unit_a.pk}/energy/?year=2023")
        assert page.status_code == 200
        html = page.content.decode()
        assert 'data-measure="tce"' in html and ">3.06<" in html
        assert ">61.16<" in html and ">1.53<" in html and "+107.34%" in html
        assert 'id="energy-charts"' in html and "oversight/vendor/echarts.min.js" in html
        assert "GB/T 2589-2020" in html
    assert (
        client_for(ledger.users["filler_b"]).get(f"/ledgers/{ledger.unit_a.pk}/energy/").status_code
        == 404
    )


def test_a_year_without_records_says_so(ledger):
    page = client_for(ledger.users["finance"]).get(f"/ledgers/{ledger.unit_a.pk}/energy/?year=2021")
    html = page.content.decode()
    assert 'id="energy-empty"' in html and "echarts" not in html


def test_the_excel_export_has_the_same_numbers(ledger):
    response = client_for(ledger.users["dept"]).get(
        f"/ledgers/{ledger.unit_a.pk}/energy.xlsx?year=2023"
    )
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    book = load_workbook(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    sheet = book.worksheets[0]
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows()]
    electricity = next(r for r in rows if r[0] == "电力")
    assert electricity[2] == 15000 and float(electricity[5]) == pytest.approx(1.8435)
    total = next(r for r in rows if r[0] == "综合能耗")
    assert float(total[2]) == pytest.approx(3.0578) and float(total[4]) == pytest.approx(107.34)
    months = book.worksheets[1]
    january = [c.value for c in next(months.iter_rows(min_row=2, max_row=2))]
    assert january[0] == 1 and float(january[-2]) == pytest.approx(2.4433)


def test_the_page_reads_in_a_bounded_number_of_queries(ledger, django_assert_max_num_queries):
    client = client_for(ledger.users["finance"])
    url = f"/ledgers/{ledger.unit_a.pk}/energy/?year=2023"
    client.get(url)
    with django_assert_max_num_queries(12):
        client.get(url)


def test_the_english_page_is_english_outside_user_data(ledger):
    from tests.web.test_english_pages import chinese_in_frame

    client = client_for(ledger.users["finance"])
    for url in (
        f"/ledgers/{ledger.unit_a.pk}/energy/?year=2023",
        f"/ledgers/{ledger.unit_a.pk}/energy/?year=2021",
    ):
        html = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert '<html lang="en">' in html
        assert chinese_in_frame(html) == [], url
    html = client.get(
        f"/ledgers/{ledger.unit_a.pk}/energy/?year=2023", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "electricity" in html and "kgce per head" in html.lower()
