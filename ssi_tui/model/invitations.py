"""The invitation study of article 2: are personalised invitations worth it further down the
funnel? ('Pour connaître le réel impact de la personnalisation des invitations, il faudrait
mesurer jusqu'à l'atteinte de ces objectifs et comparer.')

One rule decides which invitations count, here and in the acceptance term of the estimate: an
invitation is *judged* once it is `pending_days` old; it counts as accepted if it was accepted
within those days. Younger ones count in neither the numerator nor the denominator, accepted or
not, so a fresh batch says nothing yet. Per arm (personalised, plain) and per message variant:
acceptance with a 95% Wilson interval, then each funnel stage as a count and a rate of judged;
each stage compared between the arms with the same test (Fisher's exact test when an expected
cell is below 5, else the pooled z-test). The model returns figures and codes; the faces word
them (views/study.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from ssi_tui.domain import STAGES, Invitation
from ssi_tui.model.stats import (
    Comparison,
    compare_proportions,
    sample_size_per_arm,
    wilson_interval,
)

FUNNEL: tuple[str, ...] = STAGES[1:]  # exchange, call, meeting, contract
COMPARED: tuple[str, ...] = ("acceptance", *FUNNEL)
"""The stages the study compares between the arms, acceptance first."""
ARMS: tuple[str, ...] = ("personalized", "plain")
ALPHA = 0.05


@dataclass(frozen=True)
class ArmStats:
    """One arm (or one message variant) of the study."""

    sent: int
    """Every invitation of the arm, judged or not."""
    accepted: int
    """Judged invitations accepted within `pending_days`."""
    rate: float
    """accepted ÷ judged (0 with nothing judged)."""
    ci95: tuple[float, float]
    funnel: dict[str, int] = field(default_factory=dict)
    """Judged invitations that reached each stage (exchange, call, meeting, contract) or
    deeper."""
    funnel_rates: dict[str, float] = field(default_factory=dict)
    """The same as a share of `judged`."""
    judged: int = 0
    pending: int = 0
    """Sent less than `pending_days` ago: too early to judge (accepted or not)."""


@dataclass(frozen=True)
class Finding:
    """One stage compared: which arm leads (None when equal), both rates and the test."""

    stage: str
    leader: str | None
    high: float
    low: float
    test: Comparison

    @property
    def significant(self) -> bool:
        return self.test.p_value < ALPHA


@dataclass(frozen=True)
class Study:
    arms: dict[str, ArmStats]
    variants: dict[str, ArmStats]
    pending: dict[str, int]
    """Per arm: sent less than `pending_days` ago (too early to judge)."""
    tests: dict[str, Comparison | None]
    """Per compared stage (acceptance, exchange, call, meeting, contract): the test,
    personalised vs plain; None unless both arms have judged invitations."""
    findings: tuple[Finding, ...]
    missing: str | None
    """Why nothing is compared: "none", "personalized" or "plain" has nothing judged yet."""
    needed_per_arm: int | None
    """Judged invitations per arm that would detect the acceptance difference seen (normal
    approximation); None when the rates are equal or the z-test does not apply."""
    pending_days: int = 21

    @property
    def acceptance_test(self) -> Comparison | None:
        return self.tests["acceptance"]

    @property
    def exchange_test(self) -> Comparison | None:
        return self.tests["exchange"]


def accepted_on(inv: Invitation) -> date | None:
    """The day it was accepted; a later stage without an acceptance day implies acceptance.
    (On the hot path of every estimate: plain attribute reads, no per-stage look-ups.)"""
    if inv.accepted_day is not None:
        return inv.accepted_day
    later = [d for d in (inv.exchange_day, inv.call_day, inv.meeting_day, inv.contract_day)
             if d is not None]
    return min(later) if later else None


def accepted_in_time(inv: Invitation, pending_days: int) -> date | None:
    """The day the acceptance became known if it counts as accepted: an acceptance day within
    `pending_days` of sending; without an acceptance day, a later stage (an exchange means it
    was accepted, when is unknown) counts from the day of that stage."""
    if inv.accepted_day is not None:
        return inv.accepted_day if (inv.accepted_day - inv.sent_day).days <= pending_days \
            else None
    return accepted_on(inv)


def reached(inv: Invitation, stage: str) -> bool:
    """A deeper stage implies the shallower ones (a call means there was an exchange)."""
    return any(inv.stage_day(s) is not None for s in STAGES[STAGES.index(stage):])


def is_judged(inv: Invitation, today: date, pending_days: int) -> bool:
    return (today - inv.sent_day).days >= pending_days


def is_pending(inv: Invitation, today: date, pending_days: int) -> bool:
    """Too young to judge, accepted or not."""
    return not is_judged(inv, today, pending_days)


def arm_stats(invitations: Sequence[Invitation], today: date, pending_days: int) -> ArmStats:
    judged = [i for i in invitations if is_judged(i, today, pending_days)]
    n = len(judged)
    accepted = sum(1 for i in judged
                   if (day := accepted_in_time(i, pending_days)) is not None and day <= today)
    funnel = {stage: sum(1 for i in judged if reached(i, stage)) for stage in FUNNEL}
    return ArmStats(
        sent=len(invitations),
        accepted=accepted,
        rate=accepted / n if n else 0.0,
        ci95=wilson_interval(accepted, n),
        funnel=funnel,
        funnel_rates={stage: (k / n if n else 0.0) for stage, k in funnel.items()},
        judged=n,
        pending=len(invitations) - n,
    )


def _arm(inv: Invitation) -> str:
    return "personalized" if inv.personalized else "plain"


def _successes(stats: ArmStats, stage: str) -> int:
    return stats.accepted if stage == "acceptance" else stats.funnel[stage]


def invitation_study(invitations: Sequence[Invitation], today: date,
                     pending_days: int = 21) -> Study:
    """Personalised vs plain, from acceptance down to contracts (article 2)."""
    arms = {arm: arm_stats([i for i in invitations if _arm(i) == arm], today, pending_days)
            for arm in ARMS}
    labels = sorted({i.variant for i in invitations if i.variant})
    variants = {label: arm_stats([i for i in invitations if i.variant == label], today,
                                 pending_days) for label in labels}
    p, q = arms["personalized"], arms["plain"]
    tests: dict[str, Comparison | None] = {stage: None for stage in COMPARED}
    findings: list[Finding] = []
    missing = None
    needed = None
    if p.judged and q.judged:
        for stage in COMPARED:
            a, b = _successes(p, stage), _successes(q, stage)
            test = compare_proportions(a, p.judged, b, q.judged)
            tests[stage] = test
            ra, rb = a / p.judged, b / q.judged
            leader = None if ra == rb else ("personalized" if ra > rb else "plain")
            findings.append(Finding(stage, leader, max(ra, rb), min(ra, rb), test))
        if tests["acceptance"] is not None and tests["acceptance"].method == "z":
            needed = sample_size_per_arm(p.rate, q.rate)
    else:
        missing = "none" if not p.judged and not q.judged else (
            "personalized" if not p.judged else "plain")
    return Study(arms, variants, {arm: arms[arm].pending for arm in ARMS}, tests,
                 tuple(findings), missing, needed, pending_days)


__all__ = ["ArmStats", "Finding", "Study", "accepted_in_time", "accepted_on",
           "invitation_study"]
