"""`ssi-tui share` and `ssi-tui team` end to end, through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_runner import run
from team_builders import rep_share

from ssi_tui.team import folder

REP_KEYS = {"name", "last_reading", "estimate", "change_7d", "change_28d", "streak",
            "todos_done_week"}
TOP_KEYS = {"day", "reps", "pillars", "team_pillars", "trend", "habits", "needs_help", "study",
            "complete", "skipped"}


@pytest.fixture
def private_journal(db_path: Path, frozen_clock: str) -> Path:
    """A journal with a contact, a note and a message variant that must never leave it."""
    result = run("log", "search", "3", "--contact", "Jane Doe", "--note", "secret note")
    assert result.exit_code == 0
    assert run("log", "login").exit_code == 0
    assert run("invite", "--personalized", "--variant", "A", "--contact", "John Roe",
               "--note", "met at expo https://example.com/x").exit_code == 0
    assert run("reading", "12.5", "10", "9", "11").exit_code == 0
    return db_path


def test_dry_run_prints_exactly_the_share_and_nothing_private(private_journal: Path,
                                                              team_dir: Path) -> None:
    result = run("share", "--to", str(team_dir), "--as", "alice", "--dry-run")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data.keys() == {"format", "rep", "first_day", "last_day", "counts", "readings",
                           "estimates", "indicators", "invitations"}
    assert {"day": "2026-11-23", "habit": "search", "count": 3} in data["counts"]
    assert data["invitations"][0].keys() == {"sent_day", "degree", "personalized", "variant",
                                             "accepted_day", "exchange_day", "call_day",
                                             "meeting_day", "contract_day"}
    for private in ("Jane", "secret", "John", "expo", "https://"):
        assert private not in result.output
    assert list(team_dir.iterdir()) == []  # nothing sent


def test_share_then_team_json_then_revoke(private_journal: Path, team_dir: Path) -> None:
    result = run("share", "--to", str(team_dir), "--as", "alice")
    assert result.exit_code == 0, result.output
    assert "Shared" in result.output and "as alice" in result.output
    assert run("share", "--to", str(team_dir), "--as", "alice").exit_code == 0  # idempotent
    folder.write_share(team_dir, rep_share("bob", days=60))
    result = run("team", "--from", str(team_dir), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data.keys() == TOP_KEYS
    assert {r["name"] for r in data["reps"]} == {"alice", "bob"}
    assert all(r.keys() == REP_KEYS for r in data["reps"])
    alice = next(r for r in data["reps"] if r["name"] == "alice")
    assert alice["last_reading"] == {"day": "2026-11-23", "total": 42.5}
    assert alice["streak"] == 1
    assert data["study"].keys() == {"arms", "strata", "cmh", "heterogeneity"}
    assert data["study"]["cmh"].keys() == {"statistic", "p_value", "odds_ratio"}
    assert data["study"]["heterogeneity"].keys() == {"p_value"}
    assert run("share", "--to", str(team_dir), "--as", "alice", "--revoke").exit_code == 0
    assert [p.name for p in team_dir.iterdir()] == ["bob.ssi-share"]
    again = run("share", "--to", str(team_dir), "--as", "alice", "--revoke")
    assert "Nothing of yours" in again.output


@pytest.mark.parametrize(("args", "field"), [
    (["share", "--to", "/nonexistent/folder"], "to:"),
    (["share", "--to", "postgresql:///x", "--as", "bob"], "as:"),
    (["share", "--to", "{dir}", "--as", "../evil"], "as:"),
    (["share", "--to", "{dir}", "--since", "2999-01-01"], "since:"),
    (["team"], "from:"),
    (["team", "--from", "{dir}", "--json", "--size", "big"], None),
    (["team", "add-rep", "bob", "--to", "{dir}"], "to:"),
    (["team", "init", "--to", "{dir}"], "to:"),
    (["team", "add-rep", "bob", "--to", "postgresql:///x", "--password-env", "NOPE_UNSET"],
     "password-env:"),
])
def test_bad_input_is_one_line_exit_2(args: list[str], field: str | None,
                                      team_dir: Path) -> None:
    result = run(*(a.replace("{dir}", str(team_dir)) for a in args))
    if field is None:  # --size only matters for the screen: --json ignores it
        assert result.exit_code == 0
        return
    assert result.exit_code == 2, result.output
    assert result.output.count("\n") == 1 and field in result.output
    assert list(team_dir.iterdir()) == []


def test_missing_source_folder_exits_1(tmp_path: Path) -> None:
    result = run("team", "--from", str(tmp_path / "nope"), "--json")
    assert result.exit_code == 1 and "does not exist" in result.output


def test_postgres_from_the_command_line(pg_db: str, private_journal: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    result = run("team", "init", "--to", pg_db)
    assert result.exit_code == 0 and "version 3" in result.output
    assert "already at version 3" in run("team", "init", "--to", pg_db).output
    monkeypatch.setenv("REP_PW", "s3cret")
    result = run("team", "add-rep", "carla", "--to", pg_db, "--password-env", "REP_PW")
    assert result.exit_code == 0 and "Created carla in ssi_rep" in result.output
    assert run("team", "add-manager", "boss", "--to", pg_db,
               input="pw1\npw1\n").exit_code == 0  # password from the prompt
    carla = pg_db.replace("admin:admin-secret@", "carla:s3cret@")
    result = run("share", "--to", carla)
    assert result.exit_code == 0, result.output
    assert "as carla" in result.output and "s3cret" not in result.output
    result = run("team", "--from", pg_db.replace("admin:admin-secret@", "boss:pw1@"), "--json")
    assert [r["name"] for r in json.loads(result.output)["reps"]] == ["carla"]
    result = run("share", "--to", pg_db.replace("admin-secret", "wrong"))
    assert result.exit_code == 1 and "password authentication failed" in result.output
