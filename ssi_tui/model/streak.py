"""Login streaks: 'vous connecter au moins une fois par jour' (article 1)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True, slots=True)
class Streak:
    """Consecutive days with a login: the run still alive, and the longest ever."""

    current: int
    longest: int


def login_streak(login_days: Sequence[date], today: date) -> Streak:
    """Consecutive days with a login. Today counts once logged; until then the run ending
    yesterday is still current, so the morning before logging in does not show 0."""
    days = sorted({d for d in login_days if d <= today})
    longest = run = 0
    previous: date | None = None
    for day in days:
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    current = 0
    if previous is not None and (today - previous).days <= 1:
        current = run
    return Streak(current, longest)
