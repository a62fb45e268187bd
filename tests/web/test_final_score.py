"""The final score (finance re-score where present, else computed; 证据不足 when not computable)
is stored with each version and shown the same in the sidebar, the round page, the portal, the
API and the report; a re-score is saved item by item without a page reload."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from jixiao.core.scoring import INSUFFICIENT_TEXT
from jixiao.web.evaluations import engine, services
from jixiao.web.evaluations.models import Action, AuditEntry, Submission
from jixiao.web.orgs.models import ApiToken, Membership, Org, OrgKind, Role
from tests.web.factories import PASSWORD, advance, fill

JSON = {"HTTP_ACCEPT": "application/json"}


def login(client, world, who):
    assert client.login(username=world.users[who].username, password=PASSWORD)


def bearer(world, who):
    _, raw = ApiToken.issue(world.users[who])
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def reviewed(world, key="a", **extra):
    """A filled submission in 主管部门已审核, which the bureau may re-score."""
    fill(world, key, **extra)
    return advance(world, key, "submit", "dept_approve")


def items(submission):
    return engine.assess(submission.current_version.data).items


def rescore_everything(world, key="a"):
    """Re-score every item at its computed points, or half its weight where evidence lacks."""
    for item in items(world.sub(key)):
        points = item.points if item.points is not None else item.weight / 2
        services.submission_rescore(
            actor=world.users["finance"],
            submission=world.sub(key),
            item_id=item.id,
            points=points,
            comment="现场核实",
        )
    return world.sub(key)


def score_card(html: str) -> str:
    start = html.index('id="score"')
    return html[start : html.index('<div class="card"><b>', start)]


# ── stored and shown the same ─────────────────────────────────────────────────────────────


def test_an_uncomputable_score_reads_the_same_everywhere(client, world):
    submission = fill(world, "a")  # the factory's dossier lacks evidence for three items
    version = submission.current_version
    assert (version.final_total, version.final_grade, version.final_basis) == (
        None,
        "",
        "insufficient",
    )
    assert version.final_text == INSUFFICIENT_TEXT
    login(client, world, "finance")
    sidebar = score_card(client.get(reverse("submission_detail", args=[submission.pk])).text)
    assert INSUFFICIENT_TEXT in sidebar
    round_page = client.get(reverse("round_detail", args=[world.round.pk])).text
    assert f'<span class="final-score">{INSUFFICIENT_TEXT}</span>' in round_page
    api = client.get(f"/api/submissions/{submission.pk}", **bearer(world, "finance")).json()
    assert (api["final_total"], api["final_basis"], api["final_text"]) == (
        None,
        "insufficient",
        INSUFFICIENT_TEXT,
    )
    report = client.get(reverse("submission_report", args=[submission.pk, "md"])).text
    assert f"综合得分为{INSUFFICIENT_TEXT}" in report
    assert "0（证据不足）" not in report


def test_a_rescore_becomes_the_final_score_in_sidebar_round_page_api_portal_and_report(
    client, world
):
    reviewed(world, "a")
    submission = rescore_everything(world, "a")
    version = submission.current_version
    rescores = {r.item_id: (r.points, r.comment) for r in submission.rescores.all()}
    card = engine.assess(version.data, rescores=rescores).result.score
    assert card.final.basis.value == "rescore" and card.final.total is not None
    # the stored summary follows the re-score: lists read it without recomputing
    assert (version.final_total, version.final_grade, version.final_basis) == (
        card.final.total,
        card.final.grade,
        "rescore",
    )
    text, grade = card.final.text, card.final.grade
    login(client, world, "finance")
    sidebar = score_card(client.get(reverse("submission_detail", args=[submission.pk])).text)
    assert "最终得分（财政复核）" in sidebar and f'id="final-total">{text}<' in sidebar
    assert f'id="final-grade">{grade}<' in sidebar
    assert "自评分 92" in sidebar  # the self-score beside it
    api = client.get(f"/api/submissions/{submission.pk}", **bearer(world, "finance")).json()
    assert Decimal(str(api["final_total"])) == card.final.total
    assert (api["final_grade"], api["final_basis"], api["final_text"]) == (grade, "rescore", text)
    assert Decimal(str(api["self_total"])) == Decimal(92)
    score = client.get(f"/api/submissions/{submission.pk}/score", **bearer(world, "finance"))
    assert score.json()["final_text"] == text
    advance(world, "a", "finance_approve", "approve", "publish")
    client.logout()
    portal = client.get(reverse("portal:index")).text
    assert f'<span class="final-score">{text}</span>' in portal and f"<td>{grade}</td>" in portal
    page = client.get(reverse("portal:report", args=[submission.pk])).text
    assert "财政复核" in page and f"综合得分为{text}分，等级为“{grade}”" in page
    login(client, world, "finance")
    report = client.get(reverse("submission_report", args=[submission.pk, "md"])).text
    header = next(line for line in report.splitlines() if "计算得分" in line and "分值" in line)
    assert "| 计算得分 | 财政复核 |" in header
    assert f"综合得分为{text}分，等级为“{grade}”" in report


def test_the_word_report_states_the_rescored_final_score(client, world):
    import io

    docx = pytest.importorskip("docx")
    reviewed(world, "a")
    submission = rescore_everything(world, "a")
    version = submission.current_version
    login(client, world, "finance")
    response = client.get(reverse("submission_report", args=[submission.pk, "docx"]))
    assert response.status_code == 200
    document = docx.Document(io.BytesIO(response.getvalue()))
    body = "\n".join(p.text for p in document.paragraphs)
    assert f"综合得分为{version.final_text}分，等级为“{version.final_grade}”" in body
    headers = [
        [cell.text for cell in table.rows[0].cells]
        for table in document.tables
        if any("计算得分" in cell.text for cell in table.rows[0].cells)
    ]
    assert headers and "财政复核" in headers[0]


# ── the JSON re-score ─────────────────────────────────────────────────────────────────────


def test_json_rescore_updates_row_total_and_score_card_and_audits(client, world):
    submission = reviewed(world, "a")
    item = next(i for i in items(submission) if i.points is not None)
    login(client, world, "finance")
    url = reverse("submission_rescore", args=[submission.pk])
    response = client.post(
        url, {"item_id": item.id, "points": "12.5", "comment": "佐证不足，酌减"}, **JSON
    )
    assert response.status_code == 200
    data = response.json()
    assert data["item"] == {"id": item.id, "rescore": "12.5", "comment": "佐证不足，酌减"}
    version = world.sub("a").current_version
    assert data["final"]["text"] == version.final_text
    assert data["final"]["basis"] == version.final_basis
    entry = AuditEntry.objects.get(action=Action.RESCORE)
    assert entry.changes == [{"path": f"rescore.{item.id}", "old": None, "new": "12.5"}]
    assert entry.actor == world.users["finance"]


@pytest.mark.parametrize(
    ("points", "comment", "field"),
    [("abc", "理由充分", "points"), ("999", "理由充分", "points"), ("5", "", "comment")],
)
def test_json_rescore_names_the_bad_field(client, world, points, comment, field):
    submission = reviewed(world, "a")
    item = next(i for i in items(submission) if i.points is not None)
    login(client, world, "finance")
    response = client.post(
        reverse("submission_rescore", args=[submission.pk]),
        {"item_id": item.id, "points": points, "comment": comment},
        **JSON,
    )
    assert response.status_code == 400
    assert response.json()["field"] == field and response.json()["message"]
    assert not Submission.objects.get(pk=submission.pk).rescores.exists()
    assert not AuditEntry.objects.filter(action=Action.RESCORE).exists()


def test_json_rescore_is_for_the_bureaus_finance_reviewers_only(client, world):
    submission = reviewed(world, "a")
    item = next(i for i in items(submission) if i.points is not None)
    url = reverse("submission_rescore", args=[submission.pk])
    payload = {"item_id": item.id, "points": "1", "comment": "理由充分"}
    login(client, world, "dept")  # sees the submission, may not re-score it
    assert client.post(url, payload, **JSON).status_code == 403
    client.logout()
    login(client, world, "filler_b")  # another unit: does not see it
    assert client.post(url, payload, **JSON).status_code == 404
    client.logout()
    other = Org.objects.create(name="另一财政局", code="OTHER-CZ", kind=OrgKind.FINANCE)
    stranger = world.users["finance"].__class__.objects.create_user("other_fin", password=PASSWORD)
    Membership.objects.create(user=stranger, org=other, role=Role.FINANCE_REVIEWER)
    assert client.login(username="other_fin", password=PASSWORD)
    assert client.post(url, payload, **JSON).status_code == 404
    assert not AuditEntry.objects.filter(action=Action.RESCORE).exists()


def test_without_script_the_rescore_form_posts_and_returns_to_the_item(client, world):
    submission = reviewed(world, "a")
    item = next(i for i in items(submission) if i.points is not None)
    login(client, world, "finance")
    response = client.post(
        reverse("submission_rescore", args=[submission.pk]),
        {"item_id": item.id, "points": "3", "comment": "理由充分"},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/submissions/{submission.pk}/#item-{item.id}")
    page = client.get(reverse("submission_detail", args=[submission.pk])).text
    assert f'id="item-{item.id}"' in page and "jixiao/rescore.js" in page


def test_the_saved_notice_tells_the_final_score_not_a_partial_sum(client, world):
    """Found walking the journey: with evidence lacking, the notice after a save said
    “当前得分 86.48（—）” while the sidebar said “—（证据不足）”."""
    submission = fill(world, "a")
    assert submission.current_version.final_basis == "insufficient"
    login(client, world, "filler_a")
    url = reverse("submission_section", args=[submission.pk, "staffing"])
    page = client.get(url).text
    revision = re.search(r'name="base_version" value="(\d+)"', page).group(1)
    response = client.post(
        url,
        {
            "base_version": revision,
            "authorized-行政编制": "10",
            "in_service-行政编制": "9",
            "retired": "4",
        },
        follow=True,
    )
    notice = response.text
    assert "得分暂无法计算（证据不足）" in notice and "当前得分" not in notice
