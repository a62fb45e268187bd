"""Import of an org/user sheet (CSV or XLSX): the org tree and who holds which role.

One row per org, per membership, or both. Columns (Chinese headers; English accepted):

    组织编码 code · 组织名称 name · 组织类型 kind (财政局/主管部门/单位) · 上级编码 parent
    用户名 username · 姓名 full_name · 角色 role (单位填报员/单位负责人/主管部门审核员/财政局审核员/系统管理员)
    邮箱 email · 初始密码 password (optional; without it the account gets no usable password)

Rows are checked first and the whole sheet is refused with every problem listed (row number,
column, what was expected) before anything is written; then it is applied in one transaction.
Existing orgs (by code) and users (by username) are updated, not duplicated.

An importer sees only its :class:`Scope`: the command line and superusers may change everything; a
系统管理员 only the subtrees of the orgs where they hold that role. Outside it a sheet may not
create, rename or re-parent an org, give a role, or touch an account that has a role elsewhere (or
is staff), and every change is recorded as an :class:`~jixiao.web.orgs.models.OrgChange`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext

from jixiao.web.language import page_in_english
from jixiao.web.orgs.models import (
    Membership,
    MustChangePassword,
    Org,
    OrgChange,
    OrgKind,
    Role,
)

COLUMNS = {
    "组织编码": "code",
    "code": "code",
    "组织名称": "name",
    "name": "name",
    "组织类型": "kind",
    "kind": "kind",
    "上级编码": "parent",
    "parent": "parent",
    "用户名": "username",
    "username": "username",
    "姓名": "full_name",
    "full_name": "full_name",
    "角色": "role",
    "role": "role",
    "邮箱": "email",
    "email": "email",
    "初始密码": "password",
    "password": "password",
}
KINDS = {str(label): value for value, label in OrgKind.choices} | {v: v for v in OrgKind.values}
ROLES = {str(label): value for value, label in Role.choices} | {v: v for v in Role.values}


@dataclass(frozen=True)
class Scope:
    """The part of the org tree an importer may change: ``paths`` None means all of it."""

    paths: tuple[str, ...] | None
    actor: object = None

    @classmethod
    def everything(cls, actor: object = None) -> Scope:
        return cls(None, actor)

    @classmethod
    def of(cls, actor: object) -> Scope:
        if getattr(actor, "is_superuser", False):
            return cls.everything(actor)
        paths = Membership.objects.filter(user=actor, role=Role.ADMIN).values_list(
            "org__path", flat=True
        )
        return cls(tuple(paths), actor)

    def covers(self, path: str) -> bool:
        return self.paths is None or any(path.startswith(p) for p in self.paths)


class SheetError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class SheetReport:
    orgs_created: int = 0
    orgs_updated: int = 0
    users_created: int = 0
    memberships_created: int = 0
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return gettext(
            "组织 新建 %(orgs_created)s、更新 %(orgs_updated)s；用户 新建 %(users_created)s；"
            "角色任职 新建 %(memberships_created)s"
        ) % {
            "orgs_created": self.orgs_created,
            "orgs_updated": self.orgs_updated,
            "users_created": self.users_created,
            "memberships_created": self.memberships_created,
        }


def read_rows(path: str | Path) -> list[dict[str, str]]:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        raw = list(csv.reader(io.StringIO(_decode(path))))
    elif suffix == ".xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
        raw = [
            ["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)
        ]
    else:
        raise SheetError([f"{path.name}：" + gettext("应为 .csv 或 .xlsx 文件")])
    if not raw:
        raise SheetError([f"{path.name}：" + gettext("文件为空")])
    header = [COLUMNS.get(h.strip()) for h in raw[0]]
    unknown = [h for h, key in zip(raw[0], header, strict=False) if h.strip() and key is None]
    if unknown:
        raise SheetError(
            [
                gettext("第1行：不认识的列 %(unknown)s，可用列：%(known)s")
                % {
                    "unknown": "、".join(unknown),
                    "known": "、".join(k for k in COLUMNS if not k.isascii()),
                }
            ]
        )
    rows = []
    for values in raw[1:]:
        row = {
            key: (value or "").strip() for key, value in zip(header, values, strict=False) if key
        }
        rows.append(row)
    return rows


def _decode(path: Path) -> str:
    """A CSV file's text: UTF-8 (with or without BOM), UTF-16 with BOM, or GBK/GB18030 as
    Excel saves it on Chinese Windows; anything else is a SheetError, not a crash."""
    from jixiao.core.errors import InputError
    from jixiao.importers.text import decode_text

    try:
        return decode_text(path.read_bytes(), path.name)
    except InputError as error:
        english = page_in_english()
        raise SheetError(
            [f"{path.name}: {p.en}" if english else f"{path.name}：{p.zh}" for p in error.problems]
        ) from None


def _check(rows: list[dict[str, str]], scope: Scope) -> list[str]:
    problems = _check_shape(rows)
    return problems or _check_scope(rows, scope)


def _check_scope(rows: list[dict[str, str]], scope: Scope) -> list[str]:
    """Every org, role and account a row touches lies within the importer's scope."""
    if scope.paths is None:
        return []
    codes = {r["code"] for r in rows if r.get("code")} | {
        r["parent"] for r in rows if r.get("parent")
    }
    existing = {o.code: o for o in Org.objects.filter(code__in=codes)}
    parent_of = {r["code"]: r.get("parent", "") for r in rows if r.get("name")}

    def covered(code: str, seen: frozenset[str] = frozenset()) -> bool:
        if code in parent_of and code not in existing:  # a new org: where its parent is
            parent = parent_of[code]
            return bool(parent) and code not in seen and covered(parent, seen | {code})
        org = existing.get(code)
        return org is not None and scope.covers(org.path)

    outside = gettext("不在您管理的组织范围内")
    problems = []
    for number, row in enumerate(rows, start=2):
        code = row.get("code", "")
        if not code:
            continue
        if row.get("name") and code in existing and not covered(code):
            problems.append(
                gettext("第%(row)s行 组织编码：组织 %(code)s %(outside)s")
                % {"row": number, "code": code, "outside": outside}
            )
        elif row.get("name") and not (row.get("parent") and covered(row["parent"])):
            problems.append(
                gettext("第%(row)s行 上级编码：上级 %(code)s %(outside)s")
                % {
                    "row": number,
                    "code": row.get("parent") or gettext("（空）"),
                    "outside": outside,
                }
            )
        elif row.get("username") and not covered(code):
            problems.append(
                gettext("第%(row)s行 组织编码：不能在组织 %(code)s 授予角色，%(outside)s")
                % {"row": number, "code": code, "outside": outside}
            )
    problems += _check_accounts(rows, scope, outside)
    return problems


