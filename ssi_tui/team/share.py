"""What a rep sends to the team: the share, built from the journal, and nothing more.

A share covers a range of days and holds, for those days only:
- the per-day counts by habit (`search`, `profile_view_2`, ...);
- the official readings (the four pillars; no ranks, no averages);
- the estimate per day (the four pillars and the total as the rep's dashboard shows them) with
  that day's to-do tally (daily to-dos done / daily to-dos), derived from the counts;
- the weekly indicators;
- the invitations sent: sent day, degree, personalised, variant label and the outcome days.
Never contacts, notes, URLs or message text: the types below have no field for them.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from ssi_tui.domain import PILLARS

FORMAT = 1
"""Version of the share format (the folder files' `meta.format`, the PostgreSQL schema's)."""

NAME_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,62}$")
"""A rep's name: a file name on every system and a PostgreSQL role name, without quoting
surprises."""

VARIANT_MAX = 40
"""A variant is a label ("A", "short-intro"), not a message: longer labels are cut."""


@dataclass(frozen=True, slots=True)
class DayCount:
    day: date
    habit: str
    count: int


@dataclass(frozen=True, slots=True)
class SharedReading:
    day: date
    brand: float
    people: float
    insights: float
    relationships: float


@dataclass(frozen=True, slots=True)
class DayEstimate:
    day: date
    brand: float
    people: float
    insights: float
    relationships: float
    total: float
    todos_done: int
    todos_total: int


@dataclass(frozen=True, slots=True)
class SharedIndicators:
    day: date
    profile_views_90d: int | None
    search_appearances_7d: int | None
    followers: int | None
    connections: int | None


@dataclass(frozen=True, slots=True)
class SharedInvitation:
    sent_day: date
    degree: int | None
    personalized: bool
    variant: str | None
    accepted_day: date | None
    exchange_day: date | None
    call_day: date | None
    meeting_day: date | None
    contract_day: date | None


@dataclass(frozen=True)
class Share:
    """Everything one rep sends for the days `first_day`..`last_day` (both included); the
    rep's rows for those days are replaced on the target, the others are kept."""

    rep: str
    first_day: date
    last_day: date
    counts: tuple[DayCount, ...] = ()
    readings: tuple[SharedReading, ...] = ()
    estimates: tuple[DayEstimate, ...] = ()
    indicators: tuple[SharedIndicators, ...] = ()
    invitations: tuple[SharedInvitation, ...] = ()

    def as_json(self) -> dict[str, Any]:
        """Exactly what is sent, as `share --dry-run` prints it."""

        def rows(items: tuple[Any, ...]) -> list[dict[str, Any]]:
            return [{k: (v.isoformat() if isinstance(v, date) else v)
                     for k, v in asdict(item).items()} for item in items]

        return {"format": FORMAT, "rep": self.rep, "first_day": self.first_day.isoformat(),
                "last_day": self.last_day.isoformat(), "counts": rows(self.counts),
                "readings": rows(self.readings), "estimates": rows(self.estimates),
                "indicators": rows(self.indicators), "invitations": rows(self.invitations)}

    @property
    def row_count(self) -> int:
        return (len(self.counts) + len(self.readings) + len(self.estimates)
                + len(self.indicators) + len(self.invitations))


def build_share(journal: Any, rep: str, since: date | None = None,
                today: date | None = None) -> Share:
    """The share of `journal` for the days `since`..`today` (default: from its first entry)."""
    from ssi_tui.journal.extent import first_day
    from ssi_tui.model import estimate_series, todos
    from ssi_tui.views.calibration import shown_pillars, stored_calibration

    today = today or journal.today()
    first = since or first_day(journal.conn) or today
    first = min(first, today)
    history = journal.history(first, today)
    counts = tuple(DayCount(day, habit, n) for day, bucket in sorted(history.counts.items())
                   if first <= day <= today for habit, n in sorted(bucket.items()) if n > 0)
    readings = tuple(SharedReading(r.day, r.brand, r.people, r.insights, r.relationships)
                     for r in history.readings if first <= r.day <= today)
    indicators = tuple(SharedIndicators(i.day, i.profile_views_90d, i.search_appearances_7d,
                                        i.followers, i.connections)
                       for i in history.indicators if first <= i.day <= today)
    invitations = tuple(
        SharedInvitation(i.sent_day, i.degree, i.personalized,
                         (i.variant or None) and i.variant[:VARIANT_MAX], i.accepted_day,
                         i.exchange_day, i.call_day, i.meeting_day, i.contract_day)
        for i in history.invitations if first <= i.sent_day <= today)
    scoring = journal.settings.scoring
    cal = stored_calibration(journal)
    estimates = []
    for est in estimate_series(first, today, history, scoring):
        values = shown_pillars(cal, est)
        daily = [t for t in todos(est.day, history, est, scoring) if not t.weekly]
        estimates.append(DayEstimate(
            est.day, *(round(values[p], 3) for p in PILLARS),
            round(sum(values.values()), 3), sum(1 for t in daily if t.done), len(daily)))
    return Share(rep, first, today, counts, readings, tuple(estimates), indicators, invitations)

