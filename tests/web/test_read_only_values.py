"""A section read after submitting shows each choice by its name, never its stored key (found
walking the clerk's submitted report at 390 px: 完成值来自台账 read "property.overhauls_done");
on an English page the fixed words are English (产出 → Outputs)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.web import factories
from tests.web.test_ledgers import client_for, fill_backed

pytestmark = pytest.mark.django_db


def _indicators_page(world, language: str) -> str:
    fill_backed(world)
    submission = factories.advance(world, "a", "submit")
    url = reverse("submission_section", args=[submission.pk, "indicators"])
    return client_for(world.users["filler_a"]).get(url, HTTP_ACCEPT_LANGUAGE=language).text


def test_a_submitted_indicator_shows_its_ledger_by_name(world) -> None:
    page = _indicators_page(world, "zh-hans")
    assert "<input" not in page.split('id="row-0"')[1].split("</details>")[0]  # read-only
    assert "设备检修次数" in page
    assert "property.overhauls_done" not in page.replace("figure=property.overhauls_done", "")


def test_fixed_words_are_english_on_english_pages(world) -> None:
    page = _indicators_page(world, "en")
    row = page.split('id="row-0"')[1].split("</details>")[0]
    assert "Outputs" in row and ">产出<" not in row
