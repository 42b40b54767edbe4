"""Official SSI readings (the `readings` table): record, read, edit, delete.

A reading typed by hand has no `source`; one that came from an import says which. A reading
typed for a day replaces the one there; an imported one never replaces one typed by hand."""

from __future__ import annotations

from datetime import date
from typing import Any

from ssi_tui.domain import Reading
from ssi_tui.i18n import _
from ssi_tui.i18n import day as day_text
from ssi_tui.journal.base import JournalBase
from ssi_tui.journal.days import format_at, utc_now
from ssi_tui.journal.errors import InputError
from ssi_tui.journal.rows import READING_COLUMNS, reading_from_row

READING_FIELDS = ("brand", "people", "insights", "relationships", "industry_rank",
                  "network_rank", "industry_avg", "network_avg")


class Readings(JournalBase):
    def add_reading(self, surface: str | None = None, **fields: Any) -> Reading:
        """Store an official reading; a second one on the same day replaces the first."""
        from ssi_tui.journal import records as r

        rec = r.validate(r.ReadingIn, fields)
        day = self._check_day(rec.day)
        values = rec.model_dump(exclude={"day"})
        with self._change("reading", surface, {"day": day.isoformat()}) as change:
            change.put("readings", day.isoformat(), {
                "day": day.isoformat(), **values, "at": format_at(utc_now()), "source": None})
        return Reading(day=day, **values)

    def reading(self, day: date) -> Reading | None:
        row = self.conn.execute(f"SELECT {READING_COLUMNS} FROM readings WHERE day = ?",
                                [day.isoformat()]).fetchone()
        return reading_from_row(row) if row else None

    def readings(self) -> list[Reading]:
        rows = self.conn.execute(f"SELECT {READING_COLUMNS} FROM readings ORDER BY day")
        return [reading_from_row(row) for row in rows]

    def last_reading(self) -> Reading | None:
        row = self.conn.execute(
            f"SELECT {READING_COLUMNS} FROM readings ORDER BY day DESC LIMIT 1"
        ).fetchone()
        return reading_from_row(row) if row else None

    def _existing_reading(self, day: date) -> Reading:
        found = self.reading(day)
        if found is None:
            raise InputError("day", _("no reading on {day}").format(day=day_text(day)))
        return found

    def update_reading(self, day: date, surface: str | None = None, **fields: Any) -> Reading:
        """Change some figures of the reading of `day`, validated; it counts as typed."""
        from ssi_tui.journal import records as r

        if "day" in fields:
            raise InputError("day", _("is the reading's id: delete it and record it again"))
        current = self._existing_reading(day)
        merged = {name: getattr(current, name) for name in READING_FIELDS} | fields
        rec = r.validate(r.ReadingIn, merged | {"day": day})
        with self._change("edit", surface or "edit",
                          {"table": "readings", "key": day.isoformat(),
                           "fields": sorted(fields)}) as change:
            change.update("readings", day.isoformat(),
                          rec.model_dump(exclude={"day"}) | {"source": None})
        return self._existing_reading(day)

    def delete_reading(self, day: date, surface: str | None = None) -> Reading:
        current = self._existing_reading(day)
        with self._change("delete", surface or "delete",
                          {"table": "readings", "key": day.isoformat()}) as change:
            change.delete("readings", day.isoformat())
        return current
