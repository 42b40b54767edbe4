"""Small builders of `History` records for the model tests (no journal, no files)."""

from __future__ import annotations

from datetime import date, timedelta

from ssi_tui.domain import PROFILE_ITEMS, History, Indicators, Invitation, ProfileItem
from ssi_tui.labels import PROFILE_ITEM_LABELS
from ssi_tui.model import Estimate, Term, estimate

DAY = date(2026, 11, 23)
"""The day every test estimates (a Monday)."""

HABITS = ("login", "search", "profile_view_2", "profile_view_3", "viewed_by", "like", "comment",
          "share", "post", "article", "engagement_received", "group_join", "inmail_reply",
          "endorsement", "follower", "colleague_connection")
"""Every habit key whose count only ever helps (inmail_sent is the denominator of a rate)."""


def ago(n: int) -> date:
    return DAY - timedelta(days=n)


def daily(key: str, per_day: int, days: int = 28, every: int = 1) -> dict[date, dict[str, int]]:
    """`per_day` of one habit on each of the last `days` days (one day in `every`)."""
    return {ago(i): {key: per_day} for i in range(0, days, every)}


def merge(*parts: dict[date, dict[str, int]]) -> dict[date, dict[str, int]]:
    out: dict[date, dict[str, int]] = {}
    for part in parts:
        for day, bucket in part.items():
            target = out.setdefault(day, {})
            for key, value in bucket.items():
                target[key] = target.get(key, 0) + value
    return out


def checklist(done: int, day: date | None = None) -> list[ProfileItem]:
    """The whole checklist with its first `done` items ticked (on `day`, default long ago)."""
    when = day or ago(200)
    return [ProfileItem(k, PROFILE_ITEM_LABELS.english(k), i < done, when if i < done else None)
            for i, k in enumerate(PROFILE_ITEMS)]


def invitation(n: int, sent_ago: int, accepted_after: int | None = None, degree: int | None = 2,
               personalized: bool = False) -> Invitation:
    sent = ago(sent_ago)
    accepted = sent + timedelta(days=accepted_after) if accepted_after is not None else None
    return Invitation(n, sent, degree, personalized, accepted_day=accepted)


def connections(n: int, when: date = DAY) -> Indicators:
    return Indicators(when, connections=n)


def term_of(est: Estimate, key: str) -> Term:
    for pillar in est.pillars.values():
        for term in pillar.terms:
            if term.key == key:
                return term
    raise KeyError(key)


def term(history: History, key: str) -> Term:
    return term_of(estimate(DAY, history), key)


def diligent() -> History:
    """The brief's diligent daily user, literally: logs in daily, 3 searches, 10 profile views
    (7 2nd + 3 3rd degree), 5 likes and 2 comments a day, a post a week, 5 invitations a day
    (3 to 2nd, 2 to 3rd degree; 6 in 10 accepted within 3 days), complete profile. Nothing
    else: no endorsements, followers, views received, groups, InMail or indicators."""
    days = [ago(i) for i in range(120)]
    counts = {d: {"login": 1, "search": 3, "profile_view_2": 7, "profile_view_3": 3, "like": 5,
                  "comment": 2} for d in days}
    for d in days[::7]:
        counts[d]["post"] = 1
    invs = []
    for i, _ in enumerate(days):
        for j in range(5):
            n = 5 * i + j
            accepted = 3 if n % 10 < 6 and i >= 3 else None
            invs.append(invitation(n, i, accepted, 2 if j < 3 else 3, n % 2 == 0))
    return History(counts=counts, invitations=invs, profile=checklist(len(PROFILE_ITEMS)),
                   login_days=sorted(days))


def idle() -> History:
    """An idle user: half the profile done, logs in twice a week, 300 connections, nothing
    else."""
    counts = {ago(i): {"login": 1} for i in range(0, 120) if i % 7 in (0, 3)}
    return History(counts=counts, profile=checklist(len(PROFILE_ITEMS) // 2),
                   indicators=[connections(300, ago(10))])


def everything(scale: int) -> History:
    """Every habit at `scale` a day for a year, every invitation accepted, every figure huge."""
    counts = {ago(i): {k: scale for k in (*HABITS, "inmail_sent")} for i in range(365)}
    invs = [invitation(n, n % 80, 1, 2 + n % 2) for n in range(scale * 100)]
    return History(counts=counts, invitations=invs, profile=checklist(len(PROFILE_ITEMS)),
                   indicators=[Indicators(DAY, 50_000, 5_000, 50_000, 25_000)])
