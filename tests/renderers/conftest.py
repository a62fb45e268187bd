"""Fixtures for renderer tests: the sample Document, the composed seed report, rendered files."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from jixiao.core.report import Document
from renderers.sample import SEED, seed_document


def require_tool(name: str) -> str:
    """The path of a system tool; skip only outside CI when it is genuinely absent."""
    path = shutil.which(name)
    if path:
        return path
    if os.environ.get("CI"):
        pytest.fail(f"{name} is missing in CI: scripts/system/20-fonts-docs.sh must install it")
    pytest.skip(f"{name} not installed (run scripts/system/20-fonts-docs.sh as root)")


def run_tool(*args: str | Path, env: dict[str, str] | None = None, timeout: int = 120) -> str:
    completed = subprocess.run(
        [str(a) for a in args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        check=False,
    )
    assert completed.returncode == 0, f"{args[0]} failed: {completed.stderr}"
    return completed.stdout


@pytest.fixture(scope="session")
def sample_document() -> Document:
    return seed_document()


@pytest.fixture(scope="session")
def seed_report() -> Document:
    """The seed dossier's report as the real pipeline composes it."""
    from jixiao.core.compose import compose_report
    from jixiao.frameworks import evaluate_with
    from jixiao.io.dossiers import load_dossier

    return compose_report(evaluate_with(load_dossier(SEED)))


@pytest.fixture(scope="session")
def sample_docx(sample_document: Document, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from jixiao.renderers.docx import render_docx

    path = tmp_path_factory.mktemp("docx") / "sample.docx"
    path.write_bytes(render_docx(sample_document))
    return path


@pytest.fixture(scope="session")
def seed_pdf(seed_report: Document, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from jixiao.renderers.pdf import render_pdf

    path = tmp_path_factory.mktemp("pdf") / "seed.pdf"
    path.write_bytes(render_pdf(seed_report))
    return path


@pytest.fixture(scope="session")
def sample_pdf(sample_document: Document, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from jixiao.renderers.pdf import render_pdf

    path = tmp_path_factory.mktemp("pdf") / "sample.pdf"
    path.write_bytes(render_pdf(sample_document))
    return path


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every renderer test draws with the project's fonts (a system install): mark them all."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.system)


@pytest.fixture(autouse=True, scope="session")
def _fonts_installed() -> None:
    """Skip (outside CI) or fail (in CI) with the setup command when the fonts are missing."""
    from jixiao.renderers.fonts import FontMissingError, require_fonts

    try:
        require_fonts()
    except FontMissingError as error:
        if os.environ.get("CI"):
            pytest.fail(str(error))
        pytest.skip(str(error))
