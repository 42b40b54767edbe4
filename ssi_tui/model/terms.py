"""The terms of the estimate: which habit each one measures, over which window, and where the
articles ask for it. Weights and targets live in settings.py; docs/scoring.md quotes each source.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Window = Literal["activity", "rate", "group"]

SOURCES: tuple[str, ...] = ("brand", "people", "insights", "relationships", "audience",
                            "network")
"""Where a term comes from, as a code: the article sections that ask for it (views/texts
quotes them)."""


@dataclass(frozen=True, slots=True)
class TermDef:
    """One term of the estimate; its name and source are worded by the faces
    (views/texts.term_name, term_source)."""

    key: str
    pillar: str
    window: Window | None
    """Which rolling window the value is counted over; None for a state (as of the day)."""
    source: str
    """Where the articles ask for it (a code of SOURCES)."""
    target_source: Literal["article", "project"] = "project"
    """Whose figure the default target is: the articles' ('au moins une fois par jour',
    'au moins 10%', 'supérieur à 20%') or the project's choice (every other target, and every
    weight)."""


TERM_DEFS: tuple[TermDef, ...] = (
    TermDef("profile", "brand", None, "brand"),
    TermDef("endorsements", "brand", "activity", "brand"),
    TermDef("publishing", "brand", "activity", "brand"),
    TermDef("followers", "brand", "activity", "brand"),
    TermDef("login_days", "people", "activity", "people", "article"),
    TermDef("searches", "people", "activity", "people"),
    TermDef("views_2nd", "people", "activity", "people"),
    TermDef("views_3rd", "people", "activity", "people"),
    TermDef("viewed_by", "people", "rate", "audience"),
    TermDef("likes", "insights", "activity", "insights"),
    TermDef("comments", "insights", "activity", "insights"),
    TermDef("shares", "insights", "activity", "insights"),
    TermDef("engagement_received", "insights", "activity", "insights"),
    TermDef("groups", "insights", "group", "insights"),
    TermDef("inmail_rate", "insights", "rate", "insights", "article"),
    TermDef("invitations_2nd", "relationships", "activity", "relationships"),
    TermDef("invitations_3rd", "relationships", "activity", "relationships"),
    TermDef("acceptance_rate", "relationships", "rate", "relationships", "article"),
    TermDef("colleagues", "relationships", "rate", "relationships"),
    TermDef("network_size", "relationships", None, "network"),
)
TERM_KEYS: tuple[str, ...] = tuple(d.key for d in TERM_DEFS)

COUNTED: dict[str, tuple[str, ...]] = {
    "endorsements": ("endorsement",),
    "publishing": ("post", "article"),
    "followers": ("follower",),
    "searches": ("search",),
    "views_2nd": ("profile_view_2", "profile_view"),  # a view of unknown degree counts as 2nd
    "views_3rd": ("profile_view_3",),
    "viewed_by": ("viewed_by",),
    "likes": ("like",),
    "comments": ("comment",),
    "shares": ("share",),
    "engagement_received": ("engagement_received",),
    "groups": ("group_join",),
    "colleagues": ("colleague_connection",),
    "inmail_sent": ("inmail_sent",),
    "inmail_reply": ("inmail_reply",),
}
"""Daily series (by name) and the habit keys summed into each. `publishing` weighs an article
as `ScoringSettings.article_posts` posts; `login_days` counts days, not logins."""
