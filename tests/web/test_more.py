"""Imports, report downloads, the batch ZIP task, the org sheet, the demo loader, settings and CLI."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from jixiao.web.evaluations.models import BatchJob, JobStatus, State, Submission
from jixiao.web.orgs.models import Membership, Org, OrgKind
from jixiao.web.orgs.sheets import SheetError, import_sheet
from tests.web.factories import PASSWORD, advance, fill

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "examples" / "wanzai-2021" / "dossier.yaml"


def login(client, world, who):
    assert client.login(username=world.users[who].username, password=PASSWORD)


def import_confirmed(client, pk, upload, mode="replace"):
    """Upload, read the preview's confirmation token, confirm: the two steps a clerk takes."""
    url = reverse("submission_import", args=[pk])
    preview = client.post(url, {"file": upload}).content.decode()
    token = re.search(r'name="confirm" value="([^"]+)"', preview).group(1)
    return client.post(url, {"confirm": token, "mode": mode, "keep_identity": "1"})


@pytest.mark.django_db
def test_import_dossier_yaml_prefills_and_audits(client, world):
    login(client, world, "filler_a")
    pk = world.subs["a"].pk
    upload = SimpleUploadedFile("dossier.yaml", SEED.read_bytes())
    response = import_confirmed(client, pk, upload)
    assert response.status_code == 302
    data = world.sub("a").current_version.data
    assert data["year"] == 2023 and data["staffing"]["retired"] == 20
    assert (
        world.sub("a").audit.filter(action="edit", reason="导入 dossier.yaml（替换全部）").exists()
    )


@pytest.mark.django_db
def test_import_refuses_unknown_types_with_a_message(client, world):
    login(client, world, "filler_a")
    pk = world.subs["a"].pk
    upload = SimpleUploadedFile("report.exe", b"MZ")
    response = client.post(reverse("submission_import", args=[pk]), {"file": upload}, follow=True)
    assert "不支持的文件类型 .exe" in response.content.decode()


@pytest.mark.django_db
def test_excel_template_downloads_and_a_filled_report_imports(client, world):
    login(client, world, "filler_a")
    response = client.get(reverse("excel_template"))
    assert response.status_code == 200 and response.content[:2] == b"PK"
    text = (REPO / "examples" / "wanzai-2021" / "original-report.txt").read_bytes()
    upload = SimpleUploadedFile("2021年报告.txt", text)
    response = import_confirmed(client, world.subs["a"].pk, upload)
    assert response.status_code == 302
    data = world.sub("a").current_version.data
    assert data["profile"]["name"] == "测试县第一中学" and data["year"] == 2023
    assert data["staffing"], "the report's staffing filled the empty draft"


@pytest.mark.django_db
@pytest.mark.parametrize(("fmt", "magic"), [("docx", b"PK"), ("html", b"<!"), ("md", b"")])
def test_report_download_for_the_owner_only(client, world, fmt, magic):
    fill(world, "a")
    login(client, world, "filler_a")
    response = client.get(
        reverse("submission_report", args=[world.subs["a"].pk, fmt]) + "?download=1"
    )
    assert response.status_code == 200 and response.content.startswith(magic)
    assert "attachment" in response["Content-Disposition"]
    client.logout()
    login(client, world, "filler_b")
    assert (
        client.get(reverse("submission_report", args=[world.subs["a"].pk, fmt])).status_code == 404
    )


@pytest.mark.django_db
def test_portal_pdf_download(client, world):
    fill(world, "a")
    advance(world, "a", "submit", "dept_approve", "finance_approve", "approve", "publish")
    response = client.get(
        reverse("portal:report_file", args=[world.subs["a"].pk, "pdf"]) + "?download=1"
    )
    assert response.status_code == 200 and response.getvalue().startswith(b"%PDF-")


