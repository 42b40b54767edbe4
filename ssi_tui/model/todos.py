"""Today's to-dos, drawn from the habits that move each pillar, and the weekly check-ins.

The sequencing rule of article 1 ('Conseil : attendez d'avoir au moins 20 ou 22 sur cet indice
[...] avant d'essayer de vous rendre plus visible en publiant des posts', and the same before
working on 'Echanger des informations'): while the brand pillar is below the gate, the engage
to-do gives way to the next unfinished profile-checklist items, with the reason shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ssi_tui.domain import History
from ssi_tui.model.estimate import Estimate
from ssi_tui.model.settings import ScoringSettings

GATE_REASON = "Brand below {gate:g}: finish your profile before posting and engaging (article 1)"
WEEK = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class Todo:
    key: str
    title: str
    pillar: str
    done: bool
    progress: int
    target: int
    weekly: bool = False
    reason: str | None = None


def _todo(key: str, title: str, pillar: str, progress: int, target: int,
          weekly: bool = False, reason: str | None = None) -> Todo:
    return Todo(key, title, pillar, progress >= target, progress, target, weekly, reason)


def todos(day: date, history: History, est: Estimate,
          settings: ScoringSettings | None = None) -> list[Todo]:
    """Daily to-dos first (in the order of the pillars), then the weekly check-ins."""
    s = settings or ScoringSettings()
    today = history.counts.get(day, {})
    views_2 = today.get("profile_view_2", 0) + today.get("profile_view", 0)
    views_3 = today.get("profile_view_3", 0)
    engaged = today.get("like", 0) + today.get("comment", 0) + today.get("share", 0)
    invited = sum(1 for inv in history.invitations if inv.sent_day == day)
    items: list[Todo] = [
        _todo("login", "Log in to LinkedIn", "people", min(today.get("login", 0), 1), 1),
        _todo("searches", "Searches", "people", today.get("search", 0), s.daily_searches),
        _todo("views", "Profile views", "people", views_2 + views_3, s.daily_profile_views),
    ]
    if s.daily_profile_views_3rd:
        items.append(_todo("views_3rd", "Profile views (3rd degree)", "people", views_3,
                           s.daily_profile_views_3rd))
    items.append(_todo("viewed_by", "Look at who viewed your profile", "people",
                       min(today.get("viewed_by", 0), 1), 1))
    brand = est.pillars["brand"].value
    if brand < s.brand_gate:
        reason = GATE_REASON.format(gate=s.brand_gate)
        missing = [item for item in history.profile if not item.done][:2]
        items += [_todo(f"profile:{item.key}", item.label, "brand", 0, 1, reason=reason)
                  for item in missing]
        if not missing:  # a full checklist and still a low brand: endorsements and followers
            items.append(_todo("engage", "Engage on posts", "insights", engaged,
                               s.daily_engagements))
    else:
        items.append(_todo("engage", "Engage on posts", "insights",
                           engaged, s.daily_engagements))
    items.append(_todo("invitations", "Invitations to 2nd/3rd degree", "relationships", invited,
                       s.daily_invitations))
    week_start = day - WEEK + timedelta(days=1)
    read = any(week_start <= r.day <= day for r in history.readings)
    items.append(_todo("reading", "Weekly: copy the SSI reading", "all", int(read), 1,
                       weekly=True))
    recent = [i for i in history.indicators if week_start <= i.day <= day]
    items.append(_todo("profile_views_90d", "Weekly: 90-day profile views", "people",
                       int(any(i.profile_views_90d is not None for i in recent)), 1, weekly=True))
    items.append(_todo("search_appearances", "Weekly: search appearances", "brand",
                       int(any(i.search_appearances_7d is not None for i in recent)), 1,
                       weekly=True))
    return items
