"""What a target hands back when the team view opens: a few rows per rep, already narrowed
to the days the view shows, never the whole history (so opening stays close to the cost of
counting the rows). Plain records: both targets fill them, the board computes on them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ssi_tui.model.streak import login_streak
from ssi_tui.team.share import DayEstimate, SharedReading

RECENT_DAYS = 91
"""Estimates read per rep: the 90-day trend and the 7- and 28-day changes."""
LOGIN_DAYS = 120
"""Login days read per rep for the streak; a streak that long is read again in full."""
WEEK = 7
LEVELS: tuple[str, ...] = ("accepted", "exchange", "call", "meeting", "contract")
"""An invitation's furthest stage as a number: 0 nothing yet, 1 accepted ... 5 contract."""


@dataclass(frozen=True)
class RepData:
    """One rep, as much as the reader may see."""

    name: str
    last_shared: date | None = None
    last_reading: SharedReading | None = None
    estimates: dict[date, DayEstimate] = field(default_factory=dict)
    """The last `RECENT_DAYS` days up to the view's day."""
    login_days: tuple[date, ...] = ()
    """Days with a login, the last `LOGIN_DAYS` at least (all of a streak that long)."""
    week_counts: dict[str, int] = field(default_factory=dict)
    """Each habit's total over the last 7 days."""
    week_invitations: int = 0


@dataclass(frozen=True, slots=True)
class Shape:
    """Invitations grouped by what the judged/pending rule and the funnel look at: how old,
    how soon accepted (both capped just past `pending_days`), how far they went."""

    stratum: str
    personalized: bool
    age: int
    lag: int | None
    """Days from sending to acceptance (None: not accepted)."""
    level: int
    """Furthest stage reached, an index into `LEVELS` plus one (0: nothing yet)."""
    n: int


@dataclass(frozen=True, slots=True)
class TrendPoint:
    day: date
    reps: int
    brand: float
    people: float
    insights: float
    relationships: float
    total: float


@dataclass(frozen=True)
class TeamSnapshot:
    today: date
    reps: tuple[RepData, ...]
    shapes: tuple[Shape, ...]
    trend: tuple[TrendPoint, ...] | None = None
    """The team's daily averages when the target computed them (a rep on PostgreSQL sees only
    these aggregates); None: the board averages the reps' own estimates."""
    complete: bool = True
    """The reader sees every rep (a manager, or the folder); False for a rep on PostgreSQL."""
    skipped: tuple[str, ...] = ()
    """Files that could not be read (named, so the view can say so)."""


def streak_may_go_further(login_days: list[date] | tuple[date, ...], today: date) -> bool:
    """The login days read (the last LOGIN_DAYS) hold a streak as long as the window: the
    rep's earlier days must be read to know where it starts."""
    return login_streak(login_days, today).current >= LOGIN_DAYS - 1
