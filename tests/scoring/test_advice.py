"""Reach bands, to-dos and the brand gate, warnings, streaks, the invitation statistics
(checked against values computed by hand), calibration and the forecast."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from ssi_tui.domain import PROFILE_ITEMS, History, Indicators, Invitation, ProfileItem, Reading
from ssi_tui.model import (
    ScoringSettings,
    estimate,
    invitation_study,
    login_streak,
    reach_band,
    sample_size_per_arm,
    todos,
    two_proportion_z_test,
    warnings,
    wilson_interval,
)
from ssi_tui.model.calibration import MIN_READINGS, calibrate, fit_pillars
from ssi_tui.model.estimate import Estimate, PillarScore
from ssi_tui.model.forecast import forecast

DAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("total", "band", "multiplier"),
    [(0, "below 45", None), (44.9, "below 45", None), (45, "45–60", 0.75),
     (59.9, "45–60", 0.75), (60, "60–75", 1.0), (74.9, "60–75", 1.0), (75, "75–90", 1.25),
     (89.9, "75–90", 1.25), (90, "90+", 1.5), (100, "90+", 1.5)],
)
def test_band_edges(total: float, band: str, multiplier: float | None) -> None:
    reach = reach_band(total)
    assert (reach.band, reach.multiplier) == (band, multiplier)


def test_advice_aims_above_75_and_not_past_90() -> None:
    assert "Aim above 75" in reach_band(70).advice
    assert "not worth the time" in reach_band(92).advice


def checklist(done: int) -> list[ProfileItem]:
    return [ProfileItem(k, v, i < done, DAY) for i, (k, v) in enumerate(PROFILE_ITEMS.items())]


def test_brand_gate_swaps_engagement_for_profile_items() -> None:
    low = History(profile=checklist(3))
    est = estimate(DAY, low)
    assert est.pillars["brand"].value < 20
    keys = [t.key for t in todos(DAY, low, est)]
    assert "engage" not in keys
    assert keys.count("profile:about") == 1 and "profile:about_media" in keys
    gated = [t for t in todos(DAY, low, est) if t.key.startswith("profile:")]
    assert all("Brand below 20" in (t.reason or "") for t in gated)


def test_brand_at_20_unlocks_engagement() -> None:
    strong = History(profile=checklist(len(PROFILE_ITEMS)),
                     counts={DAY - timedelta(days=i): {"endorsement": 1, "follower": 2,
                                                      "post": 1} for i in range(28)})
    est = estimate(DAY, strong)
    assert est.pillars["brand"].value >= 20
    keys = [t.key for t in todos(DAY, strong, est)]
    assert "engage" in keys and not any(k.startswith("profile:") for k in keys)


def test_todo_progress_and_weekly_items() -> None:
    history = History(
        counts={DAY: {"search": 2, "profile_view_3": 4, "profile_view_2": 3, "like": 5,
                      "login": 1}},
        readings=[Reading(DAY - timedelta(days=2), 10, 10, 10, 10)],
        indicators=[Indicators(DAY - timedelta(days=9), profile_views_90d=500)],
        profile=checklist(len(PROFILE_ITEMS)),
    )
    items = {t.key: t for t in todos(DAY, history, estimate(DAY, history))}
    assert (items["searches"].progress, items["searches"].target, items["searches"].done) == \
        (2, 3, False)
    assert items["views"].progress == 7 and items["views_3rd"].done
    assert items["login"].done and items["reading"].done and items["reading"].weekly
    assert not items["profile_views_90d"].done  # the last figures are 9 days old


def test_warnings() -> None:
    invs = [Invitation(i, DAY - timedelta(days=30), 2, False) for i in range(3)]
    invs += [Invitation(100 + i, DAY - timedelta(days=i % 7), 2, False) for i in range(95)]
    history = History(indicators=[Indicators(DAY, 420, 80, 100, 29_500)], invitations=invs,
                      profile=checklist(2))
    text = " | ".join(warnings(DAY, history, estimate(DAY, history)))
    for needle in ("below 20", "420 profile views", "below 100–150", "30,000",
                   "95 invitations in 7 days", "3 invitation(s) pending"):
        assert needle in text


def test_streaks() -> None:
    days = [DAY - timedelta(days=n) for n in (1, 2, 3, 10, 11, 12, 13, 14)]
    streak = login_streak(days, DAY)
    assert (streak.current, streak.longest) == (3, 5)  # today not logged yet: still 3
    streak = login_streak([*days, DAY], DAY)
    assert streak.current == 4
    assert login_streak([DAY - timedelta(days=2)], DAY).current == 0
    assert login_streak([], DAY).current == 0


def test_wilson_and_z_test_against_hand_computed_values() -> None:
    # by hand for 62/100: centre (0.62 + 1.96²/200) / (1 + 1.96²/100) = 0.61556,
    # half-width 1.96·√(0.62·0.38/100 + 1.96²/40000) / 1.038416 = 0.09347
    low, high = wilson_interval(62, 100)
    assert low == pytest.approx(0.5220, abs=1e-4) and high == pytest.approx(0.7090, abs=1e-4)
    z, p = two_proportion_z_test(62, 100, 72, 100)
    # pooled 0.67, se √(0.67·0.33·0.02) = 0.066498, z = −0.10 / 0.066498
    assert z == pytest.approx(-1.5038, abs=1e-3) and p == pytest.approx(0.1326, abs=1e-3)
    assert wilson_interval(0, 0) == (0.0, 1.0)
    # (1.95996·√(2·0.67·0.33) + 0.84162·√(0.62·0.38 + 0.72·0.28))² / 0.1² = 345.9
    assert sample_size_per_arm(0.62, 0.72) == 346


def test_study_reproduces_article_2() -> None:
    invs = []
    for n in range(100):
        sent = DAY - timedelta(days=60)
        invs.append(Invitation(n, sent, 2, True, variant="A" if n < 50 else "B",
                               accepted_day=sent + timedelta(days=2) if n < 62 else None,
                               exchange_day=sent + timedelta(days=5) if n < 30 else None))
        invs.append(Invitation(1000 + n, sent, 2, False,
                               accepted_day=sent + timedelta(days=2) if n < 72 else None,
                               call_day=sent + timedelta(days=9) if n < 10 else None))
    invs.append(Invitation(5000, DAY - timedelta(days=3), 2, True))  # pending
    study = invitation_study(invs, DAY)
    assert (study.arms["personalized"].sent, study.arms["personalized"].accepted) == (100, 62)
    assert study.arms["plain"].rate == pytest.approx(0.72)
    assert study.arms["plain"].funnel["exchange"] == 10  # a call implies an exchange
    assert study.pending == {"personalized": 1, "plain": 0}
    assert study.variants["A"].sent == 50
    assert "not significant at 5%" in study.verdict
    assert "Reaching an exchange: personalised ahead" in study.verdict


def pillar_estimate(day: date, values: dict[str, float]) -> Estimate:
    pillars = {p: PillarScore(p, p, round(v, 1), ()) for p, v in values.items()}
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


def test_forecast() -> None:
    rising = [50 + 0.5 * i for i in range(28)]  # 63.5 today, +3.5 a week
    fc = forecast(rising, DAY, 75)
    assert fc.expected_day == DAY + timedelta(days=23)
    assert fc.earliest is not None and fc.latest is not None
    assert fc.earliest <= fc.expected_day <= fc.latest
    assert forecast([60.0] * 28, DAY, 75).expected_day is None
    assert forecast([70 - 0.2 * i for i in range(28)], DAY, 75).expected_day is None
    assert forecast([80.0] * 28, DAY, 75).expected_day == DAY


def test_settings_reject_unknown_terms_and_bad_targets() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        ScoringSettings.model_validate({"terms": {"telepathy": {"target": 1}}})
    with pytest.raises(ValidationError):
        ScoringSettings.model_validate({"terms": {"searches": {"target": 0}}})
    custom = ScoringSettings.model_validate({"terms": {"searches": {"target": 112}}})
    assert custom.term("searches").target == 112 and custom.term("likes").target == 84
