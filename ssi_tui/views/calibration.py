"""The calibration as the journal stores it, refitted when a reading is added."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ssi_tui.domain import PILLARS, History, Reading
from ssi_tui.model import Estimate
from ssi_tui.model.calibration import Calibration, Fit, calibrate
from ssi_tui.model.estimate import estimate_days

ACCURACY_DAYS = 365
"""Official readings of the last year are compared with the estimate."""


def stored_calibration(journal: Any) -> Calibration | None:
    rows = journal.calibration()
    if len(rows) != len(PILLARS):
        return None
    first = rows[0]
    return Calibration(
        fits={r["pillar"]: Fit(r["pillar"], r["scale"], r["intercept"]) for r in rows},
        readings=first["readings"], mae_before=first["mae_before"],
        mae_after=first["mae_after"], made_on=date.fromisoformat(first["made_on"]),
    )


def in_use(cal: Calibration | None) -> bool:
    """Whether the calibrated estimate is shown: only when it beats the model out of sample."""
    return cal is not None and cal.better


def shown_pillars(cal: Calibration | None, est: Estimate) -> dict[str, float]:
    """The four pillars as every surface displays them: calibrated when that is in use, else
    the model's own (the one place this rule is applied)."""
    return cal.apply(est) if cal is not None and in_use(cal) else est.values


def refit(journal: Any) -> Calibration | None:
    """Fit the calibration to the readings and store it (or drop it: fewer than 4 readings)."""
    day = journal.today()
    pairs = reading_pairs(journal, journal.history(day - timedelta(days=ACCURACY_DAYS), day), day)
    cal = calibrate(pairs, day)
    if cal is None:
        journal.reset_calibration()
        return None
    journal.save_calibration([
        {"pillar": p, "scale": f.scale, "intercept": f.intercept, "readings": cal.readings,
         "mae_before": cal.mae_before, "mae_after": cal.mae_after, "made_on": day.isoformat()}
        for p, f in cal.fits.items()
    ])
    return cal


def reading_pairs(journal: Any, history: History, day: date) -> list[tuple[Reading, Estimate]]:
    recent = [r for r in history.readings
              if day - timedelta(days=ACCURACY_DAYS) <= r.day <= day]
    by_day = estimate_days([r.day for r in recent], history, journal.settings.scoring)
    return [(r, by_day[r.day]) for r in recent]
