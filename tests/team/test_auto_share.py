"""Automatic sharing after each day of use, when `[team] share_to` is configured."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_runner import run

from ssi_tui.config import ConfigError, Settings, load_settings
from ssi_tui.team import auto


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


def test_a_failed_share_is_retried_next_time(db_path: Path, tmp_path: Path,
                                             frozen_clock: str) -> None:
    assert run("log", "search", "2").exit_code == 0
    missing = tmp_path / "not-yet"
    settings = Settings(team={"share_to": str(missing)})
    thread = auto.start(db_path, settings)
    assert thread is not None
    thread.join()
    assert not auto.stamp_path(db_path).exists()
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
