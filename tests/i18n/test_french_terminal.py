"""`LANG=fr_FR.UTF-8 ssi-tui` in a real terminal (tmux): the cockpit comes up in French, keys
log habits, `q` quits, and the journal holds the same English kind names as ever."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tmux_terminal import app_command, app_env, needs_tmux, terminal, tmux, wait_for

pytestmark = needs_tmux


def test_french_locale_gives_a_french_cockpit(tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    env = {**app_env(tmp_path), "LANG": "fr_FR.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    command = app_command(env, db) + "; echo SORTIE $?; sleep 30"
    with terminal("ssi-fr", command, size=(80, 24)) as session:
        wait_for(session, "À faire aujourd'hui")
        first = wait_for(session, "Quitter")  # the footer fills in last
        for label in ("Construire votre marque professionnelle", "Trouver les bonnes personnes",
                      "Échanger des informations", "Établir des relations", "Recherches 0/3"):
            assert label in first
        assert "Today" not in first and "Search" not in first
        tmux("send-keys", "-t", session, "s")
        wait_for(session, "Recherches 1/3")
        tmux("send-keys", "-t", session, "q")
        wait_for(session, "SORTIE 0")
    export = subprocess.run([sys.executable, "-m", "ssi_tui", "--db", str(db), "export"],
                            capture_output=True, text=True, check=True,
                            env=dict(os.environ, **env)).stdout
    assert export.splitlines()[0].startswith("id,day,kind")
    assert [line.split(",")[2] for line in export.strip().splitlines()[1:]] == ["search"]
