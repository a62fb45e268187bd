"""``jixiao report`` on a full disk: a clear error, and no half-written report left to be read."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli.main import app
from jixiao.io import files

SEED = Path(__file__).resolve().parents[2] / "examples" / "wanzai-2021" / "dossier.yaml"
runner = CliRunner()


def _disk_full_after_50_bytes(handle: int, data: bytes) -> None:
    os.write(handle, bytes(data[:50]))
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def test_a_full_disk_is_a_clear_error_and_leaves_no_half_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    assert runner.invoke(app, ["report", str(SEED), "-f", "md", "-o", str(out)]).exit_code == 0
    complete = (out / "wanzai-2021.md").read_bytes()
    monkeypatch.setattr(files, "write_all", _disk_full_after_50_bytes)
    result = runner.invoke(app, ["report", str(SEED), "-f", "md", "-o", str(out)])
    assert result.exit_code != 0
    assert "磁盘空间不足" in result.output and "Traceback" not in result.output
    # the earlier complete report is still there, whole; no partial file beside it
    assert [p.name for p in out.iterdir()] == ["wanzai-2021.md"]
    assert (out / "wanzai-2021.md").read_bytes() == complete


def test_a_batch_names_the_full_disk_for_the_dossier(tmp_path: Path, monkeypatch) -> None:
    from jixiao.cli.report import _batch_one
    from jixiao.renderers import RenderOptions

    monkeypatch.setattr(files, "write_all", _disk_full_after_50_bytes)
    outcome = _batch_one(SEED, tmp_path / "out", ("md",), None, RenderOptions())
    assert outcome.error and "磁盘空间不足" in outcome.error and not outcome.written
    assert list((tmp_path / "out").iterdir()) == []
