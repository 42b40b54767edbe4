"""How far back a journal goes (the team share sends from its first day by default)."""

from __future__ import annotations

import sqlite3
from datetime import date


def first_day(conn: sqlite3.Connection) -> date | None:
    """The journal's first day with anything in it: a habit, an invitation, a reading or
    indicators; None for an empty journal."""
    row = conn.execute(
        "SELECT min(d) FROM (SELECT min(day) AS d FROM daily_totals"
        " UNION ALL SELECT min(sent_day) FROM invitations"
        " UNION ALL SELECT min(day) FROM readings UNION ALL SELECT min(day) FROM indicators)"
    ).fetchone()
    return date.fromisoformat(row[0]) if row and row[0] else None
