"""Calibration to the official readings and the forecast (the rest of the model is pinned in
tests/model/)."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from ssi_tui.domain import Reading
from ssi_tui.model.calibration import MIN_READINGS, calibrate, fit_pillars
from ssi_tui.model.estimate import Estimate, PillarScore

DAY = date(2026, 11, 23)


def pillar_estimate(day: date, values: dict[str, float]) -> Estimate:
    pillars = {p: PillarScore(p, round(v, 1), ()) for p, v in values.items()}
    return Estimate(day, pillars, round(sum(p.value for p in pillars.values()), 1))


def test_calibration_recovers_a_hidden_linear_distortion() -> None:
    rng = random.Random(7)
    pairs = []
    for i in range(20):
        day = DAY - timedelta(days=7 * i)
        est = {p: rng.uniform(5, 22) for p in ("brand", "people", "insights", "relationships")}
        truth = {p: 0.8 * v + 2 + rng.gauss(0, 0.3) for p, v in est.items()}
        pairs.append((Reading(day, **{p: round(v, 3) for p, v in truth.items()}),
                      pillar_estimate(day, est)))
    fits = fit_pillars(pairs)
    for fit in fits.values():
        assert fit.scale == pytest.approx(0.8, abs=0.08)
        assert fit.intercept == pytest.approx(2, abs=1.0)
    cal = calibrate(pairs, DAY)
    assert cal is not None and cal.better and cal.mae_after < cal.mae_before / 2


def test_no_calibration_below_four_readings_and_never_decreasing() -> None:
    pairs = [(Reading(DAY, 10, 10, 10, 10), pillar_estimate(DAY, {p: 12 for p in (
        "brand", "people", "insights", "relationships")}))] * (MIN_READINGS - 1)
    assert calibrate(pairs, DAY) is None
    falling = [(Reading(DAY, 20 - v, 20 - v, 20 - v, 20 - v),
                pillar_estimate(DAY, {p: v for p in ("brand", "people", "insights",
                                                     "relationships")})) for v in range(2, 12)]
    assert all(f.scale >= 0 for f in fit_pillars(falling).values())
