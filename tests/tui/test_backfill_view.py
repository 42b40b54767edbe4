"""Backfill shows what the day holds; the weekly form starts from the saved figures (issue 14,
item 10)."""

from __future__ import annotations

from datetime import timedelta

from pilot import drive, terminal_text
from textual.widgets import Input

from ssi_tui.journal import Journal


def test_backfill_shows_the_days_entries(journal: Journal, frozen_clock: str) -> None:
    saturday = journal.today() - timedelta(days=2)
    journal.log_event(kind="search", count=3, day=saturday)
    journal.log_event(kind="comment", day=saturday, contact="Ada")
    journal.log_event(kind="like", count=7)  # today: not shown while on Saturday
    seen: list[str] = []

    async def scenario(app, pilot) -> None:
        await pilot.press("left_square_bracket", "left_square_bracket")
        await pilot.pause()
        seen.append(terminal_text(app))
        await pilot.press("l")
        await pilot.pause()
        seen.append(terminal_text(app))
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        seen.append(terminal_text(app))

    drive(journal, scenario, size=(80, 24))
    assert "Already logged on Sat 21 Nov" in seen[0]
    assert "3 × search" in seen[0] and "comment · Ada" in seen[0] and "7 × like" not in seen[0]
    assert "· login" in seen[1]  # what was just logged there shows at once
    assert "Already logged" not in seen[2] and "Today's to-dos" in seen[2]


def test_weekly_form_starts_from_the_saved_figures(journal: Journal, frozen_clock: str) -> None:
    journal.set_indicators(profile_views_90d=640, followers=1234, connections=800,
                           day=journal.today() - timedelta(days=7))
    shown: dict[str, str] = {}

    async def scenario(app, pilot) -> None:
        await pilot.press("w")
        await pilot.pause()
        for name in ("profile_views_90d", "search_appearances_7d", "followers", "connections"):
            shown[name] = app.screen.query_one(f"#f-{name}", Input).value
        shown["text"] = terminal_text(app)
        app.screen.query_one("#f-followers", Input).value = "1250"
        await pilot.press("ctrl+s")
        await pilot.pause()

    drive(journal, scenario, size=(80, 24))
    assert {k: v for k, v in shown.items() if k != "text"} == {
        "profile_views_90d": "640", "search_appearances_7d": "", "followers": "1234",
        "connections": "800"}
    assert "saved on 2026-11-16" in shown["text"]
    latest = journal.indicators()[-1]
    assert (latest.day, latest.followers, latest.connections) == (journal.today(), 1250, 800)


def test_weekly_form_in_french_reads_back_what_it_shows(journal: Journal, frozen_clock: str,
                                                        french: None) -> None:
    journal.set_indicators(followers=12_345, day=journal.today())

    async def scenario(app, pilot) -> None:
        await pilot.press("w")
        await pilot.pause()
        assert app.screen.query_one("#f-followers", Input).value == "12\u202f345"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is app.dashboard

    drive(journal, scenario, size=(80, 24))
    assert journal.indicators()[-1].followers == 12_345
