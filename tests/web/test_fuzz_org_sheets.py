"""Fuzzing the org/user sheet import with random CSV files, inside the test database.

The property: ``read_rows`` then ``import_rows`` either report what they did or raise
SheetError, never anything else; and after an import the org tree is still a tree (each path is
its parent's path plus its own id, no cycle), every value fits its column as PostgreSQL would
enforce it, and a scoped administrator changed nothing outside their scope. Each example runs
in a transaction that is rolled back, so every example starts from the same world.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from fuzzing import examples, within
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from jixiao.web.orgs.models import Membership, Org, OrgKind, Role
from jixiao.web.orgs.sheets import COLUMNS, Scope, SheetError, import_rows, read_rows
from tests.web.factories import user

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]

EXISTING = ["F1", "D1", "D2", "U1", "U2", "U3"]
text = st.text(max_size=12)
codes = st.sampled_from([*EXISTING, "N1", "N2", "N3", ""]) | text
VALUES = {
    "code": codes,
    "parent": codes,
    "name": st.sampled_from(["新单位", "测试县第一中学", ""]) | text | st.just("名" * 300),
    "kind": st.sampled_from([*OrgKind.labels, *OrgKind.values, "单位 ", ""]) | text,
    "username": st.sampled_from(["filler_a", "new_user", "sysadmin", "dept_rev", ""])
    | text
    | st.just("u" * 200),
    "full_name": text | st.just("姓" * 200),
    "role": st.sampled_from([*Role.labels, *Role.values, ""]) | text,
    "email": st.sampled_from(["a@example.org", "", "x" * 300 + "@example.org"]) | text,
    "password": st.sampled_from(["", "Tr1cky-Passw0rd!", "123"]) | text,
}
HEADERS = st.lists(st.sampled_from(sorted(COLUMNS)), min_size=1, max_size=9, unique=True)


@st.composite
def sheets(draw: st.DrawFn) -> bytes:
    header = draw(HEADERS | st.lists(text, min_size=1, max_size=3))
    count = draw(st.integers(0, 8))
    rows = [[draw(VALUES.get(COLUMNS.get(h, ""), text)) for h in header] for _ in range(count)]
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, *rows])
    encoding = draw(st.sampled_from(["utf-8-sig", "utf-8", "gb18030", "utf-16"]))
    return buffer.getvalue().encode(encoding, errors="replace")


def snapshot(outside_of: Org) -> set[tuple[object, ...]]:
    """Every org and role outside *outside_of*'s subtree, as comparable tuples."""
    orgs = {
        (o.code, o.name, o.kind, o.parent_id, o.path)
        for o in Org.objects.exclude(path__startswith=outside_of.path)
    }
    roles = {
        (m.user.username, m.user.first_name, m.user.email, m.org.code, m.role)
        for m in Membership.objects.select_related("user", "org").exclude(
            org__path__startswith=outside_of.path
        )
    }
    return orgs | roles


def assert_consistent() -> None:
    """The tree is a tree and every value would fit PostgreSQL's columns."""
    by_id = {o.pk: o for o in Org.objects.all()}
    for org in by_id.values():
        expected = (by_id[org.parent_id].path if org.parent_id else "/") + f"{org.pk:010d}/"
        assert org.path == expected, (org.code, org.path, expected)
        for name in ("code", "name", "kind", "path"):
            value = getattr(org, name)
            assert "\x00" not in value and len(value) <= Org._meta.get_field(name).max_length
    for account in get_user_model().objects.all():
        for name in ("username", "first_name", "email"):
            value = getattr(account, name)
            field = get_user_model()._meta.get_field(name)
            assert "\x00" not in value and len(value) <= field.max_length, (name, value)


PLAUSIBLE = {  # mostly good values, one in five or so too long or with a NUL character
    "name": st.sampled_from(
        ["新单位", "测试县第一中学", "新单位二", "新单位三", "名" * 201, "空\x00"]
    ),
    "kind": st.sampled_from(OrgKind.labels),
    "username": st.sampled_from(["filler_a", "new_user", "sysadmin", "new2", "u" * 151, "n\x00"]),
    "full_name": st.sampled_from(["", "张三", "李四", "姓" * 200]),
    "role": st.sampled_from(Role.labels),
    "email": st.sampled_from(["", "a@example.org", "b@example.org", "x" * 250 + "@example.org"]),
    "password": st.sampled_from(["", "Tr1cky-Passw0rd!"]),
}


