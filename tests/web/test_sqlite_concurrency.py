"""The embedded SQLite default under concurrent requests: saves and transitions of one submission
from parallel requests wait for each other instead of failing with "database is locked" (500),
and every save that answered success is in the database (issue 13 #5).

A real threaded server on a file database (as `make run` starts it), driven over HTTP."""

from __future__ import annotations

import http.cookiejar
import os
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.web.live_demo import demo_server

pytestmark = pytest.mark.slow


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sqlite-concurrency")
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "JIXIAO_ENV")}
    env.update(JIXIAO_DB=str(folder / "db.sqlite3"), JIXIAO_VAR=str(folder / "var"))
    with demo_server(env) as base:
        yield base, env


def _session(base: str, username: str):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)

    def csrf(page: str) -> str:
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    def post(path: str, fields: list[tuple[str, str]]) -> int:
        page = opener.open(base + path, timeout=60).read().decode()
        data = urllib.parse.urlencode([("csrfmiddlewaretoken", csrf(page)), *fields]).encode()
        try:
            return opener.open(urllib.request.Request(base + path, data), timeout=60).status
        except urllib.error.HTTPError as error:
            return error.code

    login = opener.open(base + "/login/", timeout=30).read().decode()
    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": csrf(login), "username": username, "password": "jixiao-demo"}
    ).encode()
    try:
        opener.open(urllib.request.Request(base + "/login/", body), timeout=30)
    except urllib.error.HTTPError as error:
        assert error.code == 302
    return post


def _draft_of(env: dict[str, str], unit: str) -> int:
    code = (
        "from jixiao.web.evaluations.models import Submission;"
        f"print(Submission.objects.filter(org__name='{unit}', state='draft').latest('pk').pk)"
    )
    done = subprocess.run(
        [sys.executable, "-c", f"import django;django.setup();{code}"],
        env={**env, "DJANGO_SETTINGS_MODULE": "jixiao.web.settings.dev"},
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout.split()[-1])


def test_parallel_saves_of_one_submission_all_land(server):
    base, env = server
    pk = _draft_of(env, "演示县第一中学")
    post = _session(base, "demo_u02")
    notes = [f"并发保存{i}" for i in range(8)]

    def save(note: str) -> int:
        return post(
            f"/submissions/{pk}/edit/profile/",
            [("head-name", "演示县第一中学"), ("head-organisation_note", note)],
        )

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(save, notes))
    assert statuses == [302] * 8, statuses  # none answered 500 "database is locked"
