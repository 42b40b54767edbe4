"""Plain domain records shared by the journal, the model and the screens.

Nothing here touches SQLite, files or Textual: the journal turns rows into these records and the
model computes on them. The pillar keys and activity kinds are the public vocabulary of the
journal, its CSV files and the command line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from ssi_tui.i18n import N_, TranslatedMapping

PILLARS: tuple[str, ...] = ("brand", "people", "insights", "relationships")
"""The four SSI pillars, in the order LinkedIn shows them."""

PILLAR_LABELS: TranslatedMapping = TranslatedMapping({
    "brand": N_("Establish your professional brand"),
    "people": N_("Find the right people"),
    "insights": N_("Engage with insights"),
    "relationships": N_("Build relationships"),
})
"""The labels LinkedIn prints on linkedin.com/sales/ssi, in the interface language (the French
ones are the articles' words)."""

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


KIND_LABELS: TranslatedMapping = TranslatedMapping({
    Kind.LOGIN: N_("login"),
    Kind.SEARCH: N_("search"),
    Kind.PROFILE_VIEW: N_("profile view"),
    Kind.VIEWED_BY: N_("viewed by someone"),
    Kind.LIKE: N_("like"),
    Kind.COMMENT: N_("comment"),
    Kind.SHARE: N_("share"),
    Kind.POST: N_("post"),
    Kind.ARTICLE: N_("article"),
    Kind.ENGAGEMENT_RECEIVED: N_("engagement received"),
    Kind.GROUP_JOIN: N_("group joined"),
    Kind.INMAIL_SENT: N_("InMail sent"),
    Kind.INMAIL_REPLY: N_("InMail reply"),
    Kind.ENDORSEMENT: N_("endorsement received"),
    Kind.FOLLOWER: N_("follower gained"),
    Kind.COLLEAGUE_CONNECTION: N_("colleague connection"),
    Kind.VIEWERS_CHECKED: N_("looked at who viewed your profile"),
})

STAGES: tuple[str, ...] = ("accepted", "exchange", "call", "meeting", "contract")
"""The invitation funnel, in order (second article: acceptance is only the first step)."""

STAGE_LABELS: TranslatedMapping = TranslatedMapping({
    "accepted": N_("accepted"),
    "exchange": N_("exchange"),
    "call": N_("call"),
    "meeting": N_("meeting"),
    "contract": N_("contract"),
})
"""How a funnel stage reads on screen (the keys stay English in files and on the command line)."""

PROFILE_ITEMS: TranslatedMapping = TranslatedMapping({
    "photo": N_("Profile photo"),
    "banner": N_("Background banner"),
    "headline": N_("Headline"),
    "about": N_("About section"),
    "about_media": N_("Media in the About section (photos, links, videos)"),
    "experience": N_("Every experience described"),
    "experience_media": N_("Media in each experience"),
    "skills": N_("Skills listed"),
    "featured": N_("Featured section"),
    "custom_url": N_("Custom profile URL"),
    "education": N_("Education"),
    "recommendations": N_("Recommendations received"),
})
"""The brand pillar's profile checklist (first article: fill in every section, add media)."""


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
