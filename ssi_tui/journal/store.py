"""The facade the CLI and the app talk to: validated writes, each committed at once, and reads
that return plain domain records. No Textual here, and no SQL outside the journal package.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ssi_tui.config import Settings
from ssi_tui.domain import (
    PROFILE_ITEMS,
    STAGES,
    Event,
    History,
    Indicators,
    Invitation,
    ProfileItem,
    Reading,
    habit_key,
)
from ssi_tui.i18n import _
from ssi_tui.i18n import day as day_text
from ssi_tui.journal.connection import backup_to, connect
from ssi_tui.journal.days import format_at, journal_day, utc_now
from ssi_tui.journal.errors import InputError, JournalError, reason
from ssi_tui.journal.rows import (
    EVENT_COLUMNS,
    INDICATOR_COLUMNS,
    INVITATION_COLUMNS,
    READING_COLUMNS,
    _day,
    _iso_day,
    describe_event,
    describe_invitation,
    event_from_row,
    indicators_from_row,
    invitation_from_row,
    reading_from_row,
)
from ssi_tui.paths import data_dir, default_db_path

if TYPE_CHECKING:
    from sqlite_utils import Database

class Journal:
    """One open journal file. Every write is validated, then committed before returning."""

    def __init__(self, conn: sqlite3.Connection, path: Path, settings: Settings) -> None:
        self.conn = conn
        self.path = path
        self.settings = settings

    @cached_property
    def db(self) -> Database:
        """sqlite-utils on the same connection, for transactions (`atomic`). Made on the first
        write, so reading the journal (status, the first frame) never pays for its import."""
        from sqlite_utils import Database

        return Database(self.conn, execute_plugins=False)

    # -- basics -------------------------------------------------------------------------------

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

    @contextmanager
    def _write(self) -> Iterator[Database]:
        """One transaction; disk and lock failures become a one-line JournalError."""
        try:
            with self.db.atomic():
                yield self.db
        except sqlite3.IntegrityError:
            raise
        except sqlite3.OperationalError as exc:
            raise JournalError(
                _("{path}: could not save ({error}); nothing was written").format(
                    path=self.path, error=reason(exc))
            ) from None

    def _check_day(self, day: date | None) -> date:
        today = self.today()
        if day is None:
            return today
        if day > today:
            raise InputError("day", _("{day} is in the future (today is {today})").format(
                day=day_text(day), today=day_text(today)))
        return day

    # -- events -------------------------------------------------------------------------------

    def log_event(self, **fields: Any) -> Event:
        """Validate and store one habit; returns it as stored."""
        from ssi_tui.journal import records as r

        rec = r.validate(r.EventIn, fields)
        day = self._check_day(rec.day)
        at = format_at(utc_now())
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO events (at, day, kind, count, degree, contact, note)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [at, day.isoformat(), rec.kind.value, rec.count, rec.degree, rec.contact, rec.note],
            )
            new_id = cursor.lastrowid
        return Event(new_id or 0, day, rec.kind.value, rec.count, rec.degree, rec.contact,
                     rec.note, at)

    def event(self, event_id: int) -> Event | None:
        row = self.conn.execute(
            f"SELECT {EVENT_COLUMNS} FROM events WHERE id = ?", [event_id]
        ).fetchone()
        return event_from_row(row) if row else None

    def events(
        self,
        limit: int = 200,
        offset: int = 0,
        kind: str | None = None,
        day: date | None = None,
    ) -> list[Event]:
        """Entries newest first, optionally of one kind and/or one day."""
        where, params = [], []
        if kind:
            where.append("kind = ?")
            params.append(kind)
        if day:
            where.append("day = ?")
            params.append(day.isoformat())
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self.conn.execute(
            f"SELECT {EVENT_COLUMNS} FROM events {clause} ORDER BY day DESC, id DESC"
            " LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return [event_from_row(row) for row in rows]

    def update_event(self, event_id: int, **fields: Any) -> Event:
        current = self.event(event_id)
        if current is None:
            raise InputError("id", _("no entry #{id}").format(id=event_id))
        merged = {
            "kind": current.kind, "count": current.count, "degree": current.degree,
            "day": current.day, "contact": current.contact, "note": current.note,
        } | fields
        from ssi_tui.journal import records as r

        rec = r.validate(r.EventIn, merged)
        day = self._check_day(rec.day)
        with self._write() as db:
            db.execute(
                "UPDATE events SET day=?, kind=?, count=?, degree=?, contact=?, note=? WHERE id=?",
                [day.isoformat(), rec.kind.value, rec.count, rec.degree, rec.contact, rec.note,
                 event_id],
            )
        updated = self.event(event_id)
        assert updated is not None
        return updated

    def delete_event(self, event_id: int) -> Event:
        current = self.event(event_id)
        if current is None:
            raise InputError("id", _("no entry #{id}").format(id=event_id))
        with self._write() as db:
            db.execute("DELETE FROM events WHERE id = ?", [event_id])
        return current

    def undo(self) -> str | None:
        """Remove the last entry logged by hand (event or invitation); say what it was."""
        last_event = self.conn.execute(
            f"SELECT {EVENT_COLUMNS} FROM events WHERE source IS NULL ORDER BY at DESC, id DESC"
            " LIMIT 1"
        ).fetchone()
        last_inv = self.conn.execute(
            f"SELECT {INVITATION_COLUMNS}, at FROM invitations WHERE source IS NULL"
            " ORDER BY at DESC, id DESC LIMIT 1"
        ).fetchone()
        if last_event is None and last_inv is None:
            return None
        if last_inv is not None and (last_event is None or last_inv[-1] > last_event[7]):
            inv = invitation_from_row(last_inv[:-1])
            with self._write() as db:
                db.execute("DELETE FROM invitations WHERE id = ?", [inv.id])
            return describe_invitation(inv)
        event = event_from_row(last_event)
        with self._write() as db:
            db.execute("DELETE FROM events WHERE id = ?", [event.id])
        return describe_event(event)

    # -- invitations ----------------------------------------------------------------------------

    def add_invitation(self, **fields: Any) -> Invitation:
        from ssi_tui.journal import records as r

        rec = r.validate(r.InvitationIn, fields)
        day = self._check_day(rec.sent_day)
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO invitations (at, sent_day, degree, personalized, variant, contact,"
                " note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [format_at(utc_now()), day.isoformat(), rec.degree, int(rec.personalized),
                 rec.variant, rec.contact, rec.note],
            )
            new_id = cursor.lastrowid or 0
        inv = self.invitation(new_id)
        assert inv is not None
        return inv

    def invitation(self, invitation_id: int) -> Invitation | None:
        row = self.conn.execute(
            f"SELECT {INVITATION_COLUMNS} FROM invitations WHERE id = ?", [invitation_id]
        ).fetchone()
        return invitation_from_row(row) if row else None

    def invitations(self, since: date | None = None) -> list[Invitation]:
        """Invitations sent on or after `since` (all when None), oldest first."""
        rows = self.conn.execute(
            f"SELECT {INVITATION_COLUMNS} FROM invitations WHERE sent_day >= ?"
            " ORDER BY sent_day, id",
            [(since or date.min).isoformat()],
        )
        return [invitation_from_row(row) for row in rows]

    def pending_invitations(self) -> list[Invitation]:
        rows = self.conn.execute(
            f"SELECT {INVITATION_COLUMNS} FROM invitations WHERE accepted_day IS NULL"
            " ORDER BY sent_day DESC, id DESC"
        )
        return [invitation_from_row(row) for row in rows]

    def set_outcome(self, invitation_id: int, stage: str, day: date | None = None) -> Invitation:
        """Record that an invitation reached `stage`; earlier stages not yet set get that day."""
        from ssi_tui.journal import records as r

        rec = r.validate(r.OutcomeIn, {"stage": stage, "day": day})
        inv = self.invitation(invitation_id)
        if inv is None:
            raise InputError("id", _("no invitation #{id}").format(id=invitation_id))
        when = self._check_day(rec.day)
        if when < inv.sent_day:
            raise InputError("day", _("{day} is before the invitation was sent ({sent})").format(
                day=day_text(when), sent=day_text(inv.sent_day)))
        updates = {}
        for name in STAGES[: STAGES.index(rec.stage) + 1]:
            if inv.stage_day(name) is None or name == rec.stage:
                updates[f"{name}_day"] = when.isoformat()
        sets = ", ".join(f"{col} = ?" for col in updates)
        with self._write() as db:
            db.execute(f"UPDATE invitations SET {sets} WHERE id = ?",
                       [*updates.values(), invitation_id])
        updated = self.invitation(invitation_id)
        assert updated is not None
        return updated

    # -- readings, indicators, profile --------------------------------------------------------

    def add_reading(self, **fields: Any) -> Reading:
        """Store an official reading; a second one on the same day replaces the first."""
        from ssi_tui.journal import records as r

        rec = r.validate(r.ReadingIn, fields)
        day = self._check_day(rec.day)
        values = rec.model_dump(exclude={"day"})
        cols = ", ".join(values)
        with self._write() as db:
            db.execute(
                f"INSERT OR REPLACE INTO readings (day, {cols}, at)"
                f" VALUES (?, {', '.join('?' * len(values))}, ?)",
                [day.isoformat(), *values.values(), format_at(utc_now())],
            )
        return Reading(day=day, **values)

    def readings(self) -> list[Reading]:
        rows = self.conn.execute(f"SELECT {READING_COLUMNS} FROM readings ORDER BY day")
        return [reading_from_row(row) for row in rows]

    def last_reading(self) -> Reading | None:
        row = self.conn.execute(
            f"SELECT {READING_COLUMNS} FROM readings ORDER BY day DESC LIMIT 1"
        ).fetchone()
        return reading_from_row(row) if row else None

    def set_indicators(self, **fields: Any) -> Indicators:
        """Record weekly figures; figures not given keep what that day already had."""
        from ssi_tui.journal import records as r

        rec = r.validate(r.IndicatorsIn, fields)
        day = self._check_day(rec.day)
        values = rec.model_dump(exclude={"day"})
        with self._write() as db:
            db.execute(
                "INSERT INTO indicators (day, profile_views_90d, search_appearances_7d, followers,"
                " connections, at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(day) DO UPDATE SET"
                " profile_views_90d = coalesce(excluded.profile_views_90d, profile_views_90d),"
                " search_appearances_7d = coalesce(excluded.search_appearances_7d,"
                " search_appearances_7d),"
                " followers = coalesce(excluded.followers, followers),"
                " connections = coalesce(excluded.connections, connections), at = excluded.at",
                [day.isoformat(), *values.values(), format_at(utc_now())],
            )
        row = self.conn.execute(
            f"SELECT {INDICATOR_COLUMNS} FROM indicators WHERE day = ?", [day.isoformat()]
        ).fetchone()
        return indicators_from_row(row)

    def indicators(self) -> list[Indicators]:
        rows = self.conn.execute(f"SELECT {INDICATOR_COLUMNS} FROM indicators ORDER BY day")
        return [indicators_from_row(row) for row in rows]

    def profile(self) -> list[ProfileItem]:
        rows = self.conn.execute("SELECT item, label, done, day FROM profile_checklist")
        # the stored label is English: show the one of the interface language
        by_key = {row[0]: ProfileItem(row[0], PROFILE_ITEMS[row[0]] if row[0] in PROFILE_ITEMS
                                      else row[1], bool(row[2]), _day(row[3])) for row in rows}
        return [by_key[key] for key in PROFILE_ITEMS if key in by_key]

    def set_profile_item(self, item: str, done: bool, day: date | None = None) -> ProfileItem:
        from ssi_tui.journal import records as r

        rec = r.validate(r.ProfileItemIn, {"item": item, "done": done, "day": day})
        when = self._check_day(rec.day)
        with self._write() as db:
            db.execute(
                "UPDATE profile_checklist SET done = ?, day = ? WHERE item = ?",
                [int(rec.done), when.isoformat() if rec.done else None, rec.item],
            )
        return ProfileItem(rec.item, PROFILE_ITEMS[rec.item], rec.done, when if rec.done else None)

    # -- calibration ------------------------------------------------------------------------

    def calibration(self) -> list[dict[str, Any]]:
        """The stored per-pillar fit (empty when none): pillar, scale, intercept, readings,
        mae_before, mae_after, made_on."""
        cursor = self.conn.execute(
            "SELECT pillar, scale, intercept, readings, mae_before, mae_after, made_on"
            " FROM calibration"
        )
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor]

    def save_calibration(self, rows: list[dict[str, Any]]) -> None:
        with self._write() as db:
            db.execute("DELETE FROM calibration")
            db.conn.executemany(
                "INSERT INTO calibration (pillar, scale, intercept, readings, mae_before,"
                " mae_after, made_on) VALUES (:pillar, :scale, :intercept, :readings,"
                " :mae_before, :mae_after, :made_on)", rows)

    def reset_calibration(self) -> int:
        with self._write() as db:
            return db.execute("DELETE FROM calibration").rowcount

    def counts_for(self, day: date) -> dict[str, int]:
        """One day's totals per habit key (what a keystroke changes)."""
        return self.daily_counts(day, day).get(day, {})

    # -- what the model needs -----------------------------------------------------------------

    def daily_counts(self, start: date, end: date) -> dict[date, dict[str, int]]:
        """Totals per day and habit key between two days (inclusive), from the daily rollup:
        about twenty rows a day, whatever the size of the event log."""
        counts: dict[date, dict[str, int]] = defaultdict(dict)
        rows = self.conn.execute(
            "SELECT day, kind, degree, total FROM daily_totals"
            " WHERE day BETWEEN ? AND ? AND total > 0",
            [start.isoformat(), end.isoformat()],
        )
        for day, kind, degree, total in rows:
            key = habit_key(kind, degree or None)
            bucket = counts[_iso_day(day)]
            bucket[key] = bucket.get(key, 0) + total
        return dict(counts)

    def login_days(self) -> list[date]:
        rows = self.conn.execute(
            "SELECT day FROM daily_totals WHERE kind = 'login' AND total > 0 ORDER BY day"
        )
        return [_iso_day(row[0]) for row in rows]

    def history(self, start: date, end: date) -> History:
        """What the model needs to estimate every day from `start` to `end`: only the rows of
        the windows those days look at (plus the small tables), never the whole event log."""
        scoring = self.settings.scoring
        lookback = max(scoring.activity_window_days, scoring.rate_window_days, 365)
        first = start - timedelta(days=lookback)
        return History(
            counts=self.daily_counts(first, end),
            invitations=self.invitations(since=first),
            indicators=self.indicators(),
            profile=self.profile(),
            readings=self.readings(),
            login_days=self.login_days(),
        )

    # -- files ----------------------------------------------------------------------------------

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


def open_journal(
    path: Path | str | None = None, settings: Settings | None = None, create: bool = True
) -> Journal:
    """Open the journal at `path` (default: SSI_TUI_DB, else the platform data dir)."""
    settings = settings or Settings()
    explicit = path is not None
    target = Path(path).expanduser() if path is not None else default_db_path()
    is_default = not explicit and target.parent == data_dir()
    conn = connect(target, create=create, create_folder=is_default or not explicit)
    return Journal(conn, target, settings)
