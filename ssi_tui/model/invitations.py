"""The invitation study of article 2: are personalised invitations worth it further down the
funnel? ('Pour connaître le réel impact de la personnalisation des invitations, il faudrait
mesurer jusqu'à l'atteinte de ces objectifs et comparer.')

Per arm (personalised, plain) and per message variant: acceptance with a 95% Wilson interval,
then each funnel stage as a count and a rate of sent; a pooled two-proportion z-test on
acceptance and on reaching an exchange; the sample size per arm that would settle the observed
acceptance difference. Invitations too recent to judge are counted apart, never in the rates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from ssi_tui.domain import STAGES, Invitation
from ssi_tui.i18n import N_, TranslatedMapping, _, integer, ngettext, number, percent
from ssi_tui.model.stats import sample_size_per_arm, two_proportion_z_test, wilson_interval

FUNNEL: tuple[str, ...] = STAGES[1:]  # exchange, call, meeting, contract
ARMS: tuple[str, ...] = ("personalized", "plain")
ARM_LABELS: TranslatedMapping = TranslatedMapping({"personalized": N_("Personalised"),
                                                   "plain": N_("Plain")})
"""How each arm reads on screen, in the interface language (the keys stay English)."""
ALPHA = 0.05


@dataclass(frozen=True)
class ArmStats:
    """One arm (or one message variant) of the study, pending invitations left out."""

    sent: int
    accepted: int
    rate: float
    ci95: tuple[float, float]
    funnel: dict[str, int] = field(default_factory=dict)
    """Invitations that reached each stage (exchange, call, meeting, contract) or deeper."""
    funnel_rates: dict[str, float] = field(default_factory=dict)
    """The same as a share of `sent`."""


@dataclass(frozen=True)
class Study:
    arms: dict[str, ArmStats]
    variants: dict[str, ArmStats]
    pending: dict[str, int]
    """Per arm: sent less than `pending_days` ago and not accepted yet (too early to judge)."""
    acceptance_test: tuple[float, float] | None
    """(z, p-value), personalised minus plain; None unless both arms have judged invitations."""
    exchange_test: tuple[float, float] | None
    verdict: str
    needed_per_arm: int | None


def accepted_on(inv: Invitation) -> date | None:
    """The day it was accepted; a later stage without an acceptance day implies acceptance.
    (On the hot path of every estimate: plain attribute reads, no per-stage look-ups.)"""
    if inv.accepted_day is not None:
        return inv.accepted_day
    later = [d for d in (inv.exchange_day, inv.call_day, inv.meeting_day, inv.contract_day)
             if d is not None]
    return min(later) if later else None


def reached(inv: Invitation, stage: str) -> bool:
    """A deeper stage implies the shallower ones (a call means there was an exchange)."""
    return any(inv.stage_day(s) is not None for s in STAGES[STAGES.index(stage):])


def is_pending(inv: Invitation, today: date, pending_days: int) -> bool:
    return accepted_on(inv) is None and (today - inv.sent_day).days < pending_days


def arm_stats(invitations: Sequence[Invitation]) -> ArmStats:
    sent = len(invitations)
    accepted = sum(1 for i in invitations if reached(i, "accepted"))
    funnel = {stage: sum(1 for i in invitations if reached(i, stage)) for stage in FUNNEL}
    return ArmStats(
        sent=sent,
        accepted=accepted,
        rate=accepted / sent if sent else 0.0,
        ci95=wilson_interval(accepted, sent),
        funnel=funnel,
        funnel_rates={stage: (n / sent if sent else 0.0) for stage, n in funnel.items()},
    )


def _arm(inv: Invitation) -> str:
    return "personalized" if inv.personalized else "plain"


def invitation_study(invitations: Sequence[Invitation], today: date,
                     pending_days: int = 21) -> Study:
    """Personalised vs plain, from acceptance down to contracts (article 2)."""
    judged = [i for i in invitations if not is_pending(i, today, pending_days)]
    arms = {arm: arm_stats([i for i in judged if _arm(i) == arm]) for arm in ARMS}
    labels = sorted({i.variant for i in judged if i.variant})
    variants = {label: arm_stats([i for i in judged if i.variant == label]) for label in labels}
    pending = {arm: 0 for arm in ARMS}
    for inv in invitations:
        if is_pending(inv, today, pending_days):
            pending[_arm(inv)] += 1
    p, q = arms["personalized"], arms["plain"]
    acceptance = exchange = None
    needed = None
    if p.sent and q.sent:
        acceptance = two_proportion_z_test(p.accepted, p.sent, q.accepted, q.sent)
        exchange = two_proportion_z_test(p.funnel["exchange"], p.sent,
                                         q.funnel["exchange"], q.sent)
        needed = sample_size_per_arm(p.rate, q.rate)
    return Study(arms, variants, pending, acceptance, exchange,
                 verdict(p, q, acceptance, exchange, pending_days), needed)


def _p(p_value: float) -> str:
    """The p-value as a formula, with the language's decimal mark."""
    return f"p < {number(0.001, 3)}" if p_value < 0.001 else f"p = {number(p_value, 2)}"


