"""Backups: on demand, automatically once a day (the last 7 kept), and restore.

All copies go through SQLite's online backup API, so they are consistent even while the app or
another process is writing, and they are created 0600 in a 0700 folder.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ssi_tui.journal.connection import backup_to
from ssi_tui.journal.days import utc_now
from ssi_tui.journal.errors import JournalError

KEEP_DAILY = 7


def backups_dir(journal_path: Path) -> Path:
    return journal_path.parent / "backups"


def daily_backup(conn: sqlite3.Connection, journal_path: Path, day: str) -> Path | None:
    """Take today's automatic backup if there is none yet; keep the last 7. Never raises for
    disk trouble: a failed automatic backup must not stop the user from logging."""
    folder = backups_dir(journal_path)
    stem = journal_path.stem
    target = folder / f"{stem}-daily-{day}.db"
    if target.exists():
        return None
    try:
        backup_to(conn, target)
    except (OSError, sqlite3.Error, JournalError):
        return None
    dailies = sorted(folder.glob(f"{stem}-daily-*.db"))
    for old in dailies[:-KEEP_DAILY]:
        old.unlink(missing_ok=True)
    return target


def restore(conn: sqlite3.Connection, journal_path: Path, source: Path) -> Path:
    """Replace the journal's content with a backup's, keeping the current content as a backup.

    The copy happens through the backup API into the open connection, so other processes see
    either the old or the new journal, never half of each.
    """
    from ssi_tui.journal.connection import connect

    keep = backups_dir(journal_path) / (
        f"{journal_path.stem}-before-restore-{utc_now().strftime('%Y%m%dT%H%M%S')}.db"
    )
    checked = connect(source, create=False)  # refuses anything that is not a usable journal
    try:
        backup_to(conn, keep)
        checked.backup(conn)
    finally:
        checked.close()
    return keep


__all__ = ["backups_dir", "daily_backup", "restore"]
