"""The invitation statistics, checked against values computed by hand (docs/scoring.md), and the
study of article 2: 100 personalised invitations accepted at 62%, 100 plain ones at 72%."""

from __future__ import annotations

from datetime import timedelta

import pytest
from model_builders import DAY, ago

from ssi_tui.domain import Invitation
from ssi_tui.model import invitation_study, two_proportion_z_test, wilson_interval
from ssi_tui.model.stats import sample_size_per_arm


def test_wilson_62_of_100_by_hand() -> None:
    # z² = 3.841459; centre = (0.62 + z²/200) / (1 + z²/100) = 0.639207 / 1.038415 = 0.615561
    # half = z·√(0.62·0.38/100 + z²/40000) / 1.038415 = 1.959964 · 0.049524 / 1.038415 = 0.093474
    low, high = wilson_interval(62, 100)
    assert low == pytest.approx(0.522098, abs=1e-5)
    assert high == pytest.approx(0.709024, abs=1e-5)


@pytest.mark.parametrize(
    ("x", "n", "low", "high"),
    [(0, 10, 0.0, 0.277533),  # centre = half = (z²/20) / (1 + z²/10)
     (10, 10, 0.722467, 1.0),
     (72, 100, 0.625120, 0.798603),  # centre 0.711861, half 0.086742
     (1, 2, 0.094531, 0.905469)],
)
def test_wilson_other_cases(x: int, n: int, low: float, high: float) -> None:
    assert wilson_interval(x, n) == pytest.approx((low, high), abs=1e-5)


def test_wilson_without_data_is_the_whole_range() -> None:
    assert wilson_interval(0, 0) == (0.0, 1.0)


def test_wilson_narrows_with_n_and_a_bigger_z_widens_it() -> None:
    small, big = wilson_interval(6, 10), wilson_interval(600, 1000)
    assert big[1] - big[0] < small[1] - small[0]
    assert wilson_interval(62, 100, z=2.575829)[0] < wilson_interval(62, 100)[0]


def test_z_test_62_vs_72_by_hand() -> None:
    # pooled p̄ = 134/200 = 0.67; se = √(0.67·0.33·(1/100 + 1/100)) = √0.004422 = 0.066498
    # z = (0.62 − 0.72) / 0.066498 = −1.50380; p = erfc(1.50380/√2) = 0.13263
    z, p = two_proportion_z_test(62, 100, 72, 100)
    assert z == pytest.approx(-1.50380, abs=1e-4)
    assert p == pytest.approx(0.13263, abs=1e-4)
    z_swapped, p_swapped = two_proportion_z_test(72, 100, 62, 100)
    assert z_swapped == pytest.approx(-z) and p_swapped == pytest.approx(p)


def test_z_test_30_vs_10_by_hand() -> None:
    # p̄ = 0.2; se = √(0.2·0.8·0.02) = 0.0565685; z = 0.2 / 0.0565685 = 3.53553
    # p = erfc(3.53553/√2) = erfc(2.5) = 0.000406952
    z, p = two_proportion_z_test(30, 100, 10, 100)
    assert z == pytest.approx(3.53553, abs=1e-4)
    assert p == pytest.approx(0.000406952, rel=1e-4)


def test_z_test_degenerate_cases() -> None:
    assert two_proportion_z_test(0, 0, 5, 10) == (0.0, 1.0)
    assert two_proportion_z_test(10, 10, 20, 20) == (0.0, 1.0)  # both 100%: no variance
    assert two_proportion_z_test(5, 10, 10, 20) == (0.0, 1.0)


def test_sample_size_by_hand() -> None:
    # 0.62 vs 0.72: p̄ = 0.67, z(0.975) = 1.959964, z(0.8) = 0.841621;
    # (1.959964·√(2·0.67·0.33) + 0.841621·√(0.62·0.38 + 0.72·0.28))² / 0.1²
    # = (1.959964·0.664982 + 0.841621·0.661211)² / 0.01 = (1.303339 + 0.556489)² / 0.01
    # = 345.9 → 346 per arm
    assert sample_size_per_arm(0.62, 0.72) == 346
    # 0.5 vs 0.6, the textbook case: (1.959964·√0.495 + 0.841621·√0.49)² / 0.01 = 387.3 → 388
    assert sample_size_per_arm(0.5, 0.6) == 388
    assert sample_size_per_arm(0.6, 0.5) == 388
    assert sample_size_per_arm(0.4, 0.4) is None


