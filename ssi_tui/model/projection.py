"""The forecast's projection: a history extended past today with the user's own habits.

`project` builds it as records (a `History` of counts, invitations and weekly figures), the
readable definition; `projected_layout` builds the same thing straight into the arrays the
estimate reads (`estimate.Layout`), with no record per projected invitation and the history's
own days laid out once per forecast (`RealDays`): on a key press the forecast projects up to
five times. tests/model/test_model_projection.py checks that the two agree on every array.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ssi_tui.domain import History, Indicators, Invitation
from ssi_tui.model.estimate import (
    SERIES,
    Layout,
    add_bucket,
    lay_out,
    lay_out_counts,
)
from ssi_tui.model.settings import ScoringSettings

WEEK = 7

Extra = Mapping[str, tuple[int, int]]
"""Habits added to the projection: habit key → (count, every so many days)."""


def project(history: History, today: date, template: Sequence[date], rate: float,
            horizon: int, extra: Extra | None = None) -> History:
    """`history` extended `horizon` days past `today`, day `today + k` repeating the counts of
    `template[(k - 1) % len(template)]` (plus `extra`: habit → (count, every so many days)),
    its invitations accepted at `rate` one day after sending, its logins; the latest weekly
    figures carried forward."""
    plus = extra or {}
    counts = dict(history.counts)
    logins = set(history.login_days)
    invitations = list(history.invitations)
    by_day: dict[date, list[int]] = {}
    for inv in history.invitations:
        by_day.setdefault(inv.sent_day, []).append(inv.degree or 2)
    next_id = max((i.id for i in invitations), default=0) + 1
    owed = 0.0
    for k in range(1, horizon + 1):
        day = today + timedelta(days=k)
        source = template[(k - 1) % len(template)]
        bucket = dict(history.counts.get(source, {}))
        today_extra = {key: n for key, (n, every) in plus.items() if (k - 1) % every == 0}
        for key, n in today_extra.items():
            if not key.startswith("invitation_"):
                bucket[key] = bucket.get(key, 0) + n
        counts[day] = bucket
        if source in logins or bucket.get("login", 0):
            logins.add(day)
        degrees = by_day.get(source, []) + [int(key[-1]) for key, n in today_extra.items()
                                             if key.startswith("invitation_") for _ in range(n)]
        for degree in degrees:
            owed += rate
            accepted = day + timedelta(days=1) if owed >= 1 - 1e-9 else None
            if accepted is not None:
                owed -= 1
            invitations.append(Invitation(next_id, day, degree, False, accepted_day=accepted))
            next_id += 1
    return replace(history, counts=counts, invitations=invitations,
                   indicators=carried_forward(history, today, horizon),
                   login_days=sorted(logins))


def carried_forward(history: History, today: date, horizon: int) -> list[Indicators]:
    """The weekly figures, the latest one on or before today repeated every week ahead."""
    indicators = list(history.indicators)
    latest = max((i for i in history.indicators if i.day <= today), key=lambda i: i.day,
                 default=None)
    if latest is not None:
        indicators += [Indicators(today + timedelta(days=k), latest.profile_views_90d,
                                  latest.search_appearances_7d, latest.followers,
                                  latest.connections) for k in range(WEEK, horizon + 1, WEEK)]
    return indicators


@dataclass(frozen=True)
class RealDays:
    """The history's own days laid out once (up to today, from as far back as any projected
    window reaches), for every projection of one forecast."""

    history: History
    today: date
    settings: ScoringSettings
    layout: Layout | None
    """None when the history holds a day after today: then the projection is built as records
    (`project`), whose projected days override the real ones."""
    earliest: date
    """The projected history's earliest day: the real one's, or today + 1 if it is later."""
    by_day: dict[date, list[int]]
    """Each day's invitations' degrees (2 when unknown), in the history's order."""
    logins: frozenset[date]


