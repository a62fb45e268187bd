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


def full_catalogue() -> str:
    return catalogue() + "\n" + importer_section()


def findings() -> None:
    """核查结果与导入提示的编号目录 / every finding id with its level and meaning (Markdown)."""
    typer.echo(full_catalogue(), nl=False)


def register(app: typer.Typer) -> None:
    app.command("findings")(findings)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DOCUMENT
    write_text_atomically(target, full_catalogue())
    print(f"written: {target}")