def article_2() -> list[Invitation]:
    """Article 2's test: 100 personalised (two variants) accepted at 62%, 100 plain at 72%;
    what follows is made up: 30 personalised reach an exchange, 10 plain reach a call."""
    sent = ago(60)
    invs = []
    for n in range(100):
        invs.append(Invitation(
            n, sent, 2, True, variant="A" if n < 50 else "B",
            accepted_day=sent + timedelta(days=2) if n < 62 else None,
            exchange_day=sent + timedelta(days=5) if n < 30 else None,
            meeting_day=sent + timedelta(days=20) if n < 4 else None))
        invs.append(Invitation(
            1000 + n, sent, 3, False,
            accepted_day=sent + timedelta(days=2) if n < 72 else None,
            call_day=sent + timedelta(days=9) if n < 10 else None))
    return invs


def test_study_reproduces_article_2() -> None:
    pending = [Invitation(5000, ago(3), 2, True), Invitation(5001, ago(20), 2, False),
               Invitation(5002, ago(2), 2, False, accepted_day=ago(1))]  # accepted: judged
    study = invitation_study(article_2() + pending, DAY)
    personal, plain = study.arms["personalized"], study.arms["plain"]
    assert (personal.sent, personal.accepted, personal.rate) == (100, 62, 0.62)
    assert (plain.sent, plain.accepted) == (101, 73)
    assert personal.ci95 == wilson_interval(62, 100)
    assert personal.funnel == {"exchange": 30, "call": 4, "meeting": 4, "contract": 0}
    assert plain.funnel == {"exchange": 10, "call": 10, "meeting": 0, "contract": 0}
    assert personal.funnel_rates["exchange"] == pytest.approx(0.30)
    assert study.pending == {"personalized": 1, "plain": 1}
    assert set(study.variants) == {"A", "B"}
    assert (study.variants["A"].sent, study.variants["A"].accepted) == (50, 50)
    assert (study.variants["B"].sent, study.variants["B"].accepted) == (50, 12)
    assert study.acceptance_test == two_proportion_z_test(62, 100, 73, 101)
    assert study.exchange_test == two_proportion_z_test(30, 100, 10, 101)
    assert study.needed_per_arm == sample_size_per_arm(0.62, 73 / 101)


def test_study_verdict_in_plain_words() -> None:
    study = invitation_study(article_2(), DAY)
    assert study.verdict == (
        "Plain invitations were accepted more (72% vs 62%, p = 0.13), not significant at 5%: "
        "keep testing. Reaching an exchange: personalised ahead of plain (30% vs 10% of sent, "
        "p < 0.001), significant at 5%.")
    assert study.needed_per_arm == 346


def test_study_without_enough_data() -> None:
    empty = invitation_study([], DAY)
    assert empty.acceptance_test is None and empty.needed_per_arm is None
    assert empty.arms["plain"].sent == 0 and empty.arms["plain"].ci95 == (0.0, 1.0)
    assert "No invitation old enough" in empty.verdict
    one_arm = invitation_study([Invitation(1, ago(30), 2, True, accepted_day=ago(28))], DAY)
    assert one_arm.verdict == ("No plain invitation old enough to judge yet: send both kinds to "
                               "compare.")
    only_fresh = invitation_study([Invitation(1, ago(3), 2, True)], DAY, pending_days=21)
    assert only_fresh.pending == {"personalized": 1, "plain": 0}
    assert invitation_study([Invitation(1, ago(3), 2, True)], DAY,
                            pending_days=2).pending["personalized"] == 0


def test_study_with_equal_rates_and_no_exchange() -> None:
    invs = [Invitation(n, ago(40), 2, n % 2 == 0, accepted_day=ago(38) if n < 20 else None)
            for n in range(40)]
    study = invitation_study(invs, DAY)
    assert study.needed_per_arm is None
    assert study.verdict.startswith("Both kinds were accepted equally (50%)")
    assert "No exchange logged yet" in study.verdict


def test_a_later_stage_implies_acceptance() -> None:
    inv = Invitation(1, ago(40), 2, False, contract_day=ago(5))
    study = invitation_study([inv], DAY)
    assert study.arms["plain"].accepted == 1
    assert study.arms["plain"].funnel == {"exchange": 1, "call": 1, "meeting": 1, "contract": 1}
