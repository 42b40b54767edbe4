"""The pillar estimate: pure functions from a `History` to four scores out of 25.

LinkedIn keeps its formula secret. Each pillar here is a sum of terms, one per habit the source
articles name (docs/scoring.md quotes each one). A term earns `weight × curve(min(1, value /
target))` points: it saturates at its target, and the curve (linear or square root) only ever
rises, so more of a habit never lowers a term. Counts use rolling windows ending on the day
estimated; a range of days is computed from prefix sums, so a 365-day trend costs about as much
as reading the history once.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate

from ssi_tui.domain import PILLAR_MAX, PILLARS, PROFILE_ITEMS, History, Indicators, Invitation
from ssi_tui.model.invitations import accepted_in_time
from ssi_tui.model.settings import ScoringSettings, TermSettings
from ssi_tui.model.terms import COUNTED, TERM_DEFS, TermDef


@dataclass(frozen=True, slots=True)
class Term:
    """One habit's contribution to a pillar, with everything needed to explain it (the faces
    word its key and source: views/texts.term_name, term_source)."""

    key: str
    pillar: str
    value: float
    target: float
    points: float
    max_points: float
    window_days: int | None
    source: str
    """Where the articles ask for it: a code of terms.SOURCES."""
    sample: int | None = None
    """How many cases the value rests on (judged invitations for the acceptance rate)."""
    min_sample: int | None = None
    """The term scores nothing until `sample` reaches this (`min_judged_invitations`)."""


@dataclass(frozen=True, slots=True)
class PillarScore:
    """One pillar: the sum of its terms, capped at 25 and rounded to one decimal."""

    key: str
    value: float
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Estimate:
    """The four pillars of one day; `total` is the sum of the rounded pillars."""

    day: date
    pillars: dict[str, PillarScore]
    total: float

    @property
    def values(self) -> dict[str, float]:
        return {key: self.pillars[key].value for key in PILLARS}


def points(cfg: TermSettings, value: float) -> float:
    """Points a term earns for `value`: saturating at the target, never decreasing."""
    share = min(1.0, max(0.0, value - cfg.start) / (cfg.target - cfg.start))
    return cfg.weight * (math.sqrt(share) if cfg.curve == "sqrt" else share)


class _Prefix:
    """Prefix sums of one daily series, for O(1) window totals."""

    __slots__ = ("first", "sums")

    def __init__(self, first: date, daily: list[float]) -> None:
        self.first = first
        self.sums = list(accumulate(daily))

    def total(self, start: date, end: date) -> float:
        """Sum over [start, end] inclusive, clipped to the data."""
        hi = min((end - self.first).days, len(self.sums) - 1)
        lo = (start - self.first).days - 1
        if hi < 0 or lo >= hi:
            return 0.0
        return self.sums[hi] - (self.sums[lo] if lo >= 0 else 0.0)


@dataclass(frozen=True, slots=True)
class Layout:
    """A history laid out as plain arrays, day by day from `first`: what every estimate of a
    range reads. The forecast builds its projected days straight into one
    (model/projection.py) instead of building a history of records first."""

    first: date
    daily: dict[str, list[float]]
    """Per daily series (COUNTED's names, "login_days", "inv_2", "inv_3"): index i is day
    `first + i`."""
    sent_days: list[date]
    """Every invitation's sending day, sorted."""
    accepted_days: list[date | None]
    """In the same order, the day each counts as accepted (None: not, or not in time)."""
    indicators: list[Indicators]
    """The weekly figures, sorted by day."""
    profile_total: int
    profile_done: list[date]


SERIES: tuple[str, ...] = (*COUNTED, "login_days", "inv_2", "inv_3")
"""The daily series of a Layout."""


def first_day(history: History, start: date, end: date, settings: ScoringSettings) -> date:
    """The first day a Layout for estimating [start, end] needs: older days are outside every
    window of the range."""
    days = [*history.counts, *history.login_days, *(i.sent_day for i in history.invitations)]
    return max(min(days, default=end), start - timedelta(days=settings.lookback_days))


def lay_out_counts(counts: Mapping[date, Mapping[str, int]], logins: Sequence[date],
                   first: date, span: int, settings: ScoringSettings) -> dict[str, list[float]]:
    """The daily series of `span` days from `first`, invitations' left at zero.

    A key press changes one day's counts: when the same span was laid out from the same days
    and logins with only a few days' counts replaced (new objects), only those days are laid
    out again (a history's mappings are never changed in place)."""
    key = (first, span, settings.article_posts)
    seen = _LAID_OUT.get(key)
    if seen is not None and seen[1] is logins and len(seen[0]) == len(counts):
        before = seen[0]
        changed = [day for day, bucket in counts.items() if before.get(day) is not bucket]
        if len(changed) <= 8 and all(day in before for day in changed):
            daily = {name: list(values) for name, values in seen[2].items()}
            login_set = set(logins) if changed else set()
            for day in changed:
                i = (day - first).days
                if 0 <= i < span:
                    for values in daily.values():
                        values[i] = 0.0
                    add_bucket(daily, i, counts[day], settings)
                    if counts[day].get("login", 0) > 0 or day in login_set:
                        daily["login_days"][i] = 1.0
            _remember(key, counts, logins, daily)
            return {name: list(values) for name, values in daily.items()}
    daily = {name: [0.0] * span for name in SERIES}
    article = settings.article_posts
    feeds = FEEDS
    for day, bucket in counts.items():
        i = (day - first).days
        if 0 <= i < span:
            for k, value in bucket.items():  # add_bucket, inline: it runs for every day
                name = feeds.get(k)
                if name is not None:
                    daily[name][i] += value * (article if k == "article" else 1)
            if bucket.get("login", 0) > 0:
                daily["login_days"][i] = 1.0
    for day in logins:
        if 0 <= (day - first).days < span:
            daily["login_days"][(day - first).days] = 1.0
    if len(counts) > 8:
        _remember(key, counts, logins, {name: list(values) for name, values in daily.items()})
    return daily


_LAID_OUT: dict[tuple[date, int, float],
                tuple[Mapping[date, Mapping[str, int]], Sequence[date],
                      dict[str, list[float]]]] = {}
"""The last few spans laid out (a key press lays out today's and the forecast's)."""


def _remember(key: tuple[date, int, float], counts: Mapping[date, Mapping[str, int]],
              logins: Sequence[date], daily: dict[str, list[float]]) -> None:
    _LAID_OUT.pop(key, None)
    _LAID_OUT[key] = (counts, logins, daily)
    while len(_LAID_OUT) > 4:
        del _LAID_OUT[next(iter(_LAID_OUT))]


def add_bucket(daily: dict[str, list[float]], i: int, bucket: Mapping[str, int],
               settings: ScoringSettings) -> None:
    """Add one day's counts to its series (an article weighs `article_posts` posts)."""
    for key, value in bucket.items():
        name = FEEDS.get(key)
        if name is not None:
            daily[name][i] += value * (settings.article_posts if key == "article" else 1)


FEEDS: dict[str, str] = {key: name for name, keys in COUNTED.items() for key in keys}
"""Habit key → the daily series it is summed into."""


def lay_out(history: History, start: date, end: date, settings: ScoringSettings) -> Layout:
    """The arrays that estimating the days of [start, end] reads, from a history."""
    first = first_day(history, start, end, settings)
    span = max((end - first).days + 1, 1)
    daily = lay_out_counts(history.counts, history.login_days, first, span, settings)
    for inv in history.invitations:
        i = (inv.sent_day - first).days
        if 0 <= i < span:
            daily["inv_3" if inv.degree == 3 else "inv_2"][i] += 1.0
    sent_days, accepted_days = judged_invitations(history.invitations, settings.pending_days)
    given = {item.key: item for item in history.profile}
    return Layout(
        first=first, daily=daily, sent_days=sent_days, accepted_days=accepted_days,
        indicators=sorted(history.indicators, key=lambda i: i.day),
        # an item the journal does not list yet is simply not done
        profile_total=len(given.keys() | set(PROFILE_ITEMS)),
        profile_done=sorted((item.day or date.min) for item in given.values() if item.done),
    )


_JUDGED: list[tuple[Sequence[Invitation], int, int, list[date], list[date | None]]] = []


def judged_invitations(invitations: Sequence[Invitation],
                       pending_days: int) -> tuple[list[date], list[date | None]]:
    """The invitations' sending days, sorted, and each one's acceptance day (worked out once
    rather than once per day estimated).

    Remembered for the last sequence seen (the same object, unchanged in length: a history's
    sequences are never changed in place), because a key press estimates the same invitations
    again for today and for the forecast; the result is shared, so callers never change it."""
    if _JUDGED:
        seen, pending, size, sent, accepted = _JUDGED[0]
        if seen is invitations and pending == pending_days and size == len(invitations):
            return sent, accepted
    ordered = sorted(invitations, key=lambda i: i.sent_day)
    sent = [inv.sent_day for inv in ordered]
    accepted = [accepted_in_time(inv, pending_days) for inv in ordered]
    _JUDGED[:] = [(invitations, pending_days, len(invitations), sent, accepted)]
    return sent, accepted


class _Context:
    """Everything a day's terms need, prepared once per range (prefix sums of every daily
    series, sorted invitations and indicators), so each day is a few look-ups."""

    def __init__(self, layout: Layout, settings: ScoringSettings) -> None:
        s = self.s = settings
        self.series = {name: _Prefix(layout.first, values)
                       for name, values in layout.daily.items()}
        self.sent_days = layout.sent_days
        self.accepted_days = layout.accepted_days
        self.indicators = layout.indicators
        self.indicator_days = [ind.day for ind in self.indicators]
        self.profile_total = layout.profile_total
        self.profile_done = layout.profile_done
        self.windows = {"activity": s.activity_window_days, "rate": s.rate_window_days,
                        "group": s.group_window_days}

    def count(self, name: str, day: date, window: str) -> float:
        return self.series[name].total(day - timedelta(days=self.windows[window] - 1), day)

    def latest(self, day: date, attr: str, within: int | None = None) -> int | None:
        """The latest weekly figure on or before `day` with `attr` filled in (and, if `within`
        is given, recorded in the last `within` days)."""
        i = bisect_right(self.indicator_days, day)
        while i > 0:
            i -= 1
            ind = self.indicators[i]
            if within is not None and (day - ind.day).days >= within:
                return None
            value = getattr(ind, attr)
            if value is not None:
                return int(value)
        return None

    def acceptance(self, day: date) -> tuple[float, int]:
        """(accepted ÷ judged, judged) among invitations sent in the rate window. An invitation
        is judged once it is `pending_days` old, and accepted if it was accepted within those
        days (model/invitations.py); a younger one counts in neither part, accepted or not, so
        neither sending nor a quick acceptance moves the rate until its verdict is in."""
        lo = bisect_right(self.sent_days, day - timedelta(days=self.s.rate_window_days))
        hi = bisect_right(self.sent_days, day - timedelta(days=self.s.pending_days))
        accepted = 0
        for accepted_day in self.accepted_days[lo:hi]:
            if accepted_day is not None and accepted_day <= day:
                accepted += 1
        judged = max(0, hi - lo)
        return (accepted / judged if judged else 0.0), judged

    def value(self, key: str, day: date) -> float:
        """The raw value of one term on `day`: a count over its window, a rate or a fraction."""
        if key == "profile":
            done = bisect_right(self.profile_done, day)
            return done / self.profile_total if self.profile_total else 0.0
        if key == "viewed_by":  # the larger of what was logged and LinkedIn's own 90-day figure
            reported = self.latest(day, "profile_views_90d", within=self.s.rate_window_days)
            return max(self.count("viewed_by", day, "rate"), float(reported or 0))
        if key == "inmail_rate":
            sent = self.count("inmail_sent", day, "rate")
            return min(1.0, self.count("inmail_reply", day, "rate") / sent) if sent else 0.0
        if key == "acceptance_rate":
            return self.acceptance(day)[0]
        if key == "invitations_2nd":
            return self.count("inv_2", day, "activity")
        if key == "invitations_3rd":
            return self.count("inv_3", day, "activity")
        if key == "network_size":
            return float(self.latest(day, "connections") or 0)
        if key == "login_days":
            return self.count("login_days", day, "activity")
        if key == "colleagues":
            return self.count("colleagues", day, "rate")
        if key == "groups":
            return self.count("groups", day, "group")
        return self.count(key, day, "activity")

    def earned(self, definition: TermDef, day: date) -> tuple[float, int | None, float]:
        """One term's value, its sample (the acceptance rate's judged invitations) and the
        points it earns."""
        sample = None
        if definition.key == "acceptance_rate":
            value, sample = self.acceptance(day)
        else:
            value = self.value(definition.key, day)
        earned = points(self.s.term(definition.key), value)
        if sample is not None and sample < self.s.min_judged_invitations:
            earned = 0.0  # too few verdicts to trust the rate
        return value, sample, earned

    def term(self, definition: TermDef, day: date) -> Term:
        cfg = self.s.term(definition.key)
        value, sample, earned = self.earned(definition, day)
        return Term(
            key=definition.key, pillar=definition.pillar, value=value,
            target=cfg.target, points=earned, max_points=cfg.weight,
            window_days=self.windows[definition.window] if definition.window else None,
            source=definition.source, sample=sample,
            min_sample=self.s.min_judged_invitations if sample is not None else None,
        )

    def values(self, day: date) -> dict[str, float]:
        """`estimate(day).values` without the terms' records: the same points summed in the
        same order (the forecast scans a year of projected days for the target)."""
        earned: dict[str, list[float]] = {key: [] for key in PILLARS}
        for definition in TERM_DEFS:
            earned[definition.pillar].append(self.earned(definition, day)[2])
        return {key: round(min(PILLAR_MAX, sum(earned[key])), 1) for key in PILLARS}

    def estimate(self, day: date) -> Estimate:
        terms: dict[str, list[Term]] = {key: [] for key in PILLARS}
        for definition in TERM_DEFS:
            terms[definition.pillar].append(self.term(definition, day))
        pillars = {
            key: PillarScore(key, round(min(PILLAR_MAX, sum(t.points for t in terms[key])), 1),
                             tuple(terms[key]))
            for key in PILLARS
        }
        return Estimate(day, pillars, round(sum(p.value for p in pillars.values()), 1))


def estimate(day: date, history: History, settings: ScoringSettings | None = None) -> Estimate:
    """The four pillars on `day`, from the history's windows ending that day."""
    s = settings or ScoringSettings()
    return _Context(lay_out(history, day, day, s), s).estimate(day)


def estimate_days(
    days: Iterable[date], history: History, settings: ScoringSettings | None = None
) -> dict[date, Estimate]:
    """Estimates for scattered days (e.g. the days of official readings), one preparation."""
    wanted = sorted(set(days))
    if not wanted:
        return {}
    s = settings or ScoringSettings()
    return estimate_laid_out(wanted, lay_out(history, wanted[0], wanted[-1], s), s)


def estimate_laid_out(days: Iterable[date], layout: Layout,
                      settings: ScoringSettings) -> dict[date, Estimate]:
    """Estimates for days the layout covers (laid out from their first day's window)."""
    ctx = _Context(layout, settings)
    return {day: ctx.estimate(day) for day in sorted(set(days))}


def pillar_values(layout: Layout, settings: ScoringSettings) -> Callable[[date], dict[str, float]]:
    """Day → `Estimate.values` for days the layout covers, one day at a time (so a scan can
    stop at the day it looks for)."""
    return _Context(layout, settings).values


def estimate_series(
    start: date, end: date, history: History, settings: ScoringSettings | None = None
) -> list[Estimate]:
    """One estimate per day from `start` to `end` inclusive (empty if `end` < `start`)."""
    if end < start:
        return []
    s = settings or ScoringSettings()
    ctx = _Context(lay_out(history, start, end, s), s)
    return [ctx.estimate(start + timedelta(days=i)) for i in range((end - start).days + 1)]
