"""The application service: one open journal, the status built from it, the day entries go
to, and every write the two faces make. The command line and the app call this and only
render what it returns; it raises the journal's InputError / JournalError for them to word.

No Textual here and no click: a face owns its widgets and its exit codes, the service owns
what happens to the journal and the model.
"""

from __future__ import annotations

import time
from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ssi_tui.config import Settings
    from ssi_tui.domain import Event, Reading
    from ssi_tui.journal import Journal
    from ssi_tui.journal.history import UndoResult
    from ssi_tui.model.calibration import Calibration
    from ssi_tui.views import Status, StatusBuilder


class Session:
    """What the faces do with one journal, typed, in one place."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self._builder: StatusBuilder | None = None
        self.status: Status | None = None
        """The last status built (None until the first build)."""
        self.log_day: date | None = None
        """The day entries go to while backfilling; None means today."""
        self.backfill_touched = 0.0

    @property
    def settings(self) -> Settings:
        return self.journal.settings

    @property
    def builder(self) -> StatusBuilder:
        if self._builder is None:
            from ssi_tui.views import StatusBuilder

            self._builder = StatusBuilder(self.journal)
        return self._builder

    def today(self) -> date:
        return self.journal.today()

    # -- reading --------------------------------------------------------------------------------

    def build_status(self, day: date | None = None, accuracy: bool = True) -> Status:
        """The status of `day` (default today); `accuracy=False` skips the readings' days for a
        quicker first frame."""
        self.status = self.builder.build(day, accuracy)
        return self.status

    def adopt(self, builder: StatusBuilder, status: Status) -> None:
        """Take a status built on another connection (the app's worker): its builder reads
        this session's journal from now on, so a key press patches it as usual."""
        builder.journal = self.journal
        self._builder, self.status = builder, status

    def rebuild_status(self) -> Status:
        """The status rebuilt from the file (after a change the builder cannot patch)."""
        self.builder.invalidate()
        return self.build_status()

    # -- writing -------------------------------------------------------------------------------

    def log_habit(self, kind: str, degree: int | None = None, count: int = 1,
                  surface: str | None = None, day: date | None = None,
                  contact: str | None = None, note: str | None = None) -> Event:
        """Log a habit on `day` (default: the day being logged). If a status is shown, only
        that day is re-read and re-estimated, whatever the size of the journal."""
        event = self.journal.log_event(kind=kind, count=count, degree=degree,
                                       day=day or self.log_day, contact=contact, note=note,
                                       surface=surface)
        if self.status is not None:
            self.status = self.builder.after_event(event.day, kind)
        if self.log_day is not None:
            self.backfill_touched = time.monotonic()
        return event

    def undo(self, change_id: int | None = None) -> UndoResult:
        """Undo this window's last change (or change `change_id`)."""
        result = self.journal.undo(change_id)
        if result.ok and self.status is not None:
            self.rebuild_status()
        return result

    def redo(self, change_id: int | None = None) -> UndoResult:
        """Redo what this window's last undo took back (or change `change_id`)."""
        result = self.journal.redo(change_id)
        if result.ok and self.status is not None:
            self.rebuild_status()
        return result

    def add_reading(self, **fields: object) -> Reading:
        """Record an official reading; call `refit` next (slow: the app runs it in a worker)."""
        return self.journal.add_reading(**fields)

    def refit(self) -> Calibration | None:
        """Fit the calibration to the readings again and store it."""
        from ssi_tui.views import refit

        return refit(self.journal)

    # -- the day being logged -------------------------------------------------------------------

    def move_log_day(self, days: int) -> date | None:
        """Backfill: move the day entries go to by `days` (never past today)."""
        today = self.today()
        day = (self.log_day or today) + timedelta(days=days)
        self.log_day = None if day >= today else day
        self.backfill_touched = time.monotonic()
        return self.log_day

    def snap_back(self) -> bool:
        """Return to today after `backfill_snap_minutes` idle; True if it did."""
        snap = self.settings.backfill_snap_minutes * 60
        if self.log_day is not None and time.monotonic() - self.backfill_touched > snap:
            self.log_day = None
            return True
        return False
