"""The domain's keys in words: pillar, habit kind, funnel stage, profile item and study arm
labels, in the interface language.

The domain and the model speak in keys ("brand", "search", "meeting", "photo", "plain"); this is
where those keys get their English msgids, for the journal's messages, the views and both faces.
The model and the domain never import it (pyproject.toml's contracts).
"""

from __future__ import annotations

from ssi_tui.domain import Kind
from ssi_tui.i18n import N_, TranslatedMapping

PILLAR_LABELS: TranslatedMapping = TranslatedMapping({
    "brand": N_("Establish your professional brand"),
    "people": N_("Find the right people"),
    "insights": N_("Engage with insights"),
    "relationships": N_("Build relationships"),
})
"""The labels LinkedIn prints on linkedin.com/sales/ssi, in the interface language (the French
ones are the articles' words)."""

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

STAGE_LABELS: TranslatedMapping = TranslatedMapping({
    "accepted": N_("accepted"),
    "exchange": N_("exchange"),
    "call": N_("call"),
    "meeting": N_("meeting"),
    "contract": N_("contract"),
})
"""How a funnel stage reads on screen (the keys stay English in files and on the command line)."""

PROFILE_ITEM_LABELS: TranslatedMapping = TranslatedMapping({
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
"""The profile checklist's items (domain.PROFILE_ITEMS), as the checklist shows them."""

ARM_LABELS: TranslatedMapping = TranslatedMapping({"personalized": N_("Personalised"),
                                                   "plain": N_("Plain")})
"""How each arm of the invitation study reads on screen (the keys stay English)."""
