"""Saves of one submission's sections from parallel requests, against a real threaded server on
the configured database (issue 13 #4): every save that answered "saved" is in the dossier, and a
save that could not be kept answered with the conflict message; none is silently lost.

The server runs on a database of its own of the same kind as the suite's: a fresh SQLite file,
or, when DATABASE_URL points to PostgreSQL (scripts/postgres.sh), a fresh database on that
server, dropped afterwards."""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import secrets
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.web.live_demo import demo_server

UNIT = "演示县第一中学"
CONFLICT = "其他人保存了同一部分的修改"
pytestmark = pytest.mark.slow


@contextmanager
def _own_database(folder: Path) -> Iterator[dict[str, str]]:
    """Environment variables giving the server a fresh database like the configured one."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield {"JIXIAO_DB": str(folder / "db.sqlite3")}
        return
    import psycopg

    name = f"jixiao_parallel_{secrets.token_hex(4)}"
    parts = urllib.parse.urlsplit(url)
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield {"DATABASE_URL": urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))}
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("parallel-saves")
    keep = ("DJANGO_SETTINGS_MODULE", "JIXIAO_ENV", "DATABASE_URL", "JIXIAO_DB")
    env = {k: v for k, v in os.environ.items() if k not in keep}
    with _own_database(folder) as database:
        env.update(database, JIXIAO_VAR=str(folder / "var"))
        with demo_server(env) as base:
            yield base


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Clerk:
    """One browser of the unit's clerk: its own session, forms read and posted over HTTP."""

    def __init__(self, base: str, username: str = "demo_u02") -> None:
        self.base = base
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(jar), _NoRedirect
        )
        page = self.get("/login/")
        self.post("/login/", page, [("username", username), ("password", "jixiao-demo")])

    def get(self, path: str) -> str:
        return self.opener.open(self.base + path, timeout=60).read().decode()

    def post(self, path: str, page: str, fields: list[tuple[str, str]]) -> tuple[int, str]:
        """Post *fields* with the form *page* was: its CSRF token and the revision it carries."""
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        revision = re.search(r'name="base_version" value="(\d*)"', page)
        hidden = [("base_version", revision.group(1))] if revision else []
        body = urllib.parse.urlencode([("csrfmiddlewaretoken", csrf), *hidden, *fields]).encode()
        try:
            answer = self.opener.open(urllib.request.Request(self.base + path, body), timeout=60)
            return answer.status, answer.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")


def _draft_pk(clerk: Clerk) -> int:
    rows = json.loads(clerk.get("/api/submissions?state=draft"))["items"]
    return next(row["id"] for row in rows if row["org"] == UNIT)


def _section_save(key: str, fields: list[tuple[str, str]]) -> Callable[[Clerk, int], tuple]:
    def prepare(clerk: Clerk, pk: int) -> Callable[[], tuple[int, str]]:
        path = f"/submissions/{pk}/edit/{key}/"
        page = clerk.get(path)  # rendered now: every form of a round from the same revision
        return lambda: clerk.post(path, page, fields)

    return prepare


def test_parallel_saves_are_kept_or_refused_never_lost(server):
    clerks = [Clerk(server) for _ in range(3)]
    pk = _draft_pk(clerks[0])
    refused = kept = 0
    for round_ in range(12):
        note_a, note_b, goal = f"甲说明{round_}", f"乙说明{round_}", f"丙目标{round_}"
        saves = [  # two clerks on 一、单位概况, one on 七、文字说明, all from one revision
            _section_save("profile", [("head-name", UNIT), ("head-organisation_note", note_a)]),
            _section_save("profile", [("head-name", UNIT), ("head-organisation_note", note_b)]),
            _section_save("narratives", [("head-overall_goal", goal)]),
        ]
        posts = [prepare(clerk, pk) for prepare, clerk in zip(saves, clerks, strict=True)]
        start = threading.Barrier(len(posts))

        def at_once(post: Callable[[], tuple[int, str]], start=start) -> tuple[int, str]:
            start.wait()
            return post()

        with ThreadPoolExecutor(max_workers=len(posts)) as pool:
            (a, page_a), (b, page_b), (c, _) = pool.map(at_once, posts)
        data = json.loads(clerks[0].get(f"/api/submissions/{pk}/dossier"))["data"]
        outcome = (a, b, c)
        assert set(outcome) <= {200, 302}, outcome  # saved (redirect) or the form again
        note = data["profile"].get("organisation_note")
        for status, page, value in ((a, page_a, note_a), (b, page_b, note_b)):
            if status == 302:
                assert note == value, f"round {round_}: a saved 单位概况 was lost {outcome}"
            else:
                assert CONFLICT in page and value in page, f"round {round_}: {outcome}"
        # the same section from the same revision: exactly one kept, the other told
        assert sorted((a, b)) == [200, 302], f"round {round_}: {outcome}"
        # a different section never conflicts and is never reverted
        assert c == 302, f"round {round_}: {outcome}"
        assert data["narratives"]["overall_goal"] == [goal], f"round {round_}: lost {outcome}"
        refused += (a, b).count(200)
        kept += (a, b, c).count(302)
    assert (kept, refused) == (24, 12)
