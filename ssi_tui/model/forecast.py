"""When will the total reach the target at the current pace? A simulation, not a trend line.

The model is run forward day by day on a history extended with the user's own habits: the last
28 days' counts repeated in a cycle (since the first habit, when the journal is younger; under
a week of habits nothing is projected), invitations sent on the same pattern and accepted at the
rate judged today (one day after sending), the profile as it is, the latest weekly figures
carried forward. The first projected day whose (calibrated, when a calibration is in force) total
reaches the target is the forecast; where the projection levels off is `steady_state`. The range
comes from the habits' own variability: the weakest and the strongest of the last four weeks,
each repeated. Every 28-day window of a 28-day cycle holds exactly one cycle, so the activity
terms are already at their level today; what still moves is the 90-day terms (acceptance,
views, colleagues) and the year of groups, which is why the projection runs a year ahead.

The plan: the smallest change to the daily habits that lifts the steady state to the target,
chosen greedily by points gained per minute of effort (`effort_seconds`), respecting the brand
gate (no engagement below it). Pure functions: no storage, no text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ssi_tui.domain import PILLAR_MAX, PILLARS, History
from ssi_tui.model.estimate import Estimate, estimate_laid_out, pillar_values, points
from ssi_tui.model.projection import WEEK, Extra, RealDays, projected_layout, real_days
from ssi_tui.model.settings import ScoringSettings
from ssi_tui.model.terms import COUNTED

CYCLE = 28
MIN_PACE_DAYS = 7
"""Ours: the pace is read from a week of habits at least, so that the weekly ones (a group, a
colleague, a post) can show in it. Before that the forecast only says how many days it has."""
HORIZON_DAYS = 365
"""A year: every window, groups' included, then holds only projected days."""
COARSE = 7
"""The projection is estimated weekly, then day by day inside the week that crosses."""

Shown = Callable[[dict[str, float]], float]
"""Model pillar values → the total as displayed (calibrated when a calibration is in force)."""


def model_total(values: dict[str, float]) -> float:
    return round(sum(values.values()), 1)


@dataclass(frozen=True, slots=True)
class Forecast:
    target: float
    expected_day: date | None
    """First projected day at or above the target; None when the projection levels off below."""
    earliest: date | None
    """The same, repeating the strongest of the last four weeks."""
    latest: date | None
    """The same, repeating the weakest of the last four weeks (None: not even then)."""
    steady_state: float
    """The total the projection settles at (a year ahead); today's total when the pace is too
    short to project."""
    pace_days: int = CYCLE
    """The days of habits the pace was read from: 28, or fewer when the first habit in the
    journal is more recent. Under MIN_PACE_DAYS nothing is projected."""

    @property
    def projected(self) -> bool:
        return self.pace_days >= MIN_PACE_DAYS

    @property
    def reached(self) -> bool:
        return self.expected_day is not None and self.earliest == self.expected_day == \
            self.latest


@dataclass(frozen=True, slots=True)
class Change:
    habit: str
    """A plan habit key (see PLAN_HABITS)."""
    count: int
    period_days: int
    """1 for a daily habit, 7 for a weekly one (`count` a week)."""

    @property
    def per_day(self) -> float:
        return round(self.count / self.period_days, 3)


@dataclass(frozen=True, slots=True)
class Plan:
    target: float
    expected_day: date | None
    changes: tuple[Change, ...]
    keep: bool = False
    """Already at the target, but the pace slips below it: the plan keeps it there."""


PLAN_HABITS: dict[str, tuple[str, str, bool, int]] = {
    # plan habit: (term it feeds, effort key, held back below the brand gate, period in days)
    "comment": ("comments", "comments", True, 1),
    "like": ("likes", "likes", True, 1),
    "share": ("shares", "shares", True, WEEK),
    "post": ("publishing", "post", True, WEEK),
    "search": ("searches", "searches", False, 1),
    "profile_view_2": ("views_2nd", "views_2nd", False, 1),
    "profile_view_3": ("views_3rd", "views_3rd", False, 1),
    "invitation_2": ("invitations_2nd", "invitations_2nd", False, 1),
    "invitation_3": ("invitations_3rd", "invitations_3rd", False, 1),
    "group_join": ("groups", "groups", False, WEEK),
    "colleague_connection": ("colleagues", "colleagues", False, WEEK),
}
"""The habits a plan may raise, daily or weekly, each feeding one counted term. Posts are
weekly, as their to-do is, and held back below the brand gate like engagement (article 1:
finish the profile before posting). The profile's items are not habits: their to-dos stand."""


def _judged_rate(est: Estimate) -> float:
    for pillar in est.pillars.values():
        for term in pillar.terms:
            if term.key == "acceptance_rate":
                return term.value
    return 0.0


def _first_day(real: RealDays, template: Sequence[date], rate: float, shown: Shown,
               target: float, horizon: int,
               extra: Extra | None = None) -> tuple[date | None, dict[str, float]]:
    """First projected day at or above `target` (weekly, then daily within the week), and the
    pillars at the horizon. Weeks after the crossing are not estimated: nothing reads them."""
    today, s = real.today, real.settings
    days = [today + timedelta(days=k) for k in range(COARSE, horizon + 1, COARSE)]
    end = today + timedelta(days=horizon)
    values = pillar_values(projected_layout(real, template, rate, horizon, min([*days, end]),
                                            end, extra), s)
    at_end = values(end)
    crossing = next((d for d in days if shown(values(d)) >= target), None)
    if crossing is None:
        return (end if shown(at_end) >= target else None), at_end
    week = [crossing - timedelta(days=i) for i in range(COARSE - 1, 0, -1)]
    daily = pillar_values(projected_layout(real, template, rate, horizon, week[0], week[-1],
                                           extra), s)
    first = next((d for d in week if shown(daily(d)) >= target), crossing)
    return first, at_end


