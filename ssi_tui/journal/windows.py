"""What the model needs: daily totals from the rollup, login days, and the history of a range
of days (only the rows of the windows those days look at, never the whole event log)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from ssi_tui.domain import History, habit_key
from ssi_tui.journal.base import JournalBase
from ssi_tui.journal.rows import _iso_day


class ModelReads(JournalBase):
    def counts_for(self, day: date) -> dict[str, int]:
        """One day's totals per habit key (what a keystroke changes)."""
        return self.daily_counts(day, day).get(day, {})

    def largest_day(self, kind: str) -> int:
        """The most of one kind ever logged in a day (all degrees together), 0 if never: the
        user's own norm, against which a count far above it asks for confirmation."""
        row = self.conn.execute(
            "SELECT max(t) FROM (SELECT sum(total) AS t FROM daily_totals WHERE kind = ?"
            " GROUP BY day)", [kind]).fetchone()
        return int(row[0] or 0)

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
        """What the model needs to estimate every day from `start` to `end`."""
        first = start - timedelta(days=self.settings.scoring.lookback_days)
        me: Any = self  # the other parts of the facade (invitations, readings...)
        return History(
            counts=self.daily_counts(first, end),
            invitations=me.invitations(since=first),
            indicators=me.indicators(),
            profile=me.profile(),
            readings=me.readings(),
            login_days=self.login_days(),
        )
