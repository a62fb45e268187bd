"""``jixiao backup`` / ``jixiao restore`` round-trip every record and uploaded file, on SQLite and
(when the suite runs against PostgreSQL) on PostgreSQL and from SQLite to PostgreSQL: the restored
platform has the same records, the same files, and renders the same report byte for byte; a
tampered backup is refused before anything is written (issue 13, backup and restore).

Each platform is a real database set up by the command line in a child process, as an operator
would do it."""

from __future__ import annotations

import io
import json
import os
import subprocess
import tarfile
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
JIXIAO = str(REPO / ".venv" / "bin" / "jixiao")
PYTHON = str(REPO / ".venv" / "bin" / "python")
pytestmark = pytest.mark.slow

ADD_EVIDENCE = """
import django; django.setup()
from django.core.files.uploadedfile import SimpleUploadedFile
from django.contrib.auth import get_user_model
from jixiao.web.evaluations import services
from jixiao.web.evaluations.models import Submission
submission = Submission.objects.filter(org__name="演示县第一中学", state="draft").latest("pk")
indicator = submission.current_version.data["indicators"][0]["id"]
services.submission_add_evidence(
    actor=get_user_model().objects.get(username="demo_u02"), submission=submission,
    indicator_id=indicator, upload=SimpleUploadedFile("培训签到表.pdf", b"%PDF-1.4 evidence"))
"""

SNAPSHOT = """
import django, hashlib, json, sys; django.setup()
from django.conf import settings
from pathlib import Path
from jixiao.web.operations.backup import _ExactJsonSerializer, _models
from jixiao.web.evaluations.models import Submission
from jixiao.web.evaluations.views import _render_report
records = {
    m._meta.label: json.loads(_ExactJsonSerializer().serialize(
        m._default_manager.order_by("pk"), use_natural_foreign_keys=True))
    for m in _models()
}
root = Path(settings.MEDIA_ROOT)
files = {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
         for p in sorted(root.rglob("*")) if p.is_file()}
seed = Submission.objects.get(org__name="万载县机关事务管理局", state="published")
report = _render_report(seed, seed.current_version, "docx").content
json.dump({"records": records, "files": files,
           "report": hashlib.sha256(report).hexdigest()}, sys.stdout, sort_keys=True)
"""


def _env(tmp_path: Path, name: str, database_url: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "JIXIAO_ENV")}
    env.pop("DATABASE_URL", None)
    env.update(
        JIXIAO_VAR=str(tmp_path / f"var-{name}"), DJANGO_SETTINGS_MODULE="jixiao.web.settings.dev"
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    else:
        env["JIXIAO_DB"] = str(tmp_path / f"{name}.sqlite3")
    return env


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=600)


def _postgres_database() -> str | None:
    """A new, empty database on the suite's PostgreSQL server (None when the suite runs on SQLite)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return None
    import psycopg

    name = f"jixiao_backup_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return url.rsplit("/", 1)[0] + "/" + name


def _platform(tmp_path: Path, name: str, kind: str) -> dict[str, str]:
    url = _postgres_database() if kind == "postgres" else None
    if kind == "postgres" and url is None:
        pytest.skip("PostgreSQL runs only under scripts/postgres.sh (make test does)")
    return _env(tmp_path, name, url)


def _build_and_back_up(folder: Path, kind: str) -> tuple[Path, dict[str, object]]:
    """A platform with the demo data and an uploaded evidence file, its backup and snapshot."""
    source = _platform(folder, "source", kind)
    for step in (["manage", "migrate", "-v", "0"], ["manage", "demo"]):
        done = _run(source, JIXIAO, *step)
        assert done.returncode == 0, done.stderr
    assert _run(source, PYTHON, "-c", ADD_EVIDENCE).returncode == 0
    archive = folder / "backup.tar.gz"
    done = _run(source, JIXIAO, "backup", str(archive))
    assert done.returncode == 0 and "已备份" in done.stdout, done.stderr
    return archive, json.loads(_run(source, PYTHON, "-c", SNAPSHOT).stdout)


@pytest.fixture(scope="module")
def sqlite_backup(tmp_path_factory):
    return _build_and_back_up(tmp_path_factory.mktemp("backup-sqlite"), "sqlite")


def _restore_and_compare(folder: Path, kind: str, archive: Path, before: dict) -> dict[str, str]:
    target = _platform(folder, "target", kind)
    done = _run(target, JIXIAO, "restore", str(archive))
    assert done.returncode == 0 and "已恢复" in done.stdout, done.stderr
    after = json.loads(_run(target, PYTHON, "-c", SNAPSHOT).stdout)
    assert before["files"] and before["files"] == after["files"]
    assert before["report"] == after["report"]
    for label, rows in before["records"].items():
        restored = {row["pk"]: row["fields"] for row in after["records"][label]}
        assert restored.keys() == {row["pk"] for row in rows}, label
        for row in rows:
            fields = restored[row["pk"]]
            changed = {
                k: (v, fields.get(k)) for k, v in row["fields"].items() if fields.get(k) != v
            }
            assert not changed, (label, row["pk"], changed)
    return target


@pytest.mark.parametrize("target_kind", ["sqlite", "postgres"])
def test_a_sqlite_backup_restores_with_every_record_file_and_report(
    tmp_path, sqlite_backup, target_kind
):
    archive, before = sqlite_backup
    target = _restore_and_compare(tmp_path, target_kind, archive, before)
    again = _run(target, JIXIAO, "restore", str(archive))  # into a filled database: refused
    assert again.returncode != 0 and "已有数据" in again.stderr


def test_a_postgres_backup_restores_on_postgres(tmp_path):
    if _postgres_database() is None:
        pytest.skip("PostgreSQL runs only under scripts/postgres.sh (make test does)")
    archive, before = _build_and_back_up(tmp_path, "postgres")
    _restore_and_compare(tmp_path, "postgres", archive, before)


def test_a_tampered_backup_is_refused_and_nothing_is_written(tmp_path, sqlite_backup):
    archive, _ = sqlite_backup
    target = _platform(tmp_path, "target", "sqlite")
    tampered = tmp_path / "tampered.tar.gz"
    with tarfile.open(archive, "r:gz") as original, tarfile.open(tampered, "w:gz") as copy:
        for member in original.getmembers():
            data = original.extractfile(member).read()
            if member.name == "data.json":
                data = data.replace(b"jixiao-demo", b"jixiao-pwnd", 1) + b" "
            member.size = len(data)
            copy.addfile(member, io.BytesIO(data))
    done = _run(target, JIXIAO, "restore", str(tampered))
    assert done.returncode != 0 and "已被改动" in done.stderr
    count = _run(
        target,
        PYTHON,
        "-c",
        "import django;django.setup();from jixiao.web.orgs.models import Org;"
        "print(Org.objects.count())",
    )
    assert count.stdout.strip() == "0"
