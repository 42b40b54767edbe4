"""Every term pinned: a history with a known count gives known points (docs/scoring.md)."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from model_builders import (
    DAY,
    ago,
    checklist,
    connections,
    daily,
    invitation,
    term,
    term_of,
)

from ssi_tui.domain import PROFILE_ITEMS, History, Indicators, ProfileItem
from ssi_tui.model import ScoringSettings, estimate
from ssi_tui.model.terms import SOURCES
from ssi_tui.views.texts import term_name, term_source

ITEMS = len(PROFILE_ITEMS)

CASES: list[tuple[str, Callable[[], History], float, float]] = [
    # (term, history, value, points) with the default settings
    ("profile", lambda: History(profile=checklist(ITEMS // 2)), 0.5, 16 * math.sqrt(0.5)),
    ("profile", lambda: History(profile=checklist(ITEMS)), 1.0, 16.0),
    ("endorsements", lambda: History(counts=daily("endorsement", 1, 5)), 5, 4 * math.sqrt(0.5)),
    ("publishing", lambda: History(counts=daily("post", 1, 14, every=7)), 2, 2.0),
    ("publishing", lambda: History(counts={DAY: {"post": 1, "article": 1}}), 4, 4.0),
    ("followers", lambda: History(counts=daily("follower", 1, 5)), 5, 0.5),
    ("login_days", lambda: History(counts=daily("login", 3, 14)), 14, 3.0),
    ("searches", lambda: History(counts=daily("search", 3, 14)), 42, 2.5),
    ("views_2nd", lambda: History(counts=daily("profile_view_2", 7, 14)), 98, 2.0),
    ("views_2nd", lambda: History(counts=daily("profile_view", 7, 14)), 98, 2.0),
    ("views_3rd", lambda: History(counts=daily("profile_view_3", 3, 14)), 42, 3.0),
    ("viewed_by", lambda: History(counts=daily("viewed_by", 5, 30)), 150, 0.0),  # below 360
    ("viewed_by", lambda: History(counts=daily("viewed_by", 7, 90)), 630, 2.0),
    ("likes", lambda: History(counts=daily("like", 3, 14)), 42, 3.0),
    ("comments", lambda: History(counts=daily("comment", 1, 14)), 14, 4.0),
    ("shares", lambda: History(counts=daily("share", 1, 4)), 4, 1.0),
    ("engagement_received", lambda: History(counts=daily("engagement_received", 5, 5)), 25,
     2.0),
    ("groups", lambda: History(counts={ago(300): {"group_join": 1}, DAY: {"group_join": 1}}), 2,
     1.2),
    ("inmail_rate", lambda: History(counts={DAY: {"inmail_sent": 20, "inmail_reply": 1}}), 0.05,
     1.0),
    ("invitations_2nd", lambda: History(invitations=[invitation(n, n % 14) for n in range(42)]),
     42, 2.5),
    ("invitations_3rd",
     lambda: History(invitations=[invitation(n, n % 14, degree=3) for n in range(28)]), 28, 3.0),
    ("acceptance_rate", lambda: History(invitations=[
        invitation(n, 40, 2 if n == 0 else None) for n in range(10)]), 0.1, 3.0),
    ("colleagues", lambda: History(counts={ago(60): {"colleague_connection": 3},
                                           DAY: {"colleague_connection": 2}}), 5, 1.0),
    ("network_size", lambda: History(indicators=[connections(125)]), 125, 3.0),
]


@pytest.mark.parametrize(("key", "history", "value", "points"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_term_points(key: str, history: Callable[[], History], value: float,
                     points: float) -> None:
    t = term(history(), key)
    assert t.value == pytest.approx(value)
    assert t.points == pytest.approx(points)


def test_every_term_is_pinned_above() -> None:
    keys = {t.key for p in estimate(DAY, History()).pillars.values() for t in p.terms}
    assert keys == {case[0] for case in CASES}


def test_nothing_logged_scores_zero() -> None:
    est = estimate(DAY, History())
    assert est.total == 0 and all(v == 0 for v in est.values.values())


def test_terms_explain_themselves() -> None:
    est = estimate(DAY, History(counts=daily("search", 1)))
    searches = term_of(est, "searches")
    assert (searches.pillar, searches.target, searches.max_points, searches.window_days) == \
        ("people", 84, 5, 28)
    assert searches.source == "people"
    assert term_source(searches.source) == "Article 1, 'Trouver les bonnes personnes'"
    assert term_of(est, "viewed_by").window_days == 90
    assert term_of(est, "groups").window_days == 365
    assert term_of(est, "profile").window_days is None
    for pillar in est.pillars.values():
        for t in pillar.terms:
            assert t.pillar == pillar.key and t.source in SOURCES
            assert term_source(t.source).startswith("Article") and term_name(t.key)


def test_activity_window_is_28_days_inclusive() -> None:
    assert term(History(counts={ago(27): {"search": 1}}), "searches").value == 1
    assert term(History(counts={ago(28): {"search": 1}}), "searches").value == 0
    assert term(History(counts={DAY + (DAY - ago(1)): {"search": 1}}), "searches").value == 0


def test_rate_window_is_90_days() -> None:
    assert term(History(counts={ago(89): {"viewed_by": 1}}), "viewed_by").value == 1
    assert term(History(counts={ago(90): {"viewed_by": 1}}), "viewed_by").value == 0


def test_windows_are_configurable() -> None:
    history = History(counts=daily("search", 1, 60))
    short = ScoringSettings(activity_window_days=14)
    assert term_of(estimate(DAY, history, short), "searches").value == 14
    assert term_of(estimate(DAY, history, short), "searches").window_days == 14


def test_weight_target_and_curve_are_configurable() -> None:
    history = History(counts=daily("search", 1, 21))  # 21 searches
    custom = ScoringSettings.model_validate(
        {"terms": {"searches": {"target": 42, "weight": 10, "curve": "sqrt"}}})
    t = term_of(estimate(DAY, history, custom), "searches")
    assert (t.target, t.max_points) == (42, 10)
    assert t.points == pytest.approx(10 * math.sqrt(0.5))


def test_an_article_is_worth_more_than_a_post() -> None:
    post = term(History(counts={DAY: {"post": 1}}), "publishing").points
    article = term(History(counts={DAY: {"article": 1}}), "publishing").points
    assert article == pytest.approx(3 * post)
    two = ScoringSettings(article_posts=2)
    assert term_of(estimate(DAY, History(counts={DAY: {"article": 1}}), two),
                   "publishing").value == 2


@pytest.mark.parametrize("n", [1, 5, 20, 60, 100, 150])
def test_3rd_degree_is_worth_more_than_2nd(n: int) -> None:
    views_2 = term(History(counts={DAY: {"profile_view_2": n}}), "views_2nd").points
    views_3 = term(History(counts={DAY: {"profile_view_3": n}}), "views_3rd").points
    assert views_3 > views_2
    invs_2 = term(History(invitations=[invitation(i, 0) for i in range(n)]), "invitations_2nd")
    invs_3 = term(History(invitations=[invitation(i, 0, degree=3) for i in range(n)]),
                  "invitations_3rd")
    assert invs_3.points > invs_2.points


@pytest.mark.parametrize("n", [1, 5, 20, 40])
def test_a_comment_is_worth_more_than_a_like(n: int) -> None:
    likes = term(History(counts={DAY: {"like": n}}), "likes").points
    comments = term(History(counts={DAY: {"comment": n}}), "comments").points
    assert comments > likes


def test_invitations_of_unknown_degree_count_as_2nd() -> None:
    history = History(invitations=[invitation(1, 0, degree=None)])
    assert term(history, "invitations_2nd").value == 1
    assert term(history, "invitations_3rd").value == 0


def test_login_days_count_days_and_include_the_streak_days() -> None:
    history = History(counts={DAY: {"login": 5}}, login_days=[ago(1), ago(2), DAY])
    assert term(history, "login_days").value == 3


def test_profile_items_ticked_later_or_missing_do_not_count() -> None:
    later = [ProfileItem(k, k, True, DAY + (DAY - ago(1))) for k in PROFILE_ITEMS]
    assert term(History(profile=later), "profile").value == 0
    undated = [ProfileItem("photo", "Profile photo", True, None)]  # the rest unknown: not done
    assert term(History(profile=undated), "profile").value == pytest.approx(1 / ITEMS)


def test_views_received_take_the_larger_of_log_and_recent_indicator() -> None:
    logged = daily("viewed_by", 2, 30)  # 60
    recent = History(counts=logged, indicators=[Indicators(ago(3), profile_views_90d=450)])
    assert term(recent, "viewed_by").value == 450
    small = History(counts=logged, indicators=[Indicators(ago(3), profile_views_90d=20)])
    assert term(small, "viewed_by").value == 60
    stale = History(counts=logged, indicators=[Indicators(ago(120), profile_views_90d=900)])
    assert term(stale, "viewed_by").value == 60  # a 90-day figure from four months ago
    assert term(History(indicators=[Indicators(ago(3), profile_views_90d=900)]),
                "viewed_by").points == 4


def test_views_received_earn_little_below_the_articles_floor() -> None:
    """Article 1: below 600 in 90 days 'il ne se passera pas grand chose', and 3 or 4 a day is
    'bien trop peu'. 315 views (3.5 a day) earn nothing; the floor of 600 earns under half."""
    def pts(views: int) -> float:
        return term(History(indicators=[Indicators(ago(3), profile_views_90d=views)]),
                    "viewed_by").points

    assert pts(315) == 0 and pts(360) == 0
    assert pts(599) < 2 and pts(600) == pytest.approx(4 * 240 / 540)
    assert pts(300) <= pts(500) <= pts(700) <= pts(900) == pts(2000) == 4


def test_latest_indicator_with_the_field_is_used() -> None:
    history = History(indicators=[connections(100, ago(20)), connections(400, ago(10)),
                                  Indicators(ago(2), followers=50),
                                  connections(900, DAY + (DAY - ago(1)))])  # tomorrow: not yet
    assert term(history, "network_size").value == 400


def test_inmail_rate_needs_one_sent_and_none_sent_costs_nothing() -> None:
    none_sent = estimate(DAY, History(counts={DAY: {"like": 10}}))
    one_unanswered = estimate(DAY, History(counts={DAY: {"like": 10, "inmail_sent": 1}}))
    assert term_of(none_sent, "inmail_rate").points == 0
    assert one_unanswered.values == none_sent.values
    replied = History(counts={DAY: {"inmail_sent": 10, "inmail_reply": 1}})
    assert term(replied, "inmail_rate").points == 2  # 10% is the target
    assert term(History(counts={DAY: {"inmail_sent": 1, "inmail_reply": 3}}),
                "inmail_rate").value == 1.0  # replies to older InMails: capped


def test_acceptance_rate_judges_only_old_enough() -> None:
    invs = [invitation(1, 40, 1), invitation(2, 40), invitation(3, 40), invitation(4, 40),
            invitation(5, 40),
            invitation(6, 3),  # pending: not judged
            invitation(7, 2, 1),  # young, even accepted: not judged either
            invitation(8, 50, 30)]  # accepted after 30 days: judged declined
    t = term(History(invitations=invs), "acceptance_rate")
    assert t.value == pytest.approx(1 / 6)
    assert t.sample == 6 and t.min_sample == 10
    assert t.points == 0  # fewer than 10 judged: no score yet
    assert term(History(invitations=[invitation(1, 3)]), "acceptance_rate").points == 0
    assert term(History(invitations=[invitation(1, 100, 1)]), "acceptance_rate").value == 0
    assert term(History(invitations=[invitation(1, 40, 1)]), "acceptance_rate").points == 0
    eleven = [invitation(n, 40, 1 if n < 3 else None) for n in range(11)]
    assert term(History(invitations=eleven), "acceptance_rate").points == 6  # 27% > 20%


def test_acceptance_after_the_day_does_not_count_yet() -> None:
    inv = invitation(1, 30, accepted_after=40)  # accepted 10 days from now
    assert term(History(invitations=[inv]), "acceptance_rate").value == 0


def test_an_invitation_is_judged_from_its_21st_day() -> None:
    accepted = invitation(1, 40, 1)
    assert term(History(invitations=[accepted, invitation(2, 20)]), "acceptance_rate").value == 1
    assert term(History(invitations=[accepted, invitation(2, 21)]),
                "acceptance_rate").value == 0.5
    later = ScoringSettings(pending_days=30)
    est = estimate(DAY, History(invitations=[accepted, invitation(2, 21)]), later)
    assert term_of(est, "acceptance_rate").value == 1


def test_a_ten_percent_sender_stays_below_the_acceptance_target(tmp_path) -> None:
    """Ten invitations a day for 60 days, one in ten accepted the next day, through the real
    journal: the rate reads 10% and the term earns half its weight (the article's bar is 20%),
    never the full term the old rule gave by counting fresh acceptances as judged."""
    from ssi_tui.journal.store import open_journal

    journal = open_journal(tmp_path / "j.db")
    for day in range(60):
        for n in range(10):
            inv = journal.add_invitation(personalized=False, sent_day=ago(day))
            if n == 0 and day >= 1:
                journal.set_outcome(inv.id, "accepted", ago(day - 1))
    t = term_of(estimate(DAY, journal.history(ago(120), DAY)), "acceptance_rate")
    assert t.value == pytest.approx(0.1)
    assert t.points == pytest.approx(t.max_points * 0.5)