@pytest.mark.django_db
def test_batch_zip_of_a_round_with_progress(client, world, django_capture_on_commit_callbacks):
    for key in ("a", "c"):
        fill(world, key)
        advance(world, key, "submit", "dept_approve", "finance_approve", "approve")
    fill(world, "b")  # a draft: not in the archive
    login(client, world, "dept")
    response = client.post(
        reverse("round_export", args=[world.round.pk]), {"fmt": "md"}, follow=True
    )
    assert "只有本财政局审核员" in response.content.decode()
    client.logout()
    login(client, world, "finance")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("round_export", args=[world.round.pk]), {"fmt": "md"})
    job = BatchJob.objects.get()
    assert job.status == JobStatus.DONE and (job.done, job.total) == (2, 2) and job.percent == 100
    status = client.get(reverse("job_status", args=[job.pk])).json()
    assert status["percent"] == 100 and status["download"]
    archive = zipfile.ZipFile(
        io.BytesIO(b"".join(client.get(status["download"]).streaming_content))
    )
    assert sorted(archive.namelist()) == ["U1-测试县第一中学.md", "U3-测试县人民医院.md"]


@pytest.mark.django_db
def test_org_sheet_imports_tree_and_roles(tmp_path):
    sheet = tmp_path / "orgs.csv"
    sheet.write_text(
        "组织编码,组织名称,组织类型,上级编码,用户名,姓名,角色,邮箱,初始密码\n"
        "C1,某县财政局,财政局,,fin1,张三,财政局审核员,,Harbour-lamp-77\n"
        "C1-U1,某县档案馆,单位,C1-D1,u1,李四,单位填报员,,\n"
        "C1-D1,某县文旅局,主管部门,C1,d1,王五,主管部门审核员,,\n",
        encoding="utf-8",
    )
    report = import_sheet(sheet)
    assert (report.orgs_created, report.users_created, report.memberships_created) == (3, 3, 3)
    unit = Org.objects.get(code="C1-U1")
    assert unit.parent.code == "C1-D1" and unit.path.startswith(Org.objects.get(code="C1").path)
    assert Membership.objects.get(user__username="u1").org == unit
    assert import_sheet(sheet).memberships_created == 0  # idempotent


@pytest.mark.django_db
def test_org_sheet_refuses_bad_rows_and_writes_nothing(tmp_path):
    sheet = tmp_path / "orgs.csv"
    sheet.write_text(
        "组织编码,组织名称,组织类型,上级编码,用户名,角色\n"
        "X1,某局,局,,a,管理员\nX2,某单位,单位,NOPE,,\n",
        encoding="utf-8",
    )
    with pytest.raises(SheetError) as error:
        import_sheet(sheet)
    text = "\n".join(error.value.problems)
    assert (
        "第2行 组织类型" in text
        and "第2行 角色" in text
        and "第3行 上级编码：找不到组织 NOPE" in text
    )
    assert not Org.objects.filter(code__in=["X1", "X2"]).exists()


@pytest.mark.django_db
@pytest.mark.slow
def test_demo_loads_seed_and_county_and_prints_accounts(capsys):
    call_command("demo")
    out = capsys.readouterr().out
    for account in (
        "wanzai_finance",
        "demo_finance",
        "demo_dept1",
        "demo_u01",
        "demo_admin",
        "jixiao-demo",
    ):
        assert account in out
    seed = Submission.objects.get(org__name="万载县机关事务管理局")
    assert seed.state == State.PUBLISHED and seed.current_version.locked
    demo = Submission.objects.filter(org__is_demo=True, round__year=2023)
    assert demo.count() >= 25
    assert {s.state for s in demo} >= {"draft", "submitted", "returned", "approved", "published"}
    assert demo.filter(current_version__error_count__gt=0).exists()  # some have errors
    carried = demo.exclude(current_version__data__previous={}).count()
    assert carried == demo.count()  # last year's approved values came in
    call_command("demo")  # a second run leaves the data as it is
    assert "已存在" in capsys.readouterr().out
    assert Org.objects.filter(kind=OrgKind.FINANCE, is_demo=True).count() == 1


def test_demo_data_is_deterministic():
    import random

    from jixiao.web.evaluations.demo import synthetic_dossier

    one = synthetic_dossier("演示县某局", "演示县人民政府", 2023, random.Random(7), flawed=True)
    two = synthetic_dossier("演示县某局", "演示县人民政府", 2023, random.Random(7), flawed=True)
    assert one == two


def _run(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in (
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DATABASE_URL",
            "DJANGO_SETTINGS_MODULE",
            "JIXIAO_ENV",
        )
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**clean, **env},
        timeout=120,
    )


