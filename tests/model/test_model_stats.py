"""The invitation statistics, checked against values computed by hand (docs/scoring.md), and the
study of article 2: 100 personalised invitations accepted at 62%, 100 plain ones at 72%."""

from __future__ import annotations

from datetime import timedelta

import pytest
from model_builders import DAY, ago

from ssi_tui.domain import Invitation
from ssi_tui.model import invitation_study, two_proportion_z_test, wilson_interval
from ssi_tui.model.stats import compare_proportions, fisher_exact, sample_size_per_arm
from ssi_tui.views.study import sample_size_text, study_json, study_lines, verdict_text


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
               Invitation(5002, ago(2), 2, False, accepted_day=ago(1)),  # young: not judged
               Invitation(5003, ago(40), 2, False, accepted_day=ago(10))]  # late: declined
    study = invitation_study(article_2() + pending, DAY)
    personal, plain = study.arms["personalized"], study.arms["plain"]
    assert (personal.sent, personal.judged, personal.accepted, personal.rate) == \
        (101, 100, 62, 0.62)
    assert (plain.sent, plain.judged, plain.accepted, plain.pending) == (103, 101, 72, 2)
    assert personal.ci95 == wilson_interval(62, 100)
    assert personal.funnel == {"exchange": 30, "call": 4, "meeting": 4, "contract": 0}
    assert plain.funnel == {"exchange": 10, "call": 10, "meeting": 0, "contract": 0}
    assert personal.funnel_rates["exchange"] == pytest.approx(0.30)
    assert study.pending == {"personalized": 1, "plain": 2}
    assert set(study.variants) == {"A", "B"}
    assert (study.variants["A"].sent, study.variants["A"].accepted) == (50, 50)
    assert (study.variants["B"].sent, study.variants["B"].accepted) == (50, 12)
    assert study.acceptance_test == compare_proportions(62, 100, 72, 101)
    assert study.acceptance_test.method == "z"
    assert study.exchange_test == compare_proportions(30, 100, 10, 101)
    assert set(study.tests) == {"acceptance", "exchange", "call", "meeting", "contract"}
    assert study.tests["contract"].method == "fisher"  # nobody reached it: expected cells 0
    assert study.needed_per_arm == sample_size_per_arm(0.62, 72 / 101)


def test_study_verdict_in_plain_words_names_its_tests() -> None:
    study = invitation_study(article_2(), DAY)
    text = verdict_text(study)
    assert text.startswith(
        "Plain invitations were accepted more (72% vs 62%, p = 0.13, z-test), not significant "
        "at 5%: keep testing. Reaching an exchange: personalised ahead of plain (30% vs 10% of "
        "judged, p < 0.001, z-test), significant at 5%.")
    assert "Reaching a meeting: personalised ahead of plain (4% vs 0% of judged, p = 0.12, " \
        "Fisher's exact test)" in text
    assert study.needed_per_arm == 346


def test_fisher_by_hand() -> None:
    # 3/3 vs 0/3: margins 3 and 3; only the two extreme tables are as unlikely, each 1/20
    assert fisher_exact(3, 3, 0, 3) == pytest.approx(0.1)
    # 1/10 vs 9/10: R's fisher.test gives 0.001093
    assert fisher_exact(1, 10, 9, 10) == pytest.approx(0.0010933, abs=1e-6)
    assert fisher_exact(0, 0, 1, 2) == 1.0
    assert fisher_exact(5, 10, 5, 10) == pytest.approx(1.0)


def test_three_of_three_against_none_of_three_is_not_significant(tmp_path) -> None:
    """The issue's case, through the real journal: the z-test called it significant (p = 0.01);
    Fisher's exact test, which small samples need, gives 0.10; no sample size is promised."""
    from ssi_tui.journal.store import open_journal

    journal = open_journal(tmp_path / "j.db")
    for n in range(6):
        inv = journal.add_invitation(personalized=n < 3, sent_day=ago(40))
        if n < 3:
            journal.set_outcome(inv.id, "accepted", ago(38))
    study = invitation_study(journal.invitations(), DAY)
    assert study.acceptance_test.method == "fisher"
    assert study.acceptance_test.p_value == pytest.approx(0.1)
    assert "not significant at 5%" in verdict_text(study)
    assert "Fisher's exact test" in verdict_text(study)
    assert study.needed_per_arm is None
    assert "no sample size" in sample_size_text(study)
    assert study_json(study)["tests"]["acceptance"] == {"method": "fisher", "p_value":
                                                        pytest.approx(0.1), "z": None}


def test_a_fresh_batch_gives_no_verdict(tmp_path) -> None:
    """30 personalised invitations sent 2 days ago, 15 accepted already, against 100 old plain
    ones at 72%: nothing of the fresh batch is judged, so there is nothing to compare yet."""
    from ssi_tui.journal.store import open_journal

    journal = open_journal(tmp_path / "j.db")
    for n in range(100):
        inv = journal.add_invitation(personalized=False, sent_day=ago(60))
        if n < 72:
            journal.set_outcome(inv.id, "accepted", ago(58))
    for n in range(30):
        inv = journal.add_invitation(personalized=True, sent_day=ago(2))
        if n < 15:
            journal.set_outcome(inv.id, "accepted", ago(1))
    study = invitation_study(journal.invitations(), DAY)
    personal = study.arms["personalized"]
    assert (personal.sent, personal.judged, personal.accepted, personal.pending) == \
        (30, 0, 0, 30)
    assert study.acceptance_test is None
    assert verdict_text(study) == ("No personalised invitation old enough to judge yet: send "
                                   "both kinds to compare.")
    data = study_json(study)
    assert data["arms"]["personalized"] == {**data["arms"]["personalized"], "sent": 30,
                                            "judged": 0, "accepted": 0, "pending": 30}


def test_study_without_enough_data() -> None:
    empty = invitation_study([], DAY)
    assert empty.acceptance_test is None and empty.needed_per_arm is None
    assert empty.arms["plain"].sent == 0 and empty.arms["plain"].ci95 == (0.0, 1.0)
    assert "No invitation old enough" in verdict_text(empty)
    one_arm = invitation_study([Invitation(1, ago(30), 2, True, accepted_day=ago(28))], DAY)
    assert verdict_text(one_arm) == ("No plain invitation old enough to judge yet: send both "
                                     "kinds to compare.")
    only_fresh = invitation_study([Invitation(1, ago(3), 2, True)], DAY, pending_days=21)
    assert only_fresh.pending == {"personalized": 1, "plain": 0}
    assert invitation_study([Invitation(1, ago(3), 2, True)], DAY,
                            pending_days=2).pending["personalized"] == 0


def test_study_with_equal_rates_and_no_exchange() -> None:
    invs = [Invitation(n, ago(40), 2, n % 2 == 0, accepted_day=ago(38) if n < 20 else None)
            for n in range(40)]
    study = invitation_study(invs, DAY)
    assert study.needed_per_arm is None
    assert verdict_text(study).startswith("Both kinds were accepted equally (50%)")
    assert "No exchange logged yet" in verdict_text(study)
    assert study_lines(study)[-1].startswith("Both kinds")
    assert study_lines(study)[-2].startswith("Acceptance: z-test")  # no stage reached: no line


def test_a_later_stage_implies_acceptance() -> None:
    inv = Invitation(1, ago(40), 2, False, contract_day=ago(5))
    study = invitation_study([inv], DAY)
    assert study.arms["plain"].accepted == 1
    assert study.arms["plain"].funnel == {"exchange": 1, "call": 1, "meeting": 1, "contract": 1}
