"""The outcome picker filters as you type (issue 14, item 9): contact, day, variant, degree."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pilot import drive

from ssi_tui.journal import Journal


@pytest.fixture
def invitations(journal: Journal) -> dict[str, int]:
    today = journal.today()
    made = {
        "ada": journal.add_invitation(personalized=True, contact="Ada Lovelace", degree=2,
                                      variant="A: shared interest",
                                      sent_day=today - timedelta(days=9)),
        "alan": journal.add_invitation(personalized=False, contact="Alan Turing", degree=3,
                                       sent_day=today - timedelta(days=3)),
        "grace": journal.add_invitation(personalized=True, contact="Grace Hopper", degree=2,
                                        variant="B: mutual contact",
                                        sent_day=today - timedelta(days=3)),
    }
    for i in range(40):
        journal.add_invitation(personalized=False, contact=f"Someone {i}",
                               sent_day=today - timedelta(days=20))
    return {name: inv.id for name, inv in made.items()}


@pytest.mark.parametrize(("typed", "expected"), [
    ("lovelace", ["ada"]),
    ("TURING", ["alan"]),
    ("3rd", ["alan"]),
    ("mutual", ["grace"]),
    ("2026-11-20", ["alan", "grace"]),
    ("2nd 2026-11-14", ["ada"]),
])
def test_the_list_filters_as_you_type(journal: Journal, frozen_clock: str,
                                      invitations: dict[str, int], typed: str,
                                      expected: list[str]) -> None:
    shown: list[int] = []

    async def scenario(app, pilot) -> None:
        await pilot.press("o")
        await pilot.pause()
        assert app.screen.focused.id == "f-search"
        await pilot.press(*typed)
        await pilot.pause()
        options = app.screen.query_one("#f-id")
        shown.extend(int(options.get_option_at_index(i).id)
                     for i in range(options.option_count))

    drive(journal, scenario, size=(80, 24))
    assert sorted(shown) == sorted(invitations[name] for name in expected)


def test_pick_with_the_arrows_and_save_with_enter(journal: Journal, frozen_clock: str,
                                                  invitations: dict[str, int]) -> None:
    async def scenario(app, pilot) -> None:
        await pilot.press("o")
        await pilot.pause()
        await pilot.press(*"2026-11-20", "down", "enter")
        await pilot.pause()
        assert app.screen is app.dashboard

    drive(journal, scenario, size=(80, 24))
    picked = [inv for inv in journal.invitations() if inv.accepted_day is not None]
    assert [inv.id for inv in picked] == [min(invitations["alan"], invitations["grace"])]


def test_nothing_matches_says_so(journal: Journal, frozen_clock: str,
                                 invitations: dict[str, int]) -> None:
    async def scenario(app, pilot) -> None:
        await pilot.press("o")
        await pilot.pause()
        await pilot.press(*"zzz", "enter")
        await pilot.pause()
        assert str(app.screen.query_one("#err-id").render()) == "pick an invitation"

    drive(journal, scenario, size=(80, 24))
    assert all(inv.accepted_day is None for inv in journal.invitations())
