"""Every input on the main pages has an accessible name; every page has a skip link to <main>.

The browser crawl (tests/web/browser/test_crawl.py) checks the same on every page it reaches; this
is the quick version that runs without a browser, on the pages where inputs used to go unlabelled:
the staffing grid, the waiver and return reasons, the evidence upload, the round filters, the
re-score inputs, the token name and the import pages.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from jixiao.web.evaluations.models import State
from tests.web.factories import PASSWORD, advance, fill

pytestmark = pytest.mark.django_db

NOT_FIELDS = {"hidden", "submit", "button", "reset", "image"}


class Controls(HTMLParser):
    """The form controls of a page and the ids its <label for=...> elements name."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str]] = []
        self.label_for: set[str] = set()
        self.open_labels = 0
        self.ids: set[str] = set()
        self.skip_links: list[str] = []
        self.first_link: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k: v or "" for k, v in attrs}
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a" and self.first_link is None:
            self.first_link = attributes.get("href", "")
        if tag == "label":
            self.open_labels += 1
            if attributes.get("for"):
                self.label_for.add(attributes["for"])
        if tag in ("input", "select", "textarea"):
            if attributes.get("type", "").lower() in NOT_FIELDS:
                return
            self.controls.append({**attributes, "wrapped": "1" if self.open_labels else ""})

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.open_labels -= 1

    def unlabelled(self) -> list[str]:
        return [
            f"{c.get('name') or c.get('id')}"
            for c in self.controls
            if not (
                c["wrapped"]
                or c.get("aria-label", "").strip()
                or c.get("title", "").strip()
                or (c.get("id") and c["id"] in self.label_for)
                or any(i in self.ids for i in c.get("aria-labelledby", "").split())
            )
        ]


def controls_of(client, url: str) -> Controls:
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = Controls()
    parsed.feed(response.content.decode())
    return parsed


def as_user(client, world, who: str):
    assert client.login(username=world.users[who].username, password=PASSWORD)
    return client


def test_filler_pages_label_every_input(client, world, fake_findings):
    fake_findings.error()  # an error finding: its waiver form shows in the sidebar
    fill(world, "a")
    pk = world.subs["a"].pk
    as_user(client, world, "filler_a")
    urls = [
        reverse("submission_section", args=[pk, key])
        for key in ("staffing", "indicators", "money", "profile", "stated")
    ]
    urls += [reverse("submission_import", args=[pk]), reverse("tokens")]
    for url in urls:
        page = controls_of(client, url)
        assert page.controls, url
        assert page.unlabelled() == [], url


def test_reviewer_pages_label_every_input(client, world):
    fill(world, "a")
    assert advance(world, "a", "submit", "dept_approve").state == State.DEPT_REVIEWED
    as_user(client, world, "finance")
    expected = {
        reverse("submission_detail", args=[world.subs["a"].pk]): {"reason", "points", "comment"},
        reverse("round_detail", args=[world.round.pk]): {"fmt", "file", "state", "q"},
    }
    for url, names in expected.items():
        page = controls_of(client, url)
        assert names <= {c.get("name") for c in page.controls}, url
        assert page.unlabelled() == [], url


def test_every_page_starts_with_a_skip_link_to_main(client, world):
    as_user(client, world, "filler_a")
    for url in (reverse("dashboard"), reverse("portal:index"), reverse("tokens")):
        page = controls_of(client, url)
        assert page.first_link == "#main", url
        assert "main" in page.ids, url
