"""The invitation study of article 2: are personalised invitations worth it further down the
funnel? ('Pour connaître le réel impact de la personnalisation des invitations, il faudrait
mesurer jusqu'à l'atteinte de ces objectifs et comparer.')

Per arm and per message variant: acceptance with a 95% Wilson score interval, then each funnel
stage as a count and a rate of sent; a pooled two-proportion z-test on acceptance and on
reaching an exchange; the sample size per arm that would detect the observed difference.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from statistics import NormalDist

from ssi_tui.domain import STAGES, Invitation

Z95 = 1.959964
FUNNEL = STAGES[1:]  # exchange, call, meeting, contract
ARMS = ("personalized", "plain")
ARM_LABELS = {"personalized": "Personalised", "plain": "Plain"}


@dataclass(frozen=True)
class ArmStats:
    sent: int
    accepted: int
    rate: float
    ci95: tuple[float, float]
    funnel: dict[str, int] = field(default_factory=dict)
    funnel_rates: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Study:
    arms: dict[str, ArmStats]
    variants: dict[str, ArmStats]
    pending: dict[str, int]
    acceptance_test: tuple[float, float] | None
    exchange_test: tuple[float, float] | None
    verdict: str
    needed_per_arm: int | None


def wilson_interval(successes: int, n: int, z: float = Z95) -> tuple[float, float]:
    """95% Wilson score interval for a proportion (sound even for small n or rates near 0/1)."""
    if n == 0:
        return (0.0, 1.0)
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def two_proportion_z_test(x1: int, n1: int, x2: int, n2: int) -> tuple[float, float]:
    """Pooled two-sided z-test of p1 = p2; returns (z, p-value). z > 0 when arm 1 is higher."""
    if n1 == 0 or n2 == 0:
        return (0.0, 1.0)
    pooled = (x1 + x2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    if se == 0:
        return (0.0, 1.0)
    z = (x1 / n1 - x2 / n2) / se
    return (z, math.erfc(abs(z) / math.sqrt(2)))


def sample_size_per_arm(p1: float, p2: float, alpha: float = 0.05, power: float = 0.8) -> int | None:
    """Invitations per arm to detect p1 vs p2 (two-sided, normal approximation)."""
    if p1 == p2:
        return None
    normal = NormalDist()
    za, zb = normal.inv_cdf(1 - alpha / 2), normal.inv_cdf(power)
    pbar = (p1 + p2) / 2
    numerator = (za * math.sqrt(2 * pbar * (1 - pbar))
                 + zb * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2
    return math.ceil(numerator / (p1 - p2) ** 2)


def _stats(invitations: Sequence[Invitation]) -> ArmStats:
    sent = len(invitations)
    accepted = sum(1 for i in invitations if i.accepted_day is not None)
    funnel = {stage: sum(1 for i in invitations if _reached(i, stage)) for stage in FUNNEL}
    return ArmStats(
        sent=sent,
        accepted=accepted,
        rate=accepted / sent if sent else 0.0,
        ci95=wilson_interval(accepted, sent),
        funnel=funnel,
        funnel_rates={stage: (n / sent if sent else 0.0) for stage, n in funnel.items()},
    )


def _reached(inv: Invitation, stage: str) -> bool:
    """A deeper stage implies the shallower ones (a call means there was an exchange)."""
    return any(inv.stage_day(s) is not None for s in STAGES[STAGES.index(stage):])


def _pending(inv: Invitation, today: date, pending_days: int) -> bool:
    return inv.accepted_day is None and (today - inv.sent_day).days < pending_days


def invitation_study(invitations: Sequence[Invitation], today: date,
                     pending_days: int = 21) -> Study:
    judged = [i for i in invitations if not _pending(i, today, pending_days)]
    arms = {arm: _stats([i for i in judged if i.personalized == (arm == "personalized")])
            for arm in ARMS}
    labels = sorted({i.variant for i in judged if i.variant})
    variants = {label: _stats([i for i in judged if i.variant == label]) for label in labels}
    pending = {arm: sum(1 for i in invitations if _pending(i, today, pending_days)
                        and i.personalized == (arm == "personalized")) for arm in ARMS}
    p, q = arms["personalized"], arms["plain"]
    acceptance = exchange = None
    needed = None
    if p.sent and q.sent:
        acceptance = two_proportion_z_test(p.accepted, p.sent, q.accepted, q.sent)
        exchange = two_proportion_z_test(p.funnel["exchange"], p.sent,
                                         q.funnel["exchange"], q.sent)
        needed = sample_size_per_arm(p.rate, q.rate)
    return Study(arms, variants, pending, acceptance, exchange,
                 _verdict(p, q, acceptance, exchange), needed)


def _compare(name: str, a: float, b: float, test: tuple[float, float]) -> str:
    if a == b:
        return f"{name}: no difference ({a:.0%} each)."
    better, worse = ("personalised", "plain") if a > b else ("plain", "personalised")
    hi, lo = max(a, b), min(a, b)
    significance = ("significant at 5%" if test[1] < 0.05
                    else "not significant at 5%: keep testing")
    return f"{name}: {better} ahead of {worse} ({hi:.0%} vs {lo:.0%}, p = {test[1]:.2f}), " \
           f"{significance}."


def _verdict(p: ArmStats, q: ArmStats, acceptance: tuple[float, float] | None,
             exchange: tuple[float, float] | None) -> str:
    if acceptance is None or exchange is None:
        missing = "personalised" if not p.sent else "plain"
        return f"No {missing} invitations old enough to judge yet: send both kinds to compare."
    return " ".join((
        _compare("Acceptance", p.rate, q.rate, acceptance),
        _compare("Reaching an exchange", p.funnel_rates["exchange"], q.funnel_rates["exchange"],
                 exchange),
    ))
