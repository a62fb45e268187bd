"""``jixiao report``: one dossier in every format, and a batch that survives a bad dossier."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli.main import app
from renderers.sample import SEED

runner = CliRunner()


def test_all_formats_for_the_seed(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(SEED), "-f", "all", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [f"wanzai-2021.{ext}" for ext in ("docx", "html", "md", "pdf")]
    assert (tmp_path / "wanzai-2021.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "wanzai-2021.docx").read_bytes().startswith(b"PK")


def test_one_format(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(SEED), "-f", "html", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == ["wanzai-2021.html"]


def test_bad_dossier_is_a_clear_error_with_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("year: 1990\nprofile: {name: 测试局}\n", encoding="utf-8")
    result = runner.invoke(app, ["report", str(bad), "-f", "pdf", "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "year" in result.output and "2000" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("content", [b"not a zip", b"PK\x05\x06" + b"\0" * 18])
def test_a_template_that_is_not_a_word_document_is_a_clear_error(
    tmp_path: Path, content: bytes
) -> None:
    template = tmp_path / "bureau.docx"
    template.write_bytes(content)
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "a.yaml")
    for args in (
        ["report", str(SEED), "-f", "docx", "-o", str(tmp_path / "one")],
        ["report", "--batch", str(folder), "-o", str(tmp_path / "many")],
    ):
        result = runner.invoke(app, [*args, "--template", str(template)])
        assert result.exit_code == 2, result.output
        assert "Word 模板" in result.output and "bureau.docx" in result.output
        assert "Traceback" not in result.output
    assert not (tmp_path / "many").exists()  # the batch stops before any work


def test_unknown_format_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", str(SEED), "-f", "xls", "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert "xls" in result.output


def test_path_or_batch_required() -> None:
    result = runner.invoke(app, ["report"])
    assert result.exit_code == 2


@pytest.mark.slow
def test_batch_continues_past_bad_dossiers_and_lists_them(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a", "b"):
        shutil.copy(SEED, folder / f"{name}.yaml")
    (folder / "broken.json").write_text("{", encoding="utf-8")
    (folder / "bad.yaml").write_text("year: 2021\nprofile: {name: 局}\n", encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["report", "--batch", str(folder), "-o", str(out), "-j", "2"])
    assert result.exit_code == 1, result.output
    assert sorted(p.name for p in out.iterdir()) == ["a.docx", "a.pdf", "b.docx", "b.pdf"]
    assert "broken.json" in result.output and "bad.yaml" in result.output
    assert "profile.name" in result.output  # why it failed, with the field
    assert "2/4" in result.output or "2 of 4" in result.output


def test_batch_of_an_empty_folder_is_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["report", "--batch", str(tmp_path), "-o", str(tmp_path)])
    assert result.exit_code == 2


def test_a_nearly_empty_dossier_still_gives_every_format(tmp_path: Path) -> None:
    minimal = tmp_path / "minimal.yaml"
    minimal.write_text("year: 2022\nprofile: {name: 测试局}\n", encoding="utf-8")
    result = runner.invoke(app, ["report", str(minimal), "-f", "all", "-o", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "o").iterdir())) == 4


def test_missing_fonts_stop_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jixiao.renderers import fonts

    monkeypatch.setattr(fonts, "candidate_dirs", lambda: [tmp_path])
    fonts.font_path.cache_clear()
    try:
        result = runner.invoke(app, ["report", str(SEED), "-f", "pdf", "-o", str(tmp_path / "o")])
    finally:
        fonts.font_path.cache_clear()
    assert result.exit_code == 2
    assert "20-fonts-docs.sh" in result.output
    assert not (tmp_path / "o").exists()
