"""When will the total cross 75 (and 90) at the current pace? A range, not a false-precision
date: the trend of the last 28 days' totals by least squares, with the slope's 95% interval."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean, linear_regression

WINDOW = 28
HORIZON_DAYS = 730  # beyond two years, "not at this pace"
MIN_SLOPE = 0.01  # points a day: flatter than this is no progress


@dataclass(frozen=True, slots=True)
class Forecast:
    target: float
    expected_day: date | None
    earliest: date | None
    latest: date | None
    slope_per_week: float

    @property
    def reached(self) -> bool:
        return self.expected_day is not None and self.earliest == self.expected_day == self.latest


def forecast(totals: Sequence[float], today: date, target: float) -> Forecast:
    """`totals`: one estimated total a day, oldest first, ending today."""
    ys = list(totals[-WINDOW:])
    if ys and ys[-1] >= target:
        return Forecast(target, today, today, today, 0.0)
    if len(ys) < 7:
        return Forecast(target, None, None, None, 0.0)
    xs = list(range(len(ys)))
    slope, intercept = linear_regression(xs, ys)
    residuals = [y - (slope * x + intercept) for x, y in zip(xs, ys, strict=True)]
    spread = sum((x - fmean(xs)) ** 2 for x in xs)
    se = math.sqrt(sum(r * r for r in residuals) / (len(ys) - 2) / spread) if spread else 0.0
    now = slope * xs[-1] + intercept

    def day_at(rate: float) -> date | None:
        if rate < MIN_SLOPE:
            return None
        days = math.ceil((target - now) / rate)
        return today + timedelta(days=max(days, 0)) if days <= HORIZON_DAYS else None

    expected = day_at(slope)
    if expected is None:
        return Forecast(target, None, None, None, round(slope * 7, 2))
    return Forecast(target, expected, day_at(slope + 1.96 * se), day_at(slope - 1.96 * se),
                    round(slope * 7, 2))
