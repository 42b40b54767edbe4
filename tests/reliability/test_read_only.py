"""A journal that cannot be written (a read-only file system, a read-only or immutable file)
opens read-only: the app and the reports work from it, and a write says "the journal is
read-only", never that it is damaged. The file is left byte for byte as it was.

Tests run as root here, who can write any file: the read-only file system is simulated at the
one place that asks (`connection.is_writable`), and SQLite itself then refuses every write; the
immutable folder (chattr +i, where available) is the real thing."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_runner import run
from pilot import drive

from ssi_tui.config import Settings
from ssi_tui.journal import JournalError, open_journal


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def written(db_path: Path) -> Path:
    journal = open_journal(db_path, Settings(timezone="Europe/Paris"))
    journal.log_event(kind="search", count=2)
    journal.add_reading(brand=10, people=11, insights=12, relationships=13)
    journal.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    journal.close()
    return db_path


@pytest.fixture
def read_only_fs(written: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """As if the journal's file system were mounted read-only."""
    from ssi_tui.journal import connection

    monkeypatch.setattr(connection, "is_writable", lambda path: False)
    before = digest(written)
    yield written
    assert digest(written) == before


def test_reads_work_and_a_write_says_read_only(read_only_fs: Path) -> None:
    journal = open_journal(read_only_fs, Settings(timezone="Europe/Paris"))
    try:
        assert [r.total for r in journal.readings()] == [46]
        with pytest.raises(JournalError) as caught:
            journal.log_event(kind="login")
        assert str(caught.value) == f"{read_only_fs}: the journal is read-only; nothing was written"
        assert "damaged" not in str(caught.value)
    finally:
        journal.close()


def test_the_command_line_reports_and_refuses_writes(read_only_fs: Path) -> None:
    status = run("status", "--json")
    assert status.exit_code == 0, status.output
    assert run("export", "readings").output.splitlines()[1].startswith("20")
    logged = run("log", "login")
    assert logged.exit_code == 1
    assert "the journal is read-only; nothing was written" in logged.output
    assert "damaged" not in logged.output


def test_the_app_opens_and_a_key_says_read_only(read_only_fs: Path,
                                                 frozen_clock: str) -> None:
    journal = open_journal(read_only_fs, Settings(timezone="Europe/Paris"))
    seen: list[str] = []

    async def scenario(app, pilot) -> None:
        await pilot.press("s")
        await pilot.pause()
        seen.extend(n.message for n in app._notifications)

    try:
        drive(journal, scenario)
    finally:
        journal.close()
    assert any("the journal is read-only" in message for message in seen)


def chattr(flag: str, path: Path) -> bool:
    if shutil.which("chattr") is None:
        return False
    return subprocess.run(["chattr", flag, str(path)], capture_output=True,
                          check=False).returncode == 0


def test_an_immutable_folder_opens_read_only(written: Path) -> None:
    """No write-ahead index can be made beside the file: SQLite's read-only mode alone fails,
    the journal is opened as immutable instead."""
    for leftover in written.parent.glob(f"{written.name}-*"):
        leftover.unlink()
    before = digest(written)
    if not chattr("+i", written.parent):
        pytest.skip("chattr +i is not available on this filesystem")
    try:
        journal = open_journal(written, Settings(timezone="Europe/Paris"))
        try:
            assert [r.total for r in journal.readings()] == [46]
            with pytest.raises(JournalError, match="the journal is read-only"):
                journal.add_reading(brand=1, people=1, insights=1, relationships=1)
        finally:
            journal.close()
    finally:
        chattr("-i", written.parent)
    assert digest(written) == before
