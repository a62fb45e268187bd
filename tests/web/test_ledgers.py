"""Ledgers in the web: records per unit and year, forms, Excel import, surveys, backed actuals.

Known answers on hand-made records: 3 overhauls in 2023 → the indicator's actual is 3, from 3
records; a typed actual the ledger does not support is refused without a reason and kept, with
the reason in the audit trail, with one.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from openpyxl import Workbook, load_workbook

from jixiao.core.errors import InputError
from jixiao.web.evaluations.models import AuditEntry, Submission
from jixiao.web.evaluations.permissions import ActionRefused
from jixiao.web.ledgers import imports, services
from jixiao.web.ledgers.models import LedgerAudit, LedgerRecord, Survey
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


# ── pages ─────────────────────────────────────────────────────────────────────────────────


def test_clerk_enters_a_record_through_the_form(world: factories.World) -> None:
    client = client_for(world.users["filler_a"])
    url = f"/ledgers/{world.unit_a.pk}/greening_surveys/new/"
    page = client.get(url).content.decode()
    assert "调查日期" in page and "成活数" in page and "附件（可选）" in page
    bad = client.post(
        url, {"surveyed_on": "2023-06-01", "area": "东院", "planted": "10", "surviving": "12"}
    )
    assert bad.status_code == 200
    assert "成活数多于种植数" in bad.content.decode()
    assert LedgerRecord.objects.count() == 0
    good = client.post(
        url,
        {
            "surveyed_on": "2023-06-01",
            "area": "东院",
            "planted": "10",
            "surviving": "9",
            "attachment": SimpleUploadedFile("照片.jpg", b"\xff\xd8 photo"),
        },
    )
    assert good.status_code == 302
    record = LedgerRecord.objects.get()
    assert record.data["surviving"] == 9 and record.attachments.get().name == "照片.jpg"
    listing = client.get(good["Location"]).content.decode()
    assert "东院" in listing and "2023-001" in listing
    overview = client.get(f"/ledgers/{world.unit_a.pk}/?year=2023").content.decode()
    assert "绿化成活率" in overview and "90%" in overview and "来自 1 条记录" in overview


def test_edit_and_delete_are_audited(world: factories.World) -> None:
    record = services.record_create(
        actor=world.users["filler_a"],
        org=world.unit_a,
        ledger=OVERHAULS,
        data=overhaul("2023-03-02"),
    )
    client = client_for(world.users["filler_a"])
    response = client.post(
        f"/ledgers/records/{record.pk}/",
        {"id": record.ref, "overhaul_date": "2023-03-02", "equipment": "电梯", "completed": "on"},
    )
    assert response.status_code == 302
    edit = LedgerAudit.objects.get(action="edit")
    assert edit.changes == [{"path": "equipment", "old": "中央空调", "new": "电梯"}]
    client.post(f"/ledgers/records/{record.pk}/delete/", {"reason": "重复录入"})
    assert not LedgerRecord.objects.exists()
    deleted = LedgerAudit.objects.get(action="delete")
    assert (deleted.record_pk, deleted.reason) == (record.pk, "重复录入")
    assert "重复录入" in client.get(f"/ledgers/{world.unit_a.pk}/audit/").content.decode()


def test_readers_see_without_write_buttons(world: factories.World) -> None:
    services.record_create(
        actor=world.users["filler_a"],
        org=world.unit_a,
        ledger=OVERHAULS,
        data=overhaul("2023-03-02"),
    )
    finance = client_for(world.users["finance"])
    page = finance.get(f"/ledgers/{world.unit_a.pk}/overhauls/?year=2023").content.decode()
    assert "中央空调" in page and "新增记录" not in page
    assert finance.get(f"/ledgers/{world.unit_a.pk}/overhauls/new/").status_code == 403
    other = client_for(world.users["filler_b"])
    assert other.get(f"/ledgers/{world.unit_a.pk}/overhauls/").status_code == 404


def test_list_pages_are_bounded_in_queries(
    world: factories.World, django_assert_max_num_queries: Any
) -> None:
    clerk = world.users["filler_a"]
    for month in range(1, 13):
        services.record_create(
            actor=clerk, org=world.unit_a, ledger=OVERHAULS, data=overhaul(f"2023-{month:02d}-05")
        )
    client = client_for(clerk)
    for url in (
        f"/ledgers/{world.unit_a.pk}/overhauls/?year=2023",
        f"/ledgers/{world.unit_a.pk}/?year=2023",
        f"/ledgers/{world.unit_a.pk}/audit/",
    ):
        with django_assert_max_num_queries(15):
            assert client.get(url).status_code == 200


# ── Excel ─────────────────────────────────────────────────────────────────────────────────


def _workbook(rows: list[list[Any]], title: str = "设备检修记录") -> bytes:
    book = Workbook()
    book.active.title = title
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_template_has_the_chinese_headers(world: factories.World) -> None:
    response = client_for(world.users["filler_a"]).get("/ledgers/template/overhauls.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.title == "设备检修记录"
    assert [c.value for c in sheet[1]] == ["检修日期", "设备", "已完成", "编号", "备注"]
    assert sheet["C2"].value == "是 / 否（可选）"


def test_template_filled_in_imports(world: factories.World) -> None:
    template = imports.template_bytes(OVERHAULS)
    book = load_workbook(io.BytesIO(template))
    book.active.append(["2023-02-01", "电梯", "是"])
    book.active.append(["2023/3/1", "锅炉", "否", "JX-9", "年度大修"])
    buffer = io.BytesIO()
    book.save(buffer)
    created = services.records_import(
        actor=world.users["filler_a"],
        org=world.unit_a,
        ledger=OVERHAULS,
        rows=imports.read_workbook(world.unit_a, OVERHAULS, buffer.getvalue(), "x.xlsx"),
        origin="x.xlsx",
    )
    assert [(r.ref, r.data["completed"]) for r in created] == [("2023-001", True), ("JX-9", False)]


def test_bad_rows_name_sheet_row_and_column_and_nothing_is_imported(
    world: factories.World,
) -> None:
    content = _workbook(
        [
            ["编号", "检修日期", "设备", "已完成"],
            ["A1", "2023-02-01", "电梯", "是"],
            ["A2", "2023-02-30", "锅炉", "是"],
            ["A1", "2023-03-01", "水泵", "也许"],
        ]
    )
    client = client_for(world.users["filler_a"])
    response = client.post(
        f"/ledgers/{world.unit_a.pk}/overhauls/import/",
        {"file": SimpleUploadedFile("检修.xlsx", content)},
    )
    html = response.content.decode()
    assert "未导入任何记录" in html
    assert "工作表“设备检修记录”第 3 行第 B 列（检修日期）：应为日期" in html
    assert "第 4 行第 A 列（编号）：编号 A1 已存在" in html
    assert "第 4 行第 D 列（已完成）：应为 是 或 否" in html
    assert LedgerRecord.objects.count() == 0


def test_unknown_header_and_missing_column_are_named(world: factories.World) -> None:
    content = _workbook([["检修日期", "设备名称"], ["2023-02-01", "电梯"]])
    with pytest.raises(InputError) as caught:
        imports.read_workbook(world.unit_a, OVERHAULS, content, "x.xlsx")
    texts = [p.zh for p in caught.value.problems]
    assert "工作表“设备检修记录”第 1 行第 B 列：不认识的表头“设备名称”（请使用模板的表头）" in texts
    assert "工作表“设备检修记录”缺少必填列“设备”" in texts
    with pytest.raises(InputError):
        imports.read_workbook(world.unit_a, OVERHAULS, b"not a workbook", "x.xlsx")


# ── satisfaction survey ───────────────────────────────────────────────────────────────────


def test_anonymous_survey_link_records_responses_and_the_rate(world: factories.World) -> None:
    clerk = client_for(world.users["filler_a"])
    clerk.post(
        f"/ledgers/{world.unit_a.pk}/surveys/", {"title": "服务对象满意度调查", "year": 2023}
    )
    survey = Survey.objects.get()
    link = f"/ledgers/survey/{survey.token}/"
    for rating in ("非常满意", "满意", "满意", "基本满意"):
        respondent = Client(enforce_csrf_checks=True)
        page = respondent.get(link)
        assert "您对本单位服务的总体评价" in page.content.decode()
        token = page.cookies["csrftoken"].value
        done = respondent.post(link, {"rating": rating, "csrfmiddlewaretoken": token})
        assert "已收到您的答卷" in done.content.decode()
        again = respondent.post(link, {"rating": "不满意", "csrfmiddlewaretoken": token})
        assert "您已提交过这份问卷" in again.content.decode()
    assert LedgerRecord.objects.filter(ledger="survey_responses", survey=survey).count() == 4
    assert Client(enforce_csrf_checks=True).post(link, {"rating": "满意"}).status_code == 403
    page = clerk.get(f"/ledgers/{world.unit_a.pk}/surveys/").content.decode()
    assert "75%" in page and "样本 4 份" in page
    clerk.post(f"/ledgers/{world.unit_a.pk}/surveys/", {"survey": survey.pk, "close": "1"})
    assert "该问卷已停止收集" in Client().get(link).content.decode()


def test_survey_link_is_rate_limited_per_address(world: factories.World) -> None:
    from jixiao.web.ledgers import views

    survey = services.survey_open(
        actor=world.users["filler_a"], org=world.unit_a, year=2023, title="问卷"
    )
    for _ in range(views.ANSWER_LIMIT + 2):
        Client().post(f"/ledgers/survey/{survey.token}/", {"rating": "满意"})
    assert LedgerRecord.objects.count() == views.ANSWER_LIMIT


# ── API ───────────────────────────────────────────────────────────────────────────────────


def test_api_lists_and_creates_with_the_same_permissions(world: factories.World) -> None:
    url = f"/api/ledgers/{world.unit_a.pk}/overhauls/records"
    clerk = client_for(world.users["filler_a"])
    created = clerk.post(
        url,
        {"overhaul_date": "2023-04-01", "equipment": "电梯"},
        content_type="application/json",
    )
    assert created.status_code == 201 and created.json()["ref"] == "2023-001"
    bad = clerk.post(url, {"overhaul_date": "2023-04-31"}, content_type="application/json")
    assert bad.status_code == 422
    assert {p["path"] for p in bad.json()["problems"]} == {"overhaul_date", "equipment"}
    finance = client_for(world.users["finance"])
    listed = finance.get(url + "?year=2023").json()
    assert listed["count"] == 1 and [r["ref"] for r in listed["items"]] == ["2023-001"]
    refused = finance.post(
        url, {"overhaul_date": "2023-04-01", "equipment": "电梯"}, content_type="application/json"
    )
    assert refused.status_code == 403
    assert client_for(world.users["filler_b"]).get(url).status_code == 404
    figures = finance.get(f"/api/ledgers/{world.unit_a.pk}/figures?year=2023").json()["items"]
    done = next(f for f in figures if f["key"] == "property.overhauls_done")
    assert (done["value"], done["count"], done["record_ids"]) == ("1", 1, ["2023-001"])


# ── the demo: the seed's illustrative ledgers ─────────────────────────────────────────────


def test_demo_seed_unit_gets_the_illustrative_ledgers(db: Any) -> None:
    from django.contrib.auth import get_user_model

    from jixiao.web.evaluations import demo

    demo._load_seed()
    seed = Submission.objects.get(org__name="万载县机关事务管理局")
    rows = LedgerRecord.objects.filter(org=seed.org)
    assert rows.filter(ledger="overhauls", year=2021).count() == 13  # 12 done, 1 over the year
    assert sorted(rows.filter(ledger="overhauls").values_list("ref", flat=True))[:2] == [
        "JX-2020-12",
        "JX-2021-01",
    ]
    finance = client_for(get_user_model().objects.get(username="wanzai_finance"))
    page = finance.get(f"/submissions/{seed.pk}/").content.decode()
    assert "来自 12 条记录" in page  # 设备检修次数, two clicks from the evidence
    overview = finance.get(f"/ledgers/{seed.org.pk}/").content.decode()
    assert "2021年度由台账计算的数字" in overview
    listing = finance.get(
        f"/ledgers/{seed.org.pk}/overhauls/?year=2021&figure=property.overhauls_done"
    ).content.decode()
    assert listing.count('data-ref="') == 12 and "JX-2021-13" not in listing
    demo.remove_demo()
    assert not LedgerRecord.objects.exists()


def test_ledger_pages_in_english_show_no_chinese_outside_user_data(world: factories.World) -> None:
    from tests.web.test_english_pages import chinese_in_frame

    record = services.record_create(
        actor=world.users["filler_a"],
        org=world.unit_a,
        ledger=OVERHAULS,
        data=overhaul("2023-03-02"),
    )
    survey = services.survey_open(
        actor=world.users["filler_a"], org=world.unit_a, year=2023, title="问卷"
    )
    org = world.unit_a.pk
    pages = [
        f"/ledgers/{org}/?year=2023",
        f"/ledgers/{org}/overhauls/?year=2023&figure=property.overhauls_done",
        f"/ledgers/{org}/overhauls/new/",
        f"/ledgers/{org}/overhauls/import/",
        f"/ledgers/records/{record.pk}/",
        f"/ledgers/{org}/surveys/",
        f"/ledgers/{org}/audit/",
        f"/ledgers/survey/{survey.token}/",
    ]
    client = client_for(world.users["filler_a"])
    shown = {}
    for url in pages:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 200, url
        html = response.content.decode()
        assert '<html lang="en">' in html, url
        if leftover := chinese_in_frame(html):
            shown[url] = leftover
    assert not shown, shown


def test_the_indicator_form_changes_and_clears_the_backing(world: factories.World) -> None:
    submission = fill_backed(world, override_reason="旧原因")
    client = client_for(world.users["filler_a"])
    assert _post_indicators(client, submission, override_reason="新原因").status_code == 302
    data = Submission.objects.get(pk=submission.pk).current_version.data
    assert data["indicators"][1]["override_reason"] == "新原因"
    cleared = _post_indicators(client, submission, actual_from="", override_reason="")
    assert cleared.status_code == 302
    data = Submission.objects.get(pk=submission.pk).current_version.data
    assert "actual_from" not in data["indicators"][1]
    assert "override_reason" not in data["indicators"][1]


def test_the_api_refuses_typing_over_the_ledger_without_a_reason(world: factories.World) -> None:
    submission = fill_backed(world)
    clerk = world.users["filler_a"]
    services.record_create(
        actor=clerk, org=world.unit_a, ledger=OVERHAULS, data=overhaul("2023-01-10")
    )
    client = client_for(clerk)
    url = f"/api/submissions/{submission.pk}/dossier"
    data = client.get(url).json()["data"]
    data["indicators"][1]["actual"] = "7"
    refused = client.put(url, data, content_type="application/json")
    assert refused.status_code == 422
    assert refused.json()["problems"][0]["path"] == "indicators[1].override_reason"
    assert _actual(submission) == "1"
    data["indicators"][1]["override_reason"] = "另有6次外包检修"
    assert client.put(url, data, content_type="application/json").status_code == 200
    assert _actual(submission) == "7"


def test_a_figure_from_two_ledgers_links_both(world: factories.World) -> None:
    clerk = world.users["filler_a"]
    services.record_create(
        actor=clerk,
        org=world.unit_a,
        ledger="energy_use",
        data={"month": "2023-03", "building": "主楼", "energy_type": "电力", "quantity": "1000"},
    )
    services.record_create(
        actor=clerk,
        org=world.unit_a,
        ledger="energy_base",
        data={"year": 2023, "building": "主楼", "floor_area": "5000", "headcount": 50},
    )
    client = client_for(world.users["dept"])
    org = world.unit_a.pk
    page = client.get(f"/ledgers/{org}/energy_use/?year=2023&figure=energy.per_head")
    html = page.content.decode()
    assert html.count('data-ref="') == 1
    other = f"/ledgers/{org}/energy_base/?year=2023&amp;figure=energy.per_head"
    assert other in html
    base = client.get(other.replace("&amp;", "&")).content.decode()
    assert base.count('data-ref="') == 1 and "主楼" in base


def test_an_automatic_id_taken_meanwhile_is_numbered_again(
    world: factories.World, monkeypatch: pytest.MonkeyPatch
) -> None:
    clerk = world.users["filler_a"]
    services.record_create(
        actor=clerk, org=world.unit_a, ledger=OVERHAULS, data=overhaul("2023-03-02")
    )
    calls = []
    real = services._next_ref

    def stale_first(*args: Any, **kwargs: Any) -> str:  # another request got 2023-002 first
        calls.append(1)
        return "2023-001" if len(calls) == 1 else real(*args, **kwargs)

    monkeypatch.setattr(services, "_next_ref", stale_first)
    record = services.record_create(
        actor=clerk, org=world.unit_a, ledger=OVERHAULS, data=overhaul("2023-04-02")
    )
    assert record.ref == "2023-002" and len(calls) == 2
