"""Turning instants into journal days: the day starts at a configurable hour, local time.

At the default day-start hour of 4, an entry made at 1 a.m. still belongs to yesterday. The shift
is done on the local wall clock, so a DST change never moves an entry to the wrong day.
"""

from __future__ import annotations

import os
import time
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

NOW_ENV = "SSI_TUI_NOW"


def utc_now() -> datetime:
    """Now, in UTC. `SSI_TUI_NOW` (ISO-8601) freezes the clock for screenshots and tests."""
    frozen = os.environ.get(NOW_ENV)
    if frozen:
        # the frozen clock still ticks from the moment it was first read, so entries keep
        # their order (undo relies on it) while the day stays put
        start = _FROZEN_START.setdefault(frozen, time.monotonic())
        return parse_at(frozen) + timedelta(seconds=time.monotonic() - start)
    return datetime.now(UTC)


_FROZEN_START: dict[str, float] = {}


def to_local(at: datetime, timezone: str | None = None) -> datetime:
    """The wall-clock time of `at` in the user's zone (system zone when None)."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    if timezone:
        return at.astimezone(ZoneInfo(timezone))
    return at.astimezone()  # the C library's localtime: DST-correct for this very instant


def journal_day(at: datetime, day_start_hour: int = 4, timezone: str | None = None) -> date:
    """The journal day an instant belongs to."""
    local = to_local(at, timezone).replace(tzinfo=None)
    return (local - timedelta(hours=day_start_hour)).date()


def day_start(day: date, day_start_hour: int = 4, timezone: str | None = None) -> datetime:
    """The instant (UTC) a journal day begins."""
    local = datetime.combine(day, datetime.min.time()) + timedelta(hours=day_start_hour)
    aware = local.replace(tzinfo=ZoneInfo(timezone)) if timezone else local.astimezone()
    return aware.astimezone(UTC)


def format_at(at: datetime) -> str:
    """Timestamps are stored as ISO-8601 UTC with microseconds, so they sort as text."""
    return at.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def parse_at(text: str) -> datetime:
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=UTC)
