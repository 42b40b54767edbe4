"""Killed while open: the app runs in a real terminal (tmux), habits are logged from the
keyboard, the process gets SIGKILL; every entry confirmed on screen is in the journal."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ssi_tui.journal import open_journal

pytestmark = [
    pytest.mark.tmux,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
]


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True).stdout


def wait_for(session: str, text: str, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared; last screen:\n{screen}")


def test_sigkill_loses_nothing_confirmed(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    session = f"ssi-kill-{os.getpid()}"
    env = {"SSI_TUI_NOW": "2026-11-23T09:30:00Z", "TZ": "Europe/Paris",
           "SSI_TUI_CONFIG": str(tmp_path / "config.toml"), "TERM": "xterm-256color"}
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    command = f"{exports} exec {shlex.quote(sys.executable)} -m ssi_tui --db {shlex.quote(str(db))}"
    tmux("new-session", "-d", "-s", session, "-x", "100", "-y", "30", command)
    try:
        wait_for(session, "Find the right people")
        for key, confirmation in (("l", "Logged login"), ("s", "Logged search"),
                                  ("3", None), ("V", "Logged 3 × profile view (3rd)")):
            tmux("send-keys", "-t", session, key)
            if confirmation:
                wait_for(session, confirmation)
        pid = int(tmux("display-message", "-p", "-t", session, "#{pane_pid}").strip())
        os.kill(pid, signal.SIGKILL)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True, check=False)
    journal = open_journal(db)
    logged = sorted((e.kind, e.count, e.degree) for e in journal.events())
    journal.close()
    assert logged == [("login", 1, None), ("profile_view", 3, 3), ("search", 1, None)]
