"""The Status: what the dashboard and `ssi-tui status` show for one day.

`StatusBuilder` keeps what it read and computed between two refreshes, so logging one habit
re-reads one day and re-estimates one day, whatever the size of the journal; the CLI's
`build_status` is the same computation done once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from ssi_tui.domain import PILLARS, Event, History, Reading
from ssi_tui.i18n import translator
from ssi_tui.model import (
    Alert,
    Estimate,
    Reach,
    Streak,
    Todo,
    estimate_series,
    login_streak,
    reach_band,
    todos,
    warnings,
)
from ssi_tui.model.calibration import Accuracy, Calibration, accuracy
from ssi_tui.model.forecast import Forecast, Plan, forecast, plan
from ssi_tui.model.terms import TERM_DEFS
from ssi_tui.model.todos import gate_brand, todos_left
from ssi_tui.views.calibration import (
    ACCURACY_DAYS,
    in_use,
    reading_pairs,
    shown_pillars,
    stored_calibration,
)

SPARK_DAYS = 90
CHANGE_DAYS = 7
RECENT_ENTRIES = 8


@dataclass(frozen=True)
class Status:
    """Everything the dashboard and `ssi-tui status` show for one day."""

    day: date
    estimate: Estimate
    """The model's own estimate (before calibration)."""
    shown: dict[str, float]
    """The four pillars as displayed: calibrated when that is better out of sample."""
    calibrated: bool
    change: dict[str, float]
    reach: Reach
    streak: Streak
    todos: list[Todo]
    warnings: list[Alert]
    series: list[float]
    """The displayed total of each of the last 90 days, oldest first (ends with `day`)."""
    last_reading: Reading | None
    reading_gap: float | None
    """Estimate minus reading on the last reading's day (positive: we estimate too high)."""
    accuracy: Accuracy
    calibration: Calibration | None
    forecasts: tuple[Forecast, ...]
    """One forecast, for the configured target (`target_total`, 75 unless set)."""
    recent: tuple[Event, ...] = ()
    """The last entries logged, newest first (the dashboard lists them when there is room)."""
    gate: tuple[float, str] = (0.0, "model")
    """The brand figure the gate reads and its source: "reading", "calibrated" or "model"."""
    plan: Plan | None = None
    """The smallest change of daily habits reaching the target, when the pace does not."""
    term_sources: dict[str, str] | None = None
    """Per term: "article" when its target is the articles' figure, else "project"."""

    @property
    def todos_left(self) -> int:
        """The one count of to-dos left, for every face (status, --line, --json, dashboard)."""
        return todos_left(self.todos)

    @property
    def pillars(self) -> dict[str, float]:
        return self.shown

    @property
    def total(self) -> float:
        return round(sum(self.shown.values()), 1)

    def as_json(self) -> dict[str, Any]:
        """What `status --json` prints: codes and figures, and English words beside the codes
        whatever the interface language (worded by translator("en"), nothing switched)."""
        from ssi_tui.views.texts import reach_name, todo_reason, todo_title, warning_text

        acc = self.accuracy
        en = translator("en")
        return {
            "day": self.day.isoformat(),
            "pillars": self.pillars,
            "total": self.total,
            "shown": "calibrated" if self.calibrated else "model",
            "model_pillars": self.estimate.values,
            "reach": {"band": reach_name(self.reach, en), "code": self.reach.code,
                      "multiplier": self.reach.multiplier},
            "streak": self.streak.current,
            "longest_streak": self.streak.longest,
            "change_7d": self.change,
            "todos_left": self.todos_left,
            "todos": [
                {"key": t.key, "title": todo_title(t, en), "done": t.done,
                 "progress": t.progress, "target": t.target, "pillar": t.pillar,
                 "weekly": t.weekly, "reason": todo_reason(t, en), "reason_code": t.reason,
                 "action": list(t.action) if t.action is not None else None,
                 "why": {"term": t.term, "points": round(t.points, 3),
                         "points_per_minute": round(t.points_per_minute, 3),
                         "effort_seconds": t.effort_seconds, "article": t.quote}}
                for t in self.todos
            ],
            "gate": {"brand": self.gate[0], "source": self.gate[1]},
            "terms": {
                t.key: {"pillar": t.pillar, "points": round(t.points, 2),
                        "weight": t.max_points, "value": round(t.value, 4), "target": t.target,
                        "source": (self.term_sources or {}).get(t.key, "project")}
                for p in self.estimate.pillars.values() for t in p.terms
            },
            "warnings": [warning_text(w, en) for w in self.warnings],
            "warning_codes": [w.code for w in self.warnings],
            "last_reading": None if self.last_reading is None else {
                "day": self.last_reading.day.isoformat(),
                "total": self.last_reading.total,
                "pillars": self.last_reading.pillars,
                "gap": self.reading_gap,
            },
            "accuracy": {
                "readings": acc.readings, "mae_total": acc.mae_total,
                "mae_pillars": acc.mae_pillars, "bias_total": acc.bias_total,
                "mae_total_last_8": acc.mae_total_recent, "bias_total_last_8":
                    acc.bias_total_recent,
            },
            "forecast": _forecast_json(self.forecasts[0]),
            "plan": None if self.plan is None else {
                "target": self.plan.target,
                "expected_day": self.plan.expected_day.isoformat()
                if self.plan.expected_day else None,
                "changes": [{"habit": c.habit, "per_day": c.per_day} for c in self.plan.changes],
            },
        }


