"""A rep's digest: what the team view needs of one rep, computed once when the rep shares, so
opening the view reads one small row per rep instead of regrouping their history.

A digest is taken *as of* a day A (the last day the rep's share covers) and holds:
- the last official reading up to A;
- the estimates of the last `RECENT_DAYS` days up to A, as seven columns of doubles;
- the login streak the model gives on A, A + 1 and A + 2 (no login exists after A, so from
  A + 2 on it is the value on A + 2);
- each habit's count on each of the last 7 days, and the invitations sent on each of them;
- the invitations for the pooled study, per arm (personalised, plain): those sent less than
  `FOLD` days before A one by one (days before A, days to acceptance, furthest stage: a byte
  each), the older ones folded into counts by days to acceptance and by stage.
`FOLD` is one more than the largest `pending_days` the config allows, so a folded invitation is
old enough to be judged under any config on any day from A on.

Everything the view shows on a day T >= A follows exactly from the digest (`rep_data`,
`arm_counts`); for a day before A, or a share written before digests existed, the targets
build the digest as of T from the raw rows instead (the same functions, so the same figures).
Pure: no SQL, no files.
"""

from __future__ import annotations

import json
import math
import sys
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from ssi_tui.domain import Invitation
from ssi_tui.model.invitations import accepted_in_time, is_judged
from ssi_tui.model.streak import login_streak
from ssi_tui.team.share import DayEstimate, SharedReading
from ssi_tui.team.snapshot import (
    RECENT_DAYS,
    SERIES,
    WEEK,
    ArmCount,
    RepData,
    Shape,
    empty_series,
)

VERSION = 1
"""Version of the digest's encoding (stored beside it; another version is rebuilt from the
raw rows)."""
FOLD = 181
"""Invitations sent this many days or more before the digest's day are folded into counts:
one more than the largest `pending_days` allowed (ScoringSettings), so they are judged under
any config on any later day."""
NO_LAG = 255
"""The byte for "not accepted" in the per-invitation lags (lags are capped at FOLD)."""
_EPOCH = date(2000, 1, 1)


@dataclass(frozen=True, slots=True)
class ArmDigest:
    """One arm's invitations as of the digest's day."""

    days: bytes
    """Days before the digest's day of each recent invitation (< FOLD), ascending."""
    lags: bytes
    """Days from sending to acceptance of each, capped at FOLD (NO_LAG: not accepted)."""
    levels: bytes
    """Furthest stage of each (0 nothing yet, 1 accepted, 2 exchange ... 5 contract)."""
    old: int = 0
    """Folded invitations: how many."""
    old_lags: tuple[tuple[int, int], ...] = ()
    """Folded and accepted: (days to acceptance capped at FOLD, how many)."""
    old_levels: tuple[int, ...] = (0, 0, 0, 0, 0, 0)
    """Folded: how many reached each stage exactly (index = level)."""


@dataclass(frozen=True, slots=True)
class Digest:
    as_of: date
    reading: SharedReading | None
    series_end: date | None
    series: tuple[array, ...]
    """`SERIES` columns for consecutive days ending at `series_end`, NaN where none."""
    gaps: bool
    streak: tuple[int, int, int]
    week: dict[str, list[int]]
    """Habit: counts on as_of, as_of - 1, ... as_of - 6."""
    invited: list[int]
    """Invitations sent on as_of, as_of - 1, ... as_of - 6."""
    arms: tuple[ArmDigest, ArmDigest]
    """Personalised, plain."""


# -- the rule --------------------------------------------------------------------------------


def judge(age: int, lag: int | None, pending_days: int) -> str:
    """The personal study's rule (model.invitations: `is_judged`, `accepted_in_time`), applied
    to an invitation `age` days old accepted `lag` days after sending (None: not accepted):
    "pending" while younger than `pending_days`, then "accepted" if accepted within them, else
    "declined". It depends only on age and lag, so invitations grouped by them (capped just
    past `pending_days`) give the same tables as the invitations one by one."""
    inv = Invitation(0, _EPOCH, None, False,
                     accepted_day=None if lag is None else _EPOCH + timedelta(days=lag))
    today = _EPOCH + timedelta(days=age)
    if not is_judged(inv, today, pending_days):
        return "pending"
    day = accepted_in_time(inv, pending_days)
    return "accepted" if day is not None and day <= today else "declined"


@cache
def judged_from(pending_days: int) -> int:
    """The youngest age `judge` judges (the rule is monotone in age: tests check it)."""
    for age in range(FOLD + 1):
        if judge(age, None, pending_days) != "pending":
            return age
    raise ValueError(f"pending_days {pending_days} is beyond {FOLD - 1}")


