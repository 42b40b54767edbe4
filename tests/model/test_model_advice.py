"""Reach bands, today's to-dos and the brand gate, warnings, login streaks. The model returns
codes and figures; the sentences asserted here are those codes worded (views/texts)."""

from __future__ import annotations

from datetime import date

import pytest
from model_builders import DAY, ago, checklist, diligent, invitation, merge

from ssi_tui.domain import PROFILE_ITEMS, History, Indicators, Reading
from ssi_tui.labels import PROFILE_ITEM_LABELS
from ssi_tui.model import (
    Alert,
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
from ssi_tui.views.texts import (
    reach_advice,
    reach_figure,
    reach_name,
    todo_reason,
    todo_title,
    warning_text,
)

ITEMS = len(PROFILE_ITEMS)


def said(alerts: list[Alert]) -> list[str]:
    """The warnings as the faces word them (English here)."""
    return [warning_text(a) for a in alerts]


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
    assert (reach_name(reach), reach.low, reach.high, reach.multiplier) == (
        band, low, high, multiplier)
    assert reach.code == band.replace("below ", "below-").replace("–", "-")


def test_reach_text_and_advice() -> None:
    assert reach_figure(reach_band(30)) == "below 75 (no figure given)"
    assert "no figure" in reach_advice(reach_band(44.9))
    assert reach_figure(reach_band(50)) == "75" and reach_figure(reach_band(80)) == "125"
    for total in (30, 50, 70):
        assert "Aim above 75" in reach_advice(reach_band(total))
    assert "not worth the time" in reach_advice(reach_band(90))
    assert "not worth the time" not in reach_advice(reach_band(89.9))
    assert reach_advice(reach_band(50)) == "Posts reach 75% of average. Aim above 75 for 125%."


# -- to-dos --------------------------------------------------------------------------------------

def fixed(day: date, brand: float) -> Estimate:
    """An estimate with a chosen brand value (the gate only looks at that)."""
    pillars = {p: PillarScore(p, brand if p == "brand" else 10.0, ())
               for p in ("brand", "people", "insights", "relationships")}
    return Estimate(day, pillars, round(sum(p.value for p in pillars.values()), 1))


def by_key(items: list[Todo]) -> dict[str, Todo]:
    return {t.key: t for t in items}


POSTING = {"likes", "comments", "shares", "post"}


@pytest.mark.parametrize("brand", [0.0, 12.5, 19.9])
def test_below_the_gate_no_posting_or_engaging(brand: float) -> None:
    history = History(profile=checklist(3))
    items = todos(DAY, history, fixed(DAY, brand))
    keys = {t.key for t in items}
    assert not keys & POSTING
    assert "article" in keys  # brand without posts: an article a week (article 1)
    gated = [t for t in items if t.key.startswith("profile:")]
    assert [t.key for t in gated] == ["profile:about", "profile:about_media"]  # the next two
    assert [todo_title(t) for t in gated] == [PROFILE_ITEM_LABELS["about"],
                                              PROFILE_ITEM_LABELS["about_media"]]
    for t in gated:
        assert (t.reason, t.gate) == ("brand_gate", 20)
        assert todo_reason(t) == ("Brand below 20: finish your profile before posting and "
                                  "engaging (article 1)")
        assert (t.pillar, t.done, t.progress, t.target) == ("brand", False, 0, 1)
        assert t.action == ("profile", t.key.split(":")[1], "--done")


@pytest.mark.parametrize("brand", [20.0, 20.1, 25.0])
def test_at_or_above_the_gate_posting_and_engaging_are_back(brand: float) -> None:
    items = by_key(todos(DAY, History(profile=checklist(3)), fixed(DAY, brand)))
    assert set(items) >= POSTING and "article" not in items
    assert any(k.startswith("profile:") for k in items)  # still worth doing, ungated
    assert all(t.reason is None for t in items.values())


def test_gate_holds_even_with_a_complete_profile() -> None:
    items = by_key(todos(DAY, History(profile=checklist(ITEMS)), fixed(DAY, 15)))
    assert not set(items) & POSTING and not any(k.startswith("profile:") for k in items)
    assert "article" in items


def test_gate_is_configurable_and_reads_the_brand_it_is_given() -> None:
    history = History(profile=checklist(ITEMS - 1))  # brand 16·√(11/12) ≈ 15.3
    est = estimate(DAY, history)
    assert "likes" not in by_key(todos(DAY, history, est))
    assert "likes" in by_key(todos(DAY, history, est, ScoringSettings(brand_gate=15)))
    assert "likes" in by_key(todos(DAY, history, est, brand=21.0))  # e.g. an official reading
    missing = History(profile=())  # a journal that lists no item yet: start at the top
    keys = [t.key for t in todos(DAY, missing, estimate(DAY, missing))]
    assert "profile:photo" in keys and "profile:banner" in keys


def test_todo_progress_targets_actions_and_weekly_items() -> None:
    history = History(
        counts=merge({DAY: {"search": 2, "profile_view_3": 4, "profile_view_2": 3, "like": 3,
                            "comment": 1, "share": 1, "login": 1, "viewers_checked": 1,
                            "viewed_by": 5}},
                     {ago(3): {"post": 1}, ago(9): {"search": 50}}),
        invitations=[invitation(n, 0) for n in range(4)] + [invitation(9, 1)] +
                    [invitation(10, 0, degree=3)],
        readings=[Reading(ago(6), 10, 10, 10, 10)],
        indicators=[Indicators(ago(9), profile_views_90d=500, search_appearances_7d=90),
                    Indicators(ago(2), search_appearances_7d=120)],
        profile=checklist(ITEMS),
    )
    items = by_key(todos(DAY, history, fixed(DAY, 22)))
    expected = {  # key: (title, progress, target, done, weekly, action)
        "login": ("Log in to LinkedIn", 1, 1, True, False, ("log", "login")),
        "searches": ("Searches", 2, 3, False, False, ("log", "search")),
        "views_2nd": ("Profile views (2nd degree)", 3, 7, False, False,
                      ("log", "profile_view", "--degree", "2")),
        "views_3rd": ("Profile views (3rd degree)", 4, 3, True, False,
                      ("log", "profile_view", "--degree", "3")),
        "viewers": ("Look at who viewed your profile", 1, 1, True, False,
                    ("log", "viewers_checked")),
        "likes": ("Like posts", 3, 3, True, False, ("log", "like")),
        "comments": ("Comment on posts", 1, 1, True, False, ("log", "comment")),
        "invitations_2nd": ("Invitations (2nd degree)", 4, 3, True, False,
                            ("invite", "--plain", "--degree", "2")),
        "invitations_3rd": ("Invitations (3rd degree)", 1, 2, False, False,
                            ("invite", "--plain", "--degree", "3")),
        "shares": ("Weekly: reshare posts", 1, 2, False, True, ("log", "share")),
        "post": ("Weekly: publish a post", 1, 1, True, True, ("log", "post")),
        "groups": ("Weekly: join a group", 0, 1, False, True, ("log", "group_join")),
        "colleagues": ("Weekly: connect with a colleague", 0, 1, False, True,
                       ("log", "colleague_connection")),
        "reading": ("Weekly: copy the SSI reading", 1, 1, True, True, None),
        "indicators": ("Weekly: profile indicators", 1, 1, True, True, None),
    }
    assert set(items) == set(expected)
    for key, (title, progress, target, done, weekly, action) in expected.items():
        t = items[key]
        assert (todo_title(t), t.progress, t.target, t.done, t.weekly, t.action) == \
            (title, progress, target, done, weekly, action), key
        assert isinstance(t.progress, int) and isinstance(t.target, int)


def test_looking_at_who_viewed_you_is_not_being_viewed() -> None:
    viewed = History(counts={DAY: {"viewed_by": 3}}, profile=checklist(ITEMS))
    assert not by_key(todos(DAY, viewed, fixed(DAY, 22)))["viewers"].done
    looked = History(counts={DAY: {"viewers_checked": 1}}, profile=checklist(ITEMS))
    assert by_key(todos(DAY, looked, fixed(DAY, 22)))["viewers"].done


def test_todo_targets_come_from_settings_and_term_targets() -> None:
    s = ScoringSettings.model_validate({
        "daily_searches": 4, "daily_profile_views": 12, "daily_profile_views_3rd": 0,
        "weekly_posts": 0, "terms": {"comments": {"target": 56}, "likes": {"target": 140}}})
    items = by_key(todos(DAY, History(profile=checklist(ITEMS)), fixed(DAY, 22), s))
    assert items["searches"].target == 4 and items["views_2nd"].target == 12
    assert "views_3rd" not in items and "post" not in items
    assert items["comments"].target == 2 and items["likes"].target == 5


def test_open_todos_come_by_points_per_minute_profile_items_included() -> None:
    history = History(profile=checklist(ITEMS - 2))
    est = estimate(DAY, history)
    items = todos(DAY, history, est, brand=22.0)
    open_scored = [t for t in items if not t.done and t.points > 0]
    rates = [t.points_per_minute for t in open_scored]
    assert rates == sorted(rates, reverse=True)
    assert any(t.key.startswith("profile:") for t in open_scored)
    done_at = [i for i, t in enumerate(items) if t.done]
    assert all(i > j for i in done_at for j, t in enumerate(items) if not t.done)
    comment = by_key(items)["comments"]
    assert comment.term == "comments" and comment.points == pytest.approx(8 / 28)
    assert "commentaires" in comment.quote and comment.effort_seconds == 120


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
    alerts = warnings(DAY, history, fixed(DAY, 9.5))
    assert [a.code for a in alerts] == [
        "brand_gate", "few_profile_views", "few_search_appearances", "network_near_cap",
        "many_invitations", "stale_invitations"]
    assert alerts[0] == Alert("brand_gate", 9.5, 20, "model")
    out = said(alerts)
    assert out == [
        "Brand at 9.5 (model estimate), below 20: no posts yet. Finish your profile (media in "
        "the About section and in each experience), ask for skill endorsements, write an article "
        "(article 1).",
        "420 profile views in 90 days: below 600, little happens (article 1).",
        "80 search appearances last week: below 100–150: work on your profile (article 1).",
        "29,500 connections: LinkedIn caps a network at 30,000 (article 2).",
        "95 invitations in 7 days: LinkedIn users report a limit of about 100 a week (not from "
        "the articles).",
        "3 invitations pending for more than 21 days: consider withdrawing them.",
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
    assert any(needle in w for w in said(warnings(DAY, history, fixed(DAY, 22)))) == warned


def test_warnings_use_the_latest_figure() -> None:
    history = History(profile=checklist(ITEMS), indicators=[
        Indicators(ago(14), profile_views_90d=100), Indicators(ago(7), profile_views_90d=700),
        Indicators(ago(1), connections=300)])
    assert warnings(DAY, history, fixed(DAY, 22)) == []


def test_invitation_limits_count_the_last_seven_days() -> None:
    week = [invitation(i, i % 7) for i in range(90)]
    older = [invitation(100 + i, 7) for i in range(50)]
    assert any("90 invitations in 7 days" in w
               for w in said(warnings(DAY, History(invitations=week), fixed(DAY, 22))))
    assert not any("in 7 days" in w
                   for w in said(warnings(DAY, History(invitations=week[:89] + older),
                                          fixed(DAY, 22))))


def test_stale_means_older_than_the_pending_window_and_not_accepted() -> None:
    invs = [invitation(1, 21), invitation(2, 22), invitation(3, 40, 30), invitation(4, 60)]
    out = said(warnings(DAY, History(profile=checklist(ITEMS), invitations=invs),
                        fixed(DAY, 22)))
    assert out == ["2 invitations pending for more than 21 days: consider withdrawing them."]


def test_brand_warning_with_a_complete_profile_points_elsewhere() -> None:
    out = said(warnings(DAY, History(profile=checklist(ITEMS)), fixed(DAY, 15)))
    assert out == ["Brand at 15 (model estimate), below 20: no posts yet. Profile complete: ask "
                   "for skill endorsements and write an article (article 1)."]
    reading = said(warnings(DAY, History(profile=checklist(ITEMS)), fixed(DAY, 21),
                            brand=(18.0, "reading")))
    assert reading[0].startswith("Brand at 18 (official reading), below 20")


def test_the_diligent_user_gets_no_brand_warning() -> None:
    history = diligent()
    assert not any(a.code.startswith("brand_gate")
                   for a in warnings(DAY, history, estimate(DAY, history)))


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

