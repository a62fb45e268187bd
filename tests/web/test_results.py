"""Use of results and monitoring on the web: services with audit rows, permissions, the register
(page, Excel, API), the panel beside next year's targets, monitoring warnings."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from jixiao.core.errors import InputError
from jixiao.web.evaluations import services as evaluation_services
from jixiao.web.evaluations.models import DossierVersion, Submission
from jixiao.web.evaluations.permissions import ActionRefused
from jixiao.web.results import services
from jixiao.web.results.models import (
    Decision,
    ItemStatus,
    MonitoringSnapshot,
    RectificationItem,
    ResultAudit,
    item_status,
)

from .factories import advance, fill

pytestmark = pytest.mark.django_db


def _graded(submission: Submission, grade: str, total: str = "55") -> Submission:
    """Set the stored final grade (the pipeline's grade is not what these tests are about)."""
    DossierVersion.objects.filter(pk=submission.current_version_id).update(
        final_grade=grade, final_total=Decimal(total)
    )
    return Submission.objects.select_related("round", "org", "current_version").get(
        pk=submission.pk
    )


@pytest.fixture
def reviewed(world):
    fill(world, "a")
    advance(world, "a", "submit", "dept_approve", "finance_approve")
    return _graded(world.sub("a"), "差")


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


# ── overdue derivation ────────────────────────────────────────────────────────────────────


def test_overdue_is_derived_from_the_due_date() -> None:
    today = date(2024, 6, 1)
    assert item_status("in_progress", date(2024, 5, 31), today) == "overdue"
    assert item_status("not_started", date(2024, 5, 31), today) == "overdue"
    assert (
        item_status("in_progress", date(2024, 6, 1), today) == "in_progress"
    )  # due today: not yet
    assert item_status("done", date(2024, 1, 1), today) == "done"  # done late is done


# ── rules and decisions ───────────────────────────────────────────────────────────────────


def test_suggestion_follows_the_bureaus_rules(world, reviewed) -> None:
    assert services.suggestion_for(reviewed).cut_share == 10  # the default for 差
    services.rules_save(
        actor=world.users["finance"],
        finance=world.finance,
        values={
            "cut_excellent": Decimal(0),
            "cut_good": Decimal(0),
            "cut_fair": Decimal(5),
            "cut_poor": Decimal(15),
            "rectify_findings": "money.E012",
            "rectify_on_any_error": False,
            "monitoring_margin": Decimal(25),
        },
    )
    assert services.suggestion_for(reviewed).cut_share == 15
    audit = ResultAudit.objects.get(action="rules")
    assert {"path": "cut_poor", "old": None, "new": "15"} in audit.changes


def test_rules_refused_for_a_unit_and_bad_values_named(world) -> None:
    values = {
        "cut_excellent": Decimal(0),
        "cut_good": Decimal(0),
        "cut_fair": Decimal(5),
        "cut_poor": Decimal(10),
        "rectify_findings": "",
        "rectify_on_any_error": True,
        "monitoring_margin": Decimal(20),
    }
    with pytest.raises(ActionRefused):
        services.rules_save(actor=world.users["filler_a"], finance=world.finance, values=values)
    with pytest.raises(InputError) as error:
        services.rules_save(
            actor=world.users["finance"],
            finance=world.finance,
            values={**values, "rectify_findings": "money-E12"},
        )
    assert error.value.problems[0].path == "rectify_findings"
    assert not ResultAudit.objects.exists()


def test_finance_accepts_the_suggestion_with_an_audit_row(world, reviewed) -> None:
    decision = services.decision_record(
        actor=world.users["finance"], submission=reviewed, choice="accept"
    )
    assert (decision.action, decision.share, decision.amount) == ("reduce", Decimal(10), None)
    assert decision.suggested_text == "压减下年度项目预算10%"
    audit = ResultAudit.objects.get(action="decide", submission=reviewed)
    assert audit.actor == world.users["finance"]
    assert {"path": "share", "old": None, "new": "10"} in audit.changes


def test_a_changed_decision_needs_a_reason_and_writes_nothing_without(world, reviewed) -> None:
    with pytest.raises(InputError) as error:
        services.decision_record(
            actor=world.users["finance"],
            submission=reviewed,
            choice="change",
            action="reduce",
            amount=Decimal("50"),
            reason="",
        )
    assert error.value.problems[0].path == "reason"
    assert not Decision.objects.exists() and not ResultAudit.objects.exists()
    decision = services.decision_record(
        actor=world.users["finance"],
        submission=reviewed,
        choice="change",
        action="reduce",
        amount=Decimal("50"),
        amount_unit="万元",
        reason="项目已完成一期，压减固定金额",
    )
    assert decision.amount == Decimal(50) and decision.share is None


@pytest.mark.parametrize(
    ("action", "share", "amount", "field"),
    [
        ("reduce", None, None, "share"),
        ("keep", Decimal(5), None, "action"),
        ("reduce", Decimal(120), None, "share"),
        ("reduce", None, Decimal(-1), "amount"),
    ],
)
def test_bad_decisions_name_their_field(world, reviewed, action, share, amount, field) -> None:
    with pytest.raises(InputError) as error:
        services.decision_record(
            actor=world.users["finance"],
            submission=reviewed,
            choice="change",
            action=action,
            share=share,
            amount=amount,
            reason="理由充分",
        )
    assert error.value.problems[0].path == field


@pytest.mark.parametrize("who", ["filler_a", "head_a", "dept", "dept2", "filler_b"])
def test_only_finance_decides(world, reviewed, who) -> None:
    with pytest.raises(ActionRefused):
        services.decision_record(actor=world.users[who], submission=reviewed, choice="accept")
    assert not Decision.objects.exists()


def test_no_decision_before_the_bureaus_review(world) -> None:
    draft = fill(world, "a")
    with pytest.raises(ActionRefused):
        services.decision_record(actor=world.users["finance"], submission=draft, choice="accept")


# ── rectification items ───────────────────────────────────────────────────────────────────


def _item(world, submission, due: date | None = None) -> RectificationItem:
    return services.item_create(
        actor=world.users["finance"],
        submission=submission,
        description="规范项目支出绩效目标设置",
        due_date=due or date(2024, 6, 30),
        responsible="财务股",
    )


def test_item_life_unit_updates_finance_confirms(world, reviewed) -> None:
    item = _item(world, reviewed)
    assert item.owner == world.unit_a and item.status == ItemStatus.NOT_STARTED
    services.item_progress(
        actor=world.users["filler_a"], item=item, status="in_progress", note="已修订目标表"
    )
    services.item_progress(
        actor=world.users["filler_a"],
        item=item,
        status="in_progress",
        note="已完成",
        report_done=True,
    )
    item.refresh_from_db()
    assert item.reported_done and "待财政确认" in item.status_label(date(2024, 1, 1))
    services.item_review(actor=world.users["finance"], item=item, confirm=True, note="")
    item.refresh_from_db()
    assert item.status == ItemStatus.DONE and not item.reported_done
    assert item.shown_status(date(2030, 1, 1)) == "done"
    assert [u.kind for u in item.updates.all()] == ["progress", "reported_done", "confirmed"]
    actions = list(ResultAudit.objects.values_list("action", flat=True))
    assert actions == ["item_create", "item_progress", "item_progress", "item_confirm"]
    with pytest.raises(ActionRefused):  # confirmed: no more updates
        services.item_progress(
            actor=world.users["filler_a"], item=item, status="in_progress", note="再改"
        )


@pytest.mark.parametrize("who", ["filler_b", "dept", "finance"])
def test_only_the_owner_unit_notes_progress(world, reviewed, who) -> None:
    item = _item(world, reviewed)
    with pytest.raises(ActionRefused):
        services.item_progress(actor=world.users[who], item=item, status="in_progress", note="进展")
    assert not item.updates.exists()


@pytest.mark.parametrize("who", ["filler_a", "dept"])
def test_only_finance_creates_and_confirms_items(world, reviewed, who) -> None:
    with pytest.raises(ActionRefused):
        _item_by(world, reviewed, who)
    item = _item(world, reviewed)
    with pytest.raises(ActionRefused):
        services.item_review(actor=world.users[who], item=item, confirm=True, note="")
    assert RectificationItem.objects.count() == 1


def _item_by(world, submission, who):
    return services.item_create(
        actor=world.users[who],
        submission=submission,
        description="规范项目支出绩效目标设置",
        due_date=date(2024, 6, 30),
    )


def test_item_input_checked(world, reviewed) -> None:
    with pytest.raises(InputError) as error:
        services.item_create(
            actor=world.users["finance"],
            submission=reviewed,
            description="改",
            due_date=date(2024, 1, 1),
        )
    assert error.value.problems[0].path == "description"
    with pytest.raises(InputError) as error:
        services.item_create(
            actor=world.users["finance"],
            submission=reviewed,
            description="规范目标设置",
            due_date=date(2010, 1, 1),
        )
    assert error.value.problems[0].path == "due_date"
    item = _item(world, reviewed)
    with pytest.raises(InputError):
        services.item_review(actor=world.users["finance"], item=item, confirm=False, note="")


# ── pages and permissions ─────────────────────────────────────────────────────────────────


def test_results_page_by_role(world, reviewed) -> None:
    url = f"/results/submissions/{reviewed.pk}/"
    finance = _client(world.users["finance"]).get(url).content.decode()
    assert 'id="decision-form"' in finance and 'id="item-form"' in finance
    assert "压减下年度项目预算10%" in finance
    unit = _client(world.users["filler_a"]).get(url).content.decode()
    assert 'id="decision-form"' not in unit and 'id="item-form"' not in unit
    dept = _client(world.users["dept"])
    assert dept.get(url).status_code == 200
    assert _client(world.users["filler_b"]).get(url).status_code == 404
    assert _client(world.users["dept2"]).get(url).status_code == 404
    assert Client().get(url).status_code == 302  # anonymous: to the login page


def test_decision_and_item_through_the_page(world, reviewed) -> None:
    finance = _client(world.users["finance"])
    response = finance.post(
        f"/results/submissions/{reviewed.pk}/decision/",
        {
            "choice": "change",
            "action": "reduce",
            "share": "",
            "amount": "",
            "amount_unit": "万元",
            "reason": "x理由",
        },
    )
    assert response.status_code == 400
    assert "压减或增加预算时须填写比例或金额" in response.content.decode()
    response = finance.post(
        f"/results/submissions/{reviewed.pk}/decision/",
        {
            "choice": "change",
            "action": "reduce",
            "share": "8",
            "amount_unit": "万元",
            "reason": "整改态度较好",
        },
    )
    assert response.status_code == 302
    assert Decision.objects.get().share == 8
    response = finance.post(
        f"/results/submissions/{reviewed.pk}/items/",
        {"description": "完善资产管理制度", "responsible": "办公室", "due_date": "2024-09-30"},
    )
    assert response.status_code == 302
    item = RectificationItem.objects.get()
    unit = _client(world.users["filler_a"])
    unit.post(
        f"/results/items/{item.pk}/progress/", {"status": "in_progress", "note": "制度已起草"}
    )
    item.refresh_from_db()
    assert item.status == "in_progress"
    other = _client(world.users["filler_b"])
    assert (
        other.post(
            f"/results/items/{item.pk}/progress/", {"status": "not_started", "note": "x"}
        ).status_code
        == 404
    )
    page = unit.get(f"/results/submissions/{reviewed.pk}/").content.decode()
    history = page.split('id="results-history"')[1]
    assert "更新整改进展" in history and "新增整改事项" in history and "结果应用决定" in history
    assert "制度已起草" in page and "采纳建议" not in page.split('id="decision"')[1][:200]


def test_register_page_excel_and_api_agree(world, reviewed, django_assert_max_num_queries) -> None:
    services.decision_record(actor=world.users["finance"], submission=reviewed, choice="accept")
    _item(world, reviewed, due=date(2023, 12, 31))  # already past: overdue
    client = _client(world.users["finance"])
    with django_assert_max_num_queries(15):
        client.get(f"/results/rounds/{world.round.pk}/")
    fill(world, "c")  # one more row, with an item: the page's queries do not grow with rows
    other = advance(world, "c", "submit", "dept_approve", "finance_approve")
    _item(world, other, due=date(2028, 1, 31))
    with django_assert_max_num_queries(15):
        page = client.get(f"/results/rounds/{world.round.pk}/")
    html = page.content.decode()
    assert "测试县第一中学" in html and "采纳建议：压减预算10%" in html and "逾期" in html
    assert "测试县第二中学" not in html  # still a draft: not in the register
    assert "测试县人民医院" in html
    response = client.get(f"/results/rounds/{world.round.pk}/register.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert len(rows) == 4  # title, header, two reports
    assert rows[1][:7] == (
        "序号",
        "单位",
        "主管部门",
        "最终得分",
        "评价等级",
        "建议结果应用",
        "财政局决定",
    )
    assert rows[2][1:7] == (
        "测试县第一中学",
        "测试县教育局",
        55,
        "差",
        "压减下年度项目预算10%",
        "采纳建议：压减预算10%",
    )
    assert "规范项目支出绩效目标设置（逾期，2023-12-31）" in rows[2][8]
    assert rows[2][9:] == (1, 1)
    api = client.get(f"/api/rounds/{world.round.pk}/results").json()
    assert [r["unit"] for r in api] == ["测试县第一中学", "测试县人民医院"]
    assert api[0]["decision"]["share_percent"] == "10"
    assert api[0]["items"][0]["status"] == "overdue"
    # the other 主管部门 sees only its own unit's row; a unit sees only its own
    seen = _client(world.users["dept2"]).get(f"/api/rounds/{world.round.pk}/results").json()
    assert [r["unit"] for r in seen] == ["测试县人民医院"]
    assert (
        len(_client(world.users["filler_a"]).get(f"/api/rounds/{world.round.pk}/results").json())
        == 1
    )
    assert (
        _client(world.users["filler_b"]).get(f"/api/rounds/{world.round.pk}/results").json() == []
    )


def test_api_decision_and_refusals(world, reviewed) -> None:
    url = f"/api/submissions/{reviewed.pk}/results/decision"
    body = json.dumps(
        {"choice": "change", "action": "reduce", "amount": "30", "reason": "理由充分"}
    )
    unit = _client(world.users["filler_a"]).post(url, body, content_type="application/json")
    assert unit.status_code == 403
    bad = _client(world.users["finance"]).post(
        url,
        json.dumps({"choice": "change", "action": "reduce", "amount": "三十", "reason": "理由"}),
        content_type="application/json",
    )
    assert bad.status_code == 422 and bad.json()["problems"][0]["path"] == "amount"
    ok = _client(world.users["finance"]).post(url, body, content_type="application/json")
    assert ok.status_code == 200
    assert (
        ok.json()["decision"]["amount"] == "30.00"
        and ok.json()["decision"]["amount_unit"] == "万元"
    )
    assert (
        _client(world.users["filler_b"]).get(f"/api/submissions/{reviewed.pk}/results").status_code
        == 404
    )


def test_panel_shows_last_years_decision_while_setting_targets(world, reviewed) -> None:
    services.decision_record(actor=world.users["finance"], submission=reviewed, choice="accept")
    _item(world, reviewed)
    advance(world, "a", "approve")
    following = evaluation_services.round_open(
        actor=world.users["finance"],
        finance=world.finance,
        year=2024,
        notice="测财监〔2025〕1号",
        title="2024年度",
        deadline=timezone.now() + timedelta(days=30),
        units=[world.unit_a],
    )
    nxt = Submission.objects.get(round=following, org=world.unit_a)
    unit = _client(world.users["filler_a"])
    goals = unit.get(f"/submissions/{nxt.pk}/edit/goals/").content.decode()
    assert 'id="previous-results"' in goals
    assert "采纳建议：压减预算10%" in goals and "规范项目支出绩效目标设置" in goals
    assert (
        'id="previous-results"'
        not in unit.get(f"/submissions/{nxt.pk}/edit/money/").content.decode()
    )
    # the year evaluated itself shows no panel (nothing earlier)
    this_year = unit.get(f"/submissions/{reviewed.pk}/edit/indicators/").content.decode()
    assert 'id="previous-results"' not in this_year


# ── monitoring ────────────────────────────────────────────────────────────────────────────


def test_unit_enters_a_snapshot_and_finance_sees_the_warning(world) -> None:
    draft = fill(world, "a")
    unit = _client(world.users["filler_a"])
    url = f"/results/submissions/{draft.pk}/monitoring/"
    form = unit.get(url).content.decode()
    assert 'value="150.75"' in form  # the year's budget, from the report's 年初预算
    response = unit.post(
        url,
        {
            "as_of": "2023-07-31",
            "label": "1-7月",
            "unit": "万元",
            "budget": "150.75",
            "spent": "45",
            "to_date_0": "6",
            "note": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    snapshot = MonitoringSnapshot.objects.get()
    assert snapshot.indicators[0]["to_date"] == "6" and snapshot.spent == 45
    assert ResultAudit.objects.get(action="snapshot").submission_id == draft.pk
    finance = _client(world.users["finance"])
    listing = finance.get("/results/monitoring/?warnings=1").content.decode()
    assert "支出进度29.9%，落后于时间进度58.1%" in listing  # 45 / 150.75
    assert "重点工作完成数" not in listing  # 6 of 10 = 60%: in step with time, not flagged
    assert (
        finance.post(
            url, {"as_of": "2023-07-31", "unit": "万元", "budget": "1", "spent": "1"}
        ).status_code
        == 403
    )
    assert _client(world.users["filler_b"]).get(url).status_code == 404
    api = finance.get(f"/api/submissions/{draft.pk}/monitoring").json()
    assert [w["kind"] for w in api[0]["warnings"]] == ["spending"]


def test_snapshot_date_outside_the_year_is_refused(world) -> None:
    draft = fill(world, "a")
    response = _client(world.users["filler_a"]).post(
        f"/results/submissions/{draft.pk}/monitoring/",
        {"as_of": "2022-07-31", "unit": "万元", "budget": "100", "spent": "10"},
    )
    assert response.status_code == 400
    assert "监控日期应在2023年内" in response.content.decode()
    assert not MonitoringSnapshot.objects.exists()


def test_rules_page_for_finance_only(world) -> None:
    finance = _client(world.users["finance"])
    assert finance.get("/results/rules/").status_code == 200
    response = finance.post(
        "/results/rules/",
        {
            "finance": world.finance.pk,
            "cut_excellent": "0",
            "cut_good": "0",
            "cut_fair": "5",
            "cut_poor": "12",
            "rectify_findings": "",
            "rectify_on_any_error": "on",
            "monitoring_margin": "15",
        },
    )
    assert response.status_code == 302
    page = finance.get("/results/rules/").content.decode()
    assert "12" in page and "cut_poor" not in page.split("修改记录")[1]
    assert _client(world.users["filler_a"]).get("/results/rules/").status_code == 403


def test_demo_county_has_decisions_items_and_a_warning() -> None:
    from jixiao.web.evaluations.demo import load_demo
    from jixiao.web.results import selectors

    load_demo()
    assert Decision.objects.count() == 3
    assert sorted(
        item.shown_status(date(2026, 1, 1)) for item in RectificationItem.objects.all()
    ) == ["done", "in_progress", "overdue"]
    snapshot = MonitoringSnapshot.objects.get()
    warnings = selectors.snapshot_warnings(snapshot, Decimal(20))
    assert [w.kind for w in warnings] == ["spending"]  # indicators at 60%: in step, not flagged


def test_results_pages_in_english_show_no_chinese_outside_user_data(world, reviewed) -> None:
    from .test_english_pages import chinese_in_frame

    services.decision_record(actor=world.users["finance"], submission=reviewed, choice="accept")
    item = _item(world, reviewed)
    services.item_progress(
        actor=world.users["filler_a"], item=item, status="in_progress", note="已修订"
    )
    services.snapshot_save(
        actor=world.users["filler_a"],
        submission=reviewed,
        as_of=date(2023, 7, 31),
        label="1-7月",
        unit="万元",
        budget=Decimal(100),
        spent=Decimal(10),
        indicators=[],
    )
    pages = [
        ("finance", "/results/"),
        ("finance", "/results/rules/"),
        ("finance", f"/results/rounds/{world.round.pk}/"),
        ("finance", f"/results/submissions/{reviewed.pk}/"),
        ("finance", "/results/monitoring/"),
        ("filler_a", f"/results/submissions/{reviewed.pk}/"),
        ("filler_a", f"/results/submissions/{reviewed.pk}/monitoring/"),
    ]
    shown = {}
    for who, url in pages:
        response = _client(world.users[who]).get(url, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 200, url
        html = response.content.decode()
        assert '<html lang="en">' in html
        if leftover := chinese_in_frame(html):
            shown[f"{who} {url}"] = leftover
    assert not shown, shown


def test_public_sees_the_use_of_results_only_once_published(world) -> None:
    fill(world, "a")
    published = advance(
        world, "a", "submit", "dept_approve", "finance_approve", "approve", "publish"
    )
    services.decision_record(actor=world.users["finance"], submission=published, choice="accept")
    _item(world, published)
    portal = f"/portal/reports/{published.pk}/"
    assert 'id="published-results"' not in Client().get(portal).content.decode()  # not by default
    with pytest.raises(ActionRefused):
        services.decision_publish(
            actor=world.users["filler_a"], submission=published, published=True
        )
    response = _client(world.users["finance"]).post(
        f"/results/submissions/{published.pk}/publish/", {"published": "1"}
    )
    assert response.status_code == 302
    page = Client().get(portal).content.decode()
    assert 'id="published-results"' in page and "规范项目支出绩效目标设置" in page
    assert ResultAudit.objects.filter(action="publish").count() == 1
    services.decision_publish(actor=world.users["finance"], submission=published, published=False)
    assert 'id="published-results"' not in Client().get(portal).content.decode()


def test_results_page_and_monitoring_list_queries_are_bounded(
    world, reviewed, django_assert_max_num_queries
) -> None:
    services.decision_record(actor=world.users["finance"], submission=reviewed, choice="accept")
    for month in (3, 5, 7):
        services.snapshot_save(
            actor=world.users["filler_a"],
            submission=reviewed,
            as_of=date(2023, month, 28),
            label=f"1-{month}月",
            unit="万元",
            budget=Decimal(100),
            spent=Decimal(10),
            indicators=[],
        )
    client = _client(world.users["finance"])
    counts = []
    for n in range(1, 4):  # more items and updates: no more queries
        item = _item(world, reviewed)
        services.item_progress(
            actor=world.users["filler_a"], item=item, status="in_progress", note=f"进展{n}"
        )
        with django_assert_max_num_queries(20) as captured:
            assert client.get(f"/results/submissions/{reviewed.pk}/").status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[-1]
    with django_assert_max_num_queries(12):
        page = client.get("/results/monitoring/").content.decode()
    assert page.count("测试县第一中学") == 3


@pytest.mark.parametrize(
    ("language", "typed", "expected"),
    [
        ("zh-hans", "120", "“差”压减比例（%）：应不大于 100"),
        ("zh-hans", "-1", "“差”压减比例（%）：应不小于 0"),
        ("en", "120", ": expected at most 100"),
    ],
)
def test_a_rule_share_out_of_range_names_its_field(language, typed, expected) -> None:
    from django.utils import translation

    from jixiao.web.results.forms import RulesForm

    data = {"cut_excellent": "0", "cut_good": "0", "cut_fair": "5", "cut_poor": typed}
    with translation.override(language):
        form = RulesForm(data={**data, "monitoring_margin": "20"})
        assert not form.is_valid()
        message = str(form.errors["cut_poor"][0])
    assert expected in message
    assert "确保该值" not in message
