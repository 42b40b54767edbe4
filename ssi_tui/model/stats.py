"""The three textbook formulas the invitation study needs (standard library only).

- Wilson score interval for a proportion: sound for small samples and rates near 0 or 1, unlike
  the plain `p ± z·√(p(1−p)/n)`.
- Pooled two-proportion z-test, two-sided: is the difference between two rates bigger than
  chance would make it?
- Sample size per arm to detect a difference between two rates (normal approximation).
- Fisher's exact test, used instead of the z-test when an expected cell is below 5.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

Z95 = 1.959964
"""The two-sided 95% quantile of the standard normal distribution."""


def wilson_interval(successes: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval: (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n).
    With no trial at all, every rate is possible: (0, 1)."""
    if n <= 0:
        return (0.0, 1.0)
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def two_proportion_z_test(x1: int, n1: int, x2: int, n2: int) -> tuple[float, float]:
    """Pooled two-sided z-test of p1 = p2; returns (z, p-value), z > 0 when arm 1 is higher.

    z = (p1 − p2) / √(p̄(1−p̄)(1/n1 + 1/n2)) with p̄ = (x1 + x2) / (n1 + n2), and
    p = erfc(|z| / √2) = 2·(1 − Φ(|z|)). No data, or both rates at 0 or at 1: (0, 1)."""
    if n1 <= 0 or n2 <= 0:
        return (0.0, 1.0)
    pooled = (x1 + x2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    if se == 0:
        return (0.0, 1.0)
    z = (x1 / n1 - x2 / n2) / se
    return (z, math.erfc(abs(z) / math.sqrt(2)))


def sample_size_per_arm(p1: float, p2: float, alpha: float = 0.05,
                        power: float = 0.8) -> int | None:
    """Trials per arm for a two-sided test at `alpha` to detect p1 vs p2 with `power`:
    n = (z₁₋α/₂·√(2p̄(1−p̄)) + z₁₋β·√(p1(1−p1) + p2(1−p2)))² / (p1 − p2)², p̄ = (p1 + p2)/2,
    rounded up. None when the rates are equal (no difference to detect)."""
    if p1 == p2:
        return None
    normal = NormalDist()
    z_alpha, z_beta = normal.inv_cdf(1 - alpha / 2), normal.inv_cdf(power)
    pbar = (p1 + p2) / 2
    root = (z_alpha * math.sqrt(2 * pbar * (1 - pbar))
            + z_beta * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2)))
    return math.ceil(root * root / (p1 - p2) ** 2)


def fisher_exact(x1: int, n1: int, x2: int, n2: int) -> float:
    """Two-sided p-value of Fisher's exact test on the 2×2 table (x1, n1−x1 / x2, n2−x2): the
    probability, given the margins, of every table at most as likely as the one observed
    (hypergeometric; a relative tolerance of 1e-7 keeps ties together). No data: 1."""
    if n1 <= 0 or n2 <= 0:
        return 1.0
    successes, total = x1 + x2, n1 + n2
    denom = math.comb(total, successes)

    def prob(a: int) -> float:
        return math.comb(n1, a) * math.comb(n2, successes - a) / denom

    observed = prob(x1)
    low, high = max(0, successes - n2), min(n1, successes)
    p = sum(q for a in range(low, high + 1) if (q := prob(a)) <= observed * (1 + 1e-7))
    return min(1.0, p)


def smallest_expected_cell(x1: int, n1: int, x2: int, n2: int) -> float:
    """The smallest count the 2×2 table would hold if both arms shared one rate."""
    total = n1 + n2
    if n1 <= 0 or n2 <= 0:
        return 0.0
    successes = x1 + x2
    failures = total - successes
    return min(n * k / total for n in (n1, n2) for k in (successes, failures))


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two proportions compared: which test was used, its p-value, and z when it is the z-test."""

    method: str
    """"z" (pooled two-proportion z-test) or "fisher" (Fisher's exact test)."""
    p_value: float
    z: float | None


MIN_EXPECTED = 5.0
"""The textbook rule: the normal approximation needs every expected cell at 5 or more."""


def compare_proportions(x1: int, n1: int, x2: int, n2: int) -> Comparison:
    """Fisher's exact test whenever an expected cell is below 5, else the z-test."""
    if smallest_expected_cell(x1, n1, x2, n2) < MIN_EXPECTED:
        return Comparison("fisher", fisher_exact(x1, n1, x2, n2), None)
    z, p = two_proportion_z_test(x1, n1, x2, n2)
    return Comparison("z", p, z)
