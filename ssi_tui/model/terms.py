"""The terms of the estimate: which habit each one measures, over which window, and where the
articles ask for it. Weights and targets live in settings.py; docs/scoring.md quotes each source.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Window = Literal["activity", "rate", "group"]

A1 = "Article 1"
BRAND = f"{A1}, 'Construire votre marque personnelle'"
PEOPLE = f"{A1}, 'Trouver les bonnes personnes'"
INSIGHTS = f"{A1}, 'Echanger des informations'"
RELATIONS = f"{A1}, 'Etablir des relations'"
AUDIENCE = f"{A1}, 'Trouver les bonnes personnes' and 'L'audience de votre profil LinkedIn'"


@dataclass(frozen=True, slots=True)
class TermDef:
    key: str
    name: str
    pillar: str
    window: Window | None
    """Which rolling window the value is counted over; None for a state (as of the day)."""
    source: str


TERM_DEFS: tuple[TermDef, ...] = (
    TermDef("profile", "Profile checklist complete", "brand", None, BRAND),
    TermDef("endorsements", "Skill endorsements received", "brand", "activity", BRAND),
    TermDef("publishing", "Posts and articles published", "brand", "activity", BRAND),
    TermDef("followers", "Followers gained", "brand", "activity", BRAND),
    TermDef("login_days", "Days logged in", "people", "activity", PEOPLE),
    TermDef("searches", "Searches", "people", "activity", PEOPLE),
    TermDef("views_2nd", "Profiles viewed (2nd degree)", "people", "activity", PEOPLE),
    TermDef("views_3rd", "Profiles viewed (3rd degree)", "people", "activity", PEOPLE),
    TermDef("viewed_by", "Views of your profile", "people", "rate", AUDIENCE),
    TermDef("likes", "Likes given", "insights", "activity", INSIGHTS),
    TermDef("comments", "Comments written", "insights", "activity", INSIGHTS),
    TermDef("shares", "Posts reshared", "insights", "activity", INSIGHTS),
    TermDef("engagement_received", "Engagement on your posts", "insights", "activity", INSIGHTS),
    TermDef("groups", "Groups joined", "insights", "group", INSIGHTS),
    TermDef("inmail_rate", "InMail response rate", "insights", "rate", INSIGHTS),
    TermDef("invitations_2nd", "Invitations sent (2nd degree)", "relationships", "activity",
            RELATIONS),
    TermDef("invitations_3rd", "Invitations sent (3rd degree)", "relationships", "activity",
            RELATIONS),
    TermDef("acceptance_rate", "Invitation acceptance rate", "relationships", "rate", RELATIONS),
    TermDef("colleagues", "Colleagues connected", "relationships", "rate", RELATIONS),
    TermDef("network_size", "Network size (connections)", "relationships", None,
            f"{RELATIONS} ('développer votre Réseau'); Article 2 for the 30,000 cap"),
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
