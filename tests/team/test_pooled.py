"""The pooled invitation study against values worked by hand, and the judged/pending rule."""

from __future__ import annotations

import math
from fractions import Fraction

import pytest

from ssi_tui.team.board import judge, pooled_study
from ssi_tui.team.digest import shape_counts
from ssi_tui.team.pooled import Table, _fitted_a, breslow_day, chi2_sf, cmh_test
from ssi_tui.team.snapshot import Shape

# Two reps. A: personalised 6 of 10 accepted, plain 8 of 10. B: personalised 3 of 5, plain 9 of 12.
TABLES = [Table("A", 6, 10, 8, 10), Table("B", 3, 5, 9, 12)]


def test_cmh_and_mantel_haenszel_odds_ratio_by_hand() -> None:
    # A: a=6 b=4 c=8 d=2, N=20, n1=n0=10, m1=14, m0=6
    e_a, v_a = Fraction(10 * 14, 20), Fraction(10 * 10 * 14 * 6, 20 * 20 * 19)
    # B: a=3 b=2 c=9 d=3, N=17, n1=5, n0=12, m1=12, m0=5
    e_b, v_b = Fraction(5 * 12, 17), Fraction(5 * 12 * 12 * 5, 17 * 17 * 16)
    assert (e_a, v_a) == (7, Fraction(21, 19))  # 1.105263
    diff = abs(Fraction(6 + 3) - (e_a + e_b)) - Fraction(1, 2)  # continuity correction
    statistic = float(diff * diff / (v_a + v_b))
    odds = float((Fraction(6 * 2, 20) + Fraction(3 * 3, 17)) / (Fraction(4 * 8, 20)
                                                              + Fraction(2 * 9, 17)))
    assert statistic == pytest.approx(0.562524, abs=1e-6)
    assert odds == pytest.approx(0.424779, abs=1e-6)

    result = cmh_test(TABLES)
    assert result is not None
    assert result.statistic == pytest.approx(statistic, rel=1e-12)
    assert result.odds_ratio == pytest.approx(odds, rel=1e-12)
    # one degree of freedom: P(χ² ≥ x) = erfc(√(x/2))
    assert result.p_value == pytest.approx(math.erfc(math.sqrt(statistic / 2)), rel=1e-9)
    assert result.p_value == pytest.approx(0.453245, abs=1e-6)


def test_breslow_day_by_hand() -> None:
    psi = 0.42477876106194684
    # fitted counts keep each table's margins and give it the common odds ratio
    for n1, n0, m1, expected in ((10, 10, 14, 6.120979), (5, 12, 12, 2.872255)):
        a = _fitted_a(n1, n0, m1, psi)
        assert a == pytest.approx(expected, abs=1e-6)
        b, c, d = n1 - a, m1 - a, n0 - m1 + a
        assert a * d / (b * c) == pytest.approx(psi, rel=1e-9)
    # A: (6 − 6.120979)² / (1/(1/6.121 + 1/3.879 + 1/7.879 + 1/2.121)) = 0.014922
    # B: (3 − 2.872255)² / (1/(1/2.872 + 1/2.128 + 1/9.128 + 1/2.872)) = 0.020820
    het = breslow_day(TABLES, psi)
    assert het is not None and het.df == 1
    assert het.statistic == pytest.approx(0.014922 + 0.020820, abs=2e-6)
    assert het.p_value == pytest.approx(chi2_sf(het.statistic, 1), rel=1e-12)
    assert het.p_value == pytest.approx(0.8500, abs=1e-4)


def test_article_two_alone_cannot_tell_62_from_72_but_ten_reps_can() -> None:
    one = cmh_test([Table("solo", 62, 100, 72, 100)])
    assert one is not None and one.p_value > 0.05
    ten = cmh_test([Table(f"r{i}", 62, 100, 72, 100) for i in range(10)])
    assert ten is not None and ten.p_value < 0.001
    assert ten.odds_ratio == pytest.approx((62 * 28) / (38 * 72))


def test_chi2_survival_function_known_quantiles() -> None:
    assert chi2_sf(3.841459, 1) == pytest.approx(0.05, abs=1e-6)
    assert chi2_sf(5.991465, 2) == pytest.approx(0.05, abs=1e-6)
    assert chi2_sf(11.0705, 5) == pytest.approx(0.05, abs=1e-5)
    assert chi2_sf(0.0, 3) == 1.0


def test_no_pooling_without_both_arms() -> None:
    assert cmh_test([Table("A", 5, 10, 0, 0)]) is None
    assert breslow_day([Table("A", 6, 10, 8, 10)], 0.5) is None  # one rep: nothing to compare


@pytest.mark.parametrize(("age", "lag", "state"), [
    (3, None, "pending"), (3, 2, "pending"), (21, None, "declined"), (40, 30, "declined"),
    (40, 21, "accepted"), (21, 0, "accepted"), (20, None, "pending"),
])
def test_judged_rule(age: int, lag: int | None, state: str) -> None:
    assert judge(age, lag, 21) == state


def test_pooled_study_counts_judged_invitations_per_rep_and_down_the_funnel() -> None:
    shapes = [
        Shape("A", True, 22, 3, 1, 6), Shape("A", True, 22, None, 0, 4),
        Shape("A", False, 22, 1, 2, 8), Shape("A", False, 22, None, 0, 2),
        Shape("B", True, 22, 5, 3, 3), Shape("B", True, 22, None, 0, 2),
        Shape("B", False, 22, 0, 1, 9), Shape("B", False, 22, None, 0, 3),
        Shape("B", True, 4, None, 0, 7),  # too recent: pending
        Shape("B", False, 22, 22, 1, 5),  # accepted too late: judged, not accepted
    ]
    study = pooled_study(shape_counts(shapes, 21), 21)
    tables = {s.table.name: s.table for s in study.strata}
    assert tables["A"] == Table("A", 6, 10, 8, 10)
    assert tables["B"] == Table("B", 3, 5, 9, 17)
    assert study.arms["personalized"].pending == 7
    assert study.arms["plain"].funnel["exchange"] == 8
    assert study.arms["personalized"].funnel["call"] == 3
    assert study.as_json().keys() == {"arms", "strata", "cmh", "heterogeneity"}
    assert study.as_json()["cmh"].keys() == {"statistic", "p_value", "odds_ratio"}
    assert study.as_json()["heterogeneity"].keys() == {"p_value"}
    # sanity: age and lag capped just past pending_days give the same answer as the real days
    assert judge(22, 22, 21) == judge(400, 300, 21)