def _forecast_json(f: Forecast) -> dict[str, Any]:
    def iso(d: date | None) -> str | None:
        return d.isoformat() if d else None

    return {"target": f.target, "expected_day": iso(f.expected_day), "earliest": iso(f.earliest),
            "latest": iso(f.latest), "steady_state": f.steady_state, "pace_days": f.pace_days}


class StatusBuilder:
    """Builds the Status for the app, keeping the history read and the past days' estimates
    between refreshes: after a habit is logged, only that day is re-read and re-estimated."""

    def __init__(self, journal: Any) -> None:
        self.journal = journal
        self.history: History | None = None
        self.estimates: dict[date, Estimate] = {}
        self.day: date | None = None
        self.pairs: list[tuple[Reading, Estimate]] | None = None
        self.streaks: dict[tuple[int, date | None, date], Streak] = {}
        """Login streaks scan every login day ever: remember them until a login changes."""

    def invalidate(self) -> None:
        self.history = None

    def build(self, day: date | None = None, accuracy: bool = True) -> Status:
        """`accuracy=False` skips the official readings' days (a quicker first frame, and
        `status --line`); a later full build fills them in."""
        day = day or self.journal.today()
        if self.history is None or day != self.day or (accuracy and self.pairs is None):
            self._read_all(day, accuracy)
        assert self.history is not None
        return _compose(self.journal, day, self.history, self.estimates, self.pairs or [],
                        self.streaks)

    def after_event(self, event_day: date, kind: str) -> Status:
        """One habit was logged (or undone) on `event_day`: patch that day, recompute from it."""
        day = self.journal.today()
        if self.history is None or day != self.day:
            return self.build(day)
        counts = dict(self.history.counts)
        counts[event_day] = self.journal.counts_for(event_day)
        logins = self.history.login_days
        if kind == "login":
            logins = self.journal.login_days()
        self.history = replace(self.history, counts=counts, login_days=logins)
        stale = [d for d in self.estimates if d >= event_day]
        for d in stale:
            del self.estimates[d]
        if any(r.day >= event_day for r, _ in self.pairs or []):
            # a backfill before a reading changes that reading's estimate
            self._read_all(day, accuracy=True)
            assert self.history is not None
        return _compose(self.journal, day, self.history, self.estimates, self.pairs or [],
                        self.streaks)

    def _read_all(self, day: date, accuracy: bool = True) -> None:
        """One read deep enough for the readings' days (up to a year back); only what the
        90-day trend needs is kept, so re-estimating a day after a keystroke stays cheap."""
        start = day - timedelta(days=SPARK_DAYS - 1)
        first = start
        if accuracy:
            readings = self.journal.readings()
            first = next((r.day for r in readings
                          if r.day >= day - timedelta(days=ACCURACY_DAYS)), start)
        deep = self.journal.history(min(first, start), day)
        self.pairs = reading_pairs(self.journal, deep, day) if accuracy else None
        self.history = _trimmed(deep, start, self.journal.settings)
        self.estimates = {}
        self.day = day

