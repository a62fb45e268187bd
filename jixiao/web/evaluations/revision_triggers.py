"""Database triggers that move a round's revision tag (:class:`~.models.RoundRevision`) on every
write to a table its aggregates read, whoever writes: services, ``bulk_create``, ``.update()``,
management commands, migrations, raw SQL.

Each watched table names how a changed row finds its round (``ROUND_OF``: a SELECT over the
changed rows ``r``), or ``None`` for the org tree, which every round's figures read (key 0).
SQLite runs a trigger per row (an upsert of one small row); PostgreSQL one per statement over
its transition tables, so a bulk insert of 30,000 rows moves each round's tag once, not 30,000
times; a statement touching several rounds takes their rows in key order (two such statements
never wait for each other crosswise). A writer holds its rounds' rows until it commits, so
writers of one round follow each other (as they do on SQLite anyway).
``tests/web/test_round_figures.py`` checks that the tables the cached aggregates read are exactly
the tables that carry these triggers.

Used by migrations (evaluations 0007, oversight 0003): the SQL here must keep working for them.
"""

from __future__ import annotations

import re
from typing import Any

REVISIONS = "evaluations_roundrevision"
ORG_TREE = 0  # the round_key of the org tree's tag
PREFIX = "jixiao_rev_"

# table → SELECT of the round ids of the changed rows ``r`` (None: the org tree)
ROUND_OF: dict[str, str | None] = {
    "evaluations_round": "SELECT r.id FROM {rows} r",
    "evaluations_submission": "SELECT r.round_id FROM {rows} r",
    "evaluations_dossierversion": (
        "SELECT s.round_id FROM {rows} r JOIN evaluations_submission s ON s.id = r.submission_id"
    ),
    "orgs_org": None,
    "oversight_versionfigures": (
        "SELECT s.round_id FROM {rows} r JOIN evaluations_dossierversion v ON v.id = r.version_id"
        " JOIN evaluations_submission s ON s.id = v.submission_id"
    ),
    "oversight_versionanalysis": (
        "SELECT s.round_id FROM {rows} r JOIN evaluations_dossierversion v ON v.id = r.version_id"
        " JOIN evaluations_submission s ON s.id = v.submission_id UNION SELECT r.round_id FROM {rows} r"
    ),
}
EVALUATIONS_TABLES = (
    "evaluations_round",
    "evaluations_submission",
    "evaluations_dossierversion",
    "orgs_org",
)
OVERSIGHT_TABLES = ("oversight_versionfigures", "oversight_versionanalysis")
EVENTS = ("INSERT", "UPDATE", "DELETE")


def _name(table: str, event: str) -> str:
    return f"{PREFIX}{table}_{event.lower()}"


# ── SQLite: a trigger per row ──────────────────────────────────────────────────────────────


def _sqlite_keys(table: str, event: str) -> str:
    """A SELECT of the round keys the row changed by *event* touches (NEW and/or OLD)."""
    select = ROUND_OF[table]
    if select is None:
        return f"SELECT {ORG_TREE}"
    sides = {"INSERT": ("NEW",), "UPDATE": ("NEW", "OLD"), "DELETE": ("OLD",)}[event]
    return " UNION ".join(_over_row(select, side) for side in sides)


def _over_row(select: str, side: str) -> str:
    """*select* over the single row NEW or OLD: ``{rows} r`` becomes a one-row subquery of the
    columns it reads."""
    columns = sorted(set(re.findall(r"\br\.(\w+)", select)))
    row = "(SELECT " + ", ".join(f"{side}.{c} AS {c}" for c in columns) + ")"
    return select.replace("{rows}", row)


def _sqlite_create(table: str, event: str) -> str:
    return (
        f"CREATE TRIGGER IF NOT EXISTS {_name(table, event)} AFTER {event} ON {table}"
        f" FOR EACH ROW BEGIN INSERT INTO {REVISIONS} (round_key, tag)"
        f" SELECT k, random() FROM (SELECT NULL AS k WHERE 0 UNION {_sqlite_keys(table, event)})"
        " WHERE k IS NOT NULL"
        " ON CONFLICT (round_key) DO UPDATE SET tag = excluded.tag; END"
    )


# ── PostgreSQL: a trigger per statement, over its transition tables ──────────────────────


def _pg_function(table: str, event: str) -> str:
    select = ROUND_OF[table]
    if select is None:
        keys = f"SELECT {ORG_TREE}"
    else:
        tables = {
            "INSERT": ("new_rows",),
            "UPDATE": ("new_rows", "old_rows"),
            "DELETE": ("old_rows",),
        }
        keys = " UNION ".join(select.format(rows=t) for t in tables[event])
    return (
        f"CREATE OR REPLACE FUNCTION {_name(table, event)}() RETURNS trigger LANGUAGE plpgsql AS $$"
        f" BEGIN INSERT INTO {REVISIONS} (round_key, tag)"
        " SELECT k, floor((random() - 0.5) * 1.8e19)::bigint"
        f" FROM (SELECT DISTINCT k FROM ({keys}) AS found(k) WHERE k IS NOT NULL) AS changed"
        " ORDER BY k ON CONFLICT (round_key) DO UPDATE SET tag = EXCLUDED.tag; RETURN NULL; END $$"
    )


def _pg_create(table: str, event: str) -> str:
    transitions = {
        "INSERT": "NEW TABLE AS new_rows",
        "UPDATE": "NEW TABLE AS new_rows OLD TABLE AS old_rows",
        "DELETE": "OLD TABLE AS old_rows",
    }[event]
    name = _name(table, event)
    return (
        f"DROP TRIGGER IF EXISTS {name} ON {table}; CREATE TRIGGER {name} AFTER {event} ON {table}"
        f" REFERENCING {transitions} FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
    )


# ── for migrations and tests ───────────────────────────────────────────────────────────────


def install(schema_editor: Any, tables: tuple[str, ...]) -> None:
    """Create the triggers of *tables* (each event) on the migration's database."""
    vendor = schema_editor.connection.vendor
    for table in tables:
        for event in EVENTS:
            if vendor == "postgresql":
                schema_editor.execute(_pg_function(table, event))
                schema_editor.execute(_pg_create(table, event))
            elif vendor == "sqlite":
                schema_editor.execute(_sqlite_create(table, event))
            else:
                raise NotImplementedError(f"revision triggers for {vendor}")


def remove(schema_editor: Any, tables: tuple[str, ...]) -> None:
    vendor = schema_editor.connection.vendor
    for table in tables:
        for event in EVENTS:
            name = _name(table, event)
            if vendor == "postgresql":
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
                schema_editor.execute(f"DROP FUNCTION IF EXISTS {name}()")
            else:
                schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")


def installed(connection: Any) -> set[tuple[str, str]]:
    """The (table, event) pairs that carry a revision trigger in *connection*'s database."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT event_object_table, event_manipulation FROM information_schema.triggers"
                " WHERE trigger_name LIKE %s",
                [PREFIX + "%"],
            )
        else:
            cursor.execute(
                "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
                [PREFIX + "%"],
            )
        rows = cursor.fetchall()
    if connection.vendor == "postgresql":
        return {(table, event.upper()) for table, event in rows}
    found = set()
    for table, sql in rows:
        for event in EVENTS:
            if f" AFTER {event} ON " in sql:
                found.add((table, event))
    return found
