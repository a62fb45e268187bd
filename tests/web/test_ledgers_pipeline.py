"""The web's assessment reads the unit's ledgers: findings, reports, and frozen snapshots.

Known answers on hand-made records: 3 overhauls in 2023 behind an indicator that names
``property.overhauls_done``. A planted claim of 9 (no reason) is a ``ledgers.E001`` finding on
the submission page and in the API; a claim of 3 is clean. Submitting freezes the records into
the version's snapshot: editing the ledger afterwards changes neither the submitted assessment
nor, once approved, the sealed version, its report or its seal.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.test import Client

from jixiao.core.errors import InputError
from jixiao.web.evaluations import integrity, reports, services
from jixiao.web.evaluations.models import Submission
from jixiao.web.ledgers import actuals, snapshots
from jixiao.web.ledgers import services as ledger_services
from jixiao.web.ledgers.models import LedgerRecord, LedgerSnapshot
from tests.web import factories
from tests.web.factories import dossier_data

pytestmark = pytest.mark.django_db


def client_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def backed(actual: str | None = None, **extra: Any) -> dict[str, Any]:
    row = {
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
    if actual is not None:
        row["actual"] = actual
    return row


def three_overhauls(world: factories.World) -> list[LedgerRecord]:
    clerk = world.users["filler_a"]
    return [
        ledger_services.record_create(
            actor=clerk,
            org=world.unit_a,
            ledger="overhauls",
            data={"overhaul_date": day, "equipment": "中央空调"},
        )
        for day in ("2023-01-10", "2023-04-10", "2023-09-10")
    ]


def fill(world: factories.World, row: dict[str, Any]) -> Submission:
    """The dossier saved as it is (no ledger resolution: what an old or imported version holds)."""
    data = dossier_data(world.unit_a.name)
    data["indicators"].append(row)
    return factories.fill(world, "a", indicators=data["indicators"])


def ids(findings: list[dict[str, Any]]) -> set[str]:
    return {f["id"] for f in findings}


def test_an_unsupported_claim_is_a_ledger_finding_on_the_page_and_in_the_api(world):
    three_overhauls(world)
    submission = fill(world, backed("9"))
    version = Submission.objects.get(pk=submission.pk).current_version
    assert "ledgers.E001" in ids(version.findings)  # stored with the version's summary
    page = client_for(world.users["dept"]).get(f"/submissions/{submission.pk}/edit/indicators/")
    html = page.content.decode()  # at the indicator's row, where the reviewer reads it
    assert "ledgers.E001" in html and "二者不符且未说明理由" in html
    api = client_for(world.users["dept"]).get(f"/api/submissions/{submission.pk}/findings")
    assert "ledgers.E001" in ids(api.json()["findings"])
    blocking = services.assess_version(version).blocking
    assert "ledgers.E001" in ids(blocking)  # it stops the submission until corrected or waived


def test_a_supported_claim_is_clean(world):
    three_overhauls(world)
    submission = fill(world, backed("3"))
    findings = Submission.objects.get(pk=submission.pk).current_version.findings
    assert not {"ledgers.E001", "ledgers.W001", "ledgers.I001"} & ids(findings)
    client = client_for(world.users["dept"])
    page = client.get(f"/submissions/{submission.pk}/edit/indicators/").content.decode()
    assert "ledgers.E001" not in page
    assert "来自 3 条记录" in page


def test_without_records_the_claim_is_unverified_and_a_reason_is_reported(world):
    three_overhauls(world)
    submission = fill(world, backed("5", override_reason="另有2次由厂家检修"))
    findings = Submission.objects.get(pk=submission.pk).current_version.findings
    assert "ledgers.I001" in ids(findings) and "ledgers.E001" not in ids(findings)


def test_a_unit_without_ledgers_is_assessed_as_before(world):
    submission = fill(world, backed("9"))
    assert snapshots.ledgers_for(submission.current_version, submission) is None
    findings = Submission.objects.get(pk=submission.pk).current_version.findings
    assert not any(f["id"].startswith("ledgers.") for f in findings)


def _report_text(submission: Submission) -> str:
    version = submission.current_version
    assessment = services.assess_version(version, submission)
    return reports.render(assessment, "md", basename="r").content.decode()


def test_the_web_report_carries_the_ledger_sections(world):
    three_overhauls(world)
    submission = fill(world, backed("3"))
    text = _report_text(submission)
    assert "绩效指标台账依据" in text  # 附件4
    assert "从3条记录计算" in text


def test_submitting_freezes_the_ledgers_and_approval_seals_them(world):
    records = three_overhauls(world)
    fill(world, backed("3"))
    submission = factories.advance(world, "a", "submit")
    snapshot = LedgerSnapshot.objects.get(version=submission.current_version)
    assert snapshot.record_count == 3 and snapshot.year == 2023
    assert snapshot.factors["factors"]["电力"]["kgce_per_unit"] == "0.1229"
    # a record added and one deleted after submission: the submitted assessment does not move
    clerk = world.users["filler_a"]
    ledger_services.record_create(
        actor=clerk,
        org=world.unit_a,
        ledger="overhauls",
        data={"overhaul_date": "2023-11-01", "equipment": "电梯"},
    )
    ledger_services.record_delete(actor=clerk, record=records[0])
    submission = Submission.objects.get(pk=submission.pk)
    assessment = services.assess_version(submission.current_version, submission)
    assert not {"ledgers.E001"} & ids(assessment.findings)
    backing = assessment.result.ledgers.backing("overhauls")
    assert backing.aggregate.count == 3
    submission = factories.advance(world, "a", "dept_approve", "finance_approve", "approve")
    version = submission.current_version
    assert version.locked and "ledgers" in version.content_parts
    before = _report_text(submission)
    ledger_services.record_create(
        actor=clerk,
        org=world.unit_a,
        ledger="overhauls",
        data={"overhaul_date": "2023-12-01", "equipment": "锅炉"},
    )
    assert LedgerRecord.objects.filter(org=world.unit_a, year=2023).count() == 4
    submission = Submission.objects.get(pk=submission.pk)
    assert _report_text(submission) == before
    assert "从3条记录计算" in before
    assert integrity.check().problems == []
    # the snapshot of an approved version cannot be changed or removed through the application
    snapshot = LedgerSnapshot.objects.get(version=version)
    snapshot.data = {}
    with pytest.raises(ValueError):
        snapshot.save()
    with pytest.raises(ValueError):
        LedgerSnapshot.objects.get(version=version).delete()
    # and a change outside it is named by jixiao verify
    LedgerSnapshot.objects.filter(version=version).update(data={"overhauls": []})
    (problem,) = integrity.check().problems
    assert "台账快照" in problem.what


def test_the_records_link_of_a_submitted_version_lists_the_snapshot(world):
    records = three_overhauls(world)
    fill(world, backed("3"))
    submission = factories.advance(world, "a", "submit")
    ledger_services.record_create(
        actor=world.users["filler_a"],
        org=world.unit_a,
        ledger="overhauls",
        data={"overhaul_date": "2023-11-01", "equipment": "电梯"},
    )
    client = client_for(world.users["dept"])
    page = client.get(f"/submissions/{submission.pk}/").content.decode()
    assert "来自 3 条记录" in page
    version = submission.current_version.pk
    link = (
        f"/ledgers/{world.unit_a.pk}/overhauls/?year=2023&amp;"
        f"figure=property.overhauls_done&amp;version={version}"
    )
    assert link in page
    listing = client.get(link.replace("&amp;", "&")).content.decode()
    assert listing.count('data-ref="') == 3
    assert f'data-ref="{records[0].ref}"' in listing and "提交时的台账快照" in listing
    # another unit's version number does not open this unit's snapshot
    other = client.get(
        f"/ledgers/{world.unit_a.pk}/overhauls/?year=2023&figure=property.overhauls_done"
        f"&version={version + 1000}"
    )
    assert other.status_code == 200 and "提交时的台账快照" not in other.content.decode()


def test_returning_thaws_the_version_and_resubmitting_freezes_it_again(world):
    three_overhauls(world)
    fill(world, backed("3"))
    submission = factories.advance(world, "a", "submit")
    services.submission_return(
        actor=world.users["dept"], submission=submission, reason="请补充检修记录"
    )
    ledger_services.record_create(
        actor=world.users["filler_a"],
        org=world.unit_a,
        ledger="overhauls",
        data={"overhaul_date": "2023-11-01", "equipment": "电梯"},
    )
    submission = factories.advance(world, "a", "submit")
    assert LedgerSnapshot.objects.get(version=submission.current_version).record_count == 4


def test_the_assessment_reads_the_ledgers_in_one_query(world, django_assert_max_num_queries):
    three_overhauls(world)
    submission = fill(world, backed("3"))
    submission = Submission.objects.select_related("round", "current_version").get(pk=submission.pk)
    with django_assert_max_num_queries(1):
        snapshots.ledgers_for(submission.current_version, submission)


# ── whole-dossier import: the form's override rule ────────────────────────────────────────


def _import(client: Client, submission: Submission, data: dict[str, Any]) -> Any:
    import re

    import yaml
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = f"/submissions/{submission.pk}/import/"
    upload = SimpleUploadedFile("dossier.yaml", yaml.safe_dump(data, allow_unicode=True).encode())
    preview = client.post(url, {"file": upload}).content.decode()
    token = re.search(r'name="confirm" value="([^"]+)"', preview)
    assert token, "no confirmation form"
    return client.post(
        url, {"confirm": token.group(1), "mode": "replace", "keep_identity": "1"}, follow=True
    )


def _file(world: factories.World, row: dict[str, Any]) -> dict[str, Any]:
    data = dossier_data(world.unit_a.name)
    data["indicators"].append(row)
    return data


def _overhauls_actual(submission: Submission) -> Any:
    data = Submission.objects.get(pk=submission.pk).current_version.data
    return next(i for i in data["indicators"] if i["id"] == "overhauls").get("actual")


def test_an_import_typing_over_the_ledger_without_a_reason_is_refused(world):
    three_overhauls(world)
    submission = fill(world, backed())
    assert _overhauls_actual(submission) is None  # saved before resolution: nothing typed
    client = client_for(world.users["filler_a"])
    refused = _import(client, submission, _file(world, backed("9")))
    html = refused.content.decode()
    assert "输入有误，未保存任何内容" in html
    assert "指标“设备检修次数”的实际完成值“9次”与台账不符" in html
    assert "请在“改填原因”中说明理由" in html
    assert _overhauls_actual(submission) is None  # nothing written
    # the ledger's figure imports; so does another one with its reason
    _import(client, submission, _file(world, backed("3")))
    assert _overhauls_actual(submission) == "3"
    reason = "另有6次由厂家检修，见维保合同"
    _import(client, submission, _file(world, backed("9", override_reason=reason)))
    assert _overhauls_actual(submission) == "9"


def test_the_api_put_refuses_it_too_naming_the_indicator(world):
    three_overhauls(world)
    submission = fill(world, backed("3"))
    client = client_for(world.users["filler_a"])
    response = client.put(
        f"/api/submissions/{submission.pk}/dossier",
        data=_file(world, backed("9")),
        content_type="application/json",
    )
    assert response.status_code == 422
    (problem,) = response.json()["problems"]
    assert "指标“设备检修次数”的实际完成值“9次”与台账不符" in problem["zh"]
    assert problem["path"] == "indicators[1].override_reason"
    assert problem["en"].startswith("indicator 设备检修次数: the actual 9次 differs")
    assert _overhauls_actual(submission) == "3"


def test_a_bulk_prefill_follows_the_ledger(world):
    three_overhauls(world)
    with pytest.raises(InputError) as refused:
        services.submission_prefill(
            actor=world.users["finance"],
            submission=world.sub("a"),
            data=_file(world, backed("9")),
            note="批量导入",
        )
    assert "设备检修次数" in refused.value.problems[0].zh
    services.submission_prefill(
        actor=world.users["finance"],
        submission=world.sub("a"),
        data=_file(world, backed()),
        note="批量导入",
    )
    assert _overhauls_actual(world.sub("a")) == "3"


# ── the ledgers API pages like the rest ───────────────────────────────────────────────────


def test_the_ledgers_api_lists_page_and_sort(world, django_assert_max_num_queries):
    clerk = world.users["filler_a"]
    for day in ("2023-09-10", "2023-01-10", "2023-04-10", "2022-05-01"):
        ledger_services.record_create(
            actor=clerk,
            org=world.unit_a,
            ledger="overhauls",
            data={"overhaul_date": day, "equipment": "中央空调"},
        )
    finance = client_for(world.users["finance"])
    url = f"/api/ledgers/{world.unit_a.pk}/overhauls/records"
    first = finance.get(url + "?limit=2").json()
    assert first["count"] == 4
    assert [r["date"] for r in first["items"]] == ["2022-05-01", "2023-01-10"]
    rest = finance.get(url + "?limit=2&offset=2").json()["items"]
    assert [r["date"] for r in rest] == ["2023-04-10", "2023-09-10"]
    assert finance.get(url + "?limit=501").status_code == 400
    assert finance.get(url + "?year=2023").json()["count"] == 3
    assert finance.get(url + f"?year={2**70}").status_code in (200, 422)
    figures = finance.get(f"/api/ledgers/{world.unit_a.pk}/figures?year=2023&limit=1").json()
    assert figures["count"] == 1 and figures["items"][0]["key"] == "property.overhauls_done"
    figures_url = f"/api/ledgers/{world.unit_a.pk}/figures?year=2023&offset=1"
    assert finance.get(figures_url).json() == {"items": [], "count": 1}
    assert finance.get(f"/api/ledgers/{world.unit_a.pk}/figures?year=99999").json() == {
        "items": [],
        "count": 0,
    }
    with django_assert_max_num_queries(12):
        finance.get(url + "?limit=500")


# ── the report read in the web: each ledger figure links to its records ───────────────────


def test_the_web_report_links_each_ledger_figure_to_its_records(world):
    three_overhauls(world)
    fill(world, backed("3"))
    submission = factories.advance(world, "a", "submit")
    client = client_for(world.users["dept"])
    html = client.get(f"/submissions/{submission.pk}/report.html").content.decode()
    link = (
        f"http://testserver/ledgers/{world.unit_a.pk}/overhauls/?year=2023&amp;"
        f"figure=property.overhauls_done&amp;version={submission.current_version.pk}"
    )
    assert html.count(f'<a href="{link}">') == 3  # 附件1's actual, 附件4's value and count
    assert "点击台账计算值或条数" in html
    markdown = client.get(f"/submissions/{submission.pk}/report.md").content.decode()
    assert f"]({link.replace('&amp;', '&')})" in markdown
    # the public report links nowhere inside the application
    factories.advance(world, "a", "dept_approve", "finance_approve", "approve", "publish")
    public = Client().get(f"/portal/reports/{submission.pk}/report.html")
    assert public.status_code == 200 and "/ledgers/" not in public.content.decode()
    page = Client().get(f"/portal/reports/{submission.pk}/")
    assert page.status_code == 200 and "/ledgers/" not in page.content.decode()


def _queries(client: Client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_pages_read_the_ledgers_in_queries_that_do_not_grow_with_records(world):
    three_overhauls(world)
    submission = fill(world, backed("3"))
    client = client_for(world.users["dept"])
    urls = [
        f"/submissions/{submission.pk}/",
        f"/submissions/{submission.pk}/edit/indicators/",
        f"/submissions/{submission.pk}/report.md",
    ]
    before = [_queries(client, url) for url in urls]
    for day in range(1, 29):
        ledger_services.record_create(
            actor=world.users["filler_a"],
            org=world.unit_a,
            ledger="overhauls",
            data={"overhaul_date": f"2023-05-{day:02d}", "equipment": "电梯"},
        )
    after = [_queries(client, url) for url in urls]
    assert after == before, (before, after)
    assert max(after) <= 16  # 13, 12 and 8 when written
    frozen = factories.advance(world, "a", "submit")
    submitted = [_queries(client, url.replace(str(submission.pk), str(frozen.pk))) for url in urls]
    assert max(submitted) <= 16, submitted


def test_an_anonymous_survey_answer_moves_the_open_dossier_without_a_false_finding(world):
    """The stored actual was the ledger's; a new answer changes the ledger: the open dossier
    follows (the ledger's edit, audited as such), not a claim the ledger no longer supports."""
    from jixiao.web.evaluations.models import AuditEntry
    from jixiao.web.ledgers.models import Survey

    survey = ledger_services.survey_open(
        actor=world.users["filler_a"], org=world.unit_a, year=2023, title="服务对象满意度调查"
    )
    for rating in ("满意", "满意", "不满意"):
        ledger_services.survey_respond(
            survey=Survey.objects.get(pk=survey.pk), data={"rating": rating}
        )
    row = backed(
        id="satisfaction",
        name="社会公众满意度",
        level1="满意度",
        level2="服务对象满意度",
        comparator="≥",
        target="60",
        unit="%",
        actual_from="satisfaction.rate",
    )
    submission = factories.fill(
        world, "a", indicators=[*dossier_data(world.unit_a.name)["indicators"], row]
    )
    # saved as the clerk's form would: the ledger's value in place
    services.submission_edit_dossier(
        actor=world.users["filler_a"],
        submission=submission,
        edit=lambda current: actuals.resolve(submission, current, current),
    )

    def actual() -> Any:
        data = Submission.objects.get(pk=submission.pk).current_version.data
        return next(i for i in data["indicators"] if i["id"] == "satisfaction").get("actual")

    assert Decimal(actual()) == Decimal(200) / 3  # 2 of 3
    ledger_services.survey_respond(survey=Survey.objects.get(pk=survey.pk), data={"rating": "满意"})
    assert Decimal(actual()) == Decimal(75)
    findings = Submission.objects.get(pk=submission.pk).current_version.findings
    assert "ledgers.E001" not in ids(findings)
    entry = AuditEntry.objects.filter(submission=submission).latest("pk")
    assert entry.actor is None and entry.reason.startswith("台账更新")


def test_done_when_every_seed_actual_comes_from_its_records_two_clicks_away(db):
    """Issue 14's test: for the demo's seed unit, every quantitative actual of its report is
    computed from ledger records and links to them; the link lists exactly those records."""
    import re
    from html import unescape

    from django.contrib.auth import get_user_model

    from jixiao.web.evaluations import demo

    demo._load_seed()
    seed = Submission.objects.select_related("round", "current_version").get(
        org__name="万载县机关事务管理局"
    )
    assessment = services.assess_version(seed.current_version, seed)
    backings = {b.indicator_id: b for b in assessment.result.ledgers.backings}
    quantitative = [i for i in assessment.result.dossier.indicators if i.actual is not None]
    assert quantitative and all(backings[i.id].status.uses_ledger for i in quantitative)
    assert not {f["id"] for f in assessment.findings} & {"ledgers.E001", "ledgers.W001"}
    finance = client_for(get_user_model().objects.get(username="wanzai_finance"))
    html = finance.get(f"/submissions/{seed.pk}/report.html").content.decode()
    links = {unescape(h) for h in re.findall(r'<a href="(http://testserver/ledgers/[^"]+)"', html)}
    assert len(links) == len(backings)  # one address per backed indicator
    for link in links:  # first click: the records; each row opens one record (the second)
        listing = finance.get(link.removeprefix("http://testserver")).content.decode()
        key = re.search(r"figure=([\w.]+)", link).group(1)
        backing = next(b for b in backings.values() if b.aggregate.key == key)
        first_ledger = backing.aggregate.ledgers[0].value
        shown = {r for r in backing.aggregate.record_ids if f'data-ref="{r}"' in listing}
        assert shown, (key, first_ledger)
        assert "提交时的台账快照" in listing
        if len(backing.aggregate.ledgers) == 1:  # every record behind it, 100 a page
            assert f"由以下 {backing.aggregate.count} 条记录计算" in listing, key
            assert listing.count('data-ref="') == min(backing.aggregate.count, 100), key
