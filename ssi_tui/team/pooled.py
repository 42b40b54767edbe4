"""The pooled invitation study: personalised vs plain across the team, stratified by rep.

Pure functions over counts (standard library only). Article 2's single test (100 personalised
invitations accepted at 62% against 100 plain at 72%, p = 0.13) cannot settle the question; ten
reps' experiments can, if pooled without letting one rep's habits masquerade as an effect:
- Cochran–Mantel–Haenszel test of "no association in any rep", with the usual continuity
  correction: CMH = (|Σ aₖ − Σ E[aₖ]| − ½)² / Σ Var[aₖ], chi-squared with 1 degree of freedom;
  E[aₖ] = n1ₖ·m1ₖ/Nₖ, Var[aₖ] = n1ₖ·n0ₖ·m1ₖ·m0ₖ / (Nₖ²(Nₖ − 1));
- the Mantel–Haenszel common odds ratio, personalised vs plain: Σ(aₖdₖ/Nₖ) / Σ(bₖcₖ/Nₖ);
- the Breslow–Day test that the reps share that odds ratio (heterogeneity), chi-squared with
  K − 1 degrees of freedom over the K informative reps (no Tarone correction).
In each rep's 2×2 table a = personalised accepted, b = personalised not accepted, c = plain
accepted, d = plain not accepted (judged invitations only).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Table:
    """One stratum (one rep): accepted and judged invitations in each arm."""

    name: str
    accepted_personalized: int
    judged_personalized: int
    accepted_plain: int
    judged_plain: int

    @property
    def cells(self) -> tuple[int, int, int, int]:
        a, n1 = self.accepted_personalized, self.judged_personalized
        c, n0 = self.accepted_plain, self.judged_plain
        return a, n1 - a, c, n0 - c

    @property
    def informative(self) -> bool:
        """Both arms judged and both outcomes seen: the only tables that carry information
        about the odds ratio."""
        a, b, c, d = self.cells
        return a + b > 0 and c + d > 0 and a + c > 0 and b + d > 0


@dataclass(frozen=True, slots=True)
class Cmh:
    statistic: float
    p_value: float
    odds_ratio: float | None
    """Mantel–Haenszel odds ratio, personalised vs plain (None when undefined: no plain
    acceptance and no personalised refusal anywhere)."""


@dataclass(frozen=True, slots=True)
class Heterogeneity:
    statistic: float
    df: int
    p_value: float


def chi2_sf(x: float, df: int) -> float:
    """P(χ²_df ≥ x): the regularised upper incomplete gamma function Q(df/2, x/2)."""
    if x <= 0:
        return 1.0
    return _gamma_q(df / 2.0, x / 2.0)


def _gamma_q(a: float, x: float) -> float:
    """Q(a, x) by its series (x < a + 1) or its continued fraction (Numerical Recipes §6.2)."""
    log_front = -x + a * math.log(x) - math.lgamma(a)
    if x < a + 1:
        term = total = 1.0 / a
        ap = a
        for _ in range(1000):
            ap += 1
            term *= x / ap
            total += term
            if abs(term) < abs(total) * 1e-15:
                break
        return max(0.0, 1.0 - total * math.exp(log_front))
    tiny = 1e-300
    b = x + 1 - a
    c = 1 / tiny
    d = 1 / b
    h = d
    for i in range(1, 1000):
        an = -i * (i - a)
        b += 2
        d = an * d + b
        d = tiny if abs(d) < tiny else d
        c = b + an / c
        c = tiny if abs(c) < tiny else c
        d = 1 / d
        delta = d * c
        h *= delta
        if abs(delta - 1) < 1e-15:
            break
    return min(1.0, math.exp(log_front) * h)


def cmh_test(tables: Sequence[Table]) -> Cmh | None:
    """Cochran–Mantel–Haenszel with continuity correction; None when no rep has both arms."""
    observed = expected = variance = 0.0
    num = den = 0.0
    for table in tables:
        a, b, c, d = table.cells
        n1, n0, m1, m0 = a + b, c + d, a + c, b + d
        total = n1 + n0
        if total < 2:
            continue
        observed += a
        expected += n1 * m1 / total
        variance += n1 * n0 * m1 * m0 / (total * total * (total - 1))
        num += a * d / total
        den += b * c / total
    if variance <= 0:
        return None
    statistic = max(0.0, abs(observed - expected) - 0.5) ** 2 / variance
    return Cmh(statistic, chi2_sf(statistic, 1), num / den if den > 0 else None)


def _fitted_a(n1: int, n0: int, m1: int, psi: float) -> float:
    """The count aₖ that gives the table odds ratio ψ with its margins fixed: the root in
    [max(0, m1 − n0), min(n1, m1)] of (1 − ψ)a² + (n0 − m1 + ψ(n1 + m1))a − ψ·n1·m1 = 0."""
    lo, hi = max(0, m1 - n0), min(n1, m1)
    if abs(psi - 1) < 1e-12:
        return n1 * m1 / (n1 + n0)
    qa, qb, qc = 1 - psi, n0 - m1 + psi * (n1 + m1), -psi * n1 * m1
    root = math.sqrt(max(0.0, qb * qb - 4 * qa * qc))
    for a in ((-qb + root) / (2 * qa), (-qb - root) / (2 * qa)):
        if lo - 1e-9 <= a <= hi + 1e-9:
            return a
    raise ArithmeticError("no admissible root")  # cannot happen for ψ > 0


def breslow_day(tables: Sequence[Table], odds_ratio: float | None) -> Heterogeneity | None:
    """Do the reps share one odds ratio? None with fewer than two informative reps."""
    useful = [t for t in tables if t.informative]
    if len(useful) < 2 or odds_ratio is None or odds_ratio <= 0:
        return None
    statistic = 0.0
    for table in useful:
        a, b, c, d = table.cells
        n1, n0, m1 = a + b, c + d, a + c
        fa = _fitted_a(n1, n0, m1, odds_ratio)
        cells = (fa, n1 - fa, m1 - fa, n0 - m1 + fa)
        if min(cells) <= 0:
            continue
        variance = 1 / sum(1 / x for x in cells)
        statistic += (a - fa) ** 2 / variance
    df = len(useful) - 1
    return Heterogeneity(statistic, df, chi2_sf(statistic, df))
