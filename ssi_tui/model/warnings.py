"""Warnings worth a look, each traced to a figure from the articles or to LinkedIn's limits.

The model says which warning and with which figures (an `Alert`); the faces word it
(views/texts.warning_text)."""

from __future__ import annotations

from dataclasses import dataclass
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
"""LinkedIn limits invitations to roughly 100 a week: what LinkedIn users and peer tools
report (SPEC §2), not the articles."""

ALERT_CODES: tuple[str, ...] = (
    "brand_gate", "brand_gate_profile_done", "few_profile_views", "few_search_appearances",
    "network_near_cap", "many_invitations", "stale_invitations",
)
"""Every warning, most structural first; `status --json` gives them as `warning_codes`."""


@dataclass(frozen=True, slots=True)
class Alert:
    """One warning: its code (ALERT_CODES) and the figures its sentence needs.

    - `brand_gate` (profile unfinished) and `brand_gate_profile_done`: `value` is the brand the
      gate reads, `limit` the gate, `source` where the brand comes from ("reading",
      "calibrated" or "model");
    - `few_profile_views`, `few_search_appearances`: the weekly figure and its floor;
    - `network_near_cap`: connections and LinkedIn's cap;
    - `many_invitations`: invitations sent in 7 days;
    - `stale_invitations`: how many, and `limit` = `pending_days`.
    """

    code: str
    value: float
    limit: float | None = None
    source: str | None = None


def _latest(history: History, day: date, attr: str) -> int | None:
    """The latest weekly figure on or before `day` with `attr` filled in."""
    best: tuple[date, int] | None = None
    for ind in history.indicators:
        value = getattr(ind, attr)
        if value is not None and ind.day <= day and (best is None or ind.day >= best[0]):
            best = (ind.day, int(value))
    return best[1] if best else None


def warnings(day: date, history: History, est: Estimate,
             settings: ScoringSettings | None = None,
             brand: tuple[float, str] | None = None) -> list[Alert]:
    """The warnings that apply, most structural first; empty when all is well. `brand` is the
    figure the gate reads and where it comes from (todos.gate_brand); the model's when not
    given."""
    s = settings or ScoringSettings()
    out: list[Alert] = []
    value, source = brand if brand is not None else (est.pillars["brand"].value, "model")
    if value < s.brand_gate:
        code = ("brand_gate" if unfinished_profile_items(history.profile, day)
                else "brand_gate_profile_done")
        out.append(Alert(code, value, s.brand_gate, source))
    views = _latest(history, day, "profile_views_90d")
    if views is not None and views < PROFILE_VIEWS_FLOOR:
        out.append(Alert("few_profile_views", views, PROFILE_VIEWS_FLOOR))
    appearances = _latest(history, day, "search_appearances_7d")
    if appearances is not None and appearances < SEARCH_APPEARANCES_FLOOR:
        out.append(Alert("few_search_appearances", appearances, SEARCH_APPEARANCES_FLOOR))
    connections = _latest(history, day, "connections")
    if connections is not None and connections >= NETWORK_NEAR_CAP:
        out.append(Alert("network_near_cap", connections, NETWORK_CAP))
    week = sum(1 for i in history.invitations if day - timedelta(days=6) <= i.sent_day <= day)
    if week >= WEEKLY_INVITATIONS_NEAR:
        out.append(Alert("many_invitations", week))
    # Older than the rate window they are out of the journal's view and usually withdrawn
    # already; the journal cannot record a withdrawal, so the warning has to expire by itself.
    stale = sum(1 for i in history.invitations
                if ((accepted := accepted_on(i)) is None or accepted > day)
                and s.pending_days < (day - i.sent_day).days <= s.rate_window_days)
    if stale:
        out.append(Alert("stale_invitations", stale, s.pending_days))
    return out
