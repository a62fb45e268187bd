"""The worker processes of a batch (``jixiao report --batch``): one per core, made ready once.

- **forkserver, not fork**: a process that has already run Typst holds a Rust thread pool, and a
  forked copy of it deadlocks; the fork server is a clean process that has only imported modules,
  and every worker is forked from it.
- **One Typst thread per worker**: the workers already keep every core busy; Typst's own thread
  pool (a thread per core by default) would only make them contend, about a tenth more CPU a
  report.
- **jemalloc**: Typst allocates and frees many small objects while it lays out and writes a PDF;
  with jemalloc preloaded into the fork server (and so into every worker) a batch is about 7 %
  faster than with glibc's malloc (BENCHMARKS.md). It is used when installed (Debian's
  libjemalloc2, installed by scripts/system/20-fonts-docs.sh); ``JIXIAO_BATCH_ALLOCATOR=system``
  keeps glibc's.
- **Warm**: each worker loads the fonts and prepares the Word package before its first dossier.
"""

from __future__ import annotations

import ctypes.util
import multiprocessing
import multiprocessing.forkserver
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

ALLOCATOR_VARIABLE = "JIXIAO_BATCH_ALLOCATOR"
ALLOCATORS = ("jemalloc", "system")
PRELOADED_MODULES = ["jixiao.cli.report", "jixiao.renderers.docx"]


def batch_allocator() -> str | None:
    """The allocator library to preload into the workers, or None for glibc's malloc."""
    choice = os.environ.get(ALLOCATOR_VARIABLE, "jemalloc")
    if choice not in ALLOCATORS:
        raise ValueError(
            f"{ALLOCATOR_VARIABLE} 应为 {'、'.join(ALLOCATORS)} / expected one of"
            f" {', '.join(ALLOCATORS)}: {choice!r}"
        )
    if choice == "system":
        return None
    return ctypes.util.find_library("jemalloc")  # None when libjemalloc2 is not installed


@contextmanager
def _preloading(library: str | None) -> Iterator[None]:
    """LD_PRELOAD *library* for the processes started inside the block."""
    saved = os.environ.get("LD_PRELOAD")
    if library:
        os.environ["LD_PRELOAD"] = f"{library} {saved}" if saved else library
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("LD_PRELOAD", None)
        else:
            os.environ["LD_PRELOAD"] = saved


def worker_pool(jobs: int) -> ProcessPoolExecutor:
    """A pool of *jobs* warm worker processes forked from the fork server."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOADED_MODULES)
    with _preloading(batch_allocator()):
        # Started here, with the allocator; a fork server this process already runs is reused.
        multiprocessing.forkserver.ensure_running()
    return ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=warm_up)


def warm_up() -> None:
    """Per worker, before its first dossier: one Typst thread (set before the first compile,
    which starts Typst's pool), the fonts loaded, the default Word package prepared."""
    os.environ.setdefault("RAYON_NUM_THREADS", "1")
    from jixiao.renderers import docx, typst_engine

    typst_engine._compiler()
    docx.prepared_package(None)


def allocator_in_use() -> str:
    """The malloc this process runs on: the preloaded library's file name, or "glibc"."""
    for line in Path("/proc/self/maps").read_text().splitlines():
        name = line.rsplit("/", 1)[-1]
        if "jemalloc" in name:
            return name
    return "glibc"
