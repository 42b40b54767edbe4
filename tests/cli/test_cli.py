"""Every subcommand with valid and invalid input, against real journal files (click's runner)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import click
import pytest
from cli_runner import run

from ssi_tui.cli import cli
from ssi_tui.journal import open_journal


def events(db: Path) -> list[tuple]:
    j = open_journal(db)
    try:
        return [(e.kind, e.count, e.degree) for e in j.events()]
    finally:
        j.close()


def test_version_and_help() -> None:
    assert "ssi-tui, version" in run("--version").output
    assert "log" in run("--help").output


def every_command() -> dict[str, click.Command]:
    """Each listed subcommand, resolved (its module imported) as click does to run it."""
    ctx = click.Context(cli)
    return {name: cli.get_command(ctx, name) for name in cli.list_commands(ctx)}


def test_every_command_has_help_text() -> None:
    for name, command in every_command().items():
        assert command.help, f"{name} has no help"
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"{name} {param.name} has no help"


def test_a_command_imported_when_asked_shows_the_help_it_had_when_imported_first() -> None:
    """In French too: click words a path's metavar (FILE) when the command is defined, which
    is now after the language is set; the help must not change with that."""
    run_it = ("from ssi_tui.cli import main\n"
              "sys.argv = ['ssi-tui', '--lang', 'fr', 'export', '--help']\nmain()")
    eager, lazy = "import sys, ssi_tui.commands.files\n" + run_it, "import sys\n" + run_it
    shown = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout for code in (eager, lazy)]
    assert shown[0] == shown[1] and "Écrire dans ce fichier" in shown[0]


def test_every_listed_command_resolves_and_none_is_left_out() -> None:
    """The lazy list names each command of ssi_tui/commands/ once, under its own name: none
    fails to import, none defined there is missing from it."""
    import importlib
    import pkgutil

    import ssi_tui.commands

    resolved = every_command()
    assert all(isinstance(command, click.Command) for command in resolved.values())
    assert all(command.name == name for name, command in resolved.items())
    subcommands = {id(sub) for command in resolved.values()
                   if isinstance(command, click.Group) for sub in command.commands.values()}
    defined = {id(value) for info in pkgutil.iter_modules(ssi_tui.commands.__path__)
               for value in vars(importlib.import_module(f"ssi_tui.commands.{info.name}")
                                 ).values()
               if isinstance(value, click.Command) and id(value) not in subcommands}
    assert defined == {id(command) for command in resolved.values()}


def test_log_writes_and_says_what(db_path: Path) -> None:
    result = run("log", "profile_view", "5", "--degree", "3")
    assert result.exit_code == 0, result.output
    assert "5 × profile view (3rd)" in result.output
    assert events(db_path) == [("profile_view", 5, 3)]


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["log", "dance"], "KIND"),
        (["log", "search", "0"], "COUNT"),
        (["log", "search", "--degree", "4"], "--degree"),
        (["log", "search", "--degree", "3"], "degree"),
        (["log", "search", "--day", "23/11/2026"], "--day"),
        (["log", "search", "--day", "2099-01-01"], "day"),
        (["log", "like", "--note", "a\x01b"], "note"),
        (["invite"], "personalized"),
        (["outcome", "1", "accepted"], "id"),
        (["outcome", "1", "married"], "STAGE"),
        (["reading", "30", "1", "1", "1"], "brand"),
        (["reading", "x", "1", "1", "1"], "BRAND"),
        (["indicators"], "indicators"),
        (["indicators", "--connections", "-3"], "connections"),
        (["profile", "photo"], "done"),
    ],
)
def test_bad_input_is_one_line_exit_2_nothing_written(
    db_path: Path, args: list[str], field: str
) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and field in lines[0], result.output
    assert "Traceback" not in result.output
    if db_path.exists():
        assert events(db_path) == []


def test_invite_outcome_and_undo(db_path: Path) -> None:
    inv_id = run("invite", "--personalized", "--variant", "A", "--contact", "Ada").output.strip()
    assert inv_id == "1"
    run("log", "search")
    assert run("outcome", inv_id, "exchange").exit_code == 0
    # issue 14 item 5: undo takes the last write (the outcome), not the last event
    assert "invitation #1: exchange" in run("undo").output
    assert "search" in run("undo").output
    assert "invitation #1" in run("undo").output
    assert "Nothing to undo" in run("undo").output


def test_reading_indicators_profile(db_path: Path) -> None:
    result = run("reading", "12.275", "10", "9.35", "11", "--network-rank", "4")
    assert "42.625/100" in result.output
    assert run("indicators", "--profile-views-90d", "610", "--connections", "812").exit_code == 0
    out = run("profile", "photo", "--done").output
    assert "[x] photo" in out and "[ ] banner" in out


def test_status_json_shape(db_path: Path, frozen_clock: str) -> None:
    run("log", "login")
    run("log", "search", "2")
    data = json.loads(run("status", "--json").output)
    assert data["day"] == "2026-11-23"
    assert set(data["pillars"]) == {"brand", "people", "insights", "relationships"}
    assert data["total"] == pytest.approx(sum(data["pillars"].values()), abs=0.05)
    assert set(data["reach"]) >= {"band", "multiplier"}
    assert data["streak"] == 1
    searches = [t for t in data["todos"] if t["title"] == "Searches"]
    assert searches and searches[0]["progress"] == 2
    assert isinstance(data["warnings"], list)
    assert "SSI" in run("status", "--line").output
    assert "Find the right people" in run("status").output


def test_export_import_round_trip(tmp_path: Path, db_path: Path) -> None:
    run("log", "comment", "--note", "=SUM(A1)", "--contact", "Zoé, \"the\" boss")
    run("log", "like", "3")
    out = tmp_path / "events.csv"
    assert run("export", "-o", str(out), "--raw").exit_code == 0
    other = tmp_path / "other.db"
    result = run("--db", str(other), "import", str(out))
    assert result.exit_code == 0, result.output
    assert "Imported 2 events rows" in result.output
    assert run("--db", str(other), "export", "--raw").output == run("export", "--raw").output
    # default export defuses formulas
    assert "'=SUM(A1)" in run("export").output


def test_import_reports_bad_rows_and_writes_nothing(tmp_path: Path, db_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "id,day,kind,count,degree,contact,note,at\n"
        ",2026-11-20,search,2,,,,\n"
        ",2026-11-20,dance,1,,,,\n"
        ",2026-11-21,like,-4,,,,\n"
    )
    result = run("import", str(bad))
    assert result.exit_code == 2
    assert "line 3: kind" in result.output and "line 4: count" in result.output
    assert events(db_path) == []


def test_bad_journal_file_is_one_line_exit_1(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_text("hello")
    result = run("--db", str(junk), "status")
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "not an SQLite database" in result.output


def test_bad_config_names_the_key(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text("day_start_hour = 30\n")
    result = run("status")
    assert result.exit_code == 1 and "day_start_hour" in result.output


def test_demo_prints_path_and_is_separate(tmp_path: Path, frozen_clock: str) -> None:
    demo = tmp_path / "demo.db"
    result = run("demo", "--db", str(demo), "--print-path")
    assert result.exit_code == 0 and result.output.strip() == str(demo)
    data = json.loads(run("--db", str(demo), "status", "--json").output)
    assert data["total"] > 60
    study = json.loads(run("--db", str(demo), "invitations", "--json").output)
    assert study["arms"]["personalized"]["sent"] > 50 and study["arms"]["plain"]["sent"] > 50


def test_demo_on_a_fresh_machine_creates_its_data_folder(isolated: Path) -> None:
    """A first-time user's `ssi-tui demo` once failed: "…/ssi-tui: folder does not exist"."""
    from ssi_tui.paths import data_dir

    assert not data_dir().exists()
    result = run("demo", "--print-path")
    assert result.exit_code == 0, result.output
    assert Path(result.output.strip()) == data_dir() / "demo.db"
    assert (data_dir() / "demo.db").is_file()


