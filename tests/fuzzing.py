"""Helpers for the fuzz tests: example counts that follow the profile, and a hard time bound.

``examples(n)`` is *n* under the default ``ci`` profile and ten times *n* under ``deep``
(``JIXIAO_FUZZ=deep``, see tests/conftest.py). ``within(seconds)`` turns a hang into a failure:
hypothesis' ``deadline`` only judges an example after it has finished, an alarm interrupts it.
``assert_usable(dossier)`` is the second half of every loader's property: what was accepted can
be shown (every figure formatted) and checked and scored, as the web pages and reports do.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

DEEP = os.environ.get("JIXIAO_FUZZ") == "deep"


def examples(count: int) -> int:
    return count * 10 if DEEP else count


class Hang(AssertionError):
    """An input kept the code busy past the bound: a hang is a failure, not a slow pass."""


@contextmanager
def within(seconds: int) -> Iterator[None]:
    """Fail with :class:`Hang` when the block runs longer than *seconds* (main thread only)."""

    def expired(*_: object) -> None:
        raise Hang(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def assert_usable(dossier: Any) -> None:
    """Every figure formats, and the checks and the default framework's score run."""
    from jixiao.core.pipeline import evaluate
    from jixiao.frameworks import load_framework

    result = evaluate(dossier, load_framework(None))
    result.figures.flat()
    for finding in result.findings:
        assert finding.id and finding.message
