"""The model's knobs: every term's weight (its maximum points) and target, the windows, and
the to-do targets. Defaults are documented in docs/scoring.md; `[scoring]` in config.toml
overrides any of them, e.g. `[scoring.terms.searches] target = 80`."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, model_validator


class TermSettings(BaseModel):
    """One term of a pillar: it earns `weight` points when its value reaches `target`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    weight: float = Field(ge=0, le=25)
    """Maximum points this term can add to its pillar."""
    target: float = Field(gt=0)
    """Value at which the term saturates (counts over its window, or a rate/fraction)."""


DEFAULT_TERMS: dict[str, TermSettings] = {
    # brand: complete profile, endorsements, publishing, followers gained
    "profile": TermSettings(weight=11, target=1.0),
    "endorsements": TermSettings(weight=4, target=10),
    "publishing": TermSettings(weight=6, target=8),
    "followers": TermSettings(weight=4, target=40),
    # people: daily login, search, 2nd/3rd-degree profile views, being viewed
    "login_days": TermSettings(weight=6, target=28),
    "searches": TermSettings(weight=5, target=84),
    "views_2nd": TermSettings(weight=4, target=196),
    "views_3rd": TermSettings(weight=5, target=84),
    "viewed_by": TermSettings(weight=5, target=600),
    # insights: engage with others' posts, engagement received, groups, InMail response rate
    "likes": TermSettings(weight=4, target=84),
    "comments": TermSettings(weight=6, target=28),
    "shares": TermSettings(weight=3, target=8),
    "engagement_received": TermSettings(weight=5, target=100),
    "groups": TermSettings(weight=3, target=5),
    "inmail_rate": TermSettings(weight=4, target=0.10),
    # relationships: invite 2nd and 3rd degree, acceptance rate, colleagues, network size
    "invitations_2nd": TermSettings(weight=5, target=84),
    "invitations_3rd": TermSettings(weight=6, target=56),
    "acceptance_rate": TermSettings(weight=6, target=0.20),
    "colleagues": TermSettings(weight=3, target=10),
    "network_size": TermSettings(weight=5, target=500),
}


class ScoringSettings(BaseModel):
    """Everything the estimate, the to-dos and the warnings depend on."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    activity_window_days: int = Field(default=28, ge=7, le=365)
    """Rolling window for activity counts (searches, views, likes, invitations...)."""
    rate_window_days: int = Field(default=90, ge=28, le=730)
    """Rolling window for rates (acceptance, InMail replies) and views received."""
    group_window_days: int = Field(default=365, ge=28, le=3650)
    """How far back groups joined still count ("join several groups")."""
    pending_days: int = Field(default=21, ge=1, le=180)
    """An invitation not accepted after this many days counts as declined in the rate."""
    brand_gate: float = Field(default=20, ge=0, le=25)
    """Below this brand score, posting and engaging give way to finishing the profile."""
    terms: dict[str, TermSettings] = Field(default_factory=lambda: dict(DEFAULT_TERMS))
    """Weight and target of every term (see docs/scoring.md for the list)."""
    daily_searches: int = Field(default=3, ge=1, le=100)
    """To-do: searches a day."""
    daily_profile_views: int = Field(default=10, ge=1, le=500)
    """To-do: profile views a day (all degrees)."""
    daily_profile_views_3rd: int = Field(default=3, ge=0, le=500)
    """To-do: of which 3rd-degree profiles."""
    daily_engagements: int = Field(default=5, ge=1, le=500)
    """To-do: likes, comments and shares on others' posts a day."""
    daily_invitations: int = Field(default=5, ge=1, le=100)
    """To-do: connection requests to 2nd/3rd-degree people a day."""

    @model_validator(mode="before")
    @classmethod
    def _merge_terms(cls, data: object) -> object:
        """A config file names only the terms it changes; the others keep their defaults."""
        if isinstance(data, dict) and isinstance(data.get("terms"), dict):
            merged: dict[str, object] = {}
            for key, value in data["terms"].items():
                if key not in DEFAULT_TERMS:
                    raise ValueError(f"terms.{key}: unknown term; known: {', '.join(DEFAULT_TERMS)}")
                base = DEFAULT_TERMS[key].model_dump()
                merged[key] = {**base, **value} if isinstance(value, dict) else value
            data = {**data, "terms": {**DEFAULT_TERMS, **merged}}
        return data

    def term(self, key: str) -> TermSettings:
        return self.terms.get(key, DEFAULT_TERMS[key])