def test_screenshot_of_the_demo_and_refused_for_a_command_without_screen(
        tmp_path: Path, frozen_clock: str) -> None:
    """`--screenshot F demo` once opened the demo interactively, the option silently dropped."""
    shot, demo = tmp_path / "demo.svg", tmp_path / "demo.db"
    result = run("--screenshot", str(shot), "--size", "80x24", "demo", "--db", str(demo))
    assert result.exit_code == 0, result.output
    assert "</svg>" in shot.read_text(encoding="utf-8")
    result = run("--screenshot", str(tmp_path / "s.svg"), "status")
    assert result.exit_code == 2
    assert "--screenshot: status opens no screen" in result.output
    assert not (tmp_path / "s.svg").exists()


def test_an_explicit_journal_in_a_missing_folder_is_still_refused(tmp_path: Path) -> None:
    """Bad input: exit 2 naming `--db`, before or after the command, and nothing created."""
    nowhere = tmp_path / "nowhere"
    for args in (("--db", str(nowhere / "j.db"), "status"),
                 ("status", "--db", str(nowhere / "j.db"))):
        result = run(*args)
        assert result.exit_code == 2
        assert result.output == (f"Error: Invalid value for '--db': folder {nowhere} does not "
                                 "exist\n")
    assert not nowhere.exists()


