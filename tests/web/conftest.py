"""pytest-django set-up for the web tests only: the rest of the suite never imports Django.

Selects ``jixiao.web.settings.test`` (SQLite, or DATABASE_URL when scripts/postgres.sh runs the
suite against a throw-away PostgreSQL) and provides the org tree, users and a round as fixtures.
"""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings.test")
os.environ.setdefault("JIXIAO_ENV", "test")

import django

django.setup()

import pytest  # noqa: E402

from tests.web import factories  # noqa: E402


@pytest.fixture
def world(db):
    """财政局 → two 主管部门 → three units, one user per role, an open round."""
    return factories.build_world()


@pytest.fixture
def fake_findings(monkeypatch):
    """Make the pipeline report whatever findings a test sets, independent of the rule set."""
    return factories.FakePipeline.install(monkeypatch)


@pytest.fixture(autouse=True)
def _default_language_after_each_test():
    """A request in English leaves English active in the thread; the next test starts in Chinese."""
    yield
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