def _trimmed(history: History, start: date, settings: Any) -> History:
    """The part of a history that estimating `start` onwards needs."""
    first = start - timedelta(days=settings.scoring.lookback_days)
    return replace(
        history,
        counts={d: c for d, c in history.counts.items() if d >= first},
        invitations=[i for i in history.invitations if i.sent_day >= first],
    )


def _compose(journal: Any, day: date, history: History, cache: dict[date, Estimate],
             pairs: list[tuple[Reading, Estimate]],
             streaks: dict[tuple[int, date | None, date], Streak] | None = None) -> Status:
    scoring = journal.settings.scoring
    start = day - timedelta(days=SPARK_DAYS - 1)
    missing = [start + timedelta(days=i) for i in range(SPARK_DAYS)
               if start + timedelta(days=i) not in cache]
    if missing:
        for est in estimate_series(missing[0], day, history, scoring):
            cache[est.day] = est
    series = [cache[start + timedelta(days=i)] for i in range(SPARK_DAYS)]
    current, week_ago = series[-1], series[-1 - CHANGE_DAYS]
    cal = stored_calibration(journal)
    use = in_use(cal)

    def shown(est: Estimate) -> dict[str, float]:
        return shown_pillars(cal, est)

    now, before = shown(current), shown(week_ago)
    change = {p: round(now[p] - before[p], 1) for p in PILLARS}
    totals = [round(sum(shown(e).values()), 1) for e in series]
    change["total"] = round(totals[-1] - totals[-1 - CHANGE_DAYS], 1)
    last = history.readings[-1] if history.readings else None
    gap = None
    if last is not None:
        match = [e for r, e in pairs if r.day == last.day]
        if match:
            gap = round(sum(shown(match[0]).values()) - last.total, 1)
    gate = gate_brand(current, now if use else None, history, day)

    def shown_total(values: dict[str, float]) -> float:
        if use and cal is not None:
            return round(sum(cal.fits[p].apply(values[p]) for p in PILLARS), 1)
        return round(sum(values.values()), 1)

    fc = forecast(history, day, current, scoring.target_total, scoring, shown_total)
    advice = plan(history, day, current, fc, scoring, shown_total,
                  gated=gate[0] < scoring.brand_gate)
    return Status(
        day=day, estimate=current, shown=now, calibrated=use, change=change,
        reach=reach_band(totals[-1]), streak=_streak(history, day, streaks),
        todos=todos(day, history, current, scoring, brand=gate[0]),
        warnings=warnings(day, history, current, scoring, brand=gate),
        gate=gate, term_sources={d.key: d.target_source for d in TERM_DEFS},
        series=totals, last_reading=last, reading_gap=gap, accuracy=accuracy(pairs),
        calibration=cal, forecasts=(fc,), plan=advice,
        recent=tuple(journal.events(limit=RECENT_ENTRIES)),
    )


def _streak(history: History, day: date,
            cache: dict[tuple[int, date | None, date], Streak] | None) -> Streak:
    logins = history.login_days
    key = (len(logins), logins[-1] if logins else None, day)
    if cache is None:
        return login_streak(logins, day)
    if key not in cache:
        cache.clear()
        cache[key] = login_streak(logins, day)
    return cache[key]


def build_status(journal: Any, day: date | None = None, accuracy: bool = True) -> Status:
    """The Status of one day, computed once (the CLI's path)."""
    return StatusBuilder(journal).build(day, accuracy)
