"""Faults a real machine throws at the journal: a full disk, huge and hostile input, bad
config, and the CLI's backup/restore. Each must end in a clear message and lose nothing."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from ssi_tui.cli import cli
from ssi_tui.journal import InputError, Journal, JournalError, open_journal


def fill_disk(journal: Journal) -> None:
    """SQLite's page cap is a faithful stand-in for a full disk: writes fail with SQLITE_FULL."""
    pages = journal.conn.execute("PRAGMA page_count").fetchone()[0]
    journal.conn.execute(f"PRAGMA max_page_count = {pages}")


def test_full_disk_is_reported_and_nothing_saved_is_damaged(journal: Journal) -> None:
    saved = [journal.log_event(kind="search", note=f"kept {i}") for i in range(5)]
    fill_disk(journal)
    with pytest.raises(JournalError, match="could not save") as err:
        for i in range(2000):
            journal.log_event(kind="comment", note="x" * 3000 + str(i))
    assert "\n" not in str(err.value)
    journal.conn.execute("PRAGMA max_page_count = 1073741823")
    notes = {e.note for e in journal.events() if e.kind == "search"}
    assert notes == {e.note for e in saved}
    assert journal.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_app_keeps_running_when_the_disk_is_full(journal: Journal, frozen_clock: str) -> None:
    from ssi_tui.tui.app import SsiApp

    journal.log_event(kind="login")
    notes: list[str] = []

    async def run() -> None:
        app = SsiApp(journal)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            fill_disk(journal)
            with pytest.raises(JournalError):  # use up the last free bytes of the last page
                for _ in range(100_000):
                    journal.log_event(kind="like")
            await pilot.press("s")
            await pilot.pause()
            notes.extend(n.message for n in app._notifications)
            assert app.is_running
            journal.conn.execute("PRAGMA max_page_count = 1073741823")
            await pilot.press("s")
            await pilot.pause()

    asyncio.run(run())
    assert any("could not save" in n for n in notes)
    assert [e.kind for e in journal.events(kind="login")] == ["login"]
    assert len(journal.events(kind="search")) == 1  # once the disk had room again


def test_huge_note_is_refused_and_nothing_written(journal: Journal) -> None:
    with pytest.raises(InputError) as err:
        journal.log_event(kind="comment", note="x" * 1_000_000)
    assert err.value.field == "note"
    assert journal.events() == []


@settings(max_examples=60, deadline=None)
@given(count=st.one_of(st.integers(), st.text(max_size=8), st.floats(allow_nan=True)),
       degree=st.one_of(st.none(), st.integers(-5, 9), st.text(max_size=3)),
       note=st.one_of(st.none(), st.text(max_size=50)))
def test_any_event_input_is_stored_or_refused_cleanly(tmp_path_factory, count, degree,
                                                      note) -> None:
    journal = open_journal(tmp_path_factory.mktemp("in") / "j.db")
    try:
        event = journal.log_event(kind="profile_view", count=count, degree=degree, note=note)
    except InputError as exc:
        assert exc.field in {"count", "degree", "note"} and "\n" not in str(exc)
        assert journal.events() == []
    else:
        assert journal.events() == [event] or journal.events()[0].id == event.id
    finally:
        journal.close()


@pytest.mark.parametrize(
    ("config", "key"),
    [
        ("day_start_hour = 30\n", "day_start_hour"),
        ("colour = 'blue'\n", "colour"),
        ("[scoring]\nactivity_window_days = 'four weeks'\n", "scoring.activity_window_days"),
        ("[scoring.terms.searches]\ntarget = -3\n", "scoring.terms.searches.target"),
        ("timezone = 'Mars/Olympus'\n", "timezone"),
        ("day_start_hour = \n", "not valid TOML"),
    ],
)
def test_bad_config_names_the_key(tmp_path: Path, config: str, key: str) -> None:
    (tmp_path / "config.toml").write_text(config)
    result = CliRunner().invoke(cli, ["status"])
    assert result.exit_code == 1
    assert key in result.output and result.output.count("\n") <= 1


def test_backup_command_and_restore(tmp_path: Path, db_path: Path) -> None:
    runner = CliRunner()
    runner.invoke(cli, ["log", "login"])
    dest = tmp_path / "copy.db"
    result = runner.invoke(cli, ["backup", str(dest)])
    assert result.exit_code == 0 and dest.exists()
    runner.invoke(cli, ["log", "search"])
    result = runner.invoke(cli, ["restore", str(dest), "--yes"])
    assert result.exit_code == 0, result.output
    export = runner.invoke(cli, ["export"]).output
    assert "login" in export and "search" not in export
    result = runner.invoke(cli, ["restore", str(tmp_path / "nope.db"), "--yes"])
    assert result.exit_code == 2


def test_a_really_full_disk(tmp_path: Path) -> None:
    """A 512 KiB filesystem (tmpfs, mounted for the test) fills up for real (the schema with
    its history of changes takes about 100 KiB before the first entry)."""
    import os
    import shutil
    import subprocess

    mount = tmp_path / "tiny"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None or subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)],
        capture_output=True, check=False,
    ).returncode != 0:
        pytest.skip("cannot mount a tiny filesystem here")
    try:
        journal = open_journal(mount / "journal.db")
        saved = [journal.log_event(kind="search", note=f"kept {i}") for i in range(3)]
        with pytest.raises(JournalError) as err:
            for i in range(10_000):
                journal.log_event(kind="comment", note="z" * 3000 + str(i))
        assert "\n" not in str(err.value)
        assert {e.note for e in journal.events(kind="search")} == {e.note for e in saved}
        journal.close()
        reopened = open_journal(mount / "journal.db")
        assert len(reopened.events(kind="search")) == 3
        reopened.close()
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True, check=False)
