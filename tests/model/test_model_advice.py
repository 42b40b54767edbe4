"""Reach bands, today's to-dos and the brand gate, warnings, login streaks."""

from __future__ import annotations

from datetime import date

import pytest
from model_builders import DAY, ago, checklist, diligent, invitation, merge

from ssi_tui.domain import PROFILE_ITEMS, History, Indicators, Reading
from ssi_tui.model import (
    Estimate,
    PillarScore,
    ScoringSettings,
    Todo,
    estimate,
    login_streak,
    reach_band,
    todos,
    warnings,
)

ITEMS = len(PROFILE_ITEMS)


# -- reach ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("total", "band", "low", "high", "multiplier"),
    [(0, "below 45", 0, 45, None), (44.9, "below 45", 0, 45, None),
     (45, "45–60", 45, 60, 0.75), (59.9, "45–60", 45, 60, 0.75),
     (60, "60–75", 60, 75, 1.0), (74.9, "60–75", 60, 75, 1.0),
     (75, "75–90", 75, 90, 1.25), (89.9, "75–90", 75, 90, 1.25),
     (90, "90+", 90, None, 1.5), (100, "90+", 90, None, 1.5)],
)
def test_reach_band_edges(total: float, band: str, low: float, high: float | None,
                          multiplier: float | None) -> None:
    reach = reach_band(total)
    assert (reach.band, reach.low, reach.high, reach.multiplier) == (band, low, high, multiplier)


def test_reach_text_and_advice() -> None:
    assert reach_band(30).reach == "below 75 (no figure given)"
    assert "no figure" in reach_band(44.9).advice
    assert reach_band(50).reach == "75" and reach_band(80).reach == "125"
    for total in (30, 50, 70):
        assert "Aim above 75" in reach_band(total).advice
    assert "not worth the time" in reach_band(90).advice
    assert "not worth the time" not in reach_band(89.9).advice


# -- to-dos --------------------------------------------------------------------------------------

def fixed(day: date, brand: float) -> Estimate:
    """An estimate with a chosen brand value (the gate only looks at that)."""
    pillars = {p: PillarScore(p, p, brand if p == "brand" else 10.0, ())
               for p in ("brand", "people", "insights", "relationships")}
    return Estimate(day, pillars, round(sum(p.value for p in pillars.values()), 1))


def by_key(items: list[Todo]) -> dict[str, Todo]:
    return {t.key: t for t in items}


@pytest.mark.parametrize("brand", [0.0, 12.5, 19.9])
def test_below_the_gate_posting_and_engaging_give_way_to_the_profile(brand: float) -> None:
    history = History(profile=checklist(3))
    items = todos(DAY, history, fixed(DAY, brand))
    keys = [t.key for t in items]
    assert "engage" not in keys and "post" not in keys
    gated = [t for t in items if t.key.startswith("profile:")]
    assert [t.key for t in gated] == ["profile:about", "profile:about_media"]  # the next two
    assert [t.title for t in gated] == [PROFILE_ITEMS["about"], PROFILE_ITEMS["about_media"]]
    for t in gated:
        assert t.reason == ("Brand below 20: finish your profile before posting and engaging "
                            "(article 1)")
        assert (t.pillar, t.done, t.progress, t.target) == ("brand", False, 0, 1)


@pytest.mark.parametrize("brand", [20.0, 20.1, 25.0])
def test_at_or_above_the_gate_posting_and_engaging_are_back(brand: float) -> None:
    items = by_key(todos(DAY, History(profile=checklist(3)), fixed(DAY, brand)))
    assert "engage" in items and "post" in items
    assert not any(k.startswith("profile:") for k in items)
    assert all(t.reason is None for t in items.values())


def test_gate_with_a_complete_profile_has_nothing_to_give_way_to() -> None:
    items = by_key(todos(DAY, History(profile=checklist(ITEMS)), fixed(DAY, 15)))
    assert "engage" in items and not any(k.startswith("profile:") for k in items)


