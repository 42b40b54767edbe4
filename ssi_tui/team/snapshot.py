"""What a target hands back when the team view opens: per rep, only what the view shows on its
day (the last 91 days of estimates as columns, the streak, the week's habits) and the
invitation study as a few counts per arm, never the history (so opening stays close to the
cost of counting the rows). Plain records: both targets fill them (team.digest builds them),
the board computes on them."""

from __future__ import annotations

import math
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ssi_tui.model.streak import login_streak
from ssi_tui.team.share import DayEstimate, SharedReading

RECENT_DAYS = 91
"""Estimates read per rep: the 90-day trend and the 7- and 28-day changes."""
LOGIN_DAYS = 120
"""Login days read per rep for the streak; a streak that long is read again in full."""
WEEK = 7
LEVELS: tuple[str, ...] = ("accepted", "exchange", "call", "meeting", "contract")
"""An invitation's furthest stage as a number: 0 nothing yet, 1 accepted ... 5 contract."""
SERIES: tuple[str, ...] = ("brand", "people", "insights", "relationships", "total",
                           "todos_done", "todos_total")
"""The estimate columns, in the order of `RepData.series` (a missing day is NaN in each)."""


@dataclass(frozen=True)
class RepData:
    """One rep on the view's day, as much as the reader may see."""

    name: str
    last_shared: date | None = None
    last_reading: SharedReading | None = None
    series_end: date | None = None
    """The day of the last value of each series (None: no estimate in the window)."""
    series: tuple[Sequence[float], ...] = ()
    """The estimates of the last `RECENT_DAYS` days up to the view's day, one column per
    `SERIES` name, consecutive days ending at `series_end`; NaN where a day has none."""
    gaps: bool = False
    """Some day inside the series has no estimate (NaN)."""
    streak: int = 0
    """The login streak on the view's day (model.streak.login_streak)."""
    week_logins: int = 0
    """Days with a login among the last 7."""
    week_counts: dict[str, int] = field(default_factory=dict)
    """Each habit's total over the last 7 days."""
    week_invitations: int = 0

    @property
    def estimates(self) -> dict[date, DayEstimate]:
        """The series as records by day (for tests and exports; the board reads columns)."""
        if self.series_end is None:
            return {}
        n = len(self.series[0])
        out = {}
        for i in range(n):
            if math.isnan(self.series[4][i]):
                continue
            day = self.series_end - timedelta(days=n - 1 - i)
            b, p, ins, r, t, done, total = (col[i] for col in self.series)
            out[day] = DayEstimate(day, b, p, ins, r, t, int(done), int(total))
        return out


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
class ArmCount:
    """One rep's arm of the study on the view's day, the judged/pending rule applied."""

    stratum: str
    personalized: bool
    pending: int
    judged: int
    accepted: int
    """Judged and accepted within `pending_days`."""
    funnel: tuple[int, int, int, int]
    """Judged invitations that reached an exchange, a call, a meeting, a contract."""


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
    study: tuple[ArmCount, ...]
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


def empty_series() -> tuple[array, ...]:
    return tuple(array("d") for _ in SERIES)
