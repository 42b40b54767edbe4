"""Killed while open: the app runs in a real terminal (tmux), habits are logged from the
keyboard, the process gets SIGKILL; every entry confirmed on screen is in the journal."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from tmux_terminal import app_command, app_env, needs_tmux, terminal, tmux, wait_for

from ssi_tui.journal import open_journal

pytestmark = needs_tmux


def test_sigkill_loses_nothing_confirmed(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    command = app_command(app_env(tmp_path), db, tail="exec ")
    with terminal("ssi-kill", command) as session:
        wait_for(session, "Find the right people")
        for key, confirmation in (("l", "Logged login"), ("s", "Logged search"),
                                  ("3", None), ("V", "Logged 3 × profile view (3rd)")):
            tmux("send-keys", "-t", session, key)
            if confirmation:
                wait_for(session, confirmation)
        pid = int(tmux("display-message", "-p", "-t", session, "#{pane_pid}").strip())
        os.kill(pid, signal.SIGKILL)
    journal = open_journal(db)
    logged = sorted((e.kind, e.count, e.degree) for e in journal.events())
    journal.close()
    assert logged == [("login", 1, None), ("profile_view", 3, 3), ("search", 1, None)]