def test_production_settings_refuse_to_start_without_their_environment():
    result = _run("import jixiao.web.settings.production")
    assert result.returncode != 0
    assert (
        "SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL" in result.stderr and "拒绝启动" in result.stderr
    )
    ok = _run(
        "import jixiao.web.settings.production as s; print(s.ALLOWED_HOSTS, s.DATABASES['default']['ENGINE'])",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="jixiao.example.gov.cn",
        DATABASE_URL="postgres://u:p@127.0.0.1:5432/jixiao",
    )
    assert ok.returncode == 0, ok.stderr
    assert "['jixiao.example.gov.cn'] django.db.backends.postgresql" in ok.stdout


def test_cli_manage_passes_through_and_production_fails_cleanly(tmp_path):
    jixiao = str(REPO / ".venv" / "bin" / "jixiao")
    clean = {
        k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")
    }
    check = subprocess.run(
        [jixiao, "manage", "check"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**clean, "JIXIAO_ENV": "dev", "JIXIAO_DB": str(tmp_path / "x.sqlite3")},
    )
    assert check.returncode == 0 and "no issues" in check.stdout
    refused = subprocess.run(
        [jixiao, "serve", "--port", "8999"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**clean, "JIXIAO_ENV": "production"},
    )
    assert refused.returncode == 2
    assert "拒绝启动" in refused.stderr and "Traceback" not in refused.stderr


@pytest.mark.django_db
def test_migrations_match_the_models():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_org_paths_follow_moves_and_sort_as_a_tree(world):
    world.unit_a.parent = world.dept2
    world.unit_a.save()
    world.unit_a.refresh_from_db()
    assert world.unit_a.is_within(world.dept2) and not world.unit_a.is_within(world.dept)
    child = Org.objects.create(
        name="测试县第一中学分校", code="U1-1", kind=OrgKind.UNIT, parent=world.unit_a
    )
    world.unit_a.parent = world.dept
    world.unit_a.save()
    child.refresh_from_db()
    assert child.is_within(world.dept)  # descendants moved along
    for number in range(12):  # ids past 9 must still sort after their parent, not by digits
        Org.objects.create(
            name=f"单位{number}", code=f"N{number}", kind=OrgKind.UNIT, parent=world.dept2
        )
    names = list(Org.objects.order_by("path").values_list("name", flat=True))
    assert names.index("测试县卫健委") < names.index("单位11") and names[0] == "测试县财政局"


@pytest.mark.slow
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def test_production_serve_runs_gunicorn_with_static_files(tmp_path):
    import re
    import signal
    import socket
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE",)}
    env.update(
        JIXIAO_ENV="production",
        SECRET_KEY="s" * 50,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        JIXIAO_VAR=str(tmp_path / "var"),
    )
    server = subprocess.Popen(
        [str(REPO / ".venv" / "bin" / "jixiao"), "serve", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )

    def fetch(path: str, proto: str = "https") -> Any:
        """As the TLS-terminating proxy in front of gunicorn forwards a request."""
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}{path}", headers={"X-Forwarded-Proto": proto}
        )
        return urllib.request.build_opener(NoRedirect).open(request, timeout=5)

    try:
        page = ""
        for _ in range(120):
            try:
                page = fetch("/portal/").read().decode()
                break
            except OSError:
                time.sleep(0.5)
        assert "公开报告" in page
        css = re.search(r'href="(/static/jixiao/site\.[0-9a-f]+\.css)"', page)
        assert css, "fingerprinted stylesheet expected in production"
        with fetch(css.group(1)) as response:
            assert response.status == 200 and b"--brand" in response.read()
            assert "max-age=31536000" in response.headers["Strict-Transport-Security"]
        with pytest.raises(urllib.error.HTTPError) as plain:
            fetch("/portal/", proto="http")
        assert plain.value.code == 301
        assert plain.value.headers["Location"].startswith("https://")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)


