"""The team view model: leaderboard, pillars by rep, team trend, habits against the to-dos, the
pooled invitation study and who needs help with which pillar. Pure functions over a
`TeamSnapshot` (no SQL, no files, no Textual); the screen and `team --json` both show this."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate
from operator import add
from statistics import median
from typing import Any

from ssi_tui.domain import PILLARS
from ssi_tui.model.settings import ScoringSettings
from ssi_tui.model.stats import compare_proportions
from ssi_tui.team.digest import judge as judge
from ssi_tui.team.pooled import Cmh, Heterogeneity, Table, breslow_day, cmh_test
from ssi_tui.team.snapshot import (
    LEVELS,
    RECENT_DAYS,
    WEEK,
    ArmCount,
    RepData,
    TeamSnapshot,
    TrendPoint,
)

ARMS = ("personalized", "plain")
FUNNEL = LEVELS[1:]
HELP_GAP = 2.5
"""The project's threshold: a pillar 2.5 points (a tenth of its 25) below the team's median
flags the rep as needing help with it."""
STALE_DAYS = 7
"""A rep whose last share is older than this is marked stale on the leaderboard."""
HABITS = ("logins", "searches", "views", "engagements", "invitations", "posts")
HABIT_PILLAR = {"logins": "people", "searches": "people", "views": "people",
                "engagements": "insights", "invitations": "relationships", "posts": "brand"}


@dataclass(frozen=True, slots=True)
class RepRow:
    name: str
    last_reading: tuple[date, float] | None
    estimate: float | None
    estimate_day: date | None
    change_7d: float | None
    change_28d: float | None
    streak: int
    todos_done_week: float | None
    pillars: dict[str, float] | None
    stale: bool


@dataclass(frozen=True, slots=True)
class HabitRow:
    """The last 7 days against the to-dos' targets: per-day averages (logins: days of 7;
    posts: the week's count)."""

    name: str
    values: dict[str, float]
    todos_done_week: float | None


@dataclass(frozen=True, slots=True)
class HelpNeed:
    name: str
    pillar: str
    value: float
    team_median: float
    gap: float
    habit: str | None
    """The weakest habit of that pillar against its target (None: no habit data)."""


@dataclass(frozen=True, slots=True)
class ArmTotals:
    judged: int
    accepted: int
    pending: int
    funnel: dict[str, int]

    @property
    def rate(self) -> float | None:
        return self.accepted / self.judged if self.judged else None


@dataclass(frozen=True, slots=True)
class Stratum:
    table: Table
    p_value: float | None
    """Within the rep, as the personal study compares: Fisher's exact test when an expected
    cell is below 5, else the z-test (None: one arm empty)."""


@dataclass(frozen=True)
class PooledStudy:
    arms: dict[str, ArmTotals]
    strata: list[Stratum]
    cmh: Cmh | None
    heterogeneity: Heterogeneity | None
    pending_days: int

    def as_json(self) -> dict[str, Any]:
        def arm(t: ArmTotals) -> dict[str, Any]:
            return {"judged": t.judged, "accepted": t.accepted, "rate": t.rate,
                    "pending": t.pending, "funnel": dict(t.funnel)}

        cmh = self.cmh
        return {
            "arms": {name: arm(t) for name, t in self.arms.items()},
            "strata": [{"name": s.table.name,
                        "personalized": {"judged": s.table.judged_personalized,
                                         "accepted": s.table.accepted_personalized},
                        "plain": {"judged": s.table.judged_plain,
                                  "accepted": s.table.accepted_plain},
                        "p_value": s.p_value} for s in self.strata],
            "cmh": {"statistic": cmh.statistic if cmh else None,
                    "p_value": cmh.p_value if cmh else None,
                    "odds_ratio": cmh.odds_ratio if cmh else None},
            "heterogeneity": {"p_value": self.heterogeneity.p_value
                              if self.heterogeneity else None},
        }


