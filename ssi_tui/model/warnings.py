"""Warnings worth a look, each traced to a figure from the articles or to LinkedIn's limits."""

from __future__ import annotations

from datetime import date, timedelta

from ssi_tui.domain import History
from ssi_tui.i18n import SOURCE_LANGUAGE, _, current_language, integer, ngettext, short_number
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
"""LinkedIn limits invitations to roughly 100 a week: what LinkedIn users and peer tools
report (SPEC §2), not the articles."""


def _latest(history: History, day: date, attr: str) -> int | None:
    """The latest weekly figure on or before `day` with `attr` filled in."""
    best: tuple[date, int] | None = None
    for ind in history.indicators:
        value = getattr(ind, attr)
        if value is not None and ind.day <= day and (best is None or ind.day >= best[0]):
            best = (ind.day, int(value))
    return best[1] if best else None


def _thousands(n: int) -> str:
    """A large count: "29,500" in English (as before), "29 500" in French."""
    return f"{n:,}" if current_language() == SOURCE_LANGUAGE else integer(n)


def _brand_source(source: str) -> str:
    if source == "reading":
        return _("official reading")
    if source == "calibrated":
        return _("calibrated estimate")
    return _("model estimate")


def warnings(day: date, history: History, est: Estimate,
             settings: ScoringSettings | None = None,
             brand: tuple[float, str] | None = None) -> list[str]:
    """Short sentences, most structural first; empty when all is well. `brand` is the figure
    the gate reads and where it comes from (todos.gate_brand); the model's when not given."""
    s = settings or ScoringSettings()
    out: list[str] = []
    value, source = brand if brand is not None else (est.pillars["brand"].value, "model")
    if value < s.brand_gate:
        if unfinished_profile_items(history.profile, day):
            out.append(_("Brand at {brand} ({source}), below {gate}: no posts yet. Finish your "
                         "profile (media in the About section and in each experience), ask for "
                         "skill endorsements, write an article (article 1).").format(
                brand=short_number(value), source=_brand_source(source),
                gate=short_number(s.brand_gate)))
        else:
            out.append(_("Brand at {brand} ({source}), below {gate}: no posts yet. Profile "
                         "complete: ask for skill endorsements and write an article "
                         "(article 1).").format(
                brand=short_number(value), source=_brand_source(source),
                gate=short_number(s.brand_gate)))
    views = _latest(history, day, "profile_views_90d")
    if views is not None and views < PROFILE_VIEWS_FLOOR:
        out.append(ngettext(
            "{n} profile view in 90 days: below {floor}, little happens (article 1).",
            "{n} profile views in 90 days: below {floor}, little happens (article 1).",
            views).format(n=integer(views), floor=integer(PROFILE_VIEWS_FLOOR)))
    appearances = _latest(history, day, "search_appearances_7d")
    if appearances is not None and appearances < SEARCH_APPEARANCES_FLOOR:
        out.append(ngettext(
            "{n} search appearance last week: below 100–150: work on your profile (article 1).",
            "{n} search appearances last week: below 100–150: work on your profile (article 1).",
            appearances).format(n=integer(appearances)))
    connections = _latest(history, day, "connections")
    if connections is not None and connections >= NETWORK_NEAR_CAP:
        out.append(_("{n} connections: LinkedIn caps a network at {cap} (article 2).").format(
            n=_thousands(connections), cap=_thousands(NETWORK_CAP)))
    week = sum(1 for i in history.invitations if day - timedelta(days=6) <= i.sent_day <= day)
    if week >= WEEKLY_INVITATIONS_NEAR:
        out.append(_("{n} invitations in 7 days: LinkedIn users report a limit of about 100 a "
                     "week (not from the articles).").format(n=integer(week)))
    # Older than the rate window they are out of the journal's view and usually withdrawn
    # already; the journal cannot record a withdrawal, so the warning has to expire by itself.
    stale = sum(1 for i in history.invitations
                if ((accepted := accepted_on(i)) is None or accepted > day)
                and s.pending_days < (day - i.sent_day).days <= s.rate_window_days)
    if stale:
        out.append(ngettext(
            "{n} invitation pending for more than {days} days: consider withdrawing it.",
            "{n} invitations pending for more than {days} days: consider withdrawing them.",
            stale).format(n=integer(stale), days=integer(s.pending_days)))
    return out
