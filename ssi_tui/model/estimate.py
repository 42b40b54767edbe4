"""The pillar estimate: pure functions from a `History` to four scores out of 25.

LinkedIn keeps its formula secret. Each pillar here is a sum of terms, one per habit the source
articles name (docs/scoring.md quotes each one); a term earns `weight × min(1, value / target)`
points, so it saturates at its target and more of a habit never lowers it. Counts use rolling
windows ending on the day estimated; a series of days is computed from prefix sums, so a
90- or 365-day trend costs about as much as one day.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate

from ssi_tui.domain import PILLAR_LABELS, PILLAR_MAX, PILLARS, History, Indicators, Invitation
from ssi_tui.model.settings import ScoringSettings

A1 = "Article 1"
SOURCES = {
    "brand": f"{A1}, 'Construire votre marque personnelle'",
    "people": f"{A1}, 'Trouver les bonnes personnes'",
    "insights": f"{A1}, 'Echanger des informations'",
    "relationships": f"{A1}, 'Etablir des relations'",
}


@dataclass(frozen=True, slots=True)
class Term:
    """One habit's contribution to a pillar, with everything needed to explain it."""

    key: str
    name: str
    pillar: str
    value: float
    target: float
    points: float
    max_points: float
    window_days: int | None
    source: str


@dataclass(frozen=True, slots=True)
class PillarScore:
    key: str
    label: str
    value: float
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class Estimate:
    day: date
    pillars: dict[str, PillarScore]
    total: float

    @property
    def values(self) -> dict[str, float]:
        return {key: self.pillars[key].value for key in PILLARS}


@dataclass(frozen=True)
class _TermDef:
    key: str
    name: str
    pillar: str
    window: str | None  # "activity", "rate", "group" or None (a state, not a count)


TERM_DEFS: tuple[_TermDef, ...] = (
    _TermDef("profile", "Profile complete (checklist)", "brand", None),
    _TermDef("endorsements", "Skill endorsements received", "brand", "activity"),
    _TermDef("publishing", "Posts and articles published (article = 3 posts)", "brand",
             "activity"),
    _TermDef("followers", "Followers gained", "brand", "activity"),
    _TermDef("login_days", "Days logged in", "people", "activity"),
    _TermDef("searches", "Searches", "people", "activity"),
    _TermDef("views_2nd", "2nd-degree profiles viewed", "people", "activity"),
    _TermDef("views_3rd", "3rd-degree profiles viewed", "people", "activity"),
    _TermDef("viewed_by", "Views of your profile", "people", "rate"),
    _TermDef("likes", "Likes given", "insights", "activity"),
    _TermDef("comments", "Comments written", "insights", "activity"),
    _TermDef("shares", "Posts reshared", "insights", "activity"),
    _TermDef("engagement_received", "Engagement on your posts", "insights", "activity"),
    _TermDef("groups", "Groups joined", "insights", "group"),
    _TermDef("inmail_rate", "InMail response rate", "insights", "rate"),
    _TermDef("invitations_2nd", "Invitations to 2nd degree", "relationships", "activity"),
    _TermDef("invitations_3rd", "Invitations to 3rd degree", "relationships", "activity"),
    _TermDef("acceptance_rate", "Invitation acceptance rate", "relationships", "rate"),
    _TermDef("colleagues", "Colleagues connected", "relationships", "rate"),
    _TermDef("network_size", "Network size (connections)", "relationships", None),
)
ARTICLE_WEIGHT = 3  # an article is a bigger piece of brand-building than a post

FEEDS: dict[str, tuple[tuple[str, int], ...]] = {
    "endorsement": (("endorsements", 1),),
    "post": (("publishing", 1),),
    "article": (("publishing", ARTICLE_WEIGHT),),
    "follower": (("followers", 1),),
    "search": (("searches", 1),),
    "profile_view_2": (("views_2nd", 1),),
    "profile_view": (("views_2nd", 1),),  # a view of unknown degree counts as 2nd
    "profile_view_3": (("views_3rd", 1),),
    "viewed_by": (("viewed_by", 1),),
    "like": (("likes", 1),),
    "comment": (("comments", 1),),
    "share": (("shares", 1),),
    "engagement_received": (("engagement_received", 1),),
    "group_join": (("groups", 1),),
    "inmail_sent": (("inmail_sent", 1),),
    "inmail_reply": (("inmail_reply", 1),),
    "colleague_connection": (("colleagues", 1),),
}
"""Which daily series each habit key feeds, with what weight."""
SERIES = sorted({name for feeds in FEEDS.values() for name, _ in feeds} | {"login_days"})


@dataclass
class _Days:
    """Prefix sums of one daily series over the range the history covers."""

    first: date
    sums: list[int] = field(default_factory=list)

    def total(self, start: date, end: date) -> int:
        """Sum over [start, end] (inclusive), clipped to the data."""
        hi = (end - self.first).days
        lo = (start - self.first).days - 1
        if hi < 0:
            return 0
        hi = min(hi, len(self.sums) - 1)
        return self.sums[hi] - (self.sums[lo] if lo >= 0 else 0)


