"""Batch worker processes: the allocator they preload and the choice of it."""

from __future__ import annotations

import ctypes.util
import os

import pytest

from jixiao.cli import workers


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