@cache
def accepted_within(pending_days: int) -> int:
    """The longest days-to-acceptance `judge` counts as accepted once judged (-1: none)."""
    age = judged_from(pending_days)
    longest = -1
    for lag in range(FOLD):
        if judge(max(age, lag), lag, pending_days) == "accepted":
            longest = lag
    return longest


@cache
def _at_most(limit: int) -> bytes:
    """A translation table: byte values <= limit become 1, the others 0."""
    return bytes(1 if v <= limit else 0 for v in range(256))


# -- building ----------------------------------------------------------------------------------


def build_digest(as_of: date, reading: SharedReading | None,
                 estimates: Iterable[DayEstimate], login_days: Sequence[date],
                 day_counts: Iterable[tuple[date, str, int]],
                 invitations: Iterable[tuple[bool, int, int | None, int, int]]) -> Digest:
    """The digest as of `as_of` from the raw rows up to that day: the estimates of the last
    RECENT_DAYS days, every login day of the current streak (at least the last LOGIN_DAYS),
    the counts of the last 7 days, and the invitations grouped by (personalised, days before
    as_of capped at FOLD, days to acceptance capped at FOLD, stage, how many)."""
    by_day = {e.day: e for e in estimates if as_of - timedelta(days=RECENT_DAYS) < e.day <= as_of}
    series = empty_series()
    end = max(by_day) if by_day else None
    gaps = False
    if end is not None:
        day = min(by_day)
        while day <= end:
            est = by_day.get(day)
            if est is None:
                gaps = True
                for col in series:
                    col.append(math.nan)
            else:
                for col, name in zip(series, SERIES, strict=True):
                    col.append(float(getattr(est, name)))
            day += timedelta(days=1)
    streak = tuple(login_streak(login_days, as_of + timedelta(days=k)).current
                   for k in range(3))
    week: dict[str, list[int]] = {}
    for day, habit, count in day_counts:
        offset = (as_of - day).days
        if 0 <= offset < WEEK and count:
            week.setdefault(habit, [0] * WEEK)[offset] += count
    invited = [0] * WEEK
    young: dict[bool, list[tuple[int, int, int]]] = {True: [], False: []}
    old: dict[bool, dict[str, Any]] = {
        arm: {"n": 0, "lags": {}, "levels": [0] * 6} for arm in (True, False)}
    for personalized, days, lag, level, n in invitations:
        arm = bool(personalized)
        if days < WEEK:
            invited[days] += n
        lag = NO_LAG if lag is None else min(max(lag, 0), FOLD)
        if days < FOLD:
            young[arm].extend([(days, lag, level)] * n)
        else:
            folded = old[arm]
            folded["n"] += n
            folded["levels"][level] += n
            if lag != NO_LAG:
                folded["lags"][lag] = folded["lags"].get(lag, 0) + n
    arms = []
    for arm in (True, False):
        rows = sorted(young[arm])
        folded = old[arm]
        arms.append(ArmDigest(bytes(r[0] for r in rows), bytes(r[1] for r in rows),
                              bytes(r[2] for r in rows), folded["n"],
                              tuple(sorted(folded["lags"].items())), tuple(folded["levels"])))
    return Digest(as_of, reading, end, series, gaps, streak,  # type: ignore[arg-type]
                  week, invited, (arms[0], arms[1]))


# -- storing -----------------------------------------------------------------------------------


def _doubles(data: bytes) -> array:
    values = array("d")
    values.frombytes(data)
    if sys.byteorder == "big":  # stored little-endian
        values.byteswap()
    return values


def to_columns(digest: Digest) -> dict[str, Any]:
    """The digest as the columns both targets store: `head` and `study` JSON text, `series`,
    `personalized` and `plain` bytes (see docs/team.md)."""
    series = array("d")
    for col in digest.series:
        series.extend(col)
    if sys.byteorder == "big":
        series.byteswap()
    r = digest.reading
    head = {"reading": None if r is None else [r.day.isoformat(), r.brand, r.people,
                                                r.insights, r.relationships],
            "series_end": None if digest.series_end is None else digest.series_end.isoformat(),
            "gaps": digest.gaps, "streak": list(digest.streak), "week": digest.week,
            "invited": digest.invited}
    study = [{"old": a.old, "old_lags": [list(p) for p in a.old_lags],
              "old_levels": list(a.old_levels)} for a in digest.arms]
    p, q = digest.arms
    return {"version": VERSION, "as_of": digest.as_of,
            "head": json.dumps(head, separators=(",", ":")),
            "series": series.tobytes(), "study": json.dumps(study, separators=(",", ":")),
            "personalized": p.days + p.lags + p.levels, "plain": q.days + q.lags + q.levels}