@dataclass(frozen=True)
class TeamBoard:
    day: date
    reps: list[RepRow]
    team_pillars: dict[str, float] | None
    trend: list[TrendPoint]
    habits: list[HabitRow]
    targets: dict[str, float]
    needs_help: list[HelpNeed]
    study: PooledStudy
    complete: bool
    skipped: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        def iso(d: date | None) -> str | None:
            return d.isoformat() if d else None

        return {
            "day": self.day.isoformat(),
            "reps": [{"name": r.name,
                      "last_reading": None if r.last_reading is None else
                      {"day": iso(r.last_reading[0]), "total": r.last_reading[1]},
                      "estimate": r.estimate, "change_7d": r.change_7d,
                      "change_28d": r.change_28d, "streak": r.streak,
                      "todos_done_week": r.todos_done_week} for r in self.reps],
            "pillars": {r.name: r.pillars for r in self.reps if r.pillars is not None},
            "team_pillars": self.team_pillars,
            "trend": [{"day": iso(p.day), "reps": p.reps, "total": p.total,
                       **{k: getattr(p, k) for k in PILLARS}} for p in self.trend],
            "habits": {"targets": self.targets,
                       "reps": [{"name": h.name, **h.values,
                                 "todos_done_week": h.todos_done_week} for h in self.habits]},
            "needs_help": [{"name": n.name, "pillar": n.pillar, "value": n.value,
                            "team_median": n.team_median, "gap": n.gap, "habit": n.habit}
                           for n in self.needs_help],
            "study": self.study.as_json(),
            "complete": self.complete,
            "skipped": list(self.skipped),
        }


def pooled_study(counts: Iterable[ArmCount], pending_days: int) -> PooledStudy:
    """Each rep's arms (the judged/pending rule already applied) into the per-rep tables,
    the arms' totals and funnel, CMH and Breslow–Day."""
    judged: dict[tuple[str, bool], list[int]] = defaultdict(lambda: [0, 0])
    arms = {arm: {"judged": 0, "accepted": 0, "pending": 0,
                  "funnel": dict.fromkeys(FUNNEL, 0)} for arm in ARMS}
    for c in counts:
        arm: Any = arms[ARMS[0] if c.personalized else ARMS[1]]
        arm["pending"] += c.pending
        if not c.judged:
            continue
        cell = judged[(c.stratum, c.personalized)]
        cell[0] += c.accepted
        cell[1] += c.judged
        arm["judged"] += c.judged
        arm["accepted"] += c.accepted
        for stage, n in zip(FUNNEL, c.funnel, strict=True):  # as the personal study: of judged
            arm["funnel"][stage] += n
    strata = []
    for name in sorted({stratum for stratum, _ in judged}):
        (ap, np_), (ac, nc) = judged[(name, True)], judged[(name, False)]
        table = Table(name, ap, np_, ac, nc)
        p = compare_proportions(ap, np_, ac, nc).p_value if np_ and nc else None
        strata.append(Stratum(table, p))
    tables = [s.table for s in strata]
    cmh = cmh_test(tables)
    return PooledStudy({k: ArmTotals(**v) for k, v in arms.items()}, strata, cmh,
                       breslow_day(tables, cmh.odds_ratio if cmh else None), pending_days)


def _latest(rep: RepData) -> int | None:
    """The index of the last day with an estimate in the rep's series."""
    if rep.series_end is None:
        return None
    totals = rep.series[4]
    i = len(totals) - 1
    while i >= 0 and math.isnan(totals[i]):
        i -= 1
    return i if i >= 0 else None


def _change(rep: RepData, i: int, days: int) -> float | None:
    totals = rep.series[4]
    if i - days < 0 or math.isnan(totals[i - days]):
        return None
    return round(totals[i] - totals[i - days], 1)


def _todos_week(rep: RepData, today: date) -> float | None:
    if rep.series_end is None:
        return None
    n = len(rep.series[4])
    keep = WEEK - (today - rep.series_end).days  # days of (today - 7, today] in the series
    if keep <= 0:
        return None
    done, total = rep.series[5][max(n - keep, 0):], rep.series[6][max(n - keep, 0):]
    if rep.gaps:
        pairs = [(d, t) for d, t in zip(done, total, strict=True) if not math.isnan(t)]
        done, total = [d for d, _ in pairs], [t for _, t in pairs]
    all_todos = sum(total)
    return round(sum(done) / all_todos, 3) if all_todos else None


def rep_row(rep: RepData, today: date) -> RepRow:
    i = _latest(rep)
    day = None if i is None or rep.series_end is None else (
        rep.series_end - timedelta(days=len(rep.series[4]) - 1 - i))
    return RepRow(
        name=rep.name,
        last_reading=(rep.last_reading.day, round(sum(getattr(rep.last_reading, p)
                                                      for p in PILLARS), 1))
        if rep.last_reading else None,
        estimate=round(rep.series[4][i], 1) if i is not None else None, estimate_day=day,
        change_7d=_change(rep, i, 7) if i is not None else None,
        change_28d=_change(rep, i, 28) if i is not None else None,
        streak=rep.streak,
        todos_done_week=_todos_week(rep, today),
        pillars={p: round(rep.series[k][i], 1) for k, p in enumerate(PILLARS)}
        if i is not None else None,
        stale=rep.last_shared is None or (today - rep.last_shared).days > STALE_DAYS,
    )