def _acceptance(p: ArmStats, q: ArmStats, test: tuple[float, float]) -> str:
    if p.rate == q.rate:
        return _("Both kinds were accepted equally ({rate}): keep testing.").format(
            rate=percent(p.rate))
    significant = test[1] < ALPHA
    if p.rate > q.rate:
        text = (_("Personalised invitations were accepted more ({hi} vs {lo}, {p}), significant "
                  "at 5%.") if significant else
                _("Personalised invitations were accepted more ({hi} vs {lo}, {p}), not "
                  "significant at 5%: keep testing."))
    else:
        text = (_("Plain invitations were accepted more ({hi} vs {lo}, {p}), significant at 5%.")
                if significant else
                _("Plain invitations were accepted more ({hi} vs {lo}, {p}), not significant at "
                  "5%: keep testing."))
    return text.format(hi=percent(max(p.rate, q.rate)), lo=percent(min(p.rate, q.rate)),
                       p=_p(test[1]))


def _exchange(p: ArmStats, q: ArmStats, test: tuple[float, float]) -> str:
    a, b = p.funnel_rates["exchange"], q.funnel_rates["exchange"]
    if a == b == 0:
        return _("No exchange logged yet: record what follows an acceptance to compare further "
                 "down the funnel, the real measure (article 2).")
    if a == b:
        return _("Reaching an exchange: no difference ({rate} each).").format(rate=percent(a))
    significant = test[1] < ALPHA
    if a > b:
        text = (_("Reaching an exchange: personalised ahead of plain ({hi} vs {lo} of sent, {p}), "
                  "significant at 5%.") if significant else
                _("Reaching an exchange: personalised ahead of plain ({hi} vs {lo} of sent, {p}), "
                  "not significant at 5%: keep testing."))
    else:
        text = (_("Reaching an exchange: plain ahead of personalised ({hi} vs {lo} of sent, {p}), "
                  "significant at 5%.") if significant else
                _("Reaching an exchange: plain ahead of personalised ({hi} vs {lo} of sent, {p}), "
                  "not significant at 5%: keep testing."))
    return text.format(hi=percent(max(a, b)), lo=percent(min(a, b)), p=_p(test[1]))


def verdict(p: ArmStats, q: ArmStats, acceptance: tuple[float, float] | None,
            exchange: tuple[float, float] | None, pending_days: int = 21) -> str:
    """The study in plain words: acceptance first, then the exchange that follows."""
    if acceptance is None or exchange is None:
        if not p.sent and not q.sent:
            return ngettext(
                "No invitation old enough to judge yet ({days} day): send both kinds, "
                "personalised and plain, to compare.",
                "No invitation old enough to judge yet ({days} days): send both kinds, "
                "personalised and plain, to compare.",
                pending_days).format(days=integer(pending_days))
        if not p.sent:
            return _("No personalised invitation old enough to judge yet: send both kinds to "
                     "compare.")
        return _("No plain invitation old enough to judge yet: send both kinds to compare.")
    return f"{_acceptance(p, q, acceptance)} {_exchange(p, q, exchange)}"


__all__ = ["ArmStats", "Study", "invitation_study", "sample_size_per_arm",
           "two_proportion_z_test", "wilson_interval"]
