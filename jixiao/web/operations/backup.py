"""One backup file holds the whole platform: every record and every uploaded file.

A backup is a .tar.gz with ``manifest.json`` (when, which schema, how many records of each model,
a SHA-256 of every member), ``data.json`` (Django's serialised records, database-neutral, so a
SQLite county can move to PostgreSQL) and ``media/`` (evidence files, exports). Transient tables
(sessions, the task queue, sign-in throttling) are left out; content types and permissions are
made again by ``migrate``.

Restore goes into an empty database of the same schema: it checks the whole archive (manifest,
hashes, member paths) before writing anything, loads every record in one transaction, then puts
the files in place; a database that already holds data is refused rather than merged.
"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, time
from pathlib import Path, PurePosixPath
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.serializers.json import Serializer as JsonSerializer
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder

from jixiao.io.files import write_bytes_atomically

FORMAT = "jixiao-backup/1"
EXCLUDED = (
    "contenttypes",
    "auth.permission",
    "sessions",
    "admin.logentry",
    "django_tasks_database",
    "axes",
    # a cache key, not a record: the restore's own inserts give every round a new tag
    "evaluations.roundrevision",
)


class BackupError(Exception):
    """A backup that cannot be written or restored, with a bilingual message."""


@dataclass(frozen=True)
class Summary:
    records: int
    files: int
    path: Path


def _schema() -> dict[str, str]:
    """The newest applied migration of each app: a backup restores into the same schema."""
    latest: dict[str, str] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        latest[app] = max(latest.get(app, ""), name)
    return dict(sorted(latest.items()))


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _models() -> list[Any]:
    """The models backed up, ordered so that what a natural key refers to comes first (users
    before their memberships), as ``dumpdata`` orders them."""

    def excluded(model: Any) -> bool:
        label = model._meta.label_lower
        return model._meta.app_label in EXCLUDED or label in EXCLUDED

    by_app: dict[Any, list[Any]] = {}
    for model in apps.get_models():
        if not excluded(model) and not model._meta.proxy and model._meta.managed:
            by_app.setdefault(model._meta.app_config, []).append(model)
    return serializers.sort_dependencies(list(by_app.items()), allow_cycles=True)


class _ExactJsonSerializer(JsonSerializer):
    """Django's JSON serializer, keeping times to the microsecond: its encoder cuts them to the
    millisecond, and a restored audit trail must carry the very instants it recorded."""

    def handle_field(self, obj: Any, field: Any) -> None:
        value = field.value_from_object(obj)
        if isinstance(value, datetime | time):
            self._current[field.name] = value.isoformat()
        else:
            super().handle_field(obj, field)


def _records_json() -> tuple[bytes, Counter[str]]:
    objects: list[Any] = []
    counts: Counter[str] = Counter()
    for model in _models():
        rows = list(model._default_manager.order_by("pk"))
        counts[model._meta.label] = len(rows)
        objects.extend(rows)
    text = _ExactJsonSerializer().serialize(objects, use_natural_foreign_keys=True, indent=None)
    return text.encode("utf-8"), counts


def _media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def write_backup(target: Path) -> Summary:
    """Write the whole platform into *target* (.tar.gz), atomically (a temporary file, renamed)."""
    with transaction.atomic():  # one consistent view of every table
        data, counts = _records_json()
    media = _media_files()
    root = Path(settings.MEDIA_ROOT)
    hashes = {"data.json": _sha256(data)}
    for path in media:
        hashes["media/" + path.relative_to(root).as_posix()] = _sha256(path.read_bytes())
    manifest = {
        "format": FORMAT,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "database": connection.vendor,
        "schema": _schema(),
        "records": dict(sorted(counts.items())),
        "sha256": hashes,
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=target.parent, suffix=".partial", delete=False) as handle:
        partial = Path(handle.name)
    try:
        with tarfile.open(partial, "w:gz") as archive:
            _add(
                archive,
                "manifest.json",
                json.dumps(manifest, ensure_ascii=False, indent=1).encode(),
            )
            _add(archive, "data.json", data)
            for path in media:
                archive.add(path, arcname="media/" + path.relative_to(root).as_posix())
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    return Summary(sum(counts.values()), len(media), target)


def _add(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.now(UTC).timestamp())
    archive.addfile(info, io.BytesIO(data))


def read_backup(source: Path) -> tuple[dict[str, Any], bytes, dict[str, bytes]]:
    """The checked contents of a backup: manifest, records, files; BackupError when anything is
    missing, altered, of another schema, or would be written outside the media folder."""
    try:
        with tarfile.open(source, "r:gz") as archive:
            members = {m.name: m for m in archive.getmembers() if m.isfile()}
            contents = {name: archive.extractfile(m).read() for name, m in members.items()}  # type: ignore[union-attr]
    except (OSError, tarfile.TarError, EOFError) as error:
        raise BackupError(f"无法读取备份文件 {source}：{error} / cannot read the backup") from None
    if "manifest.json" not in contents or "data.json" not in contents:
        raise BackupError(
            "不是 jixiao 备份文件（缺少 manifest.json 或 data.json）/ not a jixiao backup"
        )
    manifest = json.loads(contents.pop("manifest.json"))
    if manifest.get("format") != FORMAT:
        raise BackupError(
            f"备份格式 {manifest.get('format')!r} 不受支持 / unsupported backup format"
        )
    expected = manifest.get("sha256", {})
    if set(expected) != set(contents):
        raise BackupError("备份文件的内容与清单不符 / the archive does not match its manifest")
    for name, data in contents.items():
        if _sha256(data) != expected[name]:
            raise BackupError(f"备份中的 {name} 已被改动（校验值不符）/ {name} was altered")
        if name != "data.json" and not _safe_media_name(name):
            raise BackupError(f"备份中的路径 {name} 不安全 / unsafe path in the backup")
    if manifest.get("schema") != _schema():
        raise BackupError(
            "备份的数据库结构版本与当前程序不同，请先用相同版本的 jixiao 恢复 / "
            "the backup was made with another schema version"
        )
    data = contents.pop("data.json")
    return manifest, data, contents


def _safe_media_name(name: str) -> bool:
    path = PurePosixPath(name)
    return path.parts[0] == "media" and ".." not in path.parts and not path.is_absolute()


def _database_is_empty() -> bool:
    return not any(
        model._default_manager.exists()
        for model in _models()
        if model._meta.app_label in ("orgs", "evaluations", "auth")
    )


def restore_backup(source: Path) -> Summary:
    """Restore *source* into this (migrated, empty) database and media folder."""
    call_command("migrate", verbosity=0, interactive=False)
    _manifest, data, files = read_backup(source)
    if not _database_is_empty():
        raise BackupError(
            "目标数据库已有数据，恢复只写入空数据库（请新建数据库）/ the database is not empty"
        )
    with transaction.atomic():
        objects = []
        # saved one by one as read: a natural key (a membership's user) is looked up in this
        # database, so what it refers to must be saved before the next record is read
        for item in serializers.deserialize("json", data, handle_forward_references=True):
            item.save()
            objects.append(item)
        for item in objects:
            if item.deferred_fields:
                item.save_deferred_fields()
        _reset_sequences({type(item.object) for item in objects})
    root = Path(settings.MEDIA_ROOT)
    for name, content in files.items():
        path = root / PurePosixPath(name).relative_to("media")
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(path, content)
    return Summary(len(objects), len(files), source)


def _reset_sequences(models: set[Any]) -> None:
    """PostgreSQL keeps id counters apart from the rows: move them past the restored ids."""
    statements = connection.ops.sequence_reset_sql(_NoStyle(), list(models))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


class _NoStyle:
    def __getattr__(self, name: str) -> Any:
        return lambda text: text