@st.composite
def plausible_sheets(draw: st.DrawFn) -> bytes:
    """Sheets with the real columns and mostly sensible values, so that imports succeed."""
    header = [
        "组织编码",
        "组织名称",
        "组织类型",
        "上级编码",
        "用户名",
        "姓名",
        "角色",
        "邮箱",
        "初始密码",
    ]
    codes = draw(st.lists(st.sampled_from([*EXISTING, "N1", "N2", "N3"]), min_size=1, unique=True))
    rows = []
    for number, code in enumerate(codes):
        row = {key: draw(values) for key, values in PLAUSIBLE.items()}
        row.update(code=code, parent=draw(st.sampled_from([*EXISTING, *codes[:number]])))
        if draw(st.booleans()):
            row.update(username="", full_name="", role="", email="", password="")
        elif draw(st.booleans()):
            row.update(name="", kind="", parent="")
        rows.append([row[COLUMNS[h]] for h in header])
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, *rows])
    return buffer.getvalue().encode("utf-8")


def imports_or_refuses(world, tmp_path: Path, sheet: bytes, scoped: bool) -> None:
    """The property, in a transaction rolled back afterwards so every example starts afresh."""
    path = tmp_path / "orgs.csv"
    path.write_bytes(sheet)
    with transaction.atomic():
        importer = user("dept_admin", world.dept, Role.ADMIN)
        scope = Scope.of(importer) if scoped else Scope.everything()
        before = snapshot(world.dept)
        with within(20):
            try:
                import_rows(read_rows(path), scope, via="fuzz")
            except SheetError as error:
                assert error.problems and all(error.problems)
                event("refused")
            else:
                event("imported")
                assert_consistent()
                if scoped:
                    assert snapshot(world.dept) == before
        transaction.set_rollback(True)


FUZZ = settings(
    max_examples=examples(50),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ
@given(sheet=sheets(), scoped=st.booleans())
def test_random_sheets_import_or_refuse(world, tmp_path: Path, sheet: bytes, scoped: bool) -> None:
    imports_or_refuses(world, tmp_path, sheet, scoped)


@FUZZ
@given(sheet=plausible_sheets(), scoped=st.booleans())
def test_plausible_sheets_import_or_refuse(world, tmp_path, sheet: bytes, scoped: bool) -> None:
    imports_or_refuses(world, tmp_path, sheet, scoped)


def test_moving_an_org_below_its_own_subtree_is_refused(world, tmp_path: Path) -> None:
    """Found by the fuzzer: 财政局 F1 re-parented under its own unit U1 made a parent cycle and
    wrong paths for the whole tree."""
    sheet = "组织编码,组织名称,组织类型,上级编码\nF1,测试县财政局,财政局,U1\n".encode()
    (tmp_path / "cycle.csv").write_bytes(sheet)
    with pytest.raises(SheetError, match="循环"):
        import_rows(read_rows(tmp_path / "cycle.csv"))
    assert_consistent()


def test_two_orgs_may_swap_places_in_one_sheet(world, tmp_path: Path) -> None:
    """A move waits until its new parent has left the moving org's subtree."""
    sheet = "组织编码,组织名称,组织类型,上级编码\nD1,测试县教育局,主管部门,U1\nU1,测试县第一中学,单位,F1\n"
    (tmp_path / "swap.csv").write_bytes(sheet.encode())
    import_rows(read_rows(tmp_path / "swap.csv"))
    assert_consistent()
    assert Org.objects.get(code="D1").parent.code == "U1"


def test_a_gbk_sheet_is_read_and_bytes_that_are_no_text_are_refused(world, tmp_path: Path) -> None:
    """Found by the fuzzer: a sheet that is not UTF-8 crashed with UnicodeDecodeError (a 500)."""
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes("组织编码,组织名称,组织类型,上级编码\nN1,新单位,单位,D1\n".encode("gbk"))
    assert read_rows(gbk) == [{"code": "N1", "name": "新单位", "kind": "单位", "parent": "D1"}]
    junk = tmp_path / "junk.csv"
    junk.write_bytes(b"\xff\x00\xfe\x81")
    with pytest.raises(SheetError, match=r"junk\.csv"):
        read_rows(junk)


def test_values_too_long_for_their_column_or_with_nul_are_refused(world, tmp_path: Path) -> None:
    """Found by the fuzzer: SQLite stored a 201-character name and NUL characters that
    PostgreSQL refuses (DataError, a 500); now the sheet is refused naming row and column."""
    sheet = "组织编码,组织名称,组织类型,上级编码,用户名,角色\n"
    sheet += f"N1,{'名' * 201},单位,D1,,\nN2,空\x00,单位,D1,,\nU1,,,,{'u' * 151},单位填报员\n"
    (tmp_path / "long.csv").write_text(sheet, encoding="utf-8")
    with pytest.raises(SheetError) as refused:
        import_rows(read_rows(tmp_path / "long.csv"))
    assert refused.value.problems == [
        "第2行 组织名称：超过 200 个字符",
        "第3行 组织名称：含有空字符",
        "第4行 用户名：超过 150 个字符",
    ]