def study_from_columns(study: str, personalized: bytes, plain: bytes) -> tuple[ArmDigest,
                                                                                ArmDigest]:
    arms = []
    for folded, blob in zip(json.loads(study), (bytes(personalized), bytes(plain)),
                            strict=True):
        n = len(blob) // 3
        arms.append(ArmDigest(blob[:n], blob[n:2 * n], blob[2 * n:], folded["old"],
                              tuple((lag, k) for lag, k in folded["old_lags"]),
                              tuple(folded["old_levels"])))
    return arms[0], arms[1]


def from_columns(as_of: date, head: str, series: bytes, study: str, personalized: bytes,
                 plain: bytes) -> Digest:
    h = json.loads(head)
    values = _doubles(bytes(series))
    n = len(values) // len(SERIES)
    columns = tuple(values[k * n:(k + 1) * n] for k in range(len(SERIES)))
    r = h["reading"]
    reading = None if r is None else SharedReading(date.fromisoformat(r[0]), *r[1:])
    end = h["series_end"]
    return Digest(as_of, reading, date.fromisoformat(end) if end else None, columns,
                  h["gaps"], tuple(h["streak"]), h["week"], h["invited"],  # type: ignore
                  study_from_columns(study, personalized, plain))


# -- reading on a day --------------------------------------------------------------------------


def rep_data(name: str, last_shared: date | None, digest: Digest, today: date) -> RepData:
    """What the view shows of the rep on `today` (not before the digest's day)."""
    shift = (today - digest.as_of).days
    assert shift >= 0, "a digest answers for its day and later ones only"
    series: tuple[Sequence[float], ...] = digest.series
    end = digest.series_end
    gaps = digest.gaps
    if end is not None:
        n = len(series[0])
        keep = RECENT_DAYS - (today - end).days  # days of the window (today - 91, today]
        if keep <= 0:
            series, end, gaps = empty_series(), None, False
        elif keep < n:
            series = tuple(col[n - keep:] for col in series)
            gaps = gaps and any(math.isnan(v) for v in series[4])
    days = max(WEEK - shift, 0)  # the offsets from as_of inside (today - 7, today]
    week = {habit: total for habit, counts in digest.week.items()
            if (total := sum(counts[:days]))}
    logins = sum(1 for v in digest.week.get("login", ())[:days] if v > 0)
    return RepData(name, last_shared, digest.reading, end, series, gaps,
                   digest.streak[min(shift, 2)], logins, week, sum(digest.invited[:days]))


def arm_counts(stratum: str, arms: tuple[ArmDigest, ArmDigest], as_of: date, today: date,
               pending_days: int) -> tuple[ArmCount, ArmCount]:
    """Both arms of one rep on `today` (not before `as_of`), under the personal study's
    rule: an invitation is judged from `judged_from` days old, accepted if accepted within
    `accepted_within` days."""
    shift = (today - as_of).days
    young_from = judged_from(pending_days) - shift  # recent ones at least this old are judged
    within = _at_most(accepted_within(pending_days))
    out = []
    for personalized, arm in zip((True, False), arms, strict=True):
        i = bisect_left(arm.days, young_from) if young_from > 0 else 0
        lags, levels = arm.lags[i:], arm.levels[i:]
        accepted = lags.translate(within).count(1) + sum(
            k for lag, k in arm.old_lags if within[lag])
        reached = [levels.count(v) + arm.old_levels[v] for v in range(6)]
        funnel = (sum(reached[2:]), sum(reached[3:]), sum(reached[4:]), reached[5])
        out.append(ArmCount(stratum, personalized, i, len(arm.days) - i + arm.old, accepted,
                            funnel))
    return out[0], out[1]


def shape_counts(shapes: Iterable[Shape], pending_days: int) -> list[ArmCount]:
    """Invitations grouped by age and lag (the raw path) as arm counts, judged one group at
    a time with `judge`."""
    cells: dict[tuple[str, bool], list[int]] = {}
    for s in shapes:
        cell = cells.setdefault((s.stratum, s.personalized), [0, 0, 0, 0, 0, 0, 0])
        state = judge(s.age, s.lag, pending_days)
        if state == "pending":
            cell[0] += s.n
            continue
        cell[1] += s.n
        if state == "accepted":
            cell[2] += s.n
        for i in range(4):
            if s.level >= i + 2:
                cell[3 + i] += s.n
    return [ArmCount(stratum, personalized, c[0], c[1], c[2], (c[3], c[4], c[5], c[6]))
            for (stratum, personalized), c in cells.items()]
