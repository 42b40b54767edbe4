"""The estimate, term by term: each habit of the articles moves its own term by the documented
amount (docs/scoring.md), pillars are capped at 25, the total is their sum, more of a good habit
never lowers anything."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ssi_tui.domain import PILLARS, PROFILE_ITEMS, History, Indicators, Invitation, ProfileItem
from ssi_tui.model import ScoringSettings, estimate, estimate_series

DAY = date(2026, 11, 23)
S = ScoringSettings()


def daily(key: str, per_day: int, days: int = 28) -> dict[date, dict[str, int]]:
    return {DAY - timedelta(days=i): {key: per_day} for i in range(days)}


def term(history: History, key: str):
    est = estimate(DAY, history, S)
    for pillar in est.pillars.values():
        for t in pillar.terms:
            if t.key == key:
                return t
    raise KeyError(key)


@pytest.mark.parametrize(
    ("habit", "key", "per_day", "value", "points"),
    [
        ("endorsement", "endorsements", 1, 28, 4.0),        # target 10: saturated
        ("follower", "followers", 1, 28, 4 * 28 / 40),
        ("search", "searches", 1, 28, 5 * 28 / 84),
        ("profile_view_2", "views_2nd", 2, 56, 4 * 56 / 196),
        ("profile_view_3", "views_3rd", 1, 28, 5 * 28 / 84),
        ("like", "likes", 1, 28, 4 * 28 / 84),
        ("comment", "comments", 1, 28, 6.0),
        ("share", "shares", 1, 28, 3.0),
        ("engagement_received", "engagement_received", 2, 56, 5 * 56 / 100),
        ("colleague_connection", "colleagues", 1, 28, 3.0),
    ],
)
def test_each_activity_term(habit: str, key: str, per_day: int, value: float,
                            points: float) -> None:
    t = term(History(counts=daily(habit, per_day)), key)
    assert t.value == value
    assert t.points == pytest.approx(points)


def test_windows_only_count_their_days() -> None:
    counts = daily("search", 1, days=40)  # 12 of these days are outside the 28-day window
    assert term(History(counts=counts), "searches").value == 28


def test_login_days_count_days_not_logins() -> None:
    counts = {DAY - timedelta(days=i): {"login": 3} for i in range(14)}
    t = term(History(counts=counts), "login_days")
    assert t.value == 14 and t.points == pytest.approx(6 * 14 / 28)


def test_an_article_counts_as_three_posts() -> None:
    counts = {DAY: {"post": 1, "article": 1}}
    assert term(History(counts=counts), "publishing").value == 4


def test_third_degree_views_are_worth_more_than_second() -> None:
    second = term(History(counts={DAY: {"profile_view_2": 10}}), "views_2nd").points
    third = term(History(counts={DAY: {"profile_view_3": 10}}), "views_3rd").points
    assert third > 2.5 * second


def test_profile_checklist_completeness() -> None:
    items = [ProfileItem(k, v, i < 6, DAY) for i, (k, v) in enumerate(PROFILE_ITEMS.items())]
    t = term(History(profile=items), "profile")
    assert t.value == pytest.approx(6 / len(PROFILE_ITEMS))
    assert t.points == pytest.approx(11 * 6 / len(PROFILE_ITEMS))
    later = [ProfileItem(k, v, True, DAY + timedelta(days=1)) for k, v in PROFILE_ITEMS.items()]
    assert term(History(profile=later), "profile").value == 0  # ticked after the day estimated


def test_views_received_take_the_larger_of_log_and_indicator() -> None:
    history = History(counts=daily("viewed_by", 2),
                      indicators=[Indicators(DAY - timedelta(days=3), profile_views_90d=450)])
    t = term(history, "viewed_by")
    assert t.value == 450 and t.points == pytest.approx(5 * 450 / 600)


def test_inmail_rate_against_ten_percent() -> None:
    counts = {DAY: {"inmail_sent": 20, "inmail_reply": 1}}
    t = term(History(counts=counts), "inmail_rate")
    assert t.value == pytest.approx(0.05) and t.points == pytest.approx(2.0)
    assert term(History(), "inmail_rate").points == 0


def invitation(n: int, sent_ago: int, accepted: bool, degree: int | None = 2) -> Invitation:
    sent = DAY - timedelta(days=sent_ago)
    return Invitation(n, sent, degree, False, accepted_day=sent + timedelta(days=1)
                      if accepted else None)


def test_acceptance_rate_judges_only_old_enough_invitations() -> None:
    invs = [invitation(1, 40, True), invitation(2, 40, False), invitation(3, 40, False),
            invitation(4, 40, False), invitation(5, 40, False),
            invitation(6, 3, False)]  # pending: not judged yet
    t = term(History(invitations=invs), "acceptance_rate")
    assert t.value == pytest.approx(0.2) and t.points == pytest.approx(6.0)


def test_invitations_by_degree_and_network_size() -> None:
    invs = [invitation(i, 1, False, 3 if i % 2 else 2) for i in range(10)]
    assert term(History(invitations=invs), "invitations_3rd").value == 5
    assert term(History(invitations=invs), "invitations_2nd").value == 5
    history = History(indicators=[Indicators(DAY, connections=250)])
    assert term(history, "network_size").points == pytest.approx(2.5)


def test_groups_count_over_a_year() -> None:
    counts = {DAY - timedelta(days=300): {"group_join": 2}, DAY: {"group_join": 1}}
    assert term(History(counts=counts), "groups").value == 3


def everything(scale: int) -> History:
    keys = ["login", "search", "profile_view_2", "profile_view_3", "viewed_by", "like",
            "comment", "share", "post", "article", "engagement_received", "group_join",
            "inmail_sent", "inmail_reply", "endorsement", "follower", "colleague_connection"]
    counts = {DAY - timedelta(days=i): {k: scale for k in keys} for i in range(365)}
    invs = [invitation(n, n % 80, True, 2 + n % 2) for n in range(scale * 100)]
    items = [ProfileItem(k, v, True, DAY) for k, v in PROFILE_ITEMS.items()]
    return History(counts=counts, invitations=invs, profile=items,
                   indicators=[Indicators(DAY, 5000, 500, 5000, 5000)])


def test_caps_every_pillar_at_25_and_total_is_the_sum() -> None:
    est = estimate(DAY, everything(1000), S)
    assert all(est.pillars[p].value == 25 for p in PILLARS)
    assert est.total == 100
    weights = {p: sum(t.max_points for t in est.pillars[p].terms) for p in PILLARS}
    assert weights == {p: 25 for p in PILLARS}


def test_total_is_the_sum_of_rounded_pillars() -> None:
    est = estimate(DAY, History(counts=daily("search", 1) | daily("like", 2, 10)), S)
    assert est.total == round(sum(p.value for p in est.pillars.values()), 1)
    assert all(round(p.value, 1) == p.value for p in est.pillars.values())


HABITS = ["login", "search", "profile_view_2", "profile_view_3", "viewed_by", "like", "comment",
          "share", "post", "article", "engagement_received", "group_join", "inmail_reply",
          "endorsement", "follower", "colleague_connection"]


@settings(max_examples=80, deadline=None)
@given(base=st.dictionaries(st.sampled_from(HABITS), st.integers(0, 30)),
       habit=st.sampled_from(HABITS), extra=st.integers(1, 50),
       ago=st.integers(0, 27))
def test_more_of_a_good_habit_never_lowers_a_pillar(base: dict[str, int], habit: str,
                                                    extra: int, ago: int) -> None:
    counts = {DAY - timedelta(days=i): dict(base) for i in range(28)}
    before = estimate(DAY, History(counts=counts), S)
    more = {d: dict(v) for d, v in counts.items()}
    bucket = more[DAY - timedelta(days=ago)]
    bucket[habit] = bucket.get(habit, 0) + extra
    after = estimate(DAY, History(counts=more), S)
    for p in PILLARS:
        assert after.pillars[p].value >= before.pillars[p].value


@settings(max_examples=40, deadline=None)
@given(accepted=st.integers(0, 30), declined=st.integers(0, 30), new=st.integers(0, 30))
def test_accepted_and_fresh_invitations_never_lower_relationships(accepted: int, declined: int,
                                                                  new: int) -> None:
    invs = [invitation(i, 30, False) for i in range(declined)]
    base = estimate(DAY, History(invitations=invs), S).pillars["relationships"].value
    more = invs + [invitation(100 + i, 30, True) for i in range(accepted)]
    more += [invitation(200 + i, 2, False) for i in range(new)]  # sent today-ish: pending
    assert estimate(DAY, History(invitations=more), S).pillars["relationships"].value >= base


def test_series_equals_day_by_day() -> None:
    history = everything(1)
    start = DAY - timedelta(days=20)
    series = estimate_series(start, DAY, history, S)
    for est in series[::5]:
        assert est == estimate(est.day, history, S)


def test_personas_land_where_the_articles_put_them() -> None:
    """A diligent daily user (the to-dos every day, a post a week, complete profile) vs an idle
    one with a half-done profile."""
    days = [DAY - timedelta(days=i) for i in range(90)]
    diligent = {d: {"login": 1, "search": 3, "profile_view_2": 7, "profile_view_3": 3,
                    "like": 3, "comment": 1, "viewed_by": 4, "follower": 1} for d in days}
    for d in days[::7]:
        diligent[d]["post"] = 1
        diligent[d]["engagement_received"] = 10
    items = [ProfileItem(k, v, True, days[-1]) for k, v in PROFILE_ITEMS.items()]
    invs = [invitation(n, n // 5, n % 3 != 0, 2 + (n % 5 < 2)) for n in range(450)]
    good = estimate(DAY, History(counts=diligent, profile=items, invitations=invs,
                                 indicators=[Indicators(DAY, connections=450)]), S)
    assert 70 <= good.total <= 90
    idle_items = [ProfileItem(k, v, i < 6, days[-1])
                  for i, (k, v) in enumerate(PROFILE_ITEMS.items())]
    idle_counts = {d: {"login": 1} for d in days[::4]}
    idle = estimate(DAY, History(counts=idle_counts, profile=idle_items,
                                 indicators=[Indicators(DAY, connections=150)]), S)
    assert 5 <= idle.total <= 25