def test_gate_is_configurable_and_uses_the_real_estimate() -> None:
    history = History(profile=checklist(ITEMS - 1))  # brand 15·√(11/12) ≈ 14.4
    est = estimate(DAY, history)
    assert by_key(todos(DAY, history, est)).get("profile:recommendations") is not None
    low_gate = ScoringSettings(brand_gate=14)
    assert "engage" in by_key(todos(DAY, history, est, low_gate))
    missing = History(profile=())  # a journal that lists no item yet: start at the top
    keys = [t.key for t in todos(DAY, missing, estimate(DAY, missing))]
    assert "profile:photo" in keys and "profile:banner" in keys


def test_todo_progress_targets_and_weekly_items() -> None:
    history = History(
        counts=merge({DAY: {"search": 2, "profile_view_3": 4, "profile_view_2": 3, "like": 3,
                            "comment": 1, "share": 1, "login": 1, "viewed_by": 2}},
                     {ago(3): {"post": 1}, ago(9): {"search": 50}}),
        invitations=[invitation(n, 0) for n in range(4)] + [invitation(9, 1)],
        readings=[Reading(ago(6), 10, 10, 10, 10)],
        indicators=[Indicators(ago(9), profile_views_90d=500, search_appearances_7d=90),
                    Indicators(ago(2), search_appearances_7d=120)],
        profile=checklist(ITEMS),
    )
    items = by_key(todos(DAY, history, fixed(DAY, 22)))
    expected = {  # key: (title, progress, target, done, weekly)
        "login": ("Log in to LinkedIn", 1, 1, True, False),
        "searches": ("Searches", 2, 3, False, False),
        "views": ("Profile views", 7, 10, False, False),
        "views_3rd": ("Profile views (3rd degree)", 4, 3, True, False),
        "viewed_by": ("Look at who viewed your profile", 1, 1, True, False),
        "engage": ("Engage on posts", 5, 5, True, False),
        "invitations": ("Invitations to 2nd/3rd degree", 4, 5, False, False),
        "post": ("Weekly: publish a post", 1, 1, True, True),
        "reading": ("Weekly: copy the SSI reading", 1, 1, True, True),
        "profile_views_90d": ("Weekly: 90-day profile views", 0, 1, False, True),  # 9 days old
        "search_appearances": ("Weekly: search appearances", 1, 1, True, True),
    }
    assert list(items) == list(expected)
    for key, (title, progress, target, done, weekly) in expected.items():
        t = items[key]
        assert (t.title, t.progress, t.target, t.done, t.weekly) == \
            (title, progress, target, done, weekly), key
        assert isinstance(t.progress, int) and isinstance(t.target, int)


def test_todo_targets_come_from_settings() -> None:
    s = ScoringSettings(daily_searches=4, daily_profile_views=12, daily_profile_views_3rd=0,
                        daily_engagements=8, daily_invitations=3, weekly_posts=0)
    items = by_key(todos(DAY, History(profile=checklist(ITEMS)), fixed(DAY, 22), s))
    assert items["searches"].target == 4 and items["views"].target == 12
    assert "views_3rd" not in items and "post" not in items
    assert items["engage"].target == 8 and items["invitations"].target == 3


def test_the_login_streak_days_count_as_logged_in() -> None:
    items = by_key(todos(DAY, History(login_days=[DAY]), fixed(DAY, 22)))
    assert items["login"].done


# -- warnings ------------------------------------------------------------------------------------

def test_no_warning_when_all_is_well() -> None:
    history = History(profile=checklist(ITEMS),
                      indicators=[Indicators(DAY, 900, 200, 500, 800)],
                      invitations=[invitation(1, 30, 2), invitation(2, 3)])
    assert warnings(DAY, history, fixed(DAY, 22)) == []


def test_every_warning() -> None:
    invs = [invitation(i, 30 + i) for i in range(3)]  # stale
    invs += [invitation(100 + i, i % 7) for i in range(95)]  # 95 this week, pending
    invs += [invitation(500, 200)]  # out of the journal's view: not counted as stale
    history = History(indicators=[Indicators(DAY, 420, 80, 100, 29_500)], invitations=invs,
                      profile=checklist(2))
    out = warnings(DAY, history, fixed(DAY, 9.5))
    assert out == [
        "Brand pillar at 9.5, below 20: finish your profile before posting or pushing "
        "engagement (article 1).",
        "420 profile views in 90 days: below 600, little happens (article 1).",
        "80 search appearances last week: below 100–150: work on your profile (article 1).",
        "29,500 connections: LinkedIn caps a network at 30,000 (article 2).",
        "95 invitations in 7 days: LinkedIn limits you to about 100 a week.",
        "3 invitation(s) pending for more than 21 days: consider withdrawing the stale ones.",
    ]


