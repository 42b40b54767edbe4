"""Plain domain records shared by the journal, the model and the screens.

Nothing here touches SQLite, files or Textual: the journal turns rows into these records and the
model computes on them. The pillar keys and activity kinds are the public vocabulary of the
journal, its CSV files and the command line. Keys only: their words are in labels.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

PILLARS: tuple[str, ...] = ("brand", "people", "insights", "relationships")
"""The four SSI pillars, in the order LinkedIn shows them."""

PILLAR_MAX = 25.0
TOTAL_MAX = 100.0


class Kind(StrEnum):
    """Every habit the articles say moves a pillar (SPEC §2), as journal event kinds."""

    LOGIN = "login"
    SEARCH = "search"
    PROFILE_VIEW = "profile_view"
    VIEWED_BY = "viewed_by"
    LIKE = "like"
    COMMENT = "comment"
    SHARE = "share"
    POST = "post"
    ARTICLE = "article"
    ENGAGEMENT_RECEIVED = "engagement_received"
    GROUP_JOIN = "group_join"
    INMAIL_SENT = "inmail_sent"
    INMAIL_REPLY = "inmail_reply"
    ENDORSEMENT = "endorsement"
    FOLLOWER = "follower"
    COLLEAGUE_CONNECTION = "colleague_connection"
    VIEWERS_CHECKED = "viewers_checked"
    """You looked at who viewed your profile (an action; `viewed_by` counts the views you get)."""


STAGES: tuple[str, ...] = ("accepted", "exchange", "call", "meeting", "contract")
"""The invitation funnel, in order (second article: acceptance is only the first step)."""

PROFILE_ITEMS: tuple[str, ...] = (
    "photo", "banner", "headline", "about", "about_media", "experience", "experience_media",
    "skills", "featured", "custom_url", "education", "recommendations",
)
"""The brand pillar's profile checklist, in the order it is shown (first article: fill in
every section, add media). Their words are labels.PROFILE_ITEM_LABELS."""


def habit_key(kind: str, degree: int | None = None) -> str:
    """The key under which a day's count is kept: profile views are split by degree."""
    if kind == Kind.PROFILE_VIEW and degree in (2, 3):
        return f"profile_view_{degree}"
    return str(kind)


@dataclass(frozen=True, slots=True)
class Event:
    """One logged habit (a row of the journal's `events` table)."""

    id: int
    day: date
    kind: str
    count: int
    degree: int | None
    contact: str | None
    note: str | None
    at: str
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Invitation:
    """A connection request sent, and how far down the funnel it went."""

    id: int
    sent_day: date
    degree: int | None
    personalized: bool
    variant: str | None = None
    contact: str | None = None
    note: str | None = None
    accepted_day: date | None = None
    exchange_day: date | None = None
    call_day: date | None = None
    meeting_day: date | None = None
    contract_day: date | None = None

    def stage_day(self, stage: str) -> date | None:
        return getattr(self, f"{stage}_day")  # type: ignore[no-any-return]

    @property
    def furthest_stage(self) -> str | None:
        """The deepest funnel stage reached, or None while pending."""
        reached = [s for s in STAGES if self.stage_day(s) is not None]
        return reached[-1] if reached else None


@dataclass(frozen=True, slots=True)
class Reading:
    """An official SSI reading copied from linkedin.com/sales/ssi."""

    day: date
    brand: float
    people: float
    insights: float
    relationships: float
    industry_rank: float | None = None
    network_rank: float | None = None
    industry_avg: float | None = None
    network_avg: float | None = None

    @property
    def pillars(self) -> dict[str, float]:
        return {p: getattr(self, p) for p in PILLARS}

    @property
    def total(self) -> float:
        return round(sum(self.pillars.values()), 3)


@dataclass(frozen=True, slots=True)
class Indicators:
    """The weekly figures the first article says to watch."""

    day: date
    profile_views_90d: int | None = None
    search_appearances_7d: int | None = None
    followers: int | None = None
    connections: int | None = None


@dataclass(frozen=True, slots=True)
class ProfileItem:
    """One item of the brand pillar's profile checklist."""

    key: str
    label: str
    done: bool
    day: date | None = None


@dataclass(frozen=True)
class History:
    """Everything the model needs to estimate the days of a range, already aggregated.

    `counts[day][habit_key]` is the total logged that day (see `habit_key`); days with nothing
    logged may be absent. The journal fills it with only the rows inside the windows the range
    needs, so computing a day never reads the whole history.
    """

    counts: Mapping[date, Mapping[str, int]] = field(default_factory=dict)
    invitations: Sequence[Invitation] = ()
    indicators: Sequence[Indicators] = ()
    profile: Sequence[ProfileItem] = ()
    readings: Sequence[Reading] = ()
    login_days: Sequence[date] = ()
    """Every day with a login, sorted (for streaks, which look further back than any window)."""
