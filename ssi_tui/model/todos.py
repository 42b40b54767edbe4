"""Today's to-dos, drawn from the habits that move each pillar, and the weekly check-ins.

The sequencing rule of article 1 ('Conseil : attendez d'avoir au moins 20 ou 22 sur cet indice
[...] avant d'essayer de vous rendre plus visible en publiant des posts', and the same before
working on 'Echanger des informations'): while the brand pillar is below the gate, the posting
and engaging to-dos give way to the next two unfinished profile-checklist items, with the reason
shown. With the checklist complete there is nothing to give way to, so they stay.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ssi_tui.domain import PROFILE_ITEMS, History, ProfileItem
from ssi_tui.i18n import N_, _, short_number
from ssi_tui.model.estimate import Estimate
from ssi_tui.model.settings import ScoringSettings

GATE_REASON = N_("Brand below {gate}: finish your profile before posting and engaging "
                 "(article 1)")
GATED_ITEMS = 2
WEEK = 7


@dataclass(frozen=True, slots=True)
class Todo:
    """One thing to do today (or this week), shown as e.g. 'Searches 2/3'."""

    key: str
    title: str
    pillar: str
    done: bool
    progress: int
    target: int
    weekly: bool = False
    reason: str | None = None
    """Why this to-do is here instead of the usual one (the brand gate), if it is."""


def _todo(key: str, title: str, pillar: str, progress: int, target: int,
          weekly: bool = False, reason: str | None = None) -> Todo:
    return Todo(key, title, pillar, progress >= target, progress, target, weekly, reason)


def unfinished_profile_items(profile: Sequence[ProfileItem], day: date) -> list[tuple[str, str]]:
    """(key, label) of the checklist items not done by `day`, in checklist order; an item the
    journal does not list yet counts as not done. Known items read in the interface language
    (the journal keeps their English label)."""
    given = {item.key: item for item in profile}
    order = [*PROFILE_ITEMS, *(k for k in given if k not in PROFILE_ITEMS)]
    missing: list[tuple[str, str]] = []
    for key in order:
        item = given.get(key)
        if item is None or not item.done or (item.day is not None and item.day > day):
            missing.append((key, PROFILE_ITEMS.get(key) or (item.label if item else key)))
    return missing


def todos(day: date, history: History, est: Estimate,
          settings: ScoringSettings | None = None) -> list[Todo]:
    """Daily to-dos first (in the order of the pillars), then the weekly check-ins."""
    s = settings or ScoringSettings()
    today = history.counts.get(day, {})
    views_3 = today.get("profile_view_3", 0)
    views = today.get("profile_view_2", 0) + today.get("profile_view", 0) + views_3
    engaged = today.get("like", 0) + today.get("comment", 0) + today.get("share", 0)
    invited = sum(1 for inv in history.invitations if inv.sent_day == day)
    logged_in = today.get("login", 0) > 0 or day in history.login_days
    week_start = day - timedelta(days=WEEK - 1)
    this_week = [history.counts.get(week_start + timedelta(days=i), {}) for i in range(WEEK)]
    posted = sum(bucket.get("post", 0) + bucket.get("article", 0) for bucket in this_week)

    items: list[Todo] = [
        _todo("login", _("Log in to LinkedIn"), "people", int(logged_in), 1),
        _todo("searches", _("Searches"), "people", today.get("search", 0), s.daily_searches),
        _todo("views", _("Profile views"), "people", views, s.daily_profile_views),
    ]
    if s.daily_profile_views_3rd:
        items.append(_todo("views_3rd", _("Profile views (3rd degree)"), "people", views_3,
                           s.daily_profile_views_3rd))
    items.append(_todo("viewed_by", _("Look at who viewed your profile"), "people",
                       min(today.get("viewed_by", 0), 1), 1))

    missing = unfinished_profile_items(history.profile, day)[:GATED_ITEMS]
    gated = est.pillars["brand"].value < s.brand_gate and bool(missing)
    if gated:
        reason = _(GATE_REASON).format(gate=short_number(s.brand_gate))
        items += [_todo(f"profile:{key}", label, "brand", 0, 1, reason=reason)
                  for key, label in missing]
    else:
        items.append(_todo("engage", _("Engage on posts"), "insights", engaged,
                           s.daily_engagements))
    items.append(_todo("invitations", _("Invitations to 2nd/3rd degree"), "relationships", invited,
                       s.daily_invitations))

    if s.weekly_posts and not gated:
        items.append(_todo("post", _("Weekly: publish a post"), "brand", posted, s.weekly_posts,
                           weekly=True))
    read = any(week_start <= r.day <= day for r in history.readings)
    items.append(_todo("reading", _("Weekly: copy the SSI reading"), "all", int(read), 1,
                       weekly=True))
    recent = [i for i in history.indicators if week_start <= i.day <= day]
    items.append(_todo("profile_views_90d", _("Weekly: 90-day profile views"), "people",
                       int(any(i.profile_views_90d is not None for i in recent)), 1, weekly=True))
    items.append(_todo("search_appearances", _("Weekly: search appearances"), "brand",
                       int(any(i.search_appearances_7d is not None for i in recent)), 1,
                       weekly=True))
    return items
