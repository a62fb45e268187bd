"""A sealed version's report is rendered once, kept in storage and streamed; a draft's every time.

The stored file's name stands for everything the report depends on (version, seal, re-scores,
jixiao's version, language, format): a new re-score means a new file, never the old one served.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.http import FileResponse
from django.urls import reverse

from jixiao.web.evaluations import report_files, views
from jixiao.web.evaluations.models import Rescore
from tests.web.factories import PASSWORD, advance, fill

pytestmark = pytest.mark.django_db


@pytest.fixture
def renders(monkeypatch) -> list[str]:
    """The formats rendered, in order (the real renderer still runs)."""
    seen: list[str] = []
    real = views._render_report

    def counting(submission, version, fmt, *site):
        seen.append(fmt)
        return real(submission, version, fmt, *site)

    monkeypatch.setattr(views, "_render_report", counting)
    return seen


def _published(world):
    fill(world, "a")
    return advance(world, "a", "submit", "dept_approve", "finance_approve", "approve", "publish")


def test_a_published_report_is_rendered_once_and_then_read_from_storage(client, world, renders):
    submission = _published(world)
    url = reverse("portal:report_file", args=[submission.pk, "html"])
    first, second = client.get(url), client.get(url)
    assert first.status_code == second.status_code == 200
    assert first.content == second.content and "部门整体支出绩效" in first.content.decode()
    assert "style-src" in second["Content-Security-Policy"]
    assert renders == ["html"]  # the second download rendered nothing
    # signed in, the report links its ledger-backed actuals to their records, which may change
    # after approval: rendered for each request
    assert client.login(username="fin_rev", password=PASSWORD)
    internal = reverse("submission_report", args=[submission.pk, "md"])
    assert client.get(internal).status_code == client.get(internal).status_code == 200
    assert renders == ["html", "md", "md"]


def test_a_binary_report_is_streamed_from_the_stored_file(client, world, renders):
    submission = _published(world)
    url = reverse("portal:report_file", args=[submission.pk, "docx"])
    response = client.get(url)
    content = response.getvalue()  # a stream: read once
    assert isinstance(response, FileResponse) and content[:2] == b"PK"
    assert response["Content-Disposition"].startswith("attachment; filename*=UTF-8''")
    assert client.get(url).getvalue() == content
    assert renders == ["docx"]


def test_a_new_rescore_names_a_new_file(world):
    submission = _published(world)
    version = submission.current_version
    before = report_files.stored_name(submission, version, "md")
    assert report_files.stored_name(submission, version, "md") == before  # stable
    assert report_files.stored_name(submission, version, "html") != before
    Rescore.objects.create(submission=submission, item_id="x", points=Decimal(1))
    assert report_files.stored_name(submission, version, "md") != before


def test_a_drafts_report_is_rendered_for_every_request(client, world, renders):
    submission = fill(world, "a")
    assert client.login(username="fin_rev", password=PASSWORD)
    url = reverse("submission_report", args=[submission.pk, "md"])
    assert client.get(url).status_code == client.get(url).status_code == 200
    assert renders == ["md", "md"]