@pytest.mark.django_db
def test_bulk_import_prefills_open_drafts_by_file_name(
    client, world, django_capture_on_commit_callbacks
):
    import yaml

    from tests.web.factories import dossier_data

    fill(world, "c")
    advance(world, "c", "submit")  # no longer open: must be refused
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "U1-一中.yaml",
            yaml.safe_dump(dossier_data("测试县第一中学", year=2022), allow_unicode=True),
        )
        archive.writestr(
            "2022/测试县第二中学.json", '{"year": 2022, "profile": {"name": "测试县第二中学"}}'
        )
        archive.writestr(
            "测试县人民医院.yaml",
            yaml.safe_dump(dossier_data("测试县人民医院"), allow_unicode=True),
        )
        archive.writestr("unknown.yaml", "year: 2023")
    login(client, world, "filler_a")
    upload = SimpleUploadedFile("reports.zip", buffer.getvalue())
    assert (
        client.post(reverse("round_import", args=[world.round.pk]), {"file": upload}).status_code
        == 302
    )
    assert not BatchJob.objects.exists()  # a unit may not import in bulk
    client.logout()
    login(client, world, "finance")
    upload = SimpleUploadedFile("reports.zip", buffer.getvalue())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("round_import", args=[world.round.pk]), {"file": upload})
    job = BatchJob.objects.get(kind="bulk_import")
    assert job.status == JobStatus.DONE and (job.done, job.total) == (4, 4)
    assert "✓ U1-一中.yaml → 测试县第一中学" in job.message
    assert "✓ 测试县第二中学.json → 测试县第二中学" in job.message
    assert "✗ 测试县人民医院.yaml → 测试县人民医院" in job.message  # submitted: not open any more
    assert "✗ unknown.yaml" in job.message
    a = world.sub("a")
    assert (
        a.current_version.data["year"] == 2023
        and a.current_version.data["staffing"]["retired"] == 3
    )
    edit = a.audit.filter(action="edit").last()
    assert edit.actor == world.users["finance"] and edit.reason == "批量导入 U1-一中.yaml"


@pytest.mark.django_db
def test_bulk_import_refuses_bad_archives(client, world):
    login(client, world, "finance")
    bad = SimpleUploadedFile("reports.zip", b"not a zip")
    response = client.post(
        reverse("round_import", args=[world.round.pk]), {"file": bad}, follow=True
    )
    assert "不是 ZIP" in response.content.decode()
    assert not BatchJob.objects.exists()


@pytest.mark.django_db
def test_batch_jobs_are_for_the_bureaus_reviewers_only(
    client, world, django_capture_on_commit_callbacks
):
    fill(world, "a")
    advance(world, "a", "submit", "dept_approve", "finance_approve", "approve")
    login(client, world, "finance")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("round_export", args=[world.round.pk]), {"fmt": "md"})
    job = BatchJob.objects.get()
    for who in ("filler_a", "dept"):
        client.logout()
        login(client, world, who)
        assert client.get(reverse("job_status", args=[job.pk])).status_code == 404
        assert client.get(reverse("job_download", args=[job.pk])).status_code == 404


@pytest.mark.django_db
def test_the_database_is_the_one_the_environment_names():
    from django.db import connection

    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"
    assert connection.vendor == expected


@pytest.mark.django_db(transaction=True)
def test_batch_export_through_the_database_queue_and_a_worker(world, settings):
    """The production path: the job waits in the database until `db_worker` runs it."""
    from django.db import transaction

    from jixiao.web.evaluations import tasks

    # django-tasks re-reads TASKS on setting_changed, which the settings fixture sends
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    fill(world, "a")
    advance(world, "a", "submit", "dept_approve", "finance_approve", "approve")
    with transaction.atomic():
        job = tasks.start_round_export(actor=world.users["finance"], round_=world.round, fmt="md")
    job.refresh_from_db()
    assert job.status == JobStatus.QUEUED and job.task_id  # waiting for a worker
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and (job.done, job.total) == (1, 1)
    assert zipfile.ZipFile(job.result.open("rb")).namelist() == ["U1-测试县第一中学.md"]


