"""Learning from the official readings: how wrong the estimate is, and a per-pillar correction.

For each pillar, `reading ≈ scale × estimate + intercept`, fitted by least squares
(`statistics.linear_regression`) once there are at least 4 readings. The slope is kept ≥ 0 so the
corrected value never falls when the estimate rises, and results are clipped to 0–25. The fit is
judged leave-one-out (each reading predicted by a fit that never saw it), and it is used only if
that out-of-sample error beats the raw model's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from statistics import StatisticsError, fmean, linear_regression

from ssi_tui.domain import PILLAR_MAX, PILLARS, Reading
from ssi_tui.model.estimate import Estimate

MIN_READINGS = 4
RECENT = 8


@dataclass(frozen=True, slots=True)
class Fit:
    pillar: str
    scale: float
    intercept: float

    def apply(self, value: float) -> float:
        return round(min(PILLAR_MAX, max(0.0, self.scale * value + self.intercept)), 1)


@dataclass(frozen=True)
class Accuracy:
    """Estimate vs reading on the readings' days."""

    readings: int
    mae_total: float | None
    mae_pillars: dict[str, float | None]
    bias_total: float | None
    """Mean of estimate − reading: positive when the estimate runs high."""
    mae_total_recent: float | None
    bias_total_recent: float | None


@dataclass(frozen=True)
class Calibration:
    fits: dict[str, Fit]
    readings: int
    mae_before: float
    """Leave-one-out is not needed for the raw model: it was never fitted to the readings."""
    mae_after: float
    """Mean absolute error of the total, each reading predicted by a fit without it."""
    made_on: date

    @property
    def better(self) -> bool:
        return self.mae_after < self.mae_before

    def apply(self, est: Estimate) -> dict[str, float]:
        return {p: self.fits[p].apply(est.pillars[p].value) for p in PILLARS}


def _mean(values: Sequence[float]) -> float | None:
    return round(fmean(values), 2) if values else None


def accuracy(pairs: Sequence[tuple[Reading, Estimate]]) -> Accuracy:
    """`pairs`: each reading with the estimate of its own day, oldest first."""
    errors = [e.total - r.total for r, e in pairs]
    recent = errors[-RECENT:]
    return Accuracy(
        readings=len(pairs),
        mae_total=_mean([abs(x) for x in errors]),
        mae_pillars={p: _mean([abs(e.pillars[p].value - getattr(r, p)) for r, e in pairs])
                     for p in PILLARS},
        bias_total=_mean(errors),
        mae_total_recent=_mean([abs(x) for x in recent]),
        bias_total_recent=_mean(recent),
    )


def _fit(pillar: str, xs: Sequence[float], ys: Sequence[float]) -> Fit:
    try:
        scale, intercept = linear_regression(xs, ys)
    except StatisticsError:  # every estimate identical: only an offset can be learned
        return Fit(pillar, 1.0, fmean(ys) - fmean(xs))
    if scale < 0:  # never let a higher estimate mean a lower score
        return Fit(pillar, 0.0, fmean(ys))
    return Fit(pillar, scale, intercept)


def fit_pillars(pairs: Sequence[tuple[Reading, Estimate]]) -> dict[str, Fit]:
    return {p: _fit(p, [e.pillars[p].value for _, e in pairs], [getattr(r, p) for r, _ in pairs])
            for p in PILLARS}


def calibrate(pairs: Sequence[tuple[Reading, Estimate]], today: date) -> Calibration | None:
    """Fit on every pair; None with fewer than 4 readings."""
    if len(pairs) < MIN_READINGS:
        return None
    before = fmean(abs(e.total - r.total) for r, e in pairs)
    loo = []
    for i, (reading, est) in enumerate(pairs):
        fits = fit_pillars([pair for j, pair in enumerate(pairs) if j != i])
        predicted = sum(fits[p].apply(est.pillars[p].value) for p in PILLARS)
        loo.append(abs(predicted - reading.total))
    return Calibration(fit_pillars(pairs), len(pairs), round(before, 2), round(fmean(loo), 2),
                       today)