class _Context:
    """Everything a day's terms need, precomputed once per history (prefix sums, sorted
    invitations, indicators), so each day is a handful of O(1) or O(log n) look-ups."""

    def __init__(self, history: History, end: date, settings: ScoringSettings) -> None:
        self.s = settings
        counts = history.counts
        self.first = min(counts) if counts else end
        span = max((end - self.first).days + 1, 1)
        daily = {name: [0] * span for name in SERIES}
        for day, bucket in counts.items():
            i = (day - self.first).days
            if not 0 <= i < span:
                continue
            for key, value in bucket.items():
                for name, weight in FEEDS.get(key, ()):
                    daily[name][i] += weight * value
            if bucket.get("login", 0) > 0:
                daily["login_days"][i] = 1
        self.series = {name: _Days(self.first, list(accumulate(values)))
                       for name, values in daily.items()}
        self.invitations: list[Invitation] = sorted(history.invitations, key=lambda i: i.sent_day)
        self.sent_days = [inv.sent_day for inv in self.invitations]
        self.indicators: list[Indicators] = sorted(history.indicators, key=lambda i: i.day)
        self.indicator_days = [ind.day for ind in self.indicators]
        self.profile = list(history.profile)

    def window(self, key: str, day: date, kind: str) -> int:
        days = {"activity": self.s.activity_window_days, "rate": self.s.rate_window_days,
                "group": self.s.group_window_days}[kind]
        return self.series[key].total(day - timedelta(days=days - 1), day)

    def latest(self, day: date, attr: str) -> int | None:
        """The latest weekly figure on or before `day` that has `attr` filled in."""
        i = bisect_right(self.indicator_days, day)
        while i > 0:
            i -= 1
            value = getattr(self.indicators[i], attr)
            if value is not None:
                return int(value)
        return None

    def invitations_in(self, day: date, days: int) -> list[Invitation]:
        lo = bisect_right(self.sent_days, day - timedelta(days=days))
        hi = bisect_right(self.sent_days, day)
        return self.invitations[lo:hi]


def _value(ctx: _Context, key: str, day: date) -> float:
    """The raw value of one term on `day` (a count over its window, a rate or a fraction)."""
    s = ctx.s
    if key == "profile":
        items = ctx.profile
        done = sum(1 for i in items if i.done and (i.day is None or i.day <= day))
        return done / len(items) if items else 0.0
    if key == "viewed_by":
        logged = ctx.window("viewed_by", day, "rate")
        reported = ctx.latest(day, "profile_views_90d") or 0
        return float(max(logged, reported))
    if key == "inmail_rate":
        sent = ctx.window("inmail_sent", day, "rate")
        replies = ctx.window("inmail_reply", day, "rate")
        return min(1.0, replies / sent) if sent else 0.0
    if key in ("invitations_2nd", "invitations_3rd"):
        wanted = 3 if key == "invitations_3rd" else 2
        return float(sum(1 for inv in ctx.invitations_in(day, s.activity_window_days)
                         if (inv.degree or 2) == wanted))
    if key == "acceptance_rate":
        accepted = judged = 0
        for inv in ctx.invitations_in(day, s.rate_window_days):
            if inv.accepted_day is not None and inv.accepted_day <= day:
                accepted += 1
                judged += 1
            elif (day - inv.sent_day).days >= s.pending_days:
                judged += 1
        return accepted / judged if judged else 0.0
    if key == "network_size":
        return float(ctx.latest(day, "connections") or 0)
    if key == "colleagues":
        return float(ctx.window("colleagues", day, "rate"))
    if key == "groups":
        return float(ctx.window("groups", day, "group"))
    return float(ctx.window(key, day, "activity"))


def _window_days(definition: _TermDef, s: ScoringSettings) -> int | None:
    return {"activity": s.activity_window_days, "rate": s.rate_window_days,
            "group": s.group_window_days, None: None}[definition.window]


def _estimate(ctx: _Context, day: date) -> Estimate:
    s = ctx.s
    terms: dict[str, list[Term]] = {key: [] for key in PILLARS}
    for definition in TERM_DEFS:
        cfg = s.term(definition.key)
        value = _value(ctx, definition.key, day)
        points = cfg.weight * min(1.0, max(0.0, value) / cfg.target)
        terms[definition.pillar].append(Term(
            key=definition.key, name=definition.name, pillar=definition.pillar, value=value,
            target=cfg.target, points=points, max_points=cfg.weight,
            window_days=_window_days(definition, s), source=SOURCES[definition.pillar],
        ))
    pillars = {
        key: PillarScore(key, PILLAR_LABELS[key],
                         round(min(PILLAR_MAX, sum(t.points for t in terms[key])), 1),
                         tuple(terms[key]))
        for key in PILLARS
    }
    return Estimate(day, pillars, round(sum(p.value for p in pillars.values()), 1))


def estimate(day: date, history: History, settings: ScoringSettings | None = None) -> Estimate:
    """The four pillars on `day`, from the history's windows ending that day."""
    return _estimate(_Context(history, day, settings or ScoringSettings()), day)


def estimate_days(
    days: Iterable[date], history: History, settings: ScoringSettings | None = None
) -> dict[date, Estimate]:
    """Estimates for scattered days (e.g. the days of official readings), one precomputation."""
    wanted = sorted(set(days))
    if not wanted:
        return {}
    ctx = _Context(history, wanted[-1], settings or ScoringSettings())
    return {day: _estimate(ctx, day) for day in wanted}


def estimate_series(
    start: date, end: date, history: History, settings: ScoringSettings | None = None
) -> list[Estimate]:
    """One estimate per day from `start` to `end` inclusive, sharing one precomputation."""
    ctx = _Context(history, end, settings or ScoringSettings())
    return [_estimate(ctx, start + timedelta(days=i)) for i in range((end - start).days + 1)]
