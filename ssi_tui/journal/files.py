"""Copies of the journal file: on demand, the automatic daily one, and restore."""

from __future__ import annotations

from pathlib import Path

from ssi_tui.journal.base import JournalBase
from ssi_tui.journal.connection import backup_to
from ssi_tui.journal.days import utc_now


class Files(JournalBase):
    def backup(self, dest: Path | None = None) -> Path:
        """A consistent copy, safe while the app is open (SQLite's online backup API)."""
        if dest is None:
            stamp = utc_now().strftime("%Y%m%dT%H%M%S")
            dest = self.path.parent / "backups" / f"journal-{stamp}.db"
        return backup_to(self.conn, Path(dest))

    def daily_backup(self) -> Path | None:
        """The automatic backup of the first launch of each day (the last 7 are kept)."""
        from ssi_tui.journal.backups import daily_backup

        return daily_backup(self.conn, self.path, self.today().isoformat())

    def restore(self, source: Path) -> Path:
        """Replace the journal with a backup; returns where the current content was kept."""
        from ssi_tui.journal.backups import restore

        return restore(self.conn, self.path, Path(source))
