"""The dashboard's to-dos are counted in the database over every row, never a slice.

The to-do predicate (``selectors.todo_filter``) is the database form of "``allowed_actions``
offers a forward step"; these tests hold the two to the same answer for every role and state,
count exactly beyond the 300 rows the page once looked at, and keep its queries constant.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from jixiao.web.evaluations import selectors
from jixiao.web.evaluations.models import Round, State, Submission
from jixiao.web.evaluations.permissions import Permissions
from jixiao.web.evaluations.views import FORWARD
from jixiao.web.orgs.models import Org, OrgKind
from tests.web.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _due_in_python(user) -> set[int]:
    """The to-dos as the page computed them before: allowed_actions row by row."""
    permissions = Permissions.of(user)
    rows = selectors.submission_list(user=user)
    return {s.pk for s in rows if set(permissions.allowed_actions(s)) & FORWARD}


def _due_in_database(user) -> set[int]:
    return set(selectors.todo_list(user=user).values_list("pk", flat=True))


def _every_state_everywhere(world) -> None:
    """Submissions in each state for a unit under a 主管部门, a 主管部门 reporting itself and a
    unit straight under the bureau (its first review is the bureau's); drafts past their
    deadline, one of them extended."""
    lone = Org.objects.create(
        name="测试县直属单位", code="U9", kind=OrgKind.UNIT, parent=world.finance
    )
    orgs = [world.dept, lone]
    orgs += [
        Org.objects.create(name=f"测试单位{n}", code=f"X{n}", kind=OrgKind.UNIT, parent=world.dept2)
        for n in range(len(State.values))
    ]
    late = Round.objects.create(
        finance=world.finance,
        year=2022,
        notice="测财监〔2023〕9号",
        title="已截止的批次",
        deadline=timezone.now() - timedelta(days=1),
    )
    for round_ in (world.round, late):
        for index, org in enumerate(orgs):
            for offset, state in enumerate(State.values):
                if org.code.startswith("X") and index % len(State.values) != offset:
                    continue
                Submission.objects.get_or_create(round=round_, org=org, defaults={"state": state})
    Submission.objects.filter(round=late, org=lone).update(
        state=State.DRAFT, extended_until=timezone.now() + timedelta(days=3)
    )
    for key, state in (("a", State.SUBMITTED), ("b", State.DEPT_REVIEWED), ("c", State.RETURNED)):
        Submission.objects.filter(pk=world.subs[key].pk).update(state=state)


def test_the_database_predicate_agrees_with_allowed_actions_for_every_role(world):
    _every_state_everywhere(world)
    superuser = get_user_model().objects.create_superuser("root", password=PASSWORD)
    for name, user in [*world.users.items(), ("superuser", superuser)]:
        expected = _due_in_python(user)
        assert _due_in_database(user) == expected, name
    # the check has teeth: each kind of to-do is present for someone
    assert _due_in_python(world.users["finance"]) and _due_in_python(world.users["dept"])
    assert _due_in_python(world.users["filler_c"])  # a returned report: resubmit


def test_a_clean_case_has_no_todo(world):
    """Drafts of other units and reports past the user's stage are not the user's to-dos."""
    Submission.objects.filter(round=world.round).update(state=State.APPROVED)
    assert _due_in_database(world.users["filler_a"]) == set()
    assert _due_in_database(world.users["dept"]) == set()


def _many_units_under_review(world, count: int) -> None:
    parent = world.dept
    orgs = [
        Org.objects.create(
            name=f"批量单位{n:03d}", code=f"B{n:03d}", kind=OrgKind.UNIT, parent=parent
        )
        for n in range(count)
    ]
    Submission.objects.bulk_create(
        [Submission(round=world.round, org=org, state=State.DEPT_REVIEWED) for org in orgs]
    )


def test_beyond_300_rows_the_count_is_exact_and_the_list_is_paged(client, world):
    _many_units_under_review(world, 340)  # the bureau's turn: 财政局审核
    assert client.login(username="fin_rev", password=PASSWORD)
    expected = len(_due_in_python(world.users["finance"]))
    assert expected == 340
    page = client.get(reverse("dashboard")).content.decode()
    assert f"待办（{expected}）" in page
    assert "第 1–50 个" in page and 'rel="next"' in page
    last = client.get(reverse("dashboard") + "?page=7").content.decode()
    assert "第 301–340 个" in last and "批量单位339" in last


@pytest.mark.parametrize("extra", [5, 50])
def test_the_dashboard_takes_the_same_queries_for_5_or_50_to_dos(
    client, world, extra, django_assert_num_queries
):
    _many_units_under_review(world, extra)
    assert client.login(username="fin_rev", password=PASSWORD)
    with django_assert_num_queries(11):  # the page's ids, then its rows (paging.IdPaginator)
        assert client.get(reverse("dashboard")).status_code == 200


BLOBS = ('"data"', '"findings"', '"content_parts"')  # the JSON a list never shows


def _queries(client, url, **headers):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, **headers).status_code == 200
    return [q["sql"] for q in captured.captured_queries]


def _loads_no_blob(queries: list[str]) -> bool:
    listing = [q for q in queries if '"evaluations_dossierversion"' in q]
    return not any(f'"evaluations_dossierversion".{blob}' in q for q in listing for blob in BLOBS)


def test_lists_take_as_many_queries_for_50_rows_as_for_5_and_load_no_dossier_json(client, world):
    """The dashboard, the round page and the API list: same query count for 5 and 50 more
    rows, and none of them reads a dossier's JSON."""
    from jixiao.web.orgs.models import ApiToken

    _, raw = ApiToken.issue(world.users["finance"])
    token = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    assert client.login(username="fin_rev", password=PASSWORD)
    urls = [
        (reverse("dashboard"), {}),
        (reverse("round_detail", args=[world.round.pk]), {}),
        (f"/api/submissions?round_id={world.round.pk}", token),
        ("/api/rounds", token),
    ]
    counts = []
    for add in (lambda: _many_units_under_review(world, 5), lambda: _more(world, 45)):
        add()  # 5 rows, then 50
        seen = []
        for url, headers in urls:
            queries = _queries(client, url, **headers)
            assert _loads_no_blob(queries), url
            seen.append(len(queries))
        counts.append(seen)
    assert counts[0] == counts[1]


def _more(world, count: int) -> None:
    orgs = [
        Org.objects.create(
            name=f"追加单位{n:03d}", code=f"M{n:03d}", kind=OrgKind.UNIT, parent=world.dept
        )
        for n in range(count)
    ]
    Submission.objects.bulk_create(
        [Submission(round=world.round, org=org, state=State.DEPT_REVIEWED) for org in orgs]
    )
