"""The oversight tables the dashboard reads move their round's revision tag too
(evaluations.revision_triggers)."""

from django.db import migrations

from jixiao.web.evaluations import revision_triggers


def install(apps, schema_editor):
    revision_triggers.install(schema_editor, revision_triggers.OVERSIGHT_TABLES)


def remove(apps, schema_editor):
    revision_triggers.remove(schema_editor, revision_triggers.OVERSIGHT_TABLES)


class Migration(migrations.Migration):
    dependencies = [
        ("evaluations", "0007_round_revision"),
        ("oversight", "0002_analysis"),
    ]

    operations = [migrations.RunPython(install, remove)]
