"""Driving a real terminal through tmux, for the end-to-end tests."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

needs_tmux = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True).stdout


@contextmanager
def terminal(name: str, command: str, size: tuple[int, int] = (100, 30)) -> Iterator[str]:
    """A detached tmux session of `size` running `command`; yields its name, always killed.

    COLUMNS and LINES are unset first: pytest imports GNU readline early (_pytest/capture.py),
    which puts COLUMNS=80 LINES=24 in the process's C environment; a tmux server started from
    the test run inherits them and Textual would draw 80x24 in the bigger pane. (A server
    already running from a shell hid this locally; CI starts a fresh one.)"""
    session = f"{name}-{os.getpid()}"
    tmux("new-session", "-d", "-s", session, "-x", str(size[0]), "-y", str(size[1]),
         f"unset COLUMNS LINES; {command}")
    try:
        yield session
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True, check=False)


def wait_for(session: str, text: str, timeout: float = 20.0) -> str:
    """Poll the pane until `text` shows (no fixed sleeps); fail with the last screen."""
    deadline = time.monotonic() + timeout
    shown = ""
    while time.monotonic() < deadline:
        shown = tmux("capture-pane", "-p", "-t", session)
        if text in shown:
            return shown
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; last screen:\n{shown}")


def app_env(tmp_path: Path) -> dict[str, str]:
    return {"SSI_TUI_NOW": "2026-11-23T09:30:00Z", "TZ": "Europe/Paris",
            "SSI_TUI_CONFIG": str(tmp_path / "config.toml"), "TERM": "xterm-256color"}


def app_command(env: dict[str, str], db: Path, tail: str = "") -> str:
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    return f"{exports} {tail}{shlex.quote(sys.executable)} -m ssi_tui --db {shlex.quote(str(db))}"