def test_python_m_and_console_script_work(db_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "ssi_tui", "--version"], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0 and "ssi-tui" in result.stdout
    result = subprocess.run([sys.executable, "-m", "ssi_tui", "log", "nope"], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_status_json_accuracy_and_forecast_on_the_demo(tmp_path: Path, frozen_clock: str) -> None:
    demo = tmp_path / "demo.db"
    run("demo", "--db", str(demo), "--print-path")
    data = json.loads(run("--db", str(demo), "status", "--json").output)
    accuracy = data["accuracy"]
    assert accuracy["readings"] >= 4 and accuracy["mae_total"] is not None
    assert set(accuracy["mae_pillars"]) == {"brand", "people", "insights", "relationships"}
    assert "bias_total" in accuracy
    assert set(data["forecast"]) >= {"target", "expected_day", "earliest", "latest", "pace_days"}
    assert data["forecast"]["pace_days"] == 28  # 180 days of habits: the last 28 are the pace
    assert data["forecast"]["target"] == 75
    assert data["shown"] in ("calibrated", "model")
    cal = json.loads(run("--db", str(demo), "calibrate", "--json").output)
    assert cal["readings"] >= 4 and cal["mae_after_loo"] < cal["mae_before"]
    assert "dropped" in run("--db", str(demo), "calibrate", "--reset").output
    assert json.loads(run("--db", str(demo), "status", "--json").output)["shown"] == "model"


@pytest.mark.parametrize(("args", "field"), [
    (["--size", "abc", "--screenshot", "x.svg"], "size"),
    (["--size", "5x5", "--screenshot", "x.svg"], "size"),
    (["--screenshot", "/nonexistent/folder/x.svg"], "screenshot"),
])
def test_bad_screenshot_options(args: list[str], field: str) -> None:
    result = run(*args)
    assert result.exit_code == 2 and field in result.output and "Traceback" not in result.output


def test_screenshot_of_each_screen(tmp_path: Path, frozen_clock: str) -> None:
    for screen in ("dashboard", "journal", "trends", "invitations", "help"):
        target = tmp_path / f"{screen}.svg"
        result = run("--screenshot", str(target), "--size", "80x24", "--screen", screen)
        assert result.exit_code == 0, result.output
        assert "<svg" in target.read_text()[:200]


def test_prompt_line_is_cached_until_something_changes(db_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SSI_TUI_NOW", "2026-11-23T09:30:00Z")
    run("log", "search")
    first = run("status", "--line").output
    assert first.startswith("SSI ") and "to do" in first
    cache = db_path.with_name(db_path.name + ".line")
    data = json.loads(cache.read_text())
    data["line"] = "SSI from the cache"
    cache.write_text(json.dumps(data))
    assert run("status", "--line").output.strip() == "SSI from the cache"  # a hit: no model
    monkeypatch.setenv("SSI_TUI_NOW", "2026-11-24T03:01:00Z")  # 04:01 in Paris: a new day
    assert run("status", "--line").output.strip() != "SSI from the cache"
    data = json.loads(cache.read_text())
    data["line"] = "SSI stale"
    cache.write_text(json.dumps(data))
    run("log", "search", "3")  # the journal changed
    assert run("status", "--line").output.strip() != "SSI stale"
    cache.write_text("not json")
    assert run("status", "--line").output.startswith("SSI ")


def test_invitations_honour_a_configured_pending_days(tmp_path: Path, db_path: Path,
                                                       frozen_clock: str) -> None:
    """`pending_days` set to 2 in the config: invitations 3 days old are judged on the command
    line as they are in the app (the study has one home, views.study.journal_study)."""
    for n in range(4):
        run("invite", "--personalized" if n % 2 else "--plain", "--day", "2026-11-20")
    before = json.loads(run("invitations", "--json").output)
    assert before["arms"]["plain"]["pending"] == 2 and before["arms"]["plain"]["judged"] == 0
    (tmp_path / "config.toml").write_text("[scoring]\npending_days = 2\n")
    after = json.loads(run("invitations", "--json").output)
    assert after["pending_days"] == 2
    assert after["arms"]["plain"] == {**after["arms"]["plain"], "sent": 2, "judged": 2,
                                      "accepted": 0, "pending": 0}
    assert set(after["tests"]) == {"acceptance", "exchange", "call", "meeting", "contract"}
    assert after["tests"]["acceptance"]["method"] == "fisher"


def test_the_gate_follows_an_official_reading(db_path: Path, frozen_clock: str) -> None:
    """Model brand 20 (complete profile, articles), an official reading of 18 today: no posting
    or engagement to-do, and the warning says 18 from the reading; `reading 23 6 3 5` opens it."""
    from ssi_tui.domain import PROFILE_ITEMS

    j = open_journal(db_path)
    today = j.today()
    for key in PROFILE_ITEMS:
        j.set_profile_item(key, True, today - timedelta(days=60))
    j.log_event(kind="article", count=2, day=today - timedelta(days=3))
    j.close()
    data = json.loads(run("status", "--json").output)
    assert data["model_pillars"]["brand"] == 20.0 and data["gate"]["source"] == "model"
    assert {"likes", "comments", "post"} <= {t["key"] for t in data["todos"]}
    run("reading", "18", "6", "3", "5")
    data = json.loads(run("status", "--json").output)
    assert data["gate"] == {"brand": 18.0, "source": "reading"}
    keys = {t["key"] for t in data["todos"]}
    assert not keys & {"likes", "comments", "shares", "post"} and "article" in keys
    assert any(w.startswith("Brand at 18 (official reading), below 20") for w in data["warnings"])
    run("reading", "23", "6", "3", "5")
    data = json.loads(run("status", "--json").output)
    assert data["gate"] == {"brand": 23.0, "source": "reading"}
    assert {"likes", "comments", "post"} <= {t["key"] for t in data["todos"]}
    assert not any(w.startswith("Brand") for w in data["warnings"])


def test_status_json_terms_todo_keys_actions_and_one_count(db_path: Path,
                                                           frozen_clock: str) -> None:
    run("log", "search", "3")
    data = json.loads(run("status", "--json").output)
    terms = data["terms"]
    assert set(terms["acceptance_rate"]) == {"pillar", "points", "weight", "value", "target",
                                             "source"}
    assert terms["acceptance_rate"]["source"] == "article" and terms["likes"]["source"] == \
        "project"
    todo = {t["key"]: t for t in data["todos"]}
    assert todo["searches"]["action"] == ["log", "search"] and todo["searches"]["done"]
    assert todo["views_3rd"]["action"] == ["log", "profile_view", "--degree", "3"]
    assert todo["reading"]["action"] is None
    assert todo["profile:photo"]["action"] == ["profile", "photo", "--done"]
    left = sum(1 for t in data["todos"] if not t["done"])
    assert data["todos_left"] == left
    assert f"· {left} to do" in run("status", "--line").output
    assert f"To do today ({left} left):" in run("status").output


def test_profile_item_can_be_backdated(db_path: Path, frozen_clock: str) -> None:
    result = run("profile", "photo", "--done", "--day", "2026-10-01")
    assert result.exit_code == 0
    j = open_journal(db_path)
    item = {i.key: i for i in j.profile()}["photo"]
    j.close()
    assert item.done and item.day.isoformat() == "2026-10-01"
    assert run("profile", "photo", "--done", "--day", "2031-01-01").exit_code == 2  # future


def test_a_count_far_above_the_users_norm_needs_yes(db_path: Path, frozen_clock: str) -> None:
    assert run("log", "like", "12").exit_code == 0  # the norm: 12 in a day
    result = run("log", "like", "10000")
    assert result.exit_code == 2 and "--yes" in result.output
    assert "largest day of like so far (12)" in result.output
    assert sum(n for k, n, _ in events(db_path) if k == "like") == 12  # nothing written
    assert run("log", "like", "60").exit_code == 0  # not above 5 × 12
    assert run("log", "like", "10000", "--yes").exit_code == 0
    assert run("log", "search", "40").exit_code == 0  # 50 or fewer never asks
