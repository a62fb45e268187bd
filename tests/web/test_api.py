"""API tests: token auth, schema, permissions identical to the UI, transitions, dossier writes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.web.evaluations.models import State
from jixiao.web.orgs.models import ApiToken
from tests.web.factories import advance, dossier_data, fill

pytestmark = pytest.mark.django_db


def bearer(world, who):
    _, raw = ApiToken.issue(world.users[who])
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_schema_is_public_and_lists_the_endpoints(client, db):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert (
        "/api/submissions/{pk}/transitions/{action}" in paths
        and "/api/submissions/{pk}/dossier" in paths
    )


def test_requests_without_a_valid_token_are_refused(client, world):
    assert client.get("/api/submissions").status_code == 401
    assert client.get("/api/submissions", HTTP_AUTHORIZATION="Bearer nonsense").status_code == 401


def test_list_shows_only_own_unit_with_allowed_actions(client, world):
    rows = client.get("/api/submissions", **bearer(world, "filler_a")).json()["items"]
    assert [r["org"] for r in rows] == ["测试县第一中学"]
    assert rows[0]["allowed_actions"] == ["edit", "submit"]
    reviewer_rows = client.get("/api/submissions", **bearer(world, "dept")).json()["items"]
    assert sorted(r["org"] for r in reviewer_rows) == ["测试县第一中学", "测试县第二中学"]
    assert client.get("/api/submissions", **bearer(world, "finance")).json()["count"] == 3


def test_another_department_cannot_read_or_write_through_the_api(client, world):
    fill(world, "a")
    headers = bearer(world, "filler_b")
    pk = world.subs["a"].pk
    for url in (
        f"/api/submissions/{pk}",
        f"/api/submissions/{pk}/dossier",
        f"/api/submissions/{pk}/audit",
        f"/api/submissions/{pk}/findings",
        f"/api/submissions/{pk}/score",
    ):
        assert client.get(url, **headers).status_code == 404, url
    response = client.put(
        f"/api/submissions/{pk}/dossier",
        data=dossier_data("篡改"),
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 404
    response = client.post(
        f"/api/submissions/{pk}/transitions/submit",
        data={},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 404
    assert world.sub("a").state == State.DRAFT
    assert world.sub("a").current_version.data["profile"]["name"] == "测试县第一中学"


def test_dossier_write_validates_with_field_paths(client, world):
    headers = bearer(world, "filler_a")
    pk = world.subs["a"].pk
    bad = dossier_data("测试县第一中学")
    bad["money"]["lines"][0]["amount"] = 1.5  # a float: refused for money
    response = client.put(
        f"/api/submissions/{pk}/dossier", data=bad, content_type="application/json", **headers
    )
    assert response.status_code == 422
    assert response.json()["problems"][0]["path"] == "money.lines[0].amount"
    good = client.put(
        f"/api/submissions/{pk}/dossier",
        data=dossier_data("测试县第一中学"),
        content_type="application/json",
        **headers,
    )
    assert good.status_code == 200 and good.json()["version"] == 1
    stored = client.get(f"/api/submissions/{pk}/dossier", **headers).json()
    assert stored["allowed_actions"] == ["edit", "submit"]
    assert stored["data"]["money"]["lines"][0]["amount"] == "120.50"


def test_workflow_through_the_api(client, world):
    fill(world, "a")
    pk = world.subs["a"].pk
    url = f"/api/submissions/{pk}/transitions/"
    unsigned = client.post(
        url + "submit", data={}, content_type="application/json", **bearer(world, "filler_a")
    )
    assert unsigned.status_code == 409 and unsigned.json()["code"] == "sign_off_required"
    signed = client.post(
        url + "sign_off", data={}, content_type="application/json", **bearer(world, "head_a")
    )
    assert signed.status_code == 200 and signed.json()["state"] == "draft"
    result = client.post(
        url + "submit", data={}, content_type="application/json", **bearer(world, "filler_a")
    )
    assert result.status_code == 200 and result.json()["state"] == "submitted"
    assert result.json()["allowed_actions"] == ["withdraw"]
    refused = client.post(
        url + "finance_approve", data={}, content_type="application/json", **bearer(world, "dept")
    )
    assert refused.status_code == 403
    no_reason = client.post(
        url + "return",
        data={"reason": ""},
        content_type="application/json",
        **bearer(world, "dept"),
    )
    assert no_reason.status_code == 400 and no_reason.json()["code"] == "reason_required"
    returned = client.post(
        url + "return",
        data={"reason": "请补充佐证"},
        content_type="application/json",
        **bearer(world, "dept"),
    )
    assert (
        returned.json()["state"] == "returned"
        and returned.json()["last_return_reason"] == "请补充佐证"
    )
    audit = client.get(f"/api/submissions/{pk}/audit", **bearer(world, "filler_a")).json()
    assert [a["action"] for a in audit if a["action"] != "edit"] == [
        "create",
        "sign_off",
        "submit",
        "return",
    ]


def test_blocking_findings_give_409_with_the_findings(client, world, fake_findings):
    fill(world, "a")
    fake_findings.error("budget.E001", "money.lines[0].amount")
    response = client.post(
        f"/api/submissions/{world.subs['a'].pk}/transitions/submit",
        data={},
        content_type="application/json",
        **bearer(world, "filler_a"),
    )
    assert response.status_code == 409
    finding = response.json()["findings"][0]
    assert finding["id"] == "budget.E001" and finding["where"] == "money.lines[0].amount"
    assert finding["where_label"].endswith("· 金额") and finding["where_label"].startswith(
        "资金第1行"
    )
    assert (
        finding["where_label_en"].startswith("Money line 1")
        and "amount" in finding["where_label_en"]
    )


def test_score_and_findings_endpoints(client, world):
    fill(world, "a")
    headers = bearer(world, "filler_a")
    pk = world.subs["a"].pk
    score = client.get(f"/api/submissions/{pk}/score", **headers).json()
    assert "total" in score and isinstance(score["items"], list)
    assert score["allowed_actions"] == ["edit", "submit"] and score["state"] == "draft"
    findings = client.get(f"/api/submissions/{pk}/findings", **headers).json()
    assert all({"id", "level", "message", "where"} <= set(f) for f in findings["findings"])


def test_findings_name_their_place_in_words_beside_the_path(client, world, fake_findings):
    fill(world, "a")
    fake_findings.error("indicators.W002", "indicators[0].target")
    fake_findings.error("rates.E001", "rates.execution")
    pk = world.subs["a"].pk
    body = client.get(f"/api/submissions/{pk}/findings", **bearer(world, "filler_a")).json()
    places = [(f["where"], f["where_label"], f["where_label_en"]) for f in body["findings"]]
    name = world.subs["a"].current_version.data["indicators"][0]["name"]
    assert places == [
        ("indicators[0].target", f"指标1“{name}” · 指标值", f"Indicator 1 “{name}” · target"),
        ("rates.execution", "预算执行率", "budget execution rate"),
    ]
    schema = client.get("/api/openapi.json").json()["components"]["schemas"]["FindingOut"]
    assert {"where", "where_label", "where_label_en"} <= set(schema["properties"])


def test_score_and_findings_carry_their_english(client, world):
    fill(world, "a")
    headers = bearer(world, "filler_a")
    pk = world.subs["a"].pk
    score = client.get(f"/api/submissions/{pk}/score", **headers).json()
    assert score["framework_en"].startswith("2020 self-evaluation style")
    assert len(score["notes_en"]) == len(score["notes"])
    execution = next(i for i in score["items"] if i["id"] == "execution")
    assert execution["name_en"] == "Budget execution rate" and execution["explanation_en"]
    findings = client.get(f"/api/submissions/{pk}/findings", **headers).json()["findings"]
    hinted = [f for f in findings if f["hint"]]
    assert hinted and all(f["hint_en"] for f in hinted)


def test_open_round_via_api_needs_finance(client, world):
    payload = {
        "finance_id": world.finance.pk,
        "year": 2024,
        "notice": "测财监〔2025〕8号",
        "title": "t",
        "deadline": "2025-05-01T10:00:00+08:00",
        "unit_ids": [world.unit_a.pk],
    }
    assert (
        client.post(
            "/api/rounds", data=payload, content_type="application/json", **bearer(world, "dept")
        ).status_code
        == 403
    )
    created = client.post(
        "/api/rounds", data=payload, content_type="application/json", **bearer(world, "finance")
    )
    assert created.status_code == 201 and created.json()["notice"] == "测财监〔2025〕8号"


def test_published_submission_reads_back_locked(client, world):
    fill(world, "a")
    advance(world, "a", "submit", "dept_approve", "finance_approve", "approve", "publish")
    row = client.get(f"/api/submissions/{world.subs['a'].pk}", **bearer(world, "finance")).json()
    assert row["locked"] and row["state"] == "published" and "reopen" in row["allowed_actions"]


def test_api_list_query_count_is_flat(client, world, django_assert_max_num_queries):
    from datetime import timedelta

    from django.utils import timezone

    from jixiao.web.evaluations import services
    from jixiao.web.orgs.models import Org, OrgKind

    units = [
        Org.objects.create(name=f"扩展单位{i}", code=f"E{i}", kind=OrgKind.UNIT, parent=world.dept)
        for i in range(20)
    ]
    services.round_open(
        actor=world.users["finance"],
        finance=world.finance,
        year=2023,
        notice="测财监〔2024〕6号",
        title="t",
        deadline=timezone.now() + timedelta(days=3),
        units=units,
    )
    headers = bearer(world, "finance")
    with django_assert_max_num_queries(8):
        rows = client.get("/api/submissions", **headers).json()
    assert len(rows["items"]) == rows["count"] == 23


def test_api_list_pages_with_limit_and_offset(client, world):
    headers = bearer(world, "finance")
    first = client.get("/api/submissions?limit=2", **headers).json()
    rest = client.get("/api/submissions?limit=2&offset=2", **headers).json()
    assert len(first["items"]) == 2 and len(rest["items"]) == 1
    assert first["count"] == rest["count"] == 3
    assert {r["id"] for r in first["items"]}.isdisjoint(r["id"] for r in rest["items"])
    assert client.get("/api/submissions?limit=0", **headers).status_code == 400
    assert client.get("/api/submissions?limit=501", **headers).status_code == 400
    assert len(client.get("/api/submissions?limit=500", **headers).json()["items"]) == 3


def test_report_download_and_clear_message_when_a_renderer_is_missing(client, world, monkeypatch):
    from jixiao.web.evaluations import reports

    fill(world, "a")
    headers = bearer(world, "filler_a")
    pk = world.subs["a"].pk
    docx = client.get(f"/api/submissions/{pk}/report.docx", **headers)
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    assert client.get(f"/api/submissions/{pk}/report.exe", **headers).status_code == 404
    monkeypatch.setattr(reports, "_renderer", lambda fmt: None)
    missing = client.get(f"/api/submissions/{pk}/report.pdf", **headers)
    assert missing.status_code == 503 and "PDF 渲染器尚未安装" in missing.content.decode()


def test_rescore_through_the_api(client, world):
    from jixiao.web.evaluations import engine

    fill(world, "a")
    advance(world, "a", "submit", "dept_approve")
    pk = world.subs["a"].pk
    item = next(
        i for i in engine.assess(world.sub("a").current_version.data).items if i.points is not None
    )
    payload = {"item_id": item.id, "points": "1.5", "comment": "证据不足"}
    refused = client.post(
        f"/api/submissions/{pk}/rescore",
        data=payload,
        content_type="application/json",
        **bearer(world, "dept"),
    )
    assert refused.status_code == 403
    done = client.post(
        f"/api/submissions/{pk}/rescore",
        data=payload,
        content_type="application/json",
        **bearer(world, "finance"),
    )
    assert done.status_code == 200
    score = client.get(f"/api/submissions/{pk}/score", **bearer(world, "finance")).json()
    row = next(i for i in score["items"] if i["id"] == item.id)
    assert Decimal(str(row["rescore"])) == Decimal("1.5")
    assert row["rescore_comment"] == "证据不足"
