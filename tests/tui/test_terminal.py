"""End to end in a real terminal: tmux runs `ssi-tui` on a temp journal, keys are typed, the
screen shows the pillars and the to-dos moving, `q` quits, and the CLI export holds the entries."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tmux_terminal import app_command, app_env, needs_tmux, terminal, tmux, wait_for

pytestmark = needs_tmux


def test_type_habits_quit_and_export(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    env = app_env(tmp_path)
    command = app_command(env, db) + "; echo EXITED $?; sleep 30"
    with terminal("ssi-e2e", command) as session:
        first = wait_for(session, "Today's to-dos")
        for label in ("Establish your professional brand", "Find the right people",
                      "Engage with insights", "Build relationships", "Searches 0/3"):
            assert label in first
        tmux("send-keys", "-t", session, "l")
        wait_for(session, "Logged login")
        tmux("send-keys", "-t", session, "s")
        wait_for(session, "Searches 1/3")
        tmux("send-keys", "-t", session, "s")
        wait_for(session, "Searches 2/3")
        tmux("send-keys", "-t", session, "1", "2", "v")
        # the 2nd-degree views to-do is done: one fewer left (done ones go to the bottom)
        lines = wait_for(session, "Today's to-dos (12 left)").splitlines()
        done = [i for i, line in enumerate(lines) if "✓ Profile views (2nd degree)" in line]
        still_open = [i for i, line in enumerate(lines) if "○ " in line]
        assert done and still_open and max(still_open) < done[0]  # ticked, below the open ones
        tmux("send-keys", "-t", session, "q")
        wait_for(session, "EXITED 0")
    export = subprocess.run([sys.executable, "-m", "ssi_tui", "--db", str(db), "export"],
                            capture_output=True, text=True, check=True,
                            env=dict(os.environ, **env)).stdout
    assert not (tmp_path / "journal.db.shared").exists()  # no [team] config: nothing shared
    rows = [line.split(",")[2:5] for line in export.strip().splitlines()[1:]]
    assert sorted(rows) == [["login", "1", ""], ["profile_view", "12", "2"],
                            ["search", "1", ""], ["search", "1", ""]]
