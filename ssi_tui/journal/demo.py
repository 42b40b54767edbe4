"""A deterministic demo journal: 180 days of a user who starts near SSI 40 and climbs past 70.

Habits ramp up over the half-year; the profile checklist gets finished in the first two months,
posting starts once the brand pillar is strong (the first article's advice), invitations are sent
both personalised (two message variants) and plain, with outcomes down the funnel, and weekly
official readings and indicators are copied in. Same clock, same journal, every time.

Only the storage half lives here: the readings follow the model's estimate, which the service
computes between the two halves (ssi_tui.service.demo), so the journal never imports the model.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from ssi_tui.domain import PROFILE_ITEMS, Kind
from ssi_tui.journal.days import format_at

DAYS = 180
SEED = 20261123


def _at(day: date, minutes: int, timezone: str | None, start_hour: int) -> str:
    local = datetime.combine(day, time(start_hour + 4)) + timedelta(minutes=minutes)
    if timezone:
        from zoneinfo import ZoneInfo

        aware = local.replace(tzinfo=ZoneInfo(timezone))
    else:
        aware = local.astimezone()
    return format_at(aware.astimezone(UTC))


def _poisson(rng: random.Random, mean: float) -> int:
    """Knuth's method; means here are small."""
    if mean <= 0:
        return 0
    limit, k, p = pow(2.718281828459045, -mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


@dataclass(frozen=True)
class DemoDays:
    """Where the habits left off: the days they cover and the random stream the readings
    continue (the same seed gives the same journal)."""

    first: date
    today: date
    rng: random.Random


def write_habits(journal: Any) -> DemoDays:
    """Fill an empty journal with the demo's habits, invitations and profile (one
    transaction)."""
    rng = random.Random(SEED)
    today = journal.today()
    first = today - timedelta(days=DAYS)
    tz, start_hour = journal.settings.timezone, journal.settings.day_start_hour
    events: list[tuple[Any, ...]] = []
    invitations: list[tuple[Any, ...]] = []
    profile_done: list[tuple[str, str]] = []
    items = list(PROFILE_ITEMS)

    def event(day: date, kind: Kind, count: int, degree: int | None = None,
              contact: str | None = None, note: str | None = None) -> None:
        if count > 0:
            events.append((_at(day, rng.randrange(600), tz, start_hour), day.isoformat(),
                           kind.value, count, degree, contact, note))

    for i in range(DAYS):
        day = first + timedelta(days=i)
        ramp = i / (DAYS - 1)  # 0 → 1 over the half-year
        weekday = day.weekday() < 5
        while len(profile_done) < min(len(items), 6 + i // 12):  # half done on day one
            profile_done.append((items[len(profile_done)], day.isoformat()))
        if rng.random() > 0.7 + 0.28 * ramp - (0 if weekday else 0.25):
            continue  # a day without LinkedIn
        event(day, Kind.LOGIN, 1)
        event(day, Kind.SEARCH, _poisson(rng, 1 + 2 * ramp))
        event(day, Kind.PROFILE_VIEW, _poisson(rng, 3 + 3.5 * ramp), degree=2)
        event(day, Kind.PROFILE_VIEW, _poisson(rng, 0.3 + 2.2 * ramp), degree=3)
        event(day, Kind.VIEWED_BY, _poisson(rng, 2 + 4 * ramp))
        event(day, Kind.LIKE, _poisson(rng, 1 + 2.5 * ramp))
        event(day, Kind.COMMENT, _poisson(rng, 0.1 + 0.8 * ramp))
        event(day, Kind.SHARE, _poisson(rng, 0.05 + 0.3 * ramp))
        brand_ready = len(profile_done) >= len(items) - 2
        if brand_ready and day.weekday() == 1:
            event(day, Kind.POST, 1, note="Weekly post")
        if brand_ready and day.weekday() in (2, 3):
            event(day, Kind.ENGAGEMENT_RECEIVED, _poisson(rng, 4 + 10 * ramp))
        if brand_ready and i % 45 == 0:
            event(day, Kind.ARTICLE, 1, note="Long-form article")
        event(day, Kind.ENDORSEMENT, int(rng.random() < 0.08 + 0.12 * ramp))
        event(day, Kind.FOLLOWER, _poisson(rng, 0.5 + 2.5 * ramp))
        if i in (5, 30, 61, 95, 130):
            event(day, Kind.GROUP_JOIN, 1)
        if rng.random() < 0.1 + 0.15 * ramp:
            event(day, Kind.INMAIL_SENT, 1 + int(rng.random() < 0.3))
            if rng.random() < 0.3:
                event(day, Kind.INMAIL_REPLY, 1)
        if rng.random() < 0.03 + 0.05 * ramp:
            event(day, Kind.COLLEAGUE_CONNECTION, 1, contact=rng.choice(COLLEAGUES))
        for _ in range(_poisson(rng, 0.8 + 2.6 * ramp)):
            invitations.append(_invitation(rng, day, today, tz, start_hour))
    _write(journal, events, invitations, profile_done)
    return DemoDays(first, today, rng)


COLLEAGUES = ["Camille Martin", "Hugo Bernard", "Léa Petit", "Nathan Durand"]
FIRST = ["Alex", "Sam", "Chloé", "Jules", "Inès", "Louis", "Emma", "Noah", "Zoé", "Adam",
         "Lina", "Paul", "Sarah", "Tom", "Manon", "Yanis"]
LAST = ["Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David",
        "Bertrand", "Morel", "Fournier", "Girard"]


def _invitation(rng: random.Random, day: date, today: date, tz: str | None,
                start_hour: int) -> tuple[Any, ...]:
    personalized = rng.random() < 0.5
    variant = rng.choice(["A: shared interest", "B: mutual contact"]) if personalized else None
    degree = 3 if rng.random() < 0.35 else 2
    contact = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    stages: list[str | None] = [None] * 5
    rates = (0.62, 0.45, 0.45, 0.4, 0.25) if personalized else (0.72, 0.22, 0.4, 0.4, 0.25)
    when = day
    for n, rate in enumerate(rates):
        if rng.random() >= rate:
            break
        when = when + timedelta(days=rng.randint(1, 6 if n == 0 else 10))
        if when > today - timedelta(days=1):
            break
        stages[n] = when.isoformat()
    return (_at(day, rng.randrange(600), tz, start_hour), day.isoformat(), degree,
            int(personalized), variant, contact, *stages)


def _write(journal: Any, events: list[tuple[Any, ...]], invitations: list[tuple[Any, ...]],
           profile_done: list[tuple[str, str]]) -> None:
    with journal.db.atomic() as db:
        db.conn.executemany(
            "INSERT INTO events (at, day, kind, count, degree, contact, note, source)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, 'demo')", events)
        db.conn.executemany(
            "INSERT INTO invitations (at, sent_day, degree, personalized, variant, contact,"
            " accepted_day, exchange_day, call_day, meeting_day, contract_day, source)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo')", invitations)
        db.conn.executemany(
            "UPDATE profile_checklist SET done = 1, day = ? WHERE item = ?",
            [(day, item) for item, day in profile_done])


def write_readings(journal: Any, days: DemoDays, series: Sequence[dict[str, float]]) -> None:
    """Weekly readings that LinkedIn 'computed' a little differently from our model: `series`
    is the model's four pillars for each day from `days.first`."""
    first, today, rng = days.first, days.today, days.rng
    connections = 420
    with journal.db.atomic() as db:
        for i, est in enumerate(series):
            day = first + timedelta(days=i)
            if day.weekday() != 0 or day >= today or i < 21:  # windows need 3 weeks to fill
                continue
            ramp = i / len(series)
            pillars = {
                key: round(min(25.0, max(0.0, 1.5 + 0.9 * value + rng.gauss(0, 0.6))), 2)
                for key, value in est.items()
            }
            db.execute(
                "INSERT OR REPLACE INTO readings (day, brand, people, insights, relationships,"
                " industry_rank, network_rank, industry_avg, network_avg, at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [day.isoformat(), pillars["brand"], pillars["people"], pillars["insights"],
                 pillars["relationships"], max(1, round(40 - 35 * ramp)),
                 max(1, round(30 - 25 * ramp)), 24, 31, format_at(datetime.now(UTC))],
            )
            connections += rng.randint(8, 25)
            db.execute(
                "INSERT OR REPLACE INTO indicators (day, profile_views_90d,"
                " search_appearances_7d, followers, connections, at) VALUES (?, ?, ?, ?, ?, ?)",
                [day.isoformat(), int(220 + 720 * ramp + rng.randint(-20, 20)),
                 int(40 + 150 * ramp + rng.randint(-10, 10)), int(300 + 500 * ramp), connections,
                 format_at(datetime.now(UTC))],
            )