def _check_accounts(rows: list[dict[str, str]], scope: Scope, outside: str) -> list[str]:
    """An existing account may be changed only if all its roles lie within the scope."""
    names = {r["username"] for r in rows if r.get("username")}
    users = get_user_model().objects.filter(username__in=names).prefetch_related("memberships__org")
    foreign = {
        user.username
        for user in users
        if user.is_superuser
        or user.is_staff
        or any(not scope.covers(m.org.path) for m in user.memberships.all())
    }
    return [
        gettext("第%(row)s行 用户名：账号 %(username)s 在其他组织任职或是后台管理员，%(outside)s")
        % {"row": number, "username": row["username"], "outside": outside}
        for number, row in enumerate(rows, start=2)
        if row.get("username") in foreign
    ]


def _check_shape(rows: list[dict[str, str]]) -> list[str]:
    problems = []
    known_codes = set(Org.objects.values_list("code", flat=True))
    sheet_codes = {r["code"] for r in rows if r.get("code") and r.get("name")}
    for number, row in enumerate(rows, start=2):
        if not any(row.values()):
            continue
        problems += _value_problems(number, row)
        if not row.get("code"):
            problems.append(gettext("第%(row)s行 组织编码：必填") % {"row": number})
            continue
        if row.get("name"):
            if row.get("kind") not in KINDS:
                problems.append(
                    gettext("第%(row)s行 组织类型：应为 财政局、主管部门 或 单位，得到“%(got)s”")
                    % {"row": number, "got": row.get("kind", "")}
                )
            parent = row.get("parent")
            if parent and parent not in known_codes | sheet_codes:
                problems.append(
                    gettext("第%(row)s行 上级编码：找不到组织 %(code)s")
                    % {"row": number, "code": parent}
                )
            if parent == row["code"]:
                problems.append(gettext("第%(row)s行 上级编码：不能是本组织") % {"row": number})
        elif row["code"] not in known_codes | sheet_codes:
            problems.append(
                gettext("第%(row)s行 组织编码：找不到组织 %(code)s，新组织须填写名称")
                % {"row": number, "code": row["code"]}
            )
        if row.get("username") and row.get("role") not in ROLES:
            problems.append(
                gettext("第%(row)s行 角色：应为 %(roles)s，得到“%(got)s”")
                % {
                    "row": number,
                    "roles": "、".join(
                        k for k in ROLES if not k.isascii()
                    ),  # what the sheet accepts
                    "got": row.get("role", ""),
                }
            )
        if row.get("email") and not _is_email(row["email"]):
            problems.append(
                gettext("第%(row)s行 邮箱：“%(got)s”不是有效的邮箱地址，应如 name@example.org")
                % {"row": number, "got": row["email"]}
            )
        if row.get("role") and not row.get("username"):
            problems.append(gettext("第%(row)s行 用户名：填写角色时必填") % {"row": number})
        if row.get("password"):
            problems += _password_problems(number, row)
    return problems


def _is_email(text: str) -> bool:
    from django.core.exceptions import ValidationError
    from django.core.validators import validate_email

    try:
        validate_email(text)
    except ValidationError:
        return False
    return True


