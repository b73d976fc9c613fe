"""A Python script run as a process of its own from the project (as a clerk runs the CLI), to be paused or killed at
a point it marks with a file: the tests of killed imports and of readers served while an import runs."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import PROJECT


def start_script(source: str, path: Path, *args: Path | str) -> subprocess.Popen:
    """The source written to path and started with args, from the project root with the project importable.

    stdout and stderr are pipes: what the script said is there for a failure message.
    """
    path.write_text(source, encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, str(path), *map(str, args)],
        cwd=PROJECT,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def wait_for_marker(process: subprocess.Popen, marker: Path, timeout: float, never_reached: str) -> None:
    """Until the script has written marker; fails with its stderr if it ends first, or with never_reached at timeout."""
    deadline = time.monotonic() + timeout
    while not marker.exists():
        assert process.poll() is None, process.stderr.read().decode()
        assert time.monotonic() < deadline, never_reached
        time.sleep(0.2)


@contextlib.contextmanager
def killed_at_exit(process: subprocess.Popen) -> Iterator[subprocess.Popen]:
    """The process, killed (SIGKILL: no clean-up of its own, as a power cut) at the end of the block if it still runs."""
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=60)
        for pipe in (process.stdout, process.stderr):
            pipe.close()
