"""The model's knobs: every term's weight (its maximum points), target and curve, the windows,
and the to-do targets.

Defaults are documented, term by term, in docs/scoring.md. The `[scoring]` table of config.toml
maps onto `ScoringSettings` field by field; a term is changed by naming only what changes, e.g.

    [scoring.terms.searches]
    target = 112
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Curve = Literal["linear", "sqrt"]

DEFAULT_EFFORT: dict[str, float] = {
    "login": 30, "searches": 60, "views_2nd": 30, "views_3rd": 30, "viewers": 60,
    "likes": 10, "comments": 120, "shares": 60, "invitations_2nd": 60, "invitations_3rd": 60,
    "post": 1200, "article": 3600, "groups": 120, "colleagues": 60, "inmail": 300,
    "profile": 900, "reading": 60, "indicators": 60,
}
"""Seconds one unit of each to-do takes (project's estimates, to order the to-dos and the plan
by points per minute): a like about 10 s, a comment about 2 min, a plain invitation to someone
found by a search about 1 min, a post 20 min, an article an hour, a profile item 15 min."""


class SettingsProblem(ValueError):
    """A scoring setting that cannot be used, as a code and its parameters: the config loader
    words it in the interface language (config.problem_text); the model holds no sentence.

    Codes: `start_not_below_target`; `unknown_term` and `unknown_effort` (`key`, `known`)."""

    def __init__(self, code: str, **params: str) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        return " ".join([self.code, *(f"{k}={v}" for k, v in self.params.items())])


class TermSettings(BaseModel):
    """One term of a pillar: it earns `weight` points when its value reaches `target`."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    weight: float = Field(ge=0, le=25)
    """Maximum points this term adds to its pillar (a pillar's weights add up to 25)."""
    target: float = Field(gt=0)
    """Value at which the term saturates: a count over its window, a rate or a fraction."""
    curve: Curve = "linear"
    """How points grow towards the target: `linear` (weight × share of the target) or `sqrt`
    (weight × √share: the first ones count most, the last ones still count)."""
    start: float = Field(default=0, ge=0)
    """Value below which the term earns nothing; the share is counted from here to the target
    (views of your profile start near the article's 600-in-90-days floor)."""

    @model_validator(mode="after")
    def _start_below_target(self) -> TermSettings:
        if self.start >= self.target:
            raise SettingsProblem("start_not_below_target")
        return self


def _habit(weight: float, target: float) -> TermSettings:
    """Something you do: linear, so each day of to-dos earns the same share."""
    return TermSettings(weight=weight, target=target, curve="linear")


def _outcome(weight: float, target: float) -> TermSettings:
    """Something you get or are: concave, the first ones count most."""
    return TermSettings(weight=weight, target=target, curve="sqrt")


DEFAULT_TERMS: dict[str, TermSettings] = {
    # brand: complete profile, endorsements received, posts and articles, followers gained;
    # the profile and endorsements alone, or the profile and articles, reach the gate of 20
    # without a single post (article 1: posts come after the gate)
    "profile": _outcome(16, 1.0),
    "endorsements": _outcome(4, 10),
    "publishing": _habit(4, 4),
    "followers": _outcome(1, 20),
    # people: daily login, search, 2nd- and 3rd-degree profile views, being viewed
    "login_days": _habit(6, 28),
    "searches": _habit(5, 84),
    "views_2nd": _habit(4, 196),
    "views_3rd": _habit(6, 84),
    # little below the article's 600 in 90 days: nothing up to 4 a day (360), full at 900
    "viewed_by": TermSettings(weight=4, target=900, curve="linear", start=360),
    # insights: like, comment, reshare; engagement received; groups; InMail response rate
    "likes": _habit(6, 84),
    "comments": _habit(8, 28),
    "shares": _habit(2, 8),
    "engagement_received": _outcome(4, 100),
    "groups": _habit(3, 5),
    "inmail_rate": _habit(2, 0.10),
    # relationships: invite 2nd and 3rd degree, acceptance rate, colleagues, network size
    "invitations_2nd": _habit(5, 84),
    "invitations_3rd": _habit(6, 56),
    "acceptance_rate": _habit(6, 0.20),
    "colleagues": _habit(2, 10),
    "network_size": _outcome(6, 500),
}
"""Every term's default; the four pillars' weights each add up to 25 (see docs/scoring.md)."""


