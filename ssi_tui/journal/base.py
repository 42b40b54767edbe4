"""What every part of the journal facade shares: the open connection, the settings, the day,
the window this handle writes for, and the door to the one write path."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ssi_tui.i18n import _
from ssi_tui.i18n import day as day_text
from ssi_tui.journal.days import journal_day, utc_now
from ssi_tui.journal.errors import ChangedSince, InputError
from ssi_tui.journal.writes import CLI_WINDOW, Recorder, change

if TYPE_CHECKING:
    from sqlite_utils import Database

    from ssi_tui.config import Settings


class JournalBase:
    """One open journal file, written for one window (`window`): every write is validated,
    then committed through `_change` before returning."""

    def __init__(self, conn: sqlite3.Connection, path: Path, settings: Settings | None,
                 window: str = CLI_WINDOW, surface: str = "cli") -> None:
        self.conn = conn
        self.path = path
        self._settings = settings
        self.window = window
        """Whose changes these are: `u` and `ssi-tui undo` take back their own window's."""
        self.surface = surface
        """The surface a write comes from when the caller does not say (key, form, cli...)."""

    @property
    def settings(self) -> Settings:
        """The settings given, else the defaults (`default_settings`, no pydantic: with no
        config file, a command that only reads rows, or the app's first frame, never loads
        pydantic and the model)."""
        if self._settings is None:
            from ssi_tui.default_settings import DefaultSettings

            self._settings = DefaultSettings()  # type: ignore[assignment]
        return self._settings

    @cached_property
    def db(self) -> Database:
        """sqlite-utils on the same connection, for tools and tests (the facade's own writes go
        through the write path, so the first frame never pays for sqlite-utils' import)."""
        from sqlite_utils import Database

        return Database(self.conn, execute_plugins=False)

    def close(self) -> None:
        self.conn.close()

    def today(self, now: datetime | None = None) -> date:
        """The journal day it is now, with the configured day-start hour and zone."""
        return journal_day(
            now or utc_now(), self.settings.day_start_hour, self.settings.timezone
        )

    def data_version(self) -> int:
        """Changes whenever another connection commits: cheap polling for live refresh."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def content_version(self) -> str:
        """Says what the journal holds, in a few index look-ups: it changes with every write
        (each adds a row to the append-only `changes`, and bulk rows raise the largest ids),
        with the calibration (derived, outside the history) and with the schema; the same
        content gives the same answer in any process. Caches of what the journal computes are
        keyed on it."""
        row = self.conn.execute(
            "SELECT (SELECT max(id) FROM changes), (SELECT max(id) FROM events),"
            " (SELECT max(id) FROM invitations), (SELECT count(*) FROM readings),"
            " (SELECT group_concat(pillar || scale || intercept || made_on) FROM calibration),"
            " (SELECT max(day) FROM readings), (SELECT count(*) FROM indicators)"
        ).fetchone()
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        return "|".join(str(part) for part in (*row, version))

    _group: Recorder | None = None
    """The change opened by `one_change`, which the writes made inside it join."""

    @contextmanager
    def _change(self, action: str, surface: str | None = None,
                details: dict[str, Any] | None = None, keep_empty: bool = True
                ) -> Iterator[Recorder]:
        """One change through the write path, recorded in the history; inside `one_change`,
        the rows join that change instead."""
        if self._group is not None:
            yield self._group
            return
        with change(self.conn, surface=surface or self.surface, window=self.window,
                    action=action, details=details, path=self.path,
                    keep_empty=keep_empty) as recorder:
            yield recorder

    @contextmanager
    def one_change(self, action: str, surface: str | None = None,
                   details: dict[str, Any] | None = None) -> Iterator[Recorder]:
        """Several writes as ONE change of the history, the way an import is one: each write
        method called inside records its rows in this change (one Recorder, one transaction)
        instead of opening its own. One user action (a form's Save) is then undone and
        redone as a whole by `u`/`U` and `ssi-tui undo`, and `ssi-tui history` lists one
        line. All or nothing: a write refused inside leaves none of them. `action` and
        `details` describe the whole; a change that touched no row is not recorded."""
        if self._group is not None:  # already inside one: the whole is the outer action
            yield self._group
            return
        with self._change(action, surface, details, keep_empty=False) as recorder:
            self._group = recorder
            try:
                yield recorder
            finally:
                self._group = None

    def _check_day(self, day: date | None) -> date:
        today = self.today()
        if day is None:
            return today
        if day > today:
            raise InputError("day", _("{day} is in the future (today is {today})").format(
                day=day_text(day), today=day_text(today)))
        return day

    def unless_changed(self, read: Callable[[Any], Any], key: Any, shown: Any,
                       write: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """`write(*args, **kwargs)` only if the record `read(key)` is still `shown`, the one
        the user saw: an edit or a delete made from a screen never lands on a record another
        window or the command line changed (or removed) meanwhile. The check and the write
        are one transaction, so nothing can slip between them."""
        from ssi_tui.journal.writes import transaction

        with transaction(self.conn, self.path):
            if read(key) != shown:
                raise ChangedSince(_("this record changed since it was shown (another window "
                                     "or the command line?): nothing was saved; look at it "
                                     "again"))
            return write(*args, **kwargs)

    def preview(self, write: Any, *args: Any, **kwargs: Any) -> Any:
        """What `write(*args, **kwargs)` would return, validated against the journal as it is,
        without keeping anything (its transaction is rolled back): a confirmation shows the
        record as it would be saved, and a bad value is refused before the question."""
        from ssi_tui.journal.writes import transaction

        class _Rollback(Exception):
            pass

        result: Any = None
        try:
            with transaction(self.conn, self.path):
                result = write(*args, **kwargs)
                raise _Rollback
        except _Rollback:
            pass
        return result
