"""Every section form, submitted as a browser submits it: unchanged, then with one valid change.

The form values are read from the rendered page (lxml's ``form_values`` sends what a browser
sends: a select's first option when none is marked, no unchecked boxes), so empty "新增一行" rows
arrive exactly as they do from Chromium. The sections come from the registry: a new section is
covered without editing this file.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from django.urls import reverse

from jixiao.io.dossiers import dossier_to_data, load_dossier
from jixiao.web.evaluations import services
from jixiao.web.evaluations.forms import SECTIONS
from tests.web.factories import PASSWORD, fill

pytestmark = pytest.mark.django_db

SEED = Path(__file__).resolve().parents[2] / "examples" / "wanzai-2021" / "dossier.yaml"


def _form_values(html: str) -> dict[str, list[str]]:
    form = lxml.html.fromstring(html).get_element_by_id("section-form")
    values: dict[str, list[str]] = {}
    for name, value in form.form_values():
        values.setdefault(name, []).append(value)
    return values


def _post_unchanged(client, url: str):
    page = client.get(url)
    assert page.status_code == 200, url
    return client.post(url, _form_values(page.content.decode()))


@pytest.fixture(params=["factory", "seed"])
def submission(request, world):
    if request.param == "factory":
        return fill(world, "a")
    data = dossier_to_data(load_dossier(SEED))
    data["year"] = world.round.year
    services.submission_save_dossier(
        actor=world.users["filler_a"], submission=world.sub("a"), data=data
    )
    return world.sub("a")


@pytest.mark.parametrize("key", list(SECTIONS))
def test_every_section_saves_unchanged(client, world, submission, key):
    assert client.login(username=world.users["filler_a"].username, password=PASSWORD)
    before = submission.current_version.data
    url = reverse("submission_section", args=[submission.pk, key])
    response = _post_unchanged(client, url)
    assert response.status_code == 302, _errors(response)
    submission.refresh_from_db()
    assert submission.current_version.data == before


def test_empty_indicator_rows_with_preselected_choices_are_ignored(client, world):
    submission = fill(world, "a")
    assert client.login(username=world.users["filler_a"].username, password=PASSWORD)
    url = reverse("submission_section", args=[submission.pk, "indicators"])
    values = _form_values(client.get(url).content.decode())
    # the empty row arrives with 一级指标 and 比较 chosen, as Chromium sends it
    assert values["rows-1-level1"] != [""] and values["rows-1-comparator"] != [""]
    response = client.post(url, values)
    assert response.status_code == 302, _errors(response)


def test_a_section_saves_with_one_valid_change(client, world):
    submission = fill(world, "a")
    assert client.login(username=world.users["filler_a"].username, password=PASSWORD)
    url = reverse("submission_section", args=[submission.pk, "indicators"])
    values = _form_values(client.get(url).content.decode())
    values["rows-0-actual"] = ["12"]
    response = client.post(url, values)
    assert response.status_code == 302, _errors(response)
    submission.refresh_from_db()
    assert submission.current_version.data["indicators"][0]["actual"] == "12"


def _errors(response) -> str:
    if response.status_code != 200:
        return str(response.status_code)
    tree = lxml.html.fromstring(response.content.decode())
    return " | ".join(e.text_content().strip() for e in tree.find_class("errorlist"))
