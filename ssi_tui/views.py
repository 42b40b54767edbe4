"""View models: what a screen or a command shows, computed once from the journal and the model.

The CLI's `status` and the app's dashboard both render a `Status`; neither computes anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ssi_tui.domain import PILLARS, Reading
from ssi_tui.model import (
    Estimate,
    Reach,
    Streak,
    Study,
    Todo,
    estimate_series,
    invitation_study,
    login_streak,
    reach_band,
    todos,
    warnings,
)

SPARK_DAYS = 90
CHANGE_DAYS = 7


@dataclass(frozen=True)
class Status:
    """Everything the dashboard and `ssi-tui status` show for one day."""

    day: date
    estimate: Estimate
    change: dict[str, float]
    """Change of each pillar (and "total") over the last 7 days."""
    reach: Reach
    streak: Streak
    todos: list[Todo]
    warnings: list[str]
    series: list[float]
    """The estimated total of each of the last 90 days, oldest first (ends with `day`)."""
    last_reading: Reading | None
    reading_estimate: Estimate | None
    """The estimate for the day of the last reading, to show the gap beside it."""

    @property
    def pillars(self) -> dict[str, float]:
        return {key: self.estimate.pillars[key].value for key in PILLARS}

    @property
    def total(self) -> float:
        return self.estimate.total

    @property
    def reading_gap(self) -> float | None:
        """Estimate minus reading, on the reading's day (positive: we estimate too high)."""
        if self.last_reading is None or self.reading_estimate is None:
            return None
        return round(self.reading_estimate.total - self.last_reading.total, 1)

    def as_json(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            "pillars": self.pillars,
            "total": self.total,
            "reach": {"band": self.reach.band, "multiplier": self.reach.multiplier},
            "streak": self.streak.current,
            "longest_streak": self.streak.longest,
            "change_7d": self.change,
            "todos": [
                {"title": t.title, "done": t.done, "progress": t.progress, "target": t.target,
                 "pillar": t.pillar, "weekly": t.weekly, "reason": t.reason}
                for t in self.todos
            ],
            "warnings": list(self.warnings),
            "last_reading": None if self.last_reading is None else {
                "day": self.last_reading.day.isoformat(),
                "total": self.last_reading.total,
                "pillars": self.last_reading.pillars,
                "gap": self.reading_gap,
            },
        }


def build_status(journal: Any, day: date | None = None) -> Status:
    """Read the windows the day needs, once, and run the model over them."""
    day = day or journal.today()
    start = day - timedelta(days=SPARK_DAYS - 1)
    history = journal.history(start, day)
    scoring = journal.settings.scoring
    series = estimate_series(start, day, history, scoring)
    current = series[-1]
    week_ago = series[-1 - CHANGE_DAYS]
    change = {key: round(current.pillars[key].value - week_ago.pillars[key].value, 1)
              for key in PILLARS}
    change["total"] = round(current.total - week_ago.total, 1)
    last_reading = history.readings[-1] if history.readings else None
    reading_estimate = None
    if last_reading is not None:
        if start <= last_reading.day <= day:
            reading_estimate = series[(last_reading.day - start).days]
        elif last_reading.day < start:
            reading_estimate = estimate_series(
                last_reading.day, last_reading.day,
                journal.history(last_reading.day, last_reading.day), scoring,
            )[0]
    return Status(
        day=day,
        estimate=current,
        change=change,
        reach=reach_band(current.total),
        streak=login_streak(history.login_days, day),
        todos=todos(day, history, current, scoring),
        warnings=warnings(day, history, current, scoring),
        series=[e.total for e in series],
        last_reading=last_reading,
        reading_estimate=reading_estimate,
    )


def study_json(study: Study) -> dict[str, Any]:
    def arm(stats: Any) -> dict[str, Any]:
        return {"sent": stats.sent, "accepted": stats.accepted, "rate": stats.rate,
                "ci95": list(stats.ci95), "funnel": dict(stats.funnel),
                "funnel_rates": dict(stats.funnel_rates)}

    def test(result: tuple[float, float] | None) -> dict[str, float] | None:
        return None if result is None else {"z": result[0], "p_value": result[1]}

    return {
        "arms": {name: arm(stats) for name, stats in study.arms.items()},
        "variants": {name: arm(stats) for name, stats in study.variants.items()},
        "pending": dict(study.pending),
        "tests": {"acceptance": test(study.acceptance_test),
                  "exchange": test(study.exchange_test)},
        "verdict": study.verdict,
        "needed_per_arm": study.needed_per_arm,
    }


def study_lines(study: Study) -> list[str]:
    """The invitation study as plain text lines (CLI)."""
    lines = [f"{'':<14}{'sent':>6}{'accepted':>10}{'rate':>7}  {'95% CI':<15}"
             f"{'exchange':>9}{'call':>6}{'meeting':>8}{'contract':>9}"]

    def row(name: str, s: Any) -> str:
        ci = f"{s.ci95[0]:.0%}–{s.ci95[1]:.0%}" if s.sent else "–"
        return (f"{name:<14}{s.sent:>6}{s.accepted:>10}{s.rate:>7.0%}  {ci:<15}"
                f"{s.funnel.get('exchange', 0):>9}{s.funnel.get('call', 0):>6}"
                f"{s.funnel.get('meeting', 0):>8}{s.funnel.get('contract', 0):>9}")

    for name, stats in study.arms.items():
        lines.append(row(name, stats))
    if study.variants:
        lines.append("By message variant:")
        for name, stats in study.variants.items():
            lines.append(row(f"  {name}"[:14], stats))
    pending = ", ".join(f"{n} {arm}" for arm, n in study.pending.items() if n)
    if pending:
        lines.append(f"Pending (too recent to judge): {pending}")
    if study.acceptance_test:
        z, p = study.acceptance_test
        lines.append(f"Acceptance: z = {z:.2f}, p = {p:.3f}")
    if study.exchange_test:
        z, p = study.exchange_test
        lines.append(f"Reaching an exchange: z = {z:.2f}, p = {p:.3f}")
    lines.append(study.verdict)
    if study.needed_per_arm:
        lines.append(f"About {study.needed_per_arm} invitations per arm would settle it.")
    return lines


__all__ = ["Status", "build_status", "invitation_study", "study_json", "study_lines"]
