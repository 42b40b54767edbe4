"""`ssi-tui undo`, `redo` and `history` (issue 14, item 5): the last change made from the
command line, whatever its kind, undone exactly; the app's changes are not the CLI's."""

from __future__ import annotations

import json
from pathlib import Path

from cli_runner import run

from ssi_tui.journal import open_journal


def test_undo_redo_history(db_path: Path) -> None:
    assert run("indicators", "--connections", "800").exit_code == 0
    assert run("indicators", "--connections", "810").exit_code == 0
    out = run("undo")
    assert out.exit_code == 0 and "Undid change #2: weekly indicators" in out.output
    j = open_journal(db_path)
    assert j.indicators()[0].connections == 800
    j.close()
    assert "Redid change #2" in run("redo").output
    assert "Nothing to redo" in run("redo").output
    lines = run("history").output.splitlines()
    assert lines[0].startswith("#4") and "redo of change #2" in lines[0]
    assert "undo of change #2" in lines[1]
    data = json.loads(run("history", "--json").output)
    assert [c["action"] for c in data] == ["redo", "undo", "indicators", "indicators"]
    assert data[3]["surface"] == "cli" and data[3]["window"] == "cli"


def test_cli_undo_leaves_the_app_windows_changes(db_path: Path) -> None:
    app = open_journal(db_path, window="app-1")
    app.log_event(kind="like", surface="key")
    assert "Nothing to undo" in run("undo").output
    assert len(app.events()) == 1
    result = run("undo", "--id", "1")  # any change, by its number
    assert result.exit_code == 0 and "like" in result.output
    assert app.events() == []
    app.close()


def test_undo_errors_are_one_line(db_path: Path) -> None:
    run("log", "login")
    result = run("undo", "--id", "9")
    assert result.exit_code == 1 and "No change with that number" in result.output
    run("undo")
    result = run("undo", "--id", "1")
    assert result.exit_code == 1 and "already undone" in result.output
    assert run("redo", "--id", "2").exit_code == 1  # an undo is not redone itself


def test_profile_with_several_items_is_one_change(db_path: Path) -> None:
    result = run("profile", "photo", "banner", "headline", "--done")
    assert result.exit_code == 0 and "[x] headline" in result.output
    lines = run("history").output.splitlines()
    assert len(lines) == 1 and "profile checklist (3 items)" in lines[0]
    assert "profile checklist (3 items)" in run("undo").output
    j = open_journal(db_path)
    assert [i.key for i in j.profile() if i.done] == []
    assert "Redid change #1" in run("redo").output
    assert [i.key for i in j.profile() if i.done] == ["photo", "banner", "headline"]
    j.close()
    assert run("profile", "photo", "--undone").exit_code == 0  # one item: its own words
    assert run("history", "-n", "1").output.rstrip().endswith("cli             unticked "
                                                             "Profile photo")


def test_profile_with_a_bad_day_writes_none_of_the_items(db_path: Path) -> None:
    result = run("profile", "photo", "banner", "--done", "--day", "2099-01-01")
    assert result.exit_code == 2 and "day" in result.output
    assert "No changes yet" in run("history").output