class ScoringSettings(BaseModel):
    """Everything the estimate, the to-dos and the warnings depend on (`[scoring]`)."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    activity_window_days: int = Field(default=28, ge=7, le=365)
    """Rolling window for activity counts (searches, views, likes, posts, invitations...)."""
    rate_window_days: int = Field(default=90, ge=28, le=730)
    """Rolling window for the two rates, views received and colleagues connected."""
    group_window_days: int = Field(default=365, ge=28, le=3650)
    """How far back groups joined still count ('join several groups')."""
    pending_days: int = Field(default=21, ge=1, le=180)
    """An invitation not accepted within this many days is judged declined in the acceptance
    rate; until then it is pending. Also the age from which a pending one is called stale."""
    min_judged_invitations: int = Field(default=10, ge=1, le=1000)
    """The acceptance rate scores nothing until this many invitations are judged in its window
    (project's choice: a rate of 1 out of 1 says nothing)."""
    article_posts: float = Field(default=3.0, ge=1, le=20)
    """How many posts an article counts as in the publishing term (it is more work)."""
    brand_gate: float = Field(default=20, ge=0, le=25)
    """Below this brand score, posting and engaging give way to finishing the profile."""
    terms: dict[str, TermSettings] = Field(default_factory=lambda: dict(DEFAULT_TERMS))
    """Weight, target and curve of every term, by key (see docs/scoring.md for the list)."""
    daily_searches: int = Field(default=3, ge=1, le=100)
    """To-do: searches a day."""
    daily_profile_views: int = Field(default=10, ge=1, le=500)
    """To-do: profile views a day (all degrees)."""
    daily_profile_views_3rd: int = Field(default=3, ge=0, le=500)
    """To-do: of which 3rd-degree profiles (0 hides that to-do)."""
    weekly_posts: int = Field(default=1, ge=0, le=50)
    """To-do: posts a week, once brand is at the gate (0 hides that to-do); below the gate it is
    an article a week instead."""
    effort_seconds: dict[str, float] = Field(default_factory=lambda: dict(DEFAULT_EFFORT))
    """About how long one unit of each to-do takes, by to-do key (project's estimates): the
    to-dos and the plan are ordered by points gained per minute of effort."""
    target_total: float = Field(default=75, ge=1, le=100)
    """The total the forecast and the plan aim for: 75 (article 1: 'chercher à toujours avoir
    un SSI LinkedIn supérieur à 75'); set 90 to aim higher, which the article advises against."""

    @model_validator(mode="before")
    @classmethod
    def _merge_terms(cls, data: object) -> object:
        """A config file names only the terms and fields it changes; the rest keep defaults."""
        if isinstance(data, dict) and isinstance(data.get("terms"), dict):
            merged: dict[str, object] = {}
            for key, value in data["terms"].items():
                if key not in DEFAULT_TERMS:
                    raise SettingsProblem("unknown_term", key=key,
                                          known=", ".join(DEFAULT_TERMS))
                base = DEFAULT_TERMS[key].model_dump()
                merged[key] = {**base, **value} if isinstance(value, dict) else value
            data = {**data, "terms": {**DEFAULT_TERMS, **merged}}
        if isinstance(data, dict) and isinstance(data.get("effort_seconds"), dict):
            unknown = set(data["effort_seconds"]) - DEFAULT_EFFORT.keys()
            if unknown:
                raise SettingsProblem("unknown_effort", key=sorted(unknown)[0],
                                      known=", ".join(DEFAULT_EFFORT))
            data = {**data, "effort_seconds": {**DEFAULT_EFFORT, **data["effort_seconds"]}}
        return data

    def per_day(self, term: str) -> float:
        """How many a day fill a counted term: its target over its window (the to-dos' rule)."""
        window = (self.group_window_days if term == "groups" else
                  self.rate_window_days if term in ("colleagues", "viewed_by") else
                  self.activity_window_days)
        return self.term(term).target / window

    @property
    def daily_engagements(self) -> float:
        """Likes, comments and shares a day that fill their terms (the team's habits table)."""
        return round(sum(self.per_day(t) for t in ("likes", "comments", "shares")), 1)

    @property
    def daily_invitations(self) -> float:
        """2nd- and 3rd-degree invitations a day that fill their terms."""
        return round(sum(self.per_day(t) for t in ("invitations_2nd", "invitations_3rd")), 1)

    def effort(self, key: str) -> float:
        """Seconds one unit of to-do `key` takes."""
        return self.effort_seconds.get(key, DEFAULT_EFFORT.get(key, 60.0))

    @property
    def lookback_days(self) -> int:
        """How far back from a day its estimate looks: the widest window. The one source of
        this rule for the model, the status and the journal's reads."""
        return max(self.activity_window_days, self.rate_window_days, self.group_window_days)

    def term(self, key: str) -> TermSettings:
        """The settings of one term (its default if the table leaves it out)."""
        return self.terms.get(key, DEFAULT_TERMS[key])
