"""Bad journal files are refused with one line, and left byte-for-byte untouched."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from ssi_tui.journal import JournalError, open_journal


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_empty(p: Path) -> None:
    p.write_bytes(b"")


def make_text(p: Path) -> None:
    p.write_text("Dear diary,\nthis is not a database.\n")


def make_other_program(p: Path) -> None:
    conn = sqlite3.connect(p)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    conn.commit()
    conn.close()


def make_newer(p: Path) -> None:
    j = open_journal(p)
    j.log_event(kind="login")
    j.conn.execute("PRAGMA user_version = 99")
    j.close()


def make_truncated(p: Path) -> None:
    j = open_journal(p)
    for _ in range(300):
        j.log_event(kind="search", note="x" * 200)
    j.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    j.conn.execute("PRAGMA journal_mode = DELETE")
    j.close()
    data = p.read_bytes()
    p.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize(
    ("maker", "words"),
    [
        (make_empty, "empty"),
        (make_text, "not an SQLite database"),
        (make_other_program, "another program"),
        (make_newer, "newer ssi-tui"),
        (make_truncated, "damaged"),
    ],
)
def test_bad_file_is_refused_and_untouched(tmp_path: Path, maker, words: str) -> None:
    path = tmp_path / "bad.db"
    maker(path)
    before = digest(path)
    with pytest.raises(JournalError) as err:
        open_journal(path)
    message = str(err.value)
    assert words in message and "\n" not in message
    assert digest(path) == before


def test_read_only_file_opens_read_only(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    open_journal(path).close()
    os.chmod(path, 0o400)
    before = digest(path)
    if os.access(path, os.W_OK):
        pytest.skip("running as a user who can write anything (root)")
    journal = open_journal(path)
    try:
        assert journal.readings() == []
        with pytest.raises(JournalError, match="the journal is read-only; nothing was written"):
            journal.log_event(kind="login")
    finally:
        journal.close()
    assert digest(path) == before


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(JournalError, match="folder does not exist"):
        open_journal(tmp_path / "nowhere" / "journal.db")
    assert not (tmp_path / "nowhere").exists()


def chattr(flag: str, path: Path) -> bool:
    if shutil.which("chattr") is None:
        return False
    return subprocess.run(["chattr", flag, str(path)], capture_output=True,
                          check=False).returncode == 0


def test_immutable_file_opens_read_only_even_for_root(tmp_path: Path) -> None:
    """Root can write any file, except one marked immutable: the faithful read-only case."""
    path = tmp_path / "journal.db"
    j = open_journal(path)
    j.log_event(kind="login")
    j.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    j.close()
    for leftover in tmp_path.glob("journal.db-*"):
        leftover.unlink()
    before = digest(path)
    if not chattr("+i", path):
        pytest.skip("chattr +i is not available on this filesystem")
    try:
        journal = open_journal(path)
        try:
            assert [e.kind for e in journal.events()] == ["login"]
            with pytest.raises(JournalError, match="the journal is read-only; nothing was"):
                journal.log_event(kind="login")
        finally:
            journal.close()
        assert digest(path) == before
    finally:
        chattr("-i", path)


def test_immutable_folder_cannot_take_a_new_journal(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    if not chattr("+i", folder):
        pytest.skip("chattr +i is not available on this filesystem")
    try:
        with pytest.raises(JournalError, match="cannot create the journal"):
            open_journal(folder / "journal.db")
    finally:
        chattr("-i", folder)