def real_days(history: History, today: date, settings: ScoringSettings) -> RealDays:
    by_day: dict[date, list[int]] = {}
    for inv in history.invitations:
        by_day.setdefault(inv.sent_day, []).append(inv.degree or 2)
    logins = frozenset(history.login_days)
    future = any(d > today for d in history.counts) or any(d > today for d in logins) or \
        any(d > today for d in by_day)
    layout = None if future else lay_out(history, today + timedelta(days=1), today, settings)
    earliest = min([*history.counts, *logins, *by_day, today + timedelta(days=1)])
    return RealDays(history, today, settings, layout, earliest, by_day, logins)


def projected_layout(real: RealDays, template: Sequence[date], rate: float, horizon: int,
                     start: date, end: date, extra: Extra | None = None) -> Layout:
    """`lay_out(project(...), start, end)`, built from arrays: the same floats in the same
    order, so every estimate of it is the same to the last bit."""
    history, today, s = real.history, real.today, real.settings
    if real.layout is None or horizon < 1 or not today < start <= end <= \
            today + timedelta(days=horizon):
        return lay_out(project(history, today, template, rate, horizon, extra), start, end, s)
    # as `lay_out` would start the projected history: its earliest day (today + 1 at the
    # latest, the first projected day), unless that is outside every window of the range
    first = max(real.earliest, start - timedelta(days=s.lookback_days))
    ahead = (end - today).days  # projected days laid out: today + 1 … end
    plus = extra or {}
    daily: dict[str, list[float]] = {name: [0.0] * ahead for name in SERIES}
    sent: list[date] = []
    accepted: list[date | None] = []
    shapes: dict[tuple[int, tuple[str, ...]], tuple[dict[str, float], bool, list[int]]] = {}
    owed = 0.0
    in_time = s.pending_days >= 1  # a projected invitation is accepted the day after
    for k in range(1, ahead + 1):
        pos = (k - 1) % len(template)
        added = tuple(key for key, (_n, every) in plus.items() if (k - 1) % every == 0) \
            if plus else ()
        shape = shapes.get((pos, added))
        if shape is None:
            shape = shapes[(pos, added)] = _shape(real, template[pos], added, plus)
        values, login, degrees = shape
        for name, value in values.items():
            daily[name][k - 1] = value
        if login:
            daily["login_days"][k - 1] = 1.0
        if degrees:
            day = today + timedelta(days=k)
            after = day + timedelta(days=1)
            for degree in degrees:
                owed += rate
                taken = owed >= 1 - 1e-9
                if taken:
                    owed -= 1
                daily["inv_3" if degree == 3 else "inv_2"][k - 1] += 1.0
                sent.append(day)
                accepted.append(after if taken and in_time else None)
    layout = real.layout
    skip = (first - layout.first).days  # real days before `first` lie outside every window
    lead = (first - today).days - 1  # projected days before `first` (when no real day counts)
    return Layout(
        first=first,
        daily={name: layout.daily[name][skip:] + daily[name][max(0, lead):] for name in SERIES},
        sent_days=layout.sent_days + sent, accepted_days=layout.accepted_days + accepted,
        indicators=sorted(carried_forward(history, today, horizon), key=lambda i: i.day),
        profile_total=layout.profile_total, profile_done=layout.profile_done,
    )


def _shape(real: RealDays, source: date, added: tuple[str, ...],
           plus: Extra) -> tuple[dict[str, float], bool, list[int]]:
    """One projected day repeating `source` plus the `added` habits: its series' values, its
    login, its invitations' degrees (as `project` builds that day)."""
    bucket = dict(real.history.counts.get(source, {}))
    for key in added:
        if not key.startswith("invitation_"):
            bucket[key] = bucket.get(key, 0) + plus[key][0]
    one = lay_out_counts({}, (), source, 1, real.settings)
    add_bucket(one, 0, bucket, real.settings)
    values = {name: v[0] for name, v in one.items() if v[0]}
    login = source in real.logins or bool(bucket.get("login", 0))
    degrees = real.by_day.get(source, []) + [int(key[-1]) for key in added
                                             if key.startswith("invitation_")
                                             for _ in range(plus[key][0])]
    return values, login, degrees
