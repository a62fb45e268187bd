"""A ledger record entered or edited after the finance bureau reopened an approved report starts
the report's version 2 with the ledger's new actual (found walking the reopen journey): before,
the locked version 1 stayed current and the change reached no version, so the version history
showed only v1 and the indicator kept its old actual until some other edit."""

from __future__ import annotations

import pytest

from jixiao.web.evaluations import services as evaluation_services
from jixiao.web.evaluations.models import AuditEntry
from jixiao.web.ledgers import services
from tests.web import factories
from tests.web.test_ledgers import OVERHAULS, fill_backed, overhaul

pytestmark = pytest.mark.django_db


def _actual(submission):
    data = type(submission).objects.get(pk=submission.pk).current_version.data
    return next(i for i in data["indicators"] if i["id"] == "overhauls").get("actual")


def _reopened(world):
    fill_backed(world)
    clerk = world.users["filler_a"]
    for day in ("2023-01-10", "2023-04-10"):
        services.record_create(actor=clerk, org=world.unit_a, ledger=OVERHAULS, data=overhaul(day))
    factories.advance(world, "a", "submit", "dept_approve", "finance_approve", "approve")
    submission = evaluation_services.submission_reopen(
        actor=world.users["finance"], submission=world.sub("a"), reason="台账需补录"
    )
    assert submission.current_version.number == 1 and submission.current_version.locked
    return submission


def test_a_ledger_record_after_a_reopen_starts_version_2(world: factories.World) -> None:
    submission = _reopened(world)
    assert _actual(submission) == "2"
    services.record_create(
        actor=world.users["filler_a"],
        org=world.unit_a,
        ledger=OVERHAULS,
        data=overhaul("2023-09-10"),
    )
    submission = world.sub("a")
    assert submission.current_version.number == 2
    assert not submission.current_version.locked
    assert _actual(submission) == "3"
    assert submission.versions.get(number=1).data != submission.current_version.data
    assert AuditEntry.objects.filter(submission=submission, action="new_version").exists()


def test_a_ledger_change_that_changes_no_figure_starts_no_version(world: factories.World) -> None:
    submission = _reopened(world)
    services.record_create(  # another year: the report's actual does not move
        actor=world.users["filler_a"],
        org=world.unit_a,
        ledger=OVERHAULS,
        data=overhaul("2021-12-30"),
    )
    assert world.sub("a").current_version.number == 1
    assert _actual(submission) == "2"
