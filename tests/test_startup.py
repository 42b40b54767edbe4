"""Startup near the floor: with no config file the settings load without pydantic, and the
app's first frame, drawn from the dashboard saved at the last run, imports neither pydantic,
the model, the views nor a command's module but launch's (each checked in a fresh
interpreter). A config file is still validated, with one line naming the key when it is
wrong."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ssi_tui.config import Settings
from ssi_tui.default_settings import DefaultSettings
from ssi_tui.journal import Journal
from ssi_tui.model.settings import ScoringSettings
from ssi_tui.team.settings import TeamSettings

HEAVY = {"pydantic", "ssi_tui.model", "ssi_tui.views", "ssi_tui.config", "sqlite_utils"}


def loaded_modules(stderr: str) -> set[str]:
    """The modules `python -X importtime` says were imported."""
    return {line.rsplit("|", 1)[-1].strip() for line in stderr.splitlines() if "|" in line}


def test_settings_without_a_config_file_load_without_pydantic(tmp_path: Path) -> None:
    code = ("import sys\nfrom ssi_tui.default_settings import load_settings\n"
            "s = load_settings()\n"
            "print(s.day_start_hour, s.timezone, s.keymap, s.backfill_snap_minutes)\n"
            "print(sorted(m for m in sys.modules if m.startswith(('pydantic', 'ssi_tui.model',"
            " 'ssi_tui.config'))))\n")
    env = dict(os.environ, SSI_TUI_CONFIG=str(tmp_path / "none.toml"))
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, check=True)
    assert result.stdout.splitlines() == ["4 None {} 10", "[]"]


def test_the_defaults_without_pydantic_are_the_config_defaults() -> None:
    light, full = DefaultSettings(), Settings()
    for name in Settings.model_fields:
        if name not in ("scoring", "team"):
            assert getattr(light, name) == getattr(full, name), name
    assert light.scoring == ScoringSettings() == full.scoring
    assert light.team == TeamSettings() == full.team


def test_the_first_frame_from_a_saved_dashboard_imports_only_what_it_draws(
        tmp_path: Path) -> None:
    db = tmp_path / "journal.db"
    env = dict(os.environ, SSI_TUI_CONFIG=str(tmp_path / "none.toml"),
               SSI_TUI_NOW="2026-11-23T09:30:00Z")
    ssi = [sys.executable, "-m", "ssi_tui", "--db", str(db)]
    subprocess.run([*ssi, "log", "search"], env=env, check=True, capture_output=True)
    first = subprocess.run([*ssi, "--screenshot", str(tmp_path / "a.svg")], env=env,
                           check=True, capture_output=True)
    assert first.returncode == 0 and Path(f"{db}.frame").exists()
    again = subprocess.run([sys.executable, "-X", "importtime", *ssi[1:], "--screenshot",
                            str(tmp_path / "b.svg")], env=env, check=True,
                           capture_output=True, text=True)
    loaded = loaded_modules(again.stderr)
    assert not HEAVY & loaded
    commands = {name for name in loaded if name.startswith("ssi_tui.commands.")}
    assert commands == {"ssi_tui.commands.context", "ssi_tui.commands.launch"}  # no other
    assert (tmp_path / "a.svg").read_text() == (tmp_path / "b.svg").read_text()


def test_a_bad_config_still_names_the_key_in_one_line(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[scoring]\nactivity_window_days = 3\n")
    env = dict(os.environ, SSI_TUI_CONFIG=str(config))
    for args in (["status"], ["--screenshot", str(tmp_path / "x.svg")]):
        result = subprocess.run([sys.executable, "-m", "ssi_tui", "--db",
                                 str(tmp_path / "j.db"), *args], env=env,
                                capture_output=True, text=True, check=False)
        assert result.returncode == 1, result.stderr
        assert result.stderr.count("\n") == 1 and "scoring.activity_window_days" in result.stderr
        assert "Traceback" not in result.stderr


def test_the_daily_backup_is_taken_beside_the_first_frame(journal: Journal) -> None:
    from ssi_tui.commands.launch import backup_in_background
    from ssi_tui.journal.backups import backups_dir

    journal.log_event(kind="login")
    thread = backup_in_background(journal.path, journal.settings)
    assert not thread.daemon  # quitting at once waits for the copy, never half a file
    thread.join(30)
    copies = list(backups_dir(journal.path).glob("*-daily-*.db"))
    assert len(copies) == 1 and copies[0].stat().st_size > 0


CONFIG = ('day_start_hour = 6\n[keymap]\n"log.search" = "f2"\n'
          '[scoring]\ntarget_total = 80\n')


def test_a_config_file_checked_at_the_last_start_loads_without_pydantic(
        tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(CONFIG)
    code = ("import sys\nfrom ssi_tui.default_settings import load_settings\n"
            "s = load_settings()\nprint(s.day_start_hour, s.keymap)\n"
            "print('pydantic' in sys.modules)\nprint(s.scoring.target_total)\n")
    env = dict(os.environ, SSI_TUI_CONFIG=str(config))
    runs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                           text=True, check=True).stdout.splitlines() for _ in range(2)]
    assert runs[0] == ["6 {'log.search': 'f2'}", "True", "80.0"]  # validated the first time
    assert runs[1] == ["6 {'log.search': 'f2'}", "False", "80.0"]  # then remembered


def test_a_changed_config_file_is_validated_again(tmp_path: Path) -> None:
    from ssi_tui.default_settings import ConfigError, fingerprint, load_settings

    config = tmp_path / "config.toml"
    config.write_text(CONFIG)
    first, again = load_settings(config), load_settings(config)
    assert fingerprint(first) == fingerprint(again) != fingerprint(DefaultSettings())
    config.write_text(CONFIG.replace("6", "30"))
    with pytest.raises(ConfigError, match="day_start_hour"):
        load_settings(config)
    config.write_text(CONFIG.replace("80", "85"))
    changed = load_settings(config)
    assert changed.scoring.target_total == 85 and fingerprint(changed) != fingerprint(first)


def test_the_team_table_is_validated_before_the_app_only_when_the_file_has_one(
        tmp_path: Path) -> None:
    from ssi_tui.default_settings import has_team_table, load_settings

    config = tmp_path / "config.toml"
    config.write_text(CONFIG)
    assert not has_team_table(DefaultSettings()) and not has_team_table(load_settings(config))
    config.write_text(CONFIG + '[team]\nshare_to = "/tmp/team"\n')
    assert has_team_table(load_settings(config))
    assert load_settings(config).team.share_to == "/tmp/team"


def test_a_change_to_the_validating_rules_checks_the_file_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ssi_tui.default_settings as ds

    rules = tmp_path / "rules.py"
    rules.write_text("")
    monkeypatch.setattr(ds, "RULES", (str(rules),))
    config = tmp_path / "config.toml"
    config.write_text(CONFIG)
    ds.load_settings(config)
    assert "scoring" not in vars(ds.load_settings(config))  # remembered: tables not yet checked
    os.utime(rules, ns=(0, 0))  # an upgrade or a checkout of the rules
    assert "scoring" in vars(ds.load_settings(config))  # the whole file validated again