def habit_row(rep: RepData, today: date) -> HabitRow:
    c = rep.week_counts
    values = {
        "logins": float(rep.week_logins),
        "searches": c.get("search", 0) / WEEK,
        "views": sum(c.get(k, 0) for k in ("profile_view", "profile_view_2",
                                           "profile_view_3")) / WEEK,
        "engagements": sum(c.get(k, 0) for k in ("like", "comment", "share")) / WEEK,
        "invitations": rep.week_invitations / WEEK,
        "posts": float(c.get("post", 0) + c.get("article", 0)),
    }
    return HabitRow(rep.name, {k: round(v, 1) for k, v in values.items()},
                    _todos_week(rep, today))


def habit_targets(settings: ScoringSettings) -> dict[str, float]:
    """The to-dos' targets in the habits table's units (the team uses the viewer's config)."""
    return {"logins": float(WEEK), "searches": float(settings.daily_searches),
            "views": float(settings.daily_profile_views),
            "engagements": float(settings.daily_engagements),
            "invitations": float(settings.daily_invitations),
            "posts": float(settings.weekly_posts)}


def team_trend(reps: tuple[RepData, ...], today: date) -> list[TrendPoint]:
    """Each day's average over the reps who shared an estimate for it (columns added a rep
    at a time, in the reps' order)."""
    first = today - timedelta(days=RECENT_DAYS - 1)
    width = RECENT_DAYS
    sums = [[0.0] * width for _ in range(5)]
    starts = [0] * (width + 1)  # reps with a value from each day on, minus those that stop
    gappy = [0] * width
    for rep in reps:
        if rep.series_end is None or rep.series_end > today:
            continue
        n = len(rep.series[4])
        start = (rep.series_end - first).days - n + 1  # where the rep's first value falls
        skip = max(0, -start)
        start, n = start + skip, n - skip
        if n <= 0:
            continue
        stop = start + n
        if not rep.gaps:
            for k in range(5):
                sums[k][start:stop] = map(add, sums[k][start:stop], rep.series[k][skip:])
            starts[start] += 1
            starts[stop] -= 1
            continue
        for j in range(n):
            if not math.isnan(rep.series[4][skip + j]):
                for k in range(5):
                    sums[k][start + j] += rep.series[k][skip + j]
                gappy[start + j] += 1
    counts = list(map(add, accumulate(starts[:width]), gappy))
    return [TrendPoint(first + timedelta(days=j), counts[j],
                       *(round(sums[k][j] / counts[j], 2) for k in range(5)))
            for j in range(width) if counts[j]]


def needs_help(rows: list[RepRow], habits: list[HabitRow],
               targets: dict[str, float]) -> list[HelpNeed]:
    """Each rep's pillar furthest below the team's median, when that is HELP_GAP or more,
    with the weakest habit of that pillar; the biggest gaps first."""
    scored = [r for r in rows if r.pillars is not None]
    if len(scored) < 2:
        return []
    medians = {p: median(r.pillars[p] for r in scored if r.pillars) for p in PILLARS}
    by_name = {h.name: h for h in habits}
    needs = []
    for row in scored:
        assert row.pillars is not None
        pillar = max(PILLARS, key=lambda p: medians[p] - row.pillars[p])  # type: ignore[index]
        gap = round(medians[pillar] - row.pillars[pillar], 1)
        if gap < HELP_GAP:
            continue
        habit = None
        h = by_name.get(row.name)
        candidates = [k for k in HABITS if HABIT_PILLAR[k] == pillar and targets.get(k)]
        if h is not None and candidates:
            habit = min(candidates, key=lambda k: h.values[k] / targets[k])
        needs.append(HelpNeed(row.name, pillar, row.pillars[pillar], round(medians[pillar], 1),
                              gap, habit))
    return sorted(needs, key=lambda n: -n.gap)


def team_board(snapshot: TeamSnapshot, settings: ScoringSettings | None = None) -> TeamBoard:
    settings = settings or ScoringSettings()
    today = snapshot.today
    rows = sorted((rep_row(r, today) for r in snapshot.reps),
                  key=lambda r: (r.estimate is None, -(r.estimate or 0), r.name))
    habits = [habit_row(r, today) for r in sorted(snapshot.reps, key=lambda r: r.name)]
    targets = habit_targets(settings)
    trend = list(snapshot.trend) if snapshot.trend is not None else team_trend(snapshot.reps,
                                                                               today)
    team_pillars = None
    if trend:
        last = trend[-1]
        team_pillars = {p: round(getattr(last, p), 1) for p in (*PILLARS, "total")}
    return TeamBoard(today, rows, team_pillars, trend, habits, targets,
                     needs_help(rows, habits, targets),
                     pooled_study(snapshot.study, settings.pending_days), snapshot.complete,
                     snapshot.skipped)
