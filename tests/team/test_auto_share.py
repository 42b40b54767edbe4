"""Automatic sharing after each day of use, when `[team] share_to` is configured."""

from __future__ import annotations

import shutil
import time
from datetime import date
from pathlib import Path

import pytest
from cli_runner import run
from tmux_terminal import app_command, app_env, terminal, tmux, wait_for

from ssi_tui.config import ConfigError, Settings, load_settings
from ssi_tui.team import auto, folder


def test_shares_once_a_day_when_configured(db_path: Path, team_dir: Path,
                                           frozen_clock: str) -> None:
    assert run("log", "search", "2").exit_code == 0
    off = Settings(timezone="Europe/Paris")
    assert auto.start(db_path, off) is None  # not configured: nothing runs
    settings = Settings(timezone="Europe/Paris",
                        team={"share_to": str(team_dir), "share_as": "alice",
                              "auto_share_days": 30})
    thread = auto.start(db_path, settings)
    assert thread is not None
    thread.join()
    assert [p.name for p in team_dir.iterdir()] == ["alice.ssi-share"]
    assert auto.stamp_path(db_path).read_text() == "2026-11-23"
    (team_dir / "alice.ssi-share").unlink()
    assert auto.share_now(db_path, settings) is None  # already shared today
    assert list(team_dir.iterdir()) == []


def test_a_failed_share_is_one_line_and_retried_next_time(db_path: Path, tmp_path: Path,
                                                          frozen_clock: str) -> None:
    assert run("log", "search", "2").exit_code == 0
    missing = tmp_path / "not-yet"
    settings = Settings(team={"share_to": str(missing)})
    notices: list[str] = []
    thread = auto.start(db_path, settings, report=notices.append)
    assert thread is not None
    thread.join()
    assert not auto.stamp_path(db_path).exists()
    (notice,) = notices
    assert "\n" not in notice and notice.startswith(f"Automatic team share to {missing} failed")
    missing.mkdir()
    assert auto.share_now(db_path, settings) is not None
    assert auto.stamp_path(db_path).exists()


def test_the_config_refuses_a_password(tmp_path: Path) -> None:
    config = tmp_path / "team.toml"
    config.write_text('[team]\nshare_to = "postgresql://alice:secret@db/sales"\n')
    with pytest.raises(ConfigError, match="team.share_to"):
        load_settings(config)
    config.write_text('[team]\nshare_to = "postgresql:///?service=sales"\n')
    assert load_settings(config).team.share_to == "postgresql:///?service=sales"


@pytest.mark.tmux
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_the_app_shares_after_a_day_of_use_and_a_failure_is_one_notice(tmp_path: Path) -> None:
    """In a real terminal: with `[team] share_to` set, the app's launch shares the journal to
    the folder (a real file); a target that fails is one notice and the app carries on."""
    db, team = tmp_path / "journal.db", tmp_path / "team"
    env = app_env(tmp_path)
    (tmp_path / "config.toml").write_text(
        f'[team]\nshare_to = "{team}"\nshare_as = "alice"\n')
    command = app_command(env, db) + "; echo EXITED $?; sleep 30"
    with terminal("ssi-auto-fail", command) as session:  # the folder does not exist yet
        wait_for(session, "Today's to-dos")
        wait_for(session, "Automatic team share to")
        tmux("send-keys", "-t", session, "l")
        wait_for(session, "Logged login")  # the app carries on
        tmux("send-keys", "-t", session, "q")
        wait_for(session, "EXITED 0")
    assert not team.exists() and not auto.stamp_path(db).exists()
    team.mkdir()
    with terminal("ssi-auto-share", command) as session:  # the same day: tried again
        wait_for(session, "Today's to-dos")
        deadline = time.monotonic() + 20
        while not auto.stamp_path(db).exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        tmux("send-keys", "-t", session, "q")
        wait_for(session, "EXITED 0")
    assert auto.stamp_path(db).read_text() == "2026-11-23"
    assert [p.name for p in team.iterdir()] == ["alice.ssi-share"]
    (rep,) = folder.read_folder(team, date(2026, 11, 23), 21).reps
    assert rep.name == "alice" and rep.week_logins == 1  # the login typed in the first launch
