"""Habit entries (the `events` table): log, read, edit, delete."""

from __future__ import annotations

from datetime import date
from typing import Any

from ssi_tui.domain import Event
from ssi_tui.i18n import _
from ssi_tui.journal.base import JournalBase
from ssi_tui.journal.days import format_at, utc_now
from ssi_tui.journal.errors import InputError
from ssi_tui.journal.rows import EVENT_COLUMNS, event_from_row


class Events(JournalBase):
    def log_event(self, surface: str | None = None, **fields: Any) -> Event:
        """Validate and store one habit; returns it as stored."""
        from ssi_tui.journal import records as r

        rec = r.validate(r.EventIn, fields)
        day = self._check_day(rec.day)
        at = format_at(utc_now())
        details = {"kind": rec.kind.value, "count": rec.count, "degree": rec.degree,
                   "day": day.isoformat()}
        with self._change("log", surface, details) as change:
            new_id = change.insert("events", {
                "at": at, "day": day.isoformat(), "kind": rec.kind.value, "count": rec.count,
                "degree": rec.degree, "contact": rec.contact, "note": rec.note})
            change.details["id"] = new_id
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

    def update_event(self, event_id: int, surface: str | None = None, **fields: Any) -> Event:
        """Change some fields of an entry, validated as a new one would be."""
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
        with self._change("edit", surface or "edit",
                          {"table": "events", "key": event_id, "fields": sorted(fields)}) as c:
            c.update("events", event_id, {
                "day": day.isoformat(), "kind": rec.kind.value, "count": rec.count,
                "degree": rec.degree, "contact": rec.contact, "note": rec.note})
        updated = self.event(event_id)
        assert updated is not None
        return updated

    def delete_event(self, event_id: int, surface: str | None = None) -> Event:
        current = self.event(event_id)
        if current is None:
            raise InputError("id", _("no entry #{id}").format(id=event_id))
        with self._change("delete", surface or "delete",
                          {"table": "events", "key": event_id}) as change:
            change.delete("events", event_id)
        return current