def _steady(real: RealDays, template: Sequence[date], rate: float, horizon: int) -> Estimate:
    """The projection's estimate at the horizon."""
    end = real.today + timedelta(days=horizon)
    layout = projected_layout(real, template, rate, horizon, end, end)
    return estimate_laid_out([end], layout, real.settings)[end]


def _strength(history: History, days: Sequence[date], settings: ScoringSettings) -> float:
    """How much a week of habits is worth: each count times its term's points per unit."""
    slope = {key: settings.term(term).weight / settings.term(term).target
             for term, keys in COUNTED.items() if term in settings.terms for key in keys}
    total = 0.0
    for day in days:
        for key, n in history.counts.get(day, {}).items():
            total += slope.get(key, 0.0) * n
    week = set(days)
    total += sum(1 for inv in history.invitations if inv.sent_day in week)
    return total


def pace_cycle(history: History, today: date) -> list[date]:
    """The days the pace is read from: the last 28, or since the first habit in the history
    when that is more recent (the days before it are unknown to the journal, not idle)."""
    logged = [day for day, counts in history.counts.items() if day <= today and any(
        counts.values())]
    logged += [inv.sent_day for inv in history.invitations if inv.sent_day <= today]
    if not logged:
        return []
    n = min(CYCLE, (today - min(logged)).days + 1)
    return [today - timedelta(days=n - 1 - i) for i in range(n)]


def forecast(history: History, today: date, current: Estimate, target: float,
             settings: ScoringSettings | None = None, shown: Shown = model_total,
             horizon: int = HORIZON_DAYS) -> Forecast:
    """Project the last 28 days' habits (and the weakest and strongest week) forward."""
    s = settings or ScoringSettings()
    cycle = pace_cycle(history, today)
    now = shown(current.values)
    if len(cycle) < MIN_PACE_DAYS:
        reached = today if now >= target else None
        return Forecast(target, reached, reached, reached, now, pace_days=len(cycle))
    rate = _judged_rate(current)
    real = real_days(history, today, s)
    if now >= target:
        steady = shown(_steady(real, cycle, rate, horizon).values)
        return Forecast(target, today, today, today, steady, pace_days=len(cycle))
    expected, end = _first_day(real, cycle, rate, shown, target, horizon)
    weeks = [cycle[i:i + WEEK] for i in range(len(cycle) % WEEK, len(cycle), WEEK)]
    ranked = sorted(weeks, key=lambda w: _strength(history, w, s))
    earliest, _ = _first_day(real, ranked[-1], rate, shown, target, horizon)
    latest, _ = _first_day(real, ranked[0], rate, shown, target, horizon)
    if expected is not None:  # the range holds the forecast
        earliest = min(earliest or expected, expected)
        latest = max(latest, expected) if latest is not None else None
    return Forecast(target, expected, earliest, latest, shown(end), pace_days=len(cycle))


def plan(history: History, today: date, current: Estimate, fc: Forecast,
         settings: ScoringSettings | None = None, shown: Shown = model_total,
         gated: bool = False, max_steps: int = 60,
         horizon: int = HORIZON_DAYS) -> Plan | None:
    """The smallest change to the daily habits that lifts the steady state to the target, by
    points per minute; None when the current pace already settles there or nothing would."""
    s = settings or ScoringSettings()
    if fc.steady_state >= fc.target or not fc.projected:
        return None
    rate = _judged_rate(current)
    cycle = pace_cycle(history, today)
    real = real_days(history, today, s)
    steady = _steady(real, cycle, rate, horizon)
    values = {t.key: t.value for p in steady.pillars.values() for t in p.terms}
    pillar_of = {t.key: p for p, ps in steady.pillars.items() for t in ps.terms}
    earned = {t.key: t.points for p in steady.pillars.values() for t in p.terms}
    windows = {"groups": s.group_window_days, "colleagues": s.rate_window_days}
    added: dict[str, int] = {}

    def pillars() -> dict[str, float]:
        sums = dict.fromkeys(PILLARS, 0.0)
        for key, pts in earned.items():
            sums[pillar_of[key]] += pts
        return {p: round(min(PILLAR_MAX, v), 1) for p, v in sums.items()}

    for _ in range(max_steps):
        if shown(pillars()) >= fc.target:
            break
        best, best_rate, best_points = None, 0.0, 0.0
        for habit, (term, effort, held, every) in PLAN_HABITS.items():
            if held and gated:
                continue
            # one more every `every` days adds that many to the term's window
            window = windows.get(term, s.activity_window_days)
            new = points(s.term(term), values[term] + window / every)
            gain = new - earned[term]
            per_minute = gain / (s.effort(effort) / 60 / every)
            if gain > 1e-9 and per_minute > best_rate:
                best, best_rate, best_points = habit, per_minute, new
        if best is None:
            return None
        term, every = PLAN_HABITS[best][0], PLAN_HABITS[best][3]
        values[term] += windows.get(term, s.activity_window_days) / every
        earned[term] = best_points
        added[best] = added.get(best, 0) + 1
    else:
        return None
    if not added:
        return None
    extra = {h: (n, PLAN_HABITS[h][3]) for h, n in added.items()}
    keep = fc.expected_day == today
    day = None if keep else _first_day(real, cycle, rate, shown, fc.target, horizon, extra)[0]
    order = list(PLAN_HABITS)
    return Plan(fc.target, day, tuple(Change(h, n, PLAN_HABITS[h][3]) for h, n in
                                      sorted(added.items(), key=lambda p: order.index(p[0]))),
                keep)
