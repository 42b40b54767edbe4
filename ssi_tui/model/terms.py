"""The terms of the estimate: which habit each one measures, over which window, and where the
articles ask for it. Weights and targets live in settings.py; docs/scoring.md quotes each source.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ssi_tui.i18n import N_

Window = Literal["activity", "rate", "group"]

# Where each term comes from, quoting the articles' (French) section titles; the French
# catalogue puts them in French quotation marks.
BRAND = N_("Article 1, 'Construire votre marque personnelle'")
PEOPLE = N_("Article 1, 'Trouver les bonnes personnes'")
INSIGHTS = N_("Article 1, 'Echanger des informations'")
RELATIONS = N_("Article 1, 'Etablir des relations'")
AUDIENCE = N_("Article 1, 'Trouver les bonnes personnes' and 'L'audience de votre profil "
              "LinkedIn'")
NETWORK = N_("Article 1, 'Etablir des relations' ('développer votre Réseau'); Article 2 for the "
             "30,000 cap")


@dataclass(frozen=True, slots=True)
class TermDef:
    key: str
    name: str
    """English (the msgid): translate it with `_` where it is shown."""
    pillar: str
    window: Window | None
    """Which rolling window the value is counted over; None for a state (as of the day)."""
    source: str
    """English (the msgid), like `name`."""
    target_source: Literal["article", "project"] = "project"
    """Whose figure the default target is: the articles' ('au moins une fois par jour',
    'au moins 10%', 'supérieur à 20%') or the project's choice (every other target, and every
    weight)."""


TERM_DEFS: tuple[TermDef, ...] = (
    TermDef("profile", N_("Profile checklist complete"), "brand", None, BRAND),
    TermDef("endorsements", N_("Skill endorsements received"), "brand", "activity", BRAND),
    TermDef("publishing", N_("Posts and articles published"), "brand", "activity", BRAND),
    TermDef("followers", N_("Followers gained"), "brand", "activity", BRAND),
    TermDef("login_days", N_("Days logged in"), "people", "activity", PEOPLE, "article"),
    TermDef("searches", N_("Searches"), "people", "activity", PEOPLE),
    TermDef("views_2nd", N_("Profiles viewed (2nd degree)"), "people", "activity", PEOPLE),
    TermDef("views_3rd", N_("Profiles viewed (3rd degree)"), "people", "activity", PEOPLE),
    TermDef("viewed_by", N_("Views of your profile"), "people", "rate", AUDIENCE),
    TermDef("likes", N_("Likes given"), "insights", "activity", INSIGHTS),
    TermDef("comments", N_("Comments written"), "insights", "activity", INSIGHTS),
    TermDef("shares", N_("Posts reshared"), "insights", "activity", INSIGHTS),
    TermDef("engagement_received", N_("Engagement on your posts"), "insights", "activity",
            INSIGHTS),
    TermDef("groups", N_("Groups joined"), "insights", "group", INSIGHTS),
    TermDef("inmail_rate", N_("InMail response rate"), "insights", "rate", INSIGHTS, "article"),
    TermDef("invitations_2nd", N_("Invitations sent (2nd degree)"), "relationships", "activity",
            RELATIONS),
    TermDef("invitations_3rd", N_("Invitations sent (3rd degree)"), "relationships", "activity",
            RELATIONS),
    TermDef("acceptance_rate", N_("Invitation acceptance rate"), "relationships", "rate",
            RELATIONS, "article"),
    TermDef("colleagues", N_("Colleagues connected"), "relationships", "rate", RELATIONS),
    TermDef("network_size", N_("Network size (connections)"), "relationships", None, NETWORK),
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
