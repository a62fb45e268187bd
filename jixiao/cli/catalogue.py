"""`jixiao findings`: the catalogue of every finding id (checks and importers), docs/findings.md.

``python -m jixiao.cli.catalogue`` rewrites docs/findings.md; a test fails while it is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from jixiao.core.checks.catalogue import catalogue
from jixiao.importers.catalogue import render as importer_section
from jixiao.io.files import write_text_atomically

DOCUMENT = Path("docs/findings.md")


# Ids of the same shape that are not jixiao findings: Django's system checks that a settings module
# silences on purpose (tests/web/test_settings_checks.py keeps this list and the settings in step).
SILENCED_SYSTEM_CHECKS = {
    "axes.W003": (
        "django-axes: its authentication backend is missing — left out in the test settings only, "
        "where Django's test client signs in without a request; the sign-in throttling tests "
        "switch it on (jixiao/web/settings/test.py, benchmarks/web_settings.py)"
    ),
    "security.W021": (
        "Django: SECURE_HSTS_PRELOAD is not set — the browsers' HSTS preload list is for public "
        "domains, and a government intranet host cannot be on it (jixiao/web/settings/production.py)"
    ),
}


def silenced_checks_section() -> str:
    lines = [
        "## Not jixiao findings: Django system checks silenced on purpose",
        "",
        "These ids look like finding ids but come from Django's system checks (`manage check`);",
        "jixiao never reports them on a dossier.",
        "",
    ]
    lines += [f"- `{check}`: {why}" for check, why in sorted(SILENCED_SYSTEM_CHECKS.items())]
    return "\n".join(lines) + "\n"


def full_catalogue() -> str:
    return catalogue() + "\n" + importer_section() + "\n" + silenced_checks_section()


def findings() -> None:
    """核查结果与导入提示的编号目录 / every finding id with its level and meaning (Markdown)."""
    typer.echo(full_catalogue(), nl=False)


def register(app: typer.Typer) -> None:
    app.command("findings")(findings)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DOCUMENT
    write_text_atomically(target, full_catalogue())
    print(f"written: {target}")
