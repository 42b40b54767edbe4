"""Warnings worth a look, each traced to a figure from the articles or to LinkedIn's limits."""

from __future__ import annotations

from datetime import date, timedelta

from ssi_tui.domain import History
from ssi_tui.model.estimate import Estimate
from ssi_tui.model.invitations import accepted_on
from ssi_tui.model.settings import ScoringSettings
from ssi_tui.model.todos import unfinished_profile_items

PROFILE_VIEWS_FLOOR = 600
"""Article 1: 'Sincèrement en dessous de 600, il ne se passera pas grand chose.'"""
SEARCH_APPEARANCES_FLOOR = 100
"""Article 1: 'En dessous de 100 ou 150, je vous recommande d'investir un peu plus de temps
dans le renseignement de votre profil'."""
NETWORK_CAP = 30_000
"""Article 2: 'un maximum de 30 000 contacts pour tous'."""
NETWORK_NEAR_CAP = 29_000
WEEKLY_INVITATIONS_NEAR = 90
"""LinkedIn limits invitations to roughly 100 a week (peer tools' users, SPEC §2)."""


def _latest(history: History, day: date, attr: str) -> int | None:
    """The latest weekly figure on or before `day` with `attr` filled in."""
    best: tuple[date, int] | None = None
    for ind in history.indicators:
        value = getattr(ind, attr)
        if value is not None and ind.day <= day and (best is None or ind.day >= best[0]):
            best = (ind.day, int(value))
    return best[1] if best else None


def warnings(day: date, history: History, est: Estimate,
             settings: ScoringSettings | None = None) -> list[str]:
    """Short sentences, most structural first; empty when all is well."""
    s = settings or ScoringSettings()
    out: list[str] = []
    brand = est.pillars["brand"].value
    if brand < s.brand_gate:
        if unfinished_profile_items(history.profile, day):
            out.append(f"Brand pillar at {brand:g}, below {s.brand_gate:g}: finish your profile "
                       "before posting or pushing engagement (article 1).")
        else:
            out.append(f"Brand pillar at {brand:g}, below {s.brand_gate:g}: profile complete; "
                       "ask for skill endorsements, publish, gain followers (article 1).")
    views = _latest(history, day, "profile_views_90d")
    if views is not None and views < PROFILE_VIEWS_FLOOR:
        out.append(f"{views} profile views in 90 days: below {PROFILE_VIEWS_FLOOR}, little "
                   "happens (article 1).")
    appearances = _latest(history, day, "search_appearances_7d")
    if appearances is not None and appearances < SEARCH_APPEARANCES_FLOOR:
        out.append(f"{appearances} search appearances last week: below 100–150: work on your "
                   "profile (article 1).")
    connections = _latest(history, day, "connections")
    if connections is not None and connections >= NETWORK_NEAR_CAP:
        out.append(f"{connections:,} connections: LinkedIn caps a network at {NETWORK_CAP:,} "
                   "(article 2).")
    week = sum(1 for i in history.invitations if day - timedelta(days=6) <= i.sent_day <= day)
    if week >= WEEKLY_INVITATIONS_NEAR:
        out.append(f"{week} invitations in 7 days: LinkedIn limits you to about 100 a week.")
    # Older than the rate window they are out of the journal's view and usually withdrawn
    # already; the journal cannot record a withdrawal, so the warning has to expire by itself.
    stale = sum(1 for i in history.invitations
                if ((accepted := accepted_on(i)) is None or accepted > day)
                and s.pending_days < (day - i.sent_day).days <= s.rate_window_days)
    if stale:
        out.append(f"{stale} invitation(s) pending for more than {s.pending_days} days: "
                   "consider withdrawing the stale ones.")
    return out
