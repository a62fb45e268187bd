"""Reading untrusted files within a memory and CPU budget, in a child process.

A 2 MB PDF whose content stream inflates to gigabytes, or an Office file whose zip directory
understates its members' sizes, exhausts memory inside the parsing libraries before any check of
ours sees a byte. Such formats are read in a forked child whose address space and CPU time are
capped (``setrlimit``); when it runs out, the child raises MemoryError or is killed, and the caller
gets a clear :class:`InputError` naming the file while the process that asked (a web worker, a
batch) goes on. A parser that fails on a damaged file in any other way is an InputError too: for
an untrusted file that is what the user needs to hear, not a traceback.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from jixiao.core.errors import InputError, Problem

MEMORY_BUDGET = 1024 * 1024 * 1024  # bytes of address space beyond what the process already has
CPU_SECONDS = 60
T = TypeVar("T")


def run_bounded(
    function: Callable[..., T],
    path: Path,
    *args: Any,
    memory: int | None = None,
    seconds: int | None = None,
    **kwargs: Any,
) -> T:
    """``function(path, *args, **kwargs)`` in a child limited to *memory* bytes more than this
    process has and *seconds* of CPU (MEMORY_BUDGET and CPU_SECONDS by default)."""
    memory = MEMORY_BUDGET if memory is None else memory
    seconds = CPU_SECONDS if seconds is None else seconds
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(
        target=_child, args=(send, function, path, args, kwargs, memory, seconds), daemon=True
    )
    child.start()
    send.close()
    try:
        outcome = receive.recv() if receive.poll(seconds * 2 + 10) else ("limit", None)
    except EOFError:  # killed: over its CPU time, or the kernel refused it memory
        outcome = ("limit", None)
    finally:
        receive.close()
        child.join(timeout=5)
        if child.is_alive():
            child.kill()
            child.join()
    result: T = _result(outcome, path)
    return result


def _result(outcome: tuple[str, Any], path: Path) -> Any:
    kind, payload = outcome
    if kind == "ok":
        return payload
    if kind == "input":
        origin, problems = payload
        raise InputError(origin, [Problem(*p) for p in problems])
    if kind == "failed":
        raise InputError.single(
            str(path),
            "",
            f"文件已损坏或格式异常，无法读取（{payload}）",
            f"the file is damaged or malformed and cannot be read ({payload})",
        )
    raise InputError.single(
        str(path),
        "",
        "读取超出内存或时间限制（文件过大、过于复杂或已损坏，如压缩后的内容膨胀到数 GB），已停止",
        "reading exceeded the memory or time limit (the file is too large, too complex or "
        "damaged, e.g. compressed content that inflates to gigabytes); stopped",
    )


def _child(
    send: Any,
    function: Callable[..., Any],
    path: Path,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    memory: int,
    seconds: int,
) -> None:
    try:
        limit = _address_space() + memory
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 5))
        outcome: tuple[str, Any] = ("ok", function(path, *args, **kwargs))
    except InputError as error:
        outcome = (
            "input",
            (error.origin, [(p.path, p.zh, p.en, p.line) for p in error.problems]),
        )
    except MemoryError:
        outcome = ("limit", None)
    except Exception as error:  # a parser's own failure on a damaged file
        traceback.print_exc(file=sys.stderr)
        outcome = ("failed", type(error).__name__)
    try:
        send.send(outcome)
    except Exception:  # the result itself could not be sent
        send.send(("failed", "result"))
    finally:
        send.close()
        os._exit(0)


def _address_space() -> int:
    """This process's current virtual size in bytes (the budget is counted on top of it)."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[0])
    return pages * os.sysconf("SC_PAGE_SIZE")
