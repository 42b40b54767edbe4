"""Warnings worth a look, each traced to a figure from the articles or LinkedIn's limits."""

from __future__ import annotations

from datetime import date, timedelta

from ssi_tui.domain import History
from ssi_tui.model.estimate import Estimate
from ssi_tui.model.settings import ScoringSettings

NETWORK_CAP = 30_000  # article 2: 'un maximum de 30 000 contacts pour tous'
NETWORK_NEAR_CAP = 29_000
WEEKLY_INVITATIONS_LIMIT = 100  # LinkedIn limits invitations to roughly 100 a week
WEEKLY_INVITATIONS_NEAR = 90
PROFILE_VIEWS_FLOOR = 600  # article 1: 'en dessous de 600, il ne se passera pas grand chose'
SEARCH_APPEARANCES_FLOOR = 100  # article 1: 'En dessous de 100 ou 150'


def _latest(history: History, day: date, attr: str) -> int | None:
    for ind in sorted(history.indicators, key=lambda i: i.day, reverse=True):
        value = getattr(ind, attr)
        if ind.day <= day and value is not None:
            return int(value)
    return None


def warnings(day: date, history: History, est: Estimate,
             settings: ScoringSettings | None = None) -> list[str]:
    s = settings or ScoringSettings()
    out: list[str] = []
    brand = est.pillars["brand"].value
    if brand < s.brand_gate:
        out.append(f"Brand pillar at {brand:g}, below {s.brand_gate:g}: complete your profile "
                   "before posting or pushing engagement.")
    views = _latest(history, day, "profile_views_90d")
    if views is not None and views < PROFILE_VIEWS_FLOOR:
        out.append(f"{views} profile views in 90 days: below {PROFILE_VIEWS_FLOOR}, little "
                   "happens.")
    appearances = _latest(history, day, "search_appearances_7d")
    if appearances is not None and appearances < SEARCH_APPEARANCES_FLOOR:
        out.append(f"{appearances} search appearances last week: below 100–150, work on your "
                   "profile.")
    connections = _latest(history, day, "connections")
    if connections is not None and connections >= NETWORK_NEAR_CAP:
        out.append(f"{connections:,} connections: LinkedIn caps a network at 30,000.")
    week = [i for i in history.invitations if day - timedelta(days=6) <= i.sent_day <= day]
    if len(week) >= WEEKLY_INVITATIONS_NEAR:
        out.append(f"{len(week)} invitations in 7 days: LinkedIn limits you to about 100 a week.")
    stale = [i for i in history.invitations
             if i.accepted_day is None and s.pending_days < (day - i.sent_day).days
             <= s.rate_window_days]
    if stale:
        out.append(f"{len(stale)} invitation(s) pending for more than 3 weeks: consider "
                   "withdrawing them.")
    return out
