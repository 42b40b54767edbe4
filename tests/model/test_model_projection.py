"""The forecast's fast projection (`projected_layout`, arrays) lays out exactly what the
readable one (`lay_out(project(...))`, records) does, so every forecast figure is unchanged."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from model_builders import DAY, HABITS

from ssi_tui.domain import History, Indicators, Invitation
from ssi_tui.model.estimate import _LAID_OUT, Layout, estimate_laid_out, lay_out
from ssi_tui.model.forecast import PLAN_HABITS
from ssi_tui.model.projection import project, projected_layout, real_days
from ssi_tui.model.settings import ScoringSettings

KEYS = (*HABITS, "inmail_sent", "profile_view", "viewers_checked")
offsets = st.integers(min_value=-420, max_value=0)  # days from DAY; 0 is today
maybe_after = st.one_of(st.none(), st.integers(min_value=0, max_value=40))


@st.composite
def histories(draw: st.DrawFn) -> History:
    counts = {DAY + timedelta(days=o): draw(st.dictionaries(st.sampled_from(KEYS),
                                                            st.integers(0, 9), max_size=4))
              for o in draw(st.lists(offsets, max_size=40))}
    invitations = []
    for n, o in enumerate(draw(st.lists(offsets, max_size=40))):
        sent = DAY + timedelta(days=o)
        accepted, exchange = draw(maybe_after), draw(maybe_after)
        invitations.append(Invitation(
            n + 1, sent, draw(st.sampled_from([None, 2, 3])), False,
            accepted_day=None if accepted is None else sent + timedelta(days=accepted),
            exchange_day=None if exchange is None else sent + timedelta(days=exchange)))
    indicators = [Indicators(DAY + timedelta(days=o), draw(st.none() | st.integers(0, 500)),
                             None, None, draw(st.none() | st.integers(0, 30_000)))
                  for o in draw(st.lists(st.integers(-200, 10), max_size=6))]
    logins = sorted({DAY + timedelta(days=o) for o in draw(st.lists(offsets, max_size=30))})
    if draw(st.booleans()):  # now and then a day after today: `project` must be followed
        counts[DAY + timedelta(days=draw(st.integers(1, 30)))] = {"search": 1}
    return History(counts=counts, invitations=invitations, indicators=indicators,
                   login_days=logins)


scorings = st.builds(
    ScoringSettings, activity_window_days=st.integers(7, 60), rate_window_days=st.integers(28, 120),
    group_window_days=st.integers(28, 400), pending_days=st.integers(1, 30),
    article_posts=st.sampled_from([1.0, 1.3, 2.5, 3.0]))


def comparable(layout: Layout, end: date) -> tuple[object, ...]:
    """Everything an estimate up to `end` reads (invitations sent after it never count)."""
    kept = [i for i, d in enumerate(layout.sent_days) if d <= end]
    return (layout.first, layout.daily, [layout.sent_days[i] for i in kept],
            [layout.accepted_days[i] for i in kept], layout.indicators, layout.profile_total,
            layout.profile_done)


@settings(max_examples=150, deadline=None)
@given(history=histories(), scoring=scorings, rate=st.floats(0, 1),
       horizon=st.integers(1, 80), length=st.sampled_from([7, 28]),
       span=st.tuples(st.integers(1, 80), st.integers(0, 80)),
       extra=st.dictionaries(st.sampled_from(list(PLAN_HABITS)),
                             st.tuples(st.integers(1, 3), st.sampled_from([1, 7])), max_size=4))
def test_the_fast_projection_lays_out_what_the_records_do(
        history: History, scoring: ScoringSettings, rate: float, horizon: int, length: int,
        span: tuple[int, int], extra: dict[str, tuple[int, int]]) -> None:
    template = [DAY - timedelta(days=length - 1 - i) for i in range(length)]
    start = DAY + timedelta(days=min(span[0], horizon))
    end = min(start + timedelta(days=span[1]), DAY + timedelta(days=horizon))
    fast = projected_layout(real_days(history, DAY, scoring), template, rate, horizon, start,
                            end, extra)
    slow = lay_out(project(history, DAY, template, rate, horizon, extra), start, end, scoring)
    assert comparable(fast, end) == comparable(slow, end)
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    assert estimate_laid_out(days, fast, scoring) == estimate_laid_out(days, slow, scoring)


@settings(max_examples=80, deadline=None)
@given(history=histories(), scoring=scorings,
       patches=st.lists(st.tuples(st.integers(0, 60), st.dictionaries(
           st.sampled_from(KEYS), st.integers(0, 9), max_size=4)), max_size=10))
def test_a_day_laid_out_again_is_laid_out_as_from_scratch(
        history: History, scoring: ScoringSettings,
        patches: list[tuple[int, dict[str, int]]]) -> None:
    """After a key press only the days whose counts changed are laid out again; the arrays
    are the ones a first lay-out gives."""
    # every login day has counts too, so that changing a login day's counts is tried
    base = replace(history, counts={**{d: {} for d in history.login_days}, **history.counts})
    start = DAY - timedelta(days=30)
    lay_out(base, start, DAY, scoring)  # remembered
    counts = dict(base.counts)
    days = sorted(counts)
    for index, bucket in patches:
        if days:
            counts[days[index % len(days)]] = bucket  # new counts for a day already there
    again = replace(base, counts=counts)
    patched = lay_out(again, start, DAY, scoring)
    _LAID_OUT.clear()
    assert patched == lay_out(again, start, DAY, scoring)
