"""Reps for the team tests, built straight as share records (deterministic, no journal)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from ssi_tui.team.share import (
    DayCount,
    DayEstimate,
    Share,
    SharedIndicators,
    SharedInvitation,
    SharedReading,
)

TODAY = date(2026, 11, 23)


def rep_share(name: str, days: int = 120, seed: int = 0, level: float = 60.0,
              weak: str | None = None, today: date = TODAY, invitations_per_day: float = 1.0,
              personalized_rate: float = 0.62, plain_rate: float = 0.72) -> Share:
    """A rep with `days` days of history ending `today`: a slowly rising estimate around
    `level`, daily habits, weekly readings and indicators, and invitations of both kinds."""
    rng = random.Random(f"{name}-{seed}")
    first = today - timedelta(days=days - 1)
    counts, estimates, readings, indicators, invitations = [], [], [], [], []
    for i in range(days):
        day = first + timedelta(days=i)
        if rng.random() < 0.85 or i >= days - 3:
            counts.append(DayCount(day, "login", 1))
            counts.append(DayCount(day, "search", rng.randint(1, 5)))
            counts.append(DayCount(day, "profile_view_2", rng.randint(3, 12)))
            counts.append(DayCount(day, "like", rng.randint(0, 6)))
            if day.weekday() == 1:
                counts.append(DayCount(day, "post", 1))
        base = level - 10 + 10 * i / days
        pillars = [round(base / 4 + rng.uniform(-1, 1), 3) for _ in range(4)]
        if weak is not None:
            pillars[("brand", "people", "insights", "relationships").index(weak)] -= 6
        pillars = [min(25.0, max(0.0, p)) for p in pillars]
        done = rng.randint(2, 7)
        estimates.append(DayEstimate(day, *pillars, round(sum(pillars), 3), done, 7))
        if day.weekday() == 0:
            readings.append(SharedReading(day, *(round(p + 0.5, 3) for p in pillars)))
            indicators.append(SharedIndicators(day, 400 + i, 90, 300 + i, 800 + i))
        for _ in range(int(invitations_per_day + rng.random())):
            personalized = rng.random() < 0.5
            accepted = rng.random() < (personalized_rate if personalized else plain_rate)
            lag = rng.randint(0, 10)
            acc = day + timedelta(days=lag) if accepted and day + timedelta(days=lag) <= today \
                else None
            exchange = acc + timedelta(days=2) if acc and rng.random() < 0.3 and \
                acc + timedelta(days=2) <= today else None
            invitations.append(SharedInvitation(day, 2, personalized,
                                                "A" if personalized else None, acc, exchange,
                                                None, None, None))
    return Share(name, first, today, tuple(counts), tuple(readings), tuple(estimates),
                 tuple(indicators), tuple(invitations))
