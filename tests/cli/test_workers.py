"""Batch worker processes: the allocator they preload and the choice of it."""

from __future__ import annotations

import ctypes.util
import os
from pathlib import Path

import pytest

from jixiao.cli import workers
from jixiao.cli.report import WORKER_DIED, Outcome, run_batch
from jixiao.renderers import RenderOptions


def test_workers_run_on_jemalloc_when_it_is_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    if ctypes.util.find_library("jemalloc") is None:
        pytest.skip("libjemalloc2 is not installed (scripts/system/20-fonts-docs.sh installs it)")
    monkeypatch.delenv(workers.ALLOCATOR_VARIABLE, raising=False)
    with workers.worker_pool(1) as pool:
        assert "jemalloc" in pool.submit(workers.allocator_in_use).result(timeout=120)
    assert workers.allocator_in_use() == "glibc"  # the batch's own process is left alone


def test_system_allocator_preloads_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(workers.ALLOCATOR_VARIABLE, "system")
    assert workers.batch_allocator() is None


def test_unknown_allocator_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(workers.ALLOCATOR_VARIABLE, "tcmalloc")
    with pytest.raises(ValueError, match=r"JIXIAO_BATCH_ALLOCATOR.*jemalloc"):
        workers.batch_allocator()


def test_preloading_restores_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LD_PRELOAD", "libother.so")
    with workers._preloading("libjemalloc.so.2"):
        assert os.environ["LD_PRELOAD"] == "libjemalloc.so.2 libother.so"
    assert os.environ["LD_PRELOAD"] == "libother.so"
    monkeypatch.delenv("LD_PRELOAD")
    with workers._preloading("libjemalloc.so.2"):
        pass
    assert "LD_PRELOAD" not in os.environ


def render_or_die(
    path: Path, out_dir: Path, formats: tuple[str, ...], framework: object, options: object
) -> Outcome:
    """A stand-in for rendering: the dossier named "crash" kills its worker process."""
    if path.stem == "crash":
        os._exit(70)  # as the kernel's out-of-memory killer or a segfault in a library would
    return Outcome(path, written=(out_dir / f"{path.stem}.pdf",))


@pytest.mark.slow
def test_a_dossier_that_kills_its_worker_fails_alone(tmp_path: Path) -> None:
    names = ["a", "b", "crash", "c", "d", "e", "f", "g"]
    files = [tmp_path / f"{name}.yaml" for name in names]
    outcomes = run_batch(
        files, tmp_path, ("pdf",), None, RenderOptions(), 2,
        show_progress=False, render_one=render_or_die,
    )  # fmt: skip
    assert [o.path for o in outcomes] == files
    failed = {o.path.stem: o.error for o in outcomes if o.error}
    assert list(failed) == ["crash"]
    assert failed["crash"] == WORKER_DIED
    assert all(o.written for o in outcomes if o.path.stem != "crash")