def _value_problems(number: int, row: dict[str, str]) -> list[str]:
    """Each value fits its database column: not longer than it, and no NUL character (which
    PostgreSQL refuses to store; SQLite would keep both silently)."""
    users = get_user_model()
    limits = {
        "code": Org._meta.get_field("code").max_length,
        "name": Org._meta.get_field("name").max_length,
        "username": users._meta.get_field("username").max_length,
        "email": users._meta.get_field("email").max_length,
    }
    header = {key: title for title, key in COLUMNS.items() if not title.isascii()}
    problems = []
    for key, value in row.items():
        if "\x00" in value:
            problems.append(
                gettext("第%(row)s行 %(column)s：含有空字符")
                % {"row": number, "column": header[key]}
            )
        elif len(value) > (limit := limits.get(key) or len(value)):
            problems.append(
                gettext("第%(row)s行 %(column)s：超过 %(limit)s 个字符")
                % {"row": number, "column": header[key], "limit": limit}
            )
    return problems


def _password_problems(number: int, row: dict[str, str]) -> list[str]:
    """An initial password must pass the same validators as a chosen one."""
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    probe = get_user_model()(username=row.get("username", ""), first_name=row.get("full_name", ""))
    try:
        validate_password(row["password"], user=probe)
    except ValidationError as error:
        return [
            gettext("第%(row)s行 初始密码：%(message)s") % {"row": number, "message": message}
            for message in error.messages
        ]
    return []


@transaction.atomic
def import_rows(
    rows: list[dict[str, str]], scope: Scope | None = None, via: str = ""
) -> SheetReport:
    scope = scope or Scope.everything()
    problems = _check(rows, scope)
    if problems:
        raise SheetError(problems)
    actor = scope.actor
    report = SheetReport()
    pending = [r for r in rows if r.get("name")]
    # parents first: repeat until every org row whose parent exists is placed; an org is not
    # moved below itself (that would make a cycle), so a move waits until its new parent is out
    # of its subtree, and a sheet whose moves can never all be made is refused as a cycle
    while pending:
        placed = []
        for row in pending:
            parent = Org.objects.filter(code=row["parent"]).first() if row.get("parent") else None
            if row.get("parent") and parent is None:
                continue
            current = Org.objects.filter(code=row["code"]).first()
            if parent is not None and current is not None and parent.is_within(current):
                continue
            org, created = Org.objects.get_or_create(
                code=row["code"],
                defaults={"name": row["name"], "kind": KINDS[row["kind"]], "parent": parent},
            )
            if not created:
                before = _org_fields(org)
                org.name, org.kind, org.parent = row["name"], KINDS[row["kind"]], parent
                org.save()
                report.orgs_updated += 1
                after = _org_fields(org)
                changed = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
                if changed:
                    OrgChange.record(actor, OrgChange.Action.ORG_UPDATED, org.code, via, **changed)
            else:
                report.orgs_created += 1
                OrgChange.record(
                    actor, OrgChange.Action.ORG_CREATED, org.code, via, **_org_fields(org)
                )
            placed.append(row)
        if not placed:
            raise SheetError(
                [gettext("组织 %(code)s 的上级形成循环") % {"code": r["code"]} for r in pending]
            )
        pending = [r for r in pending if r not in placed]
    users = get_user_model()
    must_change: list[object] = []
    for row in rows:
        if not row.get("username"):
            continue
        user, created = users.objects.get_or_create(username=row["username"])
        before = {"full_name": user.first_name, "email": user.email}
        if created:
            report.users_created += 1
            OrgChange.record(actor, OrgChange.Action.USER_CREATED, user.username, via)
            if row.get("password"):
                user.set_password(row["password"])
                must_change.append(user)
            else:
                user.set_unusable_password()
                report.notes.append(
                    f"{user.username}：" + gettext("未设初始密码，请管理员在后台设置")
                )
        if row.get("full_name"):
            user.first_name = row["full_name"][:150]
        if row.get("email"):
            user.email = row["email"]
        user.save()
        after = {"full_name": user.first_name, "email": user.email}
        changed = {k: [before[k], after[k]] for k in after if before[k] != after[k]}
        if changed and not created:
            OrgChange.record(actor, OrgChange.Action.USER_UPDATED, user.username, via, **changed)
        org = Org.objects.get(code=row["code"])
        membership, made = Membership.objects.get_or_create(
            user=user, org=org, role=ROLES[row["role"]]
        )
        report.memberships_created += int(made)
        if made:
            OrgChange.record(
                actor,
                OrgChange.Action.MEMBERSHIP_CREATED,
                f"{user.username} · {org.code}",
                via,
                role=membership.role,
            )
    for account in must_change:  # the initial password only opens the change form
        MustChangePassword.objects.get_or_create(user=account)
    return report


def _org_fields(org: Org) -> dict[str, str]:
    return {
        "name": org.name,
        "kind": org.kind,
        "parent": org.parent.code if org.parent_id else "",
    }


def import_sheet(path: str | Path, scope: Scope | None = None, via: str = "") -> SheetReport:
    """Import a sheet within *scope* (everything when None: the command line)."""
    return import_rows(read_rows(path), scope, via)
