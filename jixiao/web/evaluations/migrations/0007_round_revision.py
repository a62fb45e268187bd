"""The rounds' revision tags and the triggers that move them (evaluations.revision_triggers)."""

from django.db import migrations, models

from jixiao.web.evaluations import revision_triggers


def install(apps, schema_editor):
    revision_triggers.install(schema_editor, revision_triggers.EVALUATIONS_TABLES)


def remove(apps, schema_editor):
    revision_triggers.remove(schema_editor, revision_triggers.EVALUATIONS_TABLES)


class Migration(migrations.Migration):
    dependencies = [
        ("evaluations", "0006_export_items"),
        ("orgs", "0002_accounts_audit_and_initial_passwords"),
    ]

    operations = [
        migrations.CreateModel(
            name="RoundRevision",
            fields=[
                ("round_key", models.BigIntegerField(primary_key=True, serialize=False)),
                ("tag", models.BigIntegerField()),
            ],
        ),
        migrations.RunPython(install, remove),
    ]
