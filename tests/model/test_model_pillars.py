"""Pillars and total: capped at 25, total = sum of the rounded pillars, more of a good habit
never lowers anything, the series equals day-by-day estimates, and the two personas land where
the defaults promise (docs/scoring.md)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from model_builders import (
    DAY,
    HABITS,
    ago,
    checklist,
    connections,
    daily,
    diligent,
    everything,
    idle,
    invitation,
    merge,
    term_of,
)

from ssi_tui.domain import PILLARS, PROFILE_ITEMS, History, Indicators
from ssi_tui.labels import PILLAR_LABELS
from ssi_tui.model import ScoringSettings, estimate, estimate_series
from ssi_tui.model.estimate import lay_out
from ssi_tui.model.settings import DEFAULT_TERMS
from ssi_tui.model.terms import TERM_DEFS


def test_default_weights_add_up_to_25_per_pillar() -> None:
    for pillar in PILLARS:
        weights = [DEFAULT_TERMS[d.key].weight for d in TERM_DEFS if d.pillar == pillar]
        assert sum(weights) == 25, pillar
    assert {d.key for d in TERM_DEFS} == set(DEFAULT_TERMS)


@pytest.mark.parametrize("scale", [20, 100])
def test_huge_counts_reach_exactly_25_per_pillar_and_100(scale: int) -> None:
    est = estimate(DAY, everything(scale))
    assert est.values == {p: 25.0 for p in PILLARS}
    assert est.total == 100.0


def test_pillars_are_capped_even_when_weights_overflow() -> None:
    heavy = ScoringSettings.model_validate({"terms": {"searches": {"weight": 25}}})
    est = estimate(DAY, everything(5), heavy)
    assert est.pillars["people"].value == 25


def test_pillars_are_labelled_in_linkedin_order() -> None:
    est = estimate(DAY, History())
    assert list(est.pillars) == list(PILLARS)
    assert all(est.pillars[p].key == p for p in PILLARS)
    assert list(PILLAR_LABELS) == list(PILLARS)  # each key has its LinkedIn label


@settings(max_examples=60, deadline=None)
@given(base=st.dictionaries(st.sampled_from(HABITS), st.integers(0, 40)),
       done=st.integers(0, len(PROFILE_ITEMS)), sent=st.integers(0, 5))
def test_total_is_the_sum_of_the_rounded_pillars(base: dict[str, int], done: int,
                                                 sent: int) -> None:
    counts = {ago(i): {**base, "inmail_sent": sent} for i in range(0, 40, 3)}
    est = estimate(DAY, History(counts=counts, profile=checklist(done)))
    assert est.total == round(sum(est.values.values()), 1)
    for pillar in est.pillars.values():
        assert pillar.value == round(pillar.value, 1)
        assert 0 <= pillar.value <= 25
        assert pillar.value == round(min(25.0, sum(t.points for t in pillar.terms)), 1)
        assert all(0 <= t.points <= t.max_points for t in pillar.terms)


@settings(max_examples=120, deadline=None)
@given(base=st.dictionaries(st.sampled_from(HABITS), st.integers(0, 30)),
       habit=st.sampled_from(HABITS), extra=st.integers(1, 60), when=st.integers(0, 120),
       done=st.integers(0, len(PROFILE_ITEMS)), sent=st.integers(0, 10))
def test_more_of_a_good_habit_never_lowers_a_pillar(base: dict[str, int], habit: str,
                                                    extra: int, when: int, done: int,
                                                    sent: int) -> None:
    counts = {ago(i): {**base, "inmail_sent": sent} for i in range(0, 120, 2)}
    history = History(counts=counts, profile=checklist(done))
    more = merge(counts, {ago(when): {habit: extra}})
    before = estimate(DAY, history)
    after = estimate(DAY, History(counts=more, profile=checklist(done)))
    for p in PILLARS:
        assert after.pillars[p].value >= before.pillars[p].value, (p, habit)


@settings(max_examples=60, deadline=None)
@given(declined=st.integers(0, 30), accepted=st.integers(0, 30),
       new_accepted=st.lists(st.tuples(st.integers(0, 89), st.integers(0, 10)), max_size=20),
       fresh=st.lists(st.integers(0, 20), max_size=20))
def test_accepted_and_fresh_invitations_never_lower_relationships(
        declined: int, accepted: int, new_accepted: list[tuple[int, int]],
        fresh: list[int]) -> None:
    invs = [invitation(i, 30 + i % 50) for i in range(declined)]
    invs += [invitation(100 + i, 30 + i % 50, 2) for i in range(accepted)]
    before = estimate(DAY, History(invitations=invs))
    more = list(invs)
    more += [invitation(200 + i, sent, min(after, sent), 2 + i % 2)
             for i, (sent, after) in enumerate(new_accepted)]
    more += [invitation(300 + i, sent, None, 2 + i % 2) for i, sent in enumerate(fresh)]
    after = estimate(DAY, History(invitations=more))
    for p in PILLARS:
        assert after.pillars[p].value >= before.pillars[p].value


@settings(max_examples=40, deadline=None)
@given(done=st.integers(0, len(PROFILE_ITEMS) - 1), network=st.integers(0, 2000),
       gained=st.integers(1, 2000))
def test_ticking_an_item_or_a_bigger_network_never_lowers(done: int, network: int,
                                                          gained: int) -> None:
    base = estimate(DAY, History(profile=checklist(done), indicators=[connections(network)]))
    ticked = estimate(DAY, History(profile=checklist(done + 1),
                                   indicators=[connections(network)]))
    grown = estimate(DAY, History(profile=checklist(done),
                                  indicators=[connections(network + gained)]))
    assert ticked.pillars["brand"].value >= base.pillars["brand"].value
    assert grown.pillars["relationships"].value >= base.pillars["relationships"].value


def test_series_equals_the_estimate_of_each_day() -> None:
    history = History(
        counts=merge(daily("search", 2, 120, every=3), daily("like", 4, 90, every=2),
                     daily("login", 1, 120), daily("viewed_by", 3, 100, every=5),
                     daily("group_join", 1, 300, every=70), daily("article", 1, 60, every=30)),
        invitations=[invitation(n, n % 100, 4 if n % 3 else None, 2 + n % 2) for n in range(300)],
        indicators=[Indicators(ago(i), 100 + 10 * i, 50, 100, 200 + i) for i in range(0, 120, 7)],
        profile=checklist(8, ago(50)),
    )
    start = ago(100)
    series = estimate_series(start, DAY, history)
    assert [e.day for e in series] == [start + timedelta(days=i) for i in range(101)]
    for est in series:
        assert est == estimate(est.day, history)


def test_series_edges() -> None:
    assert estimate_series(DAY, ago(1), History()) == []
    assert estimate_series(DAY, DAY, History()) == [estimate(DAY, History())]


def test_the_diligent_user_lands_between_70_and_80() -> None:
    est = estimate(DAY, diligent())
    assert 70 <= est.total <= 80, est.values
    assert est.pillars["brand"].value >= 20  # complete profile + a post a week opens the gate


def test_diligence_with_its_results_lands_above_75_not_past_90() -> None:
    base = diligent()
    results = History(
        counts=merge(dict(base.counts), daily("follower", 1, 28, every=7),
                     daily("endorsement", 1, 28, every=14),
                     daily("engagement_received", 10, 28, every=7)),
        invitations=base.invitations, profile=base.profile,
        indicators=[Indicators(ago(2), profile_views_90d=400, connections=400)],
    )
    est = estimate(DAY, results)
    assert 75 <= est.total < 90, est.values


def test_the_idle_user_lands_between_15_and_25() -> None:
    est = estimate(DAY, idle())
    assert 15 <= est.total <= 25, est.values
    assert term_of(est, "profile").points > est.total / 2  # mostly the half-done profile


def test_history_older_than_every_window_is_ignored_cheaply() -> None:
    long_ago = [DAY - timedelta(days=365 * 30)]  # a login thirty years back, in the streak list
    history = History(counts=daily("search", 1), login_days=long_ago)
    series = estimate_series(ago(89), DAY, history)
    # cheaply: the arrays laid out start at the oldest window's first day, not 30 years back
    scoring = ScoringSettings()
    first = lay_out(history, ago(89), DAY, scoring).first
    assert first == ago(89) - timedelta(days=scoring.lookback_days)
    assert series[-1] == estimate(DAY, History(counts=daily("search", 1)))
