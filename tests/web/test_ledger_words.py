"""A ledger's field titles and stored choices read in the page's language.

The record types name their fields in Chinese (变动日期, 变动类型) and store Chinese choices
(新增, 电力, 较大). On an English page they were shown in Chinese, marked as if they were user
data, so the English-page test (which skips lang="zh" text) did not see them. Each is now
translated in a context of its own: the asset change 新增 is an addition, not the button 新增
(add); the approval's 批准 is "approved", not the action "approve".
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.utils import translation

from jixiao.core.ledgers.records import LEDGERS
from jixiao.web.ledgers import services
from jixiao.web.ledgers.forms import choices_of
from jixiao.web.ledgers.vocabulary import choice_word, field_word
from tests.web import factories

pytestmark = pytest.mark.django_db


def ledger_words() -> tuple[set[str], set[str]]:
    titles, choices = set(), set()
    for spec in LEDGERS.values():
        for info in spec.record.model_fields.values():
            if info.title:
                titles.add(info.title)
            choices.update(value for value, _ in choices_of(info.annotation) or [])
    return titles, choices


def test_every_ledger_title_and_choice_has_its_english() -> None:
    titles, choices = ledger_words()
    with translation.override("en"):
        untranslated = sorted(w for w in titles if field_word(w) == w)
        untranslated += sorted(w for w in choices if choice_word(w) == w)
    assert not untranslated


def test_ledger_words_keep_their_own_meaning() -> None:
    with translation.override("en"):
        assert choice_word("新增") == "Addition"  # not the button "Add"
        assert field_word("批准") == "Approved"  # not the action "Approve"
        assert field_word("等级") == "Severity"  # not a report's grade
    with translation.override("zh-hans"):
        assert choice_word("新增") == "新增"
        assert field_word("变动类型") == "变动类型"


def asset_change(world: factories.World) -> Any:
    return services.record_create(
        actor=world.users["filler_a"],
        org=world.unit_a,
        ledger="asset_changes",
        data={
            "changed_on": "2023-05-06",
            "asset": "ZC-001",
            "kind": "新增",
            "amount": "1200",
            "unit": "元",
        },
    )


def page(world: factories.World, url: str, language: str) -> str:
    client = Client()
    client.force_login(world.users["filler_a"])
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, url
    return response.content.decode()


def test_english_ledger_list_and_form_name_columns_and_choices_in_english(
    world: factories.World,
) -> None:
    asset_change(world)
    org = world.unit_a.pk
    listed = page(world, f"/ledgers/{org}/asset_changes/?year=2023", "en")
    for word in ("Change date", "Asset no.", "Change type", "Addition", "yuan"):
        assert word in listed, word
    for word in ("变动日期", "变动类型", ">新增<"):
        assert word not in listed, word
    form = page(world, f"/ledgers/{org}/asset_changes/new/", "en")
    for word in ("Change date", "Change type", "Depreciation", "Note"):
        assert word in form, word
    assert ">折旧<" not in form and "变动日期" not in form  # the option keeps its stored value


def test_chinese_ledger_pages_keep_the_chinese_words(world: factories.World) -> None:
    asset_change(world)
    org = world.unit_a.pk
    listed = page(world, f"/ledgers/{org}/asset_changes/?year=2023", "zh-hans")
    assert "变动类型" in listed and ">新增<" in listed
    form = page(world, f"/ledgers/{org}/asset_changes/new/", "zh-hans")
    assert "变动日期" in form and "折旧" in form