@pytest.mark.parametrize(
    ("indicator", "needle", "warned"),
    [(Indicators(DAY, profile_views_90d=599), "profile views", True),
     (Indicators(DAY, profile_views_90d=600), "profile views", False),
     (Indicators(DAY, search_appearances_7d=99), "search appearances", True),
     (Indicators(DAY, search_appearances_7d=100), "search appearances", False),
     (Indicators(DAY, connections=28_999), "30,000", False),
     (Indicators(DAY, connections=29_000), "30,000", True)],
)
def test_warning_thresholds(indicator: Indicators, needle: str, warned: bool) -> None:
    history = History(profile=checklist(ITEMS), indicators=[indicator])
    assert any(needle in w for w in warnings(DAY, history, fixed(DAY, 22))) == warned


def test_warnings_use_the_latest_figure() -> None:
    history = History(profile=checklist(ITEMS), indicators=[
        Indicators(ago(14), profile_views_90d=100), Indicators(ago(7), profile_views_90d=700),
        Indicators(ago(1), connections=300)])
    assert warnings(DAY, history, fixed(DAY, 22)) == []


def test_invitation_limits_count_the_last_seven_days() -> None:
    week = [invitation(i, i % 7) for i in range(90)]
    older = [invitation(100 + i, 7) for i in range(50)]
    assert any("90 invitations in 7 days" in w
               for w in warnings(DAY, History(invitations=week), fixed(DAY, 22)))
    assert not any("in 7 days" in w
                   for w in warnings(DAY, History(invitations=week[:89] + older),
                                     fixed(DAY, 22)))


def test_stale_means_older_than_the_pending_window_and_not_accepted() -> None:
    invs = [invitation(1, 21), invitation(2, 22), invitation(3, 40, 30), invitation(4, 60)]
    out = warnings(DAY, History(profile=checklist(ITEMS), invitations=invs), fixed(DAY, 22))
    assert out == ["2 invitation(s) pending for more than 21 days: consider withdrawing the "
                   "stale ones."]


def test_brand_warning_with_a_complete_profile_points_elsewhere() -> None:
    out = warnings(DAY, History(profile=checklist(ITEMS)), fixed(DAY, 15))
    assert out == ["Brand pillar at 15, below 20: profile complete; ask for skill endorsements, "
                   "publish, gain followers (article 1)."]


def test_the_diligent_user_gets_no_brand_warning() -> None:
    history = diligent()
    assert not any("Brand" in w for w in warnings(DAY, history, estimate(DAY, history)))


# -- streaks -------------------------------------------------------------------------------------

def test_streak_before_logging_in_today_keeps_yesterdays_run() -> None:
    days = [ago(n) for n in (1, 2, 3, 10, 11, 12, 13, 14)]
    streak = login_streak(days, DAY)
    assert (streak.current, streak.longest) == (3, 5)
    assert login_streak([*days, DAY], DAY).current == 4


@pytest.mark.parametrize(
    ("gaps", "current", "longest"),
    [((), 0, 0), ((0,), 1, 1), ((2,), 0, 1), ((1,), 1, 1), ((0, 2, 3, 4), 1, 3),
     ((0, 1, 2, 3, 5, 6), 4, 4), ((5, 6, 7, 8, 9, 10), 0, 6)],
)
def test_streak_gaps(gaps: tuple[int, ...], current: int, longest: int) -> None:
    streak = login_streak([ago(n) for n in gaps], DAY)
    assert (streak.current, streak.longest) == (current, longest)


def test_streak_ignores_duplicates_order_and_future_days() -> None:
    days = [ago(0), ago(1), ago(0), ago(2), DAY + (DAY - ago(1))]
    assert login_streak(list(reversed(days)), DAY) == login_streak([ago(2), ago(1), DAY], DAY)
    assert login_streak(days, DAY).current == 3


def test_streak_of_the_diligent_user() -> None:
    assert login_streak(diligent().login_days, DAY).current == 120

