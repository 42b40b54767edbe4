"""The count prefix (issue 14, item 2): shown where the eye is, never left pending by a day
change, a screen change, a form or Escape."""

from __future__ import annotations

import pytest
from pilot import drive, terminal_text
from textual.widgets import Static

from ssi_tui.journal import Journal


def test_the_count_shows_on_screen_at_80x24(journal: Journal, frozen_clock: str) -> None:
    seen: list[str] = []

    async def scenario(app, pilot) -> None:
        await pilot.press("4")
        await pilot.pause()
        seen.append(terminal_text(app))
        prefix = app.dashboard.query_one("#prefix", Static)
        assert prefix.region.y < 3  # under the header, where the day being logged to is shown

    drive(journal, scenario, size=(80, 24))
    assert "4×" in seen[0]


@pytest.mark.parametrize("keys", [
    ("left_square_bracket",),
    ("left_square_bracket", "right_square_bracket"),
    ("J", "D"),
    ("question_mark", "escape"),
    ("w", "escape"),
    ("escape",),
], ids=lambda keys: " ".join(keys))
def test_the_count_clears(journal: Journal, frozen_clock: str, keys: tuple[str, ...]) -> None:
    async def scenario(app, pilot) -> None:
        await pilot.press("4", *keys)
        await pilot.pause()
        assert app.dashboard.query_one("#prefix", Static).display is False
        await pilot.press("l")
        await pilot.pause()

    drive(journal, scenario, size=(80, 24))
    assert [e.count for e in journal.events()] == [1]
