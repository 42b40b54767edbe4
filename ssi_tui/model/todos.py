"""Today's to-dos: one for every habit term of the model, sized so that doing them fills the
terms, ordered by the points one unit adds per minute of effort, with the article's brand gate.

- **Coverage.** Each habit term has a daily or weekly to-do whose target is the term's target
  spread over its window (likes 84 in 28 days: 3 a day), so doing exactly the to-dos fills the
  terms (tested: tests/model/test_model_todos.py).
- **Order.** Open to-dos first, by points gained per minute (the term's points for one more unit,
  divided by the effort setting), profile items included; then what is only observed (readings,
  indicators), then what is done.
- **The gate** (article 1: 'attendez d'avoir au moins 20 ou 22 sur cet indice [...] avant
  d'essayer de vous rendre plus visible en publiant des posts', and the same before working on
  'Echanger des informations'): below `brand_gate`, no posting or engagement to-dos; an article a
  week and the profile items take their place. Brand is the best figure there is: an official
  reading of the last 7 days, else the calibrated estimate, else the model.

A to-do is its key and figures; its title and reason are worded by the faces
(views/texts.todo_title, todo_reason).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ssi_tui.domain import PROFILE_ITEMS, History, ProfileItem
from ssi_tui.model.estimate import Estimate, Term, points
from ssi_tui.model.settings import ScoringSettings

PROFILE_SHOWN = 2
"""Unfinished profile items listed at once (the best two by points per minute)."""
WEEK = 7
GATED = frozenset({"likes", "comments", "shares", "post"})
"""Posting and engaging: held back below the brand gate (article 1's two Conseils)."""

QUOTES: dict[str, str] = {
    "login": "vous devrez vous connecter au moins une fois par jour sur LinkedIn",
    "searches": "Vous utilisez régulièrement le moteur de Recherche sur LinkedIn",
    "views_2nd": "vous consulterez régulièrement d'autres profils",
    "views_3rd": "et pas seulement des contacts de niveau 2 mais aussi des contacts de niveau 3",
    "viewers": "en consultant régulièrement les profils qui ont consulté le vôtre",
    "likes": "vous investir sur les posts émis par d'autres personnes en les likant",
    "comments": "en y apportant des commentaires",
    "shares": "et éventuellement en les repartageant",
    "post": "avant d'essayer de vous rendre plus visible en publiant des posts",
    "article": "de rédiger et publier des articles",
    "groups": "Vous rejoindrez également plusieurs groupes sur LinkedIn",
    "colleagues": "Il s'agira aussi de vous connecter avec des collègues",
    "inmail": "obtenir un taux de réponse à vos InMail d'au moins 10%",
    "invitations_2nd": "vous connecter [...] à des personnes situées dans votre cercle de niveau 2",
    "invitations_3rd": "mais aussi à des personnes situées dans votre cercle de niveau 3",
    "profile": "Il s'agit de renseigner au maximum votre profil LinkedIn",
    "reading": "jeter un oeil une fois par semaine sur votre SSI LinkedIn",
    "indicators": "je vous conseille de consulter régulièrement les trois indicateurs suivant",
}
"""The article 1 sentence behind each to-do, in the article's own (French) words."""


@dataclass(frozen=True, slots=True)
class Todo:
    """One thing to do today (or this week), shown as e.g. 'Searches 2/3'. `key` says which
    (e.g. "searches", "profile:about"): the faces word it."""

    key: str
    pillar: str
    done: bool
    progress: int
    target: int
    weekly: bool = False
    reason: str | None = None
    """Why this to-do is here instead of the usual one: "brand_gate" (brand below `gate`), or
    None."""
    action: tuple[str, ...] | None = None
    """The `ssi-tui` arguments that do one unit of it; None for what is only observed."""
    term: str | None = None
    """The model term it feeds (None for an action outside the model)."""
    points: float = 0.0
    """Points one more unit adds to that term today."""
    effort_seconds: float = 60.0
    quote: str = ""
    """The article's sentence asking for it (French, as written)."""
    gate: float | None = None
    """The brand gate behind `reason`."""

    @property
    def points_per_minute(self) -> float:
        return self.points / (self.effort_seconds / 60) if self.effort_seconds else 0.0


def unfinished_profile_items(profile: Sequence[ProfileItem], day: date) -> list[str]:
    """The keys of the checklist items not done by `day`, in checklist order; an item the
    journal does not list yet counts as not done."""
    given = {item.key: item for item in profile}
    order = [*PROFILE_ITEMS, *(k for k in given if k not in PROFILE_ITEMS)]
    missing: list[str] = []
    for key in order:
        item = given.get(key)
        if item is None or not item.done or (item.day is not None and item.day > day):
            missing.append(key)
    return missing


def _terms(est: Estimate) -> dict[str, Term]:
    return {t.key: t for p in est.pillars.values() for t in p.terms}


def unit_points(term: Term, settings: ScoringSettings, units: float = 1.0) -> float:
    """Points `units` more of a counted term add to it today (0 once it is at its target)."""
    cfg = settings.term(term.key)
    return max(0.0, points(cfg, term.value + units) - points(cfg, term.value))


def per_period(term_target: float, window_days: int, period_days: int) -> int:
    """The to-do target that fills a term: its target spread over its window, per period."""
    return max(1, math.ceil(term_target * period_days / window_days - 1e-9))


def gate_brand(est: Estimate, calibrated: dict[str, float] | None, history: History,
               day: date) -> tuple[float, str]:
    """(brand, source) for the gate: an official reading of the last 7 days ("reading"), else
    the calibrated estimate ("calibrated"), else the model ("model")."""
    recent = [r for r in history.readings if day - timedelta(days=WEEK - 1) <= r.day <= day]
    if recent:
        return max(recent, key=lambda r: r.day).brand, "reading"
    if calibrated is not None:
        return calibrated["brand"], "calibrated"
    return est.pillars["brand"].value, "model"


def todos(day: date, history: History, est: Estimate,
          settings: ScoringSettings | None = None, brand: float | None = None) -> list[Todo]:
    """Open to-dos by points per minute, then the observed ones, then the done ones. `brand` is
    the figure the gate reads (see `gate_brand`); the model's brand when not given."""
    s = settings or ScoringSettings()
    terms = _terms(est)
    today = history.counts.get(day, {})
    week_start = day - timedelta(days=WEEK - 1)
    this_week = [history.counts.get(week_start + timedelta(days=i), {}) for i in range(WEEK)]

    def week(*kinds: str) -> int:
        return sum(bucket.get(k, 0) for bucket in this_week for k in kinds)

    invited = [inv for inv in history.invitations if inv.sent_day == day]
    logged_in = today.get("login", 0) > 0 or day in history.login_days
    activity = s.activity_window_days
    brand_value = est.pillars["brand"].value if brand is None else brand
    gated = brand_value < s.brand_gate
    items: list[Todo] = []

    def add(key: str, pillar: str, progress: int, target: int, *,
            term: str | None, action: tuple[str, ...] | None, weekly: bool = False,
            units: float = 1.0, effort: str | None = None) -> None:
        gain = unit_points(terms[term], s, units) if term and term in terms else 0.0
        items.append(Todo(key, pillar, progress >= target, progress, target, weekly,
                          None, action, term, gain, s.effort(effort or key),
                          QUOTES.get(effort or key, "")))

    add("login", "people", int(logged_in), 1, term="login_days",
        action=("log", "login"))
    add("searches", "people", today.get("search", 0), s.daily_searches,
        term="searches", action=("log", "search"))
    add("views_2nd", "people",
        today.get("profile_view_2", 0) + today.get("profile_view", 0),
        max(1, s.daily_profile_views - s.daily_profile_views_3rd), term="views_2nd",
        action=("log", "profile_view", "--degree", "2"))
    if s.daily_profile_views_3rd:
        add("views_3rd", "people",
            today.get("profile_view_3", 0), s.daily_profile_views_3rd, term="views_3rd",
            action=("log", "profile_view", "--degree", "3"))
    add("viewers", "people",
        min(today.get("viewers_checked", 0), 1), 1, term=None,
        action=("log", "viewers_checked"))
    add("likes", "insights", today.get("like", 0),
        per_period(s.term("likes").target, activity, 1), term="likes", action=("log", "like"))
    add("comments", "insights", today.get("comment", 0),
        per_period(s.term("comments").target, activity, 1), term="comments",
        action=("log", "comment"))
    add("invitations_2nd", "relationships",
        sum(1 for i in invited if i.degree != 3),
        per_period(s.term("invitations_2nd").target, activity, 1), term="invitations_2nd",
        action=("invite", "--plain", "--degree", "2"))
    add("invitations_3rd", "relationships",
        sum(1 for i in invited if i.degree == 3),
        per_period(s.term("invitations_3rd").target, activity, 1), term="invitations_3rd",
        action=("invite", "--plain", "--degree", "3"))

    add("shares", "insights", week("share"),
        per_period(s.term("shares").target, activity, WEEK), term="shares",
        action=("log", "share"), weekly=True)
    if gated:
        add("article", "brand", week("article"), 1,
            term="publishing", action=("log", "article"), weekly=True, units=s.article_posts)
    elif s.weekly_posts:
        add("post", "brand", week("post", "article"),
            s.weekly_posts, term="publishing", action=("log", "post"), weekly=True)
    def below(key: str) -> bool:
        term = terms.get(key)
        return term is None or term.value < term.target

    if below("groups") or week("group_join"):
        add("groups", "insights", week("group_join"), 1,
            term="groups", action=("log", "group_join"), weekly=True)
    if below("colleagues") or week("colleague_connection"):
        add("colleagues", "relationships",
            week("colleague_connection"),
            per_period(s.term("colleagues").target, s.rate_window_days, WEEK),
            term="colleagues", action=("log", "colleague_connection"), weekly=True)
    used_inmail = any(history.counts.get(day - timedelta(days=i), {}).get("inmail_sent", 0)
                      for i in range(s.rate_window_days))
    if used_inmail:  # InMail needs a paid plan: asked for only from those who use it
        add("inmail", "insights", week("inmail_sent"), 1,
            term=None, action=("log", "inmail_sent"), weekly=True)

    missing = unfinished_profile_items(history.profile, day)
    n_items = max(1, len({*PROFILE_ITEMS, *(i.key for i in history.profile)}))
    gain = unit_points(terms["profile"], s, 1 / n_items) if "profile" in terms else 0.0
    for key in missing[:PROFILE_SHOWN]:
        items.append(Todo(f"profile:{key}", "brand", False, 0, 1, False,
                          "brand_gate" if gated else None, ("profile", key, "--done"),
                          "profile", gain, s.effort("profile"), QUOTES["profile"],
                          s.brand_gate if gated else None))

    read = any(week_start <= r.day <= day for r in history.readings)
    items.append(Todo("reading", "all", bool(read), int(read), 1, True, None, None, None, 0.0,
                      s.effort("reading"), QUOTES["reading"]))
    recent = [i for i in history.indicators if week_start <= i.day <= day]
    seen = int(any(i.profile_views_90d is not None or i.search_appearances_7d is not None
                   for i in recent))
    items.append(Todo("indicators", "people", bool(seen), seen, 1, True, None, None, None, 0.0,
                      s.effort("indicators"), QUOTES["indicators"]))
    if gated:
        items = [t for t in items if t.key not in GATED]
    return order(items)


def order(items: list[Todo]) -> list[Todo]:
    """Open ones by points per minute (ties: daily before weekly, then as listed), then the
    open ones that earn no points (observed, or outside the model), then the done ones."""
    ranked = sorted(enumerate(items), key=lambda p: (
        p[1].done, p[1].points <= 0, -p[1].points_per_minute, p[1].weekly, p[0]))
    return [t for _, t in ranked]


def todos_left(items: Sequence[Todo]) -> int:
    """The one count of what is left, shown by every face: to-dos not done, daily and weekly."""
    return sum(1 for t in items if not t.done)