@pytest.mark.django_db
def test_org_sheet_import_page_is_for_administrators(client, world):
    sheet = SimpleUploadedFile(
        "orgs.csv", "组织编码,组织名称,组织类型,上级编码\nP1,某县审计局,主管部门,F1\n".encode()
    )
    for method in (client.get, client.post):  # anonymous: to the sign-in page, as everywhere
        response = method(reverse("org_import"))
        assert response.status_code == 302 and response["Location"].startswith("/login/")
    login(client, world, "finance")
    assert client.get(reverse("org_import")).status_code == 403
    client.logout()
    login(client, world, "admin")
    bad = SimpleUploadedFile("orgs.csv", "组织编码,组织名称,组织类型\nP2,某局,局\n".encode())
    page = client.post(reverse("org_import"), {"file": bad}).content.decode()
    assert "第2行 组织类型" in page and not Org.objects.filter(code="P2").exists()
    response = client.post(reverse("org_import"), {"file": sheet}, follow=True)
    assert "组织 新建 1" in response.content.decode()
    assert Org.objects.get(code="P1").parent == world.finance


def test_table_inputs_carry_their_labels():
    from jixiao.web.evaluations.forms import SECTIONS, row_formset

    formset = row_formset(SECTIONS["money"])(prefix="rows")
    html = str(formset.forms[0]["amount"])
    assert 'aria-label="#1 金额"' in html


@pytest.mark.django_db
def test_portal_files_are_rendered_once_per_locked_version(client, world, monkeypatch):
    from django.core.cache import cache

    from jixiao.web.evaluations import views

    cache.clear()
    fill(world, "a")
    advance(world, "a", "submit", "dept_approve", "finance_approve", "approve", "publish")
    calls = []
    original = views._render_report
    monkeypatch.setattr(views, "_render_report", lambda *a: calls.append(a) or original(*a))
    url = reverse("portal:report_file", args=[world.subs["a"].pk, "html"])
    first, second = client.get(url), client.get(url)
    assert first.status_code == 200 and first.content == second.content and len(calls) == 1


def _lying_zip(members: dict[str, bytes], lie_about: str, declared: int) -> bytes:
    """A ZIP whose central directory declares *declared* bytes for member *lie_about*."""
    import struct

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    raw = bytearray(buffer.getvalue())
    at = raw.find(b"PK\x01\x02")  # each central directory entry
    while at != -1:
        name_length = struct.unpack_from("<H", raw, at + 28)[0]
        if raw[at + 46 : at + 46 + name_length].decode() == lie_about:
            struct.pack_into("<I", raw, at + 24, declared)  # uncompressed size
        at = raw.find(b"PK\x01\x02", at + 4)
    return bytes(raw)


@pytest.mark.django_db
def test_bulk_import_a_lying_or_oversized_member_fails_alone(
    client, world, django_capture_on_commit_callbacks, monkeypatch
):
    import yaml

    from jixiao.web.evaluations import imports
    from tests.web.factories import dossier_data

    monkeypatch.setattr(imports, "MAX_BYTES", 100_000)
    good = yaml.safe_dump(dossier_data("测试县第一中学"), allow_unicode=True).encode()
    archive = _lying_zip(
        {
            "U1-一中.yaml": good,
            "U2-二中.txt": b"a" * 5_000_000,  # inflates to 5 MB but claims 1,000 bytes
            "U3-医院.txt": b"b" * 200_000,  # honest, but over the per-file limit
        },
        lie_about="U2-二中.txt",
        declared=1000,
    )
    login(client, world, "finance")
    upload = SimpleUploadedFile("reports.zip", archive)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("round_import", args=[world.round.pk]), {"file": upload})
    job = BatchJob.objects.get(kind="bulk_import")
    assert (job.done, job.total) == (3, 3) and job.status == JobStatus.DONE, job.message
    assert "✓ U1-一中.yaml → 测试县第一中学" in job.message
    assert "✗ U2-二中.txt → 测试县第二中学" in job.message
    assert "✗ U3-医院.txt → 测试县人民医院：文件过大" in job.message


def test_production_settings_pass_the_deployment_checks(tmp_path):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(
        JIXIAO_ENV="production",
        SECRET_KEY="a-long-random-secret-for-the-check-" + "x9Qz" * 10,
        ALLOWED_HOSTS="jixiao.example.gov.cn",
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        JIXIAO_VAR=str(tmp_path / "var"),
    )
    done = subprocess.run(
        [
            str(REPO / ".venv" / "bin" / "jixiao"),
            "manage",
            "check",
            "--deploy",
            "--fail-level",
            "WARNING",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout
