"""A real jixiao server with the demo data, for tests that drive it over HTTP from parallel
threads: migrated and filled by the command line in child processes, as an operator would, and
stopped (its whole process group) when the test module is done."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
JIXIAO = str(REPO / ".venv" / "bin" / "jixiao")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(base: str) -> None:
    for _ in range(120):
        try:
            urllib.request.urlopen(base + "/login/", timeout=2)
            return
        except OSError:
            time.sleep(0.5)


@contextmanager
def demo_server(env: dict[str, str]) -> Iterator[str]:
    """Migrate and fill the database *env* names, serve it (threaded, no worker), yield its URL."""
    subprocess.run([JIXIAO, "manage", "migrate", "-v", "0"], env=env, check=True, timeout=300)
    subprocess.run(
        [JIXIAO, "manage", "demo"], env=env, check=True, timeout=300, capture_output=True
    )
    port = _free_port()
    process = subprocess.Popen(
        [JIXIAO, "serve", "--port", str(port), "--no-migrate", "--no-worker"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
